/*
 * scr_reqlist.c: the service-request queues (工单队列), the "requests"
 * module entry.  Four queues, Tab (F6) steps through them: mine (as first
 * receiver or handler), all open (filters by type, status, department,
 * building, overdue and due today with F3), awaiting callback (by callback
 * due) and on hold.  Each is read through svc_request_queue() one page at a
 * time (REQLIST_PAGE lines, with the total), so a key costs one indexed
 * read; '/' filters by words in the database.  The deadline column shows
 * overdue in red and the warning band in yellow.
 */
#include "ui/scr_reqlist.h"

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
#include "ui/scr_reqboard.h"
#include "ui/scr_reqdetail.h"
#include "ui/scr_reqform.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Lines read per queue (the total is still counted). */
#define REQLIST_PAGE 300

enum reqlist_action { RL_OPEN, RL_NEW, RL_TAB, RL_FILTERS, RL_REFRESH,
	RL_BOARD };

/* Dialogs and screens this one opens. */
enum { TAG_DETAIL = 1, TAG_NEW, TAG_FKIND, TAG_FTYPE, TAG_FSTATE, TAG_FDEPT,
	TAG_FBUILDING };

enum { TAB_MINE, TAB_OPEN, TAB_CALLBACK, TAB_HOLD, TAB_COUNT };

enum { COL_NO, COL_TYPE, COL_WHERE, COL_WHAT, COL_STATE, COL_DUE,
	COL_COUNT };

/* The filter kinds F3 offers, in its order. */
enum { FK_TYPE, FK_STATE, FK_DEPT, FK_BUILDING, FK_OVERDUE, FK_TODAY,
	FK_CLEAR, FK_COUNT };

static const char *const tab_names[TAB_COUNT] = {
	N_("Mine"), N_("All open"), N_("Awaiting callback"), N_("On hold"),
};

struct reqlist {
	int tab;
	struct request_query q;   /* filters of the open queue */
	int due_today;            /* 1: only a deadline today */
	char *text;               /* the '/' filter */
	struct app *app;          /* for reading again as '/' is typed */
	struct request_list rows;
	int64_t now;              /* when rows were read */
	struct listcol cols[COL_COUNT];
	struct list list;
	char cell[320];
};

/* ---- rows --------------------------------------------------------------- */

static const struct request_row *
row_at(const struct reqlist *rl, int i)
{
	return i >= 0 && i < rl->rows.n ? &rl->rows.v[i] : NULL;
}

static int
row_count(void *ctx)
{
	return ((struct reqlist *)ctx)->rows.n;
}

/* "11-30 14:00" for t (this year), or "" for 0. */
static void
short_time(char *buf, size_t bufsz, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	buf[0] = '\0';
	if (t == 0)
		return;
	localtime_r(&tt, &tm);
	strftime(buf, bufsz, "%m-%d %H:%M", &tm);
}

static int read_queue(struct reqlist *);

static const char *
row_cell(void *ctx, int row, int col)
{
	struct reqlist *rl = ctx;
	const struct request_row *r = row_at(rl, row);
	char *p;

	if (r == NULL)
		return "";
	switch (col) {
	case COL_NO:
		return r->no;
	case COL_TYPE:
		snprintf(rl->cell, sizeof rl->cell, "%s%s",
		    request_label(REQ_SET_TYPE, (int)r->type),
		    r->urgency == REQ_URGENT ? "!" : "");
		return rl->cell;
	case COL_WHERE:
		if (r->house_code[0] != '\0' && r->location[0] != '\0')
			snprintf(rl->cell, sizeof rl->cell, "%s %s",
			    r->house_code, r->location);
		else
			snprintf(rl->cell, sizeof rl->cell, "%s%s",
			    r->house_code, r->location);
		return rl->cell;
	case COL_WHAT:
		snprintf(rl->cell, sizeof rl->cell, "%s", r->summary);
		for (p = rl->cell; *p != '\0'; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		return rl->cell;
	case COL_STATE:
		return request_label(REQ_SET_STATE, (int)r->state);
	}
	if (rl->tab == TAB_HOLD)
		return r->hold_until;
	if (rl->tab == TAB_CALLBACK)
		short_time(rl->cell, sizeof rl->cell, r->callback_by);
	else
		short_time(rl->cell, sizeof rl->cell, r->due_at);
	return rl->cell;
}

static int
row_filter(void *ctx, const char *text)
{
	struct reqlist *rl = ctx;

	free(rl->text);
	rl->text = xstrdup(text);
	return read_queue(rl);
}

static const struct listmodel_ops reqlist_list_ops = {
	.count = row_count, .cell = row_cell, .filter = row_filter,
};

/* ---- open, load, draw --------------------------------------------------- */

static const struct screen_ops reqlist_view_ops;

static int
reqlist_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct reqlist *rl;
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_REQUEST_VIEW)) != 0)
		return rc;
	if (!session_may(ss, PERM_REQUEST_EDIT))
		s->ops = &reqlist_view_ops;
	rl = xcalloc(1, sizeof *rl);
	rl->tab = TAB_MINE;
	rl->app = s->app;
	rl->text = xstrdup("");
	rl->q.type = rl->q.state = rl->q.dept = -1;
	rl->cols[COL_NO] = (struct listcol){ _("Number"), 15, 0, TEXT_LEFT };
	rl->cols[COL_TYPE] = (struct listcol){ _("Type"), 5, 0, TEXT_LEFT };
	rl->cols[COL_WHERE] = (struct listcol){ _("House/location"), 12, 0,
	    TEXT_LEFT };
	rl->cols[COL_WHAT] = (struct listcol){ _("Description"), 16, 1,
	    TEXT_LEFT };
	rl->cols[COL_STATE] = (struct listcol){ _("Status"), 6, 0,
	    TEXT_LEFT };
	rl->cols[COL_DUE] = (struct listcol){ _("Deadline"), 11, 0,
	    TEXT_LEFT };
	list_init(&rl->list, &reqlist_list_ops, rl, rl->cols, COL_COUNT,
	    _("No requests in this queue"));
	s->state = rl;
	return 0;
}

/* Read the current queue's first page. */
static int
read_queue(struct reqlist *rl)
{
	struct session *ss = app_session(rl->app);
	struct request_query q;
	int rc;

	request_list_release(&rl->rows);
	memset(&q, 0, sizeof q);
	q.type = q.state = q.dept = -1;
	switch (rl->tab) {
	case TAB_MINE:
		q.queue = REQ_Q_MINE;
		break;
	case TAB_OPEN:
		q = rl->q;
		q.queue = REQ_Q_OPEN;
		break;
	case TAB_CALLBACK:
		q.queue = REQ_Q_CALLBACK;
		break;
	default:
		q.queue = REQ_Q_ON_HOLD;
		break;
	}
	q.text = rl->text;
	rl->now = clock_now();
	if (rl->tab == TAB_OPEN && rl->due_today)
		rc = svc_request_queue_due_today(ss, &q, REQLIST_PAGE, 0,
		    &rl->rows);
	else
		rc = svc_request_queue(ss, &q, REQLIST_PAGE, 0, &rl->rows);
	return rc;
}

static int
reqlist_load(struct screen *s)
{
	struct reqlist *rl = s->state;
	int rc = read_queue(rl);

	listmodel_reload(&rl->list.m);
	return rc;
}

/* "类型 投诉，逾期" : the open queue's filters in words, into buf. */
static void
filters_text(const struct reqlist *rl, char *buf, size_t bufsz)
{
	size_t n = 0;

	buf[0] = '\0';
#define ADD(...) do {                                                     \
		if (n < bufsz)                                            \
			n += (size_t)snprintf(buf + n, bufsz - n,     \
			    __VA_ARGS__);                                 \
	} while (0)
	if (rl->q.type >= 0)
		ADD("  %s", request_label(REQ_SET_TYPE, rl->q.type));
	if (rl->q.state >= 0)
		ADD("  %s", request_label(REQ_SET_STATE, rl->q.state));
	if (rl->q.dept >= 0)
		ADD("  %s", request_label(REQ_SET_DEPT, rl->q.dept));
	if (rl->q.building > 0) {
		ADD("%s", "  ");
		ADD(_("building %d"), rl->q.building);
	}
	if (rl->q.overdue)
		ADD("  %s", _("overdue"));
	if (rl->due_today)
		ADD("  %s", _("due today"));
#undef ADD
}

static void
reqlist_draw(struct screen *s, WINDOW *w)
{
	struct reqlist *rl = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), x = 2, i, first, n, dx;
	char buf[256], f[160];
	const struct request_row *r;
	enum req_due due;
	enum tui_style st;

	for (i = 0; i < TAB_COUNT; i++) {
		snprintf(buf, sizeof buf, i == rl->tab ? "[%s]" : " %s ",
		    _(tab_names[i]));
		if (x < cols - 2)
			x += draw_fit(w, 1, x, cols - 2 - x, buf,
			    i == rl->tab ? TUI_TITLE : TUI_DIM) + 1;
	}
	snprintf(buf, sizeof buf, _("%lld in all"),
	    (long long)rl->rows.total);
	if (x < cols - 2)
		x += draw_fit(w, 1, x, cols - 2 - x, buf, TUI_DIM);
	if (rl->tab == TAB_OPEN) {
		filters_text(rl, f, sizeof f);
		if (f[0] != '\0' && x < cols - 2)
			draw_fit(w, 1, x, cols - 2 - x, f, TUI_INFO);
	}
	list_draw(&rl->list, w, 2, 1, rows - 2, cols - 2);
	/* the deadline cell again, coloured */
	if (rl->list.m.widths[COL_DUE] <= 0)
		return;
	for (dx = 0, i = 0; i < COL_DUE; i++)
		if (rl->list.m.widths[i] > 0)
			dx += rl->list.m.widths[i] + 1;
	listmodel_visible(&rl->list.m, &first, &n);
	for (i = 0; i < n; i++) {
		if ((r = row_at(rl, first + i)) == NULL ||
		    first + i == rl->list.m.sel)
			continue;
		if (rl->tab == TAB_CALLBACK)
			due = request_due(rl->now, r->callback_by, 0);
		else if (rl->tab == TAB_HOLD)
			continue;
		else
			due = request_due(rl->now, r->due_at, r->warn_at);
		if (due == REQ_DUE_OVERDUE)
			st = TUI_ERROR;
		else if (due == REQ_DUE_WARN)
			st = TUI_CELL_DECORATING;
		else
			continue;
		draw_text(w, 3 + i, 1 + dx, rl->list.m.widths[COL_DUE],
		    row_cell(rl, first + i, COL_DUE), st, TEXT_LEFT);
	}
}

static void
reqlist_close(struct screen *s)
{
	struct reqlist *rl = s->state;

	request_list_release(&rl->rows);
	free(rl->text);
	list_release(&rl->list);
	free(rl);
}

/* ---- keys --------------------------------------------------------------- */

/* Offer the labels of one coded set, "any" first. */
static void
choose_set(struct screen *s, int tag, const char *title, enum request_set set,
    int cur)
{
	const char *items[16];
	int i, n = request_count(set);

	if (n > 15)
		n = 15;
	items[0] = _("Any");
	for (i = 0; i < n; i++)
		items[i + 1] = request_label(set, i);
	dialog_choose(s->app, tag, title, items, n + 1, cur + 1);
}

static int
reqlist_action(struct screen *s, int act)
{
	struct reqlist *rl = s->state;
	const struct request_row *r = row_at(rl, rl->list.m.sel);
	struct reqform_arg fa;
	int64_t id;
	const char *kinds[FK_COUNT];

	switch (act) {
	case RL_OPEN:
		if (r != NULL) {
			id = r->id;
			app_push(s->app, &scr_reqdetail_ops, &id,
			    TAG_DETAIL);
		}
		return UI_REDRAW;
	case RL_NEW:
		memset(&fa, 0, sizeof fa);
		app_push(s->app, &scr_reqform_ops, &fa, TAG_NEW);
		return UI_REDRAW;
	case RL_TAB:
		rl->tab = (rl->tab + 1) % TAB_COUNT;
		listmodel_home(&rl->list.m);
		return UI_RELOAD | UI_REDRAW;
	case RL_FILTERS:
		kinds[FK_TYPE] = _("Type");
		kinds[FK_STATE] = _("Status");
		kinds[FK_DEPT] = _("Department");
		kinds[FK_BUILDING] = _("Building");
		kinds[FK_OVERDUE] = rl->q.overdue ? _("Overdue only: off") :
		    _("Overdue only");
		kinds[FK_TODAY] = rl->due_today ? _("Due today only: off") :
		    _("Due today only");
		kinds[FK_CLEAR] = _("Clear the filters");
		dialog_choose(s->app, TAG_FKIND, _("Filter the open requests"),
		    kinds, FK_COUNT, 0);
		return UI_REDRAW;
	case RL_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case RL_BOARD:
		app_push(s->app, &scr_reqboard_ops, NULL, TAG_DETAIL);
		return UI_REDRAW;
	}
	return list_action(&rl->list, s, act);
}

static int
reqlist_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct reqlist *rl = s->state;
	char num[16];

	if (!a->ok)
		return UI_REDRAW;
	if (tag == TAG_DETAIL)
		return UI_RELOAD | UI_REDRAW;
	switch (tag) {
	case TAG_FKIND:
		rl->tab = TAB_OPEN;
		switch (a->index) {
		case FK_TYPE:
			choose_set(s, TAG_FTYPE, _("Type"), REQ_SET_TYPE,
			    rl->q.type);
			return UI_REDRAW;
		case FK_STATE:
			choose_set(s, TAG_FSTATE, _("Status"), REQ_SET_STATE,
			    rl->q.state);
			return UI_REDRAW;
		case FK_DEPT:
			choose_set(s, TAG_FDEPT, _("Department"),
			    REQ_SET_DEPT, rl->q.dept);
			return UI_REDRAW;
		case FK_BUILDING:
			num[0] = '\0';
			if (rl->q.building > 0)
				snprintf(num, sizeof num, "%d",
				    rl->q.building);
			dialog_prompt(s->app, TAG_FBUILDING, _("Building"),
			    _("Building number (empty: every building)"), num,
			    LINEEDIT_DIGITS, 4);
			return UI_REDRAW;
		case FK_OVERDUE:
			rl->q.overdue = !rl->q.overdue;
			break;
		case FK_TODAY:
			rl->due_today = !rl->due_today;
			break;
		default:
			rl->q.type = rl->q.state = rl->q.dept = -1;
			rl->q.building = rl->q.overdue = rl->due_today = 0;
			break;
		}
		break;
	case TAG_FTYPE:
		rl->q.type = a->index - 1;
		break;
	case TAG_FSTATE:
		rl->q.state = a->index - 1;
		break;
	case TAG_FDEPT:
		rl->q.dept = a->index - 1;
		break;
	case TAG_FBUILDING:
		rl->q.building = a->text != NULL ? atoi(a->text) : 0;
		break;
	case TAG_NEW:
		if (a->text != NULL && a->text[0] != '\0')
			app_info(s->app, _("Request %s registered."), a->text);
		break;
	}
	listmodel_home(&rl->list.m);
	return UI_RELOAD | UI_REDRAW;
}

int
scr_reqlist_summary(struct app *app, char *buf, size_t bufsz)
{
	struct session *ss = app_session(app);
	struct request_counts c;
	int rc;

	if (ss == NULL || !session_may(ss, PERM_REQUEST_VIEW))
		return ERR_DENIED;
	if ((rc = svc_request_counts(ss, &c)) != 0)
		return rc;
	snprintf(buf, bufsz, _("To do %lld, overdue %lld, awaiting callback "
	    "%lld"), (long long)c.mine, (long long)c.overdue,
	    (long long)c.callback);
	return 0;
}

/* ---- tables ------------------------------------------------------------- */

#define REQLIST_COMMON_KEYS                                               \
	{ K_ENTER, RL_OPEN, N_("Open"), 0 },                              \
	{ K_F(6), RL_TAB, N_("Next queue"), 0 },                          \
	{ K_TAB, RL_TAB, NULL, 0 },                                       \
	{ K_F(3), RL_FILTERS, N_("Filters"), 0 },                         \
	{ 'f', RL_FILTERS, NULL, 0 },                                     \
	{ K_F(7), RL_BOARD, N_("Director's board"), KB_HELPONLY },        \
	{ 'b', RL_BOARD, NULL, 0 },                                       \
	{ K_F(5), RL_REFRESH, N_("Refresh"), KB_HELPONLY },               \
	{ 'r', RL_REFRESH, NULL, 0 },                                     \
	{ '/', LIST_FILTER, N_("Filter"), 0 },                            \
	LIST_MOVE_KEYS

static const struct keybind reqlist_keys[] = {
	{ K_F(2), RL_NEW, N_("New"), 0 },
	{ 'n', RL_NEW, NULL, 0 },
	REQLIST_COMMON_KEYS,
	{ 0, 0, NULL, 0 },
};

static const struct keybind reqlist_view_keys[] = {
	REQLIST_COMMON_KEYS,
	{ 0, 0, NULL, 0 },
};

#define REQLIST_HELP                                                      \
	N_("Service requests (工单). Tab or F6 steps through the queues: " \
	"mine (as first receiver or handler), all open, awaiting callback " \
	"(soonest first) and on hold. F3 filters the open ones by type, " \
	"status, department, building, overdue or due today; / finds words " \
	"in the number, house, place, name or description. Deadlines past " \
	"show in red, close ones in yellow. Enter opens a request; F2 " \
	"registers a new one; F7 opens the director's board.")

const struct screen_ops scr_reqlist_ops = {
	.name = "requests",
	.title = N_("Service requests"),
	.help = REQLIST_HELP,
	.keys = reqlist_keys,
	.open = reqlist_open,
	.load = reqlist_load,
	.draw = reqlist_draw,
	.action = reqlist_action,
	.result = reqlist_result,
	.close = reqlist_close,
};

static const struct screen_ops reqlist_view_ops = {
	.name = "requests",
	.title = N_("Service requests"),
	.help = REQLIST_HELP,
	.keys = reqlist_view_keys,
	.open = reqlist_open,
	.load = reqlist_load,
	.draw = reqlist_draw,
	.action = reqlist_action,
	.result = reqlist_result,
	.close = reqlist_close,
};
