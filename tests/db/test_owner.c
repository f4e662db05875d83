/*
 * test_owner.c: svc/svc_owner.c and svc/svc_visit.c (and the DAL under
 * them) against a fresh database: houses, owners, holdings, the transfer
 * (过户), occupants, visits, revealing a number, the finder on 2,400
 * generated households, the imports and exports, the invariants of
 * `frontdesk check`.  Every action's audit row is checked; every bad input
 * of the issue gets its message and stores nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testlib.h"

#include <sqlite3.h>

#include "core/idcard.h"
#include "db/audit_db.h"
#include "db/db.h"
#include "db/finder_db.h"
#include "db/house_db.h"
#include "db/owner_db.h"
#include "db/user_db.h"
#include "db/visit_db.h"
#include "svc/session.h"
#include "svc/svc_admin.h"
#include "svc/svc_owner.h"
#include "svc/svc_visit.h"
#include "util/clock.h"
#include "util/config.h"
#include "util/err.h"
#include "util/strbuf.h"

#define T0 1718000000 /* 2024-06-10 06:13 UTC, the faked "now" */
#define FAKE_HASH "$argon2id$v=19$m=8,t=1,p=1$not-a-real-hash"
#define NGEN 2400     /* generated households for the finder */

static struct config cfg;

/* A fresh database with a receptionist, a cashier and a director. */
struct fx {
	struct db *db;
	char path[256];
	struct session rec, cash, dir;
};

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

/* The newest audit row must be this one.  Returns its summary (freed at
 * the next call). */
static const char *
assert_audit(struct db *db, const char *action, const char *user,
    const char *entity, const char *summary_part)
{
	static char summary[2048];
	struct audit_row *rows = NULL;
	int n = 0;

	assert_int_equal(audit_db_recent(db, NULL, 0, 1, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].action, action);
	assert_string_equal(rows[0].user_name, user);
	assert_string_equal(rows[0].entity, entity);
	if (summary_part != NULL && strstr(rows[0].summary, summary_part) ==
	    NULL)
		fail_msg("audit summary \"%s\" lacks \"%s\"", rows[0].summary,
		    summary_part);
	snprintf(summary, sizeof summary, "%s", rows[0].summary);
	audit_row_release(&rows[0]);
	free(rows);
	return summary;
}

/* A number from the raw file (a second connection, as another desk). */
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

/* Run SQL on a second connection.  Returns the SQLite result code. */
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

/* How many rows everything has: the "nothing stored" check. */
static int64_t
rows_total(struct fx *f)
{
	return raw_int(f, "SELECT (SELECT count(*) FROM houses)"
			  " + (SELECT count(*) FROM owners)"
			  " + (SELECT count(*) FROM holdings)"
			  " + (SELECT count(*) FROM occupants)"
			  " + (SELECT count(*) FROM visits)"
			  " + (SELECT count(*) FROM audit_log)");
}

/* A valid ID number, different for each i < 21000. */
static void
make_id(char out[IDCARD_BUFSZ], int i)
{
	char b[64];

	snprintf(b, sizeof b, "110105%04d%02d%02d%03d", 1950 + i % 50,
	    1 + i % 12, 1 + i % 28, i % 1000);
	memcpy(out, b, 17);
	out[17] = idcard_check_char(b);
	out[18] = '\0';
}

static int
add_staff(struct db *db, void *arg)
{
	struct fx *f = arg;
	int rc;

	if ((rc = user_db_insert(db, "wangli", "王丽", "receptionist",
	    FAKE_HASH, T0, &f->rec.user_id)) != 0 ||
	    (rc = user_db_insert(db, "chenjing", "陈静", "cashier", FAKE_HASH,
	    T0, &f->cash.user_id)) != 0)
		return rc;
	return user_db_insert(db, "director", "李主任", "director", FAKE_HASH,
	    T0, &f->dir.user_id);
}

static void
make_session(struct fx *f, struct session *s, const char *user,
    const char *display, enum role role)
{
	int64_t id = s->user_id;

	memset(s, 0, sizeof *s);
	s->db = f->db;
	s->cfg = &cfg;
	s->user_id = id;
	s->user = strdup(user);
	s->display = strdup(display);
	s->role = role;
	s->desk = strdup("2号窗口");
}

static int
setup(void **state)
{
	static int seq;
	struct fx *f = calloc(1, sizeof *f);

	snprintf(f->path, sizeof f->path, "%s", test_path("x"));
	snprintf(f->path, sizeof f->path, "%s/owner%d.db", test_tmpdir(),
	    seq++);
	unlink(f->path);
	if (db_open(&f->db, f->path, cfg.busy_timeout_ms, DB_OPEN_CREATE) != 0)
		fail_msg("db_open: %s", err_msg());
	if (db_tx(f->db, add_staff, f) != 0)
		fail_msg("staff: %s", err_msg());
	make_session(f, &f->rec, "wangli", "王丽", ROLE_RECEPTIONIST);
	make_session(f, &f->cash, "chenjing", "陈静", ROLE_CASHIER);
	make_session(f, &f->dir, "director", "李主任", ROLE_DIRECTOR);
	clock_fake(T0);
	err_clear();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	clock_fake(0);
	session_release(&f->rec);
	session_release(&f->cash);
	session_release(&f->dir);
	db_close(&f->db);
	free(f);
	return 0;
}

/* Add a house; must succeed. */
static int64_t
add_house(struct fx *f, const char *code, const char *area)
{
	struct house_in in = {code, area, NULL, NULL, NULL};
	int64_t id = 0;

	if (svc_house_add(&f->rec, &in, &id) != 0)
		fail_msg("house %s: %s", code, err_msg());
	return id;
}

/* Add an owner of house (0: none) from since; must succeed. */
static int64_t
add_owner(struct fx *f, const char *name, const char *id_no,
    const char *phone, const char *move_in, int64_t house, const char *since)
{
	struct owner_in in = {0};
	int64_t id = 0;

	in.name = name;
	in.id_no = id_no;
	in.phone = phone;
	in.move_in = move_in;
	if (svc_owner_add(&f->rec, &in, house, since, &id) != 0)
		fail_msg("owner %s: %s", name, err_msg());
	return id;
}

static struct house
get_house(struct fx *f, const char *code)
{
	struct house h = {0};

	if (house_db_get_by_code(f->db, code, &h) != 0)
		fail_msg("no house %s", code);
	return h;
}

/* ---- houses ------------------------------------------------------------- */

/* int svc_house_add(struct session *s, const struct house_in *in, ...); */
static void
test_house_add(void **state)
{
	struct fx *f = *state;
	struct house_in in = {"3栋2单元1502室", "８９．３７", "住宅", "空置",
	    "东边套，南北通透"};
	struct house h;
	int64_t id = 0, before;

	assert_int_equal(svc_house_add(&f->rec, &in, &id), 0);
	assert_true(id > 0);
	assert_audit(f->db, "house.add", "wangli", "house",
	    "house 3-2-1502 added: 89.37 m2, residence, vacant");
	h = get_house(f, "3-2-1502");
	assert_int_equal(h.id, id);
	assert_int_equal(h.building, 3);
	assert_int_equal(h.entrance, 2);
	assert_int_equal(h.room, 1502);
	assert_int_equal(h.floor, 15);
	assert_int_equal(h.area_centi, 8937);
	assert_int_equal(h.use, HOUSE_USE_RESIDENCE);
	assert_int_equal(h.state, HOUSE_VACANT);
	assert_string_equal(h.notes, "东边套，南北通透");
	assert_int_equal(h.version, 1);
	assert_int_equal(h.created_at, T0);
	house_release(&h);

	before = rows_total(f);
	/* duplicate house number, however typed */
	in.code = "3-2-1502";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_CONFLICT);
	assert_string_equal(err_msg(), "house 3-2-1502 already exists");
	in.code = "３－２－１５０２";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_CONFLICT);
	/* bad areas */
	in.code = "3-2-1501";
	in.area = "0";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	assert_msg_has("area must be more than 0");
	in.area = "-89.37";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	assert_msg_has("negative");
	in.area = "89.375";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	assert_msg_has("two decimals");
	in.area = "";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	in.area = "100000";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	/* bad house numbers, uses, states, notes */
	in.area = "89.37";
	in.code = "3-2-1500";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	assert_msg_has("no unit");
	in.code = "";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	assert_msg_has("empty");
	in.code = "3-2-1501";
	in.use = "别墅";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	assert_msg_has("use must be one of");
	in.use = NULL;
	in.state = "sold";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	in.state = NULL;
	in.notes = "bad\xff";
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), ERR_INVALID);
	in.notes = NULL;
	/* a cashier may not */
	assert_int_equal(svc_house_add(&f->cash, &in, NULL), ERR_DENIED);
	assert_int_equal(rows_total(f), before);

	/* defaults: residence, vacant; a shop */
	in.use = "商铺";
	in.state = "出租";
	assert_int_equal(svc_house_add(&f->rec, &in, &id), 0);
	h = get_house(f, "3-2-1501");
	assert_int_equal(h.use, HOUSE_USE_SHOP);
	assert_int_equal(h.state, HOUSE_LET);
	house_release(&h);
}

/* int svc_house_edit(struct session *s, int64_t id, int64_t version, ...); */
static void
test_house_edit(void **state)
{
	struct fx *f = *state;
	struct house_in in = {"3-2-1502", "90", "residence", "decorating",
	    "装修到 8 月"};
	struct house h;
	int64_t id = add_house(f, "3-2-1502", "89.37"), before;

	add_house(f, "3-2-1501", "120");
	assert_int_equal(svc_house_edit(&f->rec, id, 1, &in), 0);
	assert_audit(f->db, "house.edit", "wangli", "house",
	    "area 89.37 -> 90.00; state vacant -> decorating");
	h = get_house(f, "3-2-1502");
	assert_int_equal(h.version, 2);
	assert_int_equal(h.area_centi, 9000);
	assert_int_equal(h.state, HOUSE_DECORATING);
	house_release(&h);

	before = rows_total(f);
	/* another desk's change in between: version 1 is stale now */
	in.area = "91";
	assert_int_equal(svc_house_edit(&f->rec, id, 1, &in), ERR_CONFLICT);
	assert_string_equal(err_msg(),
	    "changed at another desk; reopen it and try again");
	/* renaming onto a taken number */
	in.code = "3-2-1501";
	assert_int_equal(svc_house_edit(&f->rec, id, 2, &in), ERR_CONFLICT);
	assert_string_equal(err_msg(), "house 3-2-1501 already exists");
	in.code = "3-2-1502";
	assert_int_equal(svc_house_edit(&f->rec, 9999, 1, &in), ERR_NOTFOUND);
	assert_int_equal(svc_house_edit(&f->cash, id, 2, &in), ERR_DENIED);
	assert_int_equal(rows_total(f), before);
	h = get_house(f, "3-2-1502");
	assert_int_equal(h.area_centi, 9000);
	assert_int_equal(h.version, 2);
	house_release(&h);
}

/* ---- owners ------------------------------------------------------------- */

/* int svc_owner_add(struct session *s, const struct owner_in *in, ...); */
static void
test_owner_add(void **state)
{
	struct fx *f = *state;
	int64_t house = add_house(f, "3-2-1502", "89.37"), id, before;
	struct owner_in in = {0};
	struct holding_vec hv = {0};
	struct owner o;
	const char *sum;
	char big[500 * 3 + 1];
	int i;

	in.kind = "个人";
	in.name = " 张三丰 ";
	in.phone = "138 1234 5678";
	in.phone2 = "0376-1234567";
	in.id_no = "11010519491231002x";
	in.move_in = "2020年5月1日";
	in.emergency_name = "张小明";
	in.emergency_phone = "13900001111";
	in.notes = "老业主";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, &id), 0);
	sum = assert_audit(f->db, "owner.add", "wangli", "owner",
	    "owner 张三丰 (person, idcard 110***********002X, phone "
	    "138****5678, moved in 2020-05-01) holds 3-2-1502 from 2020-05-01");
	/* the audit log never holds full numbers */
	assert_null(strstr(sum, "11010519491231002X"));
	assert_null(strstr(sum, "13812345678"));
	/* moved in: the house is occupied now */
	assert_non_null(strstr(sum, "state vacant -> occupied"));
	assert_int_equal(svc_owner_get(&f->cash, id, &o, &hv), 0);
	assert_string_equal(o.name, "张三丰");
	assert_string_equal(o.phone, "13812345678");
	assert_string_equal(o.phone2, "0376-1234567");
	assert_int_equal(o.id_type, ID_TYPE_IDCARD);
	assert_string_equal(o.id_no, "11010519491231002X");
	assert_string_equal(o.move_in, "2020-05-01");
	assert_string_equal(o.emergency_phone, "13900001111");
	assert_int_equal(hv.n, 1);
	assert_string_equal(hv.v[0].house_code, "3-2-1502");
	assert_string_equal(hv.v[0].h.since, "2020-05-01");
	assert_string_equal(hv.v[0].h.until, "");
	owner_release(&o);
	holding_vec_release(&hv);

	before = rows_total(f);
	in.name = "李四";
	/* wrong check character */
	in.id_no = "110105194912310021";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("check");
	/* impossible birth date (Feb 30th), with a right check character */
	{
		char bad[IDCARD_BUFSZ];

		memcpy(bad, "11010519990230002", 17);
		bad[17] = idcard_check_char(bad);
		bad[18] = '\0';
		in.id_no = bad;
		assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL,
		    NULL), ERR_INVALID);
		assert_msg_has("birth");
	}
	in.id_no = "11010519491231002X";
	/* phones of the wrong length */
	in.phone = "1381234567";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("phone: ");
	in.phone = "138123456789";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	in.phone = "13812345678";
	in.emergency_phone = "12345";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("emergency contact phone: ");
	in.emergency_phone = NULL;
	/* a name of 500 characters */
	for (i = 0; i < 500; i++)
		memcpy(big + i * 3, "李", 3);
	big[500 * 3] = '\0';
	in.name = big;
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("owner name is too long: 500 characters, at most 64");
	in.name = "";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	in.name = "李\xff四";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	in.name = "李四";
	/* ID type and number must agree */
	in.id_type = "无";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("ID type is none");
	in.id_type = "passport";
	in.id_no = "";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("enter the ID number");
	in.id_no = "E1234";
	in.id_type = "护照";
	in.move_in = "2020-02-30";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, NULL, NULL),
	    ERR_INVALID);
	assert_msg_has("move-in date: ");
	in.move_in = NULL;
	/* no such house; a cashier may not */
	assert_int_equal(svc_owner_add(&f->rec, &in, 9999, NULL, NULL),
	    ERR_NOTFOUND);
	assert_int_equal(svc_owner_add(&f->cash, &in, house, NULL, NULL),
	    ERR_DENIED);
	assert_int_equal(rows_total(f), before);

	/* joint owner with a passport (stored upper case) */
	in.id_no = "e1234567";
	assert_int_equal(svc_owner_add(&f->rec, &in, house, "2021-01-01", &id),
	    0);
	assert_int_equal(svc_owner_get(&f->rec, id, &o, NULL), 0);
	assert_int_equal(o.id_type, ID_TYPE_PASSPORT);
	assert_string_equal(o.id_no, "E1234567");
	owner_release(&o);
	/* he cannot hold it twice */
	assert_int_equal(svc_holding_add(&f->rec, house, id, "2022-01-01",
	    NULL), ERR_CONFLICT);
	assert_msg_has("李四 already holds this house");
}

/* int svc_owner_edit(struct session *s, int64_t id, int64_t version, ...); */
static void
test_owner_edit(void **state)
{
	struct fx *f = *state;
	int64_t house = add_house(f, "3-2-1502", "89.37");
	int64_t id = add_owner(f, "张三", "11010519491231002X", "13812345678",
	    NULL, house, "2020-05-01"), before;
	struct owner_in in = {0};
	struct owner o;

	in.name = "张三";
	in.id_no = "11010519491231002X";
	in.phone = "13912345678";
	in.notes = "换了手机号";
	assert_int_equal(svc_owner_edit(&f->rec, id, 1, &in), 0);
	assert_audit(f->db, "owner.edit", "wangli", "owner",
	    "phone 138****5678 -> 139****5678; notes '' -> 换了手机号");
	assert_int_equal(owner_db_get(f->db, id, &o), 0);
	assert_int_equal(o.version, 2);
	assert_string_equal(o.phone, "13912345678");
	owner_release(&o);
	before = rows_total(f);
	in.phone = "13700000000";
	assert_int_equal(svc_owner_edit(&f->rec, id, 1, &in), ERR_CONFLICT);
	assert_msg_has("changed at another desk");
	assert_int_equal(svc_owner_edit(&f->rec, 777, 1, &in), ERR_NOTFOUND);
	in.id_no = "110105194912310021";
	assert_int_equal(svc_owner_edit(&f->rec, id, 2, &in), ERR_INVALID);
	assert_int_equal(rows_total(f), before);
	assert_int_equal(owner_db_get(f->db, id, &o), 0);
	assert_string_equal(o.phone, "13912345678");
	owner_release(&o);
}

/* svc_holding_add(), svc_holding_end() */
static void
test_holding(void **state)
{
	struct fx *f = *state;
	int64_t house = add_house(f, "1-1-101", "60");
	int64_t a = add_owner(f, "赵一", NULL, NULL, NULL, 0, NULL);
	int64_t b = add_owner(f, "钱二", NULL, NULL, "2024-01-01", 0, NULL);
	int64_t hid, before;
	struct house_detail d;

	assert_int_equal(svc_holding_add(&f->rec, house, a, "2023-03-01",
	    &hid), 0);
	assert_audit(f->db, "holding.add", "wangli", "house",
	    "赵一 holds 1-1-101 from 2023-03-01");
	/* b has moved in: the house is occupied */
	assert_int_equal(svc_holding_add(&f->rec, house, b, "2023-03-01",
	    NULL), 0);
	assert_audit(f->db, "holding.add", "wangli", "house",
	    "state vacant -> occupied");
	before = rows_total(f);
	assert_int_equal(svc_holding_end(&f->rec, hid, "2023-02-01"),
	    ERR_INVALID);
	assert_msg_has("before the holding began on 2023-03-01");
	assert_int_equal(svc_holding_add(&f->rec, 4242, a, NULL, NULL),
	    ERR_NOTFOUND);
	assert_int_equal(svc_holding_add(&f->rec, house, 4242, NULL, NULL),
	    ERR_NOTFOUND);
	assert_int_equal(svc_holding_add(&f->rec, house, a, "yesterday",
	    NULL), ERR_INVALID);
	assert_int_equal(rows_total(f), before);
	assert_int_equal(svc_holding_end(&f->rec, hid, "2024-05-31"), 0);
	assert_audit(f->db, "holding.end", "wangli", "house",
	    "赵一 no longer holds 1-1-101 from 2024-05-31 (held since "
	    "2023-03-01)");
	assert_int_equal(svc_holding_end(&f->rec, hid, NULL), ERR_STATE);
	assert_msg_has("already ended on 2024-05-31");
	assert_int_equal(svc_house_detail(&f->rec, house, &d), 0);
	assert_int_equal(d.owners.n, 1);
	assert_string_equal(d.owners.v[0].o.name, "钱二");
	assert_int_equal(d.past_owners.n, 1);
	assert_string_equal(d.past_owners.v[0].o.name, "赵一");
	assert_string_equal(d.past_owners.v[0].h.until, "2024-05-31");
	house_detail_release(&d);
}

/* int svc_transfer(...): 过户 as one action */
static void
test_transfer(void **state)
{
	struct fx *f = *state;
	int64_t house = add_house(f, "5-1-0802", "102.5");
	int64_t old1 = add_owner(f, "周大福", "11010519491231002X",
	    "13812345678", "2020-05-01", house, "2020-05-01");
	int64_t old2 = add_owner(f, "周太太", NULL, NULL, NULL, house,
	    "2021-05-01");
	int64_t buyer = add_owner(f, "吴买家", NULL, "13700001234", NULL, 0,
	    NULL);
	struct occupant_in kid = {"周小宝", "family", "儿子", NULL, NULL,
	    NULL, "2020-05-01", NULL, NULL};
	struct occupant_in ten = {"郑租客", "租户", NULL, "13600001111", NULL,
	    NULL, "2023-01-01", NULL, NULL};
	struct owner_in fresh = {0};
	struct transfer_to to[2];
	int64_t ids[2] = {0, 0}, before;
	struct house_detail d;
	const char *sum;

	(void)old1;
	assert_int_equal(svc_occupant_add(&f->rec, house, &kid, NULL), 0);
	assert_int_equal(svc_occupant_add(&f->rec, house, &ten, NULL), 0);
	fresh.name = "吴太太";
	fresh.id_no = NULL;
	fresh.move_in = NULL;
	to[0].owner_id = buyer;
	to[0].in = NULL;
	to[1].owner_id = 0;
	to[1].in = &fresh;

	/* dated before the current holding of 周太太 began: refused */
	before = rows_total(f);
	assert_int_equal(svc_transfer(&f->rec, house, to, 2, "2021-04-30",
	    ids), ERR_INVALID);
	assert_string_equal(err_msg(), "the transfer date 2021-04-30 is "
				       "before the current holding of "
				       "周太太 began on 2021-05-01");
	/* a current owner among the new ones, nobody, twice the same */
	to[0].owner_id = old2;
	assert_int_equal(svc_transfer(&f->rec, house, to, 2, "2024-06-01",
	    NULL), ERR_INVALID);
	assert_msg_has("周太太 already holds this house");
	to[0].owner_id = buyer;
	assert_int_equal(svc_transfer(&f->rec, house, to, 0, "2024-06-01",
	    NULL), ERR_INVALID);
	to[1].owner_id = buyer;
	to[1].in = NULL;
	assert_int_equal(svc_transfer(&f->rec, house, to, 2, "2024-06-01",
	    NULL), ERR_INVALID);
	assert_msg_has("named twice");
	to[1].owner_id = 0;
	to[1].in = &fresh;
	fresh.phone = "123";
	assert_int_equal(svc_transfer(&f->rec, house, to, 2, "2024-06-01",
	    NULL), ERR_INVALID);
	fresh.phone = NULL;
	assert_int_equal(svc_transfer(&f->cash, house, to, 2, "2024-06-01",
	    NULL), ERR_DENIED);
	assert_int_equal(svc_transfer(&f->rec, 31337, to, 2, "2024-06-01",
	    NULL), ERR_NOTFOUND);
	assert_int_equal(rows_total(f), before);

	/* the sale */
	assert_int_equal(svc_transfer(&f->rec, house, to, 2, "2024-06-01",
	    ids), 0);
	assert_int_equal(ids[0], buyer);
	assert_true(ids[1] > buyer);
	sum = assert_audit(f->db, "house.transfer", "wangli", "house",
	    "transfer of 5-1-802 on 2024-06-01: 周大福, 周太太 -> 吴买家, "
	    "吴太太 (new); 1 occupant(s) moved out");
	(void)sum;
	assert_int_equal(svc_house_detail(&f->rec, house, &d), 0);
	assert_int_equal(d.owners.n, 2);
	assert_string_equal(d.owners.v[0].o.name, "吴买家");
	assert_string_equal(d.owners.v[0].h.since, "2024-06-01");
	assert_string_equal(d.owners.v[1].o.name, "吴太太");
	assert_int_equal(d.past_owners.n, 2);
	assert_string_equal(d.past_owners.v[0].h.until, "2024-06-01");
	assert_string_equal(d.past_owners.v[1].h.until, "2024-06-01");
	/* the son moved out with the old owners; the tenant stays */
	assert_int_equal(d.occupants.n, 1);
	assert_string_equal(d.occupants.v[0].name, "郑租客");
	assert_int_equal(d.past_occupants.n, 1);
	assert_string_equal(d.past_occupants.v[0].name, "周小宝");
	assert_string_equal(d.past_occupants.v[0].until, "2024-06-01");
	assert_int_equal(d.house.state, HOUSE_LET);
	house_detail_release(&d);
	/* the history holds: check is clean */
	{
		struct strbuf sb = STRBUF_INIT;

		assert_int_equal(svc_check(&f->dir, 0, &sb), 0);
		assert_non_null(strstr(sb.buf, "households: 1 houses, 4 "
					       "owners"));
		strbuf_release(&sb);
	}
}

/* ---- occupants ---------------------------------------------------------- */

static void
test_occupants(void **state)
{
	struct fx *f = *state;
	int64_t house = add_house(f, "2-1-301", "75");
	struct occupant_in in = {"欧阳娜娜", "家属", "女儿", "13511112222",
	    NULL, NULL, "2024-01-15", NULL, "在读大学"};
	struct occupant o;
	int64_t id, before;
	char big[300];

	add_owner(f, "欧阳修", NULL, NULL, NULL, house, "2019-01-01");
	assert_int_equal(svc_occupant_add(&f->rec, house, &in, &id), 0);
	assert_audit(f->db, "occupant.add", "wangli", "occupant",
	    "occupant of 2-1-301: 欧阳娜娜 (family 女儿, phone 135****2222, "
	    "from 2024-01-15); state vacant -> occupied");
	assert_int_equal(svc_occupant_get(&f->cash, id, &o), 0);
	assert_string_equal(o.name, "欧阳娜娜");
	assert_int_equal(o.relation, REL_FAMILY);
	assert_string_equal(o.relation_note, "女儿");
	assert_int_equal(o.version, 1);
	occupant_release(&o);

	before = rows_total(f);
	in.relation = NULL;
	assert_int_equal(svc_occupant_add(&f->rec, house, &in, NULL),
	    ERR_INVALID);
	assert_msg_has("relation");
	in.relation = "family";
	in.phone = "1351111222";
	assert_int_equal(svc_occupant_add(&f->rec, house, &in, NULL),
	    ERR_INVALID);
	in.phone = NULL;
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	in.relation_note = big;
	assert_int_equal(svc_occupant_add(&f->rec, house, &in, NULL),
	    ERR_INVALID);
	assert_msg_has("relation detail is too long");
	in.relation_note = NULL;
	assert_int_equal(svc_occupant_add(&f->rec, 999, &in, NULL),
	    ERR_NOTFOUND);
	/* an end before the start, on edit and on end */
	in.until = "2023-12-31";
	assert_int_equal(svc_occupant_edit(&f->rec, id, 1, &in), ERR_INVALID);
	assert_msg_has("moved out 2023-12-31 is before moved in 2024-01-15");
	assert_int_equal(svc_occupant_end(&f->rec, id, 1, "2024-01-14"),
	    ERR_INVALID);
	assert_int_equal(svc_occupant_end(&f->rec, id, 7, "2024-06-01"),
	    ERR_CONFLICT);
	assert_int_equal(svc_occupant_end(&f->cash, id, 1, NULL), ERR_DENIED);
	assert_int_equal(rows_total(f), before);

	in.until = NULL;
	in.phone = "13511113333";
	assert_int_equal(svc_occupant_edit(&f->rec, id, 1, &in), 0);
	assert_audit(f->db, "occupant.edit", "wangli", "occupant",
	    "phone 135****2222");
	assert_int_equal(svc_occupant_edit(&f->rec, id, 1, &in), ERR_CONFLICT);
	/* moved out today (the faked clock): the house is empty again */
	assert_int_equal(svc_occupant_end(&f->rec, id, 2, NULL), 0);
	assert_audit(f->db, "occupant.end", "wangli", "occupant",
	    "欧阳娜娜 moved out on 2024-06-10; state occupied -> vacant");
	assert_int_equal(svc_occupant_end(&f->rec, id, 3, NULL), ERR_STATE);
	assert_msg_has("already moved out on 2024-06-10");
}

/* ---- visits ------------------------------------------------------------- */

static void
test_visits(void **state)
{
	struct fx *f = *state;
	int64_t house = add_house(f, "3-2-1502", "89.37"), id, before;
	struct visit_in in = {0};
	struct visit_vec vv = {0};
	struct house_detail d;
	struct visit v;

	in.house_id = house;
	in.visitor_name = "张三";
	in.phone = "13812345678";
	in.purpose = "报修";
	in.content = "卫生间漏水，楼下天花板有水印";
	in.outcome = "已派工程部，下午两点上门";
	assert_int_equal(svc_visit_log(&f->rec, &in, &id), 0);
	assert_audit(f->db, "visit.log", "wangli", "visit",
	    "repair of owner 张三 about 3-2-1502, phone 138****5678");
	assert_int_equal(visit_db_get(f->db, id, &v), 0);
	assert_int_equal(v.at, T0);
	assert_int_equal(v.receiver_id, f->rec.user_id);
	assert_string_equal(v.receiver_name, "王丽");
	assert_string_equal(v.desk, "2号窗口");
	assert_string_equal(v.house_code, "3-2-1502");
	assert_int_equal(v.visitor_kind, VISITOR_OWNER);
	assert_int_equal(v.purpose, VISIT_REPAIR);
	visit_release(&v);

	/* by house number as typed, later; and one about no house */
	clock_fake(T0 + 600);
	in.house_id = 0;
	in.house = "3栋2单元1502";
	in.purpose = "投诉";
	in.visitor_kind = "住户";
	in.content = "噪音";
	assert_int_equal(svc_visit_log(&f->dir, &in, NULL), 0);
	in.house = NULL;
	in.visitor_kind = NULL;
	in.purpose = "咨询";
	in.content = "问物业费标准";
	in.phone = NULL;
	assert_int_equal(svc_visit_log(&f->rec, &in, NULL), 0);

	before = rows_total(f);
	in.purpose = "闲聊";
	assert_int_equal(svc_visit_log(&f->rec, &in, NULL), ERR_INVALID);
	assert_msg_has("purpose must be one of");
	in.purpose = NULL;
	assert_int_equal(svc_visit_log(&f->rec, &in, NULL), ERR_INVALID);
	in.purpose = "other";
	in.content = "   ";
	assert_int_equal(svc_visit_log(&f->rec, &in, NULL), ERR_INVALID);
	assert_msg_has("write down");
	in.content = "x";
	in.phone = "12";
	assert_int_equal(svc_visit_log(&f->rec, &in, NULL), ERR_INVALID);
	in.phone = NULL;
	in.house = "9-9-909";
	assert_int_equal(svc_visit_log(&f->rec, &in, NULL), ERR_NOTFOUND);
	assert_msg_has("house 9-9-909 not found");
	in.house = NULL;
	assert_int_equal(svc_visit_log(&f->cash, &in, NULL), ERR_DENIED);
	assert_int_equal(rows_total(f), before);

	/* today's visits of the desk, newest first */
	assert_int_equal(svc_visit_today(&f->rec, NULL, &vv), 0);
	assert_int_equal(vv.n, 3);
	assert_string_equal(vv.v[0].content, "问物业费标准");
	assert_int_equal(vv.v[0].house_id, 0);
	assert_string_equal(vv.v[0].house_code, "");
	assert_int_equal(vv.v[2].purpose, VISIT_REPAIR);
	visit_vec_release(&vv);
	assert_int_equal(svc_visit_today(&f->rec, "1号窗口", &vv), 0);
	assert_int_equal(vv.n, 0);
	visit_vec_release(&vv);
	/* tomorrow they are yesterday's */
	clock_fake(T0 + 86400 * 2);
	assert_int_equal(svc_visit_today(&f->rec, "", &vv), 0);
	assert_int_equal(vv.n, 0);
	visit_vec_release(&vv);
	clock_fake(T0);
	/* the house detail shows its two, newest first */
	assert_int_equal(svc_house_detail_by_code(&f->cash, "3-2-1502", &d),
	    0);
	assert_int_equal(d.visits.n, 2);
	assert_int_equal(d.visits.v[0].purpose, VISIT_COMPLAINT);
	assert_string_equal(d.visits.v[0].receiver_name, "李主任");
	assert_int_equal(d.visits.v[0].visitor_kind, VISITOR_OCCUPANT);
	house_detail_release(&d);
	assert_int_equal(svc_house_detail_by_code(&f->rec, "3-2-1503", &d),
	    ERR_NOTFOUND);
	assert_int_equal(svc_house_detail_by_code(&f->rec, "zz", &d),
	    ERR_INVALID);
}

/* ---- confidentiality ---------------------------------------------------- */

static void
test_reveal(void **state)
{
	struct fx *f = *state;
	int64_t house = add_house(f, "3-2-1502", "89.37");
	int64_t id = add_owner(f, "张三", "11010519491231002X", "13812345678",
	    NULL, house, NULL), occ, before;
	struct occupant_in in = {"李租", "tenant", NULL, "13600001111",
	    "passport", "G12345678", NULL, NULL, NULL};
	struct audit_row *rows = NULL;
	char buf[64];
	int n = 0;

	assert_int_equal(svc_occupant_add(&f->rec, house, &in, &occ), 0);
	assert_true(svc_may_see_private(&f->dir));
	assert_true(svc_may_see_private(&f->rec));
	assert_false(svc_may_see_private(&f->cash));

	/* the cashier sees nothing and nothing is audited */
	before = rows_total(f);
	assert_true(audit_count(f->db) > 0);
	assert_int_equal(svc_reveal(&f->cash, REVEAL_OWNER, id, REVEAL_ID_NO,
	    buf, sizeof buf), ERR_DENIED);
	assert_string_equal(buf, "");
	assert_int_equal(rows_total(f), before);

	/* the director reveals one: who, when, which record, which field */
	clock_fake(T0 + 3600);
	assert_int_equal(svc_reveal(&f->dir, REVEAL_OWNER, id, REVEAL_ID_NO,
	    buf, sizeof buf), 0);
	assert_string_equal(buf, "11010519491231002X");
	assert_audit(f->db, "reveal", "director", "owner",
	    "revealed the ID number of owner 张三");
	assert_int_equal(audit_db_recent(f->db, "owner", id, 1, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].at, T0 + 3600);
	assert_int_equal(rows[0].entity_id, id);
	assert_string_equal(rows[0].desk, "2号窗口");
	assert_null(strstr(rows[0].summary, "11010519491231002X"));
	audit_row_release(&rows[0]);
	free(rows);
	assert_int_equal(svc_reveal(&f->rec, REVEAL_OCCUPANT, occ,
	    REVEAL_PHONE, buf, sizeof buf), 0);
	assert_string_equal(buf, "13600001111");
	assert_audit(f->db, "reveal", "wangli", "occupant",
	    "revealed the phone of occupant 李租");
	assert_int_equal(svc_reveal(&f->rec, REVEAL_OCCUPANT, occ,
	    REVEAL_ID_NO, buf, sizeof buf), 0);
	assert_string_equal(buf, "G12345678");
	before = rows_total(f);
	assert_int_equal(svc_reveal(&f->rec, REVEAL_OCCUPANT, occ,
	    REVEAL_PHONE2, buf, sizeof buf), ERR_INVALID);
	assert_int_equal(svc_reveal(&f->rec, REVEAL_OWNER, 999, REVEAL_PHONE,
	    buf, sizeof buf), ERR_NOTFOUND);
	assert_int_equal(svc_reveal(&f->rec, REVEAL_OWNER, id, REVEAL_ID_NO,
	    buf, 5), ERR_INVALID);
	assert_int_equal(rows_total(f), before);
}

/* ---- nothing is deleted ------------------------------------------------- */

static void
test_no_delete(void **state)
{
	struct fx *f = *state;
	static const char *const tables[] = {
		"houses", "owners", "holdings", "occupants", "visits",
	};
	int64_t house = add_house(f, "3-2-1502", "89.37");
	struct occupant_in oin = {"王五", "family", NULL, NULL, NULL, NULL,
	    NULL, NULL, NULL};
	struct visit_in vin = {0};
	char sql[128], msg[256];
	size_t i;

	add_owner(f, "张三", NULL, NULL, NULL, house, NULL);
	assert_int_equal(svc_occupant_add(&f->rec, house, &oin, NULL), 0);
	vin.house_id = house;
	vin.purpose = "consult";
	vin.content = "问";
	assert_int_equal(svc_visit_log(&f->rec, &vin, NULL), 0);
	for (i = 0; i < sizeof tables / sizeof *tables; i++) {
		snprintf(sql, sizeof sql, "DELETE FROM %s", tables[i]);
		assert_int_equal(raw_exec(f, sql, msg, sizeof msg),
		    SQLITE_CONSTRAINT);
		if (strstr(msg, "never deleted") == NULL &&
		    strstr(msg, "append-only") == NULL)
			fail_msg("%s: %s", tables[i], msg);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s",
		    tables[i]);
		assert_int_equal(raw_int(f, sql), 1);
	}
	assert_int_equal(raw_exec(f, "UPDATE visits SET content = 'x'", msg,
	    sizeof msg), SQLITE_CONSTRAINT);
	/* the schema's own checks, past svc */
	assert_int_equal(raw_exec(f, "UPDATE houses SET area_centi = 0", msg,
	    sizeof msg), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f, "UPDATE holdings SET until = "
				     "'2000-01-01'", msg, sizeof msg),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f, "UPDATE holdings SET since = "
				     "'2024-02-30'", msg, sizeof msg),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f, "UPDATE houses SET code = '3-2-1503'",
	    msg, sizeof msg), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f, "UPDATE owners SET id_type = 'idcard', "
				     "id_no = '123'", msg, sizeof msg),
	    SQLITE_CONSTRAINT);
}

/* ---- the finder --------------------------------------------------------- */

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
	"徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "欧阳",
};
static const char *const given[] = {
	"秀英", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军",
	"洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
	"平", "刚", "桂英", "建华", "建国", "文", "华", "红", "玉兰", "志强",
	"秀珍",
};
#define NSUR (int)(sizeof surnames / sizeof *surnames)
#define NGIVEN (int)(sizeof given / sizeof *given)

/* The generated households, for counting what the finder must find. */
struct gen {
	char code[NGEN][32];
	char name[NGEN][32];
	char phone[NGEN][16];
	char id[NGEN][IDCARD_BUFSZ];
	char occ[NGEN][32];      /* an occupant in every 7th house, else "" */
};

static struct gen *gen;

/* house i: building 1 + i / 240, entrance 1 + (i / 60) % 4, 15 floors x 4. */
static void
gen_code(int i, char *buf, size_t bufsz)
{
	int k = i % 60;

	snprintf(buf, bufsz, "%d-%d-%d", 1 + i / 240, 1 + (i / 60) % 4,
	    (1 + k / 4) * 100 + 1 + k % 4);
}

static int64_t
house_id_of(struct fx *f, const char *code)
{
	struct house h = get_house(f, code);
	int64_t id = h.id;

	house_release(&h);
	return id;
}

/* Import NGEN houses and owners through the bulk entry points. */
static void
populate(struct fx *f)
{
	struct house_in *h = calloc(NGEN, sizeof *h);
	struct owner_import *o = calloc(NGEN, sizeof *o);
	int *lines = calloc(NGEN, sizeof *lines), i;

	gen = calloc(1, sizeof *gen);
	for (i = 0; i < NGEN; i++) {
		gen_code(i, gen->code[i], sizeof gen->code[i]);
		snprintf(gen->name[i], sizeof gen->name[i], "%s%s",
		    surnames[i % NSUR], given[(i / NSUR + i) % NGIVEN]);
		snprintf(gen->phone[i], sizeof gen->phone[i], "139%08d",
		    (i * 7919 + 12345) % 100000000);
		make_id(gen->id[i], i);
		h[i].code = gen->code[i];
		h[i].area = i % 3 ? "89.37" : "120.5";
		o[i].owner.name = gen->name[i];
		o[i].owner.phone = gen->phone[i];
		o[i].owner.id_no = gen->id[i];
		o[i].house = gen->code[i];
		o[i].since = "2020-01-01";
		lines[i] = i + 2;
	}
	if (svc_house_import(&f->rec, h, lines, NGEN, "houses.csv", NULL) != 0)
		fail_msg("import houses: %s", err_msg());
	if (svc_owner_import(&f->rec, o, lines, NGEN, "owners.csv", NULL) != 0)
		fail_msg("import owners: %s", err_msg());
	for (i = 0; i < NGEN; i += 7) {
		struct occupant_in oc = {0};

		snprintf(gen->occ[i], sizeof gen->occ[i], "租客%s%d",
		    surnames[(i * 3) % NSUR], i);
		oc.name = gen->occ[i];
		oc.relation = "tenant";
		oc.phone = "13500000000";
		if (svc_occupant_add(&f->rec, house_id_of(f, gen->code[i]), &oc,
		    NULL) != 0)
			fail_msg("occupant: %s", err_msg());
	}
	free(h);
	free(o);
	free(lines);
}

/* The houses whose current owner or occupant has text in the name. */
static int
count_names(const char *text)
{
	int i, n = 0;

	for (i = 0; i < NGEN; i++)
		if (strstr(gen->name[i], text) != NULL ||
		    strstr(gen->occ[i], text) != NULL)
			n++;
	return n;
}

/* Search as the receptionist; must succeed. */
static void
find(struct fx *f, const char *text, struct finder_result *r,
    struct finder_query *q)
{
	if (svc_find(&f->rec, text, FINDER_LIMIT, r, q) != 0)
		fail_msg("find '%s': %s", text, err_msg());
}

/* The hits are in natural order of house number, each house once. */
static void
assert_natural(const struct finder_result *r)
{
	struct houseno a, b;
	int i;

	for (i = 1; i < r->nhits; i++) {
		assert_int_equal(houseno_parse(r->hits[i - 1].code, &a), 0);
		assert_int_equal(houseno_parse(r->hits[i].code, &b), 0);
		if (houseno_cmp(&a, &b) >= 0)
			fail_msg("%s before %s", r->hits[i - 1].code,
			    r->hits[i].code);
	}
}

static void
test_finder(void **state)
{
	struct fx *f = *state;
	struct finder_result r;
	struct finder_query q;
	const char *texts[] = {"王", "李", "秀英", "欧阳", "建国", "王秀英",
	    "欧阳秀", "欧阳建华", "租客王", "伟"};
	char last4[5];
	size_t t;
	int i, want;

	populate(f);

	/* house prefixes */
	find(f, "3-2-", &r, &q);
	assert_int_equal(q.kind, FINDER_HOUSE);
	assert_int_equal(r.total, 60);
	assert_int_equal(r.nhits, 60);
	assert_string_equal(r.hits[0].code, "3-2-101");
	assert_string_equal(r.hits[59].code, "3-2-1504");
	assert_natural(&r);
	assert_int_equal(r.hits[0].match, FINDER_BY_HOUSE);
	finder_result_release(&r);
	find(f, "3栋", &r, &q);
	assert_int_equal(r.total, 240);
	assert_int_equal(r.nhits, 240 < FINDER_LIMIT ? 240 : FINDER_LIMIT);
	assert_natural(&r);
	finder_result_release(&r);
	find(f, "3-2-15", &r, &q);
	assert_int_equal(r.total, 4);
	finder_result_release(&r);
	find(f, "3-2-1502", &r, &q);
	assert_int_equal(r.total, 1);
	assert_string_equal(r.hits[0].code, "3-2-1502");
	i = 2 * 240 + 60 + 14 * 4 + 1; /* 3-2-1502 is household i */
	assert_string_equal(gen->code[i], "3-2-1502");
	assert_string_equal(r.hits[0].owner_names, gen->name[i]);
	assert_string_equal(r.hits[0].owner_phone, gen->phone[i]);
	assert_int_equal(r.hits[0].state, HOUSE_VACANT);
	finder_result_release(&r);
	find(f, "99-1-", &r, &q);
	assert_int_equal(r.total, 0);
	assert_null(r.hits);
	finder_result_release(&r);

	/* phone: last four, whole, prefix */
	i = 1234;
	memcpy(last4, gen->phone[i] + 7, 5);
	for (want = 0, t = 0; t < NGEN; t++)
		if (strcmp(gen->phone[t] + 7, last4) == 0)
			want++;
	find(f, last4, &r, &q);
	assert_int_equal(q.kind, FINDER_PHONE_LAST4);
	assert_int_equal(r.total, want);
	for (t = 0; t < (size_t)r.nhits; t++)
		if (strcmp(r.hits[t].code, gen->code[i]) == 0)
			break;
	assert_true(t < (size_t)r.nhits);
	assert_int_equal(r.hits[t].match, FINDER_BY_OWNER);
	assert_string_equal(r.hits[t].matched_name, gen->name[i]);
	finder_result_release(&r);
	find(f, gen->phone[i], &r, &q);
	assert_int_equal(q.kind, FINDER_PHONE);
	assert_int_equal(r.total, 1);
	assert_string_equal(r.hits[0].code, gen->code[i]);
	finder_result_release(&r);
	/* occupants' phones find their houses too */
	find(f, "0000", &r, &q);
	assert_int_equal(r.total, (NGEN + 6) / 7);
	assert_int_equal(r.hits[0].match, FINDER_BY_OCCUPANT);
	finder_result_release(&r);

	/* ID number, whole and as typed so far */
	find(f, gen->id[777], &r, &q);
	assert_int_equal(q.kind, FINDER_IDNO);
	assert_int_equal(r.total, 1);
	assert_string_equal(r.hits[0].code, gen->code[777]);
	finder_result_release(&r);
	{
		char part[17];

		memcpy(part, gen->id[777], 16);
		part[16] = '\0';
		find(f, part, &r, &q);
		assert_true(r.total >= 1);
		finder_result_release(&r);
	}

	/* names: 1, 2 and 3+ characters, owners and occupants */
	for (t = 0; t < sizeof texts / sizeof *texts; t++) {
		want = count_names(texts[t]);
		find(f, texts[t], &r, &q);
		assert_int_equal(q.kind, q.nchars <= 2 ? FINDER_NAME_SHORT :
		    FINDER_NAME);
		if (r.total != want)
			fail_msg("'%s': %lld houses, want %d", texts[t],
			    (long long)r.total, want);
		assert_int_equal(r.nhits, want < FINDER_LIMIT ? want :
		    FINDER_LIMIT);
		assert_natural(&r);
		finder_result_release(&r);
	}
	assert_true(count_names("王") > FINDER_LIMIT / 2);
	assert_true(count_names("秀英") > 0);
	assert_true(count_names("王秀英") > 0);
	/* an occupant's name */
	find(f, gen->occ[14], &r, &q);
	assert_int_equal(r.total, count_names(gen->occ[14]));
	for (t = 0; t < (size_t)r.nhits; t++)
		if (strcmp(r.hits[t].code, gen->code[14]) == 0)
			break;
	assert_true(t < (size_t)r.nhits);
	assert_int_equal(r.hits[t].match, FINDER_BY_OCCUPANT);
	assert_string_equal(r.hits[t].matched_name, gen->occ[14]);
	assert_string_equal(r.hits[t].owner_names, gen->name[14]);
	finder_result_release(&r);
	/* a smaller limit still counts everything */
	assert_int_equal(svc_find(&f->rec, "王", 5, &r, NULL), 0);
	assert_int_equal(r.nhits, 5);
	assert_int_equal(r.total, count_names("王"));
	finder_result_release(&r);
	/* nothing, hostile text, and a cashier may look */
	find(f, "%", &r, &q);
	assert_int_equal(r.total, 0);
	finder_result_release(&r);
	find(f, "\"); DROP TABLE owners; --", &r, &q);
	assert_int_equal(r.total, 0);
	finder_result_release(&r);
	assert_int_equal(svc_find(&f->rec, "王\xff", 10, &r, NULL),
	    ERR_INVALID);
	assert_int_equal(svc_find(&f->cash, "王", 10, &r, NULL), 0);
	finder_result_release(&r);
	assert_int_equal(svc_find(&f->rec, "", 10, &r, NULL), 0);
	assert_int_equal(r.total, 0);

	/* after a rename the trigram index follows */
	{
		struct owner_in in = {0};
		struct owner o;
		int64_t id = 0;

		find(f, gen->phone[5], &r, &q);
		assert_int_equal(svc_owner_get(&f->rec, r.hits[0].owner_id, &o,
		    NULL), 0);
		finder_result_release(&r);
		id = o.id;
		in.name = "诸葛孔明";
		in.phone = o.phone;
		in.id_no = o.id_no;
		assert_int_equal(svc_owner_edit(&f->rec, id, o.version, &in),
		    0);
		owner_release(&o);
		find(f, "诸葛孔明", &r, &q);
		assert_int_equal(r.total, 1);
		finder_result_release(&r);
		find(f, gen->name[5], &r, &q);
		assert_int_equal(r.total, count_names(gen->name[5]) - 1);
		finder_result_release(&r);
	}
	free(gen);
	gen = NULL;
}


/* The finder follows every change: transfers, moves, renames, renumbering. */
static void
test_finder_follows(void **state)
{
	struct fx *f = *state;
	int64_t a = add_house(f, "1-1-101", "80"), b, zhang, occ;
	struct occupant_in oin = {"李四", "family", NULL, NULL, NULL, NULL,
	    "2021-01-01", NULL, NULL};
	struct house_in hin = {"9-9-909", "80", NULL, NULL, NULL};
	struct owner_in in = {0};
	struct transfer_to to = {0, &in};
	struct finder_result r;
	int64_t ids[1];
	struct owner o;

	zhang = add_owner(f, "张三", NULL, NULL, NULL, a, "2020-01-01");
	(void)zhang;
	assert_int_equal(svc_occupant_add(&f->rec, a, &oin, &occ), 0);
	b = add_house(f, "5-1-101", "80");
	add_owner(f, "赵七", NULL, NULL, NULL, b, "2020-01-01");
	add_owner(f, "Li Lei", NULL, NULL, NULL, b, "2020-01-01");

	find(f, "张", &r, NULL);
	assert_int_equal(r.total, 1);
	assert_string_equal(r.hits[0].code, "1-1-101");
	assert_string_equal(r.hits[0].matched_name, "张三");
	assert_string_equal(r.hits[0].owner_names, "张三");
	finder_result_release(&r);
	find(f, "李四", &r, NULL);
	assert_int_equal(r.total, 1);
	assert_int_equal(r.hits[0].match, FINDER_BY_OCCUPANT);
	assert_int_equal(r.hits[0].matched_id, occ);
	finder_result_release(&r);
	/* ASCII names in either case */
	find(f, "li", &r, NULL);
	assert_int_equal(r.total, 1);
	assert_string_equal(r.hits[0].owner_names, "赵七、Li Lei");
	finder_result_release(&r);
	find(f, "LI", &r, NULL);
	assert_int_equal(r.total, 1);
	finder_result_release(&r);
	find(f, "li lei", &r, NULL);
	assert_int_equal(r.total, 1);
	finder_result_release(&r);

	/* sold to 王五: 张三 and his family are gone from the finder */
	in.name = "王五";
	assert_int_equal(svc_transfer(&f->rec, a, &to, 1, "2024-06-01", ids),
	    0);
	find(f, "张", &r, NULL);
	assert_int_equal(r.total, 0);
	finder_result_release(&r);
	find(f, "李四", &r, NULL);
	assert_int_equal(r.total, 0);
	finder_result_release(&r);
	find(f, "王", &r, NULL);
	assert_int_equal(r.total, 1);
	assert_string_equal(r.hits[0].owner_names, "王五");
	finder_result_release(&r);

	/* renamed: 王五 -> 赵六一 (short and long paths) */
	assert_int_equal(owner_db_get(f->db, ids[0], &o), 0);
	in.name = "赵六一";
	assert_int_equal(svc_owner_edit(&f->rec, ids[0], o.version, &in), 0);
	owner_release(&o);
	find(f, "王", &r, NULL);
	assert_int_equal(r.total, 0);
	finder_result_release(&r);
	find(f, "赵六一", &r, NULL);
	assert_int_equal(r.total, 1);
	finder_result_release(&r);
	find(f, "赵", &r, NULL);
	assert_int_equal(r.total, 2);
	assert_string_equal(r.hits[0].code, "1-1-101");
	assert_string_equal(r.hits[1].code, "5-1-101");
	finder_result_release(&r);

	/* renumbered: 1-1-101 -> 9-9-909 moves to the end */
	{
		struct house h = get_house(f, "1-1-101");

		/* the state followed the people twice: version 3 */
		assert_int_equal(h.version, 3);
		assert_int_equal(svc_house_edit(&f->rec, a, 2, &hin),
		    ERR_CONFLICT);
		assert_int_equal(svc_house_edit(&f->rec, a, h.version, &hin),
		    0);
		house_release(&h);
	}
	find(f, "赵", &r, NULL);
	assert_int_equal(r.total, 2);
	assert_string_equal(r.hits[0].code, "5-1-101");
	assert_string_equal(r.hits[1].code, "9-9-909");
	finder_result_release(&r);
	/* 2020-01-01 holding of 张三 is history, still in the detail */
	{
		struct house_detail d;

		assert_int_equal(svc_house_detail(&f->rec, a, &d), 0);
		assert_int_equal(d.past_owners.n, 1);
		assert_string_equal(d.past_owners.v[0].o.name, "张三");
		house_detail_release(&d);
	}
}

/* ---- import ------------------------------------------------------------- */

static void
test_import(void **state)
{
	struct fx *f = *state;
	struct house_in h[5] = {
	    {"1-1-101", "89.37", "住宅", "空置", NULL},
	    {"1-1-102", "0", NULL, NULL, NULL},
	    {"1-1-101", "90", NULL, NULL, NULL},
	    {"1-1-103", "89.375", NULL, NULL, NULL},
	    {"1-1-104", "50", "车位", NULL, NULL},
	};
	int lines[5] = {2, 3, 4, 5, 6};
	struct owner_import o[3];
	struct strbuf errs = STRBUF_INIT;
	int64_t before = rows_total(f);
	struct house_detail d;

	assert_int_equal(svc_house_import(&f->rec, h, lines, 5, "h.csv",
	    &errs), ERR_INVALID);
	assert_string_equal(err_msg(), "h.csv:3: area must be more than 0 "
				       "(and 2 more bad lines; nothing was "
				       "imported)");
	assert_non_null(strstr(errs.buf, "h.csv:3: area must be more than "
					 "0\n"));
	assert_non_null(strstr(errs.buf, "h.csv:5: area has at most two "
					 "decimals"));
	assert_non_null(strstr(errs.buf, "h.csv:4: house 1-1-101 is in the "
					 "file twice (first at line 2)\n"));
	assert_int_equal(rows_total(f), before);
	strbuf_reset(&errs);

	/* one house already in the database: refused at its line */
	add_house(f, "1-1-104", "50");
	before = rows_total(f);
	h[1].area = "60";
	h[2].code = "1-1-102";
	h[2].code = "1-1-105";
	h[3].area = "89.37";
	assert_int_equal(svc_house_import(&f->rec, h, lines, 5, "h.csv",
	    &errs), ERR_CONFLICT);
	assert_string_equal(err_msg(), "h.csv:6: house 1-1-104 already "
				       "exists");
	assert_string_equal(errs.buf, "h.csv:6: house 1-1-104 already "
				      "exists\n");
	assert_int_equal(rows_total(f), before);
	strbuf_reset(&errs);
	assert_int_equal(svc_house_import(&f->rec, h, lines, 4, "h.csv",
	    &errs), 0);
	assert_audit(f->db, "import.houses", "wangli", "house",
	    "imported 4 houses from h.csv");
	assert_int_equal(raw_int(f, "SELECT count(*) FROM houses"), 5);

	/* owners: a missing house and a bad ID name their lines */
	memset(o, 0, sizeof o);
	o[0].owner.name = "张三";
	o[0].owner.id_no = "11010519491231002X";
	o[0].owner.move_in = "2021-01-01";
	o[0].house = "1-1-101";
	o[1].owner.name = "张三";
	o[1].owner.id_no = "11010519491231002X";
	o[1].house = "1-1-199";
	o[2].owner.name = "李四";
	o[2].owner.id_no = "110105194912310021";
	o[2].house = "1-1-102";
	before = rows_total(f);
	assert_int_equal(svc_owner_import(&f->rec, o, lines, 3, "o.csv",
	    &errs), ERR_INVALID);
	assert_non_null(strstr(errs.buf, "o.csv:4: "));
	assert_msg_has("o.csv:4: ");
	assert_int_equal(rows_total(f), before);
	strbuf_reset(&errs);
	o[2].owner.id_no = NULL;
	assert_int_equal(svc_owner_import(&f->rec, o, lines, 3, "o.csv",
	    &errs), ERR_NOTFOUND);
	assert_string_equal(errs.buf, "o.csv:3: house 1-1-199 not found; "
				      "import houses first\n");
	assert_int_equal(rows_total(f), before);
	strbuf_reset(&errs);
	/* the same person twice in one house */
	o[1].house = "1-1-101";
	assert_int_equal(svc_owner_import(&f->rec, o, lines, 3, "o.csv",
	    &errs), ERR_CONFLICT);
	assert_string_equal(errs.buf, "o.csv:3: 张三 already holds this "
				      "house\n");
	assert_int_equal(rows_total(f), before);
	strbuf_reset(&errs);
	/* the same person in two houses is one owner */
	o[1].house = "1-1-103";
	assert_int_equal(svc_owner_import(&f->rec, o, lines, 3, "o.csv",
	    &errs), 0);
	assert_audit(f->db, "import.owners", "wangli", "owner",
	    "imported 3 lines from o.csv: 2 new owners");
	assert_int_equal(raw_int(f, "SELECT count(*) FROM owners"), 2);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM holdings"), 3);
	assert_int_equal(svc_house_detail_by_code(&f->rec, "1-1-101", &d), 0);
	assert_string_equal(d.owners.v[0].h.since, "2021-01-01");
	assert_int_equal(d.house.state, HOUSE_OCCUPIED);
	house_detail_release(&d);
	/* The same ID number under another name is a mistake, not a merge. */
	before = rows_total(f);
	o[2].owner.name = "王五";
	o[2].owner.id_no = "11010519491231002X";
	o[2].house = "1-1-104";
	assert_int_equal(svc_owner_import(&f->rec, o + 2, lines, 1, "o2.csv",
	    &errs), ERR_CONFLICT);
	assert_string_equal(errs.buf, "o2.csv:2: ID number 11010519491231002X "
				      "is on file for 张三, not 王五; check "
				      "the line\n");
	assert_int_equal(rows_total(f), before);
	strbuf_reset(&errs);
	assert_int_equal(svc_owner_import(&f->cash, o, lines, 3, "o.csv",
	    NULL), ERR_DENIED);
	assert_int_equal(svc_house_import(&f->rec, h, lines, 0, "h.csv",
	    NULL), ERR_INVALID);
	strbuf_release(&errs);
}

/* One bad line among 10,000: refused, nothing stored. */
static void
test_import_big(void **state)
{
	struct fx *f = *state;
	enum { N = 10000 };
	struct house_in *h = calloc(N, sizeof *h);
	int *lines = calloc(N, sizeof *lines), i;
	char (*codes)[32] = calloc(N, 32);
	int64_t before = rows_total(f);

	for (i = 0; i < N; i++) {
		snprintf(codes[i], 32, "%d-%d-%d", 1 + i / 400,
		    1 + (i / 100) % 4, 101 + (i % 100) / 4 * 100 + i % 4);
		h[i].code = codes[i];
		h[i].area = "88.8";
		lines[i] = i + 2;
	}
	h[7777].area = "88.888";
	assert_int_equal(svc_house_import(&f->rec, h, lines, N, "big.csv",
	    NULL), ERR_INVALID);
	assert_string_equal(err_msg(), "big.csv:7779: area has at most two "
				       "decimals, e.g. 89.37");
	assert_int_equal(rows_total(f), before);
	h[7777].area = "88.88";
	assert_int_equal(svc_house_import(&f->rec, h, lines, N, "big.csv",
	    NULL), 0);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM houses"), N);
	free(h);
	free(lines);
	free(codes);
}

/* ---- export ------------------------------------------------------------- */

struct collect {
	int n;
	char first_id[64];
	char first_phone[64];
};

static int
collect_owner(const struct holding_owner *r, void *arg)
{
	struct collect *c = arg;

	if (c->n++ == 0) {
		snprintf(c->first_id, sizeof c->first_id, "%s", r->o.id_no);
		snprintf(c->first_phone, sizeof c->first_phone, "%s",
		    r->o.phone);
	}
	return 0;
}

static int
collect_house(const struct house *h, void *arg)
{
	struct collect *c = arg;

	(void)h;
	return ++c->n == 2 ? 42 : 0; /* stop at the second */
}

static int
collect_visit(const struct visit *v, void *arg)
{
	struct collect *c = arg;

	if (c->n++ == 0)
		snprintf(c->first_phone, sizeof c->first_phone, "%s",
		    v->phone);
	return 0;
}

static void
test_export(void **state)
{
	struct fx *f = *state;
	int64_t house = add_house(f, "3-2-1502", "89.37");
	struct collect c = {0};
	struct visit_in vin = {0};

	add_house(f, "3-2-1501", "89.37");
	add_house(f, "3-2-1503", "89.37");
	add_owner(f, "张三", "11010519491231002X", "13812345678", NULL, house,
	    NULL);
	vin.house_id = house;
	vin.purpose = "咨询";
	vin.content = "问";
	vin.phone = "13812345678";
	assert_int_equal(svc_visit_log(&f->rec, &vin, NULL), 0);

	assert_int_equal(svc_owner_export(&f->dir, collect_owner, &c), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.first_id, "11010519491231002X");
	assert_audit(f->db, "export.owners", "director", "database",
	    "1 rows, full numbers");
	memset(&c, 0, sizeof c);
	assert_int_equal(svc_owner_export(&f->cash, collect_owner, &c), 0);
	assert_string_equal(c.first_id, "110***********002X");
	assert_string_equal(c.first_phone, "138****5678");
	assert_audit(f->db, "export.owners", "chenjing", "database",
	    "masked numbers");
	memset(&c, 0, sizeof c);
	assert_int_equal(svc_visit_export(&f->cash, 0, INT64_MAX,
	    collect_visit, &c), 0);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.first_phone, "138****5678");
	memset(&c, 0, sizeof c);
	assert_int_equal(svc_house_export(&f->rec, collect_house, &c), 42);
	assert_int_equal(c.n, 2);
	assert_audit(f->db, "export.houses", "wangli", "database",
	    "2 rows, stopped by an error");
}

/* ---- grid and check ----------------------------------------------------- */

static void
test_grid(void **state)
{
	struct fx *f = *state;
	struct house_in in = {"7-1-3001", "120", NULL, "已入住", NULL};
	struct house_cell *cells = NULL;
	int *b = NULL, n = 0, nb = 0;

	add_house(f, "7-1-101", "90");
	add_house(f, "7-2-101", "90");
	add_house(f, "7-1-102", "90");
	add_house(f, "8-1-101", "90");
	assert_int_equal(svc_house_add(&f->rec, &in, NULL), 0);
	assert_int_equal(svc_house_grid(&f->cash, 7, &cells, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(cells[0].entrance, 1);
	assert_int_equal(cells[0].floor, 30);
	assert_int_equal(cells[0].room, 3001);
	assert_int_equal(cells[0].state, HOUSE_OCCUPIED);
	assert_int_equal(cells[1].room, 101);
	assert_int_equal(cells[2].room, 102);
	assert_int_equal(cells[3].entrance, 2);
	free(cells);
	assert_int_equal(svc_house_grid(&f->cash, 9, &cells, &n), 0);
	assert_int_equal(n, 0);
	assert_null(cells);
	assert_int_equal(svc_house_buildings(&f->rec, &b, &nb), 0);
	assert_int_equal(nb, 2);
	assert_int_equal(b[0], 7);
	assert_int_equal(b[1], 8);
	free(b);
}

static void
test_check(void **state)
{
	struct fx *f = *state;
	struct strbuf sb = STRBUF_INIT;
	int64_t house = add_house(f, "3-2-1502", "89.37");

	add_owner(f, "张三", NULL, NULL, NULL, house, "2020-01-01");
	assert_int_equal(svc_check(&f->dir, 0, &sb), 0);
	assert_non_null(strstr(sb.buf, "households: 1 houses, 1 owners, "
				       "holdings consistent"));
	strbuf_reset(&sb);
	/* a second, ended holding of the same owner overlapping the open one */
	assert_int_equal(raw_exec(f, "INSERT INTO holdings (house_id,"
				     " owner_id, since, until) VALUES (1, 1,"
				     " '2019-01-01', '2021-01-01')", NULL, 0),
	    SQLITE_OK);
	assert_int_equal(svc_check(&f->dir, 0, &sb), ERR_STATE);
	assert_msg_has("1 holdings overlap");
	strbuf_reset(&sb);
	/* the short-name table losing a row shows */
	assert_int_equal(raw_exec(f, "DELETE FROM holdings WHERE id = 2;"
				     " DROP TRIGGER holdings_no_delete;"
				     " DELETE FROM holdings WHERE id = 2;"
				     " DELETE FROM name_grams", NULL, 0),
	    SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f, "DROP TRIGGER holdings_no_delete;"
				     " DELETE FROM holdings WHERE id = 2;"
				     " DELETE FROM name_grams", NULL, 0),
	    SQLITE_OK);
	assert_int_equal(svc_check(&f->dir, 0, &sb), ERR_STATE);
	assert_msg_has("1 owners or occupants are missing from the name "
		       "search");
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_house_add, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_house_edit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_owner_add, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_owner_edit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_holding, setup, teardown),
		cmocka_unit_test_setup_teardown(test_transfer, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_occupants, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_visits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reveal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_delete, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_finder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_finder_follows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_import, setup, teardown),
		cmocka_unit_test_setup_teardown(test_import_big, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_grid, setup, teardown),
		cmocka_unit_test_setup_teardown(test_check, setup, teardown),
	};
	int rc;

	test_locale();
	setenv("TZ", "UTC", 1);
	config_defaults(&cfg);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	return rc;
}
