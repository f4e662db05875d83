/*
 * scr_billrun.c: bills for a period.  A period field (the current month to
 * start with), a summary of the period read by load() (each billable
 * item's price in force on the period's first day and the last period it
 * was billed for; the bills there already when the role may see reports),
 * then Run: a question, svc_bill_generate() under a progress box, and the
 * result.
 *
 * svc_bill_generate() is one transaction that reports progress through a
 * callback and cannot be cut into steps, so the progress box's step runs
 * the whole call once; the callback moves the box's counters, has the app
 * paint them and looks for Esc (app_poll()).  Esc makes the callback ask
 * svc to stop, which rolls everything back.
 */
#include "ui/scr_billrun.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/fee.h"
#include "core/money.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "util/config.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum billrun_action { BR_RUN, BR_REFRESH, BR_LATE };

/* Dialogs this screen opens. */
enum { TAG_CONFIRM, TAG_RUN, TAG_LATE };

/* Where the last run ended. */
enum run_state { RUN_NONE, RUN_DONE, RUN_CANCELLED, RUN_FAILED };

/* Most items summed up. */
#define SUM_MAX 12

struct billrun {
	struct lineedit period;          /* the period typed */
	char shown[DATE_PERIOD_BUFSZ];   /* the period summed up; "" none */
	char sum[SUM_MAX][4][64];        /* name, kind, price, state */
	int nsum;
	char have[160];                  /* the bills there already; "" */
	char note[200];                  /* why there is no summary; "" */
	/* the run */
	struct app *app;
	char run_period[DATE_PERIOD_BUFSZ];
	long *done, *total;              /* the progress box's counters */
	int started, cancelled;
	enum run_state state;
	struct bill_run res;
};

/* ---- the summary ----------------------------------------------------------- */

/* The period typed, checked as svc checks it.  OUT: buf, *p. */
static int
typed_period(struct billrun *b, char buf[DATE_PERIOD_BUFSZ],
    struct fd_period *p)
{
	struct fd_date today;
	char *text = lineedit_get(&b->period);
	int rc;

	if (text[0] == '\0')
		rc = err_set(ERR_INVALID, "%s", _("enter the period, e.g. "
		    "2026-11"));
	else if ((rc = date_period_parse(text, p)) == 0) {
		date_today(&today);
		rc = fee_period_billable(p, &today);
	}
	free(text);
	if (rc == 0)
		date_period_format(buf, DATE_PERIOD_BUFSZ, p);
	return rc;
}

/* One item's line: its price on day, how far it is billed. */
/* A metered item's state with how many of its houses have the period's
 * reading ("billed up to 2026-10, read 12 of 300"): a house without one
 * gets no bill.  Left as it is for a role that may not read the sheets. */
static void
sum_readings(struct session *ss, const struct fee_setup_item *si,
    const char *period, char *state, size_t statesz)
{
	struct reading_row *rows = NULL;
	char buf[64];
	int n = 0, i, nread = 0;

	if (!session_may(ss, PERM_FEE_VIEW) ||
	    svc_reading_sheet(ss, 0, si->item.id, period, &rows, &n) != 0) {
		err_clear();
		free(rows);
		return;
	}
	for (i = 0; i < n; i++)
		nread += rows[i].has_cur;
	free(rows);
	snprintf(buf, sizeof buf, _("%s, read %d of %d"), state, nread, n);
	snprintf(state, statesz, "%s", buf);
}

static void
sum_item(struct billrun *b, struct session *ss,
    const struct fee_setup_item *si, const char *period, const char *day)
{
	const struct fee_standard *sd = fee_standard_at(si->std, si->nstd,
	    day);
	char (*row)[64] = b->sum[b->nsum++];
	char price[FEE_PRICE_BUFSZ];

	snprintf(row[0], sizeof row[0], "%s", si->item.name);
	snprintf(row[1], sizeof row[1], "%s", fee_label(FEE_SET_KIND,
	    (int)si->item.kind));
	if (sd != NULL) {
		fee_price_format(price, sizeof price, sd->price_e4);
		snprintf(row[2], sizeof row[2], _("%s yuan"), price);
	} else
		snprintf(row[2], sizeof row[2], "%s", _("no price: skipped"));
	if (si->last_billed[0] == '\0')
		snprintf(row[3], sizeof row[3], "%s", _("never billed"));
	else if (strcmp(si->last_billed, period) >= 0)
		snprintf(row[3], sizeof row[3], "%s", _("billed for this "
		    "period"));
	else
		snprintf(row[3], sizeof row[3], _("billed up to %s"),
		    si->last_billed);
	if (si->item.kind == FEE_METERED)
		sum_readings(ss, si, period, row[3], sizeof row[3]);
}

/* The bills of period there already (the monthly report's totals). */
static void
sum_bills(struct billrun *b, struct session *ss, const char *period)
{
	struct monthly_report r;
	char amt[MONEY_BUFSZ];
	int64_t n = 0;
	int i;

	b->have[0] = '\0';
	if (!session_may(ss, PERM_REPORTS) ||
	    svc_report_monthly(ss, period, &r) != 0) {
		err_clear();
		return;
	}
	for (i = 0; i < r.nitems; i++)
		n += r.items[i].bills;
	money_format(amt, sizeof amt, r.billed_fen);
	snprintf(b->have, sizeof b->have, _("Bills of %s there already: "
	    "%lld, %s yuan"), period, (long long)n, amt);
	monthly_report_release(&r);
}

static int
billrun_load(struct screen *s)
{
	struct billrun *b = s->state;
	struct session *ss = app_session(s->app);
	struct fee_setup fs;
	struct fd_period p;
	struct fd_date first;
	char period[DATE_PERIOD_BUFSZ], day[DATE_BUFSZ];
	int i, rc;

	b->nsum = 0;
	b->shown[0] = b->have[0] = b->note[0] = '\0';
	if (typed_period(b, period, &p) != 0) {
		snprintf(b->note, sizeof b->note, "%s", err_msg());
		err_clear();
		return 0;
	}
	if ((rc = svc_fee_setup(ss, 0, &fs)) != 0)
		return rc;
	date_period_first(&p, &first);
	date_format(day, sizeof day, &first);
	for (i = 0; i < fs.n && b->nsum < SUM_MAX; i++)
		if (fs.v[i].item.active && (fs.v[i].item.kind == FEE_AREA ||
		    fs.v[i].item.kind == FEE_METERED ||
		    fs.v[i].item.kind == FEE_FIXED))
			sum_item(b, ss, &fs.v[i], period, day);
	fee_setup_release(&fs);
	sum_bills(b, ss, period);
	snprintf(b->shown, sizeof b->shown, "%s", period);
	return 0;
}

/* ---- open, draw, close ------------------------------------------------------ */

static int
billrun_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct billrun *b;
	struct fd_date today;
	struct fd_period p;
	char buf[DATE_PERIOD_BUFSZ];
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_FEE_SETUP)) != 0)
		return rc;
	b = xcalloc(1, sizeof *b);
	b->app = s->app;
	lineedit_init(&b->period, LINEEDIT_DATE, 7, 9);
	date_today(&today);
	date_period_of(&today, &p);
	date_period_format(buf, sizeof buf, &p);
	lineedit_set(&b->period, buf);
	s->state = b;
	return 0;
}

static void
billrun_close(struct screen *s)
{
	struct billrun *b = s->state;

	lineedit_release(&b->period);
	free(b);
}

/* "label  value" at (y, x) in w columns, the value right-aligned. */
static void
pair(WINDOW *win, int y, int x, int w, const char *label, const char *value)
{
	int lw = w - 16;

	draw_text(win, y, x, lw, label, TUI_NORMAL, TEXT_LEFT);
	draw_text(win, y, x + lw, 16, value, TUI_NORMAL, TEXT_RIGHT);
}

/* The result of the last run from line y. */
static void
draw_result(struct billrun *b, WINDOW *w, int y, int cols)
{
	const struct bill_run *r = &b->res;
	char buf[160], n[6][24], t[MONEY_BUFSZ], c[MONEY_BUFSZ];
	int half = (cols - 6) / 2, x2 = 4 + half + 2;

	if (b->state == RUN_CANCELLED) {
		snprintf(buf, sizeof buf, _("Bills of %s: cancelled. No bill "
		    "was made; nothing was stored."), b->run_period);
		draw_fit(w, y, 2, cols - 4, buf, TUI_ERROR);
		return;
	}
	if (b->state == RUN_FAILED) {
		snprintf(buf, sizeof buf, _("Bills of %s: not made (see the "
		    "message below)."), b->run_period);
		draw_fit(w, y, 2, cols - 4, buf, TUI_ERROR);
		return;
	}
	snprintf(buf, sizeof buf, _("Bills of %s made"), r->period);
	draw_fit(w, y, 2, cols - 4, buf, TUI_TITLE);
	snprintf(n[0], sizeof n[0], "%lld", (long long)r->houses);
	snprintf(n[1], sizeof n[1], "%lld", (long long)r->created);
	snprintf(n[2], sizeof n[2], "%lld", (long long)r->existing);
	snprintf(n[3], sizeof n[3], "%lld", (long long)r->no_reading);
	snprintf(n[4], sizeof n[4], "%lld", (long long)r->no_standard);
	money_format(t, sizeof t, r->total_fen);
	money_format(c, sizeof c, r->credit_fen);
	pair(w, y + 1, 4, half, _("Houses looked at"), n[0]);
	pair(w, y + 1, x2, half, _("Bills made now"), n[1]);
	pair(w, y + 2, 4, half, _("Bills there already"), n[2]);
	pair(w, y + 2, x2, half, _("Without a reading"), n[3]);
	pair(w, y + 3, 4, half, _("Items without a price"), n[4]);
	pair(w, y + 3, x2, half, _("Amount made (yuan)"), t);
	snprintf(n[5], sizeof n[5], "%lld", (long long)r->credited);
	pair(w, y + 4, 4, half, _("Credit applied (yuan)"), c);
	pair(w, y + 4, x2, half, _("Houses with credit applied"), n[5]);
	if (r->created == 0)
		draw_fit(w, y++ + 5, 4, cols - 8, _("Nothing new was made: "
		    "every bill of the period was there already."), TUI_INFO);
	if (r->no_reading > 0)
		draw_fit(w, y + 5, 4, cols - 8, _("Houses without a reading "
		    "got no metered bill: enter their readings (Meter "
		    "readings), then make the bills of the period again."),
		    TUI_INFO);
}

static void
billrun_draw(struct screen *s, WINDOW *w)
{
	struct billrun *b = s->state;
	int cols = getmaxx(w), y = 1, i, x, nw, kw = 10, pw;
	char buf[200];

	x = draw_fit(w, y, 2, cols - 4, _("Period"), TUI_NORMAL) + 4;
	field_draw(w, y, x, &b->period, 1, NULL, s);
	draw_fit(w, y, x + 11, cols - x - 13, _("YYYY-MM; Enter makes the "
	    "bills"), TUI_DIM);
	y += 2;
	if (b->shown[0] == '\0') {
		draw_fit(w, y, 2, cols - 4, b->note, TUI_ERROR);
		y += 2;
	} else {
		snprintf(buf, sizeof buf, _("What is there for %s"), b->shown);
		draw_fit(w, y++, 2, cols - 4, buf, TUI_TITLE);
		nw = cols >= 100 ? 28 : 16;
		pw = cols >= 100 ? 20 : 14;
		for (i = 0; i < b->nsum; i++, y++) {
			draw_text(w, y, 4, nw, b->sum[i][0], TUI_NORMAL,
			    TEXT_LEFT);
			draw_text(w, y, 5 + nw, kw, b->sum[i][1], TUI_NORMAL,
			    TEXT_LEFT);
			draw_text(w, y, 6 + nw + kw, pw, b->sum[i][2],
			    TUI_NORMAL, TEXT_RIGHT);
			draw_fit(w, y, 8 + nw + kw + pw, cols - 10 - nw - kw -
			    pw, b->sum[i][3], TUI_NORMAL);
		}
		if (b->nsum == 0)
			draw_fit(w, y++, 4, cols - 8, _("No active item is "
			    "billed by the month."), TUI_DIM);
		if (b->have[0] != '\0')
			draw_fit(w, y++, 4, cols - 8, b->have, TUI_NORMAL);
		y++;
	}
	if (b->state != RUN_NONE)
		draw_result(b, w, y, cols);
}

/* ---- the run ------------------------------------------------------------------ */

/* svc's progress callback: show done of total, look for Esc. */
static int
on_progress(void *arg, int64_t done, int64_t total)
{
	struct billrun *b = arg;

	*b->done = (long)done;
	*b->total = (long)total;
	if (app_poll(b->app) == K_ESC) {
		b->cancelled = 1;
		return 1;
	}
	return 0;
}

/* The progress box's step: the whole run, once (see the file comment). */
static int
run_step(void *arg, long *done, long *total)
{
	struct billrun *b = arg;
	int rc;

	if (b->started)
		return 1;
	b->started = 1;
	b->done = done;
	b->total = total;
	rc = svc_bill_generate(app_session(b->app), b->run_period,
	    on_progress, b, &b->res);
	return rc == 0 ? 1 : rc;
}

/* Enter: check the period, then ask. */
static int
ask_run(struct screen *s)
{
	struct billrun *b = s->state;
	struct fd_period p;
	char period[DATE_PERIOD_BUFSZ], text[400];
	int rc;

	if ((rc = typed_period(b, period, &p)) != 0)
		return app_fail(s->app, rc);
	snprintf(b->run_period, sizeof b->run_period, "%s", period);
	snprintf(text, sizeof text, _("Make the bills of %s for every house? "
	    "Bills already there are left alone, and a house's credit is "
	    "applied to its new bills. Esc stops the run; then nothing is "
	    "stored."), period);
	dialog_confirm(s->app, TAG_CONFIRM, _("Bills for a period"), text);
	return UI_REDRAW;
}

/* The question was answered yes: run it under a progress box. */
static int
start_run(struct screen *s)
{
	struct billrun *b = s->state;
	char title[80];

	b->started = b->cancelled = 0;
	b->state = RUN_NONE;
	memset(&b->res, 0, sizeof b->res);
	snprintf(title, sizeof title, _("Making the bills of %s"),
	    b->run_period);
	dialog_progress(s->app, TAG_RUN, title, run_step, b);
	return UI_REDRAW;
}

/* The progress box closed: done, cancelled or failed. */
static int
run_done(struct screen *s, const struct screen_answer *a)
{
	struct billrun *b = s->state;

	/* an Esc pressed after the last progress report came too late to
	 * stop the run: it must not also leave the screen and its result */
	flushinp();
	if (a->ok) {
		b->state = RUN_DONE;
		if (b->res.created == 0)
			app_info(s->app, _("Nothing new was made for %s: its "
			    "bills were there already."), b->run_period);
		else
			app_info(s->app, _("%lld bills of %s made."),
			    (long long)b->res.created, b->run_period);
	} else if (b->cancelled || a->index == 1 || !b->started) {
		b->state = RUN_CANCELLED;
		app_info(s->app, _("Bills of %s cancelled: nothing was "
		    "stored."), b->run_period);
	} else
		b->state = RUN_FAILED;
	return UI_RELOAD | UI_REDRAW;
}

/* F7: the late fees (滞纳金) of every house up to today, after asking. */
static int
ask_late(struct screen *s)
{
	const struct config *cfg = app_config(s->app);
	char text[400];

	snprintf(text, sizeof text, _("Charge the late fees of every house up "
	    "to today? Each open bill more than %d days past due gets a bill "
	    "line of its own (滞纳金) at %d per 10,000 a day; what was "
	    "charged before is not charged again."), cfg->fee_late_grace_days,
	    cfg->fee_late_rate);
	dialog_confirm(s->app, TAG_LATE, _("Late fees"), text);
	return UI_REDRAW;
}

static int
charge_late(struct screen *s)
{
	struct late_run run;
	char amt[MONEY_BUFSZ];
	int rc;

	if ((rc = svc_late_fees(app_session(s->app), 0, &run)) != 0)
		return app_fail(s->app, rc);
	money_format(amt, sizeof amt, run.total_fen);
	app_info(s->app, _("Late fees charged: %lld bill lines, %s yuan"),
	    (long long)run.bills, amt);
	return UI_RELOAD | UI_REDRAW;
}

static int
billrun_result(struct screen *s, int tag, const struct screen_answer *a)
{
	if (tag == TAG_CONFIRM)
		return a->ok ? start_run(s) : UI_REDRAW;
	if (tag == TAG_RUN)
		return run_done(s, a);
	if (tag == TAG_LATE && a->ok)
		return charge_late(s);
	return UI_REDRAW;
}

static int
billrun_action(struct screen *s, int act)
{
	if (act == BR_RUN)
		return ask_run(s);
	if (act == BR_LATE)
		return app_config(s->app)->fee_late ? ask_late(s) : UI_HANDLED;
	return UI_RELOAD | UI_REDRAW;
}

/* The late-fee key shows only where late fees are on ([fees] late_fee). */
static int
billrun_key_ok(struct screen *s, int act)
{
	return act != BR_LATE || app_config(s->app)->fee_late;
}

static int
billrun_input(struct screen *s, int key)
{
	struct billrun *b = s->state;
	char *before = lineedit_get(&b->period), *after;
	int bits = UI_UNHANDLED;

	switch (field_key(&b->period, key)) {
	case FIELD_HANDLED:
		after = lineedit_get(&b->period);
		bits = strcmp(before, after) != 0 ? UI_RELOAD | UI_REDRAW :
		    UI_REDRAW;
		free(after);
		break;
	case FIELD_REFUSED:
		bits = app_fail(s->app, ERR_INVALID);
		break;
	}
	free(before);
	return bits;
}

static const struct keybind billrun_keys[] = {
	{ K_ENTER, BR_RUN, N_("Make the bills"), 0 },
	{ K_F(2), BR_RUN, NULL, 0 },
	{ K_F(5), BR_REFRESH, N_("Refresh"), 0 },
	{ K_F(7), BR_LATE, N_("Late fees"), 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_billrun_ops = {
	.name = "billrun",
	.title = N_("Bills for a period"),
	.help = N_("Make the bills of a month for every house: each active "
	    "item billed by area, by meter or by the month, at the price in "
	    "force on the month's first day. Type the period (YYYY-MM); the "
	    "screen shows each item's price and how far it is billed. Enter "
	    "asks, then makes the bills; Esc during the run stops it and "
	    "nothing is stored. Bills already there are left alone, so "
	    "running a month again makes nothing twice. Metered items need "
	    "the month's readings first (Meter readings). A house's credit "
	    "is applied to its new bills. Where late fees are on, F7 charges "
	    "those of every house up to today."),
	.keys = billrun_keys,
	.open = billrun_open,
	.load = billrun_load,
	.draw = billrun_draw,
	.action = billrun_action,
	.input = billrun_input,
	.result = billrun_result,
	.key_ok = billrun_key_ok,
	.close = billrun_close,
};
