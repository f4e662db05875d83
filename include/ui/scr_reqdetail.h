/*
 * scr_reqdetail.h: one service request whole: its fields, deadlines,
 * timeline, and the actions the role may take on it.
 */
#ifndef FD_UI_SCR_REQDETAIL_H
#define FD_UI_SCR_REQDETAIL_H

#include "ui/screen.h"

/* The detail; app_push() arg: a const int64_t * request id.  Answers ok
 * when something was changed, so the list below reloads. */
extern const struct screen_ops scr_reqdetail_ops;

#endif
