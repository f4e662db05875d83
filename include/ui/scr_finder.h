/*
 * scr_finder.h: the owners module's entry (业主档案): one search box that
 * takes a house number or its prefix (3-2-1502, 3-2-), a name (one or two
 * Chinese characters will do), a phone number or its last four digits, or
 * an ID number, and lists the households found as you type; Enter opens
 * the house.  From here: the building grid, today's visits, a new house.
 */
#ifndef FD_UI_SCR_FINDER_H
#define FD_UI_SCR_FINDER_H

#include <stddef.h>

#include "ui/screen.h"

extern const struct screen_ops scr_finder_ops;

/*
 * Home's line for the module: houses on file and visits logged today at
 * every desk ("3950 套房屋 · 今日来访 12 次").  Returns 0 with buf filled,
 * or an err code (home then shows the blurb).
 */
int scr_finder_summary(struct app *app, char *buf, size_t bufsz);

#endif
