/*
 * scr_visit.h: the quick visit entry (来访登记), reachable from every
 * screen with F4 (or Ctrl-G): the house (filled in with the house on
 * screen), who came (one of the house's owners or occupants picked from a
 * list, or someone else with a name and phone), why (咨询, 投诉, 报修, 办事,
 * 其他), what was said and what was done.  The receiver, the desk and the
 * time are the session's and the clock's.
 */
#ifndef FD_UI_SCR_VISIT_H
#define FD_UI_SCR_VISIT_H

#include "ui/screen.h"

/* Opened with a pointer to an int64_t house id (0: none yet); answers ok
 * when the visit was logged. */
extern const struct screen_ops scr_visit_ops;

#endif
