/*
 * registry.h: the modules home offers.  Adding a module screen is one file
 * (scr_NAME.c exporting scr_NAME_ops) and one line in registry.c.  A module
 * is shown to a role that may do any of its actions (core/perm.h), so a
 * role never sees what it may not use.
 */
#ifndef FD_UI_REGISTRY_H
#define FD_UI_REGISTRY_H

#include <stddef.h>

#include "core/perm.h"

struct app;
struct screen_ops;

/* The bit of a permission in a module's perms mask. */
#define PERM_BIT(p) (1UL << (p))

/* One module of the program. */
struct registry_module {
	const char *name;              /* "owners": for logs and tests */
	const char *title;             /* N_() title on home */
	const char *blurb;             /* N_() what it is for */
	unsigned long perms;           /* PERM_BIT()s; any one shows it */
	const struct screen_ops *ops;  /* NULL: not in this version yet */
	/* One line for home (e.g. "3 overdue"), into buf.  0 or err code.
	 * NULL: the blurb is shown. */
	int (*summary)(struct app *app, char *buf, size_t bufsz);
};

/* The modules, in home's order; registry_count entries. */
extern const struct registry_module registry_modules[];
extern const int registry_count;

/* 1 when role may use module m. */
int registry_visible(const struct registry_module *m, enum role role);

#endif
