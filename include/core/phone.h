/*
 * phone.h: mainland telephone numbers as typed at the counter, and their one
 * canonical form for storage and search:
 *   mobile   "13812345678"       11 digits, 1[3-9]...
 *   landline "0376-1234567"      area code (010, 02x: three digits; else
 *                                four), a hyphen, a 7- or 8-digit number
 *            "0376-1234567-123"  with an extension of 1 to 6 digits.
 * No I/O.
 */
#ifndef FD_CORE_PHONE_H
#define FD_CORE_PHONE_H

#include <stddef.h>

/* Enough for any canonical number. */
#define PHONE_BUFSZ 24

/* What a canonical number is. */
enum phone_kind {
	PHONE_OTHER,    /* not a canonical number */
	PHONE_MOBILE,   /* 13812345678 */
	PHONE_LANDLINE, /* 0376-1234567[-123] */
};

/*
 * Check a number as typed and store its canonical form.  Accepted: spaces,
 * hyphens and full-width digits anywhere in the number; "+86" before a
 * mobile; the area code in brackets "(0376)1234567"; an extension after a
 * hyphen ("0376-1234567-123") or after 转 ("0376-1234567转123").
 * OUT: out (outsz >= PHONE_BUFSZ), only on success.
 * Returns 0, or ERR_INVALID with a message saying what is wrong.
 */
int phone_parse(const char *in, char *out, size_t outsz);

/* The kind of a canonical number (from phone_parse()). */
enum phone_kind phone_kind(const char *phone);

/*
 * The last four digits of the number, not of the extension: "5678" for
 * "13812345678", "4567" for "0376-1234567-123".  For search by tail.
 * OUT: out (outsz >= 5).
 * Returns 0, or ERR_INVALID (message set) when there are fewer than four
 * digits or out is too small (out then holds "").
 */
int phone_last4(const char *phone, char *out, size_t outsz);

#endif
