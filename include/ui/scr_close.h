/*
 * scr_close.h: the daily close (日结).  A cashier sees their own day (the
 * receipts first to last, totals by method, cash, voids) and closes it with
 * the float and the counted cash, the expected cash and the difference
 * worked out as they type; a closed day shows its close, read-only, and
 * earlier days can be looked at.  The director sees the closes of a day or
 * a range of days, with the cashiers who took money and have not closed,
 * opens a cashier's day and marks a close reviewed.
 */
#ifndef FD_UI_SCR_CLOSE_H
#define FD_UI_SCR_CLOSE_H

#include <stdint.h>

#include "core/date.h"
#include "ui/screen.h"

/*
 * The daily close: opened with NULL it is the session's own day (a
 * cashier) or the list of closes (the director); opened with a struct
 * close_arg it is that cashier's day, read-only unless it is one's own.
 */
extern const struct screen_ops scr_close_ops;

/* Which cashier-day scr_close_ops opens (copied at open). */
struct close_arg {
	int64_t cashier_id; /* users.id; 0: the session's own */
	char day[DATE_BUFSZ]; /* "YYYY-MM-DD" */
};

#endif
