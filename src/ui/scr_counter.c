/*
 * scr_counter.c: the cashier's counter (收银台), the fee module's most used
 * screen.  Three parts share the keys, one has the focus:
 *   the house field at the top: a house number (3-2-1502, 3栋2单元1502,
 *     a prefix), an owner's name or phone, looked up between keys as in
 *     the owner finder (svc_find()); Enter puts the house at the counter
 *     (svc_counter_load());
 *   the open bills, oldest first, all picked at first: Space picks one, a
 *     all or none, F2 or Enter takes the payment (scr_pay.c);
 *   the recent payments (Tab): reprint (补打), view the receipt text, ask
 *     for a void (红冲) with a reason.
 * After a payment the receipt is printed at once and the house read again.
 * The logic of picking and paying is in ui/model/paymodel.c; this file
 * only paints and routes keys.  Roles that may only look get a key table
 * without the keys that change anything.
 */
#include "ui/scr_counter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/household.h"
#include "core/mask.h"
#include "core/money.h"
#include "db/db.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "svc/svc_fee.h"
#include "svc/svc_owner.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/list.h"
#include "ui/model/feeview.h"
#include "ui/model/lineedit.h"
#include "ui/model/paymodel.h"
#include "ui/scr_pay.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Households fetched per search. */
#define COUNTER_HITS 50

enum counter_action { CN_ENTER, CN_PAY, CN_TOGGLE, CN_ALL, CN_NEXT,
	CN_PREV, CN_REPRINT, CN_VIEW, CN_VOID, CN_REFRESH, CN_BACK, CN_FIND,
	CN_LATE, CN_UP, CN_DOWN, CN_PGUP, CN_PGDN, CN_HOME, CN_END };

/* Dialogs this screen opens. */
enum { TAG_PAY = 1, TAG_VOID, TAG_DONE, TAG_LATE };

/* Where the keys go. */
enum counter_focus { FOC_FIND, FOC_BILLS, FOC_RECENT };

enum { HC_CODE, HC_OWNERS, HC_PHONE, HC_USE, HC_COUNT };
enum { BC_PICK, BC_PERIOD, BC_ITEM, BC_AMOUNT, BC_PAID, BC_OWED, BC_DUE,
	BC_LATE, BC_COUNT };
enum { RC_NO, RC_DAY, RC_AMOUNT, RC_METHOD, RC_CASHIER, RC_STATE,
	RC_COUNT };

struct cnt {
	/* the house field */
	struct lineedit box;
	int fresh;                  /* the next character replaces the box */
	char *searched;             /* text of the hits shown; NULL */
	struct finder_result res;
	struct finder_query q;
	int failed;
	struct listcol hcols[HC_COUNT];
	struct list hits;
	/* the house at the counter */
	int64_t house_id;           /* 0: none yet */
	int loaded;
	struct counter c;
	struct paymodel pm;
	struct listcol bcols[BC_COUNT];
	struct list bills;
	struct listcol rcols[RC_COUNT];
	struct list recent;
	enum counter_focus focus;
	int readonly;
	int repick;                 /* the next reading picks every bill */
	char today[DATE_BUFSZ];
	/* a payment in the box; a void asked for */
	struct pay_ctx pay;
	int64_t void_pid;
	char void_no[FEE_RECEIPT_BUFSZ];
	char cell[256];
};

static const struct screen_ops counter_view_ops;
static const struct screen_ops receipt_view_ops;

/* ---- rows ----------------------------------------------------------------- */

static int
hit_count(void *ctx)
{
	return ((struct cnt *)ctx)->res.nhits;
}

static const char *
hit_cell(void *ctx, int row, int col)
{
	struct cnt *k = ctx;
	const struct finder_hit *h = &k->res.hits[row];

	switch (col) {
	case HC_CODE:
		return h->code;
	case HC_OWNERS:
		return h->owner_names[0] != '\0' ? h->owner_names :
		    _("(no owner on file)");
	case HC_PHONE:
		k->cell[0] = '\0';
		if (h->owner_phone[0] != '\0')
			mask_phone(h->owner_phone, k->cell, sizeof k->cell);
		return k->cell;
	}
	return household_label(HH_HOUSE_USE, (int)h->use);
}

static const struct listmodel_ops hit_ops = {
	.count = hit_count, .cell = hit_cell,
};

static int
bill_count(void *ctx)
{
	return ((struct cnt *)ctx)->c.open.n;
}

/* Money into the cell buffer. */
static const char *
money_cell(struct cnt *k, int64_t fen)
{
	money_format(k->cell, sizeof k->cell, fen);
	return k->cell;
}

/* 1 when bill b is past its due day. */
static int
overdue(const struct cnt *k, const struct bill *b)
{
	return b->due[0] != '\0' && strcmp(b->due, k->today) < 0;
}

/* The item of bill b: a late fee names the item it is late on, when that
 * bill is open too (滞纳金（水费）). */
static const char *
item_cell(struct cnt *k, const struct bill *b)
{
	int i;

	if (b->late_of > 0)
		for (i = 0; i < k->c.open.n; i++)
			if (k->c.open.v[i].id == b->late_of) {
				snprintf(k->cell, sizeof k->cell, _("%s (%s)"),
				    b->item_name != NULL ? b->item_name : "",
				    k->c.open.v[i].item_name != NULL ?
				    k->c.open.v[i].item_name : "");
				return k->cell;
			}
	return b->item_name != NULL ? b->item_name : "";
}

static const char *
bill_cell(void *ctx, int row, int col)
{
	struct cnt *k = ctx;
	const struct bill *b = &k->c.open.v[row];

	switch (col + k->readonly) {
	case BC_PICK:
		return row < k->pm.n && k->pm.bills[row].picked ? "[x]" :
		    "[ ]";
	case BC_PERIOD:
		return b->period;
	case BC_ITEM:
		return item_cell(k, b);
	case BC_AMOUNT:
		return money_cell(k, b->amount_fen);
	case BC_PAID:
		return b->paid_fen > 0 ? money_cell(k, b->paid_fen) : "";
	case BC_OWED:
		return money_cell(k, b->amount_fen - b->paid_fen);
	case BC_DUE:
		return b->due;
	}
	return overdue(k, b) ? _("overdue") : "";
}

static const struct listmodel_ops bill_ops = {
	.count = bill_count, .cell = bill_cell,
};

static int
recent_count(void *ctx)
{
	return ((struct cnt *)ctx)->c.recent.n;
}

/* What became of a payment: a void asked for, done or refused. */
static const char *
void_text(int state)
{
	switch (state) {
	case VOID_REQUESTED:
		return _("void asked");
	case VOID_APPROVED:
		return _("voided");
	case VOID_REJECTED:
		return _("void refused");
	}
	return "";
}

static const char *
recent_cell(void *ctx, int row, int col)
{
	struct cnt *k = ctx;
	const struct payment *p = &k->c.recent.v[row];

	switch (col) {
	case RC_NO:
		fee_receipt_format(k->cell, sizeof k->cell, p->year, p->seq);
		return k->cell;
	case RC_DAY:
		return p->day;
	case RC_AMOUNT:
		return money_cell(k, p->amount_fen);
	case RC_METHOD:
		return fee_label(FEE_SET_METHOD, (int)p->method);
	case RC_CASHIER:
		return p->cashier != NULL ? p->cashier : "";
	}
	return void_text(p->void_state);
}

static const struct listmodel_ops recent_ops = {
	.count = recent_count, .cell = recent_cell,
};

/* ---- the house ------------------------------------------------------------ */

/* Start the picks over: every open bill, oldest first; with keep, the
 * bills still open keep their picks. */
static void
reset_picks(struct cnt *k, int keep)
{
	struct paymodel old = k->pm;
	int64_t *ids, *owed;
	int i, n = k->c.open.n;

	ids = xreallocarray(NULL, (size_t)n + 1, sizeof *ids);
	owed = xreallocarray(NULL, (size_t)n + 1, sizeof *owed);
	for (i = 0; i < n; i++) {
		ids[i] = k->c.open.v[i].id;
		owed[i] = k->c.open.v[i].amount_fen - k->c.open.v[i].paid_fen;
	}
	paymodel_init(&k->pm, ids, owed, n);
	if (keep)
		paymodel_keep_picks(&k->pm, &old);
	paymodel_release(&old);
	free(ids);
	free(owed);
}

/* The day today, for marking overdue bills. */
static void
set_today(struct cnt *k)
{
	struct fd_date d;

	k->today[0] = '\0';
	if (date_today(&d) == 0)
		date_format(k->today, sizeof k->today, &d);
}

/* Put the house read into c at the counter (c is taken over). */
static void
take_house(struct cnt *k, struct counter *c)
{
	int bsel = k->bills.m.sel, rsel = k->recent.m.sel;
	int same = k->loaded && k->c.house.id == c->house.id;

	counter_release(&k->c);
	k->c = *c;
	memset(c, 0, sizeof *c);
	k->house_id = k->c.house.id;
	k->loaded = 1;
	set_today(k);
	/* read again (F5, a void asked): what was left out stays out; after
	 * a payment or another house, every bill is picked again */
	reset_picks(k, same && !k->repick);
	k->repick = 0;
	listmodel_reload(&k->bills.m);
	listmodel_reload(&k->recent.m);
	if (same) {
		listmodel_select(&k->bills.m, bsel);
		listmodel_select(&k->recent.m, rsel);
	} else {
		listmodel_home(&k->bills.m);
		listmodel_home(&k->recent.m);
	}
	/* the box shows the house; the first key typed starts another */
	lineedit_set(&k->box, k->c.house.code);
	k->fresh = 1;
	free(k->searched);
	k->searched = NULL;
	finder_result_release(&k->res);
	listmodel_reload(&k->hits.m);
}

/* Read house id (or the house number code) onto the counter.  Returns
 * ui_result bits; a failure shows its message and keeps what was there. */
static int
load_house(struct screen *s, int64_t id, const char *code)
{
	struct cnt *k = s->state;
	struct counter c;
	int rc;

	memset(&c, 0, sizeof c);
	k->repick = 1;
	rc = id != 0 ? svc_counter_load(app_session(s->app), id, &c) :
	    svc_counter_load_by_code(app_session(s->app), code, &c);
	if (rc != 0) {
		k->repick = 0;
		return app_fail(s->app, rc);
	}
	take_house(k, &c);
	k->focus = FOC_BILLS;
	return UI_REDRAW;
}

/* ---- searching ------------------------------------------------------------ */

/* 1 when the box holds something other than the house at the counter,
 * so the hits are shown instead of the house. */
static int
searching(const struct cnt *k)
{
	return k->focus == FOC_FIND && !lineedit_empty(&k->box) &&
	    !(k->loaded && k->fresh);
}

/* Look up what the box says, unless it was just looked up. */
static int
search(struct screen *s, int force)
{
	struct cnt *k = s->state;
	char *text = lineedit_get(&k->box);
	int rc;

	if (!force && k->searched != NULL && strcmp(text, k->searched) == 0) {
		free(text);
		return UI_HANDLED;
	}
	finder_result_release(&k->res);
	free(k->searched);
	k->searched = text;
	rc = svc_find(app_session(s->app), text, COUNTER_HITS, &k->res, &k->q);
	k->failed = rc != 0;
	listmodel_reload(&k->hits.m);
	listmodel_home(&k->hits.m);
	if (rc != 0)
		return app_fail(s->app, rc);
	return UI_REDRAW;
}

static int
counter_tick(struct screen *s)
{
	s->busy = 0;
	if (!searching(s->state))
		return UI_REDRAW;
	return search(s, 0) | UI_REDRAW;
}

/* Enter in the house field: the house picked, or the number typed. */
static int
find_enter(struct screen *s)
{
	struct cnt *k = s->state;
	char *text;
	int bits, i = k->hits.m.sel;

	if (!searching(k)) {
		if (!k->loaded)
			return app_fail(s->app, err_set(ERR_INVALID, "%s",
			    _("type a house number, or an owner's name or "
			    "phone")));
		k->focus = FOC_BILLS;
		return UI_REDRAW;
	}
	if (s->busy)
		counter_tick(s);
	if (i >= 0 && i < k->res.nhits)
		return load_house(s, k->res.hits[i].house_id, NULL);
	/* nothing found by the finder: perhaps a number it reads otherwise */
	text = lineedit_get(&k->box);
	bits = load_house(s, 0, text);
	free(text);
	return bits;
}

/* ---- open, load, close ---------------------------------------------------- */

static int
counter_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct cnt *k;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_FEE_VIEW)) != 0 &&
	    (rc = session_require(ss, PERM_FEE_COLLECT)) != 0)
		return rc;
	k = xcalloc(1, sizeof *k);
	k->readonly = !session_may(ss, PERM_FEE_COLLECT);
	if (k->readonly)
		s->ops = &counter_view_ops;
	lineedit_init(&k->box, LINEEDIT_TEXT, 40, 24);
	paymodel_init(&k->pm, NULL, NULL, 0);
	k->hcols[HC_CODE] = (struct listcol){ _("House"), 11, 0, TEXT_LEFT };
	k->hcols[HC_OWNERS] = (struct listcol){ _("Owner"), 16, 1,
	    TEXT_LEFT };
	k->hcols[HC_PHONE] = (struct listcol){ _("Phone"), 14, 0, TEXT_LEFT };
	k->hcols[HC_USE] = (struct listcol){ _("Use"), 6, 0, TEXT_LEFT };
	list_init(&k->hits, &hit_ops, k, k->hcols, HC_COUNT,
	    _("Nothing found. Check the number, or type less of it."));
	k->hits.footer = 0;
	k->bcols[BC_PICK] = (struct listcol){ "", 3, 0, TEXT_LEFT };
	k->bcols[BC_PERIOD] = (struct listcol){ _("Period"), 7, 0,
	    TEXT_LEFT };
	k->bcols[BC_ITEM] = (struct listcol){ _("Item"), 8, 1, TEXT_LEFT };
	k->bcols[BC_AMOUNT] = (struct listcol){ _("Amount"), 9, 0,
	    TEXT_RIGHT };
	k->bcols[BC_PAID] = (struct listcol){ _("Paid"), 8, 0, TEXT_RIGHT };
	k->bcols[BC_OWED] = (struct listcol){ _("Owed"), 9, 0, TEXT_RIGHT };
	k->bcols[BC_DUE] = (struct listcol){ _("Due"), 10, 0, TEXT_LEFT };
	k->bcols[BC_LATE] = (struct listcol){ "", 6, 0, TEXT_LEFT };
	/* a role that only looks picks nothing: no pick column */
	list_init(&k->bills, &bill_ops, k, k->bcols + k->readonly,
	    BC_COUNT - k->readonly,
	    _("No open bills: the house owes nothing."));
	k->bills.footer = 0;
	k->rcols[RC_NO] = (struct listcol){ _("Receipt"), 11, 0, TEXT_LEFT };
	k->rcols[RC_DAY] = (struct listcol){ _("Day"), 10, 0, TEXT_LEFT };
	k->rcols[RC_AMOUNT] = (struct listcol){ _("Amount"), 10, 0,
	    TEXT_RIGHT };
	k->rcols[RC_METHOD] = (struct listcol){ _("Method"), 6, 0,
	    TEXT_LEFT };
	k->rcols[RC_CASHIER] = (struct listcol){ _("Cashier"), 6, 1,
	    TEXT_LEFT };
	k->rcols[RC_STATE] = (struct listcol){ _("Void"), 8, 0, TEXT_LEFT };
	list_init(&k->recent, &recent_ops, k, k->rcols, RC_COUNT,
	    _("No payments yet."));
	k->recent.footer = 0;
	k->house_id = arg != NULL ? *(const int64_t *)arg : 0;
	k->focus = FOC_FIND;
	set_today(k);
	s->state = k;
	return 0;
}

/* Read the house again (after a payment, a void, F5). */
static int
counter_load(struct screen *s)
{
	struct cnt *k = s->state;
	struct counter c;
	int rc;

	if (k->house_id == 0)
		return 0;
	memset(&c, 0, sizeof c);
	if ((rc = svc_counter_load(app_session(s->app), k->house_id, &c)) !=
	    0) {
		k->repick = 0;
		return rc;
	}
	take_house(k, &c);
	if (k->focus == FOC_FIND)
		k->focus = FOC_BILLS;
	return 0;
}

static void
counter_close(struct screen *s)
{
	struct cnt *k = s->state;

	lineedit_release(&k->box);
	finder_result_release(&k->res);
	free(k->searched);
	list_release(&k->hits);
	list_release(&k->bills);
	list_release(&k->recent);
	counter_release(&k->c);
	paymodel_release(&k->pm);
	free(k);
}

/* ---- drawing -------------------------------------------------------------- */

/* A section title, marked when it has the focus. */
static void
section(WINDOW *w, int y, int x, int cols, const char *text, int focus)
{
	char buf[512];

	snprintf(buf, sizeof buf, "%s%s", focus ? "> " : "  ", text);
	draw_fit(w, y, x, cols, buf, focus ? TUI_TITLE : TUI_DIM);
}

/* The house line: number, use, area, owners (cut to fit). */
static void
draw_house(struct cnt *k, WINDOW *w, int y, int cols)
{
	char area[32], buf[512];
	int n;

	snprintf(area, sizeof area, _("%lld.%02lld sq m"),
	    (long long)(k->c.house.area_centi / 100),
	    (long long)(k->c.house.area_centi % 100));
	n = draw_fit(w, y, 2, cols - 4, k->c.house.code, TUI_TITLE);
	snprintf(buf, sizeof buf, "%s %s  %s %s",
	    household_label(HH_HOUSE_USE, (int)k->c.house.use), area,
	    _("Owner"), k->c.owners[0] != '\0' ? k->c.owners :
	    _("(no owner on file)"));
	draw_fit(w, y, 2 + n + 2, cols - n - 6, buf, TUI_NORMAL);
}

/* Picked, open, credit and late fee, in one line. */
static void
draw_totals(struct cnt *k, WINDOW *w, int y, int cols)
{
	char p[MONEY_BUFSZ], o[MONEY_BUFSZ], c[MONEY_BUFSZ], l[MONEY_BUFSZ];
	char buf[512];
	int n;

	money_format(p, sizeof p, paymodel_picked_fen(&k->pm));
	money_format(o, sizeof o, k->c.open_fen);
	money_format(c, sizeof c, k->c.credit_fen);
	if (k->readonly)
		snprintf(buf, sizeof buf, _("Open %s   Credit %s"), o, c);
	else
		snprintf(buf, sizeof buf, _("Picked %d of %d: %s   Open %s   "
		    "Credit %s"), paymodel_npicked(&k->pm), k->pm.n, p, o, c);
	n = draw_fit(w, y, 2, cols - 4, buf, TUI_TITLE);
	if (k->c.late_fen > 0 && n + 4 < cols - 4) {
		money_format(l, sizeof l, k->c.late_fen);
		snprintf(buf, sizeof buf, _("Late fee due %s"), l);
		draw_fit(w, y, 2 + n + 3, cols - n - 7, buf, TUI_ERROR);
	}
}

/* The hints while nothing is at the counter. */
static void
draw_hints(WINDOW *w, int y, int cols)
{
	static const char *const lines[][2] = {
		{ "3-2-1502  3栋2单元1502",
		    N_("a house number, or its start (3-2-)") },
		{ "王秀英  秀英", N_("an owner's name; one or two characters "
		    "will do") },
		{ "13812345678  5678",
		    N_("an owner's phone, or its last four digits") },
	};
	size_t i;

	draw_fit(w, y, 2, cols - 4, _("Whose fees? Type and press Enter:"),
	    TUI_TITLE);
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		draw_text(w, y + 2 + (int)i, 4, 24, lines[i][0], TUI_NORMAL,
		    TEXT_LEFT);
		draw_fit(w, y + 2 + (int)i, 29, cols - 31, _(lines[i][1]),
		    TUI_DIM);
	}
	draw_fit(w, y + 6, 2, cols - 4, _("Then Space picks bills, F2 takes "
	    "the payment and prints the receipt; Tab goes to the recent "
	    "payments."), TUI_DIM);
}

static void
counter_draw(struct screen *s, WINDOW *w)
{
	struct cnt *k = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), lw, bw, y, hb, hr, nr;
	char buf[256];

	lw = draw_fit(w, 1, 2, 12, _("House"), TUI_TITLE);
	bw = cols / 2 - lw - 4 > 20 ? cols / 2 - lw - 4 : 20;
	lineedit_set_width(&k->box, bw);
	field_draw(w, 1, lw + 3, &k->box, k->focus == FOC_FIND,
	    _("house number, owner's name or phone"), s);
	if (k->focus == FOC_FIND && k->loaded && k->fresh)
		draw_fit(w, 1, lw + bw + 5, cols - lw - bw - 6, _("Enter: "
		    "its bills; type another house"), TUI_DIM);
	if (searching(k)) {
		list_draw(&k->hits, w, 3, 1, rows - 4, cols - 2);
		if (!k->failed && !s->busy && k->res.total > k->res.nhits) {
			snprintf(buf, sizeof buf, _("%lld households found, "
			    "the first %d shown: type more to narrow it down"),
			    (long long)k->res.total, k->res.nhits);
			draw_text(w, rows - 1, 1, cols - 2, buf, TUI_DIM,
			    TEXT_RIGHT);
		}
		return;
	}
	if (!k->loaded) {
		draw_hints(w, 3, cols);
		return;
	}
	draw_house(k, w, 2, cols);
	/* rows: 3 title, bills (header + rows), totals, title, recent */
	nr = k->c.recent.n > 0 ? k->c.recent.n : 1;
	hr = 1 + (nr < (rows - 10) / 3 ? nr : (rows - 10) / 3);
	if (hr < 2)
		hr = 2;
	hb = rows - 4 - 2 - hr;
	if (hb > k->c.open.n + 1)
		hb = k->c.open.n + 1;
	if (hb < 2)
		hb = 2;
	snprintf(buf, sizeof buf, _("Open bills, oldest first (%d)"),
	    k->c.open.n);
	section(w, 3, 1, cols - 2, buf, k->focus == FOC_BILLS);
	/* a wide terminal: keep the figures near the item names */
	lw = cols - 2 < 100 ? cols - 2 : 100;
	list_draw(&k->bills, w, 4, 1, hb, lw);
	y = 4 + hb;
	draw_totals(k, w, y, cols);
	snprintf(buf, sizeof buf, _("Recent payments (%d)"), k->c.recent.n);
	section(w, y + 1, 1, cols - 2, buf, k->focus == FOC_RECENT);
	list_draw(&k->recent, w, y + 2, 1, rows - y - 2, lw < 80 ? lw : 80);
}

/* ---- paying --------------------------------------------------------------- */

/* Read the house at the counter again now. */
static void
reload(struct screen *s)
{
	int rc;

	((struct cnt *)s->state)->repick = 1;
	if ((rc = counter_load(s)) != 0)
		app_fail(s->app, rc);
}

static int counter_key_ok(struct screen *, int);

/* Ask before charging the late fee due (滞纳金) as bill lines. */
static int
late_ask(struct screen *s)
{
	struct cnt *k = s->state;
	char l[MONEY_BUFSZ], text[512];

	money_format(l, sizeof l, k->c.late_fen);
	snprintf(text, sizeof text, _("Charge the late fee of %s yuan due "
	    "today to %s? It becomes a bill line of its own (滞纳金), paid "
	    "like any other bill."), l, k->c.house.code);
	dialog_confirm(s->app, TAG_LATE, _("Late fee"), text);
	return UI_REDRAW;
}

/* Charge it, then read the house again with the new lines. */
static int
late_charge(struct screen *s)
{
	struct cnt *k = s->state;
	struct late_run run;
	char l[MONEY_BUFSZ];
	int rc;

	if ((rc = svc_late_fees(app_session(s->app), k->c.house.id,
	    &run)) != 0)
		return app_fail(s->app, rc);
	reload(s);
	money_format(l, sizeof l, run.total_fen);
	app_info(s->app, _("Late fee charged: %s yuan in %lld bill lines"), l,
	    (long long)run.bills);
	return UI_REDRAW;
}

/* Open the payment box over the house at the counter. */
static int
pay(struct screen *s)
{
	struct cnt *k = s->state;
	struct close_view v;
	char when[32];
	int closed, rc = 0;

	if (!k->loaded)
		return app_fail(s->app, err_set(ERR_INVALID, "%s",
		    _("find the house first")));
	/* a closed day takes no payment: say so before anything is typed */
	if (svc_close_view(app_session(s->app), "", 0, &v) == 0) {
		closed = v.closed;
		if (closed) {
			clock_format(when, sizeof when, v.close.at);
			rc = err_set(ERR_STATE, _("your day %s was closed (日结) "
			    "at %s: no more payments can be taken into it"),
			    v.day, when);
		}
		close_view_release(&v);
		if (closed)
			return app_fail(s->app, rc);
	}
	memset(&k->pay, 0, sizeof k->pay);
	k->pay.pm = &k->pm;
	k->pay.house_id = k->c.house.id;
	k->pay.seen_payment_id = k->c.seen_payment_id;
	k->pay.house_code = k->c.house.code;
	app_push(s->app, &scr_pay_ops, &k->pay, TAG_PAY);
	return UI_REDRAW;
}

/* A file printed to: beside the database it is named from there
 * ("receipts/2026-000123.txt beside the database"), else whole. */
static const char *
short_path(struct screen *s, const char *path)
{
	struct cnt *k = s->state;
	const char *db = db_path(app_db(s->app)), *slash;
	size_t n;

	slash = db != NULL ? strrchr(db, '/') : NULL;
	n = slash != NULL ? (size_t)(slash - db) + 1 : 0;
	if (n == 0 || strncmp(path, db, n) != 0)
		return path;
	snprintf(k->cell, sizeof k->cell, _("%s beside the database"),
	    path + n);
	return k->cell;
}

/* The payment went through: print it, say what to hand back. */
static int
paid(struct screen *s)
{
	struct cnt *k = s->state;
	const struct pay_result *r = &k->pay.res;
	struct print_result pr;
	struct strbuf sb = STRBUF_INIT;
	char a[MONEY_BUFSZ], g[MONEY_BUFSZ], c[MONEY_BUFSZ], b[MONEY_BUFSZ];
	char l[MONEY_BUFSZ], msg[512];
	int rc;

	/* the screen below (a house, the arrears) reads again when the
	 * counter closes: what it shows is out of date now */
	(void)screen_answer(s, 1, 0, NULL);
	memset(&pr, 0, sizeof pr);
	rc = svc_receipt_print(app_session(s->app), r->payment_id, &pr);
	snprintf(msg, sizeof msg, "%s", rc != 0 ? err_msg() : "");
	money_format(a, sizeof a, r->amount_fen);
	money_format(g, sizeof g, r->tendered_fen);
	money_format(c, sizeof c, r->change_fen);
	money_format(b, sizeof b, r->balance_fen);
	money_format(l, sizeof l, r->left_fen);
	strbuf_addf(&sb, _("Receipt %s: %s yuan, %s."), r->receipt_no, a,
	    fee_label(FEE_SET_METHOD, (int)k->pm.method));
	strbuf_addch(&sb, '\n');
	if (k->pm.method == PAY_CASH) {
		strbuf_addf(&sb, _("Cash given %s; change to hand back: %s"), g,
		    c);
		strbuf_addch(&sb, '\n');
	}
	strbuf_addf(&sb, _("Still owed on the house: %s.  Credit (预存): %s."),
	    l, b);
	strbuf_addch(&sb, '\n');
	if (rc != 0) {
		strbuf_addf(&sb, _("NOT PRINTED: %s"), msg);
		strbuf_addch(&sb, '\n');
		strbuf_adds(&sb, _("To print it: Tab to the recent payments, "
		    "then F3."));
	}
	else if (pr.path[0] != '\0')
		strbuf_addf(&sb, _("Printed to the file %s"),
		    short_path(s, pr.path));
	else
		strbuf_adds(&sb, _("Printed."));
	if (k->pm.method == PAY_CASH)
		app_info(s->app, _("Receipt %s: %s yuan, change %s"),
		    r->receipt_no, a, c);
	else
		app_info(s->app, _("Receipt %s: %s yuan, %s"), r->receipt_no,
		    a, fee_label(FEE_SET_METHOD, (int)k->pm.method));
	/* read the house now: the box below is opened over it */
	reload(s);
	dialog_message(s->app, _("Payment taken"), sb.buf);
	strbuf_release(&sb);
	return UI_REDRAW;
}

/* ---- recent payments ------------------------------------------------------ */

/* The payment selected in the recent list, or NULL. */
static const struct payment *
sel_payment(struct cnt *k)
{
	int i = k->recent.m.sel;

	return k->loaded && i >= 0 && i < k->c.recent.n ? &k->c.recent.v[i] :
	    NULL;
}

static int
reprint(struct screen *s)
{
	const struct payment *p = sel_payment(s->state);
	struct print_result pr;
	char no[FEE_RECEIPT_BUFSZ];
	int rc;

	if (p == NULL)
		return UI_HANDLED;
	fee_receipt_format(no, sizeof no, p->year, p->seq);
	memset(&pr, 0, sizeof pr);
	if ((rc = svc_receipt_print(app_session(s->app), p->id, &pr)) != 0)
		return app_fail(s->app, rc);
	if (pr.reprint == 0)
		app_info(s->app, _("Receipt %s printed: %s"), no,
		    pr.path[0] != '\0' ? short_path(s, pr.path) : "");
	else if (pr.path[0] != '\0')
		app_info(s->app, _("Receipt %s printed again (补打 %d): %s"),
		    no, pr.reprint, short_path(s, pr.path));
	else
		app_info(s->app, _("Receipt %s printed again (补打 %d)"), no,
		    pr.reprint);
	return UI_REDRAW;
}

/* The receipt text in a box that scrolls. */
struct rview {
	char *title;
	struct feeview_doc doc;   /* the text by line */
	int top, rows;            /* first line shown; lines shown */
};

/* The widest receipt line kept (a receipt is [printer] width). */
#define RVIEW_MAXW 200

static int
view(struct screen *s)
{
	const struct payment *p = sel_payment(s->state);
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if (p == NULL)
		return UI_HANDLED;
	if ((rc = svc_receipt_view(app_session(s->app), p->id, &sb)) != 0) {
		strbuf_release(&sb);
		return app_fail(s->app, rc);
	}
	app_push(s->app, &receipt_view_ops, sb.buf != NULL ? sb.buf : "", 0);
	strbuf_release(&sb);
	return UI_REDRAW;
}

/* Ask for the reason of a void (initial: what was typed before). */
static void
ask_void(struct screen *s, const char *initial)
{
	struct cnt *k = s->state;
	char title[128];

	snprintf(title, sizeof title, _("Void receipt %s (红冲)"), k->void_no);
	dialog_prompt(s->app, TAG_VOID, title, _("Why (required; the "
	    "director approves):"), initial, LINEEDIT_TEXT, FEE_TEXT_MAX);
}

static int
void_start(struct screen *s)
{
	struct cnt *k = s->state;
	const struct payment *p = sel_payment(k);

	if (p == NULL)
		return UI_HANDLED;
	k->void_pid = p->id;
	fee_receipt_format(k->void_no, sizeof k->void_no, p->year, p->seq);
	ask_void(s, "");
	return UI_REDRAW;
}

static int
void_send(struct screen *s, const char *reason)
{
	struct cnt *k = s->state;
	int rc;

	rc = svc_void_request(app_session(s->app), k->void_pid, reason, NULL);
	if (rc == ERR_INVALID) {
		app_fail(s->app, rc);
		ask_void(s, reason); /* keep what was typed */
		return UI_REDRAW;
	}
	if (rc != 0)
		return app_fail(s->app, rc) | UI_RELOAD;
	app_info(s->app, _("Void of receipt %s asked for; the director "
	    "approves it."), k->void_no);
	return UI_RELOAD | UI_REDRAW;
}

/* ---- keys ----------------------------------------------------------------- */

/* The list that has the focus. */
static struct list *
focus_list(struct cnt *k)
{
	if (k->focus == FOC_BILLS)
		return &k->bills;
	if (k->focus == FOC_RECENT)
		return &k->recent;
	return &k->hits;
}

/* Move the focus to the next (delta 1) or previous part. */
static void
cycle(struct cnt *k, int delta)
{
	static const enum counter_focus order[] = { FOC_FIND, FOC_BILLS,
		FOC_RECENT };
	int i = (int)k->focus;

	if (!k->loaded) {
		k->focus = FOC_FIND;
		return;
	}
	if (k->focus == FOC_FIND && searching(k)) {
		/* leaving a search: the field shows the house at the counter
		 * again, not a number whose bills are not the ones below */
		lineedit_set(&k->box, k->c.house.code);
		k->fresh = 1;
	}
	i = (i + delta + 3) % 3;
	k->focus = order[i];
}

/* 1 when action is a plain character in the table: typed into the house
 * field while it has the focus. */
static int
typing_action(int act)
{
	return act == CN_TOGGLE || act == CN_ALL || act == CN_REPRINT ||
	    act == CN_VIEW || act == CN_VOID || act == CN_FIND;
}

static int
counter_action(struct screen *s, int act)
{
	struct cnt *k = s->state;
	static const int step[] = { [CN_UP] = LIST_UP, [CN_DOWN] = LIST_DOWN,
		[CN_PGUP] = LIST_PGUP, [CN_PGDN] = LIST_PGDN,
		[CN_HOME] = LIST_HOME, [CN_END] = LIST_END };

	if (k->focus == FOC_FIND && typing_action(act))
		return UI_UNHANDLED;
	switch (act) {
	case CN_ENTER:
		if (k->focus == FOC_FIND)
			return find_enter(s);
		if (k->focus == FOC_RECENT)
			return view(s);
		return k->readonly ? UI_HANDLED : pay(s);
	case CN_PAY:
		/* a house typed but not looked up yet: look it up first, so
		 * the payment is never taken for the house shown before */
		if (k->focus == FOC_FIND && searching(k))
			return find_enter(s);
		return k->readonly ? UI_HANDLED : pay(s);
	case CN_TOGGLE:
		if (k->focus == FOC_BILLS && !k->readonly) {
			paymodel_toggle(&k->pm, k->bills.m.sel);
			listmodel_move(&k->bills.m, 1);
		}
		return UI_REDRAW;
	case CN_ALL:
		if (k->focus == FOC_BILLS && !k->readonly)
			paymodel_toggle_all(&k->pm);
		return UI_REDRAW;
	case CN_NEXT:
	case CN_PREV:
		cycle(k, act == CN_NEXT ? 1 : -1);
		return UI_REDRAW;
	case CN_REPRINT:
		return k->focus == FOC_RECENT && !k->readonly ? reprint(s) :
		    UI_HANDLED;
	case CN_VIEW:
		return k->focus == FOC_RECENT ? view(s) : UI_HANDLED;
	case CN_VOID:
		return k->focus == FOC_RECENT && !k->readonly ? void_start(s) :
		    UI_HANDLED;
	case CN_LATE:
		return counter_key_ok(s, CN_LATE) ? late_ask(s) : UI_HANDLED;
	case CN_REFRESH:
		return k->loaded ? UI_RELOAD | UI_REDRAW : search(s, 1);
	case CN_FIND:
		k->focus = FOC_FIND;
		k->fresh = k->loaded;
		return UI_REDRAW;
	case CN_BACK:
		if (k->focus != FOC_FIND) {
			/* back to the house field, ready for the next one */
			k->focus = FOC_FIND;
			k->fresh = k->loaded;
			if (k->loaded)
				lineedit_set(&k->box, k->c.house.code);
			return UI_REDRAW;
		}
		if (searching(k)) {
			if (k->loaded) {
				lineedit_set(&k->box, k->c.house.code);
				k->fresh = 1;
			} else
				lineedit_set(&k->box, "");
			return UI_REDRAW;
		}
		return UI_UNHANDLED; /* the app goes back to the menu */
	case CN_DOWN:
		if (k->focus == FOC_FIND && !searching(k)) {
			cycle(k, 1);
			return UI_REDRAW;
		}
		/* FALLTHROUGH */
	case CN_UP:
	case CN_PGUP:
	case CN_PGDN:
	case CN_HOME:
	case CN_END:
		if (k->focus == FOC_FIND && (act == CN_HOME || act == CN_END))
			return UI_UNHANDLED; /* the cursor in the field */
		return list_action(focus_list(k), s, step[act]);
	}
	return UI_UNHANDLED;
}

static int
counter_input(struct screen *s, int key)
{
	struct cnt *k = s->state;
	int r;

	if (key == '?')
		return UI_UNHANDLED;
	if (k->focus != FOC_FIND) {
		/* typing elsewhere starts the next house */
		if ((key & KEYB_FN) || key <= ' ' ||
		    field_edits(key) != FIELD_EDIT_TYPE)
			return UI_UNHANDLED;
		k->focus = FOC_FIND;
		k->fresh = 1;
	}
	if (k->fresh && field_edits(key) != 0)
		lineedit_set(&k->box, "");
	if ((r = field_key(&k->box, key)) == FIELD_UNHANDLED)
		return UI_UNHANDLED;
	k->fresh = 0;
	if (r == FIELD_REFUSED)
		return app_fail(s->app, ERR_INVALID);
	s->busy = 1;
	return UI_REDRAW;
}

static int
counter_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct cnt *k = s->state;

	if (!a->ok)
		return UI_REDRAW;
	switch (tag) {
	case TAG_PAY:
		if (k->pay.rc == 0)
			return paid(s);
		/* another desk paid the house meanwhile: say what, read it
		 * again, stay at the counter */
		app_fail(s->app, err_set(k->pay.rc, "%s", k->pay.msg));
		reload(s);
		dialog_message(s->app, _("Paid at another desk"), k->pay.msg);
		return UI_REDRAW;
	case TAG_VOID:
		return void_send(s, a->text != NULL ? a->text : "");
	case TAG_LATE:
		return late_charge(s);
	}
	return UI_REDRAW;
}

static int
counter_key_ok(struct screen *s, int act)
{
	struct cnt *k = s->state;

	switch (act) {
	case CN_PAY:
		return k->loaded && !k->readonly;
	case CN_TOGGLE:
	case CN_ALL:
		return k->focus == FOC_BILLS && k->c.open.n > 0 &&
		    !k->readonly;
	case CN_REPRINT:
	case CN_VOID:
		return k->focus == FOC_RECENT && k->c.recent.n > 0 &&
		    !k->readonly;
	case CN_VIEW:
		return k->focus == FOC_RECENT && k->c.recent.n > 0;
	case CN_LATE:
		return k->loaded && !k->readonly && k->c.late_fen > 0;
	case CN_NEXT:
		return k->loaded;
	case CN_FIND:
		return k->focus != FOC_FIND;
	}
	return 1;
}

static int64_t
counter_house(struct screen *s)
{
	struct cnt *k = s->state;

	return k->loaded ? k->c.house.id : 0;
}

/* ---- the receipt text ----------------------------------------------------- */

enum { RV_CLOSE, RV_UP, RV_DOWN, RV_PGUP, RV_PGDN };

static int
rview_open(struct screen *s, void *arg)
{
	struct rview *v = xcalloc(1, sizeof *v);

	/* tabs and control characters as spaces; a receipt is narrower */
	feeview_text_doc(&v->doc, arg, RVIEW_MAXW);
	v->title = xstrdup(_("Receipt"));
	s->title = v->title;
	s->state = v;
	return 0;
}

static void
rview_close(struct screen *s)
{
	struct rview *v = s->state;

	feeview_doc_release(&v->doc);
	free(v->title);
	free(v);
}

static void
rview_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct rview *v = s->state;

	char buf[256];
	int hw;

	/* as wide as the receipt, and as its scrolling hint when it has one */
	snprintf(buf, sizeof buf, _("%d-%d of %d lines; Up, Down, PgUp, PgDn; "
	    "Esc closes"), v->doc.n, v->doc.n, v->doc.n);
	hw = v->doc.n + 4 > maxh ? text_width(buf) + 4 : 0;
	*w = v->doc.width + 4 > 40 ? v->doc.width + 4 : 40;
	*w = *w > hw ? *w : hw;
	*w = *w < maxw ? *w : maxw;
	*h = v->doc.n + 4 < maxh ? v->doc.n + 4 : maxh;
}

static void
rview_draw(struct screen *s, WINDOW *w)
{
	struct rview *v = s->state;
	int cols = getmaxx(w), rows = getmaxy(w) - 4, n = v->doc.n, i;
	char buf[256];

	tui_box(w);
	draw_title(w, 0, 2, cols - 4, v->title);
	v->rows = rows;
	v->top = feeview_scroll(v->top, 0, n, rows);
	for (i = 0; i < rows && v->top + i < n; i++)
		draw_fit(w, 1 + i, 2, cols - 4, v->doc.lines[v->top + i].text,
		    TUI_NORMAL);
	if (n > rows)
		snprintf(buf, sizeof buf, _("%d-%d of %d lines; Up, Down, "
		    "PgUp, PgDn; Esc closes"), v->top + 1, v->top + i, n);
	else
		snprintf(buf, sizeof buf, "%s", _("Esc or Enter closes"));
	draw_fit(w, getmaxy(w) - 2, 2, cols - 4, buf, TUI_DIM);
}

static int
rview_action(struct screen *s, int act)
{
	struct rview *v = s->state;
	int rows = v->rows > 0 ? v->rows : 10;

	switch (act) {
	case RV_UP:
	case RV_DOWN:
		v->top = feeview_scroll(v->top, act == RV_UP ? -1 : 1,
		    v->doc.n, rows);
		break;
	case RV_PGUP:
	case RV_PGDN:
		v->top = feeview_scroll(v->top, act == RV_PGUP ? -rows : rows,
		    v->doc.n, rows);
		break;
	default:
		return UI_CLOSE;
	}
	return UI_REDRAW;
}

static const struct keybind rview_keys[] = {
	{ K_ESC, RV_CLOSE, N_("Close"), 0 },
	{ K_ENTER, RV_CLOSE, NULL, 0 },
	{ 'q', RV_CLOSE, NULL, 0 },
	{ K_UP, RV_UP, N_("Previous line"), KB_HELPONLY },
	{ 'k', RV_UP, NULL, 0 },
	{ K_DOWN, RV_DOWN, N_("Next line"), KB_HELPONLY },
	{ 'j', RV_DOWN, NULL, 0 },
	{ K_PGUP, RV_PGUP, N_("Previous page"), KB_HELPONLY },
	{ K_PGDN, RV_PGDN, N_("Next page"), KB_HELPONLY },
	{ ' ', RV_PGDN, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

static const struct screen_ops receipt_view_ops = {
	.name = "receipt",
	.title = N_("Receipt"),
	.help = N_("The receipt as it would be printed next (a reprint says "
	    "补打). Up, Down, PgUp and PgDn scroll; Esc closes."),
	.keys = rview_keys,
	.flags = SCREEN_OVERLAY,
	.open = rview_open,
	.draw = rview_draw,
	.action = rview_action,
	.size = rview_size,
	.close = rview_close,
};

/* ---- tables --------------------------------------------------------------- */

#define COUNTER_MOVE_KEYS                                                 \
	{ K_UP, CN_UP, N_("Previous row"), KB_HELPONLY },                 \
	{ K_DOWN, CN_DOWN, N_("Next row"), KB_HELPONLY },                 \
	{ K_PGUP, CN_PGUP, N_("Previous page"), KB_HELPONLY },            \
	{ K_PGDN, CN_PGDN, N_("Next page"), KB_HELPONLY },                \
	{ K_HOME, CN_HOME, N_("First row"), KB_HELPONLY },                \
	{ K_END, CN_END, N_("Last row"), KB_HELPONLY }

static const struct keybind counter_keys[] = {
	{ K_F(2), CN_PAY, N_("Pay"), 0 },
	{ K_CTRL('p'), CN_PAY, NULL, 0 },
	{ ' ', CN_TOGGLE, N_("Pick"), 0 },
	{ 'a', CN_ALL, N_("All/none"), 0 },
	{ K_TAB, CN_NEXT, N_("Next part"), 0 },
	{ K_BTAB, CN_PREV, N_("Previous part"), KB_HELPONLY },
	{ K_ENTER, CN_ENTER, N_("Find the house; on the bills: pay; on a "
	    "payment: its receipt"), KB_HELPONLY },
	{ K_F(3), CN_REPRINT, N_("Reprint"), 0 },
	{ 'p', CN_REPRINT, NULL, 0 },
	{ 'v', CN_VIEW, N_("Receipt"), 0 },
	{ K_F(8), CN_VOID, N_("Void"), 0 },
	{ 'x', CN_VOID, NULL, 0 },
	{ K_F(7), CN_LATE, N_("Late fee"), 0 },
	{ '/', CN_FIND, N_("Another house"), 0 },
	{ K_F(5), CN_REFRESH, N_("Read again"), KB_HELPONLY },
	{ K_CTRL('r'), CN_REFRESH, NULL, 0 },
	{ K_ESC, CN_BACK, N_("To the house field (again: back)"),
	    KB_HELPONLY },
	COUNTER_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

static const struct keybind counter_view_keys[] = {
	{ K_TAB, CN_NEXT, N_("Next part"), 0 },
	{ K_BTAB, CN_PREV, N_("Previous part"), KB_HELPONLY },
	{ K_ENTER, CN_ENTER, N_("Find the house; on a payment: its "
	    "receipt"), KB_HELPONLY },
	{ 'v', CN_VIEW, N_("Receipt"), 0 },
	{ '/', CN_FIND, N_("Another house"), 0 },
	{ K_F(5), CN_REFRESH, N_("Read again"), KB_HELPONLY },
	{ K_CTRL('r'), CN_REFRESH, NULL, 0 },
	{ K_ESC, CN_BACK, N_("To the house field (again: back)"),
	    KB_HELPONLY },
	COUNTER_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

#define COUNTER_HELP                                                      \
	N_("The counter (收银台). Type the house number (3-2-1502, "        \
	"3栋2单元1502 or its start) or an owner's name or phone and press " \
	"Enter. The open bills are listed oldest first, all picked: Space " \
	"picks or leaves out one, a picks all or none; the picked total "   \
	"follows. F2 (or Enter on the bills) takes the payment: the amount " \
	"starts as the picked total, less is a part payment settled oldest " \
	"first; the change is shown as the cash given is typed. The "       \
	"receipt is printed at once. Tab moves to the recent payments: F3 " \
	"reprints one (补打), v shows its receipt, F8 asks the director to " \
	"void it (红冲) with a reason. When late fees are on and one is "   \
	"due, F7 charges it as a bill line (滞纳金) before the payment. "    \
	"Typing anywhere starts the next "                                \
	"house; Esc goes back to the house field, then to the menu. Roles " \
	"that may only look see the same without the keys that pay.")

const struct screen_ops scr_counter_ops = {
	.name = "counter",
	.title = N_("Counter"),
	.help = COUNTER_HELP,
	.keys = counter_keys,
	.open = counter_open,
	.load = counter_load,
	.draw = counter_draw,
	.action = counter_action,
	.input = counter_input,
	.result = counter_result,
	.tick = counter_tick,
	.house = counter_house,
	.key_ok = counter_key_ok,
	.close = counter_close,
};

static const struct screen_ops counter_view_ops = {
	.name = "counter",
	.title = N_("Counter"),
	.help = COUNTER_HELP,
	.keys = counter_view_keys,
	.open = counter_open,
	.load = counter_load,
	.draw = counter_draw,
	.action = counter_action,
	.input = counter_input,
	.result = counter_result,
	.tick = counter_tick,
	.house = counter_house,
	.key_ok = counter_key_ok,
	.close = counter_close,
};
