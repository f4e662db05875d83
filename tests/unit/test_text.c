/*
 * test_text.c: util/text.c, column widths of Chinese text, fitting and
 * padding, strict UTF-8, full-width input clean-up.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "testlib.h"

#include "util/err.h"
#include "util/text.h"

/* int text_width(const char *s); */
static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("你好"), 4);
	assert_int_equal(text_width("Hi你好"), 6);
	assert_int_equal(text_width("3-2-1502 张三"), 13);
	assert_int_equal(text_width("业主张三丰收费"), 14);
	assert_int_equal(text_width("￥１２３"), 8);   /* full-width forms */
	assert_int_equal(text_width("e\xcc\x81"), 1); /* e + U+0301 */
	assert_int_equal(text_width("\xe2\x80\x8b"), 0); /* U+200B */
	assert_int_equal(text_width("😀"), 2);
}

/* invalid UTF-8 and control characters: one column each byte */
static void
test_width_invalid(void **state)
{
	(void)state;
	assert_int_equal(text_width("\xff"), 1);
	assert_int_equal(text_width("a\xffz"), 3);
	assert_int_equal(text_width("\xe4\xbd"), 2);     /* truncated 你 */
	assert_int_equal(text_width("\xe4\xbd" "a"), 3);
	assert_int_equal(text_width("\xc0\xaf"), 2);     /* overlong '/' */
	assert_int_equal(text_width("\xe0\x80\xaf"), 3); /* overlong '/' */
	assert_int_equal(text_width("\xed\xa0\x80"), 3); /* surrogate */
	assert_int_equal(text_width("\xf4\x90\x80\x80"), 4); /* > U+10FFFF */
	assert_int_equal(text_width("\x1b[31m"), 5);     /* ESC counted */
	assert_int_equal(text_width("\t\x7f"), 2);
	assert_int_equal(text_width("\xc2\x9b"), 1);     /* C1 CSI */
}

/* int text_nwidth(const char *s, size_t n); */
static void
test_nwidth(void **state)
{
	(void)state;
	assert_int_equal(text_nwidth("你好", 0), 0);
	assert_int_equal(text_nwidth("你好", 3), 2);
	assert_int_equal(text_nwidth("你好", 6), 4);
	assert_int_equal(text_nwidth("你好", 100), 4); /* stops at NUL */
	assert_int_equal(text_nwidth("你好", 4), 3); /* 你 + cut byte */
	assert_int_equal(text_nwidth("Hi你好", 2), 2);
}

/* int text_fit(char *dst, size_t dstsz, const char *s, int cols); */
static void
test_fit(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(text_fit(buf, sizeof buf, "业主张三丰收费", 10), 9);
	assert_string_equal(buf, "业主张...");
	assert_int_equal(text_fit(buf, sizeof buf, "业主张三丰收费", 14), 14);
	assert_string_equal(buf, "业主张三丰收费");
	assert_int_equal(text_fit(buf, sizeof buf, "业主张三丰收费", 13), 13);
	assert_string_equal(buf, "业主张三丰...");
	assert_int_equal(text_fit(buf, sizeof buf, "业主张三丰收费", 12), 11);
	assert_string_equal(buf, "业主张三...");
	assert_int_equal(text_fit(buf, sizeof buf, "3-2-1502 张三", 20), 13);
	assert_string_equal(buf, "3-2-1502 张三");
	assert_int_equal(text_fit(buf, sizeof buf, "3-2-1502 张三", 12), 12);
	assert_string_equal(buf, "3-2-1502 ...");
	assert_int_equal(text_fit(buf, sizeof buf, "Hi你好", 5), 5);
	assert_string_equal(buf, "Hi...");
	assert_int_equal(text_fit(buf, sizeof buf, "Hi你好", 6), 6);
	assert_string_equal(buf, "Hi你好");
	/* "..." may itself leave a wide character out */
	assert_int_equal(text_fit(buf, sizeof buf, "你好世界", 6), 5);
	assert_string_equal(buf, "你...");
	assert_int_equal(text_fit(buf, sizeof buf, "", 5), 0);
	assert_string_equal(buf, "");
}

/* cols 0..3: no dots under 3 columns, never a straddling wide character */
static void
test_fit_tiny_cols(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(text_fit(buf, sizeof buf, "你好", 0), 0);
	assert_string_equal(buf, "");
	assert_int_equal(text_fit(buf, sizeof buf, "你好", -5), 0);
	assert_string_equal(buf, "");
	assert_int_equal(text_fit(buf, sizeof buf, "你好", 1), 0);
	assert_string_equal(buf, "");
	assert_int_equal(text_fit(buf, sizeof buf, "你好", 2), 2);
	assert_string_equal(buf, "你");
	assert_int_equal(text_fit(buf, sizeof buf, "你好", 3), 3);
	assert_string_equal(buf, "...");
	assert_int_equal(text_fit(buf, sizeof buf, "abcd", 1), 1);
	assert_string_equal(buf, "a");
	assert_int_equal(text_fit(buf, sizeof buf, "abcd", 2), 2);
	assert_string_equal(buf, "ab");
	assert_int_equal(text_fit(buf, sizeof buf, "abcd", 3), 3);
	assert_string_equal(buf, "...");
	assert_int_equal(text_fit(buf, sizeof buf, "abc", 3), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(text_fit(buf, sizeof buf, "a你", 2), 1);
	assert_string_equal(buf, "a");
}

/* dstsz 1, 2, 4: always terminated, never a split character */
static void
test_fit_tiny_buf(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'X', sizeof buf);
	assert_int_equal(text_fit(buf, 1, "你好", 10), 0);
	assert_string_equal(buf, "");
	assert_int_equal(buf[1], 'X');
	memset(buf, 'X', sizeof buf);
	assert_int_equal(text_fit(buf, 2, "abc", 10), 1);
	assert_string_equal(buf, "a");
	assert_int_equal(text_fit(buf, 2, "你好", 10), 0);
	assert_string_equal(buf, "");
	memset(buf, 'X', sizeof buf);
	assert_int_equal(text_fit(buf, 4, "你好", 10), 3);
	assert_string_equal(buf, "...");
	assert_int_equal(buf[4], 'X');
	assert_int_equal(text_fit(buf, 4, "abc", 10), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(text_fit(buf, 4, "你", 10), 2);
	assert_string_equal(buf, "你");
	assert_int_equal(text_fit(buf, 7, "你好世界", 10), 5);
	assert_string_equal(buf, "你...");
	assert_int_equal(text_fit(buf, 0, "abc", 10), 0);
	assert_int_equal(buf[0], (char)0xe4); /* dstsz 0: untouched */
}

/* hostile bytes come out as '?' and keep their one column */
static void
test_fit_invalid(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(text_fit(buf, sizeof buf, "a\xff你", 10), 4);
	assert_string_equal(buf, "a?你");
	assert_int_equal(text_fit(buf, sizeof buf, "\xe4\xbd", 10), 2);
	assert_string_equal(buf, "??");
	assert_int_equal(text_fit(buf, sizeof buf, "\xc0\xaf", 10), 2);
	assert_string_equal(buf, "??");
	assert_int_equal(text_fit(buf, sizeof buf, "\xed\xa0\x80", 10), 3);
	assert_string_equal(buf, "???");
	assert_int_equal(text_fit(buf, sizeof buf, "\x1b[2J\r\n", 10), 6);
	assert_string_equal(buf, "?[2J??");
	assert_int_equal(text_fit(buf, sizeof buf, "e\xcc\x81t\xcc\x81", 2), 2);
	assert_string_equal(buf, "e\xcc\x81t\xcc\x81");
	/* the width of what was written matches text_width() of it */
	text_fit(buf, sizeof buf, "张\xff\xfe三\x01", 40);
	assert_string_equal(buf, "张??三?");
	assert_int_equal(text_width(buf), 7);
	assert_int_equal(text_width("张\xff\xfe三\x01"), 7);
}

/* a 100,000-byte string */
static void
test_fit_huge(void **state)
{
	size_t n = 100000, i;
	char *big = malloc(n + 1);
	char buf[128];

	(void)state;
	assert_non_null(big);
	for (i = 0; i + 3 <= n; i += 3)
		memcpy(big + i, "张", 3);
	big[i++] = '\xff';
	while (i < n)
		big[i++] = 'x';
	big[n] = '\0';
	assert_int_equal(text_width(big), 2 * 33333 + 1);
	assert_int_equal(text_nwidth(big, 6), 4);
	assert_int_equal(text_fit(buf, sizeof buf, big, 80), 79);
	assert_int_equal(strlen(buf), 38 * 3 + 3);
	assert_string_equal(buf + 38 * 3, "...");
	assert_int_equal(text_fit(buf, sizeof buf, big, 1000), 85);
	assert_int_equal(strlen(buf), 41 * 3 + 3); /* bytes were the limit */
	assert_int_equal(utf8_valid(big, n), 0);
	assert_int_equal(utf8_valid(big, n - 1), 1);
	assert_int_equal(utf8_nchars(big), 33333 + 1);
	free(big);
}

/* int text_pad(char *dst, size_t dstsz, const char *s, int cols, align); */
static void
test_pad(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(text_pad(buf, sizeof buf, "业主张三丰收费", 10,
	    TEXT_LEFT), 10);
	assert_string_equal(buf, "业主张... ");
	assert_int_equal(text_pad(buf, sizeof buf, "你好", 7, TEXT_LEFT), 7);
	assert_string_equal(buf, "你好   ");
	assert_int_equal(text_pad(buf, sizeof buf, "你好", 7, TEXT_RIGHT), 7);
	assert_string_equal(buf, "   你好");
	assert_int_equal(text_pad(buf, sizeof buf, "你好", 7, TEXT_CENTER), 7);
	assert_string_equal(buf, " 你好  ");
	assert_int_equal(text_pad(buf, sizeof buf, "", 3, TEXT_LEFT), 3);
	assert_string_equal(buf, "   ");
	assert_int_equal(text_pad(buf, sizeof buf, "你好", 1, TEXT_LEFT), 1);
	assert_string_equal(buf, " ");
	assert_int_equal(text_pad(buf, sizeof buf, "你好", 0, TEXT_LEFT), 0);
	assert_string_equal(buf, "");
	assert_int_equal(text_pad(buf, sizeof buf, "\xff", 2, TEXT_RIGHT), 2);
	assert_string_equal(buf, " ?");
	/* too small for the padding: pads what fits, stays terminated */
	assert_int_equal(text_pad(buf, 4, "a", 10, TEXT_LEFT), 3);
	assert_string_equal(buf, "a  ");
	assert_int_equal(text_pad(buf, 1, "a", 10, TEXT_LEFT), 0);
	assert_string_equal(buf, "");
}

/* int utf8_valid(const char *s, size_t n); */
static void
test_valid(void **state)
{
	(void)state;
	assert_int_equal(utf8_valid("", 0), 1);
	assert_int_equal(utf8_valid("你好 abc", strlen("你好 abc")), 1);
	assert_int_equal(utf8_valid("\xf0\x9f\x98\x80", 4), 1);
	assert_int_equal(utf8_valid("\xf4\x8f\xbf\xbf", 4), 1); /* U+10FFFF */
	assert_int_equal(utf8_valid("\xff", 1), 0);
	assert_int_equal(utf8_valid("\xe4\xbd", 2), 0);
	assert_int_equal(utf8_valid("你好", 4), 0); /* cut inside 好 */
	assert_int_equal(utf8_valid("\xc0\xaf", 2), 0);
	assert_int_equal(utf8_valid("\xc1\xbf", 2), 0);
	assert_int_equal(utf8_valid("\xe0\x9f\xbf", 3), 0);
	assert_int_equal(utf8_valid("\xf0\x8f\xbf\xbf", 4), 0);
	assert_int_equal(utf8_valid("\xed\xa0\x80", 3), 0);
	assert_int_equal(utf8_valid("\xed\xbf\xbf", 3), 0);
	assert_int_equal(utf8_valid("\xf4\x90\x80\x80", 4), 0);
	assert_int_equal(utf8_valid("\xf5\x80\x80\x80", 4), 0);
	assert_int_equal(utf8_valid("\x80", 1), 0);
	assert_int_equal(utf8_valid("a\0b", 3), 0);
}

/* size_t utf8_nchars(const char *s); */
static void
test_nchars(void **state)
{
	(void)state;
	assert_int_equal(utf8_nchars(""), 0);
	assert_int_equal(utf8_nchars("你好"), 2);
	assert_int_equal(utf8_nchars("3-2-1502 张三"), 11);
	assert_int_equal(utf8_nchars("😀"), 1);
	assert_int_equal(utf8_nchars("\xe4\xbd"), 2);
}

/* int utf8_decode(const char *s, size_t n, wchar_t *wc); */
static void
test_decode(void **state)
{
	wchar_t wc = 0;

	(void)state;
	assert_int_equal(utf8_decode("A", 1, &wc), 1);
	assert_int_equal(wc, L'A');
	assert_int_equal(utf8_decode("你", 3, &wc), 3);
	assert_int_equal(wc, 0x4f60);
	assert_int_equal(utf8_decode("\xc2\xa5", 2, &wc), 2);
	assert_int_equal(wc, 0xa5);
	assert_int_equal(utf8_decode("😀", 4, &wc), 4);
	assert_int_equal(wc, 0x1f600);
	assert_int_equal(utf8_decode("你", 2, &wc), -1);
	assert_int_equal(utf8_decode("你", 0, &wc), -1);
	assert_int_equal(utf8_decode("\xc0\xaf", 2, &wc), -1);
	assert_int_equal(utf8_decode("\xed\xa0\x80", 3, &wc), -1);
	assert_int_equal(utf8_decode("\xf4\x90\x80\x80", 4, &wc), -1);
	assert_int_equal(utf8_decode("\xe4\x41\x41", 3, &wc), -1);
}

/* int utf8_encode(wchar_t wc, char *buf); */
static void
test_encode(void **state)
{
	char buf[8];
	wchar_t wc, back;
	static const wchar_t ok[] = { 0x41, 0x7f, 0x80, 0x7ff, 0x800, 0x4f60,
		0xd7ff, 0xe000, 0xffff, 0x10000, 0x10ffff };
	size_t i;
	int n;

	(void)state;
	assert_int_equal(utf8_encode(0x5f20, buf), 3);
	assert_memory_equal(buf, "张", 3);
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		wc = ok[i];
		n = utf8_encode(wc, buf);
		assert_true(n > 0);
		assert_int_equal(utf8_decode(buf, (size_t)n, &back), n);
		assert_int_equal(back, wc);
	}
	assert_int_equal(utf8_encode(0xd800, buf), -1);
	assert_int_equal(utf8_encode(0xdfff, buf), -1);
	assert_int_equal(utf8_encode(0x110000, buf), -1);
	assert_int_equal(utf8_encode(-1, buf), -1);
}

/* int text_halfwidth(char *dst, size_t dstsz, const char *src); */
static void
test_halfwidth(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(text_halfwidth(buf, sizeof buf, "１２３　４"), 0);
	assert_string_equal(buf, "123 4");
	assert_int_equal(text_halfwidth(buf, sizeof buf, "ＡＢ"), 0);
	assert_string_equal(buf, "AB");
	assert_int_equal(text_halfwidth(buf, sizeof buf, "ａｚＺ０９"), 0);
	assert_string_equal(buf, "azZ09");
	assert_int_equal(text_halfwidth(buf, sizeof buf, "３－２－１５０２"), 0);
	assert_string_equal(buf, "3-2-1502");
	assert_int_equal(text_halfwidth(buf, sizeof buf, "￥１２．５０"), 0);
	assert_string_equal(buf, "￥12.50");
	assert_int_equal(text_halfwidth(buf, sizeof buf, "＋８６，／："), 0);
	assert_string_equal(buf, "+86,/:");
	assert_int_equal(text_halfwidth(buf, sizeof buf, "张三（业主）"), 0);
	assert_string_equal(buf, "张三（业主）");
	assert_int_equal(text_halfwidth(buf, sizeof buf, "a\xff\xe4\xbd"), 0);
	assert_string_equal(buf, "a\xff\xe4\xbd");
	assert_int_equal(text_halfwidth(buf, sizeof buf, ""), 0);
	assert_string_equal(buf, "");
}

/* text_halfwidth() into tiny buffers, and in place */
static void
test_halfwidth_small(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(text_halfwidth(buf, 1, ""), 0);
	assert_int_equal(text_halfwidth(buf, 1, "a"), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(text_halfwidth(buf, 2, "１２"), ERR_INVALID);
	assert_string_equal(buf, "1");
	assert_int_equal(text_halfwidth(buf, 3, "１２"), 0);
	assert_string_equal(buf, "12");
	assert_int_equal(text_halfwidth(buf, 4, "a你"), ERR_INVALID);
	assert_string_equal(buf, "a"); /* never half a character */
	assert_int_equal(text_halfwidth(buf, 0, "a"), ERR_INVALID);
	strcpy(buf, "ＡＢ　你");
	assert_int_equal(text_halfwidth(buf, sizeof buf, buf), 0);
	assert_string_equal(buf, "AB 你");
}

/* char *text_trim(char *s); */
static void
test_trim(void **state)
{
	char buf[64];

	(void)state;
	strcpy(buf, "  张三\t\n");
	assert_ptr_equal(text_trim(buf), buf);
	assert_string_equal(buf, "张三");
	strcpy(buf, "\xe3\x80\x80 张 三\xe3\x80\x80");
	assert_string_equal(text_trim(buf), "张 三");
	strcpy(buf, "   ");
	assert_string_equal(text_trim(buf), "");
	strcpy(buf, "\xe3\x80\x80");
	assert_string_equal(text_trim(buf), "");
	strcpy(buf, "");
	assert_string_equal(text_trim(buf), "");
	strcpy(buf, "\xe3\x80");        /* truncated U+3000 is not a blank */
	assert_string_equal(text_trim(buf), "\xe3\x80");
	strcpy(buf, " a b ");
	assert_string_equal(text_trim(buf), "a b");
}

/* int text_blank(const char *s); */
static void
test_blank(void **state)
{
	(void)state;
	assert_true(text_blank(NULL));
	assert_true(text_blank(""));
	assert_true(text_blank(" \t\r\n"));
	assert_true(text_blank("\xe3\x80\x80 \xe3\x80\x80")); /* 全角空格 */
	assert_false(text_blank(" 张 "));
	assert_false(text_blank("0"));
	assert_false(text_blank("\xe3\x80"));  /* a truncated U+3000 */
	assert_false(text_blank("\xff"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_invalid),
		cmocka_unit_test(test_nwidth),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fit_tiny_cols),
		cmocka_unit_test(test_fit_tiny_buf),
		cmocka_unit_test(test_fit_invalid),
		cmocka_unit_test(test_fit_huge),
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_nchars),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_halfwidth),
		cmocka_unit_test(test_halfwidth_small),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_blank),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
