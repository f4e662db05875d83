/*
 * listmodel.c: selection, scrolling, filter, sort and column layout of a
 * list (no curses).  The rows stay with the screen: this file only asks for
 * the count and for the cells of the rows that are visible.
 */
#include "ui/model/listmodel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define MINCOL 4 /* a cut column still shows one character and "..." */

void
listmodel_init(struct listmodel *lm, const struct listmodel_ops *ops,
    void *ctx, const struct listcol *cols, int ncols, const char *empty)
{
	memset(lm, 0, sizeof *lm);
	lm->ops = ops;
	lm->ctx = ctx;
	lm->cols = cols;
	lm->ncols = ncols < LISTMODEL_MAXCOLS ? ncols : LISTMODEL_MAXCOLS;
	lm->sel = -1;
	lm->sort_col = -1;
	lm->filter = xstrdup("");
	lm->empty = empty;
	lm->height = 1;
}

void
listmodel_release(struct listmodel *lm)
{
	FREE(&lm->filter);
}

/* Keep sel in range and visible, top in range. */
static void
clamp(struct listmodel *lm)
{
	if (lm->nrows <= 0) {
		lm->nrows = 0;
		lm->sel = -1;
		lm->top = 0;
		return;
	}
	if (lm->sel < 0)
		lm->sel = 0;
	if (lm->sel >= lm->nrows)
		lm->sel = lm->nrows - 1;
	if (lm->sel < lm->top)
		lm->top = lm->sel;
	if (lm->sel >= lm->top + lm->height)
		lm->top = lm->sel - lm->height + 1;
	if (lm->top > lm->nrows - lm->height)
		lm->top = lm->nrows - lm->height;
	if (lm->top < 0)
		lm->top = 0;
}

void
listmodel_reload(struct listmodel *lm)
{
	lm->nrows = lm->ops->count(lm->ctx);
	clamp(lm);
}

/* Give spare columns to the flexible columns, by their shares. */
static void
grow(struct listmodel *lm, int spare)
{
	int i, shares = 0, last = -1, given = 0, add;

	for (i = 0; i < lm->ncols; i++)
		if (lm->cols[i].flex > 0) {
			shares += lm->cols[i].flex;
			last = i;
		}
	if (last < 0)
		return;
	for (i = 0; i < lm->ncols; i++) {
		if (lm->cols[i].flex <= 0)
			continue;
		add = i == last ? spare - given : spare * lm->cols[i].flex / shares;
		lm->widths[i] += add;
		given += add;
	}
}

/* Take over columns back: flexible columns first, then from the right;
 * hide columns from the right when even that is not enough. */
static void
shrink(struct listmodel *lm, int over)
{
	int pass, i, take;

	for (pass = 0; pass < 2 && over > 0; pass++)
		for (i = lm->ncols - 1; i >= 0 && over > 0; i--) {
			if (pass == 0 && lm->cols[i].flex <= 0)
				continue;
			take = lm->widths[i] - MINCOL;
			if (take > over)
				take = over;
			if (take > 0) {
				lm->widths[i] -= take;
				over -= take;
			}
		}
	for (i = lm->ncols - 1; i > 0 && over > 0; i--) {
		over -= lm->widths[i] + 1;
		lm->widths[i] = 0;
	}
	if (over > 0 && lm->widths[0] > over)
		lm->widths[0] -= over;
}

void
listmodel_set_size(struct listmodel *lm, int width, int height)
{
	int i, sum = 0;

	lm->width = width > 0 ? width : 1;
	lm->height = height > 0 ? height : 1;
	for (i = 0; i < lm->ncols; i++) {
		lm->widths[i] = lm->cols[i].width > MINCOL ?
		    lm->cols[i].width : MINCOL;
		sum += lm->widths[i] + (i > 0);
	}
	if (sum < lm->width)
		grow(lm, lm->width - sum);
	else if (sum > lm->width)
		shrink(lm, sum - lm->width);
	clamp(lm);
}

void
listmodel_select(struct listmodel *lm, int row)
{
	if (lm->nrows == 0)
		return;
	lm->sel = row;
	clamp(lm);
}

void
listmodel_move(struct listmodel *lm, int delta)
{
	if (lm->nrows == 0)
		return;
	if (delta < 0 && lm->sel < -delta)
		listmodel_select(lm, 0);
	else if (delta > 0 && lm->sel > lm->nrows - 1 - delta)
		listmodel_select(lm, lm->nrows - 1);
	else
		listmodel_select(lm, lm->sel + delta);
}

void
listmodel_page(struct listmodel *lm, int pages)
{
	int old = lm->sel, oldtop = lm->top;

	if (lm->nrows == 0)
		return;
	listmodel_move(lm, pages * lm->height);
	/* Scroll the page too, so PgDn shows the next page, not one row. */
	lm->top = oldtop + (lm->sel - old);
	clamp(lm);
}

void
listmodel_home(struct listmodel *lm)
{
	listmodel_select(lm, 0);
}

void
listmodel_end(struct listmodel *lm)
{
	listmodel_select(lm, lm->nrows - 1);
}

int
listmodel_set_filter(struct listmodel *lm, const char *text)
{
	int rc;

	if (lm->ops->filter == NULL)
		return err_set(ERR_STATE, _("This list cannot be filtered"));
	rc = lm->ops->filter(lm->ctx, text != NULL ? text : "");
	lm->filtering = rc == LISTMODEL_MORE && lm->ops->filter_more != NULL;
	if (rc == LISTMODEL_MORE)
		rc = 0;
	free(lm->filter);
	lm->filter = xstrdup(text != NULL ? text : "");
	lm->sel = 0;
	lm->top = 0;
	listmodel_reload(lm);
	return rc;
}

int
listmodel_filter_more(struct listmodel *lm)
{
	int rc;

	if (!lm->filtering)
		return 0;
	rc = lm->ops->filter_more(lm->ctx);
	lm->filtering = rc == LISTMODEL_MORE;
	listmodel_reload(lm);
	return rc == LISTMODEL_MORE ? 0 : rc;
}

int
listmodel_filter_finish(struct listmodel *lm)
{
	int rc = 0;

	while (lm->filtering && rc == 0)
		rc = listmodel_filter_more(lm);
	return rc;
}

int
listmodel_sort(struct listmodel *lm, int col)
{
	int rc, desc;

	if (lm->ops->sort == NULL || col < 0 || col >= lm->ncols)
		return err_set(ERR_STATE, _("This list cannot be sorted "
		    "that way"));
	desc = col == lm->sort_col ? !lm->sort_desc : 0;
	if ((rc = lm->ops->sort(lm->ctx, col, desc)) != 0)
		return rc;
	lm->sort_col = col;
	lm->sort_desc = desc;
	listmodel_reload(lm);
	return 0;
}

void
listmodel_visible(struct listmodel *lm, int *first, int *n)
{
	*first = lm->top;
	*n = lm->nrows - lm->top < lm->height ? lm->nrows - lm->top :
	    lm->height;
	if (*n < 0)
		*n = 0;
	if (*n > 0 && lm->ops->window != NULL)
		lm->ops->window(lm->ctx, *first, *n);
}

/* Append s to buf (of size bufsz, holding *used bytes), as room allows. */
static void
append(char *buf, size_t bufsz, size_t *used, const char *s)
{
	size_t n = strlen(s);

	if (*used + n + 1 > bufsz)
		return;
	memcpy(buf + *used, s, n + 1);
	*used += n;
}

/* Pad the line in buf to the full width with spaces. */
static int
finish(const struct listmodel *lm, char *buf, size_t bufsz, size_t used,
    int cols)
{
	for (; cols < lm->width && used + 2 <= bufsz; cols++) {
		buf[used++] = ' ';
		buf[used] = '\0';
	}
	return cols;
}

int
listmodel_header(const struct listmodel *lm, char *buf, size_t bufsz)
{
	char cell[1024], title[1024];
	size_t used = 0;
	int i, cols = 0, w;

	buf[0] = '\0';
	for (i = 0; i < lm->ncols; i++) {
		if ((w = lm->widths[i]) <= 0)
			continue;
		if (cols > 0) {
			append(buf, bufsz, &used, " ");
			cols++;
		}
		text_fit(title, sizeof title - 1, lm->cols[i].title,
		    i == lm->sort_col ? w - 1 : w);
		if (i == lm->sort_col)
			strcat(title, lm->sort_desc ? "v" : "^");
		cols += text_pad(cell, sizeof cell, title, w, lm->cols[i].align);
		append(buf, bufsz, &used, cell);
	}
	return finish(lm, buf, bufsz, used, cols);
}

int
listmodel_line(const struct listmodel *lm, int row, char *buf, size_t bufsz)
{
	char cell[1024];
	const char *s;
	size_t used = 0;
	int i, cols = 0, w;

	buf[0] = '\0';
	for (i = 0; i < lm->ncols; i++) {
		if ((w = lm->widths[i]) <= 0)
			continue;
		if (cols > 0) {
			append(buf, bufsz, &used, " ");
			cols++;
		}
		s = lm->ops->cell(lm->ctx, row, i);
		cols += text_pad(cell, sizeof cell, s != NULL ? s : "", w,
		    lm->cols[i].align);
		append(buf, bufsz, &used, cell);
	}
	return finish(lm, buf, bufsz, used, cols);
}

const char *
listmodel_empty_text(const struct listmodel *lm)
{
	if (lm->filter[0] != '\0')
		return _("Nothing matches the filter; Esc clears it");
	return lm->empty != NULL ? lm->empty : _("Nothing here yet");
}

void
listmodel_status(const struct listmodel *lm, char *buf, size_t bufsz)
{
	if (lm->nrows == 0)
		snprintf(buf, bufsz, "%s", _("No rows"));
	else
		snprintf(buf, bufsz, _("Row %d of %d"), lm->sel + 1, lm->nrows);
}
