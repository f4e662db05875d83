/*
 * test_maskfield.c: private numbers in form fields (保密制度): shown masked,
 * saved unchanged when untouched, replaced whole when typed over, shown in
 * full after a reveal without making the form dirty, and checked as they
 * are left only when typed (phone_parse, idcard_parse, the document type).
 * Hostile numbers on file (invalid UTF-8, very long) never leak whole.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "core/household.h"
#include "ui/model/formmodel.h"
#include "ui/model/maskfield.h"
#include "util/err.h"

enum { F_NAME, F_PHONE, F_ID, F_N };

static const struct form_field_def defs[F_N] = {
	[F_NAME] = { .label = "姓名", .kind = FORM_TEXT },
	[F_PHONE] = { .label = "电话", .kind = FORM_TEXT, .maxchars = 24 },
	[F_ID] = { .label = "证件号码", .kind = FORM_TEXT, .maxchars = 40 },
};

/* A field's value, in a static buffer. */
static const char *
value(struct formmodel *fm, int i)
{
	static char buf[512];
	char *s = formmodel_value(fm, i);

	snprintf(buf, sizeof buf, "%s", s);
	free(s);
	return buf;
}

/* maskfield_set(), maskfield_value(): masked on screen, raw when saved. */
static void
test_set(void **state)
{
	struct formmodel fm;
	struct maskfield ph, id;
	char *v;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	maskfield_set(&ph, &fm, F_PHONE, 1, "13812345678");
	maskfield_set(&id, &fm, F_ID, 0, "110101199003074514");
	formmodel_mark_clean(&fm);
	assert_string_equal(value(&fm, F_PHONE), "138****5678");
	assert_string_equal(value(&fm, F_ID), "110***********4514");
	assert_true(maskfield_untouched(&ph, "138****5678"));
	v = maskfield_value(&ph, &fm);
	assert_string_equal(v, "13812345678");
	free(v);
	v = maskfield_value(&id, &fm);
	assert_string_equal(v, "110101199003074514");
	free(v);
	assert_false(formmodel_dirty(&fm));
	maskfield_release(&ph);
	maskfield_release(&id);
	/* nothing on file: an empty field, typed text is the value */
	maskfield_set(&ph, &fm, F_PHONE, 1, NULL);
	assert_string_equal(value(&fm, F_PHONE), "");
	assert_false(maskfield_untouched(&ph, ""));
	formmodel_set(&fm, F_PHONE, " 13900001111 ");
	v = maskfield_value(&ph, &fm);
	assert_string_equal(v, "13900001111");
	free(v);
	maskfield_release(&ph);
	formmodel_release(&fm);
}

/* maskfield_clear(): typing over the mask replaces it whole. */
static void
test_clear(void **state)
{
	struct formmodel fm;
	struct maskfield ph;
	char *v;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	maskfield_set(&ph, &fm, F_PHONE, 1, "0376-6123456");
	formmodel_mark_clean(&fm);
	/* the cursor is elsewhere: nothing happens */
	assert_int_equal(fm.cur, F_NAME);
	assert_int_equal(maskfield_clear(&ph, &fm), 0);
	assert_string_equal(value(&fm, F_PHONE), "0376-****456");
	formmodel_focus(&fm, F_PHONE);
	assert_int_equal(maskfield_clear(&ph, &fm), 1);
	assert_string_equal(value(&fm, F_PHONE), "");
	/* once typed into, it is ordinary text */
	formmodel_set(&fm, F_PHONE, "0376-612");
	assert_int_equal(maskfield_clear(&ph, &fm), 0);
	v = maskfield_value(&ph, &fm);
	assert_string_equal(v, "0376-612");
	free(v);
	assert_true(formmodel_dirty(&fm));
	maskfield_release(&ph);
	formmodel_release(&fm);
}

/* maskfield_show(): in full after a reveal; not dirty; edited in place. */
static void
test_show(void **state)
{
	struct formmodel fm;
	struct maskfield id;
	char *v;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	maskfield_set(&id, &fm, F_ID, 0, "E12345678");
	formmodel_mark_clean(&fm);
	formmodel_set(&fm, F_NAME, "张秀英");
	assert_true(formmodel_dirty(&fm));
	formmodel_set(&fm, F_NAME, "");
	maskfield_show(&id, &fm, "E12345678");
	assert_string_equal(value(&fm, F_ID), "E12345678");
	assert_false(formmodel_dirty(&fm));
	formmodel_focus(&fm, F_ID);
	assert_int_equal(maskfield_clear(&id, &fm), 0);
	v = maskfield_value(&id, &fm);
	assert_string_equal(v, "E12345678");
	free(v);
	maskfield_release(&id);
	formmodel_release(&fm);
}

/* maskfield_check_phone(), maskfield_check_id(): only what was typed. */
static void
test_checks(void **state)
{
	struct formmodel fm;
	struct maskfield ph, id;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	maskfield_set(&ph, &fm, F_PHONE, 1, "13812345678");
	maskfield_set(&id, &fm, F_ID, 0, "110101199003074514");
	assert_int_equal(maskfield_check_phone(&ph, "138****5678"), 0);
	assert_int_equal(maskfield_check_phone(&ph, "1381234567"),
	    ERR_INVALID);
	assert_non_null(strstr(err_msg(), "11"));
	assert_int_equal(maskfield_check_phone(&ph, "０３７６－６１２３４５６"),
	    0);
	assert_int_equal(maskfield_check_phone(&ph, "138****5679"),
	    ERR_INVALID);
	assert_int_equal(maskfield_check_id(&id, ID_TYPE_IDCARD,
	    "110***********4514"), 0);
	/* any document type: the number on file was checked when stored */
	assert_int_equal(maskfield_check_id(&id, ID_TYPE_NONE,
	    "110***********4514"), 0);
	assert_int_equal(maskfield_check_id(&id, ID_TYPE_IDCARD,
	    "110101199003074513"), ERR_INVALID);
	assert_int_equal(maskfield_check_id(&id, ID_TYPE_IDCARD,
	    "110101199002304514"), ERR_INVALID);
	assert_int_equal(maskfield_check_id(&id, ID_TYPE_PASSPORT,
	    "E12345678"), 0);
	assert_int_equal(maskfield_check_id(&id, ID_TYPE_OTHER, "护照123"),
	    ERR_INVALID);
	assert_int_equal(maskfield_check_id(&id, ID_TYPE_NONE, "E12345678"),
	    ERR_INVALID);
	maskfield_release(&ph);
	maskfield_release(&id);
	formmodel_release(&fm);
}

/* Hostile numbers on file: never shown whole, never a crash. */
static void
test_hostile(void **state)
{
	struct formmodel fm;
	struct maskfield ph;
	char raw[400], *v;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	maskfield_set(&ph, &fm, F_PHONE, 1, "\xff\xfe" "1234\x01" "5678");
	assert_null(strstr(value(&fm, F_PHONE), "12345678"));
	assert_null(strchr(value(&fm, F_PHONE), '\x01'));
	v = maskfield_value(&ph, &fm);
	assert_string_equal(v, "\xff\xfe" "1234\x01" "5678");
	free(v);
	maskfield_release(&ph);
	memset(raw, '7', sizeof raw - 1);
	raw[sizeof raw - 1] = '\0';
	maskfield_set(&ph, &fm, F_PHONE, 1, raw);
	assert_null(strstr(value(&fm, F_PHONE), "7777777777"));
	maskfield_release(&ph);
	formmodel_release(&fm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_set),
		cmocka_unit_test(test_clear),
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_hostile),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
