/*
 * scr_transfer.c: the transfer of ownership (过户) of one house, as one
 * svc action (svc_transfer): the date and the new owner, with a second one
 * for joint ownership (共有).  The form says who holds the house now and
 * what the transfer will do; fields are checked as they are left, and svc
 * refuses a date before the current holding began (the form stays, with
 * the message on the date).
 */
#include "ui/scr_transfer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/household.h"
#include "svc/session.h"
#include "svc/svc_owner.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "ui/model/maskfield.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum transfer_action { TR_SAVE };
enum { TAG_CONFIRM = 1 };
enum { F_DATE, F_KIND1, F_NAME1, F_PHONE1, F_IDTYPE1, F_IDNO1, F_NAME2,
	F_PHONE2, F_IDTYPE2, F_IDNO2, F_COUNT };

static const char *const kind_choices[] = {
	N_("Person"), N_("Company"), NULL,
};
static const char *const idtype_choices[] = {
	N_("ID card"), N_("Passport"), N_("Other document"), N_("No document"),
	NULL,
};

struct transfer {
	struct formmodel fm;
	int64_t house_id;
	char *now;         /* "3-2-1502 is held by 张三 since ..." */
};

/* No number on file: every number typed is checked. */
static const struct maskfield nothing_on_file;

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
	(void)arg;
	return maskfield_check_phone(&nothing_on_file, text);
}

static int
check_id1(const char *text, void *arg)
{
	return maskfield_check_id(&nothing_on_file, formmodel_choice(
	    &((struct transfer *)arg)->fm, F_IDTYPE1), text);
}

static int
check_id2(const char *text, void *arg)
{
	return maskfield_check_id(&nothing_on_file, formmodel_choice(
	    &((struct transfer *)arg)->fm, F_IDTYPE2), text);
}

static const struct form_field_def transfer_fields[F_COUNT] = {
	[F_DATE] = { .label = N_("Transfer date"), .kind = FORM_DATE,
		.flags = FORM_REQUIRED, .validate = check_date },
	[F_KIND1] = { .label = N_("New owner is a"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = kind_choices },
	[F_NAME1] = { .label = N_("New owner"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = HOUSEHOLD_NAME_MAX,
		.width = 30, .validate = check_name },
	[F_PHONE1] = { .label = N_("Phone"), .kind = FORM_TEXT,
		.maxchars = 24, .width = 20, .validate = check_phone },
	[F_IDTYPE1] = { .label = N_("Document"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = idtype_choices },
	[F_IDNO1] = { .label = N_("Document number"), .kind = FORM_TEXT,
		.maxchars = 32, .width = 22, .validate = check_id1 },
	[F_NAME2] = { .label = N_("Joint owner"), .kind = FORM_TEXT,
		.maxchars = HOUSEHOLD_NAME_MAX, .width = 30,
		.validate = check_name, .hint = N_("empty: none") },
	[F_PHONE2] = { .label = N_("Phone"), .kind = FORM_TEXT,
		.maxchars = 24, .width = 20, .validate = check_phone },
	[F_IDTYPE2] = { .label = N_("Document"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = idtype_choices },
	[F_IDNO2] = { .label = N_("Document number"), .kind = FORM_TEXT,
		.maxchars = 32, .width = 22, .validate = check_id2 },
};

/* Across fields: a joint owner's details need his name. */
static int
check_joint(struct formmodel *fm, void *arg)
{
	char *name = formmodel_value(fm, F_NAME2);
	char *phone = formmodel_value(fm, F_PHONE2);
	char *id = formmodel_value(fm, F_IDNO2);
	int rc = 0;

	(void)arg;
	if (name[0] == '\0' && (phone[0] != '\0' || id[0] != '\0'))
		rc = formmodel_fail(fm, F_NAME2, err_set(ERR_INVALID, "%s",
		    _("type the joint owner's name, or clear his phone and "
		    "document number")));
	free(name);
	free(phone);
	free(id);
	return rc;
}

/* "Now held by 张三、李四 (since 2019-05-01)." for the top of the form. */
static int
describe(struct transfer *t, struct app *app)
{
	struct house_detail d;
	struct strbuf sb = STRBUF_INIT;
	int rc, i;

	if ((rc = svc_house_detail(app_session(app), t->house_id, &d)) != 0)
		return rc;
	if (d.owners.n == 0)
		strbuf_addf(&sb, _("%s has no owner on file."), d.house.code);
	else {
		for (i = 0; i < d.owners.n; i++)
			strbuf_addf(&sb, _("%s%s (since %s)"), i > 0 ? "、" :
			    "", d.owners.v[i].o.name, d.owners.v[i].h.since);
		t->now = xasprintf(_("%s is held by %s."), d.house.code,
		    sb.buf);
	}
	if (t->now == NULL)
		t->now = strbuf_detach(&sb, NULL);
	strbuf_release(&sb);
	house_detail_release(&d);
	return 0;
}

static int
transfer_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct transfer *t;
	char today[DATE_BUFSZ];
	struct fd_date d;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_OWNER_EDIT)) != 0)
		return rc;
	t = xcalloc(1, sizeof *t);
	t->house_id = *(const int64_t *)arg;
	if ((rc = describe(t, s->app)) != 0) {
		free(t);
		return rc;
	}
	formmodel_init(&t->fm, transfer_fields, F_COUNT, t);
	t->fm.check = check_joint;
	date_today(&d);
	date_format(today, sizeof today, &d);
	formmodel_set(&t->fm, F_DATE, today);
	formmodel_set_choice(&t->fm, F_KIND1, OWNER_PERSON);
	formmodel_set_choice(&t->fm, F_IDTYPE1, ID_TYPE_IDCARD);
	formmodel_set_choice(&t->fm, F_IDTYPE2, ID_TYPE_IDCARD);
	formmodel_mark_clean(&t->fm);
	s->state = t;
	return 0;
}

static void
transfer_close(struct screen *s)
{
	struct transfer *t = s->state;

	formmodel_release(&t->fm);
	free(t->now);
	free(t);
}

static void
transfer_draw(struct screen *s, WINDOW *w)
{
	struct transfer *t = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_fit(w, 1, 2, cols - 4, t->now, TUI_TITLE);
	draw_fit(w, 2, 2, cols - 4, _("Their holding ends on the transfer "
	    "date and stays in the history; their family moves out, tenants "
	    "stay."), TUI_DIM);
	form_draw(&t->fm, w, 4, 2, rows - 5, cols - 4, s);
}

/* An owner_in from the fields of one new owner. */
static void
owner_of(struct owner_in *in, char **v, const struct formmodel *fm,
    int kind, int name, int phone, int idtype, int idno)
{
	memset(in, 0, sizeof *in);
	in->kind = household_code(HH_OWNER_KIND, kind >= 0 ?
	    formmodel_choice(fm, kind) : OWNER_PERSON);
	in->name = v[name];
	in->phone = v[phone];
	in->id_type = v[idno][0] != '\0' ? household_code(HH_ID_TYPE,
	    formmodel_choice(fm, idtype)) : "none";
	in->id_no = v[idno];
}

/* Ctrl-S: check everything, then ask before transferring. */
static int
transfer_ask(struct screen *s)
{
	struct transfer *t = s->state;
	char *date, *name, *joint, text[512];
	int rc;

	if ((rc = formmodel_validate(&t->fm)) != 0)
		return app_fail(s->app, rc);
	date = formmodel_value(&t->fm, F_DATE);
	name = formmodel_value(&t->fm, F_NAME1);
	joint = formmodel_value(&t->fm, F_NAME2);
	snprintf(text, sizeof text, joint[0] != '\0' ? _("%s\nOn %s the "
	    "house passes to %s and %s. Transfer?") : _("%s\nOn %s the house "
	    "passes to %s%s. Transfer?"), t->now, date, name, joint);
	dialog_confirm(s->app, TAG_CONFIRM, _("Transfer of ownership"), text);
	free(date);
	free(name);
	free(joint);
	return UI_REDRAW;
}

/* The transfer was confirmed: one svc action. */
static int
transfer_save(struct screen *s)
{
	struct transfer *t = s->state;
	struct owner_in in[2];
	struct transfer_to to[2];
	char *v[F_COUNT];
	int rc, i, n, bits;

	for (i = 0; i < F_COUNT; i++)
		v[i] = formmodel_value(&t->fm, i);
	owner_of(&in[0], v, &t->fm, F_KIND1, F_NAME1, F_PHONE1, F_IDTYPE1,
	    F_IDNO1);
	owner_of(&in[1], v, &t->fm, -1, F_NAME2, F_PHONE2, F_IDTYPE2,
	    F_IDNO2);
	n = v[F_NAME2][0] != '\0' ? 2 : 1;
	for (i = 0; i < n; i++) {
		to[i].owner_id = 0;
		to[i].in = &in[i];
	}
	rc = svc_transfer(app_session(s->app), t->house_id, to, n, v[F_DATE],
	    NULL);
	if (rc != 0) {
		/* the date is what svc refuses most (before the holding) */
		if (rc == ERR_INVALID && strstr(err_msg(), v[F_DATE]) != NULL)
			formmodel_fail(&t->fm, F_DATE, rc);
		bits = app_fail(s->app, rc);
	} else {
		app_info(s->app, _("Transferred on %s to %s."), v[F_DATE],
		    v[F_NAME1]);
		formmodel_mark_clean(&t->fm);
		bits = screen_answer(s, 1, 0, NULL);
	}
	for (i = 0; i < F_COUNT; i++)
		free(v[i]);
	return bits;
}

static int
transfer_action(struct screen *s, int act)
{
	(void)act;
	return transfer_ask(s);
}

static int
transfer_result(struct screen *s, int tag, const struct screen_answer *a)
{
	return a->ok && tag == TAG_CONFIRM ? transfer_save(s) : UI_REDRAW;
}

static int
transfer_input(struct screen *s, int key)
{
	return form_key(&((struct transfer *)s->state)->fm, s, key);
}

static int
transfer_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct transfer *)s->state)->fm);
}

static int64_t
transfer_house(struct screen *s)
{
	return ((struct transfer *)s->state)->house_id;
}

static const struct keybind transfer_keys[] = {
	{ K_CTRL('s'), TR_SAVE, N_("Transfer"), 0 },
	{ K_F(2), TR_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_transfer_ops = {
	.name = "transfer",
	.title = N_("Transfer of ownership"),
	.help = N_("A sale or gift of the house (过户): every current owner's "
	    "holding ends on the transfer date, the new owner (and a joint "
	    "owner, if any) holds it from that date. Nothing is deleted: the "
	    "old owners stay in the house's history. Family of the old owners "
	    "moves out on that date; tenants stay (买卖不破租赁). The date may "
	    "not be before the current holding began. Ctrl-S transfers; Esc "
	    "leaves and asks first if something was typed."),
	.keys = transfer_keys,
	.open = transfer_open,
	.draw = transfer_draw,
	.action = transfer_action,
	.input = transfer_input,
	.result = transfer_result,
	.dirty = transfer_dirty,
	.house = transfer_house,
	.close = transfer_close,
};
