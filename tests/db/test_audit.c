/*
 * test_audit.c: db/audit_db.c, the hash chain of the audit log, and the
 * chain check of svc_check().  Tampering is done as an attacker would: with
 * a raw SQLite connection, dropping the append-only triggers first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"

#include <sqlite3.h>

#include "db/audit_db.h"
#include "db/db.h"
#include "db/user_db.h"
#include "svc/session.h"
#include "svc/svc_admin.h"
#include "util/config.h"
#include "util/err.h"
#include "util/secure.h"
#include "util/strbuf.h"

#define NROWS 1000
#define PW "Audit-2024"

static struct config cfg;
static char pw_hash[SECURE_PWHASH_BYTES]; /* of PW, made once */

struct fx {
	struct db *db;
	int64_t admin; /* users.id of "admin" */
};

static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

/* Run SQL on a raw connection to path, as an attacker would. */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3 *h = NULL;
	char *msg = NULL, why[300];
	int rc;

	if (sqlite3_open(path, &h) != SQLITE_OK)
		fail_msg("raw open %s", path);
	sqlite3_busy_timeout(h, 5000);
	rc = sqlite3_exec(h, sql, NULL, NULL, &msg);
	snprintf(why, sizeof why, "%s", msg ? msg : "?");
	sqlite3_free(msg);
	sqlite3_close(h);
	if (rc != SQLITE_OK)
		fail_msg("raw exec '%s': %s", sql, why);
}

/* NROWS rows of varied content, Chinese and hostile, by one admin. */
static int
fill_chain(struct db *db, void *arg)
{
	struct fx *f = arg;
	static const char *const desks[] = {"1号窗口", "收费窗口", "", "desk\t3"};
	struct audit_entry e;
	char summary[128];
	int i, rc;

	if ((rc = user_db_insert(db, "admin", "系统管理员", "admin", pw_hash,
	    1700000000, &f->admin)) != 0)
		return rc;
	for (i = 1; i <= NROWS; i++) {
		snprintf(summary, sizeof summary,
		    "业主 张三 3-2-1502 物业费 %d.%02d 元 -> 已收 \"%d\"", i, i % 100,
		    i);
		memset(&e, 0, sizeof e);
		e.at = 1700000000 + i;
		e.user_id = i % 3 ? f->admin : 0;
		e.user_name = i % 3 ? "admin" : "陌生人\x01";
		e.desk = desks[i % 4];
		e.action = i % 2 ? "fee.collect" : "owner.edit";
		e.entity = i % 2 ? "payment" : "owner";
		e.entity_id = i % 5 ? i : 0;
		e.summary = i % 7 ? summary : NULL;
		if ((rc = audit_db_append(db, &e)) != 0)
			return rc;
	}
	return 0;
}

static int
setup(void **state)
{
	static int seq;
	struct fx *f = calloc(1, sizeof *f);
	char name[32];

	snprintf(name, sizeof name, "audit%d.db", seq++);
	unlink(test_path(name));
	if (db_open(&f->db, test_path(name), cfg.busy_timeout_ms,
	    DB_OPEN_CREATE) != 0)
		fail_msg("db_open: %s", err_msg());
	if (db_tx(f->db, fill_chain, f) != 0)
		fail_msg("fill: %s", err_msg());
	err_clear();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	db_close(&f->db);
	free(f);
	return 0;
}

/* ---- an intact chain ---------------------------------------------------- */

static void
test_chain_intact(void **state)
{
	struct fx *f = *state;
	struct audit_row *rows;
	int64_t n = -1;
	int nrows, i;

	assert_int_equal(audit_db_verify(f->db, &n), 0);
	assert_int_equal(n, NROWS);
	assert_int_equal(audit_db_verify(f->db, NULL), 0);

	/* Newest first; the fields come back as written. */
	assert_int_equal(audit_db_recent(f->db, NULL, 0, 3, &rows, &nrows), 0);
	assert_int_equal(nrows, 3);
	assert_int_equal(rows[0].id, NROWS);
	assert_int_equal(rows[0].at, 1700000000 + NROWS);
	assert_string_equal(rows[0].action, "owner.edit");
	assert_string_equal(rows[0].entity, "owner");
	assert_int_equal(rows[0].entity_id, 0);
	assert_string_equal(rows[1].user_name, "陌生人\x01");
	assert_string_equal(rows[1].desk, "desk\t3");
	assert_non_null(strstr(rows[1].summary, "业主 张三 3-2-1502"));
	for (i = 0; i < nrows; i++)
		audit_row_release(&rows[i]);
	free(rows);

	/* A NULL summary is stored (and hashed) as empty text. */
	assert_int_equal(audit_db_recent(f->db, "owner", 994, 10, &rows,
	    &nrows), 0);
	assert_int_equal(nrows, 1);
	assert_string_equal(rows[0].summary, "");
	audit_row_release(&rows[0]);
	free(rows);

	/* By entity. */
	assert_int_equal(audit_db_recent(f->db, "payment", 501, 10, &rows,
	    &nrows), 0);
	assert_int_equal(nrows, 1);
	assert_int_equal(rows[0].id, 501);
	audit_row_release(&rows[0]);
	free(rows);
	assert_int_equal(audit_db_recent(f->db, "payment", 502, 10, &rows,
	    &nrows), 0);
	assert_int_equal(nrows, 0);
	free(rows);
}

/* Appending goes on from the last row, across connections. */
static int
append_one(struct db *db, void *arg)
{
	struct audit_entry e = {
		.at = 1800000000, .user_name = "admin", .desk = "1号窗口",
		.action = "backup", .entity = "database",
		.summary = "备份到 /srv/备份.db",
	};

	e.user_id = *(int64_t *)arg;
	return audit_db_append(db, &e);
}

static int
append_then_fail(struct db *db, void *arg)
{
	int rc = append_one(db, arg);

	return rc != 0 ? rc : ERR_CONFLICT;
}

static void
test_chain_continues(void **state)
{
	struct fx *f = *state;
	struct db *db2 = NULL;
	int64_t n;

	assert_int_equal(db_open(&db2, db_path(f->db), cfg.busy_timeout_ms, 0),
	    0);
	assert_int_equal(db_tx(db2, append_one, &f->admin), 0);
	assert_int_equal(db_tx(f->db, append_one, &f->admin), 0);
	/* A rolled-back append leaves no trace and no gap. */
	assert_int_equal(db_tx(f->db, append_then_fail, &f->admin),
	    ERR_CONFLICT);
	assert_int_equal(db_tx(db2, append_one, &f->admin), 0);
	assert_int_equal(audit_db_verify(f->db, &n), 0);
	assert_int_equal(n, NROWS + 3);
	assert_int_equal(audit_db_verify(db2, &n), 0);
	assert_int_equal(n, NROWS + 3);
	db_close(&db2);
}

/* An empty log verifies with zero rows. */
static void
test_chain_empty(void **state)
{
	struct db *db = NULL;
	int64_t n = -1;

	(void)state;
	unlink(test_path("empty.db"));
	assert_int_equal(db_open(&db, test_path("empty.db"),
	    cfg.busy_timeout_ms, DB_OPEN_CREATE), 0);
	assert_int_equal(audit_db_verify(db, &n), 0);
	assert_int_equal(n, 0);
	db_close(&db);
}

/* ---- tampering ------------------------------------------------------------ */

static void
test_tamper_summary(void **state)
{
	struct fx *f = *state;
	int64_t n;

	raw_exec(db_path(f->db), "DROP TRIGGER audit_no_update;"
	    "UPDATE audit_log SET summary = '已收 0.01 元' WHERE id = 537");
	assert_int_equal(audit_db_verify(f->db, &n), ERR_STATE);
	assert_msg_has("row 537:");
	assert_msg_has("changed");
	assert_int_equal(n, 536);
}

/* Any field counts, even the time or who did it. */
static void
test_tamper_fields(void **state)
{
	struct fx *f = *state;

	raw_exec(db_path(f->db), "DROP TRIGGER audit_no_update;"
	    "UPDATE audit_log SET at = at + 1 WHERE id = 900");
	assert_int_equal(audit_db_verify(f->db, NULL), ERR_STATE);
	assert_msg_has("row 900:");
	raw_exec(db_path(f->db), "UPDATE audit_log SET at = at - 1 WHERE"
	    " id = 900; UPDATE audit_log SET user_name = 'director' WHERE"
	    " id = 13");
	assert_int_equal(audit_db_verify(f->db, NULL), ERR_STATE);
	assert_msg_has("row 13:");
	raw_exec(db_path(f->db), "UPDATE audit_log SET user_name = 'admin'"
	    " WHERE id = 13; UPDATE audit_log SET entity_id = 1 WHERE"
	    " id = 1000");
	assert_int_equal(audit_db_verify(f->db, NULL), ERR_STATE);
	assert_msg_has("row 1000");
	assert_msg_has("changed");
	/* Put back exactly: intact again. */
	raw_exec(db_path(f->db), "UPDATE audit_log SET entity_id = NULL"
	    " WHERE id = 1000");
	assert_int_equal(audit_db_verify(f->db, NULL), 0);
}

/* A row removed from the middle: the next one no longer links. */
static void
test_tamper_delete(void **state)
{
	struct fx *f = *state;
	int64_t n;

	raw_exec(db_path(f->db), "DROP TRIGGER audit_no_delete;"
	    "DELETE FROM audit_log WHERE id = 700");
	assert_int_equal(audit_db_verify(f->db, &n), ERR_STATE);
	assert_msg_has("row 701:");
	assert_msg_has("does not link");
	assert_int_equal(n, 699);
}

/* A row rewritten with a fresh, self-consistent hash still breaks the link. */
static void
test_tamper_rehash(void **state)
{
	struct fx *f = *state;

	raw_exec(db_path(f->db), "DROP TRIGGER audit_no_update;"
	    "UPDATE audit_log SET hash = zeroblob(32) WHERE id = 250");
	assert_int_equal(audit_db_verify(f->db, NULL), ERR_STATE);
	assert_msg_has("row 250");
	raw_exec(db_path(f->db), "UPDATE audit_log SET prev_hash ="
	    " (SELECT hash FROM audit_log WHERE id = 249) WHERE id = 250");
	assert_int_equal(audit_db_verify(f->db, NULL), ERR_STATE);
	assert_msg_has("row 250");
}

/*
 * The newest rows cut off: what is left is a valid, shorter chain.  A hash
 * chain alone cannot tell; this test records that limit.
 */
static void
test_tamper_truncate_tail(void **state)
{
	struct fx *f = *state;
	int64_t n;

	raw_exec(db_path(f->db), "DROP TRIGGER audit_no_delete;"
	    "DELETE FROM audit_log WHERE id > 990");
	assert_int_equal(audit_db_verify(f->db, &n), 0);
	assert_int_equal(n, 990);
}

/* ---- svc_check ------------------------------------------------------------ */

static void
admin_session(struct fx *f, struct session *s)
{
	if (svc_login(f->db, &cfg, "admin", PW, s) != 0)
		fail_msg("login: %s", err_msg());
}

static void
test_check_clean(void **state)
{
	struct fx *f = *state;
	struct strbuf report = STRBUF_INIT;
	struct session s;
	char want[64];

	admin_session(f, &s);
	assert_int_equal(svc_check(&s, 0, &report), 0);
	/* The login is a row too. */
	snprintf(want, sizeof want, "audit chain: %d rows intact", NROWS + 1);
	if (strstr(report.buf, want) == NULL)
		fail_msg("report lacks '%s':\n%s", want, report.buf);
	assert_non_null(strstr(report.buf, "quick check: ok"));
	strbuf_reset(&report);
	assert_int_equal(svc_check(&s, 1, &report), 0);
	assert_non_null(strstr(report.buf, "integrity check: ok"));
	assert_non_null(strstr(report.buf, want));
	strbuf_release(&report);
	session_release(&s);
}

static void
test_check_broken(void **state)
{
	struct fx *f = *state;
	struct strbuf report = STRBUF_INIT;
	struct session s;

	admin_session(f, &s);
	raw_exec(db_path(f->db), "DROP TRIGGER audit_no_update;"
	    "DROP TRIGGER audit_no_delete;"
	    "DELETE FROM audit_log WHERE id = 300;"
	    "UPDATE audit_log SET summary = 'x' WHERE id = 800");
	assert_int_equal(svc_check(&s, 0, &report), ERR_STATE);
	/* The first broken link, not the later one. */
	assert_msg_has("row 301:");
	assert_msg_has("does not link");
	assert_null(strstr(report.buf, "rows intact"));
	strbuf_release(&report);
	session_release(&s);
}

/* Only those allowed may run the check. */
static int
add_receptionist(struct db *db, void *arg)
{
	(void)arg;
	return user_db_insert(db, "wangli", "王丽", "receptionist", pw_hash,
	    1700000000, NULL);
}

static void
test_check_denied(void **state)
{
	struct fx *f = *state;
	struct strbuf report = STRBUF_INIT;
	struct session s;

	assert_int_equal(db_tx(f->db, add_receptionist, NULL), 0);
	if (svc_login(f->db, &cfg, "wangli", PW, &s) != 0)
		fail_msg("login: %s", err_msg());
	assert_int_equal(svc_check(&s, 0, &report), ERR_DENIED);
	assert_int_equal(report.len, 0);
	strbuf_release(&report);
	session_release(&s);
}

static void
test_check_binary(void **state)
{
	struct fx *f = *state;
	char out[4096], want[64];
	int rc;

	rc = test_run_check(db_path(f->db), PW, out, sizeof out);
	if (rc != 0)
		fail_msg("frontdesk check exited %d:\n%s", rc, out);
	snprintf(want, sizeof want, "audit chain: %d rows intact", NROWS + 1);
	if (strstr(out, want) == NULL)
		fail_msg("output lacks '%s':\n%s", want, out);

	raw_exec(db_path(f->db), "DROP TRIGGER audit_no_update;"
	    "UPDATE audit_log SET summary = 'x' WHERE id = 42");
	rc = test_run_check(db_path(f->db), PW, out, sizeof out);
	if (rc != 1 || strstr(out, "row 42") == NULL)
		fail_msg("frontdesk check on a broken chain exited %d:\n%s",
		    rc, out);
}

/* ---- reading: count, windows by id, matching ids ------------------------- */

/* int audit_db_count(struct db *db, int64_t *n) */
static void
test_count(void **state)
{
	struct fx *f = *state;
	struct db *db = NULL;
	int64_t n = -1;

	assert_int_equal(audit_db_count(f->db, &n), 0);
	assert_int_equal(n, NROWS);
	assert_int_equal(db_tx(f->db, append_one, &f->admin), 0);
	assert_int_equal(audit_db_count(f->db, &n), 0);
	assert_int_equal(n, NROWS + 1);

	unlink(test_path("count-empty.db"));
	assert_int_equal(db_open(&db, test_path("count-empty.db"),
	    cfg.busy_timeout_ms, DB_OPEN_CREATE), 0);
	n = -1;
	assert_int_equal(audit_db_count(db, &n), 0);
	assert_int_equal(n, 0);
	db_close(&db);
}

/* Free a row array from audit_db_window() and friends. */
static void
free_rows(struct audit_row *rows, int n)
{
	while (n > 0)
		audit_row_release(&rows[--n]);
	free(rows);
}

/* int audit_db_window(struct db *db, int64_t lo, int64_t hi,
 *     struct audit_row **rows, int *nrows) */
static void
test_window(void **state)
{
	struct fx *f = *state;
	struct audit_row *rows, *recent, one;
	int n, nr, i;

	/* The newest page: ids hi..lo, the same rows as audit_db_recent. */
	assert_int_equal(audit_db_window(f->db, NROWS - 19, NROWS, &rows, &n),
	    0);
	assert_int_equal(n, 20);
	assert_int_equal(audit_db_recent(f->db, NULL, 0, 20, &recent, &nr), 0);
	assert_int_equal(nr, 20);
	for (i = 0; i < n; i++) {
		assert_int_equal(rows[i].id, NROWS - i);
		assert_int_equal(rows[i].at, recent[i].at);
		assert_string_equal(rows[i].user_name, recent[i].user_name);
		assert_string_equal(rows[i].desk, recent[i].desk);
		assert_string_equal(rows[i].action, recent[i].action);
		assert_string_equal(rows[i].entity, recent[i].entity);
		assert_int_equal(rows[i].entity_id, recent[i].entity_id);
		assert_string_equal(rows[i].summary, recent[i].summary);
	}
	free_rows(recent, nr);
	free_rows(rows, n);

	/* A page in the middle, Chinese and control bytes as written. */
	assert_int_equal(audit_db_window(f->db, 499, 501, &rows, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].id, 501);
	assert_int_equal(rows[2].id, 499);
	assert_string_equal(rows[1].user_name, "admin");
	assert_string_equal(rows[2].user_name, "admin");
	assert_int_equal(rows[0].at, 1700000000 + 501);
	assert_non_null(strstr(rows[0].summary, "物业费 501.01 元"));
	free_rows(rows, n);
	assert_int_equal(audit_db_window(f->db, 3, 3, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].user_name, "陌生人\x01");
	free_rows(rows, n);

	/* Edges: below 1 is clamped, past the end and empty ranges give
	 * nothing, a huge range is capped. */
	assert_int_equal(audit_db_window(f->db, -5, 2, &rows, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, 2);
	assert_int_equal(rows[1].id, 1);
	free_rows(rows, n);
	assert_int_equal(audit_db_window(f->db, NROWS + 1, NROWS + 50, &rows,
	    &n), 0);
	assert_int_equal(n, 0);
	assert_null(rows);
	assert_int_equal(audit_db_window(f->db, 10, 9, &rows, &n), 0);
	assert_int_equal(n, 0);
	assert_null(rows);
	assert_int_equal(audit_db_window(f->db, INT64_MIN, INT64_MAX, &rows,
	    &n), 0);
	assert_int_equal(n, NROWS);
	assert_int_equal(rows[0].id, NROWS);
	assert_int_equal(rows[NROWS - 1].id, 1);
	free_rows(rows, n);

	/* int audit_db_get(struct db *db, int64_t id, struct audit_row *out) */
	assert_int_equal(audit_db_get(f->db, 7, &one), 0);
	assert_int_equal(one.id, 7);
	assert_string_equal(one.action, "fee.collect");
	assert_string_equal(one.entity, "payment");
	assert_int_equal(one.entity_id, 7);
	assert_string_equal(one.summary, "");	/* 7: written as NULL */
	assert_string_equal(one.desk, "desk\t3");
	audit_row_release(&one);
	assert_int_equal(audit_db_get(f->db, 0, &one), ERR_NOTFOUND);
	assert_null(one.summary);
	assert_int_equal(audit_db_get(f->db, NROWS + 1, &one), ERR_NOTFOUND);
	assert_int_equal(audit_db_get(f->db, INT64_MIN, &one), ERR_NOTFOUND);
}

/* Rows whose text holds LIKE's own characters. */
static int
append_wild(struct db *db, void *arg)
{
	static const char *const summaries[] = {
		"折扣 10%_off", "路径 C:\\备份\\a.db", "百分之百 100 元",
		"王丽 -> 王丽娟",
	};
	struct audit_entry e = {
		.at = 1800000000, .user_name = "reception", .desk = "前台",
		.action = "owner.edit", .entity = "owner", .entity_id = 9,
	};
	size_t i;
	int rc = 0;

	e.user_id = *(int64_t *)arg;
	for (i = 0; i < sizeof summaries / sizeof summaries[0] && rc == 0;
	    i++) {
		e.summary = summaries[i];
		rc = audit_db_append(db, &e);
	}
	return rc;
}

/*
 * Match text in slices of 7 ids, newest first, as a screen does; the ids
 * must come out newest first.  Returns the count, *first.
 */
static int
match(struct db *db, const char *text, int64_t *first)
{
	int64_t *ids = NULL, hi;
	int n = 0, i;

	for (hi = NROWS + 10; hi > 0; hi -= 7)
		if (audit_db_match_ids(db, text, hi - 6, hi, &ids, &n) != 0)
			fail_msg("match '%s': %s", text, err_msg());
	for (i = 1; i < n; i++)
		assert_true(ids[i] < ids[i - 1]);
	if (n == 0)
		assert_null(ids);
	*first = n > 0 ? ids[0] : 0;
	free(ids);
	return n;
}

/* int audit_db_match_ids(struct db *db, const char *text, int64_t lo,
 *     int64_t hi, int64_t **ids, int *nids) */
static void
test_match_ids(void **state)
{
	struct fx *f = *state;
	char *huge;
	void *ids;
	int64_t first;
	int n;

	assert_int_equal(db_tx(f->db, append_wild, &f->admin), 0);
	/* Every row for "", by user, by action, by summary. */
	assert_int_equal(match(f->db, "", &first), NROWS + 4);
	assert_int_equal(first, NROWS + 4);
	assert_int_equal(match(f->db, "陌生人", &first), NROWS / 3);
	assert_int_equal(first, 999);
	assert_int_equal(match(f->db, "fee.collect", &first), NROWS / 2);
	assert_int_equal(first, 999);
	assert_int_equal(match(f->db, "FEE.Collect", &first), NROWS / 2);
	assert_int_equal(match(f->db, "3-2-1502", &first),
	    NROWS - NROWS / 7);
	assert_int_equal(match(f->db, "reception", &first), 4);
	assert_int_equal(match(f->db, "王丽娟", &first), 1);
	assert_int_equal(first, NROWS + 4);
	assert_int_equal(match(f->db, "\"5\"", &first), 1);
	assert_int_equal(first, 5);

	/* LIKE's wildcards and the escape character match only themselves. */
	assert_int_equal(match(f->db, "%", &first), 1);
	assert_int_equal(first, NROWS + 1);
	assert_int_equal(match(f->db, "_", &first), 1);
	assert_int_equal(first, NROWS + 1);
	assert_int_equal(match(f->db, "10%_", &first), 1);
	assert_int_equal(match(f->db, "0%", &first), 1);
	assert_int_equal(match(f->db, "1_0", &first), 0);
	assert_int_equal(match(f->db, "\\", &first), 1);
	assert_int_equal(first, NROWS + 2);
	assert_int_equal(match(f->db, "\\备份\\", &first), 1);
	assert_int_equal(match(f->db, "'", &first), 0);
	assert_int_equal(match(f->db, "备份' OR 1=1 --", &first), 0);

	/* Hostile: invalid UTF-8, a control byte, a huge text. */
	assert_int_equal(match(f->db, "\xff\xfe", &first), 0);
	assert_int_equal(match(f->db, "\x01", &first), NROWS / 3);
	huge = malloc(200001);
	memset(huge, 'a', 200000);
	huge[200000] = '\0';
	ids = NULL;
	n = 0;
	assert_int_equal(audit_db_match_ids(f->db, huge, 1, NROWS,
	    (int64_t **)&ids, &n), ERR_INVALID);
	assert_null(ids);
	assert_int_equal(n, 0);
	assert_msg_has("too long");
	huge[AUDIT_DB_MATCH_MAX] = '\0';
	assert_int_equal(match(f->db, huge, &first), 0);
	free(huge);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_chain_intact, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_chain_continues, setup,
		    teardown),
		cmocka_unit_test(test_chain_empty),
		cmocka_unit_test_setup_teardown(test_tamper_summary, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tamper_fields, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tamper_delete, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tamper_rehash, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tamper_truncate_tail,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_check_clean, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_check_broken, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_check_denied, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_check_binary, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_count, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_ids, setup,
		    teardown),
	};
	char ini[700];
	int rc;

	test_locale();
	/* For the real program: English, and a log of its own. */
	snprintf(ini, sizeof ini, "[ui]\nlanguage = en\n[log]\npath = %s\n",
	    test_path("frontdesk.log"));
	test_write_file(test_path("frontdesk.ini"), ini);
	config_defaults(&cfg);
	cfg.max_failed_logins = 5;
	if (secure_pw_hash(pw_hash, PW) != 0) {
		fprintf(stderr, "cannot hash: %s\n", err_msg());
		return 1;
	}
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	return rc;
}
