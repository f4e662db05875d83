/*
 * test_household.c: core/household.c: the coded values and their labels
 * (codes stored, Chinese labels accepted on import), floor areas, names and
 * free text (Chinese, hostile bytes, 500 characters), how a house's state
 * follows its people, and the finder's classification of what is typed.
 */
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "core/household.h"
#include "core/houseno.h"
#include "util/err.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

/* const char *household_code(enum household_set set, int v); ... */
static void
test_codes(void **state)
{
	int set, v, n, out;

	(void)state;
	for (set = 0; set < HH_SET_COUNT; set++) {
		n = household_count((enum household_set)set);
		assert_true(n >= 2);
		for (v = 0; v < n; v++) {
			const char *code =
			    household_code((enum household_set)set, v);
			assert_non_null(code);
			/* every code and label parses back to itself */
			assert_int_equal(household_parse(
			    (enum household_set)set, code, &out), 0);
			assert_int_equal(out, v);
			assert_int_equal(household_parse(
			    (enum household_set)set,
			    household_label((enum household_set)set, v), &out),
			    0);
			assert_int_equal(out, v);
		}
		assert_null(household_code((enum household_set)set, n));
		assert_null(household_code((enum household_set)set, -1));
		assert_string_equal(
		    household_label((enum household_set)set, n), "?");
	}
	assert_int_equal(household_count(HH_SET_COUNT), 0);
	assert_null(household_code(HH_SET_COUNT, 0));
	assert_int_equal(household_count(HH_HOUSE_USE), HOUSE_USE_COUNT);
	assert_string_equal(household_code(HH_HOUSE_USE, HOUSE_USE_PARKING),
	    "parking");
	assert_string_equal(household_code(HH_HOUSE_STATE, HOUSE_LET), "let");
	assert_string_equal(household_code(HH_VISIT_PURPOSE, VISIT_REPAIR),
	    "repair");
	assert_string_equal(household_code(HH_ID_TYPE, ID_TYPE_NONE), "none");
	assert_string_equal(household_label(HH_HOUSE_STATE, HOUSE_VACANT),
	    "Vacant");
}

/* int household_parse(enum household_set set, const char *s, int *out); */
static void
test_parse(void **state)
{
	static const struct {
		enum household_set set;
		const char *in;
		int want; /* -1: refused */
	} cases[] = {
	    {HH_HOUSE_USE, "住宅", HOUSE_USE_RESIDENCE},
	    {HH_HOUSE_USE, "商铺", HOUSE_USE_SHOP},
	    {HH_HOUSE_USE, " 车位 ", HOUSE_USE_PARKING},
	    {HH_HOUSE_USE, "储藏室", HOUSE_USE_STOREROOM},
	    {HH_HOUSE_USE, "SHOP", HOUSE_USE_SHOP},
	    {HH_HOUSE_USE, "Parking space", HOUSE_USE_PARKING},
	    {HH_HOUSE_STATE, "空置", HOUSE_VACANT},
	    {HH_HOUSE_STATE, "已入住", HOUSE_OCCUPIED},
	    {HH_HOUSE_STATE, "装修中", HOUSE_DECORATING},
	    {HH_HOUSE_STATE, "出租", HOUSE_LET},
	    {HH_HOUSE_STATE, "\xe3\x80\x80出租\xe3\x80\x80", HOUSE_LET},
	    {HH_OWNER_KIND, "单位", OWNER_COMPANY},
	    {HH_OWNER_KIND, "个人", OWNER_PERSON},
	    {HH_ID_TYPE, "身份证", ID_TYPE_IDCARD},
	    {HH_ID_TYPE, "护照", ID_TYPE_PASSPORT},
	    {HH_ID_TYPE, "无", ID_TYPE_NONE},
	    {HH_RELATION, "租户", REL_TENANT},
	    {HH_RELATION, "家属", REL_FAMILY},
	    {HH_VISIT_PURPOSE, "咨询", VISIT_CONSULT},
	    {HH_VISIT_PURPOSE, "投诉", VISIT_COMPLAINT},
	    {HH_VISIT_PURPOSE, "报修", VISIT_REPAIR},
	    {HH_VISIT_PURPOSE, "办事", VISIT_BUSINESS},
	    {HH_VISIT_PURPOSE, "其他", VISIT_OTHER},
	    {HH_VISITOR_KIND, "业主", VISITOR_OWNER},
	    {HH_VISITOR_KIND, "住户", VISITOR_OCCUPANT},
	    /* refused */
	    {HH_HOUSE_USE, "", -1},
	    {HH_HOUSE_USE, "别墅", -1},
	    {HH_HOUSE_STATE, "出租出租", -1},
	    {HH_HOUSE_STATE, "\xff\xfe", -1},
	    {HH_VISIT_PURPOSE, "投", -1},
	    {HH_RELATION, "family ", REL_FAMILY},
	};
	size_t i;
	int out, rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		out = -99;
		rc = household_parse(cases[i].set, cases[i].in, &out);
		if (cases[i].want < 0) {
			if (rc != ERR_INVALID)
				fail_msg("parse-%zu '%s': %d", i, cases[i].in,
				    rc);
			assert_int_equal(out, -99);
			assert_msg_has("must be one of");
		} else if (rc != 0 || out != cases[i].want)
			fail_msg("parse-%zu '%s': rc %d out %d (%s)", i,
			    cases[i].in, rc, out, err_msg());
	}
	assert_int_equal(household_parse(HH_HOUSE_USE, NULL, &out),
	    ERR_INVALID);
	assert_int_equal(household_parse(HH_SET_COUNT, "x", &out),
	    ERR_INVALID);
	/* the message lists what is allowed */
	household_parse(HH_VISIT_PURPOSE, "闲聊", &out);
	assert_msg_has("Consultation");
	assert_msg_has("Repair");
}

/* int area_parse(const char *s, int64_t *centi); */
static void
test_area_parse(void **state)
{
	static const struct {
		const char *name, *in;
		int64_t want; /* 0: refused */
		const char *msg;
	} cases[] = {
	    {"area-1", "89.37", 8937, NULL},
	    {"area-2", "89.5", 8950, NULL},
	    {"area-3", "120", 12000, NULL},
	    {"area-4", "１２０", 12000, NULL},
	    {"area-5", "１２０．５", 12050, NULL},
	    {"area-6", " 89.37 ", 8937, NULL},
	    {"area-7", "89.37㎡", 8937, NULL},
	    {"area-8", "89.37 m²", 8937, NULL},
	    {"area-9", "89.37平方米", 8937, NULL},
	    {"area-10", "0.01", 1, NULL},
	    {"area-11", "99999.99", 9999999, NULL},
	    {"area-12", "007.10", 710, NULL},
	    {"area-13", ".5", 50, NULL},
	    {"area-14", "12.", 1200, NULL},
	    {"area-15", "89.30", 8930, NULL},
	    /* refused */
	    {"area-bad-empty", "", 0, "enter the floor area"},
	    {"area-bad-blank", "   ", 0, "enter the floor area"},
	    {"area-bad-zero", "0", 0, "more than 0"},
	    {"area-bad-zero2", "0.00", 0, "more than 0"},
	    {"area-bad-neg", "-5", 0, "negative"},
	    {"area-bad-neg-full", "－5", 0, "negative"},
	    {"area-bad-3dec", "89.375", 0, "two decimals"},
	    {"area-bad-3dec-zero", "89.370", 0, "two decimals"},
	    {"area-bad-big", "100000", 0, "at most 99999.99"},
	    {"area-bad-big2", "99999.999", 0, "two decimals"},
	    {"area-bad-huge", "99999999999999999999999", 0, "at most"},
	    {"area-bad-letters", "八十九", 0, "must be a number"},
	    {"area-bad-two-dots", "1.2.3", 0, "must be a number"},
	    {"area-bad-dot", ".", 0, "must be a number"},
	    {"area-bad-comma", "1,200", 0, "must be a number"},
	    {"area-bad-utf8", "89\xff", 0, "must be a number"},
	    {"area-bad-sign-only", "+", 0, "must be a number"},
	};
	size_t i;
	int64_t c;
	int rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		c = -1;
		rc = area_parse(cases[i].in, &c);
		if (cases[i].want == 0) {
			if (rc != ERR_INVALID)
				fail_msg("%s: rc %d, c %lld", cases[i].name,
				    rc, (long long)c);
			if (strstr(err_msg(), cases[i].msg) == NULL)
				fail_msg("%s: message \"%s\" lacks \"%s\"",
				    cases[i].name, err_msg(), cases[i].msg);
		} else if (rc != 0 || c != cases[i].want)
			fail_msg("%s: rc %d c %lld (%s)", cases[i].name, rc,
			    (long long)c, err_msg());
	}
	assert_int_equal(area_parse(NULL, &c), ERR_INVALID);
}

/* A huge input is refused without reading it all. */
static void
test_area_huge(void **state)
{
	size_t n = 1 << 20;
	char *big = malloc(n + 1);
	int64_t c;

	(void)state;
	assert_non_null(big);
	memset(big, '9', n);
	big[n] = '\0';
	assert_int_equal(area_parse(big, &c), ERR_INVALID);
	assert_msg_has("too long");
	free(big);
}

/* int area_format(char *buf, size_t bufsz, int64_t centi); */
static void
test_area_format(void **state)
{
	char buf[AREA_BUFSZ], small[4];

	(void)state;
	assert_int_equal(area_format(buf, sizeof buf, 8937), 0);
	assert_string_equal(buf, "89.37");
	assert_int_equal(area_format(buf, sizeof buf, 12000), 0);
	assert_string_equal(buf, "120.00");
	assert_int_equal(area_format(buf, sizeof buf, 5), 0);
	assert_string_equal(buf, "0.05");
	assert_int_equal(area_format(buf, sizeof buf, AREA_CENTI_MAX), 0);
	assert_string_equal(buf, "99999.99");
	assert_int_equal(area_format(buf, sizeof buf, -1), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(area_format(small, sizeof small, 8937), ERR_INVALID);
	assert_string_equal(small, "");
}

/* int household_name_clean(const char *in, const char *field, char **out); */
static void
test_name(void **state)
{
	char *out = NULL, *big;
	int i;

	(void)state;
	assert_int_equal(household_name_clean("张三", NULL, &out), 0);
	assert_string_equal(out, "张三");
	free(out);
	assert_int_equal(household_name_clean("\xe3\x80\x80 欧阳娜娜 ",
	    NULL, &out), 0);
	assert_string_equal(out, "欧阳娜娜");
	free(out);
	assert_int_equal(household_name_clean("阿卜杜·热合曼", NULL, &out),
	    0);
	free(out);
	assert_int_equal(household_name_clean("John O'Brien", NULL, &out), 0);
	free(out);
	/* exactly 64 Chinese characters: yes; 65: no */
	big = calloc(1, 65 * 3 + 1);
	for (i = 0; i < 64; i++)
		memcpy(big + i * 3, "张", 3);
	assert_int_equal(household_name_clean(big, NULL, &out), 0);
	free(out);
	memcpy(big + 64 * 3, "张", 3);
	out = (char *)1;
	assert_int_equal(household_name_clean(big, "owner name", &out),
	    ERR_INVALID);
	assert_null(out);
	assert_msg_has("owner name is too long: 65 characters, at most 64");
	free(big);
	/* a name of 500 characters */
	big = calloc(1, 500 * 3 + 1);
	for (i = 0; i < 500; i++)
		memcpy(big + i * 3, "王", 3);
	assert_int_equal(household_name_clean(big, "owner name", &out),
	    ERR_INVALID);
	assert_msg_has("500 characters, at most 64");
	free(big);
	/* a megabyte is refused unread */
	big = malloc((1 << 20) + 1);
	memset(big, 'a', 1 << 20);
	big[1 << 20] = '\0';
	assert_int_equal(household_name_clean(big, NULL, &out), ERR_INVALID);
	assert_msg_has("too long");
	free(big);
	/* empty, control characters, invalid UTF-8 */
	assert_int_equal(household_name_clean("", "owner name", &out),
	    ERR_INVALID);
	assert_msg_has("owner name is empty");
	assert_int_equal(household_name_clean("  \xe3\x80\x80 ", NULL, &out),
	    ERR_INVALID);
	assert_int_equal(household_name_clean(NULL, NULL, &out), ERR_INVALID);
	assert_int_equal(household_name_clean("张\n三", NULL, &out),
	    ERR_INVALID);
	assert_msg_has("control characters");
	assert_int_equal(household_name_clean("张\x1b[31m三", NULL, &out),
	    ERR_INVALID);
	assert_int_equal(household_name_clean("张\x7f", NULL, &out),
	    ERR_INVALID);
	assert_int_equal(household_name_clean("张\xe5\xbc", NULL, &out),
	    ERR_INVALID);
	assert_msg_has("not valid text");
	assert_int_equal(household_name_clean("\xc0\xaf", NULL, &out),
	    ERR_INVALID);
	assert_int_equal(household_name_clean("\xed\xa0\x80", NULL, &out),
	    ERR_INVALID);
}

/* int household_text_clean(const char *in, size_t maxchars, ...); */
static void
test_text(void **state)
{
	char *out = NULL, *big;
	size_t i;

	(void)state;
	assert_int_equal(household_text_clean(NULL, 10, NULL, &out), 0);
	assert_string_equal(out, "");
	free(out);
	assert_int_equal(household_text_clean("  ", 10, NULL, &out), 0);
	assert_string_equal(out, "");
	free(out);
	assert_int_equal(household_text_clean("楼上漏水，\n\t已报工程部 ",
	    2000, NULL, &out), 0);
	assert_string_equal(out, "楼上漏水，\n\t已报工程部");
	free(out);
	assert_int_equal(household_text_clean("a\x01", 2000, "notes", &out),
	    ERR_INVALID);
	assert_msg_has("notes must not contain control characters");
	assert_int_equal(household_text_clean("\xff", 2000, NULL, &out),
	    ERR_INVALID);
	big = malloc(2001 * 3 + 1);
	for (i = 0; i < 2001; i++)
		memcpy(big + i * 3, "水", 3);
	big[2001 * 3] = '\0';
	assert_int_equal(household_text_clean(big, HOUSEHOLD_TEXT_MAX, "notes",
	    &out), ERR_INVALID);
	assert_msg_has("2001 characters, at most 2000");
	big[2000 * 3] = '\0';
	assert_int_equal(household_text_clean(big, HOUSEHOLD_TEXT_MAX, "notes",
	    &out), 0);
	free(out);
	free(big);
}

/* enum house_state household_state_follow(...); */
static void
test_state_follow(void **state)
{
	static const struct {
		enum house_state cur;
		struct house_people p;
		enum house_state want;
	} cases[] = {
	    {HOUSE_VACANT, {0, 0, 0}, HOUSE_VACANT},
	    {HOUSE_VACANT, {1, 0, 0}, HOUSE_OCCUPIED},
	    {HOUSE_VACANT, {0, 2, 0}, HOUSE_OCCUPIED},
	    {HOUSE_VACANT, {0, 0, 1}, HOUSE_LET},
	    {HOUSE_OCCUPIED, {1, 0, 1}, HOUSE_LET},
	    {HOUSE_OCCUPIED, {0, 0, 0}, HOUSE_VACANT},
	    {HOUSE_LET, {0, 0, 0}, HOUSE_VACANT},
	    {HOUSE_LET, {0, 1, 0}, HOUSE_OCCUPIED},
	    {HOUSE_DECORATING, {0, 0, 0}, HOUSE_DECORATING},
	    {HOUSE_DECORATING, {0, 0, 3}, HOUSE_DECORATING},
	};
	size_t i;

	(void)state;
	for (i = 0; i < NCASES(cases); i++)
		if (household_state_follow(cases[i].cur, &cases[i].p) !=
		    cases[i].want)
			fail_msg("follow-%zu", i);
}

/* int finder_classify(const char *text, struct finder_query *out); */
static void
test_classify(void **state)
{
	static const struct {
		const char *in;
		enum finder_kind kind;
		const char *text;
		int exact;
	} cases[] = {
	    {"", FINDER_EMPTY, "", 0},
	    {"   ", FINDER_EMPTY, "", 0},
	    /* houses */
	    {"3", FINDER_HOUSE, "3-", 0},
	    {"3-", FINDER_HOUSE, "3-", 0},
	    {"12", FINDER_HOUSE, "12-", 0},
	    {"999", FINDER_HOUSE, "999-", 0},
	    {"3-2", FINDER_HOUSE, "3-2-", 0},
	    {"3-2-", FINDER_HOUSE, "3-2-", 0},
	    {"3-2-1", FINDER_HOUSE, "3-2-1", 0},
	    {"3-2-15", FINDER_HOUSE, "3-2-15", 0},
	    {"3-2-150", FINDER_HOUSE, "3-2-150", 0},
	    {"3-2-1502", FINDER_HOUSE, "3-2-1502", 1},
	    {"３－２－１５０２", FINDER_HOUSE, "3-2-1502", 1},
	    {"3栋2单元1502", FINDER_HOUSE, "3-2-1502", 1},
	    {"3栋", FINDER_HOUSE, "3-", 0},
	    {"3栋2单元", FINDER_HOUSE, "3-2-", 0},
	    {" 3-2- ", FINDER_HOUSE, "3-2-", 0},
	    /* phones */
	    {"5678", FINDER_PHONE_LAST4, "5678", 1},
	    {"５６７８", FINDER_PHONE_LAST4, "5678", 1},
	    {"13812", FINDER_PHONE, "13812", 0},
	    {"1381234", FINDER_PHONE, "1381234", 0},
	    {"13812345678", FINDER_PHONE, "13812345678", 1},
	    {"138 1234 5678", FINDER_PHONE, "13812345678", 1},
	    {"138-1234-5678", FINDER_PHONE, "13812345678", 1},
	    {"+86 138 1234 5678", FINDER_PHONE, "13812345678", 1},
	    {"0376-1234567", FINDER_PHONE, "0376-1234567", 1},
	    {"(0376)1234567", FINDER_PHONE, "0376-1234567", 1},
	    /* ID numbers */
	    {"11010519491231002X", FINDER_IDNO, "11010519491231002X", 1},
	    {"11010519491231002x", FINDER_IDNO, "11010519491231002X", 1},
	    {"110105194912310021", FINDER_IDNO, "110105194912310021", 0},
	    {"110105194912310", FINDER_IDNO, "110105194912310", 0},
	    {"1101051949123100", FINDER_IDNO, "1101051949123100", 0},
	    {"E12345678", FINDER_IDNO, "E12345678", 0},
	    {"e12345678", FINDER_IDNO, "E12345678", 0},
	    /* names */
	    {"张", FINDER_NAME_SHORT, "张", 0},
	    {"秀英", FINDER_NAME_SHORT, "秀英", 0},
	    {" 秀英\xe3\x80\x80", FINDER_NAME_SHORT, "秀英", 0},
	    {"王秀英", FINDER_NAME, "王秀英", 0},
	    {"欧阳娜娜", FINDER_NAME, "欧阳娜娜", 0},
	    {"Li", FINDER_NAME_SHORT, "Li", 0},
	    {"Smith", FINDER_NAME, "Smith", 0},
	    {"张3", FINDER_NAME_SHORT, "张3", 0},
	    {"\"王\"", FINDER_NAME, "\"王\"", 0},
	    {"0", FINDER_NAME_SHORT, "0", 0},
	};
	struct finder_query q;
	size_t i;
	int rc;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		rc = finder_classify(cases[i].in, &q);
		if (rc != 0 || q.kind != cases[i].kind ||
		    strcmp(q.text, cases[i].text) != 0 ||
		    q.exact != cases[i].exact)
			fail_msg("classify '%s': rc %d kind %d text '%s' "
				 "exact %d (%s)", cases[i].in, rc, q.kind,
			    q.text, q.exact, err_msg());
	}
	assert_int_equal(finder_classify("3-2-15", &q), 0);
	assert_int_equal(q.level, HOUSENO_ENTRANCE);
	assert_int_equal(q.house.building, 3);
	assert_int_equal(q.house.entrance, 2);
	assert_int_equal(finder_classify("3-2-1502", &q), 0);
	assert_int_equal(q.level, HOUSENO_ROOM);
	assert_int_equal(q.house.room, 1502);
	assert_int_equal(finder_classify("王秀英", &q), 0);
	assert_int_equal(q.nchars, 3);
	assert_int_equal(finder_classify(NULL, &q), 0);
	assert_int_equal(q.kind, FINDER_EMPTY);
}

/* Hostile input to the finder. */
static void
test_classify_hostile(void **state)
{
	struct finder_query q;
	char big[FINDER_TEXT_MAX + 2];

	(void)state;
	assert_int_equal(finder_classify("王\xff", &q), ERR_INVALID);
	assert_int_equal(q.kind, FINDER_EMPTY);
	assert_msg_has("not valid text");
	assert_int_equal(finder_classify("王\x1b", &q), ERR_INVALID);
	assert_msg_has("control");
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(finder_classify(big, &q), ERR_INVALID);
	assert_msg_has("too long");
	big[FINDER_TEXT_MAX] = '\0';
	assert_int_equal(finder_classify(big, &q), 0);
	assert_int_equal(q.kind, FINDER_NAME);
	/* 40 digits: not a phone nor an ID */
	assert_int_equal(finder_classify(
	    "1234567890123456789012345678901234567890", &q), 0);
	assert_int_not_equal(q.kind, FINDER_PHONE);
	/* SQL and LIKE wildcards are just text */
	assert_int_equal(finder_classify("%' OR 1=1 --", &q), 0);
	assert_int_equal(q.kind, FINDER_NAME);
	assert_int_equal(finder_classify("_%", &q), 0);
	assert_int_equal(q.kind, FINDER_NAME_SHORT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_codes),
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_area_parse),
	    cmocka_unit_test(test_area_huge),
	    cmocka_unit_test(test_area_format),
	    cmocka_unit_test(test_name),
	    cmocka_unit_test(test_text),
	    cmocka_unit_test(test_state_follow),
	    cmocka_unit_test(test_classify),
	    cmocka_unit_test(test_classify_hostile),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
