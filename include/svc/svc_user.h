/*
 * svc_user.h: accounts.  Each function is one business action: one
 * transaction, a permission check, an audit row.
 */
#ifndef FD_SVC_SVC_USER_H
#define FD_SVC_SVC_USER_H

#include <stdint.h>

#include "core/perm.h"

struct db;
struct session;

/* One account, for listings (no hash). */
struct user_info {
	int64_t id;
	char *name;         /* login name */
	char *display;      /* display name */
	enum role role;
	int active;         /* 0 when disabled */
	int failed;         /* wrong tries since the last success */
	int64_t locked_until; /* unix time; 0 when not locked */
};

/* Free the strings of u. */
void user_info_release(struct user_info *u);

/*
 * Minimum password rules: 8 to 128 bytes, valid UTF-8, not only digits
 * repeated.  0 or ERR_INVALID with a message.
 */
int svc_password_ok(const char *password);

/* The rules of a login name (2-32 of a-z, 0-9, '.', '_', '-'), so a form
 * can check the field as it is left.  0 or ERR_INVALID with a message. */
int svc_user_name_ok(const char *name);

/* The rules of a display name (1-32 characters, no control characters).
 * 0 or ERR_INVALID with a message. */
int svc_user_display_ok(const char *display);

/*
 * A new, empty database's first account (role admin), outside any session:
 * refused with ERR_STATE when the file already has users.  Audited as
 * the new user itself.
 */
int svc_user_bootstrap(struct db *db, const char *name, const char *password,
    const char *desk);

/*
 * Add an account.  name: 2-32 of [a-z0-9._-]; display: 1-32 characters
 * (Chinese welcome); NULL display means name.  ERR_CONFLICT when the name
 * exists.  OUT: *id_out when not NULL.  Needs PERM_USER_MANAGE.
 */
int svc_user_add(struct session *s, const char *name, const char *display,
    enum role role, const char *password, int64_t *id_out);

/* Set a new password (own account, or PERM_USER_MANAGE for another's). */
int svc_user_passwd(struct session *s, const char *name, const char *password);

/*
 * Change the display name of the session's own account (1-32 characters,
 * Chinese welcome).  The session's copy follows.
 */
int svc_user_set_display(struct session *s, const char *display);

/*
 * Every account, by login name.  Needs PERM_USER_MANAGE or PERM_USER_UNLOCK.
 * OUT: *rows, *nrows; caller frees each with user_info_release() and the array.
 */
int svc_user_list(struct session *s, struct user_info **rows, int *nrows);

/* Disable an account (never deleted).  Needs PERM_USER_MANAGE; not oneself. */
int svc_user_disable(struct session *s, const char *name);

/*
 * Enable a disabled account again (its password and role are as before).
 * Needs PERM_USER_MANAGE.  ERR_NOTFOUND for no such account, ERR_STATE
 * when it is already active.
 */
int svc_user_enable(struct session *s, const char *name);

/* Clear the failed tries and the lock.  Needs PERM_USER_UNLOCK. */
int svc_user_unlock(struct session *s, const char *name);

/*
 * Look an account up by name.  OUT: *out (caller frees with
 * user_info_release()).  0 or ERR_NOTFOUND.
 */
int svc_user_get(struct db *db, const char *name, struct user_info *out);

#endif
