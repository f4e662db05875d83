/*
 * scr_finder.c: the house and owner finder, the owners module's entry.
 * The search box keeps the focus; every key edits it and is painted at
 * once, and the search itself runs between keys (the screen is busy until
 * it has looked up what was typed), so fast typing never waits for a
 * lookup and only the last text is searched.  svc_find() classifies the
 * text (house number or prefix, phone or its last four digits, ID number,
 * name) and returns at most FINDER_SHOW households, each an indexed
 * lookup.  Phone numbers are shown masked (保密制度); the house detail
 * reveals them, audited.
 */
#include "ui/scr_finder.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mask.h"
#include "core/phone.h"
#include "db/house_db.h"
#include "svc/session.h"
#include "svc/svc_owner.h"
#include "svc/svc_visit.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/list.h"
#include "ui/model/lineedit.h"
#include "ui/scr_grid.h"
#include "ui/scr_house.h"
#include "ui/scr_houseform.h"
#include "ui/scr_visits.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Households fetched per search: a few pages; the count says how many
 * more there are. */
#define FINDER_SHOW 100

enum finder_action { FND_OPEN, FND_NEW, FND_GRID, FND_VISITS, FND_REFRESH,
	FND_CLEAR };

/* Forms this screen opens. */
enum { TAG_NEW = 1, TAG_HOUSE };

enum { COL_CODE, COL_OWNERS, COL_PHONE, COL_USE, COL_STATE, COL_MATCH,
	COL_COUNT };

struct finder {
	struct lineedit box;      /* the search box */
	char *searched;           /* text of the results shown */
	struct finder_result res; /* the results */
	struct finder_query q;    /* what the text was taken for */
	int failed;               /* the last search failed (message shown) */
	int open_code;            /* after a search: open the house whose
				     code is the text (a house just added) */
	struct listcol cols[COL_COUNT];
	struct list list;
	char cell[160];           /* the last formatted cell */
};

/* ---- rows ---------------------------------------------------------------- */

static int
row_count(void *ctx)
{
	return ((struct finder *)ctx)->res.nhits;
}

/* What the match column says: who matched, when it is not the house
 * itself or its only owner. */
static const char *
match_text(struct finder *f, const struct finder_hit *h)
{
	if (h->match == FINDER_BY_OCCUPANT)
		snprintf(f->cell, sizeof f->cell, _("occupant %s"),
		    h->matched_name);
	else if (h->match == FINDER_BY_OWNER &&
	    strcmp(h->matched_name, h->owner_names) != 0)
		snprintf(f->cell, sizeof f->cell, _("owner %s"),
		    h->matched_name);
	else
		return "";
	return f->cell;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct finder *f = ctx;
	const struct finder_hit *h = &f->res.hits[row];

	switch (col) {
	case COL_CODE:
		return h->code;
	case COL_OWNERS:
		return h->owner_names[0] != '\0' ? h->owner_names :
		    _("(no owner on file)");
	case COL_PHONE:
		f->cell[0] = '\0';
		if (h->owner_phone[0] != '\0')
			mask_phone(h->owner_phone, f->cell, sizeof f->cell);
		return f->cell;
	case COL_USE:
		return household_label(HH_HOUSE_USE, (int)h->use);
	case COL_STATE:
		return household_label(HH_HOUSE_STATE, (int)h->state);
	}
	return match_text(f, h);
}

static const struct listmodel_ops finder_list_ops = {
	.count = row_count, .cell = row_cell,
};

/* ---- searching ----------------------------------------------------------- */

/* Open the detail of house id. */
static void
open_house(struct screen *s, int64_t id)
{
	app_push(s->app, &scr_house_ops, &id, TAG_HOUSE);
}

/* Look up the text in the box now (unless it was just looked up).
 * Returns ui_result bits; a failure shows its message. */
static int
search(struct screen *s, int force)
{
	struct finder *f = s->state;
	char *text = lineedit_get(&f->box);
	int rc;

	if (!force && f->searched != NULL && strcmp(text, f->searched) == 0) {
		free(text);
		return UI_HANDLED;
	}
	finder_result_release(&f->res);
	free(f->searched);
	f->searched = text;
	rc = svc_find(app_session(s->app), text, FINDER_SHOW, &f->res, &f->q);
	f->failed = rc != 0;
	listmodel_reload(&f->list.m);
	listmodel_home(&f->list.m);
	if (rc != 0)
		return app_fail(s->app, rc);
	return UI_REDRAW;
}

/* The text changed: paint it now, search when no key is waiting. */
static void
typed(struct screen *s)
{
	s->busy = 1;
}

static int
finder_tick(struct screen *s)
{
	struct finder *f = s->state;
	int bits;

	s->busy = 0;
	bits = search(s, 0);
	if (f->open_code) {
		f->open_code = 0;
		if (f->res.nhits > 0 &&
		    strcmp(f->res.hits[0].code, f->searched) == 0)
			open_house(s, f->res.hits[0].house_id);
	}
	return bits | UI_REDRAW;
}

/* ---- open, load, draw ---------------------------------------------------- */

static const struct screen_ops finder_view_ops;

static int
finder_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct finder *f;
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_OWNER_VIEW)) != 0)
		return rc;
	/* a role that may not add houses gets the table without that key,
	 * so the key bar and help never offer it */
	if (!session_may(ss, PERM_OWNER_EDIT))
		s->ops = &finder_view_ops;
	f = xcalloc(1, sizeof *f);
	lineedit_init(&f->box, LINEEDIT_TEXT, 40, 30);
	f->cols[COL_CODE] = (struct listcol){ _("House"), 11, 0, TEXT_LEFT };
	f->cols[COL_OWNERS] = (struct listcol){ _("Owner"), 16, 1,
	    TEXT_LEFT };
	f->cols[COL_PHONE] = (struct listcol){ _("Phone"), 14, 0, TEXT_LEFT };
	f->cols[COL_USE] = (struct listcol){ _("Use"), 6, 0, TEXT_LEFT };
	f->cols[COL_STATE] = (struct listcol){ _("State"), 6, 0, TEXT_LEFT };
	f->cols[COL_MATCH] = (struct listcol){ _("Found by"), 12, 1,
	    TEXT_LEFT };
	list_init(&f->list, &finder_list_ops, f, f->cols, COL_COUNT, "");
	f->list.footer = 0;
	s->state = f;
	return 0;
}

/* Search again (after a change elsewhere), keeping the selection. */
static int
finder_load(struct screen *s)
{
	struct finder *f = s->state;
	int sel = f->list.m.sel;

	if (f->searched == NULL)
		return 0;
	search(s, 1);
	listmodel_select(&f->list.m, sel);
	return 0;
}

static void
finder_close(struct screen *s)
{
	struct finder *f = s->state;

	lineedit_release(&f->box);
	finder_result_release(&f->res);
	list_release(&f->list);
	free(f->searched);
	free(f);
}

/* What the search took the text for, or NULL. */
static const char *
kind_text(const struct finder *f)
{
	switch (f->q.kind) {
	case FINDER_HOUSE:
		return _("house number");
	case FINDER_PHONE_LAST4:
		return _("last four digits of a phone");
	case FINDER_PHONE:
		return _("phone number");
	case FINDER_IDNO:
		return _("ID number");
	case FINDER_NAME_SHORT:
	case FINDER_NAME:
		return _("name");
	default:
		return NULL;
	}
}

/* The help shown while the box is empty. */
static void
draw_hints(WINDOW *w, int y, int cols)
{
	static const char *const lines[][2] = {
		{ "3-2-1502  3-2-", N_("a house number, or its start") },
		{ "张  秀英  王秀英",
		    N_("an owner's or occupant's name; one or two characters "
		    "will do") },
		{ "5678", N_("the last four digits of a phone") },
		{ "13812345678", N_("a phone number") },
		{ "110101199003074514", N_("an ID or passport number") },
	};
	size_t i;

	draw_fit(w, y, 2, cols - 4, _("Type to find a household; the list "
	    "follows every key:"), TUI_TITLE);
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		draw_text(w, y + 2 + (int)i, 4, 20, lines[i][0], TUI_NORMAL,
		    TEXT_LEFT);
		draw_fit(w, y + 2 + (int)i, 25, cols - 27, _(lines[i][1]),
		    TUI_DIM);
	}
	draw_fit(w, y + 8, 2, cols - 4, _("Enter opens the house; F6 shows "
	    "a building floor by floor; F9 lists today's visits."), TUI_DIM);
}

/* The line under the list: how many were found. */
static void
draw_count(struct finder *f, WINDOW *w, int y, int cols)
{
	char buf[256];

	if (f->res.total > f->res.nhits)
		snprintf(buf, sizeof buf, _("%lld households found, the first "
		    "%d shown: type more to narrow it down"),
		    (long long)f->res.total, f->res.nhits);
	else
		snprintf(buf, sizeof buf, _("%d households found"),
		    f->res.nhits);
	draw_text(w, y, 1, cols - 2, buf, TUI_DIM, TEXT_RIGHT);
}

static void
finder_draw(struct screen *s, WINDOW *w)
{
	struct finder *f = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), lw, bw;
	const char *kind = kind_text(f);
	char buf[256];

	lw = draw_fit(w, 1, 2, 12, _("Find"), TUI_TITLE);
	bw = cols / 2 - lw - 4 > 20 ? cols / 2 - lw - 4 : 20;
	lineedit_set_width(&f->box, bw);
	field_draw(w, 1, lw + 3, &f->box, 1, _("house, name, phone or ID"),
	    s);
	if (kind != NULL && !f->failed && !s->busy) {
		snprintf(buf, sizeof buf, _("by %s"), kind);
		draw_fit(w, 1, lw + bw + 5, cols - lw - bw - 6, buf, TUI_DIM);
	}
	if (f->searched == NULL || f->q.kind == FINDER_EMPTY) {
		if (lineedit_empty(&f->box))
			draw_hints(w, 3, cols);
		return;
	}
	list_draw(&f->list, w, 3, 1, rows - 4, cols - 2);
	if (f->res.nhits == 0 && !f->failed)
		draw_text(w, 3 + (rows - 4) / 2, 1, cols - 2, _("Nothing "
		    "found. Check the number, or type less of it."), TUI_DIM,
		    TEXT_CENTER);
	else if (!f->failed)
		draw_count(f, w, rows - 1, cols);
}

/* ---- keys ---------------------------------------------------------------- */

/* The selected household, or NULL. */
static const struct finder_hit *
selected(struct finder *f)
{
	int i = f->list.m.sel;

	return i >= 0 && i < f->res.nhits ? &f->res.hits[i] : NULL;
}

static int64_t
finder_house(struct screen *s)
{
	const struct finder_hit *h = selected(s->state);

	return h != NULL ? h->house_id : 0;
}

static int
finder_action(struct screen *s, int act)
{
	struct finder *f = s->state;
	const struct finder_hit *h = selected(f);
	int64_t id = h != NULL ? h->house_id : 0;

	switch (act) {
	case FND_OPEN:
		if (s->busy)
			finder_tick(s);
		if ((h = selected(f)) == NULL)
			return UI_HANDLED;
		open_house(s, h->house_id);
		return UI_REDRAW;
	case FND_NEW:
		id = 0;
		app_push(s->app, &scr_houseform_ops, &id, TAG_NEW);
		return UI_REDRAW;
	case FND_GRID:
		app_push(s->app, &scr_grid_ops, &id, TAG_HOUSE);
		return UI_REDRAW;
	case FND_VISITS:
		app_push(s->app, &scr_visits_ops, NULL, 0);
		return UI_REDRAW;
	case FND_REFRESH:
		return search(s, 1);
	case FND_CLEAR:
		if (lineedit_empty(&f->box))
			return UI_UNHANDLED; /* Esc on an empty box: back */
		lineedit_set(&f->box, "");
		typed(s);
		return UI_REDRAW;
	}
	return list_action(&f->list, s, act);
}

static int
finder_input(struct screen *s, int key)
{
	struct finder *f = s->state;
	int r;

	/* '?' is never part of what is searched: it stays the help key */
	if (key == '?')
		return UI_UNHANDLED;
	if ((r = field_key(&f->box, key)) == FIELD_UNHANDLED)
		return UI_UNHANDLED;
	if (r == FIELD_REFUSED)
		return app_fail(s->app, ERR_INVALID);
	typed(s);
	return UI_REDRAW;
}

static int
finder_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct finder *f = s->state;

	if (!a->ok)
		return UI_REDRAW;
	if (tag == TAG_NEW && a->text != NULL) {
		/* a house was added: find it and open it */
		lineedit_set(&f->box, a->text);
		f->open_code = 1;
		typed(s);
		return UI_REDRAW;
	}
	return UI_RELOAD | UI_REDRAW; /* a house changed: search again */
}

int
scr_finder_summary(struct app *app, char *buf, size_t bufsz)
{
	struct session *ss = app_session(app);
	struct visit_vec v = { NULL, 0 };
	int64_t n;
	int rc;

	if (ss == NULL || !session_may(ss, PERM_OWNER_VIEW))
		return ERR_DENIED;
	if ((rc = house_db_count(app_db(app), &n)) != 0 ||
	    (rc = svc_visit_today(ss, "", &v)) != 0)
		return rc;
	snprintf(buf, bufsz, _("%lld houses · %d visits today"),
	    (long long)n, v.n);
	visit_vec_release(&v);
	return 0;
}

/* ---- tables -------------------------------------------------------------- */

/* Moving in the list (no plain letters: they go into the box). */
#define FINDER_MOVE_KEYS                                                  \
	{ K_UP, LIST_UP, N_("Previous row"), KB_HELPONLY },               \
	{ K_DOWN, LIST_DOWN, N_("Next row"), KB_HELPONLY },               \
	{ K_PGUP, LIST_PGUP, N_("Previous page"), KB_HELPONLY },          \
	{ K_PGDN, LIST_PGDN, N_("Next page"), KB_HELPONLY }

static const struct keybind finder_keys[] = {
	{ K_ENTER, FND_OPEN, N_("Open"), 0 },
	{ K_F(2), FND_NEW, N_("New house"), 0 },
	{ K_CTRL('n'), FND_NEW, NULL, 0 },
	{ K_F(6), FND_GRID, N_("Buildings"), 0 },
	{ K_CTRL('t'), FND_GRID, NULL, 0 },
	{ K_F(9), FND_VISITS, N_("Today's visits"), 0 },
	{ K_CTRL('o'), FND_VISITS, NULL, 0 },
	{ K_F(5), FND_REFRESH, N_("Search again"), KB_HELPONLY },
	{ K_CTRL('r'), FND_REFRESH, NULL, 0 },
	{ K_ESC, FND_CLEAR, N_("Clear the search box (again: back)"),
	    KB_HELPONLY },
	FINDER_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

static const struct keybind finder_view_keys[] = {
	{ K_ENTER, FND_OPEN, N_("Open"), 0 },
	{ K_F(6), FND_GRID, N_("Buildings"), 0 },
	{ K_CTRL('t'), FND_GRID, NULL, 0 },
	{ K_F(9), FND_VISITS, N_("Today's visits"), 0 },
	{ K_CTRL('o'), FND_VISITS, NULL, 0 },
	{ K_F(5), FND_REFRESH, N_("Search again"), KB_HELPONLY },
	{ K_CTRL('r'), FND_REFRESH, NULL, 0 },
	{ K_ESC, FND_CLEAR, N_("Clear the search box (again: back)"),
	    KB_HELPONLY },
	FINDER_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

#define FINDER_HELP                                                       \
	N_("Find a household by what the visitor tells you: the house "  \
	"number (3-2-1502, or 3-2- for a whole entrance), a name (one or "  \
	"two Chinese characters are enough), a phone number or just its "   \
	"last four digits, or an ID or passport number. The list follows " \
	"every key; Up and Down pick a household, Enter opens it. Phone "   \
	"numbers are masked; the house shows them to roles that may see "  \
	"them. Esc clears the box; Esc again goes back.")

const struct screen_ops scr_finder_ops = {
	.name = "finder",
	.title = N_("Owners"),
	.help = FINDER_HELP,
	.keys = finder_keys,
	.open = finder_open,
	.load = finder_load,
	.draw = finder_draw,
	.action = finder_action,
	.input = finder_input,
	.result = finder_result,
	.tick = finder_tick,
	.house = finder_house,
	.close = finder_close,
};

static const struct screen_ops finder_view_ops = {
	.name = "finder",
	.title = N_("Owners"),
	.help = FINDER_HELP,
	.keys = finder_view_keys,
	.open = finder_open,
	.load = finder_load,
	.draw = finder_draw,
	.action = finder_action,
	.input = finder_input,
	.result = finder_result,
	.tick = finder_tick,
	.house = finder_house,
	.close = finder_close,
};
