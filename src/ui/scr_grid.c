/*
 * scr_grid.c: the building grid (楼盘表).  load() reads one building's
 * houses in one query (svc_house_grid: by entrance, floor from the top,
 * room) and files them into a floors x columns table, a column per unit
 * of each entrance; draw() paints the part that fits, scrolled so that the
 * cursor's cell is always shown, a 30-floor building included.  Cells are
 * coloured by state (tui's TUI_CELL_* styles); without colours each cell
 * also carries a mark, and the legend says which.  For roles that see fees
 * the houses with a bill past due (svc_arrears_grid) are red and marked
 * '!' after the room number (the mark also without colours).
 */
#include "ui/scr_grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/houseno.h"
#include "db/house_db.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "svc/svc_owner.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/model/gridmodel.h"
#include "ui/scr_house.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum grid_action { GR_OPEN, GR_BUILDING, GR_PREV, GR_NEXT, GR_REFRESH,
	GR_UP, GR_DOWN, GR_LEFT, GR_RIGHT, GR_PGUP, GR_PGDN, GR_TOP,
	GR_BOTTOM };

/* Dialogs and screens this screen opens. */
enum { TAG_BUILDING = 1, TAG_HOUSE };

/* Columns: the floor label, then per unit the room and (monochrome) its
 * mark, a space between units and two between entrances. */
#define LABEL_W 5
#define ENTRANCE_GAP 2

/* Marks for terminals without colour, by enum house_state. */
static const char marks[HOUSE_STATE_COUNT] = { '-', '*', '~', '$' };

/* The mark of a house in arrears, in the column after the cell. */
#define ARREARS_MARK '!'

struct grid {
	int *buildings;           /* buildings that have houses, ascending */
	int nbuildings;
	int building;             /* shown */
	struct gridmodel m;       /* its houses and the cursor */
	int top, xoff;            /* first floor shown, columns scrolled */
	int64_t want;             /* after load: put the cursor on this house */
	int fees;                 /* the role sees arrears (PERM_FEE_VIEW) */
	int64_t *owing;           /* houses with a bill past due, ascending */
	int nowing;
	int64_t owners_of;        /* the house owners[] is about */
	char owners[160];         /* its owners' names, for the status line */
	char title[64];
};

/* Read the names of the owners of the cursor's house (one indexed lookup
 * through the finder), unless they are here already. */
static void
look_up(struct screen *s)
{
	struct grid *g = s->state;
	const struct house_cell *h = gridmodel_cursor(&g->m);
	struct finder_result r;
	char code[HOUSENO_BUFSZ];
	struct houseno no;

	if (h == NULL || h->id == g->owners_of)
		return;
	g->owners_of = h->id;
	g->owners[0] = '\0';
	no = (struct houseno){ g->building, h->entrance, h->room };
	if (houseno_format(code, sizeof code, &no) != 0 ||
	    svc_find(app_session(s->app), code, 1, &r, NULL) != 0)
		return;
	if (r.nhits > 0 && r.hits[0].house_id == h->id)
		snprintf(g->owners, sizeof g->owners, "%s",
		    r.hits[0].owner_names);
	finder_result_release(&r);
}

/* ---- open, load, close ------------------------------------------------------- */

static int
grid_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	int64_t id = arg != NULL ? *(const int64_t *)arg : 0;
	struct grid *g;
	struct house h;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_OWNER_VIEW)) != 0)
		return rc;
	g = xcalloc(1, sizeof *g);
	g->fees = session_may(ss, PERM_FEE_VIEW);
	if (id != 0 && house_db_get(app_db(s->app), id, &h) == 0) {
		g->building = h.building;
		g->want = id;
		house_release(&h);
	}
	s->state = g;
	return 0;
}

static int
grid_load(struct screen *s)
{
	struct grid *g = s->state;
	const struct house_cell *h = gridmodel_cursor(&g->m);
	struct house_cell *cells;
	int rc, i, n;

	if (g->want == 0 && h != NULL)
		g->want = h->id;
	FREE(&g->buildings);
	gridmodel_release(&g->m);
	if ((rc = svc_house_buildings(app_session(s->app), &g->buildings,
	    &g->nbuildings)) != 0)
		return rc;
	if (g->nbuildings == 0)
		return err_set(ERR_NOTFOUND, "%s", _("No houses on file yet: "
		    "add them with F2 in the finder, or import them"));
	for (i = 0; i < g->nbuildings && g->buildings[i] != g->building; i++)
		;
	if (i == g->nbuildings)
		g->building = g->buildings[0];
	if ((rc = svc_house_grid(app_session(s->app), g->building, &cells,
	    &n)) != 0)
		return rc;
	gridmodel_init(&g->m, cells, n);
	FREE(&g->owing);
	g->nowing = 0;
	if (g->fees && (rc = svc_arrears_grid(app_session(s->app), g->building,
	    &g->owing, &g->nowing)) != 0)
		return rc;
	gridmodel_place(&g->m, g->want);
	g->want = 0;
	g->owners_of = 0;
	look_up(s);
	snprintf(g->title, sizeof g->title, _("Building %d"), g->building);
	s->title = g->title;
	return 0;
}

static void
grid_close(struct screen *s)
{
	struct grid *g = s->state;

	gridmodel_release(&g->m);
	free(g->buildings);
	free(g->owing);
	free(g);
}

/* ---- draw -------------------------------------------------------------------- */

/* Columns of one unit's cell, its space included. */
static int
cell_w(void)
{
	return tui_colour() ? 5 : 6;
}

/* Screen column of grid column c (before scrolling). */
static int
col_x(const struct grid *g, int c)
{
	return gridmodel_col_x(&g->m, c, LABEL_W, cell_w(), ENTRANCE_GAP);
}

/* The style of a state. */
static enum tui_style
state_style(enum house_state st)
{
	switch (st) {
	case HOUSE_OCCUPIED:
		return TUI_CELL_OCCUPIED;
	case HOUSE_DECORATING:
		return TUI_CELL_DECORATING;
	case HOUSE_LET:
		return TUI_CELL_LET;
	default:
		return TUI_CELL_VACANT;
	}
}

/* 1 when house id has a bill past due. */
static int
owes(const struct grid *g, int64_t id)
{
	int lo = 0, hi = g->nowing - 1, mid;

	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		if (g->owing[mid] == id)
			return 1;
		if (g->owing[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/* One cell at (y, x); the cursor's reversed and bold.  A house in arrears
 * is red (reversed, so the cell is a red block) with its mark after it;
 * its cursor is red text, bold and underlined. */
static void
draw_cell(WINDOW *w, int y, int x, const struct house_cell *h, int cursor,
    int owing)
{
	char buf[16];
	attr_t a = tui_attr(state_style(h->state));
	attr_t red = tui_attr(TUI_ERROR);

	if (tui_colour())
		snprintf(buf, sizeof buf, "%4d", h->room);
	else
		snprintf(buf, sizeof buf, "%4d%c", h->room,
		    marks[(unsigned)h->state < HOUSE_STATE_COUNT ? h->state :
		    0]);
	if (owing && tui_colour())
		wattrset(w, cursor ? red | A_BOLD | A_UNDERLINE : red |
		    A_REVERSE);
	else
		wattrset(w, cursor ? a | A_REVERSE | A_BOLD : a);
	mvwaddstr(w, y, x, buf);
	if (owing) {
		wattrset(w, red);
		mvwaddch(w, y, x + cell_w() - 1, ARREARS_MARK);
	}
	wattrset(w, A_NORMAL);
}

/* The counts by state, and the legend: a sample of each state's look. */
static void
draw_legend(const struct grid *g, WINDOW *w, int y, int cols)
{
	char buf[64];
	int x = 2, st, n;

	for (st = 0; st < HOUSE_STATE_COUNT && x < cols - 16; st++) {
		if (tui_colour())
			snprintf(buf, sizeof buf, " %s %d ",
			    household_label(HH_HOUSE_STATE, st),
			    g->m.counts[st]);
		else
			snprintf(buf, sizeof buf, "%c %s %d", marks[st],
			    household_label(HH_HOUSE_STATE, st),
			    g->m.counts[st]);
		n = draw_fit(w, y, x, cols - x - 1, buf, state_style(
		    (enum house_state)st));
		x += n + 2;
	}
	if (g->fees && x < cols - 16) {
		snprintf(buf, sizeof buf, _("%c in arrears %d"), ARREARS_MARK,
		    g->nowing);
		n = draw_fit(w, y, x, cols - x - 1, buf, TUI_ERROR);
		x += n + 2;
	}
	snprintf(buf, sizeof buf, _("%d houses"), g->m.ncells);
	draw_fit(w, y, x, cols - x - 1, buf, TUI_DIM);
}

/* The entrance names over their columns. */
static void
draw_entrances(const struct grid *g, WINDOW *w, int y, int cols)
{
	char buf[32];
	int c, x;

	for (c = 0; c < g->m.ncols; c++) {
		if (c > 0 && g->m.col_ent[c] == g->m.col_ent[c - 1])
			continue;
		x = col_x(g, c) - g->xoff;
		if (x < LABEL_W)
			x = LABEL_W;
		if (x >= cols - 4)
			break;
		snprintf(buf, sizeof buf, _("Entrance %d"), g->m.col_ent[c]);
		draw_fit(w, y, x, cols - x - 1, buf, TUI_COLHEAD);
	}
}

/* Scroll so that the cursor's cell is shown in rows x width. */
static void
follow(struct grid *g, int rows, int width)
{
	int x = col_x(g, g->m.col);

	if (g->m.row < g->top)
		g->top = g->m.row;
	if (g->m.row >= g->top + rows)
		g->top = g->m.row - rows + 1;
	if (x - g->xoff < LABEL_W)
		g->xoff = x - LABEL_W;
	if (x - g->xoff + cell_w() > width)
		g->xoff = x + cell_w() - width;
	if (g->xoff < 0)
		g->xoff = 0;
}

/* The line under the grid: the cursor's house, and which floors are
 * shown when not all of them fit. */
static void
draw_status(const struct grid *g, WINDOW *w, int y, int cols, int rows)
{
	const struct gridmodel *m = &g->m;
	const struct house_cell *h = gridmodel_cursor(m);
	char buf[160], st[64];
	int used = 0, last;

	if (h != NULL) {
		/* the state, and "in arrears" after it when it owes */
		snprintf(st, sizeof st, "%s%s%s", household_label(
		    HH_HOUSE_STATE, (int)h->state), g->fees && owes(g, h->id) ?
		    "  " : "", g->fees && owes(g, h->id) ? _("in arrears") : "");
		snprintf(buf, sizeof buf, _("%d-%d-%d  floor %d  %s  %s  %s"),
		    g->building, h->entrance, h->room, h->floor,
		    household_label(HH_HOUSE_USE, (int)h->use), st,
		    g->owners_of == h->id ? g->owners : "");
		used = draw_fit(w, y, 2, cols - 4, buf, TUI_TITLE);
	}
	if (m->nfloors == 0 || (g->top == 0 && rows >= m->nfloors))
		return;
	last = g->top + rows < m->nfloors ? g->top + rows - 1 : m->nfloors - 1;
	snprintf(buf, sizeof buf, _("floors %d-%d of %d-%d"),
	    m->floors[last], m->floors[g->top],
	    m->floors[m->nfloors - 1], m->floors[0]);
	if (used + 8 < cols - 4)
		draw_text(w, y, used + 6, cols - used - 8, buf, TUI_DIM,
		    TEXT_RIGHT);
}

static void
grid_draw(struct screen *s, WINDOW *w)
{
	struct grid *g = s->state;
	int cols = getmaxx(w), rows = getmaxy(w) - 5, r, c, x, y;
	const struct house_cell *h;
	char buf[128];

	draw_legend(g, w, 1, cols);
	follow(g, rows, cols - 1);
	draw_entrances(g, w, 2, cols);
	for (r = g->top; r < g->m.nfloors && r < g->top + rows; r++) {
		y = 3 + r - g->top;
		snprintf(buf, sizeof buf, _("%dF"), g->m.floors[r]);
		draw_text(w, y, 0, LABEL_W - 1, buf, TUI_DIM, TEXT_RIGHT);
		for (c = 0; c < g->m.ncols; c++) {
			x = col_x(g, c) - g->xoff;
			if (x < LABEL_W || x + cell_w() - 1 > cols - 1 ||
			    (h = gridmodel_cell(&g->m, r, c)) == NULL)
				continue;
			draw_cell(w, y, x, h, r == g->m.row && c == g->m.col,
			    g->fees && owes(g, h->id));
		}
	}
	draw_status(g, w, getmaxy(w) - 1, cols, rows);
}

/* ---- keys -------------------------------------------------------------------- */

/* Another building: the one before or after, or number b. */
static int
go_building(struct screen *s, int delta, int b)
{
	struct grid *g = s->state;
	int i;

	for (i = 0; i < g->nbuildings && g->buildings[i] != g->building; i++)
		;
	if (delta != 0) {
		i += delta;
		if (i < 0 || i >= g->nbuildings)
			return app_fail(s->app, err_set(ERR_NOTFOUND, "%s",
			    delta < 0 ? _("This is the first building") :
			    _("This is the last building")));
		b = g->buildings[i];
	}
	for (i = 0; i < g->nbuildings && g->buildings[i] != b; i++)
		;
	if (i == g->nbuildings)
		return app_fail(s->app, err_set(ERR_NOTFOUND, _("There is no "
		    "building %d; buildings run from %d to %d"), b,
		    g->buildings[0], g->buildings[g->nbuildings - 1]));
	g->building = b;
	g->top = g->xoff = 0;
	g->want = 0;
	g->m.row = g->m.col = -1; /* the new building's top floor */
	return UI_RELOAD | UI_REDRAW;
}

/* F6: ask for a building number. */
static int
ask_building(struct screen *s)
{
	struct grid *g = s->state;
	char label[128], now[16];

	snprintf(label, sizeof label, _("Building number (%d to %d):"),
	    g->buildings[0], g->buildings[g->nbuildings - 1]);
	snprintf(now, sizeof now, "%d", g->building);
	dialog_prompt(s->app, TAG_BUILDING, _("Building"), label, now,
	    LINEEDIT_DIGITS, 3);
	return UI_REDRAW;
}

static int
grid_action(struct screen *s, int act)
{
	struct grid *g = s->state;
	const struct house_cell *h = gridmodel_cursor(&g->m);
	int64_t id = h != NULL ? h->id : 0;

	switch (act) {
	case GR_OPEN:
		if (h != NULL)
			app_push(s->app, &scr_house_ops, &id, TAG_HOUSE);
		return UI_REDRAW;
	case GR_BUILDING:
		return ask_building(s);
	case GR_PREV:
	case GR_NEXT:
		return go_building(s, act == GR_PREV ? -1 : 1, 0);
	case GR_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case GR_UP:
	case GR_DOWN:
		gridmodel_step(&g->m, act == GR_UP ? -1 : 1, 0);
		break;
	case GR_LEFT:
	case GR_RIGHT:
		gridmodel_step(&g->m, 0, act == GR_LEFT ? -1 : 1);
		break;
	case GR_PGUP:
	case GR_PGDN:
		gridmodel_floors(&g->m, act == GR_PGUP ? -10 : 10);
		break;
	default:
		gridmodel_floors(&g->m, act == GR_TOP ? -g->m.nfloors :
		    g->m.nfloors);
	}
	look_up(s);
	return UI_REDRAW;
}

static int
grid_result(struct screen *s, int tag, const struct screen_answer *a)
{
	char *end;
	long b;

	if (!a->ok)
		return UI_REDRAW;
	if (tag == TAG_BUILDING) {
		b = strtol(a->text != NULL ? a->text : "", &end, 10);
		if (end == a->text || *end != '\0' || b < 1 || b > 999)
			return app_fail(s->app, err_set(ERR_INVALID, "%s",
			    _("Type a building number, like 3")));
		return go_building(s, 0, (int)b);
	}
	screen_answer(s, 1, 0, NULL); /* a house changed: below looks again */
	return UI_RELOAD | UI_REDRAW;
}

static int64_t
grid_house(struct screen *s)
{
	const struct house_cell *h = gridmodel_cursor(
	    &((struct grid *)s->state)->m);

	return h != NULL ? h->id : 0;
}

static const struct keybind grid_keys[] = {
	{ K_ENTER, GR_OPEN, N_("Open"), 0 },
	{ K_F(6), GR_BUILDING, N_("Building"), 0 },
	{ 'b', GR_BUILDING, NULL, 0 },
	{ '[', GR_PREV, N_("Previous building"), KB_HELPONLY },
	{ ']', GR_NEXT, N_("Next building"), KB_HELPONLY },
	{ K_F(5), GR_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', GR_REFRESH, NULL, 0 },
	{ K_UP, GR_UP, N_("Floor up"), KB_HELPONLY },
	{ 'k', GR_UP, NULL, 0 },
	{ K_DOWN, GR_DOWN, N_("Floor down"), KB_HELPONLY },
	{ 'j', GR_DOWN, NULL, 0 },
	{ K_LEFT, GR_LEFT, N_("House to the left"), KB_HELPONLY },
	{ 'h', GR_LEFT, NULL, 0 },
	{ K_RIGHT, GR_RIGHT, N_("House to the right"), KB_HELPONLY },
	{ 'l', GR_RIGHT, NULL, 0 },
	{ K_PGUP, GR_PGUP, N_("Ten floors up"), KB_HELPONLY },
	{ K_PGDN, GR_PGDN, N_("Ten floors down"), KB_HELPONLY },
	{ K_HOME, GR_TOP, N_("Top floor"), KB_HELPONLY },
	{ K_END, GR_BOTTOM, N_("Bottom floor"), KB_HELPONLY },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_grid_ops = {
	.name = "grid",
	.title = N_("Building grid"),
	.help = N_("One building floor by floor (楼盘表): each entrance's "
	    "rooms side by side, the top floor first. The colour of a cell "
	    "is the state of the house (the legend above; without colours "
	    "a mark after the room number says it); a house with a bill past "
	    "due is red and marked ! after its number. Arrows move, Enter opens "
	    "the house, F6 (or b) goes to another building, [ and ] to the "
	    "one before or after."),
	.keys = grid_keys,
	.open = grid_open,
	.load = grid_load,
	.draw = grid_draw,
	.action = grid_action,
	.result = grid_result,
	.house = grid_house,
	.close = grid_close,
};
