/*
 * svc_admin.c: backups, the integrity check and its invariants, the demo
 * accounts.
 */
#include "svc/svc_admin.h"

#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "db/audit_db.h"
#include "db/db.h"
#include "db/finder_db.h"
#include "db/house_db.h"
#include "db/owner_db.h"
#include "db/payment_db.h"
#include "db/request_db.h"
#include "db/user_db.h"
#include "svc/audit.h"
#include "svc/session.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/strbuf.h"

const char *const svc_demo_users[] = {
	"admin", "director", "reception", "cashier", "cashier2", NULL,
};

/* The demo staff: login name, display name, role. */
static const struct {
	const char *name, *display, *role;
} demo_staff[] = {
	{"admin", "系统管理员", "admin"},
	{"director", "李主任", "director"},
	{"reception", "王丽", "receptionist"},
	{"cashier", "陈静", "cashier"},
	{"cashier2", "赵敏", "cashier"},
};

/* ---- backup ----------------------------------------------------------- */

struct backup_op {
	struct session *s;
	const char *path;
};

static int
backup_audit_tx(struct db *db, void *arg)
{
	struct backup_op *op = arg;

	return svc_audit(db, op->s, "backup", "database", 0, "backup to %s",
	    op->path);
}

int
svc_backup(struct session *s, const char *path, int force)
{
	struct backup_op op = {s, path};
	int rc;

	if ((rc = session_require(s, PERM_BACKUP)) != 0)
		return rc;
	if ((rc = db_backup(s->db, path, force)) != 0)
		return rc;
	return db_tx(s->db, backup_audit_tx, &op);
}

/* ---- check ------------------------------------------------------------ */

struct check_ctx {
	int full;
	struct strbuf *report;
};

static int
check_sqlite(struct db *db, struct check_ctx *c)
{
	int rc = db_integrity(db, c->full);

	if (rc == 0)
		strbuf_addf(c->report, _("%s: ok\n"),
		    c->full ? _("integrity check") : _("quick check"));
	return rc;
}

static int
check_audit(struct db *db, struct check_ctx *c)
{
	int64_t n;
	int rc = audit_db_verify(db, &n);

	if (rc == 0)
		strbuf_addf(c->report, _("audit chain: %lld rows intact\n"),
		    (long long)n);
	return rc;
}

static int
check_schema(struct db *db, struct check_ctx *c)
{
	int v = db_schema_version(db);

	if (v != db_schema_latest())
		return err_set(ERR_STATE, _("schema version is %d, expected %d"),
		    v, db_schema_latest());
	strbuf_addf(c->report, _("schema version: %d\n"), v);
	return 0;
}

/*
 * Household files: no owner holds one house in two overlapping periods, no
 * holding or occupancy ends before it began, nothing points at a missing
 * house or owner, the short-name search knows every current name.
 */
static int
check_household(struct db *db, struct check_ctx *c)
{
	int64_t overlaps, backwards, orphans, houses, owners, unindexed;
	int rc;

	if ((rc = owner_db_check(db, &overlaps, &backwards, &orphans)) != 0 ||
	    (rc = finder_db_check(db, &unindexed)) != 0 ||
	    (rc = house_db_count(db, &houses)) != 0 ||
	    (rc = owner_db_count(db, &owners)) != 0)
		return rc;
	if (overlaps > 0)
		return err_set(ERR_STATE, _("%lld holdings overlap another "
					    "holding of the same owner and "
					    "house"), (long long)overlaps);
	if (backwards > 0)
		return err_set(ERR_STATE, _("%lld holdings or occupancies end "
					    "before they begin"),
		    (long long)backwards);
	if (orphans > 0)
		return err_set(ERR_STATE, _("%lld holdings or occupants point "
					    "at a missing house or owner"),
		    (long long)orphans);
	if (unindexed > 0)
		return err_set(ERR_STATE, _("%lld owners or occupants are "
					    "missing from the name search"),
		    (long long)unindexed);
	strbuf_addf(c->report, _("households: %lld houses, %lld owners, "
				 "holdings consistent\n"),
	    (long long)houses, (long long)owners);
	return 0;
}

/*
 * Service requests: each day's numbers run 1..N, every request has its
 * registration in the timeline, the first receiver is the registrar or the
 * last hand-over's receiver (首问责任制), nothing that needed a callback was
 * closed without one, no time runs backwards.  Holds past their date are
 * counted, not refused: they end the next time a desk reads the requests.
 */
static int
check_requests(struct db *db, struct check_ctx *c)
{
	struct request_check k;
	struct fd_date today;
	char day[DATE_BUFSZ];
	int rc;

	date_today(&today);
	date_format(day, sizeof day, &today);
	if ((rc = request_db_check(db, day, &k)) != 0)
		return rc;
	if (k.gaps > 0)
		return err_set(ERR_STATE, _("%lld days have request numbers "
					    "with a gap"), (long long)k.gaps);
	if (k.no_log > 0)
		return err_set(ERR_STATE, _("%lld requests have no registration "
					    "in their timeline"),
		    (long long)k.no_log);
	if (k.receiver > 0)
		return err_set(ERR_STATE, _("%lld requests have a first receiver "
					    "that no recorded hand-over gave "
					    "them"), (long long)k.receiver);
	if (k.closed_cb > 0)
		return err_set(ERR_STATE, _("%lld requests were closed without "
					    "the callback they needed"),
		    (long long)k.closed_cb);
	if (k.times > 0)
		return err_set(ERR_STATE, _("%lld requests have times out of "
					    "order or missing"),
		    (long long)k.times);
	strbuf_addf(c->report, _("requests: %lld, numbered without gaps, "
				 "first receivers and callbacks consistent\n"),
	    (long long)k.total);
	if (k.holds_due > 0)
		strbuf_addf(c->report, _("requests: %lld holds past their date "
					 "end when a desk next opens the "
					 "requests\n"), (long long)k.holds_due);
	return 0;
}

/*
 * Fees: receipt numbers gap-free in every year, each payment equal to its
 * lines plus the credit it kept, each bill's paid equal to what payments
 * not voided and credit applied gave it, no payment in a closed
 * cashier-day after its close, every close's expected cash what its day
 * gives, no house with a credit below zero.
 */
static int
check_fees(struct db *db, struct check_ctx *c)
{
	struct pay_check k;
	int rc;

	if ((rc = payment_db_check(db, &k)) != 0)
		return rc;
	if (k.gaps > 0)
		return err_set(ERR_STATE, _("receipt numbers of %lld have a gap "
					    "(%lld years in all)"),
		    (long long)k.first_gap_year, (long long)k.gaps);
	if (k.unbalanced > 0)
		return err_set(ERR_STATE, _("%lld payments do not equal their "
					    "lines and credit"),
		    (long long)k.unbalanced);
	if (k.misallocated > 0)
		return err_set(ERR_STATE, _("%lld bills show a paid amount other "
					    "than what was allocated to them"),
		    (long long)k.misallocated);
	if (k.after_close > 0)
		return err_set(ERR_STATE, _("%lld payments were taken into a "
					    "cashier's day after it was "
					    "closed"), (long long)k.after_close);
	if (k.bad_closes > 0)
		return err_set(ERR_STATE, _("%lld daily closes do not match "
					    "their day's payments"),
		    (long long)k.bad_closes);
	if (k.bad_credit > 0)
		return err_set(ERR_STATE, _("%lld houses have a credit below "
					    "zero"), (long long)k.bad_credit);
	strbuf_addf(c->report, _("fees: %lld payments, receipts gap-free, "
				 "allocations consistent\n"),
	    (long long)k.payments);
	return 0;
}

/* Each check, in order; later modules add their invariants here. */
static int (*const checks[])(struct db *, struct check_ctx *) = {
	check_schema,
	check_sqlite,
	check_audit,
	check_household,
	check_requests,
	check_fees,
};

static int
check_all(struct db *db, void *arg)
{
	size_t i;
	int rc;

	for (i = 0; i < sizeof checks / sizeof checks[0]; i++)
		if ((rc = checks[i](db, arg)) != 0)
			return rc;
	return 0;
}

int
svc_check(struct session *s, int full, struct strbuf *report)
{
	struct check_ctx c = {full, report};
	int rc;

	if ((rc = session_require(s, PERM_CHECK)) != 0)
		return rc;
	/* One snapshot, so the checks see the same file. */
	return db_read(s->db, check_all, &c);
}

/* ---- demo ------------------------------------------------------------- */

struct demo_op {
	const char *desk;
	char hash[SECURE_PWHASH_BYTES];
};

static int
demo_tx(struct db *db, void *arg)
{
	struct demo_op *op = arg;
	int64_t n, id;
	size_t i;
	int rc;

	if ((rc = user_db_count(db, &n)) != 0)
		return rc;
	if (n > 0)
		return err_set(ERR_STATE, _("this database already has accounts; "
					    "a demo needs a new file"));
	if ((rc = db_meta_set(db, "demo", "1")) != 0)
		return rc;
	for (i = 0; i < sizeof demo_staff / sizeof demo_staff[0]; i++) {
		/* One hash for all: the same known password, made once. */
		if ((rc = user_db_insert(db, demo_staff[i].name,
		    demo_staff[i].display, demo_staff[i].role, op->hash,
		    clock_now(), &id)) != 0 ||
		    (rc = svc_audit_as(db, id, demo_staff[i].name, op->desk,
		    "user.add", "user", id, "demo account %s, role %s",
		    demo_staff[i].name, demo_staff[i].role)) != 0)
			return rc;
	}
	return 0;
}

int
svc_demo_init(struct db *db, const char *desk)
{
	struct demo_op op;
	int rc;

	op.desk = desk;
	if ((rc = secure_pw_hash(op.hash, SVC_DEMO_PASSWORD)) != 0)
		return rc;
	return db_tx(db, demo_tx, &op);
}
