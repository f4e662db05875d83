/*
 * scr_occform.c: add an occupant (使用人: family, tenant) to a house, or
 * change one (the end date included).  Checked as fields are left and
 * again by svc_occupant_add / svc_occupant_edit on Ctrl-S.  Phone and ID
 * numbers on file stay masked unless typed over (ui/maskfield); a role that
 * may reveal gets the one in the cursor's field with F7, audited.
 */
#include "ui/scr_occform.h"

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

enum occform_action { OC_SAVE, OC_REVEAL };
enum { F_NAME, F_REL, F_RELNOTE, F_PHONE, F_IDTYPE, F_IDNO, F_SINCE,
	F_NOTES, F_UNTIL, F_COUNT };
enum { M_PHONE, M_IDNO, M_COUNT };

static const char *const rel_choices[] = {
	N_("Family"), N_("Tenant"), N_("Other"), NULL,
};
static const char *const idtype_choices[] = {
	N_("ID card"), N_("Passport"), N_("Other document"), N_("No document"),
	NULL,
};

struct occform {
	struct formmodel fm;
	struct maskfield mf[M_COUNT];
	int64_t id;       /* 0: a new occupant ... */
	int64_t house_id; /* ... of this house */
	int64_t version;
	char title[128];
};

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
check_note(const char *text, void *arg)
{
	char *out = NULL;
	int rc = household_text_clean(text, HOUSEHOLD_REL_NOTE_MAX,
	    _("relation"), &out);

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
	return maskfield_check_phone(&((struct occform *)arg)->mf[M_PHONE],
	    text);
}

static int
check_idno(const char *text, void *arg)
{
	struct occform *oc = arg;

	return maskfield_check_id(&oc->mf[M_IDNO],
	    formmodel_choice(&oc->fm, F_IDTYPE), text);
}

static const struct form_field_def occ_fields[F_COUNT] = {
	[F_NAME] = { .label = N_("Name"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = HOUSEHOLD_NAME_MAX,
		.width = 24, .validate = check_name, .hint = N_("e.g. 王小明") },
	[F_REL] = { .label = N_("Lives there as"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = rel_choices },
	[F_RELNOTE] = { .label = N_("Relation"), .kind = FORM_TEXT,
		.maxchars = HOUSEHOLD_REL_NOTE_MAX, .width = 16,
		.validate = check_note, .hint = N_("e.g. 配偶, 儿子, 合租") },
	[F_PHONE] = { .label = N_("Phone"), .kind = FORM_TEXT, .maxchars = 24,
		.width = 20, .validate = check_phone },
	[F_IDTYPE] = { .label = N_("Document"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = idtype_choices },
	[F_IDNO] = { .label = N_("Document number"), .kind = FORM_TEXT,
		.maxchars = 32, .width = 22, .validate = check_idno },
	[F_SINCE] = { .label = N_("Lives there from"), .kind = FORM_DATE,
		.validate = check_date, .hint = N_("empty: today") },
	[F_NOTES] = { .label = N_("Notes"), .kind = FORM_MULTILINE,
		.maxchars = HOUSEHOLD_TEXT_MAX, .width = 50, .rows = 2 },
	[F_UNTIL] = { .label = N_("Moved out on"), .kind = FORM_DATE,
		.validate = check_date, .hint = N_("empty: still there") },
};

/* Fill the form from occupant oc->id.  0 or an err code. */
static int
load_occupant(struct occform *oc, struct app *app)
{
	struct occupant o;
	int rc;

	if ((rc = svc_occupant_get(app_session(app), oc->id, &o)) != 0)
		return rc;
	formmodel_set(&oc->fm, F_NAME, o.name);
	formmodel_set_choice(&oc->fm, F_REL, (int)o.relation);
	formmodel_set(&oc->fm, F_RELNOTE, o.relation_note);
	formmodel_set_choice(&oc->fm, F_IDTYPE, (int)o.id_type);
	formmodel_set(&oc->fm, F_SINCE, o.since);
	formmodel_set(&oc->fm, F_UNTIL, o.until);
	formmodel_set(&oc->fm, F_NOTES, o.notes);
	maskfield_set(&oc->mf[M_PHONE], &oc->fm, F_PHONE, 1, o.phone);
	maskfield_set(&oc->mf[M_IDNO], &oc->fm, F_IDNO, 0, o.id_no);
	oc->house_id = o.house_id;
	oc->version = o.version;
	snprintf(oc->title, sizeof oc->title, _("Occupant %s"), o.name);
	occupant_release(&o);
	return 0;
}

/* A new occupant of house oc->house_id.  0 or an err code. */
static int
load_house(struct occform *oc, struct app *app, int relation)
{
	struct house h;
	int rc;

	if ((rc = house_db_get(app_db(app), oc->house_id, &h)) != 0)
		return rc == ERR_NOTFOUND ? err_set(rc, "%s", _("house not "
		    "found")) : rc;
	snprintf(oc->title, sizeof oc->title, _("New occupant of %s"),
	    h.code);
	house_release(&h);
	formmodel_set_choice(&oc->fm, F_REL, relation);
	formmodel_set_choice(&oc->fm, F_IDTYPE, ID_TYPE_IDCARD);
	maskfield_set(&oc->mf[M_PHONE], &oc->fm, F_PHONE, 1, "");
	maskfield_set(&oc->mf[M_IDNO], &oc->fm, F_IDNO, 0, "");
	return 0;
}

static void
occform_free(struct occform *oc)
{
	maskfield_release(&oc->mf[M_PHONE]);
	maskfield_release(&oc->mf[M_IDNO]);
	formmodel_release(&oc->fm);
	free(oc);
}

static const struct screen_ops occform_reveal_ops;

static int
occform_open(struct screen *s, void *arg)
{
	const struct occform_arg *a = arg;
	struct session *ss = app_session(s->app);
	struct occform *oc;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_OWNER_EDIT)) != 0)
		return rc;
	oc = xcalloc(1, sizeof *oc);
	oc->id = a->occupant_id;
	oc->house_id = a->house_id;
	/* only a change can say when someone moved out */
	formmodel_init(&oc->fm, occ_fields, oc->id != 0 ? F_COUNT : F_UNTIL,
	    oc);
	rc = oc->id != 0 ? load_occupant(oc, s->app) :
	    load_house(oc, s->app, a->relation);
	if (rc != 0) {
		occform_free(oc);
		return rc;
	}
	if (oc->id != 0 && svc_may_see_private(ss))
		s->ops = &occform_reveal_ops;
	formmodel_mark_clean(&oc->fm);
	s->title = oc->title;
	s->state = oc;
	return 0;
}

static void
occform_close(struct screen *s)
{
	occform_free(s->state);
}

static void
occform_draw(struct screen *s, WINDOW *w)
{
	struct occform *oc = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_fit(w, 1, 2, cols - 4, oc->id != 0 ? _("Numbers on file are "
	    "masked; type over one to replace it, or leave it as it is.") :
	    _("Family and tenants who live in the house. A tenant makes the "
	    "house let (出租)."), TUI_DIM);
	form_draw(&oc->fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* Ctrl-S: check everything, then add or change the occupant. */
static int
occform_save(struct screen *s)
{
	struct occform *oc = s->state;
	char *v[F_COUNT] = { NULL }, *phone, *idno;
	struct occupant_in in;
	int rc, i, bits;

	if ((rc = formmodel_validate(&oc->fm)) != 0)
		return app_fail(s->app, rc);
	for (i = 0; i < oc->fm.nfields; i++)
		v[i] = formmodel_value(&oc->fm, i);
	phone = maskfield_value(&oc->mf[M_PHONE], &oc->fm);
	idno = maskfield_value(&oc->mf[M_IDNO], &oc->fm);
	memset(&in, 0, sizeof in);
	in.name = v[F_NAME];
	in.relation = household_code(HH_RELATION, formmodel_choice(&oc->fm,
	    F_REL));
	in.relation_note = v[F_RELNOTE];
	in.phone = phone;
	in.id_type = idno[0] != '\0' ? household_code(HH_ID_TYPE,
	    formmodel_choice(&oc->fm, F_IDTYPE)) : "none";
	in.id_no = idno;
	in.since = v[F_SINCE];
	in.until = v[F_UNTIL];
	in.notes = v[F_NOTES];
	rc = oc->id != 0 ? svc_occupant_edit(app_session(s->app), oc->id,
	    oc->version, &in) : svc_occupant_add(app_session(s->app),
	    oc->house_id, &in, NULL);
	if (rc != 0) {
		bits = app_fail(s->app, rc);
		if (rc == ERR_CONFLICT)
			dialog_message(s->app, _("Not saved"), err_msg());
	} else {
		app_info(s->app, oc->id != 0 ? _("Occupant %s saved.") :
		    _("Occupant %s added."), v[F_NAME]);
		formmodel_mark_clean(&oc->fm);
		bits = screen_answer(s, 1, 0, NULL);
	}
	for (i = 0; i < F_COUNT; i++)
		free(v[i]);
	free(phone);
	free(idno);
	return bits;
}

/* F7: the number in the cursor's field, in full (audited). */
static int
occform_reveal(struct screen *s)
{
	struct occform *oc = s->state;
	int i = oc->fm.cur == F_PHONE ? M_PHONE : oc->fm.cur == F_IDNO ?
	    M_IDNO : -1, rc;
	char buf[64];

	if (i < 0 || oc->mf[i].raw == NULL || oc->mf[i].raw[0] == '\0')
		return app_fail(s->app, err_set(ERR_STATE, "%s", _("Put the "
		    "cursor on a masked number first")));
	if ((rc = svc_reveal(app_session(s->app), REVEAL_OCCUPANT, oc->id,
	    i == M_PHONE ? REVEAL_PHONE : REVEAL_ID_NO, buf, sizeof buf)) != 0)
		return app_fail(s->app, rc);
	maskfield_show(&oc->mf[i], &oc->fm, buf);
	app_info(s->app, "%s", _("Shown in full; the audit log records that "
	    "you looked."));
	return UI_REDRAW;
}

static int
occform_action(struct screen *s, int act)
{
	return act == OC_REVEAL ? occform_reveal(s) : occform_save(s);
}

static int
occform_input(struct screen *s, int key)
{
	struct occform *oc = s->state;
	int i, e = field_edits(key);

	/* typing over a masked number replaces it whole */
	for (i = 0; e != 0 && i < M_COUNT; i++)
		if (maskfield_clear(&oc->mf[i], &oc->fm) &&
		    e == FIELD_EDIT_DELETE)
			return UI_REDRAW;
	return form_key(&oc->fm, s, key);
}

static int
occform_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct occform *)s->state)->fm);
}

static int64_t
occform_house(struct screen *s)
{
	return ((struct occform *)s->state)->house_id;
}

static const struct keybind occform_keys[] = {
	{ K_CTRL('s'), OC_SAVE, N_("Save"), 0 },
	{ K_F(2), OC_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

static const struct keybind occform_reveal_keys[] = {
	{ K_CTRL('s'), OC_SAVE, N_("Save"), 0 },
	{ K_F(2), OC_SAVE, NULL, 0 },
	{ K_F(7), OC_REVEAL, N_("Show number"), 0 },
	{ K_CTRL('r'), OC_REVEAL, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

#define OCCFORM_HELP                                                      \
	N_("Someone who lives in the house: family of the owners, a "     \
	"tenant or someone else, with the relation in words (配偶, 儿子), " \
	"phone, document and the date they came. Moving out is recorded "  \
	"with an end date (F8 on the house), never by deleting. Ctrl-S "    \
	"saves; Esc leaves and asks first if something was typed.")

const struct screen_ops scr_occform_ops = {
	.name = "occupant-form",
	.title = N_("Occupant"),
	.help = OCCFORM_HELP,
	.keys = occform_keys,
	.open = occform_open,
	.draw = occform_draw,
	.action = occform_action,
	.input = occform_input,
	.dirty = occform_dirty,
	.house = occform_house,
	.close = occform_close,
};

static const struct screen_ops occform_reveal_ops = {
	.name = "occupant-form",
	.title = N_("Occupant"),
	.help = OCCFORM_HELP,
	.keys = occform_reveal_keys,
	.open = occform_open,
	.draw = occform_draw,
	.action = occform_action,
	.input = occform_input,
	.dirty = occform_dirty,
	.house = occform_house,
	.close = occform_close,
};
