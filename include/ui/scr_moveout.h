/*
 * scr_moveout.h: ending a stay or a share, with its date: an occupant
 * moves out (svc_occupant_end), or a joint owner leaves the holding
 * (svc_holding_end; a sale is a transfer instead).  Nothing is deleted:
 * the person stays in the house's history with the end date.
 */
#ifndef FD_UI_SCR_MOVEOUT_H
#define FD_UI_SCR_MOVEOUT_H

#include <stdint.h>

#include "ui/screen.h"

/* Whose stay or share ends. */
struct moveout_arg {
	int holding;        /* 0: occupant id moves out; 1: holding id ends */
	int64_t id;         /* occupants.id or holdings.id */
	int64_t version;    /* the occupant's version as read */
	int64_t house_id;
	const char *name;   /* the person, for the form (copied) */
	const char *since;  /* when the stay or share began (copied) */
};

/* Opened with a struct moveout_arg; answers ok when done. */
extern const struct screen_ops scr_moveout_ops;

#endif
