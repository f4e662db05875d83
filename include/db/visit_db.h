/*
 * visit_db.h: SQL of the visit log (来访登记): who came to the desk or
 * called, about which house, why, what was said and done, and who received
 * them.  Append-only: no business rules, never updates or deletes.
 */
#ifndef FD_DB_VISIT_DB_H
#define FD_DB_VISIT_DB_H

#include <stdint.h>

#include "core/household.h"

struct db;

/* One visit.  Strings owned ("" when empty); free with visit_release(). */
struct visit {
	int64_t id;
	int64_t at;                  /* unix time */
	int64_t house_id;            /* 0 when about no house */
	char *house_code;            /* "3-2-1502", "" when none (read only) */
	enum visitor_kind visitor_kind;
	char *visitor_name;          /* "" when not given */
	char *phone;                 /* canonical or "" */
	enum visit_purpose purpose;
	char *content;               /* what was said */
	char *outcome;               /* what was done or promised; "" */
	int64_t receiver_id;         /* users.id of the receiver (接待人) */
	char *receiver_name;         /* the receiver's display name (read only) */
	char *desk;                  /* the desk that logged it */
};

/* Free the strings of v (not v). */
void visit_release(struct visit *v);

/* A caller-owned list of visits. */
struct visit_vec {
	struct visit *v;
	int n;
};

/* Free every visit and the array; vv becomes empty. */
void visit_vec_release(struct visit_vec *vv);

/*
 * Append v (its id, house_code and receiver_name are ignored).
 * OUT: *id when not NULL.  0, ERR_INVALID (no such house or user, a CHECK)
 * or an error.
 */
int visit_db_insert(struct db *db, const struct visit *v, int64_t *id);

/* By id.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int visit_db_get(struct db *db, int64_t id, struct visit *out);

/*
 * The visits about one house, newest first, at most max (<= 0: all).
 * OUT: *out (visit_vec_release()).  0 or an error.
 */
int visit_db_of_house(struct db *db, int64_t house_id, int max,
    struct visit_vec *out);

/*
 * The visits logged from unix time from (inclusive) to to (exclusive),
 * newest first, only those of desk when desk is not NULL.
 * OUT: *out (visit_vec_release()).  0 or an error.
 */
int visit_db_range(struct db *db, int64_t from, int64_t to, const char *desk,
    struct visit_vec *out);

/*
 * Call fn for every visit from from to to (exclusive; 0 and INT64_MAX for
 * all), oldest first, for exports.  Valid only during the call.  Stops when
 * fn returns non-zero and returns that value.
 */
int visit_db_each(struct db *db, int64_t from, int64_t to,
    int (*fn)(const struct visit *v, void *arg), void *arg);

#endif
