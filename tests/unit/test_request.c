/*
 * test_request.c: core/request.c: the coded values, request numbers, every
 * edge of the state machine (each state against each action, guards
 * included), and the deadline clock: calendar and working hours, across a
 * weekend, a holiday week and a make-up working day, a deadline exactly at
 * closing time, on hold across a deadline, the warning band.  Times are
 * China Standard Time (TZ=CST-8), as at the counter.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "testlib.h"

#include "core/date.h"
#include "core/request.h"
#include "util/config.h"
#include "util/err.h"

#define NCASES(a) (sizeof(a) / sizeof((a)[0]))
#define MIN 60
#define HOUR 3600
#define DAY 86400

static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

/* Local time y-m-d hh:mm (CST) as unix time. */
static int64_t
at(int y, int m, int d, int hh, int mm)
{
	struct fd_date day = {y, m, d};

	return request_day_start(&day) + hh * HOUR + mm * MIN;
}

/* Rules from the defaults, then changed by the test. */
static void
rules_default(struct request_rules *r)
{
	assert_int_equal(request_rules_init(r, NULL), 0);
}

/* Working-hours rules, 08:30-17:30 Monday to Friday, with the 2026
 * National Day week off and Saturday 2026-10-10 worked instead. */
static void
rules_working(struct request_rules *r)
{
	struct config cfg;

	config_defaults(&cfg);
	free(cfg.req_counting);
	cfg.req_counting = strdup("working_hours");
	free(cfg.req_holidays);
	cfg.req_holidays = strdup("2026-10-01..2026-10-07,2026-01-01");
	free(cfg.req_makeup_days);
	cfg.req_makeup_days = strdup("2026-10-10");
	assert_int_equal(request_rules_init(r, &cfg), 0);
	config_release(&cfg);
	assert_int_equal(r->cal.counting, REQ_COUNT_WORKING);
	assert_int_equal(r->cal.nholidays, 8);
	assert_int_equal(r->cal.nmakeup, 1);
}

/* ---- coded values ---------------------------------------------------------- */

/* const char *request_code(enum request_set set, int v); and friends */
static void
test_codes(void **state)
{
	int set, v, n, out;

	(void)state;
	for (set = 0; set < REQ_SET_COUNT; set++) {
		n = request_count((enum request_set)set);
		assert_true(n >= 2);
		for (v = 0; v < n; v++) {
			const char *code = request_code((enum request_set)set,
			    v);

			assert_non_null(code);
			assert_int_equal(request_code_value(
			    (enum request_set)set, code), v);
			assert_int_equal(request_parse((enum request_set)set,
			    code, &out), 0);
			assert_int_equal(out, v);
			assert_int_equal(request_parse((enum request_set)set,
			    request_label((enum request_set)set, v), &out), 0);
			assert_int_equal(out, v);
		}
		assert_null(request_code((enum request_set)set, n));
		assert_null(request_code((enum request_set)set, -1));
		assert_string_equal(request_label((enum request_set)set, n),
		    "?");
		assert_int_equal(request_code_value((enum request_set)set,
		    "nonsense"), -1);
	}
	assert_int_equal(request_count(REQ_SET_COUNT), 0);
	assert_int_equal(request_count(REQ_SET_STATE), 7);
	/* the Chinese labels whatever the language, blanks and full width */
	assert_int_equal(request_parse(REQ_SET_TYPE, "投诉", &out), 0);
	assert_int_equal(out, REQ_COMPLAINT);
	assert_int_equal(request_parse(REQ_SET_STATE, "  处理中\u3000", &out),
	    0);
	assert_int_equal(out, REQ_IN_PROGRESS);
	assert_int_equal(request_parse(REQ_SET_DEPT, "秩序维护部", &out), 0);
	assert_int_equal(out, REQ_DEPT_SECURITY);
	assert_int_equal(request_parse(REQ_SET_RESULT, "基本满意", &out), 0);
	assert_int_equal(out, REQ_FAIRLY);
	assert_int_equal(request_parse(REQ_SET_CATEGORY, "FEES", &out), 0);
	assert_int_equal(out, REQ_CAT_FEES);
	/* refused, with the list of what is allowed */
	out = 42;
	assert_int_equal(request_parse(REQ_SET_TYPE, "表扬", &out),
	    ERR_INVALID);
	assert_int_equal(out, 42);
	assert_msg_has("request type must be one of: Consultation, Complaint");
	assert_int_equal(request_parse(REQ_SET_TYPE, "", &out), ERR_INVALID);
	assert_int_equal(request_parse(REQ_SET_TYPE, NULL, &out), ERR_INVALID);
	assert_int_equal(request_parse(REQ_SET_URGENCY, "\xff\xfe", &out),
	    ERR_INVALID);
	assert_int_equal(request_parse(REQ_SET_COUNT, "x", &out), ERR_INVALID);
}

/* ---- numbers --------------------------------------------------------------- */

/* int request_number(char *buf, size_t bufsz, const struct fd_date *day,
 *     int seq); int request_number_parse(...); */
static void
test_numbers(void **state)
{
	static const struct {
		const char *in;
		int y, m, d, seq; /* y 0: refused */
	} cases[] = {
		{"TS20261129-0007", 2026, 11, 29, 7},
		{"ts20261129-7", 2026, 11, 29, 7},
		{" TS20261129-12345 ", 2026, 11, 29, 12345},
		{"２０２６１１２９-０００７", 2026, 11, 29, 7},
		{"20280229-1", 2028, 2, 29, 1},
		{"TS20270229-0001", 0, 0, 0, 0},  /* not a leap year */
		{"TS20261129-0000", 0, 0, 0, 0},
		{"TS20261129-", 0, 0, 0, 0},
		{"TS2026112-0001", 0, 0, 0, 0},
		{"TS20261129-00x1", 0, 0, 0, 0},
		{"TS20261129-99999999", 0, 0, 0, 0}, /* too many digits */
		{"工单20261129-0001", 0, 0, 0, 0},
		{"\xe5\xb7", 0, 0, 0, 0},
		{"", 0, 0, 0, 0},
	};
	struct fd_date day = {2026, 11, 29}, bad = {2026, 2, 30}, got;
	char buf[REQUEST_NO_BUFSZ], big[400];
	size_t i;
	int seq;

	(void)state;
	assert_int_equal(request_number(buf, sizeof buf, &day, 7), 0);
	assert_string_equal(buf, "TS20261129-0007");
	assert_int_equal(request_number(buf, sizeof buf, &day, 12345), 0);
	assert_string_equal(buf, "TS20261129-12345");
	assert_int_equal(request_number(buf, sizeof buf, &day, 0), ERR_INVALID);
	assert_string_equal(buf, "");
	assert_int_equal(request_number(buf, sizeof buf, &bad, 1), ERR_INVALID);
	assert_int_equal(request_number(buf, 8, &day, 1), ERR_INVALID);
	assert_string_equal(buf, "");
	for (i = 0; i < NCASES(cases); i++) {
		int rc = request_number_parse(cases[i].in, &got, &seq);

		if (cases[i].y == 0) {
			if (rc != ERR_INVALID)
				fail_msg("'%s' was taken", cases[i].in);
			assert_msg_has("TS20261129-0007");
			continue;
		}
		if (rc != 0)
			fail_msg("'%s': %s", cases[i].in, err_msg());
		assert_int_equal(got.y, cases[i].y);
		assert_int_equal(got.m, cases[i].m);
		assert_int_equal(got.d, cases[i].d);
		assert_int_equal(seq, cases[i].seq);
	}
	memset(big, '7', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	assert_int_equal(request_number_parse(big, &got, &seq), ERR_INVALID);
	assert_int_equal(request_number_parse(NULL, &got, &seq), ERR_INVALID);
}

/* ---- the state machine --------------------------------------------------------- */

/* The expected table, written out independently of request.c: the state
 * after each action in each state; -1 refused; S the same state; H the
 * held-from state; W rework (dispatched or registered). */
enum { X = -1, S = 100, H = 101, W = 102 };

static const int want[REQ_STATE_COUNT][REQ_ACT_COUNT] = {
	/* register dispatch start note resolve callback hold resume handover
	   close classify reopen */
	[REQ_REGISTERED] = {X, REQ_DISPATCHED, X, S, REQ_RESOLVED, X,
	    REQ_ON_HOLD, X, S, X, S, X},
	[REQ_DISPATCHED] = {X, REQ_DISPATCHED, REQ_IN_PROGRESS, S,
	    REQ_RESOLVED, X, REQ_ON_HOLD, X, S, X, S, X},
	[REQ_IN_PROGRESS] = {X, REQ_DISPATCHED, X, S, REQ_RESOLVED, X,
	    REQ_ON_HOLD, X, S, X, S, X},
	[REQ_RESOLVED] = {X, X, X, S, X, REQ_CALLED_BACK, X, X, S,
	    REQ_CLOSED, S, W},
	[REQ_CALLED_BACK] = {X, X, X, S, X, X, X, X, S, REQ_CLOSED, S, W},
	[REQ_CLOSED] = {X, X, X, S, X, X, X, X, X, X, S, W},
	[REQ_ON_HOLD] = {X, X, X, S, X, X, X, H, S, X, S, X},
};

/* int request_next(enum req_state from, enum req_action action,
 *     const struct req_facts *f, enum req_state *to); every edge */
static void
test_state_machine(void **state)
{
	struct req_facts f;
	enum req_state to;
	int s, a, dept, w, rc;

	(void)state;
	for (s = 0; s < REQ_STATE_COUNT; s++)
		for (a = 0; a < REQ_ACT_COUNT; a++)
			for (dept = 0; dept < 2; dept++) {
				memset(&f, 0, sizeof f);
				f.held_from = REQ_IN_PROGRESS;
				f.has_dept = dept;
				f.needs_callback = 0;
				w = want[s][a];
				to = (enum req_state)99;
				rc = request_next((enum req_state)s,
				    (enum req_action)a, &f, &to);
				assert_int_equal(request_allowed(
				    (enum req_state)s, (enum req_action)a),
				    w != X);
				if (w == X) {
					if (rc != ERR_STATE)
						fail_msg("%s -%s-> allowed",
						    request_code(REQ_SET_STATE,
						    s), request_code(
						    REQ_SET_ACTION, a));
					assert_int_equal(to, 99);
					assert_true(err_msg()[0] != '\0');
					continue;
				}
				if (rc != 0)
					fail_msg("%s -%s->: %s",
					    request_code(REQ_SET_STATE, s),
					    request_code(REQ_SET_ACTION, a),
					    err_msg());
				if (w == S)
					assert_int_equal(to, s);
				else if (w == H)
					assert_int_equal(to, REQ_IN_PROGRESS);
				else if (w == W)
					assert_int_equal(to, dept ?
					    REQ_DISPATCHED : REQ_REGISTERED);
				else
					assert_int_equal(to, w);
			}
}

/* The guards and the messages that tell the desk what to do first. */
static void
test_state_guards(void **state)
{
	struct req_facts f = {REQ_DISPATCHED, 1, 1};
	enum req_state to = REQ_RESOLVED;
	unsigned bits;

	(void)state;
	/* a complaint not yet called back cannot be closed */
	assert_int_equal(request_next(REQ_RESOLVED, REQ_ACT_CLOSE, &f, &to),
	    ERR_STATE);
	assert_msg_has("must be called back");
	assert_int_equal(to, REQ_RESOLVED);
	/* but after the callback it can, and without one when not needed */
	assert_int_equal(request_next(REQ_CALLED_BACK, REQ_ACT_CLOSE, &f,
	    &to), 0);
	assert_int_equal(to, REQ_CLOSED);
	f.needs_callback = 0;
	assert_int_equal(request_next(REQ_RESOLVED, REQ_ACT_CLOSE, &f, &to),
	    0);
	assert_int_equal(to, REQ_CLOSED);
	/* calling back a request not yet resolved */
	assert_int_equal(request_next(REQ_IN_PROGRESS, REQ_ACT_CALLBACK, &f,
	    &to), ERR_STATE);
	assert_msg_has("only a resolved request can be called back; this one "
	    "is In progress");
	/* resume returns to where it was; a broken held_from is refused */
	f.held_from = REQ_REGISTERED;
	assert_int_equal(request_next(REQ_ON_HOLD, REQ_ACT_RESUME, &f, &to),
	    0);
	assert_int_equal(to, REQ_REGISTERED);
	f.held_from = REQ_CLOSED;
	assert_int_equal(request_next(REQ_ON_HOLD, REQ_ACT_RESUME, &f, &to),
	    ERR_STATE);
	f.held_from = REQ_ON_HOLD;
	assert_int_equal(request_next(REQ_ON_HOLD, REQ_ACT_RESUME, &f, &to),
	    ERR_STATE);
	/* out of range */
	assert_int_equal(request_next(REQ_STATE_COUNT, REQ_ACT_NOTE, &f, &to),
	    ERR_STATE);
	assert_int_equal(request_next(REQ_REGISTERED, REQ_ACT_COUNT, &f, &to),
	    ERR_STATE);
	assert_int_equal(request_next(REQ_REGISTERED, REQ_ACT_REGISTER, &f,
	    &to), ERR_STATE);
	/* the actions on offer, guards applied, the caller's message kept */
	err_set(ERR_INVALID, "keep me");
	f.held_from = REQ_DISPATCHED;
	f.needs_callback = 1;
	bits = request_actions(REQ_RESOLVED, &f);
	assert_string_equal(err_msg(), "keep me");
	assert_int_equal(bits, 1u << REQ_ACT_NOTE | 1u << REQ_ACT_CALLBACK |
	    1u << REQ_ACT_HANDOVER | 1u << REQ_ACT_CLASSIFY |
	    1u << REQ_ACT_REOPEN);
	f.needs_callback = 0;
	assert_true(request_actions(REQ_RESOLVED, &f) & 1u << REQ_ACT_CLOSE);
	bits = request_actions(REQ_CLOSED, &f);
	assert_int_equal(bits, 1u << REQ_ACT_NOTE | 1u << REQ_ACT_CLASSIFY |
	    1u << REQ_ACT_REOPEN);
	assert_int_equal(request_actions(REQ_STATE_COUNT, &f), 0);
	assert_true(request_state_is_open(REQ_ON_HOLD));
	assert_true(request_state_is_open(REQ_REGISTERED));
	assert_false(request_state_is_open(REQ_RESOLVED));
	assert_false(request_state_is_open(REQ_CLOSED));
}

/* ---- the deadline clock -------------------------------------------------------- */

/* local time as the test expects it (CST) */
static void
test_local_time(void **state)
{
	struct fd_date d = {2026, 11, 29}, got, bad = {2026, 13, 1};

	(void)state;
	/* 2026-11-29 00:00 CST is 2026-11-28 16:00 UTC */
	assert_int_equal(request_day_start(&d), INT64_C(1795881600));
	assert_int_equal(request_day_start(&bad), 0);
	assert_int_equal(request_day_of(INT64_C(1795881600), &got), 0);
	assert_int_equal(got.d, 29);
	assert_int_equal(request_day_of(INT64_C(1795881599), &got), 0);
	assert_int_equal(got.d, 28);
}

/* Defaults: urgent 30 min / 24 h, normal 2 h / 3 days, callback 2 days,
 * complaints and repairs need a callback; calendar counting. */
static void
test_deadlines_calendar(void **state)
{
	struct request_rules r;
	struct req_clock c;
	int64_t t0 = at(2026, 11, 27, 16, 0); /* a Friday afternoon */

	(void)state;
	rules_default(&r);
	assert_int_equal(r.cal.counting, REQ_COUNT_CALENDAR);
	assert_true(request_needs_callback(&r, REQ_COMPLAINT));
	assert_true(request_needs_callback(&r, REQ_REPAIR));
	assert_false(request_needs_callback(&r, REQ_CONSULT));
	assert_false(request_needs_callback(&r, REQ_SUGGESTION));
	assert_false(request_needs_callback(&r, REQ_TYPE_COUNT));
	request_clock_start(&r, REQ_REPAIR, REQ_URGENT, t0, &c);
	assert_int_equal(c.respond_by, t0 + 30 * MIN);
	assert_int_equal(c.resolve_by, t0 + 24 * HOUR);
	/* warning band: the last 25% */
	assert_int_equal(c.respond_warn, t0 + 30 * MIN - 450);
	assert_int_equal(c.resolve_warn, t0 + 18 * HOUR);
	assert_int_equal(c.callback_by, 0);
	request_clock_start(&r, REQ_COMPLAINT, REQ_NORMAL, t0, &c);
	assert_int_equal(c.respond_by, t0 + 2 * HOUR);
	/* across the weekend: the calendar does not care */
	assert_int_equal(c.resolve_by, at(2026, 11, 30, 16, 0));
	request_clock_resolved(&r, t0 + HOUR, &c);
	assert_int_equal(c.callback_by, t0 + HOUR + 2 * DAY);
	request_clock_reopened(&r, REQ_COMPLAINT, REQ_NORMAL, t0 + 5 * DAY,
	    &c);
	assert_int_equal(c.resolve_by, t0 + 8 * DAY);
	assert_int_equal(c.callback_by, 0);
	assert_int_equal(c.respond_by, t0 + 2 * HOUR); /* stays */
	assert_int_equal(request_clock_between(&r, t0, t0 + 7 * HOUR),
	    7 * HOUR);
	assert_int_equal(request_clock_between(&r, t0, t0 - 1), 0);
	assert_int_equal(request_clock_add(&r, t0, 0), t0);
	assert_int_equal(request_clock_add(&r, INT64_MAX - 5, 10), INT64_MAX);
	assert_int_equal(request_allowance(&r, 3 * DAY), 3 * DAY);
	/* out-of-range type and urgency fall back, never crash */
	request_clock_start(&r, REQ_TYPE_COUNT, REQ_URGENCY_COUNT, t0, &c);
	assert_int_equal(c.respond_by, t0 + 2 * HOUR);
	request_rules_release(&r);
	request_rules_release(&r); /* twice is harmless */
}

/* Working hours: 08:30-17:30 Monday to Friday, holidays, make-up days. */
static void
test_deadlines_working(void **state)
{
	struct request_rules r;
	struct req_clock c;

	(void)state;
	rules_working(&r);
	/* whole days count working days, hours count working hours */
	assert_int_equal(request_allowance(&r, 3 * DAY), 3 * 9 * HOUR);
	assert_int_equal(request_allowance(&r, 24 * HOUR), 9 * HOUR);
	assert_int_equal(request_allowance(&r, 2 * HOUR), 2 * HOUR);
	assert_int_equal(request_allowance(&r, 36 * HOUR), 36 * HOUR);
	/* Friday 16:30, 2 working hours: 1 h on Friday, 1 h on Monday */
	assert_int_equal(request_clock_add(&r, at(2026, 11, 27, 16, 30),
	    2 * HOUR), at(2026, 11, 30, 9, 30));
	/* exactly at closing time, not the next morning */
	assert_int_equal(request_clock_add(&r, at(2026, 11, 30, 8, 30),
	    9 * HOUR), at(2026, 11, 30, 17, 30));
	assert_int_equal(request_clock_add(&r, at(2026, 11, 30, 8, 30),
	    9 * HOUR + 1), at(2026, 12, 1, 8, 30) + 1);
	/* registered on a Saturday night: the clock starts on Monday */
	assert_int_equal(request_clock_add(&r, at(2026, 11, 28, 22, 0),
	    30 * MIN), at(2026, 11, 30, 9, 0));
	/* before opening on a working day */
	assert_int_equal(request_clock_add(&r, at(2026, 12, 1, 6, 0),
	    30 * MIN), at(2026, 12, 1, 9, 0));
	/* across the National Day week: Wednesday 2026-09-30 17:00, normal
	 * repair: respond in 2 working hours, resolve in 3 working days */
	request_clock_start(&r, REQ_REPAIR, REQ_NORMAL,
	    at(2026, 9, 30, 17, 0), &c);
	assert_int_equal(c.respond_by, at(2026, 10, 8, 10, 0));
	/* 30 min Wed, 9 h Thu 10-08, 9 h Fri 10-09, 8.5 h on the make-up
	 * Saturday 10-10 */
	assert_int_equal(c.resolve_by, at(2026, 10, 10, 17, 0));
	/* warning band: 25% of 27 h before, counted in working time */
	assert_int_equal(c.resolve_warn, at(2026, 10, 10, 10, 15));
	/* urgent in working hours: 24 h is one working day */
	request_clock_start(&r, REQ_COMPLAINT, REQ_URGENT,
	    at(2026, 11, 27, 16, 0), &c);
	assert_int_equal(c.respond_by, at(2026, 11, 27, 16, 30));
	assert_int_equal(c.resolve_by, at(2026, 11, 30, 16, 0));
	/* callback within 2 days: 2 working days after the resolution */
	request_clock_resolved(&r, at(2026, 12, 31, 17, 0), &c);
	/* 2026-12-31 is a Thursday; 2027-01-01 is not in this holiday list
	 * (only 2026-01-01 is): 18 working hours are 0.5 h on Thursday,
	 * 9 h on Friday 1-1 and 8.5 h on Monday 1-4 */
	assert_int_equal(c.callback_by, at(2027, 1, 4, 17, 0));
	/* working time between */
	assert_int_equal(request_clock_between(&r, at(2026, 11, 27, 16, 30),
	    at(2026, 11, 30, 9, 30)), 2 * HOUR);
	assert_int_equal(request_clock_between(&r, at(2026, 9, 30, 8, 30),
	    at(2026, 10, 12, 8, 30)), 9 * HOUR * 4);
	assert_int_equal(request_clock_between(&r, at(2026, 11, 28, 9, 0),
	    at(2026, 11, 29, 17, 0)), 0); /* a weekend */
	/* working days */
	assert_true(request_is_workday(&r.cal, date_to_days(
	    &(struct fd_date){2026, 10, 10})));
	assert_false(request_is_workday(&r.cal, date_to_days(
	    &(struct fd_date){2026, 10, 8}) - 1));
	assert_false(request_is_workday(&r.cal, date_to_days(
	    &(struct fd_date){2026, 1, 1})));
	assert_true(request_is_workday(&r.cal, date_to_days(
	    &(struct fd_date){2026, 1, 2})));
	assert_false(request_is_workday(&r.cal, date_to_days(
	    &(struct fd_date){2026, 1, 3})));
	request_rules_release(&r);
}

/* On hold across a deadline: the clock stops, the time left carries on. */
static void
test_hold(void **state)
{
	struct request_rules r;
	struct req_clock c;
	int64_t t0 = at(2026, 11, 23, 9, 0), held, back;

	(void)state;
	rules_default(&r);
	request_clock_start(&r, REQ_REPAIR, REQ_NORMAL, t0, &c);
	/* held an hour before resolve-by, back five days after it */
	held = c.resolve_by - HOUR;
	back = c.resolve_by + 5 * DAY;
	request_clock_resume(&r, held, back, &c);
	assert_int_equal(c.resolve_by, back + HOUR);
	assert_int_equal(c.respond_by, t0 + 2 * HOUR); /* past: stays late */
	assert_int_equal(c.resolve_warn, t0 + 54 * HOUR); /* past too */
	request_rules_release(&r);

	/* in working hours: held Friday 16:30 with an hour left, back on
	 * Monday 10:00: due Monday 11:00 */
	rules_working(&r);
	request_clock_start(&r, REQ_REPAIR, REQ_NORMAL,
	    at(2026, 11, 25, 8, 30), &c);
	assert_int_equal(c.resolve_by, at(2026, 11, 27, 17, 30));
	request_clock_resume(&r, at(2026, 11, 27, 16, 30),
	    at(2026, 11, 30, 10, 0), &c);
	assert_int_equal(c.resolve_by, at(2026, 11, 30, 11, 0));
	/* its warning moment had passed at the hold: it stays */
	assert_int_equal(c.resolve_warn, at(2026, 11, 27, 10, 45));
	request_rules_release(&r);
}

/* The deadline running in each state, and where it stands. */
static void
test_running(void **state)
{
	struct req_clock c = {100, 90, 1000, 900, 5000, 4500};
	int64_t due, warn;

	(void)state;
	request_clock_running(REQ_REGISTERED, 0, 1, &c, &due, &warn);
	assert_int_equal(due, 100);
	assert_int_equal(warn, 90);
	request_clock_running(REQ_DISPATCHED, 1, 1, &c, &due, &warn);
	assert_int_equal(due, 1000);
	request_clock_running(REQ_IN_PROGRESS, 1, 0, &c, &due, &warn);
	assert_int_equal(warn, 900);
	request_clock_running(REQ_RESOLVED, 1, 1, &c, &due, &warn);
	assert_int_equal(due, 5000);
	request_clock_running(REQ_RESOLVED, 1, 0, &c, &due, &warn);
	assert_int_equal(due, 0);
	request_clock_running(REQ_ON_HOLD, 0, 1, &c, &due, &warn);
	assert_int_equal(due, 0);
	request_clock_running(REQ_CALLED_BACK, 1, 1, &c, &due, &warn);
	assert_int_equal(due, 0);
	request_clock_running(REQ_CLOSED, 1, 1, &c, &due, &warn);
	assert_int_equal(due, 0);
	/* respond-by after resolve-by (an odd configuration): the earlier */
	c.respond_by = 2000;
	request_clock_running(REQ_REGISTERED, 0, 1, &c, &due, &warn);
	assert_int_equal(due, 1000);

	assert_int_equal(request_due(50, 0, 0), REQ_DUE_NONE);
	assert_int_equal(request_due(89, 100, 90), REQ_DUE_OK);
	assert_int_equal(request_due(90, 100, 90), REQ_DUE_WARN);
	assert_int_equal(request_due(100, 100, 90), REQ_DUE_WARN);
	assert_int_equal(request_due(101, 100, 90), REQ_DUE_OVERDUE);
}

/* Rules from a configuration: lists parsed, a broken one refused. */
static void
test_rules(void **state)
{
	struct request_rules r;
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	cfg.req_callback_types = 1 << REQ_CONSULT;
	cfg.req_warn_pct = 0;
	cfg.req_respond_s[REQ_SUGGESTION][REQ_NORMAL] = 7 * DAY;
	free(cfg.req_holidays);
	cfg.req_holidays = strdup("2026-02-17..2026-02-23,2026-02-20");
	assert_int_equal(request_rules_init(&r, &cfg), 0);
	assert_true(request_needs_callback(&r, REQ_CONSULT));
	assert_false(request_needs_callback(&r, REQ_COMPLAINT));
	assert_int_equal(r.respond_s[REQ_SUGGESTION][REQ_NORMAL], 7 * DAY);
	assert_int_equal(r.cal.nholidays, 7); /* the repeat counted once */
	request_rules_release(&r);
	free(cfg.req_holidays);
	cfg.req_holidays = strdup("2026-02-30");
	assert_int_equal(request_rules_init(&r, &cfg), ERR_INVALID);
	assert_null(r.cal.holidays);
	free(cfg.req_holidays);
	cfg.req_holidays = strdup("2026-03-01..2026-02-01");
	assert_int_equal(request_rules_init(&r, &cfg), ERR_INVALID);
	/* hand-filled nonsense hours fall back to office hours */
	free(cfg.req_holidays);
	cfg.req_holidays = strdup("");
	cfg.req_hours[0] = 900;
	cfg.req_hours[1] = 100;
	assert_int_equal(request_rules_init(&r, &cfg), 0);
	assert_int_equal(r.cal.day_start, 510 * 60);
	request_rules_release(&r);
	config_release(&cfg);
}

/* void request_rate_format(...); void request_span_format(...); */
static void
test_format(void **state)
{
	char buf[REQUEST_SPAN_BUFSZ];

	(void)state;
	request_rate_format(buf, sizeof buf, 2, 3);
	assert_string_equal(buf, "66.7%");
	request_rate_format(buf, sizeof buf, 40, 42);
	assert_string_equal(buf, "95.2%");
	request_rate_format(buf, sizeof buf, 5, 5);
	assert_string_equal(buf, "100.0%");
	request_rate_format(buf, sizeof buf, 0, 5);
	assert_string_equal(buf, "0.0%");
	request_rate_format(buf, sizeof buf, 1, 0);
	assert_string_equal(buf, "-");
	request_span_format(buf, sizeof buf, 45 * MIN);
	assert_string_equal(buf, "45 min");
	request_span_format(buf, sizeof buf, 5 * HOUR + 20 * MIN);
	assert_string_equal(buf, "5 h 20 min");
	request_span_format(buf, sizeof buf, 5 * HOUR);
	assert_string_equal(buf, "5 h");
	request_span_format(buf, sizeof buf, 3 * DAY + 2 * HOUR + 59 * MIN);
	assert_string_equal(buf, "3 d 2 h");
	request_span_format(buf, sizeof buf, 3 * DAY);
	assert_string_equal(buf, "3 d");
	request_span_format(buf, sizeof buf, -1);
	assert_string_equal(buf, "-");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_state_machine),
		cmocka_unit_test(test_state_guards),
		cmocka_unit_test(test_local_time),
		cmocka_unit_test(test_deadlines_calendar),
		cmocka_unit_test(test_deadlines_working),
		cmocka_unit_test(test_hold),
		cmocka_unit_test(test_running),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_format),
	};

	test_locale();
	setenv("TZ", "CST-8", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
