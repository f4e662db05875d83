/*
 * user_db.h: SQL of the accounts table.  No password logic here (svc hashes
 * and verifies); never deletes.
 */
#ifndef FD_DB_USER_DB_H
#define FD_DB_USER_DB_H

#include <stdint.h>

struct db;

/* One row of users.  Strings owned; free with user_row_release(). */
struct user_row {
	int64_t id;
	char *name;
	char *display;
	char *role;          /* role code */
	char *pw_hash;
	int active;
	int failed;
	int64_t locked_until;
};

void user_row_release(struct user_row *u);

/* By name.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int user_db_get(struct db *db, const char *name, struct user_row *out);

/* Number of accounts (any state).  OUT: *n. */
int user_db_count(struct db *db, int64_t *n);

/* Insert (failed 0, active 1).  OUT: *id.  ERR_CONFLICT on a taken name. */
int user_db_insert(struct db *db, const char *name, const char *display,
    const char *role, const char *pw_hash, int64_t now, int64_t *id);

/* Record a failed try: failed+1, and locked_until when it reaches max.  */
int user_db_fail(struct db *db, int64_t id, int max_failed,
    int64_t lock_until, int64_t now);

/* A success or an unlock: failed 0, not locked. */
int user_db_clear_fail(struct db *db, int64_t id, int64_t now);

int user_db_set_hash(struct db *db, int64_t id, const char *pw_hash,
    int64_t now);
int user_db_set_display(struct db *db, int64_t id, const char *display,
    int64_t now);
int user_db_set_active(struct db *db, int64_t id, int active, int64_t now);

/*
 * Every account, by name.  OUT: *rows, *nrows; caller frees each row with
 * user_row_release() and then the array.
 */
int user_db_list(struct db *db, struct user_row **rows, int *nrows);

#endif
