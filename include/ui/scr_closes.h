/*
 * scr_closes.h: the director's list of daily closes (日结复核): the closes
 * of a day or a range of days with the cashiers who have not closed; a
 * cashier's day opens from it and a close is marked reviewed.  Opened
 * through scr_close_ops (the fees menu's daily close entry).
 */
#ifndef FD_UI_SCR_CLOSES_H
#define FD_UI_SCR_CLOSES_H

#include "ui/screen.h"

extern const struct screen_ops scr_closes_ops;

#endif
