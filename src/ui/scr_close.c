/*
 * scr_close.c: the daily close (日结), the fees menu's entry.  A cashier
 * (PERM_FEE_CLOSE_DAY) gets their own day (svc_close_view): receipts first
 * to last, totals by method, cash given and change, voids approved into
 * the day and cash handed back, then the form: the float (备用金) and the
 * counted cash; the expected cash and the difference are worked out again
 * at every key (ui/model/closemodel.c), and the reason field opens only
 * when there is a difference.  Ctrl-S asks to confirm (a closed day takes
 * no more payments) and closes it (svc_close_day).  A closed day shows its
 * close, read-only; F7/F8 step to other days.  The director gets the list
 * of closes (scr_closes.c) and from it a cashier's day, read-only, where
 * F9 marks the close reviewed.  load() reads through svc; draw() paints.
 */
#include "ui/scr_close.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fee.h"
#include "core/money.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/closemodel.h"
#include "ui/model/formmodel.h"
#include "ui/scr_closes.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum close_action { CA_SAVE, CA_PREV, CA_NEXT, CA_DATE, CA_REVIEW,
	CA_REFRESH };

/* Dialogs this screen opens. */
enum { TAG_CONFIRM = 1, TAG_DATE, TAG_NOTE };

enum { F_FLOAT, F_COUNTED, F_REASON, F_COUNT };

static int
check_money(const char *text, void *arg)
{
	int64_t fen;

	(void)arg;
	return money_parse(text, &fen);
}

static const struct form_field_def close_fields[F_COUNT] = {
	[F_FLOAT] = { .label = N_("Float"), .kind = FORM_MONEY,
		.maxchars = 20, .width = 14, .validate = check_money,
		.hint = N_("empty: 0") },
	[F_COUNTED] = { .label = N_("Cash counted"), .kind = FORM_MONEY,
		.flags = FORM_REQUIRED, .maxchars = 20, .width = 14,
		.validate = check_money },
	[F_REASON] = { .label = N_("Difference reason"), .kind = FORM_TEXT,
		.flags = FORM_READONLY, .maxchars = FEE_TEXT_MAX, .width = 40,
		.hint = N_("why the cash differs") },
};

/* ===================================================================== */
/* ---- one cashier's day ----------------------------------------------- */
/* ===================================================================== */

struct closeday {
	int own;                 /* 1: the session's own day (may close) */
	int64_t cashier_id;      /* 0: the session's own */
	char day[DATE_BUFSZ];
	struct close_view v;
	int loaded;              /* 1: v is set */
	int form;                /* 1: the form shows (own and open) */
	struct form_field_def defs[F_COUNT];
	struct formmodel fm;
	struct closemodel cm;
};

static const struct screen_ops closeday_ops;

/* Work the figures out again from the form and open or shut the reason. */
static void
refigure(struct closeday *cd)
{
	char *f = formmodel_value(&cd->fm, F_FLOAT);
	char *c = formmodel_value(&cd->fm, F_COUNTED);

	closemodel_update(&cd->cm, f, c);
	if (closemodel_needs_reason(&cd->cm))
		cd->defs[F_REASON].flags = FORM_REQUIRED;
	else
		cd->defs[F_REASON].flags = FORM_READONLY;
	free(f);
	free(c);
}

/* Empty the form for the day in cd->v. */
static void
reset_form(struct closeday *cd)
{
	formmodel_release(&cd->fm);
	memcpy(cd->defs, close_fields, sizeof cd->defs);
	formmodel_init(&cd->fm, cd->defs, F_COUNT, cd);
	formmodel_focus(&cd->fm, F_FLOAT);
	formmodel_mark_clean(&cd->fm);
	closemodel_init(&cd->cm, cd->v.sums.tendered_fen,
	    cd->v.sums.change_fen, cd->v.sums.refund_fen);
	refigure(cd);
}

static int
closeday_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	const struct close_arg *a = arg;
	struct closeday *cd;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	cd = xcalloc(1, sizeof *cd);
	memcpy(cd->defs, close_fields, sizeof cd->defs);
	formmodel_init(&cd->fm, cd->defs, F_COUNT, cd);
	if (a != NULL) {
		cd->cashier_id = a->cashier_id;
		snprintf(cd->day, sizeof cd->day, "%s", a->day);
	} else {
		closemodel_today(cd->day);
	}
	cd->own = cd->cashier_id == 0 || cd->cashier_id == ss->user_id;
	s->state = cd;
	return 0;
}

static int
closeday_load(struct screen *s)
{
	struct closeday *cd = s->state;
	struct close_view v;
	char now[DATE_BUFSZ];
	int rc, keep;

	if ((rc = svc_close_view(app_session(s->app), cd->day,
	    cd->cashier_id, &v)) != 0)
		return rc;
	keep = cd->loaded && cd->form && !v.closed &&
	    strcmp(v.day, cd->v.day) == 0;
	close_view_release(&cd->v);
	cd->v = v;
	cd->loaded = 1;
	closemodel_today(now);
	cd->form = cd->own && !v.closed &&
	    session_may(app_session(s->app), PERM_FEE_CLOSE_DAY) &&
	    strcmp(v.day, now) <= 0;
	if (!keep)
		reset_form(cd);
	else {
		/* the day's cash may have moved: same typing, new figures */
		cd->cm.tendered_fen = v.sums.tendered_fen;
		cd->cm.change_fen = v.sums.change_fen;
		cd->cm.refund_fen = v.sums.refund_fen;
		refigure(cd);
	}
	return 0;
}

static void
closeday_close(struct screen *s)
{
	struct closeday *cd = s->state;

	close_view_release(&cd->v);
	formmodel_release(&cd->fm);
	free(cd);
}

/* A label and an amount, right-aligned, at (y, x): 24 columns. */
static void
figure(WINDOW *w, int y, int x, const char *label, const char *value,
    enum tui_style st)
{
	draw_text(w, y, x, 10, label, TUI_DIM, TEXT_LEFT);
	draw_text(w, y, x + 10, 14, value, st, TEXT_RIGHT);
}

/* The same with an amount of money. */
static void
figure_fen(WINDOW *w, int y, int x, const char *label, int64_t fen)
{
	char m[MONEY_BUFSZ];

	money_format(m, sizeof m, fen);
	figure(w, y, x, label, m, TUI_NORMAL);
}

/* The day's takings: receipts, methods, cash, voids.  Returns next y. */
static int
draw_sums(WINDOW *w, int y, int cols, const struct close_view *v)
{
	const struct day_sums *m = &v->sums;
	char buf[160];
	int x2 = 30, i;

	if (m->n > 0)
		snprintf(buf, sizeof buf, _("%s to %s, %lld in all"),
		    v->first_no, v->last_no, (long long)m->n);
	else
		snprintf(buf, sizeof buf, "%s", _("none"));
	draw_text(w, y, 2, 10, _("Receipts"), TUI_DIM, TEXT_LEFT);
	draw_fit(w, y++, 12, cols - 14, buf, TUI_NORMAL);
	for (i = 0; i < PAY_METHOD_COUNT; i++)
		figure_fen(w, y + i / 2, i % 2 ? x2 + 2 : 2,
		    fee_label(FEE_SET_METHOD, i), m->by_method[i]);
	y += PAY_METHOD_COUNT / 2;
	figure_fen(w, y++, x2 + 2, _("Total"), m->total_fen);
	figure_fen(w, y, 2, _("Cash given"), m->tendered_fen);
	figure_fen(w, y++, x2 + 2, _("Change"), m->change_fen);
	snprintf(buf, sizeof buf, "%lld", (long long)m->nvoids);
	figure(w, y, 2, _("Voids"), buf, TUI_NORMAL);
	figure_fen(w, y++, x2 + 2, _("Reversed"), m->void_fen);
	figure_fen(w, y++, x2 + 2, _("Cash back"), m->refund_fen);
	return y;
}

/* The close made: when, the cash, the reason, the review. */
static void
draw_closed(WINDOW *w, int y, int cols, const struct close_view *v)
{
	const struct day_close *c = &v->close;
	char when[32], buf[256], d[MONEY_BUFSZ + 2];
	int x2 = 30;

	clock_format(when, sizeof when, c->at);
	snprintf(buf, sizeof buf, _("Closed at %s"), when);
	draw_fit(w, y++, 2, cols - 4, buf, TUI_TITLE);
	figure_fen(w, y, 2, _("Float"), c->float_fen);
	figure_fen(w, y++, x2 + 2, _("Expected"), c->expected_fen);
	figure_fen(w, y, 2, _("Counted"), c->counted_fen);
	closemodel_diff_text(d, sizeof d, c->diff_fen);
	figure(w, y++, x2 + 2, _("Difference"), d,
	    c->diff_fen != 0 ? TUI_ERROR : TUI_NORMAL);
	draw_text(w, y, 2, 10, _("Difference reason"), TUI_DIM,
	    TEXT_LEFT);
	y += draw_wrapped(w, y, 12, cols - 14, 2,
	    c->reason[0] != '\0' ? c->reason : "-", TUI_NORMAL) > 1 ? 2 : 1;
	if (c->reviewed_by != 0)
		snprintf(buf, sizeof buf, _("reviewed by %s"), c->reviewer);
	else
		snprintf(buf, sizeof buf, "%s", _("not reviewed yet"));
	draw_text(w, y, 2, 10, _("Review"), TUI_DIM, TEXT_LEFT);
	draw_fit(w, y, 12, cols - 14, buf,
	    c->reviewed_by != 0 ? TUI_NORMAL : TUI_CELL_DECORATING);
}

/* The live expected cash and difference under the form. */
static void
draw_live(WINDOW *w, int y, int cols, const struct closeday *cd)
{
	const struct closemodel *cm = &cd->cm;
	char e[MONEY_BUFSZ], f[MONEY_BUFSZ], t[MONEY_BUFSZ], c[MONEY_BUFSZ];
	char r[MONEY_BUFSZ], d[MONEY_BUFSZ + 2], buf[320];
	char *why = formmodel_value(&cd->fm, F_REASON);
	int reason = !text_blank(why);

	free(why);
	money_format(f, sizeof f, cm->float_fen);
	money_format(t, sizeof t, cm->tendered_fen);
	money_format(c, sizeof c, cm->change_fen);
	money_format(r, sizeof r, cm->refund_fen);
	if (cm->expected_ok)
		money_format(e, sizeof e, cm->expected_fen);
	else
		snprintf(e, sizeof e, "?");
	figure(w, y, 2, _("Expected"), e, TUI_TITLE);
	snprintf(buf, sizeof buf, _("= float %s + cash given %s - change %s "
	    "- cash back %s"), f, t, c, r);
	draw_fit(w, y + 2, 12, cols - 14, buf, TUI_DIM);
	y++;
	if (cm->diff_ok)
		closemodel_diff_text(d, sizeof d, cm->diff_fen);
	else
		snprintf(d, sizeof d, "-");
	figure(w, y, 2, _("Difference"), d, cm->diff_ok && cm->diff_fen != 0 ?
	    TUI_ERROR : TUI_TITLE);
	if (cm->bad != CLOSEMODEL_NONE)
		draw_fit(w, y, 27, cols - 29, cm->msg, TUI_ERROR);
	else if (!cm->diff_ok)
		draw_fit(w, y, 27, cols - 29, _("type the cash counted"),
		    TUI_DIM);
	else if (cm->diff_fen == 0)
		draw_fit(w, y, 27, cols - 29, _("the drawer agrees"),
		    TUI_NORMAL);
	else if (!reason)
		draw_fit(w, y, 27, cols - 29, cm->diff_fen < 0 ?
		    _("short: give the reason") : _("over: give the reason"),
		    TUI_ERROR);
	else
		draw_fit(w, y, 27, cols - 29, cm->diff_fen < 0 ?
		    _("short, reason given") : _("over, reason given"),
		    TUI_NORMAL);
}

static void
closeday_draw(struct screen *s, WINDOW *w)
{
	struct closeday *cd = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), y;
	char buf[256], dl[40];

	if (!cd->loaded)
		return;
	closemodel_day_label(dl, sizeof dl, cd->v.day);
	snprintf(buf, sizeof buf, "%s  %s  %s", dl,
	    cd->v.cashier != NULL ? cd->v.cashier : "",
	    cd->v.closed ? _("closed") : _("not closed"));
	draw_fit(w, 1, 2, cols - 4, buf, TUI_TITLE);
	y = draw_sums(w, 3, cols, &cd->v) + 1;
	tui_hline(w, y, 2, cols - 4);
	draw_title(w, y++, 4, cols - 8, _("Daily close"));
	if (cd->v.closed) {
		draw_closed(w, y, cols, &cd->v);
		return;
	}
	if (!cd->form) {
		draw_fit(w, y, 2, cols - 4, cd->own ?
		    _("This day has not come yet.") :
		    _("Not closed yet."), TUI_DIM);
		return;
	}
	form_draw(&cd->fm, w, y, 2, F_COUNT, cols - 4, s);
	y += F_COUNT + 1;
	if (y + 3 <= rows)
		draw_live(w, y, cols, cd);
}

/* Ctrl-S: check what was typed, then ask before closing. */
static int
closeday_save(struct screen *s)
{
	struct closeday *cd = s->state;
	enum closemodel_field f;
	char *reason = formmodel_value(&cd->fm, F_REASON);
	char e[MONEY_BUFSZ], k[MONEY_BUFSZ], d[MONEY_BUFSZ + 2], buf[512];
	int rc;

	refigure(cd);
	rc = closemodel_check(&cd->cm, reason, &f);
	free(reason);
	if (rc != 0) {
		formmodel_fail(&cd->fm, f == CLOSEMODEL_FLOAT ? F_FLOAT :
		    f == CLOSEMODEL_REASON ? F_REASON : F_COUNTED, rc);
		return app_fail(s->app, rc);
	}
	(void)formmodel_validate(&cd->fm); /* clears the old messages */
	app_info(s->app, "%s", "");
	money_format(e, sizeof e, cd->cm.expected_fen);
	money_format(k, sizeof k, cd->cm.counted_fen);
	closemodel_diff_text(d, sizeof d, cd->cm.diff_fen);
	snprintf(buf, sizeof buf, _("Close the day %s? Expected %s, counted "
	    "%s, difference %s. A closed day takes no more payments, and no "
	    "void is approved into it."), cd->v.day, e, k, d);
	dialog_confirm(s->app, TAG_CONFIRM, _("Close the day"), buf);
	return UI_REDRAW;
}

/* The confirmed close. */
static int
closeday_commit(struct screen *s)
{
	struct closeday *cd = s->state;
	struct close_view out;
	char *v[F_COUNT];
	int i, rc;

	for (i = 0; i < F_COUNT; i++)
		v[i] = formmodel_value(&cd->fm, i);
	rc = svc_close_day(app_session(s->app), cd->v.day, v[F_FLOAT],
	    v[F_COUNTED], v[F_REASON], &out);
	for (i = 0; i < F_COUNT; i++)
		free(v[i]);
	if (rc != 0)
		return app_fail(s->app, rc) | UI_RELOAD;
	close_view_release(&cd->v);
	cd->v = out;
	cd->form = 0;
	formmodel_mark_clean(&cd->fm);
	app_info(s->app, _("The day %s is closed."), cd->v.day);
	return UI_REDRAW;
}

/* Go to day (as typed); the form starts again. */
static int
goto_day(struct screen *s, const char *day)
{
	struct closeday *cd = s->state;
	char old[DATE_BUFSZ], now[DATE_BUFSZ];
	struct fd_date d;
	int rc;

	if ((rc = date_parse(day, &d)) != 0)
		return app_fail(s->app, rc);
	closemodel_today(now);
	snprintf(old, sizeof old, "%s", cd->day);
	date_format(cd->day, sizeof cd->day, &d);
	if (strcmp(cd->day, now) > 0) {
		snprintf(cd->day, sizeof cd->day, "%s", old);
		app_info(s->app, _("%s has not come yet."), day);
		return UI_REDRAW;
	}
	cd->loaded = cd->loaded && strcmp(old, cd->day) == 0;
	if ((rc = closeday_load(s)) != 0) {
		snprintf(cd->day, sizeof cd->day, "%s", old);
		return app_fail(s->app, rc) | UI_RELOAD;
	}
	return UI_REDRAW;
}

/* Step the day by delta. */
static int
step_day(struct screen *s, int delta)
{
	struct closeday *cd = s->state;
	char d[DATE_BUFSZ];
	int rc;

	if ((rc = closemodel_day_step(cd->day, delta, d)) != 0)
		return app_fail(s->app, rc);
	return goto_day(s, d);
}

/* 1 when the close shown may be marked reviewed by this session. */
static int
may_review(struct screen *s, const struct close_view *v)
{
	return v->closed && v->close.reviewed_by == 0 &&
	    session_may(app_session(s->app), PERM_FEE_VOID_APPROVE);
}

static int
closeday_key_ok(struct screen *s, int action)
{
	struct closeday *cd = s->state;

	switch (action) {
	case CA_SAVE:
		return cd->form;
	case CA_REVIEW:
		return cd->loaded && may_review(s, &cd->v);
	}
	return 1;
}

static int
closeday_action(struct screen *s, int act)
{
	struct closeday *cd = s->state;

	if (!closeday_key_ok(s, act))
		return UI_HANDLED;
	switch (act) {
	case CA_SAVE:
		return closeday_save(s);
	case CA_PREV:
		return step_day(s, -1);
	case CA_NEXT:
		return step_day(s, 1);
	case CA_DATE:
		dialog_prompt(s->app, TAG_DATE, _("Go to a day"),
		    _("Day (YYYY-MM-DD)"), cd->day, LINEEDIT_DATE, 10);
		return UI_REDRAW;
	case CA_REVIEW:
		dialog_prompt(s->app, TAG_NOTE, _("Mark reviewed"),
		    _("Note (may be empty)"), "", LINEEDIT_TEXT, FEE_TEXT_MAX);
		return UI_REDRAW;
	case CA_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	}
	return UI_UNHANDLED;
}

static int
closeday_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct closeday *cd = s->state;
	int rc;

	if (!a->ok)
		return UI_REDRAW;
	switch (tag) {
	case TAG_CONFIRM:
		return closeday_commit(s);
	case TAG_DATE:
		return goto_day(s, a->text != NULL ? a->text : "");
	case TAG_NOTE:
		if ((rc = svc_close_review(app_session(s->app), cd->v.close.id,
		    a->text != NULL ? a->text : "")) != 0)
			return app_fail(s->app, rc) | UI_RELOAD;
		app_info(s->app, _("The close of %s on %s is marked reviewed."),
		    cd->v.cashier, cd->v.day);
		/* the list below reads again when this day closes */
		(void)screen_answer(s, 1, 0, NULL);
		return UI_RELOAD | UI_REDRAW;
	}
	return UI_REDRAW;
}

static int
closeday_input(struct screen *s, int key)
{
	struct closeday *cd = s->state;
	int bits;

	if (!cd->form)
		return UI_UNHANDLED;
	/* Enter on the last field the day needs closes it (after the
	 * confirmation), as Enter on the last field of the payment does */
	refigure(cd);
	if (key == K_ENTER && (cd->fm.cur == F_REASON ||
	    (cd->fm.cur == F_COUNTED && !closemodel_needs_reason(&cd->cm))))
		return closeday_save(s);
	bits = form_key(&cd->fm, s, key);
	refigure(cd);
	return bits;
}

static int
closeday_dirty(struct screen *s)
{
	struct closeday *cd = s->state;

	return cd->form && formmodel_dirty(&cd->fm);
}

static const struct keybind closeday_keys[] = {
	{ K_CTRL('s'), CA_SAVE, N_("Close the day"), 0 },
	{ K_F(2), CA_SAVE, NULL, 0 },
	{ K_F(7), CA_PREV, N_("Previous day"), 0 },
	{ K_CTRL('p'), CA_PREV, NULL, 0 },
	{ K_PGUP, CA_PREV, NULL, 0 },
	{ K_F(8), CA_NEXT, N_("Next day"), 0 },
	{ K_CTRL('n'), CA_NEXT, NULL, 0 },
	{ K_PGDN, CA_NEXT, NULL, 0 },
	{ K_F(3), CA_DATE, N_("Go to a day"), KB_HELPONLY },
	{ K_CTRL('t'), CA_DATE, NULL, 0 },
	{ K_F(9), CA_REVIEW, N_("Mark reviewed"), 0 },
	{ K_F(5), CA_REFRESH, N_("Refresh"), KB_HELPONLY },
	/* Ctrl-R reads again, as at the counter */
	{ K_CTRL('r'), CA_REFRESH, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

#define CLOSEDAY_HELP                                                     \
	N_("A cashier's day (日结): the receipts first to last, the totals "  \
	"by method, the cash given and the change, the voids approved into " \
	"the day and the cash handed back. To close your day type the float " \
	"(备用金, empty is 0) and the cash counted in the drawer: the "       \
	"expected cash (float + cash given - change - cash back) and the "   \
	"difference change as you type; a difference needs a reason. "       \
	"Ctrl-S (F2) closes the day after you confirm; a closed day takes "  \
	"no more payments. F7 and F8 (PgUp, PgDn) step to the previous and " \
	"next day, F3 (Ctrl-T) goes to a day, F5 (Ctrl-R) reads it again. " \
	"The director marks a close reviewed with F9.")

static const struct screen_ops closeday_ops = {
	.name = "close-day",
	.title = N_("Daily close"),
	.help = CLOSEDAY_HELP,
	.keys = closeday_keys,
	.key_ok = closeday_key_ok,
	.open = closeday_open,
	.load = closeday_load,
	.draw = closeday_draw,
	.action = closeday_action,
	.input = closeday_input,
	.result = closeday_result,
	.dirty = closeday_dirty,
	.close = closeday_close,
};
/* ===================================================================== */
/* ---- the entry ------------------------------------------------------- */
/* ===================================================================== */

/* A cashier's day (arg, or the session's own), or the list of closes. */
static int
close_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if (arg != NULL || session_may(ss, PERM_FEE_CLOSE_DAY)) {
		s->ops = &closeday_ops;
		return closeday_open(s, arg);
	}
	if (!session_may(ss, PERM_REPORTS))
		return session_require(ss, PERM_FEE_CLOSE_DAY);
	s->ops = &scr_closes_ops;
	s->title = _(scr_closes_ops.title);
	return scr_closes_ops.open(s, NULL);
}

/* app_push() calls the entry's load and close: pass them to the face. */
static int
close_load(struct screen *s)
{
	return s->ops->load(s);
}

static void
close_close(struct screen *s)
{
	s->ops->close(s);
}

const struct screen_ops scr_close_ops = {
	.name = "close",
	.title = N_("Daily close"),
	.help = CLOSEDAY_HELP,
	.keys = closeday_keys,
	.open = close_open,
	.load = close_load,
	.draw = closeday_draw,
	.close = close_close,
};
