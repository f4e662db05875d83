/*
 * scr_reqdetail.c: one service request whole (工单详情): its fields, its
 * deadlines (overdue in red, the warning band in yellow), the timeline
 * (who, when, what; internal notes marked), and the actions the role may
 * take now (svc_request_may()), each on a function key and a plain or
 * Ctrl key.  An action asks what it needs in small dialogs (department,
 * handler, result, reason ...) and is then one svc call carrying the
 * version read; when another desk changed the request meanwhile
 * (ERR_CONFLICT) the message says so and the request is read again.
 */
#include "ui/scr_reqdetail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mask.h"
#include "svc/session.h"
#include "svc/svc_request.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum reqdetail_action {
	RD_DISPATCH, RD_START, RD_NOTE, RD_RESOLVE, RD_CALLBACK, RD_HOLD,
	RD_RESUME, RD_HANDOVER, RD_CLOSE, RD_CLASSIFY, RD_REOPEN, RD_REFRESH,
	RD_UP, RD_DOWN, RD_PGUP, RD_PGDN,
};

/* The dialogs of the actions, one step after another. */
enum {
	TAG_DEPT = 1, TAG_HANDLER, TAG_START, TAG_NOTEKIND, TAG_NOTE,
	TAG_RESOLVE, TAG_CBRESULT, TAG_CBMETHOD, TAG_CBCOMMENT, TAG_HOLDWHY,
	TAG_HOLDUNTIL, TAG_STAFF, TAG_HANDWHY, TAG_CLOSE, TAG_VALID,
	TAG_VALIDNOTE, TAG_REOPEN,
};

struct reqdetail {
	int64_t id;
	struct request_detail d;
	int64_t now;
	int top;                   /* first timeline entry shown */
	/* what the dialogs gathered so far */
	int choice, choice2;
	char *text;
	struct request_user *staff;
	int nstaff;
};

/* ---- helpers ------------------------------------------------------------ */

/* "2026-11-29 14:00" for t, "" for 0. */
static void
when(char *buf, size_t bufsz, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	buf[0] = '\0';
	if (t == 0)
		return;
	localtime_r(&tt, &tm);
	strftime(buf, bufsz, "%Y-%m-%d %H:%M", &tm);
}

/* The style of a deadline at now. */
static enum tui_style
due_style(int64_t now, int64_t due, int64_t warn)
{
	switch (request_due(now, due, warn)) {
	case REQ_DUE_OVERDUE:
		return TUI_ERROR;
	case REQ_DUE_WARN:
		return TUI_CELL_DECORATING;
	default:
		return TUI_NORMAL;
	}
}

static void
forget(struct reqdetail *rd)
{
	FREE(&rd->text);
	if (rd->staff != NULL)
		request_user_vec_release(rd->staff, rd->nstaff);
	rd->staff = NULL;
	rd->nstaff = 0;
}

/* ---- open, load, draw --------------------------------------------------- */

static int
reqdetail_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct reqdetail *rd;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_REQUEST_VIEW)) != 0)
		return rc;
	if (arg == NULL)
		return err_set(ERR_INVALID, "%s", _("no request chosen"));
	rd = xcalloc(1, sizeof *rd);
	rd->id = *(const int64_t *)arg;
	s->state = rd;
	return 0;
}

static int
reqdetail_load(struct screen *s)
{
	struct reqdetail *rd = s->state;
	int rc;

	request_detail_release(&rd->d);
	rd->now = clock_now();
	if ((rc = svc_request_detail(app_session(s->app), rd->id,
	    &rd->d)) != 0)
		return rc;
	if (rd->top >= rd->d.log.n)
		rd->top = rd->d.log.n > 0 ? rd->d.log.n - 1 : 0;
	return 0;
}

/* One labelled value at (y, x); returns the columns used. */
static int
pair(WINDOW *w, int y, int x, int cols, const char *label, const char *val,
    enum tui_style st)
{
	int n;

	if (cols <= 0)
		return 0;
	n = draw_fit(w, y, x, cols, label, TUI_DIM);
	if (n + 1 < cols)
		n += 1 + draw_fit(w, y, x + n + 1, cols - n - 1, val, st);
	return n + 2;
}

/* The actions open now, in words, into sb. */
static void
may_text(const struct reqdetail *rd, struct strbuf *sb)
{
	static const struct { int act; const char *key; } k[] = {
		{ REQ_ACT_DISPATCH, "F2" }, { REQ_ACT_START, "F3" },
		{ REQ_ACT_NOTE, "F6" }, { REQ_ACT_RESOLVE, "F7" },
		{ REQ_ACT_CALLBACK, "F8" }, { REQ_ACT_HOLD, "F9" },
		{ REQ_ACT_RESUME, "F9" }, { REQ_ACT_HANDOVER, "F11" },
		{ REQ_ACT_CLOSE, "F12" }, { REQ_ACT_CLASSIFY, "^V" },
		{ REQ_ACT_REOPEN, "^O" },
	};
	size_t i;

	for (i = 0; i < sizeof k / sizeof k[0]; i++)
		if (rd->d.actions & (1u << k[i].act))
			strbuf_addf(sb, "%s %s  ", k[i].key,
			    request_label(REQ_SET_ACTION, k[i].act));
}

static void
reqdetail_draw(struct screen *s, WINDOW *w)
{
	struct reqdetail *rd = s->state;
	const struct service_request *r = &rd->d.r;
	const struct request_event *e;
	int cols = getmaxx(w) - 4, rows = getmaxy(w), y = 1, x, i, n, half;
	char buf[512], t1[32], t2[32], phone[64];
	struct strbuf sb;

	if (cols < 10 || rows < 6)
		return;
	half = cols / 2;
	snprintf(buf, sizeof buf, "%s  %s · %s · %s", r->no,
	    request_label(REQ_SET_TYPE, (int)r->type),
	    request_label(REQ_SET_CATEGORY, (int)r->category),
	    request_label(REQ_SET_URGENCY, (int)r->urgency));
	x = 2 + draw_fit(w, y, 2, cols, buf, TUI_TITLE) + 2;
	if (x < cols)
		draw_fit(w, y, x, cols - x + 2, request_label(REQ_SET_STATE,
		    (int)r->state), r->state == REQ_ON_HOLD ? TUI_ERROR :
		    TUI_INFO);
	y++;
	if (r->house_code[0] != '\0' && r->location[0] != '\0')
		snprintf(buf, sizeof buf, "%s %s", r->house_code, r->location);
	else
		snprintf(buf, sizeof buf, "%s%s", r->house_code, r->location);
	pair(w, y, 2, half, _("Where:"), buf, TUI_NORMAL);
	pair(w, y++, 2 + half, cols - half, _("Channel:"),
	    request_label(REQ_SET_CHANNEL, (int)r->channel), TUI_NORMAL);
	phone[0] = '\0';
	if (r->phone[0] != '\0')
		mask_phone(r->phone, phone, sizeof phone);
	snprintf(buf, sizeof buf, "%s %s", r->person, phone);
	pair(w, y, 2, half, _("Contact:"), buf, TUI_NORMAL);
	when(t1, sizeof t1, r->at);
	pair(w, y++, 2 + half, cols - half, _("Registered:"), t1,
	    TUI_NORMAL);
	pair(w, y, 2, half, _("First receiver:"), r->receiver_name,
	    TUI_NORMAL);
	snprintf(buf, sizeof buf, "%s %s", r->dept >= 0 ?
	    request_label(REQ_SET_DEPT, r->dept) : "-", r->handler[0] != '\0' ?
	    r->handler : r->handler_user);
	pair(w, y++, 2 + half, cols - half, _("Department:"), buf,
	    TUI_NORMAL);
	when(t1, sizeof t1, r->clock.respond_by);
	when(t2, sizeof t2, r->clock.resolve_by);
	x = 2 + pair(w, y, 2, half, _("Respond by:"), t1,
	    r->responded_at == 0 && r->state != REQ_ON_HOLD ?
	    due_style(rd->now, r->clock.respond_by, r->clock.respond_warn) :
	    TUI_NORMAL);
	pair(w, y++, 2 + half, cols - half, _("Resolve by:"), t2,
	    request_state_is_open(r->state) && r->resolved_at == 0 &&
	    r->state != REQ_ON_HOLD ? due_style(rd->now, r->clock.resolve_by,
	    r->clock.resolve_warn) : TUI_NORMAL);
	if (r->clock.callback_by != 0 || r->state == REQ_ON_HOLD) {
		when(t1, sizeof t1, r->clock.callback_by);
		if (r->clock.callback_by != 0)
			pair(w, y, 2, half, _("Call back by:"), t1,
			    r->state == REQ_RESOLVED ? due_style(rd->now,
			    r->clock.callback_by, r->clock.callback_warn) :
			    TUI_NORMAL);
		if (r->state == REQ_ON_HOLD) {
			snprintf(buf, sizeof buf, "%s %s", r->hold_until,
			    r->hold_reason);
			pair(w, y, 2 + half, cols - half, _("On hold until:"),
			    buf, TUI_ERROR);
		}
		y++;
	}
	if (rd->d.due == REQ_DUE_OVERDUE)
		draw_fit(w, y - 1, 2 + cols - 6, 6, _("OVERDUE"), TUI_ERROR);
	y += draw_wrapped(w, y, 2, cols, 3, r->description, TUI_NORMAL) > 3 ?
	    3 : draw_wrapped(w, y, 2, cols, 3, r->description, TUI_NORMAL);
	if (r->resolution[0] != '\0' && y < rows - 3)
		pair(w, y++, 2, cols, _("Resolution:"), r->resolution,
		    TUI_NORMAL);
	if (r->cb_result >= 0 && y < rows - 3) {
		snprintf(buf, sizeof buf, "%s %s %s",
		    request_label(REQ_SET_RESULT, r->cb_result),
		    r->cb_method >= 0 ? request_label(REQ_SET_METHOD,
		    r->cb_method) : "", r->cb_comment);
		pair(w, y++, 2, cols, _("Callback:"), buf, TUI_NORMAL);
	}
	if ((r->valid >= 0 || r->reopens > 0) && y < rows - 3) {
		snprintf(buf, sizeof buf, _("%s, reopened %d times"),
		    r->valid == 1 ? _("valid") : r->valid == 0 ? _("invalid") :
		    _("not classified"), r->reopens);
		pair(w, y++, 2, cols, _("Director:"), buf, TUI_NORMAL);
	}
	strbuf_init(&sb);
	may_text(rd, &sb);
	pair(w, y++, 2, cols, _("You may:"), sb.len > 0 ? sb.buf :
	    _("nothing now"), TUI_INFO);
	strbuf_release(&sb);
	if (y >= rows - 1)
		return;
	snprintf(buf, sizeof buf, _("Timeline (%d)"), rd->d.log.n);
	draw_text(w, y++, 2, cols, buf, TUI_COLHEAD, TEXT_LEFT);
	for (i = rd->top; i < rd->d.log.n && y < rows; i++) {
		e = &rd->d.log.v[i];
		when(t1, sizeof t1, e->at);
		strbuf_init(&sb);
		strbuf_addf(&sb, "%s %s %s", t1 + 5, e->user_id != 0 ?
		    e->user_name : _("(by itself)"),
		    request_label(REQ_SET_ACTION, (int)e->kind));
		if (e->kind == REQ_ACT_HANDOVER)
			strbuf_addf(&sb, " %s→%s", e->from_name, e->to_name);
		else if (e->kind == REQ_ACT_DISPATCH && e->code[0] != '\0' &&
		    (n = request_code_value(REQ_SET_DEPT, e->code)) >= 0)
			strbuf_addf(&sb, " %s", request_label(REQ_SET_DEPT,
			    n));
		else if (e->kind == REQ_ACT_CALLBACK && e->code[0] != '\0' &&
		    (n = request_code_value(REQ_SET_RESULT, e->code)) >= 0)
			strbuf_addf(&sb, " %s", request_label(REQ_SET_RESULT,
			    n));
		else if (e->kind == REQ_ACT_CLASSIFY && e->code[0] != '\0')
			strbuf_addf(&sb, " %s", strcmp(e->code, "valid") == 0 ?
			    _("valid") : _("invalid"));
		else if (e->kind == REQ_ACT_HOLD && e->code[0] != '\0')
			strbuf_addf(&sb, " %s", e->code);
		if (e->kind == REQ_ACT_NOTE)
			strbuf_addf(&sb, " [%s]", e->to_owner ?
			    _("told the owner") : _("internal"));
		if (e->text[0] != '\0')
			strbuf_addf(&sb, ": %s", e->text);
		draw_fit(w, y++, 2, cols, sb.buf, e->kind ==
		    REQ_ACT_NOTE && !e->to_owner ? TUI_DIM : TUI_NORMAL);
		strbuf_release(&sb);
	}
}

static void
reqdetail_close(struct screen *s)
{
	struct reqdetail *rd = s->state;

	forget(rd);
	request_detail_release(&rd->d);
	free(rd);
}

/* ---- the actions -------------------------------------------------------- */

/* The outcome of one svc call: done (say so), or refused (say why; a
 * stale or out-of-date action reads the request again). */
static int
done(struct screen *s, int rc, const char *what)
{
	struct reqdetail *rd = s->state;

	forget(rd);
	if (rc == 0) {
		/* the list below reads its queue again when this closes */
		(void)screen_answer(s, 1, 0, NULL);
		app_info(s->app, _("%s: %s done."), rd->d.r.no, what);
		return UI_RELOAD | UI_REDRAW;
	}
	app_fail(s->app, rc);
	if (rc == ERR_CONFLICT || rc == ERR_STATE || rc == ERR_NOTFOUND)
		return UI_RELOAD | UI_REDRAW;
	return UI_REDRAW;
}

/* Offer the labels of a coded set. */
static void
choose_set(struct screen *s, int tag, const char *title, enum request_set set,
    int sel)
{
	const char *items[16];
	int i, n = request_count(set);

	if (n > 16)
		n = 16;
	for (i = 0; i < n; i++)
		items[i] = request_label(set, i);
	dialog_choose(s->app, tag, title, items, n, sel);
}

/* 1 when the action is open now; else says it is not and returns 0. */
static int
may(struct screen *s, int act)
{
	struct reqdetail *rd = s->state;

	if (rd->d.actions & (1u << act))
		return 1;
	app_info(s->app, _("%s is not possible now for %s (%s)."),
	    request_label(REQ_SET_ACTION, act), rd->d.r.no,
	    request_label(REQ_SET_STATE, (int)rd->d.r.state));
	return 0;
}

static int
reqdetail_action(struct screen *s, int act)
{
	struct reqdetail *rd = s->state;
	struct session *ss = app_session(s->app);
	const struct service_request *r = &rd->d.r;
	const char *items[64];
	int i, rc;

	forget(rd);
	switch (act) {
	case RD_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case RD_UP:
		if (rd->top > 0)
			rd->top--;
		return UI_REDRAW;
	case RD_DOWN:
		if (rd->top + 1 < rd->d.log.n)
			rd->top++;
		return UI_REDRAW;
	case RD_PGUP:
		rd->top = rd->top > 5 ? rd->top - 5 : 0;
		return UI_REDRAW;
	case RD_PGDN:
		rd->top += 5;
		if (rd->top >= rd->d.log.n)
			rd->top = rd->d.log.n > 0 ? rd->d.log.n - 1 : 0;
		return UI_REDRAW;
	case RD_DISPATCH:
		if (may(s, REQ_ACT_DISPATCH))
			choose_set(s, TAG_DEPT, _("Dispatch to"), REQ_SET_DEPT,
			    r->dept >= 0 ? r->dept : 0);
		return UI_REDRAW;
	case RD_START:
		if (may(s, REQ_ACT_START))
			dialog_prompt(s->app, TAG_START, _("Start work"),
			    _("Note (may be empty)"), "", LINEEDIT_TEXT,
			    REQUEST_TEXT_MAX);
		return UI_REDRAW;
	case RD_NOTE:
		if (may(s, REQ_ACT_NOTE)) {
			items[0] = _("Internal note");
			items[1] = _("What the owner was told");
			dialog_choose(s->app, TAG_NOTEKIND, _("Add a note"),
			    items, 2, 0);
		}
		return UI_REDRAW;
	case RD_RESOLVE:
		if (may(s, REQ_ACT_RESOLVE))
			dialog_prompt(s->app, TAG_RESOLVE, _("Resolve"),
			    _("What was done"), "", LINEEDIT_TEXT,
			    REQUEST_TEXT_MAX);
		return UI_REDRAW;
	case RD_CALLBACK:
		if (may(s, REQ_ACT_CALLBACK))
			choose_set(s, TAG_CBRESULT, _("Callback: the owner is"),
			    REQ_SET_RESULT, 0);
		return UI_REDRAW;
	case RD_HOLD:
		if (r->state == REQ_ON_HOLD)
			return reqdetail_action(s, RD_RESUME);
		if (may(s, REQ_ACT_HOLD))
			dialog_prompt(s->app, TAG_HOLDWHY, _("Put on hold"),
			    _("Why"), "", LINEEDIT_TEXT, REQUEST_TEXT_MAX);
		return UI_REDRAW;
	case RD_RESUME:
		if (!may(s, REQ_ACT_RESUME))
			return UI_REDRAW;
		return done(s, svc_request_resume(ss, rd->id, r->version, ""),
		    request_label(REQ_SET_ACTION, REQ_ACT_RESUME));
	case RD_HANDOVER:
		if (!may(s, REQ_ACT_HANDOVER))
			return UI_REDRAW;
		if ((rc = svc_request_staff(ss, &rd->staff, &rd->nstaff)) != 0)
			return app_fail(s->app, rc);
		for (i = 0; i < rd->nstaff && i < 64; i++)
			items[i] = rd->staff[i].display;
		if (i == 0) {
			app_info(s->app, "%s", _("Nobody to hand it over to."));
			return UI_REDRAW;
		}
		dialog_choose(s->app, TAG_STAFF, _("Hand over to"), items, i,
		    0);
		return UI_REDRAW;
	case RD_CLOSE:
		if (may(s, REQ_ACT_CLOSE))
			dialog_confirm(s->app, TAG_CLOSE, _("Close"),
			    _("Close this request?"));
		return UI_REDRAW;
	case RD_CLASSIFY:
		if (may(s, REQ_ACT_CLASSIFY)) {
			items[0] = _("Valid");
			items[1] = _("Invalid");
			dialog_choose(s->app, TAG_VALID, _("Classify"), items,
			    2, 0);
		}
		return UI_REDRAW;
	case RD_REOPEN:
		if (may(s, REQ_ACT_REOPEN))
			dialog_prompt(s->app, TAG_REOPEN, _("Reopen"),
			    _("Why"), "", LINEEDIT_TEXT, REQUEST_TEXT_MAX);
		return UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static int
reqdetail_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct reqdetail *rd = s->state;
	struct session *ss = app_session(s->app);
	const struct service_request *r = &rd->d.r;
	const char *text = a->text != NULL ? a->text : "";
	const char *items[REQ_METHOD_COUNT];
	int i;

	if (!a->ok) {
		forget(rd);
		return UI_REDRAW;
	}
	switch (tag) {
	case TAG_DEPT:
		rd->choice = a->index;
		dialog_prompt(s->app, TAG_HANDLER, _("Dispatch"),
		    _("Handler (may be empty)"), r->handler, LINEEDIT_TEXT,
		    REQUEST_HANDLER_MAX);
		return UI_REDRAW;
	case TAG_HANDLER:
		return done(s, svc_request_dispatch(ss, rd->id, r->version,
		    request_code(REQ_SET_DEPT, rd->choice), text, 0, ""),
		    request_label(REQ_SET_ACTION, REQ_ACT_DISPATCH));
	case TAG_START:
		return done(s, svc_request_start(ss, rd->id, r->version, text),
		    request_label(REQ_SET_ACTION, REQ_ACT_START));
	case TAG_NOTEKIND:
		rd->choice = a->index;
		dialog_prompt(s->app, TAG_NOTE, _("Add a note"), a->index ?
		    _("What the owner was told") : _("Internal note"), "",
		    LINEEDIT_TEXT, REQUEST_TEXT_MAX);
		return UI_REDRAW;
	case TAG_NOTE:
		return done(s, svc_request_note(ss, rd->id, text, rd->choice),
		    request_label(REQ_SET_ACTION, REQ_ACT_NOTE));
	case TAG_RESOLVE:
		return done(s, svc_request_resolve(ss, rd->id, r->version,
		    text), request_label(REQ_SET_ACTION, REQ_ACT_RESOLVE));
	case TAG_CBRESULT:
		rd->choice = a->index;
		for (i = 0; i < REQ_METHOD_COUNT; i++)
			items[i] = request_label(REQ_SET_METHOD, i);
		dialog_choose(s->app, TAG_CBMETHOD, _("Callback: by"), items,
		    REQ_METHOD_COUNT, 0);
		return UI_REDRAW;
	case TAG_CBMETHOD:
		rd->choice2 = a->index;
		dialog_prompt(s->app, TAG_CBCOMMENT, _("Call back"),
		    _("What the owner said (may be empty)"), "",
		    LINEEDIT_TEXT, REQUEST_TEXT_MAX);
		return UI_REDRAW;
	case TAG_CBCOMMENT:
		return done(s, svc_request_callback(ss, rd->id, r->version,
		    request_code(REQ_SET_RESULT, rd->choice),
		    request_code(REQ_SET_METHOD, rd->choice2), text),
		    request_label(REQ_SET_ACTION, REQ_ACT_CALLBACK));
	case TAG_HOLDWHY:
		free(rd->text);
		rd->text = xstrdup(text);
		dialog_prompt(s->app, TAG_HOLDUNTIL, _("Put on hold"),
		    _("Until (YYYY-MM-DD)"), "", LINEEDIT_DATE, 10);
		return UI_REDRAW;
	case TAG_HOLDUNTIL:
		return done(s, svc_request_hold(ss, rd->id, r->version,
		    rd->text != NULL ? rd->text : "", text),
		    request_label(REQ_SET_ACTION, REQ_ACT_HOLD));
	case TAG_STAFF:
		rd->choice = a->index;
		dialog_prompt(s->app, TAG_HANDWHY, _("Hand over"), _("Why"),
		    "", LINEEDIT_TEXT, REQUEST_TEXT_MAX);
		return UI_REDRAW;
	case TAG_HANDWHY:
		if (rd->staff == NULL || rd->choice >= rd->nstaff)
			return UI_REDRAW;
		return done(s, svc_request_handover(ss, rd->id, r->version,
		    rd->staff[rd->choice].id, text),
		    request_label(REQ_SET_ACTION, REQ_ACT_HANDOVER));
	case TAG_CLOSE:
		return done(s, svc_request_close(ss, rd->id, r->version, ""),
		    request_label(REQ_SET_ACTION, REQ_ACT_CLOSE));
	case TAG_VALID:
		rd->choice = a->index;
		dialog_prompt(s->app, TAG_VALIDNOTE, _("Classify"),
		    a->index ? _("Why it is invalid") :
		    _("Note (may be empty)"),
		    "", LINEEDIT_TEXT, REQUEST_TEXT_MAX);
		return UI_REDRAW;
	case TAG_VALIDNOTE:
		return done(s, svc_request_classify(ss, rd->id, r->version,
		    rd->choice == 0, text),
		    request_label(REQ_SET_ACTION, REQ_ACT_CLASSIFY));
	case TAG_REOPEN:
		return done(s, svc_request_reopen(ss, rd->id, r->version,
		    text), request_label(REQ_SET_ACTION, REQ_ACT_REOPEN));
	}
	return UI_REDRAW;
}

static int64_t
reqdetail_house(struct screen *s)
{
	return ((struct reqdetail *)s->state)->d.r.house_id;
}

/* The request action behind each key action, for the key bar. */
static const struct {
	int key_action, act;
} key_acts[] = {
	{ RD_DISPATCH, REQ_ACT_DISPATCH }, { RD_START, REQ_ACT_START },
	{ RD_NOTE, REQ_ACT_NOTE }, { RD_RESOLVE, REQ_ACT_RESOLVE },
	{ RD_CALLBACK, REQ_ACT_CALLBACK }, { RD_HOLD, REQ_ACT_HOLD },
	{ RD_RESUME, REQ_ACT_RESUME }, { RD_HANDOVER, REQ_ACT_HANDOVER },
	{ RD_CLOSE, REQ_ACT_CLOSE }, { RD_CLASSIFY, REQ_ACT_CLASSIFY },
	{ RD_REOPEN, REQ_ACT_REOPEN },
};

/* The key bar shows only what the role may do in the request's state. */
static int
reqdetail_key_ok(struct screen *s, int action)
{
	struct reqdetail *rd = s->state;
	size_t i;

	for (i = 0; i < sizeof key_acts / sizeof key_acts[0]; i++)
		if (key_acts[i].key_action == action)
			return (rd->d.actions >> key_acts[i].act) & 1;
	return 1;
}

static const struct keybind reqdetail_keys[] = {
	{ K_F(2), RD_DISPATCH, N_("Dispatch"), 0 },
	{ 'd', RD_DISPATCH, NULL, 0 },
	{ K_F(3), RD_START, N_("Start"), 0 },
	{ 's', RD_START, NULL, 0 },
	{ K_F(6), RD_NOTE, N_("Note"), 0 },
	{ 'a', RD_NOTE, NULL, 0 },
	{ K_F(7), RD_RESOLVE, N_("Resolve"), 0 },
	{ 'e', RD_RESOLVE, NULL, 0 },
	{ K_F(8), RD_CALLBACK, N_("Call back"), 0 },
	{ 'c', RD_CALLBACK, NULL, 0 },
	{ K_F(9), RD_HOLD, N_("Hold/resume"), KB_HELPONLY },
	{ 'h', RD_HOLD, NULL, 0 },
	{ 'u', RD_RESUME, NULL, 0 },
	{ K_F(11), RD_HANDOVER, N_("Hand over"), KB_HELPONLY },
	{ 't', RD_HANDOVER, NULL, 0 },
	{ K_F(12), RD_CLOSE, N_("Close"), 0 },
	{ 'x', RD_CLOSE, NULL, 0 },
	{ K_F(14), RD_CLASSIFY, N_("Classify (director)"), KB_HELPONLY },
	{ K_CTRL('v'), RD_CLASSIFY, NULL, 0 },
	{ K_F(15), RD_REOPEN, N_("Reopen"), KB_HELPONLY },
	{ K_CTRL('o'), RD_REOPEN, NULL, 0 },
	{ K_F(5), RD_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', RD_REFRESH, NULL, 0 },
	{ K_UP, RD_UP, N_("Scroll the timeline"), KB_HELPONLY },
	{ 'k', RD_UP, NULL, 0 },
	{ K_DOWN, RD_DOWN, NULL, 0 },
	{ 'j', RD_DOWN, NULL, 0 },
	{ K_PGUP, RD_PGUP, NULL, 0 },
	{ K_PGDN, RD_PGDN, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_reqdetail_ops = {
	.name = "reqdetail",
	.title = N_("Service request"),
	.help = N_("One request whole: where, who, the first receiver "
	    "(首问责任人), the department, every deadline (past ones in red, "
	    "close ones in yellow) and the timeline (Up and Down scroll it; "
	    "internal notes are marked). \"You may\" lists what your role may "
	    "do now: F2/d dispatch, F3/s start work, F6/a add a note (internal "
	    "or what the owner was told), F7/e resolve, F8/c call back "
	    "(不满意 reopens it), F9/h put on hold (F9/u resumes), F11/t hand "
	    "over first-ask responsibility, F12/x close, Shift-F2/Ctrl-V "
	    "classify valid or invalid (director), Shift-F3/Ctrl-O reopen. "
	    "When another desk changed the request meanwhile you are told, "
	    "and it is read again."),
	.keys = reqdetail_keys,
	.key_ok = reqdetail_key_ok,
	.open = reqdetail_open,
	.load = reqdetail_load,
	.draw = reqdetail_draw,
	.action = reqdetail_action,
	.result = reqdetail_result,
	.house = reqdetail_house,
	.close = reqdetail_close,
};
