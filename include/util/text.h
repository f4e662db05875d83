/*
 * text.h: display width of UTF-8 text for a terminal, where Chinese takes two
 * columns.  All layout goes through here: columns, never bytes or
 * characters.  Invalid UTF-8 and non-printable characters count one column
 * and are drawn as '?', so hostile text never crashes and never misaligns.
 * Needs a UTF-8 LC_CTYPE (wcwidth).
 */
#ifndef FD_UTIL_TEXT_H
#define FD_UTIL_TEXT_H

#include <stddef.h>
#include <wchar.h>

enum text_align { TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER };

/* Columns needed to show s. */
int text_width(const char *s);

/* Columns needed to show the first n bytes of s. */
int text_nwidth(const char *s, size_t n);

/*
 * Copy into dst as much of s as fits in cols columns, whole characters only
 * (a wide character that would straddle the edge is left out).  When s is cut,
 * the end is marked with "..." (3 columns) inside the limit.  Invalid bytes and
 * control characters become '?'.  dst is always NUL-terminated.
 * Returns the columns used.
 */
int text_fit(char *dst, size_t dstsz, const char *s, int cols);

/* text_fit(), then spaces so the result is exactly cols wide. */
int text_pad(char *dst, size_t dstsz, const char *s, int cols,
    enum text_align align);

/* 1 when s[0..n) is valid UTF-8 without NUL, else 0. */
int utf8_valid(const char *s, size_t n);

/* Number of characters (code points) in valid UTF-8 s. */
size_t utf8_nchars(const char *s);

/*
 * Copy src into dst converting full-width forms typed through a Chinese input
 * method to ASCII: digits ０-９, letters, the ideographic space U+3000, and
 * the full-width punctuation ．，－／：＋ (and the yuan sign ￥ stays).
 * Returns 0, or ERR_INVALID when dst is too small.
 */
int text_halfwidth(char *dst, size_t dstsz, const char *src);

/* Trim ASCII blanks and U+3000 from both ends, in place.  Returns s. */
char *text_trim(char *s);

/* 1 when s is NULL or holds only ASCII blanks and U+3000: a field left
 * empty, as every check of a required field sees it. */
int text_blank(const char *s);

/*
 * Decode one UTF-8 character at s (n bytes available).  OUT: *wc.
 * Returns its length, or -1 on an invalid or truncated sequence.
 */
int utf8_decode(const char *s, size_t n, wchar_t *wc);

/* Encode wc into buf (at least 4 bytes).  Returns the length, or -1. */
int utf8_encode(wchar_t wc, char *buf);

#endif
