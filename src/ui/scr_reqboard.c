/*
 * scr_reqboard.c: the director's board (主管看板) of service requests,
 * three views stepped with Tab (F6): every open request past its deadline,
 * most overdue first, with its first receiver (the owner under 首问责任制)
 * and handler (svc_request_overdue); today's register by number with its
 * sign-off, which the director gives with F2 (svc_request_day,
 * svc_request_signoff); and the month's review with its rates
 * (svc_request_review), another month with F3.  Enter opens a request.
 */
#include "ui/scr_reqboard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "svc/session.h"
#include "svc/svc_request.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/scr_reqdetail.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum reqboard_action { RB_OPEN, RB_VIEW, RB_SIGN, RB_PERIOD, RB_REFRESH };

enum { TAG_DETAIL = 1, TAG_SIGN, TAG_PERIOD };

enum { VIEW_OVERDUE, VIEW_TODAY, VIEW_MONTH, VIEW_COUNT };

enum { COL_NO, COL_TYPE, COL_WHERE, COL_STATE, COL_DUE, COL_RECEIVER,
	COL_HANDLER, COL_COUNT };

static const char *const view_names[VIEW_COUNT] = {
	N_("Overdue"), N_("Today's register"), N_("Month's review"),
};

struct reqboard {
	int view;
	struct request_list rows;
	struct request_signoff so;
	int is_signed;
	struct request_month month;
	char period[16];          /* the month reviewed, "" for this one */
	int64_t now;
	struct listcol cols[COL_COUNT];
	struct list list;
	char cell[320];
};

/* ---- rows --------------------------------------------------------------- */

static const struct request_row *
row_at(const struct reqboard *rb, int i)
{
	return rb->view != VIEW_MONTH && i >= 0 && i < rb->rows.n ?
	    &rb->rows.v[i] : NULL;
}

static int
row_count(void *ctx)
{
	struct reqboard *rb = ctx;

	return rb->view == VIEW_MONTH ? 0 : rb->rows.n;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct reqboard *rb = ctx;
	const struct request_row *r = row_at(rb, row);
	time_t t;
	struct tm tm;

	if (r == NULL)
		return "";
	switch (col) {
	case COL_NO:
		return r->no;
	case COL_TYPE:
		return request_label(REQ_SET_TYPE, (int)r->type);
	case COL_WHERE:
		snprintf(rb->cell, sizeof rb->cell, "%s%s%s", r->house_code,
		    r->house_code[0] != '\0' && r->location[0] != '\0' ?
		    " " : "", r->location);
		return rb->cell;
	case COL_STATE:
		return request_label(REQ_SET_STATE, (int)r->state);
	case COL_DUE:
		if (r->due_at == 0)
			return "";
		t = (time_t)r->due_at;
		localtime_r(&t, &tm);
		strftime(rb->cell, sizeof rb->cell, "%m-%d %H:%M", &tm);
		return rb->cell;
	case COL_RECEIVER:
		return r->receiver_name;
	}
	return r->handler;
}

static const struct listmodel_ops reqboard_list_ops = {
	.count = row_count, .cell = row_cell,
};

/* ---- open, load, draw --------------------------------------------------- */

static int
reqboard_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct reqboard *rb;
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_REQUEST_VIEW)) != 0)
		return rc;
	rb = xcalloc(1, sizeof *rb);
	rb->cols[COL_NO] = (struct listcol){ _("Number"), 15, 0, TEXT_LEFT };
	rb->cols[COL_TYPE] = (struct listcol){ _("Type"), 4, 0, TEXT_LEFT };
	rb->cols[COL_WHERE] = (struct listcol){ _("House/location"), 10, 1,
	    TEXT_LEFT };
	rb->cols[COL_STATE] = (struct listcol){ _("Status"), 6, 0,
	    TEXT_LEFT };
	rb->cols[COL_DUE] = (struct listcol){ _("Deadline"), 11, 0,
	    TEXT_LEFT };
	rb->cols[COL_RECEIVER] = (struct listcol){ _("First receiver"), 10, 0,
	    TEXT_LEFT };
	rb->cols[COL_HANDLER] = (struct listcol){ _("Handler"), 8, 0,
	    TEXT_LEFT };
	list_init(&rb->list, &reqboard_list_ops, rb, rb->cols, COL_COUNT,
	    _("Nothing here"));
	s->state = rb;
	return 0;
}

static int
reqboard_load(struct screen *s)
{
	struct reqboard *rb = s->state;
	struct session *ss = app_session(s->app);
	char period[16];
	time_t t;
	struct tm tm;
	int rc = 0;

	request_list_release(&rb->rows);
	request_signoff_release(&rb->so);
	rb->is_signed = 0;
	rb->now = clock_now();
	switch (rb->view) {
	case VIEW_OVERDUE:
		rc = svc_request_overdue(ss, &rb->rows);
		break;
	case VIEW_TODAY:
		rc = svc_request_day(ss, NULL, &rb->rows, &rb->so,
		    &rb->is_signed);
		break;
	default:
		if (rb->period[0] == '\0') {
			t = (time_t)rb->now;
			localtime_r(&t, &tm);
			strftime(period, sizeof period, "%Y-%m", &tm);
		} else
			snprintf(period, sizeof period, "%s", rb->period);
		memset(&rb->month, 0, sizeof rb->month);
		rc = svc_request_review(ss, period, &rb->month);
		break;
	}
	listmodel_reload(&rb->list.m);
	return rc;
}

/* One line of the review: label, value. */
static void
line(WINDOW *w, int *y, int rows, int cols, const char *label,
    const char *val)
{
	int n;

	if (*y >= rows)
		return;
	n = draw_fit(w, *y, 4, cols, label, TUI_DIM);
	if (n + 2 < cols)
		draw_fit(w, *y, 4 + n + 1, cols - n - 1, val, TUI_NORMAL);
	(*y)++;
}

/* The month's review as text. */
static void
draw_month(struct reqboard *rb, WINDOW *w, int y, int rows, int cols)
{
	const struct request_review *v = &rb->month.review;
	char buf[256], r1[REQUEST_RATE_BUFSZ], span[REQUEST_SPAN_BUFSZ];
	size_t n;
	int i;

	snprintf(buf, sizeof buf, _("%04d-%02d: %lld requests"),
	    rb->month.period.y, rb->month.period.m, (long long)v->total);
	draw_fit(w, y++, 2, cols, buf, TUI_TITLE);
	for (n = 0, buf[0] = '\0', i = 0; i < REQ_TYPE_COUNT && n < sizeof buf;
	    i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s %lld  ",
		    request_label(REQ_SET_TYPE, i), (long long)v->by_type[i]);
	line(w, &y, rows, cols, _("By type:"), buf);
	for (n = 0, buf[0] = '\0', i = 0; i < REQ_STATE_COUNT &&
	    n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s %lld  ",
		    request_label(REQ_SET_STATE, i), (long long)v->by_state[i]);
	line(w, &y, rows, cols, _("By status:"), buf);
	request_rate_format(r1, sizeof r1, v->respond_on_time,
	    v->respond_on_time + v->respond_late);
	snprintf(buf, sizeof buf, _("%s (%lld of %lld)"), r1,
	    (long long)v->respond_on_time,
	    (long long)(v->respond_on_time + v->respond_late));
	line(w, &y, rows, cols, _("Responded on time:"), buf);
	request_rate_format(r1, sizeof r1, v->resolve_on_time,
	    v->resolve_on_time + v->resolve_late);
	snprintf(buf, sizeof buf, _("%s (%lld of %lld)"), r1,
	    (long long)v->resolve_on_time,
	    (long long)(v->resolve_on_time + v->resolve_late));
	line(w, &y, rows, cols, _("Resolved on time:"), buf);
	request_rate_format(r1, sizeof r1, v->callback_done, v->callback_due);
	snprintf(buf, sizeof buf, _("%s (%lld of %lld)"), r1,
	    (long long)v->callback_done, (long long)v->callback_due);
	line(w, &y, rows, cols, _("Called back:"), buf);
	request_rate_format(r1, sizeof r1, v->satisfied + v->fairly,
	    v->callbacks);
	snprintf(buf, sizeof buf, _("%s (satisfied %lld, fairly %lld, "
	    "unsatisfied %lld)"), r1, (long long)v->satisfied,
	    (long long)v->fairly, (long long)v->unsatisfied);
	line(w, &y, rows, cols, _("Satisfaction:"), buf);
	request_span_format(span, sizeof span, v->resolved > 0 ?
	    v->resolve_seconds / v->resolved : -1);
	line(w, &y, rows, cols, _("Mean time to resolve:"), span);
	snprintf(buf, sizeof buf, _("%lld requests, %lld times"),
	    (long long)v->reopened, (long long)v->reopens);
	line(w, &y, rows, cols, _("Reopened:"), buf);
	snprintf(buf, sizeof buf, _("valid %lld, invalid %lld"),
	    (long long)v->valid, (long long)v->invalid);
	line(w, &y, rows, cols, _("Classified:"), buf);
	snprintf(buf, sizeof buf, "%lld", (long long)v->overdue_open);
	line(w, &y, rows, cols, _("Still open and overdue:"), buf);
}

static void
reqboard_draw(struct screen *s, WINDOW *w)
{
	struct reqboard *rb = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), x = 2, i, first, n, dx;
	char buf[256], t1[32];
	const struct request_row *r;
	time_t t;
	struct tm tm;

	for (i = 0; i < VIEW_COUNT; i++) {
		snprintf(buf, sizeof buf, i == rb->view ? "[%s]" : " %s ",
		    _(view_names[i]));
		if (x < cols - 2)
			x += draw_fit(w, 1, x, cols - 2 - x, buf,
			    i == rb->view ? TUI_TITLE : TUI_DIM) + 1;
	}
	if (rb->view == VIEW_MONTH) {
		draw_month(rb, w, 3, rows, cols - 6);
		return;
	}
	if (rb->view == VIEW_TODAY && x < cols - 2) {
		if (rb->is_signed) {
			t = (time_t)rb->so.at;
			localtime_r(&t, &tm);
			strftime(t1, sizeof t1, "%H:%M", &tm);
			snprintf(buf, sizeof buf, _("signed off by %s at %s"),
			    rb->so.director_name, t1);
			draw_fit(w, 1, x, cols - 2 - x, buf, TUI_INFO);
		} else
			draw_fit(w, 1, x, cols - 2 - x, _("not signed off"),
			    TUI_ERROR);
	}
	list_draw(&rb->list, w, 2, 1, rows - 2, cols - 2);
	if (rb->list.m.widths[COL_DUE] <= 0)
		return;
	for (dx = 0, i = 0; i < COL_DUE; i++)
		if (rb->list.m.widths[i] > 0)
			dx += rb->list.m.widths[i] + 1;
	listmodel_visible(&rb->list.m, &first, &n);
	for (i = 0; i < n; i++) {
		if ((r = row_at(rb, first + i)) == NULL ||
		    first + i == rb->list.m.sel ||
		    request_due(rb->now, r->due_at, r->warn_at) !=
		    REQ_DUE_OVERDUE)
			continue;
		draw_text(w, 3 + i, 1 + dx, rb->list.m.widths[COL_DUE],
		    row_cell(rb, first + i, COL_DUE), TUI_ERROR, TEXT_LEFT);
	}
}

static void
reqboard_close(struct screen *s)
{
	struct reqboard *rb = s->state;

	request_list_release(&rb->rows);
	request_signoff_release(&rb->so);
	list_release(&rb->list);
	free(rb);
}

/* ---- keys --------------------------------------------------------------- */

static int
reqboard_action(struct screen *s, int act)
{
	struct reqboard *rb = s->state;
	const struct request_row *r = row_at(rb, rb->list.m.sel);
	int64_t id;

	switch (act) {
	case RB_OPEN:
		if (r != NULL) {
			id = r->id;
			app_push(s->app, &scr_reqdetail_ops, &id, TAG_DETAIL);
		}
		return UI_REDRAW;
	case RB_VIEW:
		rb->view = (rb->view + 1) % VIEW_COUNT;
		listmodel_home(&rb->list.m);
		return UI_RELOAD | UI_REDRAW;
	case RB_SIGN:
		if (rb->view != VIEW_TODAY) {
			rb->view = VIEW_TODAY;
			return UI_RELOAD | UI_REDRAW;
		}
		dialog_prompt(s->app, TAG_SIGN, _("Sign off today's register"),
		    _("Note (may be empty)"), "", LINEEDIT_TEXT,
		    REQUEST_TEXT_MAX);
		return UI_REDRAW;
	case RB_PERIOD:
		rb->view = VIEW_MONTH;
		dialog_prompt(s->app, TAG_PERIOD, _("Month's review"),
		    _("Month (YYYY-MM)"), rb->period, LINEEDIT_DATE, 7);
		return UI_REDRAW;
	case RB_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	}
	return list_action(&rb->list, s, act);
}

static int
reqboard_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct reqboard *rb = s->state;
	int rc;

	if (!a->ok)
		return UI_RELOAD | UI_REDRAW;
	switch (tag) {
	case TAG_SIGN:
		if ((rc = svc_request_signoff(app_session(s->app), "",
		    a->text != NULL ? a->text : "")) != 0)
			return app_fail(s->app, rc) | UI_RELOAD;
		app_info(s->app, "%s", _("Today's register is signed off."));
		break;
	case TAG_PERIOD:
		snprintf(rb->period, sizeof rb->period, "%s",
		    a->text != NULL ? a->text : "");
		break;
	}
	return UI_RELOAD | UI_REDRAW;
}

static const struct keybind reqboard_keys[] = {
	{ K_ENTER, RB_OPEN, N_("Open"), 0 },
	{ K_F(6), RB_VIEW, N_("Next view"), 0 },
	{ K_TAB, RB_VIEW, NULL, 0 },
	{ K_F(2), RB_SIGN, N_("Sign off"), 0 },
	{ K_CTRL('s'), RB_SIGN, NULL, 0 },
	{ K_F(3), RB_PERIOD, N_("Month"), 0 },
	{ 'm', RB_PERIOD, NULL, 0 },
	{ K_F(5), RB_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', RB_REFRESH, NULL, 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_reqboard_ops = {
	.name = "reqboard",
	.title = N_("Director's board"),
	.help = N_("The director's view of service requests; Tab or F6 "
	    "steps through it. Overdue: every open request past its "
	    "deadline, most overdue first, with its first receiver "
	    "(首问责任人) and handler. Today's register: every request "
	    "registered today; F2 or Ctrl-S signs it off (每日签阅), once a "
	    "day. Month's review: counts by type and status, on-time "
	    "response and resolution, callback and satisfaction rates, mean "
	    "time to resolve, reopens; F3 or m picks another month. Enter "
	    "opens a request."),
	.keys = reqboard_keys,
	.open = reqboard_open,
	.load = reqboard_load,
	.draw = reqboard_draw,
	.action = reqboard_action,
	.result = reqboard_result,
	.close = reqboard_close,
};
