/*
 * scr_arrears.h: arrears (欠费) as of today for every role that may see
 * fees: by house with the age buckets and the reminder stage, by building
 * and by item (Tab), filtered by building, item and age; Enter on a house
 * opens its reminder log (scr_remind.h).  Utilities are never cut off:
 * reminders are the whole of the chase.
 */
#ifndef FD_UI_SCR_ARREARS_H
#define FD_UI_SCR_ARREARS_H

#include "ui/screen.h"

/* Opened with no argument. */
extern const struct screen_ops scr_arrears_ops;

#endif
