/*
 * textarea.c: the multi-line text model (no curses).  After every change
 * the text is wrapped again into rows (cheap: notes are short) and the rows
 * shown are scrolled so the cursor stays visible.
 */
#include "ui/model/textarea.h"

#include <stdlib.h>
#include <string.h>

#include "ui/model/wtext.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Keep the cursor's row between top and top + height. */
static void
fix_top(struct textarea *ta)
{
	int r = textarea_cursor_row(ta);

	if (r < ta->top)
		ta->top = r;
	if (r >= ta->top + ta->height)
		ta->top = r - ta->height + 1;
	if (ta->top > ta->nrows - ta->height)
		ta->top = ta->nrows - ta->height;
	if (ta->top < 0)
		ta->top = 0;
}

/* Wrap the text into rows; a full last row gets an empty row after it
 * for the cursor at the end. */
static void
layout(struct textarea *ta)
{
	size_t n;

	for (;;) {
		n = wtext_wrap(ta->buf, ta->len, ta->width, ta->starts,
		    (size_t)ta->rows_cap);
		if (n + 1 <= (size_t)ta->rows_cap)
			break;
		ta->rows_cap = (int)n + 16;
		ta->starts = xreallocarray(ta->starts, (size_t)ta->rows_cap,
		    sizeof *ta->starts);
	}
	ta->nrows = (int)n;
	if (ta->len > 0 && ta->buf[ta->len - 1] != L'\n' &&
	    wtext_nwidth(ta->buf + ta->starts[n - 1],
	    ta->len - ta->starts[n - 1]) >= ta->width)
		ta->starts[ta->nrows++] = ta->len;
	fix_top(ta);
}

void
textarea_init(struct textarea *ta, size_t maxchars, int width, int height)
{
	memset(ta, 0, sizeof *ta);
	ta->buf = xcalloc(1, sizeof *ta->buf);
	ta->maxchars = maxchars;
	ta->width = width > 0 ? width : 1;
	ta->height = height > 0 ? height : 1;
	ta->goal = -1;
	layout(ta);
}

void
textarea_release(struct textarea *ta)
{
	FREE(&ta->buf);
	FREE(&ta->starts);
	ta->len = ta->cap = ta->pos = 0;
	ta->nrows = ta->rows_cap = 0;
}

void
textarea_set_size(struct textarea *ta, int width, int height)
{
	ta->width = width > 0 ? width : 1;
	ta->height = height > 0 ? height : 1;
	layout(ta);
}

/* Put wc at the cursor without checks or layout. */
static void
put(struct textarea *ta, wchar_t wc)
{
	if (ta->len + 1 > ta->cap) {
		ta->cap = ta->cap ? ta->cap * 2 : 64;
		ta->buf = xreallocarray(ta->buf, ta->cap + 1, sizeof *ta->buf);
	}
	memmove(ta->buf + ta->pos + 1, ta->buf + ta->pos,
	    (ta->len - ta->pos + 1) * sizeof *ta->buf);
	ta->buf[ta->pos++] = wc;
	ta->len++;
}

/* 1 when wc may be part of the text. */
static int
allowed(wchar_t wc)
{
	return wc == L'\n' || (wc >= L' ' && wc != 0x7f &&
	    !(wc >= 0x80 && wc < 0xa0) && wcwidth(wc) > 0);
}

int
textarea_insert(struct textarea *ta, wchar_t wc)
{
	if (wc == L'\t')
		wc = L' ';
	if (!allowed(wc))
		return err_set(ERR_INVALID,
		    _("This character cannot be typed here"));
	if (ta->len >= ta->maxchars)
		return err_set(ERR_INVALID,
		    _("This field holds at most %zu characters"), ta->maxchars);
	put(ta, wc);
	ta->goal = -1;
	layout(ta);
	return 0;
}

int
textarea_paste(struct textarea *ta, const char *text)
{
	size_t n, i;
	wchar_t *w = wtext_from_utf8(text, &n), wc;
	int rc = 0;

	for (i = 0; i < n; i++) {
		wc = w[i] == L'\t' ? L' ' : w[i];
		if (!allowed(wc))
			continue;
		if (ta->len >= ta->maxchars) {
			rc = err_set(ERR_INVALID, _("The text was cut at %zu "
			    "characters, the most this field holds"),
			    ta->maxchars);
			break;
		}
		put(ta, wc);
	}
	free(w);
	ta->goal = -1;
	layout(ta);
	return rc;
}

int
textarea_set(struct textarea *ta, const char *text)
{
	int rc;

	ta->len = ta->pos = 0;
	ta->buf[0] = L'\0';
	ta->top = 0;
	rc = textarea_paste(ta, text != NULL ? text : "");
	ta->pos = 0;
	fix_top(ta);
	return rc;
}

char *
textarea_get(const struct textarea *ta)
{
	return wtext_to_utf8(ta->buf, ta->len);
}

int
textarea_cursor_row(const struct textarea *ta)
{
	int lo = 0, hi = ta->nrows - 1, mid;

	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		if (ta->starts[mid] <= ta->pos)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The last cursor position of row r. */
static size_t
row_last(const struct textarea *ta, int r)
{
	return r + 1 < ta->nrows ? ta->starts[r + 1] - 1 : ta->len;
}

void
textarea_cursor(const struct textarea *ta, int *row, int *col)
{
	int r = textarea_cursor_row(ta);

	*row = r - ta->top;
	*col = wtext_nwidth(ta->buf + ta->starts[r], ta->pos - ta->starts[r]);
}

/* Remove [from, to) and put the cursor at from. */
static void
cut_range(struct textarea *ta, size_t from, size_t to)
{
	memmove(ta->buf + from, ta->buf + to,
	    (ta->len - to + 1) * sizeof *ta->buf);
	ta->len -= to - from;
	ta->pos = from;
	ta->goal = -1;
	layout(ta);
}

void
textarea_backspace(struct textarea *ta)
{
	if (ta->pos > 0)
		cut_range(ta, ta->pos - 1, ta->pos);
}

void
textarea_delete(struct textarea *ta)
{
	if (ta->pos < ta->len)
		cut_range(ta, ta->pos, ta->pos + 1);
}

void
textarea_left(struct textarea *ta)
{
	if (ta->pos > 0)
		ta->pos--;
	ta->goal = -1;
	fix_top(ta);
}

void
textarea_right(struct textarea *ta)
{
	if (ta->pos < ta->len)
		ta->pos++;
	ta->goal = -1;
	fix_top(ta);
}

/* Move to row r at the goal column, never inside a wide character. */
static void
goto_row(struct textarea *ta, int r)
{
	size_t i = ta->starts[r], last = row_last(ta, r);
	int c = 0;

	while (i < last && c + wtext_width(ta->buf[i]) <= ta->goal)
		c += wtext_width(ta->buf[i++]);
	ta->pos = i;
	fix_top(ta);
}

/* Remember the cursor's column for a run of Up/Down keys. */
static void
set_goal(struct textarea *ta)
{
	int row, col;

	if (ta->goal < 0) {
		textarea_cursor(ta, &row, &col);
		ta->goal = col;
	}
}

int
textarea_up(struct textarea *ta)
{
	int r = textarea_cursor_row(ta);

	if (r == 0)
		return 0;
	set_goal(ta);
	goto_row(ta, r - 1);
	return 1;
}

int
textarea_down(struct textarea *ta)
{
	int r = textarea_cursor_row(ta);

	if (r + 1 >= ta->nrows)
		return 0;
	set_goal(ta);
	goto_row(ta, r + 1);
	return 1;
}

void
textarea_home(struct textarea *ta)
{
	ta->pos = ta->starts[textarea_cursor_row(ta)];
	ta->goal = -1;
}

void
textarea_end(struct textarea *ta)
{
	ta->pos = row_last(ta, textarea_cursor_row(ta));
	ta->goal = -1;
}

int
textarea_row(const struct textarea *ta, int r, wchar_t *out, size_t outsz)
{
	size_t i, end, k = 0;

	if (r < 0 || r >= ta->nrows || outsz == 0)
		return -1;
	end = r + 1 < ta->nrows ? ta->starts[r + 1] : ta->len;
	for (i = ta->starts[r]; i < end && k + 1 < outsz; i++)
		if (ta->buf[i] != L'\n')
			out[k++] = ta->buf[i];
	out[k] = L'\0';
	return (int)k;
}
