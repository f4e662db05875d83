/*
 * scr_ownerform.h: the form for an owner (业主): person or company, name,
 * phones, ID type and number, move-in date, emergency contact, notes; a
 * new owner also names the house he holds and since when.  Each field is
 * checked as it is left with the core parsers (phone_parse, idcard_parse,
 * date_parse ...), everything again by svc on Ctrl-S.  Numbers on file are
 * shown masked and kept unless typed over (保密制度).  A change made at
 * another desk meanwhile is refused and said so; the form stays.
 */
#ifndef FD_UI_SCR_OWNERFORM_H
#define FD_UI_SCR_OWNERFORM_H

#include <stdint.h>

#include "ui/screen.h"

/* What the form is opened for. */
struct ownerform_arg {
	int64_t owner_id; /* the owner to change, or 0 for a new one ... */
	int64_t house_id; /* ... who holds this house (0: type its number) */
};

/* Opened with a struct ownerform_arg; answers ok when saved. */
extern const struct screen_ops scr_ownerform_ops;

#endif
