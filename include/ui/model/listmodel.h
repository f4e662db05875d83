/*
 * listmodel.h: the model of the list widget, without curses: selection,
 * scrolling, paging, an incremental filter and sorting, all through
 * callbacks to the screen that owns the rows, plus the column layout by
 * display width (Chinese takes two columns) and the text of each line.  It
 * asks for visible rows only, so a list of 100k rows costs the same to draw
 * as a list of 20.
 */
#ifndef FD_UI_MODEL_LISTMODEL_H
#define FD_UI_MODEL_LISTMODEL_H

#include <stddef.h>

#include "util/text.h"

#define LISTMODEL_MAXCOLS 16

/* One column of a list. */
struct listcol {
	const char *title;     /* header text, translated by the caller */
	int width;             /* columns wanted (and the least kept: 4) */
	int flex;              /* share of spare columns; 0: fixed width */
	enum text_align align; /* TEXT_LEFT, TEXT_RIGHT (numbers, money) */
};

/* What a screen supplies to a list.  Only count and cell are required. */
struct listmodel_ops {
	/* Rows in the current filter and order. */
	int (*count)(void *ctx);
	/* Rows [first, first+n) are about to be shown: fetch one page. */
	void (*window)(void *ctx, int first, int n);
	/* Text of one cell (UTF-8); valid until the next window()/cell(). */
	const char *(*cell)(void *ctx, int row, int col);
	/* Keep only rows matching text ("" = all).  0, an err code, or
	 * LISTMODEL_MORE when only the first slice was searched (a big
	 * list): then filter_more() is called, between keys, until done. */
	int (*filter)(void *ctx, const char *text);
	/* Order by column col, descending when desc.  0 or an err code. */
	int (*sort)(void *ctx, int col, int desc);
	/* Search the next slice: LISTMODEL_MORE, 0 when done, or an err. */
	int (*filter_more)(void *ctx);
};

/* Selection, scrolling and layout of one list. */
struct listmodel {
	const struct listmodel_ops *ops; /* callbacks, borrowed */
	void *ctx;                       /* the screen's rows */
	const struct listcol *cols;      /* borrowed */
	int ncols;
	int widths[LISTMODEL_MAXCOLS];   /* laid-out widths; 0: hidden */
	int width;                       /* columns of a line */
	int height;                      /* rows shown */
	int nrows;                       /* count() after the last change */
	int sel;                         /* selected row; -1 when empty */
	int top;                         /* first row shown */
	int sort_col;                    /* -1: the screen's own order */
	int sort_desc;
	char *filter;                    /* current filter text, never NULL */
	int filtering;                   /* 1: the filter is still searching */
	const char *empty;               /* text when there are no rows */
};

/* Set up a list over ctx (ncols at most LISTMODEL_MAXCOLS).  empty is the
 * text shown when the list is empty without a filter (borrowed).  Free
 * with listmodel_release(). */
void listmodel_init(struct listmodel *lm, const struct listmodel_ops *ops,
    void *ctx, const struct listcol *cols, int ncols, const char *empty);

/* Free the filter text. */
void listmodel_release(struct listmodel *lm);

/* Count the rows again (after the screen's load()); the selection is kept
 * in range. */
void listmodel_reload(struct listmodel *lm);

/* Lay the columns out in width columns and show height rows. */
void listmodel_set_size(struct listmodel *lm, int width, int height);

/* Selection: by delta rows, a page, first, last, or row i. */
void listmodel_move(struct listmodel *lm, int delta);
void listmodel_page(struct listmodel *lm, int pages);
void listmodel_home(struct listmodel *lm);
void listmodel_end(struct listmodel *lm);
void listmodel_select(struct listmodel *lm, int row);

/* Filter by text (UTF-8; "" clears); the first row is selected.  Returns
 * the filter callback's code (ERR_STATE when the list has no filter). */
int listmodel_set_filter(struct listmodel *lm, const char *text);

/* What filter() and filter_more() return while a search goes on. */
#define LISTMODEL_MORE 1

/*
 * Search the next slice of an unfinished filter, keeping the selection.
 * Returns 0 (lm->filtering tells whether more remains) or an err code
 * (the search then stops).
 */
int listmodel_filter_more(struct listmodel *lm);

/* Finish an unfinished filter now.  0 or an err code. */
int listmodel_filter_finish(struct listmodel *lm);

/* Sort by column col; the same column again flips the direction.  Returns
 * the callback's code (ERR_STATE when the list cannot sort). */
int listmodel_sort(struct listmodel *lm, int col);

/* Rows to draw now.  OUT: *first, *n.  Calls the window() callback. */
void listmodel_visible(struct listmodel *lm, int *first, int *n);

/* The header line, padded to the width; the sort column is marked with
 * '^' (ascending) or 'v'.  Returns the columns used. */
int listmodel_header(const struct listmodel *lm, char *buf, size_t bufsz);

/* Row's line: cells fitted ("..." when cut) and padded to their columns,
 * one space apart, exactly width columns.  Returns the columns used. */
int listmodel_line(const struct listmodel *lm, int row, char *buf,
    size_t bufsz);

/* What to show when there are no rows (translated). */
const char *listmodel_empty_text(const struct listmodel *lm);

/* "Row 3 of 120" or "No rows" (translated) into buf. */
void listmodel_status(const struct listmodel *lm, char *buf, size_t bufsz);

#endif
