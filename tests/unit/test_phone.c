/*
 * test_phone.c: core/phone.c, mobile and landline numbers as typed, their
 * canonical form, their kind and the last four digits used for search.
 */
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "core/phone.h"
#include "util/err.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

/* int phone_parse(const char *in, char *out, size_t outsz); */
static void
test_parse(void **state)
{
	static const struct {
		const char *name, *in, *want; /* want NULL: refused */
		const char *msg;
	} cases[] = {
	    {"phone-mobile-1", "13812345678", "13812345678", NULL},
	    {"phone-mobile-2", "138 1234 5678", "13812345678", NULL},
	    {"phone-mobile-3", "138-1234-5678", "13812345678", NULL},
	    {"phone-mobile-4", "１３８１２３４５６７８", "13812345678", NULL},
	    {"phone-mobile-5", "+86 138 1234 5678", "13812345678", NULL},
	    {"phone-mobile-6", "+8613812345678", "13812345678", NULL},
	    {"phone-mobile-7", " 19912345678\xe3\x80\x80", "19912345678", NULL},
	    {"phone-land-1", "0376-1234567", "0376-1234567", NULL},
	    {"phone-land-2", "03761234567", "0376-1234567", NULL},
	    {"phone-land-3", "0376 1234567", "0376-1234567", NULL},
	    {"phone-land-4", "(0376)1234567", "0376-1234567", NULL},
	    {"phone-land-5", "０３７６－１２３４５６７", "0376-1234567", NULL},
	    {"phone-land-6", "010-12345678", "010-12345678", NULL},
	    {"phone-land-7", "01012345678", "010-12345678", NULL},
	    {"phone-land-8", "021 6123 4567", "021-61234567", NULL},
	    {"phone-land-9", "0376-12345678", "0376-12345678", NULL},
	    {"phone-land-10", "037-61234567", "0376-1234567", NULL},
	    {"phone-ext-1", "0376-1234567-123", "0376-1234567-123", NULL},
	    {"phone-ext-2", "0376-1234567转123", "0376-1234567-123", NULL},
	    {"phone-ext-3", "0376-1234567 转 8", "0376-1234567-8", NULL},
	    {"phone-ext-4", "010-1234-5678", "010-12345678", NULL},
	    {"phone-ext-5", "021-61234567-888888", "021-61234567-888888", NULL},
	    {"phone-ext-6", "0376 1234567 12", "0376-1234567-12", NULL},
	    {"phone-ext-7", "03761234567转１２３", "0376-1234567-123", NULL},
	    /* refused */
	    {"phone-bad-empty", "", NULL, "empty"},
	    {"phone-bad-blank", " \xe3\x80\x80", NULL, "empty"},
	    {"phone-bad-mobile-10", "1381234567", NULL, "has 10"},
	    {"phone-bad-mobile-12", "138123456789", NULL, "has 12"},
	    {"phone-bad-mobile-12x", "12812345678", NULL, "13 to 19"},
	    {"phone-bad-mobile-ext", "13812345678转1", NULL, "extension"},
	    {"phone-bad-land-6", "0376-123456", NULL, "has 6"},
	    {"phone-bad-land-9", "0376-123456789", NULL, "has 9"},
	    {"phone-bad-land-0", "0376-0234567", NULL, "start with 0"},
	    {"phone-bad-area-00", "0012345678", NULL, "area code"},
	    {"phone-bad-no-area", "1234567", NULL, "has 7"},
	    {"phone-bad-no-area-2", "61234567", NULL, "area code"},
	    {"phone-bad-letters", "138abcd5678", NULL, "only digits"},
	    {"phone-bad-chinese", "电话13812345678", NULL, "only digits"},
	    {"phone-bad-utf8",
	     "138\xff"
	     "12345678",
	     NULL, "only digits"},
	    {"phone-bad-ext-long", "0376-1234567转1234567", NULL, "1 to 6"},
	    {"phone-bad-ext-empty", "0376-1234567转", NULL, "1 to 6"},
	    {"phone-bad-ext-letters", "0376-1234567转abc", NULL, "1 to 6"},
	    {"phone-bad-plus86-land", "+86 376 1234567", NULL, "+86"},
	    {"phone-bad-plus", "+1 2025550123", NULL, "only digits"},
	    {"phone-bad-many-digits", "138123456781381234567813", NULL,
	     "too many"},
	    {"phone-bad-hyphens", "---", NULL, "only digits"},
	    {"phone-bad-other", "95588", NULL, "11-digit"},
	    {"phone-bad-bracket", "0376)(1234567(", NULL, "only digits"},
	};
	char out[PHONE_BUFSZ];
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		strcpy(out, "untouched");
		rc = phone_parse(cases[i].in, out, sizeof out);
		if (cases[i].want != NULL) {
			if (rc != 0)
				fail_msg("%s: refused (%s)", cases[i].name,
				         err_msg());
			if (strcmp(out, cases[i].want) != 0)
				fail_msg("%s: '%s'", cases[i].name, out);
			if (phone_kind(out) == PHONE_OTHER)
				fail_msg("%s: canonical '%s' is not a phone",
				         cases[i].name, out);
			continue;
		}
		if (rc != ERR_INVALID)
			fail_msg("%s: accepted as '%s'", cases[i].name, out);
		if (strcmp(out, "untouched") != 0)
			fail_msg("%s: output written", cases[i].name);
		if (strstr(err_msg(), cases[i].msg) == NULL)
			fail_msg("%s: message '%s' lacks '%s'", cases[i].name,
			         err_msg(), cases[i].msg);
	}
}

/* phone_parse(): huge input and small buffers */
static void
test_parse_hostile(void **state)
{
	char *s = malloc(10001);
	char out[PHONE_BUFSZ];

	(void)state;
	assert_non_null(s);
	memset(s, '1', 10000);
	s[10000] = '\0';
	assert_int_equal(phone_parse(s, out, sizeof out), ERR_INVALID);
	assert_non_null(strstr(err_msg(), "too long"));
	memset(s, '-', 200);
	s[200] = '\0';
	assert_int_equal(phone_parse(s, out, sizeof out), ERR_INVALID);
	memset(s, ' ', 10000);
	memcpy(s + 5000, "13812345678", 11);
	s[10000] = '\0';
	assert_int_equal(phone_parse(s, out, sizeof out), ERR_INVALID);
	free(s);
	assert_int_equal(phone_parse("13812345678", out, 11), ERR_INVALID);
	assert_int_equal(phone_parse("13812345678", out, 12), 0);
	assert_string_equal(out, "13812345678");
	/* the most groups allowed, then one more */
	assert_int_equal(phone_parse("1 3 8 1 2 3 4 56789", out, sizeof out),
	                 ERR_INVALID);
	assert_int_equal(phone_parse("1 3 8 1 2 3 4 5678", out, sizeof out), 0);
}

/* enum phone_kind phone_kind(const char *phone); */
static void
test_kind(void **state)
{
	(void)state;
	assert_int_equal(phone_kind("13812345678"), PHONE_MOBILE);
	assert_int_equal(phone_kind("0376-1234567"), PHONE_LANDLINE);
	assert_int_equal(phone_kind("010-12345678"), PHONE_LANDLINE);
	assert_int_equal(phone_kind("0376-1234567-123"), PHONE_LANDLINE);
	assert_int_equal(phone_kind("138 1234 5678"), PHONE_OTHER);
	assert_int_equal(phone_kind("03761234567"), PHONE_OTHER);
	assert_int_equal(phone_kind("037-61234567"), PHONE_OTHER);
	assert_int_equal(phone_kind("0376-1234567-"), PHONE_OTHER);
	assert_int_equal(phone_kind("0376-1234567-1234567"), PHONE_OTHER);
	assert_int_equal(phone_kind("0376-1234567-1-2"), PHONE_OTHER);
	assert_int_equal(phone_kind("0376-0234567"), PHONE_OTHER);
	assert_int_equal(phone_kind("12812345678"), PHONE_OTHER);
	assert_int_equal(phone_kind("1381234567"), PHONE_OTHER);
	assert_int_equal(phone_kind(""), PHONE_OTHER);
	assert_int_equal(phone_kind("0"), PHONE_OTHER);
	assert_int_equal(phone_kind("0-"), PHONE_OTHER);
	assert_int_equal(phone_kind("张三"), PHONE_OTHER);
	assert_int_equal(phone_kind("0376-1234567\xff"), PHONE_OTHER);
	assert_int_equal(phone_kind("0376-12345678901234567890"), PHONE_OTHER);
}

/* int phone_last4(const char *phone, char *out, size_t outsz); */
static void
test_last4(void **state)
{
	char out[8];

	(void)state;
	assert_int_equal(phone_last4("13812345678", out, sizeof out), 0);
	assert_string_equal(out, "5678");
	assert_int_equal(phone_last4("0376-1234567", out, sizeof out), 0);
	assert_string_equal(out, "4567");
	assert_int_equal(phone_last4("0376-1234567-123", out, sizeof out), 0);
	assert_string_equal(out, "4567");
	assert_int_equal(phone_last4("0376-1234567-12345", out, 5), 0);
	assert_string_equal(out, "4567");
	assert_int_equal(phone_last4("12-34", out, sizeof out), 0);
	assert_string_equal(out, "1234");
	assert_int_equal(phone_last4("123", out, sizeof out), ERR_INVALID);
	assert_string_equal(out, "");
	assert_int_equal(phone_last4("", out, sizeof out), ERR_INVALID);
	assert_int_equal(phone_last4("电话", out, sizeof out), ERR_INVALID);
	assert_int_equal(phone_last4("13812345678", out, 4), ERR_INVALID);
	assert_string_equal(out, "");
	assert_int_equal(phone_last4("13812345678", out, 0), ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_parse_hostile),
	    cmocka_unit_test(test_kind),
	    cmocka_unit_test(test_last4),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
