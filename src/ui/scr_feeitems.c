/*
 * scr_feeitems.c: the fee items list.  load() reads every item with its
 * standards (svc_fee_setup(), the inactive ones too); each row shows the
 * price in force today and since when, and the last period billed.  Enter
 * shows an item's price history; F2 adds an item, F3 changes one, F6 adds
 * a price (the forms are in scr_feeform.c and save through svc).
 */
#include "ui/scr_feeitems.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/fee.h"
#include "core/household.h"
#include "core/houseno.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/scr_feeform.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum feeitems_action { FI_HISTORY, FI_ADD, FI_EDIT, FI_PRICE, FI_REFRESH };

/* Forms this screen opens. */
enum { TAG_ITEM, TAG_PRICE };

enum { C_NAME, C_KIND, C_UNIT, C_APPLIES, C_ACTIVE, C_PRICE, C_SINCE,
	C_LAST, C_COUNT };

/* One item's cells, made by load(). */
struct fi_row {
	char *applies;                 /* 用途:住宅 楼栋:3 ... */
	char price[FEE_PRICE_BUFSZ];   /* in force today; "" none */
	char since[DATE_BUFSZ];
};

struct feeitems {
	struct fee_setup fs;
	struct fi_row *rows;
	struct listcol cols[C_COUNT];
	struct list list;
	char today[DATE_BUFSZ];
	char *select;                  /* select this name after load() */
};

/* ---- cells --------------------------------------------------------------------- */

/* The applicability as typed in the form: 全部, 用途:住宅, 楼栋:3,
 * 房号:3-2-1502 (what fee_applies_parse() reads in any language).
 * Caller frees. */
static char *
applies_text(const char *canonical)
{
	struct fee_applies *a = xmalloc(sizeof *a);
	struct strbuf sb;
	char no[HOUSENO_BUFSZ];
	const struct fee_rule *r;
	int i;

	strbuf_init(&sb);
	if (fee_applies_parse(canonical, a) != 0) {
		err_clear();
		strbuf_addf(&sb, "%s", canonical);
		a->n = 0;
	}
	for (i = 0; i < a->n; i++) {
		r = &a->rules[i];
		if (i > 0)
			strbuf_addf(&sb, " ");
		if (r->scope == FEE_SCOPE_ALL)
			strbuf_addf(&sb, "全部");
		else if (r->scope == FEE_SCOPE_USE)
			strbuf_addf(&sb, "用途:%s",
			    household_label(HH_HOUSE_USE, r->use));
		else if (r->scope == FEE_SCOPE_BUILDING)
			strbuf_addf(&sb, "楼栋:%d", r->building);
		else {
			houseno_format(no, sizeof no, &r->house);
			strbuf_addf(&sb, "房号:%s", no);
		}
	}
	free(a);
	return strbuf_detach(&sb, NULL);
}

static int
row_count(void *ctx)
{
	return ((struct feeitems *)ctx)->fs.n;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct feeitems *fi = ctx;
	const struct fee_setup_item *si = &fi->fs.v[row];
	const struct fi_row *r = &fi->rows[row];

	switch (col) {
	case C_NAME:
		return si->item.name;
	case C_KIND:
		return fee_label(FEE_SET_KIND, (int)si->item.kind);
	case C_UNIT:
		return si->item.unit;
	case C_APPLIES:
		return r->applies;
	case C_ACTIVE:
		return si->item.active ? _("yes") : _("no");
	case C_PRICE:
		return r->price;
	case C_SINCE:
		return r->since;
	}
	return si->last_billed;
}

static const struct listmodel_ops feeitems_list_ops = {
	.count = row_count, .cell = row_cell,
};

/* ---- open, load, draw, close ----------------------------------------------------- */

static void
free_rows(struct feeitems *fi)
{
	int i;

	for (i = 0; i < fi->fs.n; i++)
		free(fi->rows[i].applies);
	FREE(&fi->rows);
	fee_setup_release(&fi->fs);
}

static int
feeitems_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct feeitems *fi;
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_FEE_SETUP)) != 0)
		return rc;
	fi = xcalloc(1, sizeof *fi);
	fi->cols[C_NAME] = (struct listcol){ _("Fee item"), 14, 1,
	    TEXT_LEFT };
	fi->cols[C_KIND] = (struct listcol){ _("Charged"), 10, 0, TEXT_LEFT };
	fi->cols[C_UNIT] = (struct listcol){ _("Unit"), 4, 0, TEXT_LEFT };
	fi->cols[C_APPLIES] = (struct listcol){ _("Applies to"), 12, 3,
	    TEXT_LEFT };
	fi->cols[C_ACTIVE] = (struct listcol){ _("In use"), 4, 0, TEXT_LEFT };
	fi->cols[C_PRICE] = (struct listcol){ _("Price"), 8, 0, TEXT_RIGHT };
	fi->cols[C_SINCE] = (struct listcol){ _("Since"), 10, 0, TEXT_LEFT };
	fi->cols[C_LAST] = (struct listcol){ _("Last billed"), 8, 0,
	    TEXT_LEFT };
	list_init(&fi->list, &feeitems_list_ops, fi, fi->cols, C_COUNT,
	    _("No fee items"));
	s->state = fi;
	return 0;
}

static int
feeitems_load(struct screen *s)
{
	struct feeitems *fi = s->state;
	const struct fee_standard *sd;
	struct fd_date today;
	int i, rc;

	free_rows(fi);
	date_today(&today);
	date_format(fi->today, sizeof fi->today, &today);
	if ((rc = svc_fee_setup(app_session(s->app), 1, &fi->fs)) != 0)
		return rc;
	fi->rows = xcalloc((size_t)fi->fs.n + 1, sizeof *fi->rows);
	for (i = 0; i < fi->fs.n; i++) {
		fi->rows[i].applies = applies_text(fi->fs.v[i].item.applies);
		sd = fee_standard_at(fi->fs.v[i].std, fi->fs.v[i].nstd,
		    fi->today);
		if (sd == NULL)
			continue;
		fee_price_format(fi->rows[i].price, sizeof fi->rows[i].price,
		    sd->price_e4);
		snprintf(fi->rows[i].since, sizeof fi->rows[i].since, "%s",
		    sd->valid_from);
	}
	listmodel_reload(&fi->list.m);
	for (i = 0; fi->select != NULL && i < fi->fs.n; i++)
		if (strcmp(fi->fs.v[i].item.name, fi->select) == 0)
			listmodel_select(&fi->list.m, i);
	FREE(&fi->select);
	return 0;
}

static void
feeitems_draw(struct screen *s, WINDOW *w)
{
	struct feeitems *fi = s->state;

	list_draw(&fi->list, w, 1, 1, getmaxy(w) - 2, getmaxx(w) - 2);
	draw_fit(w, getmaxy(w) - 1, 2, getmaxx(w) - 4, _("Prices in force "
	    "today. Enter shows an item's price history."), TUI_DIM);
}

static void
feeitems_close(struct screen *s)
{
	struct feeitems *fi = s->state;

	free_rows(fi);
	list_release(&fi->list);
	free(fi->select);
	free(fi);
}

/* ---- actions ------------------------------------------------------------------- */

/* The selected item, or NULL (with a message). */
static const struct fee_setup_item *
selected(struct screen *s)
{
	struct feeitems *fi = s->state;

	if (fi->list.m.sel < 0 || fi->list.m.sel >= fi->fs.n) {
		app_fail(s->app, err_set(ERR_STATE, "%s", _("Select an item "
		    "first")));
		return NULL;
	}
	return &fi->fs.v[fi->list.m.sel];
}

/* What the price of item it is per (translated) into buf. */
static const char *
price_per(const struct fee_item *it, char *buf, size_t bufsz)
{
	switch (it->kind) {
	case FEE_AREA:
		return _("per square metre per month");
	case FEE_METERED:
		if (it->unit[0] == '\0')
			return _("per unit of the meter");
		snprintf(buf, bufsz, _("per %s"), it->unit);
		return buf;
	case FEE_FIXED:
		return _("per month");
	default:
		return _("each time");
	}
}

/* Enter: the item's prices, oldest first. */
static int
do_history(struct screen *s)
{
	const struct fee_setup_item *si = selected(s);
	struct strbuf sb;
	char price[FEE_PRICE_BUFSZ], title[160], per[64];
	int i;

	if (si == NULL)
		return UI_REDRAW;
	strbuf_init(&sb);
	strbuf_addf(&sb, _("Prices in yuan %s:"), price_per(&si->item, per,
	    sizeof per));
	for (i = 0; i < si->nstd; i++) {
		fee_price_format(price, sizeof price, si->std[i].price_e4);
		strbuf_addf(&sb, "\n  %s  %12s", si->std[i].valid_from, price);
	}
	if (si->nstd == 0)
		strbuf_addf(&sb, "\n  %s", _("none yet: the item is not billed "
		    "until it has a price"));
	strbuf_addf(&sb, "\n\n%s", si->last_billed[0] != '\0' ? "" :
	    _("Never billed."));
	if (si->last_billed[0] != '\0')
		strbuf_addf(&sb, _("Billed up to %s."), si->last_billed);
	snprintf(title, sizeof title, _("Prices of %s"), si->item.name);
	dialog_message(s->app, title, sb.buf);
	strbuf_release(&sb);
	return UI_REDRAW;
}

/* F2 and F3: the item form. */
static int
do_item(struct screen *s, int edit)
{
	const struct fee_setup_item *si = NULL;
	struct feeitem_arg a;
	char *applies = NULL;

	memset(&a, 0, sizeof a);
	if (edit) {
		if ((si = selected(s)) == NULL)
			return UI_REDRAW;
		applies = applies_text(si->item.applies);
		a.id = si->item.id;
		a.name = si->item.name;
		a.kind = (int)si->item.kind;
		a.unit = si->item.unit;
		a.applies = applies;
		a.active = si->item.active;
	}
	app_push(s->app, &scr_feeitem_form_ops, &a, TAG_ITEM);
	free(applies);
	return UI_REDRAW;
}

/* The first day a new price of si may start: after the last period
 * billed, and not before today's month. */
static void
first_day(const struct feeitems *fi, const struct fee_setup_item *si,
    char *buf, size_t bufsz)
{
	struct fd_period p, next;
	struct fd_date today, d;

	date_parse(fi->today, &today);
	date_period_of(&today, &p);
	if (si->last_billed[0] != '\0' &&
	    date_period_parse(si->last_billed, &next) == 0 &&
	    date_period_next(&next, &next) == 0 &&
	    date_period_cmp(&next, &p) > 0)
		p = next;
	date_period_first(&p, &d);
	date_format(buf, bufsz, &d);
}

/* F6: a new price for the selected item. */
static int
do_price(struct screen *s)
{
	struct feeitems *fi = s->state;
	const struct fee_setup_item *si = selected(s);
	struct feestd_arg a;
	char from[DATE_BUFSZ], per[64];

	if (si == NULL)
		return UI_REDRAW;
	if (si->item.kind == FEE_LATE)
		return app_fail(s->app, err_set(ERR_INVALID, "%s",
		    _("the late fee's rate is set with [fees] "
		    "late_fee_rate")));
	first_day(fi, si, from, sizeof from);
	memset(&a, 0, sizeof a);
	a.item_id = si->item.id;
	a.name = si->item.name;
	a.per = price_per(&si->item, per, sizeof per);
	a.from = from;
	a.price = fi->rows[fi->list.m.sel].price;
	app_push(s->app, &scr_feestd_form_ops, &a, TAG_PRICE);
	return UI_REDRAW;
}

static int
feeitems_action(struct screen *s, int act)
{
	struct feeitems *fi = s->state;

	switch (act) {
	case FI_HISTORY:
		return do_history(s);
	case FI_ADD:
		return do_item(s, 0);
	case FI_EDIT:
		return do_item(s, 1);
	case FI_PRICE:
		return do_price(s);
	case FI_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	}
	return list_action(&fi->list, s, act);
}

static int
feeitems_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct feeitems *fi = s->state;

	if (!a->ok)
		return UI_REDRAW;
	if (tag == TAG_ITEM && a->text != NULL) {
		free(fi->select);
		fi->select = xstrdup(a->text);
	}
	return UI_RELOAD | UI_REDRAW;
}

static const struct keybind feeitems_keys[] = {
	{ K_ENTER, FI_HISTORY, N_("Prices"), 0 },
	{ K_F(2), FI_ADD, N_("New item"), 0 },
	{ K_F(3), FI_EDIT, N_("Edit"), 0 },
	{ K_F(6), FI_PRICE, N_("New price"), 0 },
	{ K_F(5), FI_REFRESH, N_("Refresh"), KB_HELPONLY },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_feeitems_ops = {
	.name = "feeitems",
	.title = N_("Fee items and standards"),
	.help = N_("What is charged, to which houses, at what price from "
	    "when. Each row is a fee item: how it is charged, its unit, the "
	    "houses it applies to, whether it is still billed, the price in "
	    "force today and since when, and the last period billed. Enter "
	    "shows its price history. New item and Edit open the item's "
	    "form; New price adds a price from a day on (a price never "
	    "changes: bills already made keep theirs, so the day must come "
	    "after the last period billed)."),
	.keys = feeitems_keys,
	.open = feeitems_open,
	.load = feeitems_load,
	.draw = feeitems_draw,
	.action = feeitems_action,
	.result = feeitems_result,
	.close = feeitems_close,
};
