/*
 * scr_audit.h: the audit log, read-only: every change with its time, user,
 * desk, action, entity and summary, newest first; '/' filters as you type
 * and Enter shows one entry whole.  Needs PERM_AUDIT_VIEW.  It asks the
 * database only for the rows on screen, so a log of 100k rows opens and
 * scrolls as fast as a short one.
 */
#ifndef FD_UI_SCR_AUDIT_H
#define FD_UI_SCR_AUDIT_H

#include "ui/screen.h"

extern const struct screen_ops scr_audit_ops;

#endif
