/*
 * test_date.c: core/date.c, dates as typed, day arithmetic, the test hook of
 * date_today(), billing periods and arrears ageing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testlib.h"

#include "core/date.h"
#include "util/clock.h"
#include "util/err.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

/* Fail unless d is y-m-d. */
static void
check_date(const char *name, const struct fd_date *d, int y, int m, int dd)
{
	if (d->y != y || d->m != m || d->d != dd)
		fail_msg("%s: %d-%d-%d, want %d-%d-%d", name, d->y, d->m, d->d,
		         y, m, dd);
}

/* int date_parse(const char *s, struct fd_date *out); */
static void
test_parse(void **state)
{
	static const struct {
		const char *name, *in;
		int y, m, d; /* y == 0: refused, m names nothing */
		const char *msg;
	} cases[] = {
	    {"date-parse-1", "2026-11-29", 2026, 11, 29, NULL},
	    {"date-parse-2", "2026/11/29", 2026, 11, 29, NULL},
	    {"date-parse-3", "20261129", 2026, 11, 29, NULL},
	    {"date-parse-4", "２０２６－１１－２９", 2026, 11, 29, NULL},
	    {"date-parse-5", "２０２６／１１／２９", 2026, 11, 29, NULL},
	    {"date-parse-6", "2026.11.29", 2026, 11, 29, NULL},
	    {"date-parse-7", "2026-1-5", 2026, 1, 5, NULL},
	    {"date-parse-8", "2026年11月29日", 2026, 11, 29, NULL},
	    {"date-parse-9", "2026年1月5", 2026, 1, 5, NULL},
	    {"date-parse-10", "  2026-11-29\xe3\x80\x80", 2026, 11, 29, NULL},
	    {"date-parse-leap-2028", "2028-02-29", 2028, 2, 29, NULL},
	    {"date-parse-leap-2000", "2000-02-29", 2000, 2, 29, NULL},
	    {"date-parse-min", "1900-01-01", 1900, 1, 1, NULL},
	    {"date-parse-max", "2200-12-31", 2200, 12, 31, NULL},
	    {"date-parse-31", "2026-12-31", 2026, 12, 31, NULL},
	    /* refused */
	    {"date-bad-empty", "", 0, 0, 0, "empty"},
	    {"date-bad-blank", " \t", 0, 0, 0, "empty"},
	    {"date-bad-leap-2026", "2026-02-29", 0, 0, 0, "1 and 28"},
	    {"date-bad-leap-1900", "1900-02-29", 0, 0, 0, "1 and 28"},
	    {"date-bad-leap-2100", "2100-02-29", 0, 0, 0, "1 and 28"},
	    {"date-bad-apr31", "2026-04-31", 0, 0, 0, "1 and 30"},
	    {"date-bad-day0", "2026-11-00", 0, 0, 0, "day"},
	    {"date-bad-month0", "2026-00-10", 0, 0, 0, "month"},
	    {"date-bad-month13", "2026-13-01", 0, 0, 0, "month"},
	    {"date-bad-year-low", "1899-12-31", 0, 0, 0, "year"},
	    {"date-bad-year-high", "2201-01-01", 0, 0, 0, "year"},
	    {"date-bad-8digits-month", "20261301", 0, 0, 0, "month"},
	    {"date-bad-mixed-seps", "2026-11/29", 0, 0, 0, "look like"},
	    {"date-bad-mixed-cn", "2026年11-29", 0, 0, 0, "look like"},
	    {"date-bad-2digit-year", "26-11-29", 0, 0, 0, "look like"},
	    {"date-bad-5digit-year", "02026-11-29", 0, 0, 0, "look like"},
	    {"date-bad-3digit-month", "2026-011-29", 0, 0, 0, "look like"},
	    {"date-bad-trailing", "2026-11-29x", 0, 0, 0, "look like"},
	    {"date-bad-time", "2026-11-29 10:00", 0, 0, 0, "look like"},
	    {"date-bad-7digits", "2026112", 0, 0, 0, "look like"},
	    {"date-bad-9digits", "202611290", 0, 0, 0, "look like"},
	    {"date-bad-sep-end", "2026-11-", 0, 0, 0, "look like"},
	    {"date-bad-sign", "-2026-11-29", 0, 0, 0, "look like"},
	    {"date-bad-utf8", "2026-11-2\xff", 0, 0, 0, "look like"},
	    {"date-bad-words", "今天", 0, 0, 0, "look like"},
	};
	struct fd_date d;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		d.y = d.m = d.d = -1;
		rc = date_parse(cases[i].in, &d);
		if (cases[i].y != 0) {
			if (rc != 0)
				fail_msg("%s: refused (%s)", cases[i].name,
				         err_msg());
			check_date(cases[i].name, &d, cases[i].y, cases[i].m,
			           cases[i].d);
		} else {
			if (rc != ERR_INVALID)
				fail_msg("%s: accepted", cases[i].name);
			if (d.y != -1)
				fail_msg("%s: output written", cases[i].name);
			if (strstr(err_msg(), cases[i].msg) == NULL)
				fail_msg("%s: message '%s' lacks '%s'",
				         cases[i].name, err_msg(),
				         cases[i].msg);
		}
	}
}

/* hostile: 10,000 characters */
static void
test_parse_huge(void **state)
{
	char *s = malloc(10001);
	struct fd_date d;
	struct fd_period p;

	(void)state;
	assert_non_null(s);
	memset(s, '2', 10000);
	s[10000] = '\0';
	assert_int_equal(date_parse(s, &d), ERR_INVALID);
	assert_int_equal(date_period_parse(s, &p), ERR_INVALID);
	memset(s, ' ', 10000);
	memcpy(s + 9000, "2026-11-29", 10);
	assert_int_equal(date_parse(s, &d), ERR_INVALID); /* too long */
	free(s);
}

/* int date_format(char *buf, size_t bufsz, const struct fd_date *d); */
static void
test_format(void **state)
{
	struct fd_date d = {2026, 1, 5}, bad = {2026, 2, 30};
	char buf[DATE_BUFSZ];

	(void)state;
	assert_int_equal(date_format(buf, sizeof buf, &d), 0);
	assert_string_equal(buf, "2026-01-05");
	d.y = 1900;
	assert_int_equal(date_format(buf, sizeof buf, &d), 0);
	assert_string_equal(buf, "1900-01-05");
	assert_int_equal(date_format(buf, sizeof buf, &bad), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(date_format(buf, DATE_BUFSZ - 1, &d), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(date_format(buf, 0, &d), ERR_INVALID);
}

/* int date_valid(const struct fd_date *d); int date_is_leap(int y);
 * int date_days_in_month(int y, int m); */
static void
test_valid_leap(void **state)
{
	struct fd_date d = {2026, 11, 29};

	(void)state;
	assert_true(date_valid(&d));
	d.d = 31;
	assert_false(date_valid(&d));
	d.d = 0;
	assert_false(date_valid(&d));
	d.d = 1;
	d.m = 13;
	assert_false(date_valid(&d));
	d.m = 1;
	d.y = 1899;
	assert_false(date_valid(&d));
	d.y = 2201;
	assert_false(date_valid(&d));
	assert_true(date_is_leap(2000));
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2028));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2100));
	assert_false(date_is_leap(2026));
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(date_days_in_month(2028, 2), 29);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
	assert_int_equal(date_days_in_month(2026, -2147483647 - 1), 0);
}

/* int date_cmp(const struct fd_date *a, const struct fd_date *b); */
static void
test_cmp(void **state)
{
	struct fd_date a = {2026, 11, 29}, b = {2026, 11, 30},
	               c = {2026, 12, 1}, e = {2027, 1, 1};

	(void)state;
	assert_true(date_cmp(&a, &b) < 0);
	assert_true(date_cmp(&b, &a) > 0);
	assert_true(date_cmp(&b, &c) < 0);
	assert_true(date_cmp(&c, &e) < 0);
	assert_int_equal(date_cmp(&a, &a), 0);
}

/* int32_t date_to_days(const struct fd_date *d);
 * int date_from_days(int32_t days, struct fd_date *out); */
static void
test_days(void **state)
{
	struct fd_date d = {1970, 1, 1}, back;
	int32_t n, first, last;

	(void)state;
	assert_int_equal(date_to_days(&d), 0);
	d.y = 2000;
	assert_int_equal(date_to_days(&d), 10957);
	d = (struct fd_date){1900, 1, 1};
	first = date_to_days(&d);
	assert_int_equal(first, -25567);
	d = (struct fd_date){2200, 12, 31};
	last = date_to_days(&d);
	assert_int_equal(last, 84370);
	d = (struct fd_date){2026, 11, 29};
	assert_int_equal(date_to_days(&d), 20786);
	/* every day of the range goes there and back */
	for (n = first; n <= last; n++) {
		assert_int_equal(date_from_days(n, &back), 0);
		assert_true(date_valid(&back));
		assert_int_equal(date_to_days(&back), n);
	}
	assert_int_equal(date_from_days(first - 1, &back), ERR_INVALID);
	assert_int_equal(date_from_days(last + 1, &back), ERR_INVALID);
	assert_int_equal(date_from_days(INT32_MIN, &back), ERR_INVALID);
	assert_int_equal(date_from_days(INT32_MAX, &back), ERR_INVALID);
}

/* int32_t date_diff(const struct fd_date *a, const struct fd_date *b); */
static void
test_diff(void **state)
{
	struct fd_date a = {2026, 11, 29}, b = {2026, 11, 30},
	               c = {2027, 11, 29}, d = {2028, 2, 28}, e = {2028, 3, 1};

	(void)state;
	assert_int_equal(date_diff(&a, &b), 1);
	assert_int_equal(date_diff(&b, &a), -1);
	assert_int_equal(date_diff(&a, &a), 0);
	assert_int_equal(date_diff(&a, &c), 365);
	assert_int_equal(date_diff(&d, &e), 2); /* over 2028-02-29 */
}

/* int date_add_days(const struct fd_date *d, int32_t n,
 *     struct fd_date *out); */
static void
test_add_days(void **state)
{
	struct fd_date d = {2026, 11, 29}, out;
	struct fd_date end = {2200, 12, 31}, start = {1900, 1, 1};

	(void)state;
	assert_int_equal(date_add_days(&d, 2, &out), 0);
	check_date("add-1", &out, 2026, 12, 1);
	assert_int_equal(date_add_days(&d, 33, &out), 0);
	check_date("add-2", &out, 2027, 1, 1);
	assert_int_equal(date_add_days(&d, -29, &out), 0);
	check_date("add-3", &out, 2026, 10, 31);
	assert_int_equal(date_add_days(&d, 0, &out), 0);
	check_date("add-4", &out, 2026, 11, 29);
	d = (struct fd_date){2028, 2, 28};
	assert_int_equal(date_add_days(&d, 1, &out), 0);
	check_date("add-leap", &out, 2028, 2, 29);
	assert_int_equal(date_add_days(&end, 0, &out), 0);
	assert_int_equal(date_add_days(&end, 1, &out), ERR_INVALID);
	assert_int_equal(date_add_days(&start, -1, &out), ERR_INVALID);
	assert_int_equal(date_add_days(&end, INT32_MAX, &out), ERR_INVALID);
	assert_int_equal(date_add_days(&start, INT32_MIN, &out), ERR_INVALID);
}

/* int date_weekday(const struct fd_date *d);
 * const char *date_weekday_label(int wday); */
static void
test_weekday(void **state)
{
	struct fd_date d = {2026, 11, 29}; /* a Sunday */
	struct fd_date e = {1970, 1, 1};   /* a Thursday */
	struct fd_date f = {1900, 1, 1};   /* a Monday */

	(void)state;
	assert_int_equal(date_weekday(&d), 0);
	assert_int_equal(date_weekday(&e), 4);
	assert_int_equal(date_weekday(&f), 1);
	d.d = 30;
	assert_int_equal(date_weekday(&d), 1);
	assert_string_equal(date_weekday_label(0), "Sun");
	assert_string_equal(date_weekday_label(6), "Sat");
	assert_string_equal(date_weekday_label(7), "?");
	assert_string_equal(date_weekday_label(-1), "?");
}

/* int date_today(struct fd_date *out); */
static void
test_today(void **state)
{
	struct fd_date d;
	time_t now = time(NULL);
	struct tm tm;

	(void)state;
	clock_fake(1796000000); /* 2026-11-30 00:53 UTC */
	setenv("TZ", "UTC", 1);
	tzset();
	assert_int_equal(date_today(&d), 0);
	check_date("today-fixed", &d, 2026, 11, 30);
	setenv("TZ", "Asia/Shanghai", 1); /* the counter's zone: 08:53 */
	tzset();
	assert_int_equal(date_today(&d), 0);
	check_date("today-fixed-shanghai", &d, 2026, 11, 30);
	clock_fake(1795968000 - 1); /* 2026-11-29 07:59:59 +08 */
	assert_int_equal(date_today(&d), 0);
	check_date("today-before-midnight-utc", &d, 2026, 11, 29);
	clock_fake(0);
	unsetenv("TZ");
	tzset();
	assert_int_equal(date_today(&d), 0);
	localtime_r(&now, &tm);
	assert_int_equal(d.y, tm.tm_year + 1900);
}

/* int date_format_time(char *buf, size_t bufsz, time_t t); */
static void
test_format_time(void **state)
{
	char buf[DATE_TIME_BUFSZ];
	const char *tz = getenv("TZ");
	char *saved = tz != NULL ? strdup(tz) : NULL;

	(void)state;
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	assert_int_equal(date_format_time(buf, sizeof buf, 1795918500), 0);
	assert_string_equal(buf, "2026-11-29 10:15");
	assert_int_equal(date_format_time(buf, sizeof buf, 0), 0);
	assert_string_equal(buf, "1970-01-01 08:00");
	setenv("TZ", "UTC", 1);
	tzset();
	assert_int_equal(date_format_time(buf, sizeof buf, 1795918500), 0);
	assert_string_equal(buf, "2026-11-29 02:15");
	assert_int_equal(date_format_time(buf, DATE_TIME_BUFSZ - 1, 0),
	                 ERR_INVALID);
	assert_string_equal(buf, "");
	/* far outside any calendar: refused, not garbage */
	assert_int_equal(date_format_time(buf, sizeof buf, (time_t)INT64_MAX),
	                 ERR_INVALID);
	assert_string_equal(buf, "");
	if (saved != NULL) {
		setenv("TZ", saved, 1);
		free(saved);
	} else
		unsetenv("TZ");
	tzset();
}

/* int date_period_parse(const char *s, struct fd_period *out);
 * int date_period_format(char *buf, size_t bufsz,
 *     const struct fd_period *p); */
static void
test_period_parse_format(void **state)
{
	static const struct {
		const char *name, *in;
		int y, m; /* y == 0: refused */
	} cases[] = {
	    {"period-1", "2026-11", 2026, 11},
	    {"period-2", "2026/11", 2026, 11},
	    {"period-3", "202611", 2026, 11},
	    {"period-4", "2026-1", 2026, 1},
	    {"period-5", "2026年11月", 2026, 11},
	    {"period-6", "２０２６．１１", 2026, 11},
	    {"period-7", " 2026-11 ", 2026, 11},
	    {"period-8", "2026年3", 2026, 3},
	    {"period-bad-empty", "", 0, 0},
	    {"period-bad-13", "2026-13", 0, 0},
	    {"period-bad-0", "2026-00", 0, 0},
	    {"period-bad-year", "1899-12", 0, 0},
	    {"period-bad-day", "2026-11-29", 0, 0},
	    {"period-bad-5", "20261", 0, 0},
	    {"period-bad-7", "2026111", 0, 0},
	    {"period-bad-sep", "2026-", 0, 0},
	    {"period-bad-month-only", "11", 0, 0},
	    {"period-bad-utf8", "2026-1\xc3", 0, 0},
	};
	struct fd_period p;
	char buf[DATE_PERIOD_BUFSZ];
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		p.y = p.m = -1;
		rc = date_period_parse(cases[i].in, &p);
		if (cases[i].y == 0) {
			if (rc != ERR_INVALID || p.y != -1)
				fail_msg("%s: accepted", cases[i].name);
			continue;
		}
		if (rc != 0 || p.y != cases[i].y || p.m != cases[i].m)
			fail_msg("%s: rc %d %d-%d (%s)", cases[i].name, rc, p.y,
			         p.m, err_msg());
	}
	assert_int_equal(date_period_parse("", &p), ERR_INVALID);
	assert_non_null(strstr(err_msg(), "empty"));
	assert_int_equal(date_period_parse("2026-13", &p), ERR_INVALID);
	assert_non_null(strstr(err_msg(), "month"));
	p = (struct fd_period){2026, 3};
	assert_int_equal(date_period_format(buf, sizeof buf, &p), 0);
	assert_string_equal(buf, "2026-03");
	p.m = 0;
	assert_int_equal(date_period_format(buf, sizeof buf, &p), ERR_INVALID);
	assert_string_equal(buf, "");
	p.m = 3;
	assert_int_equal(date_period_format(buf, 7, &p), ERR_INVALID);
}

/* int date_period_valid(const struct fd_period *p);
 * int date_period_cmp(const struct fd_period *a,
 *     const struct fd_period *b); */
static void
test_period_valid_cmp(void **state)
{
	struct fd_period a = {2026, 11}, b = {2026, 12}, c = {2027, 1};
	struct fd_period bad = {2026, 13}, old = {1899, 12};

	(void)state;
	assert_true(date_period_valid(&a));
	assert_false(date_period_valid(&bad));
	assert_false(date_period_valid(&old));
	assert_true(date_period_cmp(&a, &b) < 0);
	assert_true(date_period_cmp(&c, &b) > 0);
	assert_int_equal(date_period_cmp(&a, &a), 0);
}

/* int date_period_next(const struct fd_period *p, struct fd_period *out);
 * int date_period_prev(const struct fd_period *p, struct fd_period *out); */
static void
test_period_next_prev(void **state)
{
	struct fd_period p = {2026, 12}, out;
	struct fd_period last = {2200, 12}, first = {1900, 1};
	struct fd_period bad = {2147483647, 12};

	(void)state;
	assert_int_equal(date_period_next(&p, &out), 0);
	assert_int_equal(out.y, 2027);
	assert_int_equal(out.m, 1);
	assert_int_equal(date_period_prev(&out, &out), 0); /* in place */
	assert_int_equal(out.y, 2026);
	assert_int_equal(out.m, 12);
	p.m = 5;
	assert_int_equal(date_period_prev(&p, &out), 0);
	assert_int_equal(out.m, 4);
	out.y = -1;
	assert_int_equal(date_period_next(&last, &out), ERR_INVALID);
	assert_int_equal(date_period_prev(&first, &out), ERR_INVALID);
	assert_int_equal(date_period_next(&bad, &out), ERR_INVALID);
	assert_int_equal(out.y, -1);
}

/* void date_period_first(...); void date_period_last(...);
 * void date_period_of(...); */
static void
test_period_days(void **state)
{
	struct fd_period p = {2028, 2};
	struct fd_date d, today = {2026, 11, 29};

	(void)state;
	date_period_first(&p, &d);
	check_date("first", &d, 2028, 2, 1);
	date_period_last(&p, &d);
	check_date("last-leap", &d, 2028, 2, 29);
	p.y = 2026;
	date_period_last(&p, &d);
	check_date("last-feb", &d, 2026, 2, 28);
	p.m = 12;
	date_period_last(&p, &d);
	check_date("last-dec", &d, 2026, 12, 31);
	date_period_of(&today, &p);
	assert_int_equal(p.y, 2026);
	assert_int_equal(p.m, 11);
}

/* enum age_bucket date_age_bucket(int32_t days);
 * const char *date_age_label(enum age_bucket b); */
static void
test_age(void **state)
{
	(void)state;
	assert_int_equal(date_age_bucket(INT32_MIN), AGE_0_30);
	assert_int_equal(date_age_bucket(-5), AGE_0_30);
	assert_int_equal(date_age_bucket(0), AGE_0_30);
	assert_int_equal(date_age_bucket(30), AGE_0_30);
	assert_int_equal(date_age_bucket(31), AGE_31_90);
	assert_int_equal(date_age_bucket(90), AGE_31_90);
	assert_int_equal(date_age_bucket(91), AGE_91_180);
	assert_int_equal(date_age_bucket(180), AGE_91_180);
	assert_int_equal(date_age_bucket(181), AGE_OVER_180);
	assert_int_equal(date_age_bucket(INT32_MAX), AGE_OVER_180);
	assert_string_equal(date_age_label(AGE_0_30), "0-30 days");
	assert_string_equal(date_age_label(AGE_OVER_180), "over 180 days");
	assert_string_equal(date_age_label(AGE_COUNT), "?");
	assert_string_equal(date_age_label((enum age_bucket) - 1), "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_parse_huge),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_valid_leap),
	    cmocka_unit_test(test_cmp),
	    cmocka_unit_test(test_days),
	    cmocka_unit_test(test_diff),
	    cmocka_unit_test(test_add_days),
	    cmocka_unit_test(test_weekday),
	    cmocka_unit_test(test_today),
	    cmocka_unit_test(test_format_time),
	    cmocka_unit_test(test_period_parse_format),
	    cmocka_unit_test(test_period_valid_cmp),
	    cmocka_unit_test(test_period_next_prev),
	    cmocka_unit_test(test_period_days),
	    cmocka_unit_test(test_age),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
