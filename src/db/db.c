/*
 * db.c: the connection: opening and refusing files that are not ours,
 * pragmas, migrations, the statement cache, transactions with retry on
 * BUSY, error mapping, backup and integrity checks.  No business rules.
 */
#include "db/db.h"
#include "db/dbint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db/migrations.h"
#include "util/err.h"
#include "util/fsutil.h"
#include "util/i18n.h"
#include "util/log.h"
#include "util/xalloc.h"

/* "FDSK": PRAGMA application_id stamped on every frontdesk database. */
#define FD_APPLICATION_ID 0x4644534b

#define TX_TRIES 8 /* whole-transaction attempts on BUSY */

static void backoff(int attempt);

/* One cached statement, keyed by the address of its SQL text. */
struct stmt_slot {
	const char *sql;
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *h;
	char *path;
	struct stmt_slot *slots; /* open addressing, nslots a power of two */
	size_t nslots;
	size_t nused;
	int depth;               /* transaction nesting; 0 = none */
	long nprepared;
	int busy_ms;             /* the busy timeout db_open() was given */
	int wal_pages;           /* frames in the WAL after the last commit */
	long long page_size;     /* read by wal_bound() once; 0 before */
};

/*
 * The WAL is kept small (P7: < 16 MiB during a day of payments).  SQLite's
 * automatic checkpoint copies pages back every WAL_AUTO_PAGES, but it can
 * only start the WAL over when no reader is inside it; with desks reading
 * all day it may never find that moment and the file grows.  So after a
 * commit that leaves more than WAL_TRUNCATE_BYTES in it, the writer waits
 * briefly (WAL_TRUNCATE_WAIT_MS, not the full busy timeout: the payment is
 * committed already and must not wait on a slow reader) for the readers to
 * step out and truncates it.  When they do not, the next commit tries again.
 */
#define WAL_AUTO_PAGES 1000
#define WAL_TRUNCATE_BYTES (12LL * 1024 * 1024)
#define WAL_TRUNCATE_WAIT_MS 100

static int wal_hook(void *, sqlite3 *, const char *, int);

/* ---- errors ---------------------------------------------------------- */

static int
map_rc(int xrc)
{
	switch (xrc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return ERR_CONFLICT;
	}
	switch (xrc & 0xff) {
	case SQLITE_CONSTRAINT:
		return ERR_INVALID;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ERR_BUSY;
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return ERR_IO;
	case SQLITE_NOMEM:
		return ERR_NOMEM;
	}
	return ERR_DB;
}

/* The message for the counter for an SQLite failure of code xrc. */
static int
set_db_msg(int code, int xrc, const char *errmsg)
{
	switch (xrc & 0xff) {
	case SQLITE_FULL:
		return err_set(code, _("the disk is full: nothing was saved; "
				       "free some space and try again"));
	case SQLITE_READONLY:
		return err_set(code, _("the database is read-only: nothing was "
				       "saved; ask the administrator for write "
				       "access"));
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return err_set(code, _("the database file could not be written: "
				       "nothing was saved; details are in the "
				       "log"));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return err_set(code, _("the database file is damaged; run "
				       "'frontdesk check' and restore a backup"));
	}
	switch (code) {
	case ERR_CONFLICT:
		return err_set(code, _("this record already exists"));
	case ERR_INVALID:
		/* Our triggers speak for themselves. */
		if (errmsg != NULL && (xrc == SQLITE_CONSTRAINT_TRIGGER))
			return err_set(code, "%s", errmsg);
		return err_set(code, _("the change breaks a rule of the "
				       "records and was not saved"));
	case ERR_BUSY:
		return err_set(code, "%s", err_str(ERR_BUSY));
	}
	return err_set(code, "%s", err_str(code));
}

/*
 * A full disk shows up as SQLITE_FULL when the database or WAL grows, but as
 * an I/O error when the shared-memory file cannot be extended: ask errno.
 */
static int
disk_full(struct db *db, int xrc)
{
	int e;

	if ((xrc & 0xff) == SQLITE_FULL)
		return SQLITE_FULL;
	e = db->h != NULL ? sqlite3_system_errno(db->h) : 0;
	if ((xrc & 0xff) == SQLITE_IOERR && (e == ENOSPC || e == EDQUOT))
		return SQLITE_FULL;
	return xrc;
}

int
db_fail(struct db *db, sqlite3_stmt *st)
{
	int xrc = disk_full(db, sqlite3_extended_errcode(db->h));
	const char *msg = sqlite3_errmsg(db->h);
	int code = map_rc(xrc);

	log_debug("sqlite error %d (errno %d) '%s' in '%s'", xrc,
	    sqlite3_system_errno(db->h), msg,
	    st != NULL ? sqlite3_sql(st) : "?");
	return set_db_msg(code, xrc, msg);
}

int
db_fail_rc(struct db *db, int rc, const char *what)
{
	int xrc = db->h != NULL ? sqlite3_extended_errcode(db->h) : rc;
	const char *msg = db->h != NULL ? sqlite3_errmsg(db->h)
					: sqlite3_errstr(rc);

	if ((xrc & 0xff) != (rc & 0xff))
		xrc = rc;
	xrc = disk_full(db, xrc);
	log_debug("sqlite error %d '%s' in %s", xrc, msg, what);
	return set_db_msg(map_rc(xrc), xrc, msg);
}

/* ---- statement cache ------------------------------------------------- */

static size_t
slot_index(const struct db *db, const char *sql)
{
	size_t h = (size_t)(uintptr_t)sql;

	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ull;
	return (h >> 7) & (db->nslots - 1);
}

static void
cache_grow(struct db *db)
{
	struct stmt_slot *old = db->slots;
	size_t nold = db->nslots, i, j;

	db->nslots = nold ? nold * 2 : 64;
	db->slots = xcalloc(db->nslots, sizeof *db->slots);
	for (i = 0; i < nold; i++) {
		if (old[i].sql == NULL)
			continue;
		j = slot_index(db, old[i].sql);
		while (db->slots[j].sql != NULL)
			j = (j + 1) & (db->nslots - 1);
		db->slots[j] = old[i];
	}
	free(old);
}

sqlite3_stmt *
db_stmt(struct db *db, const char *sql)
{
	struct stmt_slot *s;
	const char *tail = NULL;
	size_t i;
	int rc;

	if (db->nused * 2 >= db->nslots)
		cache_grow(db);
	i = slot_index(db, sql);
	while (db->slots[i].sql != NULL && db->slots[i].sql != sql)
		i = (i + 1) & (db->nslots - 1);
	s = &db->slots[i];
	if (s->sql != NULL)
		return s->st;
	rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &s->st, &tail);
	if (rc != SQLITE_OK) {
		log_debug("cannot prepare '%s': %s", sql, sqlite3_errmsg(db->h));
		db_fail_rc(db, rc, "prepare");
		s->st = NULL;
		return NULL;
	}
	while (tail != NULL && (*tail == ' ' || *tail == '\n' ||
	    *tail == '\t' || *tail == ';'))
		tail++;
	if (tail != NULL && *tail != '\0')
		BUG("surplus SQL after statement: '%s'", tail);
	s->sql = sql;
	db->nused++;
	db->nprepared++;
	return s->st;
}

long
db_prepare_count(const struct db *db)
{
	return db->nprepared;
}

/* ---- binding and stepping ------------------------------------------- */

static int
param_index(sqlite3_stmt *st, const char *name)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i == 0)
		BUG("no parameter '%s' in '%s'", name, sqlite3_sql(st));
	return i;
}

static int
bind_rc(sqlite3_stmt *st, int rc)
{
	if (rc == SQLITE_OK)
		return 0;
	log_debug("bind failed (%d) in '%s'", rc, sqlite3_sql(st));
	return err_set(ERR_DB, "%s", err_str(ERR_DB));
}

int
db_bind_text(sqlite3_stmt *st, const char *name, const char *s)
{
	int i = param_index(st, name);

	if (s == NULL)
		return bind_rc(st, sqlite3_bind_null(st, i));
	return bind_rc(st, sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT));
}

int
db_bind_i64(sqlite3_stmt *st, const char *name, int64_t v)
{
	return bind_rc(st, sqlite3_bind_int64(st, param_index(st, name), v));
}

sqlite3_stmt *
db_stmt_i64(struct db *db, const char *sql, const char *name, int64_t v)
{
	sqlite3_stmt *st = db_stmt(db, sql);

	if (st != NULL && db_bind_i64(st, name, v) != 0) {
		db_done(st);
		return NULL;
	}
	return st;
}

sqlite3_stmt *
db_stmt_i64x2(struct db *db, const char *sql, const char *n1, int64_t v1,
    const char *n2, int64_t v2)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql, n1, v1);

	if (st != NULL && db_bind_i64(st, n2, v2) != 0) {
		db_done(st);
		return NULL;
	}
	return st;
}

int
db_bind_null(sqlite3_stmt *st, const char *name)
{
	return bind_rc(st, sqlite3_bind_null(st, param_index(st, name)));
}

int
db_bind_blob(sqlite3_stmt *st, const char *name, const void *p, int n)
{
	return bind_rc(st, sqlite3_bind_blob(st, param_index(st, name), p, n,
	    SQLITE_TRANSIENT));
}

void
db_done(sqlite3_stmt *st)
{
	if (st == NULL)
		return;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int
db_step_done(struct db *db, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	rc = (rc == SQLITE_DONE || rc == SQLITE_ROW) ? 0 : db_fail(db, st);
	db_done(st);
	return rc;
}

int
db_exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);

	if (rc == SQLITE_OK)
		return 0;
	log_debug("exec failed: %s", msg ? msg : "?");
	sqlite3_free(msg);
	return db_fail_rc(db, rc, sql);
}

char *
db_col_text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

char *
db_col_str(sqlite3_stmt *st, int col)
{
	char *s = db_col_text(st, col);

	return s != NULL ? s : xstrdup("");
}

void
db_col_buf(sqlite3_stmt *st, int col, char *buf, size_t bufsz)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	snprintf(buf, bufsz, "%s", t != NULL ? (const char *)t : "");
}

void *
db_grow(void *v, int n, int *cap, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 16;
	return xreallocarray(v, (size_t)*cap, size);
}

sqlite3 *
db_handle(struct db *db)
{
	return db->h;
}

int
db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

int64_t
db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

const char *
db_path(const struct db *db)
{
	return db->path;
}

/* ---- scalar helpers (not cached: used at open and by checks) --------- */

static int
query_int(struct db *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);

	if (rc != SQLITE_OK)
		return db_fail_rc(db, rc, sql);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		*out = 0;
		rc = 0;
	} else {
		rc = db_fail(db, st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* ---- open, migrate, close ------------------------------------------- */

int
db_schema_latest(void)
{
	return nmigrations;
}

int
db_schema_version(struct db *db)
{
	int64_t v = -1;

	if (query_int(db, "PRAGMA user_version", &v) != 0)
		return -1;
	return (int)v;
}

/* Refuse a file that is not an SQLite database at all. */
static int
check_header(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *fp = fopen(path, "rb");
	size_t n;

	if (fp == NULL)
		return 0; /* sqlite3_open reports it */
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	if (n == 0)
		return 0; /* empty: a new database */
	if (n < sizeof head || memcmp(head, magic, sizeof magic) != 0)
		return err_set(ERR_INVALID,
		    _("%s is not a frontdesk database (not an SQLite file); "
		      "check the path given with --db or [database] path"),
		    path);
	return 0;
}

/* Refuse a schema newer than this program. */
static int
too_new(int v)
{
	return err_set(ERR_INVALID,
	    _("the database is at schema version %d but this program knows "
	      "only up to %d: install the newer frontdesk"),
	    v, nmigrations);
}

/*
 * Apply the missing steps, each in its own IMMEDIATE transaction.  The
 * version is read again inside each transaction, so two desks starting at
 * once never apply a step twice.
 */
static int
migrate(struct db *db)
{
	int v = db_schema_version(db), rc;
	char sql[64];

	if (v < 0)
		return ERR_DB;
	if (v > nmigrations)
		return too_new(v);
	while (v < nmigrations) {
		if ((rc = db_exec(db, "BEGIN IMMEDIATE")) != 0)
			return rc;
		if ((v = db_schema_version(db)) < 0 || v >= nmigrations) {
			db_exec(db, "COMMIT");
			return v < 0 ? ERR_DB : v > nmigrations ? too_new(v) : 0;
		}
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
		if ((rc = db_exec(db, migrations[v])) != 0 ||
		    (rc = db_exec(db, sql)) != 0 ||
		    (rc = db_exec(db, "COMMIT")) != 0) {
			log_debug("migration %d failed", v + 1);
			db_exec(db, "ROLLBACK");
			return rc;
		}
		log_debug("migrated '%s' to schema %d", db->path, ++v);
	}
	return 0;
}

/*
 * Stamp a new file as ours, or refuse a file that belongs to someone else.
 * Runs before anything changes the file.  The tables are counted before the
 * id is read: a desk creating the file stamps it before it makes tables, so
 * a file another desk is creating at this moment is never taken for
 * another program's.
 */
static int
check_identity(struct db *db)
{
	int64_t appid = 0, ntables = 0;
	char sql[64];
	int rc;

	if ((rc = query_int(db, "SELECT count(*) FROM sqlite_schema",
	    &ntables)) != 0 ||
	    (rc = query_int(db, "PRAGMA application_id", &appid)) != 0)
		return rc;
	if (appid == FD_APPLICATION_ID)
		return 0;
	if (appid != 0 || ntables != 0)
		return err_set(ERR_INVALID,
		    _("%s is an SQLite database of another program, not a "
		      "frontdesk database; check the path"),
		    db->path);
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d",
	    FD_APPLICATION_ID);
	return db_exec(db, sql);
}

static int
set_pragmas(struct db *db)
{
	sqlite3_stmt *st = NULL;
	int rc, wal = 0;

	if ((rc = db_exec(db, "PRAGMA foreign_keys = ON")) != 0)
		return rc;
	rc = sqlite3_prepare_v2(db->h, "PRAGMA journal_mode = WAL", -1, &st,
	    NULL);
	if (rc != SQLITE_OK)
		return db_fail_rc(db, rc, "journal_mode");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		wal = strcmp((const char *)sqlite3_column_text(st, 0), "wal") ==
		      0;
	else
		rc = db_fail(db, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc;
	if (!wal)
		return err_set(ERR_IO, _("the database could not be switched to "
					 "WAL mode; is its folder writable?"));
	if ((rc = db_exec(db, "PRAGMA synchronous = FULL")) != 0)
		return rc;
	/* Keep the WAL from growing without bound while readers are busy. */
	return db_exec(db, "PRAGMA journal_size_limit = 16777216");
}

/* The checks a path must pass before SQLite touches it. */
static int
check_path(const char *path, int flags)
{
	int rc;

	if (path == NULL || path[0] == '\0')
		return err_set(ERR_INVALID, _("no database given: use --db PATH "
					      "or [database] path"));
	if (!fs_exists(path) && !(flags & DB_OPEN_CREATE))
		return err_set(ERR_NOTFOUND,
		    _("database %s does not exist; create it with 'frontdesk "
		      "init' or 'frontdesk demo'"),
		    path);
	if (fs_is_network(path))
		return err_set(ERR_INVALID,
		    _("%s is on a network file system, where SQLite cannot lock "
		      "safely; keep the database on a local disk of the host"),
		    path);
	if ((rc = check_header(path)) != 0)
		return rc;
	if (fs_exists(path) && access(path, W_OK) != 0)
		return err_set(ERR_IO,
		    _("database %s is read-only for this user; ask the "
		      "administrator for write access"),
		    path);
	return 0;
}

int
db_open(struct db **out, const char *path, int busy_timeout_ms, int flags)
{
	struct db *db;
	int rc, attempt, oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

	*out = NULL;
	if ((rc = check_path(path, flags)) != 0)
		return rc;
	if (flags & DB_OPEN_CREATE) {
		oflags |= SQLITE_OPEN_CREATE;
		if (fs_mkdirs_for(path) != 0)
			return err_set(ERR_IO, _("cannot create the folder for "
						 "database %s"), path);
	}
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &db->h, oflags, NULL);
	if (rc != SQLITE_OK) {
		log_debug("cannot open database '%s': %s", path,
		    db->h ? sqlite3_errmsg(db->h) : sqlite3_errstr(rc));
		rc = err_set(ERR_IO, _("cannot open database %s: %s"), path,
		    sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, busy_timeout_ms);
	db->busy_ms = busy_timeout_ms;
	sqlite3_wal_hook(db->h, wal_hook, db);
	/*
	 * Two desks creating the file at once can meet where SQLite cannot
	 * wait (changing the journal mode): each step is safe to repeat.
	 */
	for (attempt = 0;; attempt++) {
		if ((rc = check_identity(db)) == 0 &&
		    (rc = set_pragmas(db)) == 0)
			rc = migrate(db);
		if (rc != ERR_BUSY || attempt + 1 >= TX_TRIES)
			break;
		backoff(attempt);
	}
	if (rc != 0)
		goto fail;
	*out = db;
	return 0;
fail:
	if ((rc == ERR_DB || rc == ERR_IO) &&
	    (sqlite3_extended_errcode(db->h) & 0xff) == SQLITE_NOTADB)
		rc = err_set(ERR_INVALID,
		    _("%s is not a frontdesk database; check the path"), path);
	db_close(&db);
	return rc;
}

void
db_close(struct db **pdb)
{
	struct db *db = *pdb;
	size_t i;

	if (db == NULL)
		return;
	for (i = 0; i < db->nslots; i++)
		if (db->slots[i].st != NULL)
			sqlite3_finalize(db->slots[i].st);
	free(db->slots);
	if (db->h != NULL && sqlite3_close(db->h) != SQLITE_OK)
		log_debug("close '%s': %s", db->path, sqlite3_errmsg(db->h));
	free(db->path);
	free(db);
	*pdb = NULL;
}

int
db_checkpoint(struct db *db)
{
	int rc, nlog = 0, nckpt = 0;

	rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	    &nlog, &nckpt);
	if (rc != SQLITE_OK)
		return db_fail_rc(db, rc, "wal_checkpoint");
	if (nlog > 0 && nckpt < nlog)
		return err_set(ERR_BUSY, "%s", err_str(ERR_BUSY));
	return 0;
}

/* ---- transactions ---------------------------------------------------- */

int
db_in_tx(const struct db *db)
{
	return db->depth > 0;
}

/* Sleep a little longer after each failed attempt, with jitter. */
static void
backoff(int attempt)
{
	struct timespec ts;
	long ms = (5L << attempt) + rand() % 10;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	nanosleep(&ts, NULL);
}

static int
nested_tx(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	int rc, rc2;

	if ((rc = db_exec(db, "SAVEPOINT nested")) != 0)
		return rc;
	db->depth++;
	rc = fn(db, arg);
	db->depth--;
	if (rc != 0)
		db_exec(db, "ROLLBACK TO nested");
	rc2 = db_exec(db, "RELEASE nested");
	return rc != 0 ? rc : rc2;
}

/* Called by SQLite after each commit: the automatic checkpoint, and the
 * WAL's size noted for wal_bound(). */
static int
wal_hook(void *arg, sqlite3 *h, const char *name, int npages)
{
	struct db *db = arg;

	db->wal_pages = npages;
	if (npages >= WAL_AUTO_PAGES)
		sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_PASSIVE,
		    NULL, NULL);
	return SQLITE_OK;
}

/* After a commit: truncate a WAL that has grown past WAL_TRUNCATE_BYTES,
 * waiting at most WAL_TRUNCATE_WAIT_MS for readers.  Failing is harmless. */
static void
wal_bound(struct db *db)
{
	sqlite3_stmt *st;
	int rc, nlog = 0, nckpt = 0;

	if (db->page_size == 0) { /* it never changes once the file exists */
		db->page_size = 4096;
		if ((st = db_stmt(db, "PRAGMA page_size")) != NULL &&
		    sqlite3_step(st) == SQLITE_ROW)
			db->page_size = sqlite3_column_int64(st, 0);
		db_done(st);
	}
	if ((long long)db->wal_pages * db->page_size < WAL_TRUNCATE_BYTES)
		return;
	sqlite3_busy_timeout(db->h, WAL_TRUNCATE_WAIT_MS);
	rc = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_TRUNCATE,
	    &nlog, &nckpt);
	sqlite3_busy_timeout(db->h, db->busy_ms);
	if (rc == SQLITE_OK)
		db->wal_pages = 0;
	else
		log_debug("WAL of %d pages not truncated yet: %s",
		    db->wal_pages, sqlite3_errstr(rc));
}

/* COMMIT, retried while readers hold the WAL (the transaction stays open). */
static int
commit(struct db *db)
{
	int rc, i;

	for (i = 0;; i++) {
		rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || i >= TX_TRIES)
			return db_fail_rc(db, rc, "COMMIT");
		backoff(i);
	}
}

int
db_tx(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	int rc, attempt;

	if (db->depth > 0)
		return nested_tx(db, fn, arg);
	for (attempt = 0;; attempt++) {
		rc = db_exec(db, "BEGIN IMMEDIATE");
		if (rc == 0) {
			db->depth = 1;
			rc = fn(db, arg);
			if (rc == 0)
				rc = commit(db);
			if (rc != 0 && !sqlite3_get_autocommit(db->h))
				sqlite3_exec(db->h, "ROLLBACK", NULL, NULL,
				    NULL);
			db->depth = 0;
			if (rc == 0)
				wal_bound(db);
		}
		if (rc != ERR_BUSY || attempt + 1 >= TX_TRIES)
			break;
		log_debug("transaction busy, attempt %d", attempt + 1);
		backoff(attempt);
	}
	return rc;
}

int
db_read(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	int rc;

	if (db->depth > 0)
		return fn(db, arg);
	if ((rc = db_exec(db, "BEGIN")) != 0)
		return rc;
	db->depth = 1;
	rc = fn(db, arg);
	db->depth = 0;
	sqlite3_exec(db->h, rc == 0 ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* ---- backup and integrity ------------------------------------------ */

/* 1 when a and b name the same existing file. */
static int
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
db_is_own_file(struct db *db, const char *path)
{
	static const char *const suffix[] = {"-wal", "-shm", "-journal"};
	size_t n = strlen(path), k, i;
	char *base;
	int own = same_file(path, db->path);

	/* "x.db-wal" is ours when "x.db" is, whether the WAL exists or not. */
	for (i = 0; i < sizeof suffix / sizeof suffix[0] && !own; i++) {
		k = strlen(suffix[i]);
		if (n <= k || strcmp(path + n - k, suffix[i]) != 0)
			continue;
		base = xstrndup(path, n - k);
		own = same_file(base, db->path);
		free(base);
	}
	return own;
}

int
db_backup(struct db *db, const char *path, int force)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *bk;
	char *tmp;
	int rc;

	/* Renamed over, the live file (or its WAL) would vanish under every
	 * open desk. */
	if (db_is_own_file(db, path))
		return err_set(ERR_INVALID, _("the backup must not overwrite "
					      "the database itself; choose "
					      "another file"));
	if (fs_exists(path) && !force)
		return err_set(ERR_CONFLICT,
		    _("%s already exists; choose another name or add --force"),
		    path);
	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	unlink(tmp);
	rc = sqlite3_open_v2(tmp, &dst,
	    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		bk = sqlite3_backup_init(dst, "main", db->h, "main");
		if (bk == NULL) {
			rc = sqlite3_errcode(dst);
		} else {
			/* All at once: one consistent snapshot, no restarts. */
			rc = sqlite3_backup_step(bk, -1);
			sqlite3_backup_finish(bk);
			rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
		}
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL,
		    NULL, NULL);
	if (sqlite3_close(dst) != SQLITE_OK && rc == SQLITE_OK)
		rc = SQLITE_IOERR;
	if (rc != SQLITE_OK) {
		log_debug("backup to '%s' failed: %s", tmp, sqlite3_errstr(rc));
		unlink(tmp);
		rc = err_set((rc & 0xff) == SQLITE_FULL ? ERR_IO : ERR_IO,
		    _("backup to %s failed: %s; nothing was written"), path,
		    sqlite3_errstr(rc));
	} else if (rename(tmp, path) != 0) {
		rc = err_set(ERR_IO, _("cannot write %s: %s"), path,
		    strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

/* Run a check pragma; the first row that is not "ok" is the problem. */
static int
check_pragma(struct db *db, const char *sql, int rows_mean_trouble)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL);
	const char *t;

	if (rc != SQLITE_OK)
		return db_fail_rc(db, rc, sql);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t = (const char *)sqlite3_column_text(st, 0);
		if (rows_mean_trouble)
			rc = err_set(ERR_STATE,
			    _("foreign key broken in table %s"), t ? t : "?");
		else if (t == NULL || strcmp(t, "ok") != 0)
			rc = err_set(ERR_STATE, _("database damaged: %s"),
			    t ? t : "?");
		else
			rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = db_fail(db, st);
	}
	sqlite3_finalize(st);
	return rc;
}

int
db_integrity(struct db *db, int full)
{
	int rc;

	rc = check_pragma(db, full ? "PRAGMA integrity_check(1)"
				   : "PRAGMA quick_check(1)", 0);
	if (rc == 0)
		rc = check_pragma(db, "PRAGMA foreign_key_check", 1);
	return rc;
}

/* ---- meta ------------------------------------------------------------ */

static const char *const sql_meta[] = {
	"SELECT value FROM meta WHERE key = :key",
	"INSERT INTO meta (key, value) VALUES (:key, :value) "
	"ON CONFLICT (key) DO UPDATE SET value = excluded.value",
};

int
db_meta_get(struct db *db, const char *key, char *buf, int bufsz)
{
	sqlite3_stmt *st = db_stmt(db, sql_meta[0]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":key", key)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		snprintf(buf, (size_t)bufsz, "%s",
		    (const char *)sqlite3_column_text(st, 0));
		rc = 0;
		break;
	case SQLITE_DONE:
		rc = ERR_NOTFOUND;
		break;
	default:
		rc = db_fail(db, st);
	}
out:
	db_done(st);
	return rc;
}

int
db_meta_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st = db_stmt(db, sql_meta[1]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":key", key)) != 0 ||
	    (rc = db_bind_text(st, ":value", value)) != 0) {
		db_done(st);
		return rc;
	}
	return db_step_done(db, st);
}

int
db_is_demo(struct db *db)
{
	char v[8];

	return db_meta_get(db, "demo", v, sizeof v) == 0 && strcmp(v, "1") == 0;
}
