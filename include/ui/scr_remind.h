/*
 * scr_remind.h: the reminder log (催缴记录) of one house: what it owes by
 * age, its reminders (date, method, staff, result), logging a new one, and
 * the reminder notice (催缴通知单) previewed in a scrolling box and printed
 * (which logs itself as a notice).
 */
#ifndef FD_UI_SCR_REMIND_H
#define FD_UI_SCR_REMIND_H

#include "ui/screen.h"

/* Opened with a pointer to the house's int64_t id.  Answers ok when a
 * reminder was logged or a notice printed, so the opener reads again. */
extern const struct screen_ops scr_remind_ops;

#endif
