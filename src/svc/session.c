/*
 * session.c: logging in and out, the lock-out after wrong tries, and the
 * permission check every svc action starts with.  The slow password check
 * runs outside any transaction, so a login never holds up another desk.
 */
#include "svc/session.h"

#include <stdio.h>
#include <string.h>

#include "db/db.h"
#include "db/user_db.h"
#include "svc/audit.h"
#include "util/clock.h"
#include "util/config.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/text.h"
#include "util/xalloc.h"

/* What a login attempt found, carried into its transaction. */
struct attempt {
	const struct config *cfg;
	const char *name;      /* as typed (made printable) */
	const char *desk;
	int64_t user_id;       /* 0: no such user */
	int password_ok;
	int rc;                /* the answer for the caller */
	int64_t locked_until;  /* when the answer is "locked" */
};

void
session_release(struct session *s)
{
	FREE(&s->user);
	FREE(&s->display);
	FREE(&s->desk);
	s->db = NULL;
}

int
session_may(const struct session *s, enum perm_action action)
{
	return perm_allows(s->role, action);
}

int
session_require(const struct session *s, enum perm_action action)
{
	if (perm_allows(s->role, action))
		return 0;
	if (s->role == ROLE_DIRECTOR)
		return err_set(ERR_DENIED,
		    _("a %s may not do this; ask the administrator"),
		    role_label(s->role));
	return err_set(ERR_DENIED, _("a %s may not do this; ask the director"),
	    role_label(s->role));
}

static int
locked_msg(int64_t until)
{
	char when[32];

	clock_format(when, sizeof when, until);
	return err_set(ERR_STATE,
	    _("too many wrong passwords: the account is locked until %s; "
	      "the director can unlock it sooner"),
	    when);
}

/* The same answer for an unknown user and a wrong password. */
static int
denied_msg(void)
{
	return err_set(ERR_DENIED, _("wrong user name or password"));
}

/* Record the outcome of one attempt: counters, lock, audit row. */
static int
attempt_tx(struct db *db, void *arg)
{
	struct attempt *a = arg;
	struct user_row u = {0};
	int64_t now = clock_now(), until;
	int rc;

	if (a->user_id == 0) {
		a->rc = ERR_DENIED;
		return svc_audit_as(db, 0, a->name, a->desk, "login.fail",
		    "user", 0, "unknown user");
	}
	/* Read again under the writer lock: another desk may have moved on. */
	if ((rc = user_db_get(db, a->name, &u)) != 0)
		return rc;
	if (!u.active) {
		a->rc = ERR_STATE;
		rc = svc_audit_as(db, u.id, u.name, a->desk, "login.refused",
		    "user", u.id, "account disabled");
	} else if (u.locked_until > now) {
		a->rc = ERR_STATE;
		a->locked_until = u.locked_until;
		rc = svc_audit_as(db, u.id, u.name, a->desk, "login.refused",
		    "user", u.id, "account locked");
	} else if (!a->password_ok) {
		/* A lock that has run out leaves no tries behind it. */
		if (u.locked_until != 0 &&
		    (rc = user_db_clear_fail(db, u.id, now)) == 0)
			u.failed = 0;
		until = now + (int64_t)a->cfg->lockout_minutes * 60;
		if (rc == 0)
			rc = user_db_fail(db, u.id, a->cfg->max_failed_logins,
			    until, now);
		if (rc == 0 && u.failed + 1 >= a->cfg->max_failed_logins) {
			a->rc = ERR_STATE;
			a->locked_until = until;
		} else {
			a->rc = ERR_DENIED;
		}
		if (rc == 0)
			rc = svc_audit_as(db, u.id, u.name, a->desk,
			    "login.fail", "user", u.id, "wrong password, try %d",
			    u.failed + 1);
	} else {
		a->rc = 0;
		rc = user_db_clear_fail(db, u.id, now);
		if (rc == 0)
			rc = svc_audit_as(db, u.id, u.name, a->desk, "login",
			    "user", u.id, "logged in");
	}
	user_row_release(&u);
	return rc;
}

/* Verify against a fixed hash, so an unknown name takes as long. */
static void
burn_time(const char *password)
{
	static char dummy[SECURE_PWHASH_BYTES];

	if (dummy[0] == '\0' && secure_pw_hash(dummy, "frontdesk") != 0)
		return;
	(void)secure_pw_verify(dummy, password);
}

/* The answer of a finished attempt, with its message. */
static int
attempt_answer(const struct attempt *a, const struct user_row *u)
{
	if (a->rc == 0)
		return 0;
	if (a->rc == ERR_STATE && a->locked_until > 0)
		return locked_msg(a->locked_until);
	if (a->rc == ERR_STATE && u != NULL && !u->active)
		return err_set(ERR_STATE, _("this account is disabled; ask the "
					    "administrator"));
	return denied_msg();
}

/* One login try for name; on success fills *u.  Returns 0 or an error. */
static int
try_password(struct db *db, const struct config *cfg, const char *name,
    const char *password, struct user_row *u)
{
	struct attempt a = {cfg, name, cfg->desk, 0, 0, 0, 0};
	char shown[64];
	int rc;

	text_fit(shown, sizeof shown, name, 32);
	a.name = shown;
	rc = user_db_get(db, name, u);
	if (rc == ERR_NOTFOUND) {
		burn_time(password);
	} else if (rc != 0) {
		return rc;
	} else {
		a.name = u->name;
		a.user_id = u->id;
		/* No need to spend the slow check on a locked account. */
		if (u->active && u->locked_until <= clock_now())
			a.password_ok = secure_pw_verify(u->pw_hash, password);
	}
	if ((rc = db_tx(db, attempt_tx, &a)) != 0)
		return rc;
	return attempt_answer(&a, a.user_id ? u : NULL);
}

int
svc_login(struct db *db, const struct config *cfg, const char *name,
    const char *password, struct session *out)
{
	struct user_row u = {0};
	int rc;

	memset(out, 0, sizeof *out);
	if (name == NULL || name[0] == '\0')
		return err_set(ERR_INVALID, _("enter your user name"));
	if ((rc = try_password(db, cfg, name, password, &u)) != 0)
		goto out;
	if ((rc = role_parse(u.role, &out->role)) != 0)
		goto out;
	out->db = db;
	out->cfg = cfg;
	out->user_id = u.id;
	out->user = xstrdup(u.name);
	out->display = xstrdup(u.display);
	out->desk = xstrdup(cfg->desk);
out:
	user_row_release(&u);
	return rc;
}

int
svc_reauth(struct session *s, const char *password)
{
	struct user_row u = {0};
	int rc = try_password(s->db, s->cfg, s->user, password, &u);

	user_row_release(&u);
	return rc;
}

static int
logout_tx(struct db *db, void *arg)
{
	struct session *s = arg;

	return svc_audit(db, s, "logout", "user", s->user_id, "logged out");
}

int
svc_logout(struct session *s)
{
	return db_tx(s->db, logout_tx, s);
}
