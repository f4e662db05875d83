/*
 * test_db.c: db/db.c, the connection: opening, creating and refusing files,
 * the pragmas, transactions and savepoints, the statement cache, backups,
 * the integrity check and the meta table.  Each test works on a fresh file
 * under test_tmpdir(); files are tampered with through a raw SQLite
 * connection, as another program would.
 */
#define _GNU_SOURCE /* unshare(), CLONE_NEWNS */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testlib.h"

#include <sqlite3.h>

#include "db/audit_db.h"
#include "db/db.h"
#include "db/dbint.h" /* db_handle(): the connection's own pragmas */
#include "db/user_db.h"
#include "util/config.h"
#include "util/err.h"
#include "util/strbuf.h"

#define FD_APPLICATION_ID 0x4644534b /* "FDSK" */
#define FAKE_HASH "$argon2id$v=19$m=65536,t=2,p=1$fake"

static struct config cfg;

/* ---- helpers ------------------------------------------------------------ */

/* Fail unless err_msg() contains want. */
static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

/* A fresh path for this test: test_tmpdir()/name, removed first. */
static const char *
fresh(const char *name)
{
	const char *p = test_path(name);
	char side[600];

	unlink(p);
	snprintf(side, sizeof side, "%s-wal", p);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", p);
	unlink(side);
	return p;
}

/* db_open() with DB_OPEN_CREATE that must succeed. */
static struct db *
open_new(const char *path)
{
	struct db *db = NULL;

	if (db_open(&db, path, cfg.busy_timeout_ms, DB_OPEN_CREATE) != 0)
		fail_msg("db_open %s: %s", path, err_msg());
	return db;
}

/* A raw connection, as another program (or an attacker) would open it. */
static sqlite3 *
raw_open(const char *path)
{
	sqlite3 *h = NULL;

	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		fail_msg("raw open %s: %s", path, sqlite3_errmsg(h));
	sqlite3_busy_timeout(h, 5000);
	return h;
}

static void
raw_exec(sqlite3 *h, const char *sql)
{
	char *msg = NULL, why[300];

	if (sqlite3_exec(h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(why, sizeof why, "%s", msg ? msg : "?");
		sqlite3_free(msg);
		fail_msg("raw exec '%s': %s", sql, why);
	}
}

/* The first column of the first row of sql, as an integer. */
static int64_t
raw_int(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int64_t v;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("raw prepare '%s': %s", sql, sqlite3_errmsg(h));
	if (sqlite3_step(st) != SQLITE_ROW)
		fail_msg("raw step '%s': %s", sql, sqlite3_errmsg(h));
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The same, as text into buf. */
static const char *
raw_text(sqlite3 *h, const char *sql, char *buf, size_t bufsz)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("raw prepare '%s': %s", sql, sqlite3_errmsg(h));
	if (sqlite3_step(st) != SQLITE_ROW)
		fail_msg("raw step '%s': %s", sql, sqlite3_errmsg(h));
	snprintf(buf, bufsz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

/* Every row of meta, users and audit_log as text, to compare two files. */
static void
dump_file(const char *path, struct strbuf *out)
{
	static const char *const sql[] = {
		"SELECT key, value FROM meta ORDER BY key",
		"SELECT id, name, display, role, pw_hash, active, failed,"
		" locked_until, created_at, updated_at FROM users ORDER BY id",
		"SELECT id, at, user_id, user_name, desk, action, entity,"
		" entity_id, summary, hex(prev_hash), hex(hash) FROM audit_log"
		" ORDER BY id",
	};
	sqlite3 *h = raw_open(path);
	sqlite3_stmt *st;
	size_t i;
	int c;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		st = NULL;
		if (sqlite3_prepare_v2(h, sql[i], -1, &st, NULL) != SQLITE_OK)
			fail_msg("dump '%s': %s", sql[i], sqlite3_errmsg(h));
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(st); c++)
				strbuf_addf(out, "%s|", sqlite3_column_text(st,
				    c) ? (const char *)sqlite3_column_text(st, c)
				       : "NULL");
			strbuf_addch(out, '\n');
		}
		sqlite3_finalize(st);
		strbuf_adds(out, "--\n");
	}
	sqlite3_close(h);
}

/* The whole file as bytes (for "left untouched"). */
static void
slurp(const char *path, struct strbuf *out)
{
	char buf[4096];
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (fp == NULL)
		fail_msg("cannot read %s", path);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(out, buf, n);
	fclose(fp);
}

/* Number of entries of dir whose name contains part. */
static int
count_entries(const char *dir, const char *part)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		fail_msg("cannot list %s", dir);
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, part) != NULL)
			n++;
	closedir(d);
	return n;
}

/* Read exactly n bytes from fd; 0, or -1 on EOF/error. */
static int
read_full(int fd, void *p, size_t n)
{
	char *c = p;
	ssize_t r;

	while (n > 0) {
		r = read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

/* What a forked child reports to the parent (one pipe write). */
struct child_report {
	int rc;       /* result code of the step under test */
	int rc2;      /* a second one, when the test has two */
	int version;  /* schema version seen, or -1 */
	char msg[300];
	char msg2[300];
};

static void
write_report(int fd, const struct child_report *r)
{
	if (write(fd, r, sizeof *r) != (ssize_t)sizeof *r)
		_exit(3);
}

/* Wait for pid; fail unless it exited 0. */
static void
reap(pid_t pid)
{
	int status;

	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("child %ld ended with status %#x", (long)pid, status);
}

static int
setup(void **state)
{
	(void)state;
	err_clear();
	return 0;
}

/* ---- opening a new file --------------------------------------------- */

/* A new file is created, stamped, at the latest schema, in WAL mode. */
static void
test_open_create(void **state)
{
	const char *path = fresh("new.db");
	struct db *db;
	sqlite3 *h;
	char buf[32];

	(void)state;
	assert_true(db_schema_latest() >= 1);
	db = open_new(path);
	assert_string_equal(db_path(db), path);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_false(db_in_tx(db));

	/* The program's own connection: synchronous FULL, foreign keys on. */
	h = db_handle(db);
	assert_int_equal(raw_int(h, "PRAGMA synchronous"), 2);
	assert_int_equal(raw_int(h, "PRAGMA foreign_keys"), 1);
	assert_int_equal(raw_int(h, "PRAGMA busy_timeout"),
	    cfg.busy_timeout_ms);
	db_close(&db);
	assert_null(db);

	/* What the file itself carries, seen by another connection. */
	h = raw_open(path);
	assert_int_equal(raw_int(h, "PRAGMA application_id"),
	    FD_APPLICATION_ID);
	assert_int_equal(raw_int(h, "PRAGMA user_version"),
	    db_schema_latest());
	assert_string_equal(raw_text(h, "PRAGMA journal_mode", buf,
	    sizeof buf), "wal");
	assert_int_equal(raw_int(h, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name IN ('meta', 'users', 'audit_log')"), 3);
	sqlite3_close(h);
}

/* A folder that does not exist yet is made for a new file. */
static void
test_open_create_folders(void **state)
{
	const char *path = test_path("a/b/c/新的 数据库.db");
	struct db *db;

	(void)state;
	db = open_new(path);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	db_close(&db);
}

/* Foreign keys are enforced on the program's connection. */
static int
insert_audit_of_ghost(struct db *db, void *arg)
{
	struct audit_entry e = {
		.at = 1700000000, .user_id = 999, .user_name = "ghost",
		.desk = "1号窗口", .action = "user.add", .entity = "user",
		.entity_id = 999, .summary = "nobody",
	};

	(void)arg;
	return audit_db_append(db, &e);
}

static void
test_open_foreign_keys(void **state)
{
	struct db *db = open_new(fresh("fk.db"));
	int64_t n = -1;

	(void)state;
	assert_int_equal(db_tx(db, insert_audit_of_ghost, NULL), ERR_INVALID);
	assert_int_equal(audit_db_verify(db, &n), 0);
	assert_int_equal(n, 0);
	db_close(&db);
}

/* Opening again changes nothing; two connections may be open at once. */
static int
add_one_user(struct db *db, void *arg)
{
	int64_t id;
	int rc;

	(void)arg;
	if ((rc = user_db_insert(db, "wangli", "王丽", "receptionist",
	    FAKE_HASH, 1700000000, &id)) != 0)
		return rc;
	return db_meta_set(db, "created", "2024-01-01");
}

static void
test_open_again(void **state)
{
	const char *path = fresh("again.db");
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct db *db = open_new(path), *db2 = NULL;
	int64_t n;

	(void)state;
	assert_int_equal(db_tx(db, add_one_user, NULL), 0);
	db_close(&db);
	dump_file(path, &before);

	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0), 0);
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_int_equal(db_open(&db2, path, cfg.busy_timeout_ms,
	    DB_OPEN_CREATE), 0);
	assert_int_equal(db_schema_version(db2), db_schema_latest());
	assert_int_equal(user_db_count(db2, &n), 0);
	assert_int_equal(n, 1);
	db_close(&db2);
	db_close(&db);
	dump_file(path, &after);
	assert_string_equal(before.buf, after.buf);
	strbuf_release(&before);
	strbuf_release(&after);
}

/* ---- refusals ----------------------------------------------------------- */

static void
test_refuse_missing(void **state)
{
	const char *path = fresh("missing.db");
	struct db *db = (struct db *)&db; /* anything: must become NULL */

	(void)state;
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0),
	    ERR_NOTFOUND);
	assert_null(db);
	assert_msg_has(path);
	assert_msg_has("frontdesk init");
	assert_false(access(path, F_OK) == 0); /* not created */

	assert_int_equal(db_open(&db, test_path("no/such/folder.db"),
	    cfg.busy_timeout_ms, 0), ERR_NOTFOUND);
	assert_int_equal(db_open(&db, "", cfg.busy_timeout_ms,
	    DB_OPEN_CREATE), ERR_INVALID);
	assert_int_equal(db_open(&db, NULL, cfg.busy_timeout_ms,
	    DB_OPEN_CREATE), ERR_INVALID);
	assert_msg_has("--db");
}

/* A huge path is refused cleanly, created or not. */
static void
test_refuse_huge_path(void **state)
{
	char *path = malloc(9000);
	struct db *db = NULL;
	int rc;

	(void)state;
	snprintf(path, 9000, "%s/", test_tmpdir());
	memset(path + strlen(path), 'x', 8000);
	path[8990] = '\0';
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0),
	    ERR_NOTFOUND);
	rc = db_open(&db, path, cfg.busy_timeout_ms, DB_OPEN_CREATE);
	assert_true(rc == ERR_IO || rc == ERR_INVALID);
	assert_null(db);
	free(path);
}

/* Text, a short file and a damaged SQLite file are not frontdesk files. */
static void
test_refuse_text(void **state)
{
	const char *path = fresh("notes.txt");
	static const char fake[] = "SQLite format 3\0garbage garbage garbage";
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct db *db = NULL;
	FILE *fp;
	int i;

	(void)state;
	test_write_file(path, "[database]\npath = /srv/frontdesk.db\n"
	    "业主 张三 3-2-1502\n");
	slurp(path, &before);
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0),
	    ERR_INVALID);
	assert_null(db);
	assert_msg_has("not a frontdesk database");
	assert_msg_has(path);
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms,
	    DB_OPEN_CREATE), ERR_INVALID);
	assert_msg_has("not a frontdesk database");
	slurp(path, &after);
	assert_int_equal(before.len, after.len);
	assert_memory_equal(before.buf, after.buf, before.len);

	/* Shorter than the SQLite header. */
	test_write_file(path, "hi");
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0),
	    ERR_INVALID);
	assert_msg_has("not a frontdesk database");

	/* The right magic, then rubbish: SQLite says "not a database". */
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fwrite(fake, 1, sizeof fake, fp);
	for (i = 0; i < 8192; i++)
		fputc(0xff, fp);
	fclose(fp);
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0),
	    ERR_INVALID);
	assert_null(db);
	assert_msg_has("not a frontdesk database");
	strbuf_release(&before);
	strbuf_release(&after);
}

/* Another program's database is refused and left exactly as it was. */
static void
test_refuse_other_program(void **state)
{
	const char *path = fresh("other.db");
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct db *db = NULL;
	sqlite3 *h;
	char buf[32];

	(void)state;
	h = raw_open(path);
	raw_exec(h, "CREATE TABLE bills (id INTEGER PRIMARY KEY, owner TEXT);"
		    "INSERT INTO bills (owner) VALUES ('张三');");
	sqlite3_close(h);
	slurp(path, &before);

	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0),
	    ERR_INVALID);
	assert_null(db);
	assert_msg_has("another program");
	assert_msg_has(path);
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms,
	    DB_OPEN_CREATE), ERR_INVALID);

	/* Not stamped, not switched to WAL, not a byte changed. */
	slurp(path, &after);
	assert_int_equal(before.len, after.len);
	assert_memory_equal(before.buf, after.buf, before.len);
	h = raw_open(path);
	assert_int_equal(raw_int(h, "PRAGMA application_id"), 0);
	assert_string_equal(raw_text(h, "PRAGMA journal_mode", buf,
	    sizeof buf), "delete");
	sqlite3_close(h);

	/* Another program's id on an empty file: refused as well. */
	path = fresh("other2.db");
	h = raw_open(path);
	raw_exec(h, "PRAGMA application_id = 1234");
	sqlite3_close(h);
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0),
	    ERR_INVALID);
	assert_msg_has("another program");
	strbuf_release(&before);
	strbuf_release(&after);
}

/* A schema newer than the program: refused, the message names both. */
static void
test_refuse_newer(void **state)
{
	const char *path = fresh("newer.db");
	struct db *db = open_new(path);
	char sql[64], want[16];
	sqlite3 *h;

	(void)state;
	db_close(&db);
	h = raw_open(path);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    db_schema_latest() + 1);
	raw_exec(h, sql);
	sqlite3_close(h);

	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0),
	    ERR_INVALID);
	assert_null(db);
	snprintf(want, sizeof want, "%d", db_schema_latest() + 1);
	assert_msg_has(want);
	snprintf(want, sizeof want, "%d", db_schema_latest());
	assert_msg_has(want);
	assert_msg_has("newer");

	/* And it stays at that version: nothing was "migrated" down. */
	h = raw_open(path);
	assert_int_equal(raw_int(h, "PRAGMA user_version"),
	    db_schema_latest() + 1);
	sqlite3_close(h);
}

/* Write a string to a /proc file; 0 or -1. */
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

/*
 * A private mount namespace in which dir can be mounted and remounted
 * read-only: as root (CI) unshare(CLONE_NEWNS) is enough; otherwise a user
 * namespace first, mapping us to its root.  0, or -1 with why in msg.
 */
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
		if (write_proc("/proc/self/uid_map", map) != 0) {
			snprintf(msg, msgsz, "uid_map: %s", strerror(errno));
			return -1;
		}
		(void)write_proc("/proc/self/setgroups", "deny");
		snprintf(map, sizeof map, "0 %ld 1", (long)gid);
		if (write_proc("/proc/self/gid_map", map) != 0) {
			snprintf(msg, msgsz, "gid_map: %s", strerror(errno));
			return -1;
		}
	}
	/* Never let our mounts reach the real system. */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) {
		snprintf(msg, msgsz, "make / private: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* The child of test_refuse_readonly: everything in its own namespace. */
static void
readonly_child(const char *dir, int fd)
{
	struct child_report r = {0};
	char path[512], newpath[512];
	struct db *db = NULL;

	r.rc = r.rc2 = 1;
	snprintf(path, sizeof path, "%s/ro.db", dir);
	snprintf(newpath, sizeof newpath, "%s/sub/new.db", dir);
	if (private_mounts(r.msg, sizeof r.msg) != 0)
		goto out;
	if (mount("tmpfs", dir, "tmpfs", 0, "size=8m") != 0) {
		snprintf(r.msg, sizeof r.msg, "mount tmpfs: %s",
		    strerror(errno));
		goto out;
	}
	if (db_open(&db, path, cfg.busy_timeout_ms, DB_OPEN_CREATE) != 0 ||
	    db_meta_set(db, "created", "2024-01-01") != 0) {
		snprintf(r.msg, sizeof r.msg, "create: %s", err_msg());
		goto out;
	}
	db_close(&db);
	if (mount(NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL) != 0) {
		snprintf(r.msg, sizeof r.msg, "remount read-only: %s",
		    strerror(errno));
		goto out;
	}
	if (access(path, W_OK) == 0 || errno != EROFS) {
		snprintf(r.msg, sizeof r.msg, "the mount is not read-only");
		goto out;
	}
	r.rc = db_open(&db, path, cfg.busy_timeout_ms, 0);
	snprintf(r.msg, sizeof r.msg, "%s", err_msg());
	db_close(&db);
	r.rc2 = db_open(&db, newpath, cfg.busy_timeout_ms, DB_OPEN_CREATE);
	snprintf(r.msg2, sizeof r.msg2, "%s", err_msg());
	db_close(&db);
out:
	write_report(fd, &r);
	_exit(0);
}

/*
 * A read-only file (root passes access(), so the file sits on a private
 * tmpfs remounted read-only): refused with ERR_IO saying read-only.
 */
static void
test_refuse_readonly(void **state)
{
	const char *dir = test_path("romount");
	struct child_report r;
	int fds[2];
	pid_t pid;

	(void)state;
	mkdir(dir, 0700);
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		readonly_child(dir, fds[1]);
	}
	close(fds[1]);
	assert_int_equal(read_full(fds[0], &r, sizeof r), 0);
	close(fds[0]);
	reap(pid);
	if (r.rc == 1)
		fail_msg("read-only set-up failed: %s", r.msg);
	if (r.rc != ERR_IO)
		fail_msg("read-only file: rc %d, '%s'", r.rc, r.msg);
	if (strstr(r.msg, "read-only") == NULL)
		fail_msg("read-only file: message '%s'", r.msg);
	if (r.rc2 != ERR_IO)
		fail_msg("new file on a read-only mount: rc %d, '%s'", r.rc2,
		    r.msg2);
}

/* ---- two desks creating the same new file at once ----------------------- */

static void
create_child(const char *path, int go, int fd)
{
	struct child_report r = {0};
	struct db *db = NULL;
	char c;

	r.version = -1;
	(void)read(go, &c, 1); /* EOF when the parent lets go */
	r.rc = db_open(&db, path, cfg.busy_timeout_ms, DB_OPEN_CREATE);
	snprintf(r.msg, sizeof r.msg, "%s", err_msg());
	if (r.rc == 0) {
		r.version = db_schema_version(db);
		r.rc2 = db_integrity(db, 1);
	}
	db_close(&db);
	write_report(fd, &r);
	_exit(0);
}

static void
test_open_concurrent_create(void **state)
{
	struct child_report r;
	char name[32];
	const char *path;
	int go[2], res[2][2], round, k;
	pid_t pid[2];
	int64_t n;
	struct db *db;

	(void)state;
	for (round = 0; round < 25; round++) {
		snprintf(name, sizeof name, "both%d.db", round);
		path = fresh(name);
		assert_int_equal(pipe(go), 0);
		for (k = 0; k < 2; k++) {
			assert_int_equal(pipe(res[k]), 0);
			pid[k] = fork();
			assert_true(pid[k] >= 0);
			if (pid[k] == 0) {
				close(go[1]);
				close(res[k][0]);
				create_child(path, go[0], res[k][1]);
			}
			close(res[k][1]);
		}
		close(go[0]);
		close(go[1]); /* both children wake at once */
		for (k = 0; k < 2; k++) {
			assert_int_equal(read_full(res[k][0], &r, sizeof r),
			    0);
			close(res[k][0]);
			reap(pid[k]);
			if (r.rc != 0)
				fail_msg("round %d, desk %d: rc %d '%s'",
				    round, k, r.rc, r.msg);
			assert_int_equal(r.version, db_schema_latest());
			assert_int_equal(r.rc2, 0);
		}
		db = open_new(path);
		assert_int_equal(db_integrity(db, 1), 0);
		assert_int_equal(user_db_count(db, &n), 0);
		db_close(&db);
	}
}

/* ---- transactions -------------------------------------------------------- */

struct tx_probe {
	const char *key;
	const char *value;
	int result;     /* what fn returns */
	int in_tx;      /* db_in_tx() seen inside */
	int inner_rc;   /* nested: what the inner db_tx returned */
	struct tx_probe *inner;
};

static int
probe_fn(struct db *db, void *arg)
{
	struct tx_probe *p = arg;
	int rc;

	p->in_tx = db_in_tx(db);
	if ((rc = db_meta_set(db, p->key, p->value)) != 0)
		return rc;
	if (p->inner != NULL) {
		p->inner_rc = db_tx(db, probe_fn, p->inner);
		if (!db_in_tx(db))
			return ERR_STATE; /* the outer one must still be open */
	}
	return p->result;
}

/* OUT: buf; returns db_meta_get()'s code. */
static int
meta(struct db *db, const char *key, char *buf, int bufsz)
{
	buf[0] = '\0';
	return db_meta_get(db, key, buf, bufsz);
}

static void
test_tx_commit_rollback(void **state)
{
	struct db *db = open_new(fresh("tx.db"));
	struct tx_probe ok = {"k1", "一", 0, 0, 0, NULL};
	struct tx_probe bad = {"k2", "二", ERR_INVALID, 0, 0, NULL};
	char buf[64];

	(void)state;
	assert_int_equal(db_tx(db, probe_fn, &ok), 0);
	assert_true(ok.in_tx);
	assert_false(db_in_tx(db));
	assert_int_equal(meta(db, "k1", buf, sizeof buf), 0);
	assert_string_equal(buf, "一");

	/* An error from fn rolls everything back and comes out as is. */
	assert_int_equal(db_tx(db, probe_fn, &bad), ERR_INVALID);
	assert_false(db_in_tx(db));
	assert_int_equal(meta(db, "k2", buf, sizeof buf), ERR_NOTFOUND);

	/* The connection is usable after the rollback. */
	bad.result = 0;
	assert_int_equal(db_tx(db, probe_fn, &bad), 0);
	assert_int_equal(meta(db, "k2", buf, sizeof buf), 0);
	assert_string_equal(buf, "二");
	db_close(&db);
}

/* A failing SQL statement inside fn rolls back fn's earlier writes. */
static int
insert_twice(struct db *db, void *arg)
{
	int rc;

	(void)arg;
	if ((rc = db_meta_set(db, "before", "1")) != 0 ||
	    (rc = user_db_insert(db, "zhangsan", "张三", "cashier", FAKE_HASH,
	    1700000000, NULL)) != 0)
		return rc;
	return user_db_insert(db, "zhangsan", "张三丰", "cashier", FAKE_HASH,
	    1700000000, NULL);
}

static void
test_tx_constraint(void **state)
{
	struct db *db = open_new(fresh("txc.db"));
	char buf[16];
	int64_t n;

	(void)state;
	assert_int_equal(db_tx(db, insert_twice, NULL), ERR_CONFLICT);
	assert_int_equal(meta(db, "before", buf, sizeof buf), ERR_NOTFOUND);
	assert_int_equal(user_db_count(db, &n), 0);
	assert_int_equal(n, 0);
	db_close(&db);
}

static void
test_tx_nested(void **state)
{
	struct db *db = open_new(fresh("nest.db"));
	struct tx_probe in_bad = {"inner", "里", ERR_CONFLICT, 0, 0, NULL};
	struct tx_probe out = {"outer", "外", 0, 0, 0, &in_bad};
	struct tx_probe in_ok = {"inner2", "里2", 0, 0, 0, NULL};
	struct tx_probe out2 = {"outer2", "外2", 0, 0, 0, &in_ok};
	struct tx_probe in3 = {"inner3", "x", 0, 0, 0, NULL};
	struct tx_probe out3 = {"outer3", "y", ERR_STATE, 0, 0, &in3};
	char buf[64];

	(void)state;
	/* The inner savepoint rolls back; the outer change is kept. */
	assert_int_equal(db_tx(db, probe_fn, &out), 0);
	assert_int_equal(out.inner_rc, ERR_CONFLICT);
	assert_true(in_bad.in_tx);
	assert_int_equal(meta(db, "outer", buf, sizeof buf), 0);
	assert_string_equal(buf, "外");
	assert_int_equal(meta(db, "inner", buf, sizeof buf), ERR_NOTFOUND);

	/* Both succeed: both kept. */
	assert_int_equal(db_tx(db, probe_fn, &out2), 0);
	assert_int_equal(out2.inner_rc, 0);
	assert_int_equal(meta(db, "outer2", buf, sizeof buf), 0);
	assert_int_equal(meta(db, "inner2", buf, sizeof buf), 0);
	assert_string_equal(buf, "里2");

	/* The outer one fails after the inner one succeeded: both gone. */
	assert_int_equal(db_tx(db, probe_fn, &out3), ERR_STATE);
	assert_int_equal(out3.inner_rc, 0);
	assert_int_equal(meta(db, "outer3", buf, sizeof buf), ERR_NOTFOUND);
	assert_int_equal(meta(db, "inner3", buf, sizeof buf), ERR_NOTFOUND);
	assert_false(db_in_tx(db));
	db_close(&db);
}

/* Three levels: the middle one fails, the innermost went with it. */
static void
test_tx_nested_deep(void **state)
{
	struct db *db = open_new(fresh("deep.db"));
	struct tx_probe l3 = {"l3", "3", 0, 0, 0, NULL};
	struct tx_probe l2 = {"l2", "2", ERR_INVALID, 0, 0, &l3};
	struct tx_probe l1 = {"l1", "1", 0, 0, 0, &l2};
	char buf[8];

	(void)state;
	assert_int_equal(db_tx(db, probe_fn, &l1), 0);
	assert_int_equal(l1.inner_rc, ERR_INVALID);
	assert_int_equal(l2.inner_rc, 0);
	assert_int_equal(meta(db, "l1", buf, sizeof buf), 0);
	assert_int_equal(meta(db, "l2", buf, sizeof buf), ERR_NOTFOUND);
	assert_int_equal(meta(db, "l3", buf, sizeof buf), ERR_NOTFOUND);
	db_close(&db);
}

/* db_read: one snapshot, fn's result, nothing left open. */
static int
read_fn(struct db *db, void *arg)
{
	int *seen = arg;
	char buf[8];

	*seen = db_in_tx(db);
	return db_meta_get(db, "nothing", buf, sizeof buf);
}

static void
test_read(void **state)
{
	struct db *db = open_new(fresh("read.db"));
	int seen = 0;

	(void)state;
	assert_int_equal(db_read(db, read_fn, &seen), ERR_NOTFOUND);
	assert_true(seen);
	assert_false(db_in_tx(db));
	db_close(&db);
}

/* Another writer holds the lock past the busy timeout: ERR_BUSY, no change. */
static void
test_tx_busy(void **state)
{
	const char *path = fresh("busy.db");
	struct tx_probe p = {"busy", "忙", 0, 0, 0, NULL};
	struct db *db = NULL;
	char buf[16];
	sqlite3 *h;

	(void)state;
	db = open_new(path);
	db_close(&db);
	assert_int_equal(db_open(&db, path, 100, 0), 0);
	h = raw_open(path);
	raw_exec(h, "BEGIN IMMEDIATE");
	assert_int_equal(db_tx(db, probe_fn, &p), ERR_BUSY);
	assert_false(p.in_tx); /* fn never ran */
	assert_false(db_in_tx(db));
	raw_exec(h, "COMMIT");
	sqlite3_close(h);
	assert_int_equal(db_tx(db, probe_fn, &p), 0);
	assert_int_equal(meta(db, "busy", buf, sizeof buf), 0);
	db_close(&db);
}

/* The statement cache: repeated calls prepare nothing new. */
static void
test_stmt_cache(void **state)
{
	struct db *db = open_new(fresh("cache.db"));
	struct user_row u;
	long warm;
	int i;

	(void)state;
	assert_int_equal(db_tx(db, add_one_user, NULL), 0);
	memset(&u, 0, sizeof u);
	assert_int_equal(user_db_get(db, "wangli", &u), 0);
	assert_string_equal(u.display, "王丽");
	user_row_release(&u);
	warm = db_prepare_count(db);
	assert_true(warm > 0);
	for (i = 0; i < 1000; i++) {
		memset(&u, 0, sizeof u);
		assert_int_equal(user_db_get(db, i % 2 ? "wangli" : "nobody",
		    &u), i % 2 ? 0 : ERR_NOTFOUND);
		user_row_release(&u);
	}
	assert_int_equal(db_prepare_count(db), warm);

	/* The same for a write path after its first use. */
	assert_int_equal(db_meta_set(db, "n", "0"), 0);
	warm = db_prepare_count(db);
	for (i = 0; i < 200; i++)
		assert_int_equal(db_meta_set(db, "n", i % 2 ? "1" : "2"), 0);
	assert_int_equal(db_prepare_count(db), warm);
	db_close(&db);
}

/* ---- backup ---------------------------------------------------------------- */

static int
fill_some(struct db *db, void *arg)
{
	struct audit_entry e = {
		.at = 1700000000, .user_name = "admin", .desk = "1号窗口",
		.action = "user.add", .entity = "user",
	};
	char name[16], display[32];
	int64_t id;
	int i, rc;

	(void)arg;
	for (i = 0; i < 50; i++) {
		snprintf(name, sizeof name, "user%02d", i);
		snprintf(display, sizeof display, "员工%d号", i);
		if ((rc = user_db_insert(db, name, display, "cashier",
		    FAKE_HASH, 1700000000 + i, &id)) != 0)
			return rc;
		e.entity_id = id;
		e.summary = display;
		if ((rc = audit_db_append(db, &e)) != 0)
			return rc;
	}
	return db_meta_set(db, "created", "2024-03-15 业主大会");
}

static void
test_backup(void **state)
{
	const char *path = fresh("src.db"), *bak = fresh("备份.db");
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	struct db *db = open_new(path), *copy = NULL;
	char buf[32];
	int64_t n;
	sqlite3 *h;

	(void)state;
	assert_int_equal(db_tx(db, fill_some, NULL), 0);
	assert_int_equal(db_backup(db, bak, 0), 0);

	/* A stand-alone file (no WAL needed), equal row by row. */
	h = raw_open(bak);
	assert_string_equal(raw_text(h, "PRAGMA journal_mode", buf,
	    sizeof buf), "delete");
	assert_int_equal(raw_int(h, "PRAGMA application_id"),
	    FD_APPLICATION_ID);
	assert_string_equal(raw_text(h, "PRAGMA integrity_check", buf,
	    sizeof buf), "ok");
	sqlite3_close(h);
	dump_file(path, &a);
	dump_file(bak, &b);
	assert_string_equal(a.buf, b.buf);
	assert_true(a.len > 1000);

	/* The program opens it as its own. */
	assert_int_equal(db_open(&copy, bak, cfg.busy_timeout_ms, 0), 0);
	assert_int_equal(user_db_count(copy, &n), 0);
	assert_int_equal(n, 50);
	assert_int_equal(audit_db_verify(copy, &n), 0);
	assert_int_equal(n, 50);
	db_close(&copy);
	assert_int_equal(count_entries(test_tmpdir(), ".tmp-"), 0);
	strbuf_release(&a);
	strbuf_release(&b);
	db_close(&db);
}

static void
test_backup_existing(void **state)
{
	const char *path = fresh("src2.db"), *bak = fresh("keep.db");
	struct strbuf before = STRBUF_INIT, after = STRBUF_INIT;
	struct db *db = open_new(path);
	char buf[64];
	sqlite3 *h;

	(void)state;
	assert_int_equal(db_tx(db, fill_some, NULL), 0);
	test_write_file(bak, "昨天的备份, keep me\n");
	slurp(bak, &before);
	assert_int_equal(db_backup(db, bak, 0), ERR_CONFLICT);
	assert_msg_has(bak);
	assert_msg_has("--force");
	slurp(bak, &after);
	assert_string_equal(before.buf, after.buf);
	assert_int_equal(count_entries(test_tmpdir(), ".tmp-"), 0);

	assert_int_equal(db_backup(db, bak, 1), 0);
	h = raw_open(bak);
	assert_string_equal(raw_text(h, "SELECT value FROM meta WHERE key ="
	    " 'created'", buf, sizeof buf), "2024-03-15 业主大会");
	sqlite3_close(h);

	/* Over an earlier backup, forced again: still fine. */
	assert_int_equal(db_meta_set(db, "created", "later"), 0);
	assert_int_equal(db_backup(db, bak, 1), 0);
	h = raw_open(bak);
	assert_string_equal(raw_text(h, "SELECT value FROM meta WHERE key ="
	    " 'created'", buf, sizeof buf), "later");
	sqlite3_close(h);
	assert_int_equal(count_entries(test_tmpdir(), ".tmp-"), 0);
	assert_int_equal(count_entries(test_tmpdir(), "keep.db-"), 0);
	strbuf_release(&before);
	strbuf_release(&after);
	db_close(&db);
}

/* A backup that cannot be written leaves nothing behind. */
static void
test_backup_fails_clean(void **state)
{
	const char *path = fresh("src3.db"), *dir = test_path("adir");
	struct db *db = open_new(path);
	int rc;

	(void)state;
	mkdir(dir, 0700);
	/* The target is a folder: the rename fails. */
	assert_int_equal(db_backup(db, dir, 1), ERR_IO);
	assert_msg_has(dir);
	assert_int_equal(count_entries(test_tmpdir(), ".tmp-"), 0);
	assert_int_equal(count_entries(test_tmpdir(), "adir-"), 0);
	/* The folder does not exist: cannot even start. */
	rc = db_backup(db, test_path("nowhere/b.db"), 0);
	assert_int_equal(rc, ERR_IO);
	assert_int_equal(count_entries(test_tmpdir(), ".tmp-"), 0);
	db_close(&db);
}

/*
 * A backup over the database itself, under any spelling of its path, would
 * swap the live file for a snapshot under the feet of every desk: refused.
 */
static void
test_backup_onto_itself(void **state)
{
	const char *path = fresh("self.db");
	struct db *db = open_new(path);
	char alias[600], buf[16];

	(void)state;
	assert_int_equal(db_tx(db, fill_some, NULL), 0);
	snprintf(alias, sizeof alias, "%s/./self.db", test_tmpdir());
	assert_int_equal(db_backup(db, path, 1), ERR_INVALID);
	assert_int_equal(db_backup(db, alias, 1), ERR_INVALID);
	assert_msg_has("database itself");
	assert_int_equal(symlink(path, test_path("link.db")), 0);
	assert_int_equal(db_backup(db, test_path("link.db"), 1), ERR_INVALID);
	/* Its WAL, whether it is there at the moment or not. */
	snprintf(alias, sizeof alias, "%s-wal", path);
	assert_int_equal(db_backup(db, alias, 1), ERR_INVALID);
	snprintf(alias, sizeof alias, "%s/./self.db-journal", test_tmpdir());
	assert_int_equal(db_backup(db, alias, 1), ERR_INVALID);
	assert_int_equal(db_is_own_file(db, test_path("link.db-shm")), 1);
	assert_int_equal(db_is_own_file(db, test_path("self.db.bak")), 0);
	assert_int_equal(count_entries(test_tmpdir(), ".tmp-"), 0);

	/* Work goes on in the same file. */
	assert_int_equal(db_meta_set(db, "after", "还在"), 0);
	db_close(&db);
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0), 0);
	assert_int_equal(meta(db, "after", buf, sizeof buf), 0);
	assert_string_equal(buf, "还在");
	assert_int_equal(db_integrity(db, 1), 0);
	db_close(&db);
	unlink(test_path("link.db"));
}

/* ---- integrity, meta ------------------------------------------------------- */

static void
test_integrity(void **state)
{
	const char *path = fresh("ok.db"), *bad = fresh("damaged.db");
	struct db *db = open_new(path);
	char junk[16];
	struct stat st;
	int rc, fd, page;

	(void)state;
	assert_int_equal(db_integrity(db, 0), 0);
	assert_int_equal(db_integrity(db, 1), 0);
	assert_int_equal(db_tx(db, fill_some, NULL), 0);
	assert_int_equal(db_integrity(db, 0), 0);
	assert_int_equal(db_integrity(db, 1), 0);

	/* Scribble over the page headers of a copy: the full check says so. */
	assert_int_equal(db_backup(db, bad, 0), 0);
	db_close(&db);
	assert_int_equal(stat(bad, &st), 0);
	assert_true(st.st_size >= 4 * 4096);
	memset(junk, 0x5a, sizeof junk);
	fd = open(bad, O_WRONLY);
	assert_true(fd >= 0);
	for (page = 2; page <= st.st_size / 4096; page++)
		assert_int_equal(pwrite(fd, junk, sizeof junk,
		    (off_t)(page - 1) * 4096), (ssize_t)sizeof junk);
	close(fd);
	rc = db_open(&db, bad, cfg.busy_timeout_ms, 0);
	if (rc == 0) {
		rc = db_integrity(db, 1);
		db_close(&db);
	}
	assert_true(rc != 0);
	assert_msg_has("damaged");
}

static void
test_meta(void **state)
{
	struct db *db = open_new(fresh("meta.db"));
	char buf[64], tiny[4];

	(void)state;
	assert_int_equal(meta(db, "created", buf, sizeof buf), ERR_NOTFOUND);
	assert_int_equal(db_meta_set(db, "created", "2024-05-01"), 0);
	assert_int_equal(meta(db, "created", buf, sizeof buf), 0);
	assert_string_equal(buf, "2024-05-01");
	assert_int_equal(db_meta_set(db, "created", "二〇二四年五月"), 0);
	assert_int_equal(meta(db, "created", buf, sizeof buf), 0);
	assert_string_equal(buf, "二〇二四年五月");
	assert_int_equal(db_meta_set(db, "物业", "阳光花园"), 0);
	assert_int_equal(meta(db, "物业", buf, sizeof buf), 0);
	assert_string_equal(buf, "阳光花园");
	/* A short buffer is cut, never overrun. */
	assert_int_equal(meta(db, "created", tiny, sizeof tiny), 0);
	assert_int_equal(strlen(tiny), 3);
	/* Keys are exact. */
	assert_int_equal(meta(db, "Created", buf, sizeof buf), ERR_NOTFOUND);
	assert_int_equal(meta(db, "", buf, sizeof buf), ERR_NOTFOUND);
	db_close(&db);
}

/* One megabyte more in table big. */
static int
grow_tx(struct db *db, void *arg)
{
	(void)arg;
	return db_exec(db, "INSERT INTO big VALUES (randomblob(1048576))");
}

/*
 * A reader that stays inside the WAL while 14 MB are written pins it; once
 * it leaves, the next commit truncates the WAL instead of leaving a 14 MB
 * file behind (P7), and the data are all there.
 */
static void
test_wal_bounded(void **state)
{
	const char *path = fresh("wal.db");
	char wal[600];
	struct db *db = open_new(path);
	struct stat st;
	sqlite3 *h;
	int i;

	(void)state;
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_equal(db_exec(db, "CREATE TABLE big(x BLOB)"), 0);
	h = raw_open(path);
	raw_exec(h, "BEGIN");
	assert_int_equal(raw_int(h, "SELECT count(*) FROM big"), 0);
	for (i = 0; i < 14; i++)
		assert_int_equal(db_tx(db, grow_tx, NULL), 0);
	assert_int_equal(stat(wal, &st), 0);
	assert_true(st.st_size > 14LL * 1024 * 1024); /* pinned by the reader */
	raw_exec(h, "COMMIT");
	assert_int_equal(db_tx(db, grow_tx, NULL), 0);
	assert_int_equal(stat(wal, &st), 0);
	if (st.st_size >= 1024 * 1024)
		fail_msg("WAL still %lld bytes after the reader left",
		    (long long)st.st_size);
	assert_int_equal(raw_int(h, "SELECT count(*) FROM big"), 15);
	sqlite3_close(h);
	db_close(&db);
}

static void
test_is_demo(void **state)
{
	const char *path = fresh("demo.db");
	struct db *db = open_new(path);

	(void)state;
	assert_false(db_is_demo(db));
	assert_int_equal(db_meta_set(db, "demo", "0"), 0);
	assert_false(db_is_demo(db));
	assert_int_equal(db_meta_set(db, "demo", "10"), 0);
	assert_false(db_is_demo(db));
	assert_int_equal(db_meta_set(db, "demo", "1"), 0);
	assert_true(db_is_demo(db));
	db_close(&db);
	/* It is a fact of the file. */
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0), 0);
	assert_true(db_is_demo(db));
	db_close(&db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_open_create, setup),
		cmocka_unit_test_setup(test_open_create_folders, setup),
		cmocka_unit_test_setup(test_open_foreign_keys, setup),
		cmocka_unit_test_setup(test_open_again, setup),
		cmocka_unit_test_setup(test_refuse_missing, setup),
		cmocka_unit_test_setup(test_refuse_huge_path, setup),
		cmocka_unit_test_setup(test_refuse_text, setup),
		cmocka_unit_test_setup(test_refuse_other_program, setup),
		cmocka_unit_test_setup(test_refuse_newer, setup),
		cmocka_unit_test_setup(test_refuse_readonly, setup),
		cmocka_unit_test_setup(test_open_concurrent_create, setup),
		cmocka_unit_test_setup(test_tx_commit_rollback, setup),
		cmocka_unit_test_setup(test_tx_constraint, setup),
		cmocka_unit_test_setup(test_tx_nested, setup),
		cmocka_unit_test_setup(test_tx_nested_deep, setup),
		cmocka_unit_test_setup(test_read, setup),
		cmocka_unit_test_setup(test_tx_busy, setup),
		cmocka_unit_test_setup(test_stmt_cache, setup),
		cmocka_unit_test_setup(test_backup, setup),
		cmocka_unit_test_setup(test_backup_existing, setup),
		cmocka_unit_test_setup(test_backup_fails_clean, setup),
		cmocka_unit_test_setup(test_backup_onto_itself, setup),
		cmocka_unit_test_setup(test_integrity, setup),
		cmocka_unit_test_setup(test_meta, setup),
		cmocka_unit_test_setup(test_is_demo, setup),
		cmocka_unit_test_setup(test_wal_bounded, setup),
	};
	int rc;

	test_locale();
	config_defaults(&cfg);
	test_tmpdir();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	return rc;
}
