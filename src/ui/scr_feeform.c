/*
 * scr_feeform.c: the fee item form and the standard form, each a small box
 * over the fee items list.  Values are checked with the same core parsers
 * svc uses before svc is asked (fee_name_clean, fee_applies_parse,
 * date_parse, fee_price_parse), so most mistakes show beside their field;
 * what only svc knows (a name taken, a day inside a billed period) is
 * shown too, with the cursor put on the field it is about.
 */
#include "ui/scr_feeform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/fee.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum feeform_action { FF_SAVE, FF_ENTER };

/* The state of either form. */
struct feeform {
	struct form_field_def defs[6];
	struct formmodel fm;
	int64_t id;            /* the item edited, or the standard's item */
	char title[160];
	char note[200];        /* a line above the fields */
	char *name;            /* the item's name */
};

static void
feeform_close(struct screen *s)
{
	struct feeform *f = s->state;

	formmodel_release(&f->fm);
	free(f->name);
	free(f);
}

static void
feeform_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct feeform *f = s->state;

	*w = maxw < 70 ? maxw : 70;
	*h = f->fm.nfields + 5 < maxh ? f->fm.nfields + 5 : maxh;
}

static void
feeform_draw(struct screen *s, WINDOW *w)
{
	struct feeform *f = s->state;
	int cols = getmaxx(w);

	tui_box(w);
	draw_title(w, 0, 2, cols - 4, f->title);
	draw_fit(w, 1, 2, cols - 4, f->note, TUI_DIM);
	form_draw(&f->fm, w, 3, 2, getmaxy(w) - 4, cols - 4, s);
}

static int
feeform_input(struct screen *s, int key)
{
	return form_key(&((struct feeform *)s->state)->fm, s, key);
}

static int
feeform_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct feeform *)s->state)->fm);
}

/* svc refused: keep the form, the cursor on field i. */
static int
refused(struct screen *s, int i, int rc)
{
	struct feeform *f = s->state;

	formmodel_fail(&f->fm, i, rc);
	return app_fail(s->app, rc);
}

/* ---- the fee item form -------------------------------------------------------- */

enum { I_NAME, I_KIND, I_UNIT, I_APPLIES, I_ACTIVE, I_COUNT };

/* The kinds an item may be given (not the built-in late fee). */
static const char *const kind_choices[] = {
	N_("Per m2 per month"), N_("Metered"), N_("Fixed per month"),
	N_("One-off"), NULL,
};

static int
check_name(const char *text, void *arg)
{
	char *out = NULL;
	int rc = fee_name_clean(text, &out);

	(void)arg;
	free(out);
	return rc;
}

static int
check_applies(const char *text, void *arg)
{
	struct fee_applies *a = xmalloc(sizeof *a);
	int rc = fee_applies_parse(text, a);

	(void)arg;
	free(a);
	return rc;
}

static const struct form_field_def item_fields[I_COUNT] = {
	[I_NAME] = { .label = N_("Item name"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = FEE_NAME_MAX, .width = 24,
		.validate = check_name, .hint = N_("e.g. 电费") },
	[I_KIND] = { .label = N_("Charged"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = kind_choices },
	[I_UNIT] = { .label = N_("Unit"), .kind = FORM_TEXT,
		.maxchars = FEE_UNIT_MAX, .width = 12,
		.hint = N_("e.g. 吨, 度") },
	[I_APPLIES] = { .label = N_("Applies to"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 200, .width = 40,
		.validate = check_applies,
		.hint = N_("全部, 用途:住宅, 楼栋:3, 房号:3-2-1502") },
	[I_ACTIVE] = { .label = N_("Still billed"), .kind = FORM_CHECKBOX },
};

static int
item_open(struct screen *s, void *arg)
{
	const struct feeitem_arg *a = arg;
	struct feeform *f = xcalloc(1, sizeof *f);
	int n = a->id != 0 ? I_COUNT : I_ACTIVE;

	memcpy(f->defs, item_fields, sizeof item_fields);
	f->id = a->id;
	if (a->id != 0) /* the kind is shown, never changed */
		f->defs[I_KIND] = (struct form_field_def){ .label =
		    N_("Charged"), .kind = FORM_TEXT, .flags = FORM_READONLY,
		    .width = 12 };
	formmodel_init(&f->fm, f->defs, n, f);
	if (a->id != 0) {
		formmodel_set(&f->fm, I_NAME, a->name);
		formmodel_set(&f->fm, I_KIND, fee_label(FEE_SET_KIND,
		    a->kind));
		formmodel_set(&f->fm, I_UNIT, a->unit);
		formmodel_set(&f->fm, I_APPLIES, a->applies);
		formmodel_set_choice(&f->fm, I_ACTIVE, a->active);
		snprintf(f->title, sizeof f->title, _("Edit %s"), a->name);
		snprintf(f->note, sizeof f->note, "%s", _("The kind never "
		    "changes; an item no longer billed keeps its history."));
	} else {
		formmodel_set_choice(&f->fm, I_KIND, 0);
		formmodel_set(&f->fm, I_APPLIES, "全部");
		snprintf(f->title, sizeof f->title, "%s", _("New fee item"));
		snprintf(f->note, sizeof f->note, "%s", _("Give it a price "
		    "afterwards (F6) before it is billed."));
	}
	formmodel_mark_clean(&f->fm);
	s->state = f;
	s->title = f->title;
	return 0;
}

/* Ctrl-S: add or change the item. */
static int
item_save(struct screen *s)
{
	struct feeform *f = s->state;
	struct fee_item_in in;
	char *v[I_COUNT];
	int i, rc, bits;

	if ((rc = formmodel_validate(&f->fm)) != 0)
		return app_fail(s->app, rc);
	for (i = 0; i < I_COUNT; i++)
		v[i] = i < f->fm.nfields ? formmodel_value(&f->fm, i) :
		    xstrdup("");
	memset(&in, 0, sizeof in);
	in.name = v[I_NAME];
	in.kind = f->id != 0 ? NULL : fee_code(FEE_SET_KIND,
	    formmodel_choice(&f->fm, I_KIND));
	in.unit = v[I_UNIT];
	in.applies = v[I_APPLIES];
	in.active = f->id != 0 ? formmodel_choice(&f->fm, I_ACTIVE) : 1;
	rc = f->id != 0 ? svc_fee_item_edit(app_session(s->app), f->id, &in) :
	    svc_fee_item_add(app_session(s->app), &in, NULL);
	if (rc != 0)
		bits = refused(s, rc == ERR_CONFLICT || rc == ERR_NOTFOUND ?
		    I_NAME : f->fm.cur, rc);
	else {
		app_info(s->app, f->id != 0 ? _("%s saved.") : _("%s added; "
		    "give it a price with F6."), v[I_NAME]);
		formmodel_mark_clean(&f->fm);
		bits = screen_answer(s, 1, 0, v[I_NAME]);
	}
	for (i = 0; i < I_COUNT; i++)
		free(v[i]);
	return bits;
}

static int
item_action(struct screen *s, int act)
{
	struct feeform *f = s->state;

	if (act == FF_ENTER && f->fm.cur != f->fm.nfields - 1)
		return form_key(&f->fm, s, K_ENTER);
	return item_save(s);
}

/* ---- the standard form ------------------------------------------------------------ */

enum { S_FROM, S_PRICE, S_COUNT };

static int
check_day(const char *text, void *arg)
{
	struct fd_date d;

	(void)arg;
	return date_parse(text, &d);
}

static int
check_price(const char *text, void *arg)
{
	int64_t e4;

	(void)arg;
	return fee_price_parse(text, &e4);
}

static const struct form_field_def std_fields[S_COUNT] = {
	[S_FROM] = { .label = N_("Valid from"), .kind = FORM_DATE,
		.flags = FORM_REQUIRED, .maxchars = 10, .width = 12,
		.validate = check_day, .hint = N_("YYYY-MM-DD") },
	[S_PRICE] = { .label = N_("Price (yuan)"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 16, .width = 12,
		.filter = LINEEDIT_MONEY, .validate = check_price },
};

static int
std_open(struct screen *s, void *arg)
{
	const struct feestd_arg *a = arg;
	struct feeform *f = xcalloc(1, sizeof *f);

	memcpy(f->defs, std_fields, sizeof std_fields);
	f->id = a->item_id;
	f->name = xstrdup(a->name);
	formmodel_init(&f->fm, f->defs, S_COUNT, f);
	formmodel_set(&f->fm, S_FROM, a->from);
	formmodel_mark_clean(&f->fm);
	formmodel_focus(&f->fm, S_PRICE);
	snprintf(f->title, sizeof f->title, _("New price of %s"), a->name);
	if (a->price[0] != '\0')
		snprintf(f->note, sizeof f->note, _("Price %s, now %s."),
		    a->per, a->price);
	else
		snprintf(f->note, sizeof f->note, _("Price %s; none yet."),
		    a->per);
	s->state = f;
	s->title = f->title;
	return 0;
}

/* Ctrl-S: add the standard. */
static int
std_save(struct screen *s)
{
	struct feeform *f = s->state;
	char *from, *price, shown[FEE_PRICE_BUFSZ];
	int64_t e4 = 0;
	int rc, bits;

	if ((rc = formmodel_validate(&f->fm)) != 0)
		return app_fail(s->app, rc);
	from = formmodel_value(&f->fm, S_FROM);
	price = formmodel_value(&f->fm, S_PRICE);
	rc = svc_fee_standard_add(app_session(s->app), f->id, from, price);
	if (rc != 0)
		bits = refused(s, S_FROM, rc);
	else {
		fee_price_parse(price, &e4);
		fee_price_format(shown, sizeof shown, e4);
		app_info(s->app, _("%s: %s yuan from %s on."), f->name, shown,
		    from);
		formmodel_mark_clean(&f->fm);
		bits = screen_answer(s, 1, 0, NULL);
	}
	free(from);
	free(price);
	return bits;
}

static int
std_action(struct screen *s, int act)
{
	struct feeform *f = s->state;

	if (act == FF_ENTER && f->fm.cur != f->fm.nfields - 1)
		return form_key(&f->fm, s, K_ENTER);
	return std_save(s);
}

/* ---- tables -------------------------------------------------------------------------- */

static const struct keybind feeform_keys[] = {
	{ K_CTRL('s'), FF_SAVE, N_("Save"), 0 },
	{ K_ENTER, FF_ENTER, N_("Next field / save"), 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_feeitem_form_ops = {
	.name = "feeitem-form",
	.title = N_("Fee item"),
	.help = N_("A fee item: its name, how it is charged (by the floor "
	    "area per month, by a meter, a fixed amount per month, or once "
	    "on request), the unit of a meter (吨, 度), and which houses pay "
	    "it: 全部 (all), 用途:住宅 (houses of a use: 住宅, 商铺, 车位, "
	    "储藏室), 楼栋:3 (a building) or 房号:3-2-1502 (one house), "
	    "several separated by blanks. An item no longer billed keeps its "
	    "bills and prices. Enter moves on and saves on the last field."),
	.keys = feeform_keys,
	.flags = SCREEN_OVERLAY,
	.open = item_open,
	.draw = feeform_draw,
	.action = item_action,
	.input = feeform_input,
	.size = feeform_size,
	.dirty = feeform_dirty,
	.close = feeform_close,
};

const struct screen_ops scr_feestd_form_ops = {
	.name = "feestd-form",
	.title = N_("New price"),
	.help = N_("A new standard (收费标准): the price from a day on. A "
	    "price never changes: a new price is a new standard, and bills "
	    "already made keep the price they were made with, so the day "
	    "must come after the last period billed. Enter moves on and "
	    "saves on the last field."),
	.keys = feeform_keys,
	.flags = SCREEN_OVERLAY,
	.open = std_open,
	.draw = feeform_draw,
	.action = std_action,
	.input = feeform_input,
	.size = feeform_size,
	.dirty = feeform_dirty,
	.close = feeform_close,
};
