/*
 * scr_voids.h: voids (红冲).  The director sees the void requests waiting
 * (and, on a second tab, the decided ones), opens one with its receipt and
 * reason, and approves (the payment is reversed today, its bills reopen)
 * or rejects it with an optional note.  A cashier sees their own requests
 * and asks for the void of a receipt by typing its number and a reason.
 */
#ifndef FD_UI_SCR_VOIDS_H
#define FD_UI_SCR_VOIDS_H

#include "ui/screen.h"

extern const struct screen_ops scr_voids_ops;

#endif
