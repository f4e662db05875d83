/*
 * scr_login.h: the login screen: user name and masked password; on a demo database
 * it shows DEMO and the demo accounts.  After login the app opens home.
 */
#ifndef FD_UI_SCR_LOGIN_H
#define FD_UI_SCR_LOGIN_H

#include "ui/screen.h"

extern const struct screen_ops scr_login_ops;

#endif
