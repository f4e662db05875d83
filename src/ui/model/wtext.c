/*
 * wtext.c: wide-character helpers for the editors and dialogs.  No curses:
 * everything here is measured with wcwidth() under a UTF-8 locale.
 */
#include "ui/model/wtext.h"

#include <string.h>

#include "util/text.h"
#include "util/xalloc.h"

int
wtext_width(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

int
wtext_nwidth(const wchar_t *s, size_t n)
{
	size_t i;
	int w = 0;

	for (i = 0; i < n; i++)
		w += wtext_width(s[i]);
	return w;
}

wchar_t *
wtext_from_utf8(const char *s, size_t *len)
{
	size_t n = s != NULL ? strlen(s) : 0, i = 0, k = 0;
	wchar_t *w = xreallocarray(NULL, n + 1, sizeof *w);
	int l;

	while (i < n) {
		l = utf8_decode(s + i, n - i, &w[k]);
		if (l <= 0) {
			w[k] = L'?';
			l = 1;
		}
		i += (size_t)l;
		k++;
	}
	w[k] = L'\0';
	if (len != NULL)
		*len = k;
	return w;
}

char *
wtext_to_utf8(const wchar_t *s, size_t n)
{
	char *out = xmalloc(n * 4 + 1), *p = out;
	size_t i;
	int l;

	for (i = 0; i < n; i++) {
		l = utf8_encode(s[i], p);
		if (l <= 0) {
			*p = '?';
			l = 1;
		}
		p += l;
	}
	*p = '\0';
	return out;
}

/* A character that belongs to a Latin word (kept whole when wrapping). */
static int
is_word(wchar_t c)
{
	return c > L' ' && c < 0x7f;
}

/* Where to break before s[i] on a row starting at start: before the Latin
 * word s[i] is in, unless the word fills the row. */
static size_t
break_at(const wchar_t *s, size_t start, size_t i)
{
	size_t j = i;

	if (!is_word(s[i]))
		return i;
	while (j > start && is_word(s[j - 1]))
		j--;
	return j > start ? j : i;
}

size_t
wtext_wrap(const wchar_t *s, size_t len, int width, size_t *starts,
    size_t max)
{
	size_t rows = 1, start = 0, i, b;
	int col = 0, w;

	if (max > 0)
		starts[0] = 0;
	for (i = 0; i < len; i++) {
		if (s[i] == L'\n') {
			start = i + 1;
			col = 0;
		} else {
			w = wtext_width(s[i]);
			if (col + w <= width || col == 0) {
				col += w;
				continue;
			}
			b = break_at(s, start, i);
			start = b;
			col = wtext_nwidth(s + b, i - b) + w;
		}
		if (rows < max)
			starts[rows] = start;
		rows++;
	}
	return rows;
}
