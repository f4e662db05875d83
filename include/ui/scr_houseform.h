/*
 * scr_houseform.h: the form for a house (房屋): house number, floor area,
 * use, state and notes.  The floor follows from the room number.  Each
 * field is checked as it is left (houseno_parse, area_parse) and again by
 * svc on Ctrl-S; a house number already on file and a change made at
 * another desk meanwhile are refused with a clear message, and the form
 * stays.
 */
#ifndef FD_UI_SCR_HOUSEFORM_H
#define FD_UI_SCR_HOUSEFORM_H

#include "ui/screen.h"

/* Opened with a pointer to an int64_t house id, 0 for a new house;
 * answers ok with the house number as its text when saved. */
extern const struct screen_ops scr_houseform_ops;

#endif
