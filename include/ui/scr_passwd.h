/*
 * scr_passwd.h: the administrator sets a new password for another
 * account (typed twice), for instance when its owner forgot it.  open()
 * takes the account's struct user_info (borrowed; only read in open).
 */
#ifndef FD_UI_SCR_PASSWD_H
#define FD_UI_SCR_PASSWD_H

#include "ui/screen.h"

extern const struct screen_ops scr_passwd_ops;

#endif
