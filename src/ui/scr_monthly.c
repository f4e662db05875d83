/*
 * scr_monthly.c: the monthly report (月报), the director's.  A period
 * field at the top starts at last month: the report is read once a month
 * is over, and the current month's bills are mostly not yet due, so its
 * rates would look falsely low.  Enter reads the period typed
 * (svc_report_monthly); [ and ] step a month.  The report is laid out by
 * ui/model/feeview (tables by item and building, totals, the three rates
 * with their formulas) and scrolls when taller than the screen.
 */
#include "ui/scr_monthly.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/model/feeview.h"
#include "ui/model/lineedit.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum monthly_action { MO_LOAD, MO_PREV, MO_NEXT, MO_UP, MO_DOWN, MO_PGUP,
	MO_PGDN, MO_TOP, MO_BOTTOM };

struct monthly {
	struct lineedit period;       /* the field */
	struct monthly_report m;
	int have;                     /* m holds a report */
	int top, page;                /* scrolled to; lines shown */
	int nlines;                   /* lines at the last draw */
	char title[64];
};

/* ---- open, load, close --------------------------------------------------- */

static int
monthly_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct monthly *mo;
	struct fd_date today;
	struct fd_period p;
	char buf[DATE_PERIOD_BUFSZ];
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_REPORTS)) != 0)
		return rc;
	mo = xcalloc(1, sizeof *mo);
	lineedit_init(&mo->period, LINEEDIT_DATE, 10, 10);
	date_today(&today);
	date_period_of(&today, &p);
	if (date_period_prev(&p, &p) == 0 &&
	    date_period_format(buf, sizeof buf, &p) == 0)
		lineedit_set(&mo->period, buf);
	s->state = mo;
	return 0;
}

static int
monthly_load(struct screen *s)
{
	struct monthly *mo = s->state;
	struct monthly_report m;
	char *text = lineedit_get(&mo->period);
	int rc;

	memset(&m, 0, sizeof m);
	rc = svc_report_monthly(app_session(s->app), text, &m);
	free(text);
	if (rc != 0)
		return rc; /* the report shown stays; the field keeps the text */
	monthly_report_release(&mo->m);
	mo->m = m;
	mo->have = 1;
	mo->top = 0;
	lineedit_set(&mo->period, m.period);
	snprintf(mo->title, sizeof mo->title, _("Monthly report %s"),
	    m.period);
	s->title = mo->title;
	return 0;
}

static void
monthly_close(struct screen *s)
{
	struct monthly *mo = s->state;

	monthly_report_release(&mo->m);
	lineedit_release(&mo->period);
	free(mo);
}

/* ---- draw ------------------------------------------------------------------- */

/* The style of a report line. */
static enum tui_style
style_of(enum feeview_style st)
{
	switch (st) {
	case FVS_HEADING:
		return TUI_TITLE;
	case FVS_COLHEAD:
		return TUI_COLHEAD;
	case FVS_TOTAL:
		return TUI_TITLE;
	case FVS_DIM:
		return TUI_DIM;
	default:
		return TUI_NORMAL;
	}
}

static void
monthly_draw(struct screen *s, WINDOW *w)
{
	struct monthly *mo = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), lw, i, y;
	struct feeview_doc doc;
	char buf[128];

	lw = draw_fit(w, 1, 2, cols - 4, _("Period (YYYY-MM):"), TUI_NORMAL);
	lineedit_set_width(&mo->period, 9);
	field_draw(w, 1, 3 + lw, &mo->period, 1, NULL, s);
	draw_fit(w, 1, 14 + lw, cols - 16 - lw, _("Enter shows it;  [ ] "
	    "a month before or after"), TUI_DIM);
	if (!mo->have)
		return;
	feeview_month_doc(&doc, &mo->m, cols - 4, 0);
	/* blank lines when the whole report still fits with them */
	y = doc.n <= rows - 4 ? 3 : 2;
	if (doc.n + 2 <= rows - 4) {
		feeview_doc_release(&doc);
		feeview_month_doc(&doc, &mo->m, cols - 4, 1);
	}
	mo->page = rows - 1 - y;
	mo->nlines = doc.n;
	mo->top = feeview_scroll(mo->top, 0, doc.n, mo->page);
	for (i = 0; i < mo->page && mo->top + i < doc.n; i++)
		draw_text(w, y + i, 2, cols - 4, doc.lines[mo->top + i].text,
		    style_of(doc.lines[mo->top + i].style), TEXT_LEFT);
	if (doc.n > mo->page) {
		snprintf(buf, sizeof buf, _("lines %d-%d of %d"), mo->top + 1,
		    mo->top + i, doc.n);
		draw_text(w, rows - 1, 2, cols - 4, buf, TUI_DIM, TEXT_RIGHT);
	}
	feeview_doc_release(&doc);
}

/* ---- keys ----------------------------------------------------------------- */

/* [ and ]: the month before or after the one in the field. */
static int
step(struct screen *s, int delta)
{
	struct monthly *mo = s->state;
	char *text = lineedit_get(&mo->period), buf[DATE_PERIOD_BUFSZ];
	struct fd_period p;
	int rc;

	rc = date_period_parse(text, &p);
	free(text);
	if (rc == 0)
		rc = delta < 0 ? date_period_prev(&p, &p) :
		    date_period_next(&p, &p);
	if (rc == 0)
		rc = date_period_format(buf, sizeof buf, &p);
	if (rc != 0)
		return app_fail(s->app, rc);
	lineedit_set(&mo->period, buf);
	return UI_RELOAD | UI_REDRAW;
}

static int
monthly_action(struct screen *s, int act)
{
	struct monthly *mo = s->state;
	int page = mo->page > 2 ? mo->page - 1 : 1;

	switch (act) {
	case MO_LOAD:
		return UI_RELOAD | UI_REDRAW;
	case MO_PREV:
	case MO_NEXT:
		return step(s, act == MO_PREV ? -1 : 1);
	case MO_UP:
	case MO_DOWN:
		mo->top += act == MO_UP ? -1 : 1;
		break;
	case MO_PGUP:
	case MO_PGDN:
		mo->top += act == MO_PGUP ? -page : page;
		break;
	default:
		mo->top = act == MO_TOP ? 0 : mo->nlines;
	}
	mo->top = feeview_scroll(mo->top, 0, mo->nlines, mo->page);
	return UI_REDRAW;
}

/* Typing goes into the period field. */
static int
monthly_input(struct screen *s, int key)
{
	struct monthly *mo = s->state;
	int r = field_key(&mo->period, key);

	if (r == FIELD_UNHANDLED)
		return UI_UNHANDLED;
	if (r == FIELD_REFUSED)
		return app_fail(s->app, ERR_INVALID);
	return UI_REDRAW;
}

static const struct keybind monthly_keys[] = {
	{ K_ENTER, MO_LOAD, N_("Show"), 0 },
	{ K_F(5), MO_LOAD, NULL, 0 },
	{ '[', MO_PREV, N_("Month before"), 0 },
	{ ']', MO_NEXT, N_("Month after"), 0 },
	{ K_UP, MO_UP, N_("Scroll up"), KB_HELPONLY },
	{ K_DOWN, MO_DOWN, N_("Scroll down"), KB_HELPONLY },
	{ K_PGUP, MO_PGUP, N_("Previous page"), KB_HELPONLY },
	{ K_PGDN, MO_PGDN, N_("Next page"), KB_HELPONLY },
	{ K_HOME, MO_TOP, N_("Top"), KB_HELPONLY },
	{ K_END, MO_BOTTOM, N_("Bottom"), KB_HELPONLY },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_monthly_ops = {
	.name = "monthly",
	.title = N_("Monthly report"),
	.help = N_("The monthly report (月报) of a period: bills, billed "
	    "(应收) and collected (实收) per fee item and per building, the "
	    "totals, and the rates with their formulas: the collection rate "
	    "by amount (收缴率 = collected / billed), by household (paid-up "
	    "households / billed households), and the old arrears recovered "
	    "(清缴率 = old arrears paid in the period / old arrears at its "
	    "start). It opens on last month, the last whole one. Type a "
	    "period and press Enter, or step with [ and ]; Up, Down and the "
	    "page keys scroll."),
	.keys = monthly_keys,
	.open = monthly_open,
	.load = monthly_load,
	.draw = monthly_draw,
	.action = monthly_action,
	.input = monthly_input,
	.close = monthly_close,
};
