/*
 * list.c: drawing and keys of the list widget, and its filter box.  The
 * model asks the screen for the visible rows only, so drawing costs the
 * same for 20 rows or 100k.
 */
#include "ui/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/model/lineedit.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

void
list_init(struct list *l, const struct listmodel_ops *ops, void *ctx,
    const struct listcol *cols, int ncols, const char *empty)
{
	listmodel_init(&l->m, ops, ctx, cols, ncols, empty);
	l->footer = 1;
}

void
list_release(struct list *l)
{
	listmodel_release(&l->m);
}

void
list_draw(struct list *l, WINDOW *win, int y, int x, int h, int w)
{
	char line[4096], foot[512], status[128];
	int first, n, i, rows = h - 1 - l->footer;

	if (rows < 1)
		return;
	listmodel_set_size(&l->m, w, rows);
	listmodel_header(&l->m, line, sizeof line);
	draw_text(win, y, x, w, line, TUI_COLHEAD, TEXT_LEFT);
	listmodel_visible(&l->m, &first, &n);
	for (i = 0; i < n; i++) {
		listmodel_line(&l->m, first + i, line, sizeof line);
		draw_text(win, y + 1 + i, x, w, line, first + i == l->m.sel ?
		    TUI_SELECTED : TUI_NORMAL, TEXT_LEFT);
	}
	if (l->m.nrows == 0)
		draw_text(win, y + 1 + rows / 2, x, w,
		    listmodel_empty_text(&l->m), TUI_DIM, TEXT_CENTER);
	if (!l->footer)
		return;
	listmodel_status(&l->m, status, sizeof status);
	if (l->m.filtering)
		snprintf(foot, sizeof foot, _("%s so far, still searching   "
		    "filter: %s"), status, l->m.filter);
	else if (l->m.filter[0] != '\0')
		snprintf(foot, sizeof foot, _("%s   filter: %s"), status,
		    l->m.filter);
	else
		snprintf(foot, sizeof foot, "%s", status);
	draw_text(win, y + h - 1, x, w, foot, TUI_DIM, TEXT_RIGHT);
}

/* ---- the filter box ---------------------------------------------------- */

enum { FILTER_DONE, FILTER_CLEAR };

/* The filter box's state: the editor and the list it narrows. */
struct filterbox {
	struct list *list;
	struct lineedit le;
	char *before; /* filter when the box opened, for Esc */
};

static int
filter_open(struct screen *s, void *arg)
{
	struct filterbox *f = xcalloc(1, sizeof *f);

	f->list = arg;
	lineedit_init(&f->le, LINEEDIT_TEXT, 50, 20);
	lineedit_set(&f->le, f->list->m.filter);
	f->before = xstrdup(f->list->m.filter);
	s->state = f;
	return 0;
}

static void
filter_close(struct screen *s)
{
	struct filterbox *f = s->state;

	lineedit_release(&f->le);
	free(f->before);
	free(f);
}

static void
filter_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct filterbox *f = s->state;

	*h = 3;
	*w = maxw < 50 ? maxw : 50;
	s->win_y = maxh - 1;
	s->win_x = 2;
	lineedit_set_width(&f->le, *w - 4 - text_width(_("Filter")));
}

static void
filter_draw(struct screen *s, WINDOW *w)
{
	struct filterbox *f = s->state;
	int lw = text_width(_("Filter"));

	tui_box(w);
	draw_fit(w, 1, 1, lw, _("Filter"), TUI_TITLE);
	field_draw(w, 1, lw + 2, &f->le, 1, NULL, s);
}

static int
filter_action(struct screen *s, int act)
{
	struct filterbox *f = s->state;
	int rc;

	if (act == FILTER_CLEAR)
		rc = listmodel_set_filter(&f->list->m, "");
	else
		rc = listmodel_filter_finish(&f->list->m);
	return rc != 0 ? app_fail(s->app, rc) | UI_CLOSE : UI_CLOSE;
}

/* Between keys: search the next slice of a big list. */
static int
filter_tick(struct screen *s)
{
	struct filterbox *f = s->state;
	int rc = listmodel_filter_more(&f->list->m);

	s->busy = f->list->m.filtering;
	return rc != 0 ? app_fail(s->app, rc) : UI_REDRAW;
}

static int
filter_input(struct screen *s, int key)
{
	struct filterbox *f = s->state;
	char *text;
	int r = field_key(&f->le, key), rc;

	if (r == FIELD_UNHANDLED)
		return UI_UNHANDLED;
	if (r == FIELD_REFUSED)
		return app_fail(s->app, ERR_INVALID);
	text = lineedit_get(&f->le);
	rc = listmodel_set_filter(&f->list->m, text);
	free(text);
	/* A big list searches on between keys; a key never waits for it. */
	s->busy = f->list->m.filtering;
	return rc != 0 ? app_fail(s->app, rc) : UI_REDRAW;
}

static const struct keybind filter_keys[] = {
	{ K_ENTER, FILTER_DONE, N_("Keep the filter"), 0 },
	{ K_ESC, FILTER_CLEAR, N_("Clear the filter"), 0 },
	{ 0, 0, NULL, 0 },
};

static const struct screen_ops filter_ops = {
	.name = "list-filter", .title = "", .keys = filter_keys,
	.help = N_("Type to keep only the rows that contain the text; the "
	    "list follows each key. Enter keeps the filter, Esc clears it."),
	.flags = SCREEN_OVERLAY, .open = filter_open, .draw = filter_draw,
	.action = filter_action, .input = filter_input, .size = filter_size,
	.tick = filter_tick, .close = filter_close,
};

/* Sort by the next column, wrapping to the screen's own order. */
static int
next_sort(struct list *l, struct screen *s)
{
	int col = l->m.sort_col, rc;

	if (col >= 0 && !l->m.sort_desc)
		rc = listmodel_sort(&l->m, col);
	else
		rc = listmodel_sort(&l->m, (col + 1) % l->m.ncols);
	return rc != 0 ? app_fail(s->app, rc) : UI_REDRAW;
}

int
list_action(struct list *l, struct screen *s, int action)
{
	switch (action) {
	case LIST_UP:
		listmodel_move(&l->m, -1);
		break;
	case LIST_DOWN:
		listmodel_move(&l->m, 1);
		break;
	case LIST_PGUP:
		listmodel_page(&l->m, -1);
		break;
	case LIST_PGDN:
		listmodel_page(&l->m, 1);
		break;
	case LIST_HOME:
		listmodel_home(&l->m);
		break;
	case LIST_END:
		listmodel_end(&l->m);
		break;
	case LIST_FILTER:
		if (l->m.ops->filter == NULL)
			return app_fail(s->app, err_set(ERR_STATE, "%s",
			    _("This list cannot be filtered")));
		app_push(s->app, &filter_ops, l, 0);
		break;
	case LIST_SORT:
		return next_sort(l, s);
	default:
		return UI_UNHANDLED;
	}
	return UI_REDRAW;
}
