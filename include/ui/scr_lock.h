/*
 * scr_lock.h: the idle lock: hides every screen and asks for the password of the
 * user at the desk again; another user may log in instead, which ends the
 * first session.
 */
#ifndef FD_UI_SCR_LOCK_H
#define FD_UI_SCR_LOCK_H

#include "ui/screen.h"

extern const struct screen_ops scr_lock_ops;

#endif
