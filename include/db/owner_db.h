/*
 * owner_db.h: SQL of owners (业主), their holdings of houses (产权: from/to
 * dates, history kept) and the occupants of houses (使用人: family,
 * tenants).  No business rules (svc validates and audits); never deletes:
 * a holding or an occupancy ends with a date.  Edits carry the version
 * read, so a change made at another desk in between is refused.
 *
 * Dates are "YYYY-MM-DD" text in fixed buffers ("" for none).  Phone and ID
 * numbers are stored raw (canonical forms); the UI masks them.
 */
#ifndef FD_DB_OWNER_DB_H
#define FD_DB_OWNER_DB_H

#include <stdint.h>

#include "core/date.h"
#include "core/household.h"

struct db;

/* ---- owners --------------------------------------------------------------- */

/* One owner.  Strings owned ("" when empty); free with owner_release(). */
struct owner {
	int64_t id;
	enum owner_kind kind;
	char *name;             /* 张三, or a company's name */
	char *phone;            /* canonical (phone_parse) or "" */
	char *phone2;           /* second number or "" */
	enum id_type id_type;
	char *id_no;            /* canonical ID / passport number, "" for none */
	char move_in[DATE_BUFSZ]; /* 入住日期, "" when not moved in */
	char *emergency_name;   /* 紧急联系人, "" */
	char *emergency_phone;  /* canonical or "" */
	char *notes;            /* "" */
	int64_t version;        /* 1 on insert, +1 on every update */
	int64_t created_at;
	int64_t updated_at;
};

/* Free the strings of o (not o). */
void owner_release(struct owner *o);

/* A caller-owned list of owners. */
struct owner_vec {
	struct owner *v; /* xmalloc'd; NULL when n is 0 */
	int n;
};

/* Free every owner and the array; v becomes empty. */
void owner_vec_release(struct owner_vec *v);

/* By id.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int owner_db_get(struct db *db, int64_t id, struct owner *out);

/*
 * Owners with this document number (any type), oldest first: the import
 * uses it to find an owner already on file.
 * OUT: *out (owner_vec_release()).  0 or an error.
 */
int owner_db_find_idno(struct db *db, const char *id_no,
    struct owner_vec *out);

/*
 * Insert o (id, version, times ignored; version starts at 1).
 * OUT: *id when not NULL.  0, ERR_INVALID (a CHECK failed) or an error.
 */
int owner_db_insert(struct db *db, const struct owner *o, int64_t now,
    int64_t *id);

/*
 * Update every field of owner o->id when its version is still o->version.
 * Returns 0, ERR_NOTFOUND, ERR_STATE (the version moved on; no message
 * set), or an error.
 */
int owner_db_update(struct db *db, const struct owner *o, int64_t now);

/* Number of owners.  OUT: *n. */
int owner_db_count(struct db *db, int64_t *n);

/* ---- holdings ------------------------------------------------------------- */

/* One holding: an owner holds a house from since until until (产权). */
struct holding {
	int64_t id;
	int64_t house_id;
	int64_t owner_id;
	char since[DATE_BUFSZ]; /* first day held */
	char until[DATE_BUFSZ]; /* "" while current; else the day it ended
				   (the transfer date: the next owner's since) */
};

/* A holding with its owner (and the house's code), for listings. */
struct holding_owner {
	struct holding h;
	struct owner o;         /* owned strings: holding_owner_release() */
	char *house_code;       /* "3-2-1502" */
};

/* Free the strings of r (not r). */
void holding_owner_release(struct holding_owner *r);

/* A caller-owned list of holdings with owners. */
struct holding_vec {
	struct holding_owner *v;
	int n;
};

/* Free every row and the array; v becomes empty. */
void holding_vec_release(struct holding_vec *v);

/* By id.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int owner_db_holding_get(struct db *db, int64_t id, struct holding *out);

/*
 * Open a holding of house_id by owner_id from since (until NULL).
 * OUT: *id when not NULL.  0, ERR_INVALID (no such house or owner; a bad
 * date) or an error.
 */
int owner_db_holding_insert(struct db *db, int64_t house_id,
    int64_t owner_id, const char *since, int64_t *id);

/*
 * End holding id on until (>= its since; the DAL does not check that svc
 * rule beyond the schema's CHECK).  Only an open holding is ended.
 * 0, ERR_NOTFOUND (none open with that id), ERR_INVALID (until < since) or
 * an error.
 */
int owner_db_holding_end(struct db *db, int64_t id, const char *until);

/*
 * The holdings of a house with their owners: current (open) ones when
 * current is 1, ended ones (newest end first) when 0.
 * OUT: *out (holding_vec_release()).  0 or an error.
 */
int owner_db_holdings_of_house(struct db *db, int64_t house_id, int current,
    struct holding_vec *out);

/*
 * The holdings of an owner (current first, then ended, newest first), each
 * with the house code.
 * OUT: *out (holding_vec_release()).  0 or an error.
 */
int owner_db_holdings_of_owner(struct db *db, int64_t owner_id,
    struct holding_vec *out);

/*
 * Call fn for every holding (current and ended) with its owner and house
 * code, by house in natural order then since, for exports.  Valid only
 * during the call.  Stops when fn returns non-zero and returns that value.
 */
int owner_db_each_holding(struct db *db,
    int (*fn)(const struct holding_owner *r, void *arg), void *arg);

/* ---- occupants ------------------------------------------------------------ */

/* One occupant (使用人) of a house. */
struct occupant {
	int64_t id;
	int64_t house_id;
	char *name;
	enum occupant_relation relation;
	char *relation_note;    /* 配偶, 儿子, 公司员工 ...; "" */
	char *phone;            /* canonical or "" */
	enum id_type id_type;
	char *id_no;            /* "" for none */
	char since[DATE_BUFSZ];
	char until[DATE_BUFSZ]; /* "" while living there */
	char *notes;
	int64_t version;
	int64_t created_at;
	int64_t updated_at;
};

/* Free the strings of o (not o). */
void occupant_release(struct occupant *o);

/* A caller-owned list of occupants. */
struct occupant_vec {
	struct occupant *v;
	int n;
};

/* Free every occupant and the array; v becomes empty. */
void occupant_vec_release(struct occupant_vec *v);

/* By id.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int owner_db_occupant_get(struct db *db, int64_t id, struct occupant *out);

/* Insert o (id, version, times ignored).  OUT: *id when not NULL. */
int owner_db_occupant_insert(struct db *db, const struct occupant *o,
    int64_t now, int64_t *id);

/*
 * Update every field of occupant o->id (until included) when its version is
 * still o->version.  0, ERR_NOTFOUND, ERR_STATE (version moved on; no
 * message) or an error.
 */
int owner_db_occupant_update(struct db *db, const struct occupant *o,
    int64_t now);

/*
 * The occupants of a house: current ones (by since) when current is 1,
 * former ones (newest end first) when 0.
 * OUT: *out (occupant_vec_release()).  0 or an error.
 */
int owner_db_occupants_of_house(struct db *db, int64_t house_id, int current,
    struct occupant_vec *out);

/*
 * Count who lives in a house now (for household_state_follow()): current
 * owners moved in on or before today, current family/other occupants,
 * current tenants.  today is "YYYY-MM-DD".  OUT: *p.  0 or an error.
 */
int owner_db_people(struct db *db, int64_t house_id, const char *today,
    struct house_people *p);

/* ---- invariants, for `frontdesk check` ------------------------------------ */

/*
 * Count rows that break the household invariants:
 *   overlaps: pairs of holdings of the same owner and house whose periods
 *             overlap;
 *   backwards: holdings or occupancies with until < since;
 *   orphans: current holdings of houses that do not exist or occupants of
 *            missing houses (foreign keys should prevent it).
 * OUT: each when not NULL.  0 or an error.
 */
int owner_db_check(struct db *db, int64_t *overlaps, int64_t *backwards,
    int64_t *orphans);

#endif
