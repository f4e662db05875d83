/*
 * scr_billrun.h: bills for a period (出账): the director or administrator
 * types a period, sees what is there for it already (each item's price in
 * force and how far it is billed), and makes the period's bills for every
 * house with a progress box that Esc cancels (nothing is then stored).
 * The result says what was made and what was skipped; running a period
 * again makes nothing twice.
 */
#ifndef FD_UI_SCR_BILLRUN_H
#define FD_UI_SCR_BILLRUN_H

#include "ui/screen.h"

/* Needs PERM_FEE_SETUP.  Opened without an argument. */
extern const struct screen_ops scr_billrun_ops;

#endif
