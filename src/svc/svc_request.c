/*
 * svc_request.c: service requests as the desk works them (svc_request.h).
 *
 * Every change: permission check, then everything typed is validated
 * outside the transaction (one clear message, nothing stored), then one
 * db_tx() reads the request, checks the version the desk read (ERR_CONFLICT
 * naming what the other desk did), lets a hold whose date has come end by
 * itself, asks the state machine (core/request.c) for the next state,
 * writes the request, its timeline entry and one audit row.  Transaction
 * functions may run more than once (BUSY), so they touch nothing outside
 * the database but their own op struct, which they reset first.
 */
#include "svc/svc_request.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/household.h"
#include "core/houseno.h"
#include "core/mask.h"
#include "core/phone.h"
#include "db/db.h"
#include "db/house_db.h"
#include "db/owner_db.h"
#include "db/visit_db.h"
#include "svc/audit.h"
#include "svc/session.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Longest hold, in days from today. */
#define HOLD_MAX_DAYS 180

/* ---- small helpers -------------------------------------------------------- */

/* A coded field as typed: blank gives def (-1: required, named field). */
static int
parse_set(enum request_set set, const char *in, int def, const char *field,
    int *out)
{
	if (text_blank(in)) {
		if (def >= 0) {
			*out = def;
			return 0;
		}
		return err_set(ERR_INVALID, _("choose the %s"), field);
	}
	return request_parse(set, in, out);
}

/* Free text: trimmed, 0..max characters (required: 1..).  OUT: *out. */
static int
parse_text(const char *in, size_t max, int required, const char *field,
    char **out)
{
	int rc;

	*out = NULL;
	if ((rc = household_text_clean(in, max, field, out)) != 0)
		return rc;
	if (required && (*out)[0] == '\0') {
		FREE(out);
		return err_set(ERR_INVALID, _("%s is empty; write it down"),
		    field);
	}
	return 0;
}

/* The rules of the session's configuration.  OUT: *r. */
static int
rules(const struct session *s, struct request_rules *r)
{
	return request_rules_init(r, s->cfg);
}

/* "YYYY-MM-DD" of today.  OUT: buf; *d when not NULL. */
static void
today_str(char buf[DATE_BUFSZ], struct fd_date *d)
{
	struct fd_date t;

	date_today(&t);
	date_format(buf, DATE_BUFSZ, &t);
	if (d != NULL)
		*d = t;
}

/* Local midnight at the start of d plus n days. */
static int64_t
day_start_plus(const struct fd_date *d, int n)
{
	struct fd_date x;

	if (date_add_days(d, n, &x) != 0)
		return INT64_MAX;
	return request_day_start(&x);
}

/* "HH:MM" (today) or "MM-DD HH:MM" of t, for messages.  OUT: buf. */
static void
short_time(char *buf, size_t bufsz, int64_t t)
{
	char full[DATE_TIME_BUFSZ], day[DATE_BUFSZ];

	date_format_time(full, sizeof full, (time_t)t);
	today_str(day, NULL);
	if (strncmp(full, day, 10) == 0)
		snprintf(buf, bufsz, "%s", full + 11);
	else
		snprintf(buf, bufsz, "%s", full + 5);
}

/* The facts the state machine's guards need about r. */
static struct req_facts
facts(const struct service_request *r)
{
	struct req_facts f;

	f.held_from = r->held_from;
	f.has_dept = r->dept >= 0;
	f.needs_callback = r->needs_callback;
	return f;
}

/* Recompute the running deadline of r after a change. */
static void
running(struct service_request *r)
{
	request_clock_running(r->state, r->responded_at != 0,
	    r->needs_callback, &r->clock, &r->due_at, &r->warn_at);
}

/* The message for a request that is not on file. */
static int
no_request(void)
{
	return err_set(ERR_NOTFOUND, _("request not found"));
}

/* Masked phone for audit summaries.  OUT: buf. */
static const char *
masked_phone(const char *s, char *buf, size_t bufsz)
{
	if (s[0] == '\0')
		snprintf(buf, bufsz, "''");
	else if (mask_phone(s, buf, bufsz) != 0)
		snprintf(buf, bufsz, "***");
	return buf;
}

/*
 * The refusal of a change whose version moved on, naming the last thing
 * that happened to the request (read in the same transaction).
 */
static int
stale(struct db *db, const struct service_request *r)
{
	struct request_event_vec log = {0};
	const struct request_event *e;
	char when[32];
	int rc;

	if ((rc = request_db_events(db, r->id, &log)) != 0 || log.n == 0) {
		request_event_vec_release(&log);
		return err_set(ERR_CONFLICT, _("%s was changed at another desk "
					       "meanwhile; look at it again "
					       "before you go on"), r->no);
	}
	e = &log.v[log.n - 1];
	short_time(when, sizeof when, e->at);
	rc = err_set(ERR_CONFLICT, _("%s was changed at another desk meanwhile "
				     "(%s, %s, %s); look at it again before "
				     "you go on"), r->no,
	    request_label(REQ_SET_ACTION, e->kind),
	    e->user_id != 0 ? e->user_name : _("by itself"), when);
	request_event_vec_release(&log);
	return rc;
}

/* ---- one action, one transaction --------------------------------------------- */

/* What a desk asked for, validated, and what the transaction needs. */
struct req_op {
	struct session *s;
	struct request_rules rules;
	enum req_action action;
	int64_t id;
	int64_t version;          /* read by the desk; < 0: not checked */
	int dept;                 /* dispatch */
	char *handler;            /* dispatch: as typed, or "" */
	int64_t handler_id;       /* dispatch: 0 for none */
	char *text;               /* note, resolution, reason, why, comment */
	int to_owner;             /* note */
	int result, method;       /* callback */
	char until[DATE_BUFSZ];   /* hold */
	int64_t to_user;          /* hand-over */
	int valid;                /* classify */
	int woken;                /* OUT: holds ended by themselves */
};

/* Append the action's timeline entry for r. */
static int
log_event(struct db *db, const struct req_op *op, int64_t req_id,
    enum req_action kind, const char *code, const char *text, int to_owner)
{
	struct request_event e;

	memset(&e, 0, sizeof e);
	e.request_id = req_id;
	e.at = clock_now();
	e.user_id = op->s->user_id;
	e.kind = kind;
	e.code = (char *)(code != NULL ? code : "");
	e.text = (char *)(text != NULL ? text : "");
	e.to_owner = to_owner;
	return request_db_log(db, &e, NULL);
}

/* Write r (read at its version) after a change; a race is stale. */
static int
save(struct db *db, struct service_request *r)
{
	int rc;

	running(r);
	if ((rc = request_db_update(db, r, clock_now())) == ERR_STATE)
		return stale(db, r);
	return rc;
}

/*
 * A hold of r whose date has come ends by itself: back to the state it
 * left, the clock moved on from the start of that day, a timeline entry
 * without a user, an audit row.  r is then read again.
 */
static int
wake_one(struct db *db, struct req_op *op, struct service_request *r)
{
	struct request_event e;
	struct fd_date until;
	enum req_state from = r->state, to;
	struct req_facts f = facts(r);
	char day[DATE_BUFSZ];
	int64_t at;
	int64_t id = r->id;
	int rc;

	if (r->state != REQ_ON_HOLD || date_parse(r->hold_until, &until) != 0)
		return 0;
	snprintf(day, sizeof day, "%s", r->hold_until);
	at = request_day_start(&until);
	if (at > clock_now())
		return 0;
	if ((rc = request_next(from, REQ_ACT_RESUME, &f, &to)) != 0)
		return rc;
	request_clock_resume(&op->rules, r->held_at, at, &r->clock);
	r->state = to;
	r->held_at = 0;
	r->hold_until[0] = '\0';
	if ((rc = save(db, r)) != 0)
		return rc;
	memset(&e, 0, sizeof e);
	e.request_id = id;
	e.at = at;
	e.kind = REQ_ACT_RESUME;
	e.code = (char *)request_code(REQ_SET_STATE, to);
	e.text = (char *)"";
	if ((rc = request_db_log(db, &e, NULL)) != 0 ||
	    (rc = svc_audit(db, op->s, "request.resume", "request", id,
	    "%s: hold until %s ended by itself; back to %s", r->no, day,
	    request_code(REQ_SET_STATE, to))) != 0)
		return rc;
	op->woken++;
	service_request_release(r);
	if ((rc = request_db_get(db, id, r)) == ERR_NOTFOUND)
		rc = no_request();
	return rc;
}

/* The next state for action on r, or the refusal. */
static int
next_state(const struct service_request *r, enum req_action action,
    enum req_state *to)
{
	struct req_facts f = facts(r);

	return request_next(r->state, action, &f, to);
}

/* ---- each action's change to the request ------------------------------------- */

static int
do_dispatch(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	struct request_user u = {0};
	enum req_state to;
	char *text = NULL;
	int rc;

	if ((rc = next_state(r, REQ_ACT_DISPATCH, &to)) != 0)
		return rc;
	if (op->handler_id != 0) {
		if ((rc = request_db_user(db, op->handler_id, &u)) ==
		    ERR_NOTFOUND || (rc == 0 && !u.active))
			rc = err_set(ERR_INVALID, _("the handler's account is "
						    "not active; choose "
						    "another"));
		if (rc != 0)
			goto out;
		if (op->handler[0] == '\0') {
			free(op->handler);
			op->handler = xstrdup(u.display);
		}
	}
	strbuf_addf(sb, "%s -> %s, dept %s, handler %s",
	    request_code(REQ_SET_STATE, r->state),
	    request_code(REQ_SET_STATE, to),
	    request_code(REQ_SET_DEPT, op->dept),
	    op->handler[0] ? op->handler : "''");
	r->state = to;
	r->dept = op->dept;
	free(r->handler);
	r->handler = xstrdup(op->handler);
	r->handler_id = op->handler_id;
	if ((rc = save(db, r)) != 0)
		goto out;
	if (op->handler[0] != '\0' && op->text[0] != '\0')
		text = xasprintf("%s: %s", op->handler, op->text);
	else
		text = xstrdup(op->handler[0] != '\0' ? op->handler : op->text);
	rc = log_event(db, op, r->id, REQ_ACT_DISPATCH,
	    request_code(REQ_SET_DEPT, op->dept), text, 0);
out:
	free(text);
	request_user_release(&u);
	return rc;
}

static int
do_start(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	enum req_state to;
	int rc;

	if ((rc = next_state(r, REQ_ACT_START, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s -> %s", request_code(REQ_SET_STATE, r->state),
	    request_code(REQ_SET_STATE, to));
	r->state = to;
	if (r->responded_at == 0) {
		r->responded_at = clock_now();
		strbuf_addf(sb, ", responded %s",
		    r->responded_at <= r->clock.respond_by ? "in time" :
		    "late");
	}
	if ((rc = save(db, r)) != 0)
		return rc;
	return log_event(db, op, r->id, REQ_ACT_START, NULL, op->text, 0);
}

static int
do_resolve(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	enum req_state to;
	int64_t now = clock_now();
	int rc;

	if ((rc = next_state(r, REQ_ACT_RESOLVE, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s -> %s", request_code(REQ_SET_STATE, r->state),
	    request_code(REQ_SET_STATE, to));
	r->state = to;
	if (r->responded_at == 0)
		r->responded_at = now;
	r->resolved_at = now;
	strbuf_addf(sb, ", resolved %s", now <= r->clock.resolve_by ?
	    "in time" : "late");
	free(r->resolution);
	r->resolution = xstrdup(op->text);
	if (r->needs_callback)
		request_clock_resolved(&op->rules, now, &r->clock);
	if ((rc = save(db, r)) != 0)
		return rc;
	return log_event(db, op, r->id, REQ_ACT_RESOLVE, NULL, op->text, 0);
}

/* The reopen of r (返工), after an unsatisfied callback or by hand. */
static int
reopen(struct db *db, struct req_op *op, struct service_request *r,
    const char *why, const char *code, struct strbuf *sb)
{
	enum req_state to;
	int64_t now = clock_now();
	int rc;

	if ((rc = next_state(r, REQ_ACT_REOPEN, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s%s -> %s (reopen %d)", sb->len > 0 ? "; " : "",
	    request_code(REQ_SET_STATE, r->state),
	    request_code(REQ_SET_STATE, to), r->reopens + 1);
	r->state = to;
	r->reopens++;
	r->resolved_at = 0;
	r->closed_at = 0;
	request_clock_reopened(&op->rules, r->type, r->urgency, now,
	    &r->clock);
	if ((rc = save(db, r)) != 0)
		return rc;
	return log_event(db, op, r->id, REQ_ACT_REOPEN, code, why, 0);
}

static int
do_callback(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	enum req_state to;
	int rc;

	if ((rc = next_state(r, REQ_ACT_CALLBACK, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s -> %s, %s by %s",
	    request_code(REQ_SET_STATE, r->state),
	    request_code(REQ_SET_STATE, to),
	    request_code(REQ_SET_RESULT, op->result),
	    request_code(REQ_SET_METHOD, op->method));
	r->state = to;
	r->cb_result = op->result;
	r->cb_method = op->method;
	free(r->cb_comment);
	r->cb_comment = xstrdup(op->text);
	r->cb_at = clock_now();
	if ((rc = save(db, r)) != 0 ||
	    (rc = log_event(db, op, r->id, REQ_ACT_CALLBACK,
	    request_code(REQ_SET_RESULT, op->result), op->text, 0)) != 0)
		return rc;
	if (op->result != REQ_UNSATISFIED)
		return 0;
	/* 不满意: the same action reopens it (save() moved the version) */
	r->version++;
	return reopen(db, op, r, "", "callback", sb);
}

static int
do_hold(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	enum req_state to;
	int rc;

	if ((rc = next_state(r, REQ_ACT_HOLD, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s -> %s until %s", request_code(REQ_SET_STATE,
	    r->state), request_code(REQ_SET_STATE, to), op->until);
	r->held_from = r->state;
	r->state = to;
	r->held_at = clock_now();
	snprintf(r->hold_until, sizeof r->hold_until, "%s", op->until);
	free(r->hold_reason);
	r->hold_reason = xstrdup(op->text);
	if ((rc = save(db, r)) != 0)
		return rc;
	return log_event(db, op, r->id, REQ_ACT_HOLD, op->until, op->text, 0);
}

static int
do_resume(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	enum req_state to;
	int rc;

	if ((rc = next_state(r, REQ_ACT_RESUME, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s -> %s (hold until %s ended early)",
	    request_code(REQ_SET_STATE, r->state),
	    request_code(REQ_SET_STATE, to), r->hold_until);
	request_clock_resume(&op->rules, r->held_at, clock_now(), &r->clock);
	r->state = to;
	r->held_at = 0;
	r->hold_until[0] = '\0';
	if ((rc = save(db, r)) != 0)
		return rc;
	return log_event(db, op, r->id, REQ_ACT_RESUME,
	    request_code(REQ_SET_STATE, to), op->text, 0);
}

static int
do_handover(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	struct request_event e;
	struct request_user u = {0};
	enum req_state to;
	int rc;

	if ((rc = next_state(r, REQ_ACT_HANDOVER, &to)) != 0)
		return rc;
	if (op->s->user_id != r->receiver_id &&
	    op->s->role != ROLE_DIRECTOR) {
		rc = err_set(ERR_DENIED, _("only the first receiver (%s) or "
					   "the director may hand this request "
					   "over"), r->receiver_name);
		goto out;
	}
	if ((rc = request_db_user(db, op->to_user, &u)) == ERR_NOTFOUND ||
	    (rc == 0 && (!u.active || (strcmp(u.role, "receptionist") != 0 &&
	    strcmp(u.role, "director") != 0))))
		rc = err_set(ERR_INVALID, _("hand it over to an active "
					    "receptionist or director"));
	if (rc != 0)
		goto out;
	if (u.id == r->receiver_id) {
		rc = err_set(ERR_INVALID, _("%s is the first receiver already"),
		    u.display);
		goto out;
	}
	memset(&e, 0, sizeof e);
	e.request_id = r->id;
	e.at = clock_now();
	e.user_id = op->s->user_id;
	e.kind = REQ_ACT_HANDOVER;
	e.text = op->text;
	e.from_user = r->receiver_id;
	e.to_user = u.id;
	if ((rc = request_db_handover(db, r->id, r->version, &e,
	    clock_now())) == ERR_STATE)
		rc = stale(db, r);
	if (rc == 0)
		strbuf_addf(sb, "first receiver %s -> %s", r->receiver_name,
		    u.display);
out:
	request_user_release(&u);
	return rc;
}

static int
do_close(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	enum req_state to;
	int rc;

	if ((rc = next_state(r, REQ_ACT_CLOSE, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s -> %s", request_code(REQ_SET_STATE, r->state),
	    request_code(REQ_SET_STATE, to));
	r->state = to;
	r->closed_at = clock_now();
	if ((rc = save(db, r)) != 0)
		return rc;
	return log_event(db, op, r->id, REQ_ACT_CLOSE, NULL, op->text, 0);
}

static int
do_classify(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	enum req_state to;
	int rc;

	if ((rc = next_state(r, REQ_ACT_CLASSIFY, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s -> %s", r->valid < 0 ? "unclassified" :
	    r->valid ? "valid" : "invalid", op->valid ? "valid" : "invalid");
	r->valid = op->valid;
	if ((rc = save(db, r)) != 0)
		return rc;
	return log_event(db, op, r->id, REQ_ACT_CLASSIFY,
	    op->valid ? "valid" : "invalid", op->text, 0);
}

static int
do_reopen(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	if (r->state == REQ_CLOSED && !session_may(op->s,
	    PERM_REQUEST_REVIEW))
		return err_set(ERR_DENIED, _("only the director may reopen a "
					     "closed request"));
	return reopen(db, op, r, op->text, NULL, sb);
}

static int
do_note(struct db *db, struct req_op *op, struct service_request *r,
    struct strbuf *sb)
{
	enum req_state to;
	int rc;

	if ((rc = next_state(r, REQ_ACT_NOTE, &to)) != 0)
		return rc;
	strbuf_addf(sb, "%s note, %zu characters", op->to_owner ?
	    "told the owner" : "internal", strlen(op->text));
	return log_event(db, op, r->id, REQ_ACT_NOTE, NULL, op->text,
	    op->to_owner);
}

/* Each action's change, by enum req_action. */
static int (*const actions[REQ_ACT_COUNT])(struct db *, struct req_op *,
    struct service_request *, struct strbuf *) = {
	[REQ_ACT_DISPATCH] = do_dispatch,
	[REQ_ACT_START] = do_start,
	[REQ_ACT_NOTE] = do_note,
	[REQ_ACT_RESOLVE] = do_resolve,
	[REQ_ACT_CALLBACK] = do_callback,
	[REQ_ACT_HOLD] = do_hold,
	[REQ_ACT_RESUME] = do_resume,
	[REQ_ACT_HANDOVER] = do_handover,
	[REQ_ACT_CLOSE] = do_close,
	[REQ_ACT_CLASSIFY] = do_classify,
	[REQ_ACT_REOPEN] = do_reopen,
};

/* The transaction of every action but register. */
static int
act_tx(struct db *db, void *arg)
{
	struct req_op *op = arg;
	struct service_request r = {0};
	struct strbuf sb = STRBUF_INIT;
	char action[32];
	int rc;

	op->woken = 0;
	if ((rc = request_db_get(db, op->id, &r)) == ERR_NOTFOUND)
		rc = no_request();
	if (rc != 0)
		goto out;
	if (op->version >= 0 && r.version != op->version) {
		rc = stale(db, &r);
		goto out;
	}
	if ((rc = wake_one(db, op, &r)) != 0 ||
	    (rc = actions[op->action](db, op, &r, &sb)) != 0)
		goto out;
	snprintf(action, sizeof action, "request.%s",
	    request_code(REQ_SET_ACTION, op->action));
	rc = svc_audit(db, op->s, action, "request", r.id, "%s: %s", r.no,
	    sb.buf);
out:
	strbuf_release(&sb);
	service_request_release(&r);
	return rc;
}

/* Run op (validated) as one transaction. */
static int
act(struct req_op *op)
{
	int rc;

	if ((rc = rules(op->s, &op->rules)) == 0)
		rc = db_tx(op->s->db, act_tx, op);
	request_rules_release(&op->rules);
	free(op->handler);
	free(op->text);
	return rc;
}

/* A fresh op for action on id at version. */
static void
op_init(struct req_op *op, struct session *s, enum req_action action,
    int64_t id, int64_t version)
{
	memset(op, 0, sizeof *op);
	op->s = s;
	op->action = action;
	op->id = id;
	op->version = version;
	op->dept = -1;
	op->result = -1;
	op->method = -1;
	op->valid = -1;
}

/* ---- the actions' entry points ------------------------------------------------ */

int
svc_request_dispatch(struct session *s, int64_t id, int64_t version,
    const char *dept, const char *handler, int64_t handler_id,
    const char *note)
{
	struct req_op op;
	int rc;

	op_init(&op, s, REQ_ACT_DISPATCH, id, version);
	op.handler_id = handler_id > 0 ? handler_id : 0;
	if ((rc = session_require(s, PERM_REQUEST_EDIT)) != 0 ||
	    (rc = parse_set(REQ_SET_DEPT, dept, -1, _("department"),
	    &op.dept)) != 0 ||
	    (rc = parse_text(note, REQUEST_TEXT_MAX, 0, _("note"),
	    &op.text)) != 0)
		goto out;
	if (text_blank(handler))
		op.handler = xstrdup("");
	else if ((rc = household_name_clean(handler, _("handler"),
	    &op.handler)) != 0)
		goto out;
	return act(&op);
out:
	free(op.handler);
	free(op.text);
	return rc;
}

/* An action whose only input is an optional or required text. */
static int
text_action(struct session *s, enum req_action action, int64_t id,
    int64_t version, enum perm_action perm, const char *text,
    int required, const char *field)
{
	struct req_op op;
	int rc;

	op_init(&op, s, action, id, version);
	if ((rc = session_require(s, perm)) != 0 ||
	    (rc = parse_text(text, REQUEST_TEXT_MAX, required, field,
	    &op.text)) != 0)
		return rc;
	return act(&op);
}

int
svc_request_start(struct session *s, int64_t id, int64_t version,
    const char *note)
{
	return text_action(s, REQ_ACT_START, id, version, PERM_REQUEST_EDIT,
	    note, 0, _("note"));
}

int
svc_request_note(struct session *s, int64_t id, const char *text,
    int to_owner)
{
	struct req_op op;
	int rc;

	op_init(&op, s, REQ_ACT_NOTE, id, -1);
	op.to_owner = to_owner ? 1 : 0;
	if ((rc = session_require(s, PERM_REQUEST_EDIT)) != 0 ||
	    (rc = parse_text(text, REQUEST_TEXT_MAX, 1, _("note"),
	    &op.text)) != 0)
		return rc;
	return act(&op);
}

int
svc_request_resolve(struct session *s, int64_t id, int64_t version,
    const char *resolution)
{
	return text_action(s, REQ_ACT_RESOLVE, id, version, PERM_REQUEST_EDIT,
	    resolution, 1, _("what was done"));
}

int
svc_request_callback(struct session *s, int64_t id, int64_t version,
    const char *result, const char *method, const char *comment)
{
	struct req_op op;
	int rc;

	op_init(&op, s, REQ_ACT_CALLBACK, id, version);
	if ((rc = session_require(s, PERM_REQUEST_EDIT)) != 0 ||
	    (rc = parse_set(REQ_SET_RESULT, result, -1, _("callback result"),
	    &op.result)) != 0 ||
	    (rc = parse_set(REQ_SET_METHOD, method, REQ_CB_PHONE,
	    _("callback method"), &op.method)) != 0 ||
	    (rc = parse_text(comment, REQUEST_TEXT_MAX, 0, _("comment"),
	    &op.text)) != 0)
		return rc;
	return act(&op);
}

int
svc_request_hold(struct session *s, int64_t id, int64_t version,
    const char *reason, const char *until)
{
	struct fd_date d, today, last;
	struct req_op op;
	char buf[DATE_BUFSZ];
	int32_t ahead;
	int rc;

	op_init(&op, s, REQ_ACT_HOLD, id, version);
	if ((rc = session_require(s, PERM_REQUEST_EDIT)) != 0)
		return rc;
	if (text_blank(until))
		return err_set(ERR_INVALID, _("until when? enter the date the "
					      "request comes back"));
	if ((rc = date_parse(until, &d)) != 0)
		return rc;
	today_str(buf, &today);
	ahead = date_diff(&today, &d);
	if (ahead < 1 || ahead > HOLD_MAX_DAYS) {
		date_add_days(&today, HOLD_MAX_DAYS, &last);
		date_format(buf, sizeof buf, &last);
		return err_set(ERR_INVALID, _("a hold must end after today and "
					      "by %s at the latest"), buf);
	}
	date_format(op.until, sizeof op.until, &d);
	if ((rc = parse_text(reason, REQUEST_TEXT_MAX, 1,
	    _("reason for the hold"), &op.text)) != 0)
		return rc;
	return act(&op);
}

int
svc_request_resume(struct session *s, int64_t id, int64_t version,
    const char *note)
{
	return text_action(s, REQ_ACT_RESUME, id, version, PERM_REQUEST_EDIT,
	    note, 0, _("note"));
}

int
svc_request_handover(struct session *s, int64_t id, int64_t version,
    int64_t to_user, const char *why)
{
	struct req_op op;
	int rc;

	op_init(&op, s, REQ_ACT_HANDOVER, id, version);
	op.to_user = to_user;
	if ((rc = session_require(s, PERM_REQUEST_EDIT)) != 0 ||
	    (rc = parse_text(why, REQUEST_TEXT_MAX, 1,
	    _("reason for the hand-over"), &op.text)) != 0)
		return rc;
	return act(&op);
}

int
svc_request_close(struct session *s, int64_t id, int64_t version,
    const char *note)
{
	return text_action(s, REQ_ACT_CLOSE, id, version, PERM_REQUEST_EDIT,
	    note, 0, _("note"));
}

int
svc_request_classify(struct session *s, int64_t id, int64_t version,
    int valid, const char *note)
{
	struct req_op op;
	int rc;

	op_init(&op, s, REQ_ACT_CLASSIFY, id, version);
	op.valid = valid ? 1 : 0;
	if ((rc = session_require(s, PERM_REQUEST_REVIEW)) != 0 ||
	    (rc = parse_text(note, REQUEST_TEXT_MAX, !valid,
	    _("why it is invalid"), &op.text)) != 0)
		return rc;
	return act(&op);
}

int
svc_request_reopen(struct session *s, int64_t id, int64_t version,
    const char *why)
{
	return text_action(s, REQ_ACT_REOPEN, id, version, PERM_REQUEST_EDIT,
	    why, 1, _("reason for reopening"));
}

/* ---- register ------------------------------------------------------------------ */

struct register_op {
	struct session *s;
	struct request_rules rules;
	struct service_request r;   /* validated fields */
	char house[HOUSENO_BUFSZ];  /* a house number typed, or "" */
	int64_t id;                 /* OUT */
	int seq;                    /* OUT */
};

/* The request as typed.  OUT: op->r (service_request_release()). */
static int
register_from_in(struct register_op *op, const struct request_in *in)
{
	struct service_request *r = &op->r;
	struct houseno no;
	char phone[PHONE_BUFSZ];
	int type, cat, urg, ch, rc;

	memset(r, 0, sizeof *r);
	if ((rc = parse_set(REQ_SET_TYPE, in->type, -1, _("request type"),
	    &type)) != 0 ||
	    (rc = parse_set(REQ_SET_CATEGORY, in->category, -1,
	    _("category"), &cat)) != 0 ||
	    (rc = parse_set(REQ_SET_URGENCY, in->urgency, REQ_NORMAL,
	    _("urgency"), &urg)) != 0 ||
	    (rc = parse_set(REQ_SET_CHANNEL, in->channel, in->visit_id > 0 ?
	    REQ_BY_VISIT : REQ_BY_PHONE, _("channel"), &ch)) != 0 ||
	    (rc = parse_text(in->description, REQUEST_DESC_MAX, 1,
	    _("description"), &r->description)) != 0 ||
	    (rc = parse_text(in->location, REQUEST_LOCATION_MAX, 0,
	    _("location"), &r->location)) != 0)
		return rc;
	if (text_blank(in->person))
		r->person = xstrdup("");
	else if ((rc = household_name_clean(in->person, _("contact person"),
	    &r->person)) != 0)
		return rc;
	if (text_blank(in->phone))
		phone[0] = '\0';
	else if ((rc = phone_parse(in->phone, phone, sizeof phone)) != 0)
		return rc;
	r->phone = xstrdup(phone);
	if (in->house_id <= 0 && !text_blank(in->house)) {
		if ((rc = houseno_parse(in->house, &no)) != 0)
			return rc;
		houseno_format(op->house, sizeof op->house, &no);
	}
	r->house_id = in->house_id > 0 ? in->house_id : 0;
	if (r->house_id == 0 && op->house[0] == '\0' && r->location[0] == '\0')
		return err_set(ERR_INVALID, _("no house and no location: give "
					      "the house number, or say where "
					      "in the estate (e.g. 3号楼电梯)"));
	r->visit_id = in->visit_id > 0 ? in->visit_id : 0;
	r->type = (enum req_type)type;
	r->category = (enum req_category)cat;
	r->urgency = (enum req_urgency)urg;
	r->channel = (enum req_channel)ch;
	r->dept = -1;
	r->cb_result = r->cb_method = r->valid = -1;
	r->handler = xstrdup("");
	r->hold_reason = xstrdup("");
	r->resolution = xstrdup("");
	r->cb_comment = xstrdup("");
	return 0;
}

static int
register_tx(struct db *db, void *arg)
{
	struct register_op *op = arg;
	struct service_request *r = &op->r;
	struct house h = {0};
	struct visit v = {0};
	struct fd_date day;
	char ph[32];
	int rc;

	if (op->house[0] != '\0') {
		if ((rc = house_db_get_by_code(db, op->house, &h)) ==
		    ERR_NOTFOUND)
			rc = err_set(ERR_NOTFOUND, _("house %s not found"),
			    op->house);
		if (rc != 0)
			goto out;
		r->house_id = h.id;
	} else if (r->house_id != 0) {
		if ((rc = house_db_get(db, r->house_id, &h)) == ERR_NOTFOUND)
			rc = err_set(ERR_NOTFOUND, _("house not found; it may "
						     "have been changed at "
						     "another desk"));
		if (rc != 0)
			goto out;
	}
	if (r->visit_id != 0 && (rc = visit_db_get(db, r->visit_id, &v)) != 0) {
		if (rc == ERR_NOTFOUND)
			rc = err_set(ERR_NOTFOUND, _("visit not found"));
		goto out;
	}
	r->at = clock_now();
	if ((rc = request_day_of(r->at, &day)) != 0)
		goto out;
	date_format(r->day, sizeof r->day, &day);
	r->state = REQ_REGISTERED;
	r->receiver_id = op->s->user_id;
	r->needs_callback = request_needs_callback(&op->rules, r->type);
	request_clock_start(&op->rules, r->type, r->urgency, r->at, &r->clock);
	running(r);
	if ((rc = request_db_insert(db, r, r->at, &op->id, &op->seq)) != 0)
		goto out;
	request_number(r->no, sizeof r->no, &day, op->seq);
	if ((rc = log_event(db, &(struct req_op){.s = op->s}, op->id,
	    REQ_ACT_REGISTER, request_code(REQ_SET_CHANNEL, r->channel), "",
	    0)) != 0)
		goto out;
	rc = svc_audit(db, op->s, "request.register", "request", op->id,
	    "%s registered: %s/%s, %s, by %s, house %s, location %s, "
	    "person %s, phone %s, %zu characters%s", r->no,
	    request_code(REQ_SET_TYPE, r->type),
	    request_code(REQ_SET_CATEGORY, r->category),
	    request_code(REQ_SET_URGENCY, r->urgency),
	    request_code(REQ_SET_CHANNEL, r->channel),
	    h.code != NULL ? h.code : "''",
	    r->location[0] ? r->location : "''",
	    r->person[0] ? r->person : "''",
	    masked_phone(r->phone, ph, sizeof ph),
	    utf8_nchars(r->description),
	    r->visit_id != 0 ? ", from a visit" : "");
out:
	house_release(&h);
	visit_release(&v);
	return rc;
}

int
svc_request_register(struct session *s, const struct request_in *in,
    int64_t *id_out, char *no_out)
{
	struct register_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if ((rc = session_require(s, PERM_REQUEST_EDIT)) != 0 ||
	    (rc = register_from_in(&op, in)) != 0 ||
	    (rc = rules(s, &op.rules)) != 0 ||
	    (rc = db_tx(s->db, register_tx, &op)) != 0)
		goto out;
	if (id_out != NULL)
		*id_out = op.id;
	if (no_out != NULL)
		snprintf(no_out, REQUEST_NO_BUFSZ, "%s", op.r.no);
out:
	request_rules_release(&op.rules);
	service_request_release(&op.r);
	return rc;
}

/* ---- holds ending by themselves --------------------------------------------------- */

struct wake_op {
	struct req_op *op;
	char today[DATE_BUFSZ];
};

static int
wake_tx(struct db *db, void *arg)
{
	struct wake_op *w = arg;
	struct service_request r = {0};
	int64_t *ids = NULL;
	int i, n = 0, rc;

	w->op->woken = 0;
	if ((rc = request_db_holds_due(db, w->today, &ids, &n)) != 0)
		return rc;
	for (i = 0; i < n && rc == 0; i++) {
		if ((rc = request_db_get(db, ids[i], &r)) == 0)
			rc = wake_one(db, w->op, &r);
		service_request_release(&r);
	}
	free(ids);
	return rc;
}

/* Resume the holds that are due, when there are any.  OUT: *n. */
static int
wake(struct session *s, int *n)
{
	struct req_op op;
	struct wake_op w;
	int64_t *ids = NULL;
	int rc, due = 0;

	if (n != NULL)
		*n = 0;
	today_str(w.today, NULL);
	/* the usual case, nothing due, costs one indexed read */
	if ((rc = request_db_holds_due(s->db, w.today, &ids, &due)) != 0)
		return rc;
	free(ids);
	if (due == 0)
		return 0;
	op_init(&op, s, REQ_ACT_RESUME, 0, -1);
	w.op = &op;
	if ((rc = rules(s, &op.rules)) == 0)
		rc = db_tx(s->db, wake_tx, &w);
	request_rules_release(&op.rules);
	if (rc == 0 && n != NULL)
		*n = op.woken;
	return rc;
}

int
svc_request_wake(struct session *s, int *n)
{
	int rc;

	if (n != NULL)
		*n = 0;
	if ((rc = session_require(s, PERM_REQUEST_VIEW)) != 0)
		return rc;
	return wake(s, n);
}

/* The permission check and the wake of every read. */
static int
read_begin(struct session *s)
{
	int rc;

	if ((rc = session_require(s, PERM_REQUEST_VIEW)) != 0)
		return rc;
	return wake(s, NULL);
}

/* ---- reading --------------------------------------------------------------------- */

unsigned
svc_request_may(const struct session *s, const struct service_request *r)
{
	struct req_facts f = facts(r);
	unsigned bits = request_actions(r->state, &f), may = 0;
	int a;

	for (a = 0; a < REQ_ACT_COUNT; a++) {
		if (!((bits >> a) & 1))
			continue;
		switch (a) {
		case REQ_ACT_CLASSIFY:
			if (session_may(s, PERM_REQUEST_REVIEW))
				may |= 1u << a;
			break;
		case REQ_ACT_REOPEN:
			if (session_may(s, r->state == REQ_CLOSED ?
			    PERM_REQUEST_REVIEW : PERM_REQUEST_EDIT))
				may |= 1u << a;
			break;
		case REQ_ACT_HANDOVER:
			if (session_may(s, PERM_REQUEST_EDIT) &&
			    (s->user_id == r->receiver_id ||
			    s->role == ROLE_DIRECTOR))
				may |= 1u << a;
			break;
		default:
			if (session_may(s, PERM_REQUEST_EDIT))
				may |= 1u << a;
		}
	}
	return may;
}

void
request_detail_release(struct request_detail *d)
{
	service_request_release(&d->r);
	request_event_vec_release(&d->log);
	memset(d, 0, sizeof *d);
}

struct detail_op {
	int64_t id;
	const char *day;
	int seq;
	struct request_detail *out;
};

static int
detail_rd(struct db *db, void *arg)
{
	struct detail_op *op = arg;
	int rc;

	rc = op->day != NULL ? request_db_get_by_no(db, op->day, op->seq,
	    &op->out->r) : request_db_get(db, op->id, &op->out->r);
	if (rc == ERR_NOTFOUND)
		return no_request();
	if (rc != 0)
		return rc;
	return request_db_events(db, op->out->r.id, &op->out->log);
}

/* Read a detail by id, or by day and number. */
static int
detail(struct session *s, struct detail_op *op)
{
	struct request_detail *d = op->out;
	int rc;

	memset(d, 0, sizeof *d);
	if ((rc = read_begin(s)) != 0)
		return rc;
	if ((rc = db_read(s->db, detail_rd, op)) != 0) {
		request_detail_release(d);
		return rc;
	}
	d->actions = svc_request_may(s, &d->r);
	d->due = request_due(clock_now(), d->r.due_at, d->r.warn_at);
	return 0;
}

int
svc_request_detail(struct session *s, int64_t id, struct request_detail *out)
{
	struct detail_op op = {id, NULL, 0, out};

	return detail(s, &op);
}

int
svc_request_detail_by_no(struct session *s, const char *no,
    struct request_detail *out)
{
	struct detail_op op = {0, NULL, 0, out};
	struct fd_date d;
	char day[DATE_BUFSZ];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = request_number_parse(no, &d, &op.seq)) != 0)
		return rc;
	date_format(day, sizeof day, &d);
	op.day = day;
	return detail(s, &op);
}

struct queue_op {
	struct request_query q;
	int limit, offset;
	struct request_list *out;
};

static int
queue_rd(struct db *db, void *arg)
{
	struct queue_op *op = arg;

	return request_db_queue(db, &op->q, op->limit, op->offset, op->out);
}

int
svc_request_queue(struct session *s, const struct request_query *q,
    int limit, int offset, struct request_list *out)
{
	struct queue_op op;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = read_begin(s)) != 0)
		return rc;
	op.q = *q;
	op.q.now = clock_now();
	if (op.q.queue == REQ_Q_MINE)
		op.q.user_id = s->user_id;
	op.limit = limit > 0 && limit < SVC_REQUEST_QUEUE_MAX ? limit :
	    SVC_REQUEST_QUEUE_MAX;
	op.offset = offset;
	op.out = out;
	return db_read(s->db, queue_rd, &op);
}

int
svc_request_queue_due_today(struct session *s, const struct request_query *q,
    int limit, int offset, struct request_list *out)
{
	struct request_query t = *q;
	struct fd_date today;

	date_today(&today);
	t.due_from = day_start_plus(&today, 0);
	t.due_to = day_start_plus(&today, 1);
	return svc_request_queue(s, &t, limit, offset, out);
}

int
svc_request_counts(struct session *s, struct request_counts *out)
{
	struct fd_date today;
	char day[DATE_BUFSZ];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = read_begin(s)) != 0)
		return rc;
	today_str(day, &today);
	return request_db_counts(s->db, s->user_id, clock_now(),
	    day_start_plus(&today, 0), day_start_plus(&today, 1), day, out);
}

int
svc_request_overdue(struct session *s, struct request_list *out)
{
	struct request_query q;

	memset(&q, 0, sizeof q);
	q.queue = REQ_Q_OPEN;
	q.type = q.state = q.dept = -1;
	q.overdue = 1;
	return svc_request_queue(s, &q, 0, 0, out);
}

/* A day as typed (blank: today), not after today when not_future.
 * OUT: *d, day ("YYYY-MM-DD"). */
static int
parse_day(const char *in, int not_future, struct fd_date *d,
    char day[DATE_BUFSZ])
{
	struct fd_date today;
	int rc;

	date_today(&today);
	if (text_blank(in))
		*d = today;
	else if ((rc = date_parse(in, d)) != 0)
		return rc;
	date_format(day, DATE_BUFSZ, d);
	if (not_future && date_cmp(d, &today) > 0)
		return err_set(ERR_INVALID, _("%s has not come yet; a register "
					      "is signed off on the day or "
					      "later"), day);
	return 0;
}

struct day_op {
	struct request_query q;
	const char *day;
	struct request_list *out;
	struct request_signoff *so;
	int is_signed;
};

static int
day_rd(struct db *db, void *arg)
{
	struct day_op *op = arg;
	int rc;

	if ((rc = request_db_queue(db, &op->q, 0, 0, op->out)) != 0)
		return rc;
	rc = request_db_signoff_get(db, op->day, op->so);
	op->is_signed = rc == 0;
	if (rc == ERR_NOTFOUND)
		rc = 0;
	if (rc != 0)
		request_list_release(op->out);
	return rc;
}

int
svc_request_day(struct session *s, const char *day, struct request_list *out,
    struct request_signoff *so, int *is_signed)
{
	struct request_signoff local = {0};
	struct day_op op;
	struct fd_date d;
	char buf[DATE_BUFSZ];
	int rc;

	memset(out, 0, sizeof *out);
	memset(&op, 0, sizeof op);
	if (so != NULL)
		memset(so, 0, sizeof *so);
	if (is_signed != NULL)
		*is_signed = 0;
	if ((rc = read_begin(s)) != 0 || (rc = parse_day(day, 0, &d, buf)) != 0)
		return rc;
	op.q.queue = REQ_Q_RANGE;
	op.q.type = op.q.state = op.q.dept = -1;
	op.q.now = clock_now();
	op.q.from = day_start_plus(&d, 0);
	op.q.to = day_start_plus(&d, 1);
	op.day = buf;
	op.out = out;
	op.so = so != NULL ? so : &local;
	if ((rc = db_read(s->db, day_rd, &op)) != 0)
		return rc;
	if (so == NULL)
		request_signoff_release(&local);
	if (is_signed != NULL)
		*is_signed = op.is_signed;
	return 0;
}

struct signoff_op {
	struct session *s;
	struct request_signoff so;
};

static int
signoff_tx(struct db *db, void *arg)
{
	struct signoff_op *op = arg;
	struct request_signoff old;
	char when[DATE_TIME_BUFSZ];
	int64_t n;
	int rc;

	if ((rc = request_db_day_count(db, op->so.day, &n)) != 0)
		return rc;
	op->so.count = (int)n;
	op->so.at = clock_now();
	if ((rc = request_db_signoff(db, &op->so)) == ERR_CONFLICT &&
	    request_db_signoff_get(db, op->so.day, &old) == 0) {
		date_format_time(when, sizeof when, (time_t)old.at);
		rc = err_set(ERR_CONFLICT, _("the register of %s was signed "
					     "off already, by %s at %s"),
		    op->so.day, old.director_name, when);
		request_signoff_release(&old);
	}
	if (rc != 0)
		return rc;
	return svc_audit(db, op->s, "request.signoff", "request", 0,
	    "register of %s signed off: %d requests%s%s", op->so.day,
	    op->so.count, op->so.note[0] ? "; note: " : "", op->so.note);
}

int
svc_request_signoff(struct session *s, const char *day, const char *note)
{
	struct signoff_op op;
	struct fd_date d;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.so.director_id = s->user_id;
	if ((rc = session_require(s, PERM_REQUEST_REVIEW)) != 0 ||
	    (rc = parse_day(day, 1, &d, op.so.day)) != 0 ||
	    (rc = parse_text(note, REQUEST_TEXT_MAX, 0, _("note"),
	    &op.so.note)) != 0 ||
	    (rc = wake(s, NULL)) != 0)
		goto out;
	rc = db_tx(s->db, signoff_tx, &op);
out:
	free(op.so.note);
	return rc;
}

static int
review_rd(struct db *db, void *arg)
{
	struct request_month *m = arg;

	return request_db_review(db, m->from, m->to, m->now, &m->review);
}

int
svc_request_review(struct session *s, const char *period,
    struct request_month *out)
{
	struct fd_date first;
	struct fd_period next;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = read_begin(s)) != 0 ||
	    (rc = date_period_parse(period != NULL ? period : "",
	    &out->period)) != 0 ||
	    (rc = date_period_next(&out->period, &next)) != 0)
		return rc;
	date_period_first(&out->period, &first);
	out->from = request_day_start(&first);
	date_period_first(&next, &first);
	out->to = request_day_start(&first);
	out->now = clock_now();
	return db_read(s->db, review_rd, out);
}

int
svc_request_staff(struct session *s, struct request_user **out, int *n)
{
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = session_require(s, PERM_REQUEST_VIEW)) != 0)
		return rc;
	return request_db_staff(s->db, out, n);
}

/* ---- drafts ---------------------------------------------------------------------- */

void
request_draft_release(struct request_draft *d)
{
	free(d->house);
	free(d->person);
	free(d->phone);
	free(d->description);
	memset(d, 0, sizeof *d);
}

/* Point d->in at d's strings. */
static void
draft_link(struct request_draft *d)
{
	d->in.house = d->house;
	d->in.person = d->person;
	d->in.phone = d->phone;
	d->in.description = d->description;
	d->in.type = d->type;
}

int
svc_request_draft_from_visit(struct session *s, int64_t visit_id,
    struct request_draft *d)
{
	struct visit v = {0};
	int rc;

	memset(d, 0, sizeof *d);
	if ((rc = session_require(s, PERM_REQUEST_EDIT)) != 0)
		return rc;
	if ((rc = visit_db_get(s->db, visit_id, &v)) == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("visit not found"));
	if (rc != 0)
		return rc;
	d->in.visit_id = v.id;
	d->in.house_id = v.house_id;
	d->house = xstrdup(v.house_code);
	d->person = xstrdup(v.visitor_name);
	d->phone = xstrdup(v.phone);
	d->description = xstrdup(v.content);
	d->type = v.purpose == VISIT_CONSULT ? "consult" :
	    v.purpose == VISIT_COMPLAINT ? "complaint" :
	    v.purpose == VISIT_REPAIR ? "repair" : "";
	d->in.channel = "visit";
	draft_link(d);
	visit_release(&v);
	return 0;
}

int
svc_request_draft_from_house(struct session *s, int64_t house_id,
    struct request_draft *d)
{
	struct holding_vec owners = {0};
	struct house h = {0};
	int rc;

	memset(d, 0, sizeof *d);
	if ((rc = session_require(s, PERM_REQUEST_EDIT)) != 0)
		return rc;
	if ((rc = house_db_get(s->db, house_id, &h)) == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("house not found"));
	if (rc != 0 || (rc = owner_db_holdings_of_house(s->db, house_id, 1,
	    &owners)) != 0)
		goto out;
	d->in.house_id = h.id;
	d->house = xstrdup(h.code);
	d->person = xstrdup(owners.n > 0 ? owners.v[0].o.name : "");
	d->phone = xstrdup(owners.n > 0 ? owners.v[0].o.phone : "");
	d->description = xstrdup("");
	d->type = "";
	draft_link(d);
out:
	holding_vec_release(&owners);
	house_release(&h);
	return rc;
}

/* ---- export ---------------------------------------------------------------------- */

struct export_op {
	struct session *s;
	int64_t from, to;
	int (*fn)(const struct service_request *, void *);
	void *arg;
	int masked;
	long rows;
};

static int
export_row(const struct service_request *r, void *arg)
{
	struct export_op *op = arg;
	struct service_request copy;
	char buf[PHONE_BUFSZ + 8];
	int rc;

	op->rows++;
	if (!op->masked || r->phone[0] == '\0')
		return op->fn(r, op->arg);
	copy = *r;
	copy.phone = (char *)masked_phone(r->phone, buf, sizeof buf);
	rc = op->fn(&copy, op->arg);
	return rc;
}

static int
export_rd(struct db *db, void *arg)
{
	struct export_op *op = arg;

	return request_db_each(db, op->from, op->to, export_row, op);
}

static int
export_audit_tx(struct db *db, void *arg)
{
	struct export_op *op = arg;

	return svc_audit(db, op->s, "export.requests", "database", 0,
	    "export.requests, %ld rows, %s numbers", op->rows,
	    op->masked ? "masked" : "full");
}

int
svc_request_export(struct session *s, int64_t from, int64_t to,
    int (*fn)(const struct service_request *r, void *arg), void *arg)
{
	struct export_op op = {s, from, to, fn, arg, 0, 0};
	char msg[512];
	int rc, code, rc2;

	if ((rc = read_begin(s)) != 0)
		return rc;
	op.masked = !session_may(s, PERM_REVEAL);
	rc = db_read(s->db, export_rd, &op);
	snprintf(msg, sizeof msg, "%s", err_msg());
	code = err_code();
	if ((rc2 = db_tx(s->db, export_audit_tx, &op)) != 0)
		return rc2;
	if (rc != 0 && code == rc)
		err_set(code, "%s", msg);
	return rc;
}
