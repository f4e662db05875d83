/*
 * test_lineedit.c: the one-line editor model: Chinese cursor columns and
 * scrolling, editing keys, limits, paste, filters and password mode.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "testlib.h"

#include "ui/model/lineedit.h"
#include "util/err.h"

/* The field's text, in a static buffer. */
static const char *
text(const struct lineedit *le)
{
	static char buf[4096];
	char *s = lineedit_get(le);

	snprintf(buf, sizeof buf, "%s", s);
	free(s);
	return buf;
}

/* Type UTF-8 s one character at a time; returns the last code. */
static int
type(struct lineedit *le, const char *s)
{
	wchar_t wc;
	int rc = 0, n;

	while (*s != '\0') {
		n = (int)mbtowc(&wc, s, strlen(s));
		assert_true(n > 0);
		rc = lineedit_insert(le, wc);
		s += n;
	}
	return rc;
}

/* lineedit_insert: Chinese counts two columns for the cursor. */
static void
test_insert_chinese(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, LINEEDIT_TEXT, 32, 20);
	assert_int_equal(type(&le, "张三丰"), 0);
	assert_string_equal(text(&le), "张三丰");
	assert_int_equal(le.len, 3);
	assert_int_equal(lineedit_cursor_col(&le), 6);
	lineedit_left(&le);
	assert_int_equal(lineedit_cursor_col(&le), 4);
	/* editing in the middle of a Chinese word */
	assert_int_equal(type(&le, "小"), 0);
	assert_string_equal(text(&le), "张三小丰");
	lineedit_backspace(&le);
	lineedit_backspace(&le);
	assert_string_equal(text(&le), "张丰");
	assert_int_equal(lineedit_cursor_col(&le), 2);
	lineedit_release(&le);
}

/* Control characters, DEL, C1 and combining marks are refused. */
static void
test_insert_refused(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, LINEEDIT_TEXT, 32, 20);
	assert_int_equal(lineedit_insert(&le, L'\x1b'), ERR_INVALID);
	assert_int_equal(lineedit_insert(&le, 0x7f), ERR_INVALID);
	assert_int_equal(lineedit_insert(&le, 0x85), ERR_INVALID);
	assert_int_equal(lineedit_insert(&le, 0x0301), ERR_INVALID);
	assert_int_equal(le.len, 0);
	assert_true(strlen(err_msg()) > 0);
	lineedit_release(&le);
}

/* Home/End, Ctrl-K, Ctrl-U, Ctrl-W, Delete. */
static void
test_kill_keys(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, LINEEDIT_TEXT, 64, 40);
	type(&le, "3-2-1502 张三 业主");
	lineedit_kill_word(&le);
	assert_string_equal(text(&le), "3-2-1502 张三 ");
	lineedit_home(&le);
	lineedit_delete(&le);
	assert_string_equal(text(&le), "-2-1502 张三 ");
	lineedit_right(&le);
	lineedit_kill_end(&le);
	assert_string_equal(text(&le), "-");
	lineedit_end(&le);
	type(&le, "王五");
	lineedit_left(&le);
	lineedit_kill_start(&le);
	assert_string_equal(text(&le), "五");
	assert_int_equal(le.pos, 0);
	lineedit_backspace(&le); /* at the start: nothing */
	assert_string_equal(text(&le), "五");
	lineedit_release(&le);
}

/* Scrolling by columns: the cursor stays visible and no wide character is
 * ever split at the right edge. */
static void
test_scroll_columns(void **state)
{
	struct lineedit le;
	wchar_t vis[64];
	int cols, l, r, i;

	(void)state;
	lineedit_init(&le, LINEEDIT_TEXT, 100, 9);
	type(&le, "物业客服中心前台收费");
	cols = lineedit_visible(&le, vis, 64, &l, &r);
	assert_true(cols <= 9);
	assert_int_equal(cols % 2, 0);
	assert_true(l);
	assert_false(r);
	assert_true(lineedit_cursor_col(&le) + 1 <= 9);
	lineedit_home(&le);
	cols = lineedit_visible(&le, vis, 64, &l, &r);
	assert_int_equal(cols, 8); /* four characters; the fifth would straddle */
	assert_int_equal(wcscmp(vis, L"物业客服"), 0);
	assert_false(l);
	assert_true(r);
	for (i = 0; i < 10; i++) {
		lineedit_right(&le);
		assert_true(lineedit_cursor_col(&le) <= 8);
		assert_true(le.first <= le.pos);
	}
	/* deleting from a scrolled field pulls the text back into view */
	for (i = 0; i < 10; i++)
		lineedit_backspace(&le);
	assert_int_equal(le.first, 0);
	lineedit_release(&le);
}

/* Narrow width of 1: a wide character cannot be shown, nothing breaks. */
static void
test_scroll_narrow(void **state)
{
	struct lineedit le;
	wchar_t vis[8];

	(void)state;
	lineedit_init(&le, LINEEDIT_TEXT, 10, 1);
	type(&le, "你好");
	assert_int_equal(lineedit_visible(&le, vis, 8, NULL, NULL), 0);
	lineedit_home(&le);
	assert_int_equal(lineedit_cursor_col(&le), 0);
	lineedit_set_width(&le, 4);
	assert_int_equal(lineedit_visible(&le, vis, 8, NULL, NULL), 4);
	lineedit_release(&le);
}

/* The limit in characters, and in UTF-8 bytes. */
static void
test_limits(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, LINEEDIT_TEXT, 3, 10);
	assert_int_equal(type(&le, "张三丰收"), ERR_INVALID);
	assert_string_equal(text(&le), "张三丰");
	lineedit_release(&le);
	lineedit_init(&le, LINEEDIT_TEXT, 10, 10);
	le.maxbytes = 7;
	assert_int_equal(type(&le, "张三a"), 0);
	assert_int_equal(type(&le, "b"), ERR_INVALID);
	assert_string_equal(text(&le), "张三a");
	lineedit_release(&le);
}

/* Paste: long text is cut at the limit with a message; line breaks become
 * spaces; invalid UTF-8 arrives as '?'. */
static void
test_paste(void **state)
{
	struct lineedit le;
	char *big = malloc(100001);

	(void)state;
	memset(big, 'x', 100000);
	big[100000] = '\0';
	lineedit_init(&le, LINEEDIT_TEXT, 20, 10);
	assert_int_equal(lineedit_paste(&le, big), ERR_INVALID);
	assert_int_equal(le.len, 20);
	assert_non_null(strstr(err_msg(), "20"));
	lineedit_set(&le, "a\nb\tc");
	assert_string_equal(text(&le), "a b c");
	assert_int_equal(lineedit_set(&le, "\xff张\xe4\xb8"), 0);
	assert_string_equal(text(&le), "?张??"); /* one ? a bad byte */
	lineedit_home(&le);
	lineedit_right(&le);
	assert_int_equal(lineedit_paste(&le, "三丰"), 0);
	assert_string_equal(text(&le), "?三丰张??");
	free(big);
	lineedit_release(&le);
}

/* Kinds: full-width digits, spaces and hyphens from an input method. */
static void
test_filters(void **state)
{
	struct lineedit le;

	(void)state;
	lineedit_init(&le, LINEEDIT_DIGITS, 20, 20);
	assert_int_equal(type(&le, "１２3"), 0);
	assert_string_equal(text(&le), "123");
	assert_int_equal(type(&le, "a"), ERR_INVALID);
	assert_int_equal(type(&le, "-"), ERR_INVALID);
	lineedit_release(&le);

	lineedit_init(&le, LINEEDIT_PHONE, 20, 20);
	assert_int_equal(type(&le, "１３８　１２３４－５６７８"), 0);
	assert_string_equal(text(&le), "138 1234-5678");
	assert_int_equal(type(&le, "x"), ERR_INVALID);
	lineedit_release(&le);

	lineedit_init(&le, LINEEDIT_HOUSENO, 20, 20);
	assert_int_equal(type(&le, "３—２－１５０２"), 0);
	assert_string_equal(text(&le), "3-2-1502");
	assert_int_equal(type(&le, "号"), ERR_INVALID);
	lineedit_release(&le);

	lineedit_init(&le, LINEEDIT_MONEY, 20, 20);
	assert_int_equal(type(&le, "¥１，３５０。５０"), 0);
	assert_string_equal(text(&le), "￥1,350.50");
	assert_int_equal(type(&le, "-"), ERR_INVALID);
	lineedit_release(&le);

	lineedit_init(&le, LINEEDIT_DATE, 20, 20);
	assert_int_equal(type(&le, "２０２６／１１／２９"), 0);
	assert_string_equal(text(&le), "2026/11/29");
	lineedit_release(&le);

	lineedit_init(&le, LINEEDIT_INTEGER, 20, 20);
	assert_int_equal(type(&le, "－１2"), 0);
	assert_string_equal(text(&le), "-12");
	assert_int_equal(type(&le, "-"), ERR_INVALID);
	lineedit_release(&le);

	/* paste into a digits field leaves the rest out, with a message */
	lineedit_init(&le, LINEEDIT_DIGITS, 20, 20);
	assert_int_equal(lineedit_paste(&le, "电话：１３８-1234"), ERR_INVALID);
	assert_string_equal(text(&le), "1381234");
	lineedit_release(&le);
}

/* lineedit_normalize: text is kept as typed. */
static void
test_normalize(void **state)
{
	(void)state;
	assert_int_equal(lineedit_normalize(LINEEDIT_TEXT, 0xff11), 0xff11);
	assert_int_equal(lineedit_normalize(LINEEDIT_DIGITS, 0xff11), L'1');
	assert_int_equal(lineedit_normalize(LINEEDIT_PHONE, 0x3000), L' ');
	assert_int_equal(lineedit_normalize(LINEEDIT_DATE, 0x2014), L'-');
	assert_int_equal(lineedit_normalize(LINEEDIT_MONEY, 0xffe5), 0xffe5);
}

/* Password mode: one '*' per character, one column each. */
static void
test_password(void **state)
{
	struct lineedit le;
	wchar_t vis[32];

	(void)state;
	lineedit_init(&le, LINEEDIT_TEXT, 32, 10);
	le.password = 1;
	type(&le, "密码demo");
	assert_int_equal(lineedit_visible(&le, vis, 32, NULL, NULL), 6);
	assert_int_equal(wcscmp(vis, L"******"), 0);
	assert_int_equal(lineedit_cursor_col(&le), 6);
	assert_string_equal(text(&le), "密码demo");
	lineedit_release(&le);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_chinese),
		cmocka_unit_test(test_insert_refused),
		cmocka_unit_test(test_kill_keys),
		cmocka_unit_test(test_scroll_columns),
		cmocka_unit_test(test_scroll_narrow),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_password),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
