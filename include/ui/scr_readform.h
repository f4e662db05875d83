/*
 * scr_readform.h: one meter reading that needs more than the grid's one
 * number: a house's first reading (the start too) or a meter replaced in
 * the period (换表: the old meter's last reading and the new meter's
 * first).  A small form over the reading grid; it saves through
 * svc_reading_set() itself, asks before storing unusual usage, and stays
 * open with what was typed when svc refuses.
 */
#ifndef FD_UI_SCR_READFORM_H
#define FD_UI_SCR_READFORM_H

#include "ui/screen.h"

/* What the form is about (borrowed for the form's life). */
struct readform_arg {
	const char *house;    /* house number */
	const char *item;     /* the metered item's name */
	const char *unit;     /* its unit ("" none) */
	const char *period;   /* YYYY-MM */
	int first;            /* 1: no earlier reading: ask for the start */
	int replaced;         /* 1: ask for the old end and the new start */
	const char *start;    /* the start on file, or to fill in ("") */
	const char *cur;      /* the reading to fill in ("") */
};

/* Opened with a struct readform_arg; answers ok when a reading was
 * stored. */
extern const struct screen_ops scr_readform_ops;

#endif
