/*
 * test_csv.c: util/csv.c, the RFC 4180 reader (encodings, quotes, line
 * numbers, limits, hostile files) and the writer (BOM, CRLF, quoting,
 * formula guard, long digits kept as text), and the round trip between them.
 */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "util/csv.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))

/* Open a reader on a C string. */
static int
open_text(struct csv_reader *r, const char *text, unsigned flags)
{
	return csv_reader_mem(r, "t.csv", text, strlen(text), flags);
}

/* Read the next record and check its line and fields (NULL-terminated). */
static void
expect_record(struct csv_reader *r, long line, const char *const *want)
{
	size_t i;

	assert_int_equal(csv_read(r), 1);
	assert_int_equal(r->rec_line, line);
	for (i = 0; want[i] != NULL; i++) {
		assert_true(i < r->nfields);
		assert_string_equal(r->fields[i], want[i]);
	}
	assert_int_equal(r->nfields, i);
}

#define REC(r, line, ...)                                                     \
	expect_record((r), (line), (const char *const[]){__VA_ARGS__, NULL})

/* Text converted from UTF-8 to GB18030 with iconv.  Caller frees. */
static char *
to_gb18030(const char *utf8, size_t *outlen)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t inleft = strlen(utf8), oleft = inleft * 2 + 8;
	char *in = (char *)utf8, *res = xmalloc(oleft), *o = res;

	assert_true(cd != (iconv_t)-1);
	assert_int_not_equal(iconv(cd, &in, &inleft, &o, &oleft), (size_t)-1);
	iconv_close(cd);
	*outlen = (size_t)(o - res);
	return res;
}

/* int csv_read(struct csv_reader *r); plain records and line ends */
static void
test_read_basic(void **state)
{
	struct csv_reader r;

	(void)state;
	assert_int_equal(open_text(&r, "房号,面积,用途\r\n3-2-1502,89.37,住宅\n"
	    "\n\r\n1-1-101,120,商铺\r4-1-201,,\n5-1-301,60,车位", 0), 0);
	assert_int_equal(r.enc, CSV_UTF8);
	REC(&r, 1, "房号", "面积", "用途");
	REC(&r, 2, "3-2-1502", "89.37", "住宅");
	REC(&r, 5, "1-1-101", "120", "商铺"); /* lines 3 and 4 empty */
	REC(&r, 6, "4-1-201", "", "");
	REC(&r, 7, "5-1-301", "60", "车位"); /* no final line end */
	assert_int_equal(csv_read(&r), 0);
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);

	/* a trailing comma at the very end is one more empty field */
	assert_int_equal(open_text(&r, "a,b,", 0), 0);
	REC(&r, 1, "a", "b", "");
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);

	/* empty file, file of line ends, a lone field */
	assert_int_equal(open_text(&r, "", 0), 0);
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);
	assert_int_equal(open_text(&r, "\r\n\n\r", 0), 0);
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);
	assert_int_equal(open_text(&r, "张三", 0), 0);
	REC(&r, 1, "张三");
	csv_reader_release(&r);
}

/* quoted fields: commas, doubled quotes, line ends inside */
static void
test_read_quotes(void **state)
{
	struct csv_reader r;

	(void)state;
	assert_int_equal(open_text(&r,
	    "\"王,丽\",\"说\"\"漏水\"\"了\",\"\"\r\n"
	    "\"第一行\r\n第二行\n第三行\",x\r\n"
	    "after,\"a\"\"\"\r\n"
	    "ab\"c,\"\"\"\"\n"
	    "\"last\"", 0), 0);
	REC(&r, 1, "王,丽", "说\"漏水\"了", "");
	REC(&r, 2, "第一行\n第二行\n第三行", "x");
	REC(&r, 5, "after", "a\"");
	REC(&r, 6, "ab\"c", "\"");
	REC(&r, 7, "last");
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);
}

/* ragged rows come back as they are */
static void
test_read_ragged(void **state)
{
	struct csv_reader r;

	(void)state;
	assert_int_equal(open_text(&r, "a,b,c\nd\ne,f,g,h,i\n,\n", 0), 0);
	REC(&r, 1, "a", "b", "c");
	REC(&r, 2, "d");
	REC(&r, 3, "e", "f", "g", "h", "i");
	REC(&r, 4, "", "");
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);
}

/* BOM, Chinese, and the encodings */
static void
test_read_bom(void **state)
{
	struct csv_reader r;

	(void)state;
	assert_int_equal(open_text(&r, "\xef\xbb\xbf房号,姓名\r\n3-2-1502,"
	    "欧阳娜娜\r\n", 0), 0);
	assert_int_equal(r.enc, CSV_UTF8_BOM);
	assert_string_equal(csv_encoding_name(r.enc), "UTF-8 with BOM");
	REC(&r, 1, "房号", "姓名");
	REC(&r, 2, "3-2-1502", "欧阳娜娜");
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);

	/* a BOM that is the whole file */
	assert_int_equal(open_text(&r, "\xef\xbb\xbf", 0), 0);
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);

	/* only the first BOM is one: a second is data */
	assert_int_equal(open_text(&r, "\xef\xbb\xbf\xef\xbb\xbf" "a", 0), 0);
	REC(&r, 1, "\xef\xbb\xbf" "a");
	csv_reader_release(&r);
}

static void
test_read_gb18030(void **state)
{
	static const char utf8[] =
	    "房号,姓名,备注\r\n"
	    "3-2-1502,张三,\"业主说：\"\"厨房漏水\"\"，已报修\"\r\n"
	    "3-2-1503,欧阳娜娜,\"两行\r\n备注\"\r\n"
	    "3-2-1504,龘𪚥,€ 4 字节字符\r\n"; /* U+2A6A5 is 4 bytes in GB */
	struct csv_reader r;
	char *gb, *withbom;
	size_t len;

	(void)state;
	gb = to_gb18030(utf8, &len);
	assert_int_equal(csv_reader_mem(&r, "gb.csv", gb, len, 0), 0);
	assert_int_equal(r.enc, CSV_GB18030);
	assert_string_equal(csv_encoding_name(r.enc), "GB18030");
	REC(&r, 1, "房号", "姓名", "备注");
	REC(&r, 2, "3-2-1502", "张三", "业主说：\"厨房漏水\"，已报修");
	REC(&r, 3, "3-2-1503", "欧阳娜娜", "两行\n备注");
	REC(&r, 5, "3-2-1504", "龘𪚥", "€ 4 字节字符");
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);

	/* with the GB18030 byte order mark */
	withbom = xmalloc(len + 4);
	memcpy(withbom, "\x84\x31\x95\x33", 4);
	memcpy(withbom + 4, gb, len);
	assert_int_equal(csv_reader_mem(&r, "gb.csv", withbom, len + 4, 0), 0);
	assert_int_equal(r.enc, CSV_GB18030);
	REC(&r, 1, "房号", "姓名", "备注");
	csv_reader_release(&r);

	/* cut in the middle of the last character */
	assert_int_not_equal(csv_reader_mem(&r, "cut.csv", gb, len - 3, 0), 0);
	assert_string_equal(err_msg(), "cut.csv:5: the line is neither UTF-8 "
	    "nor GB18030 text: save the file as CSV UTF-8");
	csv_reader_release(&r);
	free(withbom);
	free(gb);

	/* one GB18030 line among ASCII ones is read as GB18030 */
	gb = to_gb18030("a,b\nc,d\n王五,e\n", &len);
	assert_int_equal(csv_reader_mem(&r, "gb.csv", gb, len, 0), 0);
	assert_int_equal(r.enc, CSV_GB18030);
	REC(&r, 1, "a", "b");
	REC(&r, 2, "c", "d");
	REC(&r, 3, "王五", "e");
	csv_reader_release(&r);
	free(gb);
}

/* files that are no CSV text, each refused at the right line */
static void
test_read_bad_encoding(void **state)
{
	static const struct {
		const char *name, *text;
		size_t len; /* 0: strlen */
		const char *msg;
	} cases[] = {
	    {"neither", "a,b\nc,d\ne,\xff\xfe\n", 0,
	     "t.csv:3: the line is neither UTF-8 nor GB18030 text: save the "
	     "file as CSV UTF-8"},
	    {"neither-0x80", "张三,李四\n王五,\x80\n", 0,
	     "t.csv:2: the line is not valid UTF-8 (the rest of the file is): "
	     "fix it or save the file again as CSV UTF-8"},
	    {"broken-utf8", "房号,姓名\n1-1-101,张三\n1-1-102,\xe6\x9d\n"
	     "1-1-103,王五\n", 0,
	     "t.csv:3: the line is not valid UTF-8 (the rest of the file is): "
	     "fix it or save the file again as CSV UTF-8"},
	    {"bom-then-gb", "\xef\xbb\xbf" "a\n\xd5\xc5\xc8\xfd\n", 0,
	     "t.csv:2: the line is not valid UTF-8 (the rest of the file is): "
	     "fix it or save the file again as CSV UTF-8"},
	    {"cut-gb", "a\nb\n\xd5", 0,
	     "t.csv:3: the line is neither UTF-8 nor GB18030 text: save the "
	     "file as CSV UTF-8"},
	    {"cr-lines", "a\rb\r\xff\r", 0,
	     "t.csv:3: the line is neither UTF-8 nor GB18030 text: save the "
	     "file as CSV UTF-8"},
	    {"nul", "a,b\nc,d\ne\0f\n", 10,
	     "t.csv:3: the line holds a NUL byte: this is not a text file; "
	     "save it as CSV UTF-8"},
	    {"utf16", "\xff\xfe" "a\0,\0", 6,
	     "t.csv:1: this file is UTF-16 (Unicode text): save it as CSV "
	     "UTF-8"},
	    {"xlsx", "PK\x03\x04\x14\0\x06\0", 8,
	     "t.csv:1: this is an Excel workbook (.xlsx), not CSV: in Excel "
	     "use Save As, CSV UTF-8"},
	    {"xls", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 10,
	     "t.csv:1: this is an old Excel workbook (.xls), not CSV: in Excel "
	     "use Save As, CSV UTF-8"},
	};
	struct csv_reader r;
	size_t i, len;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		len = cases[i].len ? cases[i].len : strlen(cases[i].text);
		err_clear();
		if (csv_reader_mem(&r, "t.csv", cases[i].text, len, 0) !=
		    ERR_INVALID)
			fail_msg("%s: accepted", cases[i].name);
		if (strcmp(err_msg(), cases[i].msg) != 0)
			fail_msg("%s: message '%s'", cases[i].name, err_msg());
		/* nothing is read from a refused file */
		assert_int_equal(csv_read(&r), ERR_INVALID);
		csv_reader_release(&r);
	}
}

/* syntax errors: where they are, and that they stick */
static void
test_read_syntax(void **state)
{
	struct csv_reader r;

	(void)state;
	assert_int_equal(open_text(&r, "a,b\n\"c\nd\ne,f\n", 0), 0);
	REC(&r, 1, "a", "b");
	assert_int_equal(csv_read(&r), ERR_INVALID);
	assert_string_equal(err_msg(), "t.csv:2: a quoted field starts here "
	    "and never ends: a \" is missing");
	assert_int_equal(csv_read(&r), ERR_INVALID);
	csv_reader_release(&r);

	assert_int_equal(open_text(&r, "x\n\"a\nb\"c,d\n", 0), 0);
	REC(&r, 1, "x");
	assert_int_equal(csv_read(&r), ERR_INVALID);
	assert_string_equal(err_msg(), "t.csv:3: text after a closing quote: "
	    "put the whole field in quotes and double any \" inside it");
	csv_reader_release(&r);

	assert_int_equal(open_text(&r, "\"", 0), 0);
	assert_int_equal(csv_read(&r), ERR_INVALID);
	csv_reader_release(&r);
}

/* a 1 MB field, 300 fields, a 300 KB record: refused, never a crash */
static void
test_read_limits(void **state)
{
	struct csv_reader r;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	(void)state;
	/* exactly the limit is fine */
	strbuf_adds(&sb, "a\n");
	for (i = 0; i < CSV_FIELD_MAX; i++)
		strbuf_addch(&sb, 'x');
	strbuf_adds(&sb, ",张三\n");
	assert_int_equal(csv_reader_mem(&r, "t.csv", sb.buf, sb.len, 0), 0);
	assert_int_equal(csv_read(&r), 1);
	assert_int_equal(csv_read(&r), 1);
	assert_int_equal(strlen(r.fields[0]), CSV_FIELD_MAX);
	assert_string_equal(r.fields[1], "张三");
	csv_reader_release(&r);

	/* a 1 MB field, quoted and not */
	strbuf_reset(&sb);
	strbuf_adds(&sb, "a\nb\n\"");
	for (i = 0; i < 1024 * 1024; i++)
		strbuf_addch(&sb, i % 100 == 99 ? '\n' : 'y');
	strbuf_adds(&sb, "\"\n");
	assert_int_equal(csv_reader_mem(&r, "t.csv", sb.buf, sb.len, 0), 0);
	assert_int_equal(csv_read(&r), 1);
	assert_int_equal(csv_read(&r), 1);
	assert_int_equal(csv_read(&r), ERR_INVALID);
	assert_non_null(strstr(err_msg(), "a field is longer than 32 KB"));
	assert_int_equal(strncmp(err_msg(), "t.csv:", 6), 0);
	csv_reader_release(&r);
	strbuf_reset(&sb);
	for (i = 0; i < 1024 * 1024; i++)
		strbuf_addch(&sb, 'y');
	assert_int_equal(csv_reader_mem(&r, "t.csv", sb.buf, sb.len, 0), 0);
	assert_int_equal(csv_read(&r), ERR_INVALID);
	assert_string_equal(err_msg(), "t.csv:1: a field is longer than 32 "
	    "KB: is this the right file?");
	csv_reader_release(&r);

	/* too many fields */
	strbuf_reset(&sb);
	for (i = 0; i < 300; i++)
		strbuf_adds(&sb, "1,");
	assert_int_equal(csv_reader_mem(&r, "t.csv", sb.buf, sb.len, 0), 0);
	assert_int_equal(csv_read(&r), ERR_INVALID);
	assert_string_equal(err_msg(), "t.csv:1: the record has more than "
	    "256 fields: is this the right file?");
	csv_reader_release(&r);

	/* a record over the limit from fields each under it */
	strbuf_reset(&sb);
	strbuf_adds(&sb, "ok\n");
	for (i = 0; i < 10; i++) {
		size_t j;

		for (j = 0; j < 30 * 1024; j++)
			strbuf_addch(&sb, 'z');
		strbuf_addch(&sb, ',');
	}
	assert_int_equal(csv_reader_mem(&r, "t.csv", sb.buf, sb.len, 0), 0);
	REC(&r, 1, "ok");
	assert_int_equal(csv_read(&r), ERR_INVALID);
	assert_string_equal(err_msg(), "t.csv:2: the record is longer than "
	    "256 KB: is this the right file?");
	csv_reader_release(&r);
	strbuf_release(&sb);
}

/* int csv_reader_open(struct csv_reader *r, const char *path, unsigned); */
static void
test_open_file(void **state)
{
	struct csv_reader r;
	const char *p = test_path("owners.csv");
	char *gb;
	size_t len;
	FILE *fp;

	(void)state;
	test_write_file(p, "\xef\xbb\xbf房号,姓名\r\n3-2-1502,李娜\r\n");
	assert_int_equal(csv_reader_open(&r, p, 0), 0);
	assert_int_equal(r.enc, CSV_UTF8_BOM);
	REC(&r, 1, "房号", "姓名");
	REC(&r, 2, "3-2-1502", "李娜");
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);

	/* a GB18030 file bigger than the first read buffer */
	fp = fopen(p, "w");
	assert_non_null(fp);
	gb = to_gb18030("3-2-1502,王秀英,\"备注，有逗号\"\r\n", &len);
	for (int i = 0; i < 20000; i++)
		assert_int_equal(fwrite(gb, 1, len, fp), len);
	fclose(fp);
	free(gb);
	assert_int_equal(csv_reader_open(&r, p, 0), 0);
	assert_int_equal(r.enc, CSV_GB18030);
	for (long i = 1; i <= 20000; i++)
		REC(&r, i, "3-2-1502", "王秀英", "备注，有逗号");
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);

	assert_int_equal(csv_reader_open(&r, test_path("missing.csv"), 0),
	    ERR_IO);
	assert_non_null(strstr(err_msg(), "missing.csv: cannot read: No such "
	    "file"));
	assert_int_equal(csv_read(&r), ERR_IO);
	csv_reader_release(&r);
	assert_int_equal(csv_reader_open(&r, test_tmpdir(), 0), ERR_IO);
	assert_non_null(strstr(err_msg(), "cannot read: Is a directory"));
	csv_reader_release(&r);
}

/* void csv_append_field(struct strbuf *sb, const char *s, unsigned flags); */
static void
test_append_field(void **state)
{
	static const struct {
		const char *in;
		unsigned flags;
		const char *want;
	} cases[] = {
	    {"张三", CSV_TEXT, "张三"},
	    {"", CSV_TEXT, ""},
	    {"a,b", CSV_TEXT, "\"a,b\""},
	    {"说\"好\"", CSV_TEXT, "\"说\"\"好\"\"\""},
	    {"两行\n备注", CSV_TEXT, "\"两行\n备注\""},
	    {"cr\r", CSV_TEXT, "\"cr\r\""},
	    {" lead", CSV_TEXT, "\" lead\""},
	    {"trail ", CSV_TEXT, "\"trail \""},
	    {"=1+2", CSV_TEXT, "'=1+2"},
	    {"+86 138", CSV_TEXT, "'+86 138"},
	    {"-12.50", CSV_TEXT, "'-12.50"},
	    {"@SUM(A1)", CSV_TEXT, "'@SUM(A1)"},
	    {"=HYPERLINK(\"http://x\",\"点我\")", CSV_TEXT,
	     "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""},
	    {"\t=cmd", CSV_TEXT, "'\t=cmd"},
	    {"\r=cmd", CSV_TEXT, "\"'\r=cmd\""},
	    {"'=1", CSV_TEXT, "''=1"},
	    {"''-", CSV_TEXT, "'''-"},
	    {"'quoted'", CSV_TEXT, "'quoted'"},
	    {"a=b", CSV_TEXT, "a=b"},
	    {"=,", CSV_TEXT, "\"'=,\""},
	    {"-12.50", CSV_NUMBER, "-12.50"},
	    {"89.37", CSV_NUMBER, "89.37"},
	    {"-", CSV_NUMBER, "'-"},
	    {"-1+2", CSV_NUMBER, "'-1+2"},
	    {"1.", CSV_NUMBER, "1."},
	    {"=1", CSV_NUMBER, "'=1"},
	    {"110101199003074518", CSV_KEEP_TEXT, "\"\t110101199003074518\""},
	    {"1-1-1901", CSV_KEEP_TEXT, "\"\t1-1-1901\""},
	    {"0376-1234567", CSV_KEEP_TEXT, "\"\t0376-1234567\""},
	    {"11010119900307451X", CSV_KEEP_TEXT, "11010119900307451X"},
	    {"110***********4518", CSV_KEEP_TEXT, "110***********4518"},
	    {"-1", CSV_KEEP_TEXT, "\"\t-1\""},
	    {"=1", CSV_KEEP_TEXT, "'=1"},
	    {"", CSV_KEEP_TEXT, ""},
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		strbuf_reset(&sb);
		csv_append_field(&sb, cases[i].in, cases[i].flags);
		if (strcmp(sb.buf, cases[i].want) != 0)
			fail_msg("case %zu '%s': got '%s', want '%s'", i,
			    cases[i].in, sb.buf, cases[i].want);
	}
	strbuf_reset(&sb);
	csv_append_field(&sb, NULL, CSV_TEXT);
	assert_string_equal(sb.buf, "");
	strbuf_release(&sb);
}

/* char *csv_unguard(char *s); */
static void
test_unguard(void **state)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
	    {"'=1+2", "=1+2"},     {"''=1", "'=1"},     {"'-12.50", "-12.50"},
	    {"'quoted'", "'quoted'"}, {"'", "'"},       {"''", "''"},
	    {"=1", "=1"},          {"\t110101", "110101"}, {"\t1-1-1901",
	    "1-1-1901"},           {"\t", "\t"},        {"\tabc", "\tabc"},
	    {"张三", "张三"},      {"", ""},
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < NCASES(cases); i++) {
		snprintf(buf, sizeof buf, "%s", cases[i].in);
		assert_string_equal(csv_unguard(buf), cases[i].want);
	}
}

/* the writer: BOM, CRLF, and what it writes reads back exactly */
static void
test_writer_round_trip(void **state)
{
	static const char *const values[] = {
	    "3-2-1502", "张三", "欧阳,娜娜", "说\"好\"", "两行\n备注",
	    "=1+2",     "'=1",  "''=1",      "+",        "-",
	    "@",        "\t=x", "'",         "",         " 空格 ",
	    "a\"b",     "\"",   ",",         "1-1-1901", "=HYPERLINK(\"x\")",
	};
	struct csv_writer w;
	struct csv_reader r;
	const char *want;
	char *buf = NULL;
	size_t len = 0, i;
	FILE *fp;

	(void)state;
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	csv_writer_init(&w, fp);
	csv_writer_field(&w, "房号", CSV_TEXT);
	csv_writer_field(&w, "身份证", CSV_TEXT);
	assert_int_equal(csv_writer_end_row(&w), 0);
	for (i = 0; i < NCASES(values); i++) {
		csv_writer_field(&w, values[i], CSV_TEXT);
		csv_writer_field(&w, "110101199003074518", CSV_KEEP_TEXT);
		csv_writer_field(&w, "-12.50", CSV_NUMBER);
		assert_int_equal(csv_writer_end_row(&w), 0);
	}
	csv_writer_field(&w, "", CSV_TEXT); /* a row of one empty field */
	assert_int_equal(csv_writer_end_row(&w), 0);
	csv_writer_field(&w, "最后", CSV_TEXT);
	assert_int_equal(csv_writer_end_row(&w), 0);
	assert_int_equal(csv_writer_finish(&w), 0);
	fclose(fp);
	assert_true(len > 3);
	assert_memory_equal(buf + len - 12, "\"\"\r\n最后\r\n", 12);
	want = "\xef\xbb\xbf房号,身份证\r\n3-2-1502,\"\t110101199003074518\","
	    "-12.50\r\n";
	assert_memory_equal(buf, want, strlen(want));

	assert_int_equal(csv_reader_mem(&r, "rt.csv", buf, len,
	    CSV_READ_UNGUARD), 0);
	assert_int_equal(r.enc, CSV_UTF8_BOM);
	REC(&r, 1, "房号", "身份证");
	for (i = 0; i < NCASES(values); i++) {
		assert_int_equal(csv_read(&r), 1);
		assert_int_equal(r.nfields, 3);
		assert_string_equal(r.fields[0], values[i]);
		assert_string_equal(r.fields[1], "110101199003074518");
		assert_string_equal(r.fields[2], "-12.50");
	}
	REC(&r, (long)NCASES(values) + 3, "");
	REC(&r, (long)NCASES(values) + 4, "最后");
	assert_int_equal(csv_read(&r), 0);
	csv_reader_release(&r);
	free(buf);
}

/* a write error is reported, not lost */
static void
test_writer_error(void **state)
{
	struct csv_writer w;
	FILE *fp;

	(void)state;
	fp = fopen("/dev/full", "w");
	if (fp == NULL)
		skip();
	setvbuf(fp, NULL, _IONBF, 0);
	csv_writer_init(&w, fp);
	csv_writer_field(&w, "张三", CSV_TEXT);
	assert_int_equal(csv_writer_end_row(&w), ERR_IO);
	assert_int_equal(csv_writer_finish(&w), ERR_IO);
	assert_non_null(strstr(err_msg(), "cannot write the CSV file"));
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_read_basic),
	    cmocka_unit_test(test_read_quotes),
	    cmocka_unit_test(test_read_ragged),
	    cmocka_unit_test(test_read_bom),
	    cmocka_unit_test(test_read_gb18030),
	    cmocka_unit_test(test_read_bad_encoding),
	    cmocka_unit_test(test_read_syntax),
	    cmocka_unit_test(test_read_limits),
	    cmocka_unit_test(test_open_file),
	    cmocka_unit_test(test_append_field),
	    cmocka_unit_test(test_unguard),
	    cmocka_unit_test(test_writer_round_trip),
	    cmocka_unit_test(test_writer_error),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
