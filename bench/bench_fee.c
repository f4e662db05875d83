/*
 * bench_fee.c: the fee collection figures for `make bench`, on 100k
 * households with eleven months of bills and 1M payments behind them
 * (realistic arrears: about one bill in ten unpaid):
 *   P13 the bills of a period, 100k households × 3 items, through
 *       svc_bill_generate(), beside the same INSERT ... SELECT run in the
 *       sqlite3 shell on a copy of the file (the ratio is printed)
 *   P4  a payment at the counter, svc_pay(), commit included (p50, p99)
 *   P7  the WAL file's size during 10k payments while another process
 *       looks houses up at the counter all the time
 *   P6  eight desks at once: seven browsing (counter, fee history,
 *       arrears marks), one paying, for BENCH_P6_SECONDS (60)
 *   P8  the daily close of a day (a cashier's ~1,300 receipts) and the
 *       monthly report on the 1M payments
 *       and `frontdesk check`'s fee invariants on the whole file.
 * A benchmark, never a test: figures are printed beside their targets.
 * BENCH_FEE_DB=path keeps the file for a look later; with BENCH_FEE_REUSE
 * set too, a kept file is used again for the P7 figure alone.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/fee.h"
#include "db/db.h"
#include "db/fee_db.h"
#include "db/house_db.h"
#include "db/payment_db.h"
#include "db/user_db.h"
#include "svc/session.h"
#include "svc/svc_admin.h"
#include "svc/svc_cashier.h"
#include "svc/svc_fee.h"
#include "util/clock.h"
#include "util/config.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define NHOUSE 100000
#define NPAY_HISTORY 1000000
#define NP4 2000
#define NP7 10000
#define T_NOW INT64_C(1795942800) /* 2026-11-29 09:00 UTC */
#define FAKE_HASH "$argon2id$v=19$m=65536,t=2,p=1$fake"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static struct config cfg;

static uint32_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
pct(double *v, int n, double p)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[(int)(p * (n - 1))];
}

static void
row(const char *id, const char *what, const char *value, const char *target)
{
	printf("%-4s %-50s %22s   target %s\n", id, what, value, target);
}

static void
die(const char *what)
{
	fprintf(stderr, "bench_fee: %s: %s\n", what, err_msg());
	exit(1);
}

/* ---- the estate -------------------------------------------------------- */

/* Houses, staff and the three items. */
static int
fill_estate(struct db *db, void *arg)
{
	struct fee_item it;
	struct house h;
	char code[32];
	int64_t id;
	int i, rc;

	(void)arg;
	if ((rc = user_db_insert(db, "director", "李主任", "director",
	    FAKE_HASH, T_NOW, NULL)) != 0 ||
	    (rc = user_db_insert(db, "chenjing", "陈静", "cashier", FAKE_HASH,
	    T_NOW, NULL)) != 0 ||
	    (rc = user_db_insert(db, "zhaomin", "赵敏", "cashier", FAKE_HASH,
	    T_NOW, NULL)) != 0)
		return rc;
	for (i = 0; i < NHOUSE; i++) {
		memset(&h, 0, sizeof h);
		h.building = 1 + i / 400;
		h.entrance = 1 + i % 400 / 100;
		h.room = (1 + i % 100 / 4) * 100 + 1 + i % 4;
		h.floor = h.room / 100;
		snprintf(code, sizeof code, "%d-%d-%d", h.building, h.entrance,
		    h.room);
		h.code = code;
		h.area_centi = 6000 + (int64_t)(rnd() % 10000);
		h.use = HOUSE_USE_RESIDENCE;
		h.state = HOUSE_OCCUPIED;
		h.notes = "";
		if ((rc = house_db_insert(db, &h, T_NOW, NULL)) != 0)
			return rc;
	}
	memset(&it, 0, sizeof it);
	it.applies = "all";
	it.unit = "";
	it.active = 1;
	it.name = "物业服务费";
	it.kind = FEE_AREA;
	if ((rc = fee_db_item_insert(db, &it, &id)) != 0 ||
	    (rc = fee_db_standard_insert(db, id, "2025-01-01", 12000)) != 0)
		return rc;
	it.name = "公共设施日常维修费";
	if ((rc = fee_db_item_insert(db, &it, &id)) != 0 ||
	    (rc = fee_db_standard_insert(db, id, "2026-11-01", 1500)) != 0)
		return rc;
	it.name = "水费";
	it.kind = FEE_METERED;
	it.unit = "吨";
	if ((rc = fee_db_item_insert(db, &it, &id)) != 0)
		return rc;
	return fee_db_standard_insert(db, id, "2025-01-01", 34500);
}

/* Water readings of 2026-11 for every house (item id 4). */
static int
fill_readings(struct db *db, void *arg)
{
	struct meter_reading m;
	int i, rc;

	(void)arg;
	for (i = 0; i < NHOUSE; i++) {
		memset(&m, 0, sizeof m);
		m.house_id = i + 1;
		m.item_id = 4;
		snprintf(m.period, sizeof m.period, "2026-11");
		m.r.prev = 100000 + (int64_t)(rnd() % 100000);
		m.r.cur = m.r.prev + 500 + (int64_t)(rnd() % 2000);
		m.user_id = 2;
		if ((rc = fee_db_reading_put(db, &m, NULL)) != 0)
			return rc;
	}
	return 0;
}

/* A hand-made session (no password is checked in a bench). */
static void
session_of(struct session *s, struct db *db, int64_t id, const char *name,
    enum role role, const char *desk)
{
	memset(s, 0, sizeof *s);
	s->db = db;
	s->cfg = &cfg;
	s->user_id = id;
	s->user = (char *)name;
	s->display = (char *)name;
	s->role = role;
	s->desk = (char *)desk;
}

/* ---- a year of payments, in bulk --------------------------------------- */

/* The bulk history. */
struct history {
	int from;   /* first payment of this batch */
	int to;
	int done;
};

/*
 * Payment k pays the k-th bill in the order house, then month: bill ids
 * run house by house within each period, so bill (house h, month m) has id
 * m * NHOUSE + h + 1.  A tenth of the houses leave their last months open.
 */
static int
fill_payments(struct db *db, void *arg)
{
	struct history *hs = arg;
	struct payment p;
	struct fd_date d, start = {2025, 12, 1};
	int64_t bill;
	int k, house, month, rc;

	for (k = hs->from; k < hs->to; k++) {
		house = k % NHOUSE;
		month = k / NHOUSE;      /* 0..9: 2025-12 .. 2026-09 */
		if (month >= 10)
			break;
		bill = (int64_t)month * NHOUSE + house + 1;
		memset(&p, 0, sizeof p);
		/* paid in the month after the period, in order of houses */
		date_add_days(&start, month * 30 + 30 + house * 28 / NHOUSE,
		    &d);
		p.year = d.y;
		date_format(p.day, sizeof p.day, &d);
		p.house_id = house + 1;
		p.method = (enum pay_method)(house % PAY_METHOD_COUNT);
		p.cashier_id = 2 + house % 2;
		p.desk = house % 2 ? "2号窗口" : "1号窗口";
		p.at = T_NOW - 86400 * 300 + k;
		{
			struct bill b = {0};

			if ((rc = fee_db_bill_get(db, bill, &b)) != 0)
				return rc;
			p.amount_fen = b.amount_fen;
			bill_release(&b);
		}
		p.tendered_fen = p.amount_fen;
		if ((rc = payment_db_insert(db, &p)) != 0 ||
		    (rc = payment_db_line_insert(db, p.id, bill,
		    p.amount_fen)) != 0 ||
		    (rc = fee_db_bill_pay(db, bill, p.amount_fen)) != 0)
			return rc;
		hs->done++;
	}
	return 0;
}

/* ---- P13: the bills of a period ---------------------------------------- */

/* The same bills as one INSERT ... SELECT, for the sqlite3 shell. */
static const char p13_sql[] =
    "PRAGMA journal_mode = WAL;\n"
    "PRAGMA synchronous = FULL;\n"
    "BEGIN IMMEDIATE;\n"
    "INSERT INTO bills (house_id, item_id, period, qty, price_e4,"
    " amount_fen, due)\n"
    " SELECT h.id, i.id, '2026-11', h.area_centi, s.price_e4,"
    " (h.area_centi * s.price_e4 + 5000) / 10000, '2026-12-15'\n"
    " FROM houses h JOIN fee_items i ON i.kind = 'area' AND i.active\n"
    " JOIN fee_standards s ON s.item_id = i.id AND s.valid_from ="
    " (SELECT max(valid_from) FROM fee_standards WHERE item_id = i.id"
    " AND valid_from <= '2026-11-01')\n"
    " WHERE (h.area_centi * s.price_e4 + 5000) / 10000 > 0\n"
    " ON CONFLICT DO NOTHING;\n"
    "INSERT INTO bills (house_id, item_id, period, qty, price_e4,"
    " amount_fen, due)\n"
    " SELECT r.house_id, r.item_id, '2026-11', r.u, s.price_e4,"
    " (r.u * s.price_e4 + 5000) / 10000, '2026-12-15'\n"
    " FROM (SELECT house_id, item_id, CASE WHEN replaced THEN"
    " old_end - prev + cur - new_start ELSE cur - prev END AS u"
    " FROM meter_readings WHERE period = '2026-11') r\n"
    " JOIN fee_standards s ON s.item_id = r.item_id AND s.valid_from ="
    " (SELECT max(valid_from) FROM fee_standards WHERE item_id ="
    " r.item_id AND valid_from <= '2026-11-01')\n"
    " WHERE (r.u * s.price_e4 + 5000) / 10000 > 0\n"
    " ON CONFLICT DO NOTHING;\n"
    "COMMIT;\n";

static void
bench_p13(struct db *db, struct session *dir, const char *path)
{
	char copy[600], script[600], cmd[1400], buf[64];
	struct bill_run run;
	double t0, ours, shell;
	FILE *fp;
	int rc;

	snprintf(copy, sizeof copy, "%s.p13", path);
	snprintf(script, sizeof script, "%s.p13.sql", path);
	unlink(copy);
	if (db_backup(db, copy, 1) != 0)
		die("copy for P13");
	t0 = now_ms();
	if (svc_bill_generate(dir, "2026-11", NULL, NULL, &run) != 0)
		die("P13 bills");
	ours = now_ms() - t0;
	snprintf(buf, sizeof buf, "%.2f s (%lld bills)", ours / 1e3,
	    (long long)run.created);
	row("P13", "bills of 2026-11, 100k households x 3 items", buf,
	    "< 5 s");
	if ((fp = fopen(script, "w")) == NULL)
		die("P13 script");
	fputs(p13_sql, fp);
	fclose(fp);
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' < '%s' > /dev/null", copy,
	    script);
	t0 = now_ms();
	rc = system(cmd);
	shell = now_ms() - t0;
	if (rc != 0) {
		row("P13", "the same INSERT ... SELECT in the sqlite3 shell",
		    "(no sqlite3 shell)", "(reference)");
	} else {
		snprintf(buf, sizeof buf, "%.2f s", shell / 1e3);
		row("P13", "the same INSERT ... SELECT in the sqlite3 shell",
		    buf, "(reference)");
		snprintf(buf, sizeof buf, "%.2f x", ours / shell);
		row("P13", "ratio svc_bill_generate / shell", buf,
		    "(what one rule per line costs)");
	}
	unlink(copy);
	unlink(script);
	snprintf(cmd, sizeof cmd, "%s-wal", copy);
	unlink(cmd);
	/* twice creates nothing twice, and says so quickly */
	t0 = now_ms();
	if (svc_bill_generate(dir, "2026-11", NULL, NULL, &run) != 0)
		die("P13 again");
	snprintf(buf, sizeof buf, "%.2f s (%lld made)",
	    (now_ms() - t0) / 1e3, (long long)run.created);
	row("", "the same period again", buf, "nothing made");
}

/* ---- P4: a payment ----------------------------------------------------- */

/* Pay one house's oldest open bill in cash.  0 or an error. */
static int
pay_one(struct session *s, int64_t house, double *ms)
{
	struct pay_in in;
	struct pay_result r;
	double t0;
	int rc;

	memset(&in, 0, sizeof in);
	in.house_id = house;
	in.amount = "10.00";
	in.method = "cash";
	in.tendered = "20";
	in.to_credit = 1;
	in.seen_payment_id = -1;
	t0 = now_ms();
	rc = svc_pay(s, &in, &r);
	*ms = now_ms() - t0;
	return rc;
}

static void
bench_p4(struct session *s)
{
	double *v = xcalloc(NP4, sizeof *v);
	char buf[64];
	int i;

	for (i = 0; i < NP4; i++)
		if (pay_one(s, 1 + rnd() % NHOUSE, &v[i]) != 0)
			die("P4 payment");
	snprintf(buf, sizeof buf, "p50 %.2f p99 %.2f ms", pct(v, NP4, 0.5),
	    pct(v, NP4, 0.99));
	row("P4", "payment commit (svc_pay, WAL, synchronous=FULL)", buf,
	    "p99 < 20 ms");
	free(v);
}

/* ---- P7: the WAL during 10k payments with lookups running -------------- */

/* What a browsing desk did. */
struct browse {
	long reads;
	long busy;     /* reads refused as busy: each would be on screen */
	long errors;   /* any other failure */
};

/* Count one read that returned rc. */
static void
browse_note(struct browse *b, int rc)
{
	b->reads++;
	if (rc == ERR_BUSY)
		b->busy++;
	else if (rc != 0)
		b->errors++;
}

/*
 * A browsing desk until the parent closes the pipe stop: the counter of a
 * house, its fee history and (every eighth read) the arrears marks of a
 * building, as cashiers and receptionists look things up all day.
 */
static void
browse_child(const char *path, int stop, int report, uint64_t seed)
{
	struct pollfd p = {stop, POLLIN, 0};
	struct browse b = {0, 0, 0};
	struct session s;
	struct counter c;
	struct house_fees hf;
	struct db *db = NULL;
	int64_t *ids;
	int n, rc, k = 0;

	rng ^= seed;
	if (db_open(&db, path, 5000, 0) != 0)
		_exit(2);
	session_of(&s, db, 3, "zhaomin", ROLE_CASHIER, "2号窗口");
	for (;;) {
		if ((rc = svc_counter_load(&s, 1 + rnd() % NHOUSE, &c)) == 0)
			counter_release(&c);
		browse_note(&b, rc);
		if ((rc = svc_house_fees(&s, 1 + rnd() % NHOUSE, &hf)) == 0)
			house_fees_release(&hf);
		browse_note(&b, rc);
		if (k % 8 == 0) {
			rc = svc_arrears_grid(&s, 1 + (int)(rnd() % 20), &ids,
			    &n);
			if (rc == 0)
				free(ids);
			browse_note(&b, rc);
		}
		/* the parent closing the pipe is the end */
		if (++k % 8 == 0 && poll(&p, 1, 0) > 0)
			break;
	}
	(void)!write(report, &b, sizeof b);
	db_close(&db);
	_exit(0);
}

/* Start n browsing desks; their pids into pids, the stop pipe's write end
 * into *stop_w, the report pipe's read end into *rep_r. */
static void
browsers_start(const char *path, int n, pid_t *pids, int *stop_w, int *rep_r)
{
	int stop[2], rep[2], i;

	if (pipe(stop) != 0 || pipe(rep) != 0)
		die("pipe");
	for (i = 0; i < n; i++)
		if ((pids[i] = fork()) == 0) {
			close(stop[1]);
			close(rep[0]);
			browse_child(path, stop[0], rep[1], (uint64_t)i + 1);
		}
	close(stop[0]);
	close(rep[1]);
	*stop_w = stop[1];
	*rep_r = rep[0];
}

/* Stop the desks and add up what they did. */
static void
browsers_stop(int n, pid_t *pids, int stop_w, int rep_r, struct browse *sum)
{
	struct browse b;
	int i, status;

	memset(sum, 0, sizeof *sum);
	close(stop_w);
	for (i = 0; i < n; i++) {
		if (read(rep_r, &b, sizeof b) != sizeof b) {
			sum->errors++;
			continue;
		}
		sum->reads += b.reads;
		sum->busy += b.busy;
		sum->errors += b.errors;
	}
	close(rep_r);
	for (i = 0; i < n; i++)
		waitpid(pids[i], &status, 0);
}

/* ---- P6: eight desks at once -------------------------------------------- */

/*
 * Seven desks browse while the eighth takes payments for BENCH_P6_SECONDS
 * (60 by default): no desk may see a busy error; the paying desk's commit
 * p99 stays under 100 ms.
 */
static void
bench_p6(struct session *s, const char *path)
{
	const char *env = getenv("BENCH_P6_SECONDS");
	double secs = env != NULL ? atof(env) : 60, *v, t0, ms;
	struct browse sum;
	pid_t pids[7];
	char buf[64];
	int cap = 1 << 16, n = 0, stop_w, rep_r, busy = 0, rc;

	v = xcalloc((size_t)cap, sizeof *v);
	browsers_start(path, 7, pids, &stop_w, &rep_r);
	t0 = now_ms();
	while (now_ms() - t0 < secs * 1e3) {
		rc = pay_one(s, 1 + rnd() % NHOUSE, &ms);
		if (rc == ERR_BUSY)
			busy++;
		else if (rc != 0)
			die("P6 payment");
		if (n < cap)
			v[n++] = ms;
	}
	browsers_stop(7, pids, stop_w, rep_r, &sum);
	snprintf(buf, sizeof buf, "%ld busy, %d errors",
	    busy + sum.busy, (int)sum.errors);
	row("P6", "8 desks (7 browsing, 1 paying): busy errors", buf,
	    "0 busy errors shown");
	snprintf(buf, sizeof buf, "p50 %.2f p99 %.2f ms", pct(v, n, 0.5),
	    pct(v, n, 0.99));
	row("", "  the paying desk's commit", buf, "p99 < 100 ms");
	snprintf(buf, sizeof buf, "%.0f s: %d paid, %ld reads", secs, n,
	    sum.reads);
	row("", "  (done meanwhile)", buf, "(none)");
	free(v);
}

static void
bench_p7(struct session *s, const char *path)
{
	char wal[600], buf[64];
	struct browse sum;
	struct stat st;
	long long max = 0;
	double ms, t0;
	pid_t pid;
	int i, stop_w, rep_r;

	snprintf(wal, sizeof wal, "%s-wal", path);
	browsers_start(path, 1, &pid, &stop_w, &rep_r);
	t0 = now_ms();
	for (i = 0; i < NP7; i++) {
		if (pay_one(s, 1 + rnd() % NHOUSE, &ms) != 0)
			die("P7 payment");
		if (stat(wal, &st) == 0 && st.st_size > max)
			max = st.st_size;
	}
	browsers_stop(1, &pid, stop_w, rep_r, &sum);
	snprintf(buf, sizeof buf, "max %.1f MB", max / 1048576.0);
	row("P7", "WAL during 10k payments, lookups running", buf,
	    "< 16 MB throughout");
	snprintf(buf, sizeof buf, "%.1f s, %ld lookups", (now_ms() - t0) / 1e3,
	    sum.reads);
	row("", "  (10k payments took; lookups meanwhile)", buf, "(none)");
}

/* ---- P8: the daily close and the monthly report ------------------------ */

static void
bench_p8(struct session *dir, struct session *cashier)
{
	struct close_view v;
	struct daily_report d;
	struct monthly_report m;
	struct strbuf sb = STRBUF_INIT;
	char buf[64];
	double t0;

	t0 = now_ms();
	if (svc_close_view(cashier, "2026-07-15", 0, &v) != 0)
		die("P8 close view");
	snprintf(buf, sizeof buf, "%.1f ms (%lld receipts)", now_ms() - t0,
	    (long long)v.sums.n);
	row("P8", "daily close of one cashier-day", buf, "< 100 ms");
	close_view_release(&v);
	t0 = now_ms();
	if (svc_report_daily(dir, "2026-07-15", NULL, &d) != 0)
		die("P8 daily report");
	snprintf(buf, sizeof buf, "%.1f ms (%lld receipts)", now_ms() - t0,
	    (long long)d.total.n);
	row("P8", "daily-close report of a day, every cashier", buf,
	    "< 100 ms");
	daily_report_release(&d);
	t0 = now_ms();
	if (svc_report_monthly(dir, "2026-08", &m) != 0)
		die("P8 monthly");
	snprintf(buf, sizeof buf, "%.2f s", (now_ms() - t0) / 1e3);
	row("P8", "monthly report 2026-08 (1M payments in the file)", buf,
	    "< 1 s");
	monthly_report_release(&m);
	t0 = now_ms();
	if (svc_report_monthly(dir, "2026-01", &m) != 0)
		die("P8 monthly");
	snprintf(buf, sizeof buf, "%.2f s", (now_ms() - t0) / 1e3);
	row("P8", "monthly report 2026-01 (its old arrears since)", buf,
	    "< 1 s");
	monthly_report_release(&m);
	t0 = now_ms();
	if (svc_check(dir, 0, &sb) != 0)
		die("check");
	snprintf(buf, sizeof buf, "%.2f s", (now_ms() - t0) / 1e3);
	row("", "frontdesk check (quick check, audit chain, fees)", buf,
	    "(none)");
	strbuf_release(&sb);
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	struct session director, cashier;
	struct history hs;
	struct db *db = NULL;
	char path[512], period[8], buf[64];
	double t0;
	int m;

	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	config_defaults(&cfg);
	clock_fake(T_NOW);
	snprintf(path, sizeof path, "%s/bench-fee-%ld.db", dir, (long)getpid());
	if (getenv("BENCH_FEE_DB") != NULL)
		snprintf(path, sizeof path, "%s", getenv("BENCH_FEE_DB"));
	if (getenv("BENCH_FEE_REUSE") != NULL && getenv("BENCH_FEE_DB") !=
	    NULL) {
		/* a file kept from an earlier run: the WAL figure only */
		if (db_open(&db, path, 5000, 0) != 0)
			die("open");
		session_of(&cashier, db, 2, "chenjing", ROLE_CASHIER,
		    "1号窗口");
		bench_p7(&cashier, path);
		bench_p6(&cashier, path);
		db_close(&db);
		return 0;
	}
	unlink(path);
	if (db_open(&db, path, 5000, DB_OPEN_CREATE) != 0)
		die("open");
	t0 = now_ms();
	if (db_tx(db, fill_estate, NULL) != 0)
		die("estate");
	session_of(&director, db, 1, "director", ROLE_DIRECTOR, "主任室");
	session_of(&cashier, db, 2, "chenjing", ROLE_CASHIER, "1号窗口");
	for (m = 0; m < 11; m++) {
		snprintf(period, sizeof period, "%04d-%02d", 2025 + (m + 11) / 12,
		    (m + 11) % 12 + 1);
		if (svc_bill_generate(&director, period, NULL, NULL, NULL) != 0)
			die("history bills");
	}
	memset(&hs, 0, sizeof hs);
	for (hs.from = 0; hs.from < NPAY_HISTORY; hs.from = hs.to) {
		hs.to = hs.from + 50000;
		if (db_tx(db, fill_payments, &hs) != 0)
			die("history payments");
	}
	if (db_tx(db, fill_readings, NULL) != 0)
		die("readings");
	snprintf(buf, sizeof buf, "%.0f s, %d payments", (now_ms() - t0) / 1e3,
	    hs.done);
	row("", "100k households, 11 months of bills, payments", buf,
	    "(set-up)");
	bench_p13(db, &director, path);
	bench_p8(&director, &cashier);
	bench_p4(&cashier);
	/* P7 starts from a fresh WAL: the big bill run above grew it, and a
	 * WAL file only shrinks when the last connection closes */
	db_close(&db);
	if (db_open(&db, path, 5000, 0) != 0)
		die("reopen");
	cashier.db = db;
	bench_p7(&cashier, path);
	bench_p6(&cashier, path);
	db_close(&db);
	if (getenv("BENCH_FEE_DB") == NULL) {
		char side[600];

		unlink(path);
		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
	}
	config_release(&cfg);
	return 0;
}
