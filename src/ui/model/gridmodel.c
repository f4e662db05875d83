/*
 * gridmodel.c: a building's houses as floors x columns, and the cursor
 * (no curses, no database).  A building has at most a few hundred houses
 * and a few dozen columns, so plain linear searches are fast enough and
 * keep this obvious.
 */
#include "ui/model/gridmodel.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Append v to a[0..n) when it is not there yet (n grows). */
static void
add_once(int *a, int *n, int v)
{
	int i;

	for (i = 0; i < *n; i++)
		if (a[i] == v)
			return;
	a[(*n)++] = v;
}

/* The column of entrance e, unit u, or -1. */
static int
col_of(const struct gridmodel *g, int e, int u)
{
	int c;

	for (c = 0; c < g->ncols; c++)
		if (g->col_ent[c] == e && g->col_unit[c] == u)
			return c;
	return -1;
}

/* The row of floor f, or -1. */
static int
row_of(const struct gridmodel *g, int f)
{
	int r;

	for (r = 0; r < g->nfloors; r++)
		if (g->floors[r] == f)
			return r;
	return -1;
}

/* Columns by entrance, then unit; floors from the top (insertion sorts:
 * a few dozen entries). */
static void
sort_axes(struct gridmodel *g)
{
	int i, j, e, u, f;

	for (i = 1; i < g->ncols; i++) {
		e = g->col_ent[i];
		u = g->col_unit[i];
		for (j = i; j > 0 && (g->col_ent[j - 1] > e ||
		    (g->col_ent[j - 1] == e && g->col_unit[j - 1] > u)); j--) {
			g->col_ent[j] = g->col_ent[j - 1];
			g->col_unit[j] = g->col_unit[j - 1];
		}
		g->col_ent[j] = e;
		g->col_unit[j] = u;
	}
	for (i = 1; i < g->nfloors; i++) {
		f = g->floors[i];
		for (j = i; j > 0 && g->floors[j - 1] < f; j--)
			g->floors[j] = g->floors[j - 1];
		g->floors[j] = f;
	}
}

void
gridmodel_init(struct gridmodel *g, struct house_cell *cells, int n)
{
	const struct house_cell *h;
	size_t sz = (size_t)(n > 0 ? n : 0) + 1;
	int i, r, c;

	memset(g, 0, sizeof *g);
	g->cells = cells;
	g->ncells = n > 0 ? n : 0;
	g->floors = xcalloc(sz, sizeof *g->floors);
	g->col_ent = xcalloc(sz, sizeof *g->col_ent);
	g->col_unit = xcalloc(sz, sizeof *g->col_unit);
	for (i = 0; i < g->ncells; i++) {
		h = &g->cells[i];
		add_once(g->floors, &g->nfloors, h->floor);
		if (col_of(g, h->entrance, h->room % 100) < 0) {
			g->col_ent[g->ncols] = h->entrance;
			g->col_unit[g->ncols] = h->room % 100;
			g->ncols++;
		}
	}
	sort_axes(g);
	g->at = xcalloc((size_t)g->nfloors * (size_t)g->ncols + 1,
	    sizeof *g->at);
	for (i = 0; i < g->nfloors * g->ncols; i++)
		g->at[i] = -1;
	for (i = 0; i < g->ncells; i++) {
		h = &g->cells[i];
		r = row_of(g, h->floor);
		c = col_of(g, h->entrance, h->room % 100);
		g->at[r * g->ncols + c] = i;
		if ((unsigned)h->state < HOUSE_STATE_COUNT)
			g->counts[h->state]++;
	}
	gridmodel_place(g, 0);
}

void
gridmodel_release(struct gridmodel *g)
{
	free(g->cells);
	free(g->floors);
	free(g->col_ent);
	free(g->col_unit);
	free(g->at);
	memset(g, 0, sizeof *g);
}

const struct house_cell *
gridmodel_cell(const struct gridmodel *g, int row, int col)
{
	int i;

	if (row < 0 || row >= g->nfloors || col < 0 || col >= g->ncols)
		return NULL;
	i = g->at[row * g->ncols + col];
	return i >= 0 ? &g->cells[i] : NULL;
}

const struct house_cell *
gridmodel_cursor(const struct gridmodel *g)
{
	return gridmodel_cell(g, g->row, g->col);
}

int
gridmodel_place(struct gridmodel *g, int64_t id)
{
	const struct house_cell *h;
	int r, c;

	for (r = 0; r < g->nfloors; r++)
		for (c = 0; c < g->ncols; c++)
			if ((h = gridmodel_cell(g, r, c)) != NULL &&
			    (id == 0 || h->id == id)) {
				g->row = r;
				g->col = c;
				return id != 0;
			}
	if (id != 0)
		gridmodel_place(g, 0);
	return 0;
}

void
gridmodel_step(struct gridmodel *g, int drow, int dcol)
{
	int r = g->row + drow, c = g->col + dcol;

	if (drow == 0 && dcol == 0)
		return;
	while (r >= 0 && r < g->nfloors && c >= 0 && c < g->ncols) {
		if (gridmodel_cell(g, r, c) != NULL) {
			g->row = r;
			g->col = c;
			return;
		}
		r += drow;
		c += dcol;
	}
}

void
gridmodel_floors(struct gridmodel *g, int n)
{
	int r, back = n < 0 ? 1 : -1;

	if (g->nfloors == 0)
		return;
	r = n < -g->nfloors ? 0 : n > g->nfloors ? g->nfloors - 1 :
	    g->row + n;
	r = r < 0 ? 0 : r >= g->nfloors ? g->nfloors - 1 : r;
	while (r != g->row && gridmodel_cell(g, r, g->col) == NULL)
		r += back;
	g->row = r;
}

int
gridmodel_col_x(const struct gridmodel *g, int c, int label, int cellw,
    int gap)
{
	int i, gaps = 0;

	for (i = 1; i <= c && i < g->ncols; i++)
		gaps += g->col_ent[i] != g->col_ent[i - 1];
	return label + c * cellw + gaps * gap;
}
