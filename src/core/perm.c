/*
 * perm.c: the permissions matrix.  One row per action, one column per role,
 * so that a review sees every rule at once.  No I/O.
 */
#include "core/perm.h"

#include <string.h>

#include "util/err.h"
#include "util/i18n.h"

enum { R = 1 << ROLE_RECEPTIONIST, C = 1 << ROLE_CASHIER,
	D = 1 << ROLE_DIRECTOR, A = 1 << ROLE_ADMIN };

/* Which roles may do each action (a bit per role). */
static const unsigned char matrix[PERM_COUNT] = {
	[PERM_USER_MANAGE] = A,
	[PERM_USER_UNLOCK] = D | A,
	[PERM_BACKUP] = D | A,
	[PERM_CHECK] = D | A,
	[PERM_AUDIT_VIEW] = D | A,
	[PERM_OWNER_VIEW] = R | C | D,
	[PERM_OWNER_EDIT] = R | D,
	[PERM_REVEAL] = R | D,
	[PERM_VISIT_LOG] = R | D,
	[PERM_REQUEST_VIEW] = R | D,
	[PERM_REQUEST_EDIT] = R | D,
	[PERM_REQUEST_REVIEW] = D,
	[PERM_DECOR_EDIT] = R | D,
	[PERM_DECOR_APPROVE] = D,
	[PERM_FEE_VIEW] = R | C | D,
	[PERM_FEE_COLLECT] = C,
	[PERM_FEE_CLOSE_DAY] = C,
	[PERM_FEE_VOID_APPROVE] = D,
	[PERM_FEE_SETUP] = D | A,
	[PERM_ARCHIVE_EDIT] = R | D,
	[PERM_ARCHIVE_APPROVE] = D,
	[PERM_REPORTS] = D,
};

static const char *const role_codes[ROLE_COUNT] = {
	"receptionist", "cashier", "director", "admin",
};

static const char *const role_labels[ROLE_COUNT] = {
	N_("Receptionist"), N_("Cashier"), N_("Director"), N_("Administrator"),
};

int
perm_allows(enum role role, enum perm_action action)
{
	if ((unsigned)role >= ROLE_COUNT || (unsigned)action >= PERM_COUNT)
		return 0;
	return (matrix[action] >> role) & 1;
}

const char *
role_code(enum role role)
{
	return (unsigned)role < ROLE_COUNT ? role_codes[role] : NULL;
}

const char *
role_label(enum role role)
{
	return (unsigned)role < ROLE_COUNT ? _(role_labels[role]) : "?";
}

int
role_parse(const char *code, enum role *role)
{
	int i;

	for (i = 0; i < ROLE_COUNT; i++) {
		if (code != NULL && strcmp(code, role_codes[i]) == 0) {
			*role = (enum role)i;
			return 0;
		}
	}
	return err_set(ERR_INVALID,
	    _("unknown role '%s'; use receptionist, cashier, director or admin"),
	    code ? code : "");
}
