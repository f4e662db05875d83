/*
 * test_houseno.c: core/houseno.c, house numbers "3-2-1502" as typed (with
 * Chinese forms), their written form, natural order and search prefixes.
 */
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "core/houseno.h"
#include "util/err.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

/* int houseno_parse(const char *s, struct houseno *out); */
static void
test_parse(void **state)
{
	static const struct {
		const char *name, *in;
		int b, e, r; /* b == 0: refused */
		const char *msg;
	} cases[] = {
	    {"house-1", "3-2-1502", 3, 2, 1502, NULL},
	    {"house-2", "３－２－１５０２", 3, 2, 1502, NULL},
	    {"house-3", "3—2—1502", 3, 2, 1502, NULL},
	    {"house-4", "3–2–1502", 3, 2, 1502, NULL},
	    {"house-5", "3栋2单元1502", 3, 2, 1502, NULL},
	    {"house-6", "3号楼2单元1502室", 3, 2, 1502, NULL},
	    {"house-7", "3幢2单元1502", 3, 2, 1502, NULL},
	    {"house-8", "３栋２单元１５０２室", 3, 2, 1502, NULL},
	    {"house-9", " 3-2-1502\xe3\x80\x80", 3, 2, 1502, NULL},
	    {"house-10", "03-02-0502", 3, 2, 502, NULL},
	    {"house-11", "999-99-9999", 999, 99, 9999, NULL},
	    {"house-12", "1-1-101", 1, 1, 101, NULL},
	    {"house-13", "12-1-1201号", 12, 1, 1201, NULL},
	    {"house-14", "3-2单元1502", 3, 2, 1502, NULL},
	    /* refused */
	    {"house-bad-empty", "", 0, 0, 0, "empty"},
	    {"house-bad-two", "3-2", 0, 0, 0, "look like"},
	    {"house-bad-four", "3-2-1502-1", 0, 0, 0, "look like"},
	    {"house-bad-trailing", "3-2-1502-", 0, 0, 0, "look like"},
	    {"house-bad-lead", "-3-2-1502", 0, 0, 0, "look like"},
	    {"house-bad-double", "3--2-1502", 0, 0, 0, "look like"},
	    {"house-bad-slash", "3/2/1502", 0, 0, 0, "look like"},
	    {"house-bad-letter", "3-2-1502A", 0, 0, 0, "look like"},
	    {"house-bad-building-0", "0-2-1502", 0, 0, 0, "building"},
	    {"house-bad-building-1000", "1000-2-1502", 0, 0, 0, "building"},
	    {"house-bad-entrance-0", "3-0-1502", 0, 0, 0, "entrance"},
	    {"house-bad-entrance-100", "3-100-1502", 0, 0, 0, "entrance"},
	    {"house-bad-room-15", "3-2-15", 0, 0, 0, "no floor"},
	    {"house-bad-room-0", "3-2-0", 0, 0, 0, "no floor"},
	    {"house-bad-room-0015", "3-2-0015", 0, 0, 0, "no floor"},
	    {"house-bad-room-1500", "3-2-1500", 0, 0, 0, "no unit"},
	    {"house-bad-room-100", "3-2-100", 0, 0, 0, "no unit"},
	    {"house-bad-room-10000", "3-2-10000", 0, 0, 0, "101 to 9999"},
	    {"house-bad-digits", "3-2-1234567", 0, 0, 0, "look like"},
	    {"house-bad-int", "99999999999999999999-2-1502", 0, 0, 0,
	     "look like"},
	    {"house-bad-utf8",
	     "3-2-15\xff"
	     "02",
	     0, 0, 0, "look like"},
	    {"house-bad-cut-dash", "3\xe2\x80-2-1502", 0, 0, 0, "look like"},
	    {"house-bad-words", "三栋二单元", 0, 0, 0, "look like"},
	    {"house-bad-space", "3 2 1502", 0, 0, 0, "look like"},
	};
	struct houseno h;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		h.building = h.entrance = h.room = -1;
		rc = houseno_parse(cases[i].in, &h);
		if (cases[i].b != 0) {
			if (rc != 0)
				fail_msg("%s: refused (%s)", cases[i].name,
				         err_msg());
			if (h.building != cases[i].b ||
			    h.entrance != cases[i].e || h.room != cases[i].r)
				fail_msg("%s: %d-%d-%d", cases[i].name,
				         h.building, h.entrance, h.room);
			continue;
		}
		if (rc != ERR_INVALID)
			fail_msg("%s: accepted", cases[i].name);
		if (h.building != -1)
			fail_msg("%s: output written", cases[i].name);
		if (strstr(err_msg(), cases[i].msg) == NULL)
			fail_msg("%s: message '%s' lacks '%s'", cases[i].name,
			         err_msg(), cases[i].msg);
	}
}

/* houseno_parse(): 10,000 characters */
static void
test_parse_huge(void **state)
{
	char *s = malloc(10001);
	struct houseno h;

	(void)state;
	assert_non_null(s);
	memset(s, '3', 10000);
	s[10000] = '\0';
	assert_int_equal(houseno_parse(s, &h), ERR_INVALID);
	assert_int_equal(houseno_prefix_parse(s, &h), ERR_INVALID);
	memset(s, '-', 10000);
	assert_int_equal(houseno_parse(s, &h), ERR_INVALID);
	free(s);
}

/* int houseno_format(char *buf, size_t bufsz, const struct houseno *h); */
static void
test_format(void **state)
{
	struct houseno h = {3, 2, 1502}, back;
	char buf[HOUSENO_BUFSZ];

	(void)state;
	assert_int_equal(houseno_format(buf, sizeof buf, &h), 0);
	assert_string_equal(buf, "3-2-1502");
	assert_int_equal(houseno_parse(buf, &back), 0);
	assert_int_equal(houseno_cmp(&h, &back), 0);
	h = (struct houseno){999, 99, 9999};
	assert_int_equal(houseno_format(buf, sizeof buf, &h), 0);
	assert_string_equal(buf, "999-99-9999");
	assert_int_equal(houseno_format(buf, 11, &h), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(houseno_format(buf, 12, &h), 0);
	h.room = 1500;
	assert_int_equal(houseno_format(buf, sizeof buf, &h), ERR_INVALID);
	assert_string_equal(buf, "");
	h = (struct houseno){-1, -2147483647 - 1, 2147483647};
	assert_int_equal(houseno_format(buf, sizeof buf, &h), ERR_INVALID);
	assert_int_equal(houseno_format(buf, 0, &h), ERR_INVALID);
}

/* int houseno_valid(const struct houseno *h); */
static void
test_valid(void **state)
{
	struct houseno h = {3, 2, 1502};

	(void)state;
	assert_true(houseno_valid(&h));
	h.room = 1500;
	assert_false(houseno_valid(&h));
	h.room = 99;
	assert_false(houseno_valid(&h));
	h.room = 101;
	assert_true(houseno_valid(&h));
	h.building = 0;
	assert_false(houseno_valid(&h));
	h.building = 1000;
	assert_false(houseno_valid(&h));
	h.building = 1;
	h.entrance = 100;
	assert_false(houseno_valid(&h));
}

/* int houseno_cmp(const struct houseno *a, const struct houseno *b); */
static void
test_cmp(void **state)
{
	struct houseno a = {3, 2, 902}, b = {3, 2, 1502};
	struct houseno c = {9, 1, 101}, d = {10, 1, 101};
	struct houseno e = {3, 1, 9999};

	(void)state;
	assert_true(houseno_cmp(&a, &b) < 0); /* not "1502" < "902" */
	assert_true(houseno_cmp(&b, &a) > 0);
	assert_true(houseno_cmp(&c, &d) < 0); /* not "10" < "9" */
	assert_true(houseno_cmp(&e, &a) < 0); /* entrance first */
	assert_true(houseno_cmp(&b, &c) < 0);
	assert_int_equal(houseno_cmp(&a, &a), 0);
}

/* int houseno_prefix_parse(const char *s, struct houseno *out); */
static void
test_prefix(void **state)
{
	static const struct {
		const char *name, *in;
		int level; /* or ERR_INVALID */
		int b, e, r;
	} cases[] = {
	    {"prefix-empty", "", HOUSENO_NONE, 0, 0, 0},
	    {"prefix-blank", "  ", HOUSENO_NONE, 0, 0, 0},
	    {"prefix-b", "3", HOUSENO_BUILDING, 3, 0, 0},
	    {"prefix-b-dash", "3-", HOUSENO_BUILDING, 3, 0, 0},
	    {"prefix-b-cn", "3栋", HOUSENO_BUILDING, 3, 0, 0},
	    {"prefix-b-cn2", "12号楼", HOUSENO_BUILDING, 12, 0, 0},
	    {"prefix-e", "3-2", HOUSENO_ENTRANCE, 3, 2, 0},
	    {"prefix-e-dash", "3-2-", HOUSENO_ENTRANCE, 3, 2, 0},
	    {"prefix-e-cn", "3栋2单元", HOUSENO_ENTRANCE, 3, 2, 0},
	    {"prefix-e-fw", "３－２－", HOUSENO_ENTRANCE, 3, 2, 0},
	    {"prefix-full", "3-2-1502", HOUSENO_ROOM, 3, 2, 1502},
	    {"prefix-bad-room", "3-2-15", ERR_INVALID, 0, 0, 0},
	    {"prefix-bad-building", "0-", ERR_INVALID, 0, 0, 0},
	    {"prefix-bad-entrance", "3-100", ERR_INVALID, 0, 0, 0},
	    {"prefix-bad-dash", "-", ERR_INVALID, 0, 0, 0},
	    {"prefix-bad-double", "3--", ERR_INVALID, 0, 0, 0},
	    {"prefix-bad-name", "张三", ERR_INVALID, 0, 0, 0},
	    {"prefix-bad-utf8", "3-\xc3", ERR_INVALID, 0, 0, 0},
	};
	struct houseno h;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		h.building = h.entrance = h.room = -1;
		rc = houseno_prefix_parse(cases[i].in, &h);
		if (rc != cases[i].level)
			fail_msg("%s: %d, want %d (%s)", cases[i].name, rc,
			         cases[i].level, err_msg());
		if (rc >= 0 &&
		    (h.building != cases[i].b || h.entrance != cases[i].e ||
		     h.room != cases[i].r))
			fail_msg("%s: %d-%d-%d", cases[i].name, h.building,
			         h.entrance, h.room);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),  cmocka_unit_test(test_parse_huge),
	    cmocka_unit_test(test_format), cmocka_unit_test(test_valid),
	    cmocka_unit_test(test_cmp),    cmocka_unit_test(test_prefix),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
