/*
 * input.c: clean typed text (full-width to ASCII, trim) for the core parsers.
 * Bounded: nothing longer than INPUT_MAX bytes is looked at, so a pasted
 * megabyte costs one strnlen().  No I/O, no message of its own.
 */
#include "core/input.h"

#include <string.h>

#include "util/err.h"
#include "util/text.h"

int
input_clean(char *dst, size_t dstsz, const char *src)
{
	int rc = ERR_INVALID;

	if (dstsz == 0)
		return ERR_INVALID;
	dst[0] = '\0';
	if (strnlen(src, INPUT_MAX + 1) > INPUT_MAX)
		goto out;
	if (text_halfwidth(dst, dstsz, src) != 0) {
		dst[0] = '\0';
		goto out;
	}
	text_trim(dst);
	rc = 0;
out:
	return rc; /* the caller sets the message */
}
