/*
 * scr_closes.c: the director's list of daily closes (日结复核), opened
 * through the daily close entry (scr_close.c) by a role with PERM_REPORTS.
 * The closes of a day or a range of days (svc_closes), one line per
 * cashier-day with the expected and counted cash, the difference (in red
 * when not zero), the review and the reason; the cashiers who took money
 * on a day and have not closed (svc_report_daily) are listed as not closed.
 * Enter opens the cashier's day read-only (scr_close.c); F9 marks a close
 * reviewed with an optional note (svc_close_review).
 */
#include "ui/scr_closes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/fee.h"
#include "core/money.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/model/closemodel.h"
#include "ui/scr_close.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Days of a range for which the cashiers who have not closed are shown. */
#define CLOSE_RANGE_SCAN 31

enum closes_action { CA_OPEN, CA_PREV, CA_NEXT, CA_DATE, CA_REVIEW,
	CA_REFRESH };

/* Dialogs and screens this one opens. */
enum { TAG_DAY = 1, TAG_DATE, TAG_TO, TAG_NOTE };

enum { COL_DAY, COL_CASHIER, COL_N, COL_EXPECTED, COL_COUNTED, COL_DIFF,
	COL_REVIEW, COL_REASON, COL_COUNT };

/* One cashier-day: closed, or money taken and not closed. */
struct closerow {
	char day[DATE_BUFSZ];
	int64_t cashier_id;
	char *cashier;
	int64_t receipts;        /* -1: not known (outside the scan) */
	int closed;
	struct day_close c;      /* when closed */
	int64_t expected_fen;    /* not closed: cash so far, float 0 */
};

struct closelist {
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
	char typed[DATE_BUFSZ];  /* the first day typed, while asking */
	struct closerow *rows;
	int n;
	int nopen, nunreviewed;
	int scanned;             /* 1: every day of the range was scanned */
	struct listcol cols[COL_COUNT];
	struct list list;
	char cell[320];
};

static void
drop_rows(struct closelist *cl)
{
	int i;

	for (i = 0; i < cl->n; i++) {
		free(cl->rows[i].cashier);
		close_release(&cl->rows[i].c);
	}
	free(cl->rows);
	cl->rows = NULL;
	cl->n = cl->nopen = cl->nunreviewed = 0;
}

static struct closerow *
add_row(struct closelist *cl)
{
	struct closerow *r;

	cl->rows = xreallocarray(cl->rows, (size_t)cl->n + 1,
	    sizeof *cl->rows);
	r = &cl->rows[cl->n++];
	memset(r, 0, sizeof *r);
	r->receipts = -1;
	return r;
}

static struct closerow *
find_row(struct closelist *cl, const char *day, int64_t cashier_id)
{
	int i;

	for (i = 0; i < cl->n; i++)
		if (cl->rows[i].cashier_id == cashier_id &&
		    strcmp(cl->rows[i].day, day) == 0)
			return &cl->rows[i];
	return NULL;
}

/* Add the cashiers of one day (svc_report_daily) not closed yet. */
static int
scan_day(struct closelist *cl, struct session *ss, const char *day)
{
	struct daily_report rep;
	struct close_view *v;
	struct closerow *r;
	int i, rc;

	if ((rc = svc_report_daily(ss, day, NULL, &rep)) != 0)
		return rc;
	for (i = 0; i < rep.n; i++) {
		v = &rep.rows[i];
		if ((r = find_row(cl, v->day, v->cashier_id)) == NULL) {
			r = add_row(cl);
			snprintf(r->day, sizeof r->day, "%s", v->day);
			r->cashier_id = v->cashier_id;
			r->cashier = xstrdup(v->cashier != NULL ? v->cashier :
			    "");
			r->expected_fen = v->sums.tendered_fen -
			    v->sums.change_fen - v->sums.refund_fen;
			cl->nopen++;
		}
		r->receipts = v->sums.n;
	}
	daily_report_release(&rep);
	return 0;
}

static int
row_cmp(const void *a, const void *b)
{
	const struct closerow *x = a, *y = b;
	int c = strcmp(x->day, y->day);

	if (c != 0)
		return c;
	return x->cashier_id < y->cashier_id ? -1 :
	    x->cashier_id > y->cashier_id;
}

static int
closelist_load(struct screen *s)
{
	struct closelist *cl = s->state;
	struct session *ss = app_session(s->app);
	struct close_vec cv = { NULL, 0 };
	struct closerow *r;
	char d[DATE_BUFSZ];
	int i, rc;

	drop_rows(cl);
	if ((rc = svc_closes(ss, cl->from, cl->to, &cv)) != 0)
		goto out;
	for (i = 0; i < cv.n; i++) {
		r = add_row(cl);
		r->closed = 1;
		r->c = cv.v[i];
		snprintf(r->day, sizeof r->day, "%s", r->c.day);
		r->cashier_id = r->c.cashier_id;
		r->cashier = xstrdup(r->c.cashier);
		if (r->c.reviewed_by == 0)
			cl->nunreviewed++;
	}
	free(cv.v);
	snprintf(d, sizeof d, "%s", cl->from);
	for (i = 0; i < CLOSE_RANGE_SCAN && strcmp(d, cl->to) <= 0; i++) {
		if ((rc = scan_day(cl, ss, d)) != 0 ||
		    (rc = closemodel_day_step(d, 1, d)) != 0)
			break;
	}
	cl->scanned = rc == 0 && strcmp(d, cl->to) > 0;
	if (cl->n > 1)
		qsort(cl->rows, (size_t)cl->n, sizeof *cl->rows, row_cmp);
out:
	/* also on an error: the list counts the rows there are now (the
	 * colouring in draw() walks them) */
	listmodel_reload(&cl->list.m);
	return rc;
}

static int
row_count(void *ctx)
{
	return ((struct closelist *)ctx)->n;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct closelist *cl = ctx;
	const struct closerow *r = row >= 0 && row < cl->n ? &cl->rows[row] :
	    NULL;
	char *p;

	if (r == NULL)
		return "";
	cl->cell[0] = '\0';
	switch (col) {
	case COL_DAY:
		return r->day;
	case COL_CASHIER:
		return r->cashier;
	case COL_N:
		if (r->receipts >= 0)
			snprintf(cl->cell, sizeof cl->cell, "%lld",
			    (long long)r->receipts);
		return cl->cell;
	case COL_EXPECTED:
		money_format(cl->cell, sizeof cl->cell, r->closed ?
		    r->c.expected_fen : r->expected_fen);
		return cl->cell;
	case COL_COUNTED:
		if (!r->closed)
			return "-";
		money_format(cl->cell, sizeof cl->cell, r->c.counted_fen);
		return cl->cell;
	case COL_DIFF:
		if (!r->closed)
			return "-";
		closemodel_diff_text(cl->cell, sizeof cl->cell, r->c.diff_fen);
		return cl->cell;
	case COL_REVIEW:
		if (!r->closed)
			return "";
		return r->c.reviewed_by != 0 ? _("reviewed") : _("to review");
	}
	if (!r->closed)
		return _("not closed");
	snprintf(cl->cell, sizeof cl->cell, "%s", r->c.reason);
	for (p = cl->cell; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return cl->cell;
}

static const struct listmodel_ops closelist_list_ops = {
	.count = row_count, .cell = row_cell,
};

static int
closelist_open(struct screen *s, void *arg)
{
	struct closelist *cl = xcalloc(1, sizeof *cl);

	(void)arg;
	closemodel_today(cl->from);
	snprintf(cl->to, sizeof cl->to, "%s", cl->from);
	cl->cols[COL_DAY] = (struct listcol){ _("Day"), 10, 0, TEXT_LEFT };
	cl->cols[COL_CASHIER] = (struct listcol){ _("Cashier"), 6, 0,
	    TEXT_LEFT };
	cl->cols[COL_N] = (struct listcol){ _("Rcpts"), 4, 0, TEXT_RIGHT };
	cl->cols[COL_EXPECTED] = (struct listcol){ _("Expected"), 10, 0,
	    TEXT_RIGHT };
	cl->cols[COL_COUNTED] = (struct listcol){ _("Counted"), 10, 0,
	    TEXT_RIGHT };
	cl->cols[COL_DIFF] = (struct listcol){ _("Difference"), 8, 0,
	    TEXT_RIGHT };
	cl->cols[COL_REVIEW] = (struct listcol){ _("Review"), 6, 0,
	    TEXT_LEFT };
	cl->cols[COL_REASON] = (struct listcol){ _("Reason"), 10, 1,
	    TEXT_LEFT };
	list_init(&cl->list, &closelist_list_ops, cl, cl->cols, COL_COUNT,
	    _("No cashier took money or closed on these days"));
	s->state = cl;
	return 0;
}

/* Column x of col in the list drawn at x0. */
static int
col_x(const struct closelist *cl, int x0, int col)
{
	int i, x = x0;

	for (i = 0; i < col; i++)
		if (cl->list.m.widths[i] > 0)
			x += cl->list.m.widths[i] + 1;
	return x;
}

static void
closelist_draw(struct screen *s, WINDOW *w)
{
	struct closelist *cl = s->state;
	const struct closerow *r;
	int cols = getmaxx(w), rows = getmaxy(w), first, n, i, x;
	char buf[256], a[40], b[40];

	closemodel_day_label(a, sizeof a, cl->from);
	closemodel_day_label(b, sizeof b, cl->to);
	if (strcmp(cl->from, cl->to) == 0)
		snprintf(buf, sizeof buf, "%s", a);
	else
		snprintf(buf, sizeof buf, _("%s to %s"), a, b);
	x = 2 + draw_fit(w, 1, 2, cols - 4, buf, TUI_TITLE) + 2;
	snprintf(buf, sizeof buf, _("closed %d, not closed %d, to review %d"),
	    cl->n - cl->nopen, cl->nopen, cl->nunreviewed);
	if (x < cols - 2)
		draw_fit(w, 1, x, cols - 2 - x, buf, TUI_DIM);
	list_draw(&cl->list, w, 2, 1, rows - 3, cols - 2);
	if (!cl->scanned)
		draw_fit(w, rows - 1, 2, cols - 4, _("Cashiers who have not "
		    "closed are shown for the first 31 days only."), TUI_DIM);
	/* differences and days not closed, coloured */
	listmodel_visible(&cl->list.m, &first, &n);
	for (i = 0; i < n && first + i < cl->n; i++) {
		r = &cl->rows[first + i];
		if (first + i == cl->list.m.sel)
			continue;
		if (r->closed && r->c.diff_fen != 0 &&
		    cl->list.m.widths[COL_DIFF] > 0)
			draw_text(w, 3 + i, col_x(cl, 1, COL_DIFF),
			    cl->list.m.widths[COL_DIFF],
			    row_cell(cl, first + i, COL_DIFF), TUI_ERROR,
			    TEXT_RIGHT);
		if (!r->closed && cl->list.m.widths[COL_REASON] > 0)
			draw_text(w, 3 + i, col_x(cl, 1, COL_REASON),
			    cl->list.m.widths[COL_REASON],
			    row_cell(cl, first + i, COL_REASON),
			    TUI_CELL_DECORATING, TEXT_LEFT);
	}
}

static void
closelist_close(struct screen *s)
{
	struct closelist *cl = s->state;

	drop_rows(cl);
	list_release(&cl->list);
	free(cl);
}

static const struct closerow *
sel_row(const struct closelist *cl)
{
	int i = cl->list.m.sel;

	return i >= 0 && i < cl->n ? &cl->rows[i] : NULL;
}

/* Show the single day d (as typed), or from..to. */
static int
set_range(struct screen *s, const char *from, const char *to)
{
	struct closelist *cl = s->state;
	struct fd_date a, b;
	int rc;

	if ((rc = date_parse(from, &a)) != 0 ||
	    (rc = date_parse(to[0] != '\0' ? to : from, &b)) != 0)
		return app_fail(s->app, rc);
	if (date_cmp(&a, &b) > 0) {
		struct fd_date t = a;

		a = b;
		b = t;
	}
	date_format(cl->from, sizeof cl->from, &a);
	date_format(cl->to, sizeof cl->to, &b);
	listmodel_home(&cl->list.m);
	return UI_RELOAD | UI_REDRAW;
}

/* Step the shown day (the first of a range) by delta. */
static int
closelist_step(struct screen *s, int delta)
{
	struct closelist *cl = s->state;
	char d[DATE_BUFSZ];
	int rc;

	if ((rc = closemodel_day_step(cl->from, delta, d)) != 0)
		return app_fail(s->app, rc);
	return set_range(s, d, d);
}

static int
closelist_key_ok(struct screen *s, int action)
{
	const struct closerow *r = sel_row(s->state);

	switch (action) {
	case CA_OPEN:
		return r != NULL;
	case CA_REVIEW:
		return r != NULL && r->closed && r->c.reviewed_by == 0 &&
		    session_may(app_session(s->app), PERM_FEE_VOID_APPROVE);
	}
	return 1;
}

static int
closelist_action(struct screen *s, int act)
{
	struct closelist *cl = s->state;
	const struct closerow *r = sel_row(cl);
	struct close_arg a;

	if (act < LIST_UP && !closelist_key_ok(s, act))
		return UI_HANDLED;
	switch (act) {
	case CA_OPEN:
		a.cashier_id = r->cashier_id;
		snprintf(a.day, sizeof a.day, "%s", r->day);
		app_push(s->app, &scr_close_ops, &a, TAG_DAY);
		return UI_REDRAW;
	case CA_PREV:
		return closelist_step(s, -1);
	case CA_NEXT:
		return closelist_step(s, 1);
	case CA_DATE:
		dialog_prompt(s->app, TAG_DATE, _("Closes of days"),
		    _("From (YYYY-MM-DD)"), cl->from, LINEEDIT_DATE, 10);
		return UI_REDRAW;
	case CA_REVIEW:
		dialog_prompt(s->app, TAG_NOTE, _("Mark reviewed"),
		    _("Note (may be empty)"), "", LINEEDIT_TEXT, FEE_TEXT_MAX);
		return UI_REDRAW;
	case CA_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	}
	return list_action(&cl->list, s, act);
}

static int
closelist_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct closelist *cl = s->state;
	const struct closerow *r = sel_row(cl);
	const char *text = a->text != NULL ? a->text : "";
	int rc;

	if (tag == TAG_DAY)
		return UI_RELOAD | UI_REDRAW;
	if (!a->ok)
		return UI_REDRAW;
	switch (tag) {
	case TAG_DATE:
		snprintf(cl->typed, sizeof cl->typed, "%s", text);
		dialog_prompt(s->app, TAG_TO, _("Closes of days"),
		    _("To (YYYY-MM-DD; empty: the same day)"), "",
		    LINEEDIT_DATE, 10);
		return UI_REDRAW;
	case TAG_TO:
		return set_range(s, cl->typed, text);
	case TAG_NOTE:
		if (r == NULL || !r->closed)
			return UI_REDRAW;
		if ((rc = svc_close_review(app_session(s->app), r->c.id,
		    text)) != 0)
			return app_fail(s->app, rc) | UI_RELOAD;
		app_info(s->app, _("The close of %s on %s is marked reviewed."),
		    r->cashier, r->day);
		return UI_RELOAD | UI_REDRAW;
	}
	return UI_REDRAW;
}

static const struct keybind closelist_keys[] = {
	{ K_ENTER, CA_OPEN, N_("Open the day"), 0 },
	{ K_F(9), CA_REVIEW, N_("Mark reviewed"), 0 },
	{ 'v', CA_REVIEW, NULL, 0 },
	{ K_F(7), CA_PREV, N_("Previous day"), 0 },
	{ 'p', CA_PREV, NULL, 0 },
	{ '[', CA_PREV, NULL, 0 },
	{ K_F(8), CA_NEXT, N_("Next day"), 0 },
	{ 'n', CA_NEXT, NULL, 0 },
	{ ']', CA_NEXT, NULL, 0 },
	{ K_F(3), CA_DATE, N_("Days"), 0 },
	{ 'd', CA_DATE, NULL, 0 },
	{ K_F(5), CA_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', CA_REFRESH, NULL, 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_closes_ops = {
	.name = "closes",
	.title = N_("Daily closes"),
	.help = N_("The closes (日结) of a day, one line per cashier: the "
	    "expected cash, the cash counted, the difference (in red when "
	    "not zero), whether it was reviewed and the reason. Cashiers who "
	    "took money that day and have not closed are listed as not "
	    "closed. F7 and F8 (p, n) step a day back and forth, F3 (d) "
	    "shows a day or a range of days. Enter opens the cashier's day; "
	    "F9 (v) marks a close reviewed, with a note if you like."),
	.keys = closelist_keys,
	.key_ok = closelist_key_ok,
	.open = closelist_open,
	.load = closelist_load,
	.draw = closelist_draw,
	.action = closelist_action,
	.result = closelist_result,
	.close = closelist_close,
};
