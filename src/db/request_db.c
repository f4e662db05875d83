/*
 * request_db.c: SQL of service requests: the requests table, its timeline
 * (request_log, which also holds the hand-overs of first-ask
 * responsibility) and the director's daily sign-offs.  No business rules,
 * no curses; never deletes (the schema refuses it).
 *
 * Schema notes (sql/0006_requests.sql keeps its comments short to stay
 * under C's 4095-byte string limit):
 *   - a request's number is not stored: TS + day + "-" + seq, with (day,
 *     seq) unique and seq allocated as max+1 of the day inside the insert
 *     itself, under the writer lock, so the numbers of a day run 1..N;
 *   - times are unix seconds, 0 for "not yet";
 *   - request_log.user_id is NULL for what happened by itself (a hold
 *     ending on its date); a hand-over row names from_user and to_user;
 *     request_log.code holds the coded detail of some kinds (callback
 *     result, department, classification, until-date, state resumed to);
 *   - the first receiver can change only right after a hand-over row from
 *     the old to the new one (trigger requests_receiver).
 */
#include "db/request_db.h"

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
	REQ_SQL_INSERT,
	REQ_SQL_SEQ,
	REQ_SQL_GET,
	REQ_SQL_GET_NO,
	REQ_SQL_UPDATE,
	REQ_SQL_RECEIVER,
	REQ_SQL_LOG,
	REQ_SQL_EVENTS,
	REQ_SQL_Q_OPEN,
	REQ_SQL_Q_MINE,
	REQ_SQL_Q_CALLBACK,
	REQ_SQL_Q_HOLD,
	REQ_SQL_Q_RANGE,
	REQ_SQL_Q_HOUSE,
	REQ_SQL_C_OPEN,
	REQ_SQL_C_MINE,
	REQ_SQL_C_CALLBACK,
	REQ_SQL_C_HOLD,
	REQ_SQL_C_RANGE,
	REQ_SQL_C_HOUSE,
	REQ_SQL_HOLDS_DUE,
	REQ_SQL_COUNTS,
	REQ_SQL_DAY_COUNT,
	REQ_SQL_SIGNOFF,
	REQ_SQL_SIGNOFF_GET,
	REQ_SQL_REVIEW,
	REQ_SQL_REVIEW_TYPE,
	REQ_SQL_REVIEW_CAT,
	REQ_SQL_REVIEW_STATE,
	REQ_SQL_REVIEW_CB,
	REQ_SQL_REVIEW_CB_DUE,
	REQ_SQL_EACH,
	REQ_SQL_CHECK,
	REQ_SQL_USER,
	REQ_SQL_STAFF,
};

/* Every field a desk may change, as "col = :param" pairs. */
#define REQ_SET_FIELDS                                                         \
	"type = :type, category = :category, urgency = :urgency,"              \
	" channel = :channel, house_id = :house, location = :location,"        \
	" person = :person, phone = :phone, descr = :descr, dept = :dept,"     \
	" handler = :handler, handler_id = :handler_id, state = :state,"       \
	" respond_by = :respond_by, respond_warn = :respond_warn,"             \
	" resolve_by = :resolve_by, resolve_warn = :resolve_warn,"             \
	" callback_by = :callback_by, callback_warn = :callback_warn,"         \
	" due_at = :due_at, warn_at = :warn_at,"                               \
	" responded_at = :responded_at, resolved_at = :resolved_at,"           \
	" closed_at = :closed_at, held_from = :held_from,"                     \
	" held_at = :held_at, hold_until = :hold_until,"                       \
	" hold_reason = :hold_reason, resolution = :resolution,"               \
	" cb_result = :cb_result, cb_method = :cb_method,"                     \
	" cb_comment = :cb_comment, cb_at = :cb_at, valid = :valid,"           \
	" reopens = :reopens"

#define REQ_COLS                                                               \
	"r.id, r.day, r.seq, r.type, r.category, r.urgency, r.channel,"        \
	" coalesce(r.house_id, 0), coalesce(h.code, ''),"                      \
	" coalesce(h.building, 0), r.location, r.person, r.phone, r.descr,"    \
	" coalesce(r.visit_id, 0), r.receiver, coalesce(u.display, ''),"       \
	" r.dept, r.handler, coalesce(r.handler_id, 0),"                       \
	" coalesce(hu.display, ''), r.state, r.at, r.respond_by,"              \
	" r.respond_warn, r.resolve_by, r.resolve_warn, r.callback_by,"        \
	" r.callback_warn, r.due_at, r.warn_at, r.responded_at,"               \
	" r.resolved_at, r.closed_at, r.held_from, r.held_at,"                 \
	" coalesce(r.hold_until, ''), r.hold_reason, r.resolution,"            \
	" r.needs_cb, r.cb_result, r.cb_method, r.cb_comment, r.cb_at,"        \
	" coalesce(r.valid, -1), r.reopens, r.version, r.updated_at"
#define REQ_FROM                                                               \
	" FROM requests r LEFT JOIN houses h ON h.id = r.house_id"             \
	" LEFT JOIN users u ON u.id = r.receiver"                              \
	" LEFT JOIN users hu ON hu.id = r.handler_id"

/* A queue line. */
#define ROW_COLS                                                               \
	"r.id, r.day, r.seq, r.at, r.type, r.category, r.urgency, r.state,"    \
	" r.held_from, r.dept, coalesce(h.code, ''), r.location, r.person,"    \
	" replace(replace(substr(r.descr, 1, 60), char(10), ' '), char(13),"   \
	" ' '), r.receiver, coalesce(u.display, ''), r.handler,"               \
	" coalesce(r.handler_id, 0), r.due_at, r.warn_at, r.callback_by,"      \
	" r.resolved_at, coalesce(r.hold_until, ''), r.cb_result,"             \
	" coalesce(r.valid, -1), r.reopens, r.version"
#define ROW_FROM                                                               \
	" FROM requests r LEFT JOIN houses h ON h.id = r.house_id"             \
	" LEFT JOIN users u ON u.id = r.receiver WHERE "
/*
 * The filters every queue takes (NULL / 0 filters nothing).  The number
 * is built and matched only when what was typed could be part of one
 * (:nopat not NULL), so typing a name costs no string building per row.
 */
#define ROW_FILTERS                                                            \
	" AND (:type IS NULL OR r.type = :type)"                               \
	" AND (:state IS NULL OR r.state = :state)"                            \
	" AND (:dept IS NULL OR r.dept = :dept)"                               \
	" AND (:building = 0 OR h.building = :building)"                       \
	" AND (:overdue = 0 OR (r.due_at > 0 AND r.due_at < :now))"            \
	" AND (:due_to = 0 OR (r.due_at >= :due_from AND r.due_at < :due_to))" \
	" AND (:pat IS NULL OR (:nopat IS NOT NULL AND ('TS' ||"               \
	" replace(r.day, '-', '') || '-' || printf('%04d', r.seq)) LIKE"       \
	" :nopat ESCAPE '\\')"                                                   \
	" OR h.code LIKE :pat ESCAPE '\\' OR r.location LIKE :pat ESCAPE '\\'" \
	" OR r.person LIKE :pat ESCAPE '\\' OR r.phone LIKE :pat ESCAPE '\\'"  \
	" OR r.descr LIKE :pat ESCAPE '\\')"
#define ROW_PAGE " LIMIT :limit OFFSET :offset"
/* the order of the partial index requests_open: no sort */
#define BY_DUE " ORDER BY r.due_at = 0, r.due_at, r.id"
#define ROW_COUNT "SELECT count(*)"
/* the WHERE of each queue */
#define W_OPEN "r.state <> 'closed'"
#define W_MINE                                                                 \
	"r.state <> 'closed' AND (r.receiver = :user OR r.handler_id = :user)"
#define W_CALLBACK                                                             \
	"r.state <> 'closed' AND r.state = 'resolved' AND r.needs_cb = 1"
#define W_HOLD "r.state = 'on_hold'"
#define W_RANGE "r.at >= :from AND r.at < :to"
#define W_HOUSE "r.house_id = :house"

#define EVENT_COLS                                                             \
	"l.id, l.request_id, l.at, coalesce(l.user_id, 0),"                    \
	" coalesce(u.display, ''), l.kind, coalesce(l.code, ''), l.text,"      \
	" l.to_owner, coalesce(l.from_user, 0), coalesce(l.to_user, 0),"       \
	" coalesce(fu.display, ''), coalesce(tu.display, '')"

#define OPEN_STATES "('registered', 'dispatched', 'in_progress')"

static const char *const sql[] = {
	[REQ_SQL_INSERT] =
	    "INSERT INTO requests (day, seq, type, category, urgency, channel,"
	    " house_id, location, person, phone, descr, visit_id, receiver,"
	    " dept, handler, handler_id, state, at, respond_by, respond_warn,"
	    " resolve_by, resolve_warn, callback_by, callback_warn, due_at,"
	    " warn_at, responded_at, resolved_at, closed_at, held_from,"
	    " held_at, hold_until, hold_reason, resolution, needs_cb,"
	    " cb_result, cb_method, cb_comment, cb_at, valid, reopens,"
	    " version, updated_at)"
	    " SELECT :day, coalesce(max(seq), 0) + 1, :type, :category,"
	    " :urgency, :channel, :house, :location, :person, :phone, :descr,"
	    " :visit, :receiver, :dept, :handler, :handler_id, :state, :at,"
	    " :respond_by, :respond_warn, :resolve_by, :resolve_warn,"
	    " :callback_by, :callback_warn, :due_at, :warn_at,"
	    " :responded_at, :resolved_at, :closed_at, :held_from, :held_at,"
	    " :hold_until, :hold_reason, :resolution, :needs_cb, :cb_result,"
	    " :cb_method, :cb_comment, :cb_at, :valid, :reopens, 1, :now"
	    " FROM requests WHERE day = :day",
	[REQ_SQL_SEQ] = "SELECT seq FROM requests WHERE id = :id",
	[REQ_SQL_GET] = "SELECT " REQ_COLS REQ_FROM " WHERE r.id = :id",
	[REQ_SQL_GET_NO] = "SELECT " REQ_COLS REQ_FROM
			   " WHERE r.day = :day AND r.seq = :seq",
	[REQ_SQL_UPDATE] = "UPDATE requests SET " REQ_SET_FIELDS
			   ", version = version + 1, updated_at = :now"
			   " WHERE id = :id AND version = :version",
	[REQ_SQL_RECEIVER] =
	    "UPDATE requests SET receiver = :to, version = version + 1,"
	    " updated_at = :now WHERE id = :id AND version = :version",
	[REQ_SQL_LOG] =
	    "INSERT INTO request_log (request_id, at, user_id, kind, code,"
	    " text, to_owner, from_user, to_user) VALUES (:request, :at,"
	    " :user, :kind, :code, :text, :to_owner, :from_user, :to_user)",
	[REQ_SQL_EVENTS] =
	    "SELECT " EVENT_COLS " FROM request_log l"
	    " LEFT JOIN users u ON u.id = l.user_id"
	    " LEFT JOIN users fu ON fu.id = l.from_user"
	    " LEFT JOIN users tu ON tu.id = l.to_user"
	    " WHERE l.request_id = :request ORDER BY l.id",
	[REQ_SQL_Q_OPEN] = "SELECT " ROW_COLS ROW_FROM W_OPEN ROW_FILTERS
			   BY_DUE ROW_PAGE,
	[REQ_SQL_Q_MINE] = "SELECT " ROW_COLS ROW_FROM W_MINE ROW_FILTERS
			   BY_DUE ROW_PAGE,
	[REQ_SQL_Q_CALLBACK] = "SELECT " ROW_COLS ROW_FROM W_CALLBACK
			       ROW_FILTERS " ORDER BY r.callback_by, r.id"
			       ROW_PAGE,
	[REQ_SQL_Q_HOLD] = "SELECT " ROW_COLS ROW_FROM W_HOLD ROW_FILTERS
			   " ORDER BY r.hold_until, r.id" ROW_PAGE,
	[REQ_SQL_Q_RANGE] = "SELECT " ROW_COLS ROW_FROM W_RANGE ROW_FILTERS
			    " ORDER BY r.day, r.seq" ROW_PAGE,
	[REQ_SQL_Q_HOUSE] = "SELECT " ROW_COLS ROW_FROM W_HOUSE ROW_FILTERS
			    " ORDER BY r.at DESC, r.id DESC" ROW_PAGE,
	[REQ_SQL_C_OPEN] = ROW_COUNT ROW_FROM W_OPEN ROW_FILTERS,
	[REQ_SQL_C_MINE] = ROW_COUNT ROW_FROM W_MINE ROW_FILTERS,
	[REQ_SQL_C_CALLBACK] = ROW_COUNT ROW_FROM W_CALLBACK ROW_FILTERS,
	[REQ_SQL_C_HOLD] = ROW_COUNT ROW_FROM W_HOLD ROW_FILTERS,
	[REQ_SQL_C_RANGE] = ROW_COUNT ROW_FROM W_RANGE ROW_FILTERS,
	[REQ_SQL_C_HOUSE] = ROW_COUNT ROW_FROM W_HOUSE ROW_FILTERS,
	[REQ_SQL_HOLDS_DUE] =
	    "SELECT id FROM requests WHERE state = 'on_hold'"
	    " AND hold_until <= :today"
	    " ORDER BY held_at, id",
	[REQ_SQL_COUNTS] =
	    "SELECT count(*), coalesce(sum(receiver = :user"
	    " OR handler_id = :user), 0),"
	    " coalesce(sum(due_at > 0 AND due_at < :now), 0),"
	    " coalesce(sum(due_at >= :now AND warn_at > 0"
	    " AND warn_at <= :now), 0),"
	    " coalesce(sum(due_at >= :from AND due_at < :to), 0),"
	    " coalesce(sum(state = 'resolved' AND needs_cb = 1), 0),"
	    " coalesce(sum(state = 'on_hold'), 0),"
	    " (SELECT count(*) FROM requests WHERE day = :day),"
	    " EXISTS (SELECT 1 FROM request_signoffs WHERE day = :day)"
	    " FROM requests WHERE state <> 'closed'",
	[REQ_SQL_DAY_COUNT] = "SELECT count(*) FROM requests WHERE day = :day",
	[REQ_SQL_SIGNOFF] =
	    "INSERT INTO request_signoffs (day, director, at, count, note)"
	    " VALUES (:day, :director, :at, :count, :note)",
	[REQ_SQL_SIGNOFF_GET] =
	    "SELECT s.day, s.director, coalesce(u.display, ''), s.at, s.count,"
	    " s.note FROM request_signoffs s LEFT JOIN users u"
	    " ON u.id = s.director WHERE s.day = :day",
	[REQ_SQL_REVIEW] =
	    "SELECT count(*),"
	    " coalesce(sum(responded_at > 0 AND responded_at <= respond_by), 0),"
	    " coalesce(sum(responded_at > respond_by OR (responded_at = 0"
	    " AND state <> 'on_hold' AND respond_by < :now)), 0),"
	    " coalesce(sum(resolved_at > 0 AND resolved_at <= resolve_by), 0),"
	    " coalesce(sum(resolved_at > resolve_by OR (resolved_at = 0"
	    " AND state IN " OPEN_STATES " AND resolve_by < :now)), 0),"
	    " coalesce(sum(resolved_at > 0), 0),"
	    " coalesce(sum(CASE WHEN resolved_at > 0 THEN resolved_at - at"
	    " END), 0),"
	    " coalesce(sum(reopens > 0), 0), coalesce(sum(reopens), 0),"
	    " coalesce(sum(valid = 1), 0), coalesce(sum(valid = 0), 0),"
	    " coalesce(sum(state <> 'closed' AND due_at > 0"
	    " AND due_at < :now), 0)"
	    " FROM requests WHERE at >= :from AND at < :to",
	[REQ_SQL_REVIEW_TYPE] =
	    "SELECT type, count(*) FROM requests WHERE at >= :from"
	    " AND at < :to GROUP BY type",
	[REQ_SQL_REVIEW_CAT] =
	    "SELECT category, count(*) FROM requests WHERE at >= :from"
	    " AND at < :to GROUP BY category",
	[REQ_SQL_REVIEW_STATE] =
	    "SELECT state, count(*) FROM requests WHERE at >= :from"
	    " AND at < :to GROUP BY state",
	[REQ_SQL_REVIEW_CB] =
	    "SELECT count(*), coalesce(sum(l.code = 'satisfied'), 0),"
	    " coalesce(sum(l.code = 'fairly'), 0),"
	    " coalesce(sum(l.code = 'unsatisfied'), 0)"
	    " FROM requests r JOIN request_log l ON l.request_id = r.id"
	    " WHERE r.at >= :from AND r.at < :to AND l.kind = 'callback'",
	[REQ_SQL_REVIEW_CB_DUE] =
	    "SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM request_log l"
	    " WHERE l.request_id = r.id AND l.kind = 'callback')), 0)"
	    " FROM requests r WHERE r.at >= :from AND r.at < :to"
	    " AND r.needs_cb = 1 AND EXISTS (SELECT 1 FROM request_log l"
	    " WHERE l.request_id = r.id AND l.kind = 'resolve')",
	[REQ_SQL_EACH] = "SELECT " REQ_COLS REQ_FROM
			 " WHERE r.at >= :from AND r.at < :to"
			 " ORDER BY r.day, r.seq",
	[REQ_SQL_CHECK] =
	    "SELECT (SELECT count(*) FROM requests),"
	    " (SELECT count(*) FROM (SELECT day FROM requests GROUP BY day"
	    " HAVING min(seq) <> 1 OR max(seq) <> count(*))),"
	    " (SELECT count(*) FROM requests r WHERE NOT EXISTS (SELECT 1"
	    " FROM request_log l WHERE l.request_id = r.id"
	    " AND l.kind = 'register')),"
	    " (SELECT count(*) FROM requests r WHERE r.receiver IS NOT"
	    " coalesce((SELECT to_user FROM request_log l WHERE"
	    " l.request_id = r.id AND l.kind = 'handover' ORDER BY l.id DESC"
	    " LIMIT 1), (SELECT user_id FROM request_log l WHERE"
	    " l.request_id = r.id AND l.kind = 'register' ORDER BY l.id"
	    " LIMIT 1))),"
	    " (SELECT count(*) FROM requests WHERE state = 'closed'"
	    " AND needs_cb = 1 AND (cb_result IS NULL"
	    " OR cb_result = 'unsatisfied' OR cb_at < resolved_at)),"
	    " (SELECT count(*) FROM requests WHERE (responded_at > 0"
	    " AND responded_at < at) OR (resolved_at > 0 AND resolved_at < at)"
	    " OR (cb_at > 0 AND cb_at < at) OR (closed_at > 0 AND closed_at < at)"
	    " OR (state = 'closed' AND closed_at = 0) OR (state IN ('resolved',"
	    " 'called_back', 'closed') AND resolved_at = 0)),"
	    " (SELECT count(*) FROM requests WHERE state = 'on_hold'"
	    " AND hold_until <= :today)",
	[REQ_SQL_USER] = "SELECT id, name, display, role, active FROM users"
			 " WHERE id = :id",
	[REQ_SQL_STAFF] = "SELECT id, name, display, role, active FROM users"
			  " WHERE active = 1 AND role IN ('receptionist',"
			  " 'director') ORDER BY display, id",
};

/* ---- small helpers -------------------------------------------------------- */

/* The value of a stored code in set, or -1 for NULL or unknown. */
static int
req_col_code(sqlite3_stmt *st, int col, enum request_set set)
{
	const unsigned char *s = sqlite3_column_text(st, col);

	return s != NULL ? request_code_value(set, (const char *)s) : -1;
}

/* The number "TS20261129-0007" of day and seq into no. */
static void
req_number(char *no, const char *day, int seq)
{
	struct fd_date d;

	no[0] = '\0';
	if (sscanf(day, "%d-%d-%d", &d.y, &d.m, &d.d) == 3)
		request_number(no, REQUEST_NO_BUFSZ, &d, seq);
}

/* Bind a code of set, or NULL when v is out of range (-1: none). */
static int
req_bind_code(sqlite3_stmt *st, const char *name, enum request_set set,
    int v)
{
	const char *code = request_code(set, v);

	return code != NULL ? db_bind_text(st, name, code) :
	    db_bind_null(st, name);
}

/* Bind an id, or NULL for 0. */
static int
req_bind_id(sqlite3_stmt *st, const char *name, int64_t id)
{
	return id > 0 ? db_bind_i64(st, name, id) : db_bind_null(st, name);
}

/* Bind v when st has the parameter name (queues share one binder). */
static int
req_bind_opt(sqlite3_stmt *st, const char *name, int64_t v)
{
	if (sqlite3_bind_parameter_index(st, name) == 0)
		return 0;
	return db_bind_i64(st, name, v);
}

/* Collect st's rows with fn into a growing array; reset st. */
static int
req_collect(struct db *db, sqlite3_stmt *st, void **v, int *n, size_t sz,
    void (*fn)(sqlite3_stmt *, void *))
{
	int cap = 0, step, rc = 0;

	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*v = xreallocarray(*v, (size_t)cap, sz);
		}
		fn(st, (char *)*v + (size_t)*n * sz);
		(*n)++;
	}
	if (step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}

/* ---- requests --------------------------------------------------------------- */

void
service_request_release(struct service_request *r)
{
	if (r == NULL)
		return;
	FREE(&r->house_code);
	FREE(&r->location);
	FREE(&r->person);
	FREE(&r->phone);
	FREE(&r->description);
	FREE(&r->receiver_name);
	FREE(&r->handler);
	FREE(&r->handler_user);
	FREE(&r->hold_reason);
	FREE(&r->resolution);
	FREE(&r->cb_comment);
}

static void
req_from_row(sqlite3_stmt *st, struct service_request *r)
{
	int c = 0, v;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, c++);
	db_col_buf(st, c++, r->day, DATE_BUFSZ);
	r->seq = sqlite3_column_int(st, c++);
	req_number(r->no, r->day, r->seq);
	v = req_col_code(st, c++, REQ_SET_TYPE);
	r->type = v < 0 ? REQ_CONSULT : (enum req_type)v;
	v = req_col_code(st, c++, REQ_SET_CATEGORY);
	r->category = v < 0 ? REQ_CAT_OTHER : (enum req_category)v;
	v = req_col_code(st, c++, REQ_SET_URGENCY);
	r->urgency = v < 0 ? REQ_NORMAL : (enum req_urgency)v;
	v = req_col_code(st, c++, REQ_SET_CHANNEL);
	r->channel = v < 0 ? REQ_BY_OTHER : (enum req_channel)v;
	r->house_id = sqlite3_column_int64(st, c++);
	r->house_code = db_col_str(st, c++);
	r->building = sqlite3_column_int(st, c++);
	r->location = db_col_str(st, c++);
	r->person = db_col_str(st, c++);
	r->phone = db_col_str(st, c++);
	r->description = db_col_str(st, c++);
	r->visit_id = sqlite3_column_int64(st, c++);
	r->receiver_id = sqlite3_column_int64(st, c++);
	r->receiver_name = db_col_str(st, c++);
	r->dept = req_col_code(st, c++, REQ_SET_DEPT);
	r->handler = db_col_str(st, c++);
	r->handler_id = sqlite3_column_int64(st, c++);
	r->handler_user = db_col_str(st, c++);
	v = req_col_code(st, c++, REQ_SET_STATE);
	r->state = v < 0 ? REQ_REGISTERED : (enum req_state)v;
	r->at = sqlite3_column_int64(st, c++);
	r->clock.respond_by = sqlite3_column_int64(st, c++);
	r->clock.respond_warn = sqlite3_column_int64(st, c++);
	r->clock.resolve_by = sqlite3_column_int64(st, c++);
	r->clock.resolve_warn = sqlite3_column_int64(st, c++);
	r->clock.callback_by = sqlite3_column_int64(st, c++);
	r->clock.callback_warn = sqlite3_column_int64(st, c++);
	r->due_at = sqlite3_column_int64(st, c++);
	r->warn_at = sqlite3_column_int64(st, c++);
	r->responded_at = sqlite3_column_int64(st, c++);
	r->resolved_at = sqlite3_column_int64(st, c++);
	r->closed_at = sqlite3_column_int64(st, c++);
	v = req_col_code(st, c++, REQ_SET_STATE);
	r->held_from = v < 0 ? REQ_REGISTERED : (enum req_state)v;
	r->held_at = sqlite3_column_int64(st, c++);
	db_col_buf(st, c++, r->hold_until, DATE_BUFSZ);
	r->hold_reason = db_col_str(st, c++);
	r->resolution = db_col_str(st, c++);
	r->needs_callback = sqlite3_column_int(st, c++);
	r->cb_result = req_col_code(st, c++, REQ_SET_RESULT);
	r->cb_method = req_col_code(st, c++, REQ_SET_METHOD);
	r->cb_comment = db_col_str(st, c++);
	r->cb_at = sqlite3_column_int64(st, c++);
	r->valid = sqlite3_column_int(st, c++);
	r->reopens = sqlite3_column_int(st, c++);
	r->version = sqlite3_column_int64(st, c++);
	r->updated_at = sqlite3_column_int64(st, c++);
}

/* Bind the fields of r shared by insert and update. */
static int
req_bind_fields(sqlite3_stmt *st, const struct service_request *r)
{
	int on_hold = r->state == REQ_ON_HOLD, rc;

	if ((rc = req_bind_code(st, ":type", REQ_SET_TYPE, r->type)) != 0 ||
	    (rc = req_bind_code(st, ":category", REQ_SET_CATEGORY,
	    r->category)) != 0 ||
	    (rc = req_bind_code(st, ":urgency", REQ_SET_URGENCY,
	    r->urgency)) != 0 ||
	    (rc = req_bind_code(st, ":channel", REQ_SET_CHANNEL,
	    r->channel)) != 0 ||
	    (rc = req_bind_id(st, ":house", r->house_id)) != 0 ||
	    (rc = db_bind_text(st, ":location",
	    r->location ? r->location : "")) != 0 ||
	    (rc = db_bind_text(st, ":person", r->person ? r->person : "")) != 0 ||
	    (rc = db_bind_text(st, ":phone", r->phone ? r->phone : "")) != 0 ||
	    (rc = db_bind_text(st, ":descr", r->description)) != 0 ||
	    (rc = req_bind_code(st, ":dept", REQ_SET_DEPT, r->dept)) != 0 ||
	    (rc = db_bind_text(st, ":handler",
	    r->handler ? r->handler : "")) != 0 ||
	    (rc = req_bind_id(st, ":handler_id", r->handler_id)) != 0 ||
	    (rc = req_bind_code(st, ":state", REQ_SET_STATE, r->state)) != 0)
		return rc;
	if ((rc = db_bind_i64(st, ":respond_by", r->clock.respond_by)) != 0 ||
	    (rc = db_bind_i64(st, ":respond_warn",
	    r->clock.respond_warn)) != 0 ||
	    (rc = db_bind_i64(st, ":resolve_by", r->clock.resolve_by)) != 0 ||
	    (rc = db_bind_i64(st, ":resolve_warn",
	    r->clock.resolve_warn)) != 0 ||
	    (rc = db_bind_i64(st, ":callback_by",
	    r->clock.callback_by)) != 0 ||
	    (rc = db_bind_i64(st, ":callback_warn",
	    r->clock.callback_warn)) != 0 ||
	    (rc = db_bind_i64(st, ":due_at", r->due_at)) != 0 ||
	    (rc = db_bind_i64(st, ":warn_at", r->warn_at)) != 0 ||
	    (rc = db_bind_i64(st, ":responded_at", r->responded_at)) != 0 ||
	    (rc = db_bind_i64(st, ":resolved_at", r->resolved_at)) != 0 ||
	    (rc = db_bind_i64(st, ":closed_at", r->closed_at)) != 0)
		return rc;
	if ((rc = (on_hold ? req_bind_code(st, ":held_from", REQ_SET_STATE,
	    r->held_from) : db_bind_null(st, ":held_from"))) != 0 ||
	    (rc = db_bind_i64(st, ":held_at", on_hold ? r->held_at : 0)) != 0 ||
	    (rc = (on_hold ? db_bind_text(st, ":hold_until", r->hold_until) :
	    db_bind_null(st, ":hold_until"))) != 0 ||
	    (rc = db_bind_text(st, ":hold_reason", on_hold && r->hold_reason ?
	    r->hold_reason : "")) != 0 ||
	    (rc = db_bind_text(st, ":resolution",
	    r->resolution ? r->resolution : "")) != 0 ||
	    (rc = req_bind_code(st, ":cb_result", REQ_SET_RESULT,
	    r->cb_result)) != 0 ||
	    (rc = req_bind_code(st, ":cb_method", REQ_SET_METHOD,
	    r->cb_method)) != 0 ||
	    (rc = db_bind_text(st, ":cb_comment",
	    r->cb_comment ? r->cb_comment : "")) != 0 ||
	    (rc = db_bind_i64(st, ":cb_at", r->cb_at)) != 0 ||
	    (rc = (r->valid == 0 || r->valid == 1 ? db_bind_i64(st, ":valid",
	    r->valid) : db_bind_null(st, ":valid"))) != 0 ||
	    (rc = db_bind_i64(st, ":reopens", r->reopens)) != 0)
		return rc;
	return 0;
}

int
request_db_insert(struct db *db, const struct service_request *r,
    int64_t now, int64_t *id, int *seq)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_INSERT]);
	int64_t rowid;
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = req_bind_fields(st, r)) != 0 ||
	    (rc = db_bind_text(st, ":day", r->day)) != 0 ||
	    (rc = req_bind_id(st, ":visit", r->visit_id)) != 0 ||
	    (rc = db_bind_i64(st, ":receiver", r->receiver_id)) != 0 ||
	    (rc = db_bind_i64(st, ":at", r->at)) != 0 ||
	    (rc = db_bind_i64(st, ":needs_cb", r->needs_callback ? 1 : 0)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	rowid = db_last_id(db);
	if (id != NULL)
		*id = rowid;
	if (seq == NULL)
		return 0;
	if ((st = db_stmt(db, sql[REQ_SQL_SEQ])) == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", rowid)) == 0) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*seq = sqlite3_column_int(st, 0);
		else
			rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

/* Step a bound statement expecting at most one request. */
static int
req_get_one(struct db *db, sqlite3_stmt *st, struct service_request *out)
{
	int rc;

	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		req_from_row(st, out);
		rc = 0;
		break;
	case SQLITE_DONE:
		rc = ERR_NOTFOUND;
		break;
	default:
		rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

int
request_db_get(struct db *db, int64_t id, struct service_request *out)
{
	sqlite3_stmt *st = db_stmt_i64(db, sql[REQ_SQL_GET], ":id", id);

	if (st == NULL)
		return ERR_DB;
	return req_get_one(db, st, out);
}

int
request_db_get_by_no(struct db *db, const char *day, int seq,
    struct service_request *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_GET_NO]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":day", day)) != 0 ||
	    (rc = db_bind_i64(st, ":seq", seq)) != 0) {
		db_done(st);
		return rc;
	}
	return req_get_one(db, st, out);
}

int
request_db_update(struct db *db, const struct service_request *r,
    int64_t now)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_UPDATE]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = req_bind_fields(st, r)) != 0 ||
	    (rc = db_bind_i64(st, ":id", r->id)) != 0 ||
	    (rc = db_bind_i64(st, ":version", r->version)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : ERR_STATE;
}

/* ---- the timeline ------------------------------------------------------------ */

void
request_event_release(struct request_event *e)
{
	if (e == NULL)
		return;
	FREE(&e->user_name);
	FREE(&e->code);
	FREE(&e->text);
	FREE(&e->from_name);
	FREE(&e->to_name);
}

void
request_event_vec_release(struct request_event_vec *v)
{
	int i;

	for (i = 0; i < v->n; i++)
		request_event_release(&v->v[i]);
	FREE(&v->v);
	v->n = 0;
}

static void
req_event_from_row(sqlite3_stmt *st, void *p)
{
	struct request_event *e = p;
	int v;

	e->id = sqlite3_column_int64(st, 0);
	e->request_id = sqlite3_column_int64(st, 1);
	e->at = sqlite3_column_int64(st, 2);
	e->user_id = sqlite3_column_int64(st, 3);
	e->user_name = db_col_str(st, 4);
	v = req_col_code(st, 5, REQ_SET_ACTION);
	e->kind = v < 0 ? REQ_ACT_NOTE : (enum req_action)v;
	e->code = db_col_str(st, 6);
	e->text = db_col_str(st, 7);
	e->to_owner = sqlite3_column_int(st, 8);
	e->from_user = sqlite3_column_int64(st, 9);
	e->to_user = sqlite3_column_int64(st, 10);
	e->from_name = db_col_str(st, 11);
	e->to_name = db_col_str(st, 12);
}

int
request_db_log(struct db *db, const struct request_event *e, int64_t *id)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_LOG]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":request", e->request_id)) != 0 ||
	    (rc = db_bind_i64(st, ":at", e->at)) != 0 ||
	    (rc = req_bind_id(st, ":user", e->user_id)) != 0 ||
	    (rc = req_bind_code(st, ":kind", REQ_SET_ACTION, e->kind)) != 0 ||
	    (rc = (e->code != NULL && e->code[0] != '\0' ?
	    db_bind_text(st, ":code", e->code) :
	    db_bind_null(st, ":code"))) != 0 ||
	    (rc = db_bind_text(st, ":text", e->text ? e->text : "")) != 0 ||
	    (rc = db_bind_i64(st, ":to_owner", e->to_owner ? 1 : 0)) != 0 ||
	    (rc = req_bind_id(st, ":from_user", e->from_user)) != 0 ||
	    (rc = req_bind_id(st, ":to_user", e->to_user)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) == 0 && id != NULL)
		*id = db_last_id(db);
	return rc;
}

int
request_db_events(struct db *db, int64_t request_id,
    struct request_event_vec *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_EVENTS]);
	void *v = NULL;
	int rc;

	out->v = NULL;
	out->n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":request", request_id)) != 0) {
		db_done(st);
		return rc;
	}
	rc = req_collect(db, st, &v, &out->n, sizeof *out->v,
	    req_event_from_row);
	out->v = v;
	if (rc != 0)
		request_event_vec_release(out);
	return rc;
}

int
request_db_handover(struct db *db, int64_t id, int64_t version,
    const struct request_event *e, int64_t now)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = request_db_log(db, e, NULL)) != 0)
		return rc;
	if ((st = db_stmt(db, sql[REQ_SQL_RECEIVER])) == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":to", e->to_user)) != 0 ||
	    (rc = db_bind_i64(st, ":id", id)) != 0 ||
	    (rc = db_bind_i64(st, ":version", version)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0) {
		db_done(st);
		return rc;
	}
	if ((rc = db_step_done(db, st)) != 0)
		return rc;
	return db_changes(db) == 1 ? 0 : ERR_STATE;
}

/* ---- queues ------------------------------------------------------------------ */

void
request_list_release(struct request_list *l)
{
	int i;

	for (i = 0; i < l->n; i++) {
		FREE(&l->v[i].house_code);
		FREE(&l->v[i].location);
		FREE(&l->v[i].person);
		FREE(&l->v[i].summary);
		FREE(&l->v[i].receiver_name);
		FREE(&l->v[i].handler);
	}
	FREE(&l->v);
	l->n = 0;
	l->total = 0;
}

static void
req_row_from_row(sqlite3_stmt *st, void *p)
{
	struct request_row *w = p;
	char day[DATE_BUFSZ];
	int c = 0, v;

	memset(w, 0, sizeof *w);
	w->id = sqlite3_column_int64(st, c++);
	db_col_buf(st, c++, day, DATE_BUFSZ);
	req_number(w->no, day, sqlite3_column_int(st, c++));
	w->at = sqlite3_column_int64(st, c++);
	v = req_col_code(st, c++, REQ_SET_TYPE);
	w->type = v < 0 ? REQ_CONSULT : (enum req_type)v;
	v = req_col_code(st, c++, REQ_SET_CATEGORY);
	w->category = v < 0 ? REQ_CAT_OTHER : (enum req_category)v;
	v = req_col_code(st, c++, REQ_SET_URGENCY);
	w->urgency = v < 0 ? REQ_NORMAL : (enum req_urgency)v;
	v = req_col_code(st, c++, REQ_SET_STATE);
	w->state = v < 0 ? REQ_REGISTERED : (enum req_state)v;
	v = req_col_code(st, c++, REQ_SET_STATE);
	w->held_from = v < 0 ? REQ_REGISTERED : (enum req_state)v;
	w->dept = req_col_code(st, c++, REQ_SET_DEPT);
	w->house_code = db_col_str(st, c++);
	w->location = db_col_str(st, c++);
	w->person = db_col_str(st, c++);
	w->summary = db_col_str(st, c++);
	w->receiver_id = sqlite3_column_int64(st, c++);
	w->receiver_name = db_col_str(st, c++);
	w->handler = db_col_str(st, c++);
	w->handler_id = sqlite3_column_int64(st, c++);
	w->due_at = sqlite3_column_int64(st, c++);
	w->warn_at = sqlite3_column_int64(st, c++);
	w->callback_by = sqlite3_column_int64(st, c++);
	w->resolved_at = sqlite3_column_int64(st, c++);
	db_col_buf(st, c++, w->hold_until, DATE_BUFSZ);
	w->cb_result = req_col_code(st, c++, REQ_SET_RESULT);
	w->valid = sqlite3_column_int(st, c++);
	w->reopens = sqlite3_column_int(st, c++);
	w->version = sqlite3_column_int64(st, c++);
}

/* The LIKE pattern for text: '%' text '%' with % _ \ escaped.  Caller
 * frees; NULL for no text. */
static char *
req_pattern(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;

	if (text == NULL || text[0] == '\0')
		return NULL;
	strbuf_addch(&sb, '%');
	for (p = text; *p != '\0'; p++) {
		if (*p == '%' || *p == '_' || *p == '\\')
			strbuf_addch(&sb, '\\');
		strbuf_addch(&sb, *p);
	}
	strbuf_addch(&sb, '%');
	return strbuf_detach(&sb, NULL);
}

/* The statement of a queue (count: the one counting its lines). */
static const char *
req_queue_sql(enum request_queue q, int count)
{
	int i;

	switch (q) {
	case REQ_Q_MINE: i = REQ_SQL_Q_MINE; break;
	case REQ_Q_CALLBACK: i = REQ_SQL_Q_CALLBACK; break;
	case REQ_Q_ON_HOLD: i = REQ_SQL_Q_HOLD; break;
	case REQ_Q_RANGE: i = REQ_SQL_Q_RANGE; break;
	case REQ_Q_HOUSE: i = REQ_SQL_Q_HOUSE; break;
	default: i = REQ_SQL_Q_OPEN; break;
	}
	return sql[count ? i - REQ_SQL_Q_OPEN + REQ_SQL_C_OPEN : i];
}

/* The number pattern of text when it could be part of a request number
 * (T, S, digits and '-' only), else NULL.  Caller frees. */
static char *
req_number_pattern(const char *text)
{
	const char *p;

	if (text == NULL || text[0] == '\0')
		return NULL;
	for (p = text; *p != '\0'; p++)
		if (!(*p >= '0' && *p <= '9') && *p != '-' && *p != 'T' &&
		    *p != 't' && *p != 'S' && *p != 's')
			return NULL;
	return req_pattern(text);
}

/* Bind q's filters (and the page, when st has one). */
static int
req_bind_query(sqlite3_stmt *st, const struct request_query *q,
    const char *pat, const char *nopat, int limit, int offset)
{
	int rc;

	if ((rc = req_bind_code(st, ":type", REQ_SET_TYPE, q->type)) != 0 ||
	    (rc = req_bind_code(st, ":state", REQ_SET_STATE, q->state)) != 0 ||
	    (rc = req_bind_code(st, ":dept", REQ_SET_DEPT, q->dept)) != 0 ||
	    (rc = db_bind_i64(st, ":building", q->building > 0 ?
	    q->building : 0)) != 0 ||
	    (rc = db_bind_i64(st, ":overdue", q->overdue ? 1 : 0)) != 0 ||
	    (rc = db_bind_i64(st, ":now", q->now)) != 0 ||
	    (rc = db_bind_i64(st, ":due_from", q->due_from)) != 0 ||
	    (rc = db_bind_i64(st, ":due_to", q->due_to)) != 0 ||
	    (rc = db_bind_text(st, ":pat", pat)) != 0 ||
	    (rc = db_bind_text(st, ":nopat", nopat)) != 0 ||
	    (rc = req_bind_opt(st, ":limit", limit > 0 ? limit : -1)) != 0 ||
	    (rc = req_bind_opt(st, ":offset", offset > 0 ? offset : 0)) != 0 ||
	    (rc = req_bind_opt(st, ":user", q->user_id)) != 0 ||
	    (rc = req_bind_opt(st, ":house", q->house_id)) != 0 ||
	    (rc = req_bind_opt(st, ":from", q->from)) != 0 ||
	    (rc = req_bind_opt(st, ":to", q->to)) != 0)
		return rc;
	return 0;
}

/* Count the lines of q when the page did not show them all. */
static int
req_queue_count(struct db *db, const struct request_query *q,
    const char *pat, const char *nopat, int64_t *total)
{
	sqlite3_stmt *st = db_stmt(db, req_queue_sql(q->queue, 1));
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = req_bind_query(st, q, pat, nopat, 0, 0)) == 0) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*total = sqlite3_column_int64(st, 0);
		else
			rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

int
request_db_queue(struct db *db, const struct request_query *q, int limit,
    int offset, struct request_list *out)
{
	sqlite3_stmt *st = db_stmt(db, req_queue_sql(q->queue, 0));
	char *pat = req_pattern(q->text), *nopat = req_number_pattern(q->text);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL) {
		rc = ERR_DB;
		goto out;
	}
	if ((rc = req_bind_query(st, q, pat, nopat, limit, offset)) != 0) {
		db_done(st);
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n % 64 == 0)
			out->v = xreallocarray(out->v, (size_t)out->n + 64,
			    sizeof *out->v);
		req_row_from_row(st, &out->v[out->n++]);
	}
	rc = rc == SQLITE_DONE ? 0 : db_fail(db, st);
	db_done(st);
	/* a short first page holds them all; else count them */
	out->total = out->n;
	if (rc == 0 && (offset > 0 || (limit > 0 && out->n == limit)))
		rc = req_queue_count(db, q, pat, nopat, &out->total);
	if (rc != 0)
		request_list_release(out);
out:
	free(pat);
	free(nopat);
	return rc;
}

int
request_db_holds_due(struct db *db, const char *today, int64_t **ids, int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_HOLDS_DUE]);
	int rc, step, cap = 0;

	*ids = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":today", today)) != 0) {
		db_done(st);
		return rc;
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*ids = xreallocarray(*ids, (size_t)cap, sizeof **ids);
		}
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	if (step != SQLITE_DONE) {
		rc = db_fail(db, st);
		FREE(ids);
		*n = 0;
	}
	db_done(st);
	return rc;
}

int
request_db_counts(struct db *db, int64_t user, int64_t now,
    int64_t day_from, int64_t day_to, const char *day,
    struct request_counts *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_COUNTS]);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":user", user)) != 0 ||
	    (rc = db_bind_i64(st, ":now", now)) != 0 ||
	    (rc = db_bind_i64(st, ":from", day_from)) != 0 ||
	    (rc = db_bind_i64(st, ":to", day_to)) != 0 ||
	    (rc = db_bind_text(st, ":day", day)) != 0)
		goto out;
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = db_fail(db, st);
		goto out;
	}
	out->open = sqlite3_column_int64(st, 0);
	out->mine = sqlite3_column_int64(st, 1);
	out->overdue = sqlite3_column_int64(st, 2);
	out->warning = sqlite3_column_int64(st, 3);
	out->due_today = sqlite3_column_int64(st, 4);
	out->callback = sqlite3_column_int64(st, 5);
	out->on_hold = sqlite3_column_int64(st, 6);
	out->today = sqlite3_column_int64(st, 7);
	out->today_signed = sqlite3_column_int(st, 8);
out:
	db_done(st);
	return rc;
}

/* ---- sign-offs --------------------------------------------------------------- */

void
request_signoff_release(struct request_signoff *so)
{
	if (so == NULL)
		return;
	FREE(&so->director_name);
	FREE(&so->note);
}

int
request_db_signoff(struct db *db, const struct request_signoff *so)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_SIGNOFF]);
	int rc;

	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":day", so->day)) != 0 ||
	    (rc = db_bind_i64(st, ":director", so->director_id)) != 0 ||
	    (rc = db_bind_i64(st, ":at", so->at)) != 0 ||
	    (rc = db_bind_i64(st, ":count", so->count)) != 0 ||
	    (rc = db_bind_text(st, ":note", so->note ? so->note : "")) != 0) {
		db_done(st);
		return rc;
	}
	return db_step_done(db, st);
}

int
request_db_signoff_get(struct db *db, const char *day,
    struct request_signoff *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_SIGNOFF_GET]);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":day", day)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		db_col_buf(st, 0, out->day, DATE_BUFSZ);
		out->director_id = sqlite3_column_int64(st, 1);
		out->director_name = db_col_str(st, 2);
		out->at = sqlite3_column_int64(st, 3);
		out->count = sqlite3_column_int(st, 4);
		out->note = db_col_str(st, 5);
		rc = 0;
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

int
request_db_day_count(struct db *db, const char *day, int64_t *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_DAY_COUNT]);
	int rc;

	*n = 0;
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":day", day)) == 0) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*n = sqlite3_column_int64(st, 0);
		else
			rc = db_fail(db, st);
	}
	db_done(st);
	return rc;
}

/* ---- the monthly review -------------------------------------------------------- */

/* Bind :from, :to and (when present) :now to a cached statement. */
static sqlite3_stmt *
req_range_stmt(struct db *db, int which, int64_t from, int64_t to,
    int64_t now, int *rc)
{
	sqlite3_stmt *st = db_stmt(db, sql[which]);

	*rc = ERR_DB;
	if (st == NULL)
		return NULL;
	if ((*rc = db_bind_i64(st, ":from", from)) != 0 ||
	    (*rc = db_bind_i64(st, ":to", to)) != 0 ||
	    (*rc = req_bind_opt(st, ":now", now)) != 0) {
		db_done(st);
		return NULL;
	}
	return st;
}

/* A GROUP BY code, count(*) query into counts[] indexed by set's value. */
static int
req_review_group(struct db *db, int which, enum request_set set,
    int64_t from, int64_t to, int64_t *counts)
{
	sqlite3_stmt *st;
	int rc, step, v;

	if ((st = req_range_stmt(db, which, from, to, 0, &rc)) == NULL)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((v = req_col_code(st, 0, set)) >= 0)
			counts[v] = sqlite3_column_int64(st, 1);
	rc = step == SQLITE_DONE ? 0 : db_fail(db, st);
	db_done(st);
	return rc;
}

/* Step st once and copy its columns into v[0..n). */
static int
req_review_row(struct db *db, sqlite3_stmt *st, int64_t *const *v, int n)
{
	int i, rc = 0;

	if (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			*v[i] = sqlite3_column_int64(st, i);
	} else
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}

int
request_db_review(struct db *db, int64_t from, int64_t to, int64_t now,
    struct request_review *out)
{
	int64_t *const main_cols[] = {
		&out->total, &out->respond_on_time, &out->respond_late,
		&out->resolve_on_time, &out->resolve_late, &out->resolved,
		&out->resolve_seconds, &out->reopened, &out->reopens,
		&out->valid, &out->invalid, &out->overdue_open,
	};
	int64_t *const cb_cols[] = {
		&out->callbacks, &out->satisfied, &out->fairly,
		&out->unsatisfied,
	};
	int64_t *const due_cols[] = {&out->callback_due, &out->callback_done};
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if ((st = req_range_stmt(db, REQ_SQL_REVIEW, from, to, now,
	    &rc)) == NULL ||
	    (rc = req_review_row(db, st, main_cols, 12)) != 0)
		return rc;
	if ((st = req_range_stmt(db, REQ_SQL_REVIEW_CB, from, to, now,
	    &rc)) == NULL ||
	    (rc = req_review_row(db, st, cb_cols, 4)) != 0)
		return rc;
	if ((st = req_range_stmt(db, REQ_SQL_REVIEW_CB_DUE, from, to, now,
	    &rc)) == NULL ||
	    (rc = req_review_row(db, st, due_cols, 2)) != 0)
		return rc;
	if ((rc = req_review_group(db, REQ_SQL_REVIEW_TYPE, REQ_SET_TYPE, from,
	    to, out->by_type)) != 0 ||
	    (rc = req_review_group(db, REQ_SQL_REVIEW_CAT, REQ_SET_CATEGORY,
	    from, to, out->by_category)) != 0 ||
	    (rc = req_review_group(db, REQ_SQL_REVIEW_STATE, REQ_SET_STATE,
	    from, to, out->by_state)) != 0)
		return rc;
	return 0;
}

int
request_db_each(struct db *db, int64_t from, int64_t to,
    int (*fn)(const struct service_request *r, void *arg), void *arg)
{
	struct service_request r;
	sqlite3_stmt *st;
	int step = SQLITE_DONE, rc;

	if ((st = req_range_stmt(db, REQ_SQL_EACH, from, to, 0, &rc)) == NULL)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		req_from_row(st, &r);
		rc = fn(&r, arg);
		service_request_release(&r);
		if (rc != 0)
			break;
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_fail(db, st);
	db_done(st);
	return rc;
}

int
request_db_check(struct db *db, const char *today, struct request_check *out)
{
	int64_t *const cols[] = {
		&out->total, &out->gaps, &out->no_log, &out->receiver,
		&out->closed_cb, &out->times, &out->holds_due,
	};
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_CHECK]);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_text(st, ":today", today)) != 0) {
		db_done(st);
		return rc;
	}
	return req_review_row(db, st, cols, 7);
}

/* ---- accounts ------------------------------------------------------------------ */

void
request_user_release(struct request_user *u)
{
	if (u == NULL)
		return;
	FREE(&u->name);
	FREE(&u->display);
	FREE(&u->role);
}

void
request_user_vec_release(struct request_user *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		request_user_release(&v[i]);
	free(v);
}

static void
req_user_from_row(sqlite3_stmt *st, void *p)
{
	struct request_user *u = p;

	u->id = sqlite3_column_int64(st, 0);
	u->name = db_col_str(st, 1);
	u->display = db_col_str(st, 2);
	u->role = db_col_str(st, 3);
	u->active = sqlite3_column_int(st, 4);
}

int
request_db_user(struct db *db, int64_t id, struct request_user *out)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_USER]);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return ERR_DB;
	if ((rc = db_bind_i64(st, ":id", id)) != 0)
		goto out;
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		req_user_from_row(st, out);
		rc = 0;
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

int
request_db_staff(struct db *db, struct request_user **out, int *n)
{
	sqlite3_stmt *st = db_stmt(db, sql[REQ_SQL_STAFF]);
	void *v = NULL;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return ERR_DB;
	rc = req_collect(db, st, &v, n, sizeof **out, req_user_from_row);
	*out = v;
	if (rc != 0) {
		request_user_vec_release(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}
