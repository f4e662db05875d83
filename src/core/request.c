/*
 * request.c: the pure domain of service requests: the coded value tables
 * (code stored, English msgid, Chinese label accepted whatever the
 * language), request numbers, the state machine as one table of legal
 * transitions, and the deadline clock (calendar or working hours, holidays
 * and make-up working days, stopped while on hold, with a warning band).
 * No I/O, no SQL: local time only through localtime_r() and mktime().
 */
#include "core/request.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/input.h"
#include "util/config.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The longest walk through working days: 20 years. */
#define REQ_WALK_DAYS 7305

/* ---- coded values ------------------------------------------------------- */

/* One coded value: stored code, English label (msgid), Chinese label. */
struct req_value {
	const char *code;
	const char *label;
	const char *zh;
};

static const struct req_value req_types[] = {
	{"consult", N_("Consultation"), "咨询"},
	{"complaint", N_("Complaint"), "投诉"},
	{"repair", N_("Repair"), "报修"},
	{"suggestion", N_("Suggestion"), "建议"},
};

static const struct req_value req_categories[] = {
	{"attitude", N_("Service attitude"), "服务态度"},
	{"cleaning", N_("Environment and cleaning"), "环境卫生"},
	{"facility", N_("Facilities"), "设施设备"},
	{"security", N_("Security and order"), "安全秩序"},
	{"fees", N_("Fee matters"), "收费"},
	{"decoration", N_("Decoration matters"), "装修"},
	{"other", N_("Other"), "其他"},
};

static const struct req_value req_urgencies[] = {
	{"urgent", N_("Urgent"), "紧急"},
	{"normal", N_("Normal"), "一般"},
};

static const struct req_value req_channels[] = {
	{"visit", N_("Visit"), "来访"},
	{"phone", N_("Phone"), "电话"},
	{"other", N_("Other"), "其他"},
};

static const struct req_value req_states[] = {
	{"registered", N_("Registered"), "已登记"},
	{"dispatched", N_("Dispatched"), "已派工"},
	{"in_progress", N_("In progress"), "处理中"},
	{"resolved", N_("Resolved"), "已处理"},
	{"called_back", N_("Called back"), "已回访"},
	{"closed", N_("Closed"), "已关闭"},
	{"on_hold", N_("On hold"), "挂起"},
};

static const struct req_value req_depts[] = {
	{"engineering", N_("Engineering"), "工程部"},
	{"cleaning", N_("Cleaning"), "保洁"},
	{"security", N_("Security"), "秩序维护部"},
	{"landscaping", N_("Landscaping"), "绿化"},
	{"service", N_("Service centre"), "客服"},
};

static const struct req_value req_results[] = {
	{"satisfied", N_("Satisfied"), "满意"},
	{"fairly", N_("Fairly satisfied"), "基本满意"},
	{"unsatisfied", N_("Unsatisfied"), "不满意"},
};

static const struct req_value req_methods[] = {
	{"phone", N_("Phone"), "电话"},
	{"visit", N_("Home visit"), "上门"},
	{"sms", N_("Text message"), "短信"},
	{"wechat", N_("WeChat"), "微信"},
	{"other", N_("Other"), "其他"},
};

static const struct req_value req_action_names[] = {
	{"register", N_("Register"), "登记"},
	{"dispatch", N_("Dispatch"), "派工"},
	{"start", N_("Start work"), "开始处理"},
	{"note", N_("Note"), "备注"},
	{"resolve", N_("Resolve"), "处理完成"},
	{"callback", N_("Call back"), "回访"},
	{"hold", N_("Put on hold"), "挂起"},
	{"resume", N_("Resume"), "恢复"},
	{"handover", N_("Hand over"), "移交"},
	{"close", N_("Close"), "关闭"},
	{"classify", N_("Classify"), "认定"},
	{"reopen", N_("Reopen"), "重新打开"},
};

/* The tables, by enum request_set. */
static const struct {
	const struct req_value *v;
	int n;
	const char *what; /* for the message of request_parse() */
} req_sets[REQ_SET_COUNT] = {
	[REQ_SET_TYPE] = {req_types, REQ_TYPE_COUNT, N_("request type")},
	[REQ_SET_CATEGORY] = {req_categories, REQ_CATEGORY_COUNT,
	    N_("category")},
	[REQ_SET_URGENCY] = {req_urgencies, REQ_URGENCY_COUNT, N_("urgency")},
	[REQ_SET_CHANNEL] = {req_channels, REQ_CHANNEL_COUNT, N_("channel")},
	[REQ_SET_STATE] = {req_states, REQ_STATE_COUNT, N_("status")},
	[REQ_SET_DEPT] = {req_depts, REQ_DEPT_COUNT, N_("department")},
	[REQ_SET_RESULT] = {req_results, REQ_RESULT_COUNT,
	    N_("callback result")},
	[REQ_SET_METHOD] = {req_methods, REQ_METHOD_COUNT,
	    N_("callback method")},
	[REQ_SET_ACTION] = {req_action_names, REQ_ACT_COUNT, N_("action")},
};

int
request_count(enum request_set set)
{
	return (unsigned)set < REQ_SET_COUNT ? req_sets[set].n : 0;
}

const char *
request_code(enum request_set set, int v)
{
	if ((unsigned)set >= REQ_SET_COUNT || v < 0 || v >= req_sets[set].n)
		return NULL;
	return req_sets[set].v[v].code;
}

const char *
request_label(enum request_set set, int v)
{
	if ((unsigned)set >= REQ_SET_COUNT || v < 0 || v >= req_sets[set].n)
		return "?";
	return _(req_sets[set].v[v].label);
}

int
request_code_value(enum request_set set, const char *code)
{
	int i;

	if ((unsigned)set >= REQ_SET_COUNT || code == NULL)
		return -1;
	for (i = 0; i < req_sets[set].n; i++)
		if (strcmp(code, req_sets[set].v[i].code) == 0)
			return i;
	return -1;
}

int
request_parse(enum request_set set, const char *s, int *out)
{
	char buf[INPUT_MAX + 1], list[512] = "";
	const struct req_value *v;
	size_t len = 0;
	int i, n;

	if ((unsigned)set >= REQ_SET_COUNT)
		return err_set(ERR_INVALID, "%s", err_str(ERR_INVALID));
	if (s != NULL && input_clean(buf, sizeof buf, s) == 0 &&
	    buf[0] != '\0') {
		for (i = 0; i < req_sets[set].n; i++) {
			v = &req_sets[set].v[i];
			if (strcasecmp(buf, v->code) == 0 ||
			    strcasecmp(buf, v->label) == 0 ||
			    strcmp(buf, v->zh) == 0 ||
			    strcmp(buf, _(v->label)) == 0) {
				*out = i;
				return 0;
			}
		}
	}
	for (i = 0; i < req_sets[set].n; i++) {
		n = snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? _(", ") : "", _(req_sets[set].v[i].label));
		if (n < 0 || (size_t)n >= sizeof list - len)
			break;
		len += (size_t)n;
	}
	return err_set(ERR_INVALID, _("%s must be one of: %s"),
	    _(req_sets[set].what), list);
}

/* ---- numbers ------------------------------------------------------------ */

int
request_number(char *buf, size_t bufsz, const struct fd_date *day, int seq)
{
	int n;

	if (bufsz > 0)
		buf[0] = '\0';
	if (!date_valid(day) || seq < 1)
		return ERR_INVALID;
	n = snprintf(buf, bufsz, "TS%04d%02d%02d-%04d", day->y, day->m,
	    day->d, seq);
	if (n < 0 || (size_t)n >= bufsz) {
		if (bufsz > 0)
			buf[0] = '\0';
		return ERR_INVALID;
	}
	return 0;
}

int
request_number_parse(const char *s, struct fd_date *day, int *seq)
{
	char buf[INPUT_MAX + 1];
	const char *p;
	struct fd_date d;
	long n = 0;
	int i, digits = 0;

	if (s == NULL || input_clean(buf, sizeof buf, s) != 0)
		goto bad;
	p = buf;
	if ((p[0] == 'T' || p[0] == 't') && (p[1] == 'S' || p[1] == 's'))
		p += 2;
	for (i = 0; i < 8; i++)
		if (p[i] < '0' || p[i] > '9')
			goto bad;
	d.y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
	    (p[3] - '0');
	d.m = (p[4] - '0') * 10 + (p[5] - '0');
	d.d = (p[6] - '0') * 10 + (p[7] - '0');
	p += 8;
	if (*p == '-')
		p++;
	for (; *p >= '0' && *p <= '9' && digits < 7; p++, digits++)
		n = n * 10 + (*p - '0');
	if (*p != '\0' || digits == 0 || n < 1 || !date_valid(&d))
		goto bad;
	*day = d;
	*seq = (int)n;
	return 0;
bad:
	return err_set(ERR_INVALID, _("a request number looks like "
				      "TS20261129-0007"));
}

/* ---- the state machine -------------------------------------------------- */

/* Targets that depend on the request. */
enum {
	REQ_TO_HELD = REQ_STATE_COUNT, /* resume: the state it left */
	REQ_TO_REWORK,                 /* reopen: dispatched or registered */
	REQ_TO_SAME,                   /* the state does not change */
};

/* One legal transition: in state from, action leads to to. */
struct req_transition {
	unsigned char from;
	unsigned char action;
	unsigned char to;
};

/*
 * Every legal transition.  Closing a resolved request is guarded (only
 * when its type needs no callback); everything else is as written here.
 */
static const struct req_transition req_table[] = {
	{REQ_REGISTERED, REQ_ACT_DISPATCH, REQ_DISPATCHED},
	{REQ_DISPATCHED, REQ_ACT_DISPATCH, REQ_DISPATCHED},   /* elsewhere */
	{REQ_IN_PROGRESS, REQ_ACT_DISPATCH, REQ_DISPATCHED},  /* elsewhere */
	{REQ_DISPATCHED, REQ_ACT_START, REQ_IN_PROGRESS},
	{REQ_REGISTERED, REQ_ACT_RESOLVE, REQ_RESOLVED},      /* at the desk */
	{REQ_DISPATCHED, REQ_ACT_RESOLVE, REQ_RESOLVED},      /* reported done */
	{REQ_IN_PROGRESS, REQ_ACT_RESOLVE, REQ_RESOLVED},
	{REQ_RESOLVED, REQ_ACT_CALLBACK, REQ_CALLED_BACK},
	{REQ_REGISTERED, REQ_ACT_HOLD, REQ_ON_HOLD},
	{REQ_DISPATCHED, REQ_ACT_HOLD, REQ_ON_HOLD},
	{REQ_IN_PROGRESS, REQ_ACT_HOLD, REQ_ON_HOLD},
	{REQ_ON_HOLD, REQ_ACT_RESUME, REQ_TO_HELD},
	{REQ_RESOLVED, REQ_ACT_CLOSE, REQ_CLOSED},            /* guarded */
	{REQ_CALLED_BACK, REQ_ACT_CLOSE, REQ_CLOSED},
	{REQ_RESOLVED, REQ_ACT_REOPEN, REQ_TO_REWORK},
	{REQ_CALLED_BACK, REQ_ACT_REOPEN, REQ_TO_REWORK},     /* 不满意 too */
	{REQ_CLOSED, REQ_ACT_REOPEN, REQ_TO_REWORK},
	{REQ_REGISTERED, REQ_ACT_NOTE, REQ_TO_SAME},
	{REQ_DISPATCHED, REQ_ACT_NOTE, REQ_TO_SAME},
	{REQ_IN_PROGRESS, REQ_ACT_NOTE, REQ_TO_SAME},
	{REQ_RESOLVED, REQ_ACT_NOTE, REQ_TO_SAME},
	{REQ_CALLED_BACK, REQ_ACT_NOTE, REQ_TO_SAME},
	{REQ_CLOSED, REQ_ACT_NOTE, REQ_TO_SAME},
	{REQ_ON_HOLD, REQ_ACT_NOTE, REQ_TO_SAME},
	{REQ_REGISTERED, REQ_ACT_HANDOVER, REQ_TO_SAME},
	{REQ_DISPATCHED, REQ_ACT_HANDOVER, REQ_TO_SAME},
	{REQ_IN_PROGRESS, REQ_ACT_HANDOVER, REQ_TO_SAME},
	{REQ_RESOLVED, REQ_ACT_HANDOVER, REQ_TO_SAME},
	{REQ_CALLED_BACK, REQ_ACT_HANDOVER, REQ_TO_SAME},
	{REQ_ON_HOLD, REQ_ACT_HANDOVER, REQ_TO_SAME},
	{REQ_REGISTERED, REQ_ACT_CLASSIFY, REQ_TO_SAME},
	{REQ_DISPATCHED, REQ_ACT_CLASSIFY, REQ_TO_SAME},
	{REQ_IN_PROGRESS, REQ_ACT_CLASSIFY, REQ_TO_SAME},
	{REQ_RESOLVED, REQ_ACT_CLASSIFY, REQ_TO_SAME},
	{REQ_CALLED_BACK, REQ_ACT_CLASSIFY, REQ_TO_SAME},
	{REQ_CLOSED, REQ_ACT_CLASSIFY, REQ_TO_SAME},
	{REQ_ON_HOLD, REQ_ACT_CLASSIFY, REQ_TO_SAME},
};

#define REQ_NTABLE (sizeof req_table / sizeof req_table[0])

/* What each action needs, said when the state is wrong ("%s": the state). */
static const char *const req_needs[REQ_ACT_COUNT] = {
	[REQ_ACT_REGISTER] = N_("a request is registered only once"),
	[REQ_ACT_DISPATCH] = N_("only a request not yet resolved can be "
				"dispatched; this one is %s"),
	[REQ_ACT_START] = N_("work can start only on a dispatched request; "
			     "this one is %s"),
	[REQ_ACT_NOTE] = N_("a note cannot be added now (%s)"),
	[REQ_ACT_RESOLVE] = N_("only a request not yet resolved can be "
			       "resolved; this one is %s"),
	[REQ_ACT_CALLBACK] = N_("only a resolved request can be called "
				"back; this one is %s"),
	[REQ_ACT_HOLD] = N_("only a request not yet resolved can be put on "
			    "hold; this one is %s"),
	[REQ_ACT_RESUME] = N_("only a request on hold can be resumed; this "
			      "one is %s"),
	[REQ_ACT_HANDOVER] = N_("a closed request cannot be handed over "
				"(%s)"),
	[REQ_ACT_CLOSE] = N_("only a resolved or called-back request can be "
			     "closed; this one is %s"),
	[REQ_ACT_CLASSIFY] = N_("a request cannot be classified now (%s)"),
	[REQ_ACT_REOPEN] = N_("only a resolved, called-back or closed "
			      "request can be reopened; this one is %s"),
};

/* The table's row for (from, action), or NULL. */
static const struct req_transition *
req_find(enum req_state from, enum req_action action)
{
	size_t i;

	for (i = 0; i < REQ_NTABLE; i++)
		if (req_table[i].from == from && req_table[i].action == action)
			return &req_table[i];
	return NULL;
}

int
request_allowed(enum req_state from, enum req_action action)
{
	return req_find(from, action) != NULL;
}

/* 0 when the guard of t lets it pass for f, else ERR_STATE (message). */
static int
req_guard(const struct req_transition *t, const struct req_facts *f)
{
	if (t->from == REQ_RESOLVED && t->action == REQ_ACT_CLOSE &&
	    f->needs_callback)
		return err_set(ERR_STATE, _("this request must be called back "
					    "(回访) before it is closed; call "
					    "the owner back and record the "
					    "result first"));
	if (t->to == REQ_TO_HELD && (f->held_from == REQ_ON_HOLD ||
	    !request_state_is_open(f->held_from)))
		return err_set(ERR_STATE, _("the state this request was put on "
					    "hold from is unknown"));
	return 0;
}

int
request_next(enum req_state from, enum req_action action,
    const struct req_facts *f, enum req_state *to)
{
	const struct req_transition *t;
	int rc;

	if ((unsigned)from >= REQ_STATE_COUNT ||
	    (unsigned)action >= REQ_ACT_COUNT)
		return err_set(ERR_STATE, "%s", err_str(ERR_STATE));
	if ((t = req_find(from, action)) == NULL)
		return err_set(ERR_STATE, _(req_needs[action]),
		    request_label(REQ_SET_STATE, from));
	if ((rc = req_guard(t, f)) != 0)
		return rc;
	switch (t->to) {
	case REQ_TO_HELD:
		*to = f->held_from;
		break;
	case REQ_TO_REWORK:
		*to = f->has_dept ? REQ_DISPATCHED : REQ_REGISTERED;
		break;
	case REQ_TO_SAME:
		*to = from;
		break;
	default:
		*to = (enum req_state)t->to;
	}
	return 0;
}

unsigned
request_actions(enum req_state from, const struct req_facts *f)
{
	char saved[512];
	unsigned bits = 0;
	size_t i;
	int code = err_code();

	/* the guards set a message when they refuse: keep the caller's */
	snprintf(saved, sizeof saved, "%s", err_msg());
	for (i = 0; i < REQ_NTABLE; i++)
		if (req_table[i].from == from && req_guard(&req_table[i],
		    f) == 0)
			bits |= 1u << req_table[i].action;
	if (code != 0)
		err_set(code, "%s", saved);
	else
		err_clear();
	return bits;
}

int
request_state_is_open(enum req_state st)
{
	return st == REQ_REGISTERED || st == REQ_DISPATCHED ||
	    st == REQ_IN_PROGRESS || st == REQ_ON_HOLD;
}

/* ---- rules from the configuration ------------------------------------------ */

static int
req_cmp_day(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/*
 * A list "2026-10-01,2026-10-02..2026-10-07" into sorted day numbers
 * without repeats.  OUT: *days (free()), *n.
 */
static int
req_day_list(const char *s, int32_t **days, int *n)
{
	struct fd_date a, b;
	char item[64];
	const char *end, *dots;
	int32_t d, da, db;
	int alloc = 0, i, j;
	size_t len;

	*days = NULL;
	*n = 0;
	while (s != NULL && *s != '\0') {
		for (end = s; *end != '\0' && *end != ','; end++)
			;
		if ((len = (size_t)(end - s)) >= sizeof item)
			goto bad;
		memcpy(item, s, len);
		item[len] = '\0';
		if ((dots = strstr(item, "..")) != NULL) {
			item[dots - item] = '\0';
			if (date_parse(item, &a) != 0 ||
			    date_parse(dots + 2, &b) != 0)
				goto bad;
		} else if (date_parse(item, &a) != 0)
			goto bad;
		else
			b = a;
		da = date_to_days(&a);
		db = date_to_days(&b);
		if (db < da || db - da > 365)
			goto bad;
		for (d = da; d <= db; d++) {
			if (*n == alloc) {
				alloc = alloc ? alloc * 2 : 32;
				*days = xreallocarray(*days, (size_t)alloc,
				    sizeof **days);
			}
			(*days)[(*n)++] = d;
		}
		s = *end == ',' ? end + 1 : end;
	}
	if (*n > 0)
		qsort(*days, (size_t)*n, sizeof **days, req_cmp_day);
	for (i = j = 0; i < *n; i++)
		if (j == 0 || (*days)[j - 1] != (*days)[i])
			(*days)[j++] = (*days)[i];
	*n = j;
	return 0;
bad:
	FREE(days);
	*n = 0;
	return err_set(ERR_INVALID, _("[requests] holidays and makeup_days "
				      "must be dates such as 2026-10-01 or "
				      "ranges such as 2026-10-01..2026-10-07"));
}

/* Copy cfg's [requests] values into r. */
static int
req_rules_copy(struct request_rules *r, const struct config *cfg)
{
	int t, u, rc;

	for (t = 0; t < REQ_TYPE_COUNT; t++)
		for (u = 0; u < REQ_URGENCY_COUNT; u++) {
			r->respond_s[t][u] = cfg->req_respond_s[t][u];
			r->resolve_s[t][u] = cfg->req_resolve_s[t][u];
		}
	r->callback_s = cfg->req_callback_s;
	r->warn_pct = cfg->req_warn_pct < 0 ? 0 : cfg->req_warn_pct > 100 ?
	    100 : cfg->req_warn_pct;
	r->callback_types = (unsigned)cfg->req_callback_types;
	r->cal.counting = cfg->req_counting != NULL &&
	    strcmp(cfg->req_counting, "working_hours") == 0 ?
	    REQ_COUNT_WORKING : REQ_COUNT_CALENDAR;
	r->cal.day_start = cfg->req_hours[0] * 60;
	r->cal.day_end = cfg->req_hours[1] * 60;
	r->cal.workdays = (unsigned)cfg->req_workdays & 0x7f;
	if (r->cal.day_start < 0 || r->cal.day_end > 86400 ||
	    r->cal.day_start >= r->cal.day_end || r->cal.workdays == 0) {
		/* filled by hand, not by config_load(): office hours */
		r->cal.day_start = 510 * 60;
		r->cal.day_end = 1050 * 60;
		r->cal.workdays = 0x3e;
	}
	if ((rc = req_day_list(cfg->req_holidays, &r->cal.holidays,
	    &r->cal.nholidays)) != 0 ||
	    (rc = req_day_list(cfg->req_makeup_days, &r->cal.makeup,
	    &r->cal.nmakeup)) != 0)
		return rc;
	return 0;
}

int
request_rules_init(struct request_rules *r, const struct config *cfg)
{
	struct config def;
	int rc;

	memset(r, 0, sizeof *r);
	if (cfg != NULL)
		rc = req_rules_copy(r, cfg);
	else {
		config_defaults(&def);
		rc = req_rules_copy(r, &def);
		config_release(&def);
	}
	if (rc != 0)
		request_rules_release(r);
	return rc;
}

void
request_rules_release(struct request_rules *r)
{
	if (r == NULL)
		return;
	FREE(&r->cal.holidays);
	FREE(&r->cal.makeup);
	r->cal.nholidays = r->cal.nmakeup = 0;
}

int
request_needs_callback(const struct request_rules *r, enum req_type t)
{
	return (unsigned)t < REQ_TYPE_COUNT && (r->callback_types >> t) & 1;
}

/* 1 when day is in the sorted list. */
static int
req_in_list(const int32_t *v, int n, int32_t day)
{
	return n > 0 && bsearch(&day, v, (size_t)n, sizeof *v,
	    req_cmp_day) != NULL;
}

int
request_is_workday(const struct request_calendar *cal, int32_t day)
{
	/* 1970-01-01 was a Thursday (4) */
	int wday = (int)(((day % 7) + 7 + 4) % 7);

	if (req_in_list(cal->makeup, cal->nmakeup, day))
		return 1;
	if (!((cal->workdays >> wday) & 1))
		return 0;
	return !req_in_list(cal->holidays, cal->nholidays, day);
}

/* ---- local time ------------------------------------------------------------ */

/* The local day number and second of the day of t. */
static void
req_local(int64_t t, int32_t *day, int *sec)
{
	struct fd_date d;
	struct tm tm;
	time_t tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL) {
		*day = (int32_t)(t / 86400);
		*sec = (int)(t % 86400);
		return;
	}
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	*day = date_to_days(&d);
	*sec = tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
	if (*sec >= 86400) /* a leap second */
		*sec = 86399;
}

/* The unix time of second sec (0..86400) of local day number day. */
static int64_t
req_join(int32_t day, int sec)
{
	struct fd_date d;
	struct tm tm;
	time_t t;

	if (date_from_days(day, &d) != 0) /* past DATE_MAX_YEAR */
		return (int64_t)day * 86400 + sec;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_sec = sec;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		return (int64_t)day * 86400 + sec;
	return (int64_t)t;
}

int64_t
request_day_start(const struct fd_date *day)
{
	if (!date_valid(day))
		return 0;
	return req_join(date_to_days(day), 0);
}

int
request_day_of(int64_t t, struct fd_date *day)
{
	int32_t n;
	int sec;

	req_local(t, &n, &sec);
	return date_from_days(n, day);
}

/* ---- the deadline clock ---------------------------------------------------- */

int64_t
request_allowance(const struct request_rules *r, long duration_s)
{
	if (duration_s <= 0)
		return 0;
	if (r->cal.counting == REQ_COUNT_WORKING && duration_s % 86400 == 0)
		return (int64_t)(duration_s / 86400) *
		    (r->cal.day_end - r->cal.day_start);
	return duration_s;
}

int64_t
request_clock_add(const struct request_rules *r, int64_t t0, int64_t span)
{
	const struct request_calendar *cal = &r->cal;
	int32_t day;
	int sec, open, i;
	int64_t avail;

	if (span <= 0)
		return t0;
	if (cal->counting == REQ_COUNT_CALENDAR)
		return t0 > INT64_MAX - span ? INT64_MAX : t0 + span;
	req_local(t0, &day, &sec);
	for (i = 0; i < REQ_WALK_DAYS; i++, day++, sec = 0) {
		if (!request_is_workday(cal, day))
			continue;
		open = sec > cal->day_start ? sec : cal->day_start;
		if (open >= cal->day_end)
			continue;
		avail = cal->day_end - open;
		if (span <= avail)
			return req_join(day, open + (int)span);
		span -= avail;
	}
	return INT64_MAX;
}

int64_t
request_clock_between(const struct request_rules *r, int64_t a, int64_t b)
{
	const struct request_calendar *cal = &r->cal;
	int32_t da, db, day;
	int sa, sb, lo, hi;
	int64_t total = 0;

	if (b <= a)
		return 0;
	if (cal->counting == REQ_COUNT_CALENDAR)
		return b - a;
	req_local(a, &da, &sa);
	req_local(b, &db, &sb);
	if (db - da > REQ_WALK_DAYS)
		db = da + REQ_WALK_DAYS;
	for (day = da; day <= db; day++) {
		if (!request_is_workday(cal, day))
			continue;
		lo = day == da && sa > cal->day_start ? sa : cal->day_start;
		hi = day == db && sb < cal->day_end ? sb : cal->day_end;
		if (hi > lo)
			total += hi - lo;
	}
	return total;
}

/* The deadline allow clock seconds after at, and its warning moment. */
static void
req_deadline(const struct request_rules *r, int64_t at, int64_t allow,
    int64_t *by, int64_t *warn)
{
	*by = request_clock_add(r, at, allow);
	*warn = request_clock_add(r, at, allow - allow * r->warn_pct / 100);
}

void
request_clock_start(const struct request_rules *r, enum req_type t,
    enum req_urgency u, int64_t at, struct req_clock *c)
{
	memset(c, 0, sizeof *c);
	if ((unsigned)t >= REQ_TYPE_COUNT)
		t = REQ_CONSULT;
	if ((unsigned)u >= REQ_URGENCY_COUNT)
		u = REQ_NORMAL;
	req_deadline(r, at, request_allowance(r, r->respond_s[t][u]),
	    &c->respond_by, &c->respond_warn);
	req_deadline(r, at, request_allowance(r, r->resolve_s[t][u]),
	    &c->resolve_by, &c->resolve_warn);
}

void
request_clock_resolved(const struct request_rules *r, int64_t at,
    struct req_clock *c)
{
	req_deadline(r, at, request_allowance(r, r->callback_s),
	    &c->callback_by, &c->callback_warn);
}

void
request_clock_reopened(const struct request_rules *r, enum req_type t,
    enum req_urgency u, int64_t at, struct req_clock *c)
{
	if ((unsigned)t >= REQ_TYPE_COUNT)
		t = REQ_CONSULT;
	if ((unsigned)u >= REQ_URGENCY_COUNT)
		u = REQ_NORMAL;
	req_deadline(r, at, request_allowance(r, r->resolve_s[t][u]),
	    &c->resolve_by, &c->resolve_warn);
	c->callback_by = c->callback_warn = 0;
}

/* One deadline after a hold from held to resumed. */
static int64_t
req_shift(const struct request_rules *r, int64_t held, int64_t resumed,
    int64_t t)
{
	if (t == 0 || t <= held)
		return t;
	return request_clock_add(r, resumed,
	    request_clock_between(r, held, t));
}

void
request_clock_resume(const struct request_rules *r, int64_t held,
    int64_t resumed, struct req_clock *c)
{
	c->respond_by = req_shift(r, held, resumed, c->respond_by);
	c->respond_warn = req_shift(r, held, resumed, c->respond_warn);
	c->resolve_by = req_shift(r, held, resumed, c->resolve_by);
	c->resolve_warn = req_shift(r, held, resumed, c->resolve_warn);
	c->callback_by = req_shift(r, held, resumed, c->callback_by);
	c->callback_warn = req_shift(r, held, resumed, c->callback_warn);
}

void
request_clock_running(enum req_state st, int responded, int needs_callback,
    const struct req_clock *c, int64_t *due, int64_t *warn)
{
	*due = *warn = 0;
	switch (st) {
	case REQ_REGISTERED:
	case REQ_DISPATCHED:
	case REQ_IN_PROGRESS:
		if (responded || c->resolve_by < c->respond_by) {
			*due = c->resolve_by;
			*warn = c->resolve_warn;
		} else {
			*due = c->respond_by;
			*warn = c->respond_warn;
		}
		break;
	case REQ_RESOLVED:
		if (needs_callback) {
			*due = c->callback_by;
			*warn = c->callback_warn;
		}
		break;
	default:
		break;
	}
}

enum req_due
request_due(int64_t now, int64_t due, int64_t warn)
{
	if (due == 0)
		return REQ_DUE_NONE;
	if (now > due)
		return REQ_DUE_OVERDUE;
	if (warn != 0 && now >= warn)
		return REQ_DUE_WARN;
	return REQ_DUE_OK;
}

/* ---- formatting ------------------------------------------------------------ */

void
request_rate_format(char *buf, size_t bufsz, int64_t num, int64_t den)
{
	int64_t tenths;

	if (den <= 0 || num < 0) {
		snprintf(buf, bufsz, "-");
		return;
	}
	tenths = (num * 1000 + den / 2) / den;
	snprintf(buf, bufsz, "%lld.%lld%%", (long long)(tenths / 10),
	    (long long)(tenths % 10));
}

void
request_span_format(char *buf, size_t bufsz, int64_t seconds)
{
	long long d, h, m;

	if (seconds < 0) {
		snprintf(buf, bufsz, "-");
		return;
	}
	d = seconds / 86400;
	h = seconds % 86400 / 3600;
	m = seconds % 3600 / 60;
	if (d > 0 && h > 0)
		snprintf(buf, bufsz, _("%lld d %lld h"), d, h);
	else if (d > 0)
		snprintf(buf, bufsz, _("%lld d"), d);
	else if (h > 0 && m > 0)
		snprintf(buf, bufsz, _("%lld h %lld min"), h, m);
	else if (h > 0)
		snprintf(buf, bufsz, _("%lld h"), h);
	else
		snprintf(buf, bufsz, _("%lld min"), m);
}
