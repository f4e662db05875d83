/*
 * svc_cashier.h: the cashier's day at the counter (收银): the house at the
 * counter with its open bills, taking a payment with a receipt number
 * gap-free per year, printing and reprinting the receipt (补打), voids
 * (红冲) asked for by the cashier and approved by the director, and the
 * daily close (日结) with the counted cash, reviewed by the director.
 *
 * Every change is one business action: a permission check, validation of
 * everything typed (one clear message, nothing stored), one db_tx()
 * transaction (BEGIN IMMEDIATE, retried whole when another desk holds the
 * file) and one audit row.  Nothing is deleted or changed behind anyone's
 * back: a payment and its lines never change; a mistake is corrected by a
 * void on the day it is approved, the original keeping its number and day.
 *
 * Two desks paying the same house at the same moment: the payments run one
 * after the other; the second sees what the first paid.  A bill is never
 * paid twice (a guarded update: paid never exceeds the amount), and the
 * second desk is told which receipt paid what (ERR_CONFLICT, with the
 * receipt number, desk and cashier in err_msg()).
 *
 * Permissions: reading PERM_FEE_VIEW; paying, printing, asking for a void
 * PERM_FEE_COLLECT; closing one's own day PERM_FEE_CLOSE_DAY; approving a
 * void and reviewing a close PERM_FEE_VOID_APPROVE (the director).
 *
 * Amounts are taken as typed (money_parse(): "1,350.50", "￥350", three
 * decimals, signs and zero refused), so the screen and the command line
 * give the same messages.  Days are "YYYY-MM-DD" as typed (date_parse()),
 * NULL or "" meaning today.
 */
#ifndef FD_SVC_SVC_CASHIER_H
#define FD_SVC_SVC_CASHIER_H

#include <stdint.h>

#include "core/fee.h"
#include "db/fee_db.h"
#include "db/house_db.h"
#include "db/payment_db.h"

struct session;
struct strbuf;

/* Payments of the house a counter shows (newest first). */
#define SVC_COUNTER_RECENT 10

/* ---- the house at the counter ------------------------------------------ */

/* What the counter shows for one house.  Free with counter_release(). */
struct counter {
	struct house house;
	char *owners;             /* current owners: 张三、李四; "" for none */
	struct bill_vec open;     /* open bills, oldest first: the order a
				     payment settles them */
	int64_t open_fen;         /* what they still owe, together */
	int64_t credit_fen;       /* the house's credit (预存) */
	int64_t late_fen;         /* late fees due today but not charged yet
				     (only when [fees] late_fee is on; see
				     svc_late_fees()) */
	int64_t seen_payment_id;  /* hand to pay_in.seen_payment_id */
	struct payment_vec recent; /* <= SVC_COUNTER_RECENT, newest first */
};

/* Free everything in c (not c); c is then zeroed. */
void counter_release(struct counter *c);

/*
 * Read house id for the counter, in one snapshot.  Needs PERM_FEE_VIEW.
 * OUT: *out (counter_release()), zeroed on error.
 * Returns 0, ERR_DENIED, ERR_NOTFOUND or an error.
 */
int svc_counter_load(struct session *s, int64_t house_id,
    struct counter *out);

/* The same for a house number as typed ("3-2-1502", "3栋2单元1502"). */
int svc_counter_load_by_code(struct session *s, const char *code,
    struct counter *out);

/* ---- taking a payment -------------------------------------------------- */

/* A payment as the cashier entered it. */
struct pay_in {
	int64_t house_id;
	const char *amount;       /* as typed; required */
	const char *method;       /* cash card wechat alipay transfer, or a
				     label (现金 ...); required */
	const char *tendered;     /* cash given, as typed; NULL or "": exactly
				     the amount.  Other methods: must be empty
				     or the amount */
	const int64_t *bills;     /* the bills picked, in the order to settle
				     them; NULL: every open bill, oldest first */
	int nbills;
	int to_credit;            /* 1: what is above the bills settled is kept
				     as the house's credit; 0: such an amount is
				     refused */
	int64_t seen_payment_id;  /* counter.seen_payment_id: refused with
				     ERR_CONFLICT when the house was paid at
				     another desk since; -1: no such check (the
				     command line) */
};

/* What a payment did. */
struct pay_result {
	int64_t payment_id;
	char receipt_no[FEE_RECEIPT_BUFSZ]; /* "2026-000123" */
	int64_t amount_fen;
	int64_t tendered_fen;
	int64_t change_fen;       /* to hand back */
	int64_t credit_fen;       /* kept as credit by this payment */
	int64_t balance_fen;      /* the house's credit after it */
	int nlines;               /* bills it settled, fully or partly */
	int64_t left_fen;         /* still open on the house after it */
};

/*
 * Take a payment for house in->house_id: amount allocated to the bills
 * picked (or all open bills, oldest first), the last one reached perhaps
 * partly, what is above them kept as credit when in->to_credit; cash gives
 * change.  The receipt number is the next of the year of today, allocated
 * in the same transaction as the payment.  Needs PERM_FEE_COLLECT.
 * Refused (nothing stored):
 *   ERR_INVALID  an amount with three decimals, negative, zero, above the
 *                bills without to_credit, cash given below the amount, a
 *                picked bill of another house or picked twice, a house
 *                with no open bill and no to_credit;
 *   ERR_STATE    the cashier's day is closed (日结) already;
 *   ERR_CONFLICT the house was paid at another desk since the counter read
 *                it, or a picked bill is no longer open: the message names
 *                the receipt, desk, cashier and time of what was paid;
 *   ERR_NOTFOUND no such house or bill; ERR_DENIED; ERR_BUSY, ERR_IO (the
 *                disk is full) or ERR_DB.
 * OUT: *out on success.
 */
int svc_pay(struct session *s, const struct pay_in *in,
    struct pay_result *out);

/* ---- payments and receipts --------------------------------------------- */

/* One payment with what its receipt shows.  Free with payment_detail_release(). */
struct payment_detail {
	struct payment p;
	char receipt_no[FEE_RECEIPT_BUFSZ];
	struct payment_line_vec lines;
	char *owners;             /* owners of the house now */
	int64_t prints;           /* times the receipt was printed so far */
	int64_t balance_fen;      /* the house's credit now */
};

void payment_detail_release(struct payment_detail *d);

/*
 * Read payment id (or a receipt number as typed, fee_receipt_parse()).
 * Needs PERM_FEE_VIEW.  OUT: *out.  0, ERR_DENIED, ERR_INVALID (not a
 * receipt number), ERR_NOTFOUND or an error.
 */
int svc_payment_get(struct session *s, int64_t id,
    struct payment_detail *out);
int svc_payment_by_no(struct session *s, const char *receipt_no,
    struct payment_detail *out);

/*
 * The receipt of payment id as it would be printed next: the original, or
 * a reprint marked 补打 with its number when it was printed before; laid
 * out in [printer] width columns.  Needs PERM_FEE_VIEW.  Appends to out.
 */
int svc_receipt_text(struct session *s, int64_t payment_id,
    struct strbuf *out);

/*
 * The receipt of payment id for reading on screen: laid out as
 * svc_receipt_text() does, but never marked 补打 (looking at a receipt is
 * not printing it).  Needs PERM_FEE_VIEW.  Appends to out.
 */
int svc_receipt_view(struct session *s, int64_t payment_id,
    struct strbuf *out);

/* How a text was printed. */
struct print_result {
	int reprint;       /* 0: the original; n: the nth reprint */
	char path[512];    /* saved as this file ([printer] command empty); "" */
};

/*
 * Print the receipt of payment id: piped to [printer] command in
 * [printer] encoding, or saved as receipts/YYYY-NNNNNN.txt (a reprint:
 * -reprintN) beside the database.  Every print is audited and counted
 * ("receipt.print"), so the next one says 补打.  Needs PERM_FEE_COLLECT.
 * A printer that fails leaves the payment as it is: ERR_IO, with a message
 * saying the payment stands and how to print it again.
 * OUT: *out when not NULL.
 */
int svc_receipt_print(struct session *s, int64_t payment_id,
    struct print_result *out);

/* ---- voids (红冲) ------------------------------------------------------ */

/*
 * Ask the director to void payment id, with a reason (required, up to
 * FEE_TEXT_MAX characters).  Needs PERM_FEE_COLLECT.
 * OUT: *void_id when not NULL.
 * Returns 0, ERR_INVALID (no reason), ERR_NOTFOUND, ERR_CONFLICT (a void
 * of it is waiting or done already) or an error.
 */
int svc_void_request(struct session *s, int64_t payment_id,
    const char *reason, int64_t *void_id);

/*
 * Decide void request void_id: approve (1) or reject (0).  Approving
 * reverses the payment on today: its bills reopen by what it paid, the
 * credit it kept is taken back; the payment itself, its number and its day
 * stay as they were, and the reversal counts in the daily close of the
 * cashier who asked (cash handed back).  note goes into the audit row.
 * Needs PERM_FEE_VOID_APPROVE.
 * Refused: ERR_STATE (decided already; the asking cashier's day is closed;
 * the credit it kept was used since), ERR_NOTFOUND, ERR_DENIED.
 */
int svc_void_decide(struct session *s, int64_t void_id, int approve,
    const char *note);

/*
 * Void requests in state (enum void_state, or -1 for all), newest first,
 * at most 500.  Needs PERM_FEE_VIEW or PERM_FEE_VOID_APPROVE.
 * OUT: *out (void_vec_release()).
 */
int svc_voids(struct session *s, int state, struct void_vec *out);

/* ---- the daily close (日结) -------------------------------------------- */

/* One cashier's day, open or closed.  Free with close_view_release(). */
struct close_view {
	char day[DATE_BUFSZ];
	int64_t cashier_id;
	char *cashier;            /* display name */
	struct day_sums sums;     /* receipts, totals by method, cash given,
				     change, voids and cash refunds */
	char first_no[FEE_RECEIPT_BUFSZ]; /* first and last receipt; "" */
	char last_no[FEE_RECEIPT_BUFSZ];
	int closed;               /* 1: close below is set */
	struct day_close close;   /* float, expected, counted, difference,
				     reason, reviewer */
};

void close_view_release(struct close_view *v);

/*
 * The day (as typed; empty: today) of a cashier (0: the session's own),
 * open or closed.  Another cashier's day needs PERM_REPORTS; one's own
 * PERM_FEE_CLOSE_DAY or PERM_FEE_VIEW.  OUT: *out.
 */
int svc_close_view(struct session *s, const char *day, int64_t cashier_id,
    struct close_view *out);

/*
 * Close the session's own day (as typed; empty: today; not a future day):
 * the float (备用金, as typed; empty: 0) and the counted cash (required)
 * give expected = float + cash received - change - cash refunds and the
 * difference = counted - expected; a difference needs a reason.  Once
 * closed, the day takes no more payments and no void is approved into it.
 * Needs PERM_FEE_CLOSE_DAY.
 * Refused: ERR_INVALID (amounts, no reason for a difference, a future
 * day), ERR_STATE (closed already).  OUT: *out when not NULL.
 */
int svc_close_day(struct session *s, const char *day, const char *float_amt,
    const char *counted, const char *reason, struct close_view *out);

/*
 * The director marks close close_id reviewed, with an optional note (in
 * the audit row).  Needs PERM_FEE_VOID_APPROVE.  ERR_STATE when reviewed
 * already.
 */
int svc_close_review(struct session *s, int64_t close_id, const char *note);

/*
 * The closes of days from..to (as typed; empty: today), by day and
 * cashier: a cashier sees only their own (PERM_FEE_CLOSE_DAY), the
 * director all (PERM_REPORTS).  OUT: *out (close_vec_release()).
 */
int svc_closes(struct session *s, const char *from, const char *to,
    struct close_vec *out);

#endif
