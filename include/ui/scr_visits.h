/*
 * scr_visits.h: today's visits for the desk (今日来访): time, house,
 * purpose, visitor, what was said and who received them, newest first;
 * this desk's or every desk's.  Enter shows one visit whole; F2 logs a new
 * one.
 */
#ifndef FD_UI_SCR_VISITS_H
#define FD_UI_SCR_VISITS_H

#include "ui/screen.h"

struct app;
struct visit;

extern const struct screen_ops scr_visits_ops;

/* Show visit v whole in a message box (its phone masked). */
void scr_visits_show(struct app *app, const struct visit *v);

#endif
