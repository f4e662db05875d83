/*
 * list.h: the list widget on screen (STYLE.md 4.6 rule 3): a header, the
 * visible rows with the selection, and a footer with the row count and the
 * filter.  The logic is in ui/model/listmodel.h.  A screen puts LIST_KEYS
 * in its key table and passes the LIST_* actions to list_action(), so the
 * list keys show in help like any other; '/' opens a one-line filter box
 * that narrows the list as each character is typed.
 */
#ifndef FD_UI_LIST_H
#define FD_UI_LIST_H

#include <curses.h>

#include "ui/model/listmodel.h"
#include "ui/screen.h"

/* List actions (keep clear of the screens' own action numbers). */
enum list_action {
	LIST_UP = 900, LIST_DOWN, LIST_PGUP, LIST_PGDN, LIST_HOME, LIST_END,
	LIST_FILTER, LIST_SORT, LIST_ACTION_END
};

/* Key table entries for moving in a list; put them in the screen's table. */
#define LIST_MOVE_KEYS                                                    \
	{ K_UP, LIST_UP, N_("Previous row"), KB_HELPONLY },               \
	{ 'k', LIST_UP, NULL, 0 },                                        \
	{ K_DOWN, LIST_DOWN, N_("Next row"), KB_HELPONLY },               \
	{ 'j', LIST_DOWN, NULL, 0 },                                      \
	{ K_PGUP, LIST_PGUP, N_("Previous page"), KB_HELPONLY },          \
	{ K_PGDN, LIST_PGDN, N_("Next page"), KB_HELPONLY },              \
	{ K_HOME, LIST_HOME, N_("First row"), KB_HELPONLY },              \
	{ K_END, LIST_END, N_("Last row"), KB_HELPONLY }

/* All list keys: moving, the '/' filter and sorting. */
#define LIST_KEYS                                                         \
	{ '/', LIST_FILTER, N_("Filter"), 0 },                            \
	{ 's', LIST_SORT, N_("Sort by the next column"), KB_HELPONLY },   \
	LIST_MOVE_KEYS

/* A list on screen. */
struct list {
	struct listmodel m;
	int footer; /* 1: show the count and filter line */
};

/* Set up the list (see listmodel_init).  Free with list_release(). */
void list_init(struct list *l, const struct listmodel_ops *ops, void *ctx,
    const struct listcol *cols, int ncols, const char *empty);

/* Free the list. */
void list_release(struct list *l);

/* Draw the list in h rows of w columns at (y, x) of win. */
void list_draw(struct list *l, WINDOW *win, int y, int x, int h, int w);

/*
 * A LIST_* action: move, sort, or open the filter box (on s's app).
 * Returns ui_result bits, or UI_UNHANDLED for other actions.
 */
int list_action(struct list *l, struct screen *s, int action);

#endif
