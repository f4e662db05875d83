/*
 * scr_voids.c: voids (红冲).  Two faces behind one entry:
 *
 * - The director (PERM_FEE_VOID_APPROVE) gets the requests waiting
 *   (svc_voids VOID_REQUESTED); Tab shows every request with its state.
 *   Enter opens one: the payment, who asked when and why, the receipt as
 *   printed (svc_receipt_text); F2 approves after a confirmation (the
 *   payment is reversed today, its bills reopen), F3 rejects, each with an
 *   optional note (svc_void_decide).  A refusal (the cashier's day is
 *   closed, the credit it kept was used since) comes in a message box.
 * - A cashier (PERM_FEE_COLLECT) gets their own requests and their states;
 *   F2 asks for the void of a receipt: its number (svc_payment_by_no), the
 *   receipt to look at, then a reason (required; svc_void_request).
 *
 * The time a request was made is not kept with it: it is read from the
 * audit log (the void.request row of the payment), read-only.
 */
#include "ui/scr_voids.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/fee.h"
#include "core/money.h"
#include "db/audit_db.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Audit rows of a payment searched for the time a void was asked. */
#define VOIDS_AUDIT_ROWS 50

enum voids_action { VA_OPEN, VA_TAB, VA_ASK, VA_APPROVE, VA_REJECT,
	VA_REFRESH, VA_UP, VA_DOWN, VA_PGUP, VA_PGDN };

/* Dialogs and screens opened. */
enum { TAG_DETAIL = 1, TAG_RECEIPT, TAG_REASON, TAG_APPROVE, TAG_NOTE_OK,
	TAG_NOTE_NO };

/* "11-20 10:31" of t, "" for 0. */
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

/* The receipt number of p into buf (FEE_RECEIPT_BUFSZ). */
static const char *
receipt_no(char *buf, const struct payment *p)
{
	fee_receipt_format(buf, FEE_RECEIPT_BUFSZ, p->year, p->seq);
	return buf;
}

/*
 * When the requests of payment_id were asked (audit rows "void.request"),
 * oldest first.  OUT: at[0..*n) (at most max).
 */
static void
asked_times(struct app *app, int64_t payment_id, int64_t *at, int max,
    int *n)
{
	struct audit_row *rows = NULL;
	int nrows = 0, i;

	*n = 0;
	if (audit_db_recent(app_db(app), "payment", payment_id,
	    VOIDS_AUDIT_ROWS, &rows, &nrows) != 0)
		return;
	for (i = nrows - 1; i >= 0; i--)
		if (strcmp(rows[i].action, "void.request") == 0 && *n < max)
			at[(*n)++] = rows[i].at;
	for (i = 0; i < nrows; i++)
		audit_row_release(&rows[i]);
	free(rows);
}

/*
 * When request v was asked: its rank among the requests of the same
 * payment in vv (ids grow with time) picks the audit row.  0: not known.
 */
static int64_t
asked_at(struct app *app, const struct void_vec *vv, const struct void_req *v)
{
	int64_t at[16];
	int i, k = 0, n;

	for (i = 0; i < vv->n; i++)
		if (vv->v[i].payment_id == v->payment_id && vv->v[i].id < v->id)
			k++;
	asked_times(app, v->payment_id, at, 16, &n);
	return k < n ? at[k] : n > 0 ? at[n - 1] : 0;
}

/* ===================================================================== */
/* ---- one request, or one receipt to ask about ------------------------ */
/* ===================================================================== */

/* What the detail shows: void id, or payment id (asking a new void). */
struct voiddetail_arg {
	int64_t void_id;
	int64_t payment_id;
};

struct voiddetail {
	struct voiddetail_arg arg;
	int have_void;            /* 1: v is set */
	struct void_req v;
	int64_t asked;
	struct payment_detail d;
	int have_d;
	char **lines;             /* the receipt text, by line */
	int nlines;
	int top;                  /* first receipt line shown */
	int approve;              /* the decision being asked for */
};

static const struct screen_ops voiddetail_ops;

static void
drop_lines(struct voiddetail *vd)
{
	int i;

	for (i = 0; i < vd->nlines; i++)
		free(vd->lines[i]);
	free(vd->lines);
	vd->lines = NULL;
	vd->nlines = 0;
}

/* Split text into vd->lines. */
static void
split_lines(struct voiddetail *vd, const char *text)
{
	const char *p = text, *e;

	drop_lines(vd);
	while (*p != '\0') {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		vd->lines = xreallocarray(vd->lines, (size_t)vd->nlines + 1,
		    sizeof *vd->lines);
		vd->lines[vd->nlines++] = xstrndup(p, (size_t)(e - p));
		p = *e == '\n' ? e + 1 : e;
	}
}

static int
voiddetail_open(struct screen *s, void *arg)
{
	struct voiddetail *vd = xcalloc(1, sizeof *vd);

	vd->arg = *(const struct voiddetail_arg *)arg;
	s->state = vd;
	return 0;
}

/* Read request vd->arg.void_id (from the list of all requests). */
static int
read_void(struct screen *s, struct voiddetail *vd)
{
	struct void_vec vv = { NULL, 0 };
	int i, rc;

	if ((rc = svc_voids(app_session(s->app), -1, &vv)) != 0)
		return rc;
	rc = err_set(ERR_NOTFOUND, "%s", _("void request not found"));
	for (i = 0; i < vv.n; i++) {
		if (vv.v[i].id != vd->arg.void_id)
			continue;
		vd->asked = asked_at(s->app, &vv, &vv.v[i]);
		vd->v = vv.v[i];
		memset(&vv.v[i], 0, sizeof vv.v[i]);
		vd->have_void = 1;
		vd->arg.payment_id = vd->v.payment_id;
		rc = 0;
		break;
	}
	void_vec_release(&vv);
	return rc;
}

static int
voiddetail_load(struct screen *s)
{
	struct voiddetail *vd = s->state;
	struct session *ss = app_session(s->app);
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (vd->have_void)
		void_release(&vd->v);
	vd->have_void = 0;
	if (vd->have_d)
		payment_detail_release(&vd->d);
	vd->have_d = 0;
	if (vd->arg.void_id != 0 && (rc = read_void(s, vd)) != 0)
		return rc;
	if ((rc = svc_payment_get(ss, vd->arg.payment_id, &vd->d)) != 0)
		return rc;
	vd->have_d = 1;
	if ((rc = svc_receipt_text(ss, vd->arg.payment_id, &sb)) == 0)
		split_lines(vd, sb.buf);
	strbuf_release(&sb);
	return rc;
}

static void
voiddetail_close(struct screen *s)
{
	struct voiddetail *vd = s->state;

	if (vd->have_void)
		void_release(&vd->v);
	if (vd->have_d)
		payment_detail_release(&vd->d);
	drop_lines(vd);
	free(vd);
}

/* A label and its value at (y, x); returns the x after them. */
static int
pair(WINDOW *w, int y, int x, int cols, const char *label, const char *value,
    enum tui_style st)
{
	if (x >= cols - 2)
		return x;
	x += draw_fit(w, y, x, cols - 2 - x, label, TUI_DIM) + 1;
	if (x >= cols - 2)
		return x;
	return x + draw_fit(w, y, x, cols - 2 - x, value, st) + 3;
}

/* The state of the payment's void in words, with its style. */
static const char *
state_text(const struct voiddetail *vd, enum tui_style *st)
{
	int state = vd->have_void ? (int)vd->v.state : vd->d.p.void_state;

	*st = TUI_NORMAL;
	if (state < 0)
		return _("no void asked");
	*st = state == VOID_REQUESTED ? TUI_CELL_DECORATING :
	    state == VOID_APPROVED ? TUI_ERROR : TUI_NORMAL;
	return fee_label(FEE_SET_VOID, state);
}

/* The payment and the request: the lines above the receipt. */
static int
draw_head(WINDOW *w, int cols, const struct voiddetail *vd)
{
	const struct payment *p = &vd->d.p;
	char no[FEE_RECEIPT_BUFSZ], a[MONEY_BUFSZ], when[32], buf[160];
	const char *state;
	enum tui_style st;
	int x, y = 1;

	money_format(a, sizeof a, p->amount_fen);
	snprintf(buf, sizeof buf, "%s %s", a, fee_label(FEE_SET_METHOD,
	    (int)p->method));
	x = pair(w, y, 2, cols, _("Receipt"), receipt_no(no, p), TUI_TITLE);
	x = pair(w, y, x, cols, _("House"), p->house_code, TUI_NORMAL);
	pair(w, y++, x, cols, _("Amount"), buf, TUI_NORMAL);
	short_time(when, sizeof when, p->at);
	snprintf(buf, sizeof buf, "%s %s", p->day, when + 6);
	x = pair(w, y, 2, cols, _("Paid"), buf, TUI_NORMAL);
	x = pair(w, y, x, cols, _("Cashier"), p->cashier, TUI_NORMAL);
	state = state_text(vd, &st);
	pair(w, y++, x, cols, _("Void"), state, st);
	if (!vd->have_void)
		return y + 1;
	short_time(when, sizeof when, vd->asked);
	snprintf(buf, sizeof buf, "%s %s", vd->v.requested_name,
	    when[0] != '\0' ? when : "");
	x = pair(w, y, 2, cols, _("Asked by"), buf, TUI_NORMAL);
	if (vd->v.state == VOID_APPROVED)
		pair(w, y, x, cols, _("Reversed on"), vd->v.day, TUI_NORMAL);
	y++;
	draw_fit(w, y, 2, cols - 4, _("Reason"), TUI_DIM);
	y += draw_wrapped(w, y, 2 + 10, cols - 14, 2, vd->v.reason,
	    TUI_TITLE) > 1 ? 2 : 1;
	return y + 1;
}

static void
voiddetail_draw(struct screen *s, WINDOW *w)
{
	struct voiddetail *vd = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), y, i, bw, x;
	char buf[64];

	if (!vd->have_d)
		return;
	y = draw_head(w, cols, vd);
	tui_hline(w, y, 2, cols - 4);
	snprintf(buf, sizeof buf, _("Receipt, lines %d-%d of %d"),
	    vd->nlines > 0 ? vd->top + 1 : 0,
	    vd->top + rows - y - 1 < vd->nlines ? vd->top + rows - y - 1 :
	    vd->nlines, vd->nlines);
	draw_title(w, y++, 4, cols - 8, buf);
	for (bw = 0, i = 0; i < vd->nlines; i++)
		if (text_width(vd->lines[i]) > bw)
			bw = text_width(vd->lines[i]);
	x = bw < cols - 4 ? (cols - bw) / 2 : 2;
	for (i = vd->top; i < vd->nlines && y < rows; i++)
		draw_fit(w, y++, x, cols - 2 - x, vd->lines[i], TUI_NORMAL);
}

/* 1 when action can be done on what is shown. */
static int
voiddetail_key_ok(struct screen *s, int action)
{
	struct voiddetail *vd = s->state;
	struct session *ss = app_session(s->app);

	switch (action) {
	case VA_APPROVE:
	case VA_REJECT:
		return vd->have_void && vd->v.state == VOID_REQUESTED &&
		    session_may(ss, PERM_FEE_VOID_APPROVE);
	case VA_ASK:
		return !vd->have_void && vd->have_d &&
		    vd->d.p.void_state != VOID_REQUESTED &&
		    vd->d.p.void_state != VOID_APPROVED &&
		    session_may(ss, PERM_FEE_COLLECT);
	}
	return 1;
}

/* Scroll the receipt by delta lines. */
static int
receipt_scroll(struct voiddetail *vd, int delta)
{
	vd->top += delta;
	if (vd->top > vd->nlines - 1)
		vd->top = vd->nlines - 1;
	if (vd->top < 0)
		vd->top = 0;
	return UI_REDRAW;
}

/* Ask why the receipt shown is to be voided, starting with text. */
static void
ask_reason(struct screen *s, const char *text)
{
	struct voiddetail *vd = s->state;
	char no[FEE_RECEIPT_BUFSZ], a[MONEY_BUFSZ], buf[256];

	money_format(a, sizeof a, vd->d.p.amount_fen);
	snprintf(buf, sizeof buf, _("Void receipt %s (%s, house %s): why?"),
	    receipt_no(no, &vd->d.p), a, vd->d.p.house_code);
	dialog_prompt(s->app, TAG_REASON, _("Ask for a void"), buf, text,
	    LINEEDIT_TEXT, FEE_TEXT_MAX);
}

static int
voiddetail_action(struct screen *s, int act)
{
	struct voiddetail *vd = s->state;
	char no[FEE_RECEIPT_BUFSZ], a[MONEY_BUFSZ], buf[512];

	if (!voiddetail_key_ok(s, act))
		return UI_HANDLED;
	receipt_no(no, &vd->d.p);
	money_format(a, sizeof a, vd->d.p.amount_fen);
	switch (act) {
	case VA_APPROVE:
		if (vd->d.p.method == PAY_CASH)
			snprintf(buf, sizeof buf, _("Approve the void of "
			    "receipt %s (%s, house %s)? The payment is reversed "
			    "today: its bills reopen and the cash goes back "
			    "through %s's drawer."), no, a, vd->d.p.house_code,
			    vd->v.requested_name);
		else
			snprintf(buf, sizeof buf, _("Approve the void of "
			    "receipt %s (%s %s, house %s)? The payment is "
			    "reversed today and its bills reopen."), no, a,
			    fee_label(FEE_SET_METHOD, (int)vd->d.p.method),
			    vd->d.p.house_code);
		dialog_confirm(s->app, TAG_APPROVE, _("Approve the void"), buf);
		return UI_REDRAW;
	case VA_REJECT:
		dialog_prompt(s->app, TAG_NOTE_NO, _("Reject the void"),
		    _("Note (may be empty)"), "", LINEEDIT_TEXT, FEE_TEXT_MAX);
		return UI_REDRAW;
	case VA_ASK:
		ask_reason(s, "");
		return UI_REDRAW;
	case VA_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case VA_UP:
		return receipt_scroll(vd, -1);
	case VA_DOWN:
		return receipt_scroll(vd, 1);
	case VA_PGUP:
		return receipt_scroll(vd, -10);
	case VA_PGDN:
		return receipt_scroll(vd, 10);
	}
	return UI_UNHANDLED;
}

/* A refusal told in a box, so it is not missed; the request is read again. */
static int
refused(struct screen *s, const char *title, int rc)
{
	app_fail(s->app, rc);
	dialog_message(s->app, title, err_msg());
	return UI_RELOAD | UI_REDRAW;
}

static int
voiddetail_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct voiddetail *vd = s->state;
	struct session *ss = app_session(s->app);
	const char *text = a->text != NULL ? a->text : "";
	char no[FEE_RECEIPT_BUFSZ];
	int rc;

	if (!a->ok)
		return UI_REDRAW;
	receipt_no(no, &vd->d.p);
	switch (tag) {
	case TAG_APPROVE:
		dialog_prompt(s->app, TAG_NOTE_OK, _("Approve the void"),
		    _("Note (may be empty)"), "", LINEEDIT_TEXT, FEE_TEXT_MAX);
		return UI_REDRAW;
	case TAG_NOTE_OK:
	case TAG_NOTE_NO:
		rc = svc_void_decide(ss, vd->v.id, tag == TAG_NOTE_OK, text);
		if (rc != 0)
			return refused(s, tag == TAG_NOTE_OK ?
			    _("The void cannot be approved") :
			    _("The void cannot be rejected"), rc);
		app_info(s->app, tag == TAG_NOTE_OK ?
		    _("The void of receipt %s is approved: the payment is "
		    "reversed and its bills are open again.") :
		    _("The void of receipt %s is rejected: the payment "
		    "stands."), no);
		return screen_answer(s, 1, 0, NULL);
	case TAG_REASON:
		if ((rc = svc_void_request(ss, vd->d.p.id, text, NULL)) != 0) {
			if (rc == ERR_INVALID) {
				/* ask again, with what was typed */
				app_fail(s->app, rc);
				ask_reason(s, text);
				return UI_REDRAW;
			}
			return refused(s, _("The void cannot be asked for"), rc);
		}
		app_info(s->app, _("The void of receipt %s is asked for; the "
		    "director decides."), no);
		return screen_answer(s, 1, 0, NULL);
	}
	return UI_REDRAW;
}

static int64_t
voiddetail_house(struct screen *s)
{
	struct voiddetail *vd = s->state;

	return vd->have_d ? vd->d.p.house_id : 0;
}

static const struct keybind voiddetail_keys[] = {
	{ K_F(2), VA_APPROVE, N_("Approve"), 0 },
	{ 'a', VA_APPROVE, NULL, 0 },
	{ K_F(3), VA_REJECT, N_("Reject"), 0 },
	{ 'x', VA_REJECT, NULL, 0 },
	{ K_F(6), VA_ASK, N_("Ask for a void"), 0 },
	{ 'v', VA_ASK, NULL, 0 },
	{ K_F(5), VA_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', VA_REFRESH, NULL, 0 },
	{ K_UP, VA_UP, N_("Scroll the receipt"), KB_HELPONLY },
	{ 'k', VA_UP, NULL, 0 },
	{ K_DOWN, VA_DOWN, NULL, 0 },
	{ 'j', VA_DOWN, NULL, 0 },
	{ K_PGUP, VA_PGUP, NULL, 0 },
	{ K_PGDN, VA_PGDN, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

static const struct screen_ops voiddetail_ops = {
	.name = "void",
	.title = N_("Void"),
	.help = N_("One receipt and its void (红冲): the payment, who asked "
	    "and why, and the receipt as printed (Up, Down, PgUp, PgDn "
	    "scroll it). The director approves with F2 (a) after a "
	    "confirmation: the payment is reversed today, its bills reopen "
	    "and the cash goes back through the drawer of the cashier who "
	    "asked; F3 (x) rejects it and the payment stands. Either may "
	    "carry a note. A cashier asks for the void of the receipt with "
	    "F6 (v) and says why."),
	.keys = voiddetail_keys,
	.key_ok = voiddetail_key_ok,
	.open = voiddetail_open,
	.load = voiddetail_load,
	.draw = voiddetail_draw,
	.action = voiddetail_action,
	.result = voiddetail_result,
	.house = voiddetail_house,
	.close = voiddetail_close,
};

/* ===================================================================== */
/* ---- the list of requests ------------------------------------------- */
/* ===================================================================== */

enum { TAB_WAITING, TAB_ALL, TAB_COUNT };

enum { COL_NO, COL_DAY, COL_HOUSE, COL_AMOUNT, COL_METHOD, COL_CASHIER,
	COL_ASKED, COL_STATE, COL_REASON, COL_COUNT };

static const char *const tab_names[TAB_COUNT] = {
	N_("Waiting"), N_("All"),
};

struct voids {
	int director;             /* 1: decides; 0: a cashier's own */
	int tab;
	struct void_vec vv;
	int64_t *asked;           /* per row */
	struct listcol cols[COL_COUNT];
	int map[COL_COUNT];       /* list column -> COL_* shown there */
	int ncols;
	struct list list;
	char cell[320];
};

static const struct void_req *
sel_void(const struct voids *vs)
{
	int i = vs->list.m.sel;

	return i >= 0 && i < vs->vv.n ? &vs->vv.v[i] : NULL;
}

static int
row_count(void *ctx)
{
	return ((struct voids *)ctx)->vv.n;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct voids *vs = ctx;
	const struct void_req *v = row >= 0 && row < vs->vv.n ?
	    &vs->vv.v[row] : NULL;
	char *p;

	if (v == NULL || col < 0 || col >= vs->ncols)
		return "";
	switch (vs->map[col]) {
	case COL_NO:
		return receipt_no(vs->cell, &v->p);
	case COL_DAY:
		return v->p.day;
	case COL_HOUSE:
		return v->p.house_code;
	case COL_AMOUNT:
		money_format(vs->cell, sizeof vs->cell, v->p.amount_fen);
		return vs->cell;
	case COL_METHOD:
		return fee_label(FEE_SET_METHOD, (int)v->p.method);
	case COL_CASHIER:
		return v->requested_name;
	case COL_ASKED:
		short_time(vs->cell, sizeof vs->cell, vs->asked[row]);
		return vs->cell;
	case COL_STATE:
		return fee_label(FEE_SET_VOID, (int)v->state);
	}
	snprintf(vs->cell, sizeof vs->cell, "%s", v->reason);
	for (p = vs->cell; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return vs->cell;
}

static const struct listmodel_ops voids_list_ops = {
	.count = row_count, .cell = row_cell,
};

/* The columns of the current tab: the waiting tab has the time asked but
 * no state, the others the state instead (80 columns hold no more); a
 * cashier's list has no cashier (it is always them). */
static void
set_columns(struct voids *vs)
{
	static const struct {
		const char *title;
		int width, flex;
		enum text_align align;
	} all[COL_COUNT] = {
		[COL_NO] = { N_("Receipt"), 11, 0, TEXT_LEFT },
		[COL_DAY] = { N_("Paid on"), 10, 0, TEXT_LEFT },
		[COL_HOUSE] = { N_("House"), 8, 0, TEXT_LEFT },
		[COL_AMOUNT] = { N_("Amount"), 9, 0, TEXT_RIGHT },
		[COL_METHOD] = { N_("Method"), 6, 0, TEXT_LEFT },
		[COL_CASHIER] = { N_("Cashier"), 6, 0, TEXT_LEFT },
		[COL_ASKED] = { N_("Asked at"), 11, 0, TEXT_LEFT },
		[COL_STATE] = { N_("State"), 6, 0, TEXT_LEFT },
		[COL_REASON] = { N_("Reason"), 10, 1, TEXT_LEFT },
	};
	int i;

	if (vs->ncols > 0)
		list_release(&vs->list);
	vs->ncols = 0;
	for (i = 0; i < COL_COUNT; i++) {
		if ((i == COL_STATE && vs->tab == TAB_WAITING) ||
		    (i == COL_ASKED && vs->tab != TAB_WAITING) ||
		    (i == COL_CASHIER && !vs->director))
			continue;
		vs->cols[vs->ncols] = (struct listcol){ _(all[i].title),
		    all[i].width, all[i].flex, all[i].align };
		vs->map[vs->ncols++] = i;
	}
	list_init(&vs->list, &voids_list_ops, vs, vs->cols, vs->ncols,
	    vs->tab == TAB_WAITING ? _("No void is waiting for approval") :
	    _("No void requests"));
}

static int
voids_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct voids *vs;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if (!session_may(ss, PERM_FEE_VOID_APPROVE) &&
	    !session_may(ss, PERM_FEE_COLLECT))
		return session_require(ss, PERM_FEE_VOID_APPROVE);
	vs = xcalloc(1, sizeof *vs);
	vs->director = session_may(ss, PERM_FEE_VOID_APPROVE);
	vs->tab = vs->director ? TAB_WAITING : TAB_ALL;
	set_columns(vs);
	s->state = vs;
	return 0;
}

static int
voids_load(struct screen *s)
{
	struct voids *vs = s->state;
	struct session *ss = app_session(s->app);
	int i, j, rc;

	void_vec_release(&vs->vv);
	free(vs->asked);
	vs->asked = NULL;
	rc = svc_voids(ss, vs->tab == TAB_WAITING ? VOID_REQUESTED : -1,
	    &vs->vv);
	if (rc != 0) {
		listmodel_reload(&vs->list.m);
		return rc;
	}
	if (!vs->director) {
		/* a cashier: their own requests */
		for (i = j = 0; i < vs->vv.n; i++) {
			if (vs->vv.v[i].requested_by == ss->user_id)
				vs->vv.v[j++] = vs->vv.v[i];
			else
				void_release(&vs->vv.v[i]);
		}
		vs->vv.n = j;
	}
	/* the time asked is shown on the waiting tab only (few rows) */
	vs->asked = xcalloc((size_t)vs->vv.n + 1, sizeof *vs->asked);
	for (i = 0; vs->tab == TAB_WAITING && i < vs->vv.n; i++)
		vs->asked[i] = asked_at(s->app, &vs->vv, &vs->vv.v[i]);
	listmodel_reload(&vs->list.m);
	return 0;
}

static void
voids_draw(struct screen *s, WINDOW *w)
{
	struct voids *vs = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), x = 2, i;
	char buf[160];

	if (vs->director) {
		for (i = 0; i < TAB_COUNT; i++) {
			snprintf(buf, sizeof buf, i == vs->tab ? "[%s]" :
			    " %s ", _(tab_names[i]));
			x += draw_fit(w, 1, x, cols - 2 - x, buf,
			    i == vs->tab ? TUI_TITLE : TUI_DIM) + 1;
		}
	} else {
		x += draw_fit(w, 1, x, cols - 4, _("My void requests"),
		    TUI_TITLE) + 2;
	}
	snprintf(buf, sizeof buf, _("%d in all"), vs->vv.n);
	if (x < cols - 2)
		draw_fit(w, 1, x, cols - 2 - x, buf, TUI_DIM);
	list_draw(&vs->list, w, 2, 1, rows - 2, cols - 2);
}

static void
voids_close(struct screen *s)
{
	struct voids *vs = s->state;

	void_vec_release(&vs->vv);
	free(vs->asked);
	list_release(&vs->list);
	free(vs);
}

static int
voids_key_ok(struct screen *s, int action)
{
	struct voids *vs = s->state;

	switch (action) {
	case VA_OPEN:
		return sel_void(vs) != NULL;
	case VA_TAB:
		return vs->director;
	case VA_ASK:
		return session_may(app_session(s->app), PERM_FEE_COLLECT);
	}
	return 1;
}

static int
voids_action(struct screen *s, int act)
{
	struct voids *vs = s->state;
	const struct void_req *v = sel_void(vs);
	struct voiddetail_arg a;

	if (act < LIST_UP && !voids_key_ok(s, act))
		return UI_HANDLED;
	switch (act) {
	case VA_OPEN:
		a.void_id = v->id;
		a.payment_id = v->payment_id;
		app_push(s->app, &voiddetail_ops, &a, TAG_DETAIL);
		return UI_REDRAW;
	case VA_TAB:
		vs->tab = (vs->tab + 1) % TAB_COUNT;
		set_columns(vs);
		return UI_RELOAD | UI_REDRAW;
	case VA_ASK:
		dialog_prompt(s->app, TAG_RECEIPT, _("Ask for a void"),
		    _("Receipt number (2026-000123)"), "", LINEEDIT_TEXT, 20);
		return UI_REDRAW;
	case VA_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	}
	return list_action(&vs->list, s, act);
}

/* The receipt typed: show it, so the void is asked about the right one. */
static int
open_receipt(struct screen *s, const char *no)
{
	struct payment_detail d;
	struct voiddetail_arg a;
	int rc;

	if ((rc = svc_payment_by_no(app_session(s->app), no, &d)) != 0) {
		app_fail(s->app, rc);
		dialog_prompt(s->app, TAG_RECEIPT, _("Ask for a void"),
		    _("Receipt number (2026-000123)"), no, LINEEDIT_TEXT, 20);
		return UI_REDRAW;
	}
	a.void_id = 0;
	a.payment_id = d.p.id;
	payment_detail_release(&d);
	if (app_push(s->app, &voiddetail_ops, &a, TAG_DETAIL) != NULL)
		app_info(s->app, "%s", _("Check the receipt, then F6 asks for "
		    "its void."));
	return UI_REDRAW;
}

static int
voids_result(struct screen *s, int tag, const struct screen_answer *a)
{
	if (tag == TAG_DETAIL)
		return UI_RELOAD | UI_REDRAW;
	if (!a->ok)
		return UI_REDRAW;
	if (tag == TAG_RECEIPT)
		return open_receipt(s, a->text != NULL ? a->text : "");
	return UI_REDRAW;
}

static const struct keybind voids_keys[] = {
	{ K_ENTER, VA_OPEN, N_("Open"), 0 },
	{ K_F(6), VA_TAB, N_("Waiting/all"), 0 },
	{ K_TAB, VA_TAB, NULL, 0 },
	{ K_F(2), VA_ASK, N_("Ask for a void"), 0 },
	{ 'n', VA_ASK, NULL, 0 },
	{ K_F(5), VA_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', VA_REFRESH, NULL, 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

#define VOIDS_HELP                                                        \
	N_("Voids (红冲). The director sees the requests waiting for a "      \
	"decision (Tab or F6 shows every request with its state): receipt, " \
	"the day it was paid, house, amount, method, the cashier who asked, " \
	"when and why. Enter opens one with its receipt, to approve or "     \
	"reject it. A cashier sees their own requests; F2 (n) asks for the " \
	"void of a receipt: type its number, check the receipt, then say "  \
	"why.")

const struct screen_ops scr_voids_ops = {
	.name = "voids",
	.title = N_("Voids"),
	.help = VOIDS_HELP,
	.keys = voids_keys,
	.key_ok = voids_key_ok,
	.open = voids_open,
	.load = voids_load,
	.draw = voids_draw,
	.action = voids_action,
	.result = voids_result,
	.close = voids_close,
};
