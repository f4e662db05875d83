/*
 * scr_voiddetail.h: one receipt and its void (红冲): the payment, the
 * request, the receipt; the director approves or rejects it, a cashier
 * asks for the void of a receipt that has none.  Opened from the voids
 * list (scr_voids.c) with a struct voiddetail_arg.
 */
#ifndef FD_UI_SCR_VOIDDETAIL_H
#define FD_UI_SCR_VOIDDETAIL_H

#include <stddef.h>
#include <stdint.h>

#include "ui/screen.h"

/* What the detail shows (copied at open). */
struct voiddetail_arg {
	int64_t void_id;    /* the request; 0: payment_id without a request */
	int64_t payment_id; /* the payment (set from the request when 0) */
	int64_t asked_at;   /* when the request was made (unix); 0: unknown */
};

/* "11-20 10:31": unix time t in local time, "" for 0 (the voids list
 * shows when a request was asked the same way).  OUT: buf (16 is
 * enough). */
void scr_voiddetail_when(char *buf, size_t bufsz, int64_t t);

/* Answers ok when a void was decided or asked for. */
extern const struct screen_ops scr_voiddetail_ops;

#endif
