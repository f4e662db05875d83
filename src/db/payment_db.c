/*
 * payment_db.c: SQL of payments and their receipt numbers, payment lines,
 * the credit ledger, voids, daily closes, reminders and the invariants of
 * the received side.  No business rules, no curses; never deletes.
 *
 * Receipt numbers: the next number of a year is max(seq) + 1, taken in
 * the INSERT itself, inside the caller's BEGIN IMMEDIATE transaction; the
 * schema's trigger refuses any other number, so a number is never skipped
 * or used twice, and a payment killed half-way leaves no number behind.
 */
#include "db/payment_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/dbint.h"
#include "util/err.h"
#include "util/xalloc.h"

enum {
	PAY_SQL_INSERT,
	PAY_SQL_GET,
	PAY_SQL_GET_NO,
	PAY_SQL_OF_HOUSE,
	PAY_SQL_NEWER,
	PAY_SQL_NEWEST,
	PAY_SQL_LAST_FOR_BILL,
	PAY_SQL_LINE_INSERT,
	PAY_SQL_LINES,
	PAY_SQL_EACH,
	PAY_SQL_CREDIT,
	PAY_SQL_CREDIT_ADD,
	PAY_SQL_CREDIT_OF,
	PAY_SQL_CREDITS,
	PAY_SQL_VOID_INSERT,
	PAY_SQL_VOID_GET,
	PAY_SQL_VOID_DECIDE,
	PAY_SQL_VOIDS,
	PAY_SQL_DAY_SUMS,
	PAY_SQL_DAY_VOIDS,
	PAY_SQL_CLOSE_INSERT,
	PAY_SQL_CLOSE_GET,
	PAY_SQL_CLOSE_ID,
	PAY_SQL_CLOSE_REVIEW,
	PAY_SQL_CLOSES,
	PAY_SQL_CASHIERS,
	PAY_SQL_REMIND_INSERT,
	PAY_SQL_REMINDERS,
	PAY_SQL_STAGE,
	PAY_SQL_PRINTS,
	PAY_SQL_USER,
	PAY_SQL_CHECK_COUNT,
	PAY_SQL_CHECK_YEARS,
	PAY_SQL_CHECK_BALANCE,
	PAY_SQL_CHECK_ALLOC,
	PAY_SQL_CHECK_AFTER,
	PAY_SQL_CHECK_CREDIT,
	PAY_SQL_CHECK_CLOSES,
};

/* A payment with its house, cashier, credit kept and void state. */
#define PAY_COLS                                                               \
	"p.id, p.year, p.seq, p.house_id, p.method, p.amount_fen,"            \
	" p.tendered_fen, p.change_fen, p.cashier_id, p.desk, p.at, p.day,"   \
	" h.code, u.display, p.amount_fen - ifnull((SELECT sum(amount_fen)"   \
	" FROM payment_lines WHERE payment_id = p.id), 0),"                   \
	" ifnull((SELECT state FROM voids v WHERE v.payment_id = p.id"        \
	" AND v.state <> 'rejected'), '')"
#define PAY_FROM                                                               \
	" FROM payments p JOIN houses h ON h.id = p.house_id"                 \
	" JOIN users u ON u.id = p.cashier_id"
#define NPAY_COLS 16

#define VOID_COLS                                                              \
	"v.id, v.payment_id, v.reason, v.requested_by, r.display, v.state,"   \
	" ifnull(v.decided_by, 0), ifnull(v.day, ''), " PAY_COLS
#define VOID_FROM                                                              \
	" FROM voids v JOIN users r ON r.id = v.requested_by"                 \
	" JOIN payments p ON p.id = v.payment_id"                             \
	" JOIN houses h ON h.id = p.house_id"                                 \
	" JOIN users u ON u.id = p.cashier_id"

#define CLOSE_COLS                                                             \
	"c.id, c.cashier_id, u.display, c.day, c.float_fen, c.expected_fen,"  \
	" c.counted_fen, c.diff_fen, c.reason, c.at, ifnull(c.reviewed_by, 0)," \
	" ifnull(r.display, '')"
#define CLOSE_FROM                                                             \
	" FROM daily_closes c JOIN users u ON u.id = c.cashier_id"            \
	" LEFT JOIN users r ON r.id = c.reviewed_by"

static const char *const sql[] = {
	[PAY_SQL_INSERT] =
	    "INSERT INTO payments (year, seq, house_id, method, amount_fen,"
	    " tendered_fen, change_fen, cashier_id, desk, at, day)"
	    " SELECT :year, ifnull(max(seq), 0) + 1, :house, :method, :amount,"
	    " :tendered, :change, :cashier, :desk, :at, :day FROM payments"
	    " WHERE year = :year RETURNING id, seq",
	[PAY_SQL_GET] = "SELECT " PAY_COLS PAY_FROM " WHERE p.id = :id",
	[PAY_SQL_GET_NO] = "SELECT " PAY_COLS PAY_FROM
			   " WHERE p.year = :year AND p.seq = :seq",
	[PAY_SQL_OF_HOUSE] = "SELECT " PAY_COLS PAY_FROM
			     " WHERE p.house_id = :house ORDER BY p.id DESC"
			     " LIMIT :limit",
	[PAY_SQL_NEWER] = "SELECT " PAY_COLS PAY_FROM
			  " WHERE p.house_id = :house AND p.id > :after"
			  " ORDER BY p.id",
	[PAY_SQL_NEWEST] = "SELECT ifnull(max(id), 0) FROM payments"
			   " WHERE house_id = :house",
	[PAY_SQL_LAST_FOR_BILL] =
	    "SELECT " PAY_COLS PAY_FROM " JOIN payment_lines l"
	    " ON l.payment_id = p.id WHERE l.bill_id = :bill"
	    " ORDER BY p.id DESC LIMIT 1",
	[PAY_SQL_LINE_INSERT] =
	    "INSERT INTO payment_lines (payment_id, bill_id, amount_fen)"
	    " VALUES (:payment, :bill, :amount)",
	[PAY_SQL_LINES] =
	    "SELECT l.bill_id, l.amount_fen, i.name, b.period, b.amount_fen,"
	    " b.paid_fen FROM payment_lines l JOIN bills b ON b.id = l.bill_id"
	    " JOIN fee_items i ON i.id = b.item_id WHERE l.payment_id = :payment"
	    " ORDER BY b.due, b.period, b.item_id, b.id",
	[PAY_SQL_EACH] = "SELECT " PAY_COLS PAY_FROM
			 " WHERE p.day BETWEEN :from AND :to ORDER BY p.id",
	[PAY_SQL_CREDIT] = "SELECT ifnull(sum(amount_fen), 0) FROM credits"
			   " WHERE house_id = :house",
	[PAY_SQL_CREDIT_ADD] =
	    "INSERT INTO credits (house_id, amount_fen, kind, payment_id,"
	    " bill_id, day) VALUES (:house, :amount, :kind, :payment, :bill,"
	    " :day)",
	[PAY_SQL_CREDIT_OF] =
	    "SELECT p.amount_fen - ifnull((SELECT sum(amount_fen)"
	    " FROM payment_lines WHERE payment_id = p.id), 0)"
	    " FROM payments p WHERE p.id = :payment",
	[PAY_SQL_CREDITS] =
	    "SELECT house_id, sum(amount_fen) FROM credits GROUP BY house_id"
	    " HAVING sum(amount_fen) > 0 ORDER BY house_id",
	[PAY_SQL_VOID_INSERT] =
	    "INSERT INTO voids (payment_id, reason, requested_by, state)"
	    " VALUES (:payment, :reason, :user, 'requested')",
	[PAY_SQL_VOID_GET] = "SELECT " VOID_COLS VOID_FROM " WHERE v.id = :id",
	[PAY_SQL_VOID_DECIDE] =
	    "UPDATE voids SET state = :state, decided_by = :user, day = :day"
	    " WHERE id = :id AND state = 'requested'",
	[PAY_SQL_VOIDS] = "SELECT " VOID_COLS VOID_FROM
			  " WHERE :state = '' OR v.state = :state"
			  " ORDER BY v.id DESC LIMIT :limit",
	[PAY_SQL_DAY_SUMS] =
	    "SELECT count(*), ifnull(min(seq), 0), ifnull(max(seq), 0),"
	    " ifnull(min(year), 0),"
	    " ifnull(sum(CASE method WHEN 'cash' THEN amount_fen END), 0),"
	    " ifnull(sum(CASE method WHEN 'card' THEN amount_fen END), 0),"
	    " ifnull(sum(CASE method WHEN 'wechat' THEN amount_fen END), 0),"
	    " ifnull(sum(CASE method WHEN 'alipay' THEN amount_fen END), 0),"
	    " ifnull(sum(CASE method WHEN 'transfer' THEN amount_fen END), 0),"
	    " ifnull(sum(amount_fen), 0),"
	    " ifnull(sum(CASE method WHEN 'cash' THEN tendered_fen END), 0),"
	    " ifnull(sum(change_fen), 0)"
	    " FROM payments WHERE day = :day AND cashier_id = :cashier",
	[PAY_SQL_DAY_VOIDS] =
	    "SELECT count(*), ifnull(sum(p.amount_fen), 0),"
	    " ifnull(sum(CASE p.method WHEN 'cash' THEN p.amount_fen END), 0)"
	    " FROM voids v JOIN payments p ON p.id = v.payment_id"
	    " WHERE v.state = 'approved' AND v.day = :day"
	    " AND v.requested_by = :cashier",
	[PAY_SQL_CLOSE_INSERT] =
	    "INSERT INTO daily_closes (cashier_id, day, float_fen,"
	    " expected_fen, counted_fen, diff_fen, reason, at) VALUES"
	    " (:cashier, :day, :float, :expected, :counted, :diff, :reason,"
	    " :at)",
	[PAY_SQL_CLOSE_GET] = "SELECT " CLOSE_COLS CLOSE_FROM
			      " WHERE c.cashier_id = :cashier AND c.day = :day",
	[PAY_SQL_CLOSE_ID] = "SELECT " CLOSE_COLS CLOSE_FROM
			     " WHERE c.id = :id",
	[PAY_SQL_CLOSE_REVIEW] =
	    "UPDATE daily_closes SET reviewed_by = :user WHERE id = :id"
	    " AND reviewed_by IS NULL",
	[PAY_SQL_CLOSES] = "SELECT " CLOSE_COLS CLOSE_FROM
			   " WHERE c.day BETWEEN :from AND :to"
			   " ORDER BY c.day, c.cashier_id",
	[PAY_SQL_CASHIERS] =
	    "SELECT cashier_id FROM payments WHERE day = :day"
	    " UNION SELECT requested_by FROM voids WHERE state = 'approved'"
	    " AND day = :day UNION SELECT cashier_id FROM daily_closes"
	    " WHERE day = :day ORDER BY 1",
	[PAY_SQL_REMIND_INSERT] =
	    "INSERT INTO reminders (house_id, day, method, user_id, result)"
	    " VALUES (:house, :day, :method, :user, :result)",
	[PAY_SQL_REMINDERS] =
	    "SELECT r.id, r.house_id, r.day, r.method, r.user_id, u.display,"
	    " r.result FROM reminders r JOIN users u ON u.id = r.user_id"
	    " WHERE r.house_id = :house ORDER BY r.day DESC, r.id DESC",
	[PAY_SQL_STAGE] =
	    "SELECT ifnull(max(CASE method WHEN 'notice' THEN 0"
	    " WHEN 'phone' THEN 1 WHEN 'visit' THEN 2 ELSE 3 END), -1),"
	    " ifnull(max(day), '') FROM reminders"
	    " WHERE house_id = :house AND day >= :day",
	[PAY_SQL_PRINTS] =
	    "SELECT count(*) FROM audit_log WHERE entity = 'payment'"
	    " AND entity_id = :payment AND action = 'receipt.print'",
	[PAY_SQL_USER] = "SELECT display FROM users WHERE id = :id",
	[PAY_SQL_CHECK_COUNT] = "SELECT count(*) FROM payments",
	[PAY_SQL_CHECK_YEARS] =
	    "SELECT year FROM payments GROUP BY year"
	    " HAVING count(*) <> max(seq) OR min(seq) <> 1 ORDER BY year",
	[PAY_SQL_CHECK_BALANCE] =
	    "SELECT count(*) FROM payments p LEFT JOIN (SELECT payment_id,"
	    " sum(amount_fen) AS s FROM payment_lines GROUP BY payment_id) l"
	    " ON l.payment_id = p.id LEFT JOIN (SELECT payment_id,"
	    " sum(amount_fen) AS s FROM credits WHERE kind = 'deposit'"
	    " GROUP BY payment_id) c ON c.payment_id = p.id"
	    " WHERE p.amount_fen <> ifnull(l.s, 0) + ifnull(c.s, 0)",
	[PAY_SQL_CHECK_ALLOC] =
	    "SELECT count(*) FROM bills b LEFT JOIN (SELECT l.bill_id,"
	    " sum(l.amount_fen) AS s FROM payment_lines l WHERE NOT EXISTS"
	    " (SELECT 1 FROM voids v WHERE v.payment_id = l.payment_id"
	    " AND v.state <> 'rejected' AND v.state = 'approved')"
	    " GROUP BY l.bill_id) x ON x.bill_id = b.id"
	    " LEFT JOIN (SELECT bill_id, -sum(amount_fen) AS s FROM credits"
	    " WHERE kind = 'apply' GROUP BY bill_id) c ON c.bill_id = b.id"
	    " WHERE b.paid_fen <> ifnull(x.s, 0) + ifnull(c.s, 0)",
	[PAY_SQL_CHECK_AFTER] =
	    "SELECT count(*) FROM payments p JOIN daily_closes c"
	    " ON c.cashier_id = p.cashier_id AND c.day = p.day"
	    " WHERE p.at > c.at",
	[PAY_SQL_CHECK_CREDIT] =
	    "SELECT count(*) FROM (SELECT house_id FROM credits"
	    " GROUP BY house_id HAVING sum(amount_fen) < 0)",
	[PAY_SQL_CHECK_CLOSES] =
	    "SELECT cashier_id, day, float_fen, expected_fen FROM daily_closes"
	    " ORDER BY id",
};

/* ---- helpers ----------------------------------------------------------- */

static int
fee_value(enum fee_set set, const unsigned char *code)
{
	int i, n = fee_count(set);

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp((const char *)code, fee_code(set, i)) == 0)
			return i;
	return -1;
}

/* Step a statement of one row of integers (missing row: zeros). */
static int
one_row(struct db *db, sqlite3_stmt *st, int64_t *out, int ncols)
{
	int rc = 0, i;

	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		for (i = 0; i < ncols; i++)
			out[i] = sqlite3_column_int64(st, i);
		break;
	case SQLITE_DONE:
		for (i = 0; i < ncols; i++)
			out[i] = 0;
		break;
	default:
		rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

/* ---- payments ---------------------------------------------------------- */

void
payment_release(struct payment *p)
{
	if (p == NULL)
		return;
	FREE(&p->desk);
	FREE(&p->house_code);
	FREE(&p->cashier);
}

void
payment_vec_release(struct payment_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		payment_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

/* A payment from PAY_COLS starting at column c. */
static void
payment_from_row(sqlite3_stmt *st, int c, struct payment *p)
{
	int m;

	p->id = sqlite3_column_int64(st, c + 0);
	p->year = sqlite3_column_int(st, c + 1);
	p->seq = sqlite3_column_int64(st, c + 2);
	p->house_id = sqlite3_column_int64(st, c + 3);
	m = fee_value(FEE_SET_METHOD, sqlite3_column_text(st, c + 4));
	p->method = m < 0 ? PAY_CASH : (enum pay_method)m;
	p->amount_fen = sqlite3_column_int64(st, c + 5);
	p->tendered_fen = sqlite3_column_int64(st, c + 6);
	p->change_fen = sqlite3_column_int64(st, c + 7);
	p->cashier_id = sqlite3_column_int64(st, c + 8);
	p->desk = db_col_str(st, c + 9);
	p->at = sqlite3_column_int64(st, c + 10);
	db_col_buf(st, c + 11, p->day, sizeof p->day);
	p->house_code = db_col_str(st, c + 12);
	p->cashier = db_col_str(st, c + 13);
	p->credit_fen = sqlite3_column_int64(st, c + 14);
	p->void_state = fee_value(FEE_SET_VOID, sqlite3_column_text(st,
	    c + 15));
}

/* One payment from a bound statement.  0, ERR_NOTFOUND or an error. */
static int
payment_one(struct db *db, sqlite3_stmt *st, struct payment *out)
{
	int rc = 0;

	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		payment_from_row(st, 0, out);
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

/* Every payment of a bound statement into out. */
static int
payment_rows(struct db *db, sqlite3_stmt *st, struct payment_vec *out)
{
	int cap = 0, step, rc = 0;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = db_grow(out->v, out->n, &cap, sizeof *out->v);
		payment_from_row(st, 0, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		payment_vec_release(out);
	}
	db_done(st);
	return rc;
}

int
payment_db_insert(struct db *db, struct payment *p)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":year", p->year)) != 0 ||
	    (rc = db_bind_i64(st, ":house", p->house_id)) != 0 ||
	    (rc = db_bind_text(st, ":method", fee_code(FEE_SET_METHOD,
	    (int)p->method))) != 0 ||
	    (rc = db_bind_i64(st, ":amount", p->amount_fen)) != 0 ||
	    (rc = db_bind_i64(st, ":tendered", p->tendered_fen)) != 0 ||
	    (rc = db_bind_i64(st, ":change", p->change_fen)) != 0 ||
	    (rc = db_bind_i64(st, ":cashier", p->cashier_id)) != 0 ||
	    (rc = db_bind_text(st, ":desk", p->desk)) != 0 ||
	    (rc = db_bind_i64(st, ":at", p->at)) != 0 ||
	    (rc = db_bind_text(st, ":day", p->day)) != 0)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = db_fail(db, st);
		goto out;
	}
	p->id = sqlite3_column_int64(st, 0);
	p->seq = sqlite3_column_int64(st, 1);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}

int
payment_db_get(struct db *db, int64_t id, struct payment *out)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[PAY_SQL_GET], ":id", id);

	if (st == NULL)
		return ERR_DB;
	return payment_one(db, st, out);
}

int
payment_db_get_by_no(struct db *db, int year, int64_t seq,
    struct payment *out)
{
	sqlite3_stmt *st = db_stmt_i64x2(db, sql[PAY_SQL_GET_NO], ":year", year,
	    ":seq", seq);

	if (st == NULL)
		return ERR_DB;
	return payment_one(db, st, out);
}

int
payment_db_of_house(struct db *db, int64_t house_id, int limit,
    struct payment_vec *out)
{
	sqlite3_stmt *st = db_stmt_i64x2(db, sql[PAY_SQL_OF_HOUSE],
	    ":house", house_id, ":limit", limit > 0 ? limit : -1);

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	return payment_rows(db, st, out);
}

int
payment_db_newer(struct db *db, int64_t house_id, int64_t after_id,
    struct payment_vec *out)
{
	sqlite3_stmt *st = db_stmt_i64x2(db, sql[PAY_SQL_NEWER],
	    ":house", house_id, ":after", after_id);

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	return payment_rows(db, st, out);
}

int
payment_db_newest(struct db *db, int64_t house_id, int64_t *id)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[PAY_SQL_NEWEST],
	    ":house", house_id);

	if (st == NULL)
		return ERR_DB;
	return one_row(db, st, id, 1);
}

int
payment_db_last_for_bill(struct db *db, int64_t bill_id,
    struct payment *out)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[PAY_SQL_LAST_FOR_BILL],
	    ":bill", bill_id);

	if (st == NULL)
		return ERR_DB;
	return payment_one(db, st, out);
}

void
payment_line_vec_release(struct payment_line_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		FREE(&v->v[i].item_name);
	FREE(&v->v);
	v->n = 0;
}

int
payment_db_line_insert(struct db *db, int64_t payment_id, int64_t bill_id,
    int64_t amount_fen)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_LINE_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":payment", payment_id)) != 0 ||
	    (rc = db_bind_i64(st, ":bill", bill_id)) != 0 ||
	    (rc = db_bind_i64(st, ":amount", amount_fen)) != 0) {
		db_done(st);
		return rc;
	}
	return db_step_done(db, st);
}

int
payment_db_lines(struct db *db, int64_t payment_id,
    struct payment_line_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_LINES]);
	struct payment_line *l;
	int cap = 0, step, rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":payment", payment_id)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = db_grow(out->v, out->n, &cap, sizeof *out->v);
		l = &out->v[out->n++];
		l->bill_id = sqlite3_column_int64(st, 0);
		l->amount_fen = sqlite3_column_int64(st, 1);
		l->item_name = db_col_str(st, 2);
		db_col_buf(st, 3, l->period, sizeof l->period);
		l->bill_amount_fen = sqlite3_column_int64(st, 4);
		l->bill_paid_fen = sqlite3_column_int64(st, 5);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		payment_line_vec_release(out);
	}
out:
	db_done(st);
	return rc;
}

int
payment_db_each(struct db *db, const char *from, const char *to,
    int (*fn)(const struct payment *p, void *arg), void *arg)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_EACH]);
	struct payment p;
	int step = SQLITE_DONE, rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":from", from != NULL ? from : "")) != 0 ||
	    (rc = db_bind_text(st, ":to", to != NULL ? to : "9999")) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		payment_from_row(st, 0, &p);
		rc = fn(&p, arg);
		payment_release(&p);
		if (rc != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}

/* ---- credit ------------------------------------------------------------ */

static const char *const credit_kinds[] = {"deposit", "apply", "void"};

int
payment_db_credit(struct db *db, int64_t house_id, int64_t *fen)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[PAY_SQL_CREDIT],
	    ":house", house_id);

	if (st == NULL)
		return ERR_DB;
	return one_row(db, st, fen, 1);
}

int
payment_db_credit_add(struct db *db, int64_t house_id, int64_t amount_fen,
    enum credit_kind kind, int64_t payment_id, int64_t bill_id,
    const char *day)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_CREDIT_ADD]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0 ||
	    (rc = db_bind_i64(st, ":amount", amount_fen)) != 0 ||
	    (rc = db_bind_text(st, ":kind", credit_kinds[kind])) != 0 ||
	    (rc = payment_id > 0 ? db_bind_i64(st, ":payment", payment_id) :
	    db_bind_null(st, ":payment")) != 0 ||
	    (rc = bill_id > 0 ? db_bind_i64(st, ":bill", bill_id) :
	    db_bind_null(st, ":bill")) != 0 ||
	    (rc = db_bind_text(st, ":day", day)) != 0) {
		db_done(st);
		return rc;
	}
	return db_step_done(db, st);
}

int
payment_db_credit_of_payment(struct db *db, int64_t payment_id,
    int64_t *fen)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[PAY_SQL_CREDIT_OF],
	    ":payment", payment_id);

	if (st == NULL)
		return ERR_DB;
	return one_row(db, st, fen, 1);
}

int
payment_db_credits(struct db *db, struct house_credit **v, int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_CREDITS]);
	int cap = 0, step, rc = 0;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		*v = db_grow(*v, *n, &cap, sizeof **v);
		(*v)[*n].house_id = sqlite3_column_int64(st, 0);
		(*v)[(*n)++].fen = sqlite3_column_int64(st, 1);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		FREE(v);
		*n = 0;
	}
	db_done(st);
	return rc;
}

/* ---- voids ------------------------------------------------------------- */

void
void_release(struct void_req *v)
{
	if (v == NULL)
		return;
	FREE(&v->reason);
	FREE(&v->requested_name);
	payment_release(&v->p);
}

void
void_vec_release(struct void_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		void_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

static void
void_from_row(sqlite3_stmt *st, struct void_req *v)
{
	int s;

	v->id = sqlite3_column_int64(st, 0);
	v->payment_id = sqlite3_column_int64(st, 1);
	v->reason = db_col_str(st, 2);
	v->requested_by = sqlite3_column_int64(st, 3);
	v->requested_name = db_col_str(st, 4);
	s = fee_value(FEE_SET_VOID, sqlite3_column_text(st, 5));
	v->state = s < 0 ? VOID_REQUESTED : (enum void_state)s;
	v->decided_by = sqlite3_column_int64(st, 6);
	db_col_buf(st, 7, v->day, sizeof v->day);
	payment_from_row(st, 8, &v->p);
}

int
payment_db_void_insert(struct db *db, int64_t payment_id,
    const char *reason, int64_t user_id, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_VOID_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":payment", payment_id)) != 0 ||
	    (rc = db_bind_text(st, ":reason", reason)) != 0 ||
	    (rc = db_bind_i64(st, ":user", user_id)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = sqlite3_step(st)) == SQLITE_DONE) {
		rc = 0;
		if (id != NULL)
			*id = db_last_id(db);
	} else if ((sqlite3_extended_errcode(db_handle(db))) ==
	    SQLITE_CONSTRAINT_UNIQUE) {
		rc = ERR_CONFLICT;
	} else {
		rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

int
payment_db_void_get(struct db *db, int64_t id, struct void_req *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_VOID_GET]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		void_from_row(st, out);
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
payment_db_void_decide(struct db *db, int64_t id, enum void_state state,
    int64_t user_id, const char *day)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_VOID_DECIDE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":state", fee_code(FEE_SET_VOID,
	    (int)state))) != 0 ||
	    (rc = db_bind_i64(st, ":user", user_id)) != 0 ||
	    (rc = db_bind_text(st, ":day", day)) != 0 ||
	    (rc = db_bind_i64(st, ":id", id)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = sqlite3_step(st)) == SQLITE_DONE)
		rc = db_changes(db) == 1 ? 0 : ERR_STATE;
	else if (sqlite3_extended_errcode(db_handle(db)) ==
	    SQLITE_CONSTRAINT_TRIGGER)
		rc = ERR_STATE;
	else
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}

int
payment_db_voids(struct db *db, int state, int limit, struct void_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_VOIDS]);
	int cap = 0, step, rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":state", state < 0 ? "" :
	    fee_code(FEE_SET_VOID, state))) != 0 ||
	    (rc = db_bind_i64(st, ":limit", limit > 0 ? limit : -1)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = db_grow(out->v, out->n, &cap, sizeof *out->v);
		void_from_row(st, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		void_vec_release(out);
	}
out:
	db_done(st);
	return rc;
}

/* ---- daily close ------------------------------------------------------- */

int
payment_db_day_sums(struct db *db, int64_t cashier_id, const char *day,
    struct day_sums *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_DAY_SUMS]);
	int64_t r[12], v[3];
	int rc, i;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":day", day)) != 0 ||
	    (rc = db_bind_i64(st, ":cashier", cashier_id)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = one_row(db, st, r, 12)) != 0)
		return rc;
	out->n = r[0];
	out->first_seq = r[1];
	out->last_seq = r[2];
	out->first_year = out->last_year = (int)r[3];
	for (i = 0; i < PAY_METHOD_COUNT; i++)
		out->by_method[i] = r[4 + i];
	out->total_fen = r[9];
	out->tendered_fen = r[10];
	out->change_fen = r[11];
	if ((st = db_stmt(db, sql[PAY_SQL_DAY_VOIDS])) == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":day", day)) != 0 ||
	    (rc = db_bind_i64(st, ":cashier", cashier_id)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = one_row(db, st, v, 3)) != 0)
		return rc;
	out->nvoids = v[0];
	out->void_fen = v[1];
	out->refund_fen = v[2];
	return 0;
}

void
close_release(struct day_close *c)
{
	if (c == NULL)
		return;
	FREE(&c->cashier);
	FREE(&c->reason);
	FREE(&c->reviewer);
}

void
close_vec_release(struct close_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		close_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

static void
close_from_row(sqlite3_stmt *st, struct day_close *c)
{
	c->id = sqlite3_column_int64(st, 0);
	c->cashier_id = sqlite3_column_int64(st, 1);
	c->cashier = db_col_str(st, 2);
	db_col_buf(st, 3, c->day, sizeof c->day);
	c->float_fen = sqlite3_column_int64(st, 4);
	c->expected_fen = sqlite3_column_int64(st, 5);
	c->counted_fen = sqlite3_column_int64(st, 6);
	c->diff_fen = sqlite3_column_int64(st, 7);
	c->reason = db_col_str(st, 8);
	c->at = sqlite3_column_int64(st, 9);
	c->reviewed_by = sqlite3_column_int64(st, 10);
	c->reviewer = db_col_str(st, 11);
}

int
payment_db_close_insert(struct db *db, const struct day_close *c,
    int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_CLOSE_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":cashier", c->cashier_id)) != 0 ||
	    (rc = db_bind_text(st, ":day", c->day)) != 0 ||
	    (rc = db_bind_i64(st, ":float", c->float_fen)) != 0 ||
	    (rc = db_bind_i64(st, ":expected", c->expected_fen)) != 0 ||
	    (rc = db_bind_i64(st, ":counted", c->counted_fen)) != 0 ||
	    (rc = db_bind_i64(st, ":diff", c->diff_fen)) != 0 ||
	    (rc = db_bind_text(st, ":reason", c->reason != NULL ? c->reason :
	    "")) != 0 ||
	    (rc = db_bind_i64(st, ":at", c->at)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = sqlite3_step(st)) == SQLITE_DONE) {
		rc = 0;
		if (id != NULL)
			*id = db_last_id(db);
	} else if (sqlite3_extended_errcode(db_handle(db)) ==
	    SQLITE_CONSTRAINT_UNIQUE) {
		rc = ERR_CONFLICT;
	} else {
		rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

/* One close from a bound statement. */
static int
close_one(struct db *db, sqlite3_stmt *st, struct day_close *out)
{
	int rc = 0;

	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		close_from_row(st, out);
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
payment_db_close_get(struct db *db, int64_t cashier_id, const char *day,
    struct day_close *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_CLOSE_GET]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":cashier", cashier_id)) != 0 ||
	    (rc = db_bind_text(st, ":day", day)) != 0) {
		db_done(st);
		return rc;
	}
	return close_one(db, st, out);
}

int
payment_db_close_by_id(struct db *db, int64_t id, struct day_close *out)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[PAY_SQL_CLOSE_ID], ":id", id);

	if (st == NULL)
		return ERR_DB;
	return close_one(db, st, out);
}

int
payment_db_close_review(struct db *db, int64_t id, int64_t user_id)
{
	sqlite3_stmt *st = db_stmt_i64x2(db, sql[PAY_SQL_CLOSE_REVIEW],
	    ":user", user_id, ":id", id);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : ERR_STATE;
}

int
payment_db_closes(struct db *db, const char *from, const char *to,
    struct close_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_CLOSES]);
	int cap = 0, step, rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":from", from)) != 0 ||
	    (rc = db_bind_text(st, ":to", to)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = db_grow(out->v, out->n, &cap, sizeof *out->v);
		close_from_row(st, &out->v[out->n++]);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		close_vec_release(out);
	}
out:
	db_done(st);
	return rc;
}

int
payment_db_cashiers_of_day(struct db *db, const char *day, int64_t **ids,
    int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_CASHIERS]);
	int cap = 0, step, rc;

	*ids = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":day", day)) != 0)
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

/* ---- reminders --------------------------------------------------------- */

void
reminder_release(struct reminder *r)
{
	if (r == NULL)
		return;
	FREE(&r->user);
	FREE(&r->result);
}

void
reminder_vec_release(struct reminder_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		reminder_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

int
payment_db_reminder_insert(struct db *db, const struct reminder *r,
    int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_REMIND_INSERT]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", r->house_id)) != 0 ||
	    (rc = db_bind_text(st, ":day", r->day)) != 0 ||
	    (rc = db_bind_text(st, ":method", fee_code(FEE_SET_REMIND,
	    (int)r->method))) != 0 ||
	    (rc = db_bind_i64(st, ":user", r->user_id)) != 0 ||
	    (rc = db_bind_text(st, ":result", r->result != NULL ? r->result :
	    "")) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
payment_db_reminders(struct db *db, int64_t house_id,
    struct reminder_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_REMINDERS]);
	struct reminder *r;
	int cap = 0, step, rc, m;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = db_grow(out->v, out->n, &cap, sizeof *out->v);
		r = &out->v[out->n++];
		r->id = sqlite3_column_int64(st, 0);
		r->house_id = sqlite3_column_int64(st, 1);
		db_col_buf(st, 2, r->day, sizeof r->day);
		m = fee_value(FEE_SET_REMIND, sqlite3_column_text(st, 3));
		r->method = m < 0 ? REMIND_NOTICE : (enum remind_method)m;
		r->user_id = sqlite3_column_int64(st, 4);
		r->user = db_col_str(st, 5);
		r->result = db_col_str(st, 6);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		reminder_vec_release(out);
	}
out:
	db_done(st);
	return rc;
}

int
payment_db_stage(struct db *db, int64_t house_id, const char *day,
    int *stage, char last[DATE_BUFSZ])
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_STAGE]);
	int rc;

	*stage = -1;
	last[0] = '\0';
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":house", house_id)) != 0 ||
	    (rc = db_bind_text(st, ":day", day)) != 0)
		goto out;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*stage = sqlite3_column_int(st, 0);
		db_col_buf(st, 1, last, DATE_BUFSZ);
	} else {
		rc = db_fail(db, st);
	}
out:
	db_done(st);
	return rc;
}

/* ---- prints ------------------------------------------------------------ */

int
payment_db_print_count(struct db *db, int64_t payment_id, int64_t *n)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[PAY_SQL_PRINTS],
	    ":payment", payment_id);

	if (st == NULL)
		return ERR_DB;
	return one_row(db, st, n, 1);
}

/* ---- people ------------------------------------------------------------ */

int
payment_db_user_display(struct db *db, int64_t id, char **display)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_USER]);
	int rc;

	*display = NULL;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		*display = db_col_str(st, 0);
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

/* ---- invariants -------------------------------------------------------- */

/* A count query without parameters. */
static int
count_of(struct db *db, const char *which, int64_t *n)
{
	sqlite3_stmt *st = db_stmt(db, which);

	if (st == NULL)
		return ERR_DB;
	return one_row(db, st, n, 1);
}

/* Closes whose expected cash is not what their day gives. */
static int
check_closes(struct db *db, int64_t *bad)
{
	sqlite3_stmt *st = db_stmt(db, sql[PAY_SQL_CHECK_CLOSES]);
	struct day_sums s;
	struct {
		int64_t cashier, float_fen, expected;
		char day[DATE_BUFSZ];
	} *v = NULL;
	int n = 0, cap = 0, i, step, rc = 0;

	*bad = 0;
	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		v = db_grow(v, n, &cap, sizeof *v);
		v[n].cashier = sqlite3_column_int64(st, 0);
		db_col_buf(st, 1, v[n].day, sizeof v[n].day);
		v[n].float_fen = sqlite3_column_int64(st, 2);
		v[n++].expected = sqlite3_column_int64(st, 3);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = payment_db_day_sums(db, v[i].cashier, v[i].day,
		    &s)) != 0)
			break;
		if (v[i].float_fen + s.tendered_fen - s.change_fen -
		    s.refund_fen != v[i].expected)
			(*bad)++;
	}
	free(v);
	return rc;
}

int
payment_db_check(struct db *db, struct pay_check *out)
{
	sqlite3_stmt *st;
	int step, rc;

	memset(out, 0, sizeof *out);
	if ((rc = count_of(db, sql[PAY_SQL_CHECK_COUNT], &out->payments)) != 0)
		return rc;
	if ((st = db_stmt(db, sql[PAY_SQL_CHECK_YEARS])) == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->gaps++ == 0)
			out->first_gap_year = sqlite3_column_int64(st, 0);
	}
	rc = step == SQLITE_DONE ? 0 : db_fail(db, st);
	db_done(st);
	if (rc != 0 ||
	    (rc = count_of(db, sql[PAY_SQL_CHECK_BALANCE],
	    &out->unbalanced)) != 0 ||
	    (rc = count_of(db, sql[PAY_SQL_CHECK_ALLOC],
	    &out->misallocated)) != 0 ||
	    (rc = count_of(db, sql[PAY_SQL_CHECK_AFTER],
	    &out->after_close)) != 0 ||
	    (rc = count_of(db, sql[PAY_SQL_CHECK_CREDIT],
	    &out->bad_credit)) != 0)
		return rc;
	return check_closes(db, &out->bad_closes);
}
