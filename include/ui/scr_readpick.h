/*
 * scr_readpick.h: which meter readings to key in: a small form over the
 * reading grid with the building (its number), the metered item and the
 * period.
 */
#ifndef FD_UI_SCR_READPICK_H
#define FD_UI_SCR_READPICK_H

#include "ui/screen.h"

/* The sheet being picked: the form starts from these and, on Enter,
 * writes them back (the pointers must outlive the form). */
struct readpick_arg {
	int *building;             /* building number */
	int *item;                 /* index into items */
	char *period;              /* "YYYY-MM" (DATE_PERIOD_BUFSZ bytes) */
	const char *const *items;  /* metered item names, NULL-ended */
};

/* Opened with a struct readpick_arg; answers ok when the values were
 * written back. */
extern const struct screen_ops scr_readpick_ops;

#endif
