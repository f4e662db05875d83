/*
 * scr_visit.c: the quick visit entry (来访登记).  Opened from anywhere with
 * F4, with the house of the screen below filled in.  "Who came" offers the
 * house's current owners and occupants and "someone else"; picking a
 * person fills the name and the phone (masked: the number on file is saved
 * as it is).  Typing another house number and leaving the field offers
 * that house's people.  Saved through svc_visit_log (the receiver, desk
 * and time are the session's and the clock's).
 */
#include "ui/scr_visit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/household.h"
#include "core/houseno.h"
#include "svc/session.h"
#include "svc/svc_owner.h"
#include "svc/svc_visit.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "ui/model/maskfield.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum visit_action { VI_SAVE };
enum { F_HOUSE, F_WHO, F_NAME, F_PHONE, F_PURPOSE, F_CONTENT, F_OUTCOME,
	F_COUNT };

/* The most people offered: owners and occupants of one house. */
#define PEOPLE_MAX 24

static const char *const purpose_choices[] = {
	N_("Consultation"), N_("Complaint"), N_("Repair"), N_("Business"),
	N_("Other"), NULL,
};

/* Someone who may have come: an owner or occupant on file, or anyone. */
struct person {
	char *label;              /* "业主 张三" */
	enum visitor_kind kind;
	char *name;               /* "" for someone else */
	char *phone;              /* raw, "" */
};

struct visitform {
	struct form_field_def defs[F_COUNT]; /* the choices of F_WHO vary */
	struct formmodel fm;
	struct maskfield phone;
	int64_t house_id;         /* the house the people are of, or 0 */
	char *house_text;         /* the house field when they were read */
	struct person people[PEOPLE_MAX + 1];
	int npeople;
	const char *labels[PEOPLE_MAX + 2]; /* NULL-ended, for F_WHO */
	int who;                  /* F_WHO when the fields were filled */
};

static int
check_house(const char *text, void *arg)
{
	struct houseno no;

	(void)arg;
	return houseno_parse(text, &no);
}

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
check_phone(const char *text, void *arg)
{
	return maskfield_check_phone(&((struct visitform *)arg)->phone, text);
}

static const struct form_field_def visit_fields[F_COUNT] = {
	[F_HOUSE] = { .label = N_("House"), .kind = FORM_TEXT,
		.maxchars = 24, .width = 16, .validate = check_house,
		.hint = N_("empty: about no house") },
	[F_WHO] = { .label = N_("Who came"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .width = 30 },
	[F_NAME] = { .label = N_("Name"), .kind = FORM_TEXT,
		.maxchars = HOUSEHOLD_NAME_MAX, .width = 24,
		.validate = check_name },
	[F_PHONE] = { .label = N_("Phone"), .kind = FORM_TEXT,
		.maxchars = 24, .width = 20, .validate = check_phone },
	[F_PURPOSE] = { .label = N_("Purpose"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = purpose_choices },
	[F_CONTENT] = { .label = N_("What was said"), .kind = FORM_MULTILINE,
		.flags = FORM_REQUIRED, .maxchars = HOUSEHOLD_TEXT_MAX,
		.width = 56, .rows = 4 },
	[F_OUTCOME] = { .label = N_("What was done"), .kind = FORM_MULTILINE,
		.maxchars = HOUSEHOLD_TEXT_MAX, .width = 56, .rows = 2 },
};

/* ---- the people of the house ---------------------------------------------- */

/* Forget the people offered. */
static void
drop_people(struct visitform *v)
{
	int i;

	for (i = 0; i < v->npeople; i++) {
		free(v->people[i].label);
		free(v->people[i].name);
		free(v->people[i].phone);
	}
	v->npeople = 0;
}

/* Offer one person. */
static void
add_person(struct visitform *v, enum visitor_kind kind, const char *name,
    const char *phone, const char *what)
{
	struct person *p = &v->people[v->npeople++];

	p->kind = kind;
	p->name = xstrdup(name);
	p->phone = xstrdup(phone);
	p->label = name[0] != '\0' ? xasprintf("%s %s", what, name) :
	    xstrdup(what);
}

/* Offer the people of d (NULL: no house), then "someone else". */
static void
offer_people(struct visitform *v, const struct house_detail *d)
{
	int i;

	drop_people(v);
	for (i = 0; d != NULL && i < d->owners.n &&
	    v->npeople < PEOPLE_MAX; i++)
		add_person(v, VISITOR_OWNER, d->owners.v[i].o.name,
		    d->owners.v[i].o.phone, _("Owner"));
	for (i = 0; d != NULL && i < d->occupants.n &&
	    v->npeople < PEOPLE_MAX; i++)
		add_person(v, VISITOR_OCCUPANT, d->occupants.v[i].name,
		    d->occupants.v[i].phone, household_label(HH_RELATION,
		    (int)d->occupants.v[i].relation));
	add_person(v, VISITOR_OTHER, "", "", _("Someone else"));
	for (i = 0; i < v->npeople; i++)
		v->labels[i] = v->people[i].label;
	v->labels[i] = NULL;
	v->defs[F_WHO].choices = v->labels;
}

/* Fill the name and phone from the person picked in "who came". */
static void
fill_person(struct visitform *v)
{
	int k = formmodel_choice(&v->fm, F_WHO);
	const struct person *p = k >= 0 && k < v->npeople ? &v->people[k] :
	    NULL;

	v->who = k;
	formmodel_set(&v->fm, F_NAME, p != NULL ? p->name : "");
	maskfield_release(&v->phone);
	maskfield_set(&v->phone, &v->fm, F_PHONE, 1,
	    p != NULL ? p->phone : "");
}

/* Read the people of the house typed (or of house id when id != 0). */
static void
load_people(struct visitform *v, struct app *app, int64_t id)
{
	struct house_detail d;
	char *text = formmodel_value(&v->fm, F_HOUSE);
	int rc = ERR_NOTFOUND;

	if (id != 0)
		rc = svc_house_detail(app_session(app), id, &d);
	else if (text[0] != '\0')
		rc = svc_house_detail_by_code(app_session(app), text, &d);
	v->house_id = rc == 0 ? d.house.id : 0;
	if (rc == 0) {
		formmodel_set(&v->fm, F_HOUSE, d.house.code);
		free(text);
		text = xstrdup(d.house.code);
	}
	offer_people(v, rc == 0 ? &d : NULL);
	if (rc == 0)
		house_detail_release(&d);
	free(v->house_text);
	v->house_text = text;
	formmodel_set_choice(&v->fm, F_WHO, 0);
	fill_person(v);
}

/* ---- open, close, draw ------------------------------------------------------ */

static int
visit_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct visitform *v;
	int64_t id = arg != NULL ? *(const int64_t *)arg : 0;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_VISIT_LOG)) != 0)
		return rc;
	v = xcalloc(1, sizeof *v);
	memcpy(v->defs, visit_fields, sizeof v->defs);
	formmodel_init(&v->fm, v->defs, F_COUNT, v);
	load_people(v, s->app, id);
	formmodel_focus(&v->fm, v->house_id != 0 ? F_WHO : F_HOUSE);
	formmodel_mark_clean(&v->fm);
	s->state = v;
	return 0;
}

static void
visit_close(struct screen *s)
{
	struct visitform *v = s->state;

	drop_people(v);
	maskfield_release(&v->phone);
	formmodel_release(&v->fm);
	free(v->house_text);
	free(v);
}

static void
visit_draw(struct screen *s, WINDOW *w)
{
	struct visitform *v = s->state;
	struct session *ss = app_session(s->app);
	int cols = getmaxx(w), rows = getmaxy(w);
	char when[32], buf[256];

	clock_format(when, sizeof when, clock_now());
	snprintf(buf, sizeof buf, _("Received by %s at %s, %s"),
	    ss->display != NULL ? ss->display : ss->user,
	    ss->desk != NULL ? ss->desk : "", when);
	draw_fit(w, 1, 2, cols - 4, buf, TUI_DIM);
	form_draw(&v->fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* ---- keys -------------------------------------------------------------------- */

/* Ctrl-S: log the visit. */
static int
visit_save(struct screen *s)
{
	struct visitform *v = s->state;
	char *val[F_COUNT], *phone;
	const struct person *p;
	struct visit_in in;
	int rc, i, k, bits;

	if ((rc = formmodel_validate(&v->fm)) != 0)
		return app_fail(s->app, rc);
	for (i = 0; i < F_COUNT; i++)
		val[i] = formmodel_value(&v->fm, i);
	phone = maskfield_value(&v->phone, &v->fm);
	k = formmodel_choice(&v->fm, F_WHO);
	p = k >= 0 && k < v->npeople ? &v->people[k] : NULL;
	memset(&in, 0, sizeof in);
	in.house_id = v->house_id != 0 &&
	    strcmp(val[F_HOUSE], v->house_text) == 0 ? v->house_id : 0;
	in.house = val[F_HOUSE];
	in.visitor_kind = household_code(HH_VISITOR_KIND,
	    p != NULL ? (int)p->kind : VISITOR_OTHER);
	in.visitor_name = val[F_NAME];
	in.phone = phone;
	in.purpose = household_code(HH_VISIT_PURPOSE,
	    formmodel_choice(&v->fm, F_PURPOSE));
	in.content = val[F_CONTENT];
	in.outcome = val[F_OUTCOME];
	if ((rc = svc_visit_log(app_session(s->app), &in, NULL)) != 0)
		bits = app_fail(s->app, rc);
	else {
		app_info(s->app, _("Visit logged: %s %s, %s."),
		    val[F_HOUSE][0] != '\0' ? val[F_HOUSE] : _("no house"),
		    val[F_NAME], household_label(HH_VISIT_PURPOSE,
		    formmodel_choice(&v->fm, F_PURPOSE)));
		formmodel_mark_clean(&v->fm);
		bits = screen_answer(s, 1, 0, NULL);
	}
	for (i = 0; i < F_COUNT; i++)
		free(val[i]);
	free(phone);
	return bits;
}

static int
visit_action(struct screen *s, int act)
{
	(void)act;
	return visit_save(s);
}

static int
visit_input(struct screen *s, int key)
{
	struct visitform *v = s->state;
	char *house;
	int bits, e = field_edits(key);

	/* typing over the masked number replaces it whole */
	if (e != 0 && maskfield_clear(&v->phone, &v->fm) &&
	    e == FIELD_EDIT_DELETE)
		return UI_REDRAW;
	bits = form_key(&v->fm, s, key);
	/* another house typed and left: offer its people */
	house = formmodel_value(&v->fm, F_HOUSE);
	if (v->fm.cur != F_HOUSE && strcmp(house, v->house_text) != 0)
		load_people(v, s->app, 0);
	else if (formmodel_choice(&v->fm, F_WHO) != v->who)
		fill_person(v);
	free(house);
	return bits;
}

static int
visit_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct visitform *)s->state)->fm);
}

static int64_t
visit_house(struct screen *s)
{
	return ((struct visitform *)s->state)->house_id;
}

static const struct keybind visit_keys[] = {
	{ K_CTRL('s'), VI_SAVE, N_("Save"), 0 },
	{ K_F(2), VI_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_visit_ops = {
	.name = "visit",
	.title = N_("Log a visit"),
	.help = N_("A visit or call at the desk (来访登记). The house is the "
	    "one you were looking at; type another number to change it. Who "
	    "came: Left and Right pick one of the house's owners or "
	    "occupants, or someone else (then type the name and phone). "
	    "Purpose: consultation, complaint, repair, business or other. "
	    "Write what was said and what was done or promised. Ctrl-S logs "
	    "it under your name; Esc leaves and asks first if something was "
	    "typed."),
	.keys = visit_keys,
	.open = visit_open,
	.draw = visit_draw,
	.action = visit_action,
	.input = visit_input,
	.dirty = visit_dirty,
	.house = visit_house,
	.close = visit_close,
};
