/*
 * scr_arrears.c: arrears and reminders (欠费与催缴).  load() reads the
 * arrears as of today in one svc_arrears() call with the filters of F3
 * (building, item, least age); the list shows them by house, by building
 * or by item (Tab), the house rows through an index so that '/' (number or
 * owner) and sorting never copy a row; the list widget asks only for the
 * rows it shows, so thousands of houses page like ten.  Enter on a house
 * opens its reminder log; on a building or item it lists that one's houses.
 * The columns come from ui/model/feeview for the width there is.
 */
#include "ui/scr_arrears.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/model/feeview.h"
#include "ui/scr_counter.h"
#include "ui/scr_remind.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum arrears_action { AR_OPEN, AR_VIEW, AR_FILTERS, AR_MOST, AR_REFRESH,
	AR_PAY };

/* Dialogs and screens this one opens. */
enum { TAG_REMIND = 1, TAG_FKIND, TAG_FBUILDING, TAG_FITEM, TAG_FAGE };

/* The filter kinds F3 offers, in its order. */
enum { FK_BUILDING, FK_ITEM, FK_AGE, FK_CLEAR, FK_COUNT };

/* The least ages F3 offers, by enum age_bucket. */
static const char *const min_ages[AGE_COUNT] = {
	N_("Any age (every house that owes)"), N_("Past due over 30 days"),
	N_("Past due over 90 days"), N_("Past due over 180 days"),
};

static const char *const view_names[FV_VIEW_COUNT] = {
	N_("By house"), N_("By building"), N_("By fee item"),
};

struct arrears {
	struct app *app;
	enum feeview_view view;
	struct arrears_filter f;     /* F3 */
	char item_name[64];          /* the item filtered on, for the line */
	struct arrears_report r;
	int *order;                  /* house rows in the sort order */
	int *idx;                    /* ... those matching text */
	int nidx;
	char *text;                  /* the '/' filter */
	int sort_col, sort_desc;     /* enum feeview_col; FVC_HOUSE: none */
	struct fee_setup items;      /* for the item filter */
	struct feeview_cols fc;      /* laid out for fc_width */
	int fc_width, fc_view;
	struct list list;
	char cell[256];
};

/* ---- rows ------------------------------------------------------------------ */

/* The house of row i of the house view, or NULL. */
static const struct arrears_house *
house_at(const struct arrears *a, int i)
{
	return a->view == FV_BY_HOUSE && i >= 0 && i < a->nidx ?
	    &a->r.houses[a->idx[i]] : NULL;
}

/* The group of row i of a group view, or NULL. */
static const struct arrears_group *
group_at(const struct arrears *a, int i)
{
	if (a->view == FV_BY_BUILDING && i >= 0 && i < a->r.nbuildings)
		return &a->r.buildings[i];
	if (a->view == FV_BY_ITEM && i >= 0 && i < a->r.nitems)
		return &a->r.items[i];
	return NULL;
}

static int
row_count(void *ctx)
{
	const struct arrears *a = ctx;

	return a->view == FV_BY_HOUSE ? a->nidx : a->view == FV_BY_BUILDING ?
	    a->r.nbuildings : a->r.nitems;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct arrears *a = ctx;
	const struct arrears_house *h = house_at(a, row);
	const struct arrears_group *g = group_at(a, row);

	a->cell[0] = '\0';
	if (col < 0 || col >= a->fc.n)
		return a->cell;
	if (h != NULL)
		feeview_house_cell(a->cell, sizeof a->cell, h, a->fc.id[col]);
	else if (g != NULL)
		feeview_group_cell(a->cell, sizeof a->cell, g, a->view,
		    &a->r.total, a->fc.id[col]);
	return a->cell;
}

/* Keep the houses of the sort order that match the '/' text. */
static void
apply_text(struct arrears *a)
{
	int i;

	a->nidx = 0;
	for (i = 0; i < a->r.nhouses; i++)
		if (feeview_match(&a->r.houses[a->order[i]], a->text))
			a->idx[a->nidx++] = a->order[i];
}

static int
row_filter(void *ctx, const char *text)
{
	struct arrears *a = ctx;

	free(a->text);
	a->text = xstrdup(text);
	apply_text(a);
	return 0;
}

static int
row_sort(void *ctx, int col, int desc)
{
	struct arrears *a = ctx;

	if (a->view != FV_BY_HOUSE)
		return err_set(ERR_STATE, "%s", _("Only the list by house "
		    "can be sorted"));
	a->sort_col = col >= 0 && col < a->fc.n ? a->fc.id[col] : FVC_HOUSE;
	a->sort_desc = desc;
	feeview_sort(a->r.houses, a->order, a->r.nhouses, a->sort_col, desc);
	apply_text(a);
	return 0;
}

static const struct listmodel_ops arrears_list_ops = {
	.count = row_count, .cell = row_cell, .filter = row_filter,
	.sort = row_sort,
};

/* ---- open, load, close --------------------------------------------------- */

static int
arrears_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct arrears *a;
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_FEE_VIEW)) != 0)
		return rc;
	a = xcalloc(1, sizeof *a);
	a->app = s->app;
	a->text = xstrdup("");
	a->sort_col = FVC_HOUSE;
	a->f.min_age = AGE_0_30;
	a->fc_width = -1;
	list_init(&a->list, &arrears_list_ops, a, a->fc.col, 0,
	    _("No house owes anything: every bill due is paid"));
	s->state = a;
	return 0;
}

static int
arrears_load(struct screen *s)
{
	struct arrears *a = s->state;
	int rc;

	arrears_report_release(&a->r);
	FREE(&a->order);
	FREE(&a->idx);
	a->nidx = 0;
	if ((rc = svc_arrears(app_session(s->app), &a->f, &a->r)) != 0) {
		listmodel_reload(&a->list.m);
		return rc;
	}
	a->order = xcalloc((size_t)a->r.nhouses + 1, sizeof *a->order);
	a->idx = xcalloc((size_t)a->r.nhouses + 1, sizeof *a->idx);
	feeview_sort(a->r.houses, a->order, a->r.nhouses, a->sort_col,
	    a->sort_desc);
	apply_text(a);
	a->fc_width = -1; /* the money columns may need more room now */
	listmodel_reload(&a->list.m);
	return 0;
}

static void
arrears_close(struct screen *s)
{
	struct arrears *a = s->state;

	arrears_report_release(&a->r);
	fee_setup_release(&a->items);
	free(a->order);
	free(a->idx);
	free(a->text);
	list_release(&a->list);
	free(a);
}

/* ---- draw ------------------------------------------------------------------- */

/* "building 3  物业服务费  owing 91-180 days or longer": the filters in
 * words, into sb. */
static void
filters_text(const struct arrears *a, struct strbuf *sb)
{
	if (a->f.building > 0)
		strbuf_addf(sb, _("building %d"), a->f.building);
	if (a->f.item_id > 0)
		strbuf_addf(sb, "%s%s", sb->len > 0 ? "  " : "",
		    a->item_name);
	if (a->f.min_age > AGE_0_30 && a->f.min_age < AGE_COUNT)
		strbuf_addf(sb, "%s%s", sb->len > 0 ? "  " : "",
		    _(min_ages[a->f.min_age]));
}

/* The columns for this width and view (the list keeps its selection). */
static void
layout(struct arrears *a, int width)
{
	int i;

	if (a->fc_width == width && a->fc_view == (int)a->view)
		return;
	feeview_cols(&a->fc, a->view, width, feeview_max_fen(&a->r,
	    a->view));
	a->fc_width = width;
	a->fc_view = (int)a->view;
	a->list.m.cols = a->fc.col;
	a->list.m.ncols = a->fc.n;
	a->list.m.sort_col = -1;
	if (a->view == FV_BY_HOUSE) {
		for (i = 0; i < a->fc.n; i++)
			if (a->fc.id[i] == a->sort_col &&
			    a->sort_col != FVC_HOUSE)
				a->list.m.sort_col = i;
		a->list.m.sort_desc = a->sort_desc;
	}
}

static void
arrears_draw(struct screen *s, WINDOW *w)
{
	struct arrears *a = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), x = 2, i;
	char buf[256], amt[MONEY_BUFSZ];
	struct strbuf f = STRBUF_INIT;

	for (i = 0; i < FV_VIEW_COUNT; i++) {
		snprintf(buf, sizeof buf, i == (int)a->view ? "[%s]" : " %s ",
		    _(view_names[i]));
		if (x < cols - 2)
			x += draw_fit(w, 1, x, cols - 2 - x, buf,
			    i == (int)a->view ? TUI_TITLE : TUI_DIM) + 1;
	}
	snprintf(buf, sizeof buf, _("as of %s"), a->r.day);
	if (x + 2 < cols - 2)
		draw_fit(w, 1, x + 1, cols - 3 - x, buf, TUI_DIM);
	money_format(amt, sizeof amt, a->r.total.total_fen);
	snprintf(buf, sizeof buf, _("%d houses owe %s yuan"), a->r.nhouses,
	    amt);
	x = 2 + draw_fit(w, 2, 2, cols - 4, buf, TUI_NORMAL);
	filters_text(a, &f);
	if (f.len > 0 && x + 4 < cols - 2)
		draw_fit(w, 2, x + 3, cols - 5 - x, f.buf, TUI_INFO);
	layout(a, cols - 2);
	a->list.m.empty = f.len > 0 || a->r.nhouses > 0 ?
	    _("No arrears match these filters; F3 changes them") :
	    _("No house owes anything: every bill due is paid");
	list_draw(&a->list, w, 3, 1, rows - 3, cols - 2);
	strbuf_release(&f);
}

/* ---- keys ----------------------------------------------------------------- */

static const struct screen_ops arrears_group_ops;

/* Show view v; a group view has its own keys (Enter lists the houses). */
static void
set_view(struct screen *s, enum feeview_view v)
{
	struct arrears *a = s->state;

	a->view = v;
	s->ops = v == FV_BY_HOUSE ? &scr_arrears_ops : &arrears_group_ops;
}

/* Enter: a house's reminder log; a building's or item's houses. */
static int
open_row(struct screen *s)
{
	struct arrears *a = s->state;
	const struct arrears_house *h = house_at(a, a->list.m.sel);
	const struct arrears_group *g = group_at(a, a->list.m.sel);
	int64_t id;

	if (h != NULL) {
		id = h->house_id;
		app_push(s->app, &scr_remind_ops, &id, TAG_REMIND);
		return UI_REDRAW;
	}
	if (g == NULL)
		return UI_HANDLED;
	if (a->view == FV_BY_BUILDING)
		a->f.building = (int)g->key;
	else {
		a->f.item_id = g->key;
		snprintf(a->item_name, sizeof a->item_name, "%s", g->name);
	}
	set_view(s, FV_BY_HOUSE);
	listmodel_home(&a->list.m);
	return UI_RELOAD | UI_REDRAW;
}

/* F3: which filter to set. */
static int
ask_filter(struct screen *s)
{
	const char *kinds[FK_COUNT];

	kinds[FK_BUILDING] = _("Building");
	kinds[FK_ITEM] = _("Fee item");
	kinds[FK_AGE] = _("Owing at least this long");
	kinds[FK_CLEAR] = _("Clear the filters");
	dialog_choose(s->app, TAG_FKIND, _("Filter the arrears"), kinds,
	    FK_COUNT, 0);
	return UI_REDRAW;
}

/* The item filter: every item, "any" first. */
static int
ask_item(struct screen *s)
{
	struct arrears *a = s->state;
	const char **names;
	int i, rc, sel = 0;

	fee_setup_release(&a->items);
	if ((rc = svc_fee_setup(app_session(s->app), 1, &a->items)) != 0)
		return app_fail(s->app, rc);
	names = xcalloc((size_t)a->items.n + 1, sizeof *names);
	names[0] = _("Any");
	for (i = 0; i < a->items.n; i++) {
		names[i + 1] = a->items.v[i].item.name;
		if (a->items.v[i].item.id == a->f.item_id)
			sel = i + 1;
	}
	dialog_choose(s->app, TAG_FITEM, _("Fee item"), names, a->items.n + 1,
	    sel);
	free(names);
	return UI_REDRAW;
}

/* The least age: the four buckets. */
static int
ask_age(struct screen *s)
{
	struct arrears *a = s->state;
	const char *ages[AGE_COUNT];
	int i;

	for (i = 0; i < AGE_COUNT; i++)
		ages[i] = _(min_ages[i]);
	dialog_choose(s->app, TAG_FAGE, _("Owing at least this long"), ages,
	    AGE_COUNT, a->f.min_age);
	return UI_REDRAW;
}

/* o: most owed first, or back to the house number order. */
static int
most_first(struct screen *s)
{
	struct arrears *a = s->state;

	set_view(s, FV_BY_HOUSE);
	a->fc_width = -1;
	if (a->sort_col == FVC_TOTAL && a->sort_desc)
		a->sort_col = FVC_HOUSE;
	else
		a->sort_col = FVC_TOTAL;
	a->sort_desc = a->sort_col == FVC_TOTAL;
	feeview_sort(a->r.houses, a->order, a->r.nhouses, a->sort_col,
	    a->sort_desc);
	apply_text(a);
	listmodel_reload(&a->list.m);
	listmodel_home(&a->list.m);
	return UI_REDRAW;
}

/* c: the counter on the selected house. */
static int
pay(struct screen *s)
{
	struct arrears *a = s->state;
	const struct arrears_house *h = house_at(a, a->list.m.sel);
	int64_t id;

	if (h == NULL)
		return UI_HANDLED;
	id = h->house_id;
	app_push(s->app, &scr_counter_ops, &id, TAG_REMIND);
	return UI_REDRAW;
}

static int
arrears_action(struct screen *s, int act)
{
	struct arrears *a = s->state;

	switch (act) {
	case AR_OPEN:
		return open_row(s);
	case AR_VIEW:
		set_view(s, (a->view + 1) % FV_VIEW_COUNT);
		listmodel_reload(&a->list.m);
		listmodel_home(&a->list.m);
		return UI_REDRAW;
	case AR_FILTERS:
		return ask_filter(s);
	case AR_MOST:
		return most_first(s);
	case AR_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case AR_PAY:
		return pay(s);
	}
	return list_action(&a->list, s, act);
}

/* A filter kind was picked. */
static int
filter_kind(struct screen *s, int index)
{
	struct arrears *a = s->state;
	char num[16];

	switch (index) {
	case FK_BUILDING:
		num[0] = '\0';
		if (a->f.building > 0)
			snprintf(num, sizeof num, "%d", a->f.building);
		dialog_prompt(s->app, TAG_FBUILDING, _("Building"),
		    _("Building number (empty: every building)"), num,
		    LINEEDIT_DIGITS, 4);
		return UI_REDRAW;
	case FK_ITEM:
		return ask_item(s);
	case FK_AGE:
		return ask_age(s);
	}
	a->f.building = 0;
	a->f.item_id = 0;
	a->f.min_age = AGE_0_30;
	a->item_name[0] = '\0';
	return UI_RELOAD | UI_REDRAW;
}

static int
arrears_result(struct screen *s, int tag, const struct screen_answer *an)
{
	struct arrears *a = s->state;

	if (!an->ok)
		return UI_REDRAW;
	switch (tag) {
	case TAG_REMIND:
		return UI_RELOAD | UI_REDRAW;
	case TAG_FKIND:
		return filter_kind(s, an->index);
	case TAG_FBUILDING:
		a->f.building = an->text != NULL ? atoi(an->text) : 0;
		break;
	case TAG_FITEM:
		a->f.item_id = an->index > 0 && an->index <= a->items.n ?
		    a->items.v[an->index - 1].item.id : 0;
		snprintf(a->item_name, sizeof a->item_name, "%s",
		    a->f.item_id > 0 ? a->items.v[an->index - 1].item.name :
		    "");
		break;
	case TAG_FAGE:
		a->f.min_age = an->index >= 0 && an->index < AGE_COUNT ?
		    an->index : AGE_0_30;
		break;
	}
	set_view(s, FV_BY_HOUSE);
	listmodel_home(&a->list.m);
	return UI_RELOAD | UI_REDRAW;
}

static int64_t
arrears_house(struct screen *s)
{
	const struct arrears *a = s->state;
	const struct arrears_house *h = house_at(a, a->list.m.sel);

	return h != NULL ? h->house_id : 0;
}

static int
arrears_key_ok(struct screen *s, int act)
{
	const struct arrears *a = s->state;

	if (act == AR_OPEN)
		return a->list.m.sel >= 0;
	if (act == AR_PAY)
		return house_at(a, a->list.m.sel) != NULL &&
		    session_may(app_session(s->app), PERM_FEE_COLLECT);
	return 1;
}

/* The keys of every view after Enter. */
#define ARREARS_KEYS                                                      \
	{ K_F(6), AR_VIEW, N_("Next view"), 0 },                          \
	{ K_TAB, AR_VIEW, NULL, 0 },                                      \
	{ K_F(3), AR_FILTERS, N_("Filters"), 0 },                         \
	{ 'f', AR_FILTERS, NULL, 0 },                                     \
	{ K_F(7), AR_MOST, N_("Most owed first"), 0 },                    \
	{ 'o', AR_MOST, NULL, 0 }

static const struct keybind arrears_keys[] = {
	{ K_ENTER, AR_OPEN, N_("Reminders"), 0 },
	ARREARS_KEYS,
	{ 'c', AR_PAY, N_("Pay"), 0 },
	{ K_F(5), AR_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', AR_REFRESH, NULL, 0 },
	LIST_KEYS,
	{ 0, 0, NULL, 0 },
};

static const struct keybind arrears_group_keys[] = {
	{ K_ENTER, AR_OPEN, N_("Its houses"), 0 },
	ARREARS_KEYS,
	{ K_F(5), AR_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', AR_REFRESH, NULL, 0 },
	LIST_KEYS,
	{ 0, 0, NULL, 0 },
};

#define ARREARS_HELP N_("What each house owes as of today, by age: 0-30 " \
	"days (and not yet due), 31-90, 91-180 and over 180 days past due, " \
	"with the furthest reminder since its oldest bill fell due. Tab or " \
	"F6 adds them up by building and by fee item; Enter on a building " \
	"or item lists its houses. F3 filters by building, fee item and " \
	"age; / finds a house by number or owner; F7 puts the largest " \
	"debts first, s sorts by the next column. Enter on a house opens " \
	"its reminder log, where you log a call or visit and print the " \
	"reminder notice; c (Pay) opens the counter on it, for the " \
	"cashier. Water and electricity are never cut off to collect a " \
	"debt.")

const struct screen_ops scr_arrears_ops = {
	.name = "arrears",
	.title = N_("Arrears and reminders"),
	.help = ARREARS_HELP,
	.keys = arrears_keys,
	.open = arrears_open,
	.load = arrears_load,
	.draw = arrears_draw,
	.action = arrears_action,
	.result = arrears_result,
	.house = arrears_house,
	.key_ok = arrears_key_ok,
	.close = arrears_close,
};

static const struct screen_ops arrears_group_ops = {
	.name = "arrears",
	.title = N_("Arrears and reminders"),
	.help = ARREARS_HELP,
	.keys = arrears_group_keys,
	.open = arrears_open,
	.load = arrears_load,
	.draw = arrears_draw,
	.action = arrears_action,
	.result = arrears_result,
	.house = arrears_house,
	.key_ok = arrears_key_ok,
	.close = arrears_close,
};
