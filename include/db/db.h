/*
 * db.h: the connection to the one SQLite file, as the rest of the program
 * sees it (no SQLite types here; db/ internals are in db/dbint.h).
 */
#ifndef FD_DB_DB_H
#define FD_DB_DB_H

#include <stdint.h>

struct db; /* opaque: sqlite3 *, statement cache, transaction depth */

/* Open flags. */
enum db_open_flags {
	DB_OPEN_CREATE = 1 << 0, /* create the file when missing (init, demo) */
};

/*
 * Open path: refuse a network file system, a file that is not a frontdesk
 * database (application_id) and a schema newer than this program; set WAL,
 * synchronous=FULL, foreign_keys=ON and the busy timeout; then migrate to
 * the current schema, one transaction per step.
 * OUT: *out, closed with db_close().  Returns 0, ERR_NOTFOUND (missing file
 * without DB_OPEN_CREATE), ERR_INVALID (not ours, too new, network), ERR_IO
 * (cannot open or write) or ERR_DB; err_msg() says which and what to do.
 */
int db_open(struct db **out, const char *path, int busy_timeout_ms,
    int flags);

/* Finalize every cached statement and close; *pdb becomes NULL. */
void db_close(struct db **pdb);

/* The path given to db_open(). */
const char *db_path(const struct db *db);

/*
 * Run fn(db, arg) inside one write transaction (BEGIN IMMEDIATE; nested
 * calls become savepoints).  fn returns 0 to commit or an error to roll
 * back.  When the database is busy (another desk writing, or a snapshot gone
 * stale) the whole unit is rolled back and run again, a few times with a
 * growing pause, before ERR_BUSY is returned.  fn must therefore have no
 * effect outside the database until it returns.
 * Returns fn's result, or ERR_BUSY / ERR_DB / ERR_IO from the commit.
 */
int db_tx(struct db *db, int (*fn)(struct db *db, void *arg), void *arg);

/* 1 when a transaction is open on this connection. */
int db_in_tx(const struct db *db);

/*
 * Run a read-only function inside one read transaction, so everything it
 * reads is one consistent snapshot.  Returns fn's result.
 */
int db_read(struct db *db, int (*fn)(struct db *db, void *arg), void *arg);

/* The schema version this program writes, and the one the file is at. */
int db_schema_latest(void);
int db_schema_version(struct db *db);

/*
 * 1 when path names the open database file or one of SQLite's files beside
 * it (-wal, -shm, -journal; these whether they exist or not), under any
 * spelling of the path.  Replacing one of them would lose the data.
 */
int db_is_own_file(struct db *db, const char *path);

/*
 * Online snapshot of the open database into path (SQLite's backup API, never
 * a file copy), written to a temporary file beside it and renamed into
 * place.  An existing path is refused with ERR_CONFLICT unless force; the
 * database's own files (db_is_own_file) with ERR_INVALID, always.
 */
int db_backup(struct db *db, const char *path, int force);

/*
 * PRAGMA quick_check (full: integrity_check) and foreign_key_check.
 * Returns 0, or ERR_STATE with the first problem in err_msg().
 */
int db_integrity(struct db *db, int full);

/*
 * Copy everything in the WAL into the database file and empty the WAL
 * (a TRUNCATE checkpoint).  Call it before a file made by this program is
 * renamed into place (demo): a checkpoint that fails on close, say on a
 * full disk, would otherwise leave the data in a WAL that no longer
 * belongs to the file.  Returns 0, ERR_BUSY (another connection reading),
 * ERR_IO (disk full: the message says so) or ERR_DB.
 */
int db_checkpoint(struct db *db);

/* Number of statements prepared on this connection so far (bench P5). */
long db_prepare_count(const struct db *db);

/* Key/value facts about the file (table meta): "demo" = "1", "created". */
int db_meta_get(struct db *db, const char *key, char *buf, int bufsz);
int db_meta_set(struct db *db, const char *key, const char *value);

/* 1 when the file was made by `frontdesk demo`. */
int db_is_demo(struct db *db);

#endif
