/*
 * idcard.h: mainland resident ID numbers (居民身份证号码, GB 11643-1999):
 * 18 characters, a 6-digit region code, the birth date YYYYMMDD, a 3-digit
 * sequence number whose parity gives the sex, and an ISO 7064 MOD 11-2 check
 * character (0-9 or X).  Passports and other documents are free text with a
 * light check only.  No I/O.
 */
#ifndef FD_CORE_IDCARD_H
#define FD_CORE_IDCARD_H

#include <stddef.h>

#include "core/date.h"

#define IDCARD_LEN 18
#define IDCARD_BUFSZ (IDCARD_LEN + 1)

/* Shortest and longest number accepted for other documents (passports). */
#define IDCARD_OTHER_MIN 3
#define IDCARD_OTHER_MAX 32
#define IDCARD_OTHER_BUFSZ (IDCARD_OTHER_MAX + 1)

/* Sex codes as in GB/T 2261.1. */
enum idcard_sex {
	IDCARD_MALE = 1,   /* 男: odd sequence number */
	IDCARD_FEMALE = 2, /* 女: even sequence number */
};

/*
 * Check an ID number as typed (full-width digits, blanks around, a lower-case
 * x) and store its canonical form (upper-case X).  Checks, in this order:
 * length 18, digits with only the last allowed to be X, a region code not
 * starting with 0, a real birth date from 1900 up to date_today(), then the
 * check character.
 * OUT: out (outsz >= IDCARD_BUFSZ), only on success.
 * Returns 0, or ERR_INVALID with a message saying what is wrong (for a wrong
 * check character it names the one these 17 digits need).
 */
int idcard_parse(const char *in, char *out, size_t outsz);

/*
 * The check character ('0'..'9' or 'X') for the first 17 characters of
 * first17, which must be digits.  Returns 0 when they are not.
 */
char idcard_check_char(const char *first17);

/*
 * The birth date in a canonical ID number (from idcard_parse()).
 * OUT: *out.  Returns 0, or ERR_INVALID (message set) when id is not 18
 * characters or the date is not real.
 */
int idcard_birth(const char *id, struct fd_date *out);

/*
 * The sex in a canonical ID number: IDCARD_MALE or IDCARD_FEMALE, or
 * ERR_INVALID (message set) when id is not 18 characters with a digit at
 * position 17.
 */
int idcard_sex(const char *id);

/*
 * Check the number of another document (passport, 港澳通行证 ...) as typed:
 * blanks around are trimmed and full-width forms made ASCII; what is left
 * must be IDCARD_OTHER_MIN..IDCARD_OTHER_MAX ASCII letters, digits and
 * hyphens.  Letters keep their case.
 * OUT: out (outsz >= IDCARD_OTHER_BUFSZ), only on success.
 * Returns 0, or ERR_INVALID with a message.
 */
int idcard_other_parse(const char *in, char *out, size_t outsz);

/* 1 when idcard_other_parse() would accept s, else 0 (no message set). */
int idcard_other_ok(const char *s);

#endif
