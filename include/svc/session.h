/*
 * session.h: who is at the desk.  Every svc action takes the session, checks
 * the role against the permissions matrix, and audits under its user and
 * desk.  Login, lock-out after failed tries, re-authentication after the
 * idle lock, and logout live here.
 */
#ifndef FD_SVC_SESSION_H
#define FD_SVC_SESSION_H

#include <stdint.h>

#include "core/perm.h"

struct db;
struct config;

/* A logged-in user at a desk. */
struct session {
	struct db *db;            /* borrowed */
	const struct config *cfg; /* borrowed */
	int64_t user_id;          /* users.id */
	char *user;               /* login name */
	char *display;            /* display name, e.g. 王丽 */
	enum role role;
	char *desk;               /* [desk] name */
};

/*
 * Check name and password and open a session.  An unknown user and a wrong
 * password get the same message; a disabled account says so; after
 * cfg->max_failed_logins wrong tries the account is locked for
 * cfg->lockout_minutes and the message says until when.  Success and failure
 * are both audited.  The password is checked with argon2id (slow on
 * purpose, 20-300 ms).
 * OUT: *out on success; caller frees with session_release().
 * Returns 0, ERR_DENIED, ERR_STATE (locked or disabled) or ERR_DB/ERR_BUSY.
 */
int svc_login(struct db *db, const struct config *cfg, const char *name,
    const char *password, struct session *out);

/*
 * Re-check the password of the session's user (the idle lock).  Counts as a
 * login try: failures count toward the lock-out.  0, ERR_DENIED, ERR_STATE.
 */
int svc_reauth(struct session *s, const char *password);

/* Audit the logout.  The session stays valid until session_release(). */
int svc_logout(struct session *s);

/* Free the strings of s (not s itself). */
void session_release(struct session *s);

/* 1 when the session's role may do action. */
int session_may(const struct session *s, enum perm_action action);

/*
 * The permission check of every svc action: 0, or ERR_DENIED with a
 * message naming the role.
 */
int session_require(const struct session *s, enum perm_action action);

#endif
