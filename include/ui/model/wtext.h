/*
 * wtext.h: wide-character helpers shared by the editors, dialogs and help
 * (no curses): UTF-8 to wchar_t and back, column widths, and wrapping by
 * columns so that Chinese (two columns a character) never straddles an edge.
 */
#ifndef FD_UI_MODEL_WTEXT_H
#define FD_UI_MODEL_WTEXT_H

#include <stddef.h>
#include <wchar.h>

/* Columns of wc on screen: wcwidth(), and 1 for what cannot be printed. */
int wtext_width(wchar_t wc);

/* Columns of s[0..n). */
int wtext_nwidth(const wchar_t *s, size_t n);

/*
 * Decode UTF-8 s into a new wide string; an invalid or truncated sequence
 * becomes '?' (one byte at a time), so hostile text is kept visible.
 * OUT: *len (characters, may be NULL).  Caller frees.
 */
wchar_t *wtext_from_utf8(const char *s, size_t *len);

/* Encode s[0..n) as new UTF-8 text.  Caller frees. */
char *wtext_to_utf8(const wchar_t *s, size_t n);

/*
 * Break s[0..len) into rows of at most width columns: a '\n' ends a row, a
 * Latin word is moved whole to the next row when it can be, Chinese breaks
 * between any two characters.  OUT: starts[0..min(rows,max)) hold the index
 * of each row's first character.  Returns the number of rows (at least 1).
 */
size_t wtext_wrap(const wchar_t *s, size_t len, int width, size_t *starts,
    size_t max);

#endif
