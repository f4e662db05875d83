/*
 * scr_feeitems.h: fee items and standards (收费项目与收费标准), for the
 * director and the administrator: every item with its kind, unit, the
 * houses it applies to, whether it is still billed, the price in force and
 * since when, and the last period billed; adding and changing items,
 * adding a price from a day on, and each item's price history.
 */
#ifndef FD_UI_SCR_FEEITEMS_H
#define FD_UI_SCR_FEEITEMS_H

#include "ui/screen.h"

/* Needs PERM_FEE_SETUP.  Opened without an argument. */
extern const struct screen_ops scr_feeitems_ops;

#endif
