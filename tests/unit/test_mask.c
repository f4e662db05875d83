/*
 * test_mask.c: core/mask.c, masked ID and phone numbers for the screen and
 * for paper, never more than half shown, never a split character.
 */
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "core/mask.h"
#include "util/err.h"
#include "util/text.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

/* One masking case. */
struct mask_case {
	const char *name, *in, *want;
};

/* Run cases through fn into a buffer as large as the input. */
static void
run_mask(const struct mask_case *c, size_t n,
         int (*fn)(const char *, char *, size_t))
{
	char buf[256];
	size_t i;

	for (i = 0; i < n; i++) {
		if (fn(c[i].in, buf, strlen(c[i].in) + 1) != 0)
			fail_msg("%s: refused", c[i].name);
		if (strcmp(buf, c[i].want) != 0)
			fail_msg("%s: '%s', want '%s'", c[i].name, buf,
			         c[i].want);
		if (!utf8_valid(buf, strlen(buf)))
			fail_msg("%s: invalid UTF-8 out", c[i].name);
	}
}

/* int mask_idcard(const char *in, char *buf, size_t bufsz); */
static void
test_idcard(void **state)
{
	static const struct mask_case cases[] = {
	    {"mask-id-18", "110105194912310021", "110***********0021"},
	    {"mask-id-18x", "11010519491231002X", "110***********002X"},
	    {"mask-id-15", "110105491231002", "11**********002"},
	    {"mask-id-passport", "E12345678", "E******78"},
	    {"mask-id-10", "H123456789", "H*******89"},
	    {"mask-id-8", "G1234567", "G*****67"},
	    {"mask-id-4", "AB12", "A**2"},
	    {"mask-id-3", "ABC", "**C"},
	    {"mask-id-2", "AB", "*B"},
	    {"mask-id-1", "A", "*"},
	    {"mask-id-0", "", ""},
	    {"mask-id-32", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
	     "ABC*************************2345"},
	    {"mask-id-chinese", "张三丰的证件号码", "张*****号码"},
	    {"mask-id-invalid",
	     "\xff\xfe"
	     "1234567890",
	     "??********90"},
	    {"mask-id-cut", "12345678\xe4\xbd", "1*******??"},
	    {"mask-id-control", "\x1b[31m12345", "?*******45"},
	};

	(void)state;
	run_mask(cases, NCASES(cases), mask_idcard);
}

/* never more than half, for every length; a 10,000-character value */
static void
test_idcard_half(void **state)
{
	char in[64], out[64];
	char *big = malloc(10001), *bigout = malloc(10001);
	size_t n, i, shown;

	(void)state;
	for (n = 0; n < 60; n++) {
		memset(in, 'A', n);
		in[n] = '\0';
		assert_int_equal(mask_idcard(in, out, sizeof out), 0);
		assert_int_equal(strlen(out), n);
		for (shown = 0, i = 0; i < n; i++)
			shown += out[i] == 'A';
		if (shown > n / 2)
			fail_msg("length %zu shows %zu", n, shown);
	}
	assert_non_null(big);
	assert_non_null(bigout);
	memset(big, '9', 10000);
	big[10000] = '\0';
	assert_int_equal(mask_idcard(big, bigout, 10001), 0);
	assert_int_equal(strncmp(bigout, "999***", 6), 0);
	assert_string_equal(bigout + 9996, "9999");
	free(big);
	free(bigout);
}

/* a small buffer is cut between characters, and says so */
static void
test_idcard_small(void **state)
{
	char buf[8];

	(void)state;
	assert_int_equal(mask_idcard("110105194912310021", buf, sizeof buf),
	                 ERR_INVALID);
	assert_string_equal(buf, "110****");
	assert_int_equal(mask_idcard("张三丰的证件号码", buf, sizeof buf),
	                 ERR_INVALID);
	assert_string_equal(buf, "张****");
	assert_int_equal(mask_idcard("张三丰的证件号码", buf, 3), ERR_INVALID);
	assert_string_equal(buf, ""); /* 张 does not fit: not half of it */
	assert_int_equal(mask_idcard("A", buf, 0), ERR_INVALID);
}

/* int mask_phone(const char *in, char *buf, size_t bufsz); */
static void
test_phone(void **state)
{
	static const struct mask_case cases[] = {
	    {"mask-mobile", "13812345678", "138****5678"},
	    {"mask-land-7", "0376-1234567", "0376-****567"},
	    {"mask-land-8", "010-12345678", "010-****5678"},
	    {"mask-land-ext", "0376-1234567-123", "0376-****567-123"},
	    {"mask-other-spaces", "138 1234 5678", "13*********78"},
	    {"mask-other-short", "95588", "9***8"},
	    {"mask-other-empty", "", ""},
	    {"mask-other-chinese", "请打前台电话", "请***电话"},
	    {"mask-other-invalid",
	     "138\xff"
	     "1234",
	     "1*****34"},
	};

	(void)state;
	run_mask(cases, NCASES(cases), mask_phone);
}

/* mask_phone(): small buffers */
static void
test_phone_small(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(mask_phone("13812345678", buf, 12), 0);
	assert_int_equal(mask_phone("13812345678", buf, 11), ERR_INVALID);
	assert_string_equal(buf, "138****567");
	assert_int_equal(mask_phone("0376-1234567", buf, 6), ERR_INVALID);
	assert_string_equal(buf, "0376-");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_idcard),
	    cmocka_unit_test(test_idcard_half),
	    cmocka_unit_test(test_idcard_small),
	    cmocka_unit_test(test_phone),
	    cmocka_unit_test(test_phone_small),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
