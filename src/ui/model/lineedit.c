/*
 * lineedit.c: the one-line text field model (no curses).  The cursor and the
 * scroll position are character indices; everything about the screen is
 * counted in columns, so Chinese text scrolls without ever showing half a
 * character.  It must not draw or read keys: src/ui/field code does that.
 */
#include "ui/model/lineedit.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "ui/model/wtext.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/xalloc.h"

/* The message when a kind refuses a character, by kind. */
static const char *const refuse_msg[LINEEDIT_KIND_COUNT] = {
	[LINEEDIT_TEXT] = N_("This character cannot be typed here"),
	[LINEEDIT_DIGITS] = N_("Only digits 0-9 can be typed here"),
	[LINEEDIT_INTEGER] = N_("Only a whole number can be typed here"),
	[LINEEDIT_MONEY] = N_("Only an amount like 350.50 can be typed here"),
	[LINEEDIT_DATE] = N_("Only a date like 2026-11-29 or a month like "
	    "2026-11 can be typed here"),
	[LINEEDIT_PHONE] = N_("Only digits, '-', '+' and spaces can be typed "
	    "here"),
	[LINEEDIT_HOUSENO] = N_("Only a house number like 3-2-1502 can be "
	    "typed here"),
};

void
lineedit_init(struct lineedit *le, enum lineedit_kind kind, size_t maxchars,
    int width)
{
	memset(le, 0, sizeof *le);
	le->buf = xcalloc(1, sizeof *le->buf);
	le->kind = kind;
	le->maxchars = maxchars;
	le->width = width > 0 ? width : 1;
}

void
lineedit_release(struct lineedit *le)
{
	if (le->password && le->buf != NULL)
		secure_wipe(le->buf, le->cap * sizeof *le->buf);
	FREE(&le->buf);
	le->len = le->cap = le->pos = le->first = 0;
}

/* Columns of one character as shown (always 1 in password mode). */
static int
colw(const struct lineedit *le, wchar_t wc)
{
	return le->password ? 1 : wtext_width(wc);
}

/*
 * Keep the cursor visible: scroll left with some context when it went
 * before the window, right when it went past, and use free room on the
 * right when text was deleted.
 */
static void
fix_scroll(struct lineedit *le)
{
	int c, curw, w = le->width;
	size_t i;

	if (le->first > le->len)
		le->first = le->len;
	if (le->pos < le->first) {
		le->first = le->pos;
		for (c = 0; le->first > 0 &&
		    c + colw(le, le->buf[le->first - 1]) <= w / 3; le->first--)
			c += colw(le, le->buf[le->first - 1]);
	}
	curw = le->pos < le->len ? colw(le, le->buf[le->pos]) : 1;
	for (c = 0, i = le->first; i < le->pos; i++)
		c += colw(le, le->buf[i]);
	for (; le->first < le->pos && c + curw > w; le->first++)
		c -= colw(le, le->buf[le->first]);
	for (c = le->pos == le->len ? 1 : 0, i = le->first; i < le->len; i++)
		c += colw(le, le->buf[i]);
	for (; le->first > 0 && c + colw(le, le->buf[le->first - 1]) <= w;
	    le->first--)
		c += colw(le, le->buf[le->first - 1]);
}

void
lineedit_set_width(struct lineedit *le, int width)
{
	le->width = width > 0 ? width : 1;
	fix_scroll(le);
}

wchar_t
lineedit_normalize(enum lineedit_kind kind, wchar_t wc)
{
	if (kind == LINEEDIT_TEXT)
		return wc;
	if (wc >= 0xff01 && wc <= 0xff5e && wc != 0xffe5)
		return wc - 0xfee0;             /* full-width ASCII forms */
	if (wc == 0x3000)
		return L' ';
	if ((wc >= 0x2010 && wc <= 0x2015) || wc == 0x2212 || wc == 0x30fc ||
	    wc == 0xff70)
		return L'-';                    /* dashes and the minus sign */
	if (wc == 0x3002)
		return L'.';                    /* 。 typed for a decimal point */
	if (wc == 0x00a5)
		return 0xffe5;                  /* ¥ -> ￥ */
	return wc;
}

/* 1 when a (normalised) character is allowed at position pos. */
static int
allowed(const struct lineedit *le, wchar_t wc, size_t pos)
{
	int digit = wc >= L'0' && wc <= L'9';

	switch (le->kind) {
	case LINEEDIT_DIGITS:
		return digit;
	case LINEEDIT_INTEGER:
		return digit || (wc == L'-' && pos == 0);
	case LINEEDIT_MONEY:
		return digit || wc == L'.' || wc == L',' || wc == 0xffe5;
	case LINEEDIT_DATE:
		return digit || wc == L'-' || wc == L'/' || wc == L'.';
	case LINEEDIT_PHONE:
		return digit || wc == L'-' || wc == L'+' || wc == L' ';
	case LINEEDIT_HOUSENO:
		return digit || wc == L'-' || (wc < 0x80 && iswalpha(wc));
	default:
		return wc >= L' ' && wc != 0x7f && !(wc >= 0x80 && wc < 0xa0) &&
		    wcwidth(wc) > 0;
	}
}

/* UTF-8 bytes of the text. */
static size_t
nbytes(const struct lineedit *le)
{
	size_t i, n = 0;

	for (i = 0; i < le->len; i++)
		n += le->buf[i] < 0x80 ? 1 : le->buf[i] < 0x800 ? 2 :
		    le->buf[i] < 0x10000 ? 3 : 4;
	return n;
}

/* 1 when one more character wc fits the limits. */
static int
fits(const struct lineedit *le, wchar_t wc)
{
	size_t b = wc < 0x80 ? 1 : wc < 0x800 ? 2 : wc < 0x10000 ? 3 : 4;

	if (le->len >= le->maxchars)
		return 0;
	return le->maxbytes == 0 || nbytes(le) + b <= le->maxbytes;
}

/* Put wc at the cursor (already checked). */
static void
put(struct lineedit *le, wchar_t wc)
{
	if (le->len + 1 > le->cap) {
		le->cap = le->cap ? le->cap * 2 : 16;
		le->buf = xreallocarray(le->buf, le->cap + 1, sizeof *le->buf);
	}
	memmove(le->buf + le->pos + 1, le->buf + le->pos,
	    (le->len - le->pos + 1) * sizeof *le->buf);
	le->buf[le->pos++] = wc;
	le->len++;
}

int
lineedit_insert(struct lineedit *le, wchar_t wc)
{
	wc = lineedit_normalize(le->kind, wc);
	if (!allowed(le, wc, le->pos))
		return err_set(ERR_INVALID, "%s", _(refuse_msg[le->kind]));
	if (!fits(le, wc))
		return err_set(ERR_INVALID,
		    _("This field holds at most %zu characters"), le->maxchars);
	put(le, wc);
	fix_scroll(le);
	return 0;
}

int
lineedit_paste(struct lineedit *le, const char *text)
{
	size_t n, i;
	wchar_t *w = wtext_from_utf8(text, &n), wc;
	int left_out = 0, cut = 0;

	for (i = 0; i < n && !cut; i++) {
		wc = w[i];
		if (wc == L'\n' || wc == L'\r' || wc == L'\t')
			wc = L' ';
		wc = lineedit_normalize(le->kind, wc);
		if (!allowed(le, wc, le->pos))
			left_out = 1;
		else if (!fits(le, wc))
			cut = 1;
		else
			put(le, wc);
	}
	free(w);
	fix_scroll(le);
	if (cut)
		return err_set(ERR_INVALID, _("The text was cut at %zu "
		    "characters, the most this field holds"), le->maxchars);
	if (left_out)
		return err_set(ERR_INVALID, _("Characters that do not belong in "
		    "this field were left out"));
	return 0;
}

int
lineedit_set(struct lineedit *le, const char *text)
{
	if (le->password)
		secure_wipe(le->buf, le->len * sizeof *le->buf);
	le->len = le->pos = le->first = 0;
	le->buf[0] = L'\0';
	return lineedit_paste(le, text != NULL ? text : "");
}

char *
lineedit_get(const struct lineedit *le)
{
	return wtext_to_utf8(le->buf, le->len);
}

int
lineedit_empty(const struct lineedit *le)
{
	return le->len == 0;
}

/* Remove characters [from, to) and put the cursor at from. */
static void
cut_range(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->buf + from, le->buf + to,
	    (le->len - to + 1) * sizeof *le->buf);
	le->len -= to - from;
	le->pos = from;
	fix_scroll(le);
}

void
lineedit_backspace(struct lineedit *le)
{
	if (le->pos > 0)
		cut_range(le, le->pos - 1, le->pos);
}

void
lineedit_delete(struct lineedit *le)
{
	if (le->pos < le->len)
		cut_range(le, le->pos, le->pos + 1);
}

void
lineedit_kill_end(struct lineedit *le)
{
	cut_range(le, le->pos, le->len);
}

void
lineedit_kill_start(struct lineedit *le)
{
	cut_range(le, 0, le->pos);
}

void
lineedit_kill_word(struct lineedit *le)
{
	size_t i = le->pos;

	while (i > 0 && iswspace(le->buf[i - 1]))
		i--;
	while (i > 0 && !iswspace(le->buf[i - 1]))
		i--;
	cut_range(le, i, le->pos);
}

void
lineedit_left(struct lineedit *le)
{
	if (le->pos > 0)
		le->pos--;
	fix_scroll(le);
}

void
lineedit_right(struct lineedit *le)
{
	if (le->pos < le->len)
		le->pos++;
	fix_scroll(le);
}

void
lineedit_home(struct lineedit *le)
{
	le->pos = 0;
	fix_scroll(le);
}

void
lineedit_end(struct lineedit *le)
{
	le->pos = le->len;
	fix_scroll(le);
}

int
lineedit_cursor_col(const struct lineedit *le)
{
	size_t i;
	int c = 0;

	for (i = le->first; i < le->pos; i++)
		c += colw(le, le->buf[i]);
	return c;
}

int
lineedit_visible(const struct lineedit *le, wchar_t *out, size_t outsz,
    int *more_left, int *more_right)
{
	size_t i, k = 0;
	int c = 0, w;

	for (i = le->first; i < le->len && k + 1 < outsz; i++) {
		w = colw(le, le->buf[i]);
		if (c + w > le->width)
			break;
		out[k++] = le->password ? L'*' : le->buf[i];
		c += w;
	}
	if (outsz > 0)
		out[k] = L'\0';
	if (more_left != NULL)
		*more_left = le->first > 0;
	if (more_right != NULL)
		*more_right = i < le->len;
	return c;
}
