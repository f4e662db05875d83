/*
 * scr_occform.h: the form for an occupant (使用人) of a house: family or
 * tenant, name, relation, phone, ID, since and (when changing one) until,
 * notes.  Checked field by field as it is left and again by svc on save;
 * numbers on file stay masked unless typed over (保密制度).
 */
#ifndef FD_UI_SCR_OCCFORM_H
#define FD_UI_SCR_OCCFORM_H

#include <stdint.h>

#include "ui/screen.h"

/* What the form is opened for. */
struct occform_arg {
	int64_t occupant_id; /* the occupant to change, or 0 for a new one */
	int64_t house_id;    /* the house (new occupants) */
	int relation;        /* a new one: enum occupant_relation to start */
};

/* Opened with a struct occform_arg; answers ok when saved. */
extern const struct screen_ops scr_occform_ops;

#endif
