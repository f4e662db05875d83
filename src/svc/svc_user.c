/*
 * svc_user.c: accounts: the first admin, adding, passwords, display names,
 * disabling (never deleting), unlocking.  One function, one transaction, one
 * audit row.
 */
#include "svc/svc_user.h"

#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "db/user_db.h"
#include "svc/audit.h"
#include "svc/session.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Everything an account action needs inside its transaction. */
struct user_op {
	struct session *s;
	const char *name;
	const char *display;
	const char *role;
	const char *hash;
	int64_t id;
	const char *desk;     /* bootstrap: no session to take it from */
};

void
user_info_release(struct user_info *u)
{
	FREE(&u->name);
	FREE(&u->display);
}

int
svc_user_name_ok(const char *name)
{
	size_t n = name ? strlen(name) : 0, i;

	if (n < 2 || n > 32)
		goto bad;
	for (i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '.' ||
		    name[i] == '_' || name[i] == '-'))
			goto bad;
	return 0;
bad:
	return err_set(ERR_INVALID,
	    _("user name must be 2 to 32 of a-z, 0-9, '.', '_' or '-', "
	      "e.g. wangli"));
}

int
svc_user_display_ok(const char *display)
{
	size_t i, n;

	n = display ? strlen(display) : 0;
	if (n == 0 || !utf8_valid(display, n) || utf8_nchars(display) > 32)
		return err_set(ERR_INVALID,
		    _("display name must be 1 to 32 characters, e.g. 王丽"));
	for (i = 0; i < n; i++)
		if ((unsigned char)display[i] < 0x20 || display[i] == 0x7f)
			return err_set(ERR_INVALID,
			    _("display name must not contain control "
			      "characters"));
	return 0;
}

int
svc_password_ok(const char *password)
{
	size_t n = password ? strlen(password) : 0, i;

	if (n < 8 || n > 128)
		return err_set(ERR_INVALID,
		    _("password must be 8 to 128 characters long"));
	if (!utf8_valid(password, n))
		return err_set(ERR_INVALID,
		    _("password contains bytes that are not valid text"));
	for (i = 1; i < n && password[i] == password[0]; i++)
		;
	if (i == n)
		return err_set(ERR_INVALID,
		    _("password must not be one character repeated"));
	return 0;
}

/* ---- bootstrap --------------------------------------------------------- */

static int
bootstrap_tx(struct db *db, void *arg)
{
	struct user_op *op = arg;
	int64_t n;
	int rc;

	if ((rc = user_db_count(db, &n)) != 0)
		return rc;
	if (n > 0)
		return err_set(ERR_STATE, _("this database already has "
					    "accounts; log in as admin and "
					    "use 'user add'"));
	if ((rc = user_db_insert(db, op->name, op->name, "admin", op->hash,
	    clock_now(), &op->id)) != 0)
		return rc;
	return svc_audit_as(db, op->id, op->name, op->desk, "user.add",
	    "user", op->id, "first account %s, role admin", op->name);
}

int
svc_user_bootstrap(struct db *db, const char *name, const char *password,
    const char *desk)
{
	char hash[SECURE_PWHASH_BYTES];
	struct user_op op = {.name = name, .display = name, .role = "admin",
	    .hash = hash, .desk = desk};
	int rc;

	if ((rc = svc_user_name_ok(name)) != 0 ||
	    (rc = svc_password_ok(password)) != 0)
		return rc;
	if ((rc = secure_pw_hash(hash, password)) != 0)
		return rc;
	return db_tx(db, bootstrap_tx, &op);
}

/* ---- add ------------------------------------------------------------- */

static int
add_tx(struct db *db, void *arg)
{
	struct user_op *op = arg;
	int rc;

	rc = user_db_insert(db, op->name, op->display, op->role, op->hash,
	    clock_now(), &op->id);
	if (rc == ERR_CONFLICT)
		return err_set(ERR_CONFLICT,
		    _("user name '%s' is taken; choose another"), op->name);
	if (rc != 0)
		return rc;
	return svc_audit(db, op->s, "user.add", "user", op->id,
	    "added %s (%s), role %s", op->name, op->display, op->role);
}

int
svc_user_add(struct session *s, const char *name, const char *display,
    enum role role, const char *password, int64_t *id_out)
{
	char hash[SECURE_PWHASH_BYTES];
	struct user_op op = {.s = s, .name = name,
	    .display = display ? display : name, .role = role_code(role),
	    .hash = hash};
	int rc;

	if ((rc = session_require(s, PERM_USER_MANAGE)) != 0 ||
	    (rc = svc_user_name_ok(name)) != 0 ||
	    (rc = svc_user_display_ok(op.display)) != 0 ||
	    (rc = svc_password_ok(password)) != 0)
		return rc;
	if (op.role == NULL)
		return err_set(ERR_INVALID, _("unknown role"));
	if ((rc = secure_pw_hash(hash, password)) != 0)
		return rc;
	if ((rc = db_tx(s->db, add_tx, &op)) == 0 && id_out != NULL)
		*id_out = op.id;
	return rc;
}

/* ---- changes to one account ------------------------------------------ */

/* Find op->name inside the transaction.  OUT: op->id. */
static int
find_user(struct db *db, struct user_op *op, struct user_row *u)
{
	int rc = user_db_get(db, op->name, u);

	if (rc == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("no user named '%s'"), op->name);
	if (rc == 0)
		op->id = u->id;
	return rc;
}

static int
passwd_tx(struct db *db, void *arg)
{
	struct user_op *op = arg;
	struct user_row u = {0};
	int rc;

	if ((rc = find_user(db, op, &u)) == 0 &&
	    (rc = user_db_set_hash(db, u.id, op->hash, clock_now())) == 0 &&
	    (rc = user_db_clear_fail(db, u.id, clock_now())) == 0)
		rc = svc_audit(db, op->s, "user.passwd", "user", u.id,
		    "password of %s changed", u.name);
	user_row_release(&u);
	return rc;
}

int
svc_user_passwd(struct session *s, const char *name, const char *password)
{
	char hash[SECURE_PWHASH_BYTES];
	struct user_op op = {.s = s, .name = name, .hash = hash};
	int rc;

	if (name == NULL || name[0] == '\0')
		return err_set(ERR_INVALID, _("enter the user name"));
	if (strcmp(name, s->user) != 0 &&
	    (rc = session_require(s, PERM_USER_MANAGE)) != 0)
		return rc;
	if ((rc = svc_password_ok(password)) != 0 ||
	    (rc = secure_pw_hash(hash, password)) != 0)
		return rc;
	rc = db_tx(s->db, passwd_tx, &op);
	secure_wipe(hash, sizeof hash);
	return rc;
}

static int
display_tx(struct db *db, void *arg)
{
	struct user_op *op = arg;
	struct user_row u = {0};
	int rc;

	if ((rc = find_user(db, op, &u)) == 0 &&
	    (rc = user_db_set_display(db, u.id, op->display, clock_now())) == 0)
		rc = svc_audit(db, op->s, "user.display", "user", u.id,
		    "display name %s -> %s", u.display, op->display);
	user_row_release(&u);
	return rc;
}

int
svc_user_set_display(struct session *s, const char *display)
{
	struct user_op op = {.s = s, .name = s->user, .display = display};
	int rc;

	if ((rc = svc_user_display_ok(display)) != 0 ||
	    (rc = db_tx(s->db, display_tx, &op)) != 0)
		return rc;
	free(s->display);
	s->display = xstrdup(display);
	return 0;
}

static int
disable_tx(struct db *db, void *arg)
{
	struct user_op *op = arg;
	struct user_row u = {0};
	int rc;

	if ((rc = find_user(db, op, &u)) != 0)
		goto out;
	if (!u.active) {
		rc = err_set(ERR_STATE, _("user '%s' is already disabled"),
		    u.name);
		goto out;
	}
	if ((rc = user_db_set_active(db, u.id, 0, clock_now())) == 0)
		rc = svc_audit(db, op->s, "user.disable", "user", u.id,
		    "disabled %s", u.name);
out:
	user_row_release(&u);
	return rc;
}

int
svc_user_disable(struct session *s, const char *name)
{
	struct user_op op = {.s = s, .name = name};
	int rc;

	if ((rc = session_require(s, PERM_USER_MANAGE)) != 0)
		return rc;
	if (name != NULL && strcmp(name, s->user) == 0)
		return err_set(ERR_STATE, _("you cannot disable your own "
					    "account"));
	return db_tx(s->db, disable_tx, &op);
}

static int
enable_tx(struct db *db, void *arg)
{
	struct user_op *op = arg;
	struct user_row u = {0};
	int rc;

	if ((rc = find_user(db, op, &u)) != 0)
		goto out;
	if (u.active) {
		rc = err_set(ERR_STATE, _("user '%s' is already active"),
		    u.name);
		goto out;
	}
	if ((rc = user_db_set_active(db, u.id, 1, clock_now())) == 0)
		rc = svc_audit(db, op->s, "user.enable", "user", u.id,
		    "enabled %s", u.name);
out:
	user_row_release(&u);
	return rc;
}

int
svc_user_enable(struct session *s, const char *name)
{
	struct user_op op = {.s = s, .name = name};
	int rc;

	if ((rc = session_require(s, PERM_USER_MANAGE)) != 0)
		return rc;
	return db_tx(s->db, enable_tx, &op);
}

static int
unlock_tx(struct db *db, void *arg)
{
	struct user_op *op = arg;
	struct user_row u = {0};
	int rc;

	if ((rc = find_user(db, op, &u)) == 0 &&
	    (rc = user_db_clear_fail(db, u.id, clock_now())) == 0)
		rc = svc_audit(db, op->s, "user.unlock", "user", u.id,
		    "unlocked %s after %d wrong tries", u.name, u.failed);
	user_row_release(&u);
	return rc;
}

int
svc_user_unlock(struct session *s, const char *name)
{
	struct user_op op = {.s = s, .name = name};
	int rc;

	if ((rc = session_require(s, PERM_USER_UNLOCK)) != 0)
		return rc;
	return db_tx(s->db, unlock_tx, &op);
}

/* ---- reading --------------------------------------------------------- */

static void
info_from_row(struct user_info *out, struct user_row *u)
{
	out->id = u->id;
	out->name = u->name;
	out->display = u->display;
	u->name = u->display = NULL;
	if (role_parse(u->role, &out->role) != 0)
		out->role = ROLE_RECEPTIONIST;
	out->active = u->active;
	out->failed = u->failed;
	out->locked_until = u->locked_until > clock_now() ? u->locked_until : 0;
	user_row_release(u);
}

int
svc_user_get(struct db *db, const char *name, struct user_info *out)
{
	struct user_row u = {0};
	int rc = user_db_get(db, name, &u);

	memset(out, 0, sizeof *out);
	if (rc == 0)
		info_from_row(out, &u);
	return rc;
}

int
svc_user_list(struct session *s, struct user_info **rows, int *nrows)
{
	struct user_row *v;
	int n, i, rc;

	*rows = NULL;
	*nrows = 0;
	if (!session_may(s, PERM_USER_MANAGE) &&
	    (rc = session_require(s, PERM_USER_UNLOCK)) != 0)
		return rc;
	if ((rc = user_db_list(s->db, &v, &n)) != 0)
		return rc;
	*rows = xcalloc((size_t)(n ? n : 1), sizeof **rows);
	for (i = 0; i < n; i++)
		info_from_row(&(*rows)[i], &v[i]);
	free(v);
	*nrows = n;
	return 0;
}
