/*
 * date.h: calendar dates, billing periods (YYYY-MM) and arrears ageing.
 * A date is a plain struct fd_date; arithmetic goes through a day number
 * (days since 1970-01-01, proleptic Gregorian), so there is no time zone or
 * daylight-saving trap anywhere except date_today() and date_format_time(),
 * which read the local clock.  Years run from DATE_MIN_YEAR to
 * DATE_MAX_YEAR; every function that can leave that range says so.
 */
#ifndef FD_CORE_DATE_H
#define FD_CORE_DATE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2200

#define DATE_BUFSZ 11       /* "2026-11-29" */
#define DATE_PERIOD_BUFSZ 8 /* "2026-11" */
#define DATE_TIME_BUFSZ 17  /* "2026-11-29 09:05" */

/* A calendar day. */
struct fd_date {
	int y; /* year, DATE_MIN_YEAR..DATE_MAX_YEAR */
	int m; /* month, 1..12 */
	int d; /* day of month, 1..28/29/30/31 */
};

/* A billing period (账期): one calendar month. */
struct fd_period {
	int y; /* year, DATE_MIN_YEAR..DATE_MAX_YEAR */
	int m; /* month, 1..12 */
};

/* Arrears age (欠费账龄) in days past due. */
enum age_bucket {
	AGE_0_30,     /* up to 30 days (and not yet due) */
	AGE_31_90,    /* 31 to 90 days */
	AGE_91_180,   /* 91 to 180 days */
	AGE_OVER_180, /* more than 180 days */
	AGE_COUNT
};

/*
 * Parse a date as typed: "2026-11-29", "2026/11/29", "2026.11.29",
 * "20261129", "2026-1-5", "2026年11月29日", full-width digits, blanks around.
 * Checks the month, the day (leap years included) and the year range.
 * OUT: *out, only on success.
 * Returns 0, or ERR_INVALID with a message saying what is wrong.
 */
int date_parse(const char *s, struct fd_date *out);

/*
 * Format d as "YYYY-MM-DD".  OUT: buf (DATE_BUFSZ is enough).
 * Returns 0, or ERR_INVALID when d is not a valid date or buf is too small
 * (buf then holds "").
 */
int date_format(char *buf, size_t bufsz, const struct fd_date *d);

/* 1 when d is a real day within the year range, else 0. */
int date_valid(const struct fd_date *d);

/* 1 for a Gregorian leap year, else 0. */
int date_is_leap(int y);

/* Days in month m of year y (28..31), or 0 when m is not 1..12. */
int date_days_in_month(int y, int m);

/* Compare: <0, 0, >0 as a is before, on or after b. */
int date_cmp(const struct fd_date *a, const struct fd_date *b);

/* Day number of a valid date: days since 1970-01-01 (negative before it). */
int32_t date_to_days(const struct fd_date *d);

/*
 * The date of a day number.  OUT: *out.
 * Returns 0, or ERR_INVALID (message set) outside the year range.
 */
int date_from_days(int32_t days, struct fd_date *out);

/* Days from a to b (b - a): 1 from 2026-11-29 to 2026-11-30.  Both valid. */
int32_t date_diff(const struct fd_date *a, const struct fd_date *b);

/*
 * d plus n days (n may be negative).  OUT: *out.
 * Returns 0, or ERR_INVALID (message set) when the result leaves the range.
 */
int date_add_days(const struct fd_date *d, int32_t n, struct fd_date *out);

/* Day of the week of a valid date: 0 Sunday, 1 Monday ... 6 Saturday. */
int date_weekday(const struct fd_date *d);

/* Short translated name of a weekday 0..6 (周日 ...); "?" out of range. */
const char *date_weekday_label(int wday);

/*
 * Today in local time, by the program's clock (util/clock.h: tests fix it
 * with clock_fake() or FRONTDESK_NOW).  OUT: *out, always set.
 * Returns 0, or ERR_INVALID (message set) when the clock is outside the
 * year range.
 */
int date_today(struct fd_date *out);

/*
 * Format a unix time as local "YYYY-MM-DD HH:MM".
 * OUT: buf (DATE_TIME_BUFSZ is enough).
 * Returns 0, or ERR_INVALID when the time cannot be converted or buf is
 * too small (buf then holds "").
 */
int date_format_time(char *buf, size_t bufsz, time_t t);

/*
 * Parse a period: "2026-11", "2026/11", "2026.11", "202611", "2026-1",
 * "2026年11月", full-width digits, blanks around.  OUT: *out.
 * Returns 0, or ERR_INVALID with a message.
 */
int date_period_parse(const char *s, struct fd_period *out);

/*
 * Format p as "YYYY-MM".  OUT: buf (DATE_PERIOD_BUFSZ is enough).
 * Returns 0, or ERR_INVALID for an invalid period or a too small buf.
 */
int date_period_format(char *buf, size_t bufsz, const struct fd_period *p);

/* 1 when p has a month 1..12 and a year within the range, else 0. */
int date_period_valid(const struct fd_period *p);

/* Compare two periods: <0, 0, >0. */
int date_period_cmp(const struct fd_period *a, const struct fd_period *b);

/*
 * The month after p.  OUT: *out.
 * Returns 0, or ERR_INVALID (message set) past DATE_MAX_YEAR.
 */
int date_period_next(const struct fd_period *p, struct fd_period *out);

/*
 * The month before p.  OUT: *out.
 * Returns 0, or ERR_INVALID (message set) before DATE_MIN_YEAR.
 */
int date_period_prev(const struct fd_period *p, struct fd_period *out);

/* First day of a valid period.  OUT: *out. */
void date_period_first(const struct fd_period *p, struct fd_date *out);

/* Last day of a valid period (2028-02 -> 2028-02-29).  OUT: *out. */
void date_period_last(const struct fd_period *p, struct fd_date *out);

/* The period a valid date falls in.  OUT: *out. */
void date_period_of(const struct fd_date *d, struct fd_period *out);

/* The ageing bucket of an amount days past due (0 or less: AGE_0_30). */
enum age_bucket date_age_bucket(int32_t days);

/* Translated label of a bucket ("0-30天" ...); "?" out of range. */
const char *date_age_label(enum age_bucket b);

#endif
