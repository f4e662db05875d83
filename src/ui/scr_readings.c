/*
 * scr_readings.c: the meter-reading grid (抄表单).  load() reads the sheet
 * of a building, metered item and period (svc_reading_sheet()) into the
 * grid model (ui/model/readgrid.h), which does the typing; this file maps
 * keys to it, draws it and saves each row through svc_reading_set().  A
 * reading below the start is refused with svc's message; F6 marks a meter
 * replacement and a first reading asks for its start (scr_readform.c);
 * unusual usage asks before it is stored.  F3 picks another sheet
 * (scr_readpick.c).
 */
#include "ui/scr_readings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/fee.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/model/readgrid.h"
#include "ui/scr_readform.h"
#include "ui/scr_readpick.h"
#include "util/config.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

enum readings_action { RD_ENTER, RD_UP, RD_DOWN, RD_PGUP, RD_PGDN, RD_HOME,
	RD_END, RD_CANCEL, RD_PICK, RD_REPLACE, RD_REFRESH };

/* Dialogs and forms this screen opens. */
enum { TAG_UNUSUAL, TAG_FORM, TAG_PICK };

/* Most metered items offered. */
#define ITEMS_MAX 16

struct readings {
	int64_t item_id[ITEMS_MAX];
	char *item_name[ITEMS_MAX + 1];  /* NULL-ended, for the pick form */
	char *item_unit[ITEMS_MAX];
	int nitems;
	int item;                        /* index of the sheet's item */
	int building;
	char period[DATE_PERIOD_BUFSZ];
	struct readgrid g;
};

/* ---- open, load, close -------------------------------------------------------- */

/* The active metered items. */
static int
read_items(struct readings *rd, struct session *ss)
{
	struct fee_setup fs;
	int i, rc;

	if ((rc = svc_fee_setup(ss, 0, &fs)) != 0)
		return rc;
	for (i = 0; i < fs.n && rd->nitems < ITEMS_MAX; i++) {
		if (fs.v[i].item.kind != FEE_METERED || !fs.v[i].item.active)
			continue;
		rd->item_id[rd->nitems] = fs.v[i].item.id;
		rd->item_name[rd->nitems] = xstrdup(fs.v[i].item.name);
		rd->item_unit[rd->nitems++] = xstrdup(fs.v[i].item.unit);
	}
	fee_setup_release(&fs);
	if (rd->nitems == 0)
		return err_set(ERR_NOTFOUND, "%s", _("No fee item is charged "
		    "by a meter; add one under Fee items and standards"));
	return 0;
}

static void
readings_close(struct screen *s)
{
	struct readings *rd = s->state;
	int i;

	for (i = 0; i < rd->nitems; i++) {
		free(rd->item_name[i]);
		free(rd->item_unit[i]);
	}
	readgrid_release(&rd->g);
	free(rd);
}

static int
readings_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	const struct config *cfg = app_config(s->app);
	struct readings *rd;
	struct fd_date today;
	struct fd_period p;
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if (!session_may(ss, PERM_FEE_SETUP) &&
	    (rc = session_require(ss, PERM_FEE_COLLECT)) != 0)
		return rc;
	rd = xcalloc(1, sizeof *rd);
	s->state = rd;
	readgrid_init(&rd->g, cfg != NULL ? cfg->fee_usage_alert : 3);
	if ((rc = read_items(rd, ss)) != 0) {
		readings_close(s);
		s->state = NULL;
		return rc;
	}
	rd->building = 1;
	date_today(&today);
	date_period_of(&today, &p);
	date_period_format(rd->period, sizeof rd->period, &p);
	return 0;
}

/* A row of the sheet as the grid keeps it. */
static void
to_grid(const struct reading_row *in, struct readgrid_row *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->code, sizeof out->code, "%s", in->code);
	out->has_prev = in->has_prev;
	out->start_centi = in->has_cur ? in->r.prev : in->start_centi;
	out->has_cur = in->has_cur;
	out->prev_centi = in->r.prev;
	out->cur_centi = in->r.cur;
	out->usage_centi = in->usage_centi;
	out->avg_centi = in->avg_centi;
	out->replaced = in->has_cur && in->r.replaced;
	out->unusual = in->unusual;
	out->billed = in->billed;
}

static int
readings_load(struct screen *s)
{
	struct readings *rd = s->state;
	struct reading_row *rows = NULL;
	struct readgrid_row *g;
	int n = 0, i, rc;

	rc = svc_reading_sheet(app_session(s->app), rd->building,
	    rd->item_id[rd->item], rd->period, &rows, &n);
	if (rc != 0)
		return rc;
	g = xcalloc((size_t)n + 1, sizeof *g);
	for (i = 0; i < n; i++)
		to_grid(&rows[i], &g[i]);
	readgrid_set_rows(&rd->g, g, n);
	free(g);
	free(rows);
	return 0;
}

/* ---- draw ---------------------------------------------------------------------- */

/* The grid's columns: house, start, this reading, usage, average, flags. */
enum { G_HOUSE, G_START, G_CUR, G_USAGE, G_AVG, G_FLAGS, G_COUNT };

/* Where the columns go in cols columns: wider on a wide terminal.
 * OUT: x[], w[]. */
static void
layout(int cols, int *x, int *w)
{
	static const int base[G_COUNT] = { 10, 10, 13, 10, 10, 0 };
	static const int gap[G_COUNT] = { 1, 2, 1, 1, 2, 0 };
	int more = cols >= 110 ? 4 : cols >= 96 ? 2 : 0, i, at = 2;

	for (i = 0; i < G_COUNT - 1; i++) {
		x[i] = at;
		w[i] = base[i] + more;
		at += w[i] + gap[i];
	}
	x[G_FLAGS] = at;
	w[G_FLAGS] = cols - at - 1;
}

/* The header line: which sheet, how far it is read. */
static void
draw_head(struct readings *rd, WINDOW *w, int cols)
{
	char buf[240], unit[64] = "";
	int nread, nbilled;

	readgrid_counts(&rd->g, &nread, &nbilled);
	if (rd->item_unit[rd->item][0] != '\0')
		snprintf(unit, sizeof unit, _(" (%s)"),
		    rd->item_unit[rd->item]);
	snprintf(buf, sizeof buf, _("Building %d  %s%s  %s"), rd->building,
	    rd->item_name[rd->item], unit, rd->period);
	draw_fit(w, 1, 2, cols - 4, buf, TUI_TITLE);
	snprintf(buf, sizeof buf, _("read %d of %d, billed %d"), nread,
	    rd->g.n, nbilled);
	draw_text(w, 1, cols / 2, cols / 2 - 2, buf, TUI_NORMAL, TEXT_RIGHT);
}

/* The typing of the selected row in the w columns at (y, x), ending at
 * the right edge with the cursor after it. */
static void
draw_typing(struct screen *s, WINDOW *win, int y, int x, int w)
{
	struct readings *rd = s->state;
	char *typed = readgrid_typed(&rd->g);
	int n = text_width(typed) + 1;

	free(typed);
	if (n > w)
		n = w;
	lineedit_set_width(&rd->g.edit, n);
	field_draw(win, y, x + w - n, &rd->g.edit, 1, NULL, s);
}

/* One row of the grid at line y. */
static void
draw_row(struct screen *s, WINDOW *w, int i, int y, int cols)
{
	struct readings *rd = s->state;
	const struct readgrid_row *r = &rd->g.rows[i];
	char cur[32], use[32], start[32] = "", avg[32] = "";
	char flags[READGRID_FLAGS_BUFSZ];
	int x[G_COUNT], cw[G_COUNT], f, sel = i == rd->g.sel;
	enum tui_style st = sel ? TUI_SELECTED : TUI_NORMAL;

	layout(cols, x, cw);
	readgrid_cells(&rd->g, i, cur, sizeof cur, use, sizeof use, &f);
	readgrid_flags_text(f, flags, sizeof flags);
	if (r->has_prev || r->has_cur)
		fee_reading_format(start, sizeof start, r->start_centi);
	if (r->avg_centi > 0) /* always two decimals: the points line up */
		snprintf(avg, sizeof avg, "%lld.%02lld",
		    (long long)(r->avg_centi / 100),
		    (long long)(r->avg_centi % 100));
	draw_blank(w, y, 1, cols - 2, st);
	draw_text(w, y, x[G_HOUSE], cw[G_HOUSE], r->code, st, TEXT_LEFT);
	draw_text(w, y, x[G_START], cw[G_START], start, st, TEXT_RIGHT);
	if (sel && rd->g.editing) /* typed right-aligned, as stored */
		draw_typing(s, w, y, x[G_CUR], cw[G_CUR]);
	else
		draw_text(w, y, x[G_CUR], cw[G_CUR], cur, sel ? TUI_FOCUS :
		    st, TEXT_RIGHT);
	draw_text(w, y, x[G_USAGE], cw[G_USAGE], use, st, TEXT_RIGHT);
	draw_text(w, y, x[G_AVG], cw[G_AVG], avg, st, TEXT_RIGHT);
	draw_fit(w, y, x[G_FLAGS], cw[G_FLAGS], flags, f & (READGRID_BELOW |
	    READGRID_BAD | READGRID_UNUSUAL) ? TUI_ERROR : st);
}

static void
readings_draw(struct screen *s, WINDOW *w)
{
	struct readings *rd = s->state;
	static const char *const heads[G_COUNT] = { N_("House number"),
		N_("Start reading"), N_("This reading"), N_("Usage"),
		N_("Average"), N_("Flags") };
	int cols = getmaxx(w), rows = getmaxy(w), h = rows - 5, i;
	int x[G_COUNT], cw[G_COUNT];

	layout(cols, x, cw);
	draw_head(rd, w, cols);
	for (i = 0; i < G_COUNT; i++)
		draw_text(w, 3, x[i], cw[i], _(heads[i]), TUI_COLHEAD,
		    i == G_HOUSE || i == G_FLAGS ? TEXT_LEFT : TEXT_RIGHT);
	readgrid_set_height(&rd->g, h);
	for (i = rd->g.top; i < rd->g.n && i < rd->g.top + h; i++)
		draw_row(s, w, i, 4 + i - rd->g.top, cols);
	if (rd->g.n == 0) {
		draw_fit(w, 4, 2, cols - 4, _("No house of this building pays "
		    "this item. F3 picks another building."), TUI_DIM);
		return;
	}
	draw_fit(w, rows - 1, 2, cols - 4, _("Type the reading, Enter saves "
	    "it and goes to the next house; Esc drops what was typed."),
	    TUI_DIM);
}

/* ---- saving --------------------------------------------------------------------- */

/* Open the reading form for the selected row (replaced: F6). */
static int
open_form(struct screen *s, int replaced)
{
	struct readings *rd = s->state;
	const struct readgrid_row *r = readgrid_current(&rd->g);
	struct readform_arg a;
	char start[32] = "", cur[32] = "", *typed;

	if (r == NULL)
		return UI_HANDLED;
	if (r->billed)
		return app_fail(s->app, err_set(ERR_STATE, _("The reading of "
		    "%s is billed already and cannot change"), r->code));
	typed = readgrid_typed(&rd->g);
	if (typed[0] != '\0')
		snprintf(cur, sizeof cur, "%s", typed);
	else if (r->has_cur)
		fee_reading_format(cur, sizeof cur, r->cur_centi);
	free(typed);
	if (r->has_prev || r->has_cur)
		fee_reading_format(start, sizeof start, r->start_centi);
	memset(&a, 0, sizeof a);
	a.house = r->code;
	a.item = rd->item_name[rd->item];
	a.unit = rd->item_unit[rd->item];
	a.period = rd->period;
	a.first = !r->has_prev;
	a.replaced = replaced;
	a.start = start;
	a.cur = cur;
	if (rd->g.after == 0)
		rd->g.after = 1;
	app_push(s->app, &scr_readform_ops, &a, TAG_FORM);
	return UI_REDRAW;
}

/* Save the typing of the selected row; confirm: unusual usage agreed. */
static int
save_row(struct screen *s, int confirm)
{
	struct readings *rd = s->state;
	const struct readgrid_row *r = readgrid_current(&rd->g);
	struct reading_in in;
	struct reading_out out;
	char cur[32], use[32], *typed;
	int rc, f;

	if (r == NULL)
		return UI_HANDLED;
	if (!r->has_prev)
		return open_form(s, 0);
	typed = readgrid_typed(&rd->g);
	memset(&in, 0, sizeof in);
	in.house = r->code;
	in.item = rd->item_name[rd->item];
	in.period = rd->period;
	in.cur = typed;
	in.confirm = confirm;
	rc = svc_reading_set(app_session(s->app), &in, &out);
	readgrid_cells(&rd->g, rd->g.sel, cur, sizeof cur, use, sizeof use,
	    &f);
	if (rc == ERR_STATE && !confirm && (f & READGRID_UNUSUAL)) {
		dialog_confirm(s->app, TAG_UNUSUAL, _("Unusual usage"),
		    err_msg());
		free(typed);
		return UI_REDRAW;
	}
	if (rc != 0) {
		readgrid_failed(&rd->g);
		free(typed);
		return app_fail(s->app, rc);
	}
	fee_reading_format(use, sizeof use, out.usage_centi);
	app_info(s->app, _("Reading of %s saved: %s, usage %s."), r->code,
	    typed, use);
	free(typed);
	readgrid_saved(&rd->g);
	return UI_RELOAD | UI_REDRAW;
}

/* What the grid model asked for. */
static int
grid_bits(struct screen *s, int res)
{
	switch (res) {
	case READGRID_SAVE:
		return save_row(s, 0);
	case READGRID_REFUSED:
		return app_fail(s->app, err_code() != 0 ? err_code() :
		    ERR_INVALID);
	case READGRID_REDRAW:
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

/* ---- keys ---------------------------------------------------------------------------- */

/* F3: another building, item or period (not over a reading typed). */
static int
open_pick(struct screen *s)
{
	struct readings *rd = s->state;
	struct readpick_arg a;

	if (rd->g.editing)
		return app_fail(s->app, err_set(ERR_STATE, "%s", _("Save the "
		    "reading typed (Enter) or drop it (Esc) first")));
	a.building = &rd->building;
	a.item = &rd->item;
	a.period = rd->period;
	a.items = (const char *const *)rd->item_name;
	app_push(s->app, &scr_readpick_ops, &a, TAG_PICK);
	return UI_REDRAW;
}

static int
readings_action(struct screen *s, int act)
{
	struct readings *rd = s->state;
	int page = rd->g.height > 1 ? rd->g.height - 1 : 1;

	switch (act) {
	case RD_ENTER:
		return grid_bits(s, readgrid_enter(&rd->g));
	case RD_UP:
		return grid_bits(s, readgrid_move(&rd->g, -1));
	case RD_DOWN:
		return grid_bits(s, readgrid_move(&rd->g, 1));
	case RD_PGUP:
		return grid_bits(s, readgrid_move(&rd->g, -page));
	case RD_PGDN:
		return grid_bits(s, readgrid_move(&rd->g, page));
	case RD_HOME:
		return grid_bits(s, readgrid_move(&rd->g, -rd->g.n));
	case RD_END:
		return grid_bits(s, readgrid_move(&rd->g, rd->g.n));
	case RD_CANCEL:
		return grid_bits(s, readgrid_cancel(&rd->g));
	case RD_REPLACE:
		return open_form(s, 1);
	case RD_PICK:
		return open_pick(s);
	}
	return UI_RELOAD | UI_REDRAW;
}

static int
readings_input(struct screen *s, int key)
{
	struct readings *rd = s->state;

	if (key == K_BACKSPACE)
		return grid_bits(s, readgrid_backspace(&rd->g));
	if ((key & KEYB_FN) || key < ' ' || key == 127)
		return UI_UNHANDLED;
	/* other characters are the app's ('q', '?') unless typing */
	if (!readgrid_takes((wchar_t)key) && !rd->g.editing)
		return UI_UNHANDLED;
	return grid_bits(s, readgrid_type(&rd->g, (wchar_t)key));
}

static int
readings_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct readings *rd = s->state;

	switch (tag) {
	case TAG_UNUSUAL:
		if (a->ok)
			return save_row(s, 1);
		readgrid_failed(&rd->g);
		return UI_REDRAW;
	case TAG_FORM:
		if (!a->ok) {
			readgrid_failed(&rd->g);
			return UI_REDRAW;
		}
		readgrid_saved(&rd->g);
		return UI_RELOAD | UI_REDRAW;
	case TAG_PICK:
		return a->ok ? UI_RELOAD | UI_REDRAW : UI_REDRAW;
	}
	return UI_REDRAW;
}

/* Enter only on a house; F6 only where a reading may change. */
static int
readings_key_ok(struct screen *s, int act)
{
	const struct readgrid_row *r =
	    readgrid_current(&((struct readings *)s->state)->g);

	if (act == RD_ENTER)
		return r != NULL;
	return act != RD_REPLACE || (r != NULL && !r->billed);
}

static int
readings_dirty(struct screen *s)
{
	return ((struct readings *)s->state)->g.editing;
}

static const struct keybind readings_keys[] = {
	{ K_ENTER, RD_ENTER, N_("Save, next house"), 0 },
	{ K_F(6), RD_REPLACE, N_("Meter replaced"), 0 },
	{ K_F(3), RD_PICK, N_("Building/item/period"), 0 },
	{ K_F(5), RD_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ K_ESC, RD_CANCEL, N_("Drop the typing, or back"), KB_HELPONLY },
	{ K_UP, RD_UP, N_("Previous house (saves the typing)"), KB_HELPONLY },
	{ K_DOWN, RD_DOWN, N_("Next house (saves the typing)"), KB_HELPONLY },
	{ K_PGUP, RD_PGUP, N_("Previous page"), KB_HELPONLY },
	{ K_PGDN, RD_PGDN, N_("Next page"), KB_HELPONLY },
	{ K_HOME, RD_HOME, N_("First house"), KB_HELPONLY },
	{ K_END, RD_END, N_("Last house"), KB_HELPONLY },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_readings_ops = {
	.name = "readings",
	.title = N_("Meter readings"),
	.help = N_("Key in the meter readings of a building for a period. "
	    "Each row is a house: where its meter started (the last "
	    "reading), this reading, the usage, the house's average and "
	    "flags. Type the reading and press Enter: it is saved and the "
	    "next house is selected; Up and Down save too. A reading below "
	    "the start is refused: if the meter was replaced, press F6 and "
	    "give the old meter's last reading and the new meter's first. "
	    "Usage far above the average is asked about before it is "
	    "stored. A house's first reading asks for the start too. Billed "
	    "readings cannot change. F3 picks the building, item and "
	    "period."),
	.keys = readings_keys,
	.open = readings_open,
	.load = readings_load,
	.draw = readings_draw,
	.action = readings_action,
	.input = readings_input,
	.result = readings_result,
	.dirty = readings_dirty,
	.key_ok = readings_key_ok,
	.close = readings_close,
};
