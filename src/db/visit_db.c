/*
 * visit_db.c: SQL of the visit log.  Append-only (the schema refuses UPDATE
 * and DELETE); no business rules, no curses.
 */
#include "db/visit_db.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/dbint.h"
#include "util/err.h"
#include "util/xalloc.h"

enum {
	VISIT_SQL_INSERT,
	VISIT_SQL_GET,
	VISIT_SQL_HOUSE,
	VISIT_SQL_RANGE,
	VISIT_SQL_RANGE_DESK,
	VISIT_SQL_EACH,
};

#define VISIT_COLS                                                             \
	"v.id, v.at, coalesce(v.house_id, 0), coalesce(h.code, ''),"           \
	" v.visitor_kind, v.visitor_name, v.phone, v.purpose, v.content,"      \
	" v.outcome, v.receiver, coalesce(u.display, ''), v.desk"
#define VISIT_FROM                                                             \
	" FROM visits v LEFT JOIN houses h ON h.id = v.house_id"               \
	" LEFT JOIN users u ON u.id = v.receiver"

static const char *const sql[] = {
	[VISIT_SQL_INSERT] =
	    "INSERT INTO visits (at, house_id, visitor_kind, visitor_name,"
	    " phone, purpose, content, outcome, receiver, desk) VALUES (:at,"
	    " :house, :kind, :name, :phone, :purpose, :content, :outcome,"
	    " :receiver, :desk)",
	[VISIT_SQL_GET] = "SELECT " VISIT_COLS VISIT_FROM " WHERE v.id = :id",
	[VISIT_SQL_HOUSE] = "SELECT " VISIT_COLS VISIT_FROM
			    " WHERE v.house_id = :house"
			    " ORDER BY v.at DESC, v.id DESC LIMIT :max",
	[VISIT_SQL_RANGE] = "SELECT " VISIT_COLS VISIT_FROM
			    " WHERE v.at >= :from AND v.at < :to"
			    " ORDER BY v.at DESC, v.id DESC",
	[VISIT_SQL_RANGE_DESK] = "SELECT " VISIT_COLS VISIT_FROM
				 " WHERE v.desk = :desk AND v.at >= :from"
				 " AND v.at < :to"
				 " ORDER BY v.at DESC, v.id DESC",
	[VISIT_SQL_EACH] = "SELECT " VISIT_COLS VISIT_FROM
			   " WHERE v.at >= :from AND v.at < :to"
			   " ORDER BY v.at, v.id",
};

/* The value of a stored code in set (the schema's CHECK keeps it known). */
static int
visit_code_value(enum household_set set, const unsigned char *code)
{
	int i, n = household_count(set);

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp((const char *)code, household_code(set, i)) == 0)
			return i;
	return 0;
}

/* A text column, "" for NULL.  Caller frees. */
static char *
visit_col(sqlite3_stmt *st, int col)
{
	char *s = db_col_text(st, col);

	return s != NULL ? s : xstrdup("");
}

void
visit_release(struct visit *v)
{
	if (v == NULL)
		return;
	FREE(&v->house_code);
	FREE(&v->visitor_name);
	FREE(&v->phone);
	FREE(&v->content);
	FREE(&v->outcome);
	FREE(&v->receiver_name);
	FREE(&v->desk);
}

void
visit_vec_release(struct visit_vec *vv)
{
	int i;

	for (i = 0; i < vv->n; i++)
		visit_release(&vv->v[i]);
	FREE(&vv->v);
	vv->n = 0;
}

static void
visit_from_row(sqlite3_stmt *st, struct visit *v)
{
	v->id = sqlite3_column_int64(st, 0);
	v->at = sqlite3_column_int64(st, 1);
	v->house_id = sqlite3_column_int64(st, 2);
	v->house_code = visit_col(st, 3);
	v->visitor_kind = (enum visitor_kind)visit_code_value(HH_VISITOR_KIND,
	    sqlite3_column_text(st, 4));
	v->visitor_name = visit_col(st, 5);
	v->phone = visit_col(st, 6);
	v->purpose = (enum visit_purpose)visit_code_value(HH_VISIT_PURPOSE,
	    sqlite3_column_text(st, 7));
	v->content = visit_col(st, 8);
	v->outcome = visit_col(st, 9);
	v->receiver_id = sqlite3_column_int64(st, 10);
	v->receiver_name = visit_col(st, 11);
	v->desk = visit_col(st, 12);
}

int
visit_db_insert(struct db *db, const struct visit *v, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[VISIT_SQL_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":at", v->at)) != 0 ||
	    (rc = v->house_id > 0 ? db_bind_i64(st, ":house", v->house_id) :
	    db_bind_null(st, ":house")) != 0 ||
	    (rc = db_bind_text(st, ":kind",
	    household_code(HH_VISITOR_KIND, v->visitor_kind))) != 0 ||
	    (rc = db_bind_text(st, ":name",
	    v->visitor_name ? v->visitor_name : "")) != 0 ||
	    (rc = db_bind_text(st, ":phone", v->phone ? v->phone : "")) != 0 ||
	    (rc = db_bind_text(st, ":purpose",
	    household_code(HH_VISIT_PURPOSE, v->purpose))) != 0 ||
	    (rc = db_bind_text(st, ":content", v->content)) != 0 ||
	    (rc = db_bind_text(st, ":outcome",
	    v->outcome ? v->outcome : "")) != 0 ||
	    (rc = db_bind_i64(st, ":receiver", v->receiver_id)) != 0 ||
	    (rc = db_bind_text(st, ":desk", v->desk ? v->desk : "")) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
visit_db_get(struct db *db, int64_t id, struct visit *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[VISIT_SQL_GET]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		visit_from_row(st, out);
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

/* Collect the rows of a bound statement into out, then reset it. */
static int
visit_collect(struct db *db, sqlite3_stmt *st, struct visit_vec *out)
{
	int cap = 0, step, rc = 0;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xreallocarray(out->v, (size_t)cap,
			    sizeof *out->v);
		}
		visit_from_row(st, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		visit_vec_release(out);
	}
	db_done(st);
	return rc;
}

int
visit_db_of_house(struct db *db, int64_t house_id, int max,
    struct visit_vec *out)
{
	sqlite3_stmt *st = db_stmt_i64x2(db, sql[VISIT_SQL_HOUSE],
	    ":house", house_id, ":max", max > 0 ? max : -1);

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	return visit_collect(db, st, out);
}

int
visit_db_range(struct db *db, int64_t from, int64_t to, const char *desk,
    struct visit_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[desk != NULL ?
	    VISIT_SQL_RANGE_DESK : VISIT_SQL_RANGE]);
	int rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":from", from)) != 0 ||
	    (rc = db_bind_i64(st, ":to", to)) != 0 ||
	    (desk != NULL && (rc = db_bind_text(st, ":desk", desk)) != 0)) {
		db_done(st);
		return rc;
	}
	return visit_collect(db, st, out);
}

int
visit_db_each(struct db *db, int64_t from, int64_t to,
    int (*fn)(const struct visit *v, void *arg), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql[VISIT_SQL_EACH]);
	struct visit v;
	int step = SQLITE_DONE, rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":from", from)) != 0 ||
	    (rc = db_bind_i64(st, ":to", to)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		visit_from_row(st, &v);
		rc = fn(&v, arg);
		visit_release(&v);
		if (rc != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}
