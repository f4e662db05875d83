/*
 * scr_fees.c: the fees module's menu.  One table names each fee screen
 * with the permissions that show it (either one), so a role sees only what
 * it may use; an entry whose screen is not built (ops NULL) is left out.
 * load() reads the few counts behind the summaries; draw() only paints.
 */
#include "ui/scr_fees.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/money.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/scr_arrears.h"
#include "ui/scr_billrun.h"
#include "ui/scr_close.h"
#include "ui/scr_counter.h"
#include "ui/scr_feeitems.h"
#include "ui/scr_monthly.h"
#include "ui/scr_readings.h"
#include "ui/scr_voids.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

enum fees_action { FEES_OPEN, FEES_REFRESH };

enum fees_item { ITEM_COUNTER, ITEM_CLOSE, ITEM_VOIDS, ITEM_ARREARS,
	ITEM_BILLS, ITEM_READINGS, ITEM_ITEMS, ITEM_MONTHLY, ITEM_COUNT };

/* The entries: title, blurb, the permissions (either one), the screen. */
static const struct {
	const char *title;
	const char *blurb;
	enum perm_action perm, perm2;
	const struct screen_ops *ops;
} items[ITEM_COUNT] = {
	[ITEM_COUNTER] = { N_("Counter"),
	    N_("Find the house, take the payment, print the receipt"),
	    PERM_FEE_COLLECT, PERM_FEE_VIEW, &scr_counter_ops },
	[ITEM_CLOSE] = { N_("Daily close"),
	    N_("Count the drawer and close the day; review the closes"),
	    PERM_FEE_CLOSE_DAY, PERM_REPORTS, &scr_close_ops },
	[ITEM_VOIDS] = { N_("Voids"),
	    N_("Receipts to be voided, approved by the director"),
	    PERM_FEE_VOID_APPROVE, PERM_FEE_COLLECT, &scr_voids_ops },
	[ITEM_ARREARS] = { N_("Arrears and reminders"),
	    N_("Who owes what and for how long; reminder notices and log"),
	    PERM_FEE_VIEW, PERM_FEE_VIEW, &scr_arrears_ops },
	[ITEM_BILLS] = { N_("Bills for a period"),
	    N_("Make the month's bills for every house"),
	    PERM_FEE_SETUP, PERM_FEE_SETUP, &scr_billrun_ops },
	[ITEM_READINGS] = { N_("Meter readings"),
	    N_("Water and electricity readings of a building"),
	    PERM_FEE_SETUP, PERM_FEE_COLLECT, &scr_readings_ops },
	[ITEM_ITEMS] = { N_("Fee items and standards"),
	    N_("What is charged, to whom, and at what price from when"),
	    PERM_FEE_SETUP, PERM_FEE_SETUP, &scr_feeitems_ops },
	[ITEM_MONTHLY] = { N_("Monthly report"),
	    N_("Billed and collected by item and building; collection rates"),
	    PERM_REPORTS, PERM_REPORTS, &scr_monthly_ops },
};

/* One entry of the menu. */
struct fees_row {
	enum fees_item item;
	char num[12];
	char summary[160];
};

struct fees {
	struct fees_row rows[ITEM_COUNT];
	int n;
	struct listcol cols[3];
	struct list list;
};

/* ---- summaries ------------------------------------------------------------ */

/* The session's own day, for a cashier.  0, or ERR_NOTFOUND (no
 * cashier, or unreadable).  OUT: *v (close_view_release()). */
static int
day_read(struct session *ss, struct close_view *v)
{
	if (!session_may(ss, PERM_FEE_CLOSE_DAY) ||
	    svc_close_view(ss, "", 0, v) != 0)
		return ERR_NOTFOUND;
	return 0;
}

/* "12 receipts today, 3,450.00 yuan" of the cashier's day v. */
static void
day_summary(const struct close_view *v, char *buf, size_t bufsz)
{
	char amt[MONEY_BUFSZ];

	money_format(amt, sizeof amt, v->sums.total_fen);
	if (v->closed)
		snprintf(buf, bufsz, _("Today is closed: %lld receipts, %s "
		    "yuan"), (long long)v->sums.n, amt);
	else
		snprintf(buf, bufsz, _("%lld receipts today, %s yuan"),
		    (long long)v->sums.n, amt);
}

/* "2 voids waiting for approval" for the director. */
static int
voids_summary(struct session *ss, char *buf, size_t bufsz)
{
	struct void_vec vv = { NULL, 0 };
	int n;

	if (!session_may(ss, PERM_FEE_VOID_APPROVE) ||
	    svc_voids(ss, VOID_REQUESTED, &vv) != 0)
		return ERR_NOTFOUND;
	n = vv.n;
	void_vec_release(&vv);
	if (n == 0)
		return ERR_NOTFOUND;
	snprintf(buf, bufsz, _("Voids waiting for approval: %d"), n);
	return 0;
}

/* For the director: today's cashiers closed, and closes to review. */
static int
closes_summary(struct session *ss, char *buf, size_t bufsz)
{
	struct daily_report r;
	int i, n, closed = 0, review = 0;

	if (!session_may(ss, PERM_FEE_VOID_APPROVE) ||
	    svc_report_daily(ss, "", NULL, &r) != 0)
		return ERR_NOTFOUND;
	for (i = 0; i < r.n; i++) {
		closed += r.rows[i].closed;
		review += r.rows[i].closed && r.rows[i].close.reviewed_by == 0;
	}
	if ((n = r.n) > 0)
		snprintf(buf, bufsz, _("Today %d of %d cashiers closed, %d to "
		    "review"), closed, n, review);
	daily_report_release(&r);
	return n > 0 ? 0 : ERR_NOTFOUND;
}

/* The close row of the cashier's day v: open, or closed with the
 * difference. */
static void
close_summary(const struct close_view *v, char *buf, size_t bufsz)
{
	char diff[MONEY_BUFSZ];

	money_format(diff, sizeof diff, v->close.diff_fen);
	if (!v->closed)
		snprintf(buf, bufsz, "%s", _("Today is not closed yet"));
	else if (v->close.diff_fen == 0)
		snprintf(buf, bufsz, "%s", _("Today is closed, no difference"));
	else
		snprintf(buf, bufsz, _("Today is closed, difference %s yuan"),
		    diff);
}

int
scr_fees_summary(struct app *app, char *buf, size_t bufsz)
{
	struct session *ss = app_session(app);
	struct close_view v;

	if (ss == NULL)
		return ERR_NOTFOUND;
	if (voids_summary(ss, buf, bufsz) == 0 ||
	    closes_summary(ss, buf, bufsz) == 0)
		return 0;
	if (day_read(ss, &v) != 0)
		return ERR_NOTFOUND;
	day_summary(&v, buf, bufsz);
	close_view_release(&v);
	return 0;
}

/* ---- the menu ------------------------------------------------------------- */

static int
row_count(void *ctx)
{
	return ((struct fees *)ctx)->n;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct fees_row *r = &((struct fees *)ctx)->rows[row];

	return col == 0 ? r->num : col == 1 ? _(items[r->item].title) :
	    r->summary;
}

static const struct listmodel_ops fees_list_ops = {
	.count = row_count, .cell = row_cell,
};

static int
fees_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct fees *f;
	int i;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	f = xcalloc(1, sizeof *f);
	for (i = 0; i < ITEM_COUNT; i++) {
		if (items[i].ops == NULL || (!session_may(ss, items[i].perm) &&
		    !session_may(ss, items[i].perm2)))
			continue;
		f->rows[f->n].item = (enum fees_item)i;
		snprintf(f->rows[f->n].num, sizeof f->rows[f->n].num, "%d",
		    f->n + 1);
		f->n++;
	}
	f->cols[0] = (struct listcol){ "", 2, 0, TEXT_RIGHT };
	f->cols[1] = (struct listcol){ _("Task"), 20, 0, TEXT_LEFT };
	f->cols[2] = (struct listcol){ _("Summary"), 30, 1, TEXT_LEFT };
	list_init(&f->list, &fees_list_ops, f, f->cols, 3, NULL);
	f->list.footer = 0;
	s->state = f;
	return 0;
}

static int
fees_load(struct screen *s)
{
	struct fees *f = s->state;
	struct session *ss = app_session(s->app);
	struct close_view v;
	struct fees_row *r;
	int i, rc, day = day_read(ss, &v) == 0; /* read once, for two rows */

	for (i = 0; i < f->n; i++) {
		r = &f->rows[i];
		rc = ERR_NOTFOUND;
		if (day && r->item == ITEM_COUNTER) {
			day_summary(&v, r->summary, sizeof r->summary);
			rc = 0;
		} else if (day && r->item == ITEM_CLOSE) {
			close_summary(&v, r->summary, sizeof r->summary);
			rc = 0;
		} else if (r->item == ITEM_CLOSE)
			rc = closes_summary(ss, r->summary, sizeof r->summary);
		else if (r->item == ITEM_VOIDS)
			rc = voids_summary(ss, r->summary, sizeof r->summary);
		if (rc != 0)
			snprintf(r->summary, sizeof r->summary, "%s",
			    _(items[r->item].blurb));
	}
	if (day)
		close_view_release(&v);
	listmodel_reload(&f->list.m);
	return 0;
}

static void
fees_draw(struct screen *s, WINDOW *w)
{
	struct fees *f = s->state;
	int cols = getmaxx(w);

	list_draw(&f->list, w, 1, 2, f->n + 1, cols - 4);
	draw_fit(w, f->n + 3, 4, cols - 8,
	    _("Pick with a digit, or with the arrows and Enter."), TUI_DIM);
}

static void
fees_close(struct screen *s)
{
	struct fees *f = s->state;

	list_release(&f->list);
	free(f);
}

/* Open entry i. */
static int
open_row(struct screen *s, int i)
{
	struct fees *f = s->state;

	listmodel_select(&f->list.m, i);
	app_push(s->app, items[f->rows[i].item].ops, NULL, 0);
	return UI_REDRAW;
}

static int
fees_action(struct screen *s, int action)
{
	struct fees *f = s->state;

	switch (action) {
	case FEES_OPEN:
		return f->list.m.sel >= 0 ? open_row(s, f->list.m.sel) :
		    UI_HANDLED;
	case FEES_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	}
	return list_action(&f->list, s, action);
}

static int
fees_input(struct screen *s, int key)
{
	struct fees *f = s->state;

	if (key >= '1' && key < '1' + f->n && key - '1' < ITEM_COUNT)
		return open_row(s, key - '1');
	return UI_UNHANDLED;
}

static const struct keybind fees_keys[] = {
	{ K_ENTER, FEES_OPEN, N_("Open"), 0 },
	{ K_F(5), FEES_REFRESH, N_("Refresh"), 0 },
	{ 'r', FEES_REFRESH, NULL, 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_fees_ops = {
	.name = "fees",
	.title = N_("Fees"),
	.help = N_("Fee collection. Counter: find the house, see its open "
	    "bills oldest first, take the payment and print the receipt. "
	    "Daily close: count the drawer and close your day; the director "
	    "reviews the closes. Voids: a cashier asks, the director "
	    "approves. Arrears: who owes what and for how long, reminder "
	    "notices and their log. Bills, meter readings, fee items and the "
	    "monthly report for the director. You see only what your role "
	    "may do."),
	.keys = fees_keys,
	.open = fees_open,
	.load = fees_load,
	.draw = fees_draw,
	.action = fees_action,
	.input = fees_input,
	.close = fees_close,
};
