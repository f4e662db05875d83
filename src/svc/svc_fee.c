/*
 * svc_fee.c: fee items and standards, meter readings, bills for a period,
 * one-off charges, late fees, arrears and reminders, a house's fees, the
 * monthly and daily reports, and the exports.
 *
 * Every change: permission check, everything typed validated outside the
 * transaction, then one db_tx() doing the writes and one audit row.
 * Transaction functions may run more than once (another desk held the
 * file), so they change nothing outside the database but their own op
 * struct, which they reset first.  Amounts come from core/fee.h only: a
 * bill line is rounded once, where it is computed.
 */
#include "svc/svc_fee.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/date.h"
#include "core/houseno.h"
#include "core/money.h"
#include "core/receipt.h"
#include "db/db.h"
#include "db/house_db.h"
#include "db/user_db.h"
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

/* Houses between two progress reports of a bill run. */
#define PROGRESS_EVERY 500

/* ---- small helpers ----------------------------------------------------- */

static void
today(char buf[DATE_BUFSZ])
{
	struct fd_date d;

	date_today(&d);
	date_format(buf, DATE_BUFSZ, &d);
}

static const char *
yuan(char *buf, int64_t fen)
{
	money_format(buf, MONEY_BUFSZ, fen);
	return buf;
}

static int
field_err(int rc, const char *field)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s", err_msg());
	return err_set(rc, _("%s: %s"), field, msg);
}

/* A day as typed into out ("YYYY-MM-DD"); blank is today. */
static int
parse_day(const char *in, char out[DATE_BUFSZ])
{
	struct fd_date d;
	int rc;

	if (text_blank(in)) {
		today(out);
		return 0;
	}
	if ((rc = date_parse(in, &d)) != 0)
		return rc;
	date_format(out, DATE_BUFSZ, &d);
	return 0;
}

/* A period as typed into out ("YYYY-MM"); refused when empty. */
static int
parse_period(const char *in, char out[DATE_PERIOD_BUFSZ],
    struct fd_period *p)
{
	struct fd_period tmp;
	int rc;

	if (p == NULL)
		p = &tmp;
	if (text_blank(in))
		return err_set(ERR_INVALID, _("enter the period, e.g. "
					      "2026-11"));
	if ((rc = date_period_parse(in, p)) != 0)
		return rc;
	date_period_format(out, DATE_PERIOD_BUFSZ, p);
	return 0;
}

/* A house by its number as typed (inside a transaction or read). */
static int
house_by_code(struct db *db, const char *code, struct house *h)
{
	struct houseno no;
	char buf[HOUSENO_BUFSZ];
	int rc;

	if (text_blank(code))
		return err_set(ERR_INVALID, _("house number is empty; enter "
					      "e.g. 3-2-1502"));
	if ((rc = houseno_parse(code, &no)) != 0)
		return rc;
	houseno_format(buf, sizeof buf, &no);
	if ((rc = house_db_get_by_code(db, buf, h)) == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("house %s not found"), buf);
	return rc;
}

/* The late-fee rule of the configuration. */
static void
late_rule(const struct session *s, struct fee_late_rule *r)
{
	r->enabled = s->cfg != NULL && s->cfg->fee_late;
	r->rate_per_10000 = s->cfg != NULL ? s->cfg->fee_late_rate : 5;
	r->grace_days = s->cfg != NULL ? s->cfg->fee_late_grace_days : 30;
}

/* Either of two permissions. */
static int
require_either(const struct session *s, enum perm_action a,
    enum perm_action b)
{
	if (session_may(s, a))
		return 0;
	return session_require(s, b);
}

/* ---- fee items and standards ------------------------------------------- */

/* An item from its form.  OUT: *it (fee_item_release(), also on error). */
static int
item_from_in(const struct fee_item_in *in, int is_new, struct fee_item *it)
{
	struct fee_applies a;
	char buf[FEE_APPLIES_MAX + 1];
	int kind, rc;

	memset(it, 0, sizeof *it);
	if ((rc = fee_name_clean(in->name, &it->name)) != 0)
		return rc;
	if (is_new) {
		if (text_blank(in->kind))
			return err_set(ERR_INVALID, _("choose how the item is "
						      "charged: per m2 per "
						      "month, metered, fixed "
						      "per month or one-off"));
		if ((rc = fee_parse(FEE_SET_KIND, in->kind, &kind)) != 0)
			return rc;
		if (kind == FEE_LATE)
			return err_set(ERR_INVALID, _("late fees are built in; "
						      "turn them on with [fees] "
						      "late_fee"));
		it->kind = (enum fee_kind)kind;
	}
	if ((rc = household_text_clean(in->unit, FEE_UNIT_MAX, _("unit"),
	    &it->unit)) != 0)
		return rc;
	if ((rc = fee_applies_parse(text_blank(in->applies) ? "all" : in->applies,
	    &a)) != 0 ||
	    (rc = fee_applies_format(buf, sizeof buf, &a)) != 0)
		return rc;
	it->applies = xstrdup(buf);
	it->active = is_new ? 1 : in->active != 0;
	return 0;
}

/* A fee item being added or changed. */
struct item_op {
	struct session *s;
	struct fee_item it;
	int64_t id;
};

static int
item_add_tx(struct db *db, void *arg)
{
	struct item_op *op = arg;
	int rc = fee_db_item_insert(db, &op->it, &op->id);

	if (rc == ERR_CONFLICT)
		return err_set(ERR_CONFLICT, _("a fee item called %s exists "
					       "already"), op->it.name);
	if (rc != 0)
		return rc;
	return svc_audit(db, op->s, "fee.item.add", "fee_item", op->id,
	    "fee item %s added: %s%s%s, applies to %s", op->it.name,
	    fee_code(FEE_SET_KIND, (int)op->it.kind),
	    op->it.unit[0] != '\0' ? ", unit " : "", op->it.unit,
	    op->it.applies);
}

int
svc_fee_item_add(struct session *s, const struct fee_item_in *in,
    int64_t *id)
{
	struct item_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if ((rc = session_require(s, PERM_FEE_SETUP)) != 0 ||
	    (rc = item_from_in(in, 1, &op.it)) != 0 ||
	    (rc = db_tx(s->db, item_add_tx, &op)) != 0)
		goto out;
	if (id != NULL)
		*id = op.id;
out:
	fee_item_release(&op.it);
	return rc;
}

/* Append "field before -> after" to sb when they differ. */
static void
diff(struct strbuf *sb, const char *field, const char *a, const char *b)
{
	if (strcmp(a, b) != 0)
		strbuf_addf(sb, "%s%s %s -> %s", sb->len > 0 ? "; " : "",
		    field, a[0] ? a : "''", b[0] ? b : "''");
}

static int
item_edit_tx(struct db *db, void *arg)
{
	struct item_op *op = arg;
	struct fee_item old = {0};
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if ((rc = fee_db_item_get(db, op->it.id, &old)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("fee item not found"));
	if (rc != 0)
		goto out;
	if (old.kind == FEE_LATE && strcmp(old.name, op->it.name) != 0) {
		rc = err_set(ERR_INVALID, _("the late-fee item keeps its "
					    "name"));
		goto out;
	}
	rc = fee_db_item_update(db, &op->it);
	if (rc == ERR_CONFLICT)
		rc = err_set(ERR_CONFLICT, _("a fee item called %s exists "
					     "already"), op->it.name);
	if (rc != 0)
		goto out;
	diff(&sb, "name", old.name, op->it.name);
	diff(&sb, "unit", old.unit, op->it.unit);
	diff(&sb, "applies", old.applies, op->it.applies);
	diff(&sb, "active", old.active ? "yes" : "no",
	    op->it.active ? "yes" : "no");
	rc = svc_audit(db, op->s, "fee.item.edit", "fee_item", op->it.id,
	    "fee item %s: %s", old.name, sb.len > 0 ? sb.buf : "no change");
out:
	strbuf_release(&sb);
	fee_item_release(&old);
	return rc;
}

int
svc_fee_item_edit(struct session *s, int64_t id, const struct fee_item_in *in)
{
	struct item_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if ((rc = session_require(s, PERM_FEE_SETUP)) != 0 ||
	    (rc = item_from_in(in, 0, &op.it)) != 0)
		goto out;
	op.it.id = id;
	rc = db_tx(s->db, item_edit_tx, &op);
out:
	fee_item_release(&op.it);
	return rc;
}

/* A standard being added. */
struct standard_op {
	struct session *s;
	int64_t item_id;
	char from[DATE_BUFSZ];
	int64_t price_e4;
};

static int
standard_tx(struct db *db, void *arg)
{
	struct standard_op *op = arg;
	struct fee_item it = {0};
	struct fd_period last, next;
	struct fd_date first;
	char lastp[DATE_PERIOD_BUFSZ], firstday[DATE_BUFSZ], p[FEE_PRICE_BUFSZ];
	int rc;

	if ((rc = fee_db_item_get(db, op->item_id, &it)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("fee item not found"));
	if (rc != 0)
		goto out;
	if (it.kind == FEE_LATE) {
		rc = err_set(ERR_INVALID, _("the late fee's rate is set with "
					    "[fees] late_fee_rate"));
		goto out;
	}
	if ((rc = fee_db_last_billed(db, it.id, lastp)) != 0)
		goto out;
	if (lastp[0] != '\0' && strncmp(op->from, lastp, 7) <= 0) {
		date_period_parse(lastp, &last);
		date_period_next(&last, &next);
		date_period_first(&next, &first);
		date_format(firstday, sizeof firstday, &first);
		rc = err_set(ERR_INVALID, _("%s is billed up to %s at the old "
					    "price; a new price can start on "
					    "%s or later"), it.name, lastp,
		    firstday);
		goto out;
	}
	rc = fee_db_standard_insert(db, it.id, op->from, op->price_e4);
	if (rc == ERR_CONFLICT)
		rc = err_set(ERR_CONFLICT, _("a price of %s starts on %s "
					     "already"), it.name, op->from);
	if (rc != 0)
		goto out;
	fee_price_format(p, sizeof p, op->price_e4);
	rc = svc_audit(db, op->s, "fee.standard.add", "fee_item", it.id,
	    "%s: %s from %s", it.name, p, op->from);
out:
	fee_item_release(&it);
	return rc;
}

int
svc_fee_standard_add(struct session *s, int64_t item_id,
    const char *valid_from, const char *price)
{
	struct standard_op op = {s, item_id, "", 0};
	struct fd_date d;
	int rc;

	if ((rc = session_require(s, PERM_FEE_SETUP)) != 0)
		return rc;
	if (text_blank(valid_from))
		return err_set(ERR_INVALID, _("enter the day the price starts, "
					      "e.g. 2026-01-01"));
	if ((rc = date_parse(valid_from, &d)) != 0)
		return field_err(rc, _("valid from"));
	date_format(op.from, sizeof op.from, &d);
	if ((rc = fee_price_parse(price, &op.price_e4)) != 0)
		return rc;
	return db_tx(s->db, standard_tx, &op);
}

void
fee_setup_release(struct fee_setup *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		fee_item_release(&f->v[i].item);
		free(f->v[i].std);
	}
	FREE(&f->v);
	f->n = 0;
}

/* What a setup read needs. */
struct setup_op {
	int all;
	struct fee_setup *out;
};

static int
setup_read(struct db *db, void *arg)
{
	struct setup_op *op = arg;
	struct fee_item_vec items = {0};
	struct fee_setup *f = op->out;
	int i, rc;

	fee_setup_release(f);
	if ((rc = fee_db_items(db, op->all, &items)) != 0)
		return rc;
	f->v = xcalloc((size_t)items.n + 1, sizeof *f->v);
	for (i = 0; i < items.n; i++) {
		f->v[i].item = items.v[i];
		f->n++;
		if ((rc = fee_db_standards(db, items.v[i].id, &f->v[i].std,
		    &f->v[i].nstd)) != 0 ||
		    (rc = fee_db_last_billed(db, items.v[i].id,
		    f->v[i].last_billed)) != 0) {
			for (i++; i < items.n; i++)
				fee_item_release(&items.v[i]);
			break;
		}
	}
	free(items.v);
	return rc;
}

int
svc_fee_setup(struct session *s, int all, struct fee_setup *out)
{
	struct setup_op op = {all, out};
	int rc;

	out->v = NULL;
	out->n = 0;
	if ((rc = require_either(s, PERM_FEE_VIEW, PERM_FEE_SETUP)) != 0)
		return rc;
	if ((rc = db_read(s->db, setup_read, &op)) != 0)
		fee_setup_release(out);
	return rc;
}

/* ---- meter readings ---------------------------------------------------- */

/* A reading checked for form, before the database is asked. */
struct reading_parsed {
	char period[DATE_PERIOD_BUFSZ];
	int has_prev;
	struct fee_reading r;   /* prev (when has_prev), cur, replacement */
	int confirm;
};

/* yes/no as typed: yes, no, 是, 否, 换表, 1, 0, true, false; blank: no. */
static int
parse_yes(const char *s, int *out)
{
	static const char *const yes[] = {"yes", "y", "1", "true", "是", "换表",
	    "replaced"};
	static const char *const no[] = {"no", "n", "0", "false", "否", ""};
	char buf[64];
	size_t i;

	snprintf(buf, sizeof buf, "%s", s != NULL ? s : "");
	text_trim(buf);
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(buf, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
	for (i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(buf, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	return err_set(ERR_INVALID, _("meter replaced must be yes or no"));
}

/* Check the form of a reading (not yet against the file). */
static int
reading_parse(const struct reading_in *in, struct reading_parsed *p)
{
	struct fd_period per;
	struct fd_date now;
	int rc;

	memset(p, 0, sizeof *p);
	p->confirm = in->confirm;
	if ((rc = parse_period(in->period, p->period, &per)) != 0)
		return rc;
	date_today(&now);
	if ((rc = fee_period_billable(&per, &now)) != 0)
		return rc;
	if (text_blank(in->item))
		return err_set(ERR_INVALID, _("name the metered item, e.g. "
					      "水费"));
	if (text_blank(in->cur))
		return err_set(ERR_INVALID, _("enter the meter reading"));
	if ((rc = fee_reading_parse(in->cur, &p->r.cur)) != 0)
		return rc;
	if (!text_blank(in->prev)) {
		if ((rc = fee_reading_parse(in->prev, &p->r.prev)) != 0)
			return field_err(rc, _("start reading"));
		p->has_prev = 1;
	}
	if ((rc = parse_yes(in->replaced, &p->r.replaced)) != 0)
		return rc;
	if (!p->r.replaced) {
		if (!text_blank(in->old_end) || !text_blank(in->new_start))
			return err_set(ERR_INVALID, _("the old meter's last "
						      "reading and the new "
						      "meter's start belong to "
						      "a replaced meter only"));
		return 0;
	}
	if (text_blank(in->old_end) || text_blank(in->new_start))
		return err_set(ERR_INVALID, _("a replaced meter needs the old "
					      "meter's last reading and the "
					      "new meter's start"));
	if ((rc = fee_reading_parse(in->old_end, &p->r.old_end)) != 0)
		return field_err(rc, _("old meter's last reading"));
	if ((rc = fee_reading_parse(in->new_start, &p->r.new_start)) != 0)
		return field_err(rc, _("new meter's start"));
	return 0;
}

/*
 * Store one checked reading of house number code and item name: the start
 * is where the previous reading ended (or the one given for a first
 * reading); usage checked and, when far above the average, confirmed.
 * OUT: *out, *m (what was stored).
 */
static int
reading_apply(struct db *db, const struct session *s, const char *code,
    const char *item_name, const struct reading_parsed *p,
    struct reading_out *out, struct meter_reading *m, struct house *h)
{
	struct meter_reading before;
	struct fee_item it = {0};
	char a[FEE_READING_BUFSZ], b[FEE_READING_BUFSZ], name[128];
	int factor = s->cfg != NULL ? s->cfg->fee_usage_alert : 3;
	int n, rc;

	memset(out, 0, sizeof *out);
	memset(m, 0, sizeof *m);
	if ((rc = house_by_code(db, code, h)) != 0)
		return rc;
	snprintf(name, sizeof name, "%s", item_name);
	text_trim(name);
	if ((rc = fee_db_item_by_name(db, name, &it)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("no fee item called %s"), name);
	if (rc != 0)
		goto out;
	if (it.kind != FEE_METERED) {
		rc = err_set(ERR_INVALID, _("%s is not charged by a meter"),
		    it.name);
		goto out;
	}
	m->house_id = h->id;
	m->item_id = it.id;
	snprintf(m->period, sizeof m->period, "%s", p->period);
	m->r = p->r;
	m->user_id = s->user_id;
	rc = fee_db_reading_before(db, h->id, it.id, p->period, &before);
	if (rc == 0) {
		if (p->has_prev && p->r.prev != before.r.cur) {
			fee_reading_format(a, sizeof a, before.r.cur);
			fee_reading_format(b, sizeof b, p->r.prev);
			rc = err_set(ERR_INVALID, _("the start %s does not "
						    "follow the last reading "
						    "on file, %s of %s; leave "
						    "the start empty"), b, a,
			    before.period);
			goto out;
		}
		m->r.prev = before.r.cur;
	} else if (rc == ERR_NOTFOUND) {
		if (!p->has_prev) {
			rc = err_set(ERR_INVALID, _("this is the first %s "
						    "reading of house %s: give "
						    "the start reading too"),
			    it.name, h->code);
			goto out;
		}
	} else {
		goto out;
	}
	if ((rc = fee_usage(&m->r, &out->usage_centi)) != 0 ||
	    (rc = fee_db_reading_avg(db, h->id, it.id, p->period,
	    &out->avg_centi, &n)) != 0)
		goto out;
	if (!p->confirm && fee_usage_unusual(out->usage_centi, out->avg_centi,
	    factor)) {
		fee_reading_format(a, sizeof a, out->usage_centi);
		fee_reading_format(b, sizeof b, out->avg_centi);
		rc = err_set(ERR_STATE, _("the usage %s is more than %d times "
					  "this house's average of %s; check "
					  "the reading and confirm it"),
		    a, factor, b);
		goto out;
	}
	rc = fee_db_reading_put(db, m, &out->corrected);
	if (rc == ERR_INVALID && out->corrected)
		rc = err_set(ERR_STATE, _("the %s reading of %s for %s is "
					  "billed already and cannot change"),
		    it.name, h->code, p->period);
out:
	fee_item_release(&it);
	return rc;
}

/* A reading being stored. */
struct reading_op {
	struct session *s;
	const struct reading_in *in;
	struct reading_parsed p;
	struct reading_out out;
};

static int
reading_tx(struct db *db, void *arg)
{
	struct reading_op *op = arg;
	struct meter_reading m;
	struct house h = {0};
	char a[FEE_READING_BUFSZ], b[FEE_READING_BUFSZ], u[FEE_READING_BUFSZ];
	int rc;

	if ((rc = reading_apply(db, op->s, op->in->house, op->in->item, &op->p,
	    &op->out, &m, &h)) != 0)
		goto out;
	fee_reading_format(a, sizeof a, m.r.prev);
	fee_reading_format(b, sizeof b, m.r.cur);
	fee_reading_format(u, sizeof u, op->out.usage_centi);
	rc = svc_audit(db, op->s, "reading.set", "house", h.id,
	    "reading %s item %lld %s: %s -> %s%s, usage %s%s", h.code,
	    (long long)m.item_id, m.period, a, b, m.r.replaced ?
	    " (meter replaced)" : "", u, op->out.corrected ? " (corrected)" :
	    "");
out:
	house_release(&h);
	return rc;
}

int
svc_reading_set(struct session *s, const struct reading_in *in,
    struct reading_out *out)
{
	struct reading_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.in = in;
	if ((rc = require_either(s, PERM_FEE_SETUP, PERM_FEE_COLLECT)) != 0 ||
	    (rc = reading_parse(in, &op.p)) != 0 ||
	    (rc = db_tx(s->db, reading_tx, &op)) != 0)
		return rc;
	if (out != NULL)
		*out = op.out;
	return 0;
}

/* An import of readings. */
struct rimport_op {
	struct session *s;
	const struct reading_in *rows;
	const int *lines;
	int n;
	const char *file;
	struct strbuf *errors;
	int nbad;
	char first[512];
};

/* Note one bad line. */
static void
rimport_bad(struct rimport_op *op, int i)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s:%d: %s", op->file, op->lines[i],
	    err_msg());
	if (op->nbad++ == 0)
		snprintf(op->first, sizeof op->first, "%s", msg);
	if (op->errors != NULL)
		strbuf_addf(op->errors, "%s\n", msg);
}

/* The key of one row, to find a house, item and period given twice. */
struct rimport_key {
	struct houseno no;
	char item[FEE_NAME_MAX * 4 + 1];
	char period[DATE_PERIOD_BUFSZ];
	int i;            /* the row */
	int ok;           /* 0: the row does not parse (reported anyway) */
};

static int
rimport_key_cmp(const void *a, const void *b)
{
	const struct rimport_key *x = a, *y = b;
	int c;

	if (x->ok != y->ok)
		return x->ok - y->ok;
	if ((c = houseno_cmp(&x->no, &y->no)) != 0 ||
	    (c = strcmp(x->item, y->item)) != 0 ||
	    (c = strcmp(x->period, y->period)) != 0)
		return c;
	return x->i - y->i;
}

/*
 * For every row, the line of an earlier row with the same house, item and
 * period (0: none).  Sorted, so a file of 100k lines is quick.
 * OUT: dup[0..n) (xmalloc'd; caller frees).
 */
static int *
rimport_dups(const struct rimport_op *op)
{
	struct rimport_key *k = xcalloc((size_t)op->n + 1, sizeof *k);
	int *dup = xcalloc((size_t)op->n + 1, sizeof *dup);
	struct fd_period p;
	int i;

	for (i = 0; i < op->n; i++) {
		const struct reading_in *r = &op->rows[i];

		k[i].i = i;
		if (r->house == NULL || r->item == NULL || r->period == NULL ||
		    houseno_parse(r->house, &k[i].no) != 0 ||
		    date_period_parse(r->period, &p) != 0)
			continue;
		snprintf(k[i].item, sizeof k[i].item, "%s", r->item);
		text_trim(k[i].item);
		date_period_format(k[i].period, sizeof k[i].period, &p);
		k[i].ok = 1;
	}
	err_clear();
	qsort(k, (size_t)op->n, sizeof *k, rimport_key_cmp);
	for (i = 1; i < op->n; i++)
		if (k[i].ok && k[i - 1].ok && houseno_cmp(&k[i].no,
		    &k[i - 1].no) == 0 && strcmp(k[i].item, k[i - 1].item) ==
		    0 && strcmp(k[i].period, k[i - 1].period) == 0)
			dup[k[i].i] = dup[k[i - 1].i] != 0 ? dup[k[i - 1].i] :
			    op->lines[k[i - 1].i];
	free(k);
	return dup;
}

static int
rimport_tx(struct db *db, void *arg)
{
	struct rimport_op *op = arg;
	struct reading_parsed p;
	struct reading_out out;
	struct meter_reading m;
	struct house h;
	int *dup = rimport_dups(op);
	int i, rc;

	op->nbad = 0;
	op->first[0] = '\0';
	if (op->errors != NULL)
		strbuf_reset(op->errors);
	for (i = 0; i < op->n; i++) {
		memset(&h, 0, sizeof h);
		if ((rc = reading_parse(&op->rows[i], &p)) != 0) {
			rimport_bad(op, i);
			continue;
		}
		if (dup[i] != 0) {
			err_set(ERR_INVALID, _("the same reading as line %d"),
			    dup[i]);
			rimport_bad(op, i);
			continue;
		}
		rc = reading_apply(db, op->s, op->rows[i].house,
		    op->rows[i].item, &p, &out, &m, &h);
		house_release(&h);
		if (rc == ERR_BUSY || rc == ERR_IO || rc == ERR_DB) {
			free(dup);
			return rc;
		}
		if (rc != 0)
			rimport_bad(op, i);
	}
	free(dup);
	if (op->nbad > 0)
		return err_set(ERR_INVALID, _("%s (bad lines: %d; nothing was "
					      "imported)"), op->first,
		    op->nbad);
	return svc_audit(db, op->s, "reading.import", "readings", 0,
	    "%d readings imported from %s", op->n, op->file);
}

int
svc_reading_import(struct session *s, const struct reading_in *rows,
    const int *lines, int n, const char *file, struct strbuf *errors)
{
	struct rimport_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.rows = rows;
	op.lines = lines;
	op.n = n;
	op.file = file;
	op.errors = errors;
	if ((rc = require_either(s, PERM_FEE_SETUP, PERM_FEE_COLLECT)) != 0)
		return rc;
	if (n <= 0)
		return err_set(ERR_INVALID, _("%s: no readings to import"),
		    file);
	return db_tx(s->db, rimport_tx, &op);
}

/* What a reading sheet read needs. */
struct sheet_op {
	int building;
	int64_t item_id;
	char period[DATE_PERIOD_BUFSZ];
	int factor;
	struct reading_row *rows;
	int n;
};

/* One house of the sheet. */
static int
sheet_row(struct db *db, struct sheet_op *op, const struct bill_house *bh,
    struct reading_row *r)
{
	struct meter_reading m;
	int n, rc;

	memset(r, 0, sizeof *r);
	r->house_id = bh->id;
	houseno_format(r->code, sizeof r->code, &bh->no);
	rc = fee_db_reading_before(db, bh->id, op->item_id, op->period, &m);
	if (rc == 0) {
		r->has_prev = 1;
		r->start_centi = m.r.cur;
		snprintf(r->prev_period, sizeof r->prev_period, "%s",
		    m.period);
	} else if (rc != ERR_NOTFOUND) {
		return rc;
	}
	rc = fee_db_reading_get(db, bh->id, op->item_id, op->period, &m);
	if (rc == 0) {
		r->has_cur = 1;
		r->r = m.r;
		fee_usage(&m.r, &r->usage_centi);
	} else if (rc != ERR_NOTFOUND) {
		return rc;
	}
	if ((rc = fee_db_reading_avg(db, bh->id, op->item_id, op->period,
	    &r->avg_centi, &n)) != 0 ||
	    (rc = fee_db_bill_exists(db, bh->id, op->item_id, op->period,
	    &r->billed)) != 0)
		return rc;
	r->unusual = r->has_cur && fee_usage_unusual(r->usage_centi,
	    r->avg_centi, op->factor);
	err_clear();
	return 0;
}

/* Natural order of house numbers. */
static int
row_cmp(const void *a, const void *b)
{
	const struct reading_row *x = a, *y = b;
	struct houseno p, q;

	houseno_parse(x->code, &p);
	houseno_parse(y->code, &q);
	return houseno_cmp(&p, &q);
}

static int
sheet_read(struct db *db, void *arg)
{
	struct sheet_op *op = arg;
	struct fee_item it = {0};
	struct fee_applies *a = xmalloc(sizeof *a);
	struct bill_house *hs = NULL;
	int nh = 0, i, rc;

	FREE(&op->rows);
	op->n = 0;
	if ((rc = fee_db_item_get(db, op->item_id, &it)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("fee item not found"));
	if (rc != 0)
		goto out;
	if (it.kind != FEE_METERED) {
		rc = err_set(ERR_INVALID, _("%s is not charged by a meter"),
		    it.name);
		goto out;
	}
	if ((rc = fee_applies_parse(it.applies, a)) != 0 ||
	    (rc = fee_db_bill_houses(db, &hs, &nh)) != 0)
		goto out;
	op->rows = xreallocarray(NULL, (size_t)nh + 1, sizeof *op->rows);
	for (i = 0; i < nh; i++) {
		if ((op->building != 0 && hs[i].no.building != op->building) ||
		    !fee_applies_match(a, &hs[i].no, hs[i].use))
			continue;
		if ((rc = sheet_row(db, op, &hs[i], &op->rows[op->n])) != 0)
			goto out;
		op->n++;
	}
	qsort(op->rows, (size_t)op->n, sizeof *op->rows, row_cmp);
out:
	free(hs);
	free(a);
	fee_item_release(&it);
	return rc;
}

int
svc_reading_sheet(struct session *s, int building, int64_t item_id,
    const char *period, struct reading_row **rows, int *n)
{
	struct sheet_op op;
	int rc;

	*rows = NULL;
	*n = 0;
	memset(&op, 0, sizeof op);
	op.building = building;
	op.item_id = item_id;
	op.factor = s->cfg != NULL ? s->cfg->fee_usage_alert : 3;
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0 &&
	    (rc = require_either(s, PERM_FEE_SETUP, PERM_FEE_COLLECT)) != 0)
		return rc;
	if ((rc = parse_period(period, op.period, NULL)) != 0)
		return rc;
	if ((rc = db_read(s->db, sheet_read, &op)) != 0) {
		free(op.rows);
		return rc;
	}
	*rows = op.rows;
	*n = op.n;
	return 0;
}

/* ---- bills ------------------------------------------------------------- */

/* An item being billed in a run. */
struct run_item {
	struct fee_item it;
	struct fee_applies applies;
	int64_t price_e4;
	struct meter_reading *readings; /* metered: by house id */
	int nreadings;
};

/* A bill run. */
struct bill_op {
	struct session *s;
	struct fd_period p;
	svc_progress_fn progress;
	void *arg;
	struct bill_run run;
	char day[DATE_BUFSZ];
	struct run_item *items;
	int nitems;
};

/* Collects the readings of one item (fee_db_each_reading). */
static int
collect_reading(const struct meter_reading *m, void *arg)
{
	struct run_item *ri = arg;

	if ((ri->nreadings & (ri->nreadings - 1)) == 0)
		ri->readings = xreallocarray(ri->readings,
		    (size_t)(ri->nreadings ? ri->nreadings * 2 : 16),
		    sizeof *ri->readings);
	ri->readings[ri->nreadings++] = *m;
	return 0;
}

/* The reading of house_id among ri's, or NULL. */
static const struct meter_reading *
find_reading(const struct run_item *ri, int64_t house_id)
{
	int lo = 0, hi = ri->nreadings - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (ri->readings[mid].house_id == house_id)
			return &ri->readings[mid];
		if (ri->readings[mid].house_id < house_id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

static void
run_items_free(struct bill_op *op)
{
	int i;

	for (i = 0; i < op->nitems; i++) {
		fee_item_release(&op->items[i].it);
		free(op->items[i].readings);
	}
	FREE(&op->items);
	op->nitems = 0;
}

/* The items billed by period, each with its price and readings. */
static int
run_items(struct db *db, struct bill_op *op, const char *period,
    const char *first)
{
	struct fee_item_vec items = {0};
	const struct fee_standard *sd;
	struct fee_standard *std = NULL;
	struct run_item *ri;
	int i, nstd, rc;

	if ((rc = fee_db_items(db, 0, &items)) != 0)
		return rc;
	op->items = xcalloc((size_t)items.n + 1, sizeof *op->items);
	for (i = 0; i < items.n; i++) {
		if (items.v[i].kind != FEE_AREA &&
		    items.v[i].kind != FEE_METERED &&
		    items.v[i].kind != FEE_FIXED)
			continue;
		if ((rc = fee_db_standards(db, items.v[i].id, &std,
		    &nstd)) != 0)
			goto out;
		sd = fee_standard_at(std, nstd, first);
		if (sd == NULL) {
			op->run.no_standard++;
			FREE(&std);
			continue;
		}
		ri = &op->items[op->nitems];
		memset(ri, 0, sizeof *ri);
		ri->price_e4 = sd->price_e4;
		FREE(&std);
		if ((rc = fee_applies_parse(items.v[i].applies,
		    &ri->applies)) != 0)
			goto out;
		ri->it = items.v[i];
		memset(&items.v[i], 0, sizeof items.v[i]);
		op->nitems++;
		if (ri->it.kind == FEE_METERED &&
		    (rc = fee_db_each_reading(db, ri->it.id, period,
		    collect_reading, ri)) != 0)
			goto out;
	}
out:
	fee_item_vec_release(&items);
	return rc;
}

/* The bills of one house. */
static int
bill_house(struct db *db, struct bill_op *op, const struct bill_house *h,
    const char *period, const char *due, int64_t *credit)
{
	const struct meter_reading *m;
	struct fee_basis basis;
	struct bill b;
	int64_t id, apply;
	int i, made, rc;

	for (i = 0; i < op->nitems; i++) {
		const struct run_item *ri = &op->items[i];

		if (!fee_applies_match(&ri->applies, &h->no, h->use))
			continue;
		memset(&basis, 0, sizeof basis);
		basis.kind = ri->it.kind;
		basis.price_e4 = ri->price_e4;
		basis.area_centi = h->area_centi;
		if (ri->it.kind == FEE_METERED) {
			if ((m = find_reading(ri, h->id)) == NULL) {
				op->run.no_reading++;
				continue;
			}
			if ((rc = fee_usage(&m->r, &basis.usage_centi)) != 0)
				return rc;
		}
		memset(&b, 0, sizeof b);
		b.house_id = h->id;
		b.item_id = ri->it.id;
		snprintf(b.period, sizeof b.period, "%s", period);
		snprintf(b.due, sizeof b.due, "%s", due);
		b.price_e4 = ri->price_e4;
		if ((rc = fee_line_amount(&basis, &b.qty_centi,
		    &b.amount_fen)) != 0)
			return rc;
		if (b.amount_fen == 0)
			continue; /* nothing to pay: no bill */
		if ((rc = fee_db_bill_insert(db, &b, &id, &made)) != 0)
			return rc;
		if (!made) {
			op->run.existing++;
			continue;
		}
		op->run.created++;
		op->run.total_fen += b.amount_fen;
		if (*credit <= 0)
			continue;
		apply = *credit < b.amount_fen ? *credit : b.amount_fen;
		if ((rc = payment_db_credit_add(db, h->id, -apply,
		    CREDIT_APPLY, 0, id, op->day)) != 0 ||
		    (rc = fee_db_bill_pay(db, id, apply)) != 0)
			return rc;
		*credit -= apply;
		op->run.credit_fen += apply;
	}
	return 0;
}

/* The credit of house_id among v[0..n) (by house id), or 0. */
static int64_t
find_credit(const struct house_credit *v, int n, int64_t house_id)
{
	int lo = 0, hi = n - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (v[mid].house_id == house_id)
			return v[mid].fen;
		if (v[mid].house_id < house_id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

static int
bill_tx(struct db *db, void *arg)
{
	struct bill_op *op = arg;
	struct bill_house *hs = NULL;
	struct house_credit *cr = NULL;
	struct fd_date first, due;
	char period[DATE_PERIOD_BUFSZ], firstday[DATE_BUFSZ], dueday[DATE_BUFSZ];
	char t[MONEY_BUFSZ], c[MONEY_BUFSZ];
	int64_t credit, before;
	int nh = 0, ncr = 0, i, rc;

	memset(&op->run, 0, sizeof op->run);
	run_items_free(op);
	date_period_format(period, sizeof period, &op->p);
	snprintf(op->run.period, sizeof op->run.period, "%s", period);
	date_period_first(&op->p, &first);
	date_format(firstday, sizeof firstday, &first);
	if ((rc = fee_due_date(&op->p, op->s->cfg != NULL ?
	    op->s->cfg->fee_due_days : 15, &due)) != 0)
		return rc;
	date_format(dueday, sizeof dueday, &due);
	if ((rc = run_items(db, op, period, firstday)) != 0 ||
	    (rc = fee_db_bill_houses(db, &hs, &nh)) != 0 ||
	    (rc = payment_db_credits(db, &cr, &ncr)) != 0)
		goto out;
	for (i = 0; i < nh; i++) {
		if (op->progress != NULL && i % PROGRESS_EVERY == 0 &&
		    op->progress(op->arg, i, nh) != 0) {
			rc = err_set(ERR_STATE, _("bill run cancelled: no bills "
						  "were made"));
			goto out;
		}
		credit = before = find_credit(cr, ncr, hs[i].id);
		if ((rc = bill_house(db, op, &hs[i], period, dueday,
		    &credit)) != 0)
			goto out;
		if (credit < before)
			op->run.credited++;
		op->run.houses++;
	}
	if (op->progress != NULL && op->progress(op->arg, nh, nh) != 0) {
		rc = err_set(ERR_STATE, _("bill run cancelled: no bills were "
					  "made"));
		goto out;
	}
	rc = svc_audit(db, op->s, "bill.generate", "period", 0,
	    "bills of %s: %lld made (%s), %lld there already, %lld houses "
	    "without a reading, %lld items without a price; credit applied %s "
	    "to %lld houses", period, (long long)op->run.created,
	    yuan(t, op->run.total_fen), (long long)op->run.existing,
	    (long long)op->run.no_reading, (long long)op->run.no_standard,
	    yuan(c, op->run.credit_fen), (long long)op->run.credited);
out:
	free(hs);
	free(cr);
	run_items_free(op);
	return rc;
}

int
svc_bill_generate(struct session *s, const char *period,
    svc_progress_fn progress, void *arg, struct bill_run *out)
{
	struct bill_op op;
	struct fd_date now;
	char buf[DATE_PERIOD_BUFSZ];
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.progress = progress;
	op.arg = arg;
	if ((rc = session_require(s, PERM_FEE_SETUP)) != 0 ||
	    (rc = parse_period(period, buf, &op.p)) != 0)
		return rc;
	date_today(&now);
	if ((rc = fee_period_billable(&op.p, &now)) != 0)
		return rc;
	today(op.day);
	if ((rc = db_tx(s->db, bill_tx, &op)) != 0)
		return rc;
	if (out != NULL)
		*out = op.run;
	return 0;
}

/* A one-off charge. */
struct once_op {
	struct session *s;
	int64_t house_id;
	int64_t item_id;
	struct fd_period p;
	int due_days;
	int64_t bill_id;
};

static int
once_tx(struct db *db, void *arg)
{
	struct once_op *op = arg;
	struct fee_item it = {0};
	struct house h = {0};
	struct fee_standard *std = NULL;
	const struct fee_standard *sd;
	struct fee_basis basis;
	struct fd_date first, due;
	struct bill b;
	char day[DATE_BUFSZ], a[MONEY_BUFSZ], c[MONEY_BUFSZ];
	int64_t credit = 0, apply;
	int nstd = 0, made, rc;

	op->bill_id = 0;
	if ((rc = fee_db_item_get(db, op->item_id, &it)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("fee item not found"));
	if (rc != 0)
		goto out;
	if (it.kind != FEE_ONCE) {
		rc = err_set(ERR_INVALID, _("%s is not a one-off fee"),
		    it.name);
		goto out;
	}
	if ((rc = house_db_get(db, op->house_id, &h)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("house not found"));
	if (rc != 0 || (rc = fee_db_standards(db, it.id, &std, &nstd)) != 0)
		goto out;
	memset(&b, 0, sizeof b);
	date_period_first(&op->p, &first);
	date_format(day, sizeof day, &first);
	if ((sd = fee_standard_at(std, nstd, day)) == NULL) {
		rc = err_set(ERR_INVALID, _("%s has no price in force on %s"),
		    it.name, day);
		goto out;
	}
	memset(&basis, 0, sizeof basis);
	basis.kind = FEE_ONCE;
	basis.price_e4 = sd->price_e4;
	if ((rc = fee_line_amount(&basis, &b.qty_centi, &b.amount_fen)) != 0 ||
	    (rc = fee_due_date(&op->p, op->due_days, &due)) != 0)
		goto out;
	if (b.amount_fen == 0) {
		rc = err_set(ERR_INVALID, _("%s costs nothing on %s"), it.name,
		    day);
		goto out;
	}
	b.house_id = h.id;
	b.item_id = it.id;
	b.price_e4 = sd->price_e4;
	date_period_format(b.period, sizeof b.period, &op->p);
	date_format(b.due, sizeof b.due, &due);
	if ((rc = fee_db_bill_insert(db, &b, &op->bill_id, &made)) != 0)
		goto out;
	if (!made) {
		rc = err_set(ERR_CONFLICT, _("house %s has %s for %s already"),
		    h.code, it.name, b.period);
		goto out;
	}
	/* the house's credit pays it, as it pays bills of a period */
	if ((rc = payment_db_credit(db, h.id, &credit)) != 0)
		goto out;
	apply = credit < b.amount_fen ? credit : b.amount_fen;
	today(day);
	if (apply > 0 && ((rc = payment_db_credit_add(db, h.id, -apply,
	    CREDIT_APPLY, 0, op->bill_id, day)) != 0 ||
	    (rc = fee_db_bill_pay(db, op->bill_id, apply)) != 0))
		goto out;
	rc = svc_audit(db, op->s, "bill.once", "house", h.id,
	    "%s %s charged to %s: %s, due %s%s%s", b.period, it.name, h.code,
	    yuan(a, b.amount_fen), b.due, apply > 0 ? "; credit applied " :
	    "", apply > 0 ? yuan(c, apply) : "");
out:
	free(std);
	house_release(&h);
	fee_item_release(&it);
	return rc;
}

int
svc_bill_once(struct session *s, int64_t house_id, int64_t item_id,
    const char *period, int64_t *bill_id)
{
	struct once_op op;
	char buf[DATE_PERIOD_BUFSZ];
	struct fd_date now;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.house_id = house_id;
	op.item_id = item_id;
	op.due_days = s->cfg != NULL ? s->cfg->fee_due_days : 15;
	if ((rc = require_either(s, PERM_FEE_SETUP, PERM_FEE_COLLECT)) != 0 ||
	    (rc = parse_period(period, buf, &op.p)) != 0)
		return rc;
	date_today(&now);
	if ((rc = fee_period_billable(&op.p, &now)) != 0 ||
	    (rc = db_tx(s->db, once_tx, &op)) != 0)
		return rc;
	if (bill_id != NULL)
		*bill_id = op.bill_id;
	return 0;
}

/* A late-fee run. */
struct late_op {
	struct session *s;
	int64_t house_id;
	struct fee_late_rule rule;
	char day[DATE_BUFSZ];
	struct late_run run;
};

static int
late_tx(struct db *db, void *arg)
{
	struct late_op *op = arg;
	struct bill_vec v = {0};
	char last[DATE_BUFSZ], t[MONEY_BUFSZ];
	struct bill b;
	int64_t item, fee;
	int32_t days;
	int i, made, rc;

	memset(&op->run, 0, sizeof op->run);
	if ((rc = fee_db_late_item(db, &item)) != 0 ||
	    (rc = fee_db_bills_overdue(db, op->house_id, op->day, &v)) != 0)
		goto out;
	for (i = 0; i < v.n; i++) {
		const struct bill *o = &v.v[i];

		if ((rc = fee_db_late_last(db, o->id, last)) != 0 ||
		    (rc = fee_late_fee(o->amount_fen - o->paid_fen, o->due,
		    last, op->day, &op->rule, &fee, &days)) != 0)
			goto out;
		if (fee <= 0)
			continue;
		memset(&b, 0, sizeof b);
		b.house_id = o->house_id;
		b.item_id = item;
		snprintf(b.period, sizeof b.period, "%s", o->period);
		b.qty_centi = (int64_t)days * 100;
		b.price_e4 = op->rule.rate_per_10000;
		b.amount_fen = fee;
		snprintf(b.due, sizeof b.due, "%s", op->day);
		b.late_of = o->id;
		snprintf(b.late_to, sizeof b.late_to, "%s", op->day);
		if ((rc = fee_db_bill_insert(db, &b, NULL, &made)) != 0)
			goto out;
		if (made) {
			op->run.bills++;
			op->run.total_fen += fee;
		}
	}
	rc = svc_audit(db, op->s, "late.charge", op->house_id ? "house" :
	    "bills", op->house_id, "late fees up to %s: %lld lines, %s "
	    "(%d per 10000 a day after %d days)", op->day,
	    (long long)op->run.bills, yuan(t, op->run.total_fen),
	    op->rule.rate_per_10000, op->rule.grace_days);
out:
	bill_vec_release(&v);
	return rc;
}

int
svc_late_fees(struct session *s, int64_t house_id, struct late_run *out)
{
	struct late_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.house_id = house_id;
	rc = house_id > 0 ? require_either(s, PERM_FEE_COLLECT,
	    PERM_FEE_SETUP) : session_require(s, PERM_FEE_SETUP);
	if (rc != 0)
		return rc;
	late_rule(s, &op.rule);
	if (!op.rule.enabled)
		return err_set(ERR_STATE, _("late fees are off; turn them on "
					    "with [fees] late_fee = yes"));
	today(op.day);
	if ((rc = db_tx(s->db, late_tx, &op)) != 0)
		return rc;
	if (out != NULL)
		*out = op.run;
	return 0;
}

/* ---- arrears and reminders --------------------------------------------- */

void
arrears_report_release(struct arrears_report *r)
{
	int i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nhouses; i++)
		free(r->houses[i].owners);
	free(r->houses);
	for (i = 0; i < r->nbuildings; i++)
		free(r->buildings[i].name);
	free(r->buildings);
	for (i = 0; i < r->nitems; i++)
		free(r->items[i].name);
	free(r->items);
	memset(r, 0, sizeof *r);
}

/* An arrears read. */
struct arrears_op {
	const struct arrears_filter *f;
	struct arrears_report *out;
	int cap_h, cap_b, cap_i;
	int64_t last_house;   /* the house the last bill counted was of */
	int64_t *kept;        /* pass 2: the houses listed, ascending */
	int nkept;
	int64_t *last_b;      /* pass 2: per building group, the house */
	int64_t *last_i;      /* ... per item group, counted last */
	int nlast_b, nlast_i;
};

/* 1 when house id is among the listed ones (pass 2). */
static int
arrears_kept(const struct arrears_op *op, int64_t id)
{
	int lo = 0, hi = op->nkept - 1, mid;

	while (lo <= hi) {
		mid = (lo + hi) / 2;
		if (op->kept[mid] == id)
			return 1;
		if (op->kept[mid] < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return 0;
}

/* The group of key in *v (n, cap), added when missing. */
static struct arrears_group *
group_of(struct arrears_group **v, int *n, int *cap, int64_t key)
{
	int i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].key == key)
			return &(*v)[i];
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*v = xreallocarray(*v, (size_t)*cap, sizeof **v);
	}
	memset(&(*v)[*n], 0, sizeof **v);
	(*v)[*n].key = key;
	return &(*v)[(*n)++];
}

/*
 * Count house in group g (index k) once: the bills come house by house,
 * so each group remembers the house it counted last (*last, grown here).
 * A house owing on two items counts in both.
 */
static void
count_house(int64_t **last, int *nlast, int k, int64_t house,
    struct arrears_group *g)
{
	int i;

	if (k >= *nlast) {
		*last = xreallocarray(*last, (size_t)k + 16, sizeof **last);
		for (i = *nlast; i < k + 16; i++)
			(*last)[i] = -1;
		*nlast = k + 16;
	}
	if ((*last)[k] != house)
		g->houses++;
	(*last)[k] = house;
}

/*
 * Pass 2: the bills of the houses listed, added up by building and item
 * (so the groups and the total agree with the list).
 */
static int
arrears_group_bill(const struct arrears_bill *b, void *arg)
{
	struct arrears_op *op = arg;
	struct arrears_report *r = op->out;
	struct arrears_group *g;

	if (!arrears_kept(op, b->house_id))
		return 0;
	g = group_of(&r->buildings, &r->nbuildings, &op->cap_b, b->building);
	count_house(&op->last_b, &op->nlast_b, (int)(g - r->buildings),
	    b->house_id, g);
	fee_ageing_add(&g->age, b->open_fen, b->due, r->day);
	g = group_of(&r->items, &r->nitems, &op->cap_i, b->item_id);
	count_house(&op->last_i, &op->nlast_i, (int)(g - r->items),
	    b->house_id, g);
	fee_ageing_add(&g->age, b->open_fen, b->due, r->day);
	fee_ageing_add(&r->total, b->open_fen, b->due, r->day);
	return 0;
}

static int
arrears_bill(const struct arrears_bill *b, void *arg)
{
	struct arrears_op *op = arg;
	struct arrears_report *r = op->out;
	struct arrears_house *h;

	if (op->f->house_id != 0 && b->house_id != op->f->house_id)
		return 0;
	if (b->house_id != op->last_house) {
		if (r->nhouses == op->cap_h) {
			op->cap_h = op->cap_h ? op->cap_h * 2 : 64;
			r->houses = xreallocarray(r->houses,
			    (size_t)op->cap_h, sizeof *r->houses);
		}
		h = &r->houses[r->nhouses++];
		memset(h, 0, sizeof *h);
		h->house_id = b->house_id;
		h->building = b->building;
		h->stage = -1;
		snprintf(h->oldest_due, sizeof h->oldest_due, "%s", b->due);
		op->last_house = b->house_id;
	}
	h = &r->houses[r->nhouses - 1];
	h->nbills++;
	if (strcmp(b->due, h->oldest_due) < 0)
		snprintf(h->oldest_due, sizeof h->oldest_due, "%s", b->due);
	fee_ageing_add(&h->age, b->open_fen, b->due, r->day);
	return 0;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* 1 when h owes something at least min_age old. */
static int
old_enough(const struct arrears_house *h, int min_age)
{
	int b;

	for (b = min_age < 0 ? 0 : min_age; b < AGE_COUNT; b++)
		if (h->age.fen[b] > 0)
			return 1;
	return 0;
}

/* Names, house numbers, stages, the filter by age; item and houses counts. */
static int
arrears_finish(struct db *db, struct arrears_op *op)
{
	struct arrears_report *r = op->out;
	struct fee_item_vec items = {0};
	struct house h = {0};
	char buf[16];
	int i, k, rc;

	for (i = 0; i < r->nhouses; i++) {
		struct arrears_house *a = &r->houses[i];

		if ((rc = house_db_get(db, a->house_id, &h)) != 0)
			return rc;
		snprintf(a->code, sizeof a->code, "%s", h.code);
		house_release(&h);
		if ((rc = fee_db_owner_names(db, a->house_id,
		    &a->owners)) != 0 ||
		    (rc = payment_db_stage(db, a->house_id, a->oldest_due,
		    &a->stage, a->last_reminder)) != 0)
			return rc;
	}
	for (i = 0; i < r->nbuildings; i++) {
		snprintf(buf, sizeof buf, "%lld",
		    (long long)r->buildings[i].key);
		r->buildings[i].name = xstrdup(buf);
	}
	if ((rc = fee_db_items(db, 1, &items)) != 0)
		return rc;
	for (i = 0; i < r->nitems; i++) {
		for (k = 0; k < items.n; k++)
			if (items.v[k].id == r->items[i].key)
				break;
		r->items[i].name = xstrdup(k < items.n ? items.v[k].name :
		    "?");
	}
	fee_item_vec_release(&items);
	return 0;
}

static int
arrears_read(struct db *db, void *arg)
{
	struct arrears_op *op = arg;
	int i, rc;

	if ((rc = fee_db_each_open(db, op->f->building, op->f->item_id,
	    arrears_bill, op)) != 0)
		return rc;
	/* the houses old enough, then the groups of just those */
	for (i = rc = 0; i < op->out->nhouses; i++) {
		if (!old_enough(&op->out->houses[i], op->f->min_age))
			continue;
		op->out->houses[rc++] = op->out->houses[i];
	}
	op->out->nhouses = rc;
	op->kept = xreallocarray(NULL, (size_t)rc + 1, sizeof *op->kept);
	for (i = 0; i < rc; i++)
		op->kept[i] = op->out->houses[i].house_id;
	op->nkept = rc;
	qsort(op->kept, (size_t)rc, sizeof *op->kept, cmp_id);
	rc = fee_db_each_open(db, op->f->building, op->f->item_id,
	    arrears_group_bill, op);
	FREE(&op->kept);
	FREE(&op->last_b);
	FREE(&op->last_i);
	op->nlast_b = op->nlast_i = 0;
	if (rc != 0)
		return rc;
	return arrears_finish(db, op);
}

int
svc_arrears(struct session *s, const struct arrears_filter *f,
    struct arrears_report *out)
{
	struct arrears_filter all = {0, 0, 0, AGE_0_30};
	struct arrears_op op;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&op, 0, sizeof op);
	op.f = f != NULL ? f : &all;
	op.out = out;
	op.last_house = -1;
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0)
		return rc;
	today(out->day);
	if ((rc = db_read(s->db, arrears_read, &op)) != 0)
		arrears_report_release(out);
	return rc;
}

int
svc_arrears_grid(struct session *s, int building, int64_t **ids, int *n)
{
	char day[DATE_BUFSZ];
	int rc;

	*ids = NULL;
	*n = 0;
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0)
		return rc;
	today(day);
	return fee_db_houses_in_arrears(s->db, building, day, ids, n);
}

/* A reminder being logged. */
struct remind_op {
	struct session *s;
	struct reminder r;
	const char *note;  /* summary addition ("notice printed to ...") */
	int64_t id;
};

static int
remind_tx(struct db *db, void *arg)
{
	struct remind_op *op = arg;
	struct house h = {0};
	int rc;

	if ((rc = house_db_get(db, op->r.house_id, &h)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("house not found"));
	if (rc != 0 ||
	    (rc = payment_db_reminder_insert(db, &op->r, &op->id)) != 0)
		goto out;
	rc = svc_audit(db, op->s, "reminder.add", "house", h.id,
	    "reminder of %s by %s on %s: %s%s", h.code,
	    fee_code(FEE_SET_REMIND, (int)op->r.method), op->r.day,
	    op->r.result[0] != '\0' ? op->r.result : "-",
	    op->note != NULL ? op->note : "");
out:
	house_release(&h);
	return rc;
}

int
svc_reminder_add(struct session *s, int64_t house_id, const char *method,
    const char *result, int64_t *id)
{
	struct remind_op op;
	int m, rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0)
		return rc;
	if (text_blank(method))
		return err_set(ERR_INVALID, _("choose how the house was "
					      "reminded: notice, phone, visit "
					      "or letter"));
	if ((rc = fee_parse(FEE_SET_REMIND, method, &m)) != 0 ||
	    (rc = fee_text_clean(result, 0, _("result"), &op.r.result)) != 0)
		return rc;
	op.r.house_id = house_id;
	op.r.method = (enum remind_method)m;
	op.r.user_id = s->user_id;
	today(op.r.day);
	if ((rc = db_tx(s->db, remind_tx, &op)) == 0 && id != NULL)
		*id = op.id;
	free(op.r.result);
	return rc;
}

int
svc_reminders(struct session *s, int64_t house_id, struct reminder_vec *out)
{
	int rc;

	out->v = NULL;
	out->n = 0;
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0)
		return rc;
	return payment_db_reminders(s->db, house_id, out);
}

/* A notice being laid out. */
struct notice_op {
	const struct session *s;
	int64_t house_id;
	struct strbuf *out;
	char code[HOUSENO_BUFSZ];
};

static int
notice_read(struct db *db, void *arg)
{
	struct notice_op *op = arg;
	struct bill_vec open = {0};
	struct notice_line *lines = NULL;
	struct house h = {0};
	struct notice n;
	char *owners = NULL, day[DATE_BUFSZ];
	int i, rc;

	if ((rc = house_db_get(db, op->house_id, &h)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("house not found"));
	if (rc != 0 || (rc = fee_db_owner_names(db, h.id, &owners)) != 0 ||
	    (rc = fee_db_bills_open(db, h.id, &open)) != 0)
		goto out;
	snprintf(op->code, sizeof op->code, "%s", h.code);
	if (open.n == 0) {
		rc = err_set(ERR_STATE, _("house %s owes nothing"), h.code);
		goto out;
	}
	lines = xreallocarray(NULL, (size_t)open.n, sizeof *lines);
	for (i = 0; i < open.n; i++) {
		lines[i].item = open.v[i].item_name;
		lines[i].period = open.v[i].period;
		lines[i].due = open.v[i].due;
		lines[i].open_fen = open.v[i].amount_fen - open.v[i].paid_fen;
	}
	today(day);
	memset(&n, 0, sizeof n);
	n.heading = op->s->cfg != NULL ? op->s->cfg->printer_heading : "";
	n.house = h.code;
	n.owner = owners;
	n.day = day;
	n.lines = lines;
	n.nlines = open.n;
	rc = notice_render(&n, op->s->cfg != NULL ? op->s->cfg->printer_width :
	    32, op->out);
out:
	free(lines);
	free(owners);
	bill_vec_release(&open);
	house_release(&h);
	return rc;
}

int
svc_notice_text(struct session *s, int64_t house_id, struct strbuf *out)
{
	struct notice_op op = {s, house_id, out, ""};
	int rc;

	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0)
		return rc;
	return db_read(s->db, notice_read, &op);
}

int
svc_notice_print(struct session *s, int64_t house_id,
    struct print_result *out)
{
	struct strbuf text = STRBUF_INIT, note = STRBUF_INIT;
	struct notice_op nop = {s, house_id, &text, ""};
	struct remind_op op;
	const struct config *cfg = s->cfg;
	char path[512], name[96], day[DATE_BUFSZ];
	const char *dbp, *slash;
	int rc, to_file;

	memset(&op, 0, sizeof op);
	if (out != NULL)
		memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0 ||
	    (rc = db_read(s->db, notice_read, &nop)) != 0)
		goto out;
	today(day);
	snprintf(name, sizeof name, "notice-%s-%s.txt", nop.code, day);
	dbp = db_path(s->db);
	slash = strrchr(dbp, '/');
	if (slash == NULL)
		snprintf(path, sizeof path, "receipts/%s", name);
	else
		snprintf(path, sizeof path, "%.*s/receipts/%s",
		    (int)(slash - dbp), dbp, name);
	to_file = cfg == NULL || cfg->printer_command == NULL ||
	    cfg->printer_command[0] == '\0';
	if ((rc = spool_send(text.buf, cfg != NULL ? cfg->printer_encoding :
	    NULL, cfg != NULL ? cfg->printer_command : NULL, path, 0)) != 0)
		goto out;
	op.s = s;
	op.r.house_id = house_id;
	op.r.method = REMIND_NOTICE;
	op.r.user_id = s->user_id;
	op.r.result = xstrdup("");
	snprintf(op.r.day, sizeof op.r.day, "%s", day);
	if (to_file)
		strbuf_addf(&note, "; notice saved as %s", path);
	else
		strbuf_adds(&note, "; notice printed");
	op.note = note.buf;
	if ((rc = db_tx(s->db, remind_tx, &op)) != 0)
		goto out;
	if (out != NULL && to_file)
		snprintf(out->path, sizeof out->path, "%s", path);
out:
	free(op.r.result);
	strbuf_release(&text);
	strbuf_release(&note);
	return rc;
}

/* ---- a house's fees ---------------------------------------------------- */

void
house_fees_release(struct house_fees *f)
{
	if (f == NULL)
		return;
	bill_vec_release(&f->bills);
	payment_vec_release(&f->payments);
	reminder_vec_release(&f->reminders);
	memset(f, 0, sizeof *f);
}

/* A house-fees read. */
struct fees_op {
	int64_t house_id;
	struct house_fees *out;
};

static int
fees_read(struct db *db, void *arg)
{
	struct fees_op *op = arg;
	struct house_fees *f = op->out;
	struct house h = {0};
	int i, rc;

	house_fees_release(f);
	if ((rc = house_db_get(db, op->house_id, &h)) == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("house not found"));
	house_release(&h);
	if (rc != 0 ||
	    (rc = fee_db_bills_of_house(db, op->house_id, 0, &f->bills)) != 0 ||
	    (rc = payment_db_of_house(db, op->house_id, 0,
	    &f->payments)) != 0 ||
	    (rc = payment_db_reminders(db, op->house_id, &f->reminders)) != 0 ||
	    (rc = payment_db_credit(db, op->house_id, &f->credit_fen)) != 0)
		return rc;
	for (i = 0; i < f->bills.n; i++)
		f->open_fen += f->bills.v[i].amount_fen - f->bills.v[i].paid_fen;
	return 0;
}

int
svc_house_fees(struct session *s, int64_t house_id, struct house_fees *out)
{
	struct fees_op op = {house_id, out};
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_FEE_VIEW)) != 0)
		return rc;
	if ((rc = db_read(s->db, fees_read, &op)) != 0)
		house_fees_release(out);
	return rc;
}

/* ---- reports ----------------------------------------------------------- */

static void
lines_release(struct month_line *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

void
monthly_report_release(struct monthly_report *r)
{
	if (r == NULL)
		return;
	lines_release(r->cells, r->ncells);
	lines_release(r->items, r->nitems);
	lines_release(r->buildings, r->nbuildings);
	memset(r, 0, sizeof *r);
}

/* The total line of key in *v (n), added when missing. */
static struct month_line *
line_of(struct month_line **v, int *n, int64_t item, int building,
    const char *name)
{
	int i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].item_id == item && (*v)[i].building == building)
			return &(*v)[i];
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof **v);
	memset(&(*v)[*n], 0, sizeof **v);
	(*v)[*n].item_id = item;
	(*v)[*n].building = building;
	(*v)[*n].name = xstrdup(name);
	return &(*v)[(*n)++];
}

/* Building lines by number. */
static int
line_building_cmp(const void *a, const void *b)
{
	const struct month_line *x = a, *y = b;

	return (x->building > y->building) - (x->building < y->building);
}

/* A monthly report read. */
struct month_op {
	struct fd_period p;
	struct monthly_report *out;
};

static int
month_read(struct db *db, void *arg)
{
	struct month_op *op = arg;
	struct monthly_report *r = op->out;
	struct fee_item_vec items = {0};
	struct month_cell *c = NULL;
	struct month_line *l;
	struct fd_date d;
	char first[DATE_BUFSZ], last[DATE_BUFSZ], bname[16];
	const char *iname;
	int64_t open_now = 0, since = 0;
	int nc = 0, i, k, rc;

	if ((rc = fee_db_month_cells(db, r->period, &c, &nc)) != 0 ||
	    (rc = fee_db_items(db, 1, &items)) != 0)
		goto out;
	for (i = 0; i < nc; i++) {
		for (k = 0; k < items.n; k++)
			if (items.v[k].id == c[i].item_id)
				break;
		iname = k < items.n ? items.v[k].name : "?";
		snprintf(bname, sizeof bname, "%d", c[i].building);
		l = line_of(&r->cells, &r->ncells, c[i].item_id, c[i].building,
		    iname);
		l->bills = c[i].bills;
		l->billed_fen = c[i].billed_fen;
		l->paid_fen = c[i].paid_fen;
		l = line_of(&r->items, &r->nitems, c[i].item_id, 0, iname);
		l->bills += c[i].bills;
		l->billed_fen += c[i].billed_fen;
		l->paid_fen += c[i].paid_fen;
		l = line_of(&r->buildings, &r->nbuildings, 0, c[i].building,
		    bname);
		l->bills += c[i].bills;
		l->billed_fen += c[i].billed_fen;
		l->paid_fen += c[i].paid_fen;
		r->billed_fen += c[i].billed_fen;
		r->paid_fen += c[i].paid_fen;
	}
	if (r->nbuildings > 1)
		qsort(r->buildings, (size_t)r->nbuildings, sizeof *r->buildings,
		    line_building_cmp);
	if ((rc = fee_db_month_households(db, r->period, &r->households,
	    &r->households_paid)) != 0)
		goto out;
	date_period_first(&op->p, &d);
	date_format(first, sizeof first, &d);
	date_period_last(&op->p, &d);
	date_format(last, sizeof last, &d);
	/* at the start = open now + what was paid on them since */
	if ((rc = fee_db_old_arrears(db, r->period, first, "9999-12-31",
	    &open_now, &since)) != 0 ||
	    (rc = fee_db_old_arrears(db, r->period, first, last, &open_now,
	    &r->old_paid_fen)) != 0)
		goto out;
	r->old_open_fen = open_now + since;
out:
	free(c);
	fee_item_vec_release(&items);
	return rc;
}

int
svc_report_monthly(struct session *s, const char *period,
    struct monthly_report *out)
{
	struct month_op op;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&op, 0, sizeof op);
	op.out = out;
	if ((rc = session_require(s, PERM_REPORTS)) != 0 ||
	    (rc = parse_period(period, out->period, &op.p)) != 0)
		return rc;
	if ((rc = db_read(s->db, month_read, &op)) != 0)
		monthly_report_release(out);
	return rc;
}

void
daily_report_release(struct daily_report *r)
{
	int i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		close_view_release(&r->rows[i]);
	free(r->rows);
	memset(r, 0, sizeof *r);
}

/* Add the sums b into a. */
static void
sums_add(struct day_sums *a, const struct day_sums *b)
{
	int i;

	if (b->n > 0 && (a->n == 0 || b->first_seq < a->first_seq)) {
		a->first_year = b->first_year;
		a->first_seq = b->first_seq;
	}
	if (b->n > 0 && (a->n == 0 || b->last_seq > a->last_seq)) {
		a->last_year = b->last_year;
		a->last_seq = b->last_seq;
	}
	a->n += b->n;
	for (i = 0; i < PAY_METHOD_COUNT; i++)
		a->by_method[i] += b->by_method[i];
	a->total_fen += b->total_fen;
	a->tendered_fen += b->tendered_fen;
	a->change_fen += b->change_fen;
	a->nvoids += b->nvoids;
	a->void_fen += b->void_fen;
	a->refund_fen += b->refund_fen;
}

int
svc_report_daily(struct session *s, const char *day, const char *cashier,
    struct daily_report *out)
{
	struct user_row u = {0};
	int64_t *ids = NULL, one = 0;
	int n = 0, i, rc, all;

	memset(out, 0, sizeof *out);
	all = session_may(s, PERM_REPORTS);
	if (!all && (rc = require_either(s, PERM_FEE_CLOSE_DAY,
	    PERM_REPORTS)) != 0)
		return rc;
	if (cashier != NULL && !text_blank(cashier)) {
		if ((rc = user_db_get(s->db, cashier, &u)) == ERR_NOTFOUND)
			rc = err_set(ERR_NOTFOUND, _("no account called %s"),
			    cashier);
		one = u.id;
		user_row_release(&u);
		if (rc != 0)
			return rc;
	}
	if (!all) {
		if (one != 0 && one != s->user_id)
			return session_require(s, PERM_REPORTS);
		one = s->user_id;
	}
	if ((rc = parse_day(day, out->day)) != 0)
		return rc;
	if (one != 0) {
		ids = xmalloc(sizeof *ids);
		ids[0] = one;
		n = 1;
	} else if ((rc = payment_db_cashiers_of_day(s->db, out->day, &ids,
	    &n)) != 0) {
		return rc;
	}
	out->rows = xcalloc((size_t)n + 1, sizeof *out->rows);
	for (i = 0; i < n; i++) {
		if ((rc = svc_close_view(s, out->day, ids[i],
		    &out->rows[out->n])) != 0)
			break;
		sums_add(&out->total, &out->rows[out->n].sums);
		out->n++;
	}
	free(ids);
	if (rc != 0)
		daily_report_release(out);
	return rc;
}

/* ---- exports ----------------------------------------------------------- */

/* An export and its count. */
struct export_op {
	struct session *s;
	int (*bill_fn)(const struct bill *b, void *arg);
	int (*pay_fn)(const struct payment *p, void *arg);
	void *arg;
	int64_t rows;
	const char *what;
};

static int
export_bill(const struct bill *b, void *arg)
{
	struct export_op *op = arg;

	op->rows++;
	return op->bill_fn(b, op->arg);
}

static int
export_pay(const struct payment *p, void *arg)
{
	struct export_op *op = arg;

	op->rows++;
	return op->pay_fn(p, op->arg);
}

static int
export_read(struct db *db, void *arg)
{
	struct export_op *op = arg;

	op->rows = 0;
	if (op->bill_fn != NULL)
		return fee_db_each_bill(db, export_bill, op);
	return payment_db_each(db, NULL, NULL, export_pay, op);
}

static int
export_audit_tx(struct db *db, void *arg)
{
	struct export_op *op = arg;

	return svc_audit(db, op->s, op->what, "export", 0, "%s, %lld rows",
	    op->what, (long long)op->rows);
}

/* Run an export read, then audit it (also when it stopped half-way). */
static int
export_run(struct export_op *op)
{
	int rc, rc2;

	if ((rc = session_require(op->s, PERM_FEE_VIEW)) != 0)
		return rc;
	rc = db_read(op->s->db, export_read, op);
	rc2 = db_tx(op->s->db, export_audit_tx, op);
	return rc != 0 ? rc : rc2;
}

int
svc_bill_export(struct session *s, int (*fn)(const struct bill *b, void *arg),
    void *arg)
{
	struct export_op op = {s, fn, NULL, arg, 0, "export.bills"};

	return export_run(&op);
}

int
svc_payment_export(struct session *s,
    int (*fn)(const struct payment *p, void *arg), void *arg)
{
	struct export_op op = {s, NULL, fn, arg, 0, "export.payments"};

	return export_run(&op);
}
