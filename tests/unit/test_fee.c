/*
 * test_fee.c: core/fee.c and core/receipt.c, every computation of fee
 * collection: coded values, prices and readings as typed, standards by
 * date, where an item applies, meter usage with a replaced meter, the one
 * half-up rounding of a bill line, due dates and billable periods,
 * allocation of a payment oldest first, amounts above the open total,
 * cash and change, the expected cash of a close, late fees, ageing,
 * receipt numbers, rates; receipts and reminder notices laid out in
 * columns (Chinese two wide, nothing cut, hostile bytes neutralised); and
 * the [fees] and [printer] keys of the configuration.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "testlib.h"

#include "core/fee.h"
#include "core/money.h"
#include "core/receipt.h"
#include "util/config.h"
#include "util/err.h"
#include "util/spool.h"
#include "util/strbuf.h"
#include "util/text.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

/* A parse case of an int64 parser. */
struct parse_case {
	const char *name;
	const char *in;
	int rc;
	int64_t v;       /* when rc == 0 */
	const char *msg; /* a word of the message when rc != 0 */
};

static void
run_parse(const struct parse_case *c, size_t n,
    int (*parse)(const char *, int64_t *))
{
	int64_t v;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		v = -777;
		err_clear();
		rc = parse(c[i].in, &v);
		if (rc != c[i].rc)
			fail_msg("%s: rc %d, want %d (%s)", c[i].name, rc,
			    c[i].rc, err_msg());
		if (rc == 0 && v != c[i].v)
			fail_msg("%s: %lld, want %lld", c[i].name,
			    (long long)v, (long long)c[i].v);
		if (rc != 0 && v != -777)
			fail_msg("%s: output written on failure", c[i].name);
		if (rc != 0 && strstr(err_msg(), c[i].msg) == NULL)
			fail_msg("%s: message '%s' lacks '%s'", c[i].name,
			    err_msg(), c[i].msg);
	}
}

/* ---- coded values ------------------------------------------------------ */

/* int fee_parse(enum fee_set set, const char *s, int *out); */
static void
test_coded(void **state)
{
	int v, set, i;

	(void)state;
	assert_int_equal(fee_count(FEE_SET_METHOD), PAY_METHOD_COUNT);
	assert_int_equal(fee_count((enum fee_set)99), 0);
	assert_string_equal(fee_code(FEE_SET_METHOD, PAY_WECHAT), "wechat");
	assert_null(fee_code(FEE_SET_METHOD, PAY_METHOD_COUNT));
	assert_null(fee_code(FEE_SET_METHOD, -1));
	assert_string_equal(fee_label(FEE_SET_METHOD, 99), "?");
	assert_string_equal(fee_label(FEE_SET_METHOD, PAY_CASH), "Cash");
	/* code, Chinese label (whatever the language), English label */
	assert_int_equal(fee_parse(FEE_SET_METHOD, "alipay", &v), 0);
	assert_int_equal(v, PAY_ALIPAY);
	assert_int_equal(fee_parse(FEE_SET_METHOD, " 微信 ", &v), 0);
	assert_int_equal(v, PAY_WECHAT);
	assert_int_equal(fee_parse(FEE_SET_METHOD, "现金", &v), 0);
	assert_int_equal(v, PAY_CASH);
	assert_int_equal(fee_parse(FEE_SET_METHOD, "BANK CARD", &v), 0);
	assert_int_equal(v, PAY_CARD);
	assert_int_equal(fee_parse(FEE_SET_METHOD, "转账", &v), 0);
	assert_int_equal(v, PAY_TRANSFER);
	assert_int_equal(fee_parse(FEE_SET_KIND, "按面积", &v), 0);
	assert_int_equal(v, FEE_AREA);
	assert_int_equal(fee_parse(FEE_SET_REMIND, "上门催缴", &v), 0);
	assert_int_equal(v, REMIND_VISIT);
	/* refused, with the allowed labels */
	v = -1;
	assert_int_equal(fee_parse(FEE_SET_METHOD, "支票", &v), ERR_INVALID);
	assert_int_equal(v, -1);
	assert_msg_has("Cash");
	assert_msg_has("Alipay");
	assert_int_equal(fee_parse(FEE_SET_METHOD, NULL, &v), ERR_INVALID);
	assert_int_equal(fee_parse(FEE_SET_METHOD, "", &v), ERR_INVALID);
	assert_int_equal(fee_parse(FEE_SET_METHOD, "\xff\xfe", &v),
	    ERR_INVALID);
	assert_int_equal(fee_parse((enum fee_set)-1, "cash", &v),
	    ERR_INVALID);
	/* every code parses back to itself */
	for (set = 0; set < FEE_SET_COUNT; set++)
		for (i = 0; i < fee_count((enum fee_set)set); i++) {
			assert_int_equal(fee_parse((enum fee_set)set,
			    fee_code((enum fee_set)set, i), &v), 0);
			assert_int_equal(v, i);
		}
}

/* int fee_name_clean(...); int fee_text_clean(...); */
static void
test_names(void **state)
{
	char *s = NULL, big[400];

	(void)state;
	assert_int_equal(fee_name_clean("  物业服务费　", &s), 0);
	assert_string_equal(s, "物业服务费");
	free(s);
	assert_int_equal(fee_name_clean("", &s), ERR_INVALID);
	assert_null(s);
	assert_int_equal(fee_name_clean("水\x01费", &s), ERR_INVALID);
	assert_int_equal(fee_name_clean("\xe6\xb0", &s), ERR_INVALID);
	/* 33 characters: one too many */
	assert_int_equal(fee_name_clean("一二三四五六七八九十一二三四五六七八"
	    "九十一二三四五六七八九十一二三", &s), ERR_INVALID);
	assert_msg_has("32");
	assert_int_equal(fee_text_clean("  收错了房号  ", 1, "reason", &s), 0);
	assert_string_equal(s, "收错了房号");
	free(s);
	assert_int_equal(fee_text_clean("   ", 1, "reason", &s), ERR_INVALID);
	assert_msg_has("reason");
	assert_int_equal(fee_text_clean(NULL, 0, "note", &s), 0);
	assert_string_equal(s, "");
	free(s);
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(fee_text_clean(big, 0, "note", &s), ERR_INVALID);
	assert_msg_has("too long");
}

/* ---- prices and readings ----------------------------------------------- */

/* int fee_price_parse(const char *s, int64_t *out_e4); */
static void
test_price_parse(void **state)
{
	static const struct parse_case cases[] = {
	    {"price-1", "1.20", 0, 12000, NULL},
	    {"price-2", "0.568", 0, 5680, NULL},
	    {"price-3", "3", 0, 30000, NULL},
	    {"price-4", "1.2345", 0, 12345, NULL},
	    {"price-5", "￥2.5", 0, 25000, NULL},
	    {"price-6", " １．２０ ", 0, 12000, NULL},
	    {"price-7", ".5", 0, 5000, NULL},
	    {"price-8", "0", 0, 0, NULL},
	    {"price-9", "10000000", 0, FEE_PRICE_MAX_E4, NULL},
	    {"price-10", "1.23456", ERR_INVALID, 0, "4 decimals"},
	    {"price-11", "-1.20", ERR_INVALID, 0, "sign"},
	    {"price-12", "", ERR_INVALID, 0, "empty"},
	    {"price-13", "abc", ERR_INVALID, 0, "number"},
	    {"price-14", "1.2.3", ERR_INVALID, 0, "number"},
	    {"price-15", "10000000.0001", ERR_INVALID, 0, "too large"},
	    {"price-16", "99999999999999999999999", ERR_INVALID, 0,
		"too large"},
	    {"price-17", ".", ERR_INVALID, 0, "number"},
	    {"price-18", "1,20", ERR_INVALID, 0, "number"},
	    {"price-19", "\xff", ERR_INVALID, 0, "number"},
	};
	char buf[FEE_PRICE_BUFSZ];

	(void)state;
	run_parse(cases, NCASES(cases), fee_price_parse);
	assert_int_equal(fee_price_format(buf, sizeof buf, 12000), 0);
	assert_string_equal(buf, "1.20");
	assert_int_equal(fee_price_format(buf, sizeof buf, 5680), 0);
	assert_string_equal(buf, "0.568");
	assert_int_equal(fee_price_format(buf, sizeof buf, 12345), 0);
	assert_string_equal(buf, "1.2345");
	assert_int_equal(fee_price_format(buf, sizeof buf, 0), 0);
	assert_string_equal(buf, "0.00");
	assert_int_equal(fee_price_format(buf, sizeof buf, FEE_PRICE_MAX_E4),
	    0);
	assert_string_equal(buf, "10000000.00");
	assert_int_equal(fee_price_format(buf, sizeof buf, -1), ERR_INVALID);
	assert_int_equal(fee_price_format(buf, 4, 12000), ERR_INVALID);
	assert_string_equal(buf, "");
}

/* int fee_reading_parse(const char *s, int64_t *out_centi); */
static void
test_reading_parse(void **state)
{
	static const struct parse_case cases[] = {
	    {"reading-1", "1234", 0, 123400, NULL},
	    {"reading-2", "1234.5", 0, 123450, NULL},
	    {"reading-3", "0", 0, 0, NULL},
	    {"reading-4", "１２３４．５６", 0, 123456, NULL},
	    {"reading-5", "99999999.99", 0, FEE_READING_MAX, NULL},
	    {"reading-6", "100000000", ERR_INVALID, 0, "too large"},
	    {"reading-7", "1.234", ERR_INVALID, 0, "2 decimals"},
	    {"reading-8", "-5", ERR_INVALID, 0, "sign"},
	    {"reading-9", "￥5", ERR_INVALID, 0, "number"},
	    {"reading-10", "12 34", ERR_INVALID, 0, "number"},
	};
	char buf[FEE_READING_BUFSZ];

	(void)state;
	run_parse(cases, NCASES(cases), fee_reading_parse);
	assert_int_equal(fee_reading_format(buf, sizeof buf, 123400), 0);
	assert_string_equal(buf, "1234");
	assert_int_equal(fee_reading_format(buf, sizeof buf, 123450), 0);
	assert_string_equal(buf, "1234.5");
	assert_int_equal(fee_reading_format(buf, sizeof buf, 5), 0);
	assert_string_equal(buf, "0.05");
	assert_int_equal(fee_reading_format(buf, sizeof buf, -250), 0);
	assert_string_equal(buf, "-2.5");
	assert_int_equal(fee_reading_format(buf, sizeof buf, INT64_MIN), 0);
	assert_int_equal(fee_reading_format(buf, 3, 123400), ERR_INVALID);
	assert_string_equal(buf, "");
}

/* ---- standards and applicability --------------------------------------- */

/* const struct fee_standard *fee_standard_at(v, n, day); */
static void
test_standard_at(void **state)
{
	static const struct fee_standard v[] = {
	    {"2024-01-01", 12000}, {"2025-07-01", 13500}, {"2026-01-01",
	    14000},
	};

	(void)state;
	assert_null(fee_standard_at(v, 3, "2023-12-31"));
	assert_int_equal(fee_standard_at(v, 3, "2024-01-01")->price_e4,
	    12000);
	assert_int_equal(fee_standard_at(v, 3, "2025-06-30")->price_e4,
	    12000);
	assert_int_equal(fee_standard_at(v, 3, "2025-07-01")->price_e4,
	    13500);
	assert_int_equal(fee_standard_at(v, 3, "2030-01-01")->price_e4,
	    14000);
	assert_null(fee_standard_at(v, 0, "2030-01-01"));
}

/* fee_applies_parse, fee_applies_format, fee_applies_match */
static void
test_applies(void **state)
{
	struct fee_applies a;
	struct houseno h = {3, 2, 1502}, other = {5, 1, 101};
	char buf[FEE_APPLIES_MAX + 1], *big;
	size_t i;

	(void)state;
	assert_int_equal(fee_applies_parse("all", &a), 0);
	assert_int_equal(a.n, 1);
	assert_true(fee_applies_match(&a, &h, HOUSE_USE_PARKING));
	assert_int_equal(fee_applies_parse("", &a), 0);
	assert_int_equal(a.n, 0);
	assert_false(fee_applies_match(&a, &h, HOUSE_USE_RESIDENCE));
	/* Chinese scopes and labels, full-width punctuation */
	assert_int_equal(fee_applies_parse("用途：住宅，用途:商铺；房号:3栋2单元"
	    "1502、building:7", &a), 0);
	assert_int_equal(a.n, 4);
	assert_true(fee_applies_match(&a, &other, HOUSE_USE_RESIDENCE));
	assert_true(fee_applies_match(&a, &other, HOUSE_USE_SHOP));
	assert_false(fee_applies_match(&a, &other, HOUSE_USE_PARKING));
	assert_true(fee_applies_match(&a, &h, HOUSE_USE_PARKING));
	other.building = 7;
	assert_true(fee_applies_match(&a, &other, HOUSE_USE_STOREROOM));
	assert_int_equal(fee_applies_format(buf, sizeof buf, &a), 0);
	assert_string_equal(buf, "use:residence use:shop house:3-2-1502 "
	    "building:7");
	assert_int_equal(fee_applies_format(buf, 10, &a), ERR_INVALID);
	/* refused words */
	assert_int_equal(fee_applies_parse("use:villa", &a), ERR_INVALID);
	assert_int_equal(fee_applies_parse("floor:3", &a), ERR_INVALID);
	assert_msg_has("floor:3");
	assert_int_equal(fee_applies_parse("building:0", &a), ERR_INVALID);
	assert_int_equal(fee_applies_parse("building:1000", &a), ERR_INVALID);
	assert_int_equal(fee_applies_parse("building:3x", &a), ERR_INVALID);
	assert_int_equal(fee_applies_parse("house:3-2-15", &a), ERR_INVALID);
	assert_int_equal(fee_applies_parse("everything", &a), ERR_INVALID);
	assert_int_equal(fee_applies_parse("use:\xff", &a), ERR_INVALID);
	/* too many rules, too long */
	big = malloc(FEE_APPLIES_MAX + 100);
	big[0] = '\0';
	for (i = 0; i < 300; i++)
		strcat(big, "all ");
	assert_int_equal(fee_applies_parse(big, &a), ERR_INVALID);
	assert_msg_has("256");
	memset(big, 'a', FEE_APPLIES_MAX + 50);
	big[FEE_APPLIES_MAX + 50] = '\0';
	assert_int_equal(fee_applies_parse(big, &a), ERR_INVALID);
	assert_msg_has("too long");
	free(big);
}

/* ---- meter usage ------------------------------------------------------- */

/* int fee_usage(const struct fee_reading *r, int64_t *usage_centi); */
static void
test_usage(void **state)
{
	struct fee_reading r = {123400, 125900, 0, 0, 0};
	int64_t u = -1;

	(void)state;
	assert_int_equal(fee_usage(&r, &u), 0);
	assert_int_equal(u, 2500);
	r.cur = r.prev;
	assert_int_equal(fee_usage(&r, &u), 0);
	assert_int_equal(u, 0);
	/* below the previous: refused, telling about a replaced meter */
	r.cur = 120000;
	u = -1;
	assert_int_equal(fee_usage(&r, &u), ERR_INVALID);
	assert_int_equal(u, -1);
	assert_msg_has("1200 is below the previous reading 1234");
	assert_msg_has("replaced");
	/* replaced: old meter ran 1234 -> 1250, new one 0 -> 8 */
	r.replaced = 1;
	r.old_end = 125000;
	r.new_start = 0;
	r.cur = 800;
	assert_int_equal(fee_usage(&r, &u), 0);
	assert_int_equal(u, 1600 + 800);
	/* replaced but the numbers do not add up */
	r.old_end = 120000;
	assert_int_equal(fee_usage(&r, &u), ERR_INVALID);
	assert_msg_has("old meter");
	r.old_end = 125000;
	r.new_start = 1000;
	assert_int_equal(fee_usage(&r, &u), ERR_INVALID);
	assert_msg_has("new meter's start");
	/* replacement fields without a replacement */
	r.replaced = 0;
	r.cur = 130000;
	assert_int_equal(fee_usage(&r, &u), ERR_INVALID);
	/* out of range, hostile */
	r.old_end = r.new_start = 0;
	r.prev = -1;
	assert_int_equal(fee_usage(&r, &u), ERR_INVALID);
	r.prev = 0;
	r.cur = INT64_MAX;
	assert_int_equal(fee_usage(&r, &u), ERR_INVALID);
	/* unusual usage */
	assert_true(fee_usage_unusual(3100, 1000, 3));
	assert_false(fee_usage_unusual(3000, 1000, 3));
	assert_false(fee_usage_unusual(100000, 0, 3)); /* no history */
	assert_false(fee_usage_unusual(INT64_MAX, INT64_MAX / 2, 3));
}

/* ---- bill lines -------------------------------------------------------- */

/* int fee_line_amount(const struct fee_basis *b, qty, amount); */
static void
test_line_amount(void **state)
{
	static const struct {
		const char *name;
		struct fee_basis b;
		int64_t qty, fen;
	} cases[] = {
	    /* 89.37 m² × 1.20 = 107.244 -> 107.24 */
	    {"area-1", {FEE_AREA, 12000, 8937, 0}, 8937, 10724},
	    /* 100.25 m² × 1.35 = 135.3375 -> 135.34 */
	    {"area-2", {FEE_AREA, 13500, 10025, 0}, 10025, 13534},
	    /* exactly half a fen rounds up: 12.50 × 1.2004 = 15.005 */
	    {"area-half", {FEE_AREA, 12004, 1250, 0}, 1250, 1501},
	    /* just under half rounds down: 12.49 × 1.2004 = 14.992996 */
	    {"area-under", {FEE_AREA, 12004, 1249, 0}, 1249, 1499},
	    /* 12.5 t × 3.45 = 43.125 -> 43.13 */
	    {"metered-1", {FEE_METERED, 34500, 0, 1250}, 1250, 4313},
	    /* 123 kWh × 0.568 = 69.864 -> 69.86 */
	    {"metered-2", {FEE_METERED, 5680, 0, 12300}, 12300, 6986},
	    {"metered-0", {FEE_METERED, 5680, 0, 0}, 0, 0},
	    {"fixed", {FEE_FIXED, 1500000, 0, 0}, 100, 15000},
	    {"once", {FEE_ONCE, 5000000, 0, 0}, 100, 50000},
	};
	int64_t qty, fen;
	struct fee_basis b;
	size_t i;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		qty = fen = -1;
		if (fee_line_amount(&cases[i].b, &qty, &fen) != 0)
			fail_msg("%s: %s", cases[i].name, err_msg());
		if (qty != cases[i].qty || fen != cases[i].fen)
			fail_msg("%s: qty %lld fen %lld, want %lld %lld",
			    cases[i].name, (long long)qty, (long long)fen,
			    (long long)cases[i].qty, (long long)cases[i].fen);
	}
	/* rounding happens once: the sum of 12 months is 12 × the month */
	b = cases[0].b;
	assert_int_equal(fee_line_amount(&b, &qty, &fen), 0);
	assert_int_equal(fen * 12, 128688);
	/* refused */
	b.kind = FEE_LATE;
	assert_int_equal(fee_line_amount(&b, &qty, &fen), ERR_INVALID);
	b.kind = FEE_AREA;
	b.area_centi = -1;
	assert_int_equal(fee_line_amount(&b, &qty, &fen), ERR_INVALID);
	b.area_centi = 9999999;
	b.price_e4 = -1;
	assert_int_equal(fee_line_amount(&b, &qty, &fen), ERR_INVALID);
	/* the largest area at the largest price is beyond MONEY_MAX_FEN */
	b.price_e4 = FEE_PRICE_MAX_E4;
	b.kind = FEE_METERED;
	b.usage_centi = FEE_READING_MAX;
	assert_int_equal(fee_line_amount(&b, &qty, &fen), ERR_INVALID);
	assert_msg_has("too large");
}

/* fee_due_date, fee_period_billable */
static void
test_due_and_period(void **state)
{
	struct fd_period p = {2026, 10}, feb = {2028, 2};
	struct fd_date d, today = {2026, 11, 29};
	char buf[DATE_BUFSZ];

	(void)state;
	assert_int_equal(fee_due_date(&p, 15, &d), 0);
	date_format(buf, sizeof buf, &d);
	assert_string_equal(buf, "2026-11-15");
	assert_int_equal(fee_due_date(&feb, 0, &d), 0);
	date_format(buf, sizeof buf, &d);
	assert_string_equal(buf, "2028-02-29");
	assert_int_equal(fee_due_date(&p, 366, &d), ERR_INVALID);
	p.m = 13;
	assert_int_equal(fee_due_date(&p, 15, &d), ERR_INVALID);
	/* billable: 2000-01 .. the month after today's */
	assert_int_equal(fee_period_billable(&p, &today), ERR_INVALID);
	p.m = 12;
	assert_int_equal(fee_period_billable(&p, &today), 0);
	p.y = 2027;
	p.m = 1;
	assert_int_equal(fee_period_billable(&p, &today), ERR_INVALID);
	assert_msg_has("2027-01 has not begun");
	assert_msg_has("2026-12");
	p.y = 1999;
	p.m = 12;
	assert_int_equal(fee_period_billable(&p, &today), ERR_INVALID);
	p.y = 2000;
	p.m = 1;
	assert_int_equal(fee_period_billable(&p, &today), 0);
}

/* ---- payments ---------------------------------------------------------- */

/* int fee_allocate(open, n, amount, alloc, excess); */
static void
test_allocate(void **state)
{
	const int64_t open[] = {10724, 4313, 15000};
	int64_t alloc[3], excess;

	(void)state;
	/* everything, exactly */
	assert_int_equal(fee_allocate(open, 3, 30037, alloc, &excess), 0);
	assert_int_equal(alloc[0], 10724);
	assert_int_equal(alloc[1], 4313);
	assert_int_equal(alloc[2], 15000);
	assert_int_equal(excess, 0);
	/* part: oldest first, the last reached partly */
	assert_int_equal(fee_allocate(open, 3, 12000, alloc, &excess), 0);
	assert_int_equal(alloc[0], 10724);
	assert_int_equal(alloc[1], 1276);
	assert_int_equal(alloc[2], 0);
	assert_int_equal(excess, 0);
	/* more: the excess */
	assert_int_equal(fee_allocate(open, 3, 40000, alloc, &excess), 0);
	assert_int_equal(excess, 40000 - 30037);
	/* no bills: all excess (a prepayment) */
	assert_int_equal(fee_allocate(open, 0, 500, alloc, &excess), 0);
	assert_int_equal(excess, 500);
	/* refused */
	assert_int_equal(fee_allocate(open, 3, 0, alloc, &excess),
	    ERR_INVALID);
	assert_int_equal(fee_allocate(open, 3, -5, alloc, &excess),
	    ERR_INVALID);
	{
		const int64_t bad[] = {100, 0};
		const int64_t huge[] = {MONEY_MAX_FEN, MONEY_MAX_FEN};

		assert_int_equal(fee_allocate(bad, 2, 50, alloc, &excess),
		    ERR_INVALID);
		assert_int_equal(fee_allocate(huge, 2, 50, alloc, &excess),
		    ERR_INVALID);
	}
}

/* fee_check_amount, fee_change, fee_expected_cash */
static void
test_amount_change(void **state)
{
	int64_t excess = -1, t, c, e;

	(void)state;
	assert_int_equal(fee_check_amount(120000, 120000, 0, &excess), 0);
	assert_int_equal(excess, 0);
	assert_int_equal(fee_check_amount(150000, 120000, 0, &excess),
	    ERR_INVALID);
	assert_msg_has("1,500.00");
	assert_msg_has("300.00 more");
	assert_msg_has("1,200.00");
	assert_msg_has("credit");
	assert_int_equal(fee_check_amount(150000, 120000, 1, &excess), 0);
	assert_int_equal(excess, 30000);
	assert_int_equal(fee_check_amount(0, 120000, 1, NULL), ERR_INVALID);
	assert_int_equal(fee_check_amount(-1, 120000, 1, NULL), ERR_INVALID);
	assert_int_equal(fee_check_amount(MONEY_MAX_FEN + 1, 0, 1, NULL),
	    ERR_INVALID);
	/* cash: change */
	assert_int_equal(fee_change(PAY_CASH, 14174, 20000, &t, &c), 0);
	assert_int_equal(t, 20000);
	assert_int_equal(c, 5826);
	assert_int_equal(fee_change(PAY_CASH, 14174, -1, &t, &c), 0);
	assert_int_equal(t, 14174);
	assert_int_equal(c, 0);
	assert_int_equal(fee_change(PAY_CASH, 14174, 10000, &t, &c),
	    ERR_INVALID);
	assert_msg_has("less than");
	/* other methods: no change */
	assert_int_equal(fee_change(PAY_WECHAT, 14174, -1, &t, &c), 0);
	assert_int_equal(c, 0);
	assert_int_equal(fee_change(PAY_WECHAT, 14174, 14174, &t, &c), 0);
	assert_int_equal(fee_change(PAY_CARD, 14174, 20000, &t, &c),
	    ERR_INVALID);
	assert_msg_has("only cash");
	assert_int_equal(fee_change((enum pay_method)9, 1, -1, &t, &c),
	    ERR_INVALID);
	assert_int_equal(fee_change(PAY_CASH, 1, MONEY_MAX_FEN + 1, &t, &c),
	    ERR_INVALID);
	/* the close: float + received - change - refunds */
	assert_int_equal(fee_expected_cash(50000, 120000, 5826, 10000, &e), 0);
	assert_int_equal(e, 50000 + 120000 - 5826 - 10000);
	assert_int_equal(fee_expected_cash(-1, 0, 0, 0, &e), ERR_INVALID);
	assert_int_equal(fee_expected_cash(0, MONEY_MAX_FEN + 1, 0, 0, &e),
	    ERR_INVALID);
}

/* ---- late fees, ageing ------------------------------------------------- */

/* int fee_late_fee(open, due, from, to, rule, fee, days); */
static void
test_late_fee(void **state)
{
	struct fee_late_rule r = {1, 5, 30};
	int64_t fee;
	int32_t days;

	(void)state;
	/* off: nothing */
	r.enabled = 0;
	assert_int_equal(fee_late_fee(100000, "2026-01-15", NULL, "2026-11-29",
	    &r, &fee, &days), 0);
	assert_int_equal(fee, 0);
	assert_int_equal(days, 0);
	r.enabled = 1;
	/* within the grace: nothing */
	assert_int_equal(fee_late_fee(100000, "2026-11-15", NULL, "2026-12-15",
	    &r, &fee, &days), 0);
	assert_int_equal(fee, 0);
	/* 10 days after the grace: 1000.00 × 10 × 0.05% = 5.00 */
	assert_int_equal(fee_late_fee(100000, "2026-10-15", NULL, "2026-11-24",
	    &r, &fee, &days), 0);
	assert_int_equal(days, 10);
	assert_int_equal(fee, 500);
	/* charged up to 2026-11-20 before: only 4 more days */
	assert_int_equal(fee_late_fee(100000, "2026-10-15", "2026-11-20",
	    "2026-11-24", &r, &fee, &days), 0);
	assert_int_equal(days, 4);
	assert_int_equal(fee, 200);
	/* rounded half-up once: 107.25 × 3 × 0.05% = 0.160875 -> 0.16 */
	assert_int_equal(fee_late_fee(10725, "2026-10-15", NULL, "2026-11-17",
	    &r, &fee, &days), 0);
	assert_int_equal(days, 3);
	assert_int_equal(fee, 16);
	/* hostile */
	assert_int_equal(fee_late_fee(-1, "2026-10-15", NULL, "2026-11-17",
	    &r, &fee, &days), ERR_INVALID);
	assert_int_equal(fee_late_fee(100, "2026-13-15", NULL, "2026-11-17",
	    &r, &fee, &days), ERR_INVALID);
	assert_int_equal(fee_late_fee(MONEY_MAX_FEN, "1900-01-01", NULL,
	    "2200-12-31", &r, &fee, &days), ERR_INVALID);
	r.rate_per_10000 = -3;
	assert_int_equal(fee_late_fee(100, "2026-10-15", NULL, "2026-11-17",
	    &r, &fee, &days), ERR_INVALID);
}

/* int fee_ageing_add(struct fee_ageing *a, open, due, today); */
static void
test_ageing(void **state)
{
	struct fee_ageing a;

	(void)state;
	memset(&a, 0, sizeof a);
	assert_int_equal(fee_ageing_add(&a, 100, "2026-12-15", "2026-11-29"),
	    AGE_0_30); /* not yet due */
	assert_int_equal(fee_ageing_add(&a, 200, "2026-10-30", "2026-11-29"),
	    AGE_0_30); /* 30 days */
	assert_int_equal(fee_ageing_add(&a, 300, "2026-10-29", "2026-11-29"),
	    AGE_31_90); /* 31 */
	assert_int_equal(fee_ageing_add(&a, 400, "2026-08-31", "2026-11-29"),
	    AGE_31_90); /* 90 */
	assert_int_equal(fee_ageing_add(&a, 500, "2026-06-02", "2026-11-29"),
	    AGE_91_180); /* 180 */
	assert_int_equal(fee_ageing_add(&a, 600, "2026-06-01", "2026-11-29"),
	    AGE_OVER_180); /* 181 */
	assert_int_equal(fee_ageing_add(&a, 700, "bad", "2026-11-29"), -1);
	assert_int_equal(a.fen[AGE_0_30], 300);
	assert_int_equal(a.fen[AGE_31_90], 700);
	assert_int_equal(a.fen[AGE_91_180], 500);
	assert_int_equal(a.fen[AGE_OVER_180], 600);
	assert_int_equal(a.total_fen, 2100);
}

/* fee_receipt_format, fee_receipt_parse, fee_rate_format, fee_rate_bp */
static void
test_receipt_no_and_rates(void **state)
{
	char buf[FEE_RECEIPT_BUFSZ], r[FEE_RATE_BUFSZ];
	int y;
	int64_t s;

	(void)state;
	assert_int_equal(fee_receipt_format(buf, sizeof buf, 2026, 123), 0);
	assert_string_equal(buf, "2026-000123");
	assert_int_equal(fee_receipt_format(buf, sizeof buf, 2026, 1234567),
	    0);
	assert_string_equal(buf, "2026-1234567");
	assert_int_equal(fee_receipt_format(buf, 5, 2026, 1), ERR_INVALID);
	assert_int_equal(fee_receipt_parse("2026-000123", &y, &s), 0);
	assert_int_equal(y, 2026);
	assert_int_equal(s, 123);
	assert_int_equal(fee_receipt_parse(" ２０２６－１２３ ", &y, &s), 0);
	assert_int_equal(s, 123);
	assert_int_equal(fee_receipt_parse("2026000123", &y, &s), 0);
	assert_int_equal(s, 123);
	assert_int_equal(fee_receipt_parse("2026-", &y, &s), ERR_INVALID);
	assert_int_equal(fee_receipt_parse("2026-0", &y, &s), ERR_INVALID);
	assert_int_equal(fee_receipt_parse("26-1", &y, &s), ERR_INVALID);
	assert_int_equal(fee_receipt_parse("2026-12a", &y, &s), ERR_INVALID);
	assert_int_equal(fee_receipt_parse("2026-99999999999999", &y, &s),
	    ERR_INVALID);
	assert_int_equal(fee_receipt_parse(NULL, &y, &s), ERR_INVALID);
	assert_msg_has("2026-000123");
	/* rates */
	assert_int_equal(fee_rate_format(r, sizeof r, 8765, 10000), 0);
	assert_string_equal(r, "87.65%");
	assert_int_equal(fee_rate_format(r, sizeof r, 2, 3), 0);
	assert_string_equal(r, "66.67%");
	assert_int_equal(fee_rate_format(r, sizeof r, 1, 1), 0);
	assert_string_equal(r, "100.00%");
	assert_int_equal(fee_rate_format(r, sizeof r, 0, 0), 0);
	assert_string_equal(r, "-");
	assert_int_equal(fee_rate_format(r, sizeof r, -1, 5), ERR_INVALID);
	assert_int_equal(fee_rate_bp(1, 3), 3333);
	assert_int_equal(fee_rate_bp(MONEY_MAX_FEN, MONEY_MAX_FEN), 10000);
	assert_int_equal(fee_rate_bp(INT64_MAX, INT64_MAX), 10000);
	assert_int_equal(fee_rate_bp(5, 0), -1);
}

/* ---- receipts and notices ---------------------------------------------- */

/* Every line of text is at most width columns; returns the line count. */
static int
assert_fits(const char *text, int width)
{
	const char *p = text, *nl;
	int lines = 0, w;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		assert_non_null(nl);
		w = text_nwidth(p, (size_t)(nl - p));
		if (w > width)
			fail_msg("line %d is %d columns wide (max %d): '%.*s'",
			    lines + 1, w, width, (int)(nl - p), p);
		lines++;
		p = nl + 1;
	}
	return lines;
}

/* int receipt_render(const struct receipt *r, int width, struct strbuf *out); */
static void
test_receipt_render(void **state)
{
	const struct receipt_line lines[] = {
	    {"物业服务费", "2026-09", 10724, 0},
	    {"物业服务费", "2026-10", 10724, 0},
	    {"公共设施日常维修费（按建筑面积分摊）", "2026-10", 3000, 1250},
	};
	struct receipt r = {
	    .heading = "幸福里物业服务中心", .number = "2026-000123",
	    .house = "3-2-1502", .owner = "张三、李四",
	    .when = "2026-11-29 09:05", .lines = lines, .nlines = 3,
	    .amount_fen = 30000, .credit_fen = 5552, .balance_fen = 5552,
	    .method = PAY_CASH, .tendered_fen = 40000, .change_fen = 10000,
	    .cashier = "陈静", .desk = "1号窗口",
	};
	static const int widths[] = {24, 32, 48, 80, 10, 500};
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int w;

	(void)state;
	for (i = 0; i < NCASES(widths); i++) {
		strbuf_reset(&sb);
		assert_int_equal(receipt_render(&r, widths[i], &sb), 0);
		w = widths[i] < RECEIPT_WIDTH_MIN ? RECEIPT_WIDTH_MIN :
		    widths[i] > RECEIPT_WIDTH_MAX ? RECEIPT_WIDTH_MAX :
		    widths[i];
		assert_fits(sb.buf, w);
		/* nothing is cut */
		assert_non_null(strstr(sb.buf, "3-2-1502"));
		assert_non_null(strstr(sb.buf, "2026-000123"));
		assert_non_null(strstr(sb.buf, "幸福里物业服务中心"));
		assert_non_null(strstr(sb.buf, "陈静"));
		assert_non_null(strstr(sb.buf, "1号窗口"));
		assert_non_null(strstr(sb.buf, "107.24"));
		assert_non_null(strstr(sb.buf, "300.00"));
		assert_non_null(strstr(sb.buf, "55.52"));
		assert_non_null(strstr(sb.buf, "12.50"));
		assert_null(strstr(sb.buf, "..."));
	}
	/* the long item name is whole at 80 columns, on one line */
	assert_non_null(strstr(sb.buf, "公共设施日常维修费（按建筑面积分摊）"));
	/* capitals, cash and change */
	assert_non_null(strstr(sb.buf, "叁佰元整"));
	assert_non_null(strstr(sb.buf, "400.00"));
	assert_non_null(strstr(sb.buf, "100.00"));
	assert_null(strstr(sb.buf, "REPRINT"));
	/* a reprint says so and counts */
	r.reprint = 2;
	strbuf_reset(&sb);
	assert_int_equal(receipt_render(&r, 32, &sb), 0);
	assert_non_null(strstr(sb.buf, "REPRINT"));
	assert_non_null(strstr(sb.buf, "Reprint 2"));
	/* a voided receipt says so; no cash lines for WeChat */
	r.voided = 1;
	r.method = PAY_WECHAT;
	strbuf_reset(&sb);
	assert_int_equal(receipt_render(&r, 32, &sb), 0);
	assert_non_null(strstr(sb.buf, "VOIDED"));
	assert_null(strstr(sb.buf, "Change"));
	/* hostile text: control bytes and invalid UTF-8 never reach the
	 * printer (an ESC could start a printer command) */
	r.owner = "张\x1b@三\xff\xfe";
	r.heading = "\x1b" "d\x05";
	strbuf_reset(&sb);
	assert_int_equal(receipt_render(&r, 32, &sb), 0);
	assert_null(strchr(sb.buf, '\x1b'));
	assert_null(strchr(sb.buf, '\x05'));
	assert_true(utf8_valid(sb.buf, sb.len));
	assert_non_null(strstr(sb.buf, "张?@三??"));
	assert_fits(sb.buf, 32);
	/* an amount beyond what capitals can write is refused */
	r.amount_fen = MONEY_MAX_FEN + 1;
	assert_int_equal(receipt_render(&r, 32, &sb), ERR_INVALID);
	strbuf_release(&sb);
}

/* int notice_render(const struct notice *n, int width, struct strbuf *out); */
static void
test_notice_render(void **state)
{
	const struct notice_line lines[] = {
	    {"物业服务费", "2026-05", "2026-06-15", 10724},
	    {"水费", "2026-05", "2026-06-15", 4313},
	};
	struct notice n = {"", "3-2-1502", "张三", "2026-11-29", lines, 2};
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_int_equal(notice_render(&n, 32, &sb), 0);
	assert_fits(sb.buf, 32);
	assert_non_null(strstr(sb.buf, "REMINDER NOTICE"));
	assert_non_null(strstr(sb.buf, "张三"));
	assert_non_null(strstr(sb.buf, "2026-06-15"));
	assert_non_null(strstr(sb.buf, "150.37"));
	assert_non_null(strstr(sb.buf, "壹佰伍拾元叁角柒分"));
	n.owner = "";
	n.nlines = 0;
	strbuf_reset(&sb);
	assert_int_equal(notice_render(&n, 24, &sb), 0);
	assert_fits(sb.buf, 24);
	assert_non_null(strstr(sb.buf, "零元整"));
	strbuf_release(&sb);
}

/* ---- printing ---------------------------------------------------------- */

/* Read a whole small file into buf; its length. */
static size_t
slurp(const char *path, char *buf, size_t bufsz)
{
	FILE *fp = fopen(path, "rb");
	size_t n;

	assert_non_null(fp);
	n = fread(buf, 1, bufsz - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	return n;
}

/* int spool_send(text, encoding, command, save_path, timeout_s); */
static void
test_spool(void **state)
{
	char path[600], cmd[700], buf[256];
	char *out = NULL;
	size_t n;
	time_t t0;

	(void)state;
	/* no command: saved, folders made */
	snprintf(path, sizeof path, "%s/spool/a/收据.txt", test_tmpdir());
	assert_int_equal(spool_send("收款收据 张三\n", "UTF-8", "", path, 0), 0);
	slurp(path, buf, sizeof buf);
	assert_string_equal(buf, "收款收据 张三\n");
	/* GB18030: 张三 is D5 C5 C8 FD */
	assert_int_equal(spool_send("张三", "GB18030", NULL, path, 0), 0);
	n = slurp(path, buf, sizeof buf);
	assert_int_equal(n, 4);
	assert_memory_equal(buf, "\xd5\xc5\xc8\xfd", 4);
	/* through a command */
	snprintf(path, sizeof path, "%s/spool/piped.txt", test_tmpdir());
	snprintf(cmd, sizeof cmd, "cat > '%s'", path);
	assert_int_equal(spool_send("第一行\n第二行\n", NULL, cmd, NULL, 0), 0);
	slurp(path, buf, sizeof buf);
	assert_string_equal(buf, "第一行\n第二行\n");
	/* failures: the exit status and what it said, a signal, a hang */
	assert_int_equal(spool_send("x", NULL, "echo 'no paper' >&2; exit 4",
	    NULL, 0), ERR_IO);
	assert_msg_has("exit status 4");
	assert_msg_has("no paper");
	assert_int_equal(spool_send("x", NULL, "kill -TERM $$", NULL, 0),
	    ERR_IO);
	assert_msg_has("signal 15");
	t0 = time(NULL);
	assert_int_equal(spool_send("x", NULL, "sleep 20", NULL, 1), ERR_IO);
	assert_true(time(NULL) - t0 < 10);
	assert_msg_has("did not finish within 1 seconds");
	/* a command that does not exist; a file that cannot be written */
	assert_int_equal(spool_send("x", NULL, "/no/such/printer-command",
	    NULL, 0), ERR_IO);
	assert_msg_has("exit status 127");
	assert_int_equal(spool_send("x", NULL, "", "/proc/no/such/file", 0),
	    ERR_IO);
	assert_int_equal(spool_send("x", NULL, "", NULL, 0), ERR_IO);
	/* conversions */
	assert_int_equal(spool_convert("abc", "no-such-charset", &out, &n),
	    ERR_INVALID);
	assert_null(out);
	assert_int_equal(spool_convert("\xff\xfe", "GB18030", &out, &n),
	    ERR_INVALID);
	assert_int_equal(spool_convert("", "GB18030", &out, &n), 0);
	assert_int_equal(n, 0);
	free(out);
}

/* ---- the configuration ------------------------------------------------- */

/* [fees] and [printer]: defaults, the shipped file, bad values */
static void
test_config_keys(void **state)
{
	struct config cfg, def;
	const char *path = test_path("fees.ini");

	(void)state;
	config_defaults(&def);
	assert_int_equal(def.fee_due_days, 15);
	assert_int_equal(def.fee_late, 0);
	assert_int_equal(def.fee_late_rate, 5);
	assert_int_equal(def.fee_late_grace_days, 30);
	assert_int_equal(def.fee_usage_alert, 3);
	assert_string_equal(def.printer_command, "");
	assert_int_equal(def.printer_width, 32);
	assert_string_equal(def.printer_encoding, "UTF-8");
	assert_string_equal(def.printer_heading, "");
	if (access("conf/frontdesk.ini", R_OK) == 0) {
		assert_int_equal(config_load(&cfg, "conf/frontdesk.ini"), 0);
		assert_int_equal(cfg.fee_due_days, def.fee_due_days);
		assert_int_equal(cfg.fee_late, def.fee_late);
		assert_int_equal(cfg.fee_late_rate, def.fee_late_rate);
		assert_int_equal(cfg.fee_late_grace_days,
		    def.fee_late_grace_days);
		assert_int_equal(cfg.fee_usage_alert, def.fee_usage_alert);
		assert_string_equal(cfg.printer_command, def.printer_command);
		assert_int_equal(cfg.printer_width, def.printer_width);
		assert_string_equal(cfg.printer_encoding,
		    def.printer_encoding);
		assert_string_equal(cfg.printer_heading, def.printer_heading);
		config_release(&cfg);
	}
	config_release(&def);
	test_write_file(path, "[fees]\nlate_fee = yes\nlate_fee_rate = 3\n"
	    "due_days = 0\n[printer]\ncommand = \"lp -d 收据; echo\"\n"
	    "width = 48\nencoding = GB18030\nheading = 幸福里物业\n");
	assert_int_equal(config_load(&cfg, path), 0);
	assert_int_equal(cfg.fee_late, 1);
	assert_int_equal(cfg.fee_late_rate, 3);
	assert_int_equal(cfg.fee_due_days, 0);
	assert_string_equal(cfg.printer_command, "lp -d 收据; echo");
	assert_int_equal(cfg.printer_width, 48);
	assert_string_equal(cfg.printer_encoding, "GB18030");
	assert_string_equal(cfg.printer_heading, "幸福里物业");
	config_release(&cfg);
	test_write_file(path, "[printer]\nwidth = 200\n");
	assert_int_equal(config_load(&cfg, path), ERR_INVALID);
	assert_msg_has("width");
	config_release(&cfg);
	test_write_file(path, "[printer]\nencoding = big5\n");
	assert_int_equal(config_load(&cfg, path), ERR_INVALID);
	assert_msg_has("GB18030");
	config_release(&cfg);
	test_write_file(path, "[fees]\nlate_fee_rate = 0\n");
	assert_int_equal(config_load(&cfg, path), ERR_INVALID);
	config_release(&cfg);
	test_write_file(path, "[fees]\nlate_fees = yes\n");
	assert_int_equal(config_load(&cfg, path), ERR_INVALID);
	assert_msg_has("unknown key");
	config_release(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_coded),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_price_parse),
	    cmocka_unit_test(test_reading_parse),
	    cmocka_unit_test(test_standard_at),
	    cmocka_unit_test(test_applies),
	    cmocka_unit_test(test_usage),
	    cmocka_unit_test(test_line_amount),
	    cmocka_unit_test(test_due_and_period),
	    cmocka_unit_test(test_allocate),
	    cmocka_unit_test(test_amount_change),
	    cmocka_unit_test(test_late_fee),
	    cmocka_unit_test(test_ageing),
	    cmocka_unit_test(test_receipt_no_and_rates),
	    cmocka_unit_test(test_receipt_render),
	    cmocka_unit_test(test_notice_render),
	    cmocka_unit_test(test_spool),
	    cmocka_unit_test(test_config_keys),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
