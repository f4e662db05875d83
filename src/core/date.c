/*
 * date.c: calendar dates, billing periods and arrears ageing.  Day numbers
 * use Howard Hinnant's days_from_civil / civil_from_days (proleptic
 * Gregorian, exact, no tables).  Only date_today() and date_format_time()
 * look at the clock or the time zone.  No other I/O.
 */
#include "core/date.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/input.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"

/* Separators between year, month and day, and an optional closing one. */
struct date_seps {
	const char *ym;  /* after the year */
	const char *md;  /* after the month */
	const char *end; /* optional after the day ("" = none) */
};

static const struct date_seps date_seps[] = {
    {"-", "-", ""},
    {"/", "/", ""},
    {".", ".", ""},
    {"年", "月", "日"},
};

#define DATE_NSEPS (sizeof date_seps / sizeof date_seps[0])

/* ------------------------------------------------------------------ */
/* Calendar arithmetic                                                */
/* ------------------------------------------------------------------ */

int
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int mdays[12] = {
	    31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : mdays[m - 1];
}

int
date_valid(const struct fd_date *d)
{
	return d->y >= DATE_MIN_YEAR && d->y <= DATE_MAX_YEAR && d->m >= 1 &&
	       d->m <= 12 && d->d >= 1 &&
	       d->d <= date_days_in_month(d->y, d->m);
}

int
date_cmp(const struct fd_date *a, const struct fd_date *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	if (a->d != b->d)
		return a->d < b->d ? -1 : 1;
	return 0;
}

int32_t
date_to_days(const struct fd_date *d)
{
	int y = d->y - (d->m <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (d->m + (d->m > 2 ? -3 : 9)) + 2) / 5 + d->d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	assert(date_valid(d));
	return (int32_t)era * 146097 + doe - 719468;
}

/* The message for a date outside the year range. */
static int
date_out_of_range(void)
{
	return err_set(ERR_INVALID,
	               _("date must be between %d-01-01 and "
	                 "%d-12-31"),
	               DATE_MIN_YEAR, DATE_MAX_YEAR);
}

int
date_from_days(int32_t days, struct fd_date *out)
{
	static const struct fd_date lo = {DATE_MIN_YEAR, 1, 1};
	static const struct fd_date hi = {DATE_MAX_YEAR, 12, 31};
	int32_t z, era, doe, yoe, doy, mp;

	if (days < date_to_days(&lo) || days > date_to_days(&hi))
		return date_out_of_range();
	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = doy - (153 * mp + 2) / 5 + 1;
	out->m = mp < 10 ? mp + 3 : mp - 9;
	out->y = yoe + era * 400 + (out->m <= 2);
	return 0;
}

int32_t
date_diff(const struct fd_date *a, const struct fd_date *b)
{
	return date_to_days(b) - date_to_days(a);
}

int
date_add_days(const struct fd_date *d, int32_t n, struct fd_date *out)
{
	int64_t days = (int64_t)date_to_days(d) + n;

	if (days < INT32_MIN || days > INT32_MAX)
		return date_out_of_range();
	return date_from_days((int32_t)days, out);
}

int
date_weekday(const struct fd_date *d)
{
	/* 1970-01-01 was a Thursday. */
	return (int)(((date_to_days(d) % 7) + 7 + 4) % 7);
}

const char *
date_weekday_label(int wday)
{
	static const char *const names[7] = {
	    N_("Sun"), N_("Mon"), N_("Tue"), N_("Wed"),
	    N_("Thu"), N_("Fri"), N_("Sat"),
	};

	return wday >= 0 && wday < 7 ? _(names[wday]) : "?";
}

/* ------------------------------------------------------------------ */
/* Parsing and formatting                                             */
/* ------------------------------------------------------------------ */

/* Read 1..max digits at *pp.  OUT: *v.  Returns how many were read. */
static int
date_digits(const char **pp, int max, int *v)
{
	const char *p = *pp;
	int n = 0;

	*v = 0;
	while (n < max && *p >= '0' && *p <= '9') {
		*v = *v * 10 + (*p++ - '0');
		n++;
	}
	*pp = p;
	return n;
}

/* Skip word at *pp if it is there.  Returns 1 when skipped. */
static int
date_skip(const char **pp, const char *word)
{
	size_t n = strlen(word);

	if (n == 0 || strncmp(*pp, word, n) != 0)
		return 0;
	*pp += n;
	return 1;
}

/* Check year, month and day, with a message for the first that is wrong. */
static int
date_check(int y, int m, int d)
{
	if (y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		return err_set(ERR_INVALID, _("year must be between %d and %d"),
		               DATE_MIN_YEAR, DATE_MAX_YEAR);
	if (m < 1 || m > 12)
		return err_set(ERR_INVALID,
		               _("month must be between 1 and 12"));
	if (d < 1 || d > date_days_in_month(y, m))
		return err_set(ERR_INVALID,
		               _("day must be between 1 and %d in %04d-%02d"),
		               date_days_in_month(y, m), y, m);
	return 0;
}

/* The message for a date that does not look like one. */
static int
date_bad_form(void)
{
	return err_set(ERR_INVALID,
	               _("date must look like 2026-11-29 (year-month-day)"));
}

/* Read "Y<sep>M<sep>D[end]" after the four-digit year at *pp. */
static int
date_parse_parts(const char *p, int *m, int *d)
{
	size_t i;

	for (i = 0; i < DATE_NSEPS; i++) {
		if (!date_skip(&p, date_seps[i].ym))
			continue;
		if (date_digits(&p, 2, m) == 0 ||
		    !date_skip(&p, date_seps[i].md) ||
		    date_digits(&p, 2, d) == 0)
			return date_bad_form();
		date_skip(&p, date_seps[i].end);
		return *p == '\0' ? 0 : date_bad_form();
	}
	return date_bad_form();
}

int
date_parse(const char *s, struct fd_date *out)
{
	char buf[INPUT_MAX + 1];
	const char *p = buf;
	int y, m = 0, d = 0, n, rc;

	if (input_clean(buf, sizeof buf, s) != 0)
		return date_bad_form();
	if (*p == '\0')
		return err_set(ERR_INVALID,
		               _("date is empty; enter e.g. 2026-11-29"));
	n = date_digits(&p, 8, &y);
	if (n == 8 && *p == '\0') {
		d = y % 100;
		m = y / 100 % 100;
		y /= 10000;
	} else if (n == 4) {
		if ((rc = date_parse_parts(p, &m, &d)) != 0)
			return rc;
	} else
		return date_bad_form();
	if ((rc = date_check(y, m, d)) != 0)
		return rc;
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

/* The message for a caller's buffer that is too small. */
static int
date_no_room(char *buf, size_t bufsz)
{
	if (bufsz > 0)
		buf[0] = '\0';
	return err_set(ERR_INVALID,
	               _("internal error: the text does not fit its buffer"));
}

int
date_format(char *buf, size_t bufsz, const struct fd_date *d)
{
	if (!date_valid(d)) {
		if (bufsz > 0)
			buf[0] = '\0';
		return date_out_of_range();
	}
	if (bufsz < DATE_BUFSZ)
		return date_no_room(buf, bufsz);
	snprintf(buf, bufsz, "%04d-%02d-%02d", d->y, d->m, d->d);
	return 0;
}

int
date_today(struct fd_date *out)
{
	time_t now = (time_t)clock_now();
	struct tm tm;

	if (localtime_r(&now, &tm) == NULL) {
		out->y = DATE_MIN_YEAR;
		out->m = out->d = 1;
		return date_out_of_range();
	}
	out->y = tm.tm_year + 1900;
	out->m = tm.tm_mon + 1;
	out->d = tm.tm_mday;
	if (!date_valid(out)) {
		out->y = out->y < DATE_MIN_YEAR ? DATE_MIN_YEAR : DATE_MAX_YEAR;
		return date_out_of_range();
	}
	return 0;
}

int
date_format_time(char *buf, size_t bufsz, time_t t)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || tm.tm_year < -1899 ||
	    tm.tm_year > 9999 - 1900) {
		if (bufsz > 0)
			buf[0] = '\0';
		return err_set(ERR_INVALID, _("time is out of range"));
	}
	if (bufsz < DATE_TIME_BUFSZ)
		return date_no_room(buf, bufsz);
	snprintf(buf, bufsz, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900,
	         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Periods (账期)                                                     */
/* ------------------------------------------------------------------ */

/* The message for a period that does not look like one. */
static int
date_period_bad_form(void)
{
	return err_set(ERR_INVALID,
	               _("period must look like 2026-11 (year-month)"));
}

int
date_period_parse(const char *s, struct fd_period *out)
{
	char buf[INPUT_MAX + 1];
	const char *p = buf;
	size_t i;
	int y, m = 0, n, rc;

	if (input_clean(buf, sizeof buf, s) != 0)
		return date_period_bad_form();
	if (*p == '\0')
		return err_set(ERR_INVALID,
		               _("period is empty; enter e.g. 2026-11"));
	n = date_digits(&p, 6, &y);
	if (n == 6 && *p == '\0') {
		m = y % 100;
		y /= 100;
	} else if (n == 4) {
		for (i = 0; i < DATE_NSEPS; i++)
			if (date_skip(&p, date_seps[i].ym))
				break;
		if (i == DATE_NSEPS || date_digits(&p, 2, &m) == 0)
			return date_period_bad_form();
		if (strcmp(date_seps[i].ym, "年") == 0)
			date_skip(&p, "月");
		if (*p != '\0')
			return date_period_bad_form();
	} else
		return date_period_bad_form();
	if ((rc = date_check(y, m, 1)) != 0)
		return rc;
	out->y = y;
	out->m = m;
	return 0;
}

int
date_period_valid(const struct fd_period *p)
{
	return p->y >= DATE_MIN_YEAR && p->y <= DATE_MAX_YEAR && p->m >= 1 &&
	       p->m <= 12;
}

int
date_period_format(char *buf, size_t bufsz, const struct fd_period *p)
{
	if (!date_period_valid(p)) {
		if (bufsz > 0)
			buf[0] = '\0';
		return date_out_of_range();
	}
	if (bufsz < DATE_PERIOD_BUFSZ)
		return date_no_room(buf, bufsz);
	snprintf(buf, bufsz, "%04d-%02d", p->y, p->m);
	return 0;
}

int
date_period_cmp(const struct fd_period *a, const struct fd_period *b)
{
	if (a->y != b->y)
		return a->y < b->y ? -1 : 1;
	if (a->m != b->m)
		return a->m < b->m ? -1 : 1;
	return 0;
}

int
date_period_next(const struct fd_period *p, struct fd_period *out)
{
	struct fd_period n;

	if (!date_period_valid(p))
		return date_out_of_range();
	n.y = p->m == 12 ? p->y + 1 : p->y;
	n.m = p->m == 12 ? 1 : p->m + 1;
	if (!date_period_valid(&n))
		return date_out_of_range();
	*out = n;
	return 0;
}

int
date_period_prev(const struct fd_period *p, struct fd_period *out)
{
	struct fd_period n;

	if (!date_period_valid(p))
		return date_out_of_range();
	n.y = p->m == 1 ? p->y - 1 : p->y;
	n.m = p->m == 1 ? 12 : p->m - 1;
	if (!date_period_valid(&n))
		return date_out_of_range();
	*out = n;
	return 0;
}

void
date_period_first(const struct fd_period *p, struct fd_date *out)
{
	assert(date_period_valid(p));
	out->y = p->y;
	out->m = p->m;
	out->d = 1;
}

void
date_period_last(const struct fd_period *p, struct fd_date *out)
{
	assert(date_period_valid(p));
	out->y = p->y;
	out->m = p->m;
	out->d = date_days_in_month(p->y, p->m);
}

void
date_period_of(const struct fd_date *d, struct fd_period *out)
{
	out->y = d->y;
	out->m = d->m;
}

/* ------------------------------------------------------------------ */
/* Arrears ageing (欠费账龄)                                          */
/* ------------------------------------------------------------------ */

enum age_bucket
date_age_bucket(int32_t days)
{
	if (days <= 30)
		return AGE_0_30;
	if (days <= 90)
		return AGE_31_90;
	if (days <= 180)
		return AGE_91_180;
	return AGE_OVER_180;
}

const char *
date_age_label(enum age_bucket b)
{
	static const char *const labels[AGE_COUNT] = {
	    N_("0-30 days"),
	    N_("31-90 days"),
	    N_("91-180 days"),
	    N_("over 180 days"),
	};

	return (unsigned)b < AGE_COUNT ? _(labels[b]) : "?";
}
