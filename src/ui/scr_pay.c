/*
 * scr_pay.c: the payment box over the counter.  The amount starts as the
 * picked total and the first character typed replaces it, so "all of it in
 * cash" is F2, Enter, the cash given, Enter.  Change and what the payment
 * does (bills settled, part, credit) follow every key through
 * paymodel_quote(); the same check runs before svc_pay(), so a bad field
 * is named and keeps the cursor, and nothing is stored.
 */
#include "ui/scr_pay.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/keymap.h"
#include "ui/model/lineedit.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

enum pay_action { PA_CONFIRM, PA_ENTER, PA_NEXT, PA_PREV, PA_CANCEL };

/* The box's state. */
struct paybox {
	struct pay_ctx *ctx;
	struct lineedit amount;
	struct lineedit tendered;
	int fresh[PAY_F_COUNT];   /* the next character replaces the text */
	int to_credit;
	enum pay_field cur;
	struct payquote q;        /* of what is typed now */
	int qrc;                  /* its code */
	char qmsg[512];           /* its message when qrc is not 0 */
	char err[512];            /* the last refusal; "" */
};

/* ---- the quote ------------------------------------------------------------ */

/* Work out what is typed now. */
static void
requote(struct paybox *b)
{
	char *a = lineedit_get(&b->amount), *t = lineedit_get(&b->tendered);

	b->qrc = paymodel_quote(b->ctx->pm, a, t, b->to_credit, &b->q);
	snprintf(b->qmsg, sizeof b->qmsg, "%s", b->qrc == 0 ? "" :
	    err_msg()[0] != '\0' ? err_msg() : err_str(b->qrc));
	free(a);
	free(t);
}

/* 1 when field f takes part in the current method. */
static int
shown(const struct paybox *b, enum pay_field f)
{
	return f != PAY_F_TENDERED || b->ctx->pm->method == PAY_CASH;
}

static void
go(struct paybox *b, int delta)
{
	int f = (int)b->cur;

	do
		f = (f + delta + PAY_F_COUNT) % PAY_F_COUNT;
	while (!shown(b, (enum pay_field)f));
	b->cur = (enum pay_field)f;
}

/* ---- open, close ---------------------------------------------------------- */

static int
pay_open(struct screen *s, void *arg)
{
	struct paybox *b;
	char amt[MONEY_BUFSZ];

	if (arg == NULL)
		return err_set(ERR_INVALID, "%s", _("no house at the counter"));
	b = xcalloc(1, sizeof *b);
	b->ctx = arg;
	lineedit_init(&b->amount, LINEEDIT_MONEY, 20, 16);
	lineedit_init(&b->tendered, LINEEDIT_MONEY, 20, 16);
	paymodel_default_amount(b->ctx->pm, amt, sizeof amt);
	lineedit_set(&b->amount, amt);
	b->fresh[PAY_F_AMOUNT] = amt[0] != '\0';
	b->cur = PAY_F_AMOUNT;
	/* nothing owed: a payment can only be a prepayment */
	b->to_credit = b->ctx->pm->n == 0;
	requote(b);
	s->state = b;
	/* a message of an earlier payment is not about this one */
	app_info(s->app, "%s", "");
	return 0;
}

static void
pay_close(struct screen *s)
{
	struct paybox *b = s->state;

	lineedit_release(&b->amount);
	lineedit_release(&b->tendered);
	free(b);
}

/* ---- drawing -------------------------------------------------------------- */

/* Rows of the box: fields, the result lines, the message, the keys. */
#define PAY_ROWS 14

static void
pay_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	(void)s;
	*h = PAY_ROWS < maxh ? PAY_ROWS : maxh;
	*w = maxw < 66 ? maxw : 66;
}

/* The methods, the current one marked: "[1 现金] 2 银行卡 ...". */
static void
draw_methods(struct paybox *b, WINDOW *w, int y, int x, int cols, int focus)
{
	char buf[64];
	int m, n;

	for (m = 0; m < PAY_METHOD_COUNT && cols > 0; m++) {
		snprintf(buf, sizeof buf, "%d %s", m + 1,
		    fee_label(FEE_SET_METHOD, m));
		n = text_width(buf) + 2;
		if (n > cols)
			break;
		if (m == (int)b->ctx->pm->method)
			draw_text(w, y, x, n, buf, focus ? TUI_FOCUS :
			    TUI_SELECTED, TEXT_CENTER);
		else
			draw_text(w, y, x, n, buf, TUI_NORMAL, TEXT_CENTER);
		x += n + 1;
		cols -= n + 1;
	}
}

/* What the payment does, in one line. */
static void
effect(const struct paybox *b, char *buf, size_t bufsz)
{
	char l[MONEY_BUFSZ], c[MONEY_BUFSZ];
	const struct payquote *q = &b->q;

	money_format(l, sizeof l, q->left_fen);
	money_format(c, sizeof c, q->credit_fen);
	if (q->npart && q->nfull > 0)
		snprintf(buf, bufsz, _("Settles %d bills whole and one in part; "
		    "%s still owed"), q->nfull, l);
	else if (q->npart)
		snprintf(buf, bufsz, _("Part payment: %s still owed"), l);
	else if (q->credit_fen > 0 && q->nfull > 0)
		snprintf(buf, bufsz, _("Settles %d bills; %s kept as credit"),
		    q->nfull, c);
	else if (q->credit_fen > 0)
		snprintf(buf, bufsz, _("%s kept as credit"), c);
	else
		snprintf(buf, bufsz, _("Settles %d bills"), q->nfull);
}

static void
pay_draw(struct screen *s, WINDOW *w)
{
	struct paybox *b = s->state;
	struct paymodel *pm = b->ctx->pm;
	int cols = getmaxx(w), rows = getmaxy(w), lx = 2, fx = 16, y;
	char buf[512], t[MONEY_BUFSZ];
	int cash = pm->method == PAY_CASH;

	tui_box(w);
	snprintf(buf, sizeof buf, _("Take payment: %s"),
	    b->ctx->house_code != NULL ? b->ctx->house_code : "");
	draw_title(w, 0, 2, cols - 4, buf);
	money_format(t, sizeof t, paymodel_picked_fen(pm));
	if (pm->n == 0)
		snprintf(buf, sizeof buf, "%s", _("No open bills: what is paid "
		    "is kept as the house's credit (预存)"));
	else
		snprintf(buf, sizeof buf, _("%d of %d bills picked, owing %s"),
		    paymodel_npicked(pm), pm->n, t);
	draw_fit(w, 1, lx, cols - 4, buf, TUI_DIM);

	y = 3;
	draw_fit(w, y, lx, fx - lx - 1, _("Amount"), TUI_NORMAL);
	lineedit_set_width(&b->amount, 16);
	field_draw(w, y, fx, &b->amount, b->cur == PAY_F_AMOUNT, NULL, s);
	draw_fit(w, y, fx + 17, cols - fx - 19, _("yuan"), TUI_DIM);

	y++;
	draw_fit(w, y, lx, fx - lx - 1, _("Method"), TUI_NORMAL);
	draw_methods(b, w, y, fx, cols - fx - 2, b->cur == PAY_F_METHOD);

	y++;
	draw_fit(w, y, lx, fx - lx - 1, _("Cash given"), cash ? TUI_NORMAL :
	    TUI_DIM);
	if (cash) {
		lineedit_set_width(&b->tendered, 16);
		field_draw(w, y, fx, &b->tendered, b->cur == PAY_F_TENDERED,
		    _("the amount"), s);
	} else
		draw_fit(w, y, fx, cols - fx - 2, _("(cash only)"), TUI_DIM);

	y++;
	draw_fit(w, y, lx, fx - lx - 1, _("Change"), TUI_NORMAL);
	if (cash && b->qrc == 0) {
		money_format(t, sizeof t, b->q.change_fen);
		draw_text(w, y, fx, 16, t, TUI_TITLE, TEXT_LEFT);
	} else
		draw_text(w, y, fx, 16, "-", TUI_DIM, TEXT_LEFT);

	y += 2;
	snprintf(buf, sizeof buf, "[%s] %s", b->to_credit ? "x" : " ",
	    _("Keep what is above the bills as credit (预存)"));
	if (b->cur == PAY_F_CREDIT) {
		draw_text(w, y, lx, text_width(buf) < cols - 4 ?
		    text_width(buf) : cols - 4, buf, TUI_FOCUS, TEXT_LEFT);
		screen_cursor(s, w, y, lx + 1);
	} else
		draw_fit(w, y, lx, cols - 4, buf, TUI_NORMAL);

	y += 2;
	if (b->err[0] != '\0')
		draw_wrapped(w, y, lx, cols - 4, rows - y - 2, b->err,
		    TUI_ERROR);
	else if (b->qrc == 0) {
		effect(b, buf, sizeof buf);
		draw_fit(w, y, lx, cols - 4, buf, TUI_INFO);
	} else	/* what F2 would answer, before it is pressed */
		draw_wrapped(w, y, lx, cols - 4, rows - y - 2, b->qmsg,
		    TUI_DIM);
	/* the digits pick a method on the method field only */
	if (b->cur == PAY_F_METHOD)
		snprintf(buf, sizeof buf, "%s", cash ? _("F2 take it   Enter "
		    "next   Tab move   1-5 method   Esc cancel") :
		    _("F2 or Enter take it   Tab move   1-5 method   Esc "
		    "cancel"));
	else
		snprintf(buf, sizeof buf, "%s", cash ? _("F2 take it   Enter "
		    "next or take it   Tab move   Esc cancel") :
		    _("F2 or Enter take it   Tab move   Esc cancel"));
	draw_fit(w, rows - 2, lx, cols - 4, buf, TUI_DIM);
}

/* ---- paying --------------------------------------------------------------- */

/* Refused: say why, keep the box, the cursor on field f (if any). */
static int
refuse(struct screen *s, int rc, enum pay_field f)
{
	struct paybox *b = s->state;

	snprintf(b->err, sizeof b->err, "%s", err_msg()[0] != '\0' ?
	    err_msg() : err_str(rc));
	if (f != PAY_F_NONE && shown(b, f))
		b->cur = f;
	return app_fail(s->app, rc);
}

static int
confirm(struct screen *s)
{
	struct paybox *b = s->state;
	struct pay_ctx *ctx = b->ctx;
	struct pay_in in;
	int64_t *ids;
	char *amount, *tendered;
	int n, rc;

	requote(b);
	if (b->qrc != 0)
		return refuse(s, b->qrc, b->q.bad);
	ids = xreallocarray(NULL, (size_t)ctx->pm->n + 1, sizeof *ids);
	n = paymodel_picked_ids(ctx->pm, ids, ctx->pm->n);
	amount = lineedit_get(&b->amount);
	tendered = ctx->pm->method == PAY_CASH ? lineedit_get(&b->tendered) :
	    xstrdup("");
	memset(&in, 0, sizeof in);
	in.house_id = ctx->house_id;
	in.amount = amount;
	in.method = fee_code(FEE_SET_METHOD, (int)ctx->pm->method);
	in.tendered = tendered;
	in.bills = n > 0 ? ids : NULL;
	in.nbills = n;
	in.to_credit = b->to_credit;
	in.seen_payment_id = ctx->seen_payment_id;
	rc = svc_pay(app_session(s->app), &in, &ctx->res);
	free(ids);
	free(amount);
	free(tendered);
	if (rc == 0 || rc == ERR_CONFLICT || rc == ERR_NOTFOUND) {
		ctx->rc = rc;
		snprintf(ctx->msg, sizeof ctx->msg, "%s", rc != 0 ?
		    err_msg() : "");
		return screen_answer(s, 1, 0, NULL);
	}
	return refuse(s, rc, rc == ERR_INVALID ? PAY_F_AMOUNT : PAY_F_NONE);
}

static int
pay_action(struct screen *s, int act)
{
	struct paybox *b = s->state;

	switch (act) {
	case PA_CONFIRM:
		return confirm(s);
	case PA_ENTER:
		/* the amount and the method lead to the cash given;
		 * elsewhere: take it */
		if ((b->cur == PAY_F_AMOUNT || b->cur == PAY_F_METHOD) &&
		    b->ctx->pm->method == PAY_CASH) {
			b->cur = PAY_F_TENDERED;
			b->fresh[PAY_F_TENDERED] = 1;
			return UI_REDRAW;
		}
		return confirm(s);
	case PA_NEXT:
		go(b, 1);
		return UI_REDRAW;
	case PA_PREV:
		go(b, -1);
		return UI_REDRAW;
	case PA_CANCEL:
		return screen_answer(s, 0, 0, NULL);
	}
	return UI_UNHANDLED;
}

/* A key in a money field; the first character replaces a fresh text. */
static int
money_key(struct screen *s, struct lineedit *le, int *fresh, int key)
{
	int r;

	if (*fresh && field_edits(key) == FIELD_EDIT_TYPE)
		lineedit_set(le, "");
	if ((r = field_key(le, key)) == FIELD_UNHANDLED)
		return UI_UNHANDLED;
	*fresh = 0;
	if (r == FIELD_REFUSED)
		return app_fail(s->app, ERR_INVALID);
	return UI_REDRAW;
}

static int
pay_input(struct screen *s, int key)
{
	struct paybox *b = s->state;
	struct paymodel *pm = b->ctx->pm;
	int bits = UI_UNHANDLED;

	switch (b->cur) {
	case PAY_F_AMOUNT:
		bits = money_key(s, &b->amount, &b->fresh[PAY_F_AMOUNT], key);
		break;
	case PAY_F_TENDERED:
		bits = money_key(s, &b->tendered, &b->fresh[PAY_F_TENDERED],
		    key);
		break;
	case PAY_F_METHOD:
		if (key == K_LEFT || key == K_RIGHT || key == ' ') {
			paymodel_method_step(pm, key == K_LEFT ? -1 : 1);
			bits = UI_REDRAW;
		} else if (paymodel_method_key(pm, key))
			bits = UI_REDRAW;
		break;
	case PAY_F_CREDIT:
		if (key == ' ' || key == 'x' || key == K_LEFT ||
		    key == K_RIGHT) {
			b->to_credit = !b->to_credit;
			bits = UI_REDRAW;
		}
		break;
	default:
		break;
	}
	if (bits != UI_UNHANDLED) {
		b->err[0] = '\0';
		requote(b);
	}
	/* plain keys that mean nothing here are not global keys ('q');
	 * function and control keys are (help, redraw) */
	if (bits == UI_UNHANDLED && key != '?' && !(key & KEYB_FN) &&
	    key >= ' ')
		return UI_HANDLED;
	return bits;
}

static const struct keybind pay_keys[] = {
	{ K_F(2), PA_CONFIRM, N_("Take payment"), 0 },
	{ K_CTRL('s'), PA_CONFIRM, NULL, 0 },
	{ K_ENTER, PA_ENTER, N_("Next; on the last field take payment"),
	    KB_HELPONLY },
	{ K_TAB, PA_NEXT, N_("Next field"), KB_HELPONLY },
	{ K_DOWN, PA_NEXT, NULL, 0 },
	{ K_BTAB, PA_PREV, N_("Previous field"), KB_HELPONLY },
	{ K_UP, PA_PREV, NULL, 0 },
	{ K_ESC, PA_CANCEL, N_("Cancel"), 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_pay_ops = {
	.name = "pay",
	.title = N_("Take payment"),
	.help = N_("The payment of the bills picked at the counter. Amount: "
	    "the picked total to start with; type another to change it (the "
	    "first key replaces it). Less than the total is a part payment, "
	    "settled oldest first. Method: 1 to 5 or Left and Right (cash, "
	    "bank card, WeChat Pay, Alipay, transfer). Cash given: what the "
	    "payer hands over (empty: exactly the amount); the change is "
	    "shown as you type. An amount above the bills is refused unless "
	    "you tick 'keep as credit' (Space). F2, or Enter on the last "
	    "field, takes the payment and prints the receipt; Esc cancels."),
	.keys = pay_keys,
	.flags = SCREEN_OVERLAY,
	.open = pay_open,
	.draw = pay_draw,
	.action = pay_action,
	.input = pay_input,
	.size = pay_size,
	.close = pay_close,
};
