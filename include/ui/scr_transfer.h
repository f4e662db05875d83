/*
 * scr_transfer.h: the transfer of ownership (过户) of one house: the date
 * and the new owner or owners (one, or two for joint ownership).  svc ends
 * every current holding on that date and starts the new ones, as one
 * action; the history stays, family of the old owners move out, tenants
 * stay.  A date before the current holding began is refused.
 */
#ifndef FD_UI_SCR_TRANSFER_H
#define FD_UI_SCR_TRANSFER_H

#include "ui/screen.h"

/* Opened with a pointer to the int64_t house id; answers ok when done. */
extern const struct screen_ops scr_transfer_ops;

#endif
