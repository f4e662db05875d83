/*
 * scr_account.h: the user's own account: display name and password change.
 */
#ifndef FD_UI_SCR_ACCOUNT_H
#define FD_UI_SCR_ACCOUNT_H

#include "ui/screen.h"

extern const struct screen_ops scr_account_ops;

#endif
