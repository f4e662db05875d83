/*
 * test_gridmodel.c: the building grid (楼盘表) model: houses in any order
 * filed into floors from the top and a column per entrance and unit, the
 * counts by state, holes (a missing room, a shop floor with another
 * layout), the cursor stepping over holes and stopping at the edges, pages
 * of floors, the columns' places with a gap between entrances, a 31-floor
 * building, and an empty one.
 */
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "ui/model/gridmodel.h"
#include "util/xalloc.h"

/* Building: entrances 1 and 2, units 1-2, floors 1-31, in a scrambled
 * order; 1-1502 missing; a shop at 1-103 (unit 3 on floor 1 only). */
static struct house_cell *
building(int *n)
{
	struct house_cell *c = xcalloc(200, sizeof *c);
	int e, f, u, k = 0, i, j;
	struct house_cell t;

	for (f = 1; f <= 31; f++)
		for (e = 1; e <= 2; e++)
			for (u = 1; u <= 2; u++) {
				if (e == 1 && f == 15 && u == 2)
					continue;
				c[k] = (struct house_cell){ e * 10000 + f * 100 + u,
					e, f, f * 100 + u,
					(enum house_state)((f + u) % 4),
					HOUSE_USE_RESIDENCE };
				k++;
			}
	c[k++] = (struct house_cell){ 99, 1, 1, 103, HOUSE_LET,
		HOUSE_USE_SHOP };
	for (i = 0; i < k; i++) { /* scramble deterministically */
		j = (i * 37 + 11) % k;
		t = c[i];
		c[i] = c[j];
		c[j] = t;
	}
	*n = k;
	return c;
}

/* gridmodel_init(): axes, holes, counts, the cursor at the top left. */
static void
test_init(void **state)
{
	struct gridmodel g;
	struct house_cell *c;
	int n, st, total = 0;

	(void)state;
	c = building(&n);
	gridmodel_init(&g, c, n);
	assert_int_equal(n, 31 * 4 - 1 + 1);
	assert_int_equal(g.nfloors, 31);
	assert_int_equal(g.floors[0], 31);
	assert_int_equal(g.floors[30], 1);
	assert_int_equal(g.ncols, 5);
	assert_int_equal(g.col_ent[2], 1);
	assert_int_equal(g.col_unit[2], 3);
	assert_int_equal(g.col_ent[3], 2);
	assert_int_equal(g.col_unit[3], 1);
	for (st = 0; st < HOUSE_STATE_COUNT; st++)
		total += g.counts[st];
	assert_int_equal(total, n);
	assert_int_equal(gridmodel_cursor(&g)->room, 3101);
	assert_int_equal(gridmodel_cursor(&g)->entrance, 1);
	/* the hole and the shop */
	assert_null(gridmodel_cell(&g, 31 - 15, 1));
	assert_int_equal(gridmodel_cell(&g, 30, 2)->id, 99);
	assert_null(gridmodel_cell(&g, 29, 2));
	assert_null(gridmodel_cell(&g, -1, 0));
	assert_null(gridmodel_cell(&g, 0, 5));
	gridmodel_release(&g);
}

/* gridmodel_place(), gridmodel_step(): holes stepped over, edges kept. */
static void
test_moves(void **state)
{
	struct gridmodel g;
	struct house_cell *c;
	int n;

	(void)state;
	c = building(&n);
	gridmodel_init(&g, c, n);
	assert_int_equal(gridmodel_place(&g, 11601 + 1), 1);
	assert_int_equal(gridmodel_cursor(&g)->room, 1602);
	gridmodel_step(&g, 1, 0); /* 1502 is missing: on to 1402 */
	assert_int_equal(gridmodel_cursor(&g)->room, 1402);
	gridmodel_step(&g, 0, 1); /* unit 3 only on floor 1: on to 2-1401 */
	assert_int_equal(gridmodel_cursor(&g)->entrance, 2);
	assert_int_equal(gridmodel_cursor(&g)->room, 1401);
	gridmodel_step(&g, 0, 1);
	gridmodel_step(&g, 0, 1); /* the right edge: stays */
	assert_int_equal(gridmodel_cursor(&g)->room, 1402);
	assert_int_equal(gridmodel_cursor(&g)->entrance, 2);
	assert_int_equal(gridmodel_place(&g, 424242), 0);
	assert_int_equal(gridmodel_cursor(&g)->room, 3101);
	gridmodel_step(&g, -1, 0); /* the top edge */
	assert_int_equal(gridmodel_cursor(&g)->room, 3101);
	gridmodel_step(&g, 0, 0);
	assert_int_equal(gridmodel_cursor(&g)->room, 3101);
	gridmodel_release(&g);
}

/* gridmodel_floors(): pages and ends, landing on a house. */
static void
test_floors(void **state)
{
	struct gridmodel g;
	struct house_cell *c;
	int n;

	(void)state;
	c = building(&n);
	gridmodel_init(&g, c, n);
	gridmodel_place(&g, 12502);
	gridmodel_floors(&g, 10); /* 1502 is a hole: back up to 1602 */
	assert_int_equal(gridmodel_cursor(&g)->room, 1602);
	gridmodel_floors(&g, g.nfloors);
	assert_int_equal(gridmodel_cursor(&g)->room, 102);
	gridmodel_floors(&g, -g.nfloors);
	assert_int_equal(gridmodel_cursor(&g)->room, 3102);
	gridmodel_floors(&g, -10);
	assert_int_equal(gridmodel_cursor(&g)->room, 3102);
	/* the shop's column has a house on floor 1 only */
	gridmodel_place(&g, 99);
	gridmodel_floors(&g, -10);
	assert_int_equal(gridmodel_cursor(&g)->id, 99);
	gridmodel_release(&g);
}

/* gridmodel_col_x(): cells and the gap at each new entrance. */
static void
test_col_x(void **state)
{
	struct gridmodel g;
	struct house_cell *c;
	int n;

	(void)state;
	c = building(&n);
	gridmodel_init(&g, c, n);
	assert_int_equal(gridmodel_col_x(&g, 0, 5, 5, 2), 5);
	assert_int_equal(gridmodel_col_x(&g, 2, 5, 5, 2), 15);
	assert_int_equal(gridmodel_col_x(&g, 3, 5, 5, 2), 22);
	assert_int_equal(gridmodel_col_x(&g, 4, 5, 6, 2), 31);
	gridmodel_release(&g);
}

/* An empty building, and a cell with an impossible state. */
static void
test_empty(void **state)
{
	struct gridmodel g;
	struct house_cell *c = xcalloc(1, sizeof *c);

	(void)state;
	gridmodel_init(&g, NULL, 0);
	assert_null(gridmodel_cursor(&g));
	gridmodel_step(&g, 1, 1);
	gridmodel_floors(&g, 10);
	assert_int_equal(gridmodel_place(&g, 5), 0);
	assert_int_equal(gridmodel_col_x(&g, 0, 5, 5, 2), 5);
	gridmodel_release(&g);
	*c = (struct house_cell){ 1, 1, 1, 101, (enum house_state)42,
		HOUSE_USE_RESIDENCE };
	gridmodel_init(&g, c, 1);
	assert_int_equal(gridmodel_cursor(&g)->id, 1);
	assert_int_equal(g.counts[0] + g.counts[1] + g.counts[2] +
	    g.counts[3], 0);
	gridmodel_release(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init),
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_floors),
		cmocka_unit_test(test_col_x),
		cmocka_unit_test(test_empty),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
