/*
 * text.c: terminal columns of UTF-8 text (Chinese takes two), fitting and
 * padding text into a column budget, strict UTF-8 decoding, and the small
 * clean-ups typed input needs (full-width to ASCII, trimming).  Runs for every
 * cell of every list row: no allocation and no locale calls per character
 * except wcwidth().  No curses here.
 *
 * Invalid bytes are taken one at a time: each counts one column and is drawn
 * as '?', as are control and other non-printable characters (wcwidth() < 0),
 * so hostile text can neither send escape sequences to the terminal nor
 * misalign a column.
 */
#include "util/text.h"

#include <string.h>
#include <wchar.h>

#include "util/err.h"
#include "util/i18n.h"

#define TEXT_DOTS "..."
#define TEXT_NDOTS 3

/* One measured character: bytes in the source, columns, bytes in the output. */
struct text_ch {
	size_t len;  /* bytes consumed from the source */
	int cols;    /* columns it takes on screen */
	int replace; /* 1: drawn as '?' (invalid byte or non-printable) */
};

/* Strict decoder: rejects overlongs, surrogates and code points > U+10FFFF. */
static int
text_decode(const unsigned char *s, size_t n, wchar_t *wc)
{
	unsigned int c = s[0], lo = 0x80, hi = 0xbf;
	unsigned int cp;
	size_t len, i;

	if (c < 0x80) {
		*wc = (wchar_t)c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		cp = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0; /* overlong */
		else if (c == 0xed)
			hi = 0x9f; /* UTF-16 surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		cp = c & 0x07;
		if (c == 0xf0)
			lo = 0x90; /* overlong */
		else if (c == 0xf4)
			hi = 0x8f; /* above U+10FFFF */
	} else
		return -1;
	if (n < len)
		return -1;
	for (i = 1; i < len; i++) {
		c = s[i];
		if (c < lo || c > hi)
			return -1;
		lo = 0x80;
		hi = 0xbf;
		cp = (cp << 6) | (c & 0x3f);
	}
	*wc = (wchar_t)cp;
	return (int)len;
}

/* Measure the character at s (n > 0 bytes left, s[0] != NUL). */
static void
text_measure(const char *s, size_t n, struct text_ch *ch)
{
	const unsigned char *u = (const unsigned char *)s;
	wchar_t wc;
	int len, w;

	if (u[0] >= 0x20 && u[0] < 0x7f) {
		ch->len = 1;
		ch->cols = 1;
		ch->replace = 0;
		return;
	}
	if ((len = text_decode(u, n, &wc)) < 0) {
		ch->len = 1;
		ch->cols = 1;
		ch->replace = 1;
		return;
	}
	ch->len = (size_t)len;
	if ((w = wcwidth(wc)) < 0) {
		ch->cols = 1;
		ch->replace = 1;
	} else {
		ch->cols = w;
		ch->replace = 0;
	}
}

int
text_nwidth(const char *s, size_t n)
{
	struct text_ch ch;
	size_t i = 0;
	int cols = 0;

	while (i < n && s[i] != '\0') {
		text_measure(s + i, n - i, &ch);
		i += ch.len;
		cols += ch.cols;
	}
	return cols;
}

int
text_width(const char *s)
{
	struct text_ch ch;
	int cols = 0;

	while (*s != '\0') {
		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f) {
			s++;
			cols++;
			continue;
		}
		text_measure(s, strnlen(s, 4), &ch);
		s += ch.len;
		cols += ch.cols;
	}
	return cols;
}

int
text_fit(char *dst, size_t dstsz, const char *s, int cols)
{
	struct text_ch ch;
	size_t out = 0, mark_out = 0, room, olen;
	int used = 0, mark_used = 0, dots;

	if (dstsz == 0)
		return 0;
	if (cols <= 0) {
		dst[0] = '\0';
		return 0;
	}
	room = dstsz - 1;
	dots = cols >= TEXT_NDOTS && room >= TEXT_NDOTS;
	while (*s != '\0') {
		text_measure(s, strnlen(s, 4), &ch);
		olen = ch.replace ? 1 : ch.len;
		if (used + ch.cols > cols || out + olen > room)
			break;
		if (ch.replace)
			dst[out] = '?';
		else
			memcpy(dst + out, s, ch.len);
		out += olen;
		used += ch.cols;
		s += ch.len;
		/* Last place where "..." would still fit after the text. */
		if (dots && used <= cols - TEXT_NDOTS &&
		    out <= room - TEXT_NDOTS) {
			mark_out = out;
			mark_used = used;
		}
	}
	if (*s != '\0' && dots) {
		memcpy(dst + mark_out, TEXT_DOTS, TEXT_NDOTS);
		out = mark_out + TEXT_NDOTS;
		used = mark_used + TEXT_NDOTS;
	}
	dst[out] = '\0';
	return used;
}

int
text_pad(char *dst, size_t dstsz, const char *s, int cols,
    enum text_align align)
{
	size_t len, left, right, room;
	int used;

	if (dstsz == 0)
		return 0;
	used = text_fit(dst, dstsz, s, cols);
	if (used >= cols)
		return used;
	len = strlen(dst);
	room = dstsz - 1 - len;
	right = (size_t)(cols - used);
	if (right > room)
		right = room; /* dst too small for the padding: pad what fits */
	left = 0;
	if (align == TEXT_RIGHT) {
		left = right;
		right = 0;
	} else if (align == TEXT_CENTER) {
		left = right / 2;
		right -= left;
	}
	if (left > 0) {
		memmove(dst + left, dst, len);
		memset(dst, ' ', left);
	}
	memset(dst + left + len, ' ', right);
	dst[left + len + right] = '\0';
	return used + (int)(left + right);
}

int
utf8_valid(const char *s, size_t n)
{
	wchar_t wc;
	size_t i = 0;
	int len;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			if (s[i] == '\0')
				return 0;
			i++;
			continue;
		}
		if ((len = text_decode((const unsigned char *)s + i, n - i,
		    &wc)) < 0)
			return 0;
		i += (size_t)len;
	}
	return 1;
}

size_t
utf8_nchars(const char *s)
{
	wchar_t wc;
	size_t n = 0;
	int len;

	while (*s != '\0') {
		len = text_decode((const unsigned char *)s, strnlen(s, 4), &wc);
		s += len > 0 ? len : 1; /* an invalid byte counts as one */
		n++;
	}
	return n;
}

/* The ASCII for a full-width form typed through an input method, or 0. */
static int
text_ascii_of(wchar_t wc)
{
	if (wc == 0x3000)
		return ' ';
	if ((wc >= 0xff10 && wc <= 0xff19) || (wc >= 0xff21 && wc <= 0xff3a) ||
	    (wc >= 0xff41 && wc <= 0xff5a))
		return (int)(wc - 0xff00 + 0x20);
	switch (wc) {
	case 0xff0b: /* ＋ */
	case 0xff0c: /* ， */
	case 0xff0d: /* － */
	case 0xff0e: /* ． */
	case 0xff0f: /* ／ */
	case 0xff1a: /* ： */
		return (int)(wc - 0xff00 + 0x20);
	}
	return 0;
}

/* dst may equal src: the output is never longer than what was read. */
int
text_halfwidth(char *dst, size_t dstsz, const char *src)
{
	wchar_t wc;
	size_t out = 0, len;
	int n, a;

	if (dstsz == 0)
		return err_set(ERR_INVALID, _("text is too long"));
	while (*src != '\0') {
		n = text_decode((const unsigned char *)src, strnlen(src, 4),
		    &wc);
		a = n > 0 ? text_ascii_of(wc) : 0;
		len = a != 0 ? 1 : n > 0 ? (size_t)n : 1;
		if (out + len > dstsz - 1) {
			dst[out] = '\0';
			return err_set(ERR_INVALID, _("text is too long"));
		}
		if (a != 0)
			dst[out] = (char)a;
		else
			memmove(dst + out, src, len);
		out += len;
		src += n > 0 ? (size_t)n : 1;
	}
	dst[out] = '\0';
	return 0;
}

/* Length of the blank (ASCII white space or U+3000) at s, or 0. */
static size_t
text_blank_at(const char *s)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	if ((unsigned char)s[0] == 0xe3 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0x80)
		return 3; /* U+3000 ideographic space; && stops at a NUL */
	return 0;
}

int
text_blank(const char *s)
{
	size_t n;

	if (s == NULL)
		return 1;
	while ((n = text_blank_at(s)) != 0)
		s += n;
	return *s == '\0';
}

char *
text_trim(char *s)
{
	size_t start = 0, end, n, len;

	while ((n = text_blank_at(s + start)) != 0)
		start += n;
	len = strlen(s + start);
	end = len;
	while (end > 0) {
		if (s[start + end - 1] == ' ' ||
		    (s[start + end - 1] >= '\t' && s[start + end - 1] <= '\r'))
			end--;
		else if (end >= 3 &&
		    memcmp(s + start + end - 3, "\xe3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	if (start > 0)
		memmove(s, s + start, end);
	s[end] = '\0';
	return s;
}

int
utf8_decode(const char *s, size_t n, wchar_t *wc)
{
	if (n == 0)
		return -1;
	return text_decode((const unsigned char *)s, n, wc);
}

int
utf8_encode(wchar_t wc, char *buf)
{
	unsigned long c;

	if (wc < 0)
		return -1;
	c = (unsigned long)wc;
	if (c < 0x80) {
		buf[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		buf[0] = (char)(0xc0 | (c >> 6));
		buf[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c >= 0xd800 && c <= 0xdfff)
		return -1;
	if (c < 0x10000) {
		buf[0] = (char)(0xe0 | (c >> 12));
		buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		buf[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	if (c > 0x10ffff)
		return -1;
	buf[0] = (char)(0xf0 | (c >> 18));
	buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	buf[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}
