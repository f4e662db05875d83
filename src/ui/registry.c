/*
 * registry.c: the table of modules.  A module screen arrives as one file
 * and its ops here (replacing NULL); its summary callback fills the line
 * home shows beside it.
 */
#include "ui/registry.h"

#include "ui/scr_fees.h"
#include "ui/scr_finder.h"
#include "ui/scr_reqlist.h"
#include "ui/scr_system.h"
#include "util/i18n.h"

const struct registry_module registry_modules[] = {
	{ "owners", N_("Owners"), N_("Owner records, houses and occupants"),
	    PERM_BIT(PERM_OWNER_VIEW), &scr_finder_ops, scr_finder_summary },
	{ "requests", N_("Service requests"),
	    N_("Complaints, repairs, consultations and callbacks"),
	    PERM_BIT(PERM_REQUEST_VIEW), &scr_reqlist_ops,
	    scr_reqlist_summary },
	{ "decoration", N_("Decoration"),
	    N_("Applications, permits, inspections and deposits"),
	    PERM_BIT(PERM_DECOR_EDIT) | PERM_BIT(PERM_DECOR_APPROVE), NULL,
	    NULL },
	{ "fees", N_("Fees"), N_("Bills, payments, receipts and daily close"),
	    PERM_BIT(PERM_FEE_VIEW) | PERM_BIT(PERM_FEE_COLLECT) |
	    PERM_BIT(PERM_FEE_SETUP), &scr_fees_ops, scr_fees_summary },
	{ "archives", N_("Archives"), N_("Household files, loans and returns"),
	    PERM_BIT(PERM_ARCHIVE_EDIT) | PERM_BIT(PERM_ARCHIVE_APPROVE), NULL,
	    NULL },
	{ "overview", N_("Director's overview"),
	    N_("Overdue requests, callbacks, collection rate, arrears"),
	    PERM_BIT(PERM_REPORTS), NULL, NULL },
	{ "system", N_("Accounts and upkeep"),
	    N_("Users, unlocking, backup, integrity check, audit log"),
	    PERM_BIT(PERM_USER_MANAGE) | PERM_BIT(PERM_USER_UNLOCK) |
	    PERM_BIT(PERM_BACKUP) | PERM_BIT(PERM_CHECK) |
	    PERM_BIT(PERM_AUDIT_VIEW), &scr_system_ops, scr_system_summary },
};

const int registry_count =
    (int)(sizeof registry_modules / sizeof registry_modules[0]);

int
registry_visible(const struct registry_module *m, enum role role)
{
	int p;

	for (p = 0; p < PERM_COUNT; p++)
		if ((m->perms & PERM_BIT(p)) && perm_allows(role, p))
			return 1;
	return 0;
}
