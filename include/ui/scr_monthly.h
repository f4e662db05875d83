/*
 * scr_monthly.h: the monthly report (月报) for the director: a period
 * field (last month to start with), billed and collected per item and per
 * building with the totals, the collection rates by amount and by
 * household (收缴率) and the rate of old arrears recovered (清缴率), each
 * with its formula printed under the tables.
 */
#ifndef FD_UI_SCR_MONTHLY_H
#define FD_UI_SCR_MONTHLY_H

#include "ui/screen.h"

/* Opened with no argument; needs PERM_REPORTS. */
extern const struct screen_ops scr_monthly_ops;

#endif
