/*
 * house_db.c: SQL of the houses table and the building grid.  No business
 * rules, no curses; never deletes.  Updates are guarded by the version read
 * (optimistic concurrency between desks).
 */
#include "db/house_db.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/dbint.h"
#include "util/err.h"
#include "util/xalloc.h"

enum {
	HOUSE_SQL_GET,
	HOUSE_SQL_GET_CODE,
	HOUSE_SQL_INSERT,
	HOUSE_SQL_UPDATE,
	HOUSE_SQL_EXISTS,
	HOUSE_SQL_STATE,
	HOUSE_SQL_GRID,
	HOUSE_SQL_BUILDINGS,
	HOUSE_SQL_COUNT,
	HOUSE_SQL_EACH,
};

#define HOUSE_COLS                                                             \
	"id, building, entrance, room, floor, code, area_centi, use, state,"  \
	" notes, version, created_at, updated_at"

static const char *const sql[] = {
	[HOUSE_SQL_GET] = "SELECT " HOUSE_COLS " FROM houses WHERE id = :id",
	[HOUSE_SQL_GET_CODE] =
	    "SELECT " HOUSE_COLS " FROM houses WHERE code = :code",
	[HOUSE_SQL_INSERT] =
	    "INSERT INTO houses (building, entrance, room, floor, code,"
	    " area_centi, use, state, notes, version, created_at, updated_at)"
	    " VALUES (:building, :entrance, :room, :floor, :code, :area,"
	    " :use, :state, :notes, 1, :now, :now)",
	[HOUSE_SQL_UPDATE] =
	    "UPDATE houses SET building = :building, entrance = :entrance,"
	    " room = :room, floor = :floor, code = :code, area_centi = :area,"
	    " use = :use, state = :state, notes = :notes,"
	    " version = version + 1, updated_at = :now"
	    " WHERE id = :id AND version = :version",
	[HOUSE_SQL_EXISTS] = "SELECT 1 FROM houses WHERE id = :id",
	[HOUSE_SQL_STATE] =
	    "UPDATE houses SET state = :state, version = version + 1,"
	    " updated_at = :now WHERE id = :id",
	[HOUSE_SQL_GRID] =
	    "SELECT id, entrance, floor, room, state, use FROM houses"
	    " WHERE building = :building"
	    " ORDER BY entrance, floor DESC, room",
	[HOUSE_SQL_BUILDINGS] =
	    "SELECT DISTINCT building FROM houses ORDER BY building",
	[HOUSE_SQL_COUNT] = "SELECT count(*) FROM houses",
	[HOUSE_SQL_EACH] = "SELECT " HOUSE_COLS " FROM houses"
			   " ORDER BY building, entrance, room",
};

/* The value of a stored code in set (the schema's CHECK keeps it known). */
static int
house_code_value(enum household_set set, const unsigned char *code)
{
	int i, n = household_count(set);

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp((const char *)code, household_code(set, i)) == 0)
			return i;
	return 0;
}

void
house_release(struct house *h)
{
	if (h == NULL)
		return;
	FREE(&h->code);
	FREE(&h->notes);
}

void
house_vec_release(struct house_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		house_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

static void
house_from_row(sqlite3_stmt *st, struct house *h)
{
	h->id = sqlite3_column_int64(st, 0);
	h->building = sqlite3_column_int(st, 1);
	h->entrance = sqlite3_column_int(st, 2);
	h->room = sqlite3_column_int(st, 3);
	h->floor = sqlite3_column_int(st, 4);
	h->code = db_col_str(st, 5);
	h->area_centi = sqlite3_column_int64(st, 6);
	h->use = (enum house_use)house_code_value(HH_HOUSE_USE,
	    sqlite3_column_text(st, 7));
	h->state = (enum house_state)house_code_value(HH_HOUSE_STATE,
	    sqlite3_column_text(st, 8));
	h->notes = db_col_str(st, 9);
	h->version = sqlite3_column_int64(st, 10);
	h->created_at = sqlite3_column_int64(st, 11);
	h->updated_at = sqlite3_column_int64(st, 12);
}

/* Step a statement expected to give at most one house. */
static int
house_get_one(struct db *db, sqlite3_stmt *st, struct house *out)
{
	int rc;

	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		house_from_row(st, out);
		rc = 0;
		break;
	case SQLITE_DONE:
		rc = ERR_NOTFOUND;
		break;
	default:
		rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

int
house_db_get(struct db *db, int64_t id, struct house *out)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[HOUSE_SQL_GET], ":id", id);

	if (st == NULL)
		return ERR_DB;
	return house_get_one(db, st, out);
}

int
house_db_get_by_code(struct db *db, const char *code, struct house *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[HOUSE_SQL_GET_CODE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":code", code)) != 0) {
		db_done(st);
		return rc;
	}
	return house_get_one(db, st, out);
}

/* Bind the columns of h shared by insert and update. */
static int
house_bind(sqlite3_stmt *st, const struct house *h, int64_t now)
{
	int rc;

	if ((rc = db_bind_i64(st, ":building", h->building)) != 0 ||
	    (rc = db_bind_i64(st, ":entrance", h->entrance)) != 0 ||
	    (rc = db_bind_i64(st, ":room", h->room)) != 0 ||
	    (rc = db_bind_i64(st, ":floor", h->floor)) != 0 ||
	    (rc = db_bind_text(st, ":code", h->code)) != 0 ||
	    (rc = db_bind_i64(st, ":area", h->area_centi)) != 0 ||
	    (rc = db_bind_text(st, ":use", household_code(HH_HOUSE_USE,
	    h->use))) != 0 ||
	    (rc = db_bind_text(st, ":state", household_code(HH_HOUSE_STATE,
	    h->state))) != 0 ||
	    (rc = db_bind_text(st, ":notes", h->notes ? h->notes : "")) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0)
		return rc;
	return 0;
}

int
house_db_insert(struct db *db, const struct house *h, int64_t now,
    int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[HOUSE_SQL_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = house_bind(st, h, now)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

/* After an UPDATE ... AND version = :version changed nothing: gone or stale? */
static int
house_why_unchanged(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[HOUSE_SQL_EXISTS], ":id", id);
	int rc;

	if (st == NULL)
		return ERR_DB;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		rc = ERR_STATE;
		break;
	case SQLITE_DONE:
		rc = err_set(ERR_NOTFOUND, "%s", err_str(ERR_NOTFOUND));
		break;
	default:
		rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

int
house_db_update(struct db *db, const struct house *h, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql[HOUSE_SQL_UPDATE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = house_bind(st, h, now)) != 0 ||
	    (rc = db_bind_i64(st, ":id", h->id)) != 0 ||
	    (rc = db_bind_i64(st, ":version", h->version)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : house_why_unchanged(db, h->id);
}

int
house_db_set_state(struct db *db, int64_t id, enum house_state state,
    int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql[HOUSE_SQL_STATE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0 ||
	    (rc = db_bind_text(st, ":state",
	    household_code(HH_HOUSE_STATE, state))) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	if (db_changes(db) != 1)
		return err_set(ERR_NOTFOUND, "%s", err_str(ERR_NOTFOUND));
	return 0;
}

int
house_db_grid(struct db *db, int building, struct house_cell **cells,
    int *ncells)
{
	sqlite3_stmt *st = db_stmt(db, sql[HOUSE_SQL_GRID]);
	struct house_cell *v = NULL, *c;
	int n = 0, cap = 0, step, rc = 0;

	*cells = NULL;
	*ncells = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":building", building)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		c = &v[n++];
		c->id = sqlite3_column_int64(st, 0);
		c->entrance = sqlite3_column_int(st, 1);
		c->floor = sqlite3_column_int(st, 2);
		c->room = sqlite3_column_int(st, 3);
		c->state = (enum house_state)house_code_value(HH_HOUSE_STATE,
		    sqlite3_column_text(st, 4));
		c->use = (enum house_use)house_code_value(HH_HOUSE_USE,
		    sqlite3_column_text(st, 5));
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		FREE(&v);
		n = 0;
	}
out:
	db_done(st);
	*cells = v;
	*ncells = n;
	return rc;
}

int
house_db_buildings(struct db *db, int **buildings, int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[HOUSE_SQL_BUILDINGS]);
	int *v = NULL, cnt = 0, cap = 0, step, rc = 0;

	*buildings = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (cnt == cap) {
			cap = cap ? cap * 2 : 16;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		v[cnt++] = sqlite3_column_int(st, 0);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		FREE(&v);
		cnt = 0;
	}
	db_done(st);
	*buildings = v;
	*n = cnt;
	return rc;
}

int
house_db_count(struct db *db, int64_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[HOUSE_SQL_COUNT]);
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
house_db_each(struct db *db, int (*fn)(const struct house *h, void *arg),
    void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql[HOUSE_SQL_EACH]);
	struct house h;
	int step, rc = 0;

	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		house_from_row(st, &h);
		rc = fn(&h, arg);
		house_release(&h);
		if (rc != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}
