/*
 * audit_db.c: SQL of the audit log.  Each row's hash is BLAKE2b over the
 * previous row's hash and every field of the row, length-prefixed.  No
 * business rules here.
 */
#include "db/audit_db.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/dbint.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/xalloc.h"

enum {
	AUDIT_SQL_LAST,
	AUDIT_SQL_INSERT,
	AUDIT_SQL_WALK,
	AUDIT_SQL_RECENT,
	AUDIT_SQL_RECENT_ENTITY,
	AUDIT_SQL_COUNT,
	AUDIT_SQL_WINDOW,
	AUDIT_SQL_GET,
	AUDIT_SQL_MATCH,
};

#define AUDIT_ROW_COLS \
	"id, at, user_name, desk, action, entity, entity_id, summary"

static const char *const sql[] = {
	[AUDIT_SQL_LAST] =
	    "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
	[AUDIT_SQL_INSERT] =
	    "INSERT INTO audit_log (id, at, user_id, user_name, desk, action,"
	    " entity, entity_id, summary, prev_hash, hash) VALUES (:id, :at,"
	    " :user_id, :user_name, :desk, :action, :entity, :entity_id,"
	    " :summary, :prev, :hash)",
	[AUDIT_SQL_WALK] =
	    "SELECT id, at, user_id, user_name, desk, action, entity,"
	    " entity_id, summary, prev_hash, hash FROM audit_log ORDER BY id",
	[AUDIT_SQL_RECENT] =
	    "SELECT " AUDIT_ROW_COLS " FROM audit_log ORDER BY id DESC"
	    " LIMIT :max",
	[AUDIT_SQL_RECENT_ENTITY] =
	    "SELECT " AUDIT_ROW_COLS " FROM audit_log WHERE entity = :entity"
	    " AND entity_id = :eid ORDER BY id DESC LIMIT :max",
	/* ids are 1..N without gaps: the newest id is the count, O(1) */
	[AUDIT_SQL_COUNT] = "SELECT coalesce(max(id), 0) FROM audit_log",
	[AUDIT_SQL_WINDOW] =
	    "SELECT " AUDIT_ROW_COLS " FROM audit_log WHERE id BETWEEN :lo"
	    " AND :hi ORDER BY id DESC",
	[AUDIT_SQL_GET] =
	    "SELECT " AUDIT_ROW_COLS " FROM audit_log WHERE id = :id",
	[AUDIT_SQL_MATCH] =
	    "SELECT id FROM audit_log WHERE id BETWEEN :lo AND :hi AND"
	    " (user_name LIKE :pat ESCAPE '\\' OR action LIKE :pat ESCAPE '\\'"
	    " OR summary LIKE :pat ESCAPE '\\') ORDER BY id DESC",
};

/* The fields of a row as the chain sees them. */
struct chain_fields {
	int64_t id, at, user_id, entity_id;
	const char *user_name, *desk, *action, *entity, *summary;
};

static void
add_i64(struct secure_chain *c, int64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)((uint64_t)v >> (8 * i));
	secure_chain_add(c, b, sizeof b);
}

static void
add_str(struct secure_chain *c, const char *s)
{
	secure_chain_add(c, s ? s : "", s ? strlen(s) : 0);
}

/* hash = H(prev, id, at, user_id, user_name, desk, action, entity, ...) */
static void
row_hash(const unsigned char *prev, const struct chain_fields *f,
    unsigned char out[SECURE_HASH_BYTES])
{
	struct secure_chain c;

	secure_chain_init(&c);
	secure_chain_add(&c, prev, SECURE_HASH_BYTES);
	add_i64(&c, f->id);
	add_i64(&c, f->at);
	add_i64(&c, f->user_id);
	add_str(&c, f->user_name);
	add_str(&c, f->desk);
	add_str(&c, f->action);
	add_str(&c, f->entity);
	add_i64(&c, f->entity_id);
	add_str(&c, f->summary);
	secure_chain_final(&c, out);
}

/* OUT: *last_id and prev = the newest row's, or 0 and zeros when empty. */
static int
last_row(struct db *db, int64_t *last_id, unsigned char *prev)
{
	sqlite3_stmt *st = db_stmt(db, sql[AUDIT_SQL_LAST]);
	int rc = 0;

	*last_id = 0;
	memset(prev, 0, SECURE_HASH_BYTES);
	if (st == NULL)
		return ERR_DB;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		*last_id = sqlite3_column_int64(st, 0);
		if (sqlite3_column_bytes(st, 1) == SECURE_HASH_BYTES)
			memcpy(prev, sqlite3_column_blob(st, 1),
			    SECURE_HASH_BYTES);
		break;
	case SQLITE_DONE:
		break;
	default:
		rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

static int
bind_entry(sqlite3_stmt *st, const struct chain_fields *f)
{
	int rc;

	if ((rc = db_bind_i64(st, ":id", f->id)) != 0 ||
	    (rc = db_bind_i64(st, ":at", f->at)) != 0 ||
	    (rc = (f->user_id ? db_bind_i64(st, ":user_id", f->user_id)
			      : db_bind_null(st, ":user_id"))) != 0 ||
	    (rc = db_bind_text(st, ":user_name", f->user_name)) != 0 ||
	    (rc = db_bind_text(st, ":desk", f->desk)) != 0 ||
	    (rc = db_bind_text(st, ":action", f->action)) != 0 ||
	    (rc = db_bind_text(st, ":entity", f->entity)) != 0 ||
	    (rc = (f->entity_id ? db_bind_i64(st, ":entity_id", f->entity_id)
				: db_bind_null(st, ":entity_id"))) != 0)
		return rc;
	return db_bind_text(st, ":summary", f->summary);
}

int
audit_db_append(struct db *db, const struct audit_entry *e)
{
	unsigned char prev[SECURE_HASH_BYTES], hash[SECURE_HASH_BYTES];
	struct chain_fields f = {
		.at = e->at, .user_id = e->user_id, .entity_id = e->entity_id,
		.user_name = e->user_name ? e->user_name : "",
		.desk = e->desk ? e->desk : "", .action = e->action,
		.entity = e->entity, .summary = e->summary ? e->summary : "",
	};
	sqlite3_stmt *st;
	int rc;

	if (!db_in_tx(db))
		BUG("audit_db_append outside a transaction");
	/* Under the writer lock, so the id and the link are ours alone. */
	if ((rc = last_row(db, &f.id, prev)) != 0)
		return rc;
	f.id++;
	row_hash(prev, &f, hash);
	if ((st = db_stmt(db, sql[AUDIT_SQL_INSERT])) == NULL)
		return ERR_DB;
	if ((rc = bind_entry(st, &f)) != 0 ||
	    (rc = db_bind_blob(st, ":prev", prev, SECURE_HASH_BYTES)) != 0 ||
	    (rc = db_bind_blob(st, ":hash", hash, SECURE_HASH_BYTES)) != 0) {
		db_done(st);
		return rc;
	}
	return db_step_done(db, st);
}

/* Check one row of the walk against the previous hash; 0 or ERR_STATE. */
static int
verify_row(sqlite3_stmt *st, unsigned char *prev)
{
	unsigned char want[SECURE_HASH_BYTES];
	struct chain_fields f;

	f.id = sqlite3_column_int64(st, 0);
	f.at = sqlite3_column_int64(st, 1);
	f.user_id = sqlite3_column_int64(st, 2);
	f.user_name = (const char *)sqlite3_column_text(st, 3);
	f.desk = (const char *)sqlite3_column_text(st, 4);
	f.action = (const char *)sqlite3_column_text(st, 5);
	f.entity = (const char *)sqlite3_column_text(st, 6);
	f.entity_id = sqlite3_column_int64(st, 7);
	f.summary = (const char *)sqlite3_column_text(st, 8);
	if (sqlite3_column_bytes(st, 9) != SECURE_HASH_BYTES ||
	    memcmp(sqlite3_column_blob(st, 9), prev, SECURE_HASH_BYTES) != 0)
		return err_set(ERR_STATE,
		    _("audit chain broken at row %lld: it does not link to the "
		      "row before it (a row was removed or inserted)"),
		    (long long)f.id);
	row_hash(prev, &f, want);
	if (sqlite3_column_bytes(st, 10) != SECURE_HASH_BYTES ||
	    memcmp(sqlite3_column_blob(st, 10), want, SECURE_HASH_BYTES) != 0)
		return err_set(ERR_STATE,
		    _("audit chain broken at row %lld: the row was changed "
		      "after it was written"),
		    (long long)f.id);
	memcpy(prev, want, SECURE_HASH_BYTES);
	return 0;
}

int
audit_db_verify(struct db *db, int64_t *nrows)
{
	unsigned char prev[SECURE_HASH_BYTES] = {0};
	sqlite3_stmt *st = db_stmt(db, sql[AUDIT_SQL_WALK]);
	int64_t n = 0;
	int rc = 0, step;

	if (st == NULL)
		return ERR_DB;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = verify_row(st, prev)) != 0)
			break;
		n++;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	if (nrows != NULL)
		*nrows = n;
	return rc;
}

void
audit_row_release(struct audit_row *r)
{
	FREE(&r->user_name);
	FREE(&r->desk);
	FREE(&r->action);
	FREE(&r->entity);
	FREE(&r->summary);
}

/* Fill r from the AUDIT_ROW_COLS of st's current row. */
static void
row_from_stmt(sqlite3_stmt *st, struct audit_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->at = sqlite3_column_int64(st, 1);
	r->user_name = db_col_text(st, 2);
	r->desk = db_col_text(st, 3);
	r->action = db_col_text(st, 4);
	r->entity = db_col_text(st, 5);
	r->entity_id = sqlite3_column_int64(st, 6);
	r->summary = db_col_text(st, 7);
}

/* Step st (bound) for up to max rows into a new array.  OUT: *rows,
 * *nrows (NULL and 0 on error).  Resets st. */
static int
collect_rows(struct db *db, sqlite3_stmt *st, int max,
    struct audit_row **rows, int *nrows)
{
	struct audit_row *v;
	int n = 0, rc = 0, step = SQLITE_DONE;

	v = xcalloc((size_t)(max > 0 ? max : 1), sizeof *v);
	while (n < max && (step = sqlite3_step(st)) == SQLITE_ROW)
		row_from_stmt(st, &v[n++]);
	if (n < max && step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	if (rc != 0 || n == 0) {
		while (n > 0)
			audit_row_release(&v[--n]);
		FREE(&v);
	}
	*rows = v;
	*nrows = n;
	return rc;
}

int
audit_db_recent(struct db *db, const char *entity, int64_t entity_id, int max,
    struct audit_row **rows, int *nrows)
{
	sqlite3_stmt *st;
	int rc;

	*rows = NULL;
	*nrows = 0;
	st = db_stmt(db, sql[entity ? AUDIT_SQL_RECENT_ENTITY : AUDIT_SQL_RECENT]);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":max", max)) != 0 ||
	    (entity && ((rc = db_bind_text(st, ":entity", entity)) != 0 ||
	    (rc = db_bind_i64(st, ":eid", entity_id)) != 0))) {
		db_done(st);
		return rc;
	}
	return collect_rows(db, st, max, rows, nrows);
}

int
audit_db_count(struct db *db, int64_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[AUDIT_SQL_COUNT]);
	int rc = 0;

	*n = 0;
	if (st == NULL)
		return ERR_DB;
	if (sqlite3_step(st) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}

int
audit_db_window(struct db *db, int64_t lo, int64_t hi,
    struct audit_row **rows, int *nrows)
{
	sqlite3_stmt *st;
	int rc, max;

	*rows = NULL;
	*nrows = 0;
	if (lo < 1)
		lo = 1;
	if (hi < lo)
		return 0;
	max = hi - lo >= AUDIT_DB_WINDOW_MAX ? AUDIT_DB_WINDOW_MAX :
	    (int)(hi - lo + 1);
	if ((st = db_stmt(db, sql[AUDIT_SQL_WINDOW])) == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":lo", lo)) != 0 ||
	    (rc = db_bind_i64(st, ":hi", hi)) != 0) {
		db_done(st);
		return rc;
	}
	return collect_rows(db, st, max, rows, nrows);
}

int
audit_db_get(struct db *db, int64_t id, struct audit_row *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[AUDIT_SQL_GET]);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		row_from_stmt(st, out);
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

/* "%text%" for LIKE ... ESCAPE '\': the wildcards and the escape in text
 * stand for themselves.  Caller frees. */
static char *
like_pattern(const char *text)
{
	size_t n = strlen(text), i, k = 0;
	char *p = xmalloc(2 * n + 3);

	p[k++] = '%';
	for (i = 0; i < n; i++) {
		if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
			p[k++] = '\\';
		p[k++] = text[i];
	}
	p[k++] = '%';
	p[k] = '\0';
	return p;
}

int
audit_db_match_ids(struct db *db, const char *text, int64_t lo, int64_t hi,
    int64_t **ids, int *nids)
{
	sqlite3_stmt *st;
	char *pat;
	int64_t *v = *ids;
	size_t n = (size_t)*nids, cap = (size_t)*nids;
	int rc, step;

	if (text == NULL)
		text = "";
	if (strlen(text) > AUDIT_DB_MATCH_MAX)
		return err_set(ERR_INVALID, _("the search text is too long: "
		    "at most %d bytes"), AUDIT_DB_MATCH_MAX);
	if ((st = db_stmt(db, sql[AUDIT_SQL_MATCH])) == NULL)
		return ERR_DB;
	pat = like_pattern(text);
	if ((rc = db_bind_text(st, ":pat", pat)) != 0 ||
	    (rc = db_bind_i64(st, ":lo", lo)) != 0 ||
	    (rc = db_bind_i64(st, ":hi", hi)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW && n < INT_MAX) {
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = sqlite3_column_int64(st, 0);
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		rc = db_fail(db, st);
out:
	db_done(st);
	free(pat);
	*ids = v;
	*nids = (int)n;
	return rc;
}
