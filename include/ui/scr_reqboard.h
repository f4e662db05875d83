/*
 * scr_reqboard.h: the director's board of service requests: the overdue
 * list with the owner of each, today's register with its sign-off, and
 * the month's review.
 */
#ifndef FD_UI_SCR_REQBOARD_H
#define FD_UI_SCR_REQBOARD_H

#include "ui/screen.h"

/* The board; app_push() arg: NULL. */
extern const struct screen_ops scr_reqboard_ops;

#endif
