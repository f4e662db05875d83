/*
 * test_readgrid.c: ui/model/readgrid.c, the meter-reading grid: rows and
 * selection, typing a reading in place, the usage preview and flags, the
 * save handshake with the screen, billed rows read-only, hostile input.
 */
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "ui/model/readgrid.h"
#include "util/err.h"

/* Three houses: 101 read (start 100, now 112.5), 102 not read (start
 * 2000, average 10), 103 billed (start 50, 60), 104 first reading. */
static void
rows4(struct readgrid_row *r)
{
	memset(r, 0, 4 * sizeof *r);
	strcpy(r[0].code, "1-1-101");
	r[0].has_prev = 1;
	r[0].start_centi = 10000;
	r[0].has_cur = 1;
	r[0].prev_centi = 10000;
	r[0].cur_centi = 11250;
	r[0].usage_centi = 1250;
	r[0].avg_centi = 1200;
	strcpy(r[1].code, "1-1-102");
	r[1].has_prev = 1;
	r[1].start_centi = 200000;
	r[1].avg_centi = 1000;
	strcpy(r[2].code, "1-1-103");
	r[2].has_prev = 1;
	r[2].start_centi = 5000;
	r[2].has_cur = 1;
	r[2].cur_centi = 6000;
	r[2].usage_centi = 1000;
	r[2].billed = 1;
	strcpy(r[3].code, "1-1-104");
}

static void
setup4(struct readgrid *g)
{
	struct readgrid_row r[4];

	rows4(r);
	readgrid_init(g, 3);
	readgrid_set_rows(g, r, 4);
	readgrid_set_height(g, 2);
}

/* Type s, character by character (UTF-8 of wide characters). */
static int
type_all(struct readgrid *g, const wchar_t *s)
{
	int rc = READGRID_REDRAW;

	for (; *s != L'\0' && rc != READGRID_REFUSED; s++)
		rc = readgrid_type(g, *s);
	return rc;
}

/* void readgrid_set_rows(); readgrid_set_height(); readgrid_move() */
static void
test_rows_and_moves(void **state)
{
	struct readgrid g;
	struct readgrid_row r[4];

	(void)state;
	readgrid_init(&g, 0);
	assert_int_equal(g.factor, 3);
	assert_int_equal(g.sel, -1);
	assert_null(readgrid_current(&g));
	assert_int_equal(readgrid_enter(&g), READGRID_REDRAW);
	assert_int_equal(readgrid_type(&g, L'1'), READGRID_REFUSED);
	rows4(r);
	readgrid_set_rows(&g, r, 4);
	readgrid_set_height(&g, 2);
	assert_int_equal(g.sel, 0);
	assert_int_equal(readgrid_move(&g, 1), READGRID_REDRAW);
	assert_int_equal(readgrid_move(&g, 5), READGRID_REDRAW);
	assert_int_equal(g.sel, 3);
	assert_int_equal(g.top, 2);
	assert_int_equal(readgrid_move(&g, -100), READGRID_REDRAW);
	assert_int_equal(g.sel, 0);
	assert_int_equal(g.top, 0);
	/* reloaded in another order: the selection follows its house */
	readgrid_move(&g, 2);
	r[0] = r[2];
	strcpy(r[2].code, "1-1-101");
	readgrid_set_rows(&g, r, 4);
	assert_int_equal(g.sel, 0);
	assert_string_equal(readgrid_current(&g)->code, "1-1-103");
	/* the house gone: the same place, kept in range */
	readgrid_move(&g, 3);
	readgrid_set_rows(&g, r, 2);
	assert_int_equal(g.sel, 1);
	readgrid_set_rows(&g, r, 0);
	assert_int_equal(g.sel, -1);
	readgrid_release(&g);
}

/* int readgrid_type(); readgrid_enter(); readgrid_saved(); */
static void
test_type_and_save(void **state)
{
	struct readgrid g;
	char cur[24], use[24], *t;
	int flags;

	(void)state;
	setup4(&g);
	/* the first character replaces the stored 112.5 */
	assert_int_equal(type_all(&g, L"113"), READGRID_REDRAW);
	assert_int_equal(g.editing, 1);
	readgrid_cells(&g, 0, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(cur, "113");
	assert_string_equal(use, "13");
	assert_int_equal(flags, 0);
	t = readgrid_typed(&g);
	assert_string_equal(t, "113");
	free(t);
	/* Enter asks for a save; the move waits for it */
	assert_int_equal(readgrid_enter(&g), READGRID_SAVE);
	assert_int_equal(g.sel, 0);
	readgrid_saved(&g);
	assert_int_equal(g.editing, 0);
	assert_int_equal(g.sel, 1);
	t = readgrid_typed(&g);
	assert_string_equal(t, "");
	free(t);
	/* Enter without typing just moves down */
	assert_int_equal(readgrid_enter(&g), READGRID_REDRAW);
	assert_int_equal(g.sel, 2);
	readgrid_release(&g);
}

/* A save that failed keeps the typing and the row; Up saves first. */
static void
test_failed_and_cancel(void **state)
{
	struct readgrid g;
	char cur[24], use[24], *t;
	int flags;

	(void)state;
	setup4(&g);
	readgrid_move(&g, 1);
	/* full-width digits from a Chinese input method are taken */
	assert_int_equal(type_all(&g, L"１９９９"), READGRID_REDRAW);
	readgrid_cells(&g, 1, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(cur, "1999");
	assert_string_equal(use, "-1");
	assert_true(flags & READGRID_BELOW);
	assert_int_equal(readgrid_move(&g, -1), READGRID_SAVE);
	readgrid_failed(&g);
	assert_int_equal(g.sel, 1);
	assert_int_equal(g.editing, 1);
	t = readgrid_typed(&g);
	assert_string_equal(t, "1999");
	free(t);
	/* corrected: a new Enter moves down, not up as asked before */
	readgrid_backspace(&g);
	readgrid_backspace(&g);
	readgrid_backspace(&g);
	readgrid_backspace(&g);
	assert_int_equal(type_all(&g, L"2100"), READGRID_REDRAW);
	readgrid_cells(&g, 1, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(use, "100");
	assert_true(flags & READGRID_UNUSUAL);
	assert_int_equal(readgrid_enter(&g), READGRID_SAVE);
	readgrid_saved(&g);
	assert_int_equal(g.sel, 2);
	/* Esc drops typing; then Esc is not the grid's */
	readgrid_move(&g, -2);
	type_all(&g, L"5");
	assert_int_equal(readgrid_cancel(&g), READGRID_REDRAW);
	readgrid_cells(&g, 0, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(cur, "112.5");
	assert_int_equal(readgrid_cancel(&g), READGRID_NONE);
	/* Backspace edits the stored reading */
	assert_int_equal(readgrid_backspace(&g), READGRID_REDRAW);
	readgrid_cells(&g, 0, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(cur, "112.");
	readgrid_release(&g);
}

/* Billed rows are read-only; letters, Chinese and signs are refused. */
static void
test_refused(void **state)
{
	struct readgrid g;
	char cur[24], use[24], flags_text[READGRID_FLAGS_BUFSZ];
	int flags;

	(void)state;
	setup4(&g);
	readgrid_move(&g, 2);
	assert_int_equal(readgrid_type(&g, L'7'), READGRID_REFUSED);
	assert_non_null(strstr(err_msg(), "1-1-103"));
	assert_int_equal(readgrid_backspace(&g), READGRID_REFUSED);
	assert_int_equal(g.editing, 0);
	readgrid_cells(&g, 2, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(cur, "60");
	assert_int_equal(flags, READGRID_BILLED);
	readgrid_move(&g, -1);
	/* int readgrid_takes(wchar_t wc); */
	assert_true(readgrid_takes(L'7'));
	assert_true(readgrid_takes(L'.'));
	assert_true(readgrid_takes(L'９'));
	assert_false(readgrid_takes(L'q'));
	assert_false(readgrid_takes(L'?'));
	assert_false(readgrid_takes(L'水'));
	assert_false(readgrid_takes(L','));
	assert_int_equal(readgrid_type(&g, L'水'), READGRID_REFUSED);
	assert_int_equal(readgrid_type(&g, L'-'), READGRID_REFUSED);
	assert_int_equal(readgrid_type(&g, L'a'), READGRID_REFUSED);
	assert_int_equal(readgrid_type(&g, L'\n'), READGRID_REFUSED);
	assert_int_equal(g.editing, 0);
	/* never more than a reading's length */
	assert_int_equal(type_all(&g, L"1234567890123456"), READGRID_REFUSED);
	readgrid_cells(&g, 1, cur, sizeof cur, use, sizeof use, &flags);
	assert_int_equal((int)strlen(cur), 12);
	readgrid_cancel(&g);
	/* two points: not a reading, flagged, nothing computed */
	type_all(&g, L"1.2.3");
	readgrid_cells(&g, 1, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(cur, "1.2.3");
	assert_string_equal(use, "");
	assert_true(flags & READGRID_BAD);
	readgrid_flags_text(flags, flags_text, sizeof flags_text);
	assert_string_equal(flags_text, "not a reading");
	readgrid_release(&g);
}

/* First readings and stored flags; the counts. */
static void
test_flags(void **state)
{
	struct readgrid g;
	struct readgrid_row r[4];
	char cur[24], use[24], text[READGRID_FLAGS_BUFSZ];
	int flags, nread, nbilled;

	(void)state;
	rows4(r);
	r[0].replaced = 1;
	r[0].unusual = 1;
	readgrid_init(&g, 3);
	readgrid_set_rows(&g, r, 4);
	readgrid_cells(&g, 0, cur, sizeof cur, use, sizeof use, &flags);
	assert_int_equal(flags, READGRID_UNUSUAL | READGRID_REPLACED);
	readgrid_flags_text(flags, text, sizeof text);
	assert_string_equal(text, "unusual meter replaced");
	readgrid_cells(&g, 3, cur, sizeof cur, use, sizeof use, &flags);
	assert_int_equal(flags, READGRID_FIRST | READGRID_MISSING);
	/* typing a first reading: no start, so no usage yet */
	readgrid_move(&g, 3);
	type_all(&g, L"88");
	readgrid_cells(&g, 3, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(cur, "88");
	assert_string_equal(use, "");
	assert_int_equal(flags, READGRID_FIRST);
	/* out of range rows are empty */
	readgrid_cells(&g, 9, cur, sizeof cur, use, sizeof use, &flags);
	assert_string_equal(cur, "");
	assert_int_equal(flags, 0);
	/* a tiny buffer is never overrun */
	readgrid_flags_text(READGRID_UNUSUAL | READGRID_BILLED, text, 4);
	assert_true(strlen(text) < 4);
	readgrid_counts(&g, &nread, &nbilled);
	assert_int_equal(nread, 2);
	assert_int_equal(nbilled, 1);
	readgrid_release(&g);
}

/* void readgrid_cells(): drawing a reading that does not parse (too
 * large, too many decimals) flags it and leaves the error a save set for
 * the screen to show, not a bare "invalid input". */
static void
test_cells_keep_error(void **state)
{
	struct readgrid g;
	char cur[24], use[24];
	int flags;

	(void)state;
	setup4(&g);
	readgrid_move(&g, 1);
	assert_int_equal(type_all(&g, L"999999999999"), READGRID_REDRAW);
	err_set(ERR_INVALID, "%s", "读数太大");
	readgrid_cells(&g, 1, cur, sizeof cur, use, sizeof use, &flags);
	assert_true(flags & READGRID_BAD);
	assert_int_equal(err_code(), ERR_INVALID);
	assert_string_equal(err_msg(), "读数太大");
	/* with no error set, none is left behind either */
	err_clear();
	readgrid_cells(&g, 1, cur, sizeof cur, use, sizeof use, &flags);
	assert_true(flags & READGRID_BAD);
	assert_int_equal(err_code(), 0);
	readgrid_release(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_and_moves),
		cmocka_unit_test(test_type_and_save),
		cmocka_unit_test(test_failed_and_cancel),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_cells_keep_error),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
