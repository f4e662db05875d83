/*
 * owner_db.c: SQL of owners, holdings (who holds which house from when) and
 * occupants.  No business rules, no curses; never deletes: holdings and
 * occupancies end with a date.  Updates are guarded by the version read.
 */
#include "db/owner_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/dbint.h"
#include "util/err.h"
#include "util/xalloc.h"

enum {
	OWNER_SQL_GET,
	OWNER_SQL_FIND_IDNO,
	OWNER_SQL_INSERT,
	OWNER_SQL_UPDATE,
	OWNER_SQL_EXISTS,
	OWNER_SQL_COUNT,
	OWNER_SQL_HOLDING_GET,
	OWNER_SQL_HOLDING_INSERT,
	OWNER_SQL_HOLDING_END,
	OWNER_SQL_HOLDINGS_HOUSE_NOW,
	OWNER_SQL_HOLDINGS_HOUSE_PAST,
	OWNER_SQL_HOLDINGS_OWNER,
	OWNER_SQL_HOLDINGS_ALL,
	OWNER_SQL_OCC_GET,
	OWNER_SQL_OCC_INSERT,
	OWNER_SQL_OCC_UPDATE,
	OWNER_SQL_OCC_EXISTS,
	OWNER_SQL_OCC_HOUSE_NOW,
	OWNER_SQL_OCC_HOUSE_PAST,
	OWNER_SQL_PEOPLE,
	OWNER_SQL_CHECK,
};

#define OWNER_COLS                                                             \
	"o.id, o.kind, o.name, o.phone, o.phone2, o.id_type, o.id_no,"         \
	" o.move_in, o.emergency_name, o.emergency_phone, o.notes, o.version," \
	" o.created_at, o.updated_at"
#define OWNER_NCOLS 14
#define HOLDING_COLS "g.id, g.house_id, g.owner_id, g.since, g.until"
#define HOLDING_ROW_COLS HOLDING_COLS ", " OWNER_COLS ", h.code"
#define HOLDING_ROW_FROM                                                       \
	" FROM holdings g JOIN owners o ON o.id = g.owner_id"                  \
	" JOIN houses h ON h.id = g.house_id"
#define OCC_COLS                                                               \
	"id, house_id, name, relation, relation_note, phone, id_type, id_no,"  \
	" since, until, notes, version, created_at, updated_at"

static const char *const sql[] = {
	[OWNER_SQL_GET] = "SELECT " OWNER_COLS " FROM owners o WHERE o.id = :id",
	[OWNER_SQL_FIND_IDNO] = "SELECT " OWNER_COLS " FROM owners o"
				" WHERE o.id_no = :id_no ORDER BY o.id",
	[OWNER_SQL_INSERT] =
	    "INSERT INTO owners (kind, name, phone, phone2, id_type, id_no,"
	    " move_in, emergency_name, emergency_phone, notes, version,"
	    " created_at, updated_at) VALUES (:kind, :name, :phone, :phone2,"
	    " :id_type, :id_no, :move_in, :ename, :ephone, :notes, 1, :now,"
	    " :now)",
	[OWNER_SQL_UPDATE] =
	    "UPDATE owners SET kind = :kind, name = :name, phone = :phone,"
	    " phone2 = :phone2, id_type = :id_type, id_no = :id_no,"
	    " move_in = :move_in, emergency_name = :ename,"
	    " emergency_phone = :ephone, notes = :notes,"
	    " version = version + 1, updated_at = :now"
	    " WHERE id = :id AND version = :version",
	[OWNER_SQL_EXISTS] = "SELECT 1 FROM owners WHERE id = :id",
	[OWNER_SQL_COUNT] = "SELECT count(*) FROM owners",
	[OWNER_SQL_HOLDING_GET] =
	    "SELECT " HOLDING_COLS " FROM holdings g WHERE g.id = :id",
	[OWNER_SQL_HOLDING_INSERT] =
	    "INSERT INTO holdings (house_id, owner_id, since)"
	    " VALUES (:house, :owner, :since)",
	[OWNER_SQL_HOLDING_END] =
	    "UPDATE holdings SET until = :until"
	    " WHERE id = :id AND until IS NULL",
	[OWNER_SQL_HOLDINGS_HOUSE_NOW] =
	    "SELECT " HOLDING_ROW_COLS HOLDING_ROW_FROM
	    " WHERE g.house_id = :house AND g.until IS NULL"
	    " ORDER BY g.since, g.id",
	[OWNER_SQL_HOLDINGS_HOUSE_PAST] =
	    "SELECT " HOLDING_ROW_COLS HOLDING_ROW_FROM
	    " WHERE g.house_id = :house AND g.until IS NOT NULL"
	    " ORDER BY g.until DESC, g.id DESC",
	[OWNER_SQL_HOLDINGS_OWNER] =
	    "SELECT " HOLDING_ROW_COLS HOLDING_ROW_FROM
	    " WHERE g.owner_id = :owner"
	    " ORDER BY g.until IS NOT NULL, g.until DESC, g.since DESC, g.id",
	[OWNER_SQL_HOLDINGS_ALL] =
	    "SELECT " HOLDING_ROW_COLS HOLDING_ROW_FROM
	    " ORDER BY h.building, h.entrance, h.room, g.since, g.id",
	[OWNER_SQL_OCC_GET] = "SELECT " OCC_COLS " FROM occupants WHERE id = :id",
	[OWNER_SQL_OCC_INSERT] =
	    "INSERT INTO occupants (house_id, name, relation, relation_note,"
	    " phone, id_type, id_no, since, until, notes, version, created_at,"
	    " updated_at) VALUES (:house, :name, :relation, :rnote, :phone,"
	    " :id_type, :id_no, :since, :until, :notes, 1, :now, :now)",
	[OWNER_SQL_OCC_UPDATE] =
	    "UPDATE occupants SET name = :name, relation = :relation,"
	    " relation_note = :rnote, phone = :phone, id_type = :id_type,"
	    " id_no = :id_no, since = :since, until = :until, notes = :notes,"
	    " version = version + 1, updated_at = :now"
	    " WHERE id = :id AND version = :version",
	[OWNER_SQL_OCC_EXISTS] = "SELECT 1 FROM occupants WHERE id = :id",
	[OWNER_SQL_OCC_HOUSE_NOW] =
	    "SELECT " OCC_COLS " FROM occupants"
	    " WHERE house_id = :house AND until IS NULL ORDER BY since, id",
	[OWNER_SQL_OCC_HOUSE_PAST] =
	    "SELECT " OCC_COLS " FROM occupants"
	    " WHERE house_id = :house AND until IS NOT NULL"
	    " ORDER BY until DESC, id DESC",
	[OWNER_SQL_PEOPLE] =
	    "SELECT (SELECT count(*) FROM holdings g JOIN owners o"
	    "   ON o.id = g.owner_id WHERE g.house_id = :house"
	    "   AND g.until IS NULL AND o.move_in <> ''"
	    "   AND o.move_in <= :today),"
	    " (SELECT count(*) FROM occupants WHERE house_id = :house"
	    "   AND until IS NULL AND relation <> 'tenant'),"
	    " (SELECT count(*) FROM occupants WHERE house_id = :house"
	    "   AND until IS NULL AND relation = 'tenant')",
	[OWNER_SQL_CHECK] =
	    "SELECT (SELECT count(*) FROM holdings a JOIN holdings b"
	    "   ON b.house_id = a.house_id AND b.owner_id = a.owner_id"
	    "   AND b.id > a.id"
	    "   AND a.since < coalesce(b.until, '9999-12-31')"
	    "   AND b.since < coalesce(a.until, '9999-12-31')),"
	    " (SELECT count(*) FROM holdings WHERE until < since)"
	    " + (SELECT count(*) FROM occupants WHERE until < since),"
	    " (SELECT count(*) FROM holdings g WHERE NOT EXISTS (SELECT 1"
	    "   FROM houses h WHERE h.id = g.house_id) OR NOT EXISTS"
	    "   (SELECT 1 FROM owners o WHERE o.id = g.owner_id))"
	    " + (SELECT count(*) FROM occupants c WHERE NOT EXISTS"
	    "   (SELECT 1 FROM houses h WHERE h.id = c.house_id))",
};

/* ---- helpers ---------------------------------------------------------------- */

/* The value of a stored code in set (the schema's CHECK keeps it known). */
static int
owner_code_value(enum household_set set, const unsigned char *code)
{
	int i, n = household_count(set);

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp((const char *)code, household_code(set, i)) == 0)
			return i;
	return 0;
}

/* "" means SQL NULL for the optional end dates. */
static int
owner_bind_date(sqlite3_stmt *st, const char *name, const char *date)
{
	if (date == NULL || date[0] == '\0')
		return db_bind_null(st, name);
	return db_bind_text(st, name, date);
}

/* Text bound as "" when NULL. */
static int
owner_bind_s(sqlite3_stmt *st, const char *name, const char *s)
{
	return db_bind_text(st, name, s != NULL ? s : "");
}

/* Step a statement expected to change one row; else tell why. */
static int
owner_step_one(struct db *db, sqlite3_stmt *st, int exists_sql, int64_t id)
{
	sqlite3_stmt *ex;
	int rc;

	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	if (db_changes(db) == 1)
		return 0;
	if ((ex = db_stmt(db, sql[exists_sql])) == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(ex, ":id", id)) == 0) {
		switch (sqlite3_step(ex)) {
		case SQLITE_ROW:
			rc = ERR_STATE; /* the version moved on */
			break;
		case SQLITE_DONE:
			rc = err_set(ERR_NOTFOUND, "%s", err_str(ERR_NOTFOUND));
			break;
		default:
			rc = db_fail(db, ex);
		}
	}
	db_done(ex);
	return rc;
}

/* ---- owners ----------------------------------------------------------------- */

void
owner_release(struct owner *o)
{
	if (o == NULL)
		return;
	FREE(&o->name);
	FREE(&o->phone);
	FREE(&o->phone2);
	FREE(&o->id_no);
	FREE(&o->emergency_name);
	FREE(&o->emergency_phone);
	FREE(&o->notes);
}

void
owner_vec_release(struct owner_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		owner_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

/* Fill o from the OWNER_COLS starting at column c. */
static void
owner_from_row(sqlite3_stmt *st, int c, struct owner *o)
{
	o->id = sqlite3_column_int64(st, c);
	o->kind = (enum owner_kind)owner_code_value(HH_OWNER_KIND,
	    sqlite3_column_text(st, c + 1));
	o->name = db_col_str(st, c + 2);
	o->phone = db_col_str(st, c + 3);
	o->phone2 = db_col_str(st, c + 4);
	o->id_type = (enum id_type)owner_code_value(HH_ID_TYPE,
	    sqlite3_column_text(st, c + 5));
	o->id_no = db_col_str(st, c + 6);
	db_col_buf(st, c + 7, o->move_in, DATE_BUFSZ);
	o->emergency_name = db_col_str(st, c + 8);
	o->emergency_phone = db_col_str(st, c + 9);
	o->notes = db_col_str(st, c + 10);
	o->version = sqlite3_column_int64(st, c + 11);
	o->created_at = sqlite3_column_int64(st, c + 12);
	o->updated_at = sqlite3_column_int64(st, c + 13);
}

int
owner_db_get(struct db *db, int64_t id, struct owner *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_GET]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		owner_from_row(st, 0, out);
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
owner_db_find_idno(struct db *db, const char *id_no, struct owner_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_FIND_IDNO]);
	int cap = 0, step, rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":id_no", id_no)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 4;
			out->v = xreallocarray(out->v, (size_t)cap,
			    sizeof *out->v);
		}
		owner_from_row(st, 0, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		owner_vec_release(out);
	}
out:
	db_done(st);
	return rc;
}

/* Bind the columns of o shared by insert and update. */
static int
owner_bind(sqlite3_stmt *st, const struct owner *o, int64_t now)
{
	int rc;

	if ((rc = db_bind_text(st, ":kind",
	    household_code(HH_OWNER_KIND, o->kind))) != 0 ||
	    (rc = owner_bind_s(st, ":name", o->name)) != 0 ||
	    (rc = owner_bind_s(st, ":phone", o->phone)) != 0 ||
	    (rc = owner_bind_s(st, ":phone2", o->phone2)) != 0 ||
	    (rc = db_bind_text(st, ":id_type",
	    household_code(HH_ID_TYPE, o->id_type))) != 0 ||
	    (rc = owner_bind_s(st, ":id_no", o->id_no)) != 0 ||
	    (rc = owner_bind_s(st, ":move_in", o->move_in)) != 0 ||
	    (rc = owner_bind_s(st, ":ename", o->emergency_name)) != 0 ||
	    (rc = owner_bind_s(st, ":ephone", o->emergency_phone)) != 0 ||
	    (rc = owner_bind_s(st, ":notes", o->notes)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0)
		return rc;
	return 0;
}

int
owner_db_insert(struct db *db, const struct owner *o, int64_t now,
    int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = owner_bind(st, o, now)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
owner_db_update(struct db *db, const struct owner *o, int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_UPDATE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = owner_bind(st, o, now)) != 0 ||
	    (rc = db_bind_i64(st, ":id", o->id)) != 0 ||
	    (rc = db_bind_i64(st, ":version", o->version)) != 0) {
		db_done(st);
		return rc;
	}
	return owner_step_one(db, st, OWNER_SQL_EXISTS, o->id);
}

int
owner_db_count(struct db *db, int64_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_COUNT]);
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

/* ---- holdings --------------------------------------------------------------- */

void
holding_owner_release(struct holding_owner *r)
{
	if (r == NULL)
		return;
	owner_release(&r->o);
	FREE(&r->house_code);
}

void
holding_vec_release(struct holding_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		holding_owner_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

/* Fill h from HOLDING_COLS at column 0. */
static void
holding_from_row(sqlite3_stmt *st, struct holding *h)
{
	h->id = sqlite3_column_int64(st, 0);
	h->house_id = sqlite3_column_int64(st, 1);
	h->owner_id = sqlite3_column_int64(st, 2);
	db_col_buf(st, 3, h->since, DATE_BUFSZ);
	db_col_buf(st, 4, h->until, DATE_BUFSZ);
}

/* Fill r from HOLDING_ROW_COLS. */
static void
holding_owner_from_row(sqlite3_stmt *st, struct holding_owner *r)
{
	holding_from_row(st, &r->h);
	owner_from_row(st, 5, &r->o);
	r->house_code = db_col_str(st, 5 + OWNER_NCOLS);
}

int
owner_db_holding_get(struct db *db, int64_t id, struct holding *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_HOLDING_GET]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		holding_from_row(st, out);
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
owner_db_holding_insert(struct db *db, int64_t house_id, int64_t owner_id,
    const char *since, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_HOLDING_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0 ||
	    (rc = db_bind_i64(st, ":owner", owner_id)) != 0 ||
	    (rc = db_bind_text(st, ":since", since)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
owner_db_holding_end(struct db *db, int64_t id, const char *until)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_HOLDING_END]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0 ||
	    (rc = db_bind_text(st, ":until", until)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	if (db_changes(db) != 1)
		return err_set(ERR_NOTFOUND, "%s", err_str(ERR_NOTFOUND));
	return 0;
}

/* Run a holdings listing bound to one id. */
static int
owner_holdings(struct db *db, int which, const char *param, int64_t id,
    struct holding_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[which]);
	int cap = 0, step, rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, param, id)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 4;
			out->v = xreallocarray(out->v, (size_t)cap,
			    sizeof *out->v);
		}
		holding_owner_from_row(st, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		holding_vec_release(out);
	}
out:
	db_done(st);
	return rc;
}

int
owner_db_holdings_of_house(struct db *db, int64_t house_id, int current,
    struct holding_vec *out)
{
	return owner_holdings(db, current ? OWNER_SQL_HOLDINGS_HOUSE_NOW :
	    OWNER_SQL_HOLDINGS_HOUSE_PAST, ":house", house_id, out);
}

int
owner_db_holdings_of_owner(struct db *db, int64_t owner_id,
    struct holding_vec *out)
{
	return owner_holdings(db, OWNER_SQL_HOLDINGS_OWNER, ":owner", owner_id,
	    out);
}

int
owner_db_each_holding(struct db *db,
    int (*fn)(const struct holding_owner *r, void *arg), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_HOLDINGS_ALL]);
	struct holding_owner r;
	int step, rc = 0;

	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		holding_owner_from_row(st, &r);
		rc = fn(&r, arg);
		holding_owner_release(&r);
		if (rc != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}

/* ---- occupants -------------------------------------------------------------- */

void
occupant_release(struct occupant *o)
{
	if (o == NULL)
		return;
	FREE(&o->name);
	FREE(&o->relation_note);
	FREE(&o->phone);
	FREE(&o->id_no);
	FREE(&o->notes);
}

void
occupant_vec_release(struct occupant_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		occupant_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

static void
occupant_from_row(sqlite3_stmt *st, struct occupant *o)
{
	o->id = sqlite3_column_int64(st, 0);
	o->house_id = sqlite3_column_int64(st, 1);
	o->name = db_col_str(st, 2);
	o->relation = (enum occupant_relation)owner_code_value(HH_RELATION,
	    sqlite3_column_text(st, 3));
	o->relation_note = db_col_str(st, 4);
	o->phone = db_col_str(st, 5);
	o->id_type = (enum id_type)owner_code_value(HH_ID_TYPE,
	    sqlite3_column_text(st, 6));
	o->id_no = db_col_str(st, 7);
	db_col_buf(st, 8, o->since, DATE_BUFSZ);
	db_col_buf(st, 9, o->until, DATE_BUFSZ);
	o->notes = db_col_str(st, 10);
	o->version = sqlite3_column_int64(st, 11);
	o->created_at = sqlite3_column_int64(st, 12);
	o->updated_at = sqlite3_column_int64(st, 13);
}

int
owner_db_occupant_get(struct db *db, int64_t id, struct occupant *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_OCC_GET]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		occupant_from_row(st, out);
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

/* Bind the columns of o shared by insert and update. */
static int
occupant_bind(sqlite3_stmt *st, const struct occupant *o, int64_t now)
{
	int rc;

	if ((rc = owner_bind_s(st, ":name", o->name)) != 0 ||
	    (rc = db_bind_text(st, ":relation",
	    household_code(HH_RELATION, o->relation))) != 0 ||
	    (rc = owner_bind_s(st, ":rnote", o->relation_note)) != 0 ||
	    (rc = owner_bind_s(st, ":phone", o->phone)) != 0 ||
	    (rc = db_bind_text(st, ":id_type",
	    household_code(HH_ID_TYPE, o->id_type))) != 0 ||
	    (rc = owner_bind_s(st, ":id_no", o->id_no)) != 0 ||
	    (rc = db_bind_text(st, ":since", o->since)) != 0 ||
	    (rc = owner_bind_date(st, ":until", o->until)) != 0 ||
	    (rc = owner_bind_s(st, ":notes", o->notes)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0)
		return rc;
	return 0;
}

int
owner_db_occupant_insert(struct db *db, const struct occupant *o,
    int64_t now, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_OCC_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = occupant_bind(st, o, now)) != 0 ||
	    (rc = db_bind_i64(st, ":house", o->house_id)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
owner_db_occupant_update(struct db *db, const struct occupant *o,
    int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_OCC_UPDATE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = occupant_bind(st, o, now)) != 0 ||
	    (rc = db_bind_i64(st, ":id", o->id)) != 0 ||
	    (rc = db_bind_i64(st, ":version", o->version)) != 0) {
		db_done(st);
		return rc;
	}
	return owner_step_one(db, st, OWNER_SQL_OCC_EXISTS, o->id);
}

int
owner_db_occupants_of_house(struct db *db, int64_t house_id, int current,
    struct occupant_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[current ? OWNER_SQL_OCC_HOUSE_NOW :
	    OWNER_SQL_OCC_HOUSE_PAST]);
	int cap = 0, step, rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 4;
			out->v = xreallocarray(out->v, (size_t)cap,
			    sizeof *out->v);
		}
		occupant_from_row(st, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		occupant_vec_release(out);
	}
out:
	db_done(st);
	return rc;
}

int
owner_db_people(struct db *db, int64_t house_id, const char *today,
    struct house_people *p)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_PEOPLE]);
	int rc;

	memset(p, 0, sizeof *p);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0 ||
	    (rc = db_bind_text(st, ":today", today)) != 0)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW) {
		p->owners_in = sqlite3_column_int(st, 0);
		p->family = sqlite3_column_int(st, 1);
		p->tenants = sqlite3_column_int(st, 2);
	} else
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}

/* ---- invariants ------------------------------------------------------------- */

int
owner_db_check(struct db *db, int64_t *overlaps, int64_t *backwards,
    int64_t *orphans)
{
	sqlite3_stmt *st = db_stmt(db, sql[OWNER_SQL_CHECK]);
	int rc = 0;

	if (st == NULL)
		return ERR_DB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (overlaps != NULL)
			*overlaps = sqlite3_column_int64(st, 0);
		if (backwards != NULL)
			*backwards = sqlite3_column_int64(st, 1);
		if (orphans != NULL)
			*orphans = sqlite3_column_int64(st, 2);
	} else
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}
