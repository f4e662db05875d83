/*
 * test_svc_fee.c: svc/svc_fee.c and svc/svc_cashier.c against a fresh
 * database: fee items and standards, meter readings (with replacement,
 * unusual usage, import), bills for a period (twice creates nothing twice,
 * credit applied, cancel), payments (oldest first, part, change, credit,
 * picked bills, receipt numbers gap-free across a new year), receipts
 * printed, reprinted and a failing printer, voids and their approval, late
 * fees, arrears and reminders, the daily close with a difference, the
 * director's review, the monthly and daily reports, the exports, the
 * schema's triggers, `check`'s fee invariants, two desks paying one house
 * at once (two processes) and the disk filling during a payment.  After
 * every action its audit row is checked.
 *
 * The staff are inserted directly and their sessions made by hand, so no
 * password is hashed (argon2 is slow on purpose).
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testlib.h"

#include <sqlite3.h>

#include "core/fee.h"
#include "core/money.h"
#include "db/audit_db.h"
#include "db/db.h"
#include "db/fee_db.h"
#include "db/house_db.h"
#include "db/owner_db.h"
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

#define FAKE_HASH "$argon2id$v=19$m=65536,t=2,p=1$fake"
#define T0 INT64_C(1795942800)      /* 2026-11-29 09:00 UTC */
#define T_DEC31 INT64_C(1798761540) /* 2026-12-31 23:59 */
#define T_JAN01 INT64_C(1798761660) /* 2027-01-01 00:01 */
#define T_NOV30 INT64_C(1796029200) /* 2026-11-30 09:00 */

static struct config cfg;

/* A fresh database: staff, houses, owners and fee items. */
struct fx {
	struct db *db;
	struct session admin, director, cashier, cashier2, reception;
	int64_t h1501, h1502, shop, park;  /* house ids */
	int64_t mgmt, water, parking, decor; /* fee item ids */
	char path[512];
};

/* ---- helpers ----------------------------------------------------------- */

static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

/* Succeed or fail the test with the message. */
#define OK(call)                                                               \
	do {                                                                   \
		if ((call) != 0)                                               \
			fail_msg("%s: %s", #call, err_msg());                  \
	} while (0)

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
	if (strcmp(rows[0].action, action) != 0)
		fail_msg("audit action %s, want %s (%s)", rows[0].action,
		    action, rows[0].summary);
	assert_string_equal(rows[0].user_name, user);
	if (strstr(rows[0].summary, summary_part) == NULL)
		fail_msg("audit summary \"%s\" lacks \"%s\"", rows[0].summary,
		    summary_part);
	audit_row_release(&rows[0]);
	free(rows);
}

/* One integer from raw SQL on a second connection. */
static int64_t
raw_int(const char *path, const char *q)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int64_t v = -1;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	if (sqlite3_prepare_v2(h, q, -1, &st, NULL) != SQLITE_OK)
		fail_msg("prepare %s: %s", q, sqlite3_errmsg(h));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

/* Run raw SQL on a second connection; its result code. */
static int
raw_exec(const char *path, const char *q)
{
	sqlite3 *h = NULL;
	int rc;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	rc = sqlite3_exec(h, q, NULL, NULL, NULL);
	sqlite3_close(h);
	return rc;
}

static void
make_session(struct fx *f, struct session *s, const char *name,
    const char *display, enum role role, const char *desk)
{
	struct user_row u = {0};

	assert_int_equal(user_db_get(f->db, name, &u), 0);
	memset(s, 0, sizeof *s);
	s->db = f->db;
	s->cfg = &cfg;
	s->user_id = u.id;
	s->user = strdup(name);
	s->display = strdup(display);
	s->role = role;
	s->desk = strdup(desk);
	user_row_release(&u);
}

static int
add_staff(struct db *db, void *arg)
{
	static const char *const staff[][3] = {
		{"admin", "系统管理员", "admin"},
		{"director", "李主任", "director"},
		{"chenjing", "陈静", "cashier"},
		{"zhaomin", "赵敏", "cashier"},
		{"wangli", "王丽", "receptionist"},
	};
	size_t i;
	int rc;

	(void)arg;
	for (i = 0; i < sizeof staff / sizeof staff[0]; i++)
		if ((rc = user_db_insert(db, staff[i][0], staff[i][1],
		    staff[i][2], FAKE_HASH, T0, NULL)) != 0)
			return rc;
	return 0;
}

/* A house and (when name) its owner. */
static int64_t
add_house(struct fx *f, int b, int e, int room, int64_t area,
    enum house_use use, const char *name)
{
	struct house h;
	struct owner o;
	char code[32];
	int64_t id, oid;

	memset(&h, 0, sizeof h);
	snprintf(code, sizeof code, "%d-%d-%d", b, e, room);
	h.building = b;
	h.entrance = e;
	h.room = room;
	h.floor = room / 100;
	h.code = code;
	h.area_centi = area;
	h.use = use;
	h.state = HOUSE_OCCUPIED;
	h.notes = "";
	OK(house_db_insert(f->db, &h, T0, &id));
	if (name == NULL)
		return id;
	memset(&o, 0, sizeof o);
	o.kind = OWNER_PERSON;
	o.name = (char *)name;
	o.phone = o.phone2 = o.id_no = o.emergency_name = "";
	o.emergency_phone = o.notes = "";
	o.id_type = ID_TYPE_NONE;
	OK(owner_db_insert(f->db, &o, T0, &oid));
	OK(owner_db_holding_insert(f->db, id, oid, "2020-01-01", NULL));
	return id;
}

static int
add_houses(struct db *db, void *arg)
{
	struct fx *f = arg;

	(void)db;
	f->h1501 = add_house(f, 3, 2, 1501, 8937, HOUSE_USE_RESIDENCE, "张三");
	f->h1502 = add_house(f, 3, 2, 1502, 10025, HOUSE_USE_RESIDENCE,
	    "李四");
	f->shop = add_house(f, 1, 1, 101, 12050, HOUSE_USE_SHOP, "欧阳娜娜");
	f->park = add_house(f, 9, 1, 101, 1250, HOUSE_USE_PARKING, NULL);
	return 0;
}

/* Add item name of kind with a price from 2026-01-01. */
static int64_t
add_item(struct fx *f, const char *name, const char *kind, const char *unit,
    const char *applies, const char *price)
{
	struct fee_item_in in = {name, kind, unit, applies, 1};
	int64_t id = 0;

	OK(svc_fee_item_add(&f->director, &in, &id));
	OK(svc_fee_standard_add(&f->director, id, "2026-01-01", price));
	return id;
}

static int
setup(void **state)
{
	static int seq;
	struct fx *f = calloc(1, sizeof *f);
	char name[32];

	clock_fake(T0);
	snprintf(name, sizeof name, "fee%d.db", seq++);
	snprintf(f->path, sizeof f->path, "%s", test_path(name));
	unlink(f->path);
	if (db_open(&f->db, f->path, cfg.busy_timeout_ms, DB_OPEN_CREATE) != 0)
		fail_msg("db_open: %s", err_msg());
	OK(db_tx(f->db, add_staff, f));
	OK(db_tx(f->db, add_houses, f));
	make_session(f, &f->admin, "admin", "系统管理员", ROLE_ADMIN, "机房");
	make_session(f, &f->director, "director", "李主任", ROLE_DIRECTOR,
	    "主任室");
	make_session(f, &f->cashier, "chenjing", "陈静", ROLE_CASHIER,
	    "1号窗口");
	make_session(f, &f->cashier2, "zhaomin", "赵敏", ROLE_CASHIER,
	    "2号窗口");
	make_session(f, &f->reception, "wangli", "王丽", ROLE_RECEPTIONIST,
	    "3号窗口");
	f->mgmt = add_item(f, "物业服务费", "area", "", "use:residence use:shop",
	    "1.20");
	f->water = add_item(f, "水费", "metered", "吨", "用途:住宅,用途:商铺",
	    "3.45");
	f->parking = add_item(f, "停车费", "fixed", "", "use:parking",
	    "150");
	f->decor = add_item(f, "装修管理费", "once", "", "all", "500");
	err_clear();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	session_release(&f->admin);
	session_release(&f->director);
	session_release(&f->cashier);
	session_release(&f->cashier2);
	session_release(&f->reception);
	db_close(&f->db);
	clock_fake(0);
	cfg.fee_late = 0;
	free(cfg.printer_command);
	cfg.printer_command = strdup("");
	free(f);
	return 0;
}

/* Enter a water reading as the cashier. */
static int
reading(struct fx *f, const char *house, const char *period,
    const char *prev, const char *cur)
{
	struct reading_in in = {0};

	in.house = house;
	in.item = "水费";
	in.period = period;
	in.prev = prev;
	in.cur = cur;
	return svc_reading_set(&f->cashier, &in, NULL);
}

/* Bills of 2026-09, -10 and -11 with water readings for the homes. */
static void
three_months(struct fx *f)
{
	OK(reading(f, "3-2-1501", "2026-09", "100", "112.5"));
	OK(reading(f, "3-2-1502", "2026-09", "200", "210"));
	OK(reading(f, "3-2-1501", "2026-10", NULL, "125"));
	OK(reading(f, "3-2-1502", "2026-10", NULL, "220"));
	OK(reading(f, "3-2-1501", "2026-11", NULL, "137"));
	OK(reading(f, "3-2-1502", "2026-11", NULL, "230"));
	OK(svc_bill_generate(&f->director, "2026-09", NULL, NULL, NULL));
	OK(svc_bill_generate(&f->director, "2026-10", NULL, NULL, NULL));
	OK(svc_bill_generate(&f->director, "2026-11", NULL, NULL, NULL));
}

/* Pay for a house as the CLI does (no counter read). */
static int
pay(struct session *s, int64_t house, const char *amount, const char *method,
    const char *tendered, int to_credit, struct pay_result *out)
{
	struct pay_in in = {0};

	in.house_id = house;
	in.amount = amount;
	in.method = method;
	in.tendered = tendered;
	in.to_credit = to_credit;
	in.seen_payment_id = -1;
	return svc_pay(s, &in, out);
}

/* `frontdesk check` as the admin, in-process: must pass. */
static void
assert_check(struct fx *f)
{
	struct strbuf sb = STRBUF_INIT;

	if (svc_check(&f->admin, 0, &sb) != 0)
		fail_msg("check: %s\n%s", err_msg(), sb.buf);
	assert_non_null(strstr(sb.buf, "fees:"));
	strbuf_release(&sb);
}

/* ---- fee items and standards ------------------------------------------- */

static void
test_setup_items(void **state)
{
	struct fx *f = *state;
	struct fee_item_in in = {"公共设施日常维修费", "按面积", "", "all", 1};
	struct fee_setup fs;
	int64_t id, n0;
	int i, seen = 0;

	/* the fixture's items, with their standards, Chinese applies
	 * written canonically */
	OK(svc_fee_setup(&f->cashier, 0, &fs));
	for (i = 0; i < fs.n; i++) {
		if (fs.v[i].item.id == f->water) {
			assert_string_equal(fs.v[i].item.applies,
			    "use:residence use:shop");
			assert_string_equal(fs.v[i].item.unit, "吨");
			assert_int_equal(fs.v[i].nstd, 1);
			assert_int_equal(fs.v[i].std[0].price_e4, 34500);
			seen++;
		}
		if (fs.v[i].item.kind == FEE_LATE)
			seen++;
	}
	assert_int_equal(seen, 2);
	fee_setup_release(&fs);

	/* add, audited */
	OK(svc_fee_item_add(&f->director, &in, &id));
	assert_audit(f->db, "fee.item.add", "director", "公共设施日常维修费");
	n0 = audit_count(f->db);
	/* refused: the name again, a late-fee kind, no kind, a bad rule,
	 * a cashier, an empty or overlong name */
	assert_int_equal(svc_fee_item_add(&f->director, &in, NULL),
	    ERR_CONFLICT);
	assert_msg_has("exists already");
	in.name = "另一个";
	in.kind = "late";
	assert_int_equal(svc_fee_item_add(&f->director, &in, NULL),
	    ERR_INVALID);
	in.kind = NULL;
	assert_int_equal(svc_fee_item_add(&f->director, &in, NULL),
	    ERR_INVALID);
	in.kind = "area";
	in.applies = "floor:3";
	assert_int_equal(svc_fee_item_add(&f->director, &in, NULL),
	    ERR_INVALID);
	assert_msg_has("floor:3");
	in.applies = NULL;
	assert_int_equal(svc_fee_item_add(&f->cashier, &in, NULL), ERR_DENIED);
	in.name = "";
	assert_int_equal(svc_fee_item_add(&f->director, &in, NULL),
	    ERR_INVALID);
	in.name = "\xe6\xb0\xb4\xff";
	assert_int_equal(svc_fee_item_add(&f->director, &in, NULL),
	    ERR_INVALID);
	assert_int_equal(audit_count(f->db), n0);

	/* edit: applicability and active; the kind stays */
	in.name = "公共设施维修费";
	in.kind = "metered";
	in.applies = "building:3";
	in.active = 0;
	OK(svc_fee_item_edit(&f->director, id, &in));
	assert_audit(f->db, "fee.item.edit", "director",
	    "applies all -> building:3");
	OK(svc_fee_setup(&f->director, 1, &fs));
	for (i = 0; i < fs.n; i++)
		if (fs.v[i].item.id == id) {
			assert_int_equal(fs.v[i].item.kind, FEE_AREA);
			assert_int_equal(fs.v[i].item.active, 0);
		}
	fee_setup_release(&fs);
	in.name = "水费";
	assert_int_equal(svc_fee_item_edit(&f->director, id, &in),
	    ERR_CONFLICT);
	assert_int_equal(svc_fee_item_edit(&f->director, 9999, &in),
	    ERR_NOTFOUND);
}

static void
test_setup_standards(void **state)
{
	struct fx *f = *state;
	struct bill_run run;

	/* bad prices and days */
	assert_int_equal(svc_fee_standard_add(&f->director, f->mgmt,
	    "2026-12-01", "1.23456"), ERR_INVALID);
	assert_int_equal(svc_fee_standard_add(&f->director, f->mgmt,
	    "2026-12-01", "-1"), ERR_INVALID);
	assert_int_equal(svc_fee_standard_add(&f->director, f->mgmt,
	    "2026-02-30", "1.30"), ERR_INVALID);
	assert_int_equal(svc_fee_standard_add(&f->director, f->mgmt,
	    "", "1.30"), ERR_INVALID);
	assert_int_equal(svc_fee_standard_add(&f->director, f->mgmt,
	    "2026-01-01", "1.30"), ERR_CONFLICT);
	assert_int_equal(svc_fee_standard_add(&f->cashier, f->mgmt,
	    "2027-01-01", "1.30"), ERR_DENIED);
	assert_int_equal(svc_fee_standard_add(&f->director, 9999,
	    "2027-01-01", "1.30"), ERR_NOTFOUND);
	/* a price from December: November is still 1.20 */
	OK(svc_fee_standard_add(&f->director, f->mgmt, "2026-12-01", "1.35"));
	assert_audit(f->db, "fee.standard.add", "director",
	    "物业服务费: 1.35 from 2026-12-01");
	OK(svc_bill_generate(&f->director, "2026-11", NULL, NULL, &run));
	assert_int_equal(raw_int(f->path, "SELECT amount_fen FROM bills "
	    "WHERE period = '2026-11' AND qty = 8937"), 10724);
	OK(svc_bill_generate(&f->director, "2026-12", NULL, NULL, &run));
	/* 100.25 × 1.35 = 135.3375 -> 135.34 */
	assert_int_equal(raw_int(f->path, "SELECT amount_fen FROM bills "
	    "WHERE period = '2026-12' AND qty = 10025"), 13534);
	/* a new price cannot reach back into billed periods */
	assert_int_equal(svc_fee_standard_add(&f->director, f->mgmt,
	    "2026-12-15", "1.50"), ERR_INVALID);
	assert_msg_has("2027-01-01");
	/* a standard never changes, never goes */
	assert_int_equal(raw_exec(f->path, "UPDATE fee_standards SET "
	    "price_e4 = 1"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->path, "DELETE FROM fee_standards"),
	    SQLITE_CONSTRAINT);
}

/* ---- meter readings ---------------------------------------------------- */

static void
test_readings(void **state)
{
	struct fx *f = *state;
	struct reading_in in = {0};
	struct reading_out out;
	struct reading_row *rows = NULL;
	int n, i;

	/* the first reading needs its start */
	assert_int_equal(reading(f, "3-2-1501", "2026-09", NULL, "112"),
	    ERR_INVALID);
	assert_msg_has("first");
	OK(reading(f, "3-2-1501", "2026-09", "100", "112"));
	assert_audit(f->db, "reading.set", "chenjing",
	    "3-2-1501 item");
	/* below the previous: refused */
	assert_int_equal(reading(f, "3-2-1501", "2026-10", NULL, "110"),
	    ERR_INVALID);
	assert_msg_has("110 is below the previous reading 112");
	/* a start that does not follow the last reading */
	assert_int_equal(reading(f, "3-2-1501", "2026-10", "111", "120"),
	    ERR_INVALID);
	assert_msg_has("does not follow");
	OK(reading(f, "3-2-1501", "2026-10", "112", "124"));
	/* a replaced meter: 124 -> 130 on the old, 0 -> 5 on the new */
	in.house = "3栋2单元1501";
	in.item = " 水费 ";
	in.period = "2026年11月";
	in.cur = "5";
	in.replaced = "换表";
	in.old_end = "130";
	in.new_start = "0";
	OK(svc_reading_set(&f->cashier, &in, &out));
	assert_int_equal(out.usage_centi, 600 + 500);
	assert_audit(f->db, "reading.set", "chenjing", "meter replaced");
	/* unusual usage needs a confirmation: 12 a month, then 100 */
	OK(reading(f, "3-2-1502", "2026-09", "0", "12"));
	OK(reading(f, "3-2-1502", "2026-10", NULL, "24"));
	assert_int_equal(reading(f, "3-2-1502", "2026-11", NULL, "124"),
	    ERR_STATE);
	assert_msg_has("more than 3 times");
	memset(&in, 0, sizeof in);
	in.house = "3-2-1502";
	in.item = "水费";
	in.period = "2026-11";
	in.cur = "124";
	in.confirm = 1;
	OK(svc_reading_set(&f->cashier, &in, &out));
	/* a correction before billing replaces it */
	in.cur = "36";
	OK(svc_reading_set(&f->cashier, &in, &out));
	assert_true(out.corrected);
	assert_int_equal(out.usage_centi, 1200);
	/* bad input */
	assert_int_equal(reading(f, "3-2-1502", "2026-13", NULL, "40"),
	    ERR_INVALID);
	assert_int_equal(reading(f, "3-2-1502", "2027-06", NULL, "40"),
	    ERR_INVALID);
	assert_msg_has("has not begun");
	assert_int_equal(reading(f, "3-2-1502", "2026-12", NULL, "40.123"),
	    ERR_INVALID);
	assert_int_equal(reading(f, "3-2-1502", "2026-12", NULL, "-40"),
	    ERR_INVALID);
	assert_int_equal(reading(f, "8-8-808", "2026-12", NULL, "40"),
	    ERR_NOTFOUND);
	assert_int_equal(reading(f, "3-2-15", "2026-12", NULL, "40"),
	    ERR_INVALID);
	in.item = "物业服务费";
	in.period = "2026-12";
	assert_int_equal(svc_reading_set(&f->cashier, &in, NULL), ERR_INVALID);
	assert_msg_has("not charged by a meter");
	in.item = "煤气费";
	assert_int_equal(svc_reading_set(&f->cashier, &in, NULL),
	    ERR_NOTFOUND);
	assert_int_equal(svc_reading_set(&f->reception, &in, NULL),
	    ERR_DENIED);
	/* once billed, a reading is fixed */
	OK(svc_bill_generate(&f->director, "2026-11", NULL, NULL, NULL));
	assert_int_equal(reading(f, "3-2-1502", "2026-11", NULL, "40"),
	    ERR_STATE);
	assert_msg_has("billed already");
	/* the sheet of building 3 */
	OK(svc_reading_sheet(&f->cashier, 3, f->water, "2026-11", &rows, &n));
	assert_int_equal(n, 2);
	for (i = 0; i < n; i++) {
		assert_true(rows[i].has_cur);
		assert_true(rows[i].billed);
	}
	assert_string_equal(rows[0].code, "3-2-1501");
	assert_int_equal(rows[1].start_centi, 2400);
	assert_int_equal(rows[1].usage_centi, 1200);
	free(rows);
	OK(svc_reading_sheet(&f->cashier, 0, f->water, "2026-12", &rows, &n));
	assert_int_equal(n, 3); /* two homes and the shop; not the parking */
	free(rows);
	assert_int_equal(svc_reading_sheet(&f->cashier, 3, f->mgmt, "2026-12",
	    &rows, &n), ERR_INVALID);
}

static void
test_reading_import(void **state)
{
	struct fx *f = *state;
	struct reading_in rows[4];
	int lines[4] = {2, 3, 4, 5};
	struct strbuf errs = STRBUF_INIT;
	int64_t n0 = audit_count(f->db);

	memset(rows, 0, sizeof rows);
	rows[0] = (struct reading_in){"3-2-1501", "水费", "2026-10", "100",
	    "110", NULL, NULL, NULL, 0};
	rows[1] = (struct reading_in){"3-2-1501", "水费", "2026-11", "",
	    "105", NULL, NULL, NULL, 0}; /* below: bad */
	rows[2] = (struct reading_in){"3-2-1502", "水费", "2026-11", "0",
	    "9", NULL, NULL, NULL, 0};
	rows[3] = (struct reading_in){"3-2-1502", "水费", "2026/11", "0",
	    "9", NULL, NULL, NULL, 0}; /* twice */
	assert_int_equal(svc_reading_import(&f->cashier, rows, lines, 4,
	    "r.csv", &errs), ERR_INVALID);
	assert_non_null(strstr(errs.buf, "r.csv:3: the reading 105 is below"));
	assert_non_null(strstr(errs.buf, "r.csv:5: the same reading as line "
	    "4"));
	assert_msg_has("bad lines: 2");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM "
	    "meter_readings"), 0);
	assert_int_equal(audit_count(f->db), n0);
	/* fixed: all of it in */
	rows[1].cur = "121";
	OK(svc_reading_import(&f->cashier, rows, lines, 3, "r.csv", &errs));
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM "
	    "meter_readings"), 3);
	assert_audit(f->db, "reading.import", "chenjing", "3 readings");
	strbuf_release(&errs);
}

/* ---- bills ------------------------------------------------------------- */

/* A progress callback that counts and cancels at *arg calls. */
static int
progress_cb(void *arg, int64_t done, int64_t total)
{
	int *left = arg;

	assert_true(done <= total);
	return --*left <= 0;
}

static void
test_bills(void **state)
{
	struct fx *f = *state;
	struct bill_run run;
	struct counter c;
	int left = 1;
	int64_t n0;

	/* periods that are not, or not yet */
	assert_int_equal(svc_bill_generate(&f->director, "2026-13", NULL, NULL,
	    &run), ERR_INVALID);
	assert_int_equal(svc_bill_generate(&f->director, "2027-02", NULL, NULL,
	    &run), ERR_INVALID);
	assert_msg_has("has not begun");
	assert_int_equal(svc_bill_generate(&f->director, "", NULL, NULL,
	    &run), ERR_INVALID);
	assert_int_equal(svc_bill_generate(&f->cashier, "2026-11", NULL, NULL,
	    &run), ERR_DENIED);
	/* cancelled: nothing stored */
	n0 = audit_count(f->db);
	assert_int_equal(svc_bill_generate(&f->director, "2026-11",
	    progress_cb, &left, &run), ERR_STATE);
	assert_msg_has("cancelled");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM bills"), 0);
	assert_int_equal(audit_count(f->db), n0);

	OK(reading(f, "3-2-1501", "2026-11", "100", "112.5"));
	OK(svc_bill_generate(&f->director, "2026年11月", NULL, NULL, &run));
	assert_string_equal(run.period, "2026-11");
	assert_int_equal(run.houses, 4);
	/* 物业 × 3 (two homes, the shop), water × 1, parking × 1 */
	assert_int_equal(run.created, 5);
	assert_int_equal(run.no_reading, 2);
	/* 107.24 + 120.30 + 144.60 + 43.13 + 150.00 */
	assert_int_equal(run.total_fen, 10724 + 12030 + 14460 + 4313 + 15000);
	assert_audit(f->db, "bill.generate", "director", "bills of 2026-11: 5 "
	    "made");
	/* twice creates nothing twice (the reading of 1502 came since) */
	OK(reading(f, "3-2-1502", "2026-11", "0", "10"));
	OK(svc_bill_generate(&f->director, "2026-11", NULL, NULL, &run));
	assert_int_equal(run.created, 1);
	assert_int_equal(run.existing, 5);
	OK(svc_bill_generate(&f->director, "2026-11", NULL, NULL, &run));
	assert_int_equal(run.created, 0);
	assert_int_equal(run.existing, 6);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM bills"), 6);
	/* due 15 days after the period */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM bills WHERE "
	    "due = '2026-12-15'"), 6);
	/* the counter sees them oldest first */
	OK(svc_counter_load_by_code(&f->cashier, "3-2-1501", &c));
	assert_int_equal(c.open.n, 2);
	assert_int_equal(c.open_fen, 10724 + 4313);
	assert_string_equal(c.owners, "张三");
	counter_release(&c);
	/* one-off */
	OK(svc_bill_once(&f->cashier, f->h1501, f->decor, "2026-11", NULL));
	assert_audit(f->db, "bill.once", "chenjing", "装修管理费");
	assert_int_equal(svc_bill_once(&f->cashier, f->h1501, f->decor,
	    "2026-11", NULL), ERR_CONFLICT);
	assert_int_equal(svc_bill_once(&f->cashier, f->h1501, f->mgmt,
	    "2026-11", NULL), ERR_INVALID);
	/* bills never go, and never change but by what is paid */
	assert_int_equal(raw_exec(f->path, "DELETE FROM bills"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->path, "UPDATE bills SET amount_fen = 1"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->path, "UPDATE bills SET paid_fen = "
	    "amount_fen + 1"), SQLITE_CONSTRAINT);
	assert_check(f);
}

/* Credit (预存) is applied when bills are made. */
static void
test_bills_credit(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct bill_run run;
	struct counter c;

	/* a prepayment with nothing open: only with the credit choice */
	assert_int_equal(pay(&f->cashier, f->h1502, "500", "cash", NULL, 0,
	    &r), ERR_INVALID);
	assert_msg_has("credit");
	OK(pay(&f->cashier, f->h1502, "500", "微信", NULL, 1, &r));
	assert_int_equal(r.credit_fen, 50000);
	assert_int_equal(r.balance_fen, 50000);
	assert_int_equal(r.nlines, 0);
	OK(svc_bill_generate(&f->director, "2026-11", NULL, NULL, &run));
	assert_int_equal(run.credit_fen, 12030);
	assert_int_equal(run.credited, 1);
	OK(svc_counter_load(&f->cashier, f->h1502, &c));
	assert_int_equal(c.open.n, 0);
	assert_int_equal(c.credit_fen, 50000 - 12030);
	counter_release(&c);
	OK(svc_bill_generate(&f->director, "2026-12", NULL, NULL, &run));
	OK(svc_counter_load(&f->cashier, f->h1502, &c));
	assert_int_equal(c.credit_fen, 50000 - 2 * 12030);
	counter_release(&c);
	assert_check(f);
}

/* ---- payments ---------------------------------------------------------- */

static void
test_pay(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct counter c;
	struct payment_detail d;
	int64_t n0;

	three_months(f);
	OK(svc_counter_load(&f->cashier, f->h1501, &c));
	/* 3 × 物业 107.24 and water 43.13, 43.13, 41.40 */
	assert_int_equal(c.open.n, 6);
	assert_int_equal(c.open_fen, 3 * 10724 + 4313 + 4313 + 4140);
	assert_string_equal(c.open.v[0].period, "2026-09");
	counter_release(&c);

	/* bad amounts: nothing stored, no audit */
	n0 = audit_count(f->db);
	assert_int_equal(pay(&f->cashier, f->h1501, "100.005", "cash", NULL, 0,
	    &r), ERR_INVALID);
	assert_msg_has("amount");
	assert_int_equal(pay(&f->cashier, f->h1501, "-10", "cash", NULL, 0,
	    &r), ERR_INVALID);
	assert_int_equal(pay(&f->cashier, f->h1501, "0", "cash", NULL, 0, &r),
	    ERR_INVALID);
	assert_msg_has("more than 0.00");
	assert_int_equal(pay(&f->cashier, f->h1501, "", "cash", NULL, 0, &r),
	    ERR_INVALID);
	assert_int_equal(pay(&f->cashier, f->h1501, "abc", "cash", NULL, 0,
	    &r), ERR_INVALID);
	assert_int_equal(pay(&f->cashier, f->h1501, "99999999999999", "cash",
	    NULL, 0, &r), ERR_INVALID);
	assert_int_equal(pay(&f->cashier, f->h1501, "1000", "cash", NULL, 0,
	    &r), ERR_INVALID);
	assert_msg_has("more than the open bills");
	assert_int_equal(pay(&f->cashier, f->h1501, "100", "支票", NULL, 0,
	    &r), ERR_INVALID);
	assert_int_equal(pay(&f->cashier, f->h1501, "100", "cash", "50", 0,
	    &r), ERR_INVALID);
	assert_msg_has("less than");
	assert_int_equal(pay(&f->cashier, f->h1501, "100", "card", "200", 0,
	    &r), ERR_INVALID);
	assert_int_equal(pay(&f->cashier, 9999, "100", "cash", NULL, 0, &r),
	    ERR_NOTFOUND);
	assert_int_equal(pay(&f->reception, f->h1501, "100", "cash", NULL, 0,
	    &r), ERR_DENIED);
	assert_int_equal(pay(&f->director, f->h1501, "100", "cash", NULL, 0,
	    &r), ERR_DENIED);
	assert_int_equal(audit_count(f->db), n0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM payments"), 0);

	/* two months in cash with change: oldest first */
	OK(pay(&f->cashier, f->h1501, "300.74", "现金", "400", 0, &r));
	assert_string_equal(r.receipt_no, "2026-000001");
	assert_int_equal(r.change_fen, 9926);
	assert_int_equal(r.tendered_fen, 40000);
	assert_int_equal(r.nlines, 4); /* 09 物业+水, 10 物业+水 */
	assert_int_equal(r.credit_fen, 0);
	assert_int_equal(r.left_fen, 10724 + 4140);
	assert_audit(f->db, "payment.add", "chenjing",
	    "receipt 2026-000001 house 3-2-1501: 300.74 cash (given 400.00, "
	    "change 99.26)");
	/* part of a bill */
	OK(pay(&f->cashier, f->h1501, "50", "alipay", NULL, 0, &r));
	assert_string_equal(r.receipt_no, "2026-000002");
	assert_int_equal(r.nlines, 1);
	assert_int_equal(r.left_fen, 10724 + 4140 - 5000);
	OK(svc_counter_load(&f->cashier, f->h1501, &c));
	assert_int_equal(c.open.n, 2);
	assert_int_equal(c.open.v[0].paid_fen, 5000);
	counter_release(&c);
	/* the rest and more, kept as credit */
	OK(pay(&f->cashier, f->h1501, "¥100", "bank transfer", "", 1, &r));
	assert_int_equal(r.credit_fen, 10000 - (10724 + 4140 - 5000));
	assert_int_equal(r.balance_fen, r.credit_fen);
	assert_int_equal(r.left_fen, 0);
	assert_audit(f->db, "payment.add", "chenjing", "; credit 1.36");
	/* the detail of a receipt */
	OK(svc_payment_by_no(&f->cashier, "2026-1", &d));
	assert_int_equal(d.lines.n, 4);
	assert_string_equal(d.lines.v[0].period, "2026-09");
	assert_string_equal(d.p.cashier, "陈静");
	assert_string_equal(d.p.desk, "1号窗口");
	assert_int_equal(d.p.method, PAY_CASH);
	assert_int_equal(d.p.void_state, -1);
	payment_detail_release(&d);
	assert_int_equal(svc_payment_by_no(&f->cashier, "2026-99", &d),
	    ERR_NOTFOUND);
	assert_int_equal(svc_payment_by_no(&f->cashier, "x", &d), ERR_INVALID);
	/* paid rows never change, never go */
	assert_int_equal(raw_exec(f->path, "UPDATE payments SET amount_fen = 1"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->path, "DELETE FROM payments"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->path, "UPDATE payment_lines SET "
	    "amount_fen = 1"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->path, "DELETE FROM payment_lines"),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->path, "DELETE FROM credits"),
	    SQLITE_CONSTRAINT);
	/* a number out of sequence is refused by the schema itself */
	assert_int_equal(raw_exec(f->path, "INSERT INTO payments (year, seq, "
	    "house_id, method, amount_fen, tendered_fen, change_fen, "
	    "cashier_id, desk, at, day) VALUES (2026, 9, 1, 'cash', 1, 1, 0, "
	    "3, 'x', 0, '2026-11-29')"), SQLITE_CONSTRAINT);
	assert_check(f);
}

/* The cashier picks bills; a picked bill paid meanwhile is refused. */
static void
test_pay_picked(void **state)
{
	struct fx *f = *state;
	struct pay_in in = {0};
	struct pay_result r;
	struct counter c, c2;
	int64_t pick[2], other;

	three_months(f);
	OK(svc_counter_load(&f->cashier, f->h1501, &c));
	/* the newest 物业 (2026-11) only */
	pick[0] = c.open.v[4].id;
	assert_string_equal(c.open.v[4].period, "2026-11");
	in.house_id = f->h1501;
	in.amount = "107.24";
	in.method = "cash";
	in.bills = pick;
	in.nbills = 1;
	in.seen_payment_id = c.seen_payment_id;
	OK(svc_pay(&f->cashier, &in, &r));
	assert_int_equal(r.nlines, 1);
	/* the same pick again, from the stale counter: told what paid it */
	OK(svc_counter_load(&f->cashier2, f->h1501, &c2));
	in.seen_payment_id = c2.seen_payment_id;
	assert_int_equal(svc_pay(&f->cashier2, &in, &r), ERR_CONFLICT);
	assert_msg_has("paid already by receipt 2026-000001 (1号窗口, 陈静");
	/* from the stale counter read: the house was paid since */
	in.seen_payment_id = c.seen_payment_id;
	pick[0] = c.open.v[0].id;
	assert_int_equal(svc_pay(&f->cashier2, &in, &r), ERR_CONFLICT);
	assert_msg_has("just paid at another desk: receipt 2026-000001");
	/* more than the picked bills, without credit: refused */
	in.seen_payment_id = c2.seen_payment_id;
	in.amount = "200";
	assert_int_equal(svc_pay(&f->cashier2, &in, &r), ERR_INVALID);
	/* a bill of another house; the same bill twice */
	counter_release(&c2);
	OK(svc_counter_load(&f->cashier, f->h1502, &c2));
	other = c2.open.v[0].id;
	counter_release(&c2);
	pick[0] = other;
	in.amount = "10";
	assert_int_equal(svc_pay(&f->cashier2, &in, &r), ERR_INVALID);
	assert_msg_has("3-2-1502");
	pick[0] = pick[1] = c.open.v[0].id;
	in.nbills = 2;
	assert_int_equal(svc_pay(&f->cashier2, &in, &r), ERR_INVALID);
	assert_msg_has("twice");
	pick[0] = 99999;
	in.nbills = 1;
	assert_int_equal(svc_pay(&f->cashier2, &in, &r), ERR_NOTFOUND);
	counter_release(&c);
	assert_check(f);
}

/* Receipt numbers are gap-free per year and start again in a new one. */
static void
test_receipt_numbers(void **state)
{
	struct fx *f = *state;
	struct pay_result r;

	clock_fake(T_DEC31);
	OK(pay(&f->cashier, f->h1501, "10", "cash", NULL, 1, &r));
	assert_string_equal(r.receipt_no, "2026-000001");
	OK(pay(&f->cashier2, f->h1502, "10", "cash", NULL, 1, &r));
	assert_string_equal(r.receipt_no, "2026-000002");
	clock_fake(T_JAN01);
	OK(pay(&f->cashier, f->h1501, "10", "cash", NULL, 1, &r));
	assert_string_equal(r.receipt_no, "2027-000001");
	OK(pay(&f->cashier, f->h1501, "10", "cash", NULL, 1, &r));
	assert_string_equal(r.receipt_no, "2027-000002");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM payments "
	    "WHERE day = '2027-01-01'"), 2);
	assert_check(f);
}

/* ---- receipts ---------------------------------------------------------- */

static void
test_receipt_print(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct print_result pr;
	struct strbuf sb = STRBUF_INIT;
	char path[600], want[600], buf[4096];
	FILE *fp;
	size_t n;

	three_months(f);
	OK(pay(&f->cashier, f->h1501, "300.74", "cash", "400", 0, &r));
	/* the text: house, owner, items, total in capitals, change */
	OK(svc_receipt_text(&f->cashier, r.payment_id, &sb));
	assert_non_null(strstr(sb.buf, "2026-000001"));
	assert_non_null(strstr(sb.buf, "3-2-1501"));
	assert_non_null(strstr(sb.buf, "张三"));
	assert_non_null(strstr(sb.buf, "物业服务费"));
	assert_non_null(strstr(sb.buf, "叁佰元柒角肆分"));
	assert_non_null(strstr(sb.buf, "99.26"));
	assert_null(strstr(sb.buf, "REPRINT"));
	/* no command: saved beside the database */
	OK(svc_receipt_print(&f->cashier, r.payment_id, &pr));
	assert_int_equal(pr.reprint, 0);
	snprintf(want, sizeof want, "%s/receipts/2026-000001.txt",
	    test_tmpdir());
	assert_string_equal(pr.path, want);
	assert_int_equal(access(want, R_OK), 0);
	assert_audit(f->db, "receipt.print", "chenjing",
	    "receipt 2026-000001 printed");
	/* a reprint says so and counts */
	strbuf_reset(&sb);
	OK(svc_receipt_text(&f->cashier, r.payment_id, &sb));
	assert_non_null(strstr(sb.buf, "REPRINT"));
	assert_non_null(strstr(sb.buf, "Reprint 1"));
	/* looking at it on screen is not a reprint */
	strbuf_reset(&sb);
	OK(svc_receipt_view(&f->cashier, r.payment_id, &sb));
	assert_null(strstr(sb.buf, "REPRINT"));
	assert_non_null(strstr(sb.buf, "叁佰元柒角肆分"));
	OK(svc_receipt_print(&f->cashier, r.payment_id, &pr));
	assert_int_equal(pr.reprint, 1);
	assert_non_null(strstr(pr.path, "2026-000001-reprint1.txt"));
	assert_audit(f->db, "receipt.print", "chenjing", "reprinted (1)");
	/* through a command, in GB18030 */
	snprintf(path, sizeof path, "%s/printed.gb", test_tmpdir());
	free(cfg.printer_command);
	cfg.printer_command = malloc(700);
	snprintf(cfg.printer_command, 700, "cat > '%s'", path);
	free(cfg.printer_encoding);
	cfg.printer_encoding = strdup("GB18030");
	OK(svc_receipt_print(&f->cashier, r.payment_id, &pr));
	assert_string_equal(pr.path, "");
	fp = fopen(path, "rb");
	assert_non_null(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	/* 张三 in GB18030 is D5 C5 C8 FD */
	assert_non_null(strstr(buf, "\xd5\xc5\xc8\xfd"));
	assert_null(strstr(buf, "张三"));
	free(cfg.printer_encoding);
	cfg.printer_encoding = strdup("UTF-8");
	/* a failing printer: the payment stands, and says so */
	snprintf(cfg.printer_command, 700, "echo 'out of paper' >&2; exit 3");
	assert_int_equal(svc_receipt_print(&f->cashier, r.payment_id, &pr),
	    ERR_IO);
	assert_msg_has("exit status 3");
	assert_msg_has("out of paper");
	assert_msg_has("the payment 2026-000001 stands");
	assert_audit(f->db, "receipt.print.fail", "chenjing", "not printed");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM payments"), 1);
	/* a command killed by a signal */
	snprintf(cfg.printer_command, 700, "kill -9 $$");
	assert_int_equal(svc_receipt_print(&f->cashier, r.payment_id, &pr),
	    ERR_IO);
	assert_msg_has("signal 9");
	/* only cashiers print */
	assert_int_equal(svc_receipt_print(&f->reception, r.payment_id, &pr),
	    ERR_DENIED);
	strbuf_release(&sb);
	assert_check(f);
}

/* ---- voids ------------------------------------------------------------- */

static void
test_voids(void **state)
{
	struct fx *f = *state;
	struct pay_result r1, r2;
	struct void_vec v;
	struct counter c;
	struct payment_detail d;
	int64_t vid, vid2;

	three_months(f);
	OK(pay(&f->cashier, f->h1501, "300.74", "cash", "400", 0, &r1));
	OK(pay(&f->cashier, f->h1501, "200", "wechat", NULL, 1, &r2));
	/* no reason: refused */
	assert_int_equal(svc_void_request(&f->cashier, r1.payment_id, "  ",
	    &vid), ERR_INVALID);
	assert_msg_has("reason");
	assert_int_equal(svc_void_request(&f->cashier, r1.payment_id, NULL,
	    &vid), ERR_INVALID);
	assert_int_equal(svc_void_request(&f->reception, r1.payment_id,
	    "收错了", &vid), ERR_DENIED);
	assert_int_equal(svc_void_request(&f->cashier, 9999, "收错了", &vid),
	    ERR_NOTFOUND);
	OK(svc_void_request(&f->cashier, r1.payment_id, "收错了房号", &vid));
	assert_audit(f->db, "void.request", "chenjing", "收错了房号");
	assert_int_equal(svc_void_request(&f->cashier2, r1.payment_id, "再来",
	    NULL), ERR_CONFLICT);
	OK(svc_voids(&f->director, VOID_REQUESTED, &v));
	assert_int_equal(v.n, 1);
	assert_string_equal(v.v[0].reason, "收错了房号");
	assert_string_equal(v.v[0].requested_name, "陈静");
	void_vec_release(&v);
	/* only the director approves */
	assert_int_equal(svc_void_decide(&f->cashier, vid, 1, NULL),
	    ERR_DENIED);
	/* the credit r2 kept is still there: r2 can be voided; r1 first */
	OK(svc_void_decide(&f->director, vid, 1, "核实无误"));
	assert_audit(f->db, "void.approve", "director", "reopened 2026-09");
	assert_int_equal(svc_void_decide(&f->director, vid, 1, NULL),
	    ERR_STATE);
	assert_msg_has("decided already");
	/* the original keeps its number and day; its bills reopened */
	OK(svc_payment_get(&f->cashier, r1.payment_id, &d));
	assert_string_equal(d.receipt_no, "2026-000001");
	assert_string_equal(d.p.day, "2026-11-29");
	assert_int_equal(d.p.void_state, VOID_APPROVED);
	assert_int_equal(d.p.amount_fen, 30074);
	payment_detail_release(&d);
	OK(svc_counter_load(&f->cashier, f->h1501, &c));
	assert_int_equal(c.open_fen, 3 * 10724 + 4313 + 4313 + 4140 - 20000 +
	    r2.credit_fen);
	counter_release(&c);
	assert_check(f);
	/* a rejected one can be asked again; the credit of r2 used since
	 * cannot be taken back */
	OK(svc_void_request(&f->cashier, r2.payment_id, "客户要求退款", &vid2));
	OK(svc_void_decide(&f->director, vid2, 0, "不予红冲"));
	assert_audit(f->db, "void.reject", "director", "不予红冲");
	OK(svc_void_request(&f->cashier, r2.payment_id, "客户要求退款", &vid2));
	OK(svc_bill_generate(&f->director, "2026-12", NULL, NULL, NULL));
	assert_int_equal(svc_void_decide(&f->director, vid2, 1, NULL),
	    ERR_STATE);
	assert_msg_has("was used since");
	assert_check(f);
}

/* ---- the daily close --------------------------------------------------- */

static void
test_close(void **state)
{
	struct fx *f = *state;
	struct pay_result r1, r2, r3;
	struct close_view v;
	struct close_vec cv;
	struct daily_report dr;
	int64_t vid;

	three_months(f);
	/* cash 300.74 given 400; card 100; cash 50 given 50; a void of the
	 * last one approved today: cash 50 back */
	OK(pay(&f->cashier, f->h1501, "300.74", "cash", "400", 0, &r1));
	OK(pay(&f->cashier, f->h1502, "100", "card", NULL, 0, &r2));
	OK(pay(&f->cashier, f->shop, "50", "cash", NULL, 0, &r3));
	OK(svc_void_request(&f->cashier, r3.payment_id, "重复收费", &vid));
	OK(svc_void_decide(&f->director, vid, 1, NULL));
	OK(svc_close_view(&f->cashier, NULL, 0, &v));
	assert_int_equal(v.closed, 0);
	assert_int_equal(v.sums.n, 3);
	assert_string_equal(v.first_no, "2026-000001");
	assert_string_equal(v.last_no, "2026-000003");
	assert_int_equal(v.sums.by_method[PAY_CASH], 35074);
	assert_int_equal(v.sums.by_method[PAY_CARD], 10000);
	assert_int_equal(v.sums.tendered_fen, 45000);
	assert_int_equal(v.sums.change_fen, 9926);
	assert_int_equal(v.sums.nvoids, 1);
	assert_int_equal(v.sums.refund_fen, 5000);
	close_view_release(&v);
	/* expected = 500 float + 450 given - 99.26 change - 50 back = 800.74;
	 * counted 800.24: 0.50 short, needs a reason */
	assert_int_equal(svc_close_day(&f->cashier, NULL, "500", "800.24", "",
	    &v), ERR_INVALID);
	assert_msg_has("differs");
	assert_msg_has("0.50");
	assert_int_equal(svc_close_day(&f->cashier, NULL, "500", "", "x", &v),
	    ERR_INVALID);
	assert_int_equal(svc_close_day(&f->cashier, NULL, "500", "800.245",
	    "x", &v), ERR_INVALID);
	assert_int_equal(svc_close_day(&f->cashier, "2026-12-01", "500",
	    "800.74", "", &v), ERR_INVALID);
	assert_msg_has("has not come yet");
	assert_int_equal(svc_close_day(&f->director, NULL, "500", "800.74", "",
	    &v), ERR_DENIED);
	OK(svc_close_day(&f->cashier, NULL, "500", "800.24", "找零时少找了五角",
	    &v));
	assert_int_equal(v.closed, 1);
	assert_int_equal(v.close.expected_fen, 80074);
	assert_int_equal(v.close.diff_fen, -50);
	assert_string_equal(v.close.reason, "找零时少找了五角");
	close_view_release(&v);
	assert_audit(f->db, "day.close", "chenjing", "difference -0.50");
	/* twice: refused; paying into the closed day: refused */
	assert_int_equal(svc_close_day(&f->cashier, NULL, "500", "800.74", "",
	    &v), ERR_STATE);
	assert_int_equal(pay(&f->cashier, f->h1502, "10", "cash", NULL, 0,
	    &r1), ERR_STATE);
	assert_msg_has("closed");
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM payments"), 3);
	/* the other cashier's day is open */
	OK(pay(&f->cashier2, f->h1502, "10", "cash", NULL, 0, &r1));
	/* a void into the closed day: refused */
	OK(svc_void_request(&f->cashier, r2.payment_id, "刷错卡", &vid));
	assert_int_equal(svc_void_decide(&f->director, vid, 1, NULL),
	    ERR_STATE);
	assert_msg_has("closed the day");
	/* a card payment: no cash goes back, so none is spoken of */
	assert_null(strstr(err_msg(), "cash"));
	/* rejecting it moves no money: allowed into the closed day; the
	 * cashier may ask again */
	OK(svc_void_decide(&f->director, vid, 0, "改日再批"));
	OK(svc_void_request(&f->cashier, r2.payment_id, "刷错卡", &vid));
	/* the closed day never changes */
	assert_int_equal(raw_exec(f->path, "UPDATE daily_closes SET "
	    "counted_fen = 80074, diff_fen = 0"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->path, "DELETE FROM daily_closes"),
	    SQLITE_CONSTRAINT);
	/* the next day is open */
	clock_fake(T_NOV30);
	OK(svc_void_decide(&f->director, vid, 1, NULL));
	OK(pay(&f->cashier, f->h1502, "10", "cash", NULL, 0, &r1));
	/* the director reviews */
	OK(svc_closes(&f->director, "2026-11-29", "2026-11-30", &cv));
	assert_int_equal(cv.n, 1);
	assert_int_equal(svc_close_review(&f->cashier, cv.v[0].id, NULL),
	    ERR_DENIED);
	OK(svc_close_review(&f->director, cv.v[0].id, "已核对"));
	assert_audit(f->db, "day.review", "director", "已核对");
	assert_int_equal(svc_close_review(&f->director, cv.v[0].id, NULL),
	    ERR_STATE);
	close_vec_release(&cv);
	/* the daily report of yesterday: both cashiers */
	OK(svc_report_daily(&f->director, "2026-11-29", NULL, &dr));
	assert_int_equal(dr.n, 2);
	assert_int_equal(dr.total.n, 4);
	assert_true(dr.rows[0].closed);
	assert_int_equal(dr.rows[0].close.reviewed_by, f->director.user_id);
	daily_report_release(&dr);
	/* a cashier sees only their own day */
	OK(svc_report_daily(&f->cashier2, "2026-11-29", NULL, &dr));
	assert_int_equal(dr.n, 1);
	assert_int_equal(dr.rows[0].cashier_id, f->cashier2.user_id);
	daily_report_release(&dr);
	assert_int_equal(svc_report_daily(&f->cashier2, "2026-11-29",
	    "chenjing", &dr), ERR_DENIED);
	assert_check(f);
}

/* ---- late fees --------------------------------------------------------- */

static void
test_late_fees(void **state)
{
	struct fx *f = *state;
	struct late_run run;
	struct counter c;

	three_months(f);
	assert_int_equal(svc_late_fees(&f->director, 0, &run), ERR_STATE);
	assert_msg_has("late_fee");
	cfg.fee_late = 1;
	cfg.fee_late_rate = 5;
	cfg.fee_late_grace_days = 30;
	/* 2026-09 is due 10-15, late from 11-14: 15 days to 11-29 */
	OK(svc_counter_load(&f->cashier, f->h1501, &c));
	assert_int_equal(c.late_fen, 80 + 32); /* 107.24, 43.13 × 15 × 0.05% */
	counter_release(&c);
	OK(svc_late_fees(&f->cashier, f->h1501, &run));
	assert_int_equal(run.bills, 2);
	assert_int_equal(run.total_fen, 80 + 32);
	assert_audit(f->db, "late.charge", "chenjing", "2 lines");
	/* again the same day: nothing more */
	OK(svc_late_fees(&f->director, 0, &run));
	/* the other home's two, the shop's and the parking space's 2026-09 */
	assert_int_equal(run.bills, 4);
	OK(svc_late_fees(&f->director, 0, &run));
	assert_int_equal(run.bills, 0);
	/* the next day: one day more each */
	clock_fake(T_NOV30);
	OK(svc_late_fees(&f->cashier, f->h1501, &run));
	assert_int_equal(run.bills, 2);
	assert_int_equal(run.total_fen, 5 + 2);
	assert_int_equal(svc_late_fees(&f->cashier, 0, &run), ERR_DENIED);
	/* late-fee lines are bills of their own, paid oldest first */
	OK(svc_counter_load(&f->cashier, f->h1501, &c));
	assert_int_equal(c.late_fen, 0);
	assert_int_equal(c.open.n, 6 + 4);
	counter_release(&c);
	assert_check(f);
}

/* ---- arrears and reminders --------------------------------------------- */

static void
test_arrears(void **state)
{
	struct fx *f = *state;
	struct arrears_filter flt = {0, 0, 0, AGE_0_30};
	struct arrears_report ar;
	struct reminder_vec rv;
	struct strbuf sb = STRBUF_INIT;
	struct print_result pr;
	struct pay_result r;
	int64_t *ids = NULL;
	int n, i;

	three_months(f);
	OK(pay(&f->cashier, f->h1502, "1000", "cash", NULL, 1, &r));
	/* as of 2027-06-20: 2026-09 is 248 days late */
	clock_fake(INT64_C(1813482000));
	OK(svc_arrears(&f->reception, &flt, &ar));
	assert_int_equal(ar.nhouses, 3); /* 1501, the shop, the parking */
	for (i = 0; i < ar.nhouses; i++)
		if (ar.houses[i].house_id == f->h1501) {
			assert_int_equal(ar.houses[i].age.fen[AGE_OVER_180],
			    3 * 10724 + 4313 + 4313 + 4140);
			assert_string_equal(ar.houses[i].oldest_due,
			    "2026-10-15");
			assert_string_equal(ar.houses[i].owners, "张三");
			assert_int_equal(ar.houses[i].stage, -1);
		}
	assert_int_equal(ar.total.total_fen, ar.total.fen[AGE_OVER_180]);
	assert_true(ar.nbuildings == 3);
	assert_true(ar.nitems == 3);
	/* every house is counted in each group it owes on: 1501 owes the
	 * property fee and water, so water has a house too */
	for (n = i = 0; i < ar.nbuildings; i++)
		n += (int)ar.buildings[i].houses;
	assert_int_equal(n, ar.nhouses);
	for (i = 0; i < ar.nitems; i++)
		assert_true(ar.items[i].houses >= 1);
	arrears_report_release(&ar);
	/* by building */
	flt.building = 3;
	OK(svc_arrears(&f->reception, &flt, &ar));
	assert_int_equal(ar.nhouses, 1);
	assert_string_equal(ar.houses[0].code, "3-2-1501");
	arrears_report_release(&ar);
	OK(svc_arrears_grid(&f->reception, 3, &ids, &n));
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], f->h1501);
	free(ids);
	/* reminders: phone, then the notice printed */
	assert_int_equal(svc_reminder_add(&f->reception, f->h1501, "fax", "",
	    NULL), ERR_INVALID);
	assert_int_equal(svc_reminder_add(&f->reception, f->h1501, NULL, "",
	    NULL), ERR_INVALID);
	OK(svc_reminder_add(&f->reception, f->h1501, "电话催缴", "业主说下周来交",
	    NULL));
	assert_audit(f->db, "reminder.add", "wangli", "业主说下周来交");
	OK(svc_notice_text(&f->reception, f->h1501, &sb));
	assert_non_null(strstr(sb.buf, "REMINDER NOTICE"));
	assert_non_null(strstr(sb.buf, "2026-10-15"));
	OK(svc_notice_print(&f->reception, f->h1501, &pr));
	assert_non_null(strstr(pr.path, "notice-3-2-1501-2027-06-20.txt"));
	OK(svc_reminders(&f->reception, f->h1501, &rv));
	assert_int_equal(rv.n, 2);
	reminder_vec_release(&rv);
	flt.building = 0;
	flt.min_age = AGE_OVER_180;
	OK(svc_arrears(&f->reception, &flt, &ar));
	for (i = 0; i < ar.nhouses; i++)
		if (ar.houses[i].house_id == f->h1501)
			assert_int_equal(ar.houses[i].stage, REMIND_PHONE);
	arrears_report_release(&ar);
	/* a house that owes nothing has no notice */
	strbuf_reset(&sb);
	assert_int_equal(svc_notice_text(&f->reception, f->h1502, &sb),
	    ERR_STATE);
	strbuf_release(&sb);
	assert_int_equal(svc_arrears(&f->admin, &flt, &ar), ERR_DENIED);
}

/* ---- reports and exports ----------------------------------------------- */

static int
count_bill(const struct bill *b, void *arg)
{
	(void)b;
	++*(int *)arg;
	return 0;
}

static int
count_payment(const struct payment *p, void *arg)
{
	(void)p;
	++*(int *)arg;
	return 0;
}

static void
test_reports(void **state)
{
	struct fx *f = *state;
	struct monthly_report m;
	struct pay_result r;
	struct house_fees hf;
	int i, nb = 0, np = 0;

	three_months(f);
	/* during November: 1501 pays 09 and 10 (old arrears) and 11 */
	OK(pay(&f->cashier, f->h1501, "300.74", "cash", NULL, 0, &r));
	OK(pay(&f->cashier, f->h1501, "148.64", "cash", NULL, 0, &r));
	OK(svc_report_monthly(&f->director, "2026-11", &m));
	/* 2026-11: 物业 107.24 + 120.30 + 144.60, water 41.40 + 34.50,
	 * parking 150 */
	assert_int_equal(m.billed_fen, 10724 + 12030 + 14460 + 4140 + 3450 +
	    15000);
	assert_int_equal(m.paid_fen, 10724 + 4140);
	assert_int_equal(m.households, 4);
	assert_int_equal(m.households_paid, 1);
	assert_int_equal(m.nitems, 3);
	assert_int_equal(m.nbuildings, 3);
	assert_int_equal(m.buildings[0].building, 1);
	/* old arrears at the start of November: 09 and 10 of every house */
	assert_int_equal(m.old_paid_fen, 2 * 10724 + 2 * 4313);
	assert_true(m.old_open_fen > m.old_paid_fen);
	for (i = 0; i < m.nitems; i++)
		if (m.items[i].item_id == f->water)
			assert_int_equal(m.items[i].bills, 2);
	monthly_report_release(&m);
	assert_int_equal(svc_report_monthly(&f->cashier, "2026-11", &m),
	    ERR_DENIED);
	assert_int_equal(svc_report_monthly(&f->director, "2026-13", &m),
	    ERR_INVALID);
	/* a house's fees */
	OK(svc_house_fees(&f->reception, f->h1501, &hf));
	assert_int_equal(hf.payments.n, 2);
	assert_int_equal(hf.bills.n, 6);
	assert_int_equal(hf.open_fen, 0);
	assert_string_equal(hf.bills.v[0].period, "2026-11");
	house_fees_release(&hf);
	/* exports, audited */
	OK(svc_bill_export(&f->cashier, count_bill, &nb));
	assert_int_equal(nb, 3 * 6);
	assert_audit(f->db, "export.bills", "chenjing", "18 rows");
	OK(svc_payment_export(&f->cashier, count_payment, &np));
	assert_int_equal(np, 2);
	assert_audit(f->db, "export.payments", "chenjing", "2 rows");
	assert_int_equal(svc_bill_export(&f->admin, count_bill, &nb),
	    ERR_DENIED);
}

/* ---- check ------------------------------------------------------------- */

/* Tampering behind the program's back is found by check. */
static void
test_check_tamper(void **state)
{
	struct fx *f = *state;
	struct pay_result r;
	struct strbuf sb = STRBUF_INIT;

	three_months(f);
	OK(pay(&f->cashier, f->h1501, "300.74", "cash", NULL, 0, &r));
	OK(pay(&f->cashier, f->h1502, "100", "cash", NULL, 0, &r));
	assert_check(f);
	assert_int_equal(raw_exec(f->path, "DROP TRIGGER bills_nu; "
	    "UPDATE bills SET paid_fen = paid_fen - 1 WHERE id = 1"),
	    SQLITE_OK);
	assert_int_equal(svc_check(&f->admin, 0, &sb), ERR_STATE);
	assert_msg_has("1 bills show a paid amount");
	assert_int_equal(raw_exec(f->path, "UPDATE bills SET paid_fen = "
	    "paid_fen + 1 WHERE id = 1; DROP TRIGGER p_nu; UPDATE payments "
	    "SET amount_fen = amount_fen + 1, tendered_fen = tendered_fen + 1 "
	    "WHERE id = 2"), SQLITE_OK);
	assert_int_equal(svc_check(&f->admin, 0, &sb), ERR_STATE);
	assert_msg_has("do not equal their lines");
	assert_int_equal(raw_exec(f->path, "UPDATE payments SET amount_fen = "
	    "amount_fen - 1, tendered_fen = tendered_fen - 1 WHERE id = 2; "
	    "DROP TRIGGER p_nd; DROP TRIGGER "
	    "pl_nd; DELETE FROM payment_lines WHERE payment_id = 1; DELETE "
	    "FROM payments WHERE id = 1; UPDATE bills SET paid_fen = 0 WHERE "
	    "house_id = 1"), SQLITE_OK);
	assert_int_equal(svc_check(&f->admin, 0, &sb), ERR_STATE);
	assert_msg_has("receipt numbers of 2026 have a gap");
	strbuf_release(&sb);
}

/* ---- two desks at once ------------------------------------------------- */

/* One desk in its own process: pay amount when the parent lets go. */
static void
desk_child(struct fx *f, struct session *s, int64_t seen, const char *amount,
    int go, int fd)
{
	struct db *db = NULL;
	struct pay_in in = {0};
	struct pay_result r;
	char msg[600], c;
	int rc;

	if (db_open(&db, f->path, cfg.busy_timeout_ms, 0) != 0)
		_exit(90);
	s->db = db;
	in.house_id = f->h1501;
	in.amount = amount;
	in.method = "cash";
	in.seen_payment_id = seen;
	(void)read(go, &c, 1); /* EOF when the parent lets go */
	rc = svc_pay(s, &in, &r);
	snprintf(msg, sizeof msg, "%d|%s", rc, rc == 0 ? r.receipt_no :
	    err_msg());
	(void)write(fd, msg, strlen(msg) + 1);
	db_close(&db);
	_exit(0);
}

/*
 * Both desks read the counter, then pay everything the house owes at one
 * moment: with the counter's check (use_seen) or as the command line does
 * (without it).  Exactly one is taken; the other desk is told which
 * receipt paid, at which desk, by whom.
 */
static void
race_round(struct fx *f, int use_seen, int round)
{
	struct counter c;
	char out[2][600], amount[MONEY_BUFSZ];
	int go[2], res[2][2], k, won = 0, status;
	pid_t pid[2];
	struct session *s[2] = {&f->cashier, &f->cashier2};
	int64_t before;

	OK(svc_counter_load(&f->cashier, f->h1501, &c));
	assert_true(c.open_fen > 0);
	money_format_plain(amount, sizeof amount, c.open_fen);
	before = raw_int(f->path, "SELECT count(*) FROM payments");
	assert_int_equal(pipe(go), 0);
	for (k = 0; k < 2; k++) {
		assert_int_equal(pipe(res[k]), 0);
		pid[k] = fork();
		assert_true(pid[k] >= 0);
		if (pid[k] == 0) {
			close(go[1]);
			close(res[k][0]);
			desk_child(f, s[k], use_seen ? c.seen_payment_id : -1,
			    amount, go[0], res[k][1]);
		}
		close(res[k][1]);
	}
	close(go[0]);
	close(go[1]); /* both go */
	for (k = 0; k < 2; k++) {
		memset(out[k], 0, sizeof out[k]);
		(void)read(res[k][0], out[k], sizeof out[k] - 1);
		close(res[k][0]);
		assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
		if (strncmp(out[k], "0|", 2) == 0)
			won++;
	}
	if (won != 1)
		fail_msg("round %d: %d desks won:\n%s\n%s", round, won,
		    out[0], out[1]);
	for (k = 0; k < 2; k++) {
		if (strncmp(out[k], "0|", 2) == 0)
			continue;
		if (strstr(out[k], "receipt 20") == NULL ||
		    (strstr(out[k], "陈静") == NULL &&
		    strstr(out[k], "赵敏") == NULL))
			fail_msg("round %d: the loser was told '%s'", round,
			    out[k]);
	}
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM payments"),
	    before + 1);
	counter_release(&c);
}

static void
test_two_desks(void **state)
{
	struct fx *f = *state;
	char p[32], cur[32];
	int round;

	for (round = 0; round < 10; round++) {
		/* a new month: 物业 107.24 and 12.5 t of water (43.13) */
		snprintf(p, sizeof p, "2026-%02d", round + 1);
		snprintf(cur, sizeof cur, "%d.%d", 100 + 25 * (round + 1) / 2,
		    (round + 1) % 2 ? 5 : 0);
		OK(reading(f, "3-2-1501", p, round == 0 ? "100" : NULL, cur));
		OK(svc_bill_generate(&f->director, p, NULL, NULL, NULL));
		race_round(f, round % 2, round);
	}
	/* no bill paid twice: every bill exactly paid */
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM bills WHERE "
	    "house_id = 1 AND paid_fen <> amount_fen"), 0);
	assert_int_equal(raw_int(f->path, "SELECT count(*) FROM payments"),
	    10);
	assert_check(f);
}

/* ---- the disk filling during a payment --------------------------------- */

static int
write_proc(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY), rc = 0;

	if (fd < 0)
		return -1;
	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		rc = -1;
	close(fd);
	return rc;
}

/* A private mount namespace (as root, or in a user namespace). */
static int
private_mounts(char *msg, size_t msgsz)
{
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	if (unshare(CLONE_NEWNS) != 0) {
		if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
			snprintf(msg, msgsz, "unshare: %s", strerror(errno));
			return -1;
		}
		snprintf(map, sizeof map, "0 %ld 1", (long)uid);
		if (write_proc("/proc/self/uid_map", map) != 0)
			return -1;
		(void)write_proc("/proc/self/setgroups", "deny");
		snprintf(map, sizeof map, "0 %ld 1", (long)gid);
		if (write_proc("/proc/self/gid_map", map) != 0)
			return -1;
	}
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
		snprintf(msg, msgsz, "make / private: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* What the disk child found. */
struct disk_report {
	int setup;        /* 0 ok, else set-up failed (msg) */
	int rc;           /* svc_pay on the full disk */
	int64_t before, after, lines_after;
	int rc_check;     /* svc_check after space came back */
	int rc_pay2;      /* a payment after space came back */
	char msg[512];
	char check[512];
};

/* Fill the file system of dir with a file, to the last block. */
static void
fill_disk(const char *dir)
{
	char path[700], block[4096];
	int fd;

	snprintf(path, sizeof path, "%s/filler", dir);
	memset(block, 0, sizeof block);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return;
	while (write(fd, block, sizeof block) > 0)
		;
	while (write(fd, block, 1) > 0)
		;
	close(fd);
}

static void
disk_child(struct fx *f, const char *dir, int fd)
{
	struct disk_report r;
	struct strbuf sb = STRBUF_INIT;
	struct pay_result pr;
	char path[700], filler[700];
	struct db *db = NULL;
	int i;

	memset(&r, 0, sizeof r);
	r.setup = 1;
	if (private_mounts(r.msg, sizeof r.msg) != 0)
		goto out;
	if (mount("tmpfs", dir, "tmpfs", 0, "size=2m") != 0) {
		snprintf(r.msg, sizeof r.msg, "mount: %s", strerror(errno));
		goto out;
	}
	/* the fixture's file, copied onto the small disk */
	snprintf(path, sizeof path, "%s/d.db", dir);
	if (db_backup(f->db, path, 1) != 0) {
		snprintf(r.msg, sizeof r.msg, "copy: %s", err_msg());
		goto out;
	}
	if (db_open(&db, path, cfg.busy_timeout_ms, 0) != 0) {
		snprintf(r.msg, sizeof r.msg, "open: %s", err_msg());
		goto out;
	}
	f->cashier.db = db;
	f->admin.db = db;
	/* warm up: a payment that fits, so the WAL exists */
	if (pay(&f->cashier, f->h1501, "1", "cash", NULL, 0, &pr) != 0) {
		snprintf(r.msg, sizeof r.msg, "warm-up: %s", err_msg());
		goto out;
	}
	r.setup = 0;
	r.before = raw_int(path, "SELECT count(*) FROM payments");
	fill_disk(dir);
	/* payments until the disk says no (the WAL has some room left) */
	for (i = 0; i < 2000; i++) {
		r.rc = pay(&f->cashier, f->h1501, "0.01", "cash", NULL, 0, &pr);
		if (r.rc != 0)
			break;
		r.before++;
	}
	snprintf(r.msg, sizeof r.msg, "%s", err_msg());
	snprintf(filler, sizeof filler, "%s/filler", dir);
	unlink(filler);
	db_close(&db);
	if (db_open(&db, path, cfg.busy_timeout_ms, 0) != 0) {
		snprintf(r.check, sizeof r.check, "reopen: %s", err_msg());
		r.rc_check = -99;
		goto out;
	}
	f->cashier.db = db;
	f->admin.db = db;
	r.after = raw_int(path, "SELECT count(*) FROM payments");
	r.lines_after = raw_int(path, "SELECT count(*) FROM payment_lines");
	r.rc_check = svc_check(&f->admin, 1, &sb);
	snprintf(r.check, sizeof r.check, "%s", r.rc_check ? err_msg() :
	    sb.buf);
	r.rc_pay2 = pay(&f->cashier, f->h1501, "0.01", "cash", NULL, 0, &pr);
out:
	db_close(&db);
	strbuf_release(&sb);
	(void)write(fd, &r, sizeof r);
	_exit(0);
}

static void
test_disk_full(void **state)
{
	struct fx *f = *state;
	struct disk_report r;
	char dir[600];
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	three_months(f);
	snprintf(dir, sizeof dir, "%s/small", test_tmpdir());
	mkdir(dir, 0700);
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		disk_child(f, dir, fds[1]);
	}
	close(fds[1]);
	memset(&r, 0, sizeof r);
	n = read(fds[0], &r, sizeof r);
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(n, (ssize_t)sizeof r);
	if (r.setup != 0) {
		/* no namespaces here (some containers): say so, do not pass
		 * silently */
		fail_msg("disk set-up failed: %s", r.msg);
	}
	if (r.rc != ERR_IO)
		fail_msg("payment on a full disk: rc %d, '%s'", r.rc, r.msg);
	if (strstr(r.msg, "disk is full") == NULL)
		fail_msg("full disk message: '%s'", r.msg);
	/* nothing half-written: the payments that were taken are whole,
	 * the one refused is absent */
	assert_int_equal(r.after, r.before);
	if (r.rc_check != 0)
		fail_msg("check after the full disk: %s", r.check);
	assert_int_equal(r.rc_pay2, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_setup_items, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_setup_standards, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(test_readings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reading_import, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(test_bills, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bills_credit, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pay, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pay_picked, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_receipt_numbers, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(test_receipt_print, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(test_voids, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_close, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_late_fees, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_arrears, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reports, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_check_tamper, setup,
		teardown),
	    cmocka_unit_test_setup_teardown(test_two_desks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_disk_full, setup, teardown),
	};
	int rc;

	test_locale();
	setenv("TZ", "UTC", 1);
	tzset();
	config_defaults(&cfg);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	return rc;
}
