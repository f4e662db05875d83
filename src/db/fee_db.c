/*
 * fee_db.c: SQL of fee items, standards, meter readings and bills, and the
 * read queries of arrears and the monthly report.  No business rules, no
 * curses; never deletes.  The guard against paying a bill twice is here:
 * paid_fen grows only while it stays within the amount.
 */
#include "db/fee_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/dbint.h"
#include "util/err.h"
#include "util/xalloc.h"

enum {
	FEE_SQL_ITEMS,
	FEE_SQL_ITEM_GET,
	FEE_SQL_ITEM_NAME,
	FEE_SQL_LATE_ITEM,
	FEE_SQL_ITEM_INSERT,
	FEE_SQL_ITEM_UPDATE,
	FEE_SQL_STANDARDS,
	FEE_SQL_STANDARD_INSERT,
	FEE_SQL_LAST_BILLED,
	FEE_SQL_READING_GET,
	FEE_SQL_READING_BEFORE,
	FEE_SQL_READING_AVG,
	FEE_SQL_READING_PUT,
	FEE_SQL_READINGS_OF,
	FEE_SQL_BILL_INSERT,
	FEE_SQL_BILL_GET,
	FEE_SQL_BILLS_OPEN,
	FEE_SQL_BILLS_HOUSE,
	FEE_SQL_BILL_PAY,
	FEE_SQL_BILL_UNPAY,
	FEE_SQL_BILL_EXISTS,
	FEE_SQL_LATE_LAST,
	FEE_SQL_OVERDUE,
	FEE_SQL_EACH_BILL,
	FEE_SQL_BILL_HOUSES,
	FEE_SQL_OWNER_NAMES,
	FEE_SQL_EACH_OPEN,
	FEE_SQL_IN_ARREARS,
	FEE_SQL_MONTH_CELLS,
	FEE_SQL_MONTH_HOUSEHOLDS,
	FEE_SQL_OLD_OPEN,
	FEE_SQL_OLD_PAID,
	FEE_SQL_OLD_PAID_BILLS,
	FEE_SQL_OLD_COUNTS,
};

#define ITEM_COLS "id, name, kind, unit, applies, active"

#define BILL_COLS                                                              \
	"b.id, b.house_id, b.item_id, b.period, b.qty, b.price_e4,"           \
	" b.amount_fen, b.paid_fen, b.due, ifnull(b.late_of, 0),"             \
	" ifnull(b.late_to, ''), i.name, i.kind, h.code"
#define BILL_FROM                                                              \
	" FROM bills b JOIN fee_items i ON i.id = b.item_id"                  \
	" JOIN houses h ON h.id = b.house_id"

#define READING_COLS                                                           \
	"house_id, item_id, period, prev, cur, replaced, old_end, new_start,"  \
	" user_id"

static const char *const sql[] = {
	[FEE_SQL_ITEMS] = "SELECT " ITEM_COLS " FROM fee_items"
			  " WHERE active OR :all"
			  " ORDER BY CASE kind WHEN 'area' THEN 0"
			  " WHEN 'metered' THEN 1 WHEN 'fixed' THEN 2"
			  " WHEN 'once' THEN 3 ELSE 4 END, id",
	[FEE_SQL_ITEM_GET] = "SELECT " ITEM_COLS " FROM fee_items"
			     " WHERE id = :id",
	[FEE_SQL_ITEM_NAME] = "SELECT " ITEM_COLS " FROM fee_items"
			      " WHERE name = :name",
	[FEE_SQL_LATE_ITEM] = "SELECT id FROM fee_items WHERE kind = 'late'"
			      " ORDER BY id LIMIT 1",
	[FEE_SQL_ITEM_INSERT] =
	    "INSERT INTO fee_items (name, kind, unit, applies, active)"
	    " VALUES (:name, :kind, :unit, :applies, :active)",
	[FEE_SQL_ITEM_UPDATE] =
	    "UPDATE fee_items SET name = :name, unit = :unit,"
	    " applies = :applies, active = :active WHERE id = :id",
	[FEE_SQL_STANDARDS] = "SELECT valid_from, price_e4 FROM fee_standards"
			      " WHERE item_id = :item ORDER BY valid_from",
	[FEE_SQL_STANDARD_INSERT] =
	    "INSERT INTO fee_standards (item_id, valid_from, price_e4)"
	    " VALUES (:item, :from, :price)",
	[FEE_SQL_LAST_BILLED] =
	    "SELECT max(period) FROM bills WHERE item_id = :item"
	    " AND late_of IS NULL",
	[FEE_SQL_READING_GET] =
	    "SELECT " READING_COLS " FROM meter_readings"
	    " WHERE house_id = :house AND item_id = :item AND period = :period",
	[FEE_SQL_READING_BEFORE] =
	    "SELECT " READING_COLS " FROM meter_readings"
	    " WHERE house_id = :house AND item_id = :item AND period < :period"
	    " ORDER BY period DESC LIMIT 1",
	[FEE_SQL_READING_AVG] =
	    "SELECT ifnull(sum(u), 0), count(*) FROM (SELECT CASE WHEN replaced"
	    " THEN old_end - prev + cur - new_start ELSE cur - prev END AS u"
	    " FROM meter_readings WHERE house_id = :house AND item_id = :item"
	    " AND period < :period ORDER BY period DESC LIMIT 12)",
	[FEE_SQL_READING_PUT] =
	    "INSERT INTO meter_readings (" READING_COLS ") VALUES (:house,"
	    " :item, :period, :prev, :cur, :replaced, :old_end, :new_start,"
	    " :user) ON CONFLICT (house_id, item_id, period) DO UPDATE SET"
	    " prev = excluded.prev, cur = excluded.cur,"
	    " replaced = excluded.replaced, old_end = excluded.old_end,"
	    " new_start = excluded.new_start, user_id = excluded.user_id",
	[FEE_SQL_READINGS_OF] =
	    "SELECT " READING_COLS " FROM meter_readings"
	    " WHERE item_id = :item AND period = :period ORDER BY house_id",
	[FEE_SQL_BILL_INSERT] =
	    "INSERT INTO bills (house_id, item_id, period, qty, price_e4,"
	    " amount_fen, due, late_of, late_to) VALUES (:house, :item,"
	    " :period, :qty, :price, :amount, :due, :late_of, :late_to)"
	    " ON CONFLICT DO NOTHING",
	[FEE_SQL_BILL_GET] = "SELECT " BILL_COLS BILL_FROM " WHERE b.id = :id",
	[FEE_SQL_BILLS_OPEN] =
	    "SELECT " BILL_COLS BILL_FROM " WHERE b.house_id = :house"
	    " AND b.paid_fen < b.amount_fen"
	    " ORDER BY b.due, b.period, b.item_id, b.id",
	[FEE_SQL_BILLS_HOUSE] =
	    "SELECT " BILL_COLS BILL_FROM " WHERE b.house_id = :house"
	    " ORDER BY b.period DESC, b.item_id, b.id DESC LIMIT :limit",
	[FEE_SQL_BILL_PAY] =
	    "UPDATE bills SET paid_fen = paid_fen + :amount WHERE id = :id"
	    " AND paid_fen + :amount <= amount_fen",
	[FEE_SQL_BILL_UNPAY] =
	    "UPDATE bills SET paid_fen = paid_fen - :amount WHERE id = :id"
	    " AND paid_fen >= :amount",
	[FEE_SQL_BILL_EXISTS] =
	    "SELECT count(*) FROM bills WHERE house_id = :house"
	    " AND item_id = :item AND period = :period AND late_of IS NULL",
	[FEE_SQL_LATE_LAST] =
	    "SELECT max(late_to) FROM bills WHERE late_of = :bill",
	[FEE_SQL_OVERDUE] =
	    "SELECT " BILL_COLS BILL_FROM " WHERE b.paid_fen < b.amount_fen"
	    " AND b.due < :day AND b.late_of IS NULL AND i.kind <> 'late'"
	    " AND (:house = 0 OR b.house_id = :house)"
	    " ORDER BY b.house_id, b.due, b.id",
	[FEE_SQL_EACH_BILL] = "SELECT " BILL_COLS BILL_FROM " ORDER BY b.id",
	[FEE_SQL_BILL_HOUSES] =
	    "SELECT id, building, entrance, room, use, area_centi FROM houses"
	    " ORDER BY id",
	[FEE_SQL_OWNER_NAMES] =
	    "SELECT ifnull(group_concat(name, '、'), '') FROM (SELECT o.name"
	    " FROM holdings g JOIN owners o ON o.id = g.owner_id"
	    " WHERE g.house_id = :house AND g.until IS NULL"
	    " ORDER BY g.since, o.id)",
	[FEE_SQL_EACH_OPEN] =
	    "SELECT b.id, b.house_id, b.item_id, h.building, b.period, b.due,"
	    " b.amount_fen - b.paid_fen FROM bills b"
	    " JOIN houses h ON h.id = b.house_id"
	    " WHERE b.paid_fen < b.amount_fen"
	    " AND (:building = 0 OR h.building = :building)"
	    " AND (:item = 0 OR b.item_id = :item)"
	    " ORDER BY h.building, h.entrance, h.room, b.due, b.id",
	[FEE_SQL_IN_ARREARS] =
	    "SELECT DISTINCT b.house_id FROM bills b"
	    " JOIN houses h ON h.id = b.house_id"
	    " WHERE b.paid_fen < b.amount_fen AND b.due < :day"
	    " AND h.building = :building ORDER BY 1",
	[FEE_SQL_MONTH_CELLS] =
	    "SELECT b.item_id, h.building, count(*), sum(b.amount_fen),"
	    " sum(b.paid_fen) FROM bills b JOIN houses h ON h.id = b.house_id"
	    " WHERE b.period = :period GROUP BY b.item_id, h.building"
	    " ORDER BY b.item_id, h.building",
	[FEE_SQL_MONTH_HOUSEHOLDS] =
	    "SELECT count(*), ifnull(sum(a = p), 0) FROM (SELECT"
	    " sum(amount_fen) AS a, sum(paid_fen) AS p FROM bills"
	    " WHERE period = :period GROUP BY house_id)",
	[FEE_SQL_OLD_OPEN] =
	    "SELECT ifnull(sum(amount_fen - paid_fen), 0) FROM bills"
	    " WHERE period < :period AND paid_fen < amount_fen",
	/* driven by the payments of the days (few days, many old bills) */
	[FEE_SQL_OLD_PAID] =
	    "SELECT ifnull((SELECT sum(l.amount_fen) FROM payments p"
	    " CROSS JOIN payment_lines l ON l.payment_id = p.id"
	    " CROSS JOIN bills b ON b.id = l.bill_id WHERE p.day BETWEEN :first"
	    " AND :last AND b.period < :period), 0)"
	    " - ifnull((SELECT sum(l.amount_fen) FROM voids v"
	    " JOIN payment_lines l ON l.payment_id = v.payment_id"
	    " JOIN bills b ON b.id = l.bill_id WHERE v.state = 'approved'"
	    " AND v.day BETWEEN :first AND :last AND b.period < :period), 0)"
	    " - ifnull((SELECT sum(c.amount_fen) FROM credits c"
	    " JOIN bills b ON b.id = c.bill_id WHERE c.kind = 'apply'"
	    " AND c.day BETWEEN :first AND :last AND b.period < :period), 0)",
	/* driven by the old bills (an early period, many days after it) */
	[FEE_SQL_OLD_PAID_BILLS] =
	    "SELECT ifnull((SELECT sum(l.amount_fen) FROM bills b"
	    " CROSS JOIN payment_lines l ON l.bill_id = b.id"
	    " CROSS JOIN payments p ON p.id = l.payment_id"
	    " WHERE b.period < :period AND p.day BETWEEN :first AND :last), 0)"
	    " - ifnull((SELECT sum(l.amount_fen) FROM voids v"
	    " JOIN payment_lines l ON l.payment_id = v.payment_id"
	    " JOIN bills b ON b.id = l.bill_id WHERE v.state = 'approved'"
	    " AND v.day BETWEEN :first AND :last AND b.period < :period), 0)"
	    " - ifnull((SELECT sum(c.amount_fen) FROM credits c"
	    " JOIN bills b ON b.id = c.bill_id WHERE c.kind = 'apply'"
	    " AND c.day BETWEEN :first AND :last AND b.period < :period), 0)",
	[FEE_SQL_OLD_COUNTS] =
	    "SELECT (SELECT count(*) FROM bills WHERE period < :period),"
	    " (SELECT count(*) FROM payments WHERE day BETWEEN :first"
	    " AND :last)",
};

/* ---- helpers ----------------------------------------------------------- */

/* The value of a stored code of a fee set (the schema keeps it known). */
static int
fee_value(enum fee_set set, const unsigned char *code)
{
	int i, n = fee_count(set);

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp((const char *)code, fee_code(set, i)) == 0)
			return i;
	return 0;
}

/* The value of a stored house use. */
static int
use_value(const unsigned char *code)
{
	int i, n = household_count(HH_HOUSE_USE);

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp((const char *)code,
		    household_code(HH_HOUSE_USE, i)) == 0)
			return i;
	return 0;
}

/* Step a statement that returns one row of integers.  OUT: a, b. */
static int
one_row(struct db *db, sqlite3_stmt *st, int64_t *a, int64_t *b)
{
	int rc = 0;

	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		if (a != NULL)
			*a = sqlite3_column_int64(st, 0);
		if (b != NULL)
			*b = sqlite3_column_int64(st, 1);
		break;
	case SQLITE_DONE:
		if (a != NULL)
			*a = 0;
		if (b != NULL)
			*b = 0;
		break;
	default:
		rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

/* ---- items and standards ----------------------------------------------- */

void
fee_item_release(struct fee_item *it)
{
	if (it == NULL)
		return;
	FREE(&it->name);
	FREE(&it->unit);
	FREE(&it->applies);
}

void
fee_item_vec_release(struct fee_item_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		fee_item_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

static void
item_from_row(sqlite3_stmt *st, struct fee_item *it)
{
	it->id = sqlite3_column_int64(st, 0);
	it->name = db_col_str(st, 1);
	it->kind = (enum fee_kind)fee_value(FEE_SET_KIND,
	    sqlite3_column_text(st, 2));
	it->unit = db_col_str(st, 3);
	it->applies = db_col_str(st, 4);
	it->active = sqlite3_column_int(st, 5);
}

int
fee_db_items(struct db *db, int all, struct fee_item_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_ITEMS]);
	int cap = 0, step, rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":all", all != 0)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = db_grow(out->v, out->n, &cap, sizeof *out->v);
		item_from_row(st, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		fee_item_vec_release(out);
	}
out:
	db_done(st);
	return rc;
}

/* One item by a bound statement. */
static int
item_one(struct db *db, sqlite3_stmt *st, struct fee_item *out)
{
	int rc;

	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		item_from_row(st, out);
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
fee_db_item_get(struct db *db, int64_t id, struct fee_item *out)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[FEE_SQL_ITEM_GET], ":id", id);

	if (st == NULL)
		return ERR_DB;
	return item_one(db, st, out);
}

int
fee_db_item_by_name(struct db *db, const char *name, struct fee_item *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_ITEM_NAME]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":name", name)) != 0) {
		db_done(st);
		return rc;
	}
	return item_one(db, st, out);
}

int
fee_db_late_item(struct db *db, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_LATE_ITEM]);

	if (st == NULL)
		return ERR_DB;
	return one_row(db, st, id, NULL);
}

/* Bind the fields of an item. */
static int
bind_item(sqlite3_stmt *st, const struct fee_item *it)
{
	int rc;

	if ((rc = db_bind_text(st, ":name", it->name)) != 0 ||
	    (rc = db_bind_text(st, ":unit", it->unit != NULL ? it->unit :
	    "")) != 0 ||
	    (rc = db_bind_text(st, ":applies", it->applies != NULL ?
	    it->applies : "")) != 0 ||
	    (rc = db_bind_i64(st, ":active", it->active != 0)) != 0)
		return rc;
	return 0;
}

int
fee_db_item_insert(struct db *db, const struct fee_item *it, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_ITEM_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = bind_item(st, it)) != 0 ||
	    (rc = db_bind_text(st, ":kind", fee_code(FEE_SET_KIND,
	    (int)it->kind))) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
fee_db_item_update(struct db *db, const struct fee_item *it)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_ITEM_UPDATE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = bind_item(st, it)) != 0 ||
	    (rc = db_bind_i64(st, ":id", it->id)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : ERR_NOTFOUND;
}

int
fee_db_standards(struct db *db, int64_t item_id, struct fee_standard **v,
    int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_STANDARDS]);
	int cap = 0, step, rc;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":item", item_id)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*v = db_grow(*v, *n, &cap, sizeof **v);
		db_col_buf(st, 0, (*v)[*n].valid_from,
		    sizeof (*v)[*n].valid_from);
		(*v)[(*n)++].price_e4 = sqlite3_column_int64(st, 1);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		FREE(v);
		*n = 0;
	}
out:
	db_done(st);
	return rc;
}

int
fee_db_standard_insert(struct db *db, int64_t item_id,
    const char *valid_from, int64_t price_e4)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_STANDARD_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":item", item_id)) != 0 ||
	    (rc = db_bind_text(st, ":from", valid_from)) != 0 ||
	    (rc = db_bind_i64(st, ":price", price_e4)) != 0) {
		db_done(st);
		return rc;
	}
	return db_step_done(db, st);
}

int
fee_db_last_billed(struct db *db, int64_t item_id,
    char period[DATE_PERIOD_BUFSZ])
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_LAST_BILLED]);
	int rc;

	period[0] = '\0';
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":item", item_id)) != 0)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_buf(st, 0, period, DATE_PERIOD_BUFSZ);
	else
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}

/* ---- meter readings ---------------------------------------------------- */

static void
reading_from_row(sqlite3_stmt *st, struct meter_reading *m)
{
	m->house_id = sqlite3_column_int64(st, 0);
	m->item_id = sqlite3_column_int64(st, 1);
	db_col_buf(st, 2, m->period, sizeof m->period);
	m->r.prev = sqlite3_column_int64(st, 3);
	m->r.cur = sqlite3_column_int64(st, 4);
	m->r.replaced = sqlite3_column_int(st, 5);
	m->r.old_end = sqlite3_column_int64(st, 6);
	m->r.new_start = sqlite3_column_int64(st, 7);
	m->user_id = sqlite3_column_int64(st, 8);
}

/* One reading by a statement bound to house, item and period. */
static int
reading_one(struct db *db, const char *which, int64_t house_id,
    int64_t item_id, const char *period, struct meter_reading *out)
{
	sqlite3_stmt *st = db_stmt(db, which);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0 ||
	    (rc = db_bind_i64(st, ":item", item_id)) != 0 ||
	    (rc = db_bind_text(st, ":period", period)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		reading_from_row(st, out);
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
fee_db_reading_get(struct db *db, int64_t house_id, int64_t item_id,
    const char *period, struct meter_reading *out)
{
	return reading_one(db, sql[FEE_SQL_READING_GET], house_id, item_id,
	    period, out);
}

int
fee_db_reading_before(struct db *db, int64_t house_id, int64_t item_id,
    const char *period, struct meter_reading *out)
{
	return reading_one(db, sql[FEE_SQL_READING_BEFORE], house_id,
	    item_id, period, out);
}

int
fee_db_reading_avg(struct db *db, int64_t house_id, int64_t item_id,
    const char *period, int64_t *avg_centi, int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_READING_AVG]);
	int64_t sum = 0, count = 0;
	int rc;

	*avg_centi = 0;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0 ||
	    (rc = db_bind_i64(st, ":item", item_id)) != 0 ||
	    (rc = db_bind_text(st, ":period", period)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = one_row(db, st, &sum, &count)) != 0)
		return rc;
	if (count > 0)
		*avg_centi = sum / count;
	*n = (int)count;
	return 0;
}

int
fee_db_reading_put(struct db *db, const struct meter_reading *m,
    int *replaced_old)
{
	struct meter_reading old;
	sqlite3_stmt *st;
	int rc;

	rc = fee_db_reading_get(db, m->house_id, m->item_id, m->period, &old);
	if (rc != 0 && rc != ERR_NOTFOUND)
		return rc;
	if (replaced_old != NULL)
		*replaced_old = rc == 0;
	if ((st = db_stmt(db, sql[FEE_SQL_READING_PUT])) == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", m->house_id)) != 0 ||
	    (rc = db_bind_i64(st, ":item", m->item_id)) != 0 ||
	    (rc = db_bind_text(st, ":period", m->period)) != 0 ||
	    (rc = db_bind_i64(st, ":prev", m->r.prev)) != 0 ||
	    (rc = db_bind_i64(st, ":cur", m->r.cur)) != 0 ||
	    (rc = db_bind_i64(st, ":replaced", m->r.replaced != 0)) != 0 ||
	    (rc = db_bind_i64(st, ":old_end", m->r.old_end)) != 0 ||
	    (rc = db_bind_i64(st, ":new_start", m->r.new_start)) != 0 ||
	    (rc = db_bind_i64(st, ":user", m->user_id)) != 0) {
		db_done(st);
		return rc;
	}
	return db_step_done(db, st);
}

int
fee_db_each_reading(struct db *db, int64_t item_id, const char *period,
    int (*fn)(const struct meter_reading *m, void *arg), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_READINGS_OF]);
	struct meter_reading m;
	int step = SQLITE_DONE, rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":item", item_id)) != 0 ||
	    (rc = db_bind_text(st, ":period", period)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		reading_from_row(st, &m);
		if ((rc = fn(&m, arg)) != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}

/* ---- bills ------------------------------------------------------------- */

void
bill_release(struct bill *b)
{
	if (b == NULL)
		return;
	FREE(&b->item_name);
	FREE(&b->house_code);
}

void
bill_vec_release(struct bill_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		bill_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

static void
bill_from_row(sqlite3_stmt *st, struct bill *b)
{
	b->id = sqlite3_column_int64(st, 0);
	b->house_id = sqlite3_column_int64(st, 1);
	b->item_id = sqlite3_column_int64(st, 2);
	db_col_buf(st, 3, b->period, sizeof b->period);
	b->qty_centi = sqlite3_column_int64(st, 4);
	b->price_e4 = sqlite3_column_int64(st, 5);
	b->amount_fen = sqlite3_column_int64(st, 6);
	b->paid_fen = sqlite3_column_int64(st, 7);
	db_col_buf(st, 8, b->due, sizeof b->due);
	b->late_of = sqlite3_column_int64(st, 9);
	db_col_buf(st, 10, b->late_to, sizeof b->late_to);
	b->item_name = db_col_str(st, 11);
	b->kind = (enum fee_kind)fee_value(FEE_SET_KIND,
	    sqlite3_column_text(st, 12));
	b->house_code = db_col_str(st, 13);
}

/* Every row of a bound bill statement into out. */
static int
bill_rows(struct db *db, sqlite3_stmt *st, struct bill_vec *out)
{
	int cap = 0, step, rc = 0;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = db_grow(out->v, out->n, &cap, sizeof *out->v);
		bill_from_row(st, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		bill_vec_release(out);
	}
	db_done(st);
	return rc;
}

int
fee_db_bill_insert(struct db *db, const struct bill *b, int64_t *id,
    int *created)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_BILL_INSERT]);
	int rc, made;

	if (id != NULL)
		*id = 0;
	if (created != NULL)
		*created = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", b->house_id)) != 0 ||
	    (rc = db_bind_i64(st, ":item", b->item_id)) != 0 ||
	    (rc = db_bind_text(st, ":period", b->period)) != 0 ||
	    (rc = db_bind_i64(st, ":qty", b->qty_centi)) != 0 ||
	    (rc = db_bind_i64(st, ":price", b->price_e4)) != 0 ||
	    (rc = db_bind_i64(st, ":amount", b->amount_fen)) != 0 ||
	    (rc = db_bind_text(st, ":due", b->due)) != 0 ||
	    (rc = b->late_of > 0 ? db_bind_i64(st, ":late_of", b->late_of) :
	    db_bind_null(st, ":late_of")) != 0 ||
	    (rc = db_bind_text(st, ":late_to", b->late_of > 0 ? b->late_to :
	    NULL)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	made = db_changes(db) == 1;
	if (made && id != NULL)
		*id = db_last_id(db);
	if (created != NULL)
		*created = made;
	return 0;
}

int
fee_db_bill_get(struct db *db, int64_t id, struct bill *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_BILL_GET]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		bill_from_row(st, out);
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
fee_db_bills_open(struct db *db, int64_t house_id, struct bill_vec *out)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[FEE_SQL_BILLS_OPEN],
	    ":house", house_id);

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	return bill_rows(db, st, out);
}

int
fee_db_bills_of_house(struct db *db, int64_t house_id, int limit,
    struct bill_vec *out)
{
	sqlite3_stmt *st = db_stmt_i64x2(db, sql[FEE_SQL_BILLS_HOUSE],
	    ":house", house_id, ":limit", limit > 0 ? limit : -1);

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	return bill_rows(db, st, out);
}

/* Move paid_fen of bill id by a guarded statement. */
static int
bill_move(struct db *db, const char *which, int64_t id, int64_t amount_fen)
{
	sqlite3_stmt *st = db_stmt_i64x2(db, which, ":id", id,
	    ":amount", amount_fen);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : ERR_CONFLICT;
}

int
fee_db_bill_pay(struct db *db, int64_t id, int64_t amount_fen)
{
	return bill_move(db, sql[FEE_SQL_BILL_PAY], id, amount_fen);
}

int
fee_db_bill_unpay(struct db *db, int64_t id, int64_t amount_fen)
{
	return bill_move(db, sql[FEE_SQL_BILL_UNPAY], id, amount_fen);
}

int
fee_db_bill_exists(struct db *db, int64_t house_id, int64_t item_id,
    const char *period, int *exists)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_BILL_EXISTS]);
	int64_t n = 0;
	int rc;

	*exists = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0 ||
	    (rc = db_bind_i64(st, ":item", item_id)) != 0 ||
	    (rc = db_bind_text(st, ":period", period)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = one_row(db, st, &n, NULL)) == 0)
		*exists = n > 0;
	return rc;
}

int
fee_db_late_last(struct db *db, int64_t bill_id, char to[DATE_BUFSZ])
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_LATE_LAST]);
	int rc;

	to[0] = '\0';
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":bill", bill_id)) != 0)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_buf(st, 0, to, DATE_BUFSZ);
	else
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}

int
fee_db_bills_overdue(struct db *db, int64_t house_id, const char *day,
    struct bill_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_OVERDUE]);
	int rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0 ||
	    (rc = db_bind_text(st, ":day", day)) != 0) {
		db_done(st);
		return rc;
	}
	return bill_rows(db, st, out);
}

int
fee_db_each_bill(struct db *db, int (*fn)(const struct bill *b, void *arg),
    void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_EACH_BILL]);
	struct bill b;
	int step, rc = 0;

	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		bill_from_row(st, &b);
		rc = fn(&b, arg);
		bill_release(&b);
		if (rc != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}

/* ---- houses ------------------------------------------------------------ */

int
fee_db_bill_houses(struct db *db, struct bill_house **v, int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_BILL_HOUSES]);
	struct bill_house *h;
	int cap = 0, step, rc = 0;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*v = db_grow(*v, *n, &cap, sizeof **v);
		h = &(*v)[(*n)++];
		h->id = sqlite3_column_int64(st, 0);
		h->no.building = sqlite3_column_int(st, 1);
		h->no.entrance = sqlite3_column_int(st, 2);
		h->no.room = sqlite3_column_int(st, 3);
		h->use = (enum house_use)use_value(sqlite3_column_text(st, 4));
		h->area_centi = sqlite3_column_int64(st, 5);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		FREE(v);
		*n = 0;
	}
	db_done(st);
	return rc;
}

int
fee_db_owner_names(struct db *db, int64_t house_id, char **names)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_OWNER_NAMES]);
	int rc;

	*names = NULL;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW)
		*names = db_col_str(st, 0);
	else
		rc = db_fail(db, st);
out:
	db_done(st);
	if (rc == 0 && *names == NULL)
		*names = xstrdup("");
	return rc;
}

/* ---- arrears ----------------------------------------------------------- */

int
fee_db_each_open(struct db *db, int building, int64_t item_id,
    int (*fn)(const struct arrears_bill *b, void *arg), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_EACH_OPEN]);
	struct arrears_bill b;
	int step = SQLITE_DONE, rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":building", building)) != 0 ||
	    (rc = db_bind_i64(st, ":item", item_id)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		b.bill_id = sqlite3_column_int64(st, 0);
		b.house_id = sqlite3_column_int64(st, 1);
		b.item_id = sqlite3_column_int64(st, 2);
		b.building = sqlite3_column_int(st, 3);
		db_col_buf(st, 4, b.period, sizeof b.period);
		db_col_buf(st, 5, b.due, sizeof b.due);
		b.open_fen = sqlite3_column_int64(st, 6);
		if ((rc = fn(&b, arg)) != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE && step != SQLITE_ROW)
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}

int
fee_db_houses_in_arrears(struct db *db, int building, const char *day,
    int64_t **ids, int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_IN_ARREARS]);
	int cap = 0, step, rc;

	*ids = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":building", building)) != 0 ||
	    (rc = db_bind_text(st, ":day", day)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = db_grow(*ids, *n, &cap, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		FREE(ids);
		*n = 0;
	}
out:
	db_done(st);
	return rc;
}

/* ---- the monthly report ------------------------------------------------ */

int
fee_db_month_cells(struct db *db, const char *period, struct month_cell **v,
    int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_MONTH_CELLS]);
	struct month_cell *c;
	int cap = 0, step, rc;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":period", period)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*v = db_grow(*v, *n, &cap, sizeof **v);
		c = &(*v)[(*n)++];
		c->item_id = sqlite3_column_int64(st, 0);
		c->building = sqlite3_column_int(st, 1);
		c->bills = sqlite3_column_int64(st, 2);
		c->billed_fen = sqlite3_column_int64(st, 3);
		c->paid_fen = sqlite3_column_int64(st, 4);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		FREE(v);
		*n = 0;
	}
out:
	db_done(st);
	return rc;
}

int
fee_db_month_households(struct db *db, const char *period, int64_t *billed,
    int64_t *paid_up)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_MONTH_HOUSEHOLDS]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":period", period)) != 0) {
		db_done(st);
		return rc;
	}
	return one_row(db, st, billed, paid_up);
}

int
fee_db_old_arrears(struct db *db, const char *period, const char *first,
    const char *last, int64_t *open_now_fen, int64_t *paid_fen)
{
	sqlite3_stmt *st = db_stmt(db, sql[FEE_SQL_OLD_OPEN]);
	int64_t nbills = 0, npay = 0;
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":period", period)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = one_row(db, st, open_now_fen, NULL)) != 0)
		return rc;
	/* go through the smaller side: the old bills or the days' payments */
	if ((st = db_stmt(db, sql[FEE_SQL_OLD_COUNTS])) == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":period", period)) != 0 ||
	    (rc = db_bind_text(st, ":first", first)) != 0 ||
	    (rc = db_bind_text(st, ":last", last)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = one_row(db, st, &nbills, &npay)) != 0)
		return rc;
	if ((st = db_stmt(db, sql[nbills < npay ? FEE_SQL_OLD_PAID_BILLS :
	    FEE_SQL_OLD_PAID])) == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":period", period)) != 0 ||
	    (rc = db_bind_text(st, ":first", first)) != 0 ||
	    (rc = db_bind_text(st, ":last", last)) != 0) {
		db_done(st);
		return rc;
	}
	return one_row(db, st, paid_fen, NULL);
}
