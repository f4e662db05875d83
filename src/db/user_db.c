/*
 * user_db.c: SQL of the accounts table.  No business rules, no curses.
 */
#include "db/user_db.h"

#include <stdlib.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/dbint.h"
#include "util/err.h"
#include "util/xalloc.h"

enum {
	USER_SQL_GET,
	USER_SQL_COUNT,
	USER_SQL_INSERT,
	USER_SQL_FAIL,
	USER_SQL_CLEAR,
	USER_SQL_HASH,
	USER_SQL_DISPLAY,
	USER_SQL_ACTIVE,
	USER_SQL_LIST,
};

#define USER_COLS "id, name, display, role, pw_hash, active, failed, locked_until"

static const char *const sql[] = {
	[USER_SQL_GET] = "SELECT " USER_COLS " FROM users WHERE name = :name",
	[USER_SQL_COUNT] = "SELECT count(*) FROM users",
	[USER_SQL_INSERT] =
	    "INSERT INTO users (name, display, role, pw_hash, created_at,"
	    " updated_at) VALUES (:name, :display, :role, :hash, :now, :now)",
	[USER_SQL_FAIL] =
	    "UPDATE users SET failed = failed + 1, updated_at = :now,"
	    " locked_until = CASE WHEN failed + 1 >= :max THEN :until"
	    " ELSE locked_until END WHERE id = :id",
	[USER_SQL_CLEAR] = "UPDATE users SET failed = 0, locked_until = 0,"
			   " updated_at = :now WHERE id = :id",
	[USER_SQL_HASH] = "UPDATE users SET pw_hash = :hash, updated_at = :now"
			  " WHERE id = :id",
	[USER_SQL_DISPLAY] = "UPDATE users SET display = :display,"
			     " updated_at = :now WHERE id = :id",
	[USER_SQL_ACTIVE] = "UPDATE users SET active = :active,"
			    " updated_at = :now WHERE id = :id",
	[USER_SQL_LIST] = "SELECT " USER_COLS " FROM users ORDER BY name",
};

void
user_row_release(struct user_row *u)
{
	FREE(&u->name);
	FREE(&u->display);
	FREE(&u->role);
	if (u->pw_hash != NULL) {
		/* not secret, but no reason to leave it lying around */
		FREE(&u->pw_hash);
	}
}

static void
user_from_row(sqlite3_stmt *st, struct user_row *u)
{
	u->id = sqlite3_column_int64(st, 0);
	u->name = db_col_text(st, 1);
	u->display = db_col_text(st, 2);
	u->role = db_col_text(st, 3);
	u->pw_hash = db_col_text(st, 4);
	u->active = sqlite3_column_int(st, 5);
	u->failed = sqlite3_column_int(st, 6);
	u->locked_until = sqlite3_column_int64(st, 7);
}

int
user_db_get(struct db *db, const char *name, struct user_row *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[USER_SQL_GET]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":name", name)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		user_from_row(st, out);
		rc = 0;
		break;
	case SQLITE_DONE:
		rc = ERR_NOTFOUND;
		break;
	default:
		rc = db_fail(db, st);
	}
out:
	db_done(st);
	return rc;
}

int
user_db_count(struct db *db, int64_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[USER_SQL_COUNT]);
	int rc = 0;

	if (st == NULL)
		return ERR_DB;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}

int
user_db_insert(struct db *db, const char *name, const char *display,
    const char *role, const char *pw_hash, int64_t now, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[USER_SQL_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":name", name)) != 0 ||
	    (rc = db_bind_text(st, ":display", display)) != 0 ||
	    (rc = db_bind_text(st, ":role", role)) != 0 ||
	    (rc = db_bind_text(st, ":hash", pw_hash)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

/* Run one of the UPDATE statements keyed by :id that must change one row. */
static int
update_one(struct db *db, sqlite3_stmt *st)
{
	int rc = db_step_done(db, st);

	if (rc == 0 && db_changes(db) != 1)
		rc = err_set(ERR_NOTFOUND, "%s", err_str(ERR_NOTFOUND));
	return rc;
}

int
user_db_fail(struct db *db, int64_t id, int max_failed, int64_t lock_until,
    int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql[USER_SQL_FAIL]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0 ||
	    (rc = db_bind_i64(st, ":max", max_failed)) != 0 ||
	    (rc = db_bind_i64(st, ":until", lock_until)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0) {
		db_done(st);
		return rc;
	}
	return update_one(db, st);
}

int
user_db_clear_fail(struct db *db, int64_t id, int64_t now)
{
	sqlite3_stmt *st = db_stmt_i64x2(db, sql[USER_SQL_CLEAR], ":id", id,
	    ":now", now);

	if (st == NULL)
		return ERR_DB;
	return update_one(db, st);
}

/* An UPDATE of one text column of one user. */
static int
set_text(struct db *db, int which, const char *name, const char *value,
    int64_t id, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql[which]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0 ||
	    (rc = db_bind_text(st, name, value)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0) {
		db_done(st);
		return rc;
	}
	return update_one(db, st);
}

int
user_db_set_hash(struct db *db, int64_t id, const char *pw_hash, int64_t now)
{
	return set_text(db, USER_SQL_HASH, ":hash", pw_hash, id, now);
}

int
user_db_set_display(struct db *db, int64_t id, const char *display,
    int64_t now)
{
	return set_text(db, USER_SQL_DISPLAY, ":display", display, id, now);
}

int
user_db_set_active(struct db *db, int64_t id, int active, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql[USER_SQL_ACTIVE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0 ||
	    (rc = db_bind_i64(st, ":active", active)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0) {
		db_done(st);
		return rc;
	}
	return update_one(db, st);
}

int
user_db_list(struct db *db, struct user_row **rows, int *nrows)
{
	sqlite3_stmt *st = db_stmt(db, sql[USER_SQL_LIST]);
	struct user_row *v = NULL;
	int n = 0, cap = 0, step, rc = 0;

	*rows = NULL;
	*nrows = 0;
	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		user_from_row(st, &v[n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		while (n > 0)
			user_row_release(&v[--n]);
		FREE(&v);
	}
	db_done(st);
	*rows = v;
	*nrows = n;
	return rc;
}
