/*
 * dbint.h: what the files of src/db/ share: the statement cache, named
 * binding helpers and the mapping of SQLite errors to ours.  Included only
 * inside src/db/ (it is the one header besides sqlite3.h that carries SQLite
 * types).
 */
#ifndef FD_DB_DBINT_H
#define FD_DB_DBINT_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct db;

/*
 * The cached statement for sql (prepared once per connection with
 * SQLITE_PREPARE_PERSISTENT; the cache is keyed by the pointer, so pass the
 * entry of the module's static table).  Surplus SQL after the first
 * statement is a bug.  Returns NULL with the error set (ERR_DB).
 */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* Bind by :name.  An unknown name is a programmer error (BUG).  Return 0 or
 * ERR_DB.  Text is bound SQLITE_TRANSIENT, so temporaries are safe; NULL
 * binds SQL NULL. */
int db_bind_text(sqlite3_stmt *st, const char *name, const char *s);
int db_bind_i64(sqlite3_stmt *st, const char *name, int64_t v);
int db_bind_null(sqlite3_stmt *st, const char *name);
int db_bind_blob(sqlite3_stmt *st, const char *name, const void *p, int n);

/*
 * db_stmt() with :name bound to v, the shape of most reads (a row or the
 * rows of one id).  Returns NULL with the error set (ERR_DB), the statement
 * reset, when it cannot be prepared or bound.
 */
sqlite3_stmt *db_stmt_i64(struct db *db, const char *sql, const char *name,
    int64_t v);

/* The same with two integers bound. */
sqlite3_stmt *db_stmt_i64x2(struct db *db, const char *sql, const char *n1,
    int64_t v1, const char *n2, int64_t v2);

/* Reset a cached statement and clear its bindings; safe on NULL. */
void db_done(sqlite3_stmt *st);

/*
 * Step st once expecting no row (INSERT/UPDATE), then db_done().
 * Returns 0 or the mapped error.
 */
int db_step_done(struct db *db, sqlite3_stmt *st);

/*
 * Read the connection's error right now, log it with st's SQL, set the
 * user's message, and return our code: constraint UNIQUE/PRIMARYKEY ->
 * ERR_CONFLICT, FOREIGNKEY/CHECK/NOTNULL/TRIGGER -> ERR_INVALID, BUSY/LOCKED
 * -> ERR_BUSY, FULL/IOERR/READONLY/CANTOPEN -> ERR_IO, others ERR_DB.
 * st may be NULL.  Does not reset st.
 */
int db_fail(struct db *db, sqlite3_stmt *st);

/* Same, for a result code from a call other than step (what: for the log). */
int db_fail_rc(struct db *db, int rc, const char *what);

/* Run SQL without results or parameters (schema, pragmas).  0 or error. */
int db_exec(struct db *db, const char *sql);

/* A text column as a new string (NULL for SQL NULL).  Caller frees. */
char *db_col_text(sqlite3_stmt *st, int col);

/* The same, "" for SQL NULL (never NULL).  Caller frees. */
char *db_col_str(sqlite3_stmt *st, int col);

/* A text column copied into buf ("" for SQL NULL), cut at bufsz. */
void db_col_buf(sqlite3_stmt *st, int col, char *buf, size_t bufsz);

/*
 * Room for one more element in v, which holds n of *cap: returns v, or v
 * grown (doubling, 16 at first) with *cap updated.  Never NULL.
 */
void *db_grow(void *v, int n, int *cap, size_t size);

/* The sqlite3 handle, for the few db/ files that need it. */
sqlite3 *db_handle(struct db *db);

/* sqlite3_changes() of the last statement. */
int db_changes(struct db *db);

/* sqlite3_last_insert_rowid(). */
int64_t db_last_id(struct db *db);

#endif
