/*
 * fuzz_date.c: libFuzzer target for core/date.c.  The input, as a
 * NUL-terminated string, goes to date_parse() and date_period_parse();
 * whatever they accept must be valid and come back unchanged through the
 * formatters and the day-number arithmetic.  The first bytes, read as
 * numbers, also drive date_from_days(), date_add_days() and the ageing
 * buckets.  Any violation abort()s.  Built by scripts/fuzz.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Everything that must hold for a valid date. */
static void
fuzz_date_ok(const struct fd_date *d)
{
	struct fd_date back, next;
	struct fd_period p;
	char buf[DATE_BUFSZ];
	int32_t n;

	if (!date_valid(d))
		abort();
	if (date_format(buf, sizeof buf, d) != 0 ||
	    date_parse(buf, &back) != 0 || date_cmp(d, &back) != 0)
		abort();
	n = date_to_days(d);
	if (date_from_days(n, &back) != 0 || date_cmp(d, &back) != 0)
		abort();
	if (date_weekday(d) < 0 || date_weekday(d) > 6)
		abort();
	if (date_add_days(d, 1, &next) == 0) {
		if (date_diff(d, &next) != 1 || date_cmp(d, &next) >= 0 ||
		    (date_weekday(d) + 1) % 7 != date_weekday(&next))
			abort();
	} else if (d->y != DATE_MAX_YEAR || d->m != 12 || d->d != 31)
		abort();
	date_period_of(d, &p);
	date_period_first(&p, &back);
	if (date_cmp(&back, d) > 0)
		abort();
	date_period_last(&p, &back);
	if (date_cmp(&back, d) < 0)
		abort();
}

/* Everything that must hold for a valid period. */
static void
fuzz_period_ok(const struct fd_period *p)
{
	struct fd_period back, other;
	char buf[DATE_PERIOD_BUFSZ];

	if (!date_period_valid(p))
		abort();
	if (date_period_format(buf, sizeof buf, p) != 0 ||
	    date_period_parse(buf, &back) != 0 ||
	    date_period_cmp(p, &back) != 0)
		abort();
	if (date_period_next(p, &other) == 0 &&
	    (date_period_prev(&other, &back) != 0 ||
	     date_period_cmp(p, &back) != 0 || date_period_cmp(p, &other) >= 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct fd_date d, e;
	struct fd_period p;
	int32_t n, m;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &d) == 0)
		fuzz_date_ok(&d);
	if (date_period_parse(s, &p) == 0)
		fuzz_period_ok(&p);
	if (size >= 8) {
		memcpy(&n, data, 4);
		memcpy(&m, data + 4, 4);
		if (date_from_days(n, &d) == 0) {
			fuzz_date_ok(&d);
			if (date_to_days(&d) != n)
				abort();
			if (date_add_days(&d, m, &e) == 0 &&
			    date_diff(&d, &e) != m)
				abort();
		}
		if ((unsigned)date_age_bucket(n) >= AGE_COUNT ||
		    date_age_label(date_age_bucket(n)) == NULL)
			abort();
	}
	free(s);
	return 0;
}
