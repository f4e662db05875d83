/*
 * scr_reqform.c: registering a service request (登记工单), quick for a
 * phone call.  Opened blank, about a house (svc_request_draft_from_house:
 * its first owner and phone filled in) or from a logged visit
 * (svc_request_draft_from_visit: house, person, phone, type and what was
 * said).  The phone on file is shown masked and saved as it is unless
 * typed over.  Saved through svc_request_register (the person at the desk
 * is the first receiver); the number given is shown and handed back.
 */
#include "ui/scr_reqform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/houseno.h"
#include "core/request.h"
#include "svc/session.h"
#include "svc/svc_request.h"
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

enum reqform_action { RF_SAVE };
enum { F_TYPE, F_CATEGORY, F_URGENCY, F_CHANNEL, F_HOUSE, F_LOCATION,
	F_PERSON, F_PHONE, F_DESC, F_COUNT };

/* In the order of the enums of core/request.h (the index is the value). */
static const char *const type_choices[] = {
	N_("Consultation"), N_("Complaint"), N_("Repair"), N_("Suggestion"),
	NULL,
};
static const char *const category_choices[] = {
	N_("Service attitude"), N_("Environment and cleaning"),
	N_("Facilities"), N_("Security and order"), N_("Fee matters"),
	N_("Decoration matters"), N_("Other"), NULL,
};
static const char *const urgency_choices[] = {
	N_("Urgent"), N_("Normal"), NULL,
};
static const char *const channel_choices[] = {
	N_("Visit"), N_("Phone"), N_("Other"), NULL,
};

struct reqform {
	struct formmodel fm;
	struct maskfield phone;
	int64_t house_id;  /* the house it was opened about, or 0 */
	char *house_text;  /* that house's number */
	int64_t visit_id;
};

static int
check_house(const char *text, void *arg)
{
	struct houseno no;

	(void)arg;
	if (text[0] == '\0')
		return 0;
	return houseno_parse(text, &no);
}

static int
check_phone(const char *text, void *arg)
{
	return maskfield_check_phone(&((struct reqform *)arg)->phone, text);
}

static const struct form_field_def reqform_fields[F_COUNT] = {
	[F_TYPE] = { .label = N_("Type"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = type_choices },
	[F_CATEGORY] = { .label = N_("Category"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = category_choices },
	[F_URGENCY] = { .label = N_("Urgency"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = urgency_choices },
	[F_CHANNEL] = { .label = N_("Channel"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = channel_choices },
	[F_HOUSE] = { .label = N_("House"), .kind = FORM_TEXT,
		.maxchars = 24, .width = 16, .filter = LINEEDIT_HOUSENO,
		.validate = check_house,
		.hint = N_("empty: a public area") },
	[F_LOCATION] = { .label = N_("Location"), .kind = FORM_TEXT,
		.maxchars = REQUEST_LOCATION_MAX, .width = 30,
		.hint = N_("e.g. 3号楼电梯; required without a house") },
	[F_PERSON] = { .label = N_("Contact person"), .kind = FORM_TEXT,
		.maxchars = 40, .width = 20 },
	[F_PHONE] = { .label = N_("Contact phone"), .kind = FORM_TEXT,
		.maxchars = 24, .width = 20, .validate = check_phone },
	[F_DESC] = { .label = N_("Description"), .kind = FORM_MULTILINE,
		.flags = FORM_REQUIRED, .maxchars = REQUEST_DESC_MAX,
		.width = 56, .rows = 5 },
};

/* ---- open, close, draw -------------------------------------------------- */

static int
reqform_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	const struct reqform_arg *fa = arg;
	struct reqform_arg below = { 0, 0 };
	struct request_draft d;
	struct screen *b;
	struct reqform *f;
	int rc = 0, v;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_REQUEST_EDIT)) != 0)
		return rc;
	/* no arg: about the house of the screens below, if any */
	for (b = s->below; fa == NULL && b != NULL && below.house_id == 0;
	    b = b->below)
		if (b->ops->house != NULL)
			below.house_id = b->ops->house(b);
	if (fa == NULL)
		fa = &below;
	memset(&d, 0, sizeof d);
	if (fa->visit_id != 0)
		rc = svc_request_draft_from_visit(ss, fa->visit_id, &d);
	else if (fa->house_id != 0)
		rc = svc_request_draft_from_house(ss, fa->house_id, &d);
	if (rc != 0)
		return rc;
	f = xcalloc(1, sizeof *f);
	formmodel_init(&f->fm, reqform_fields, F_COUNT, f);
	formmodel_set_choice(&f->fm, F_URGENCY, REQ_NORMAL);
	formmodel_set_choice(&f->fm, F_CHANNEL, REQ_BY_PHONE);
	formmodel_set_choice(&f->fm, F_CATEGORY, REQ_CAT_OTHER);
	formmodel_set_choice(&f->fm, F_TYPE, REQ_CONSULT);
	f->house_id = d.in.house_id;
	f->visit_id = d.in.visit_id;
	f->house_text = xstrdup(d.house != NULL ? d.house : "");
	formmodel_set(&f->fm, F_HOUSE, f->house_text);
	formmodel_set(&f->fm, F_PERSON, d.person != NULL ? d.person : "");
	formmodel_set(&f->fm, F_DESC, d.description != NULL ?
	    d.description : "");
	maskfield_set(&f->phone, &f->fm, F_PHONE, 1, d.phone);
	if (d.type != NULL && d.type[0] != '\0' &&
	    (v = request_code_value(REQ_SET_TYPE, d.type)) >= 0)
		formmodel_set_choice(&f->fm, F_TYPE, v);
	if (d.in.channel != NULL &&
	    (v = request_code_value(REQ_SET_CHANNEL, d.in.channel)) >= 0)
		formmodel_set_choice(&f->fm, F_CHANNEL, v);
	request_draft_release(&d);
	formmodel_focus(&f->fm, F_TYPE);
	formmodel_mark_clean(&f->fm);
	s->state = f;
	return 0;
}

static void
reqform_close(struct screen *s)
{
	struct reqform *f = s->state;

	maskfield_release(&f->phone);
	formmodel_release(&f->fm);
	free(f->house_text);
	free(f);
}

static void
reqform_draw(struct screen *s, WINDOW *w)
{
	struct reqform *f = s->state;
	struct session *ss = app_session(s->app);
	int cols = getmaxx(w), rows = getmaxy(w);
	char when[32], buf[256];

	clock_format(when, sizeof when, clock_now());
	snprintf(buf, sizeof buf, _("First receiver %s at %s, %s"),
	    ss->display != NULL ? ss->display : ss->user,
	    ss->desk != NULL ? ss->desk : "", when);
	draw_fit(w, 1, 2, cols - 4, buf, TUI_DIM);
	form_draw(&f->fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* ---- keys --------------------------------------------------------------- */

/* Ctrl-S: register the request. */
static int
reqform_save(struct screen *s)
{
	struct reqform *f = s->state;
	char *val[F_COUNT], *phone, no[REQUEST_NO_BUFSZ];
	struct request_in in;
	int rc, i, bits;

	if ((rc = formmodel_validate(&f->fm)) != 0)
		return app_fail(s->app, rc);
	for (i = 0; i < F_COUNT; i++)
		val[i] = formmodel_value(&f->fm, i);
	phone = maskfield_value(&f->phone, &f->fm);
	memset(&in, 0, sizeof in);
	in.house_id = f->house_id != 0 &&
	    strcmp(val[F_HOUSE], f->house_text) == 0 ? f->house_id : 0;
	in.house = val[F_HOUSE];
	in.visit_id = f->visit_id;
	in.location = val[F_LOCATION];
	in.type = request_code(REQ_SET_TYPE,
	    formmodel_choice(&f->fm, F_TYPE));
	in.category = request_code(REQ_SET_CATEGORY,
	    formmodel_choice(&f->fm, F_CATEGORY));
	in.urgency = request_code(REQ_SET_URGENCY,
	    formmodel_choice(&f->fm, F_URGENCY));
	in.channel = request_code(REQ_SET_CHANNEL,
	    formmodel_choice(&f->fm, F_CHANNEL));
	in.person = val[F_PERSON];
	in.phone = phone;
	in.description = val[F_DESC];
	no[0] = '\0';
	if ((rc = svc_request_register(app_session(s->app), &in, NULL,
	    no)) != 0)
		bits = app_fail(s->app, rc);
	else {
		app_info(s->app, _("Request %s registered."), no);
		formmodel_mark_clean(&f->fm);
		bits = screen_answer(s, 1, 0, no);
	}
	for (i = 0; i < F_COUNT; i++)
		free(val[i]);
	free(phone);
	return bits;
}

static int
reqform_action(struct screen *s, int act)
{
	(void)act;
	return reqform_save(s);
}

static int
reqform_input(struct screen *s, int key)
{
	struct reqform *f = s->state;
	int e = field_edits(key);

	/* typing over the masked number replaces it whole */
	if (e != 0 && maskfield_clear(&f->phone, &f->fm) &&
	    e == FIELD_EDIT_DELETE)
		return UI_REDRAW;
	return form_key(&f->fm, s, key);
}

static int
reqform_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct reqform *)s->state)->fm);
}

static int64_t
reqform_house(struct screen *s)
{
	return ((struct reqform *)s->state)->house_id;
}

static const struct keybind reqform_keys[] = {
	{ K_CTRL('s'), RF_SAVE, N_("Save"), 0 },
	{ K_F(2), RF_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_reqform_ops = {
	.name = "reqform",
	.title = N_("New service request"),
	.help = N_("Register a consultation, complaint, repair or suggestion "
	    "(登记工单); you are its first receiver (首问责任人). Left and "
	    "Right pick the type, category, urgency and channel. Give a house "
	    "number, or leave it empty and say where (a public area). The "
	    "description may take several lines. Ctrl-S (or F2) registers it "
	    "and shows its number; Esc leaves and asks first if something was "
	    "typed."),
	.keys = reqform_keys,
	.open = reqform_open,
	.draw = reqform_draw,
	.action = reqform_action,
	.input = reqform_input,
	.dirty = reqform_dirty,
	.house = reqform_house,
	.close = reqform_close,
};
