/*
 * svc_request.h: service requests (工单) as the desk works them: register
 * (from a house, a visit, or blank; 首问责任制: the person at the desk is
 * the first receiver), dispatch to a department, start, notes, resolve,
 * callback (回访), hold and resume, hand-over of first-ask responsibility,
 * close, the director's valid/invalid classification, reopen; the queues,
 * the home-screen counts, the detail with its timeline, the director's
 * overdue list, each day's register and its sign-off, the monthly review,
 * and the export of the command line.
 *
 * Every change is one business action: a permission check, validation of
 * everything typed (one clear message, nothing stored), one db_tx()
 * transaction holding the change, its timeline entry and its audit row
 * ("request.dispatch" ...).  Changes need PERM_REQUEST_EDIT; classifying,
 * the sign-off and reopening a closed request need PERM_REQUEST_REVIEW;
 * reads need PERM_REQUEST_VIEW.  A hand-over may be made by the first
 * receiver or a director only.
 *
 * Deadlines come from the session's configuration ([requests]; defaults
 * when s->cfg is NULL), fixed when a request is registered, resolved or
 * reopened, and moved on when a hold ends.
 *
 * Two desks, one request: every change (but a note) carries the version
 * the desk read.  When another desk changed the request in between, the
 * change is refused with ERR_CONFLICT, nothing is written, and the message
 * says what the other desk did last ("TS20261129-0007 was changed at
 * another desk meanwhile (派工, 王丽, 10:05); look at it again before you
 * go on"): the screen then reads the request again (svc_request_detail())
 * and shows its fresh state.  A note cannot contradict anything, so it is
 * never refused for a stale version.
 *
 * A hold ends by itself at the start of its until-date: every read below
 * first resumes all the holds whose date has come (svc_request_wake()), and
 * every action the one it acts on, each with a timeline entry "by itself"
 * (no user) and an audit row under the session's user; the deadlines move
 * on by the time that was left when it was put on hold.  `frontdesk check`
 * counts any still waiting.
 */
#ifndef FD_SVC_SVC_REQUEST_H
#define FD_SVC_SVC_REQUEST_H

#include <stdint.h>

#include "core/request.h"
#include "db/request_db.h"

struct session;

/* Most lines a queue hands back when the caller asks for all (limit 0). */
#define SVC_REQUEST_QUEUE_MAX 100000

/* ---- input, as typed ------------------------------------------------------ */

/* A new request as typed into the form (codes or labels for coded fields). */
struct request_in {
	int64_t house_id;        /* the house on screen, or 0 ... */
	const char *house;       /* ... or a house number as typed
				    ("3-2-1502"); both empty: a public area */
	int64_t visit_id;        /* the visit it came from, or 0 */
	const char *location;    /* required without a house (3号楼电梯,
				    北门岗亭); with one, an optional detail
				    (主卧卫生间); up to REQUEST_LOCATION_MAX */
	const char *type;        /* consult/complaint/repair/suggestion or a
				    label (咨询 ...): required */
	const char *category;    /* attitude ... other or a label (服务态度 ...):
				    required */
	const char *urgency;     /* urgent/normal or 紧急/一般; empty: normal */
	const char *channel;     /* visit/phone/other or 来访/电话/其他; empty:
				    visit with a visit_id, else phone */
	const char *person;      /* who asked (联系人); may be empty */
	const char *phone;       /* phone_parse(); may be empty */
	const char *description; /* required: 1..REQUEST_DESC_MAX characters,
				    line breaks allowed */
};

/*
 * A form filled in advance: from a visit (house, person, phone, type from
 * its purpose, its content as the description, channel 来访) or from a
 * house (its first current owner and phone).  in points into the strings
 * held here.
 */
struct request_draft {
	struct request_in in;
	char *house;
	char *person;
	char *phone;
	char *description;
	const char *type;     /* a code, or "" */
};

/* Free the strings of d (not d); d is zeroed. */
void request_draft_release(struct request_draft *d);

/*
 * A draft from visit visit_id (a consultation, complaint or repair visit
 * gives that type; other purposes leave it empty).  Needs
 * PERM_REQUEST_EDIT.  OUT: *d (request_draft_release()).
 * Returns 0, ERR_DENIED, ERR_NOTFOUND or an error.
 */
int svc_request_draft_from_visit(struct session *s, int64_t visit_id,
    struct request_draft *d);

/* A draft about house house_id, with its first current owner as the
 * person.  OUT: *d.  0, ERR_DENIED, ERR_NOTFOUND or an error. */
int svc_request_draft_from_house(struct session *s, int64_t house_id,
    struct request_draft *d);

/* ---- actions -------------------------------------------------------------- */

/*
 * Register a request: the session's user is its first receiver (首问责任人),
 * the time clock_now(), the number the next of the day (TS20261129-0007),
 * deadlines from the rules, whether a callback is needed from
 * [requests] callback_required.  Validates everything (an empty or
 * 10,001-character description, a type not in the list, a house number not
 * on file, no location for a public area, a bad phone ...).
 * OUT: *id_out and no_out (REQUEST_NO_BUFSZ) when not NULL.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND (house or visit) or an
 * error.
 */
int svc_request_register(struct session *s, const struct request_in *in,
    int64_t *id_out, char *no_out);

/*
 * Dispatch (派工) request id, read at version, to department dept (code
 * or label: 工程部 ...) and a handler: a name as typed (张师傅; may be
 * empty) and/or an account handler_id (0: none; it must be active; its
 * display name is used when handler is empty).  Also re-dispatches a
 * dispatched or in-progress request elsewhere.  note (may be empty) goes
 * into the timeline entry.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND, ERR_STATE (not in a
 * state to dispatch: the message says which), ERR_CONFLICT (another desk
 * changed it: read it again) or an error.
 */
int svc_request_dispatch(struct session *s, int64_t id, int64_t version,
    const char *dept, const char *handler, int64_t handler_id,
    const char *note);

/*
 * The department started work (处理中): its response.  The first start or
 * resolve is the response time judged against respond-by.  Returns as
 * svc_request_dispatch().
 */
int svc_request_start(struct session *s, int64_t id, int64_t version,
    const char *note);

/*
 * Add a note to the timeline: internal (to_owner 0) or what the owner was
 * told (to_owner 1).  Any state, closed included; no version: a note never
 * conflicts.  text: 1..REQUEST_TEXT_MAX characters.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND or an error.
 */
int svc_request_note(struct session *s, int64_t id, const char *text,
    int to_owner);

/*
 * Resolved (已处理), with what was done (resolution: required): from
 * registered (answered at the desk), dispatched or in progress.  The
 * callback deadline starts when the type needs one.  Returns as
 * svc_request_dispatch().
 */
int svc_request_resolve(struct session *s, int64_t id, int64_t version,
    const char *resolution);

/*
 * The callback (回访) of a resolved request: result satisfied/fairly/
 * unsatisfied or 满意/基本满意/不满意 (required), method phone/visit/sms/
 * wechat/other or its label (empty: phone), comment (may be empty; up to
 * REQUEST_TEXT_MAX).  满意 and 基本满意 make it 已回访; 不满意 records the
 * callback and reopens the request in the same action (back to its
 * department, a new resolve-by, the reopen counted).  Calling back a
 * request that is not resolved is ERR_STATE.  Returns as
 * svc_request_dispatch().
 */
int svc_request_callback(struct session *s, int64_t id, int64_t version,
    const char *result, const char *method, const char *comment);

/*
 * Put on hold (挂起) until a date: reason required; until as typed, after
 * today and at most 180 days ahead.  The deadline clock stops; the request
 * comes back by itself at the start of that day, to the state it left.
 * Returns as svc_request_dispatch().
 */
int svc_request_hold(struct session *s, int64_t id, int64_t version,
    const char *reason, const char *until);

/* End a hold now, by hand (note may be empty).  As svc_request_dispatch(). */
int svc_request_resume(struct session *s, int64_t id, int64_t version,
    const char *note);

/*
 * Hand first-ask responsibility over (移交) to account to_user (active, a
 * receptionist or director, not the current first receiver), with why
 * (required).  Only the current first receiver or a director may; a
 * closed request cannot be handed over.  Recorded in the timeline (from,
 * to, when, why) and audited; the only way the first receiver changes.
 * Returns as svc_request_dispatch(), ERR_DENIED for someone else's
 * request.
 */
int svc_request_handover(struct session *s, int64_t id, int64_t version,
    int64_t to_user, const char *why);

/*
 * Close (关闭): a called-back request, or a resolved one whose type needs
 * no callback; a complaint or repair not yet called back is refused with
 * ERR_STATE ("... must be called back before it is closed; call the owner
 * back first").  note may be empty.  Returns as svc_request_dispatch().
 */
int svc_request_close(struct session *s, int64_t id, int64_t version,
    const char *note);

/*
 * The director's classification (有效/无效 认定): valid 1 or 0, with note
 * (required for invalid: why).  Any state; may be changed later (each
 * change recorded).  Needs PERM_REQUEST_REVIEW.  Returns as
 * svc_request_dispatch().
 */
int svc_request_classify(struct session *s, int64_t id, int64_t version,
    int valid, const char *note);

/*
 * Reopen (重新打开, 返工) a resolved, called-back or closed request with
 * why (required): back to its department (dispatched), or registered when
 * it never had one; a new resolve-by from now; the reopen counted.
 * Reopening a closed request needs PERM_REQUEST_REVIEW.  Returns as
 * svc_request_dispatch().
 */
int svc_request_reopen(struct session *s, int64_t id, int64_t version,
    const char *why);

/*
 * Resume every hold whose until-date has come (by itself: a timeline
 * entry without a user, an audit row "request.resume" under the session's
 * user).  Called by every read below; a screen may call it on a timer.
 * Costs one indexed read when nothing is due.  Needs PERM_REQUEST_VIEW.
 * OUT: *n resumed when not NULL.  Returns 0, ERR_DENIED or an error.
 */
int svc_request_wake(struct session *s, int *n);

/* ---- reading -------------------------------------------------------------- */

/* Everything about one request, read in one snapshot. */
struct request_detail {
	struct service_request r;
	struct request_event_vec log; /* the timeline, oldest first */
	unsigned actions;             /* svc_request_may() */
	enum req_due due;             /* its running deadline at now */
};

/* Free everything in d (not d); d is then zeroed. */
void request_detail_release(struct request_detail *d);

/*
 * The actions the session may take on r now: the state machine's legal
 * ones (request_actions()) that the role may do, bit 1u << enum
 * req_action; a hand-over only for the first receiver or a director.
 */
unsigned svc_request_may(const struct session *s,
    const struct service_request *r);

/*
 * Read request id with its timeline.  Needs PERM_REQUEST_VIEW.
 * OUT: *out (request_detail_release()), zeroed on error.
 * Returns 0, ERR_DENIED, ERR_NOTFOUND or an error.
 */
int svc_request_detail(struct session *s, int64_t id,
    struct request_detail *out);

/* The same for a number as typed ("TS20261129-0007"); ERR_INVALID when it
 * is not one, ERR_NOTFOUND when there is no such request. */
int svc_request_detail_by_no(struct session *s, const char *no,
    struct request_detail *out);

/*
 * A queue (request_db.h: open, mine, awaiting callback, on hold, a range,
 * a house's) with its filters: q->user_id of REQ_Q_MINE and q->now are
 * filled in by svc (the session's user, clock_now()).  From offset, at
 * most limit lines (0: up to SVC_REQUEST_QUEUE_MAX).  Needs
 * PERM_REQUEST_VIEW.  OUT: *out (request_list_release()), with the total.
 * Returns 0, ERR_DENIED or an error.
 */
int svc_request_queue(struct session *s, const struct request_query *q,
    int limit, int offset, struct request_list *out);

/*
 * Only the lines of a queue due today: q's due_from and due_to set to
 * today's bounds (local midnight to midnight) before svc_request_queue().
 */
int svc_request_queue_due_today(struct session *s,
    const struct request_query *q, int limit, int offset,
    struct request_list *out);

/* The home screen's counts for the session's user.  OUT: *out. */
int svc_request_counts(struct session *s, struct request_counts *out);

/*
 * The director's overdue list: every open request past its running
 * deadline, most overdue first, each with its first receiver (its owner
 * under 首问责任制) and handler.  Needs PERM_REQUEST_VIEW.
 * OUT: *out (request_list_release()).
 */
int svc_request_overdue(struct session *s, struct request_list *out);

/*
 * The register of one day (day as typed; NULL or empty: today): every
 * request registered that day by number, and its sign-off when signed.
 * Needs PERM_REQUEST_VIEW.  OUT: *out; *so (request_signoff_release()) and
 * *is_signed (0 or 1) when not NULL.
 * Returns 0, ERR_DENIED, ERR_INVALID (a bad date) or an error.
 */
int svc_request_day(struct session *s, const char *day,
    struct request_list *out, struct request_signoff *so, int *is_signed);

/*
 * The director signs off the register of day (as typed; empty: today; not
 * a day to come), with a note (may be empty).  Records how many requests
 * it held.  Needs PERM_REQUEST_REVIEW; a day signed already is
 * ERR_CONFLICT naming who signed it and when.
 */
int svc_request_signoff(struct session *s, const char *day,
    const char *note);

/* The monthly review of one period. */
struct request_month {
	struct fd_period period;
	int64_t from, to;      /* the month's bounds (unix, to exclusive) */
	int64_t now;           /* judged at */
	struct request_review review;
};

/*
 * The monthly review (月度回顾) of period as typed ("2026-11"): counts by
 * type, category and state; on-time response and resolution; callback and
 * satisfaction; mean time to resolve; reopens; the director's
 * classification.  Needs PERM_REQUEST_VIEW.  The month's lines come from
 * svc_request_queue() with REQ_Q_RANGE over out->from .. out->to.
 * OUT: *out.  Returns 0, ERR_DENIED, ERR_INVALID or an error.
 */
int svc_request_review(struct session *s, const char *period,
    struct request_month *out);

/* Accounts that may receive a hand-over or be named handler (active
 * receptionists and directors).  OUT: *out, *n (request_user_vec_release()). */
int svc_request_staff(struct session *s, struct request_user **out, int *n);

/*
 * `export requests`: call fn for every request registered from from to to
 * (exclusive; 0 and INT64_MAX for all), by number, in one snapshot.  For
 * roles without PERM_REVEAL the phone numbers handed to fn are masked.
 * Needs PERM_REQUEST_VIEW; audited ("export.requests, N rows").  Stops at
 * the first non-zero return of fn and returns it.
 */
int svc_request_export(struct session *s, int64_t from, int64_t to,
    int (*fn)(const struct service_request *r, void *arg), void *arg);

#endif
