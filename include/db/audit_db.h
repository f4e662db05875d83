/*
 * audit_db.h: the append-only audit log and its hash chain.
 */
#ifndef FD_DB_AUDIT_DB_H
#define FD_DB_AUDIT_DB_H

#include <stdint.h>

struct db;

/* One change, as svc describes it. */
struct audit_entry {
	int64_t at;            /* unix time of the change */
	int64_t user_id;       /* 0 when no account (a failed login) */
	const char *user_name; /* login name (as typed, for a failed login) */
	const char *desk;
	const char *action;    /* "user.add", "login.fail", ... */
	const char *entity;    /* "user", ... */
	int64_t entity_id;     /* 0 for none */
	const char *summary;   /* before/after, human-readable */
};

/*
 * Append e, chained to the last row.  Must run inside the caller's write
 * transaction (the chain needs the writer lock).  0 or an error.
 */
int audit_db_append(struct db *db, const struct audit_entry *e);

/*
 * Walk the whole chain.  Returns 0, or ERR_STATE with err_msg() naming the
 * first row whose link or hash is wrong.  OUT: *nrows when not NULL.
 */
int audit_db_verify(struct db *db, int64_t *nrows);

/* A row of the log, for listings.  Strings owned; free with audit_row_release. */
struct audit_row {
	int64_t id;
	int64_t at;
	char *user_name;
	char *desk;
	char *action;
	char *entity;
	int64_t entity_id;
	char *summary;
};

void audit_row_release(struct audit_row *r);

/*
 * The newest rows (up to max), newest first, optionally only of one entity
 * (entity NULL: all).  OUT: *rows (xmalloc'd array), *nrows; caller frees each
 * with audit_row_release() and then the array.
 */
int audit_db_recent(struct db *db, const char *entity, int64_t entity_id,
    int max, struct audit_row **rows, int *nrows);

/*
 * Rows in the log.  Ids run 1..N without a gap (each row is max(id)+1 under
 * the writer lock, and rows are never deleted), so this is also the newest
 * id: newest-first row i is id N-i.  OUT: *n (0 for an empty log).
 * 0 or an error.
 */
int audit_db_count(struct db *db, int64_t *n);

/*
 * The rows with ids lo..hi, newest first (at most AUDIT_DB_WINDOW_MAX; an
 * empty range gives none).  A window by id, never OFFSET, so any page of a
 * long log costs the same.  OUT: *rows (xmalloc'd, NULL when none),
 * *nrows; caller frees each with audit_row_release() and then the array.
 * 0 or an error.
 */
#define AUDIT_DB_WINDOW_MAX 4096
int audit_db_window(struct db *db, int64_t lo, int64_t hi,
    struct audit_row **rows, int *nrows);

/* One row by id.  OUT: *out (free with audit_row_release()).  0,
 * ERR_NOTFOUND or an error. */
int audit_db_get(struct db *db, int64_t id, struct audit_row *out);

/*
 * The ids in lo..hi of the rows whose user name, action or summary contains
 * text (literally: '%', '_' and '\' match only themselves; ASCII letters in
 * either case), newest first, appended to *ids.  A screen searches a large
 * log a slice of ids at a time, so no key waits for the whole log.  text ""
 * matches every row; text longer than AUDIT_DB_MATCH_MAX bytes is refused
 * with ERR_INVALID.
 * IN/OUT: *ids (xmalloc'd array or NULL), *nids; caller frees *ids, also
 * after an error (what was appended before it stays).
 */
#define AUDIT_DB_MATCH_MAX 1000
int audit_db_match_ids(struct db *db, const char *text, int64_t lo,
    int64_t hi, int64_t **ids, int *nids);

#endif
