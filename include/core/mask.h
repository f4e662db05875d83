/*
 * mask.h: hiding most of an ID or phone number on screen and on paper
 * (保密制度): "110***********1234", "138****5678", "0376-****567".  Whole
 * UTF-8 characters only: a multibyte character is never split, and invalid
 * bytes and control characters come out as '?'.  Never more than half of a
 * value is shown.  No I/O.
 */
#ifndef FD_CORE_MASK_H
#define FD_CORE_MASK_H

#include <stddef.h>

/*
 * Mask an ID or other document number: an 18-character ID keeps its first 3
 * and last 4 characters (110***********1234); other lengths keep about a
 * sixth at the start (1 to 3 characters) and two ninths at the end (2 to 4),
 * fewer when that would show more than half; each hidden character becomes
 * one '*'.
 * OUT: buf (strlen(in) + 1 bytes are always enough), NUL-terminated.
 * Returns 0, or ERR_INVALID (message set) when buf is too small; buf then
 * holds as much as fits, cut between characters.
 */
int mask_idcard(const char *in, char *buf, size_t bufsz);

/*
 * Mask a phone number: a canonical mobile keeps the first 3 and last 4
 * digits (138****5678); a canonical landline keeps the area code, at most
 * half of the local number at its end (0376-****567, 010-****5678) and the
 * extension; anything else is masked like mask_idcard() does with other
 * lengths.
 * OUT: buf (strlen(in) + 1 bytes are always enough).
 * Returns 0, or ERR_INVALID (message set) when buf is too small.
 */
int mask_phone(const char *in, char *buf, size_t bufsz);

#endif
