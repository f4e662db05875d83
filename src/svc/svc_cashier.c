/*
 * svc_cashier.c: the counter: the house with its open bills, payments with
 * receipt numbers, receipts printed and reprinted, voids and their
 * approval, the daily close and its review.
 *
 * Every change: permission check, everything typed validated outside the
 * transaction, then one db_tx() doing the writes and one audit row.
 * Transaction functions may run more than once (another desk held the
 * file), so they touch nothing outside the database but their own op
 * struct, which they reset first.  Printing happens outside any
 * transaction: a printer that hangs never holds up another desk, and one
 * that fails never takes a payment back.
 */
#include "svc/svc_cashier.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/houseno.h"
#include "core/money.h"
#include "core/receipt.h"
#include "db/db.h"
#include "svc/audit.h"
#include "svc/session.h"
#include "util/clock.h"
#include "util/config.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/spool.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Lines of a payment written into its audit row before "...". */
#define AUDIT_LINES 24

/* ---- small helpers ----------------------------------------------------- */

/* Today ("YYYY-MM-DD") by the program's clock. */
static void
today(char buf[DATE_BUFSZ])
{
	struct fd_date d;

	date_today(&d);
	date_format(buf, DATE_BUFSZ, &d);
}

/* A day as typed into out; blank is today.  A future day is refused. */
static int
parse_day(const char *in, char out[DATE_BUFSZ], int allow_future)
{
	struct fd_date d;
	char now[DATE_BUFSZ];
	int rc;

	today(now);
	if (text_blank(in)) {
		snprintf(out, DATE_BUFSZ, "%s", now);
		return 0;
	}
	if ((rc = date_parse(in, &d)) != 0)
		return rc;
	date_format(out, DATE_BUFSZ, &d);
	if (!allow_future && strcmp(out, now) > 0)
		return err_set(ERR_INVALID, _("%s has not come yet; today is "
					      "%s"), out, now);
	return 0;
}

/* "1,350.50" of fen into buf (MONEY_BUFSZ). */
static const char *
yuan(char *buf, int64_t fen)
{
	money_format(buf, MONEY_BUFSZ, fen);
	return buf;
}

/* The written receipt number of p into buf. */
static const char *
receipt_no(char buf[FEE_RECEIPT_BUFSZ], const struct payment *p)
{
	fee_receipt_format(buf, FEE_RECEIPT_BUFSZ, p->year, p->seq);
	return buf;
}

/* Re-set the current message with a prefix: "amount: ...". */
static int
field_err(int rc, const char *field)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s", err_msg());
	return err_set(rc, _("%s: %s"), field, msg);
}

/*
 * "receipt 2026-000124 (2号窗口, 赵敏, 2026-11-29 10:31): 350.00" for the
 * messages that tell one desk what another one did.
 */
static void
describe_payment(struct strbuf *sb, const struct payment *p)
{
	char no[FEE_RECEIPT_BUFSZ], when[32], a[MONEY_BUFSZ];

	clock_format(when, sizeof when, p->at);
	strbuf_addf(sb, _("receipt %s (%s, %s, %s): %s"), receipt_no(no, p),
	    p->desk, p->cashier, when, yuan(a, p->amount_fen));
}

/* ---- the house at the counter ------------------------------------------ */

void
counter_release(struct counter *c)
{
	if (c == NULL)
		return;
	house_release(&c->house);
	free(c->owners);
	bill_vec_release(&c->open);
	payment_vec_release(&c->recent);
	memset(c, 0, sizeof *c);
}

/* The late-fee rule of the configuration. */
static void
late_rule(const struct session *s, struct fee_late_rule *r)
{
	r->enabled = s->cfg != NULL && s->cfg->fee_late;
	r->rate_per_10000 = s->cfg != NULL ? s->cfg->fee_late_rate : 5;
	r->grace_days = s->cfg != NULL ? s->cfg->fee_late_grace_days : 30;
}

/* What a counter load needs. */
struct counter_op {
	struct session *s;
	int64_t house_id;
	struct counter *out;
};

/* Late fees due up to day on the open bills, not charged yet. */
static int
late_preview(struct db *db, const struct fee_late_rule *r,
    const struct bill_vec *open, const char *day, int64_t *fen)
{
	char last[DATE_BUFSZ];
	int64_t f;
	int32_t days;
	int i, rc;

	*fen = 0;
	if (!r->enabled)
		return 0;
	for (i = 0; i < open->n; i++) {
		const struct bill *b = &open->v[i];

		if (b->kind == FEE_LATE || strcmp(b->due, day) >= 0)
			continue;
		if ((rc = fee_db_late_last(db, b->id, last)) != 0 ||
		    (rc = fee_late_fee(b->amount_fen - b->paid_fen, b->due,
		    last, day, r, &f, &days)) != 0)
			return rc;
		*fen += f;
	}
	return 0;
}

static int
counter_read(struct db *db, void *arg)
{
	struct counter_op *op = arg;
	struct counter *c = op->out;
	struct fee_late_rule r;
	char day[DATE_BUFSZ];
	int i, rc;

	counter_release(c);
	if ((rc = house_db_get(db, op->house_id, &c->house)) == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("house not found"));
	if (rc != 0 ||
	    (rc = fee_db_owner_names(db, op->house_id, &c->owners)) != 0 ||
	    (rc = fee_db_bills_open(db, op->house_id, &c->open)) != 0 ||
	    (rc = payment_db_credit(db, op->house_id, &c->credit_fen)) != 0 ||
	    (rc = payment_db_newest(db, op->house_id,
	    &c->seen_payment_id)) != 0 ||
	    (rc = payment_db_of_house(db, op->house_id, SVC_COUNTER_RECENT,
	    &c->recent)) != 0)
		return rc;
	for (i = 0; i < c->open.n; i++)
		c->open_fen += c->open.v[i].amount_fen - c->open.v[i].paid_fen;
	today(day);
	late_rule(op->s, &r);
	return late_preview(db, &r, &c->open, day, &c->late_fen);
}

int
svc_counter_load(struct session *s, int64_t house_id, struct counter *out)
{
	struct counter_op op = {s, house_id, out};
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0)
		return rc;
	if ((rc = db_read(s->db, counter_read, &op)) != 0)
		counter_release(out);
	return rc;
}

/* The id of a house number as typed. */
static int
house_by_code(struct db *db, const char *code, int64_t *id)
{
	struct houseno no;
	struct house h = {0};
	char buf[HOUSENO_BUFSZ];
	int rc;

	if ((rc = houseno_parse(code, &no)) != 0)
		return rc;
	houseno_format(buf, sizeof buf, &no);
	rc = house_db_get_by_code(db, buf, &h);
	if (rc == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("house %s not found"), buf);
	if (rc == 0)
		*id = h.id;
	house_release(&h);
	return rc;
}

int
svc_counter_load_by_code(struct session *s, const char *code,
    struct counter *out)
{
	int64_t id = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0 ||
	    (rc = house_by_code(s->db, code, &id)) != 0)
		return rc;
	return svc_counter_load(s, id, out);
}

/* ---- taking a payment -------------------------------------------------- */

/* A payment being taken. */
struct pay_op {
	struct session *s;
	const struct pay_in *in;
	enum pay_method method;
	int64_t amount_fen;
	int64_t tendered_fen;
	int64_t change_fen;
	char day[DATE_BUFSZ];
	int year;
	int64_t now;
	struct pay_result res;
};

/* Refuse a payment into a closed day. */
static int
day_open(struct db *db, int64_t cashier_id, const char *day)
{
	struct day_close c = {0};
	char when[32];
	int rc = payment_db_close_get(db, cashier_id, day, &c);

	if (rc == ERR_NOTFOUND)
		return 0;
	if (rc == 0) {
		clock_format(when, sizeof when, c.at);
		rc = err_set(ERR_STATE, _("your day %s was closed (日结) at %s: "
					  "no more payments can be taken into "
					  "it"), day, when);
	}
	close_release(&c);
	return rc;
}

/* The conflict message when the house was paid since the counter read it. */
static int
paid_meanwhile(struct db *db, int64_t house_id, int64_t seen)
{
	struct payment_vec v = {0};
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if ((rc = payment_db_newer(db, house_id, seen, &v)) != 0)
		return rc;
	if (v.n == 0)
		goto out;
	describe_payment(&sb, &v.v[v.n - 1]);
	if (v.n > 1)
		rc = err_set(ERR_CONFLICT, _("this house was just paid at "
					     "another desk (%d payments, the "
					     "latest %s); nothing was taken: "
					     "look at its bills again"),
		    v.n, sb.buf);
	else
		rc = err_set(ERR_CONFLICT, _("this house was just paid at "
					     "another desk: %s; nothing was "
					     "taken: look at its bills again"),
		    sb.buf);
out:
	strbuf_release(&sb);
	payment_vec_release(&v);
	return rc;
}

/* The conflict message for a picked bill that is paid already. */
static int
bill_paid_already(struct db *db, const struct bill *b)
{
	struct payment p = {0};
	struct strbuf sb = STRBUF_INIT;
	int rc = payment_db_last_for_bill(db, b->id, &p);

	if (rc == 0) {
		describe_payment(&sb, &p);
		rc = err_set(ERR_CONFLICT, _("%s %s was paid already by %s; "
					     "nothing was taken: look at the "
					     "bills again"),
		    b->period, b->item_name, sb.buf);
	} else if (rc == ERR_NOTFOUND) {
		rc = err_set(ERR_CONFLICT, _("%s %s is settled already; "
					     "nothing was taken: look at the "
					     "bills again"),
		    b->period, b->item_name);
	}
	strbuf_release(&sb);
	payment_release(&p);
	return rc;
}

/*
 * The bills a payment settles, in order: the ones picked (each still open
 * and of this house) or every open one.  OUT: *targets (pointers into
 * open, xmalloc'd; caller frees), *n.
 */
static int
pick_bills(struct db *db, const struct pay_in *in, struct bill_vec *open,
    struct bill **targets[], int *n)
{
	struct bill b = {0};
	int i, j, rc = 0;

	*n = 0;
	*targets = xreallocarray(NULL, (size_t)(in->bills != NULL ?
	    in->nbills : open->n) + 1, sizeof **targets);
	if (in->bills == NULL) {
		for (i = 0; i < open->n; i++)
			(*targets)[(*n)++] = &open->v[i];
		return 0;
	}
	for (i = 0; i < in->nbills && rc == 0; i++) {
		for (j = 0; j < open->n; j++)
			if (open->v[j].id == in->bills[i])
				break;
		if (j < open->n) {
			(*targets)[(*n)++] = &open->v[j];
			continue;
		}
		rc = fee_db_bill_get(db, in->bills[i], &b);
		if (rc == ERR_NOTFOUND)
			rc = err_set(ERR_NOTFOUND, _("bill not found"));
		else if (rc == 0 && b.house_id != in->house_id)
			rc = err_set(ERR_INVALID, _("the bill %s %s is of "
						    "house %s, not of this "
						    "one"), b.period,
			    b.item_name, b.house_code);
		else if (rc == 0)
			rc = bill_paid_already(db, &b);
		bill_release(&b);
	}
	return rc;
}

/* What was paid for the house today, for a refusal: "; paid today: ...". */
static void
paid_today(struct db *db, int64_t house_id, const char *day,
    struct strbuf *sb)
{
	struct payment_vec v = {0};

	if (payment_db_of_house(db, house_id, 1, &v) == 0 && v.n > 0 &&
	    strcmp(v.v[0].day, day) == 0) {
		strbuf_adds(sb, _("; paid today: "));
		describe_payment(sb, &v.v[0]);
	}
	payment_vec_release(&v);
	err_clear();
}

/* Insert the payment, its lines and credit; fill the result. */
static int
pay_store(struct db *db, struct pay_op *op, struct bill **t, int n,
    const int64_t *alloc, int64_t excess, struct strbuf *sb)
{
	struct payment p = {0};
	char a[MONEY_BUFSZ];
	int i, rc;

	p.year = op->year;
	p.house_id = op->in->house_id;
	p.method = op->method;
	p.amount_fen = op->amount_fen;
	p.tendered_fen = op->tendered_fen;
	p.change_fen = op->change_fen;
	p.cashier_id = op->s->user_id;
	p.desk = op->s->desk;
	p.at = op->now;
	snprintf(p.day, sizeof p.day, "%s", op->day);
	if ((rc = payment_db_insert(db, &p)) != 0)
		return rc;
	op->res.payment_id = p.id;
	fee_receipt_format(op->res.receipt_no, sizeof op->res.receipt_no,
	    p.year, p.seq);
	for (i = 0; i < n; i++) {
		if (alloc[i] == 0)
			continue;
		if ((rc = payment_db_line_insert(db, p.id, t[i]->id,
		    alloc[i])) != 0)
			return rc;
		if ((rc = fee_db_bill_pay(db, t[i]->id, alloc[i])) ==
		    ERR_CONFLICT)
			return bill_paid_already(db, t[i]);
		if (rc != 0)
			return rc;
		op->res.nlines++;
		if (op->res.nlines <= AUDIT_LINES)
			strbuf_addf(sb, "%s%s %s %s", op->res.nlines > 1 ?
			    ", " : "", t[i]->period, t[i]->item_name,
			    yuan(a, alloc[i]));
		else if (op->res.nlines == AUDIT_LINES + 1)
			strbuf_adds(sb, ", ...");
	}
	if (excess > 0 && (rc = payment_db_credit_add(db, p.house_id, excess,
	    CREDIT_DEPOSIT, p.id, 0, op->day)) != 0)
		return rc;
	op->res.credit_fen = excess;
	return 0;
}

static int
pay_tx(struct db *db, void *arg)
{
	struct pay_op *op = arg;
	const struct pay_in *in = op->in;
	struct bill_vec open = {0};
	struct house h = {0};
	struct bill **t = NULL;
	struct strbuf sb = STRBUF_INIT, note = STRBUF_INIT;
	char a[MONEY_BUFSZ], g[MONEY_BUFSZ], c[MONEY_BUFSZ], x[MONEY_BUFSZ];
	int64_t *alloc = NULL, open_fen = 0, all_fen = 0, excess = 0;
	char msg[512];
	int i, n = 0, rc;

	memset(&op->res, 0, sizeof op->res);
	if ((rc = day_open(db, op->s->user_id, op->day)) != 0)
		goto out;
	if ((rc = house_db_get(db, in->house_id, &h)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("house not found"));
	if (rc != 0)
		goto out;
	if (in->seen_payment_id >= 0 &&
	    (rc = paid_meanwhile(db, in->house_id, in->seen_payment_id)) != 0)
		goto out;
	if ((rc = fee_db_bills_open(db, in->house_id, &open)) != 0 ||
	    (rc = pick_bills(db, in, &open, &t, &n)) != 0)
		goto out;
	for (i = 0; i < n; i++)
		open_fen += t[i]->amount_fen - t[i]->paid_fen;
	for (i = 0; i < open.n; i++)
		all_fen += open.v[i].amount_fen - open.v[i].paid_fen;
	if ((rc = fee_check_amount(op->amount_fen, open_fen, in->to_credit,
	    &excess)) != 0) {
		snprintf(msg, sizeof msg, "%s", err_msg());
		strbuf_adds(&note, msg);
		paid_today(db, in->house_id, op->day, &note);
		rc = err_set(rc, "%s", note.buf);
		goto out;
	}
	alloc = xreallocarray(NULL, (size_t)n + 1, sizeof *alloc);
	{
		int64_t *o = xreallocarray(NULL, (size_t)n + 1, sizeof *o);

		for (i = 0; i < n; i++)
			o[i] = t[i]->amount_fen - t[i]->paid_fen;
		rc = n > 0 ? fee_allocate(o, n, op->amount_fen, alloc,
		    &excess) : 0;
		free(o);
		if (rc != 0)
			goto out;
	}
	if ((rc = pay_store(db, op, t, n, alloc, excess, &sb)) != 0 ||
	    (rc = payment_db_credit(db, in->house_id,
	    &op->res.balance_fen)) != 0)
		goto out;
	op->res.amount_fen = op->amount_fen;
	op->res.tendered_fen = op->tendered_fen;
	op->res.change_fen = op->change_fen;
	op->res.left_fen = all_fen - (op->amount_fen - excess);
	rc = svc_audit(db, op->s, "payment.add", "payment",
	    op->res.payment_id, "receipt %s house %s: %s %s (given %s, "
	    "change %s); %s%s%s", op->res.receipt_no, h.code,
	    yuan(a, op->amount_fen), fee_code(FEE_SET_METHOD, op->method),
	    yuan(g, op->tendered_fen), yuan(c, op->change_fen),
	    sb.len > 0 ? sb.buf : "no bills", excess > 0 ? "; credit " : "",
	    excess > 0 ? yuan(x, excess) : "");
out:
	free(alloc);
	free(t);
	strbuf_release(&sb);
	strbuf_release(&note);
	bill_vec_release(&open);
	house_release(&h);
	return rc;
}

/* Validate what was typed into op. */
static int
pay_parse(struct pay_op *op)
{
	const struct pay_in *in = op->in;
	int64_t tendered = -1;
	int m, i, j, rc;

	if (text_blank(in->amount))
		return err_set(ERR_INVALID, _("enter the amount taken, e.g. "
					      "350.00"));
	if ((rc = money_parse(in->amount, &op->amount_fen)) != 0)
		return rc;
	if (op->amount_fen <= 0)
		return err_set(ERR_INVALID, _("the amount must be more than "
					      "0.00"));
	if (text_blank(in->method))
		return err_set(ERR_INVALID, _("choose how it is paid: cash, "
					      "bank card, WeChat Pay, Alipay "
					      "or bank transfer"));
	if ((rc = fee_parse(FEE_SET_METHOD, in->method, &m)) != 0)
		return rc;
	op->method = (enum pay_method)m;
	if (!text_blank(in->tendered) && (rc = money_parse(in->tendered,
	    &tendered)) != 0)
		return field_err(rc, _("cash given"));
	if ((rc = fee_change(op->method, op->amount_fen, tendered,
	    &op->tendered_fen, &op->change_fen)) != 0)
		return rc;
	if (in->bills != NULL && in->nbills <= 0)
		return err_set(ERR_INVALID, _("pick at least one bill, or "
					      "none to settle the oldest "
					      "first"));
	for (i = 0; in->bills != NULL && i < in->nbills; i++)
		for (j = 0; j < i; j++)
			if (in->bills[i] == in->bills[j])
				return err_set(ERR_INVALID, _("a bill is "
							      "picked twice"));
	return 0;
}

int
svc_pay(struct session *s, const struct pay_in *in, struct pay_result *out)
{
	struct pay_op op;
	struct fd_date d;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.in = in;
	if ((rc = session_require(s, PERM_FEE_COLLECT)) != 0 ||
	    (rc = pay_parse(&op)) != 0)
		return rc;
	op.now = clock_now();
	if ((rc = date_today(&d)) != 0)
		return rc;
	date_format(op.day, sizeof op.day, &d);
	op.year = d.y;
	if ((rc = db_tx(s->db, pay_tx, &op)) != 0)
		return rc;
	if (out != NULL)
		*out = op.res;
	return 0;
}

/* ---- payments and receipts --------------------------------------------- */

void
payment_detail_release(struct payment_detail *d)
{
	if (d == NULL)
		return;
	payment_release(&d->p);
	payment_line_vec_release(&d->lines);
	free(d->owners);
	memset(d, 0, sizeof *d);
}

/* What a payment read needs. */
struct detail_op {
	int64_t id;
	int year;
	int64_t seq;
	struct payment_detail *out;
};

static int
detail_read(struct db *db, void *arg)
{
	struct detail_op *op = arg;
	struct payment_detail *d = op->out;
	int rc;

	payment_detail_release(d);
	rc = op->id > 0 ? payment_db_get(db, op->id, &d->p) :
	    payment_db_get_by_no(db, op->year, op->seq, &d->p);
	if (rc == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("payment not found"));
	if (rc != 0 ||
	    (rc = payment_db_lines(db, d->p.id, &d->lines)) != 0 ||
	    (rc = fee_db_owner_names(db, d->p.house_id, &d->owners)) != 0 ||
	    (rc = payment_db_print_count(db, d->p.id, &d->prints)) != 0 ||
	    (rc = payment_db_credit(db, d->p.house_id, &d->balance_fen)) != 0)
		return rc;
	receipt_no(d->receipt_no, &d->p);
	return 0;
}

int
svc_payment_get(struct session *s, int64_t id, struct payment_detail *out)
{
	struct detail_op op = {id, 0, 0, out};
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0 &&
	    (rc = session_require(s, PERM_FEE_COLLECT)) != 0)
		return rc;
	if ((rc = db_read(s->db, detail_read, &op)) != 0)
		payment_detail_release(out);
	return rc;
}

int
svc_payment_by_no(struct session *s, const char *no,
    struct payment_detail *out)
{
	struct detail_op op = {0, 0, 0, out};
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0 &&
	    (rc = session_require(s, PERM_FEE_COLLECT)) != 0)
		return rc;
	if ((rc = fee_receipt_parse(no, &op.year, &op.seq)) != 0)
		return rc;
	if ((rc = db_read(s->db, detail_read, &op)) != 0)
		payment_detail_release(out);
	return rc;
}

/* Lay out the receipt of d as its next print (reprint = d->prints), or,
 * with view, for reading on screen (no reprint mark). */
static int
render_receipt(const struct session *s, const struct payment_detail *d,
    int view, struct strbuf *out)
{
	struct receipt_line *lines;
	struct receipt r;
	char when[32];
	int i, rc;

	lines = xreallocarray(NULL, (size_t)d->lines.n + 1, sizeof *lines);
	for (i = 0; i < d->lines.n; i++) {
		lines[i].item = d->lines.v[i].item_name;
		lines[i].period = d->lines.v[i].period;
		lines[i].amount_fen = d->lines.v[i].amount_fen;
		/* what is left is known for the first print only */
		lines[i].left_fen = d->prints == 0 ?
		    d->lines.v[i].bill_amount_fen -
		    d->lines.v[i].bill_paid_fen : 0;
	}
	clock_format(when, sizeof when, d->p.at);
	memset(&r, 0, sizeof r);
	r.heading = s->cfg != NULL ? s->cfg->printer_heading : "";
	r.number = d->receipt_no;
	r.house = d->p.house_code;
	r.owner = d->owners;
	r.when = when;
	r.lines = lines;
	r.nlines = d->lines.n;
	r.amount_fen = d->p.amount_fen;
	r.credit_fen = d->p.credit_fen;
	r.balance_fen = d->prints == 0 ? d->balance_fen : 0;
	r.method = d->p.method;
	r.tendered_fen = d->p.tendered_fen;
	r.change_fen = d->p.change_fen;
	r.cashier = d->p.cashier;
	r.desk = d->p.desk;
	r.reprint = view ? 0 : (int)d->prints;
	r.voided = d->p.void_state == VOID_APPROVED;
	rc = receipt_render(&r, s->cfg != NULL ? s->cfg->printer_width : 32,
	    out);
	free(lines);
	return rc;
}

static int
receipt_text(struct session *s, int64_t payment_id, int view,
    struct strbuf *out)
{
	struct payment_detail d;
	int rc;

	if ((rc = svc_payment_get(s, payment_id, &d)) != 0)
		return rc;
	rc = render_receipt(s, &d, view, out);
	payment_detail_release(&d);
	return rc;
}

int
svc_receipt_text(struct session *s, int64_t payment_id, struct strbuf *out)
{
	return receipt_text(s, payment_id, 0, out);
}

int
svc_receipt_view(struct session *s, int64_t payment_id, struct strbuf *out)
{
	return receipt_text(s, payment_id, 1, out);
}

/* The folder printed texts are saved in when no command is set. */
static void
save_path(const struct session *s, const char *name, char *buf,
    size_t bufsz)
{
	const char *db = db_path(s->db), *slash = strrchr(db, '/');

	if (slash == NULL)
		snprintf(buf, bufsz, "receipts/%s", name);
	else
		snprintf(buf, bufsz, "%.*s/receipts/%s", (int)(slash - db), db,
		    name);
}

/* What a print records. */
struct print_op {
	struct session *s;
	const char *action;   /* "receipt.print", "receipt.print.fail" */
	const char *entity;
	int64_t id;
	const char *summary;
};

static int
print_audit_tx(struct db *db, void *arg)
{
	struct print_op *op = arg;

	return svc_audit(db, op->s, op->action, op->entity, op->id, "%s",
	    op->summary);
}

/* Send text as the configuration says; path is where a file goes. */
static int
send_text(struct session *s, const char *text, const char *path)
{
	const struct config *cfg = s->cfg;

	return spool_send(text, cfg != NULL ? cfg->printer_encoding : NULL,
	    cfg != NULL ? cfg->printer_command : NULL, path, 0);
}

int
svc_receipt_print(struct session *s, int64_t payment_id,
    struct print_result *out)
{
	struct payment_detail d;
	struct strbuf text = STRBUF_INIT, sum = STRBUF_INIT;
	struct print_op op = {s, "receipt.print", "payment", payment_id, NULL};
	char name[64], path[512], msg[512];
	int rc, to_file;

	if (out != NULL)
		memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_FEE_COLLECT)) != 0 ||
	    (rc = svc_payment_get(s, payment_id, &d)) != 0)
		return rc;
	if ((rc = render_receipt(s, &d, 0, &text)) != 0)
		goto out;
	if (d.prints > 0)
		snprintf(name, sizeof name, "%s-reprint%lld.txt", d.receipt_no,
		    (long long)d.prints);
	else
		snprintf(name, sizeof name, "%s.txt", d.receipt_no);
	save_path(s, name, path, sizeof path);
	to_file = s->cfg == NULL || s->cfg->printer_command == NULL ||
	    s->cfg->printer_command[0] == '\0';
	if ((rc = send_text(s, text.buf, path)) != 0) {
		snprintf(msg, sizeof msg, "%s", err_msg());
		strbuf_addf(&sum, "receipt %s not printed: %s", d.receipt_no,
		    msg);
		op.action = "receipt.print.fail";
		op.summary = sum.buf;
		db_tx(s->db, print_audit_tx, &op); /* best effort */
		rc = err_set(ERR_IO, _("%s; the payment %s stands: print its "
				       "receipt again when the printer "
				       "works"), msg, d.receipt_no);
		goto out;
	}
	if (d.prints > 0)
		strbuf_addf(&sum, "receipt %s reprinted (%lld)", d.receipt_no,
		    (long long)d.prints);
	else
		strbuf_addf(&sum, "receipt %s printed", d.receipt_no);
	if (to_file)
		strbuf_addf(&sum, " to %s", path);
	op.summary = sum.buf;
	if ((rc = db_tx(s->db, print_audit_tx, &op)) != 0)
		goto out;
	if (out != NULL) {
		out->reprint = (int)d.prints;
		if (to_file)
			snprintf(out->path, sizeof out->path, "%s", path);
	}
out:
	strbuf_release(&text);
	strbuf_release(&sum);
	payment_detail_release(&d);
	return rc;
}

/* ---- voids ------------------------------------------------------------- */

/* A void being asked for or decided. */
struct void_op {
	struct session *s;
	int64_t payment_id;
	int64_t void_id;
	char *reason;        /* or the director's note */
	int approve;
	char day[DATE_BUFSZ];
};

static int
void_request_tx(struct db *db, void *arg)
{
	struct void_op *op = arg;
	struct payment p = {0};
	char no[FEE_RECEIPT_BUFSZ], a[MONEY_BUFSZ];
	int rc;

	if ((rc = payment_db_get(db, op->payment_id, &p)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("payment not found"));
	if (rc != 0)
		goto out;
	receipt_no(no, &p);
	rc = payment_db_void_insert(db, p.id, op->reason, op->s->user_id,
	    &op->void_id);
	if (rc == ERR_CONFLICT)
		rc = err_set(ERR_CONFLICT, _("a void of receipt %s is waiting "
					     "for approval or done already"),
		    no);
	if (rc != 0)
		goto out;
	rc = svc_audit(db, op->s, "void.request", "payment", p.id,
	    "void of receipt %s (%s, house %s, %s) asked: %s", no,
	    yuan(a, p.amount_fen), p.house_code, p.day, op->reason);
out:
	payment_release(&p);
	return rc;
}

int
svc_void_request(struct session *s, int64_t payment_id, const char *reason,
    int64_t *void_id)
{
	struct void_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.payment_id = payment_id;
	if ((rc = session_require(s, PERM_FEE_COLLECT)) != 0)
		return rc;
	if (text_blank(reason))
		return err_set(ERR_INVALID, _("a void needs a reason: say what "
					      "was wrong with the payment"));
	if ((rc = fee_text_clean(reason, 1, _("reason"), &op.reason)) != 0)
		return rc;
	if ((rc = db_tx(s->db, void_request_tx, &op)) == 0 && void_id != NULL)
		*void_id = op.void_id;
	free(op.reason);
	return rc;
}

/* Reverse the payment of v on op->day: reopen its bills, take back credit. */
static int
void_reverse(struct db *db, struct void_op *op, const struct void_req *v,
    struct strbuf *sb)
{
	struct payment_line_vec lines = {0};
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ];
	int64_t deposit = 0, balance = 0;
	int i, rc;

	if ((rc = payment_db_lines(db, v->payment_id, &lines)) != 0)
		goto out;
	for (i = 0; i < lines.n; i++) {
		rc = fee_db_bill_unpay(db, lines.v[i].bill_id,
		    lines.v[i].amount_fen);
		if (rc == ERR_CONFLICT)
			rc = err_set(ERR_STATE, _("the bills of this payment "
						  "do not add up; run "
						  "'frontdesk check'"));
		if (rc != 0)
			goto out;
		strbuf_addf(sb, "%s%s %s %s", i > 0 ? ", " : "; reopened ",
		    lines.v[i].period, lines.v[i].item_name,
		    yuan(a, lines.v[i].amount_fen));
	}
	if ((rc = payment_db_credit_of_payment(db, v->payment_id,
	    &deposit)) != 0 || deposit <= 0)
		goto out;
	if ((rc = payment_db_credit(db, v->p.house_id, &balance)) != 0)
		goto out;
	if (balance < deposit) {
		rc = err_set(ERR_STATE, _("the credit this payment kept (%s) "
					  "was used since (%s is left): it "
					  "cannot be voided as a whole"),
		    yuan(a, deposit), yuan(b, balance));
		goto out;
	}
	if ((rc = payment_db_credit_add(db, v->p.house_id, -deposit,
	    CREDIT_VOID, v->payment_id, 0, op->day)) != 0)
		goto out;
	strbuf_addf(sb, "; credit taken back %s", yuan(a, deposit));
out:
	payment_line_vec_release(&lines);
	return rc;
}

static int
void_decide_tx(struct db *db, void *arg)
{
	struct void_op *op = arg;
	struct void_req v = {0};
	struct day_close c = {0};
	struct strbuf sb = STRBUF_INIT;
	char no[FEE_RECEIPT_BUFSZ], a[MONEY_BUFSZ];
	int rc;

	if ((rc = payment_db_void_get(db, op->void_id, &v)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("void request not found"));
	if (rc != 0)
		goto out;
	receipt_no(no, &v.p);
	if (v.state != VOID_REQUESTED) {
		rc = err_set(ERR_STATE, _("the void of receipt %s was decided "
					  "already: %s"), no,
		    fee_label(FEE_SET_VOID, (int)v.state));
		goto out;
	}
	if (op->approve) {
		rc = payment_db_close_get(db, v.requested_by, op->day, &c);
		if (rc == 0)
			rc = err_set(ERR_STATE, _("%s has closed the day %s "
						  "(日结), so the reversal "
						  "cannot go into it; approve "
						  "the void on another day"),
			    v.requested_name, op->day);
		if (rc != ERR_NOTFOUND)
			goto out;
		if ((rc = void_reverse(db, op, &v, &sb)) != 0)
			goto out;
	}
	/* a rejection moves no money and goes into no day (so it is not
	 * refused when the cashier has closed today); its time is audited */
	rc = payment_db_void_decide(db, v.id, op->approve ? VOID_APPROVED :
	    VOID_REJECTED, op->s->user_id, op->approve ? op->day : NULL);
	if (rc == ERR_STATE)
		rc = err_set(ERR_STATE, _("the void of receipt %s was decided "
					  "at another desk meanwhile"), no);
	if (rc != 0)
		goto out;
	rc = svc_audit(db, op->s, op->approve ? "void.approve" : "void.reject",
	    "payment", v.payment_id, "void of receipt %s (%s %s, house %s, "
	    "paid %s) %s on %s; asked by %s: %s%s%s%s", no,
	    yuan(a, v.p.amount_fen), fee_code(FEE_SET_METHOD, v.p.method),
	    v.p.house_code, v.p.day, op->approve ? "approved" : "rejected",
	    op->day, v.requested_name, v.reason, sb.buf,
	    op->reason[0] != '\0' ? "; note: " : "", op->reason);
out:
	strbuf_release(&sb);
	close_release(&c);
	void_release(&v);
	return rc;
}

int
svc_void_decide(struct session *s, int64_t void_id, int approve,
    const char *note)
{
	struct void_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.void_id = void_id;
	op.approve = approve != 0;
	if ((rc = session_require(s, PERM_FEE_VOID_APPROVE)) != 0 ||
	    (rc = fee_text_clean(note, 0, _("note"), &op.reason)) != 0)
		return rc;
	today(op.day);
	rc = db_tx(s->db, void_decide_tx, &op);
	free(op.reason);
	return rc;
}

int
svc_voids(struct session *s, int state, struct void_vec *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	if (!session_may(s, PERM_FEE_VIEW) &&
	    (rc = session_require(s, PERM_FEE_VOID_APPROVE)) != 0)
		return rc;
	if (state >= VOID_STATE_COUNT)
		return err_set(ERR_INVALID, "%s", err_str(ERR_INVALID));
	return payment_db_voids(s->db, state, 500, out);
}

/* ---- the daily close --------------------------------------------------- */

void
close_view_release(struct close_view *v)
{
	if (v == NULL)
		return;
	free(v->cashier);
	close_release(&v->close);
	memset(v, 0, sizeof *v);
}

/* Fill v for cashier and day (v->day, v->cashier_id set). */
static int
close_fill(struct db *db, struct close_view *v)
{
	int rc;

	free(v->cashier);
	v->cashier = NULL;
	close_release(&v->close);
	v->closed = 0;
	v->first_no[0] = v->last_no[0] = '\0';
	if ((rc = payment_db_user_display(db, v->cashier_id,
	    &v->cashier)) == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("no such cashier"));
	if (rc != 0 ||
	    (rc = payment_db_day_sums(db, v->cashier_id, v->day,
	    &v->sums)) != 0)
		return rc;
	if (v->sums.n > 0) {
		fee_receipt_format(v->first_no, sizeof v->first_no,
		    v->sums.first_year, v->sums.first_seq);
		fee_receipt_format(v->last_no, sizeof v->last_no,
		    v->sums.last_year, v->sums.last_seq);
	}
	rc = payment_db_close_get(db, v->cashier_id, v->day, &v->close);
	if (rc == 0)
		v->closed = 1;
	return rc == ERR_NOTFOUND ? 0 : rc;
}

static int
close_view_read(struct db *db, void *arg)
{
	return close_fill(db, arg);
}

int
svc_close_view(struct session *s, const char *day, int64_t cashier_id,
    struct close_view *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (cashier_id == 0 || cashier_id == s->user_id) {
		if (!session_may(s, PERM_FEE_CLOSE_DAY) &&
		    (rc = session_require(s, PERM_FEE_VIEW)) != 0)
			return rc;
		cashier_id = s->user_id;
	} else if ((rc = session_require(s, PERM_REPORTS)) != 0) {
		return rc;
	}
	if ((rc = parse_day(day, out->day, 1)) != 0)
		return rc;
	out->cashier_id = cashier_id;
	if ((rc = db_read(s->db, close_view_read, out)) != 0)
		close_view_release(out);
	return rc;
}

/* A close being made. */
struct close_op {
	struct session *s;
	int64_t float_fen;
	int64_t counted_fen;
	char *reason;
	struct close_view v;
};

static int
close_tx(struct db *db, void *arg)
{
	struct close_op *op = arg;
	struct close_view *v = &op->v;
	struct day_close c;
	const struct day_sums *m = &v->sums;
	char f[MONEY_BUFSZ], e[MONEY_BUFSZ], k[MONEY_BUFSZ], d[MONEY_BUFSZ];
	char when[32], t[PAY_METHOD_COUNT][MONEY_BUFSZ], vf[MONEY_BUFSZ];
	char rf[MONEY_BUFSZ];
	int64_t expected, id = 0;
	int i, rc;

	if ((rc = close_fill(db, v)) != 0)
		return rc;
	if (v->closed) {
		clock_format(when, sizeof when, v->close.at);
		return err_set(ERR_STATE, _("the day %s was closed already at "
					    "%s; a day is closed once"),
		    v->day, when);
	}
	if ((rc = fee_expected_cash(op->float_fen, m->tendered_fen,
	    m->change_fen, m->refund_fen, &expected)) != 0)
		return rc;
	memset(&c, 0, sizeof c);
	c.cashier_id = v->cashier_id;
	snprintf(c.day, sizeof c.day, "%s", v->day);
	c.float_fen = op->float_fen;
	c.expected_fen = expected;
	c.counted_fen = op->counted_fen;
	c.diff_fen = op->counted_fen - expected;
	c.reason = op->reason;
	c.at = clock_now();
	if (c.diff_fen != 0 && op->reason[0] == '\0')
		return err_set(ERR_INVALID, _("the cash counted (%s) differs "
					      "from what the day gives (%s) "
					      "by %s; give the reason for the "
					      "difference"),
		    yuan(k, c.counted_fen), yuan(e, expected),
		    yuan(d, c.diff_fen));
	rc = payment_db_close_insert(db, &c, &id);
	if (rc == ERR_CONFLICT)
		return err_set(ERR_STATE, _("the day %s was closed already; a "
					    "day is closed once"), v->day);
	if (rc != 0)
		return rc;
	for (i = 0; i < PAY_METHOD_COUNT; i++)
		yuan(t[i], m->by_method[i]);
	if ((rc = svc_audit(db, op->s, "day.close", "close", id,
	    "day %s of %s closed: receipts %s..%s (%lld); cash %s card %s "
	    "wechat %s alipay %s transfer %s; voids %lld (%s, cash back %s); "
	    "float %s expected %s counted %s difference %s%s%s", v->day,
	    v->cashier, v->first_no[0] ? v->first_no : "-",
	    v->last_no[0] ? v->last_no : "-", (long long)m->n, t[PAY_CASH],
	    t[PAY_CARD], t[PAY_WECHAT], t[PAY_ALIPAY], t[PAY_TRANSFER],
	    (long long)m->nvoids, yuan(vf, m->void_fen),
	    yuan(rf, m->refund_fen), yuan(f, op->float_fen), yuan(e, expected),
	    yuan(k, op->counted_fen), yuan(d, c.diff_fen),
	    op->reason[0] != '\0' ? ": " : "", op->reason)) != 0)
		return rc;
	return close_fill(db, v);
}

int
svc_close_day(struct session *s, const char *day, const char *float_amt,
    const char *counted, const char *reason, struct close_view *out)
{
	struct close_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if (out != NULL)
		memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_FEE_CLOSE_DAY)) != 0 ||
	    (rc = parse_day(day, op.v.day, 0)) != 0)
		return rc;
	if (!text_blank(float_amt) && (rc = money_parse(float_amt,
	    &op.float_fen)) != 0)
		return field_err(rc, _("float"));
	if (text_blank(counted))
		return err_set(ERR_INVALID, _("enter the cash counted in the "
					      "drawer"));
	if ((rc = money_parse(counted, &op.counted_fen)) != 0)
		return field_err(rc, _("cash counted"));
	if ((rc = fee_text_clean(reason, 0, _("reason"), &op.reason)) != 0)
		return rc;
	op.v.cashier_id = s->user_id;
	rc = db_tx(s->db, close_tx, &op);
	free(op.reason);
	if (rc == 0 && out != NULL)
		*out = op.v;
	else
		close_view_release(&op.v);
	return rc;
}

/* A review being made. */
struct review_op {
	struct session *s;
	int64_t id;
	char *note;
};

static int
review_tx(struct db *db, void *arg)
{
	struct review_op *op = arg;
	struct day_close c = {0};
	char d[MONEY_BUFSZ];
	int rc;

	if ((rc = payment_db_close_by_id(db, op->id, &c)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("close not found"));
	if (rc != 0)
		goto out;
	if (c.reviewed_by != 0 ||
	    (rc = payment_db_close_review(db, op->id, op->s->user_id)) ==
	    ERR_STATE) {
		rc = err_set(ERR_STATE, _("the close of %s %s was reviewed "
					  "already"), c.cashier, c.day);
		goto out;
	}
	if (rc != 0)
		goto out;
	rc = svc_audit(db, op->s, "day.review", "close", c.id,
	    "close of %s %s reviewed (difference %s)%s%s", c.cashier, c.day,
	    yuan(d, c.diff_fen), op->note[0] != '\0' ? ": " : "", op->note);
out:
	close_release(&c);
	return rc;
}

int
svc_close_review(struct session *s, int64_t close_id, const char *note)
{
	struct review_op op = {s, close_id, NULL};
	int rc;

	if ((rc = session_require(s, PERM_FEE_VOID_APPROVE)) != 0 ||
	    (rc = fee_text_clean(note, 0, _("note"), &op.note)) != 0)
		return rc;
	rc = db_tx(s->db, review_tx, &op);
	free(op.note);
	return rc;
}

int
svc_closes(struct session *s, const char *from, const char *to,
    struct close_vec *out)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	int all, i, j, rc;

	out->v = NULL;
	out->n = 0;
	all = session_may(s, PERM_REPORTS);
	if (!all && (rc = session_require(s, PERM_FEE_CLOSE_DAY)) != 0)
		return rc;
	if ((rc = parse_day(from, a, 1)) != 0 ||
	    (rc = parse_day(to, b, 1)) != 0)
		return rc;
	if ((rc = payment_db_closes(s->db, a, b, out)) != 0 || all)
		return rc;
	for (i = j = 0; i < out->n; i++) {
		if (out->v[i].cashier_id == s->user_id)
			out->v[j++] = out->v[i];
		else
			close_release(&out->v[i]);
	}
	out->n = j;
	return 0;
}
