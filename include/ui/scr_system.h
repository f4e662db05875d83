/*
 * scr_system.h: accounts and upkeep, the module of the administrator and
 * the director: users, the audit log, a backup now, the integrity check,
 * each shown only to a role that may use it.
 */
#ifndef FD_UI_SCR_SYSTEM_H
#define FD_UI_SCR_SYSTEM_H

#include <stddef.h>

#include "ui/screen.h"

extern const struct screen_ops scr_system_ops;

/*
 * Home's line for the module: how many accounts are locked, when any are
 * (the director unlocks them).  Returns 0 with buf filled, or ERR_NOTFOUND
 * when there is nothing to point out (home then shows the blurb).
 */
int scr_system_summary(struct app *app, char *buf, size_t bufsz);

#endif
