/*
 * scr_pay.h: the payment box of the counter (收款): amount (the picked
 * total to start with), method, cash given with the change shown as it is
 * typed, and whether an amount above the bills is kept as credit.  It
 * calls svc_pay() itself, so a refusal keeps the box open with the cursor
 * on the field that is wrong; what happened goes back through struct
 * pay_ctx.
 */
#ifndef FD_UI_SCR_PAY_H
#define FD_UI_SCR_PAY_H

#include <stdint.h>

#include "svc/svc_cashier.h"
#include "ui/model/paymodel.h"
#include "ui/screen.h"

/* What the counter hands to the box (the open() arg) and gets back. */
struct pay_ctx {
	struct paymodel *pm;       /* the picked bills and the method;
				      borrowed, the method is set here */
	int64_t house_id;
	int64_t seen_payment_id;   /* counter.seen_payment_id */
	const char *house_code;    /* for the title; borrowed */
	/* OUT, when the box answers ok: */
	int rc;                    /* 0: paid (res); else ERR_CONFLICT or
				      ERR_NOTFOUND: the house changed at
				      another desk (msg says how) */
	char msg[1024];
	struct pay_result res;
};

/* The box; open() takes a struct pay_ctx *.  Answers ok = 1 when it paid
 * or found the house changed, ok = 0 when Esc left it. */
extern const struct screen_ops scr_pay_ops;

#endif
