/*
 * test_idcard.c: core/idcard.c, the GB 11643 check character, birth date
 * and sex of mainland ID numbers, and the light check of other documents.
 * Every valid number here was computed by hand from its first 17 digits
 * (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 -> "10X98765432").
 */
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "core/idcard.h"
#include "util/clock.h"
#include "util/err.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

/* Fix today for the "born in the future" rule. */
static int
setup_today(void **state)
{
	(void)state;
	clock_fake(1795924800); /* 2026-11-29 04:00 UTC: the same day in China */
	return 0;
}

/* char idcard_check_char(const char *first17); */
static void
test_check_char(void **state)
{
	(void)state;
	/* 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8
	 * +0*4+2*2 = 167; 167 mod 11 = 2 -> 'X' */
	assert_int_equal(idcard_check_char("11010519491231002"), 'X');
	assert_int_equal(idcard_check_char("44030819900101123"), '9');
	assert_int_equal(idcard_check_char("41010219800229201"), '0');
	assert_int_equal(idcard_check_char("32010620000229001"), '9');
	assert_int_equal(idcard_check_char("51010419120101001"), '7');
	assert_int_equal(idcard_check_char("37020219000101000"), '6');
	assert_int_equal(idcard_check_char("11010519491231003"), '8');
	assert_int_equal(idcard_check_char("00000000000000000"), '1');
	/* only the first 17 characters count */
	assert_int_equal(idcard_check_char("11010519491231002X"), 'X');
	assert_int_equal(idcard_check_char("1101051949123100"), 0);
	assert_int_equal(idcard_check_char(""), 0);
	assert_int_equal(idcard_check_char("1101051949123100a"), 0);
	assert_int_equal(
	    idcard_check_char("１１０１０５１９４９１２３１００２"),
	    0); /* full-width: clean first */
}

/* int idcard_parse(const char *in, char *out, size_t outsz); */
static void
test_parse(void **state)
{
	static const struct {
		const char *name, *in, *want; /* want NULL: refused */
		const char *msg;
	} cases[] = {
	    {"id-1", "11010519491231002X", "11010519491231002X", NULL},
	    {"id-lower-x", "11010519491231002x", "11010519491231002X", NULL},
	    {"id-2", "440308199001011239", "440308199001011239", NULL},
	    {"id-leap-1980", "410102198002292010", "410102198002292010", NULL},
	    {"id-leap-2000", "320106200002290019", "320106200002290019", NULL},
	    {"id-1912", "510104191201010017", "510104191201010017", NULL},
	    {"id-1900", "370202190001010006", "370202190001010006", NULL},
	    {"id-born-today", "110101202611290012", "110101202611290012", NULL},
	    {"id-blanks", "  440308199001011239\xe3\x80\x80",
	     "440308199001011239", NULL},
	    {"id-fullwidth", "４４０３０８１９９００１０１１２３９",
	     "440308199001011239", NULL},
	    {"id-fullwidth-x", "１１０１０５１９４９１２３１００２ｘ",
	     "11010519491231002X", NULL},
	    /* refused */
	    {"id-bad-empty", "", NULL, "empty"},
	    {"id-bad-short", "11010519491231002", NULL, "has 17"},
	    {"id-bad-long", "11010519491231002X1", NULL, "has 19"},
	    {"id-bad-15", "110105491231002", NULL, "15-digit"},
	    {"id-bad-check", "110105194912310021", NULL,
	     "the last should be X"},
	    {"id-bad-check-2", "440308199001011230", NULL,
	     "the last should be 9"},
	    {"id-bad-check-x", "44030819900101123X", NULL,
	     "the last should be 9"},
	    {"id-bad-swap", "440308199001011329", NULL, "the last should be"},
	    {"id-bad-x-inside", "1101051949123100X2", NULL, "digits"},
	    {"id-bad-letter", "11010519491231002A", NULL, "digits"},
	    {"id-spaces-inside", "110105 19491231 002x", "11010519491231002X",
	     NULL},
	    {"id-bad-space-short", "110105 19491231002", NULL, "has 17"},
	    {"id-bad-region-0", "010105194912310026", NULL, "region"},
	    {"id-bad-feb31", "110105194902310026", NULL, "19490231"},
	    {"id-bad-month13", "110105194913010029", NULL,
	     "impossible birth date"},
	    {"id-bad-1899", "110105189912310023", NULL,
	     "impossible birth date"},
	    {"id-bad-future", "110105220012310020", NULL, "future"},
	    {"id-bad-tomorrow", "110101202611300016", NULL, "future"},
	    {"id-bad-utf8", "11010519491231002\xff", NULL, "digits"},
	    {"id-bad-chinese", "身份证号码一二三四五六", NULL, "has 11"},
	    {"id-bad-chinese-18", "身份证号码一二三四五六七八九十百千万", NULL,
	     "digits"},
	};
	char out[IDCARD_BUFSZ];
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		strcpy(out, "untouched");
		rc = idcard_parse(cases[i].in, out, sizeof out);
		if (cases[i].want != NULL) {
			if (rc != 0)
				fail_msg("%s: refused (%s)", cases[i].name,
				         err_msg());
			if (strcmp(out, cases[i].want) != 0)
				fail_msg("%s: '%s'", cases[i].name, out);
			continue;
		}
		if (rc != ERR_INVALID)
			fail_msg("%s: accepted", cases[i].name);
		if (strcmp(out, "untouched") != 0)
			fail_msg("%s: output written", cases[i].name);
		if (strstr(err_msg(), cases[i].msg) == NULL)
			fail_msg("%s: message '%s' lacks '%s'", cases[i].name,
			         err_msg(), cases[i].msg);
	}
}

/* idcard_parse(): hostile and edge input */
static void
test_parse_hostile(void **state)
{
	char *s = malloc(10001);
	char out[IDCARD_BUFSZ];

	(void)state;
	assert_non_null(s);
	memset(s, '1', 10000);
	s[10000] = '\0';
	assert_int_equal(idcard_parse(s, out, sizeof out), ERR_INVALID);
	assert_non_null(strstr(err_msg(), "too long"));
	free(s);
	/* a buffer too small for the answer */
	assert_int_equal(idcard_parse("440308199001011239", out, 18),
	                 ERR_INVALID);
	/* the same number with tomorrow's date as "today" */
	clock_fake(1795838400); /* 2026-11-28 */
	assert_int_equal(idcard_parse("110101202611290012", out, sizeof out),
	                 ERR_INVALID);
	assert_non_null(strstr(err_msg(), "future"));
	clock_fake(1795924800); /* 2026-11-29 04:00 UTC: the same day in China */
}

/* int idcard_birth(const char *id, struct fd_date *out); */
static void
test_birth(void **state)
{
	struct fd_date d = {0, 0, 0};

	(void)state;
	assert_int_equal(idcard_birth("11010519491231002X", &d), 0);
	assert_int_equal(d.y, 1949);
	assert_int_equal(d.m, 12);
	assert_int_equal(d.d, 31);
	assert_int_equal(idcard_birth("410102198002292010", &d), 0);
	assert_int_equal(d.y, 1980);
	assert_int_equal(d.m, 2);
	assert_int_equal(d.d, 29);
	d.y = -1;
	assert_int_equal(idcard_birth("110105194902310026", &d), ERR_INVALID);
	assert_int_equal(idcard_birth("1101051949", &d), ERR_INVALID);
	assert_int_equal(idcard_birth("", &d), ERR_INVALID);
	assert_int_equal(idcard_birth("11010519491231002X0", &d), ERR_INVALID);
	assert_int_equal(idcard_birth("110105abcdefgh002X", &d), ERR_INVALID);
	assert_int_equal(d.y, -1);
}

/* int idcard_sex(const char *id); */
static void
test_sex(void **state)
{
	(void)state;
	assert_int_equal(idcard_sex("11010519491231002X"), IDCARD_FEMALE);
	assert_int_equal(idcard_sex("440308199001011239"), IDCARD_MALE);
	assert_int_equal(idcard_sex("410102198002292010"), IDCARD_MALE);
	assert_int_equal(idcard_sex("370202190001010006"), IDCARD_FEMALE);
	assert_int_equal(idcard_sex("4403081990010112"), ERR_INVALID);
	assert_int_equal(idcard_sex("4403081990010112X9"), ERR_INVALID);
	assert_int_equal(idcard_sex(""), ERR_INVALID);
}

/* int idcard_other_parse(const char *in, char *out, size_t outsz); */
static void
test_other_parse(void **state)
{
	char out[IDCARD_OTHER_BUFSZ];
	char big[40];

	(void)state;
	assert_int_equal(idcard_other_parse("E12345678", out, sizeof out), 0);
	assert_string_equal(out, "E12345678");
	assert_int_equal(
	    idcard_other_parse(" ｅ１２３４５６７８ ", out, sizeof out), 0);
	assert_string_equal(out, "e12345678"); /* case kept */
	assert_int_equal(idcard_other_parse("H-1234567", out, sizeof out), 0);
	assert_int_equal(idcard_other_parse("ABC", out, sizeof out), 0);
	assert_int_equal(idcard_other_parse("AB", out, sizeof out),
	                 ERR_INVALID);
	assert_non_null(strstr(err_msg(), "3 to 32"));
	assert_int_equal(idcard_other_parse("", out, sizeof out), ERR_INVALID);
	assert_non_null(strstr(err_msg(), "empty"));
	assert_int_equal(idcard_other_parse("E 123456", out, sizeof out),
	                 ERR_INVALID);
	assert_non_null(strstr(err_msg(), "letters"));
	assert_int_equal(idcard_other_parse("护照123456", out, sizeof out),
	                 ERR_INVALID);
	assert_int_equal(idcard_other_parse("E123\xff", out, sizeof out),
	                 ERR_INVALID);
	assert_int_equal(idcard_other_parse("E123_456", out, sizeof out),
	                 ERR_INVALID);
	memset(big, 'A', 32);
	big[32] = '\0';
	assert_int_equal(idcard_other_parse(big, out, sizeof out), 0);
	big[32] = 'A';
	big[33] = '\0';
	assert_int_equal(idcard_other_parse(big, out, sizeof out), ERR_INVALID);
	assert_int_equal(idcard_other_parse("E12345678", out, 9), ERR_INVALID);
}

/* int idcard_other_ok(const char *s); */
static void
test_other_ok(void **state)
{
	char *s = malloc(10001);

	(void)state;
	assert_true(idcard_other_ok("E12345678"));
	assert_true(idcard_other_ok("G-12345"));
	assert_false(idcard_other_ok("E1"));
	assert_false(idcard_other_ok(""));
	assert_false(idcard_other_ok("E12 345"));
	assert_false(idcard_other_ok("张三123"));
	assert_non_null(s);
	memset(s, 'A', 10000);
	s[10000] = '\0';
	assert_false(idcard_other_ok(s));
	free(s);
	/* no message is set by the predicate */
	err_clear();
	assert_false(idcard_other_ok("?"));
	assert_int_equal(err_code(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_check_char),
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_parse_hostile),
	    cmocka_unit_test(test_birth),
	    cmocka_unit_test(test_sex),
	    cmocka_unit_test(test_other_parse),
	    cmocka_unit_test(test_other_ok),
	};

	test_locale();
	return cmocka_run_group_tests(tests, setup_today, NULL);
}
