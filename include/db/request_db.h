/*
 * request_db.h: SQL of service requests (工单): the requests table, its
 * timeline (request_log, hand-overs included) and the director's daily
 * sign-offs.  No business rules (svc_request.c checks the state machine,
 * permissions and input, computes deadlines and audits); never deletes.
 * Updates carry the version read, so a change made at another desk in
 * between is refused (ERR_STATE from the DAL, worded by svc) instead of
 * overwritten.
 */
#ifndef FD_DB_REQUEST_DB_H
#define FD_DB_REQUEST_DB_H

#include <stdint.h>

#include "core/date.h"
#include "core/request.h"

struct db;

/* One request, every field.  Strings owned ("" when empty); free with
 * service_request_release(). */
struct service_request {
	int64_t id;
	char no[REQUEST_NO_BUFSZ];   /* TS20261129-0007 (read only) */
	char day[DATE_BUFSZ];        /* the local day of its number */
	int seq;                     /* its number within the day, 1.. */
	enum req_type type;
	enum req_category category;
	enum req_urgency urgency;
	enum req_channel channel;
	int64_t house_id;            /* 0: a public area */
	char *house_code;            /* "3-2-1502" or "" (read only) */
	int building;                /* the house's building, 0 (read only) */
	char *location;              /* where: required without a house */
	char *person;                /* who asked (联系人), may be "" */
	char *phone;                 /* canonical, or "" */
	char *description;           /* 1..REQUEST_DESC_MAX characters */
	int64_t visit_id;            /* the visit it came from, or 0 */
	int64_t receiver_id;         /* first receiver (首问责任人): never 0 */
	char *receiver_name;         /* display name (read only) */
	int dept;                    /* enum req_dept, or -1 before dispatch */
	char *handler;               /* who does the work (处理人), or "" */
	int64_t handler_id;          /* the handler's account, or 0 */
	char *handler_user;          /* that account's display name, or ""
					(read only) */
	enum req_state state;
	int64_t at;                  /* registered (unix time) */
	struct req_clock clock;      /* every deadline */
	int64_t due_at;              /* the running deadline, 0 for none */
	int64_t warn_at;             /* its warning moment, 0 for none */
	int64_t responded_at;        /* first start or resolve, 0 */
	int64_t resolved_at;         /* last resolution, 0 */
	int64_t closed_at;           /* 0 while not closed */
	enum req_state held_from;    /* on hold: the state it left */
	int64_t held_at;             /* on hold: since when, else 0 */
	char hold_until[DATE_BUFSZ]; /* on hold: "YYYY-MM-DD", else "" */
	char *hold_reason;           /* on hold: why, else "" */
	char *resolution;            /* what was done (处理结果), or "" */
	int needs_callback;          /* fixed at registration from the rules */
	int cb_result;               /* enum req_result of the last callback,
					or -1 */
	int cb_method;               /* enum req_method, or -1 */
	char *cb_comment;            /* what the owner said, or "" */
	int64_t cb_at;               /* the last callback, 0 */
	int valid;                   /* director's call: 1 有效, 0 无效,
					-1 not yet */
	int reopens;                 /* times reopened (返工) */
	int64_t version;             /* 1 on insert, +1 on every update */
	int64_t updated_at;
};

/* Free the strings of r (not r); r may then be reused. */
void service_request_release(struct service_request *r);

/* One line of a queue: what a list screen shows.  Strings owned. */
struct request_row {
	int64_t id;
	char no[REQUEST_NO_BUFSZ];
	int64_t at;                  /* registered */
	enum req_type type;
	enum req_category category;
	enum req_urgency urgency;
	enum req_state state;
	enum req_state held_from;    /* on hold: the state it left */
	int dept;                    /* enum req_dept or -1 */
	char *house_code;            /* or "" */
	char *location;              /* or "" */
	char *person;                /* or "" */
	char *summary;               /* the description's first 60
					characters, line breaks as blanks */
	int64_t receiver_id;
	char *receiver_name;         /* first receiver (首问责任人) */
	char *handler;               /* or "" */
	int64_t handler_id;
	int64_t due_at, warn_at;     /* the running deadline, 0 for none */
	int64_t callback_by;         /* 0 until resolved */
	int64_t resolved_at;
	char hold_until[DATE_BUFSZ]; /* "" when not on hold */
	int cb_result;               /* -1 for none */
	int valid;                   /* 1, 0, -1 */
	int reopens;
	int64_t version;
};

/* A caller-owned list of queue lines. */
struct request_list {
	struct request_row *v; /* NULL when n is 0 */
	int n;
	int64_t total;         /* lines matching, beyond the limit too */
};

/* Free every line and the array; l becomes empty. */
void request_list_release(struct request_list *l);

/* The lists svc offers (enum request_queue below). */
enum request_queue {
	REQ_Q_OPEN,     /* not closed, by running deadline (none last) */
	REQ_Q_MINE,     /* not closed, user as first receiver or handler */
	REQ_Q_CALLBACK, /* resolved, a callback needed: by callback-by */
	REQ_Q_ON_HOLD,  /* on hold: by until-date */
	REQ_Q_RANGE,    /* registered from .from to .to (any state), by
			   number: a day's register, a month's review */
	REQ_Q_HOUSE,    /* about .house_id, newest first */
};

/* A queue and its filters; a field left 0 / -1 / NULL filters nothing. */
struct request_query {
	enum request_queue queue;
	int64_t user_id;    /* REQ_Q_MINE: whose */
	int64_t house_id;   /* REQ_Q_HOUSE */
	int64_t from, to;   /* REQ_Q_RANGE: unix times, to exclusive */
	int type;           /* enum req_type, -1 any */
	int state;          /* enum req_state, -1 any */
	int dept;           /* enum req_dept, -1 any */
	int building;       /* 0 any */
	int overdue;        /* 1: only a running deadline before now */
	int64_t due_from;   /* with due_to: only a running deadline in */
	int64_t due_to;     /* [due_from, due_to) (due today); 0: any */
	const char *text;   /* NULL/"": any; else in the number, house
			       number, location, person, phone or
			       description (case-insensitive, literal) */
	int64_t now;        /* for overdue */
};

/*
 * Insert r with the next number of its day, in the caller's transaction
 * (the day's sequence is max+1 under the writer lock: gap-free, unique).
 * r->id, no, seq, version, the read-only fields and updated_at are
 * ignored; version starts at 1.
 * OUT: *id and *seq when not NULL.
 * Returns 0, ERR_INVALID (a CHECK or a missing house, visit or user), or
 * an error.
 */
int request_db_insert(struct db *db, const struct service_request *r,
    int64_t now, int64_t *id, int *seq);

/* By id.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int request_db_get(struct db *db, int64_t id, struct service_request *out);

/* By day and number in the day.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int request_db_get_by_no(struct db *db, const char *day, int seq,
    struct service_request *out);

/*
 * Write every changeable field of r (not the number, day, registration,
 * first receiver or needs_callback) where id = r->id and version =
 * r->version; the version goes up by one.
 * Returns 0, ERR_STATE when no row matched (changed at another desk or
 * gone), ERR_INVALID (a CHECK), or an error.
 */
int request_db_update(struct db *db, const struct service_request *r,
    int64_t now);

/* One entry of the timeline.  Strings owned; free with
 * request_event_release(). */
struct request_event {
	int64_t id;
	int64_t request_id;
	int64_t at;
	int64_t user_id;        /* 0: it happened by itself */
	char *user_name;        /* display name, "" when by itself */
	enum req_action kind;
	char *code;             /* the coded detail of some kinds, else "":
				   callback: its enum req_result code;
				   dispatch: the department's code;
				   classify: "valid" or "invalid";
				   hold: the until-date; resume: the state
				   it went back to */
	char *text;             /* what was done or said, "" */
	int to_owner;           /* 1: this is what the owner was told */
	int64_t from_user;      /* REQ_ACT_HANDOVER: from whom, else 0 */
	int64_t to_user;        /* REQ_ACT_HANDOVER: to whom, else 0 */
	char *from_name;        /* display names, "" when not a hand-over */
	char *to_name;
};

void request_event_release(struct request_event *e);

/* A caller-owned timeline. */
struct request_event_vec {
	struct request_event *v;
	int n;
};

void request_event_vec_release(struct request_event_vec *v);

/*
 * Append e (its id and names ignored) to the timeline.  A hand-over entry
 * must name from_user and to_user and a reason.
 * OUT: *id when not NULL.  0, ERR_INVALID (a CHECK), or an error.
 */
int request_db_log(struct db *db, const struct request_event *e,
    int64_t *id);

/* The timeline of one request, oldest first.  OUT: *out. */
int request_db_events(struct db *db, int64_t request_id,
    struct request_event_vec *out);

/*
 * The hand-over of first-ask responsibility: the timeline entry e (kind
 * REQ_ACT_HANDOVER, from_user = the current first receiver) and then the
 * new first receiver, with the version check, in the caller's transaction.
 * The schema refuses any other change of the first receiver.
 * Returns 0, ERR_STATE (version moved), ERR_INVALID, or an error.
 */
int request_db_handover(struct db *db, int64_t id, int64_t version,
    const struct request_event *e, int64_t now);

/*
 * A queue: lines matching q in its order, from offset, at most limit
 * (<= 0: all).  OUT: *out (request_list_release()), with out->total.
 * 0 or an error.
 */
int request_db_queue(struct db *db, const struct request_query *q,
    int limit, int offset, struct request_list *out);

/* The ids of requests on hold whose until-date has come (on or before
 * today, "YYYY-MM-DD"), oldest hold first.  OUT: *ids (free()), *n.
 * 0 or an error. */
int request_db_holds_due(struct db *db, const char *today, int64_t **ids,
    int *n);

/* What the home screen counts (open means not closed). */
struct request_counts {
	int64_t open;       /* not closed */
	int64_t mine;       /* open, the user as first receiver or handler */
	int64_t overdue;    /* a running deadline before now */
	int64_t warning;    /* in the warning band, not yet overdue */
	int64_t due_today;  /* a running deadline within today */
	int64_t callback;   /* resolved, awaiting a callback */
	int64_t on_hold;
	int64_t today;      /* registered today (any state) */
	int today_signed;   /* 1: today's register is signed off */
};

/*
 * The counts at now for user; today is [day_from, day_to) and day its
 * "YYYY-MM-DD".  OUT: *out.  0 or an error.
 */
int request_db_counts(struct db *db, int64_t user, int64_t now,
    int64_t day_from, int64_t day_to, const char *day,
    struct request_counts *out);

/* The director's sign-off of one day's register (每日签阅). */
struct request_signoff {
	char day[DATE_BUFSZ];
	int64_t director_id;
	char *director_name;    /* display name (read only) */
	int64_t at;
	int count;              /* requests in the register when signed */
	char *note;
};

void request_signoff_release(struct request_signoff *so);

/* Record a sign-off.  ERR_CONFLICT when the day is signed already. */
int request_db_signoff(struct db *db, const struct request_signoff *so);

/* The sign-off of day.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int request_db_signoff_get(struct db *db, const char *day,
    struct request_signoff *out);

/* Requests registered on day (its register).  OUT: *n. */
int request_db_day_count(struct db *db, const char *day, int64_t *n);

/*
 * The month's review (月度回顾): aggregates over the requests registered
 * from from to to (exclusive), judged at now.
 */
struct request_review {
	int64_t total;
	int64_t by_type[REQ_TYPE_COUNT];
	int64_t by_category[REQ_CATEGORY_COUNT];
	int64_t by_state[REQ_STATE_COUNT];
	int64_t respond_on_time;  /* responded by respond-by */
	int64_t respond_late;     /* responded after it, or not yet and past it */
	int64_t resolve_on_time;  /* resolved by resolve-by (a reopened
				     request is judged on its last round;
				     reopened counts it) */
	int64_t resolve_late;     /* resolved after it, or not yet and past it */
	int64_t callback_due;     /* of a type needing a callback, resolved
				     at least once */
	int64_t callback_done;    /* of those, called back at least once */
	int64_t callbacks;        /* callbacks made (a request reopened after
				     不满意 and called back again counts
				     twice) */
	int64_t satisfied;        /* of those, 满意 */
	int64_t fairly;           /* 基本满意 */
	int64_t unsatisfied;      /* 不满意 */
	int64_t resolved;         /* with a resolution time */
	int64_t resolve_seconds;  /* sum of registration to resolution */
	int64_t reopened;         /* requests reopened at least once */
	int64_t reopens;          /* reopens in all */
	int64_t valid, invalid;   /* director's classification */
	int64_t overdue_open;     /* still open and past a running deadline */
};

/* OUT: *out (zeroed first).  0 or an error. */
int request_db_review(struct db *db, int64_t from, int64_t to, int64_t now,
    struct request_review *out);

/*
 * Call fn for every request registered from from to to (exclusive; 0 and
 * INT64_MAX for all), by number, for exports.  Valid only during the
 * call.  Stops when fn returns non-zero and returns that value.
 */
int request_db_each(struct db *db, int64_t from, int64_t to,
    int (*fn)(const struct service_request *r, void *arg), void *arg);

/*
 * The invariants `frontdesk check` verifies (outside what the schema's
 * CHECKs already hold); each field is a count of offending rows:
 *   gaps:       days whose numbers do not run 1..N without a gap;
 *   no_log:     requests without their registration entry in the timeline;
 *   receiver:   first receivers that differ from the last hand-over's
 *               to_user (or the registrar when never handed over);
 *   closed_cb:  closed requests that needed a callback and have none;
 *   times:      a response, resolution, callback or closing before the
 *               registration, or a state without its time (closed
 *               without closed_at, resolved without resolved_at);
 *   holds_due:  holds past their date not yet resumed (not an error: they
 *               resume the next time anyone opens a request list).
 * OUT: *total requests.  0 or an error.
 */
struct request_check {
	int64_t total, gaps, no_log, receiver, closed_cb, times, holds_due;
};
int request_db_check(struct db *db, const char *today,
    struct request_check *out);

/* An account that may own or handle requests. */
struct request_user {
	int64_t id;
	char *name;    /* login */
	char *display;
	char *role;    /* role code */
	int active;
};

/* Free the strings of u (not u). */
void request_user_release(struct request_user *u);

/* Free n users and the array. */
void request_user_vec_release(struct request_user *v, int n);

/* One account by id.  OUT: *out.  0, ERR_NOTFOUND, or an error. */
int request_db_user(struct db *db, int64_t id, struct request_user *out);

/* Active accounts of the roles receptionist and director, by display
 * name.  OUT: *out (request_user_vec_release()), *n. */
int request_db_staff(struct db *db, struct request_user **out, int *n);

#endif
