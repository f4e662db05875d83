/*
 * scr_help.h: the help screen of another screen: its title, what it is for, its
 * keys and the global keys, generated from the same key tables that drive
 * dispatch and the key bar.  open() takes the screen to describe.
 */
#ifndef FD_UI_SCR_HELP_H
#define FD_UI_SCR_HELP_H

#include "ui/screen.h"

extern const struct screen_ops scr_help_ops;

#endif
