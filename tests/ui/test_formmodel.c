/*
 * test_formmodel.c: the form model: kinds, validation on leaving a field and
 * on save, the message kept beside its field, the cursor put back, dirty
 * tracking, cross-field checks and the layout with Chinese labels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/text.h"

/* A stand-in for core's money_parse: digits with at most two decimals. */
static int
money_ok(const char *text, void *arg)
{
	const char *dot = strchr(text, '.');

	(void)arg;
	if (strspn(text, "0123456789.") != strlen(text) ||
	    (dot != NULL && strlen(dot + 1) > 2))
		return err_set(ERR_INVALID, "金额最多两位小数，例如 350.50");
	return 0;
}

static const char *const kinds[] = { "报修", "投诉", "咨询", NULL };

enum { F_NAME, F_AREA, F_FEE, F_KIND, F_URGENT, F_NOTE, F_HOUSE, F_N };

static const struct form_field_def defs[F_N] = {
	[F_NAME] = { "业主姓名", FORM_TEXT, FORM_REQUIRED, 8, 0, 0,
		LINEEDIT_TEXT, NULL, 0, 0, NULL, NULL },
	[F_AREA] = { "面积", FORM_INTEGER, 0, 0, 0, 0, LINEEDIT_TEXT, NULL,
		1, 999, NULL, NULL },
	[F_FEE] = { "金额", FORM_MONEY, 0, 0, 0, 0, LINEEDIT_TEXT, NULL, 0,
		0, money_ok, NULL },
	[F_KIND] = { "类型", FORM_CHOICE, FORM_REQUIRED, 0, 0, 0,
		LINEEDIT_TEXT, kinds, 0, 0, NULL, NULL },
	[F_URGENT] = { "紧急", FORM_CHECKBOX, 0, 0, 0, 0, LINEEDIT_TEXT, NULL,
		0, 0, NULL, NULL },
	[F_NOTE] = { "问题描述", FORM_MULTILINE, 0, 200, 0, 3, LINEEDIT_TEXT,
		NULL, 0, 0, NULL, NULL },
	[F_HOUSE] = { "房号", FORM_TEXT, FORM_READONLY, 0, 0, 0,
		LINEEDIT_HOUSENO, NULL, 0, 0, NULL, NULL },
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

/* formmodel_set / formmodel_value for every kind; text is trimmed. */
static void
test_values(void **state)
{
	struct formmodel fm;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	assert_int_equal(formmodel_set(&fm, F_NAME, "  张三  "), 0);
	assert_string_equal(value(&fm, F_NAME), "张三");
	assert_int_equal(formmodel_set(&fm, F_AREA, "１２０"), 0);
	assert_string_equal(value(&fm, F_AREA), "120");
	assert_string_equal(value(&fm, F_KIND), "-1");
	formmodel_set_choice(&fm, F_KIND, 1);
	assert_int_equal(formmodel_choice(&fm, F_KIND), 1);
	formmodel_set_choice(&fm, F_KIND, 9);
	assert_int_equal(formmodel_choice(&fm, F_KIND), -1);
	assert_int_equal(formmodel_set(&fm, F_KIND, "2"), 0);
	assert_int_equal(formmodel_set(&fm, F_KIND, "x"), ERR_INVALID);
	formmodel_set(&fm, F_NOTE, "楼上漏水\n很急");
	assert_string_equal(value(&fm, F_NOTE), "楼上漏水\n很急");
	assert_non_null(formmodel_textarea(&fm, F_NOTE));
	assert_null(formmodel_lineedit(&fm, F_NOTE));
	assert_non_null(formmodel_lineedit(&fm, F_FEE));
	/* the name is limited to 8 characters */
	assert_int_equal(formmodel_set(&fm, F_NAME, "一二三四五六七八九十"),
	    ERR_INVALID);
	assert_string_equal(value(&fm, F_NAME), "一二三四五六七八");
	formmodel_release(&fm);
}

/* Leaving a changed field validates it; the message stays beside it but
 * the cursor moves on; read-only fields are skipped. */
static void
test_leave_validates(void **state)
{
	struct formmodel fm;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	assert_int_equal(fm.cur, F_NAME);
	assert_int_equal(formmodel_next(&fm), 0); /* untouched: no message */
	assert_null(formmodel_message(&fm, F_NAME));
	assert_int_equal(fm.cur, F_AREA);
	lineedit_set(formmodel_lineedit(&fm, F_AREA), "5000");
	assert_int_equal(formmodel_next(&fm), ERR_INVALID);
	assert_int_equal(fm.cur, F_FEE);
	assert_non_null(strstr(formmodel_message(&fm, F_AREA), "999"));
	lineedit_set(formmodel_lineedit(&fm, F_FEE), "350.505");
	assert_int_equal(formmodel_next(&fm), ERR_INVALID);
	assert_string_equal(formmodel_message(&fm, F_FEE),
	    "金额最多两位小数，例如 350.50");
	/* coming back and fixing it clears the message on leaving */
	formmodel_focus(&fm, F_FEE);
	lineedit_backspace(formmodel_lineedit(&fm, F_FEE));
	formmodel_next(&fm);
	assert_null(formmodel_message(&fm, F_FEE));
	/* wrap around, skipping the read-only house number */
	formmodel_focus(&fm, F_NOTE);
	formmodel_next(&fm);
	assert_int_equal(fm.cur, F_NAME);
	formmodel_prev(&fm);
	assert_int_equal(fm.cur, F_NOTE);
	formmodel_release(&fm);
}

/* Save: every field is checked and the cursor goes to the first failure. */
static void
test_validate_all(void **state)
{
	struct formmodel fm;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	formmodel_focus(&fm, F_NOTE);
	assert_int_equal(formmodel_validate(&fm), ERR_INVALID);
	assert_int_equal(fm.cur, F_NAME);
	assert_non_null(formmodel_message(&fm, F_NAME));
	assert_non_null(formmodel_message(&fm, F_KIND));
	assert_null(formmodel_message(&fm, F_AREA)); /* optional and empty */
	assert_string_equal(err_msg(), formmodel_message(&fm, F_NAME));
	formmodel_set(&fm, F_NAME, "王丽");
	formmodel_set_choice(&fm, F_KIND, 0);
	formmodel_set(&fm, F_AREA, "abc"); /* refused by the filter */
	assert_string_equal(value(&fm, F_AREA), "");
	formmodel_set(&fm, F_AREA, "-3");
	assert_int_equal(formmodel_validate(&fm), ERR_INVALID);
	assert_int_equal(fm.cur, F_AREA);
	formmodel_set(&fm, F_AREA, "88");
	assert_int_equal(formmodel_validate(&fm), 0);
	formmodel_release(&fm);
}

/* A cross-field check on save, pointing at a field. */
static int
check_same(struct formmodel *fm, void *arg)
{
	char *a = formmodel_value(fm, 0), *b = formmodel_value(fm, 1);
	int rc = 0;

	(void)arg;
	if (strcmp(a, b) != 0)
		rc = formmodel_fail(fm, 1, err_set(ERR_INVALID, "两次输入的密码不一致"));
	free(a);
	free(b);
	return rc;
}

/* formmodel_fail and the form check; passwords are not trimmed. */
static void
test_check(void **state)
{
	static const struct form_field_def pw[2] = {
		{ "新密码", FORM_TEXT, FORM_PASSWORD, 0, 0, 0, LINEEDIT_TEXT,
			NULL, 0, 0, NULL, NULL },
		{ "再输一次", FORM_TEXT, FORM_PASSWORD, 0, 0, 0, LINEEDIT_TEXT,
			NULL, 0, 0, NULL, NULL },
	};
	struct formmodel fm;

	(void)state;
	formmodel_init(&fm, pw, 2, NULL);
	fm.check = check_same;
	formmodel_set(&fm, 0, " 密码 ");
	formmodel_set(&fm, 1, "密码");
	assert_string_equal(value(&fm, 0), " 密码 ");
	assert_true(fm.fields[0].le.password);
	assert_int_equal(formmodel_validate(&fm), ERR_INVALID);
	assert_int_equal(fm.cur, 1);
	assert_string_equal(formmodel_message(&fm, 1), "两次输入的密码不一致");
	formmodel_set(&fm, 1, " 密码 ");
	assert_int_equal(formmodel_validate(&fm), 0);
	formmodel_release(&fm);
}

/* Dirty tracking compares values, so typing and undoing is clean. */
static void
test_dirty(void **state)
{
	struct formmodel fm;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	formmodel_set(&fm, F_NAME, "张三");
	formmodel_mark_clean(&fm);
	assert_false(formmodel_dirty(&fm));
	lineedit_insert(formmodel_lineedit(&fm, F_NAME), L'丰');
	assert_true(formmodel_dirty(&fm));
	lineedit_backspace(formmodel_lineedit(&fm, F_NAME));
	assert_false(formmodel_dirty(&fm));
	formmodel_focus(&fm, F_URGENT);
	formmodel_choice_step(&fm, 1);
	assert_true(formmodel_dirty(&fm));
	formmodel_choice_step(&fm, 1);
	assert_false(formmodel_dirty(&fm));
	formmodel_focus(&fm, F_KIND);
	formmodel_choice_step(&fm, -1);
	assert_int_equal(formmodel_choice(&fm, F_KIND), 2);
	formmodel_choice_step(&fm, 1);
	assert_int_equal(formmodel_choice(&fm, F_KIND), 0);
	assert_true(formmodel_dirty(&fm));
	formmodel_release(&fm);
}

/* Layout: labels by display width, inputs after them, scrolling to the
 * field with the cursor. */
static void
test_layout(void **state)
{
	struct formmodel fm;

	(void)state;
	formmodel_init(&fm, defs, F_N, NULL);
	formmodel_layout(&fm, 80, 5);
	assert_int_equal(fm.labelw, text_width("问题描述"));
	assert_int_equal(fm.inputx, 10);
	assert_int_equal(fm.fields[F_NOTE].height, 3);
	assert_int_equal(fm.lines, 9);
	assert_int_equal(fm.fields[F_NAME].inputw, 30);
	assert_int_equal(fm.fields[F_NAME].le.width, 30);
	assert_int_equal(fm.top, 0);
	formmodel_focus(&fm, F_NOTE);
	assert_int_equal(fm.top, 8 - 5);
	assert_int_equal(fm.fields[F_KIND].inputw, 8);
	formmodel_layout(&fm, 20, 5); /* narrow: inputs shrink to fit */
	assert_true(fm.fields[F_NOTE].inputw <= 20 - fm.inputx);
	assert_int_equal(fm.fields[F_NOTE].ta.width,
	    fm.fields[F_NOTE].inputw);
	formmodel_release(&fm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_leave_validates),
		cmocka_unit_test(test_validate_all),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_dirty),
		cmocka_unit_test(test_layout),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
