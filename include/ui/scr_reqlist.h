/*
 * scr_reqlist.h: the service-request queues (the "requests" module entry):
 * mine, all open (with filters), awaiting callback, on hold; and the
 * home-screen line of the module.
 */
#ifndef FD_UI_SCR_REQLIST_H
#define FD_UI_SCR_REQLIST_H

#include <stddef.h>

#include "ui/screen.h"

struct app;

extern const struct screen_ops scr_reqlist_ops;

/*
 * The module's line on home ("待办 N，逾期 N，待回访 N") into buf.
 * Returns 0, ERR_DENIED (no session or no right) or an error.
 */
int scr_reqlist_summary(struct app *app, char *buf, size_t bufsz);

#endif
