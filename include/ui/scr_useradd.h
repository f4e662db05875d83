/*
 * scr_useradd.h: the form for a new account: login name, display name
 * (Chinese welcome), role and the first password, typed twice.  Saved with
 * Ctrl-S; the login name goes back to the opener as the answer's text.
 */
#ifndef FD_UI_SCR_USERADD_H
#define FD_UI_SCR_USERADD_H

#include "ui/screen.h"

extern const struct screen_ops scr_useradd_ops;

#endif
