/*
 * test_money.c: core/money.c, parsing counter amounts, the two display
 * formats, the one rounding of quantity × rate, and the Chinese capital
 * amount on receipts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "core/money.h"
#include "util/err.h"

/* A parse case: its name, the input and the expected result. */
struct parse_case {
	const char *name;
	const char *in;
	int rc;
	int64_t fen;     /* when rc == 0 */
	const char *msg; /* a word the message must contain when rc != 0 */
};

/* Run cases through parse, failing with the case's name. */
static void
run_parse(const struct parse_case *c, size_t n,
          int (*parse)(const char *, int64_t *))
{
	int64_t fen;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		fen = -777;
		err_clear();
		rc = parse(c[i].in, &fen);
		if (rc != c[i].rc)
			fail_msg("%s: rc %d, want %d (%s)", c[i].name, rc,
			         c[i].rc, err_msg());
		if (rc == 0 && fen != c[i].fen)
			fail_msg("%s: %lld fen, want %lld", c[i].name,
			         (long long)fen, (long long)c[i].fen);
		if (rc != 0 && fen != -777)
			fail_msg("%s: output written on failure", c[i].name);
		if (rc != 0 && strstr(err_msg(), c[i].msg) == NULL)
			fail_msg("%s: message '%s' lacks '%s'", c[i].name,
			         err_msg(), c[i].msg);
	}
}

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

/* int money_parse(const char *s, int64_t *out_fen); */
static void
test_parse(void **state)
{
	static const struct parse_case cases[] = {
	    {"money-parse-1", "350", 0, 35000, NULL},
	    {"money-parse-2", "350.5", 0, 35050, NULL},
	    {"money-parse-3", "350.50", 0, 35050, NULL},
	    {"money-parse-4", "￥350.50", 0, 35050, NULL},
	    {"money-parse-5", "¥350.50", 0, 35050, NULL},
	    {"money-parse-6", "1,350.50", 0, 135050, NULL},
	    {"money-parse-7", "１，３５０．５０", 0, 135050, NULL},
	    {"money-parse-8", "  350.50\t", 0, 35050, NULL},
	    {"money-parse-9", "\xe3\x80\x80￥ 350\xe3\x80\x80", 0, 35000, NULL},
	    {"money-parse-10", "0", 0, 0, NULL},
	    {"money-parse-11", "0.01", 0, 1, NULL},
	    {"money-parse-12", "0350.00", 0, 35000, NULL},
	    {"money-parse-13", "1,000,000", 0, 100000000, NULL},
	    {"money-parse-14", "12,345,678.9", 0, 1234567890, NULL},
	    {"money-parse-15", "350元", 0, 35000, NULL},
	    {"money-parse-16", "100000000000", 0, MONEY_MAX_FEN, NULL},
	    {"money-parse-17", "100,000,000,000.00", 0, MONEY_MAX_FEN, NULL},
	    {"money-parse-18", "000000000000000000000000001", 0, 100, NULL},
	    /* refused */
	    {"money-bad-empty", "", ERR_INVALID, 0, "empty"},
	    {"money-bad-blank", "   \xe3\x80\x80", ERR_INVALID, 0, "empty"},
	    {"money-bad-3dec", "350.505", ERR_INVALID, 0,
	     "more than two decimals"},
	    {"money-bad-3dec0", "350.500", ERR_INVALID, 0, "decimals"},
	    {"money-bad-minus", "-350", ERR_INVALID, 0, "sign"},
	    {"money-bad-plus", "+350", ERR_INVALID, 0, "sign"},
	    {"money-bad-fwminus", "－350", ERR_INVALID, 0, "sign"},
	    {"money-bad-sign-after-yuan", "￥-350", ERR_INVALID, 0, "sign"},
	    {"money-bad-letters", "350abc", ERR_INVALID, 0, "only"},
	    {"money-bad-letter-first", "abc", ERR_INVALID, 0, "number"},
	    {"money-bad-fwletter", "３５０ａ", ERR_INVALID, 0, "only"},
	    {"money-bad-chinese", "三百五十", ERR_INVALID, 0, "number"},
	    {"money-bad-comma-2", "1,35.00", ERR_INVALID, 0, "comma"},
	    {"money-bad-comma-4", "1,3500", ERR_INVALID, 0, "comma"},
	    {"money-bad-comma-lead", ",350", ERR_INVALID, 0, "comma"},
	    {"money-bad-comma-end", "350,", ERR_INVALID, 0, "comma"},
	    {"money-bad-comma-1234", "1234,567", ERR_INVALID, 0, "comma"},
	    {"money-bad-comma-double", "1,,350", ERR_INVALID, 0, "comma"},
	    {"money-bad-comma-dec", "1.350,50", ERR_INVALID, 0, "decimals"},
	    {"money-bad-dot-end", "350.", ERR_INVALID, 0, "after"},
	    {"money-bad-dot-start", ".50", ERR_INVALID, 0, "before"},
	    {"money-bad-two-dots", "3.5.0", ERR_INVALID, 0, "only"},
	    {"money-bad-inner-space", "3 50", ERR_INVALID, 0, "only"},
	    {"money-bad-too-large", "100000000000.01", ERR_INVALID, 0,
	     "100,000,000,000.00"},
	    {"money-bad-int64", "9223372036854775808", ERR_INVALID, 0,
	     "too large"},
	    {"money-bad-huge-digits", "99999999999999999999999999999999999999",
	     ERR_INVALID, 0, "too large"},
	    {"money-bad-invalid-utf8",
	     "35\xff"
	     "0",
	     ERR_INVALID, 0, "only"},
	    {"money-bad-cut-utf8", "\xef\xbf", ERR_INVALID, 0, ""},
	    {"money-bad-yuan-only", "￥", ERR_INVALID, 0, "number"},
	    {"money-bad-yuan-twice", "￥￥5", ERR_INVALID, 0, "number"},
	    {"money-bad-exp", "1e5", ERR_INVALID, 0, "only"},
	};

	(void)state;
	run_parse(cases, NCASES(cases), money_parse);
}

/* hostile: 10,000 characters, and digits only */
static void
test_parse_huge(void **state)
{
	char *s = malloc(10001);
	int64_t fen = 0;

	(void)state;
	assert_non_null(s);
	memset(s, '9', 10000);
	s[10000] = '\0';
	assert_int_equal(money_parse(s, &fen), ERR_INVALID);
	assert_non_null(strstr(err_msg(), "too long"));
	memset(s, ' ', 10000);
	memcpy(s + 5000, "350", 3);
	assert_int_equal(money_parse(s, &fen), ERR_INVALID);
	memset(s, '1', 10000);
	s[1] = '.';
	assert_int_equal(money_parse_signed(s, &fen), ERR_INVALID);
	free(s);
}

/* int money_parse_signed(const char *s, int64_t *out_fen); */
static void
test_parse_signed(void **state)
{
	static const struct parse_case cases[] = {
	    {"money-signed-1", "-12.50", 0, -1250, NULL},
	    {"money-signed-2", "-￥12.50", 0, -1250, NULL},
	    {"money-signed-3", "12.50", 0, 1250, NULL},
	    {"money-signed-4", "－１２.５", 0, -1250, NULL},
	    {"money-signed-5", "-0", 0, 0, NULL},
	    {"money-signed-6", "-1,350.50", 0, -135050, NULL},
	    {"money-signed-7", "-100000000000", 0, -MONEY_MAX_FEN, NULL},
	    {"money-signed-bad-plus", "+12", ERR_INVALID, 0, "'-'"},
	    {"money-signed-bad-twice", "--12", ERR_INVALID, 0, "'-'"},
	    {"money-signed-bad-after", "￥-12", ERR_INVALID, 0, "'-'"},
	    {"money-signed-bad-alone", "-", ERR_INVALID, 0, "number"},
	    {"money-signed-bad-3dec", "-1.234", ERR_INVALID, 0, "decimals"},
	    {"money-signed-bad-large", "-100000000000.01", ERR_INVALID, 0,
	     "too large"},
	};

	(void)state;
	run_parse(cases, NCASES(cases), money_parse_signed);
}

/* int money_format(char *buf, size_t bufsz, int64_t fen); */
static void
test_format(void **state)
{
	char buf[MONEY_BUFSZ];

	(void)state;
	assert_int_equal(money_format(buf, sizeof buf, 135050), 0);
	assert_string_equal(buf, "1,350.50");
	assert_int_equal(money_format(buf, sizeof buf, -50), 0);
	assert_string_equal(buf, "-0.50");
	assert_int_equal(money_format(buf, sizeof buf, 0), 0);
	assert_string_equal(buf, "0.00");
	assert_int_equal(money_format(buf, sizeof buf, 1), 0);
	assert_string_equal(buf, "0.01");
	assert_int_equal(money_format(buf, sizeof buf, 99999), 0);
	assert_string_equal(buf, "999.99");
	assert_int_equal(money_format(buf, sizeof buf, 100000), 0);
	assert_string_equal(buf, "1,000.00");
	assert_int_equal(money_format(buf, sizeof buf, -123456789), 0);
	assert_string_equal(buf, "-1,234,567.89");
	assert_int_equal(money_format(buf, sizeof buf, MONEY_MAX_FEN), 0);
	assert_string_equal(buf, "100,000,000,000.00");
	assert_int_equal(money_format(buf, sizeof buf, INT64_MAX), 0);
	assert_string_equal(buf, "92,233,720,368,547,758.07");
	assert_int_equal(money_format(buf, sizeof buf, INT64_MIN), 0);
	assert_string_equal(buf, "-92,233,720,368,547,758.08");
}

/* money_format() into a buffer that is too small */
static void
test_format_small(void **state)
{
	char buf[16];

	(void)state;
	/* "1,350.50" is 8 characters: it needs 9 bytes with the NUL */
	assert_int_equal(money_format(buf, 8, 135050), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(money_format(buf, 9, 135050), 0);
	assert_string_equal(buf, "1,350.50");
	memset(buf, 'x', sizeof buf);
	assert_int_equal(money_format(buf, 8, 1350500), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(money_format(buf, 0, 1), ERR_INVALID);
	assert_int_equal(money_format(buf, 4, 1), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(money_format(buf, 5, 1), 0);
	assert_string_equal(buf, "0.01");
}

/* int money_format_plain(char *buf, size_t bufsz, int64_t fen); */
static void
test_format_plain(void **state)
{
	char buf[MONEY_BUFSZ];
	int64_t fen, back;

	(void)state;
	assert_int_equal(money_format_plain(buf, sizeof buf, 135050), 0);
	assert_string_equal(buf, "1350.50");
	assert_int_equal(money_format_plain(buf, sizeof buf, -5), 0);
	assert_string_equal(buf, "-0.05");
	assert_int_equal(money_format_plain(buf, sizeof buf, 0), 0);
	assert_string_equal(buf, "0.00");
	assert_int_equal(money_format_plain(buf, sizeof buf, INT64_MIN), 0);
	assert_string_equal(buf, "-92233720368547758.08");
	/* what is written is read back to the same fen */
	for (fen = -2000000; fen <= 2000000; fen += 997) {
		assert_int_equal(money_format_plain(buf, sizeof buf, fen), 0);
		back = -1;
		assert_int_equal(money_parse_signed(buf, &back), 0);
		assert_true(back == fen);
		assert_int_equal(money_format(buf, sizeof buf, fen), 0);
		assert_int_equal(money_parse_signed(buf, &back), 0);
		assert_true(back == fen);
	}
	assert_int_equal(money_format_plain(buf, 7, 135050), ERR_INVALID);
}

/* int money_apply_rate(int64_t quantity, int quantity_scale, int64_t rate,
 *     int rate_scale, int64_t *out_fen); */
static void
test_apply_rate(void **state)
{
	static const struct {
		const char *name;
		int64_t q;
		int qs;
		int64_t r;
		int rs;
		int64_t fen;
	} cases[] = {
	    /* 89.37 m² × 1.20 元 = 107.244 -> 107.24 */
	    {"rate-area-1", 8937, 2, 120, 2, 10724},
	    /* 100.25 m² × 1.35 元 = 135.3375 -> 135.34 */
	    {"rate-area-2", 10025, 2, 135, 2, 13534},
	    /* 120.50 m² × 0.85 元 = 102.425 -> 102.43 (half up) */
	    {"rate-area-3", 12050, 2, 85, 2, 10243},
	    /* 1234 kWh × 0.568 元 = 700.912 -> 700.91 */
	    {"rate-kwh", 1234, 0, 568, 3, 70091},
	    /* 17 m³ × 3.45 元 = 58.65 */
	    {"rate-water", 17, 0, 345, 2, 5865},
	    /* half-up boundaries at 0.005 元 */
	    {"rate-half-1", 1, 0, 5, 3, 1},      /* 0.005 -> 0.01 */
	    {"rate-half-2", 1, 0, 4, 3, 0},      /* 0.004 -> 0.00 */
	    {"rate-half-3", 1, 0, 49999, 6, 5},  /* 4.9999 fen -> 5 */
	    {"rate-half-3b", 1, 0, 44999, 6, 4}, /* 4.4999 fen -> 4 */
	    {"rate-half-4", 3, 0, 15, 3, 5},     /* 0.045 -> 0.05 */
	    {"rate-half-5", 1, 2, 1, 0, 1},      /* 0.01 × 1 = 0.01 */
	    {"rate-half-6", 5, 1, 1, 2, 1},      /* 0.5 × 0.01 = 0.005 */
	    {"rate-half-7", 49, 2, 1, 2, 0},     /* 0.49 × 0.01 */
	    {"rate-half-8", 51, 2, 1, 2, 1},     /* 0.51 × 0.01 */
	    /* negative quantity (a credit): half away from zero */
	    {"rate-neg-1", -1, 0, 5, 3, -1},
	    {"rate-neg-2", -8937, 2, 120, 2, -10724},
	    {"rate-neg-3", 8937, 2, -120, 2, -10724},
	    {"rate-neg-4", -8937, 2, -120, 2, 10724},
	    {"rate-zero", 0, 6, 999999, 6, 0},
	    {"rate-scale-0", 3, 0, 2, 0, 600}, /* 3 × 2 元 */
	    {"rate-scale-6", 1000000, 6, 1000000, 6, 100},
	    /* the largest result accepted */
	    {"rate-max", 100000000000LL, 0, 1, 0, MONEY_MAX_FEN},
	};
	size_t i;
	int64_t fen;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		fen = -777;
		if (money_apply_rate(cases[i].q, cases[i].qs, cases[i].r,
		                     cases[i].rs, &fen) != 0)
			fail_msg("%s: refused (%s)", cases[i].name, err_msg());
		if (fen != cases[i].fen)
			fail_msg("%s: %lld, want %lld", cases[i].name,
			         (long long)fen, (long long)cases[i].fen);
	}
}

/* money_apply_rate(): overflow and bad scales are refused */
static void
test_apply_rate_bad(void **state)
{
	int64_t fen = -777;

	(void)state;
	assert_int_equal(money_apply_rate(100000000000LL, 0, 101, 2, &fen),
	                 ERR_INVALID);
	assert_non_null(strstr(err_msg(), "too large"));
	assert_int_equal(money_apply_rate(INT64_MAX, 0, INT64_MAX, 0, &fen),
	                 ERR_INVALID);
	assert_int_equal(money_apply_rate(INT64_MIN, 0, 1, 0, &fen),
	                 ERR_INVALID);
	assert_int_equal(money_apply_rate(INT64_MIN, 6, INT64_MIN, 6, &fen),
	                 ERR_INVALID);
	/* a result just past the limit, after rounding */
	assert_int_equal(
	    money_apply_rate(INT64_C(19999999999999), 1, 5, 0, &fen),
	    ERR_INVALID); /* 9999999999999.5 -> 10^13 + ... */
	assert_int_equal(money_apply_rate(1, -1, 1, 0, &fen), ERR_INVALID);
	assert_int_equal(money_apply_rate(1, 0, 1, 7, &fen), ERR_INVALID);
	assert_int_equal(money_apply_rate(1, 7, 1, 0, &fen), ERR_INVALID);
	assert_true(fen == -777);
	/* products beyond 64 bits with a small result are exact */
	assert_int_equal(money_apply_rate(INT64_C(1000000000000), 6,
	                                  INT64_C(1000000), 6, &fen),
	                 0);
	assert_true(fen == INT64_C(100000000));
	assert_int_equal(
	    money_apply_rate(INT64_C(1) << 40, 6, INT64_C(1) << 20, 6, &fen),
	    0); /* 2^60 * 100 / 10^12 */
	assert_true(fen == INT64_C(115292150));
	assert_int_equal(money_apply_rate(INT64_MAX, 6, 1, 6, &fen), 0);
	assert_true(fen == INT64_C(922337204)); /* 922337203.685... fen */
	assert_int_equal(money_apply_rate(INT64_MIN, 6, 1, 6, &fen), 0);
	assert_true(fen == INT64_C(-922337204));
}

/* int money_to_chinese(char *buf, size_t bufsz, int64_t fen); */
static void
test_to_chinese(void **state)
{
	static const struct {
		const char *name;
		int64_t fen;
		const char *want;
	} cases[] = {
	    {"cn-1", 135050, "壹仟叁佰伍拾元伍角整"},
	    {"cn-2", 135000, "壹仟叁佰伍拾元整"},
	    {"cn-3", 100507, "壹仟零伍元零柒分"},
	    {"cn-4", 50, "伍角整"},
	    {"cn-5", 0, "零元整"},
	    {"cn-6", 10000000, "壹拾万元整"},
	    {"cn-7", 100000000100LL, "壹拾亿零壹元整"},
	    {"cn-8", 5, "伍分"},
	    {"cn-9", 55, "伍角伍分"},
	    {"cn-10", 1000, "壹拾元整"},
	    {"cn-11", 1050, "壹拾元伍角整"},
	    {"cn-12", 105, "壹元零伍分"},
	    {"cn-13", 1640902, "壹万陆仟肆佰零玖元零贰分"},
	    {"cn-14", 168032, "壹仟陆佰捌拾元叁角贰分"},
	    {"cn-15", 10700053, "壹拾万零柒仟元伍角叁分"},
	    {"cn-16", 32504, "叁佰贰拾伍元零肆分"},
	    {"cn-17", 10000000000LL, "壹亿元整"},
	    {"cn-18", 10010000000LL, "壹亿零壹拾万元整"},
	    {"cn-19", 10001000000LL, "壹亿零壹万元整"},
	    {"cn-20", 100000000, "壹佰万元整"},
	    {"cn-21", 1000100, "壹万零壹元整"},
	    {"cn-22", 1010000, "壹万零壹佰元整"},
	    {"cn-23", 1100000, "壹万壹仟元整"},
	    {"cn-24", 2000500, "贰万零伍元整"},
	    {"cn-25", 123456789012LL,
	     "壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分"},
	    {"cn-26", MONEY_MAX_FEN, "壹仟亿元整"},
	    {"cn-27", MONEY_MAX_FEN - 1,
	     "玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
	    {"cn-28", -135050, "负壹仟叁佰伍拾元伍角整"},
	    {"cn-29", -5, "负伍分"},
	    {"cn-30", 7000000, "柒万元整"},
	    {"cn-31", 100, "壹元整"},
	    {"cn-32", 1100, "壹拾壹元整"},
	    {"cn-33", 40000300, "肆拾万零叁元整"},
	    {"cn-34", 100000010000LL, "壹拾亿零壹佰元整"},
	    {"cn-35", 1000000000000LL, "壹佰亿元整"},
	};
	char buf[MONEY_CN_BUFSZ];
	size_t i;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		if (money_to_chinese(buf, sizeof buf, cases[i].fen) != 0)
			fail_msg("%s: refused (%s)", cases[i].name, err_msg());
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("%s: '%s', want '%s'", cases[i].name, buf,
			         cases[i].want);
	}
}

/* money_to_chinese(): out of range and a small buffer */
static void
test_to_chinese_bad(void **state)
{
	char buf[MONEY_CN_BUFSZ];

	(void)state;
	assert_int_equal(money_to_chinese(buf, sizeof buf, MONEY_MAX_FEN + 1),
	                 ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(money_to_chinese(buf, sizeof buf, INT64_MIN),
	                 ERR_INVALID);
	assert_int_equal(money_to_chinese(buf, sizeof buf, INT64_MAX),
	                 ERR_INVALID);
	/* 伍角整 is 9 bytes: 10 fit, 9 do not (NUL), and no half character */
	assert_int_equal(money_to_chinese(buf, 10, 50), 0);
	assert_string_equal(buf, "伍角整");
	memset(buf, 'x', sizeof buf);
	assert_int_equal(money_to_chinese(buf, 9, 50), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(money_to_chinese(buf, 0, 50), ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_parse_huge),
	    cmocka_unit_test(test_parse_signed),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_format_small),
	    cmocka_unit_test(test_format_plain),
	    cmocka_unit_test(test_apply_rate),
	    cmocka_unit_test(test_apply_rate_bad),
	    cmocka_unit_test(test_to_chinese),
	    cmocka_unit_test(test_to_chinese_bad),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
