/*
 * clock.h: the time the business runs on.  One place, so that tests can fix
 * it: FRONTDESK_NOW (unix seconds) in the environment, or clock_fake().
 */
#ifndef FD_UTIL_CLOCK_H
#define FD_UTIL_CLOCK_H

#include <stdint.h>

/* Unix time now (or the faked time). */
int64_t clock_now(void);

/* Tests: make clock_now() return t; 0 goes back to the real clock. */
void clock_fake(int64_t t);

/* "YYYY-MM-DD HH:MM" in local time into buf (at least 17 bytes). */
void clock_format(char *buf, int bufsz, int64_t t);

#endif
