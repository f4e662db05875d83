/*
 * request.h: the pure domain of service requests (工单: 咨询 consultations,
 * 投诉 complaints, 报修 repairs, 建议 suggestions): the coded values and
 * their labels, the request number (TS20261129-0007), the state machine as
 * one table of legal transitions, and the deadline clock (时限): respond-by,
 * resolve-by and callback-by from the [requests] configuration, counted on
 * the calendar or in working hours with holidays and make-up working days,
 * stopped while a request is on hold, with a warning band before each
 * deadline.  No I/O, no SQL; local time is read through localtime_r() and
 * mktime() only (set TZ in tests).
 *
 * Lifecycle (DOMAIN.md):
 *
 *   已登记 registered --dispatch--> 已派工 dispatched --start--> 处理中
 *   in progress --resolve--> 已处理 resolved --callback--> 已回访 called
 *   back --close--> 已关闭 closed
 *
 * plus 挂起 on hold (from registered, dispatched or in progress, with a
 * reason and an until-date; it returns to the state it left, by hand or by
 * itself on the date), re-dispatching, resolving at once (registered or
 * dispatched straight to resolved: a question answered at the desk, a job
 * reported done), closing a resolved request whose type needs no callback,
 * and reopening (返工: resolved, called back or closed back to dispatched,
 * or registered when it never had a department).  An unsatisfied callback
 * (不满意) is a callback followed by a reopen, in one action.
 */
#ifndef FD_CORE_REQUEST_H
#define FD_CORE_REQUEST_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

struct config;

/* Longest description (问题描述), in characters; an empty one is refused. */
#define REQUEST_DESC_MAX 10000
/* Longest other free text (note, resolution, reason, comment), in characters. */
#define REQUEST_TEXT_MAX 2000
/* Longest location (位置, e.g. 3号楼2单元电梯), in characters. */
#define REQUEST_LOCATION_MAX 200
/* Longest handler name (处理人), in characters. */
#define REQUEST_HANDLER_MAX 64
/* Enough for a request number: "TS20261129-0007" (more digits past 9999). */
#define REQUEST_NO_BUFSZ 24
/* Enough for a percentage from request_rate_format(): "100.0%". */
#define REQUEST_RATE_BUFSZ 16
/* Enough for a duration from request_span_format(): "12天3小时". */
#define REQUEST_SPAN_BUFSZ 48

/* The coded value sets of this module, for the generic functions below. */
enum request_set {
	REQ_SET_TYPE,     /* enum req_type */
	REQ_SET_CATEGORY, /* enum req_category */
	REQ_SET_URGENCY,  /* enum req_urgency */
	REQ_SET_CHANNEL,  /* enum req_channel */
	REQ_SET_STATE,    /* enum req_state */
	REQ_SET_DEPT,     /* enum req_dept */
	REQ_SET_RESULT,   /* enum req_result */
	REQ_SET_METHOD,   /* enum req_method */
	REQ_SET_ACTION,   /* enum req_action (also the timeline's kinds) */
	REQ_SET_COUNT
};

/* What kind of request.  Codes: consult complaint repair suggestion. */
enum req_type {
	REQ_CONSULT,    /* 咨询 */
	REQ_COMPLAINT,  /* 投诉 */
	REQ_REPAIR,     /* 报修 */
	REQ_SUGGESTION, /* 建议 */
	REQ_TYPE_COUNT
};

/* What it is about.  Codes: attitude cleaning facility security fees
 * decoration other. */
enum req_category {
	REQ_CAT_ATTITUDE,   /* 服务态度 */
	REQ_CAT_CLEANING,   /* 环境卫生 */
	REQ_CAT_FACILITY,   /* 设施设备 */
	REQ_CAT_SECURITY,   /* 安全秩序 */
	REQ_CAT_FEES,       /* 收费 */
	REQ_CAT_DECORATION, /* 装修 */
	REQ_CAT_OTHER,      /* 其他 */
	REQ_CATEGORY_COUNT
};

/* How urgent.  Codes: urgent normal. */
enum req_urgency {
	REQ_URGENT, /* 紧急 */
	REQ_NORMAL, /* 一般 */
	REQ_URGENCY_COUNT
};

/* How it reached the desk.  Codes: visit phone other. */
enum req_channel {
	REQ_BY_VISIT, /* 来访 */
	REQ_BY_PHONE, /* 电话 */
	REQ_BY_OTHER, /* 其他 */
	REQ_CHANNEL_COUNT
};

/* Where a request is in its life.  Codes: registered dispatched
 * in_progress resolved called_back closed on_hold. */
enum req_state {
	REQ_REGISTERED,  /* 已登记 */
	REQ_DISPATCHED,  /* 已派工 */
	REQ_IN_PROGRESS, /* 处理中 */
	REQ_RESOLVED,    /* 已处理 */
	REQ_CALLED_BACK, /* 已回访 */
	REQ_CLOSED,      /* 已关闭 */
	REQ_ON_HOLD,     /* 挂起 */
	REQ_STATE_COUNT
};

/* The department that does the work.  Codes: engineering cleaning security
 * landscaping service. */
enum req_dept {
	REQ_DEPT_ENGINEERING, /* 工程部 */
	REQ_DEPT_CLEANING,    /* 保洁 */
	REQ_DEPT_SECURITY,    /* 秩序维护部 */
	REQ_DEPT_LANDSCAPING, /* 绿化 */
	REQ_DEPT_SERVICE,     /* 客服 (the service centre itself) */
	REQ_DEPT_COUNT
};

/* What the owner said on the callback.  Codes: satisfied fairly
 * unsatisfied. */
enum req_result {
	REQ_SATISFIED,   /* 满意 */
	REQ_FAIRLY,      /* 基本满意 */
	REQ_UNSATISFIED, /* 不满意: reopens the request */
	REQ_RESULT_COUNT
};

/* How the callback was made.  Codes: phone visit sms wechat other. */
enum req_method {
	REQ_CB_PHONE,  /* 电话 */
	REQ_CB_VISIT,  /* 上门 */
	REQ_CB_SMS,    /* 短信 */
	REQ_CB_WECHAT, /* 微信 */
	REQ_CB_OTHER,  /* 其他 */
	REQ_METHOD_COUNT
};

/*
 * What can be done to a request; also the kind of each timeline entry.
 * Codes: register dispatch start note resolve callback hold resume
 * handover close classify reopen.
 */
enum req_action {
	REQ_ACT_REGISTER, /* 登记: creates it (not in the table) */
	REQ_ACT_DISPATCH, /* 派工 */
	REQ_ACT_START,    /* 开始处理: the department has responded */
	REQ_ACT_NOTE,     /* 备注: internal, or what the owner was told */
	REQ_ACT_RESOLVE,  /* 处理完成 */
	REQ_ACT_CALLBACK, /* 回访 */
	REQ_ACT_HOLD,     /* 挂起 */
	REQ_ACT_RESUME,   /* 恢复 (by hand, or by itself on the date) */
	REQ_ACT_HANDOVER, /* 移交首问责任 */
	REQ_ACT_CLOSE,    /* 关闭 */
	REQ_ACT_CLASSIFY, /* 有效/无效 认定 (director) */
	REQ_ACT_REOPEN,   /* 重新打开 (返工) */
	REQ_ACT_COUNT
};

/* ---- coded values ------------------------------------------------------- */

/* Number of values in set (REQ_TYPE_COUNT ...); 0 for an unknown set. */
int request_count(enum request_set set);

/*
 * The code stored in the database for value v of set ("complaint",
 * "in_progress" ...).  NULL when set or v is out of range.
 */
const char *request_code(enum request_set set, int v);

/*
 * The label for the counter, translated (投诉, 处理中 ...).  "?" when set or
 * v is out of range.
 */
const char *request_label(enum request_set set, int v);

/*
 * The value of a code or a label: the code, the English label, the Chinese
 * label (whatever the language) or the label of the current language;
 * blanks around ignored, ASCII case ignored.
 * OUT: *out, only on success.
 * Returns 0, or ERR_INVALID with a message listing the allowed labels.
 */
int request_parse(enum request_set set, const char *s, int *out);

/* The value of a stored code, or -1 when it is none of set's codes. */
int request_code_value(enum request_set set, const char *code);

/* ---- numbers ------------------------------------------------------------ */

/*
 * The number of the seq-th request registered on day: "TS" YYYYMMDD "-"
 * and the sequence in at least four digits ("TS20261129-0007").
 * OUT: buf (REQUEST_NO_BUFSZ is enough).
 * Returns 0, or ERR_INVALID for an invalid day, seq < 1 or a small buf
 * (buf then holds "").
 */
int request_number(char *buf, size_t bufsz, const struct fd_date *day,
    int seq);

/*
 * Parse a number as typed ("TS20261129-0007", "ts20261129-7", full-width
 * forms, blanks around).  OUT: *day, *seq, only on success.
 * Returns 0, or ERR_INVALID with a message.
 */
int request_number_parse(const char *s, struct fd_date *day, int *seq);

/* ---- the state machine -------------------------------------------------- */

/* What the guards of the table need to know about one request. */
struct req_facts {
	enum req_state held_from; /* REQ_ON_HOLD: the state it left */
	int has_dept;             /* it has been dispatched to a department */
	int needs_callback;       /* its type must be called back before
				     closing (fixed when registered) */
};

/*
 * 1 when the transition table has action in state from (the guards not
 * applied), else 0.  Notes and classification are allowed in every state,
 * a hand-over in every state but closed.
 */
int request_allowed(enum req_state from, enum req_action action);

/*
 * The state after action in state from, by the table and its guards:
 * resume returns to f->held_from; reopen goes to dispatched when
 * f->has_dept, else registered; closing a resolved request is refused
 * when f->needs_callback.  Actions that leave the state alone (note,
 * hand-over, classify) give from.
 * OUT: *to, only on success.
 * Returns 0, or ERR_STATE with a message saying why and what to do first
 * ("this complaint must be called back before it is closed ...").
 */
int request_next(enum req_state from, enum req_action action,
    const struct req_facts *f, enum req_state *to);

/*
 * The actions legal now, guards applied: bit 1u << action for each (never
 * REQ_ACT_REGISTER).  Roles are not considered (svc does that).
 */
unsigned request_actions(enum req_state from, const struct req_facts *f);

/* 1 for the states in which the request is still being worked on
 * (registered, dispatched, in progress, on hold), else 0. */
int request_state_is_open(enum req_state st);

/* ---- the deadline clock ------------------------------------------------- */

/* How deadlines are counted ([requests] counting). */
enum req_counting {
	REQ_COUNT_CALENDAR, /* every second of every day */
	REQ_COUNT_WORKING,  /* working hours of working days only */
};

/* The working calendar: which moments the clock runs in working-hours mode. */
struct request_calendar {
	enum req_counting counting;
	int day_start;       /* working hours: seconds after local midnight */
	int day_end;         /* end, > day_start */
	unsigned workdays;   /* bit 1 << weekday (0 Sunday) of working days */
	int32_t *holidays;   /* day numbers (date_to_days), sorted: no work
				even on a working weekday */
	int nholidays;
	int32_t *makeup;     /* make-up working days (调休上班), sorted: work
				even on a weekend */
	int nmakeup;
};

/* Everything the [requests] section decides, in the units of this module. */
struct request_rules {
	long respond_s[REQ_TYPE_COUNT][REQ_URGENCY_COUNT]; /* configured */
	long resolve_s[REQ_TYPE_COUNT][REQ_URGENCY_COUNT];
	long callback_s;          /* callback within, after resolution */
	int warn_pct;             /* warning band: the last warn_pct percent
				     of the time allowed */
	unsigned callback_types;  /* bit 1 << enum req_type: a callback is
				     required before closing */
	struct request_calendar cal;
};

/*
 * Build the rules from cfg's [requests] keys (NULL: the built-in
 * defaults, the same as config_defaults()).  The holiday and make-up lists
 * are already validated by config_load(); ranges are expanded into days.
 * OUT: *r, released with request_rules_release().
 * Returns 0, or ERR_INVALID (message set) when a list in cfg does not
 * parse (a struct config filled by hand).
 */
int request_rules_init(struct request_rules *r, const struct config *cfg);

/* Free the lists of r (not r). */
void request_rules_release(struct request_rules *r);

/* 1 when a callback is required before closing a request of type t. */
int request_needs_callback(const struct request_rules *r, enum req_type t);

/*
 * 1 when day (a day number) is a working day of cal: a make-up day, or a
 * working weekday that is not a holiday.
 */
int request_is_workday(const struct request_calendar *cal, int32_t day);

/*
 * The time allowed by a configured duration, in clock seconds: in calendar
 * mode the duration itself; in working-hours mode a whole number of days
 * (24h, 3d) counts working days of day_end - day_start seconds each, and
 * anything else (30m, 2h, 36h) working seconds.
 */
int64_t request_allowance(const struct request_rules *r, long duration_s);

/*
 * The moment span clock seconds after t0: calendar mode t0 + span; working
 * hours walk forward through working time only (a start outside working
 * hours waits for the next opening; a deadline may fall exactly on the
 * closing time).  span <= 0 gives t0.  The walk gives up after 20 years
 * and returns INT64_MAX.
 */
int64_t request_clock_add(const struct request_rules *r, int64_t t0,
    int64_t span);

/*
 * Clock seconds from a to b: calendar b - a; working hours the working
 * time in between.  0 when b <= a.
 */
int64_t request_clock_between(const struct request_rules *r, int64_t a,
    int64_t b);

/* Every deadline of one request; 0 for a deadline not (yet) set. */
struct req_clock {
	int64_t respond_by, respond_warn;   /* 响应时限 and its warning */
	int64_t resolve_by, resolve_warn;   /* 处理时限 */
	int64_t callback_by, callback_warn; /* 回访时限, set on resolution */
};

/*
 * The deadlines of a request of type t and urgency u registered at at:
 * respond-by and resolve-by, each with the moment its warning band begins.
 * OUT: *c (callback fields 0).
 */
void request_clock_start(const struct request_rules *r, enum req_type t,
    enum req_urgency u, int64_t at, struct req_clock *c);

/* A resolution at at: callback-by (and its warning) from it.  OUT: c. */
void request_clock_resolved(const struct request_rules *r, int64_t at,
    struct req_clock *c);

/*
 * A reopen at at: a new resolve-by (and warning) from it for type t and
 * urgency u, the callback deadline cleared; respond-by stays.  OUT: c.
 */
void request_clock_reopened(const struct request_rules *r, enum req_type t,
    enum req_urgency u, int64_t at, struct req_clock *c);

/*
 * The clock stopped from held (put on hold) to resumed: every deadline and
 * warning still ahead at held moves on by the clock time that was left
 * (request_clock_add(resumed, request_clock_between(held, old))); those
 * already past at held stay where they were (late stays late).  OUT: c.
 */
void request_clock_resume(const struct request_rules *r, int64_t held,
    int64_t resumed, struct req_clock *c);

/*
 * The deadline running in state st and its warning moment: respond-by
 * until responded, then resolve-by, while the request is registered,
 * dispatched or in progress; callback-by while resolved and a callback is
 * needed; none (0, 0) otherwise (on hold the clock stands still).
 * OUT: *due, *warn.
 */
void request_clock_running(enum req_state st, int responded,
    int needs_callback, const struct req_clock *c, int64_t *due,
    int64_t *warn);

/* Where a running deadline stands. */
enum req_due {
	REQ_DUE_NONE,    /* no deadline running */
	REQ_DUE_OK,      /* in time */
	REQ_DUE_WARN,    /* inside the warning band (shown yellow) */
	REQ_DUE_OVERDUE, /* past it (shown red everywhere) */
};

/* Where deadline due (0: none) with warning moment warn stands at now. */
enum req_due request_due(int64_t now, int64_t due, int64_t warn);

/*
 * The moment a hold until day ends: local midnight at its start.
 * Returns the unix time, or 0 when day is not a valid date.
 */
int64_t request_day_start(const struct fd_date *day);

/* The local day of unix time t.  OUT: *day.  0, or ERR_INVALID (range). */
int request_day_of(int64_t t, struct fd_date *day);

/*
 * num / den as a percentage with one decimal ("95.2%"); "-" when den is 0.
 * OUT: buf (REQUEST_RATE_BUFSZ is enough).
 */
void request_rate_format(char *buf, size_t bufsz, int64_t num, int64_t den);

/*
 * A length of time for people, translated: "45分钟", "5小时20分钟",
 * "3天2小时" (minutes dropped past a day); "-" for a negative value.
 * OUT: buf (REQUEST_SPAN_BUFSZ is enough).
 */
void request_span_format(char *buf, size_t bufsz, int64_t seconds);

#endif
