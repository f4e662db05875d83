/*
 * scr_ownerform.c: add an owner to a house, or change an owner.  Fields are
 * checked as they are left with the core parsers and the name and text
 * rules (household_name_clean), and everything again by svc_owner_add /
 * svc_owner_edit on Ctrl-S.  The phone and ID numbers on file are shown
 * masked (ui/maskfield) and saved unchanged unless typed over; a role that
 * may reveal them gets the one in the cursor's field with F7, audited.
 */
#include "ui/scr_ownerform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/household.h"
#include "db/house_db.h"
#include "svc/session.h"
#include "svc/svc_owner.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "ui/model/maskfield.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum ownerform_action { OF_SAVE, OF_REVEAL };
enum { F_KIND, F_NAME, F_PHONE, F_PHONE2, F_IDTYPE, F_IDNO, F_MOVEIN,
	F_ENAME, F_EPHONE, F_NOTES, F_SINCE, F_COUNT };

/* The private fields, and the svc field each reveals. */
enum { M_PHONE, M_PHONE2, M_IDNO, M_EPHONE, M_COUNT };
static const struct {
	int field;
	int phone;
	enum reveal_field reveal;
} privates[M_COUNT] = {
	[M_PHONE] = { F_PHONE, 1, REVEAL_PHONE },
	[M_PHONE2] = { F_PHONE2, 1, REVEAL_PHONE2 },
	[M_IDNO] = { F_IDNO, 0, REVEAL_ID_NO },
	[M_EPHONE] = { F_EPHONE, 1, REVEAL_EMERGENCY_PHONE },
};

static const char *const kind_choices[] = {
	N_("Person"), N_("Company"), NULL,
};
static const char *const idtype_choices[] = {
	N_("ID card"), N_("Passport"), N_("Other document"), N_("No document"),
	NULL,
};

struct ownerform {
	struct formmodel fm;
	struct maskfield mf[M_COUNT];
	int64_t id;               /* 0: a new owner ... */
	int64_t house_id;         /* ... of this house */
	int64_t version;
	char house_code[32];
	char title[128];
};

/* ---- checks as fields are left ---------------------------------------- */

static int
check_name(const char *text, void *arg)
{
	char *out = NULL;
	int rc = household_name_clean(text, _("name"), &out);

	(void)arg;
	free(out);
	return rc;
}

static int
check_date(const char *text, void *arg)
{
	struct fd_date d;

	(void)arg;
	return date_parse(text, &d);
}

static int
check_phone(const char *text, void *arg)
{
	return maskfield_check_phone(&((struct ownerform *)arg)->mf[M_PHONE],
	    text);
}

static int
check_phone2(const char *text, void *arg)
{
	return maskfield_check_phone(&((struct ownerform *)arg)->mf[M_PHONE2],
	    text);
}

static int
check_ephone(const char *text, void *arg)
{
	return maskfield_check_phone(&((struct ownerform *)arg)->mf[M_EPHONE],
	    text);
}

static int
check_idno(const char *text, void *arg)
{
	struct ownerform *of = arg;

	return maskfield_check_id(&of->mf[M_IDNO],
	    formmodel_choice(&of->fm, F_IDTYPE), text);
}

static const struct form_field_def owner_fields[F_COUNT] = {
	[F_KIND] = { .label = N_("Owner type"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = kind_choices },
	[F_NAME] = { .label = N_("Name"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = HOUSEHOLD_NAME_MAX,
		.width = 30, .validate = check_name, .hint = N_("e.g. 张秀英") },
	[F_PHONE] = { .label = N_("Phone"), .kind = FORM_TEXT, .maxchars = 24,
		.width = 20, .validate = check_phone,
		.hint = N_("mobile or 0376-1234567") },
	[F_PHONE2] = { .label = N_("Second phone"), .kind = FORM_TEXT,
		.maxchars = 24, .width = 20, .validate = check_phone2 },
	[F_IDTYPE] = { .label = N_("Document"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = idtype_choices },
	[F_IDNO] = { .label = N_("Document number"), .kind = FORM_TEXT,
		.maxchars = 32, .width = 22, .validate = check_idno },
	[F_MOVEIN] = { .label = N_("Moved in on"), .kind = FORM_DATE,
		.validate = check_date, .hint = N_("empty: not yet") },
	[F_ENAME] = { .label = N_("Emergency contact"), .kind = FORM_TEXT,
		.maxchars = HOUSEHOLD_NAME_MAX, .width = 20,
		.validate = check_name },
	[F_EPHONE] = { .label = N_("Emergency phone"), .kind = FORM_TEXT,
		.maxchars = 24, .width = 20, .validate = check_ephone },
	[F_NOTES] = { .label = N_("Notes"), .kind = FORM_MULTILINE,
		.maxchars = HOUSEHOLD_TEXT_MAX, .width = 50, .rows = 2 },
	[F_SINCE] = { .label = N_("Holds the house from"), .kind = FORM_DATE,
		.validate = check_date,
		.hint = N_("empty: move-in date, else today") },
};

/* ---- open, close ------------------------------------------------------- */

/* Fill the form from owner of->id.  0 or an err code. */
static int
load_owner(struct ownerform *of, struct app *app)
{
	struct owner o;
	int rc, i;
	const char *raw[M_COUNT];

	if ((rc = svc_owner_get(app_session(app), of->id, &o, NULL)) != 0)
		return rc;
	formmodel_set_choice(&of->fm, F_KIND, (int)o.kind);
	formmodel_set(&of->fm, F_NAME, o.name);
	formmodel_set_choice(&of->fm, F_IDTYPE, (int)o.id_type);
	formmodel_set(&of->fm, F_MOVEIN, o.move_in);
	formmodel_set(&of->fm, F_ENAME, o.emergency_name);
	formmodel_set(&of->fm, F_NOTES, o.notes);
	raw[M_PHONE] = o.phone;
	raw[M_PHONE2] = o.phone2;
	raw[M_IDNO] = o.id_no;
	raw[M_EPHONE] = o.emergency_phone;
	for (i = 0; i < M_COUNT; i++)
		maskfield_set(&of->mf[i], &of->fm, privates[i].field,
		    privates[i].phone, raw[i]);
	of->version = o.version;
	snprintf(of->title, sizeof of->title, _("Owner %s"), o.name);
	owner_release(&o);
	return 0;
}

/* The house a new owner joins.  0 or an err code. */
static int
load_house(struct ownerform *of, struct app *app)
{
	struct house h;
	int rc, i;

	if ((rc = house_db_get(app_db(app), of->house_id, &h)) != 0)
		return rc == ERR_NOTFOUND ? err_set(rc, "%s", _("house not "
		    "found")) : rc;
	snprintf(of->house_code, sizeof of->house_code, "%s", h.code);
	snprintf(of->title, sizeof of->title, _("New owner of %s"), h.code);
	house_release(&h);
	formmodel_set_choice(&of->fm, F_KIND, OWNER_PERSON);
	formmodel_set_choice(&of->fm, F_IDTYPE, ID_TYPE_IDCARD);
	for (i = 0; i < M_COUNT; i++)
		maskfield_set(&of->mf[i], &of->fm, privates[i].field,
		    privates[i].phone, "");
	return 0;
}

static void
ownerform_free(struct ownerform *of)
{
	int i;

	for (i = 0; i < M_COUNT; i++)
		maskfield_release(&of->mf[i]);
	formmodel_release(&of->fm);
	free(of);
}

static const struct screen_ops ownerform_reveal_ops;

static int
ownerform_open(struct screen *s, void *arg)
{
	const struct ownerform_arg *a = arg;
	struct session *ss = app_session(s->app);
	struct ownerform *of;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_OWNER_EDIT)) != 0)
		return rc;
	of = xcalloc(1, sizeof *of);
	of->id = a->owner_id;
	of->house_id = a->house_id;
	/* a new owner also says since when he holds the house */
	formmodel_init(&of->fm, owner_fields, of->id != 0 ? F_SINCE : F_COUNT,
	    of);
	rc = of->id != 0 ? load_owner(of, s->app) : load_house(of, s->app);
	if (rc != 0) {
		ownerform_free(of);
		return rc;
	}
	/* numbers on file can be revealed by roles that may */
	if (of->id != 0 && svc_may_see_private(ss))
		s->ops = &ownerform_reveal_ops;
	formmodel_mark_clean(&of->fm);
	s->title = of->title;
	s->state = of;
	return 0;
}

static void
ownerform_close(struct screen *s)
{
	ownerform_free(s->state);
}

static void
ownerform_draw(struct screen *s, WINDOW *w)
{
	struct ownerform *of = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_fit(w, 1, 2, cols - 4, of->id != 0 ? _("Numbers on file are "
	    "masked; type over one to replace it, or leave it as it is.") :
	    _("For a sale use the transfer (过户) on the house instead: it "
	    "ends the old owners' holding."), TUI_DIM);
	form_draw(&of->fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* ---- save -------------------------------------------------------------- */

/* Say why a save failed; a change at another desk gets a box. */
static int
save_failed(struct screen *s, int rc)
{
	int bits = app_fail(s->app, rc);

	if (rc == ERR_CONFLICT)
		dialog_message(s->app, _("Not saved"), err_msg());
	return bits;
}

/* Ctrl-S: check everything, then add or change the owner. */
static int
ownerform_save(struct screen *s)
{
	struct ownerform *of = s->state;
	char *v[F_COUNT] = { NULL }, *m[M_COUNT];
	struct owner_in in;
	int rc, i, bits;

	if ((rc = formmodel_validate(&of->fm)) != 0)
		return app_fail(s->app, rc);
	for (i = 0; i < of->fm.nfields; i++)
		v[i] = formmodel_value(&of->fm, i);
	for (i = 0; i < M_COUNT; i++)
		m[i] = maskfield_value(&of->mf[i], &of->fm);
	memset(&in, 0, sizeof in);
	in.kind = household_code(HH_OWNER_KIND, formmodel_choice(&of->fm,
	    F_KIND));
	in.name = v[F_NAME];
	in.phone = m[M_PHONE];
	in.phone2 = m[M_PHONE2];
	in.id_type = m[M_IDNO][0] != '\0' ? household_code(HH_ID_TYPE,
	    formmodel_choice(&of->fm, F_IDTYPE)) : "none";
	in.id_no = m[M_IDNO];
	in.move_in = v[F_MOVEIN];
	in.emergency_name = v[F_ENAME];
	in.emergency_phone = m[M_EPHONE];
	in.notes = v[F_NOTES];
	rc = of->id != 0 ? svc_owner_edit(app_session(s->app), of->id,
	    of->version, &in) : svc_owner_add(app_session(s->app), &in,
	    of->house_id, v[F_SINCE], NULL);
	if (rc != 0)
		bits = save_failed(s, rc);
	else {
		app_info(s->app, of->id != 0 ? _("Owner %s saved.") :
		    _("Owner %s added."), v[F_NAME]);
		formmodel_mark_clean(&of->fm);
		bits = screen_answer(s, 1, 0, NULL);
	}
	for (i = 0; i < F_COUNT; i++)
		free(v[i]);
	for (i = 0; i < M_COUNT; i++)
		free(m[i]);
	return bits;
}

/* F7: the number in the cursor's field, in full (audited). */
static int
ownerform_reveal(struct screen *s)
{
	struct ownerform *of = s->state;
	char buf[64];
	int i, rc;

	for (i = 0; i < M_COUNT && privates[i].field != of->fm.cur; i++)
		;
	if (i == M_COUNT || of->mf[i].raw == NULL || of->mf[i].raw[0] == '\0')
		return app_fail(s->app, err_set(ERR_STATE, "%s", _("Put the "
		    "cursor on a masked number first")));
	if ((rc = svc_reveal(app_session(s->app), REVEAL_OWNER, of->id,
	    privates[i].reveal, buf, sizeof buf)) != 0)
		return app_fail(s->app, rc);
	maskfield_show(&of->mf[i], &of->fm, buf);
	app_info(s->app, "%s", _("Shown in full; the audit log records that "
	    "you looked."));
	return UI_REDRAW;
}

static int
ownerform_action(struct screen *s, int act)
{
	return act == OF_REVEAL ? ownerform_reveal(s) : ownerform_save(s);
}

static int
ownerform_input(struct screen *s, int key)
{
	struct ownerform *of = s->state;
	int i, e = field_edits(key);

	/* typing over a masked number replaces it whole */
	for (i = 0; e != 0 && i < M_COUNT; i++)
		if (maskfield_clear(&of->mf[i], &of->fm) &&
		    e == FIELD_EDIT_DELETE)
			return UI_REDRAW;
	return form_key(&of->fm, s, key);
}

static int
ownerform_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct ownerform *)s->state)->fm);
}

static int64_t
ownerform_house(struct screen *s)
{
	return ((struct ownerform *)s->state)->house_id;
}

static const struct keybind ownerform_keys[] = {
	{ K_CTRL('s'), OF_SAVE, N_("Save"), 0 },
	{ K_F(2), OF_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

static const struct keybind ownerform_reveal_keys[] = {
	{ K_CTRL('s'), OF_SAVE, N_("Save"), 0 },
	{ K_F(2), OF_SAVE, NULL, 0 },
	{ K_F(7), OF_REVEAL, N_("Show number"), 0 },
	{ K_CTRL('r'), OF_REVEAL, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

#define OWNERFORM_HELP                                                    \
	N_("An owner: a person or a company, the name, phones, the "      \
	"document and its number (an ID card number is checked, its check " \
	"character and birth date included), the move-in date, an "         \
	"emergency contact and notes. Each field is checked as you leave "  \
	"it. Numbers on file are masked: type over one to replace it. "     \
	"Ctrl-S saves; Esc leaves and asks first if something was typed.")

const struct screen_ops scr_ownerform_ops = {
	.name = "owner-form",
	.title = N_("Owner"),
	.help = OWNERFORM_HELP,
	.keys = ownerform_keys,
	.open = ownerform_open,
	.draw = ownerform_draw,
	.action = ownerform_action,
	.input = ownerform_input,
	.dirty = ownerform_dirty,
	.house = ownerform_house,
	.close = ownerform_close,
};

static const struct screen_ops ownerform_reveal_ops = {
	.name = "owner-form",
	.title = N_("Owner"),
	.help = OWNERFORM_HELP,
	.keys = ownerform_reveal_keys,
	.open = ownerform_open,
	.draw = ownerform_draw,
	.action = ownerform_action,
	.input = ownerform_input,
	.dirty = ownerform_dirty,
	.house = ownerform_house,
	.close = ownerform_close,
};
