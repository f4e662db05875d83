/*
 * mask.c: masking ID and phone numbers for display.  Works on characters
 * (not bytes) and copies whole characters only, so garbage in the database
 * can neither split a Chinese character nor reach the terminal as a control
 * sequence.  No I/O.
 */
#include "core/mask.h"

#include <string.h>

#include "core/phone.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"

/* Where the output goes: a caller's buffer that fills up safely. */
struct mask_out {
	char *buf;   /* caller's buffer */
	size_t size; /* its size in bytes */
	size_t len;  /* bytes written so far, excluding the NUL */
	int full;    /* 1: something did not fit */
};

/* Append n bytes (one whole character) or nothing. */
static void
mask_put(struct mask_out *o, const char *s, size_t n)
{
	if (o->full || o->len + n + 1 > o->size) {
		o->full = 1;
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/*
 * Length of the character at s: a valid UTF-8 sequence, else one byte.
 * OUT: *shown, 1 when the character may be shown as it is.
 */
static size_t
mask_char(const char *s, int *shown)
{
	wchar_t wc;
	int n = utf8_decode(s, strnlen(s, 4), &wc);

	if (n <= 0) {
		*shown = 0;
		return 1;
	}
	*shown = wc >= 0x20 && wc != 0x7f && !(wc >= 0x80 && wc < 0xa0);
	return (size_t)n;
}

/* Copy the characters of s, a '*' for each one in [hide_from, hide_to). */
static void
mask_copy(struct mask_out *o, const char *s, size_t hide_from, size_t hide_to)
{
	size_t i, n;
	int shown;

	for (i = 0; *s != '\0'; i++, s += n) {
		n = mask_char(s, &shown);
		if (i >= hide_from && i < hide_to)
			mask_put(o, "*", 1);
		else if (shown)
			mask_put(o, s, n);
		else
			mask_put(o, "?", 1);
	}
}

/* Number of characters in s, an invalid byte counting as one. */
static size_t
mask_nchars(const char *s)
{
	size_t count = 0;
	int shown;

	while (*s != '\0') {
		s += mask_char(s, &shown);
		count++;
	}
	return count;
}

/* Clamp v to lo..hi. */
static size_t
mask_clamp(size_t v, size_t lo, size_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Start the output in buf. */
static void
mask_begin(struct mask_out *o, char *buf, size_t bufsz)
{
	o->buf = buf;
	o->size = bufsz;
	o->len = 0;
	o->full = 0;
	if (bufsz > 0)
		buf[0] = '\0';
	else
		o->full = 1;
}

/* Finish: the return code for a full buffer. */
static int
mask_end(const struct mask_out *o)
{
	if (o->full)
		return err_set(
		    ERR_INVALID,
		    _("internal error: the text does not fit its buffer"));
	return 0;
}

/* The generic rule: keep a head and a tail, never more than half. */
static void
mask_generic(struct mask_out *o, const char *in)
{
	size_t n = mask_nchars(in), head, tail;

	head = mask_clamp(n / 6, 1, 3);
	tail = mask_clamp(2 * n / 9, 2, 4);
	while (head + tail > n / 2) {
		if (tail > head)
			tail--;
		else
			head--;
	}
	mask_copy(o, in, head, n - tail);
}

int
mask_idcard(const char *in, char *buf, size_t bufsz)
{
	struct mask_out o;

	mask_begin(&o, buf, bufsz);
	mask_generic(&o, in); /* 18 characters give exactly 3 + 11 + 4 */
	return mask_end(&o);
}

int
mask_phone(const char *in, char *buf, size_t bufsz)
{
	struct mask_out o;
	const char *h1, *h2;
	size_t alen, local;

	mask_begin(&o, buf, bufsz);
	switch (phone_kind(in)) {
	case PHONE_MOBILE:
		mask_copy(&o, in, 3, 7);
		break;
	case PHONE_LANDLINE:
		h1 = strchr(in, '-');
		h2 = strchr(h1 + 1, '-');
		alen = (size_t)(h1 - in);
		local = (size_t)((h2 != NULL ? h2 : in + strlen(in)) - h1 - 1);
		/* Show at most half of the local number, at most 4 digits. */
		mask_copy(&o, in, alen + 1,
		          alen + 1 + local - mask_clamp(local / 2, 0, 4));
		break;
	default:
		mask_generic(&o, in);
	}
	return mask_end(&o);
}
