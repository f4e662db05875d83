/*
 * scr_reqform.h: the new-request form (登记工单), quick for a phone call;
 * blank, or filled in from a house or from a logged visit.
 */
#ifndef FD_UI_SCR_REQFORM_H
#define FD_UI_SCR_REQFORM_H

#include <stdint.h>

#include "ui/screen.h"

/* What the form starts from: both 0 for a blank form. */
struct reqform_arg {
	int64_t house_id; /* the house on screen, or 0 */
	int64_t visit_id; /* the visit it came from, or 0 */
};

/* The form; app_push() arg: a struct reqform_arg, or NULL for the house of
 * the screens below (their house() callback; none: blank).  On
 * save it answers ok with index 0 and text the number given. */
extern const struct screen_ops scr_reqform_ops;

#endif
