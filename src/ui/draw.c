/*
 * draw.c: width-aware print helpers over ncursesw.  Text is converted to
 * wchar_t at this edge only (STYLE.md 4.7).
 */
#include "ui/draw.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/model/wtext.h"
#include "util/xalloc.h"

/* Print fitted UTF-8 text (no cutting needed any more) at (y, x). */
static void
put_utf8(WINDOW *w, int y, int x, const char *s, enum tui_style st)
{
	size_t n;
	wchar_t *ws = wtext_from_utf8(s, &n);

	wattrset(w, tui_attr(st));
	mvwaddnwstr(w, y, x, ws, (int)n);
	wattrset(w, A_NORMAL);
	free(ws);
}

int
draw_text(WINDOW *w, int y, int x, int cols, const char *s,
    enum tui_style st, enum text_align align)
{
	char buf[2048];
	int used;

	if (cols <= 0)
		return 0;
	used = text_width(s != NULL ? s : "");
	text_pad(buf, sizeof buf, s != NULL ? s : "", cols, align);
	put_utf8(w, y, x, buf, st);
	return used < cols ? used : cols;
}

int
draw_fit(WINDOW *w, int y, int x, int cols, const char *s,
    enum tui_style st)
{
	char buf[2048];
	int used;

	if (cols <= 0)
		return 0;
	used = text_fit(buf, sizeof buf, s != NULL ? s : "", cols);
	put_utf8(w, y, x, buf, st);
	return used;
}

void
draw_title(WINDOW *w, int y, int x, int cols, const char *s)
{
	char buf[512];

	snprintf(buf, sizeof buf, " %s ", s != NULL ? s : "");
	draw_fit(w, y, x, cols, buf, TUI_TITLE);
}

void
draw_wcs(WINDOW *w, int y, int x, const wchar_t *s, enum tui_style st)
{
	wattrset(w, tui_attr(st));
	mvwaddwstr(w, y, x, s);
	wattrset(w, A_NORMAL);
}

void
draw_blank(WINDOW *w, int y, int x, int cols, enum tui_style st)
{
	wattrset(w, tui_attr(st));
	if (cols > 0)
		mvwhline(w, y, x, ' ', cols);
	wattrset(w, A_NORMAL);
}

int
draw_wrapped(WINDOW *w, int y, int x, int cols, int maxrows, const char *s,
    enum tui_style st)
{
	size_t len, starts[64], n, r, end;
	wchar_t *ws = wtext_from_utf8(s, &len), *row;

	if (cols <= 0) {
		free(ws);
		return 0;
	}
	n = wtext_wrap(ws, len, cols, starts, 64);
	row = xreallocarray(NULL, len + 1, sizeof *row);
	for (r = 0; r < n && r < 64 && (int)r < maxrows; r++) {
		end = r + 1 < n && r + 1 < 64 ? starts[r + 1] : len;
		wmemcpy(row, ws + starts[r], end - starts[r]);
		row[end - starts[r]] = L'\0';
		if (end > starts[r] && row[end - starts[r] - 1] == L'\n')
			row[end - starts[r] - 1] = L'\0';
		draw_wcs(w, y + (int)r, x, row, st);
	}
	free(row);
	free(ws);
	return (int)n;
}
