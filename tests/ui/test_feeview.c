/*
 * test_feeview.c: the fee screens' logic (feeview): percentages rounded
 * half-up with one and two decimals, the arrears columns chosen for 80 and
 * 120 columns (money never cut), the cells with Chinese names and hostile
 * text, the stable order by each column, the '/' match (full-width digits,
 * Chinese names), the monthly report's lines with its formulas within the
 * width, a notice as lines, and scrolling.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "core/money.h"
#include "ui/model/feeview.h"
#include "util/err.h"
#include "util/text.h"

/* feeview_pct(): half-up, one and two decimals, den 0, bad input. */
static void
test_pct(void **state)
{
	char buf[FEEVIEW_PCT_BUFSZ], rate[FEE_RATE_BUFSZ];
	int64_t n, d;

	(void)state;
	assert_int_equal(feeview_pct(buf, sizeof buf, 8765, 10000, 2), 0);
	assert_string_equal(buf, "87.65%");
	feeview_pct(buf, sizeof buf, 8765, 10000, 1);
	assert_string_equal(buf, "87.7%");
	feeview_pct(buf, sizeof buf, 8764, 10000, 1);
	assert_string_equal(buf, "87.6%");
	feeview_pct(buf, sizeof buf, 2, 3, 2);
	assert_string_equal(buf, "66.67%");
	feeview_pct(buf, sizeof buf, 1, 3, 1);
	assert_string_equal(buf, "33.3%");
	feeview_pct(buf, sizeof buf, 1, 2, 0);
	assert_string_equal(buf, "50%");
	feeview_pct(buf, sizeof buf, 1, 200, 0);
	assert_string_equal(buf, "1%"); /* 0.5 rounds up */
	feeview_pct(buf, sizeof buf, 1, 1, 1);
	assert_string_equal(buf, "100.0%");
	feeview_pct(buf, sizeof buf, 0, 5, 1);
	assert_string_equal(buf, "0.0%");
	feeview_pct(buf, sizeof buf, 0, 0, 1);
	assert_string_equal(buf, "-");
	/* 0.05% rounds up to 0.1% */
	feeview_pct(buf, sizeof buf, 5, 10000, 1);
	assert_string_equal(buf, "0.1%");
	/* more than all of it is shown as it is */
	feeview_pct(buf, sizeof buf, 3, 2, 1);
	assert_string_equal(buf, "150.0%");
	/* the largest amounts do not overflow */
	assert_int_equal(feeview_pct(buf, sizeof buf, MONEY_MAX_FEN,
	    MONEY_MAX_FEN, 2), 0);
	assert_string_equal(buf, "100.00%");
	assert_int_equal(feeview_pct(buf, sizeof buf, -1, 5, 1), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(feeview_pct(buf, sizeof buf, 1, 5, 3), ERR_INVALID);
	assert_int_equal(feeview_pct(buf, 4, 1, 3, 2), ERR_INVALID);
	assert_string_equal(buf, "");
	/* two decimals agree with core's fee_rate_format() */
	for (n = 0, d = 997; n <= d; n += 37) {
		feeview_pct(buf, sizeof buf, n, d, 2);
		fee_rate_format(rate, sizeof rate, n, d);
		assert_string_equal(buf, rate);
	}
}

/* Three houses: a company with a long name, arrears in every bucket, one
 * never reminded. */
static struct arrears_house houses[3];

static void
setup_houses(void)
{
	memset(houses, 0, sizeof houses);
	houses[0] = (struct arrears_house){ .house_id = 1, .code = "1-1-202",
		.building = 1, .owners = "王淑华", .nbills = 9,
		.oldest_due = "2025-03-15", .stage = REMIND_VISIT,
		.last_reminder = "2025-11-15" };
	houses[0].age.fen[AGE_0_30] = 16749;
	houses[0].age.fen[AGE_31_90] = 34533;
	houses[0].age.fen[AGE_91_180] = 51627;
	houses[0].age.fen[AGE_OVER_180] = 32780;
	houses[0].age.total_fen = 135689;
	houses[1] = (struct arrears_house){ .house_id = 2, .code = "1-2-801",
		.building = 1, .owners = "刘学文、杨秀兰", .nbills = 2,
		.oldest_due = "2025-11-15", .stage = -1,
		.last_reminder = "" };
	houses[1].age.fen[AGE_0_30] = 17371;
	houses[1].age.total_fen = 17371;
	houses[2] = (struct arrears_house){ .house_id = 3, .code = "2-1-103",
		.building = 2, .owners = "信阳永盛建材有限公司\n第二行",
		.nbills = 2, .oldest_due = "2025-10-15", .stage = REMIND_PHONE,
		.last_reminder = "2025-11-20" };
	houses[2].age.fen[AGE_31_90] = 22265;
	houses[2].age.total_fen = 22265;
}

/* The position of column id in c, or -1. */
static int
col_at(const struct feeview_cols *c, int id)
{
	int i;

	for (i = 0; i < c->n; i++)
		if (c->id[i] == id)
			return i;
	return -1;
}

/* The columns' total width, gaps included. */
static int
cols_width(const struct feeview_cols *c)
{
	int i, w = 0;

	for (i = 0; i < c->n; i++)
		w += c->col[i].width + (i > 0);
	return w;
}

/* feeview_cols(): what fits at 78 and 118, in order; money never cut. */
static void
test_cols(void **state)
{
	struct feeview_cols c;
	int b;

	(void)state;
	feeview_cols(&c, FV_BY_HOUSE, 78, 135689);
	assert_true(cols_width(&c) <= 78);
	assert_int_equal(c.id[0], FVC_HOUSE);
	for (b = FVC_AGE0; b <= FVC_AGE3; b++)
		assert_true(col_at(&c, b) > 0);
	assert_true(col_at(&c, FVC_TOTAL) > col_at(&c, FVC_AGE3));
	assert_true(col_at(&c, FVC_OWNERS) > 0);
	assert_int_equal(col_at(&c, FVC_LAST), -1);
	assert_string_equal(c.col[col_at(&c, FVC_AGE3)].title,
	    "over 180 days");
	assert_int_equal(c.col[col_at(&c, FVC_AGE0)].align, TEXT_RIGHT);
	/* wide: everything, in enum order */
	feeview_cols(&c, FV_BY_HOUSE, 118, 135689);
	assert_true(cols_width(&c) <= 118);
	assert_true(col_at(&c, FVC_STAGE) > 0);
	assert_true(col_at(&c, FVC_LAST) > col_at(&c, FVC_STAGE));
	assert_true(col_at(&c, FVC_BILLS) > 0);
	assert_true(col_at(&c, FVC_OLDEST) > 0);
	/* big money: the columns widen, and less fits; the total stays */
	feeview_cols(&c, FV_BY_HOUSE, 78, 123456789012);
	assert_true(c.col[col_at(&c, FVC_TOTAL)].width >= 16);
	assert_true(col_at(&c, FVC_TOTAL) > 0);
	assert_int_equal(col_at(&c, FVC_LAST), -1);
	assert_true(cols_width(&c) <= 78);
	/* too narrow for anything but the first column */
	feeview_cols(&c, FV_BY_HOUSE, 5, 100);
	assert_int_equal(c.n, 1);
	/* groups: name, houses, buckets, total, share */
	feeview_cols(&c, FV_BY_BUILDING, 100, 280639);
	assert_int_equal(c.id[0], FVC_NAME);
	assert_true(col_at(&c, FVC_SHARE) > col_at(&c, FVC_TOTAL));
	assert_true(col_at(&c, FVC_HOUSES) > 0);
	assert_int_equal(col_at(&c, FVC_OWNERS), -1);
	assert_string_equal(c.col[0].title, "Building");
	feeview_cols(&c, FV_BY_ITEM, 78, 280639);
	assert_string_equal(c.col[0].title, "Item");
}

/* feeview_house_cell(), feeview_group_cell(), feeview_stage(). */
static void
test_cells(void **state)
{
	char buf[64];
	struct arrears_group g = { 3, "3", { { 1000, 0, 0, 2000 }, 3000 }, 2 };
	struct arrears_group it = { 7, "物业服务费", { { 500, 0, 0, 0 }, 500 },
		1 };
	struct fee_ageing total = { { 0 }, 9000 };

	(void)state;
	setup_houses();
	feeview_house_cell(buf, sizeof buf, &houses[0], FVC_HOUSE);
	assert_string_equal(buf, "1-1-202");
	feeview_house_cell(buf, sizeof buf, &houses[0], FVC_AGE2);
	assert_string_equal(buf, "516.27");
	feeview_house_cell(buf, sizeof buf, &houses[0], FVC_TOTAL);
	assert_string_equal(buf, "1,356.89");
	feeview_house_cell(buf, sizeof buf, &houses[1], FVC_AGE3);
	assert_string_equal(buf, ""); /* nothing that old: blank */
	feeview_house_cell(buf, sizeof buf, &houses[0], FVC_STAGE);
	assert_string_equal(buf, "Home visit (short)");
	feeview_house_cell(buf, sizeof buf, &houses[1], FVC_STAGE);
	assert_string_equal(buf, "-");
	feeview_house_cell(buf, sizeof buf, &houses[1], FVC_LAST);
	assert_string_equal(buf, "-");
	feeview_house_cell(buf, sizeof buf, &houses[0], FVC_BILLS);
	assert_string_equal(buf, "9");
	feeview_house_cell(buf, sizeof buf, &houses[0], FVC_OLDEST);
	assert_string_equal(buf, "2025-03-15");
	/* a line break in a name stays on the line */
	feeview_house_cell(buf, sizeof buf, &houses[2], FVC_OWNERS);
	assert_null(strchr(buf, '\n'));
	assert_non_null(strstr(buf, "信阳永盛建材有限公司 第二行"));
	/* a small buffer cuts, never overflows */
	feeview_house_cell(buf, 8, &houses[1], FVC_OWNERS);
	assert_true(strlen(buf) < 8);
	feeview_group_cell(buf, sizeof buf, &g, FV_BY_BUILDING, &total,
	    FVC_NAME);
	assert_string_equal(buf, "Building 3");
	feeview_group_cell(buf, sizeof buf, &g, FV_BY_BUILDING, &total,
	    FVC_SHARE);
	assert_string_equal(buf, "33.3%");
	feeview_group_cell(buf, sizeof buf, &g, FV_BY_BUILDING, &total,
	    FVC_HOUSES);
	assert_string_equal(buf, "2");
	feeview_group_cell(buf, sizeof buf, &it, FV_BY_ITEM, &total,
	    FVC_NAME);
	assert_string_equal(buf, "物业服务费");
	feeview_group_cell(buf, sizeof buf, &it, FV_BY_ITEM, &total,
	    FVC_TOTAL);
	assert_string_equal(buf, "5.00");
	assert_string_equal(feeview_stage(REMIND_NOTICE), "Notice");
	assert_string_equal(feeview_stage(REMIND_LETTER), "Letter");
	assert_string_equal(feeview_stage(99), "-");
}

/* feeview_max_fen(): per view. */
static void
test_max(void **state)
{
	struct arrears_group b[1] = { { 1, "1", { { 0 }, 999999 }, 3 } };
	struct arrears_report r;

	(void)state;
	setup_houses();
	memset(&r, 0, sizeof r);
	r.houses = houses;
	r.nhouses = 3;
	r.buildings = b;
	r.nbuildings = 1;
	assert_int_equal(feeview_max_fen(&r, FV_BY_HOUSE), 135689);
	assert_int_equal(feeview_max_fen(&r, FV_BY_BUILDING), 999999);
	assert_int_equal(feeview_max_fen(&r, FV_BY_ITEM), 0);
}

/* feeview_sort(): each column, both ways, ties in house order. */
static void
test_sort(void **state)
{
	int idx[3];

	(void)state;
	setup_houses();
	feeview_sort(houses, idx, 3, FVC_TOTAL, 1);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[1], 2);
	assert_int_equal(idx[2], 1);
	feeview_sort(houses, idx, 3, FVC_TOTAL, 0);
	assert_int_equal(idx[0], 1);
	assert_int_equal(idx[2], 0);
	/* 1 and 2 both owe nothing over 180 days: house order */
	feeview_sort(houses, idx, 3, FVC_AGE3, 0);
	assert_int_equal(idx[0], 1);
	assert_int_equal(idx[1], 2);
	assert_int_equal(idx[2], 0);
	feeview_sort(houses, idx, 3, FVC_AGE3, 1);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[1], 1);
	assert_int_equal(idx[2], 2);
	feeview_sort(houses, idx, 3, FVC_HOUSE, 1);
	assert_int_equal(idx[0], 2);
	assert_int_equal(idx[2], 0);
	feeview_sort(houses, idx, 3, FVC_OLDEST, 0);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[1], 2);
	feeview_sort(houses, idx, 3, FVC_STAGE, 1);
	assert_int_equal(idx[0], 0);
	assert_int_equal(idx[2], 1);
	feeview_sort(houses, idx, 0, FVC_TOTAL, 1);
}

/* A bigger list sorts stably (the merge sort's seams). */
static void
test_sort_many(void **state)
{
	static struct arrears_house v[1000];
	int idx[1000], i;

	(void)state;
	memset(v, 0, sizeof v);
	for (i = 0; i < 1000; i++)
		v[i].age.total_fen = (i * 7919) % 13;
	feeview_sort(v, idx, 1000, FVC_TOTAL, 1);
	for (i = 1; i < 1000; i++) {
		assert_true(v[idx[i - 1]].age.total_fen >=
		    v[idx[i]].age.total_fen);
		if (v[idx[i - 1]].age.total_fen == v[idx[i]].age.total_fen)
			assert_true(idx[i - 1] < idx[i]);
	}
}

/* feeview_match(): number, Chinese name, full-width digits, case. */
static void
test_match(void **state)
{
	struct arrears_house h = houses[0];

	(void)state;
	setup_houses();
	h = houses[1];
	assert_true(feeview_match(&h, ""));
	assert_true(feeview_match(&h, NULL));
	assert_true(feeview_match(&h, "  "));
	assert_true(feeview_match(&h, "1-2-8"));
	assert_true(feeview_match(&h, "８０１"));
	assert_true(feeview_match(&h, "杨秀兰"));
	assert_true(feeview_match(&h, " 刘学文 "));
	assert_false(feeview_match(&h, "王"));
	assert_false(feeview_match(&h, "2-1-103"));
	h.owners = "ACME Ltd";
	assert_true(feeview_match(&h, "acme"));
	h.owners = NULL;
	assert_false(feeview_match(&h, "acme"));
	assert_false(feeview_match(&h, "\xff\xfe"));
}

/* 1 when a line of doc contains s. */
static int
has(const struct feeview_doc *doc, const char *s)
{
	int i;

	for (i = 0; i < doc->n; i++)
		if (strstr(doc->lines[i].text, s) != NULL)
			return 1;
	return 0;
}

/* feeview_month_doc(): tables, totals, rates, formulas, within width. */
static void
test_month(void **state)
{
	struct month_line items[2] = {
		{ 1, 0, "物业服务费", 42, 565174, 524310 },
		{ 2, 0, "水费\n（冷水）", 44, 205620, 182505 },
	};
	struct month_line blds[2] = {
		{ 0, 1, "1", 80, 730010, 676726 },
		{ 0, 3, "3", 6, 40784, 30089 },
	};
	struct monthly_report m;
	struct feeview_doc doc;
	int i, w;

	(void)state;
	memset(&m, 0, sizeof m);
	snprintf(m.period, sizeof m.period, "2025-10");
	m.items = items;
	m.nitems = 2;
	m.buildings = blds;
	m.nbuildings = 2;
	m.billed_fen = 770794;
	m.paid_fen = 706815;
	m.households = 56;
	m.households_paid = 52;
	m.old_open_fen = 1543434;
	m.old_paid_fen = 948969;
	for (w = 40; w <= 160; w += 20) {
		feeview_month_doc(&doc, &m, w, w > 100);
		for (i = 0; i < doc.n; i++)
			assert_true(text_width(doc.lines[i].text) <= w);
		/* every number of a formula is on screen whatever the width */
		assert_true(has(&doc, "7,068.15 / 7,707.94 = 91.70%"));
		assert_true(has(&doc, "52 / 56 = 92.86%"));
		assert_true(has(&doc, "9,489.69 / 15,434.34 = 61.48%"));
		feeview_doc_release(&doc);
	}
	feeview_doc_release(&doc); /* twice is harmless */
	feeview_month_doc(&doc, &m, 78, 0);
	assert_int_equal(doc.lines[0].style, FVS_COLHEAD);
	assert_non_null(strstr(doc.lines[0].text, "Fee item"));
	assert_true(has(&doc, "Building  "));
	assert_true(has(&doc, "物业服务费"));
	assert_true(has(&doc, "水费 （冷水）"));
	assert_true(has(&doc, "5,651.74"));
	assert_true(has(&doc, "92.77%"));
	assert_true(has(&doc, "Building 3"));
	assert_true(has(&doc, "73.78%"));
	assert_true(has(&doc, "Old arrears recovered (清缴率)"));
	assert_true(has(&doc, "net of voids"));
	for (i = 0; i < doc.n; i++)
		if (strstr(doc.lines[i].text, "Total") == doc.lines[i].text)
			break;
	assert_true(i < doc.n);
	assert_int_equal(doc.lines[i].style, FVS_TOTAL);
	assert_non_null(strstr(doc.lines[i].text, " 86 "));
	assert_non_null(strstr(doc.lines[i].text, "7,707.94"));
	assert_non_null(strstr(doc.lines[i].text, "91.70%"));
	assert_true(doc.width <= 78);
	/* compact: no blank line; roomy: two more, blank */
	for (i = 0; i < doc.n; i++)
		assert_string_not_equal(doc.lines[i].text, "");
	w = doc.n;
	feeview_doc_release(&doc);
	feeview_month_doc(&doc, &m, 78, 1);
	assert_int_equal(doc.n, w + 2);
	feeview_doc_release(&doc);
	/* wide: each formula on one line with its numbers */
	feeview_month_doc(&doc, &m, 160, 1);
	assert_true(has(&doc, "Collection rate by amount (收缴率) = collected "
	    "this period / billed this period = 7,068.15 / 7,707.94 = "
	    "91.70%"));
	feeview_doc_release(&doc);
	/* an empty period: no division by zero, said so */
	memset(&m, 0, sizeof m);
	feeview_month_doc(&doc, &m, 80, 0);
	assert_true(has(&doc, "No bills in this period."));
	assert_true(has(&doc, "0.00 / 0.00 = -"));
	feeview_doc_release(&doc);
}

/* feeview_text_doc(): lines, control characters, cut; scrolling. */
static void
test_text(void **state)
{
	struct feeview_doc doc;

	(void)state;
	feeview_text_doc(&doc, "催缴通知单\n\n房屋 1-1-202\t王淑华\n"
	    "\x1b[31m一行很长很长很长很长很长很长很长很长\n", 20);
	assert_int_equal(doc.n, 4);
	assert_string_equal(doc.lines[0].text, "催缴通知单");
	assert_string_equal(doc.lines[1].text, "");
	assert_string_equal(doc.lines[2].text, "房屋 1-1-202 王淑华");
	assert_null(strchr(doc.lines[3].text, '\x1b'));
	assert_true(text_width(doc.lines[3].text) <= 20);
	assert_non_null(strstr(doc.lines[3].text, "..."));
	assert_int_equal(doc.width, 20);
	feeview_doc_release(&doc);
	feeview_text_doc(&doc, "", 20);
	assert_int_equal(doc.n, 0);
	feeview_doc_release(&doc);
	feeview_text_doc(&doc, "no newline at the end", 40);
	assert_int_equal(doc.n, 1);
	feeview_doc_release(&doc);
	assert_int_equal(feeview_scroll(0, 5, 30, 10), 5);
	assert_int_equal(feeview_scroll(15, 10, 30, 10), 20);
	assert_int_equal(feeview_scroll(5, -10, 30, 10), 0);
	assert_int_equal(feeview_scroll(0, 3, 5, 10), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct),
		cmocka_unit_test(test_cols),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_max),
		cmocka_unit_test(test_sort),
		cmocka_unit_test(test_sort_many),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_month),
		cmocka_unit_test(test_text),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
