/*
 * scr_voiddetail.c: one receipt and its void (红冲), opened from the voids
 * list (scr_voids.c).  Shows the payment, who asked for the void, when and
 * why, and the receipt as it prints (svc_receipt_view), scrollable.  The
 * director approves (after a confirmation: the payment is reversed today,
 * its bills reopen) or rejects, each with an optional note
 * (svc_void_decide); a refusal (the cashier's day is closed, the credit
 * it kept was used since) comes in a message box.  Opened on a receipt
 * without a void (a cashier typed its number), F6 asks for its void with a
 * required reason (svc_void_request).
 */
#include "ui/scr_voiddetail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/fee.h"
#include "core/money.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/model/feeview.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum voiddetail_action { VA_APPROVE, VA_REJECT, VA_ASK, VA_REFRESH, VA_UP,
	VA_DOWN, VA_PGUP, VA_PGDN };

/* The widest receipt line kept (a receipt is [printer] width). */
#define VOIDDETAIL_MAXW 200

/* Dialogs opened. */
enum { TAG_REASON = 1, TAG_APPROVE, TAG_NOTE_OK, TAG_NOTE_NO };

void
scr_voiddetail_when(char *buf, size_t bufsz, int64_t t)
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

struct voiddetail {
	struct voiddetail_arg arg;
	int have_void;            /* 1: v is set */
	struct void_req v;
	struct payment_detail d;
	int have_d;
	struct feeview_doc doc;   /* the receipt text, by line */
	int top;                  /* first receipt line shown */
	int rows;                 /* receipt lines shown (by draw) */
	int approve;              /* the decision being asked for */
};

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
	if ((rc = svc_receipt_view(ss, vd->arg.payment_id, &sb)) == 0) {
		feeview_doc_release(&vd->doc);
		feeview_text_doc(&vd->doc, sb.buf, VOIDDETAIL_MAXW);
	}
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
	feeview_doc_release(&vd->doc);
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
	/* "11-20 10:31": the time is from its 7th character; none for 0 */
	scr_voiddetail_when(when, sizeof when, p->at);
	snprintf(buf, sizeof buf, "%s %s", p->day, strlen(when) > 6 ?
	    when + 6 : "");
	x = pair(w, y, 2, cols, _("Paid at"), buf, TUI_NORMAL);
	x = pair(w, y, x, cols, _("Cashier"), p->cashier, TUI_NORMAL);
	state = state_text(vd, &st);
	pair(w, y++, x, cols, _("Void"), state, st);
	if (!vd->have_void)
		return y + 1;
	scr_voiddetail_when(when, sizeof when, vd->arg.asked_at);
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
	int cols = getmaxx(w), rows = getmaxy(w), n = vd->doc.n, y, i, bw, x;
	char buf[128];

	if (!vd->have_d)
		return;
	y = draw_head(w, cols, vd);
	tui_hline(w, y, 2, cols - 4);
	vd->rows = rows - y - 1 > 1 ? rows - y - 1 : 1;
	vd->top = feeview_scroll(vd->top, 0, n, vd->rows);
	snprintf(buf, sizeof buf, _("Receipt, lines %d-%d of %d"),
	    n > 0 ? vd->top + 1 : 0, vd->top + vd->rows < n ?
	    vd->top + vd->rows : n, n);
	draw_title(w, y++, 4, cols - 8, buf);
	bw = vd->doc.width;
	x = bw < cols - 4 ? (cols - bw) / 2 : 2;
	for (i = vd->top; i < n && y < rows; i++)
		draw_fit(w, y++, x, cols - 2 - x, vd->doc.lines[i].text,
		    TUI_NORMAL);
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

/* Scroll the receipt by lines and pages (a page: the lines shown); the
 * last line stops at the bottom, as in the counter's receipt view. */
static int
receipt_scroll(struct voiddetail *vd, int lines, int pages)
{
	int rows = vd->rows > 0 ? vd->rows : 10;

	vd->top = feeview_scroll(vd->top, lines + pages * rows, vd->doc.n,
	    rows);
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
		return receipt_scroll(vd, -1, 0);
	case VA_DOWN:
		return receipt_scroll(vd, 1, 0);
	case VA_PGUP:
		return receipt_scroll(vd, 0, -1);
	case VA_PGDN:
		return receipt_scroll(vd, 0, 1);
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
	/* F8 as at the counter; 'v' there shows a receipt, so not here */
	{ K_F(8), VA_ASK, N_("Ask for a void"), 0 },
	{ K_F(6), VA_ASK, NULL, 0 },
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

const struct screen_ops scr_voiddetail_ops = {
	.name = "void",
	.title = N_("Void"),
	.help = N_("One receipt and its void (红冲): the payment, who asked "
	    "and why, and the receipt as printed (Up, Down, PgUp, PgDn "
	    "scroll it). The director approves with F2 (a) after a "
	    "confirmation: the payment is reversed today, its bills reopen "
	    "and the cash goes back through the drawer of the cashier who "
	    "asked; F3 (x) rejects it and the payment stands. Either may "
	    "carry a note. A cashier asks for the void of the receipt with "
	    "F8, as at the counter, and says why."),
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
