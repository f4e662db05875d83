/*
 * test_listmodel.c: the list model: movement, paging, column layout by
 * display width with Chinese, "..." cuts, filter and sort callbacks, the
 * empty state, and that only visible rows are asked for (100k rows).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "ui/model/listmodel.h"
#include "util/err.h"
#include "util/text.h"

/* A fake screen: n rows of owners, with a filter on the house number. */
struct fake {
	int n;          /* rows without filter */
	int shown;      /* rows with the filter */
	int cells;      /* cell() calls */
	int min, max;   /* rows asked for */
	int win_first, win_n;
	char buf[64];
	int sorted_col, sorted_desc;
};

static int
fake_count(void *ctx)
{
	return ((struct fake *)ctx)->shown;
}

static void
fake_window(void *ctx, int first, int n)
{
	struct fake *f = ctx;

	f->win_first = first;
	f->win_n = n;
}

static const char *
fake_cell(void *ctx, int row, int col)
{
	struct fake *f = ctx;

	f->cells++;
	if (row < f->min)
		f->min = row;
	if (row > f->max)
		f->max = row;
	switch (col) {
	case 0:
		snprintf(f->buf, sizeof f->buf, "%d-2-%d", row % 30 + 1, row);
		return f->buf;
	case 1:
		return row % 2 ? "欧阳娜娜" : "张三";
	default:
		return row % 3 ? "350.00" : "12,000.50";
	}
}

static int
fake_filter(void *ctx, const char *text)
{
	struct fake *f = ctx;

	f->shown = strcmp(text, "张") == 0 ? f->n / 2 :
	    text[0] != '\0' ? 0 : f->n;
	return 0;
}

static int
fake_sort(void *ctx, int col, int desc)
{
	struct fake *f = ctx;

	f->sorted_col = col;
	f->sorted_desc = desc;
	return 0;
}

static const struct listmodel_ops fake_ops = {
	.count = fake_count, .window = fake_window, .cell = fake_cell,
	.filter = fake_filter, .sort = fake_sort,
};

/* A big list whose filter finds 10 rows per slice, over 4 slices. */
static int
sliced_filter(void *ctx, const char *text)
{
	struct fake *f = ctx;

	(void)text;
	f->shown = 10;
	f->sorted_col = 1; /* slices searched */
	return LISTMODEL_MORE;
}

static int
sliced_more(void *ctx)
{
	struct fake *f = ctx;

	f->shown += 10;
	return ++f->sorted_col < 4 ? LISTMODEL_MORE : 0;
}

static const struct listmodel_ops sliced_ops = {
	.count = fake_count, .cell = fake_cell, .filter = sliced_filter,
	.filter_more = sliced_more,
};

static const struct listcol cols[] = {
	{ "房号", 10, 0, TEXT_LEFT },
	{ "业主姓名", 8, 1, TEXT_LEFT },
	{ "欠费", 10, 0, TEXT_RIGHT },
};

/* Set up a list of n rows, 80 x 20. */
static void
setup(struct listmodel *lm, struct fake *f, int n)
{
	memset(f, 0, sizeof *f);
	f->n = f->shown = n;
	f->min = n;
	f->max = -1;
	listmodel_init(lm, &fake_ops, f, cols, 3, "没有业主");
	listmodel_set_size(lm, 80, 20);
	listmodel_reload(lm);
}

/* Movement, paging, home/end, scrolling. */
static void
test_move(void **state)
{
	struct listmodel lm;
	struct fake f;

	(void)state;
	setup(&lm, &f, 100);
	assert_int_equal(lm.sel, 0);
	listmodel_move(&lm, -1);
	assert_int_equal(lm.sel, 0);
	listmodel_move(&lm, 25);
	assert_int_equal(lm.sel, 25);
	assert_int_equal(lm.top, 6);
	listmodel_page(&lm, 1);
	assert_int_equal(lm.sel, 45);
	assert_int_equal(lm.top, 26);
	listmodel_page(&lm, -1);
	assert_int_equal(lm.sel, 25);
	listmodel_end(&lm);
	assert_int_equal(lm.sel, 99);
	assert_int_equal(lm.top, 80);
	listmodel_move(&lm, 1000000);
	assert_int_equal(lm.sel, 99);
	listmodel_home(&lm);
	assert_int_equal(lm.sel, 0);
	assert_int_equal(lm.top, 0);
	/* fewer rows after a reload: the selection stays in range */
	listmodel_end(&lm);
	f.shown = 10;
	listmodel_reload(&lm);
	assert_int_equal(lm.sel, 9);
	assert_int_equal(lm.top, 0);
	listmodel_release(&lm);
}

/* Layout by display width: the flexible column takes the rest, every line
 * is exactly the width, Chinese aligned. */
static void
test_layout_lines(void **state)
{
	struct listmodel lm;
	struct fake f;
	char line[1024];

	(void)state;
	setup(&lm, &f, 10);
	assert_int_equal(lm.widths[0], 10);
	assert_int_equal(lm.widths[1], 80 - 10 - 10 - 2);
	assert_int_equal(listmodel_header(&lm, line, sizeof line), 80);
	assert_int_equal(text_width(line), 80);
	assert_int_equal(strncmp(line, "房号       业主姓名", 23), 0);
	assert_int_equal(listmodel_line(&lm, 1, line, sizeof line), 80);
	assert_int_equal(text_width(line), 80);
	assert_non_null(strstr(line, "2-2-1      欧阳娜娜"));
	assert_non_null(strstr(line, "    350.00"));
	listmodel_release(&lm);
}

/* A narrow list cuts cells with "..." and never splits a character. */
static void
test_layout_narrow(void **state)
{
	struct listmodel lm;
	struct fake f;
	char line[1024];

	(void)state;
	setup(&lm, &f, 10);
	listmodel_set_size(&lm, 26, 5);
	assert_int_equal(lm.widths[0] + lm.widths[1] + lm.widths[2] + 2, 26);
	assert_int_equal(listmodel_line(&lm, 1, line, sizeof line), 26);
	assert_int_equal(text_width(line), 26);
	assert_non_null(strstr(line, "..."));
	/* too narrow for all columns: the last ones are hidden */
	listmodel_set_size(&lm, 12, 5);
	assert_int_equal(lm.widths[2], 0);
	assert_int_equal(listmodel_line(&lm, 0, line, sizeof line), 12);
	assert_int_equal(text_width(line), 12);
	listmodel_release(&lm);
}

/* Only visible rows are asked for, even with 100k rows. */
static void
test_visible_only(void **state)
{
	struct listmodel lm;
	struct fake f;
	char line[1024];
	int first, n, i;

	(void)state;
	setup(&lm, &f, 100000);
	listmodel_select(&lm, 54321);
	listmodel_visible(&lm, &first, &n);
	assert_int_equal(n, 20);
	assert_int_equal(f.win_first, first);
	assert_int_equal(f.win_n, 20);
	for (i = first; i < first + n; i++)
		listmodel_line(&lm, i, line, sizeof line);
	assert_int_equal(f.cells, 20 * 3);
	assert_true(f.min >= first && f.max < first + n);
	assert_true(first <= 54321 && 54321 < first + n);
	listmodel_release(&lm);
}

/* Filter and sort go through the callbacks; empty state texts. */
static void
test_filter_sort_empty(void **state)
{
	struct listmodel lm;
	struct fake f;
	char buf[128];

	(void)state;
	setup(&lm, &f, 100);
	listmodel_move(&lm, 50);
	assert_int_equal(listmodel_set_filter(&lm, "张"), 0);
	assert_int_equal(lm.nrows, 50);
	assert_int_equal(lm.sel, 0);
	assert_string_equal(lm.filter, "张");
	listmodel_set_filter(&lm, "zzz");
	assert_int_equal(lm.nrows, 0);
	assert_int_equal(lm.sel, -1);
	assert_non_null(strstr(listmodel_empty_text(&lm), "Esc"));
	listmodel_status(&lm, buf, sizeof buf);
	assert_string_equal(buf, "No rows");
	listmodel_set_filter(&lm, "");
	assert_int_equal(lm.nrows, 100);
	listmodel_status(&lm, buf, sizeof buf);
	assert_string_equal(buf, "Row 1 of 100");
	assert_int_equal(listmodel_sort(&lm, 1), 0);
	assert_int_equal(f.sorted_col, 1);
	assert_int_equal(f.sorted_desc, 0);
	assert_int_equal(listmodel_sort(&lm, 1), 0);
	assert_int_equal(f.sorted_desc, 1);
	listmodel_header(&lm, buf, sizeof buf);
	assert_non_null(strstr(buf, "业主姓名v"));
	assert_int_equal(listmodel_sort(&lm, 7), ERR_STATE);
	listmodel_release(&lm);
	setup(&lm, &f, 0);
	assert_string_equal(listmodel_empty_text(&lm), "没有业主");
	listmodel_move(&lm, 1);
	listmodel_page(&lm, 1);
	listmodel_end(&lm);
	assert_int_equal(lm.sel, -1);
	listmodel_release(&lm);
}

/*
 * int listmodel_filter_more(struct listmodel *lm);
 * int listmodel_filter_finish(struct listmodel *lm);
 * A filter that searches a slice per call: the rows found so far show at
 * once, the selection stays where the user put it, and finish() ends it.
 */
static void
test_filter_slices(void **state)
{
	struct listmodel lm;
	struct fake f = { .n = 1000, .shown = 1000 };

	(void)state;
	listmodel_init(&lm, &sliced_ops, &f, cols, 3, NULL);
	listmodel_set_size(&lm, 40, 5);
	listmodel_reload(&lm);
	assert_int_equal(listmodel_set_filter(&lm, "王"), 0);
	assert_int_equal(lm.filtering, 1);
	assert_int_equal(lm.nrows, 10);
	listmodel_move(&lm, 3);
	assert_int_equal(listmodel_filter_more(&lm), 0);
	assert_int_equal(lm.filtering, 1);
	assert_int_equal(lm.nrows, 20);
	assert_int_equal(lm.sel, 3);
	assert_int_equal(listmodel_filter_finish(&lm), 0);
	assert_int_equal(lm.filtering, 0);
	assert_int_equal(lm.nrows, 40);
	assert_int_equal(f.sorted_col, 4);
	/* Nothing more to do: a no-op. */
	assert_int_equal(listmodel_filter_more(&lm), 0);
	assert_int_equal(lm.nrows, 40);
	listmodel_release(&lm);
}

/* A list without filter or sort callbacks refuses both. */
static void
test_no_callbacks(void **state)
{
	static const struct listmodel_ops ops = { .count = fake_count,
		.cell = fake_cell };
	struct listmodel lm;
	struct fake f = { .n = 3, .shown = 3 };
	int first, n;

	(void)state;
	listmodel_init(&lm, &ops, &f, cols, 3, NULL);
	listmodel_set_size(&lm, 40, 10);
	listmodel_reload(&lm);
	assert_int_equal(listmodel_set_filter(&lm, "x"), ERR_STATE);
	assert_int_equal(listmodel_sort(&lm, 0), ERR_STATE);
	listmodel_visible(&lm, &first, &n);
	assert_int_equal(n, 3);
	listmodel_release(&lm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_move),
		cmocka_unit_test(test_layout_lines),
		cmocka_unit_test(test_layout_narrow),
		cmocka_unit_test(test_visible_only),
		cmocka_unit_test(test_filter_sort_empty),
		cmocka_unit_test(test_filter_slices),
		cmocka_unit_test(test_no_callbacks),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
