/*
 * input.h: the clean-up every typed value gets before a core parser reads it:
 * full-width forms from a Chinese input method turned into ASCII (０-９,
 * ．，－／：＋, U+3000) and blanks trimmed from both ends.  Shared by the
 * money, date, ID number, phone and house-number parsers.  No I/O.
 */
#ifndef FD_CORE_INPUT_H
#define FD_CORE_INPUT_H

#include <stddef.h>

/* Longest typed value the parsers look at, in bytes after clean-up. */
#define INPUT_MAX 255

/*
 * Copy src into dst (dstsz bytes, at least INPUT_MAX + 1 is sensible),
 * half-width and trimmed.  OUT: dst, always NUL-terminated.
 * Returns 0, or ERR_INVALID when src is longer than INPUT_MAX bytes or does
 * not fit dst; no message is set then, so that the caller can say which
 * field is too long.
 */
int input_clean(char *dst, size_t dstsz, const char *src);

#endif
