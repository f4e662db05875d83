/*
 * scr_users.h: the accounts of the program: login name, display name,
 * role and state (active, disabled, locked after wrong passwords).  Two
 * kinds, so that a role sees only the keys it may use: the administrator's
 * adds accounts, resets passwords, disables and enables them and unlocks;
 * the director's only unlocks.
 */
#ifndef FD_UI_SCR_USERS_H
#define FD_UI_SCR_USERS_H

#include "ui/screen.h"

/* Everything (PERM_USER_MANAGE). */
extern const struct screen_ops scr_users_ops;

/* The list and unlocking only (PERM_USER_UNLOCK). */
extern const struct screen_ops scr_users_unlock_ops;

#endif
