/*
 * scr_remind.c: the reminder log (催缴记录) of one house.  load() reads
 * what the house owes (svc_arrears for that house) and its reminders
 * (svc_reminders); draw() shows the amounts by age, the stage reached and
 * the log.  F2 logs a reminder (method, then what came of it:
 * svc_reminder_add; on a refusal the text typed is offered again).  F8
 * shows the reminder notice (svc_notice_text) in the scrolling preview
 * (scr_preview.h), where Enter prints it (svc_notice_print, which logs it
 * as a notice) and says where it went, or shows the printer's failure.
 * There is no cut-off action: utilities are never cut off to collect a
 * debt.
 */
#include "ui/scr_remind.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "db/house_db.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/scr_counter.h"
#include "ui/scr_preview.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum remind_action { RM_SHOW, RM_LOG, RM_NOTICE, RM_REFRESH, RM_PAY };

/* Dialogs this screen opens. */
enum { TAG_METHOD = 1, TAG_RESULT, TAG_PRINT, TAG_PAY };

enum { COL_DAY, COL_METHOD, COL_STAFF, COL_RESULT, COL_COUNT };

struct remind {
	int64_t id;
	char code[HOUSENO_BUFSZ];
	int owes;                     /* 1: h holds its arrears */
	struct arrears_report r;      /* of this house only */
	struct reminder_vec log;
	int method;                   /* the method being logged */
	struct listcol cols[COL_COUNT];
	struct list list;
	char cell[FEE_TEXT_MAX * 4 + 8];
	char title[64];
};

/* ---- rows ------------------------------------------------------------------ */

static int
row_count(void *ctx)
{
	return ((struct remind *)ctx)->log.n;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct remind *m = ctx;
	const struct reminder *r;
	char *p;

	if (row < 0 || row >= m->log.n)
		return "";
	r = &m->log.v[row];
	switch (col) {
	case COL_DAY:
		return r->day;
	case COL_METHOD:
		return fee_label(FEE_SET_REMIND, (int)r->method);
	case COL_STAFF:
		return r->user != NULL ? r->user : "";
	}
	snprintf(m->cell, sizeof m->cell, "%s", r->result != NULL ?
	    r->result : "");
	for (p = m->cell; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return m->cell;
}

static const struct listmodel_ops remind_list_ops = {
	.count = row_count, .cell = row_cell,
};

/* ---- open, load, close --------------------------------------------------- */

static int
remind_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct remind *m;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_FEE_VIEW)) != 0)
		return rc;
	m = xcalloc(1, sizeof *m);
	m->id = *(const int64_t *)arg;
	m->cols[COL_DAY] = (struct listcol){ _("Date"), 10, 0, TEXT_LEFT };
	m->cols[COL_METHOD] = (struct listcol){ _("Method"), 10, 0,
	    TEXT_LEFT };
	m->cols[COL_STAFF] = (struct listcol){ _("Staff"), 8, 0, TEXT_LEFT };
	m->cols[COL_RESULT] = (struct listcol){ _("Result"), 20, 1,
	    TEXT_LEFT };
	list_init(&m->list, &remind_list_ops, m, m->cols, COL_COUNT,
	    _("No reminders logged yet; F2 logs one"));
	s->state = m;
	return 0;
}

static int
remind_load(struct screen *s)
{
	struct remind *m = s->state;
	struct session *ss = app_session(s->app);
	struct arrears_filter f = { 0, 0, m->id, AGE_0_30 };
	struct house h;
	int rc;

	arrears_report_release(&m->r);
	reminder_vec_release(&m->log);
	m->owes = 0;
	/* the house first: its building narrows the arrears read */
	if ((rc = house_db_get(app_db(s->app), m->id, &h)) != 0)
		goto out;
	snprintf(m->code, sizeof m->code, "%s", h.code);
	f.building = h.building;
	house_release(&h);
	if ((rc = svc_arrears(ss, &f, &m->r)) != 0 ||
	    (rc = svc_reminders(ss, m->id, &m->log)) != 0)
		goto out;
	m->owes = m->r.nhouses > 0;
	snprintf(m->title, sizeof m->title, _("Reminders of %s"), m->code);
	s->title = m->title;
out:
	listmodel_reload(&m->list.m);
	return rc;
}

static void
remind_close(struct screen *s)
{
	struct remind *m = s->state;

	arrears_report_release(&m->r);
	reminder_vec_release(&m->log);
	list_release(&m->list);
	free(m);
}

/* ---- draw ------------------------------------------------------------------- */

/* What the house owes: owners, total and bills; the buckets; the stage. */
static void
draw_owed(const struct remind *m, WINDOW *w, int cols)
{
	const struct arrears_house *h = &m->r.houses[0];
	struct strbuf sb = STRBUF_INIT;
	char amt[MONEY_BUFSZ];
	int b, x;

	if (!m->owes) {
		draw_fit(w, 1, 2, cols - 4, _("Owes nothing past due: no "
		    "notice to print."), TUI_INFO);
		return;
	}
	money_format(amt, sizeof amt, h->age.total_fen);
	strbuf_addf(&sb, _("Owes %s yuan"), amt);
	x = 2 + draw_fit(w, 1, 2, cols - 4, sb.buf, TUI_TITLE);
	strbuf_reset(&sb);
	strbuf_addf(&sb, _("%s  %d open bills, the oldest due %s"),
	    h->owners != NULL ? h->owners : "", h->nbills, h->oldest_due);
	if (x + 2 < cols - 2)
		draw_fit(w, 1, x + 2, cols - 4 - x, sb.buf, TUI_NORMAL);
	strbuf_reset(&sb);
	for (b = 0; b < AGE_COUNT; b++) {
		money_format(amt, sizeof amt, h->age.fen[b]);
		strbuf_addf(&sb, "%s%s %s", b > 0 ? "   " : "",
		    date_age_label((enum age_bucket)b), amt);
	}
	draw_fit(w, 2, 2, cols - 4, sb.buf, TUI_NORMAL);
	strbuf_reset(&sb);
	if (h->stage >= 0)
		strbuf_addf(&sb, _("reminded: %s (last %s)"),
		    fee_label(FEE_SET_REMIND, h->stage), h->last_reminder);
	else if (strcmp(h->oldest_due, m->r.day) >= 0)
		strbuf_adds(&sb, _("nothing is past due yet: no reminder is "
		    "needed"));
	else
		strbuf_adds(&sb, _("not reminded since it fell due"));
	draw_fit(w, 3, 2, cols - 4, sb.buf, h->stage >= 0 ||
	    strcmp(h->oldest_due, m->r.day) >= 0 ? TUI_NORMAL : TUI_INFO);
	strbuf_release(&sb);
}

static void
remind_draw(struct screen *s, WINDOW *w)
{
	struct remind *m = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_owed(m, w, cols);
	list_draw(&m->list, w, 5, 1, rows - 5, cols - 2);
}

/* ---- keys ----------------------------------------------------------------- */

/* F8: the notice in the preview box. */
static int
preview(struct screen *s)
{
	struct remind *m = s->state;
	struct strbuf sb = STRBUF_INIT;
	struct preview_arg pa;
	int rc;

	if ((rc = svc_notice_text(app_session(s->app), m->id, &sb)) == 0) {
		pa.title = _("Reminder notice (preview)");
		pa.text = sb.buf;
		app_push(s->app, &scr_preview_ops, &pa, TAG_PRINT);
	}
	strbuf_release(&sb);
	return rc != 0 ? app_fail(s->app, rc) : UI_REDRAW;
}

/* The file and its folder ("receipts/notice-3-2-1502-2026-11-29.txt"):
 * the folder sits beside the database, and the whole path would not fit
 * on the message line. */
static const char *
short_path(const char *path)
{
	const char *p = strrchr(path, '/');

	while (p != NULL && p > path && p[-1] != '/')
		p--;
	return p != NULL ? p : path;
}

/* Enter in the preview: print, and say where it went. */
static int
print_notice(struct screen *s)
{
	struct remind *m = s->state;
	struct print_result pr;
	int rc;

	memset(&pr, 0, sizeof pr);
	if ((rc = svc_notice_print(app_session(s->app), m->id, &pr)) != 0) {
		dialog_message(s->app, _("The notice was not printed"),
		    err_msg());
		return UI_REDRAW;
	}
	screen_answer(s, 1, 0, NULL); /* the list below reads again */
	if (pr.path[0] != '\0')
		app_info(s->app, _("No printer: saved as %s; logged as a "
		    "notice."), short_path(pr.path));
	else
		app_info(s->app, "%s", _("Notice sent to the printer; logged "
		    "as a notice."));
	return UI_RELOAD | UI_REDRAW;
}

/* F2: the method first. */
static int
ask_method(struct screen *s)
{
	const char *labels[REMIND_METHOD_COUNT];
	int i;

	for (i = 0; i < REMIND_METHOD_COUNT; i++)
		labels[i] = fee_label(FEE_SET_REMIND, i);
	dialog_choose(s->app, TAG_METHOD, _("Log a reminder: how"), labels,
	    REMIND_METHOD_COUNT, REMIND_PHONE);
	return UI_REDRAW;
}

/* Then what came of it (text: what was typed before, after a refusal). */
static void
ask_result(struct screen *s, const char *text)
{
	struct remind *m = s->state;
	char title[128];

	snprintf(title, sizeof title, _("%s: what came of it"),
	    fee_label(FEE_SET_REMIND, m->method));
	dialog_prompt(s->app, TAG_RESULT, title, _("Result (may be empty)"),
	    text, LINEEDIT_TEXT, FEE_TEXT_MAX);
}

/* Log it; a refusal keeps the text typed. */
static int
log_reminder(struct screen *s, const char *text)
{
	struct remind *m = s->state;
	int rc;

	rc = svc_reminder_add(app_session(s->app), m->id,
	    fee_code(FEE_SET_REMIND, m->method), text != NULL ? text : "",
	    NULL);
	if (rc != 0) {
		app_fail(s->app, rc);
		ask_result(s, text);
		return UI_HANDLED | UI_REDRAW;
	}
	screen_answer(s, 1, 0, NULL); /* the list below reads again */
	app_info(s->app, _("%s logged for %s."), fee_label(FEE_SET_REMIND,
	    m->method), m->code);
	listmodel_home(&m->list.m);
	return UI_RELOAD | UI_REDRAW;
}

/* Enter: the selected reminder whole. */
static int
show(struct screen *s)
{
	struct remind *m = s->state;
	const struct reminder *r;
	char *text;

	if (m->list.m.sel < 0 || m->list.m.sel >= m->log.n)
		return UI_HANDLED;
	r = &m->log.v[m->list.m.sel];
	text = xasprintf(_("%s  %s  by %s\n\n%s"), r->day,
	    fee_label(FEE_SET_REMIND, (int)r->method), r->user != NULL ?
	    r->user : "", r->result != NULL && r->result[0] != '\0' ?
	    r->result : _("(no result noted)"));
	dialog_message(s->app, _("Reminder"), text);
	free(text);
	return UI_REDRAW;
}

static int
remind_action(struct screen *s, int act)
{
	struct remind *m = s->state;

	switch (act) {
	case RM_SHOW:
		return show(s);
	case RM_LOG:
		return ask_method(s);
	case RM_NOTICE:
		return preview(s);
	case RM_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case RM_PAY:
		app_push(s->app, &scr_counter_ops, &m->id, TAG_PAY);
		return UI_REDRAW;
	}
	return list_action(&m->list, s, act);
}

static int
remind_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct remind *m = s->state;

	if (!a->ok)
		return UI_REDRAW;
	switch (tag) {
	case TAG_METHOD:
		if (a->index < 0 || a->index >= REMIND_METHOD_COUNT)
			return UI_REDRAW;
		m->method = a->index;
		ask_result(s, "");
		return UI_REDRAW;
	case TAG_RESULT:
		return log_reminder(s, a->text);
	case TAG_PRINT:
		return print_notice(s);
	case TAG_PAY: /* paid: the arrears and the list below read again */
		screen_answer(s, 1, 0, NULL);
		return UI_RELOAD | UI_REDRAW;
	}
	return UI_REDRAW;
}

static int
remind_key_ok(struct screen *s, int act)
{
	const struct remind *m = s->state;

	if (act == RM_NOTICE)
		return m->owes;
	if (act == RM_SHOW)
		return m->list.m.sel >= 0;
	if (act == RM_PAY)
		return session_may(app_session(s->app), PERM_FEE_COLLECT);
	return 1;
}

static int64_t
remind_house(struct screen *s)
{
	return ((struct remind *)s->state)->id;
}

static const struct keybind remind_keys[] = {
	{ K_ENTER, RM_SHOW, N_("Details"), 0 },
	{ K_F(2), RM_LOG, N_("Log a reminder"), 0 },
	{ 'n', RM_LOG, NULL, 0 },
	{ K_F(8), RM_NOTICE, N_("Reminder notice"), 0 },
	{ 'p', RM_NOTICE, NULL, 0 },
	{ 'c', RM_PAY, N_("Pay"), 0 },
	{ K_F(5), RM_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', RM_REFRESH, NULL, 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_remind_ops = {
	.name = "reminders",
	.title = N_("Reminders"),
	.help = N_("The reminder log (催缴记录) of one house: what it owes by "
	    "age, the furthest reminder since its oldest bill fell due, and "
	    "every reminder with its date, method, staff and result. F2 logs "
	    "a reminder: pick the method (notice, phone, visit or letter), "
	    "then note what came of it. F8 shows the reminder notice; Enter "
	    "there prints it, which logs it as a notice. Enter shows a "
	    "reminder whole. c (Pay) opens the counter on this house, for "
	    "the cashier."),
	.keys = remind_keys,
	.open = remind_open,
	.load = remind_load,
	.draw = remind_draw,
	.action = remind_action,
	.result = remind_result,
	.key_ok = remind_key_ok,
	.house = remind_house,
	.close = remind_close,
};
