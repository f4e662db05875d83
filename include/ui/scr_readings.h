/*
 * scr_readings.h: meter readings (抄表) of a building, a metered item (水费,
 * 电费) and a period, keyed in a grid: one row per house with the start,
 * this reading, usage, the house's average and flags (unusual, billed,
 * first reading, meter replaced).  Typing replaces the selected row's
 * reading and Enter saves it and moves down.
 */
#ifndef FD_UI_SCR_READINGS_H
#define FD_UI_SCR_READINGS_H

#include "ui/screen.h"

/* Needs PERM_FEE_SETUP or PERM_FEE_COLLECT.  Opened without an argument:
 * building 1, the first metered item, the current month. */
extern const struct screen_ops scr_readings_ops;

#endif
