/*
 * svc_visit.h: the visit log (来访登记): logging a visit or call at the
 * desk, today's visits of a desk, and the export.  One action, one
 * transaction, one audit row; needs PERM_VISIT_LOG to log and
 * PERM_OWNER_VIEW or PERM_VISIT_LOG to read.
 */
#ifndef FD_SVC_SVC_VISIT_H
#define FD_SVC_SVC_VISIT_H

#include <stdint.h>

#include "core/household.h"
#include "db/visit_db.h"

struct session;

/* A visit as typed into the quick form. */
struct visit_in {
	int64_t house_id;          /* the house on screen, or 0 for none */
	const char *house;         /* or a house number as typed, used when
				      house_id is 0; empty: no house */
	const char *visitor_kind;  /* owner/occupant/other or a label; empty:
				      owner when a house is given, else other */
	const char *visitor_name;  /* may be empty; else a valid name */
	const char *phone;         /* phone_parse(); may be empty */
	const char *purpose;       /* consult/complaint/repair/business/other
				      or a label (咨询 ...); required */
	const char *content;       /* what was said: required, up to
				      HOUSEHOLD_TEXT_MAX characters */
	const char *outcome;       /* what was done or promised; may be empty */
};

/*
 * Log a visit: the receiver is the session's user, the desk the session's
 * desk, the time clock_now().  Validates everything (a purpose not in the
 * list, empty content, a bad phone, a house number not on file ...).
 * OUT: *id_out when not NULL.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND (no such house) or an
 * error.
 */
int svc_visit_log(struct session *s, const struct visit_in *in,
    int64_t *id_out);

/*
 * Today's visits (local day of clock_now()) logged at desk, newest first;
 * desk NULL means the session's desk, "" every desk.
 * OUT: *out (visit_vec_release()).
 * Returns 0, ERR_DENIED or an error.
 */
int svc_visit_today(struct session *s, const char *desk,
    struct visit_vec *out);

/*
 * The visits about one house, newest first, at most max (<= 0: all).
 * OUT: *out (visit_vec_release()).
 */
int svc_visit_of_house(struct session *s, int64_t house_id, int max,
    struct visit_vec *out);

/*
 * `export visits`: call fn for every visit from unix time from to to
 * (exclusive; 0 and INT64_MAX for all), oldest first, in one snapshot.
 * For roles without PERM_REVEAL the phone numbers handed to fn are
 * masked.  Audited ("export visits, N rows").  Stops at the first non-zero
 * return of fn and returns it.
 */
int svc_visit_export(struct session *s, int64_t from, int64_t to,
    int (*fn)(const struct visit *v, void *arg), void *arg);

#endif
