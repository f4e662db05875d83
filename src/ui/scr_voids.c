/*
 * scr_voids.c: voids (红冲), the fees menu's entry.  The director
 * (PERM_FEE_VOID_APPROVE) gets the requests waiting (svc_voids
 * VOID_REQUESTED) with the receipt, the day it was paid, house, amount,
 * method, the cashier who asked, when and why; Tab shows every request
 * with its state.  A cashier (PERM_FEE_COLLECT) gets their own requests
 * and their states, and F2 asks for the void of a receipt by its number
 * (svc_payment_by_no).  Enter, or the receipt typed, opens
 * scr_voiddetail.c, where the decision or the request is made.
 *
 * The time a request was made is not kept with it: it is read from the
 * audit log (the void.request rows of the payment), read-only.
 */
#include "ui/scr_voids.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fee.h"
#include "core/money.h"
#include "db/audit_db.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/scr_voiddetail.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Audit rows of a payment searched for the time a void was asked. */
#define VOIDS_AUDIT_ROWS 50

enum voids_action { VA_OPEN, VA_TAB, VA_ASK, VA_REFRESH };

/* Dialogs and screens opened. */
enum { TAG_DETAIL = 1, TAG_RECEIPT };

/* The receipt number of p into buf (FEE_RECEIPT_BUFSZ). */
static const char *
receipt_no(char *buf, const struct payment *p)
{
	fee_receipt_format(buf, FEE_RECEIPT_BUFSZ, p->year, p->seq);
	return buf;
}

/*
 * When the requests of payment_id were asked (audit rows "void.request"),
 * newest first.  OUT: at[0..*n) (at most max).
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
	for (i = 0; i < nrows; i++)
		if (strcmp(rows[i].action, "void.request") == 0 && *n < max)
			at[(*n)++] = rows[i].at;
	for (i = 0; i < nrows; i++)
		audit_row_release(&rows[i]);
	free(rows);
}

/*
 * When request v was asked: the number of later requests of the same
 * payment in vv (ids grow with time) counts back from the newest audit
 * row.  Counted from the newest, as the waiting tab holds only the last
 * request of a payment and the audit rows read may miss the oldest.
 * 0: not known.
 */
static int64_t
asked_at(struct app *app, const struct void_vec *vv, const struct void_req *v)
{
	int64_t at[16];
	int i, k = 0, n;

	for (i = 0; i < vv->n; i++)
		if (vv->v[i].payment_id == v->payment_id && vv->v[i].id > v->id)
			k++;
	asked_times(app, v->payment_id, at, 16, &n);
	return k < n ? at[k] : 0;
}
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
		scr_voiddetail_when(vs->cell, sizeof vs->cell, vs->asked[row]);
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
		a.asked_at = asked_at(s->app, &vs->vv, v);
		app_push(s->app, &scr_voiddetail_ops, &a, TAG_DETAIL);
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
	a.asked_at = 0;
	payment_detail_release(&d);
	if (app_push(s->app, &scr_voiddetail_ops, &a, TAG_DETAIL) != NULL)
		app_info(s->app, "%s", _("Check the receipt, then F8 asks for "
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
