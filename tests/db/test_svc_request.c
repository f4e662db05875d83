/*
 * test_svc_request.c: svc/svc_request.c and db/request_db.c against a fresh
 * database: every action with its timeline entry and audit row; the bad
 * input of the issue (closing without the required callback, calling back
 * an unresolved request, an empty and a 10,000-character description, a
 * deadline across a weekend and a holiday in working hours, on hold across
 * a deadline, two desks at once on two connections); the queues, counts,
 * day register and sign-off, the monthly review, the export, the schema's
 * refusals and the invariants of `frontdesk check`.  Local time is China
 * Standard Time (TZ=CST-8).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"

#include <sqlite3.h>

#include "core/request.h"
#include "db/audit_db.h"
#include "db/db.h"
#include "db/request_db.h"
#include "db/user_db.h"
#include "svc/session.h"
#include "svc/svc_admin.h"
#include "svc/svc_owner.h"
#include "svc/svc_request.h"
#include "svc/svc_visit.h"
#include "util/clock.h"
#include "util/config.h"
#include "util/err.h"
#include "util/strbuf.h"

#define FAKE_HASH "$argon2id$v=19$m=8,t=1,p=1$not-a-real-hash"
#define MIN 60
#define HOUR 3600
#define DAY 86400

static struct config cfg;      /* defaults: calendar counting */
static struct config cfg_work; /* working hours with holidays */

/* A fresh database with two receptionists, a cashier and a director. */
struct fx {
	struct db *db;
	char path[256];
	struct session rec, rec2, cash, dir;
	int64_t house;  /* 3-2-1502 */
};

/* Local time y-m-d hh:mm (CST) as unix time. */
static int64_t
local(int y, int m, int d, int hh, int mm)
{
	struct fd_date day = {y, m, d};

	return request_day_start(&day) + hh * HOUR + mm * MIN;
}

#define T0 local(2026, 11, 23, 10, 0) /* a Monday morning */

/* ---- helpers ------------------------------------------------------------ */

static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

static int64_t
audit_count(struct db *db)
{
	int64_t n = -1;

	if (audit_db_verify(db, &n) != 0)
		fail_msg("audit chain: %s", err_msg());
	return n;
}

/* The newest audit row must be this one. */
static void
assert_audit(struct db *db, const char *action, const char *user,
    const char *summary_part)
{
	struct audit_row *rows = NULL;
	int n = 0;

	assert_int_equal(audit_db_recent(db, NULL, 0, 1, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].action, action);
	assert_string_equal(rows[0].user_name, user);
	assert_string_equal(rows[0].entity, strncmp(action, "export", 6) == 0
	    ? "database" : "request");
	if (summary_part != NULL && strstr(rows[0].summary, summary_part) ==
	    NULL)
		fail_msg("audit summary \"%s\" lacks \"%s\"", rows[0].summary,
		    summary_part);
	audit_row_release(&rows[0]);
	free(rows);
}

/* A number from the raw file (a second connection). */
static int64_t
raw_int(struct fx *f, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(f->path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* Run SQL on a second connection; the SQLite result code, msg the error. */
static int
raw_exec(struct fx *f, const char *sql, char *msg, size_t msgsz)
{
	sqlite3 *h;
	char *e = NULL;
	int rc;

	assert_int_equal(sqlite3_open(f->path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 2000);
	rc = sqlite3_exec(h, sql, NULL, NULL, &e);
	if (msg != NULL)
		snprintf(msg, msgsz, "%s", e != NULL ? e : "");
	sqlite3_free(e);
	sqlite3_close(h);
	return rc;
}

/* Every row of the request tables and the audit log. */
static int64_t
rows_total(struct fx *f)
{
	return raw_int(f, "SELECT (SELECT count(*) FROM requests)"
			  " + (SELECT count(*) FROM request_log)"
			  " + (SELECT count(*) FROM request_signoffs)"
			  " + (SELECT count(*) FROM audit_log)");
}

static int
add_staff(struct db *db, void *arg)
{
	struct fx *f = arg;
	int rc;

	if ((rc = user_db_insert(db, "wangli", "王丽", "receptionist",
	    FAKE_HASH, 1, &f->rec.user_id)) != 0 ||
	    (rc = user_db_insert(db, "zhangmin", "张敏", "receptionist",
	    FAKE_HASH, 1, &f->rec2.user_id)) != 0 ||
	    (rc = user_db_insert(db, "chenjing", "陈静", "cashier", FAKE_HASH,
	    1, &f->cash.user_id)) != 0)
		return rc;
	return user_db_insert(db, "director", "李主任", "director", FAKE_HASH,
	    1, &f->dir.user_id);
}

static void
make_session(struct db *db, struct session *s, const struct config *c,
    const char *user, const char *display, enum role role)
{
	int64_t id = s->user_id;

	memset(s, 0, sizeof *s);
	s->db = db;
	s->cfg = c;
	s->user_id = id;
	s->user = strdup(user);
	s->display = strdup(display);
	s->role = role;
	s->desk = strdup("1号窗口");
}

static void
sessions(struct fx *f, const struct config *c)
{
	make_session(f->db, &f->rec, c, "wangli", "王丽", ROLE_RECEPTIONIST);
	make_session(f->db, &f->rec2, c, "zhangmin", "张敏",
	    ROLE_RECEPTIONIST);
	make_session(f->db, &f->cash, c, "chenjing", "陈静", ROLE_CASHIER);
	make_session(f->db, &f->dir, c, "director", "李主任", ROLE_DIRECTOR);
}

static int
setup(void **state)
{
	static int seq;
	struct fx *f = calloc(1, sizeof *f);
	struct house_in h = {"3-2-1502", "89.37", NULL, NULL, NULL};

	snprintf(f->path, sizeof f->path, "%s/request%d.db", test_tmpdir(),
	    seq++);
	unlink(f->path);
	clock_fake(T0 - DAY);
	if (db_open(&f->db, f->path, cfg.busy_timeout_ms, DB_OPEN_CREATE) != 0)
		fail_msg("db_open: %s", err_msg());
	if (db_tx(f->db, add_staff, f) != 0)
		fail_msg("staff: %s", err_msg());
	sessions(f, &cfg);
	if (svc_house_add(&f->dir, &h, &f->house) != 0)
		fail_msg("house: %s", err_msg());
	h.code = "7-1-302";
	if (svc_house_add(&f->dir, &h, NULL) != 0)
		fail_msg("house: %s", err_msg());
	clock_fake(T0);
	err_clear();
	*state = f;
	return 0;
}

static void
release_sessions(struct fx *f)
{
	session_release(&f->rec);
	session_release(&f->rec2);
	session_release(&f->cash);
	session_release(&f->dir);
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	clock_fake(0);
	release_sessions(f);
	db_close(&f->db);
	free(f);
	return 0;
}

/* A request as typed, about 3-2-1502. */
static struct request_in
req_in(const char *type, const char *urgency, const char *descr)
{
	struct request_in in;

	memset(&in, 0, sizeof in);
	in.house = "3-2-1502";
	in.type = type;
	in.category = "设施设备";
	in.urgency = urgency;
	in.channel = "电话";
	in.person = "张三";
	in.phone = "13812345678";
	in.description = descr;
	return in;
}

/* Register one; must succeed.  OUT: no when not NULL. */
static int64_t
add_req(struct fx *f, struct session *s, const char *type,
    const char *urgency, char *no)
{
	struct request_in in = req_in(type, urgency, "卫生间漏水，楼下天花板"
	    "有水渍");
	int64_t id = 0;

	(void)f;
	if (svc_request_register(s, &in, &id, no) != 0)
		fail_msg("register: %s", err_msg());
	return id;
}

/* Read a request; must succeed. */
static struct request_detail
get(struct session *s, int64_t id)
{
	struct request_detail d;

	if (svc_request_detail(s, id, &d) != 0)
		fail_msg("detail %lld: %s", (long long)id, err_msg());
	return d;
}

/* The version of request id now. */
static int64_t
version(struct fx *f, int64_t id)
{
	struct request_detail d = get(&f->dir, id);
	int64_t v = d.r.version;

	request_detail_release(&d);
	return v;
}

/* The state of request id now. */
static enum req_state
state_of(struct fx *f, int64_t id)
{
	struct request_detail d = get(&f->dir, id);
	enum req_state st = d.r.state;

	request_detail_release(&d);
	return st;
}

/* The last timeline entry of id must be kind by user (NULL: by itself). */
static void
assert_last_event(struct fx *f, int64_t id, enum req_action kind,
    const char *user, const char *text)
{
	struct request_detail d = get(&f->dir, id);
	const struct request_event *e;

	assert_true(d.log.n > 0);
	e = &d.log.v[d.log.n - 1];
	if (e->kind != kind)
		fail_msg("last event is %s, not %s",
		    request_code(REQ_SET_ACTION, e->kind),
		    request_code(REQ_SET_ACTION, kind));
	if (user == NULL)
		assert_int_equal(e->user_id, 0);
	else
		assert_string_equal(e->user_name, user);
	if (text != NULL)
		assert_string_equal(e->text, text);
	request_detail_release(&d);
}

/* ---- register --------------------------------------------------------------- */

/* int svc_request_register(struct session *s, const struct request_in *in,
 *     int64_t *id_out, char *no_out); */
static void
test_register(void **state)
{
	struct fx *f = *state;
	struct request_in in = req_in("投诉", "紧急", "物业保安态度恶劣，"
	    "晚上十点在北门与业主发生争吵");
	struct request_detail d;
	char no[REQUEST_NO_BUFSZ];
	int64_t id, id2;

	in.category = "服务态度";
	assert_int_equal(svc_request_register(&f->rec, &in, &id, no), 0);
	assert_string_equal(no, "TS20261123-0001");
	assert_audit(f->db, "request.register", "wangli", "TS20261123-0001 "
	    "registered: complaint/attitude, urgent, by phone, house "
	    "3-2-1502");
	assert_audit(f->db, "request.register", "wangli", "138****5678");
	d = get(&f->rec, id);
	assert_string_equal(d.r.no, "TS20261123-0001");
	assert_int_equal(d.r.state, REQ_REGISTERED);
	assert_int_equal(d.r.type, REQ_COMPLAINT);
	assert_int_equal(d.r.category, REQ_CAT_ATTITUDE);
	assert_int_equal(d.r.urgency, REQ_URGENT);
	assert_int_equal(d.r.channel, REQ_BY_PHONE);
	assert_int_equal(d.r.house_id, f->house);
	assert_string_equal(d.r.house_code, "3-2-1502");
	assert_int_equal(d.r.building, 3);
	assert_string_equal(d.r.receiver_name, "王丽"); /* 首问责任人 */
	assert_int_equal(d.r.receiver_id, f->rec.user_id);
	assert_int_equal(d.r.needs_callback, 1);
	assert_int_equal(d.r.at, T0);
	assert_int_equal(d.r.clock.respond_by, T0 + 30 * MIN);
	assert_int_equal(d.r.clock.resolve_by, T0 + 24 * HOUR);
	assert_int_equal(d.r.due_at, T0 + 30 * MIN);
	assert_int_equal(d.r.dept, -1);
	assert_int_equal(d.r.cb_result, -1);
	assert_int_equal(d.r.valid, -1);
	assert_int_equal(d.r.version, 1);
	assert_int_equal(d.due, REQ_DUE_OK);
	assert_int_equal(d.log.n, 1);
	assert_int_equal(d.log.v[0].kind, REQ_ACT_REGISTER);
	assert_string_equal(d.log.v[0].user_name, "王丽");
	assert_true(d.actions & 1u << REQ_ACT_DISPATCH);
	assert_false(d.actions & 1u << REQ_ACT_CLASSIFY); /* director's */
	assert_false(d.actions & 1u << REQ_ACT_CLOSE);
	request_detail_release(&d);

	/* numbers run on through the day, and start again the next day */
	id2 = add_req(f, &f->rec2, "repair", NULL, no);
	assert_string_equal(no, "TS20261123-0002");
	assert_true(id2 > id);
	clock_fake(local(2026, 11, 23, 23, 59));
	add_req(f, &f->rec, "consult", NULL, no);
	assert_string_equal(no, "TS20261123-0003");
	clock_fake(local(2026, 11, 24, 0, 0));
	add_req(f, &f->rec, "consult", NULL, no);
	assert_string_equal(no, "TS20261124-0001");
	/* a consultation needs no callback; a public area needs a location */
	memset(&in, 0, sizeof in);
	in.type = "suggestion";
	in.category = "environment and cleaning";
	in.location = "3号楼电梯";
	in.description = "建议电梯内增加通风";
	assert_int_equal(svc_request_register(&f->rec, &in, &id, no), 0);
	d = get(&f->rec, id);
	assert_int_equal(d.r.house_id, 0);
	assert_string_equal(d.r.location, "3号楼电梯");
	assert_int_equal(d.r.needs_callback, 0);
	assert_int_equal(d.r.urgency, REQ_NORMAL);
	assert_int_equal(d.r.channel, REQ_BY_PHONE);
	request_detail_release(&d);
	/* by number as typed */
	assert_int_equal(svc_request_detail_by_no(&f->rec, "ts20261124-2", &d),
	    0);
	assert_int_equal(d.r.id, id);
	request_detail_release(&d);
	assert_int_equal(svc_request_detail_by_no(&f->rec, "TS20261124-0099",
	    &d), ERR_NOTFOUND);
	assert_int_equal(svc_request_detail_by_no(&f->rec, "3-2-1502", &d),
	    ERR_INVALID);
	assert_int_equal(svc_request_detail(&f->rec, 999, &d), ERR_NOTFOUND);
	assert_msg_has("request not found");
}

/* Bad input: each refused with its message, nothing stored. */
static void
test_register_bad(void **state)
{
	struct fx *f = *state;
	struct request_in in;
	struct request_detail d;
	char *big = malloc(4 * REQUEST_DESC_MAX + 8), *p;
	int64_t before, id;
	int i;

	before = rows_total(f);
	in = req_in("repair", NULL, "");
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("description is empty");
	in.description = " \u3000 \n ";
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	in.description = NULL;
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	in.description = "漏水\xff\xfe";
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	in.description = "漏水\x01";
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	/* 10,001 Chinese characters: one too many */
	for (p = big, i = 0; i < REQUEST_DESC_MAX + 1; i++, p += 3)
		memcpy(p, "漏", 3);
	*p = '\0';
	in.description = big;
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("10001");
	in = req_in("表扬", NULL, "x");
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("request type must be one of");
	in = req_in(NULL, NULL, "x");
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("choose the request type");
	in = req_in("repair", "very", "x");
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	in = req_in("repair", NULL, "x");
	in.phone = "12345";
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	in = req_in("repair", NULL, "x");
	in.house = "9-9-909";
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_NOTFOUND);
	assert_msg_has("house 9-9-909 not found");
	in.house = "三栋";
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	in.house = NULL;
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("no house and no location");
	in.house = "3-2-1502";
	in.visit_id = 77;
	assert_int_equal(svc_request_register(&f->rec, &in, NULL, NULL),
	    ERR_NOTFOUND);
	in.visit_id = 0;
	assert_int_equal(svc_request_register(&f->cash, &in, NULL, NULL),
	    ERR_DENIED);
	assert_int_equal(rows_total(f), before);

	/* exactly 10,000 characters (30,000 bytes) are fine */
	big[3 * REQUEST_DESC_MAX] = '\0';
	in.description = big;
	assert_int_equal(svc_request_register(&f->rec, &in, &id, NULL), 0);
	d = get(&f->rec, id);
	assert_int_equal(strlen(d.r.description), 3 * REQUEST_DESC_MAX);
	request_detail_release(&d);
	free(big);
}

/* Drafts from a visit and from a house. */
static void
test_drafts(void **state)
{
	struct fx *f = *state;
	struct visit_in v;
	struct owner_in o;
	struct request_draft dr;
	int64_t vid, id;

	memset(&o, 0, sizeof o);
	o.name = "刘德明";
	o.phone = "13900001111";
	assert_int_equal(svc_owner_add(&f->dir, &o, f->house, "2020-01-01",
	    NULL), 0);
	memset(&v, 0, sizeof v);
	v.house = "3-2-1502";
	v.visitor_name = "刘德明";
	v.phone = "13900001111";
	v.purpose = "报修";
	v.content = "厨房下水道堵塞";
	assert_int_equal(svc_visit_log(&f->rec, &v, &vid), 0);
	assert_int_equal(svc_request_draft_from_visit(&f->rec, vid, &dr), 0);
	assert_string_equal(dr.in.house, "3-2-1502");
	assert_string_equal(dr.in.type, "repair");
	assert_string_equal(dr.in.description, "厨房下水道堵塞");
	assert_string_equal(dr.in.channel, "visit");
	assert_int_equal(dr.in.visit_id, vid);
	dr.in.category = "facility";
	assert_int_equal(svc_request_register(&f->rec, &dr.in, &id, NULL), 0);
	request_draft_release(&dr);
	assert_int_equal(raw_int(f, "SELECT visit_id FROM requests"), vid);
	assert_int_equal(raw_int(f, "SELECT channel = 'visit' FROM requests"),
	    1);
	assert_int_equal(svc_request_draft_from_house(&f->rec, f->house, &dr),
	    0);
	assert_string_equal(dr.in.person, "刘德明");
	assert_string_equal(dr.in.phone, "13900001111");
	request_draft_release(&dr);
	assert_int_equal(svc_request_draft_from_visit(&f->rec, 999, &dr),
	    ERR_NOTFOUND);
	assert_int_equal(svc_request_draft_from_house(&f->cash, f->house,
	    &dr), ERR_DENIED);
}

/* ---- the lifecycle ---------------------------------------------------------- */

/* dispatch, start, resolve, callback, close: each with its timeline entry
 * and audit row */
static void
test_lifecycle(void **state)
{
	struct fx *f = *state;
	struct request_detail d;
	int64_t id = add_req(f, &f->rec, "报修", "一般", NULL);

	clock_fake(T0 + 20 * MIN);
	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "工程部", "张师傅",
	    0, "带上管钳"), 0);
	assert_audit(f->db, "request.dispatch", "wangli", "TS20261123-0001: "
	    "registered -> dispatched, dept engineering, handler 张师傅");
	assert_last_event(f, id, REQ_ACT_DISPATCH, "王丽", "张师傅: 带上管钳");
	d = get(&f->rec, id);
	assert_int_equal(d.r.state, REQ_DISPATCHED);
	assert_int_equal(d.r.dept, REQ_DEPT_ENGINEERING);
	assert_string_equal(d.r.handler, "张师傅");
	assert_int_equal(d.r.version, 2);
	assert_int_equal(d.r.responded_at, 0); /* dispatching is not a reply */
	assert_string_equal(d.log.v[1].code, "engineering");
	request_detail_release(&d);

	clock_fake(T0 + 90 * MIN);
	assert_int_equal(svc_request_start(&f->rec, id, 2, ""), 0);
	assert_audit(f->db, "request.start", "wangli", "dispatched -> "
	    "in_progress, responded in time");
	assert_last_event(f, id, REQ_ACT_START, "王丽", "");
	d = get(&f->rec, id);
	assert_int_equal(d.r.responded_at, T0 + 90 * MIN);
	assert_int_equal(d.r.due_at, d.r.clock.resolve_by);
	request_detail_release(&d);

	clock_fake(T0 + 5 * HOUR);
	assert_int_equal(svc_request_resolve(&f->rec, id, 3, "   "),
	    ERR_INVALID);
	assert_int_equal(svc_request_resolve(&f->rec, id, 3,
	    "更换了下水管，试水无渗漏"), 0);
	assert_audit(f->db, "request.resolve", "wangli", "in_progress -> "
	    "resolved, resolved in time");
	assert_last_event(f, id, REQ_ACT_RESOLVE, "王丽",
	    "更换了下水管，试水无渗漏");
	d = get(&f->rec, id);
	assert_int_equal(d.r.resolved_at, T0 + 5 * HOUR);
	assert_int_equal(d.r.clock.callback_by, T0 + 5 * HOUR + 2 * DAY);
	assert_int_equal(d.r.due_at, d.r.clock.callback_by);
	assert_true(d.actions & 1u << REQ_ACT_CALLBACK);
	assert_false(d.actions & 1u << REQ_ACT_CLOSE);
	request_detail_release(&d);

	/* another desk calls back */
	clock_fake(T0 + DAY);
	assert_int_equal(svc_request_callback(&f->rec2, id, 4, "满意", "电话",
	    "业主表示感谢"), 0);
	assert_audit(f->db, "request.callback", "zhangmin", "resolved -> "
	    "called_back, satisfied by phone");
	assert_last_event(f, id, REQ_ACT_CALLBACK, "张敏", "业主表示感谢");
	d = get(&f->rec, id);
	assert_int_equal(d.r.state, REQ_CALLED_BACK);
	assert_int_equal(d.r.cb_result, REQ_SATISFIED);
	assert_int_equal(d.r.cb_method, REQ_CB_PHONE);
	assert_int_equal(d.r.due_at, 0);
	assert_string_equal(d.log.v[d.log.n - 1].code, "satisfied");
	request_detail_release(&d);

	assert_int_equal(svc_request_close(&f->rec, id, 5, NULL), 0);
	assert_audit(f->db, "request.close", "wangli", "called_back -> closed");
	assert_last_event(f, id, REQ_ACT_CLOSE, "王丽", "");
	d = get(&f->rec, id);
	assert_int_equal(d.r.state, REQ_CLOSED);
	assert_int_equal(d.r.closed_at, T0 + DAY);
	assert_int_equal(d.log.n, 6);
	/* a closed request takes notes; only the director reopens it */
	assert_int_equal(d.actions, 1u << REQ_ACT_NOTE);
	request_detail_release(&d);
	assert_int_equal(svc_request_reopen(&f->rec, id, 6, "业主又来电"),
	    ERR_DENIED);
	d = get(&f->dir, id);
	assert_true(d.actions & 1u << REQ_ACT_REOPEN);
	assert_true(d.actions & 1u << REQ_ACT_CLASSIFY);
	request_detail_release(&d);
	audit_count(f->db);
}

/* A question answered at the desk: registered -> resolved -> closed. */
static void
test_answered_at_desk(void **state)
{
	struct fx *f = *state;
	int64_t id = add_req(f, &f->rec, "consult", NULL, NULL);

	clock_fake(T0 + 5 * MIN);
	assert_int_equal(svc_request_resolve(&f->rec, id, 1,
	    "已告知停水时间为周三上午"), 0);
	assert_int_equal(svc_request_close(&f->rec, id, 2, ""), 0);
	assert_int_equal(state_of(f, id), REQ_CLOSED);
	assert_int_equal(raw_int(f, "SELECT responded_at FROM requests"),
	    T0 + 5 * MIN);
}

/* Transitions that are not allowed: refused, nothing written. */
static void
test_illegal(void **state)
{
	struct fx *f = *state;
	int64_t id = add_req(f, &f->rec, "complaint", NULL, NULL), before;

	before = rows_total(f);
	/* calling back a request that is not resolved */
	assert_int_equal(svc_request_callback(&f->rec, id, 1, "满意", NULL,
	    NULL), ERR_STATE);
	assert_msg_has("only a resolved request can be called back; this one "
	    "is Registered");
	assert_int_equal(svc_request_start(&f->rec, id, 1, NULL), ERR_STATE);
	assert_msg_has("dispatched");
	assert_int_equal(svc_request_close(&f->rec, id, 1, NULL), ERR_STATE);
	assert_int_equal(svc_request_resume(&f->rec, id, 1, NULL), ERR_STATE);
	assert_int_equal(svc_request_reopen(&f->rec, id, 1, "x"), ERR_STATE);
	assert_int_equal(rows_total(f), before);
	/* closing a complaint without the required callback */
	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "客服", NULL,
	    f->rec.user_id, NULL), 0);
	assert_int_equal(svc_request_resolve(&f->rec, id, 2, "已道歉"), 0);
	before = rows_total(f);
	assert_int_equal(svc_request_close(&f->rec, id, 3, NULL), ERR_STATE);
	assert_msg_has("must be called back (回访) before it is closed");
	assert_int_equal(svc_request_dispatch(&f->rec, id, 3, "工程部", NULL,
	    0, NULL), ERR_STATE);
	assert_int_equal(svc_request_hold(&f->rec, id, 3, "等配件",
	    "2026-11-30"), ERR_STATE);
	assert_int_equal(rows_total(f), before);
	assert_int_equal(state_of(f, id), REQ_RESOLVED);
	/* bad input to actions */
	assert_int_equal(svc_request_callback(&f->rec, id, 3, "还行", NULL,
	    NULL), ERR_INVALID);
	assert_msg_has("callback result must be one of");
	assert_int_equal(svc_request_callback(&f->rec, id, 3, "", NULL, NULL),
	    ERR_INVALID);
	assert_int_equal(svc_request_callback(&f->rec, id, 3, "满意", "飞鸽",
	    NULL), ERR_INVALID);
	assert_int_equal(svc_request_callback(&f->cash, id, 3, "满意", NULL,
	    NULL), ERR_DENIED);
	assert_int_equal(svc_request_callback(&f->rec, 999, 1, "满意", NULL,
	    NULL), ERR_NOTFOUND);
	assert_int_equal(rows_total(f), before);
	/* the handler picked from the accounts must be active */
	assert_int_equal(raw_exec(f, "UPDATE users SET active = 0 WHERE name ="
	    " 'zhangmin'", NULL, 0), SQLITE_OK);
	id = add_req(f, &f->rec, "consult", NULL, NULL);
	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "客服", NULL,
	    f->rec2.user_id, NULL), ERR_INVALID);
	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "", NULL, 0,
	    NULL), ERR_INVALID);
	assert_msg_has("choose the department");
	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "客服", "\x80",
	    0, NULL), ERR_INVALID);
}

/* 不满意: the callback is recorded and the request reopened, in one action. */
static void
test_unsatisfied(void **state)
{
	struct fx *f = *state;
	struct request_detail d;
	int64_t id = add_req(f, &f->rec, "complaint", NULL, NULL), v;

	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "保洁", "李阿姨",
	    0, NULL), 0);
	assert_int_equal(svc_request_start(&f->rec, id, 2, NULL), 0);
	clock_fake(T0 + 3 * HOUR);
	assert_int_equal(svc_request_resolve(&f->rec, id, 3, "已清理楼道垃圾"),
	    0);
	clock_fake(T0 + DAY);
	assert_int_equal(svc_request_callback(&f->rec2, id, 4, "不满意", "上门",
	    "楼道仍有异味"), 0);
	assert_audit(f->db, "request.callback", "zhangmin", "resolved -> "
	    "called_back, unsatisfied by visit; called_back -> dispatched "
	    "(reopen 1)");
	d = get(&f->rec, id);
	assert_int_equal(d.r.state, REQ_DISPATCHED);
	assert_int_equal(d.r.reopens, 1);
	assert_int_equal(d.r.cb_result, REQ_UNSATISFIED);
	assert_int_equal(d.r.resolved_at, 0);
	assert_int_equal(d.r.clock.resolve_by, T0 + DAY + 3 * DAY);
	assert_int_equal(d.r.due_at, d.r.clock.resolve_by); /* responded */
	assert_int_equal(d.log.v[d.log.n - 2].kind, REQ_ACT_CALLBACK);
	assert_string_equal(d.log.v[d.log.n - 2].code, "unsatisfied");
	assert_int_equal(d.log.v[d.log.n - 1].kind, REQ_ACT_REOPEN);
	assert_string_equal(d.log.v[d.log.n - 1].code, "callback");
	v = d.r.version;
	assert_int_equal(v, 6);
	request_detail_release(&d);
	/* the second round */
	assert_int_equal(svc_request_start(&f->rec, id, v, NULL), 0);
	assert_int_equal(svc_request_resolve(&f->rec, id, v + 1, "全面消毒"),
	    0);
	assert_int_equal(svc_request_callback(&f->rec, id, v + 2, "基本满意",
	    NULL, NULL), 0);
	assert_int_equal(svc_request_close(&f->rec, id, v + 3, NULL), 0);
	/* the director reopens a closed one by hand */
	assert_int_equal(svc_request_reopen(&f->dir, id, v + 4, ""),
	    ERR_INVALID);
	assert_int_equal(svc_request_reopen(&f->dir, id, v + 4,
	    "业主再次投诉"), 0);
	assert_audit(f->db, "request.reopen", "director", "closed -> "
	    "dispatched (reopen 2)");
	d = get(&f->rec, id);
	assert_int_equal(d.r.reopens, 2);
	assert_int_equal(d.r.closed_at, 0);
	request_detail_release(&d);
}

/* Put on hold and resume by hand; the clock stops and carries on. */
static void
test_hold(void **state)
{
	struct fx *f = *state;
	struct request_detail d;
	int64_t id = add_req(f, &f->rec, "repair", NULL, NULL);
	int64_t resolve_by, before;

	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "工程部", NULL, 0,
	    NULL), 0);
	before = rows_total(f);
	assert_int_equal(svc_request_hold(&f->rec, id, 2, "", "2026-11-25"),
	    ERR_INVALID);
	assert_msg_has("reason for the hold is empty");
	assert_int_equal(svc_request_hold(&f->rec, id, 2, "等配件", ""),
	    ERR_INVALID);
	assert_msg_has("until when?");
	assert_int_equal(svc_request_hold(&f->rec, id, 2, "等配件",
	    "2026-11-23"), ERR_INVALID);
	assert_msg_has("by 2027-05-22 at the latest");
	assert_int_equal(svc_request_hold(&f->rec, id, 2, "等配件",
	    "2027-06-01"), ERR_INVALID);
	assert_int_equal(svc_request_hold(&f->rec, id, 2, "等配件",
	    "2026-11-31"), ERR_INVALID);
	assert_int_equal(rows_total(f), before);
	clock_fake(T0 + HOUR);
	assert_int_equal(svc_request_hold(&f->rec, id, 2, "等配件（水泵）",
	    "2026年11月26日"), 0);
	assert_audit(f->db, "request.hold", "wangli", "dispatched -> on_hold "
	    "until 2026-11-26");
	assert_last_event(f, id, REQ_ACT_HOLD, "王丽", "等配件（水泵）");
	d = get(&f->rec, id);
	assert_int_equal(d.r.state, REQ_ON_HOLD);
	assert_int_equal(d.r.held_from, REQ_DISPATCHED);
	assert_string_equal(d.r.hold_until, "2026-11-26");
	assert_string_equal(d.r.hold_reason, "等配件（水泵）");
	assert_int_equal(d.r.due_at, 0); /* the clock stands still */
	assert_int_equal(d.due, REQ_DUE_NONE);
	assert_int_equal(d.actions, 1u << REQ_ACT_NOTE | 1u << REQ_ACT_RESUME |
	    1u << REQ_ACT_HANDOVER);
	resolve_by = d.r.clock.resolve_by; /* T0 + 3 days */
	request_detail_release(&d);
	/* back by hand a day later: every deadline moves a day on */
	clock_fake(T0 + DAY + HOUR);
	assert_int_equal(svc_request_resume(&f->rec, id, 3, "配件到了"), 0);
	assert_audit(f->db, "request.resume", "wangli", "on_hold -> "
	    "dispatched (hold until 2026-11-26 ended early)");
	d = get(&f->rec, id);
	assert_int_equal(d.r.state, REQ_DISPATCHED);
	assert_int_equal(d.r.clock.resolve_by, resolve_by + DAY);
	assert_string_equal(d.r.hold_until, "");
	assert_string_equal(d.log.v[d.log.n - 1].code, "dispatched");
	request_detail_release(&d);
}

/* On hold across its deadline, ending by itself on its date. */
static void
test_hold_across_deadline(void **state)
{
	struct fx *f = *state;
	struct request_detail d;
	struct request_list l;
	struct request_query q;
	struct strbuf sb = STRBUF_INIT;
	int64_t id = add_req(f, &f->rec, "repair", "紧急", NULL);
	int64_t resolve_by;
	int n;

	/* urgent: resolve within 24 h, i.e. by Tuesday 10:00 */
	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "工程部", NULL, 0,
	    NULL), 0);
	assert_int_equal(svc_request_start(&f->rec, id, 2, NULL), 0);
	clock_fake(T0 + 20 * HOUR); /* 4 hours left */
	assert_int_equal(svc_request_hold(&f->rec, id, 3, "业主出差，无法入户",
	    "2026-11-27"), 0);
	/* Tuesday noon: past the old deadline, but on hold: not overdue */
	clock_fake(T0 + 26 * HOUR);
	memset(&q, 0, sizeof q);
	q.queue = REQ_Q_OPEN;
	q.type = q.state = q.dept = -1;
	q.overdue = 1;
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 0);
	request_list_release(&l);
	d = get(&f->rec, id);
	assert_int_equal(d.r.state, REQ_ON_HOLD);
	resolve_by = d.r.clock.resolve_by;
	assert_int_equal(resolve_by, T0 + 24 * HOUR);
	request_detail_release(&d);
	/* the check counts nothing yet */
	assert_int_equal(svc_check(&f->dir, 0, &sb), 0);
	assert_null(strstr(sb.buf, "holds past their date"));
	strbuf_reset(&sb);
	/* Friday 2026-11-27 09:00: the date has come; nobody has looked yet */
	clock_fake(local(2026, 11, 27, 9, 0));
	assert_int_equal(svc_check(&f->dir, 0, &sb), 0);
	assert_non_null(strstr(sb.buf, "requests: 1 holds past their date"));
	strbuf_release(&sb);
	/* the first desk to open a list wakes it: from Friday 00:00, with the
	 * 4 hours that were left */
	q.overdue = 0;
	assert_int_equal(svc_request_queue(&f->rec2, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].state, REQ_IN_PROGRESS);
	assert_int_equal(l.v[0].due_at, local(2026, 11, 27, 4, 0));
	request_list_release(&l);
	assert_audit(f->db, "request.resume", "zhangmin", "hold until "
	    "2026-11-27 ended by itself; back to in_progress");
	assert_last_event(f, id, REQ_ACT_RESUME, NULL, "");
	/* now it is overdue, by 5 hours: judged from where it stood */
	d = get(&f->rec, id);
	assert_int_equal(d.due, REQ_DUE_OVERDUE);
	request_detail_release(&d);
	assert_int_equal(svc_request_wake(&f->rec, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(svc_request_wake(&f->cash, &n), ERR_DENIED);
}

/* A stale version after a hold woke is still refused: the desk saw it on
 * hold, so it must look again. */
static void
test_wake_then_act(void **state)
{
	struct fx *f = *state;
	int64_t id = add_req(f, &f->rec, "repair", NULL, NULL);

	assert_int_equal(svc_request_hold(&f->rec, id, 1, "等业主回来",
	    "2026-11-24"), 0);
	/* the desk read version 2; the date comes; it acts with version 2 */
	clock_fake(local(2026, 11, 24, 9, 0));
	assert_int_equal(svc_request_dispatch(&f->rec, id, 2, "工程部", NULL,
	    0, NULL), 0);
	assert_int_equal(state_of(f, id), REQ_DISPATCHED);
	assert_int_equal(version(f, id), 4);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM request_log WHERE"
	    " kind = 'resume' AND user_id IS NULL"), 1);
}

/* Hand-over of first-ask responsibility (首问责任制). */
static void
test_handover(void **state)
{
	struct fx *f = *state;
	struct request_detail d;
	struct strbuf sb = STRBUF_INIT;
	char msg[256];
	int64_t id = add_req(f, &f->rec, "complaint", NULL, NULL);

	/* someone else's request: only its first receiver or the director */
	assert_int_equal(svc_request_handover(&f->rec2, id, 1, f->rec2.user_id,
	    "我来跟进"), ERR_DENIED);
	assert_msg_has("only the first receiver (王丽) or the director");
	d = get(&f->rec2, id);
	assert_false(d.actions & 1u << REQ_ACT_HANDOVER);
	request_detail_release(&d);
	assert_int_equal(svc_request_handover(&f->rec, id, 1, f->rec2.user_id,
	    ""), ERR_INVALID);
	assert_int_equal(svc_request_handover(&f->rec, id, 1, f->cash.user_id,
	    "调岗"), ERR_INVALID);
	assert_msg_has("active receptionist or director");
	assert_int_equal(svc_request_handover(&f->rec, id, 1, f->rec.user_id,
	    "调岗"), ERR_INVALID);
	assert_msg_has("王丽 is the first receiver already");
	assert_int_equal(svc_request_handover(&f->rec, id, 1, 999, "调岗"),
	    ERR_INVALID);
	clock_fake(T0 + HOUR);
	assert_int_equal(svc_request_handover(&f->rec, id, 1, f->rec2.user_id,
	    "王丽明天起休假"), 0);
	assert_audit(f->db, "request.handover", "wangli", "first receiver 王丽 "
	    "-> 张敏");
	d = get(&f->rec, id);
	assert_int_equal(d.r.receiver_id, f->rec2.user_id);
	assert_string_equal(d.r.receiver_name, "张敏");
	assert_int_equal(d.r.version, 2);
	assert_int_equal(d.log.v[1].kind, REQ_ACT_HANDOVER);
	assert_int_equal(d.log.v[1].from_user, f->rec.user_id);
	assert_int_equal(d.log.v[1].to_user, f->rec2.user_id);
	assert_string_equal(d.log.v[1].from_name, "王丽");
	assert_string_equal(d.log.v[1].to_name, "张敏");
	assert_string_equal(d.log.v[1].text, "王丽明天起休假");
	assert_int_equal(d.log.v[1].at, T0 + HOUR);
	request_detail_release(&d);
	/* the director may hand anyone's over */
	assert_int_equal(svc_request_handover(&f->dir, id, 2, f->dir.user_id,
	    "主任亲自处理"), 0);
	/* never silently: the schema refuses any other change */
	assert_int_equal(raw_exec(f, "UPDATE requests SET receiver = 1",
	    msg, sizeof msg), SQLITE_CONSTRAINT);
	assert_non_null(strstr(msg, "first receiver changes only by "
	    "hand-over"));
	assert_int_equal(raw_exec(f, "UPDATE requests SET receiver = receiver,"
	    " person = '李四'", NULL, 0), SQLITE_OK); /* unchanged is fine */
	assert_int_equal(svc_check(&f->dir, 0, &sb), 0);
	strbuf_release(&sb);
}

/* Notes: internal or told to the owner; never refused for a version. */
static void
test_note(void **state)
{
	struct fx *f = *state;
	struct request_detail d;
	int64_t id = add_req(f, &f->rec, "repair", NULL, NULL);

	assert_int_equal(svc_request_note(&f->rec, id, "已电话联系工程部", 0),
	    0);
	assert_audit(f->db, "request.note", "wangli", "internal note");
	assert_int_equal(svc_request_note(&f->rec2, id, "已告知业主明天上午上门",
	    1), 0);
	assert_audit(f->db, "request.note", "zhangmin", "told the owner note");
	assert_int_equal(svc_request_note(&f->rec, id, "", 0), ERR_INVALID);
	assert_int_equal(svc_request_note(&f->cash, id, "x", 0), ERR_DENIED);
	d = get(&f->rec, id);
	assert_int_equal(d.log.n, 3);
	assert_int_equal(d.log.v[1].to_owner, 0);
	assert_int_equal(d.log.v[2].to_owner, 1);
	assert_int_equal(d.r.version, 1); /* a note changes no field */
	request_detail_release(&d);
}

/* The director's classification. */
static void
test_classify(void **state)
{
	struct fx *f = *state;
	struct request_detail d;
	int64_t id = add_req(f, &f->rec, "complaint", NULL, NULL);

	assert_int_equal(svc_request_classify(&f->rec, id, 1, 1, NULL),
	    ERR_DENIED);
	assert_int_equal(svc_request_classify(&f->dir, id, 1, 0, ""),
	    ERR_INVALID);
	assert_msg_has("why it is invalid is empty");
	assert_int_equal(svc_request_classify(&f->dir, id, 1, 0,
	    "恶意投诉，与物业无关"), 0);
	assert_audit(f->db, "request.classify", "director", "unclassified -> "
	    "invalid");
	assert_int_equal(svc_request_classify(&f->dir, id, 2, 1, NULL), 0);
	d = get(&f->dir, id);
	assert_int_equal(d.r.valid, 1);
	assert_string_equal(d.log.v[d.log.n - 1].code, "valid");
	request_detail_release(&d);
}

/* Two desks act on the same request at the same moment, each on its own
 * connection: one wins, the other is told what happened and re-reads. */
static void
test_two_desks(void **state)
{
	struct fx *f = *state;
	struct db *db2 = NULL;
	struct session b;
	struct request_detail da, db_;
	int64_t id = add_req(f, &f->rec, "repair", NULL, NULL), before;

	assert_int_equal(db_open(&db2, f->path, 2000, 0), 0);
	memset(&b, 0, sizeof b);
	b.user_id = f->rec2.user_id;
	make_session(db2, &b, &cfg, "zhangmin", "张敏", ROLE_RECEPTIONIST);
	/* both desks have the request on screen */
	da = get(&f->rec, id);
	assert_int_equal(svc_request_detail(&b, id, &db_), 0);
	assert_int_equal(da.r.version, db_.r.version);
	/* desk A dispatches at 10:05; desk B, a moment later, resolves */
	clock_fake(T0 + 5 * MIN);
	assert_int_equal(svc_request_dispatch(&f->rec, id, da.r.version,
	    "工程部", "张师傅", 0, NULL), 0);
	before = rows_total(f);
	assert_int_equal(svc_request_resolve(&b, id, db_.r.version, "已修好"),
	    ERR_CONFLICT);
	assert_msg_has("TS20261123-0001 was changed at another desk meanwhile "
	    "(Dispatch, 王丽, 10:05)");
	assert_int_equal(rows_total(f), before);
	/* desk B reads it again: the fresh state, and may go on */
	request_detail_release(&db_);
	assert_int_equal(svc_request_detail(&b, id, &db_), 0);
	assert_int_equal(db_.r.state, REQ_DISPATCHED);
	assert_string_equal(db_.r.handler, "张师傅");
	assert_int_equal(svc_request_resolve(&b, id, db_.r.version, "已修好"),
	    0);
	/* and desk A, still on the old screen, is refused in turn */
	assert_int_equal(svc_request_start(&f->rec, id, da.r.version + 1, NULL),
	    ERR_CONFLICT);
	assert_msg_has("(Resolve, 张敏,");
	/* the hand-over checks the version too */
	assert_int_equal(svc_request_handover(&f->rec, id, da.r.version,
	    f->dir.user_id, "x"), ERR_CONFLICT);
	request_detail_release(&da);
	request_detail_release(&db_);
	session_release(&b);
	db_close(&db2);
}

/* ---- two desks at the very same moment (two processes) ------------------------------ */

#define NROUNDS 60

/* What a racing desk answers for one round. */
struct race_answer {
	int round;
	int rc;              /* of its action */
	int fresh;           /* the state it reads afterwards */
	char msg[200];
};

/* The parent's go message: act on this request, read at version 1. */
struct race_go {
	int round;
	int64_t id;
};

static int
read_full(int fd, void *p, size_t n)
{
	char *c = p;
	ssize_t r;

	while (n > 0) {
		if ((r = read(fd, c, n)) <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

static void
write_full(int fd, const void *p, size_t n)
{
	if (write(fd, p, n) != (ssize_t)n)
		_exit(3);
}

/*
 * One desk: its own connection; per round it acts on the request with the
 * version read before the other desk acted (1), desk 0 dispatching and
 * desk 1 resolving, then reads it again.  No cmocka here.
 */
static void
race_desk(const char *path, int64_t user, const char *login, int which,
    int go, int result)
{
	struct race_answer a;
	struct race_go g;
	struct request_detail d;
	struct session s;
	struct db *db = NULL;

	if (db_open(&db, path, cfg.busy_timeout_ms, 0) != 0)
		_exit(1);
	memset(&s, 0, sizeof s);
	s.user_id = user;
	make_session(db, &s, &cfg, login, login, ROLE_RECEPTIONIST);
	while (read_full(go, &g, sizeof g) == 0) {
		memset(&a, 0, sizeof a);
		a.round = g.round;
		err_clear();
		a.rc = which == 0 ? svc_request_dispatch(&s, g.id, 1, "工程部",
		    NULL, 0, NULL) : svc_request_resolve(&s, g.id, 1, "已修好");
		snprintf(a.msg, sizeof a.msg, "%s", err_msg());
		a.fresh = -1;
		if (svc_request_detail(&s, g.id, &d) == 0)
			a.fresh = d.r.state;
		request_detail_release(&d);
		write_full(result, &a, sizeof a);
	}
	session_release(&s);
	db_close(&db);
	_exit(0);
}

static void
test_two_desks_race(void **state)
{
	struct fx *f = *state;
	struct race_answer a[2];
	struct race_go g;
	int go[2][2], res[2][2], k, r, status, wins[2] = {0, 0};
	pid_t pid[2];
	int64_t audit0;

	for (k = 0; k < 2; k++) {
		assert_int_equal(pipe(go[k]), 0);
		assert_int_equal(pipe(res[k]), 0);
		pid[k] = fork();
		assert_true(pid[k] >= 0);
		if (pid[k] == 0) {
			if (k == 1) {
				close(go[0][1]);
				close(res[0][0]);
			}
			close(go[k][1]);
			close(res[k][0]);
			race_desk(f->path, k == 0 ? f->rec.user_id :
			    f->rec2.user_id, k == 0 ? "wangli" : "zhangmin", k,
			    go[k][0], res[k][1]);
		}
		close(go[k][0]);
		close(res[k][1]);
	}
	audit0 = audit_count(f->db);
	for (r = 0; r < NROUNDS; r++) {
		g.round = r;
		g.id = add_req(f, &f->rec, "repair", NULL, NULL);
		/* both at once, each first in turn */
		for (k = 0; k < 2; k++)
			assert_int_equal(write(go[(k + r) % 2][1], &g, sizeof g),
			    (ssize_t)sizeof g);
		for (k = 0; k < 2; k++) {
			assert_int_equal(read_full(res[k][0], &a[k],
			    sizeof a[k]), 0);
			assert_int_equal(a[k].round, r);
			if (a[k].rc == ERR_BUSY)
				fail_msg("round %d: desk %d busy", r, k);
		}
		if (!((a[0].rc == 0 && a[1].rc == ERR_CONFLICT) ||
		    (a[0].rc == ERR_CONFLICT && a[1].rc == 0)))
			fail_msg("round %d: desks answered %d (%s) and %d (%s)",
			    r, a[0].rc, a[0].msg, a[1].rc, a[1].msg);
		k = a[0].rc == 0 ? 0 : 1;
		wins[k]++;
		/* the loser was told, and reads the winner's state */
		if (strstr(a[1 - k].msg, "was changed at another desk") ==
		    NULL)
			fail_msg("round %d: '%s'", r, a[1 - k].msg);
		assert_int_equal(a[1 - k].fresh, k == 0 ? REQ_DISPATCHED :
		    REQ_RESOLVED);
		assert_int_equal(state_of(f, g.id), k == 0 ? REQ_DISPATCHED :
		    REQ_RESOLVED);
	}
	for (k = 0; k < 2; k++) {
		close(go[k][1]);
		assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		close(res[k][0]);
	}
	/* a register and one winning change per round, nothing else */
	assert_int_equal(audit_count(f->db), audit0 + 2 * NROUNDS);
	print_message("two desks: dispatch won %d, resolve won %d of %d\n",
	    wins[0], wins[1], NROUNDS);
}

/* ---- deadlines in working hours --------------------------------------------------- */

/* A deadline crossing a weekend and a holiday week, in working hours. */
static void
test_working_hours(void **state)
{
	struct fx *f = *state;
	struct request_detail d;
	int64_t id;

	release_sessions(f);
	sessions(f, &cfg_work);
	/* Friday 2026-11-27 17:10: urgent respond 30 min: 20 min on Friday,
	 * 10 on Monday */
	clock_fake(local(2026, 11, 27, 17, 10));
	id = add_req(f, &f->rec, "repair", "urgent", NULL);
	d = get(&f->rec, id);
	assert_int_equal(d.r.clock.respond_by, local(2026, 11, 30, 8, 40));
	/* 24 h is one working day: Monday 17:10 */
	assert_int_equal(d.r.clock.resolve_by, local(2026, 11, 30, 17, 10));
	request_detail_release(&d);
	/* Wednesday 2026-09-30 16:00, before the National Day week: normal
	 * resolve 3 working days = 27 h: 1.5 h Wed, Thu 10-08, Fri 10-09,
	 * 7.5 h on the make-up Saturday 10-10 */
	clock_fake(local(2026, 9, 30, 16, 0));
	id = add_req(f, &f->rec, "complaint", NULL, NULL);
	d = get(&f->rec, id);
	assert_int_equal(d.r.clock.respond_by, local(2026, 10, 8, 9, 0));
	assert_int_equal(d.r.clock.resolve_by, local(2026, 10, 10, 16, 0));
	request_detail_release(&d);
	/* on hold across the weekend: held Thursday 10-08 09:00 (resolve had
	 * 8.5 + 9 + 7.5 = 25 working hours left), back Monday 10-12 08:30 */
	clock_fake(local(2026, 10, 8, 9, 0));
	assert_int_equal(svc_request_dispatch(&f->rec, id, 1, "工程部", NULL, 0,
	    NULL), 0);
	assert_int_equal(svc_request_hold(&f->rec, id, 2, "等业主", "2026-10-20"),
	    0);
	clock_fake(local(2026, 10, 12, 8, 30));
	assert_int_equal(svc_request_resume(&f->rec, id, 3, NULL), 0);
	d = get(&f->rec, id);
	/* 25 h from Monday 08:30: Mon, Tue, 7 h on Wednesday -> 15:30 */
	assert_int_equal(d.r.clock.resolve_by, local(2026, 10, 14, 15, 30));
	request_detail_release(&d);
}

/* ---- queues, counts, the register, the review ------------------------------------- */

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

static void
test_queues(void **state)
{
	struct fx *f = *state;
	struct request_query q;
	struct request_list l;
	struct request_counts c;
	struct request_in in;
	int64_t a, b, c3, d4;

	a = add_req(f, &f->rec, "repair", "urgent", NULL);    /* 0001 */
	b = add_req(f, &f->rec2, "complaint", NULL, NULL);    /* 0002 */
	in = req_in("consult", NULL, "询问100%_装修押金退还");
	in.house = "7-1-302";
	assert_int_equal(svc_request_register(&f->rec, &in, &c3, NULL), 0);
	d4 = add_req(f, &f->rec2, "suggestion", NULL, NULL);  /* 0004 */
	assert_int_equal(svc_request_dispatch(&f->rec2, b, 1, "工程部", NULL,
	    f->rec.user_id, NULL), 0);
	assert_int_equal(svc_request_resolve(&f->rec2, d4, 1, "已记录"), 0);
	assert_int_equal(svc_request_close(&f->rec2, d4, 2, NULL), 0);

	/* all open, by running deadline: the urgent one first */
	q = query(REQ_Q_OPEN);
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.total, 3);
	assert_int_equal(l.v[0].id, a);
	assert_string_equal(l.v[0].no, "TS20261123-0001");
	assert_string_equal(l.v[0].summary, "卫生间漏水，楼下天花板有水渍");
	assert_string_equal(l.v[0].receiver_name, "王丽");
	request_list_release(&l);
	/* mine: first receiver or handler */
	q = query(REQ_Q_MINE);
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 3); /* a, c3, and b as its handler */
	request_list_release(&l);
	assert_int_equal(svc_request_queue(&f->rec2, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, b);
	request_list_release(&l);
	/* filters */
	q = query(REQ_Q_OPEN);
	q.type = REQ_CONSULT;
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, c3);
	request_list_release(&l);
	q = query(REQ_Q_OPEN);
	q.state = REQ_DISPATCHED;
	q.dept = REQ_DEPT_ENGINEERING;
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	request_list_release(&l);
	q = query(REQ_Q_OPEN);
	q.building = 7;
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].house_code, "7-1-302");
	request_list_release(&l);
	q = query(REQ_Q_OPEN);
	q.text = "100%_"; /* literal, not wildcards */
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	request_list_release(&l);
	q.text = "%";
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	request_list_release(&l);
	q.text = "0002";
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, b);
	request_list_release(&l);
	q.text = "漏水";
	assert_int_equal(svc_request_queue(&f->rec, &q, 1, 0, &l), 0);
	assert_int_equal(l.n, 1);  /* limit 1 */
	assert_int_equal(l.total, 2);
	request_list_release(&l);
	/* overdue and due today */
	clock_fake(T0 + 40 * MIN); /* the urgent one is past its 30 min */
	q = query(REQ_Q_OPEN);
	q.overdue = 1;
	assert_int_equal(svc_request_overdue(&f->dir, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].id, a);
	assert_string_equal(l.v[0].receiver_name, "王丽");
	request_list_release(&l);
	q = query(REQ_Q_OPEN);
	assert_int_equal(svc_request_queue_due_today(&f->rec, &q, 0, 0, &l),
	    0);
	assert_int_equal(l.n, 3); /* every respond-by falls today */
	request_list_release(&l);
	assert_int_equal(svc_request_counts(&f->rec, &c), 0);
	assert_int_equal(c.open, 3);
	assert_int_equal(c.mine, 3);
	assert_int_equal(c.overdue, 1);
	assert_int_equal(c.due_today, 3);
	assert_int_equal(c.today, 4);
	assert_int_equal(c.callback, 0);
	assert_int_equal(c.today_signed, 0);
	/* the warning band: b's and c3's 2 h respond-by are in their last
	 * 25% from 11:30; the urgent one is overdue, not warned */
	clock_fake(T0 + 100 * MIN);
	assert_int_equal(svc_request_counts(&f->rec, &c), 0);
	assert_int_equal(c.warning, 2);
	assert_int_equal(c.overdue, 1);
	/* awaiting callback, on hold, by house */
	assert_int_equal(svc_request_resolve(&f->rec, a, 1, "已修复"), 0);
	q = query(REQ_Q_CALLBACK);
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].callback_by, T0 + 100 * MIN + 2 * DAY);
	request_list_release(&l);
	assert_int_equal(svc_request_hold(&f->rec, c3, 1, "等财务核对",
	    "2026-11-30"), 0);
	q = query(REQ_Q_ON_HOLD);
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.v[0].hold_until, "2026-11-30");
	assert_int_equal(l.v[0].held_from, REQ_REGISTERED);
	request_list_release(&l);
	q = query(REQ_Q_HOUSE);
	q.house_id = f->house;
	assert_int_equal(svc_request_queue(&f->rec, &q, 0, 0, &l), 0);
	assert_int_equal(l.n, 3);
	request_list_release(&l);
	assert_int_equal(svc_request_queue(&f->cash, &q, 0, 0, &l), ERR_DENIED);
	assert_int_equal(svc_request_counts(&f->cash, &c), ERR_DENIED);
}

/* Today's register and the director's sign-off. */
static void
test_signoff(void **state)
{
	struct fx *f = *state;
	struct request_list l;
	struct request_signoff so;
	int is_signed;

	add_req(f, &f->rec, "repair", NULL, NULL);
	add_req(f, &f->rec, "complaint", NULL, NULL);
	clock_fake(T0 + DAY);
	add_req(f, &f->rec, "consult", NULL, NULL);
	assert_int_equal(svc_request_day(&f->dir, "2026-11-23", &l, &so,
	    &is_signed), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(is_signed, 0);
	request_list_release(&l);
	assert_int_equal(svc_request_signoff(&f->rec, "2026-11-23", NULL),
	    ERR_DENIED);
	assert_int_equal(svc_request_signoff(&f->dir, "2026-11-25", NULL),
	    ERR_INVALID);
	assert_msg_has("2026-11-25 has not come yet");
	assert_int_equal(svc_request_signoff(&f->dir, "2026-11-23",
	    "已逐条审阅"), 0);
	assert_audit(f->db, "request.signoff", "director", "register of "
	    "2026-11-23 signed off: 2 requests; note: 已逐条审阅");
	assert_int_equal(svc_request_signoff(&f->dir, "2026/11/23", NULL),
	    ERR_CONFLICT);
	assert_msg_has("signed off already, by 李主任 at 2026-11-24 10:00");
	assert_int_equal(svc_request_day(&f->rec, "2026-11-23", &l, &so,
	    &is_signed), 0);
	assert_int_equal(is_signed, 1);
	assert_int_equal(so.count, 2);
	assert_string_equal(so.director_name, "李主任");
	assert_string_equal(so.note, "已逐条审阅");
	request_signoff_release(&so);
	request_list_release(&l);
	/* today, by default */
	assert_int_equal(svc_request_signoff(&f->dir, NULL, NULL), 0);
	assert_int_equal(svc_request_day(&f->rec, "", &l, NULL, &is_signed), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(is_signed, 1);
	request_list_release(&l);
	assert_int_equal(svc_request_day(&f->rec, "昨天", &l, NULL, NULL),
	    ERR_INVALID);
}

/* The monthly review's figures. */
static void
test_review(void **state)
{
	struct fx *f = *state;
	struct request_month m;
	int64_t a, b, c, d;

	/* a: repair, responded and resolved in time, satisfied, closed */
	a = add_req(f, &f->rec, "repair", NULL, NULL);
	/* b: complaint, responded late, resolved late, unsatisfied then
	 * fairly satisfied */
	b = add_req(f, &f->rec, "complaint", NULL, NULL);
	/* c: consult answered at once, no callback needed */
	c = add_req(f, &f->rec, "consult", NULL, NULL);
	/* d: repair, still open and past respond-by */
	d = add_req(f, &f->rec, "repair", "urgent", NULL);
	(void)d;
	clock_fake(T0 + 30 * MIN);
	assert_int_equal(svc_request_resolve(&f->rec, c, 1, "已答复"), 0);
	assert_int_equal(svc_request_close(&f->rec, c, 2, NULL), 0);
	assert_int_equal(svc_request_dispatch(&f->rec, a, 1, "工程部", NULL, 0,
	    NULL), 0);
	assert_int_equal(svc_request_start(&f->rec, a, 2, NULL), 0);
	clock_fake(T0 + 6 * HOUR);
	assert_int_equal(svc_request_resolve(&f->rec, a, 3, "修好"), 0);
	assert_int_equal(svc_request_callback(&f->rec, a, 4, "满意", NULL,
	    NULL), 0);
	assert_int_equal(svc_request_close(&f->rec, a, 5, NULL), 0);
	assert_int_equal(svc_request_dispatch(&f->rec, b, 1, "保洁", NULL, 0,
	    NULL), 0);
	clock_fake(T0 + 4 * DAY);
	assert_int_equal(svc_request_start(&f->rec, b, 2, NULL), 0);
	assert_int_equal(svc_request_resolve(&f->rec, b, 3, "处理"), 0);
	assert_int_equal(svc_request_callback(&f->rec, b, 4, "不满意", NULL,
	    NULL), 0);
	assert_int_equal(svc_request_resolve(&f->rec, b, 6, "再处理"), 0);
	assert_int_equal(svc_request_callback(&f->rec, b, 7, "基本满意", NULL,
	    NULL), 0);
	assert_int_equal(svc_request_classify(&f->dir, b, 8, 1, NULL), 0);
	assert_int_equal(svc_request_classify(&f->dir, c, 3, 0, "重复"), 0);

	assert_int_equal(svc_request_review(&f->dir, "2026-11", &m), 0);
	assert_int_equal(m.from, local(2026, 11, 1, 0, 0));
	assert_int_equal(m.to, local(2026, 12, 1, 0, 0));
	assert_int_equal(m.review.total, 4);
	assert_int_equal(m.review.by_type[REQ_REPAIR], 2);
	assert_int_equal(m.review.by_type[REQ_COMPLAINT], 1);
	assert_int_equal(m.review.by_category[REQ_CAT_FACILITY], 4);
	assert_int_equal(m.review.by_state[REQ_CLOSED], 2);
	assert_int_equal(m.review.by_state[REQ_CALLED_BACK], 1);
	assert_int_equal(m.review.by_state[REQ_REGISTERED], 1);
	assert_int_equal(m.review.respond_on_time, 2); /* a, c */
	assert_int_equal(m.review.respond_late, 2);    /* b, d */
	/* b's second round was in time: a reopened request is judged on its
	 * last round (its reopen is counted below) */
	assert_int_equal(m.review.resolve_on_time, 3);
	assert_int_equal(m.review.resolve_late, 1);    /* d, past it */
	assert_int_equal(m.review.callback_due, 2);    /* a, b */
	assert_int_equal(m.review.callback_done, 2);
	assert_int_equal(m.review.callbacks, 3);
	assert_int_equal(m.review.satisfied, 1);
	assert_int_equal(m.review.fairly, 1);
	assert_int_equal(m.review.unsatisfied, 1);
	assert_int_equal(m.review.resolved, 3);
	assert_int_equal(m.review.resolve_seconds, 30 * MIN + 6 * HOUR +
	    4 * DAY);
	assert_int_equal(m.review.reopened, 1);
	assert_int_equal(m.review.reopens, 1);
	assert_int_equal(m.review.valid, 1);
	assert_int_equal(m.review.invalid, 1);
	assert_int_equal(m.review.overdue_open, 1);
	assert_int_equal(svc_request_review(&f->dir, "2026-10", &m), 0);
	assert_int_equal(m.review.total, 0);
	assert_int_equal(svc_request_review(&f->dir, "2026-13", &m),
	    ERR_INVALID);
	assert_int_equal(svc_request_review(&f->cash, "2026-11", &m),
	    ERR_DENIED);
}

/* ---- export, schema, check ------------------------------------------------------- */

struct collect {
	int n;
	char phone[32];
	char no[REQUEST_NO_BUFSZ];
};

static int
collect(const struct service_request *r, void *arg)
{
	struct collect *c = arg;

	c->n++;
	snprintf(c->phone, sizeof c->phone, "%s", r->phone);
	snprintf(c->no, sizeof c->no, "%s", r->no);
	return 0;
}

static void
test_export(void **state)
{
	struct fx *f = *state;
	struct collect c = {0};

	add_req(f, &f->rec, "repair", NULL, NULL);
	add_req(f, &f->rec, "repair", NULL, NULL);
	assert_int_equal(svc_request_export(&f->dir, 0, INT64_MAX, collect, &c),
	    0);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.phone, "13812345678");
	assert_string_equal(c.no, "TS20261123-0002");
	assert_audit(f->db, "export.requests", "director", "2 rows, full "
	    "numbers");
	assert_int_equal(svc_request_export(&f->cash, 0, INT64_MAX, collect,
	    &c), ERR_DENIED);
	c.n = 0;
	assert_int_equal(svc_request_export(&f->rec, T0 + HOUR, INT64_MAX,
	    collect, &c), 0);
	assert_int_equal(c.n, 0);
}

/* Nothing is deleted; the timeline is append-only. */
static void
test_schema(void **state)
{
	struct fx *f = *state;
	char msg[256];

	add_req(f, &f->rec, "repair", NULL, NULL);
	assert_int_equal(svc_request_signoff(&f->dir, NULL, NULL), 0);
	assert_int_equal(raw_exec(f, "DELETE FROM requests", msg, sizeof msg),
	    SQLITE_CONSTRAINT);
	assert_non_null(strstr(msg, "never deleted"));
	assert_int_equal(raw_exec(f, "DELETE FROM request_log", NULL, 0),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f, "UPDATE request_log SET text = 'x'",
	    NULL, 0), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f, "DELETE FROM request_signoffs", NULL, 0),
	    SQLITE_CONSTRAINT);
	/* a description over 10,000 characters, an empty one */
	assert_int_equal(raw_exec(f, "UPDATE requests SET descr = ''", NULL,
	    0), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f, "UPDATE requests SET descr ="
	    " printf('%.*c', 10001, 'x')", NULL, 0), SQLITE_CONSTRAINT);
	/* on hold needs its reason and date */
	assert_int_equal(raw_exec(f, "UPDATE requests SET state = 'on_hold'",
	    NULL, 0), SQLITE_CONSTRAINT);
	/* a hand-over row needs from, to and why */
	assert_int_equal(raw_exec(f, "INSERT INTO request_log (request_id, at,"
	    " kind, text, to_owner) VALUES (1, 0, 'handover', 'x', 0)", NULL,
	    0), SQLITE_CONSTRAINT);
}

static void
test_check(void **state)
{
	struct fx *f = *state;
	struct strbuf sb = STRBUF_INIT;
	int64_t id = add_req(f, &f->rec, "complaint", NULL, NULL);

	add_req(f, &f->rec, "repair", NULL, NULL);
	assert_int_equal(svc_check(&f->dir, 0, &sb), 0);
	assert_non_null(strstr(sb.buf, "requests: 2, numbered without gaps, "
	    "first receivers and callbacks consistent"));
	strbuf_reset(&sb);
	/* closed without its callback, behind svc's back */
	assert_int_equal(svc_request_resolve(&f->rec, id, 1, "x"), 0);
	assert_int_equal(raw_exec(f, "UPDATE requests SET state = 'closed',"
	    " closed_at = at + 1 WHERE id = 1", NULL, 0), SQLITE_OK);
	assert_int_equal(svc_check(&f->dir, 0, &sb), ERR_STATE);
	assert_msg_has("1 requests were closed without the callback they "
	    "needed");
	assert_int_equal(raw_exec(f, "UPDATE requests SET state = 'resolved',"
	    " closed_at = 0 WHERE id = 1", NULL, 0), SQLITE_OK);
	/* a first receiver changed with the trigger gone */
	assert_int_equal(raw_exec(f, "DROP TRIGGER requests_receiver;"
	    " UPDATE requests SET receiver = 2 WHERE id = 2", NULL, 0),
	    SQLITE_OK);
	assert_int_equal(svc_check(&f->dir, 0, &sb), ERR_STATE);
	assert_msg_has("1 requests have a first receiver that no recorded "
	    "hand-over gave them");
	assert_int_equal(raw_exec(f, "UPDATE requests SET receiver = 1"
	    " WHERE id = 2", NULL, 0), SQLITE_OK);
	/* a gap in the numbers */
	assert_int_equal(raw_exec(f, "UPDATE requests SET seq = 3 WHERE id = 2",
	    NULL, 0), SQLITE_OK);
	assert_int_equal(svc_check(&f->dir, 0, &sb), ERR_STATE);
	assert_msg_has("1 days have request numbers with a gap");
	assert_int_equal(raw_exec(f, "UPDATE requests SET seq = 2 WHERE id = 2;"
	    " UPDATE requests SET resolved_at = at - 5 WHERE id = 1", NULL, 0),
	    SQLITE_OK);
	assert_int_equal(svc_check(&f->dir, 0, &sb), ERR_STATE);
	assert_msg_has("1 requests have times out of order");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_register, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_register_bad, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_drafts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lifecycle, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_answered_at_desk, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_illegal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unsatisfied, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_hold, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hold_across_deadline,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_wake_then_act, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_handover, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_note, setup, teardown),
		cmocka_unit_test_setup_teardown(test_classify, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_two_desks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_two_desks_race, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_working_hours, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_queues, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signoff, setup, teardown),
		cmocka_unit_test_setup_teardown(test_review, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check, setup, teardown),
	};
	int rc;

	test_locale();
	setenv("TZ", "CST-8", 1);
	tzset();
	config_defaults(&cfg);
	config_defaults(&cfg_work);
	free(cfg_work.req_counting);
	cfg_work.req_counting = strdup("working_hours");
	free(cfg_work.req_holidays);
	cfg_work.req_holidays = strdup("2026-10-01..2026-10-07");
	free(cfg_work.req_makeup_days);
	cfg_work.req_makeup_days = strdup("2026-10-10");
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	config_release(&cfg_work);
	return rc;
}
