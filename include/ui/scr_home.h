/*
 * scr_home.h: home: the modules the role may use, picked by digit or arrows, each
 * with a one-line summary from the registry; account settings; log out.
 */
#ifndef FD_UI_SCR_HOME_H
#define FD_UI_SCR_HOME_H

#include "ui/screen.h"

extern const struct screen_ops scr_home_ops;

#endif
