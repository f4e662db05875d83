/*
 * scr_grid.h: the building grid (楼盘表): one building's entrances side by
 * side, floors from the top down, a cell per house with its room number,
 * coloured by state (vacant, occupied, decorating, let; a legend says
 * which; without colours each cell carries a mark).  Arrows move, Enter
 * opens the house, F6 picks another building.
 */
#ifndef FD_UI_SCR_GRID_H
#define FD_UI_SCR_GRID_H

#include "ui/screen.h"

/* Opened with a pointer to an int64_t house id to start on (its building;
 * 0: the first building).  Answers ok when a house opened from it was
 * changed. */
extern const struct screen_ops scr_grid_ops;

#endif
