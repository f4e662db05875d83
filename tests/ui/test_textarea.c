/*
 * test_textarea.c: the multi-line editor model and the wrapping under it:
 * rows by columns, Up/Down by column across Chinese and Latin rows, limits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "testlib.h"

#include "ui/model/textarea.h"
#include "ui/model/wtext.h"
#include "util/err.h"

/* Row r of ta as UTF-8, in a static buffer. */
static const char *
row(const struct textarea *ta, int r)
{
	static char buf[1024];
	wchar_t w[256];
	char *s;
	int n = textarea_row(ta, r, w, 256);

	if (n < 0)
		return NULL;
	s = wtext_to_utf8(w, (size_t)n);
	snprintf(buf, sizeof buf, "%s", s);
	free(s);
	return buf;
}

/* wtext_wrap: Chinese breaks anywhere, Latin words move whole. */
static void
test_wrap(void **state)
{
	size_t starts[16], n, len;
	wchar_t *w;

	(void)state;
	w = wtext_from_utf8("业主张三丰收费", &len);
	n = wtext_wrap(w, len, 5, starts, 16);
	assert_int_equal(n, 4); /* 2 characters (4 columns) a row */
	assert_int_equal(starts[1], 2);
	free(w);
	w = wtext_from_utf8("hello big world", &len);
	n = wtext_wrap(w, len, 8, starts, 16);
	assert_int_equal(n, 3); /* "hello ", "big ", "world" */
	assert_int_equal(starts[1], 6); /* "big" moved whole */
	assert_int_equal(starts[2], 10);
	free(w);
	w = wtext_from_utf8("a\n\nb", &len);
	assert_int_equal(wtext_wrap(w, len, 8, starts, 16), 3);
	free(w);
	w = wtext_from_utf8("", &len);
	assert_int_equal(wtext_wrap(w, len, 8, starts, 16), 1);
	free(w);
	/* a row narrower than one wide character still makes progress */
	w = wtext_from_utf8("你好", &len);
	assert_int_equal(wtext_wrap(w, len, 1, starts, 16), 2);
	free(w);
}

/* wtext_from_utf8 / wtext_to_utf8 round trip and invalid bytes. */
static void
test_convert(void **state)
{
	size_t len;
	wchar_t *w = wtext_from_utf8("Hi你好\xc3", &len);
	char *s;

	(void)state;
	assert_int_equal(len, 5);
	assert_int_equal(w[4], L'?');
	assert_int_equal(wtext_nwidth(w, len), 7);
	s = wtext_to_utf8(w, len);
	assert_string_equal(s, "Hi你好?");
	free(s);
	free(w);
}

/* Typing wraps by columns; the cursor follows onto the next row. */
static void
test_type_wrap(void **state)
{
	struct textarea ta;
	int r, c;

	(void)state;
	textarea_init(&ta, 100, 6, 3);
	textarea_paste(&ta, "卫生间漏水");
	assert_int_equal(ta.nrows, 2);
	assert_string_equal(row(&ta, 0), "卫生间");
	assert_string_equal(row(&ta, 1), "漏水");
	textarea_cursor(&ta, &r, &c);
	assert_int_equal(r, 1);
	assert_int_equal(c, 4);
	/* a full last row: the cursor at the end goes to a new row */
	textarea_insert(&ta, L'了');
	textarea_cursor(&ta, &r, &c);
	assert_int_equal(r, 2);
	assert_int_equal(c, 0);
	textarea_release(&ta);
}

/* Up/Down keep the column, never landing inside a wide character. */
static void
test_up_down(void **state)
{
	struct textarea ta;
	int r, c;

	(void)state;
	textarea_init(&ta, 100, 20, 2);
	textarea_set(&ta, "abcdefg\n楼上漏水\nxy");
	assert_int_equal(ta.nrows, 3);
	textarea_right(&ta);
	textarea_right(&ta);
	textarea_right(&ta); /* column 3, after "abc" */
	assert_int_equal(textarea_down(&ta), 1);
	textarea_cursor(&ta, &r, &c);
	assert_int_equal(r, 1);
	assert_int_equal(c, 2); /* not inside 上 */
	assert_int_equal(textarea_down(&ta), 1);
	textarea_cursor(&ta, &r, &c);
	assert_int_equal(c, 2); /* end of "xy" */
	assert_int_equal(ta.top, 1); /* scrolled: two rows shown */
	assert_int_equal(textarea_down(&ta), 0);
	assert_int_equal(textarea_up(&ta), 1);
	assert_int_equal(textarea_up(&ta), 1);
	textarea_cursor(&ta, &r, &c);
	assert_int_equal(c, 3); /* the goal column came back */
	assert_int_equal(textarea_up(&ta), 0);
	textarea_end(&ta);
	textarea_cursor(&ta, &r, &c);
	assert_int_equal(c, 7);
	textarea_home(&ta);
	textarea_cursor(&ta, &r, &c);
	assert_int_equal(c, 0);
	textarea_release(&ta);
}

/* Editing in the middle of a Chinese word, and joining lines. */
static void
test_edit(void **state)
{
	struct textarea ta;
	char *s;

	(void)state;
	textarea_init(&ta, 100, 20, 4);
	textarea_set(&ta, "楼上漏水\n急");
	textarea_right(&ta);
	textarea_right(&ta);
	textarea_insert(&ta, L'的');
	textarea_end(&ta);
	textarea_delete(&ta); /* joins the lines */
	s = textarea_get(&ta);
	assert_string_equal(s, "楼上的漏水急");
	free(s);
	textarea_backspace(&ta);
	s = textarea_get(&ta);
	assert_string_equal(s, "楼上的漏急");
	free(s);
	assert_int_equal(textarea_insert(&ta, L'\x1b'), ERR_INVALID);
	textarea_release(&ta);
}

/* Limits: typing and pasting stop at maxchars. */
static void
test_limit(void **state)
{
	struct textarea ta;

	(void)state;
	textarea_init(&ta, 5, 10, 2);
	assert_int_equal(textarea_paste(&ta, "一二三四五六七"), ERR_INVALID);
	assert_int_equal(ta.len, 5);
	assert_int_equal(textarea_insert(&ta, L'x'), ERR_INVALID);
	textarea_set_size(&ta, 2, 2);
	assert_int_equal(ta.nrows, 6); /* one per character, plus the end */
	textarea_release(&ta);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_convert),
		cmocka_unit_test(test_type_wrap),
		cmocka_unit_test(test_up_down),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_limit),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
