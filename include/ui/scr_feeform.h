/*
 * scr_feeform.h: the small forms of the fee items screen, over its list: a
 * fee item (new: name, kind, unit, where it applies; edit: the same but
 * the kind, plus whether it is still billed) and a new standard (收费标准:
 * the day it starts and the price).  Each saves through svc itself and
 * stays open with what was typed, the cursor on the field, when svc
 * refuses.
 */
#ifndef FD_UI_SCR_FEEFORM_H
#define FD_UI_SCR_FEEFORM_H

#include <stdint.h>

#include "ui/screen.h"

/* What a fee item form is about (borrowed for the form's life). */
struct feeitem_arg {
	int64_t id;          /* 0: a new item */
	const char *name;    /* edit: the values now */
	int kind;            /* edit: enum fee_kind (shown, not changed) */
	const char *unit;
	const char *applies; /* as fee_applies_parse() reads it */
	int active;
};

/* Opened with a struct feeitem_arg; answers ok, with the item's name as
 * text, when it was saved. */
extern const struct screen_ops scr_feeitem_form_ops;

/* What a standard form is about (borrowed). */
struct feestd_arg {
	int64_t item_id;
	const char *name;    /* 物业服务费 */
	const char *per;     /* what the price is per ("yuan per month") */
	const char *from;    /* the day offered first */
	const char *price;   /* the price in force, as a hint ("" none) */
};

/* Opened with a struct feestd_arg; answers ok when the standard was
 * added. */
extern const struct screen_ops scr_feestd_form_ops;

#endif
