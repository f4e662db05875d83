/*
 * scr_houseform.c: add or change a house.  The house number and the area
 * are checked as they are left (houseno_parse, area_parse), the floor
 * shown as it follows from the room; Ctrl-S saves through svc_house_add or
 * svc_house_edit (the version read with the house goes along, so a change
 * made at another desk meanwhile is refused, not overwritten).  Reads the
 * house through db (read-only); every change goes through svc.
 */
#include "ui/scr_houseform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/household.h"
#include "core/houseno.h"
#include "db/house_db.h"
#include "svc/session.h"
#include "svc/svc_owner.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum houseform_action { HF_SAVE };
enum { F_CODE, F_FLOOR, F_AREA, F_USE, F_STATE, F_NOTES, F_COUNT };

/* Choices in enum house_use and enum house_state order. */
static const char *const use_choices[] = {
	N_("Residence"), N_("Shop"), N_("Parking space"), N_("Storeroom"),
	NULL,
};
static const char *const state_choices[] = {
	N_("Vacant"), N_("Occupied"), N_("Decorating"), N_("Let"), NULL,
};

struct houseform {
	struct formmodel fm;
	int64_t id;          /* 0: a new house */
	int64_t version;     /* as read */
	char title[64];
};

static int
check_code(const char *text, void *arg)
{
	struct houseno no;

	(void)arg;
	return houseno_parse(text, &no);
}

static int
check_area(const char *text, void *arg)
{
	int64_t centi;

	(void)arg;
	return area_parse(text, &centi);
}

static const struct form_field_def house_fields[F_COUNT] = {
	[F_CODE] = { .label = N_("House number"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 24, .width = 16,
		.validate = check_code, .hint = N_("e.g. 3-2-1502") },
	[F_FLOOR] = { .label = N_("Floor"), .kind = FORM_TEXT,
		.flags = FORM_READONLY, .width = 30 },
	[F_AREA] = { .label = N_("Floor area (m²)"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 16, .width = 12,
		.validate = check_area, .hint = N_("e.g. 89.37") },
	[F_USE] = { .label = N_("Use"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = use_choices },
	[F_STATE] = { .label = N_("State"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = state_choices },
	[F_NOTES] = { .label = N_("Notes"), .kind = FORM_MULTILINE,
		.maxchars = HOUSEHOLD_TEXT_MAX, .width = 50, .rows = 3 },
};

/* The floor field follows the house number typed. */
static void
show_floor(struct houseform *hf)
{
	char *code = formmodel_value(&hf->fm, F_CODE), buf[64];
	struct houseno no;

	buf[0] = '\0';
	if (code[0] != '\0' && houseno_parse(code, &no) == 0)
		snprintf(buf, sizeof buf, _("floor %d (from the room number)"),
		    no.room / 100);
	formmodel_set(&hf->fm, F_FLOOR, buf);
	free(code);
}

/* Fill the form from house id.  0 or an err code. */
static int
load_house(struct houseform *hf, struct app *app)
{
	struct house h;
	char area[AREA_BUFSZ];
	int rc;

	if ((rc = house_db_get(app_db(app), hf->id, &h)) != 0)
		return rc == ERR_NOTFOUND ? err_set(rc, "%s", _("house not "
		    "found; it may have been changed at another desk")) : rc;
	area_format(area, sizeof area, h.area_centi);
	formmodel_set(&hf->fm, F_CODE, h.code);
	formmodel_set(&hf->fm, F_AREA, area);
	formmodel_set_choice(&hf->fm, F_USE, (int)h.use);
	formmodel_set_choice(&hf->fm, F_STATE, (int)h.state);
	formmodel_set(&hf->fm, F_NOTES, h.notes);
	hf->version = h.version;
	snprintf(hf->title, sizeof hf->title, _("Edit house %s"), h.code);
	house_release(&h);
	return 0;
}

static int
houseform_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct houseform *hf;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_OWNER_EDIT)) != 0)
		return rc;
	hf = xcalloc(1, sizeof *hf);
	hf->id = arg != NULL ? *(const int64_t *)arg : 0;
	formmodel_init(&hf->fm, house_fields, F_COUNT, hf);
	formmodel_set_choice(&hf->fm, F_USE, HOUSE_USE_RESIDENCE);
	formmodel_set_choice(&hf->fm, F_STATE, HOUSE_VACANT);
	if (hf->id != 0 && (rc = load_house(hf, s->app)) != 0) {
		formmodel_release(&hf->fm);
		free(hf);
		return rc;
	}
	if (hf->id != 0)
		s->title = hf->title;
	show_floor(hf);
	formmodel_mark_clean(&hf->fm);
	s->state = hf;
	return 0;
}

static void
houseform_close(struct screen *s)
{
	struct houseform *hf = s->state;

	formmodel_release(&hf->fm);
	free(hf);
}

static void
houseform_draw(struct screen *s, WINDOW *w)
{
	struct houseform *hf = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_fit(w, 1, 2, cols - 4, _("A house is building-entrance-room: "
	    "3-2-1502 is building 3, entrance 2, room 2 on floor 15."),
	    TUI_DIM);
	form_draw(&hf->fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* Ctrl-S: check everything, then add or change the house. */
static int
houseform_save(struct screen *s)
{
	struct houseform *hf = s->state;
	char *v[F_COUNT];
	struct house_in in;
	int rc, i, bits;

	if ((rc = formmodel_validate(&hf->fm)) != 0)
		return app_fail(s->app, rc);
	for (i = 0; i < F_COUNT; i++)
		v[i] = formmodel_value(&hf->fm, i);
	memset(&in, 0, sizeof in);
	in.code = v[F_CODE];
	in.area = v[F_AREA];
	in.use = household_code(HH_HOUSE_USE, formmodel_choice(&hf->fm, F_USE));
	in.state = household_code(HH_HOUSE_STATE,
	    formmodel_choice(&hf->fm, F_STATE));
	in.notes = v[F_NOTES];
	rc = hf->id == 0 ? svc_house_add(app_session(s->app), &in, NULL) :
	    svc_house_edit(app_session(s->app), hf->id, hf->version, &in);
	if (rc == ERR_CONFLICT && hf->id == 0)
		bits = app_fail(s->app, formmodel_fail(&hf->fm, F_CODE, rc));
	else if (rc == ERR_CONFLICT) {
		bits = app_fail(s->app, rc);
		dialog_message(s->app, _("Not saved"), err_msg());
	} else if (rc != 0)
		bits = app_fail(s->app, rc);
	else {
		app_info(s->app, hf->id == 0 ? _("House %s added.") :
		    _("House %s saved."), v[F_CODE]);
		formmodel_mark_clean(&hf->fm);
		bits = screen_answer(s, 1, 0, v[F_CODE]);
	}
	for (i = 0; i < F_COUNT; i++)
		free(v[i]);
	return bits;
}

static int
houseform_action(struct screen *s, int act)
{
	(void)act;
	return houseform_save(s);
}

static int
houseform_input(struct screen *s, int key)
{
	struct houseform *hf = s->state;
	int bits = form_key(&hf->fm, s, key);

	if (hf->fm.cur != F_CODE || bits != UI_UNHANDLED)
		show_floor(hf);
	return bits;
}

static int
houseform_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct houseform *)s->state)->fm);
}

static int64_t
houseform_house(struct screen *s)
{
	return ((struct houseform *)s->state)->id;
}

static const struct keybind houseform_keys[] = {
	{ K_CTRL('s'), HF_SAVE, N_("Save"), 0 },
	{ K_F(2), HF_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_houseform_ops = {
	.name = "house-form",
	.title = N_("New house"),
	.help = N_("The facts of a house. The house number is building-"
	    "entrance-room (3-2-1502); the floor follows from the room. The "
	    "floor area is in square metres with at most two decimals. Use "
	    "and state: Left and Right (or Space) change them. The state "
	    "usually follows the people on file (a tenant makes it let); set "
	    "it here for decoration. Ctrl-S saves; Esc leaves and asks first "
	    "if something was typed."),
	.keys = houseform_keys,
	.open = houseform_open,
	.draw = houseform_draw,
	.action = houseform_action,
	.input = houseform_input,
	.dirty = houseform_dirty,
	.house = houseform_house,
	.close = houseform_close,
};
