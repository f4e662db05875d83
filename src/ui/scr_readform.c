/*
 * scr_readform.c: a first reading or a meter replacement, as a small form
 * over the reading grid.  The fields are picked from one table by what the
 * reading needs; Enter on the last field (or Ctrl-S) saves through
 * svc_reading_set().  Unusual usage comes back from svc as ERR_STATE: the
 * form asks, and on yes saves again with confirm.
 */
#include "ui/scr_readform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fee.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum readform_action { RF_SAVE, RF_ENTER };
enum { TAG_UNUSUAL };
enum { F_START, F_OLD_END, F_NEW_START, F_CUR, F_ALL };

static int
check_reading(const char *text, void *arg)
{
	int64_t v;

	(void)arg;
	return fee_reading_parse(text, &v);
}

static const struct form_field_def all_fields[F_ALL] = {
	[F_START] = { .label = N_("Start reading"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 12, .width = 14,
		.filter = LINEEDIT_MONEY, .validate = check_reading,
		.hint = N_("the meter when first read") },
	[F_OLD_END] = { .label = N_("Old meter's last reading"),
		.kind = FORM_TEXT, .flags = FORM_REQUIRED, .maxchars = 12,
		.width = 14, .filter = LINEEDIT_MONEY,
		.validate = check_reading },
	[F_NEW_START] = { .label = N_("New meter's first reading"),
		.kind = FORM_TEXT, .flags = FORM_REQUIRED, .maxchars = 12,
		.width = 14, .filter = LINEEDIT_MONEY,
		.validate = check_reading, .hint = N_("usually 0") },
	[F_CUR] = { .label = N_("This reading"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 12, .width = 14,
		.filter = LINEEDIT_MONEY, .validate = check_reading },
};

struct readform {
	struct form_field_def defs[F_ALL];
	int which[F_ALL];   /* the form's field i is which[i] of F_* */
	int pos[F_ALL];     /* the form's field of F_*, or -1 */
	int n;
	struct formmodel fm;
	char *house, *item, *unit, *period, *start;
	int first, replaced;
	char title[160];
};

/* Add field f of all_fields to the form. */
static void
add_field(struct readform *r, int f)
{
	r->defs[r->n] = all_fields[f];
	r->which[r->n] = f;
	r->pos[f] = r->n++;
}

static int
readform_open(struct screen *s, void *arg)
{
	const struct readform_arg *a = arg;
	struct readform *r;
	int i;

	r = xcalloc(1, sizeof *r);
	for (i = 0; i < F_ALL; i++)
		r->pos[i] = -1;
	if (a->first)
		add_field(r, F_START);
	if (a->replaced) {
		add_field(r, F_OLD_END);
		add_field(r, F_NEW_START);
	}
	add_field(r, F_CUR);
	formmodel_init(&r->fm, r->defs, r->n, r);
	if (a->first)
		formmodel_set(&r->fm, r->pos[F_START], a->start);
	formmodel_set(&r->fm, r->pos[F_CUR], a->cur);
	formmodel_mark_clean(&r->fm);
	r->house = xstrdup(a->house);
	r->item = xstrdup(a->item);
	r->unit = xstrdup(a->unit != NULL ? a->unit : "");
	r->period = xstrdup(a->period);
	r->start = xstrdup(a->start != NULL ? a->start : "");
	r->first = a->first;
	r->replaced = a->replaced;
	snprintf(r->title, sizeof r->title, a->replaced ? _("%s %s %s: meter "
	    "replaced") : _("%s %s %s: first reading"), a->house, a->item,
	    a->period);
	formmodel_focus(&r->fm, a->replaced ? r->pos[F_OLD_END] : 0);
	s->state = r;
	s->title = r->title;
	return 0;
}

static void
readform_close(struct screen *s)
{
	struct readform *r = s->state;

	formmodel_release(&r->fm);
	free(r->house);
	free(r->item);
	free(r->unit);
	free(r->period);
	free(r->start);
	free(r);
}

static void
readform_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct readform *r = s->state;

	*w = maxw < 64 ? maxw : 64;
	*h = r->n + 5 < maxh ? r->n + 5 : maxh;
}

static void
readform_draw(struct screen *s, WINDOW *w)
{
	struct readform *r = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);
	char buf[200];

	tui_box(w);
	draw_title(w, 0, 2, cols - 4, r->title);
	if (r->first)
		snprintf(buf, sizeof buf, "%s", _("No earlier reading: give "
		    "where the meter started."));
	else
		snprintf(buf, sizeof buf, _("The period started at %s%s%s."),
		    r->start, r->unit[0] != '\0' ? " " : "", r->unit);
	draw_fit(w, 1, 2, cols - 4, buf, TUI_DIM);
	form_draw(&r->fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* The value of F_* field f ("" when the form has none; caller frees). */
static char *
value(struct readform *r, int f)
{
	return r->pos[f] >= 0 ? formmodel_value(&r->fm, r->pos[f]) :
	    xstrdup("");
}

/* Store it; confirm: unusual usage was agreed to. */
static int
save(struct screen *s, int confirm)
{
	struct readform *r = s->state;
	struct reading_in in;
	struct reading_out out;
	char *v[F_ALL], use[FEE_READING_BUFSZ];
	int i, rc, bits;

	if ((rc = formmodel_validate(&r->fm)) != 0)
		return app_fail(s->app, rc);
	for (i = 0; i < F_ALL; i++)
		v[i] = value(r, i);
	memset(&in, 0, sizeof in);
	in.house = r->house;
	in.item = r->item;
	in.period = r->period;
	in.prev = v[F_START];
	in.cur = v[F_CUR];
	in.replaced = r->replaced ? "yes" : "no";
	in.old_end = v[F_OLD_END];
	in.new_start = v[F_NEW_START];
	in.confirm = confirm;
	rc = svc_reading_set(app_session(s->app), &in, &out);
	if (rc == ERR_STATE && !confirm) {
		dialog_confirm(s->app, TAG_UNUSUAL, _("Unusual usage"),
		    err_msg());
		bits = UI_REDRAW;
	} else if (rc != 0) {
		bits = app_fail(s->app, rc);
	} else {
		fee_reading_format(use, sizeof use, out.usage_centi);
		app_info(s->app, _("Reading of %s saved: %s, usage %s."),
		    r->house, v[F_CUR], use);
		formmodel_mark_clean(&r->fm);
		bits = screen_answer(s, 1, 0, NULL);
	}
	for (i = 0; i < F_ALL; i++)
		free(v[i]);
	return bits;
}

static int
readform_action(struct screen *s, int act)
{
	struct readform *r = s->state;

	if (act == RF_ENTER && r->fm.cur != r->n - 1)
		return form_key(&r->fm, s, K_ENTER);
	return save(s, 0);
}

static int
readform_input(struct screen *s, int key)
{
	return form_key(&((struct readform *)s->state)->fm, s, key);
}

static int
readform_result(struct screen *s, int tag, const struct screen_answer *a)
{
	if (tag == TAG_UNUSUAL && a->ok)
		return save(s, 1);
	return UI_REDRAW;
}

static int
readform_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct readform *)s->state)->fm);
}

static const struct keybind readform_keys[] = {
	{ K_CTRL('s'), RF_SAVE, N_("Save"), 0 },
	{ K_ENTER, RF_ENTER, N_("Next field / save"), 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_readform_ops = {
	.name = "readform",
	.title = N_("Meter reading"),
	.help = N_("A reading the grid cannot take in one number. A first "
	    "reading needs where the meter started. A replaced meter (换表) "
	    "needs the old meter's last reading and the new meter's first: "
	    "the usage is what the old meter ran since the last reading plus "
	    "what the new one ran since it was fitted. Enter moves on and "
	    "saves on the last field; Esc leaves without saving."),
	.keys = readform_keys,
	.flags = SCREEN_OVERLAY,
	.open = readform_open,
	.draw = readform_draw,
	.action = readform_action,
	.input = readform_input,
	.result = readform_result,
	.size = readform_size,
	.dirty = readform_dirty,
	.close = readform_close,
};
