/*
 * house_db.h: SQL of the houses table (房屋) and the building grid (楼盘表).
 * No business rules (svc validates and audits); never deletes.  Edits carry
 * the version read, so a change made at another desk in between is refused
 * instead of overwritten.
 */
#ifndef FD_DB_HOUSE_DB_H
#define FD_DB_HOUSE_DB_H

#include <stdint.h>

#include "core/household.h"
#include "core/houseno.h"

struct db;

/* One house.  Strings owned; free with house_release(). */
struct house {
	int64_t id;
	int building;           /* 楼栋 */
	int entrance;           /* 单元 */
	int room;               /* floor * 100 + unit: 1502 */
	int floor;              /* 15 for room 1502 */
	char *code;             /* "3-2-1502" (houseno_format) */
	int64_t area_centi;     /* floor area (建筑面积), hundredths of m², > 0 */
	enum house_use use;
	enum house_state state;
	char *notes;            /* "" when none */
	int64_t version;        /* 1 on insert, +1 on every update */
	int64_t created_at;     /* unix time */
	int64_t updated_at;
};

/* Free the strings of h (not h); h may then be reused. */
void house_release(struct house *h);

/* A caller-owned list of houses. */
struct house_vec {
	struct house *v; /* xmalloc'd; NULL when n is 0 */
	int n;
};

/* Free every house and the array; v becomes empty. */
void house_vec_release(struct house_vec *v);

/* By id.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int house_db_get(struct db *db, int64_t id, struct house *out);

/* By written code ("3-2-1502").  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int house_db_get_by_code(struct db *db, const char *code, struct house *out);

/*
 * Insert h (its id, version and times are ignored; version starts at 1,
 * created_at = updated_at = now).  The code is unique.
 * OUT: *id when not NULL.
 * Returns 0, ERR_CONFLICT (code taken; message set by the DAL, svc words
 * it), ERR_INVALID (a CHECK failed), or an error.
 */
int house_db_insert(struct db *db, const struct house *h, int64_t now,
    int64_t *id);

/*
 * Update every field of house h->id from h, when its version is still
 * h->version; the stored version becomes h->version + 1.
 * Returns 0, ERR_NOTFOUND (no such house), ERR_STATE (the version moved on:
 * changed at another desk; no message set, svc words it), ERR_CONFLICT
 * (code taken), or an error.
 */
int house_db_update(struct db *db, const struct house *h, int64_t now);

/*
 * Set only the state (and bump the version), whatever the version: for
 * svc when owners or occupants change (household_state_follow()).
 * 0, ERR_NOTFOUND or an error.
 */
int house_db_set_state(struct db *db, int64_t id, enum house_state state,
    int64_t now);

/* One cell of the building grid. */
struct house_cell {
	int64_t id;
	int entrance;
	int floor;
	int room;               /* 1502 */
	enum house_state state;
	enum house_use use;
};

/*
 * Every house of one building, by entrance, then floor from the top down,
 * then room (the grid's reading order), in one query.
 * OUT: *cells (xmalloc'd, NULL when none; caller frees), *ncells.
 * 0 or an error (then *cells NULL, *ncells 0).
 */
int house_db_grid(struct db *db, int building, struct house_cell **cells,
    int *ncells);

/*
 * The building numbers that have houses, ascending.
 * OUT: *buildings (xmalloc'd, NULL when none; caller frees), *n.
 * 0 or an error.
 */
int house_db_buildings(struct db *db, int **buildings, int *n);

/* Number of houses.  OUT: *n.  0 or an error. */
int house_db_count(struct db *db, int64_t *n);

/*
 * Call fn for every house in natural order (3-2-902 before 3-2-1502), for
 * exports.  The house is only valid during the call.  Stops when fn returns
 * non-zero and returns that value; else 0 or an error.
 */
int house_db_each(struct db *db, int (*fn)(const struct house *h, void *arg),
    void *arg);

#endif
