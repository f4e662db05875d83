/*
 * scr_house.h: one house with everything about it (一户一档 on screen):
 * its facts, current owners and occupants, the visit log, the history of
 * owners and occupants, and the sections later modules fill.  ID and phone
 * numbers are masked; roles that may see them reveal one at a time, and
 * every reveal is audited (保密制度).  From here: edit the house, add an
 * owner or an occupant, a transfer of ownership (过户), a move-out, and the
 * visit entry (F4) with this house filled in.
 *
 * Opened with app_push(app, &scr_house_ops, &house_id, tag), house_id an
 * int64_t; it answers ok (no text) when anything was changed, so the
 * screen below can look again.
 */
#ifndef FD_UI_SCR_HOUSE_H
#define FD_UI_SCR_HOUSE_H

#include "ui/screen.h"

extern const struct screen_ops scr_house_ops;

#endif
