/*
 * scr_fees.h: the fees module (收费): a menu of the fee screens the role
 * may use: the counter, the daily close, voids, arrears and reminders,
 * bills for a period, meter readings, fee items and the monthly report.
 */
#ifndef FD_UI_SCR_FEES_H
#define FD_UI_SCR_FEES_H

#include <stddef.h>

#include "ui/screen.h"

extern const struct screen_ops scr_fees_ops;

/*
 * Home's line for the module: the cashier's day so far (receipts and
 * total), or the voids waiting for the director.  0 with buf filled, or
 * ERR_NOTFOUND when there is nothing to point out.
 */
int scr_fees_summary(struct app *app, char *buf, size_t bufsz);

#endif
