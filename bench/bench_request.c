/*
 * bench_request.c: the service requests' figures for `make bench` on 100k
 * households and 200k requests over thirteen months (most closed, some
 * thousands open, the timeline's 600k entries behind them):
 *   P3  each queue screen's load (all open, mine, awaiting callback, on
 *       hold, overdue, due today, filtered by type, department and
 *       building) and a filter typed into the open queue key by key;
 *       the home screen's counts; one request's detail with its timeline
 *   P8  the monthly review of the busiest month (svc_request_review(),
 *       what `report requests` prints)
 *   P4  one action committed (register, dispatch) with synchronous=FULL
 * Each figure is the svc call a screen or the command line makes, through
 * cached statements, beside its target; a benchmark, never a test.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/date.h"
#include "core/household.h"
#include "core/request.h"
#include "db/db.h"
#include "db/house_db.h"
#include "db/request_db.h"
#include "db/user_db.h"
#include "svc/session.h"
#include "svc/svc_request.h"
#include "util/clock.h"
#include "util/config.h"
#include "util/xalloc.h"

#define NHOUSE 100000
#define NREQ 200000
#define NQ 200          /* runs of each screen figure */
#define PAGE 200        /* lines a list screen asks for */
#define DAYS 396        /* thirteen months of history */

static uint64_t rng = 0x2545f4914f6cdd1dULL;

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
	printf("%-4s %-44s %24s   target %s\n", id, what, value, target);
}

static const char *const descr[] = {
	"卫生间下水道堵塞，马桶冲水不畅", "厨房水管接头漏水，楼下天花板有水渍",
	"客厅插座没电", "入户门锁芯坏了", "楼道垃圾两天没人清理，有异味",
	"夜间有外来车辆随意进出", "物业费账单面积与房产证不符",
	"咨询装修押金退还手续", "建议增加快递柜", "电梯运行有异响",
};

/* What the generator needs across the transaction. */
struct gen {
	struct request_rules rules;
	int64_t users[4];
	int64_t now;
	int nopen;
};

/* A request registered at at, followed as far as its age allows. */
static int
gen_request(struct db *db, struct gen *g, int64_t house, int64_t at)
{
	struct service_request r;
	struct request_event e;
	struct fd_date day;
	int64_t id, age = g->now - at;
	int seq, x = (int)(rnd() % 100), rc;

	memset(&r, 0, sizeof r);
	request_day_of(at, &day);
	date_format(r.day, sizeof r.day, &day);
	r.type = (enum req_type)(rnd() % REQ_TYPE_COUNT);
	r.category = (enum req_category)(rnd() % REQ_CATEGORY_COUNT);
	r.urgency = rnd() % 5 == 0 ? REQ_URGENT : REQ_NORMAL;
	r.channel = (enum req_channel)(rnd() % REQ_CHANNEL_COUNT);
	r.house_id = house;
	r.location = (char *)"";
	r.person = (char *)"张三";
	r.phone = (char *)"13812345678";
	r.description = (char *)descr[rnd() % 10];
	r.receiver_id = g->users[rnd() % 3];
	r.dept = (int)(rnd() % REQ_DEPT_COUNT);
	r.handler = (char *)"张师傅";
	r.at = at;
	r.needs_callback = request_needs_callback(&g->rules, r.type);
	r.cb_result = r.cb_method = r.valid = -1;
	r.hold_reason = r.resolution = r.cb_comment = (char *)"";
	request_clock_start(&g->rules, r.type, r.urgency, at, &r.clock);
	/* older than two weeks: closed; else a spread of states */
	if (age > 14 * 86400 || x < 40) {
		r.state = REQ_CLOSED;
	} else if (x < 55) {
		r.state = REQ_RESOLVED;
	} else if (x < 60) {
		r.state = REQ_ON_HOLD;
	} else
		r.state = (enum req_state)(rnd() % 3); /* registered .. */
	if (r.state == REQ_CLOSED || r.state == REQ_RESOLVED) {
		r.responded_at = at + 1800 + rnd() % 7200;
		r.resolved_at = r.responded_at + rnd() % (3 * 86400);
		r.resolution = (char *)"已处理";
		if (r.state == REQ_RESOLVED)
			request_clock_resolved(&g->rules, r.resolved_at,
			    &r.clock);
		else if (r.needs_callback) {
			r.cb_result = (int)(rnd() % REQ_RESULT_COUNT);
			if (r.cb_result == REQ_UNSATISFIED)
				r.cb_result = REQ_FAIRLY;
			r.cb_method = REQ_CB_PHONE;
			r.cb_at = r.resolved_at + 86400;
		}
		if (r.state == REQ_CLOSED)
			r.closed_at = r.resolved_at + 2 * 86400;
	}
	if (r.state == REQ_ON_HOLD) {
		r.held_from = REQ_IN_PROGRESS;
		r.held_at = at + 3600;
		snprintf(r.hold_until, sizeof r.hold_until, "2027-01-%02d",
		    1 + (int)(rnd() % 28));
		r.hold_reason = (char *)"等配件";
	}
	if (r.state != REQ_CLOSED)
		g->nopen++;
	request_clock_running(r.state, r.responded_at != 0, r.needs_callback,
	    &r.clock, &r.due_at, &r.warn_at);
	if ((rc = request_db_insert(db, &r, at, &id, &seq)) != 0)
		return rc;
	memset(&e, 0, sizeof e);
	e.request_id = id;
	e.at = at;
	e.user_id = r.receiver_id;
	e.kind = REQ_ACT_REGISTER;
	if ((rc = request_db_log(db, &e, NULL)) != 0)
		return rc;
	if (r.resolved_at != 0) {
		e.at = r.resolved_at;
		e.kind = REQ_ACT_RESOLVE;
		e.text = (char *)"已处理";
		if ((rc = request_db_log(db, &e, NULL)) != 0)
			return rc;
	}
	if (r.cb_result >= 0) {
		e.at = r.cb_at;
		e.kind = REQ_ACT_CALLBACK;
		e.code = (char *)request_code(REQ_SET_RESULT, r.cb_result);
		if ((rc = request_db_log(db, &e, NULL)) != 0)
			return rc;
	}
	return 0;
}

/* 100k houses, the staff, 200k requests in time order. */
static int
fill(struct db *db, void *arg)
{
	struct gen *g = arg;
	static const char *const staff[] = {"wangli", "zhangmin", "zhaomin",
	    "director"};
	char code[16];
	struct house h;
	int64_t t0 = g->now - (int64_t)DAYS * 86400, at, hid;
	int i, k, rc;

	for (i = 0; i < 4; i++)
		if ((rc = user_db_insert(db, staff[i], staff[i], i < 3 ?
		    "receptionist" : "director", "$argon2id$bench", 1,
		    &g->users[i])) != 0)
			return rc;
	memset(&h, 0, sizeof h);
	h.notes = (char *)"";
	for (i = 0; i < NHOUSE; i++) {
		k = i % 480;
		h.building = 1 + i / 480;
		h.entrance = 1 + k / 120;
		h.floor = 1 + (k % 120) / 4;
		h.room = h.floor * 100 + 1 + k % 4;
		snprintf(code, sizeof code, "%d-%d-%d", h.building,
		    h.entrance, h.room);
		h.code = code;
		h.area_centi = 6000 + rnd() % 10000;
		h.use = HOUSE_USE_RESIDENCE;
		h.state = HOUSE_OCCUPIED;
		if ((rc = house_db_insert(db, &h, 1, &hid)) != 0)
			return rc;
	}
	for (i = 0; i < NREQ; i++) {
		at = t0 + (int64_t)i * DAYS * 86400 / NREQ + rnd() % 600;
		if ((rc = gen_request(db, g, 1 + rnd() % NHOUSE, at)) != 0)
			return rc;
	}
	return 0;
}

/* Time NQ loads of a queue; print one row. */
static void
bench_queue(struct session *s, const char *what, struct request_query q,
    int limit, int due_today)
{
	const char *target = limit > 0 ? "p99 < 16 ms" :
	    "(every line: a screen asks for a page)";
	static double t[NQ];
	struct request_list l;
	char buf[96];
	double t0;
	long before = db_prepare_count(s->db);
	int64_t total = 0;
	int i, rc;

	for (i = 0; i < NQ; i++) {
		t0 = now_ms();
		rc = due_today ? svc_request_queue_due_today(s, &q, limit, 0,
		    &l) : svc_request_queue(s, &q, limit, 0, &l);
		t[i] = now_ms() - t0;
		if (rc != 0)
			fprintf(stderr, "%s failed\n", what);
		total = l.total;
		request_list_release(&l);
	}
	snprintf(buf, sizeof buf, "p50 %.2f p99 %.2f ms", pct(t, NQ, .5),
	    pct(t, NQ, .99));
	row(limit > 0 ? "P3" : "", what, buf, target);
	printf("     (%lld lines match; %ld statements prepared)\n",
	    (long long)total, db_prepare_count(s->db) - before);
}

/* A queue with the usual empty filters. */
static struct request_query
query(enum request_queue queue)
{
	struct request_query q;

	memset(&q, 0, sizeof q);
	q.queue = queue;
	q.type = q.state = q.dept = -1;
	return q;
}

/* The open queue filtered key by key as text is typed. */
static void
bench_typing(struct session *s, const char *typed)
{
	static double t[NQ * 8];
	struct request_query q = query(REQ_Q_OPEN);
	struct request_list l;
	char text[64], buf[96];
	const char *p;
	double t0, p99;
	int n = 0, i;

	for (i = 0; i < NQ / 10; i++) {
		for (p = typed; *p != '\0';) {
			/* one more character (UTF-8 aware) */
			do
				p++;
			while ((*p & 0xc0) == 0x80);
			snprintf(text, sizeof text, "%.*s", (int)(p - typed),
			    typed);
			q.text = text;
			t0 = now_ms();
			svc_request_queue(s, &q, PAGE, 0, &l);
			t[n++] = now_ms() - t0;
			request_list_release(&l);
		}
	}
	p99 = pct(t, n, .99); /* sorts t */
	snprintf(buf, sizeof buf, "p99 %.2f max %.2f ms", p99, t[n - 1]);
	snprintf(text, sizeof text, "open queue, typing \"%s\"", typed);
	row("P3", text, buf, "p99 < 16 ms, max < 50 ms");
}

/* The home screen's counts and one detail. */
static void
bench_counts_detail(struct session *s)
{
	static double t[NQ];
	struct request_counts c;
	struct request_detail d;
	char buf[96];
	double t0;
	int i;

	for (i = 0; i < NQ; i++) {
		t0 = now_ms();
		svc_request_counts(s, &c);
		t[i] = now_ms() - t0;
	}
	snprintf(buf, sizeof buf, "p50 %.2f p99 %.2f ms", pct(t, NQ, .5),
	    pct(t, NQ, .99));
	row("P3", "home screen counts", buf, "p99 < 16 ms");
	printf("     (%lld open, %lld overdue, %lld awaiting callback)\n",
	    (long long)c.open, (long long)c.overdue, (long long)c.callback);
	for (i = 0; i < NQ; i++) {
		t0 = now_ms();
		svc_request_detail(s, 1 + (int64_t)(rnd() % NREQ), &d);
		t[i] = now_ms() - t0;
		request_detail_release(&d);
	}
	snprintf(buf, sizeof buf, "p50 %.2f p99 %.2f ms", pct(t, NQ, .5),
	    pct(t, NQ, .99));
	row("P3", "one request's detail and timeline", buf, "p99 < 16 ms");
}

/* The monthly review of the last whole month, a few times. */
static void
bench_review(struct session *s, int64_t now)
{
	struct request_month m;
	struct fd_date today;
	struct fd_period p;
	char period[DATE_PERIOD_BUFSZ], buf[96];
	double t0, best = 1e9, worst = 0, x;
	int i;

	request_day_of(now, &today);
	date_period_of(&today, &p);
	date_period_prev(&p, &p);
	date_period_format(period, sizeof period, &p);
	for (i = 0; i < 5; i++) {
		t0 = now_ms();
		if (svc_request_review(s, period, &m) != 0)
			fprintf(stderr, "review failed\n");
		x = now_ms() - t0;
		best = x < best ? x : best;
		worst = x > worst ? x : worst;
	}
	snprintf(buf, sizeof buf, "best %.0f worst %.0f ms", best, worst);
	row("P8", "monthly review of requests", buf, "< 1 s");
	printf("     (%s: %lld requests, %lld callbacks)\n", period,
	    (long long)m.review.total, (long long)m.review.callbacks);
}

/* Register and dispatch, each committed (synchronous=FULL). */
static void
bench_actions(struct session *s)
{
	static double tr[NQ], td[NQ];
	struct request_in in;
	char buf[96];
	double t0;
	int64_t id;
	int i;

	memset(&in, 0, sizeof in);
	in.house = "100-2-1502";
	in.type = "repair";
	in.category = "facility";
	in.description = "卫生间漏水";
	for (i = 0; i < NQ; i++) {
		t0 = now_ms();
		if (svc_request_register(s, &in, &id, NULL) != 0)
			fprintf(stderr, "register failed\n");
		tr[i] = now_ms() - t0;
		t0 = now_ms();
		if (svc_request_dispatch(s, id, 1, "engineering", "张师傅", 0,
		    NULL) != 0)
			fprintf(stderr, "dispatch failed\n");
		td[i] = now_ms() - t0;
	}
	snprintf(buf, sizeof buf, "p50 %.2f p99 %.2f ms", pct(tr, NQ, .5),
	    pct(tr, NQ, .99));
	row("", "register a request (committed)", buf, "(P4: p99 < 20 ms)");
	snprintf(buf, sizeof buf, "p50 %.2f p99 %.2f ms", pct(td, NQ, .5),
	    pct(td, NQ, .99));
	row("", "dispatch it (committed)", buf, "(P4: p99 < 20 ms)");
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	struct config cfg;
	struct session s;
	struct gen g;
	struct request_query q;
	struct db *db = NULL;
	char path[512], buf[64];
	double t0;

	setlocale(LC_ALL, "C.UTF-8");
	config_defaults(&cfg);
	memset(&g, 0, sizeof g);
	request_rules_init(&g.rules, &cfg);
	g.now = 1795951200; /* 2026-11-29 */
	clock_fake(g.now);
	snprintf(path, sizeof path, "%s/bench-request-%ld.db", dir,
	    (long)getpid());
	if (getenv("BENCH_REQUEST_DB") != NULL)
		snprintf(path, sizeof path, "%s", getenv("BENCH_REQUEST_DB"));
	unlink(path);
	if (db_open(&db, path, 5000, DB_OPEN_CREATE) != 0)
		return fprintf(stderr, "open failed\n"), 1;
	t0 = now_ms();
	if (db_tx(db, fill, &g) != 0)
		return fprintf(stderr, "fill failed\n"), 1;
	snprintf(buf, sizeof buf, "%.1f s", (now_ms() - t0) / 1e3);
	row("", "100k houses, 200k requests written", buf, "(none)");
	printf("     (%d requests open)\n", g.nopen);
	db_close(&db);
	if (db_open(&db, path, 5000, 0) != 0)
		return fprintf(stderr, "reopen failed\n"), 1;
	memset(&s, 0, sizeof s);
	s.db = db;
	s.cfg = &cfg;
	s.user_id = g.users[0];
	s.user = s.display = (char *)"wangli";
	s.desk = (char *)"bench";
	s.role = ROLE_DIRECTOR;

	bench_queue(&s, "all open, first 200 lines", query(REQ_Q_OPEN), PAGE,
	    0);
	bench_queue(&s, "all open, every line", query(REQ_Q_OPEN), 0, 0);
	bench_queue(&s, "mine (first receiver or handler)", query(REQ_Q_MINE),
	    PAGE, 0);
	bench_queue(&s, "awaiting callback", query(REQ_Q_CALLBACK), PAGE, 0);
	bench_queue(&s, "on hold", query(REQ_Q_ON_HOLD), PAGE, 0);
	q = query(REQ_Q_OPEN);
	q.overdue = 1;
	bench_queue(&s, "overdue (the director's list), first 200", q, PAGE,
	    0);
	bench_queue(&s, "overdue (the director's list), every line", q, 0, 0);
	bench_queue(&s, "due today", query(REQ_Q_OPEN), PAGE, 1);
	q = query(REQ_Q_OPEN);
	q.type = REQ_REPAIR;
	q.dept = REQ_DEPT_ENGINEERING;
	q.building = 100;
	bench_queue(&s, "open repairs of engineering in building 100", q,
	    PAGE, 0);
	q = query(REQ_Q_RANGE);
	q.from = g.now - 86400;
	q.to = g.now;
	bench_queue(&s, "a day's register", q, PAGE, 0);
	bench_typing(&s, "TS202611");
	bench_typing(&s, "100-2-");
	bench_typing(&s, "漏水");
	bench_counts_detail(&s);
	bench_review(&s, g.now);
	bench_actions(&s);

	db_close(&db);
	if (getenv("BENCH_REQUEST_DB") == NULL)
		unlink(path);
	request_rules_release(&g.rules);
	config_release(&cfg);
	return 0;
}
