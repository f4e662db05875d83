/*
 * gridmodel.h: the building grid (楼盘表) without curses: one building's
 * houses filed into floors (the top floor first) x columns (a column per
 * unit of each entrance, entrances in order), the houses counted by state,
 * a cursor that moves to the nearest house in a direction, and where each
 * column goes on screen with a gap between entrances.  Missing houses
 * (a duplex, a shop floor) are holes the cursor steps over.
 */
#ifndef FD_UI_MODEL_GRIDMODEL_H
#define FD_UI_MODEL_GRIDMODEL_H

#include <stdint.h>

#include "db/house_db.h"

/* One building's grid and its cursor. */
struct gridmodel {
	struct house_cell *cells; /* owned (from svc_house_grid()) */
	int ncells;
	int *floors;              /* distinct floors, top first: the rows */
	int nfloors;
	int *col_ent;             /* per column: its entrance */
	int *col_unit;            /* per column: its unit (room % 100) */
	int ncols;
	int *at;                  /* [row * ncols + col]: cell index, -1 */
	int counts[HOUSE_STATE_COUNT]; /* houses by state */
	int row, col;             /* the cursor; on a house when there is one */
};

/*
 * File cells[0..n) (any order; taken over, freed by gridmodel_release())
 * into the grid, the cursor on the top floor's first house.
 */
void gridmodel_init(struct gridmodel *g, struct house_cell *cells, int n);

/* Free everything; g becomes empty. */
void gridmodel_release(struct gridmodel *g);

/* The house at (row, col), or NULL for a hole or out of range. */
const struct house_cell *gridmodel_cell(const struct gridmodel *g, int row,
    int col);

/* The house under the cursor, or NULL when the building has none. */
const struct house_cell *gridmodel_cursor(const struct gridmodel *g);

/* Put the cursor on house id; when it is not in the grid, on the top
 * floor's first house.  Returns 1 when id was found. */
int gridmodel_place(struct gridmodel *g, int64_t id);

/* Move by (drow, dcol) (-1, 0 or 1 each) to the nearest house that way;
 * the cursor stays when there is none. */
void gridmodel_step(struct gridmodel *g, int drow, int dcol);

/* Move n floors down (n < 0: up), clamped, to the nearest floor in that
 * range with a house in the cursor's column. */
void gridmodel_floors(struct gridmodel *g, int n);

/* Screen column of grid column c (before scrolling): label columns, then
 * cellw per unit and gap more at each new entrance. */
int gridmodel_col_x(const struct gridmodel *g, int c, int label, int cellw,
    int gap);

#endif
