/*
 * payment_db.h: SQL of the received side of fee collection (实收): payments
 * with receipt numbers gap-free per year, their lines, the credit ledger of
 * each house (预存), voids (红冲), daily closes (日结), reminders (催缴), and
 * the invariants `frontdesk check` verifies.  No business rules (svc
 * decides, audits and holds the transaction); never deletes; settled rows
 * never change (schema triggers).
 */
#ifndef FD_DB_PAYMENT_DB_H
#define FD_DB_PAYMENT_DB_H

#include <stdint.h>

#include "core/date.h"
#include "core/fee.h"

struct db;

/* ---- payments ---------------------------------------------------------- */

/* One payment (a receipt).  Strings owned; free with payment_release(). */
struct payment {
	int64_t id;
	int year;               /* receipt number: year ... */
	int64_t seq;            /* ... and sequence in it, from 1, no gaps */
	int64_t house_id;
	enum pay_method method;
	int64_t amount_fen;     /* taken: lines + credit kept */
	int64_t tendered_fen;   /* cash given (= amount for other methods) */
	int64_t change_fen;     /* tendered - amount */
	int64_t cashier_id;
	char *desk;
	int64_t at;             /* unix time */
	char day[DATE_BUFSZ];   /* the business day (local) */
	/* joined, for listings: */
	char *house_code;       /* "3-2-1502" */
	char *cashier;          /* display name: 陈静 */
	int64_t credit_fen;     /* of amount, kept as credit */
	int void_state;         /* -1: no void asked; else enum void_state of
				   the latest request */
};

void payment_release(struct payment *p);

/* A caller-owned list of payments. */
struct payment_vec {
	struct payment *v;
	int n;
};

void payment_vec_release(struct payment_vec *v);

/*
 * Insert p (id, seq and joined fields ignored) with the next receipt
 * number of p->year: max(seq) + 1 inside the caller's write transaction,
 * so the numbers have no gap (the schema refuses any other number, and a
 * payment into a closed cashier-day).
 * OUT: p->id, p->seq.  0, ERR_INVALID (a CHECK or trigger) or an error.
 */
int payment_db_insert(struct db *db, struct payment *p);

/* By id, or by receipt number.  OUT: *out.  0, ERR_NOTFOUND or an error. */
int payment_db_get(struct db *db, int64_t id, struct payment *out);
int payment_db_get_by_no(struct db *db, int year, int64_t seq,
    struct payment *out);

/*
 * The payments of a house, newest first (at most limit; 0: all).
 * OUT: *out.
 */
int payment_db_of_house(struct db *db, int64_t house_id, int limit,
    struct payment_vec *out);

/* The payments of a house with id > after_id, oldest first.  OUT: *out. */
int payment_db_newer(struct db *db, int64_t house_id, int64_t after_id,
    struct payment_vec *out);

/* The newest payment id of a house.  OUT: *id (0 when none). */
int payment_db_newest(struct db *db, int64_t house_id, int64_t *id);

/* The newest payment with a line on bill_id.  OUT: *out.  ERR_NOTFOUND. */
int payment_db_last_for_bill(struct db *db, int64_t bill_id,
    struct payment *out);

/* One line of a payment: what it paid of one bill. */
struct payment_line {
	int64_t bill_id;
	int64_t amount_fen;
	char *item_name;        /* 物业服务费 */
	char period[DATE_PERIOD_BUFSZ];
	int64_t bill_amount_fen;
	int64_t bill_paid_fen;  /* paid of the bill now */
};

/* A caller-owned list of lines. */
struct payment_line_vec {
	struct payment_line *v;
	int n;
};

void payment_line_vec_release(struct payment_line_vec *v);

/* Insert one line.  0, ERR_CONFLICT (the bill twice), ERR_INVALID. */
int payment_db_line_insert(struct db *db, int64_t payment_id,
    int64_t bill_id, int64_t amount_fen);

/* The lines of a payment, oldest bill first.  OUT: *out. */
int payment_db_lines(struct db *db, int64_t payment_id,
    struct payment_line_vec *out);

/*
 * Call fn for every payment with day from..to (inclusive; NULL: open
 * ended), by id, for exports.  Stops at fn's non-zero return.
 */
int payment_db_each(struct db *db, const char *from, const char *to,
    int (*fn)(const struct payment *p, void *arg), void *arg);

/* ---- credit (预存) ----------------------------------------------------- */

/* What moved a house's credit. */
enum credit_kind {
	CREDIT_DEPOSIT, /* + the excess of a payment */
	CREDIT_APPLY,   /* - applied to a bill when bills were made */
	CREDIT_VOID,    /* - the deposit of a voided payment taken back */
};

/* The credit of a house.  OUT: *fen (>= 0). */
int payment_db_credit(struct db *db, int64_t house_id, int64_t *fen);

/*
 * Add a credit movement (amount_fen > 0 for a deposit, < 0 otherwise);
 * payment_id and bill_id 0 for none.  The schema refuses a balance below
 * zero (ERR_INVALID).
 */
int payment_db_credit_add(struct db *db, int64_t house_id,
    int64_t amount_fen, enum credit_kind kind, int64_t payment_id,
    int64_t bill_id, const char *day);

/* The deposit a payment made.  OUT: *fen (0 when none). */
int payment_db_credit_of_payment(struct db *db, int64_t payment_id,
    int64_t *fen);

/* One house's credit, for bill generation. */
struct house_credit {
	int64_t house_id;
	int64_t fen;
};

/*
 * Every house with credit above zero, by house id.
 * OUT: *v (xmalloc'd; caller frees), *n.
 */
int payment_db_credits(struct db *db, struct house_credit **v, int *n);

/* ---- voids (红冲) ------------------------------------------------------ */

/* A void request and the payment it is about.  Free with void_release(). */
struct void_req {
	int64_t id;
	int64_t payment_id;
	char *reason;
	int64_t requested_by;
	char *requested_name;   /* display name */
	enum void_state state;
	int64_t decided_by;     /* 0 while requested */
	char day[DATE_BUFSZ];   /* approved: the day of the reversal; "" */
	struct payment p;       /* the payment (joined fields set) */
};

void void_release(struct void_req *v);

/* A caller-owned list of void requests. */
struct void_vec {
	struct void_req *v;
	int n;
};

void void_vec_release(struct void_vec *v);

/*
 * Ask to void payment_id.  OUT: *id.  0, ERR_CONFLICT (one is open or
 * approved already; no message set), ERR_INVALID or an error.
 */
int payment_db_void_insert(struct db *db, int64_t payment_id,
    const char *reason, int64_t user_id, int64_t *id);

/* By id.  OUT: *out.  0, ERR_NOTFOUND. */
int payment_db_void_get(struct db *db, int64_t id, struct void_req *out);

/*
 * Decide a requested void: approved (reversed on day) or rejected (day
 * NULL: a rejection goes into no day).
 * 0, ERR_STATE (not requested any more, or the requester's day is closed;
 * no message set) or an error.
 */
int payment_db_void_decide(struct db *db, int64_t id, enum void_state state,
    int64_t user_id, const char *day);

/*
 * Void requests in state (or every state for -1), newest first, at most
 * limit (0: all).  OUT: *out.
 */
int payment_db_voids(struct db *db, int state, int limit,
    struct void_vec *out);

/* ---- daily close (日结) ------------------------------------------------ */

/* What one cashier took on one day, from the payments and voids. */
struct day_sums {
	int64_t n;                      /* receipts */
	int first_year;                 /* first and last receipt numbers */
	int64_t first_seq;
	int last_year;
	int64_t last_seq;
	int64_t by_method[PAY_METHOD_COUNT]; /* amounts by method */
	int64_t total_fen;
	int64_t tendered_fen;           /* cash given */
	int64_t change_fen;             /* change given */
	int64_t nvoids;                 /* voids approved that day for them */
	int64_t void_fen;               /* what those voids reversed */
	int64_t refund_fen;             /* of it, cash handed back */
};

/* Sum the day of a cashier.  OUT: *out (zeros for a day without any). */
int payment_db_day_sums(struct db *db, int64_t cashier_id, const char *day,
    struct day_sums *out);

/* A closed cashier-day.  Free with close_release(). */
struct day_close {
	int64_t id;
	int64_t cashier_id;
	char *cashier;          /* display name */
	char day[DATE_BUFSZ];
	int64_t float_fen;      /* 备用金 */
	int64_t expected_fen;   /* float + cash received - change - refunds */
	int64_t counted_fen;    /* counted in the drawer */
	int64_t diff_fen;       /* counted - expected */
	char *reason;           /* of a difference; "" */
	int64_t at;
	int64_t reviewed_by;    /* the director; 0 while not reviewed */
	char *reviewer;         /* display name or "" */
};

void close_release(struct day_close *c);

/* A caller-owned list of closes. */
struct close_vec {
	struct day_close *v;
	int n;
};

void close_vec_release(struct close_vec *v);

/* Insert a close.  OUT: *id.  0, ERR_CONFLICT (closed already; no msg). */
int payment_db_close_insert(struct db *db, const struct day_close *c,
    int64_t *id);

/* The close of a cashier-day, or by id.  0, ERR_NOTFOUND. */
int payment_db_close_get(struct db *db, int64_t cashier_id, const char *day,
    struct day_close *out);
int payment_db_close_by_id(struct db *db, int64_t id, struct day_close *out);

/* Mark a close reviewed.  0, ERR_STATE (reviewed already; no message). */
int payment_db_close_review(struct db *db, int64_t id, int64_t user_id);

/* The closes of days from..to (inclusive), by day then cashier. */
int payment_db_closes(struct db *db, const char *from, const char *to,
    struct close_vec *out);

/*
 * The cashiers with payments, voids or a close on day, by id.
 * OUT: *ids (xmalloc'd; caller frees), *n.
 */
int payment_db_cashiers_of_day(struct db *db, const char *day,
    int64_t **ids, int *n);

/* ---- reminders (催缴) -------------------------------------------------- */

/* One reminder of a house.  Free with reminder_release(). */
struct reminder {
	int64_t id;
	int64_t house_id;
	char day[DATE_BUFSZ];
	enum remind_method method;
	int64_t user_id;
	char *user;             /* display name */
	char *result;           /* what came of it */
};

void reminder_release(struct reminder *r);

struct reminder_vec {
	struct reminder *v;
	int n;
};

void reminder_vec_release(struct reminder_vec *v);

/* Log a reminder.  OUT: *id when not NULL. */
int payment_db_reminder_insert(struct db *db, const struct reminder *r,
    int64_t *id);

/* The reminders of a house, newest first.  OUT: *out. */
int payment_db_reminders(struct db *db, int64_t house_id,
    struct reminder_vec *out);

/*
 * The furthest reminder method used for a house on or after day (the
 * stage of the chase since its oldest open bill fell due).
 * OUT: *stage (enum remind_method, or -1 for none), *last ("" none).
 */
int payment_db_stage(struct db *db, int64_t house_id, const char *day,
    int *stage, char last[DATE_BUFSZ]);

/* ---- receipts printed -------------------------------------------------- */

/* How often the receipt of a payment was printed (audit rows). */
int payment_db_print_count(struct db *db, int64_t payment_id, int64_t *n);

/* ---- people ------------------------------------------------------------ */

/*
 * The display name of account id (陈静).  OUT: *display (xmalloc'd;
 * caller frees).  0, ERR_NOTFOUND or an error.
 */
int payment_db_user_display(struct db *db, int64_t id, char **display);

/* ---- invariants, for `frontdesk check` --------------------------------- */

/* What `frontdesk check` counts; every number but payments must be 0. */
struct pay_check {
	int64_t payments;       /* payments in the file */
	int64_t gaps;           /* years whose receipt numbers have a gap */
	int64_t unbalanced;     /* payments != their lines + credit kept */
	int64_t misallocated;   /* bills whose paid != lines of payments not
				   voided + credit applied */
	int64_t after_close;    /* payments in a closed cashier-day made after
				   its close */
	int64_t bad_closes;     /* closes whose expected cash is not what the
				   day's payments and voids give */
	int64_t bad_credit;     /* houses with a credit below zero */
	int64_t first_gap_year; /* the first year with a gap, or 0 */
};

/* Count the breaches.  OUT: *out.  0 or an error. */
int payment_db_check(struct db *db, struct pay_check *out);

#endif
