/*
 * scr_counter.h: the cashier's counter (收银台): find the house, see its
 * open bills oldest first with the credit and recent payments, pick bills,
 * take the payment (scr_pay.h) and print the receipt; reprint, view and
 * ask to void a recent receipt.  Roles that may only look (PERM_FEE_VIEW
 * without PERM_FEE_COLLECT) get it read-only.
 */
#ifndef FD_UI_SCR_COUNTER_H
#define FD_UI_SCR_COUNTER_H

#include "ui/screen.h"

/* The counter; open() takes NULL, or a const int64_t * house id to start
 * on that house. */
extern const struct screen_ops scr_counter_ops;

#endif
