/*
 * finder_db.c: the SQL behind the one search box.  Each kind of query is
 * one statement whose every arm runs on an index (see finder_db.h and
 * sql/0004_finder.sql); its rows are (house, why) in natural order and are
 * folded here into one hit per house, counted to the end for the total,
 * and only the first hits get their current owners.  No curses, read only.
 */
#include "db/finder_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db/db.h"
#include "db/dbint.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum {
	FINDER_SQL_HOUSE,
	FINDER_SQL_LAST4,
	FINDER_SQL_PHONE,
	FINDER_SQL_IDNO,
	FINDER_SQL_NAME,
	FINDER_SQL_NAME_SHORT,
	FINDER_SQL_FILL,
	FINDER_SQL_WHO,
	FINDER_SQL_CHECK,
};

/*
 * Every search gives rows (house id, code, state, use, match, id, name) in
 * natural order; m is a union of (house_id, match, mid, mname) arms.
 */
#define FINDER_WRAP_HEAD                                                       \
	"SELECT h.id, h.code, h.state, h.use, m.why, m.mid, m.mname"         \
	" FROM ("
#define FINDER_WRAP_TAIL                                                       \
	") m JOIN houses h ON h.id = m.house_id"                               \
	" ORDER BY h.building, h.entrance, h.room, m.why, m.mid"

/* An arm over owners holding a house now, with a condition on o. */
#define FINDER_OWNER_ARM(cond)                                                 \
	"SELECT g.house_id AS house_id, 1 AS why, o.id AS mid,"              \
	" o.name AS mname FROM owners o JOIN holdings g"                       \
	" ON g.owner_id = o.id AND g.until IS NULL WHERE " cond
/* An arm over occupants living in a house now. */
#define FINDER_OCC_ARM(cond)                                                   \
	"SELECT c.house_id, 2, c.id, c.name FROM occupants c"                  \
	" WHERE c.until IS NULL AND " cond

static const char *const sql[] = {
	[FINDER_SQL_HOUSE] =
	    "SELECT h.id, h.code, h.state, h.use, 0, 0, '' FROM houses h"
	    " WHERE h.code >= :lo AND h.code < :hi"
	    " ORDER BY h.building, h.entrance, h.room",
	[FINDER_SQL_LAST4] =
	    FINDER_WRAP_HEAD
	    FINDER_OWNER_ARM("substr(o.phone, -4) = :t")
	    " UNION ALL " FINDER_OWNER_ARM("substr(o.phone2, -4) = :t")
	    " UNION ALL " FINDER_OCC_ARM("substr(c.phone, -4) = :t")
	    FINDER_WRAP_TAIL,
	[FINDER_SQL_PHONE] =
	    FINDER_WRAP_HEAD
	    FINDER_OWNER_ARM("o.phone >= :lo AND o.phone < :hi")
	    " UNION ALL " FINDER_OWNER_ARM("o.phone2 >= :lo AND o.phone2 < :hi")
	    " UNION ALL " FINDER_OCC_ARM("c.phone >= :lo AND c.phone < :hi")
	    FINDER_WRAP_TAIL,
	[FINDER_SQL_IDNO] =
	    FINDER_WRAP_HEAD
	    FINDER_OWNER_ARM("o.id_no >= :lo AND o.id_no < :hi")
	    " UNION ALL " FINDER_OCC_ARM("c.id_no >= :lo AND c.id_no < :hi")
	    FINDER_WRAP_TAIL,
	[FINDER_SQL_NAME] =
	    FINDER_WRAP_HEAD
	    FINDER_OWNER_ARM("o.id IN (SELECT rowid FROM owners_fts"
			     " WHERE owners_fts MATCH :q)")
	    " UNION ALL " FINDER_OCC_ARM("c.id IN (SELECT rowid FROM"
					 " occupants_fts WHERE occupants_fts"
					 " MATCH :q)")
	    FINDER_WRAP_TAIL,
	/* light rows (house, why, whom): the rest for the first hits only */
	[FINDER_SQL_NAME_SHORT] =
	    "SELECT house_id, kind, person FROM name_grams"
	    " WHERE gram = lower(:t) ORDER BY house_key, kind, person",
	/*
	 * The first hits, in one statement each (json_each over their ids
	 * rather than a statement per hit): every house with its current
	 * owners; for the light rows, whose name matched (owner ids > 0,
	 * occupant ids < 0).
	 */
	[FINDER_SQL_FILL] =
	    "SELECT j.key, h.code, h.state, h.use, o.id, o.name, o.phone"
	    " FROM json_each(:ids) j JOIN houses h ON h.id = j.value"
	    " LEFT JOIN holdings g ON g.house_id = h.id AND g.until IS NULL"
	    " LEFT JOIN owners o ON o.id = g.owner_id"
	    " ORDER BY j.key, g.since, g.id",
	[FINDER_SQL_CHECK] =
	    "SELECT (SELECT count(*) FROM holdings g WHERE g.until IS NULL"
	    "   AND NOT EXISTS (SELECT 1 FROM name_grams n"
	    "   WHERE n.house_id = g.house_id AND n.kind = 1"
	    "   AND n.person = g.owner_id))"
	    " + (SELECT count(*) FROM occupants c WHERE c.until IS NULL"
	    "   AND NOT EXISTS (SELECT 1 FROM name_grams n"
	    "   WHERE n.house_id = c.house_id AND n.kind = 2"
	    "   AND n.person = c.id))",
	[FINDER_SQL_WHO] =
	    "SELECT j.key, CASE WHEN j.value > 0"
	    " THEN (SELECT name FROM owners WHERE id = j.value)"
	    " ELSE (SELECT name FROM occupants WHERE id = -j.value) END"
	    " FROM json_each(:ids) j",
};

/* The value of a stored code in set (the schema's CHECK keeps it known). */
static int
finder_code_value(enum household_set set, const unsigned char *code)
{
	int i, n = household_count(set);

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp((const char *)code, household_code(set, i)) == 0)
			return i;
	return 0;
}

/* A text column, "" for NULL.  Caller frees. */
static char *
finder_col(sqlite3_stmt *st, int col)
{
	char *s = db_col_text(st, col);

	return s != NULL ? s : xstrdup("");
}

void
finder_hit_release(struct finder_hit *h)
{
	if (h == NULL)
		return;
	FREE(&h->code);
	FREE(&h->owner_names);
	FREE(&h->owner_phone);
	FREE(&h->matched_name);
}

void
finder_result_release(struct finder_result *r)
{
	int i;

	for (i = 0; i < r->nhits; i++)
		finder_hit_release(&r->hits[i]);
	FREE(&r->hits);
	r->nhits = 0;
	r->total = 0;
}

/*
 * The upper end of a prefix range: the prefix with its last byte raised, so
 * that lo <= x < hi holds for exactly the texts starting with lo.  A last
 * byte of 0xff (not in valid UTF-8) cannot happen.
 */
static void
finder_prefix_hi(const char *lo, char *hi, size_t hisz)
{
	size_t n;

	snprintf(hi, hisz, "%s", lo);
	n = strlen(hi);
	if (n > 0)
		hi[n - 1] = (char)((unsigned char)hi[n - 1] + 1);
}

/* The FTS5 query for a name: one phrase, quotes doubled. */
static void
finder_fts_phrase(const char *t, struct strbuf *sb)
{
	strbuf_addch(sb, '"');
	for (; *t != '\0'; t++) {
		if (*t == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *t);
	}
	strbuf_addch(sb, '"');
}

/* Bind q to the statement of its kind.  OUT: *which. */
static int
finder_bind(struct db *db, const struct finder_query *q, sqlite3_stmt **out)
{
	static const int which[] = {
		[FINDER_HOUSE] = FINDER_SQL_HOUSE,
		[FINDER_PHONE_LAST4] = FINDER_SQL_LAST4,
		[FINDER_PHONE] = FINDER_SQL_PHONE,
		[FINDER_IDNO] = FINDER_SQL_IDNO,
		[FINDER_NAME] = FINDER_SQL_NAME,
		[FINDER_NAME_SHORT] = FINDER_SQL_NAME_SHORT,
	};
	char hi[FINDER_BUFSZ];
	struct strbuf sb = STRBUF_INIT;
	sqlite3_stmt *st;
	int rc = 0;

	*out = NULL;
	if ((st = db_stmt(db, sql[which[q->kind]])) == NULL)
		return ERR_DB;
	switch (q->kind) {
	case FINDER_HOUSE:
	case FINDER_PHONE:
	case FINDER_IDNO:
		finder_prefix_hi(q->text, hi, sizeof hi);
		if ((rc = db_bind_text(st, ":lo", q->text)) == 0)
			rc = db_bind_text(st, ":hi", hi);
		break;
	case FINDER_NAME:
		finder_fts_phrase(q->text, &sb);
		rc = db_bind_text(st, ":q", sb.buf);
		strbuf_release(&sb);
		break;
	default:
		rc = db_bind_text(st, ":t", q->text);
	}
	if (rc != 0) {
		db_done(st);
		return rc;
	}
	*out = st;
	return 0;
}

/*
 * Start a hit from the current row of a search: (house id, code, state,
 * use, why, id, name), or the light (house id, why, id) of the short-name
 * path, whose other fields finder_fill() adds.
 */
static void
finder_hit_from_row(sqlite3_stmt *st, struct finder_hit *h)
{
	int full = sqlite3_column_count(st) > 3, why;

	memset(h, 0, sizeof *h);
	h->house_id = sqlite3_column_int64(st, 0);
	why = sqlite3_column_int(st, full ? 4 : 1);
	h->match = why == 1 ? FINDER_BY_OWNER : why == 2 ? FINDER_BY_OCCUPANT :
	    FINDER_BY_HOUSE;
	h->matched_id = sqlite3_column_int64(st, full ? 5 : 2);
	h->owner_phone = xstrdup("");
	if (!full)
		return;
	h->code = finder_col(st, 1);
	h->state = (enum house_state)finder_code_value(HH_HOUSE_STATE,
	    sqlite3_column_text(st, 2));
	h->use = (enum house_use)finder_code_value(HH_HOUSE_USE,
	    sqlite3_column_text(st, 3));
	h->matched_name = finder_col(st, 6);
}

/* A JSON array of the hits' house ids, or of whom each light hit matched. */
static void
finder_ids(const struct finder_result *r, int who, struct strbuf *sb)
{
	const struct finder_hit *h;
	int i;

	strbuf_reset(sb);
	strbuf_addch(sb, '[');
	for (i = 0; i < r->nhits; i++) {
		h = &r->hits[i];
		strbuf_addf(sb, "%s%lld", i > 0 ? "," : "", (long long)(!who ?
		    h->house_id : h->match == FINDER_BY_OWNER ? h->matched_id :
		    -h->matched_id));
	}
	strbuf_addch(sb, ']');
}

/* Add one row of FINDER_SQL_FILL (a house and one of its owners) to h. */
static void
finder_fill_row(sqlite3_stmt *st, struct finder_hit *h, struct strbuf *names)
{
	if (h->code == NULL) {
		h->code = finder_col(st, 1);
		h->state = (enum house_state)finder_code_value(HH_HOUSE_STATE,
		    sqlite3_column_text(st, 2));
		h->use = (enum house_use)finder_code_value(HH_HOUSE_USE,
		    sqlite3_column_text(st, 3));
	}
	if (sqlite3_column_type(st, 4) == SQLITE_NULL)
		return;
	if (names->len > 0)
		strbuf_adds(names, "、");
	strbuf_adds(names, (const char *)sqlite3_column_text(st, 5));
	if (h->owner_id == 0) {
		h->owner_id = sqlite3_column_int64(st, 4);
		FREE(&h->owner_phone);
		h->owner_phone = finder_col(st, 6);
	}
}

/* Every hit's house and current owners: names joined by "、", first phone. */
static int
finder_fill(struct db *db, struct finder_result *r, struct strbuf *ids)
{
	sqlite3_stmt *st = db_stmt(db, sql[FINDER_SQL_FILL]);
	struct strbuf names = STRBUF_INIT;
	int step, rc, k, cur = -1;

	if (st == NULL)
		return ERR_DB;
	finder_ids(r, 0, ids);
	if ((rc = db_bind_text(st, ":ids", ids->buf)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		k = sqlite3_column_int(st, 0);
		if (k < 0 || k >= r->nhits)
			continue;
		if (k != cur) {
			if (cur >= 0)
				r->hits[cur].owner_names =
				    strbuf_detach(&names, NULL);
			cur = k;
		}
		finder_fill_row(st, &r->hits[k], &names);
	}
	if (cur >= 0)
		r->hits[cur].owner_names = strbuf_detach(&names, NULL);
	if (step != SQLITE_DONE)
		rc = db_fail(db, st);
out:
	db_done(st);
	strbuf_release(&names);
	return rc;
}

/* The names that matched, for the light hits of the short-name path. */
static int
finder_who(struct db *db, struct finder_result *r, struct strbuf *ids)
{
	sqlite3_stmt *st = db_stmt(db, sql[FINDER_SQL_WHO]);
	int step, rc, k;

	if (st == NULL)
		return ERR_DB;
	finder_ids(r, 1, ids);
	if ((rc = db_bind_text(st, ":ids", ids->buf)) != 0)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		k = sqlite3_column_int(st, 0);
		if (k >= 0 && k < r->nhits && r->hits[k].matched_name == NULL)
			r->hits[k].matched_name = finder_col(st, 1);
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, st);
out:
	db_done(st);
	return rc;
}

int
finder_db_search(struct db *db, const struct finder_query *q, int limit,
    struct finder_result *out)
{
	struct strbuf ids = STRBUF_INIT;
	sqlite3_stmt *st;
	int64_t last = 0, id;
	int step, rc, i;

	memset(out, 0, sizeof *out);
	if (q->kind == FINDER_EMPTY || q->text[0] == '\0')
		return 0;
	if (limit < 1 || limit > FINDER_LIMIT)
		limit = FINDER_LIMIT;
	if ((rc = finder_bind(db, q, &st)) != 0)
		return rc;
	out->hits = xcalloc((size_t)limit, sizeof *out->hits);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		/* rows of one house are together: keep the first */
		if ((id = sqlite3_column_int64(st, 0)) == last)
			continue;
		last = id;
		if (out->nhits < limit)
			finder_hit_from_row(st, &out->hits[out->nhits++]);
		out->total++;
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	if (rc == 0 && out->nhits > 0 &&
	    (rc = finder_fill(db, out, &ids)) == 0 &&
	    out->hits[0].matched_name == NULL)
		rc = finder_who(db, out, &ids);
	/* whatever a hit still lacks (a house gone in between) is "" */
	for (i = 0; rc == 0 && i < out->nhits; i++) {
		if (out->hits[i].code == NULL)
			out->hits[i].code = xstrdup("");
		if (out->hits[i].owner_names == NULL)
			out->hits[i].owner_names = xstrdup("");
		if (out->hits[i].matched_name == NULL)
			out->hits[i].matched_name = xstrdup("");
	}
	strbuf_release(&ids);
	if (rc != 0)
		finder_result_release(out);
	else if (out->nhits == 0)
		FREE(&out->hits);
	return rc;
}

int
finder_db_check(struct db *db, int64_t *missing)
{
	sqlite3_stmt *st = db_stmt(db, sql[FINDER_SQL_CHECK]);
	int rc = 0;

	if (st == NULL)
		return ERR_DB;
	if (sqlite3_step(st) == SQLITE_ROW)
		*missing = sqlite3_column_int64(st, 0);
	else
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}
