/*
 * test_closemodel.c: ui/model/closemodel.c, the live figures of the daily
 * close form (日结) and the day keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testlib.h"

#include "ui/model/closemodel.h"
#include "util/clock.h"
#include "util/err.h"

/* void closemodel_init(...); int closemodel_update(...); */
static void
test_update(void **state)
{
	struct closemodel cm;

	(void)state;
	/* received 300.00 cash, gave 27.36 change, handed back 10.00 */
	closemodel_init(&cm, 30000, 2736, 1000);
	assert_int_equal(cm.expected_ok, 1);
	assert_int_equal(cm.expected_fen, 26264);
	assert_int_equal(cm.counted_ok, 0);
	assert_int_equal(cm.diff_ok, 0);
	assert_int_equal(cm.bad, CLOSEMODEL_NONE);
	/* the float is added; counted 0.50 short */
	assert_int_equal(closemodel_update(&cm, "200", "462.14"), 0);
	assert_int_equal(cm.expected_fen, 46264);
	assert_int_equal(cm.diff_ok, 1);
	assert_int_equal(cm.diff_fen, -50);
	assert_int_equal(closemodel_needs_reason(&cm), 1);
	/* exactly right: no reason needed */
	assert_int_equal(closemodel_update(&cm, "", "￥262.64"), 0);
	assert_int_equal(cm.diff_fen, 0);
	assert_int_equal(closemodel_needs_reason(&cm), 0);
	/* full-width digits and thousands commas as a Chinese IME types */
	assert_int_equal(closemodel_update(&cm, "１,０００", "1,262.65"), 0);
	assert_int_equal(cm.float_fen, 100000);
	assert_int_equal(cm.diff_fen, 1);
	/* blanks only: not typed */
	assert_int_equal(closemodel_update(&cm, "  ", " \t"), 0);
	assert_int_equal(cm.float_fen, 0);
	assert_int_equal(cm.counted_ok, 0);
}

/* Bad amounts: the figures they feed are unknown and the message says so. */
static void
test_update_bad(void **state)
{
	struct closemodel cm;

	(void)state;
	closemodel_init(&cm, 30000, 0, 0);
	assert_int_equal(closemodel_update(&cm, "1.005", "300"), ERR_INVALID);
	assert_int_equal(cm.bad, CLOSEMODEL_FLOAT);
	assert_int_equal(cm.expected_ok, 0);
	assert_int_equal(cm.diff_ok, 0);
	assert_non_null(strstr(cm.msg, "float: "));
	assert_int_equal(closemodel_update(&cm, "", "-5"), ERR_INVALID);
	assert_int_equal(cm.bad, CLOSEMODEL_COUNTED);
	assert_int_equal(cm.expected_ok, 1);
	assert_int_equal(cm.diff_ok, 0);
	assert_non_null(strstr(cm.msg, "cash counted: "));
	/* both bad: the float is told first */
	assert_int_equal(closemodel_update(&cm, "abc", "三百"), ERR_INVALID);
	assert_int_equal(cm.bad, CLOSEMODEL_FLOAT);
	/* hostile: huge, injection-looking, a lone yuan sign */
	assert_int_equal(closemodel_update(&cm, "99999999999999999999",
	    "1'; DROP TABLE payments;--"), ERR_INVALID);
	assert_int_equal(cm.diff_ok, 0);
	assert_int_equal(closemodel_update(&cm, "", "￥"), ERR_INVALID);
	/* the largest amounts still add up exactly, to the fen */
	closemodel_init(&cm, INT64_C(9000000000000), 1, 0);
	assert_int_equal(closemodel_update(&cm, "100,000,000,000.00",
	    "0.01"), 0);
	assert_int_equal(cm.expected_fen, INT64_C(18999999999999));
	assert_int_equal(cm.diff_fen, INT64_C(-18999999999998));
	/* refunds above what came in: the drawer is expected short */
	closemodel_init(&cm, 0, 0, 500);
	assert_int_equal(closemodel_update(&cm, "", "0"), 0);
	assert_int_equal(cm.expected_fen, -500);
	assert_int_equal(cm.diff_fen, 500);
}

/* int closemodel_check(const struct closemodel *cm, const char *reason,
 *     enum closemodel_field *field); */
static void
test_check(void **state)
{
	struct closemodel cm;
	enum closemodel_field f;

	(void)state;
	closemodel_init(&cm, 30000, 2736, 0);
	/* nothing counted yet */
	assert_int_equal(closemodel_check(&cm, "", &f), ERR_INVALID);
	assert_int_equal(f, CLOSEMODEL_COUNTED);
	assert_string_equal(err_msg(), "enter the cash counted in the drawer");
	/* 0.50 short without a reason: the service's words */
	closemodel_update(&cm, "", "272.14");
	assert_int_equal(closemodel_check(&cm, " ", &f), ERR_INVALID);
	assert_int_equal(f, CLOSEMODEL_REASON);
	assert_string_equal(err_msg(), "the cash counted (272.14) differs "
	    "from what the day gives (272.64) by -0.50; give the reason for "
	    "the difference");
	/* with a reason, in Chinese */
	assert_int_equal(closemodel_check(&cm, "找零时多找了五角", &f), 0);
	assert_int_equal(f, CLOSEMODEL_NONE);
	/* no difference: no reason needed */
	closemodel_update(&cm, NULL, "272.64");
	assert_int_equal(closemodel_check(&cm, NULL, NULL), 0);
	/* a bad float is told before anything else */
	closemodel_update(&cm, "0.001", "");
	assert_int_equal(closemodel_check(&cm, "", &f), ERR_INVALID);
	assert_int_equal(f, CLOSEMODEL_FLOAT);
	assert_non_null(strstr(err_msg(), "float: "));
}

/* void closemodel_diff_text(char *buf, size_t bufsz, int64_t diff_fen); */
static void
test_diff_text(void **state)
{
	char buf[40];

	(void)state;
	closemodel_diff_text(buf, sizeof buf, 0);
	assert_string_equal(buf, "0.00");
	closemodel_diff_text(buf, sizeof buf, 50);
	assert_string_equal(buf, "+0.50");
	closemodel_diff_text(buf, sizeof buf, -100000);
	assert_string_equal(buf, "-1,000.00");
	closemodel_diff_text(buf, 4, 123456);
	assert_int_equal(strlen(buf), 3);
}

/* int closemodel_day_step(const char *day, int delta, char *out); */
static void
test_day_step(void **state)
{
	char out[DATE_BUFSZ];

	(void)state;
	assert_int_equal(closemodel_day_step("2026-11-29", -1, out), 0);
	assert_string_equal(out, "2026-11-28");
	assert_int_equal(closemodel_day_step("2026-12-31", 1, out), 0);
	assert_string_equal(out, "2027-01-01");
	assert_int_equal(closemodel_day_step("2028-03-01", -1, out), 0);
	assert_string_equal(out, "2028-02-29");
	assert_int_equal(closemodel_day_step("2026年3月1日", 0, out), 0);
	assert_string_equal(out, "2026-03-01");
	assert_int_equal(closemodel_day_step("2026-02-30", 1, out),
	    ERR_INVALID);
	assert_int_equal(closemodel_day_step("昨天", -1, out), ERR_INVALID);
	assert_int_equal(closemodel_day_step(NULL, 1, out), ERR_INVALID);
}

/* void closemodel_today(char *out);
 * void closemodel_day_label(char *buf, size_t bufsz, const char *day); */
static void
test_today_label(void **state)
{
	char out[DATE_BUFSZ], buf[64];

	(void)state;
	clock_fake(INT64_C(1795170600)); /* 2026-11-20 10:30 UTC */
	setenv("TZ", "UTC", 1);
	tzset();
	closemodel_today(out);
	assert_string_equal(out, "2026-11-20");
	clock_fake(0);
	closemodel_day_label(buf, sizeof buf, "2026-11-20");
	assert_string_equal(buf, "2026-11-20 Fri");
	closemodel_day_label(buf, sizeof buf, "二〇二六年");
	assert_string_equal(buf, "二〇二六年");
	closemodel_day_label(buf, sizeof buf, NULL);
	assert_string_equal(buf, "");
	closemodel_day_label(buf, 8, "2026-11-20");
	assert_int_equal(strlen(buf), 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_update),
		cmocka_unit_test(test_update_bad),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_diff_text),
		cmocka_unit_test(test_day_step),
		cmocka_unit_test(test_today_label),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
