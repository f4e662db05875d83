/*
 * draw.h: width-aware printing.  Every string goes through text_fit /
 * text_pad (util/text.h) before it reaches curses, so nothing is ever drawn
 * across the edge of its column and no wide character is split.
 */
#ifndef FD_UI_DRAW_H
#define FD_UI_DRAW_H

#include <curses.h>
#include <wchar.h>

#include "ui/tui.h"
#include "util/text.h"

/* Print UTF-8 s in exactly cols columns at (y, x): fitted ("..." when
 * cut), aligned and padded, in style st.  Returns the columns of text. */
int draw_text(WINDOW *w, int y, int x, int cols, const char *s,
    enum tui_style st, enum text_align align);

/* Print UTF-8 s at (y, x), fitted into cols, not padded.  Returns the
 * columns used. */
int draw_fit(WINDOW *w, int y, int x, int cols, const char *s,
    enum tui_style st);

/* A box title " s " on a border line at (y, x), fitted into cols. */
void draw_title(WINDOW *w, int y, int x, int cols, const char *s);

/* Print wide text s (already fitted by the caller) at (y, x). */
void draw_wcs(WINDOW *w, int y, int x, const wchar_t *s, enum tui_style st);

/* Fill cols columns at (y, x) with spaces in style st. */
void draw_blank(WINDOW *w, int y, int x, int cols, enum tui_style st);

/*
 * Print UTF-8 text wrapped into rows of cols columns from line y, at most
 * maxrows rows.  Returns the rows the whole text needs (more than maxrows
 * when it was cut).
 */
int draw_wrapped(WINDOW *w, int y, int x, int cols, int maxrows,
    const char *s, enum tui_style st);

#endif
