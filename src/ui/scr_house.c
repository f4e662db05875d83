/*
 * scr_house.c: the house detail.  load() reads the house with everything
 * about it in one snapshot (svc_house_detail); draw() lays it out with
 * ui/model/housedoc for the width it has and paints the lines it shows.
 * Up and Down select the people and visits; Enter opens the selected one,
 * the other keys act on it or on the house.  Every change goes through a
 * form or a svc call, and a reveal through svc_reveal (audited); revealed
 * numbers stay in full while the screen is open.  Roles that see fees get
 * the house's bills and payments too (svc_house_fees), read in the same
 * load.
 */
#include "ui/scr_house.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/session.h"
#include "svc/svc_fee.h"
#include "svc/svc_owner.h"
#include "svc/svc_request.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/model/housedoc.h"
#include "ui/model/housesel.h"
#include "ui/scr_counter.h"
#include "ui/scr_grid.h"
#include "ui/scr_houseform.h"
#include "ui/scr_moveout.h"
#include "ui/scr_occform.h"
#include "ui/scr_ownerform.h"
#include "ui/scr_reqdetail.h"
#include "ui/scr_reqform.h"
#include "ui/scr_transfer.h"
#include "ui/scr_visits.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

enum house_action { HS_OPEN, HS_EDIT, HS_NEW, HS_OWNER, HS_OCCUPANT,
	HS_TRANSFER, HS_REVEAL, HS_END, HS_GRID, HS_REFRESH, HS_UP, HS_DOWN,
	HS_PGUP, HS_PGDN, HS_TOP, HS_BOTTOM, HS_REQUEST, HS_PAY };

/* Dialogs and forms this screen opens. */
enum { TAG_CHANGED = 1, TAG_NEW, TAG_REVEAL };

/* The most numbers one person has. */
#define FIELDS_MAX 4

struct housescr {
	int64_t id;
	int editor;               /* the role may change the records */
	struct house_detail d;
	struct house_fees fees;   /* for roles that see fees */
	int has_fees;             /* fees is read */
	struct request_list reqs; /* the newest, for roles that see them */
	int has_reqs;             /* reqs is read */
	struct hd_item *items;    /* owners, occupants, visits ... */
	int nitems;
	int sel;                  /* selected item, -1 for none */
	int top;                  /* first line shown */
	int page;                 /* lines shown at the last draw */
	enum housesel_scroll follow; /* at the next draw */
	struct hd_reveal *rev;    /* numbers revealed here */
	int nrev;
	enum reveal_field fields[FIELDS_MAX]; /* the reveal menu's entries */
	int nfields;
	int target;               /* the item a dialog is about */
	char title[64];
};

/* ---- the selected item -------------------------------------------------- */

/* Item k, or NULL. */
static const struct hd_item *
item(const struct housescr *h, int k)
{
	return k >= 0 && k < h->nitems ? &h->items[k] : NULL;
}

/* ---- open, load, close ----------------------------------------------------- */

static const struct screen_ops house_view_ops;

static int
house_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct housescr *h;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_OWNER_VIEW)) != 0)
		return rc;
	h = xcalloc(1, sizeof *h);
	h->id = *(const int64_t *)arg;
	h->editor = session_may(ss, PERM_OWNER_EDIT);
	h->sel = -1;
	h->follow = HOUSESEL_FOLLOW;
	/* a role that only reads gets the table without the changing keys */
	if (!h->editor)
		s->ops = &house_view_ops;
	s->state = h;
	return 0;
}

/* The newest service requests of the house, for roles that see them. */
static int
load_requests(struct screen *s)
{
	struct housescr *h = s->state;
	struct request_query q;
	int rc;

	if (!session_may(app_session(s->app), PERM_REQUEST_VIEW))
		return 0;
	memset(&q, 0, sizeof q);
	q.queue = REQ_Q_HOUSE;
	q.house_id = h->id;
	q.type = q.state = q.dept = -1;
	if ((rc = svc_request_queue(app_session(s->app), &q, HD_REQUESTS, 0,
	    &h->reqs)) != 0)
		return rc;
	h->has_reqs = 1;
	return 0;
}

static int
house_load(struct screen *s)
{
	struct housescr *h = s->state;
	const struct hd_item *old = item(h, h->sel);
	enum hd_kind kind = old != NULL ? old->kind : HD_OWNER;
	int64_t rid = housesel_id(&h->d, old);
	int rc, k;

	free(h->items);
	h->items = NULL;
	h->nitems = 0;
	house_detail_release(&h->d);
	if (h->has_fees)
		house_fees_release(&h->fees);
	h->has_fees = 0;
	request_list_release(&h->reqs);
	h->has_reqs = 0;
	if ((rc = svc_house_detail(app_session(s->app), h->id, &h->d)) != 0)
		return rc;
	if (session_may(app_session(s->app), PERM_FEE_VIEW)) {
		if ((rc = svc_house_fees(app_session(s->app), h->id,
		    &h->fees)) != 0)
			return rc;
		h->has_fees = 1;
	}
	if ((rc = load_requests(s)) != 0)
		return rc;
	h->nitems = housedoc_items(&h->d, h->has_reqs ? &h->reqs : NULL,
	    &h->items);
	snprintf(h->title, sizeof h->title, _("House %s"), h->d.house.code);
	s->title = h->title;
	if ((k = housesel_find(&h->d, h->items, h->nitems, kind, rid)) >= 0)
		h->sel = k;
	if (h->sel >= h->nitems)
		h->sel = h->nitems - 1;
	if (h->sel < 0 && h->nitems > 0)
		h->sel = 0;
	return 0;
}

static void
house_close(struct screen *s)
{
	struct housescr *h = s->state;

	house_detail_release(&h->d);
	if (h->has_fees)
		house_fees_release(&h->fees);
	request_list_release(&h->reqs);
	free(h->items);
	free(h->rev);
	free(h);
}

/* ---- draw ------------------------------------------------------------------ */

/* Paint line l of doc on row y. */
static void
draw_line(WINDOW *w, int y, int cols, const struct housescr *h,
    const struct hd_line *l)
{
	enum tui_style st = l->style == HD_DIM ? TUI_DIM :
	    l->style == HD_HEADING || l->style == HD_FACTS ? TUI_TITLE :
	    TUI_NORMAL;
	int used;

	if (l->item >= 0 && l->item == h->sel)
		st = TUI_SELECTED;
	if (l->style != HD_HEADING) {
		draw_text(w, y, 1, cols - 2, l->text, st, TEXT_LEFT);
		return;
	}
	used = draw_fit(w, y, 1, cols - 2, l->text, st);
	if (used + 2 < cols - 2)
		tui_hline(w, y, used + 2, cols - used - 3);
}

static void
house_draw(struct screen *s, WINDOW *w)
{
	struct housescr *h = s->state;
	int cols = getmaxx(w), rows = getmaxy(w) - 2, i;
	struct hd_doc doc;
	char buf[128];

	housedoc_build(&doc, &h->d, h->items, h->nitems, h->rev, h->nrev,
	    cols - 2, h->editor, h->has_fees ? &h->fees : NULL,
	    h->has_reqs ? &h->reqs : NULL);
	h->page = rows;
	housesel_scroll(&doc, rows, h->follow, &h->top, &h->sel);
	h->follow = HOUSESEL_KEEP;
	for (i = 0; i < rows && h->top + i < doc.n; i++)
		draw_line(w, 1 + i, cols, h, &doc.lines[h->top + i]);
	if (doc.n > rows) {
		snprintf(buf, sizeof buf, _("lines %d-%d of %d"), h->top + 1,
		    h->top + i, doc.n);
		draw_text(w, rows + 1, 1, cols - 2, buf, TUI_DIM, TEXT_RIGHT);
	}
	housedoc_release(&doc);
}

/* ---- moving ---------------------------------------------------------------- */

/* Up and Down select items (past the ends they scroll the rest into
 * view); pages and ends scroll, and select what comes into view. */
static int
navigate(struct housescr *h, int act)
{
	int page = h->page > 2 ? h->page - 2 : 1;

	h->follow = HOUSESEL_FOLLOW;
	switch (act) {
	case HS_UP:
		if (h->sel > 0)
			h->sel--;
		else {
			h->top = 0;
			h->follow = HOUSESEL_KEEP;
		}
		break;
	case HS_DOWN:
		if (h->sel + 1 < h->nitems)
			h->sel++;
		else {
			h->top += page;
			h->follow = HOUSESEL_KEEP;
		}
		break;
	case HS_PGUP:
		h->top = h->top > page ? h->top - page : 0;
		h->follow = HOUSESEL_PICK;
		break;
	case HS_PGDN:
		h->top += page;
		h->follow = HOUSESEL_PICK;
		break;
	case HS_TOP:
		h->top = 0;
		h->sel = h->nitems > 0 ? 0 : -1;
		h->follow = HOUSESEL_KEEP;
		break;
	default:
		h->top = 1 << 20;
		h->follow = HOUSESEL_PICK;
	}
	return UI_REDRAW;
}

/* ---- cards ----------------------------------------------------------------- */

/* One person whole, numbers masked or revealed, for roles that read. */
static int
show_person(struct screen *s, const struct hd_item *it)
{
	struct housescr *h = s->state;
	struct strbuf sb = STRBUF_INIT;

	housesel_card(&sb, &h->d, it, h->rev, h->nrev);
	dialog_message(s->app, housesel_owner(&h->d, it) != NULL ?
	    _("Owner") : _("Occupant"), sb.buf);
	strbuf_release(&sb);
	return UI_REDRAW;
}

/* Enter: a form for a person (or a card for a role that reads), a visit
 * whole. */
static int
open_item(struct screen *s)
{
	struct housescr *h = s->state;
	const struct hd_item *it = item(h, h->sel);
	struct ownerform_arg oa = { 0, h->id };
	struct occform_arg ca = { 0, h->id, 0 };

	if (it == NULL)
		return UI_HANDLED;
	if (it->kind == HD_VISIT) {
		scr_visits_show(s->app, &h->d.visits.v[it->i]);
		return UI_REDRAW;
	}
	if (it->kind == HD_REQUEST) {
		app_push(s->app, &scr_reqdetail_ops, &h->reqs.v[it->i].id,
		    TAG_CHANGED);
		return UI_REDRAW;
	}
	if (!h->editor)
		return show_person(s, it);
	if (housesel_owner(&h->d, it) != NULL) {
		oa.owner_id = housesel_owner(&h->d, it)->id;
		app_push(s->app, &scr_ownerform_ops, &oa, TAG_CHANGED);
	} else {
		ca.occupant_id = housesel_occupant(&h->d, it)->id;
		app_push(s->app, &scr_occform_ops, &ca, TAG_CHANGED);
	}
	return UI_REDRAW;
}

/* ---- reveal ---------------------------------------------------------------- */

/* The label of a number in the reveal menu. */
static const char *
field_label(enum reveal_field f)
{
	switch (f) {
	case REVEAL_ID_NO:
		return _("ID number");
	case REVEAL_PHONE:
		return _("Phone");
	case REVEAL_PHONE2:
		return _("Second phone");
	default:
		return _("Emergency contact's phone");
	}
}

/* Reveal one number of the person of item it (svc audits it). */
static int
reveal(struct screen *s, const struct hd_item *it, enum reveal_field f)
{
	struct housescr *h = s->state;
	const struct owner *o = housesel_owner(&h->d, it);
	struct hd_reveal r;
	int rc;

	memset(&r, 0, sizeof r);
	r.whose = o != NULL ? REVEAL_OWNER : REVEAL_OCCUPANT;
	r.id = housesel_id(&h->d, it);
	r.field = f;
	if ((rc = svc_reveal(app_session(s->app), r.whose, r.id, f, r.value,
	    sizeof r.value)) != 0)
		return app_fail(s->app, rc);
	h->rev = xreallocarray(h->rev, (size_t)h->nrev + 1, sizeof *h->rev);
	h->rev[h->nrev++] = r;
	app_info(s->app, _("%s of %s shown in full; the audit log records "
	    "that you looked."), field_label(f), o != NULL ? o->name :
	    housesel_occupant(&h->d, it)->name);
	return UI_REDRAW;
}

/* F7: reveal a number of the selected person: at once when there is one,
 * else after asking which (or all). */
static int
ask_reveal(struct screen *s)
{
	struct housescr *h = s->state;
	const struct hd_item *it = item(h, h->sel);
	const struct owner *o = housesel_owner(&h->d, it);
	const struct occupant *oc = housesel_occupant(&h->d, it);
	const char *labels[FIELDS_MAX + 1];
	char texts[FIELDS_MAX][128], num[64];
	int i;

	if (o == NULL && oc == NULL)
		return app_fail(s->app, err_set(ERR_STATE, "%s", _("Select an "
		    "owner or occupant whose number you need")));
	h->nfields = housesel_numbers(&h->d, it, h->fields, FIELDS_MAX);
	if (h->nfields == 0)
		return app_fail(s->app, err_set(ERR_NOTFOUND, "%s",
		    _("No ID or phone number is on file for this person")));
	h->target = h->sel;
	if (h->nfields == 1)
		return reveal(s, it, h->fields[0]);
	for (i = 0; i < h->nfields; i++) {
		housedoc_number(num, sizeof num, housesel_raw(&h->d, it,
		    h->fields[i]), h->fields[i] != REVEAL_ID_NO,
		    o != NULL ? REVEAL_OWNER : REVEAL_OCCUPANT, housesel_id(&h->d, it),
		    h->fields[i], h->rev, h->nrev);
		snprintf(texts[i], sizeof texts[i], "%s  %s",
		    field_label(h->fields[i]), num);
		labels[i] = texts[i];
	}
	labels[i] = _("All of them");
	dialog_choose(s->app, TAG_REVEAL, _("Show which number in full? "
	    "(recorded in the audit log)"), labels, h->nfields + 1, 0);
	return UI_REDRAW;
}

/* ---- ending a stay or a share -------------------------------------------- */

/* F8: move the selected occupant out, or end a joint owner's share. */
static int
ask_end(struct screen *s)
{
	struct housescr *h = s->state;
	const struct hd_item *it = item(h, h->sel);
	struct moveout_arg a = { 0, 0, 0, h->id, NULL, NULL };

	if (it != NULL && it->kind == HD_OCCUPANT) {
		a.id = h->d.occupants.v[it->i].id;
		a.version = h->d.occupants.v[it->i].version;
		a.name = h->d.occupants.v[it->i].name;
		a.since = h->d.occupants.v[it->i].since;
	} else if (it != NULL && it->kind == HD_OWNER) {
		a.holding = 1;
		a.id = h->d.owners.v[it->i].h.id;
		a.name = h->d.owners.v[it->i].o.name;
		a.since = h->d.owners.v[it->i].h.since;
	} else
		return app_fail(s->app, err_set(ERR_STATE, "%s", _("Select a "
		    "current occupant to move out, or a joint owner who "
		    "leaves")));
	app_push(s->app, &scr_moveout_ops, &a, TAG_CHANGED);
	return UI_REDRAW;
}

/* ---- keys ------------------------------------------------------------------ */

/* Open a form about this house. */
static int
push(struct screen *s, const struct screen_ops *ops, void *arg)
{
	app_push(s->app, ops, arg, TAG_CHANGED);
	return UI_REDRAW;
}

/* Run action act of the house (not of the selected item). */
static int
house_do(struct screen *s, int act)
{
	struct housescr *h = s->state;
	struct ownerform_arg oa = { 0, h->id };
	struct occform_arg ca = { 0, h->id, REL_FAMILY };
	const char *items[3];

	switch (act) {
	case HS_EDIT:
		return push(s, &scr_houseform_ops, &h->id);
	case HS_OWNER:
		return push(s, &scr_ownerform_ops, &oa);
	case HS_OCCUPANT:
		return push(s, &scr_occform_ops, &ca);
	case HS_TRANSFER:
		return push(s, &scr_transfer_ops, &h->id);
	case HS_GRID:
		app_push(s->app, &scr_grid_ops, &h->id, 0);
		return UI_REDRAW;
	case HS_PAY:
		app_push(s->app, &scr_counter_ops, &h->id, TAG_CHANGED);
		return UI_REDRAW;
	}
	items[0] = _("Add an owner (joint owner, or a house without one)");
	items[1] = _("Add an occupant (family or tenant)");
	items[2] = _("Transfer of ownership (过户: the house was sold)");
	dialog_choose(s->app, TAG_NEW, _("New"), items, 3, 0);
	return UI_REDRAW;
}

/* F9: register a service request about this house (its owner filled
 * in). */
static int
new_request(struct screen *s)
{
	struct housescr *h = s->state;
	struct reqform_arg ra = { h->id, 0 };

	app_push(s->app, &scr_reqform_ops, &ra, TAG_CHANGED);
	return UI_REDRAW;
}

static int
house_action(struct screen *s, int act)
{
	switch (act) {
	case HS_OPEN:
		return open_item(s);
	case HS_REVEAL:
		return ask_reveal(s);
	case HS_END:
		return ask_end(s);
	case HS_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case HS_REQUEST:
		return new_request(s);
	case HS_UP:
	case HS_DOWN:
	case HS_PGUP:
	case HS_PGDN:
	case HS_TOP:
	case HS_BOTTOM:
		return navigate(s->state, act);
	}
	return house_do(s, act);
}

/* The reveal menu answered: one number, or all of them. */
static int
revealed(struct screen *s, int index)
{
	struct housescr *h = s->state;
	const struct hd_item *it = item(h, h->target);
	int i, bits = UI_REDRAW;

	if (it == NULL || index < 0 || index > h->nfields)
		return UI_REDRAW;
	if (index < h->nfields)
		return reveal(s, it, h->fields[index]);
	for (i = 0; i < h->nfields && !(bits & UI_HANDLED); i++)
		bits = reveal(s, it, h->fields[i]);
	return bits;
}

static int
house_result(struct screen *s, int tag, const struct screen_answer *a)
{
	if (!a->ok)
		return UI_REDRAW;
	switch (tag) {
	case TAG_NEW:
		return house_do(s, a->index == 0 ? HS_OWNER :
		    a->index == 1 ? HS_OCCUPANT : HS_TRANSFER);
	case TAG_REVEAL:
		return revealed(s, a->index);
	}
	screen_answer(s, 1, 0, NULL); /* the screen below looks again */
	return UI_RELOAD | UI_REDRAW;
}

/* Pay only for a role that takes money. */
static int
house_key_ok(struct screen *s, int act)
{
	return act != HS_PAY || session_may(app_session(s->app),
	    PERM_FEE_COLLECT);
}

static int64_t
house_house(struct screen *s)
{
	return ((struct housescr *)s->state)->id;
}

/* ---- tables ---------------------------------------------------------------- */

#define HOUSE_MOVE_KEYS                                                   \
	{ K_UP, HS_UP, N_("Previous"), KB_HELPONLY },                      \
	{ 'k', HS_UP, NULL, 0 },                                          \
	{ K_DOWN, HS_DOWN, N_("Next"), KB_HELPONLY },                      \
	{ 'j', HS_DOWN, NULL, 0 },                                        \
	{ K_PGUP, HS_PGUP, N_("Previous page"), KB_HELPONLY },            \
	{ K_PGDN, HS_PGDN, N_("Next page"), KB_HELPONLY },                \
	{ K_HOME, HS_TOP, N_("Top"), KB_HELPONLY },                       \
	{ K_END, HS_BOTTOM, N_("Bottom"), KB_HELPONLY }

static const struct keybind house_keys[] = {
	{ K_ENTER, HS_OPEN, N_("Open"), 0 },
	{ K_F(2), HS_NEW, N_("New"), 0 },
	{ 'n', HS_NEW, NULL, 0 },
	{ K_F(3), HS_EDIT, N_("Edit house"), 0 },
	{ 'e', HS_EDIT, NULL, 0 },
	{ K_F(7), HS_REVEAL, N_("Show number"), 0 },
	{ 'v', HS_REVEAL, NULL, 0 },
	{ K_F(8), HS_END, N_("Move out"), 0 },
	{ 'x', HS_END, NULL, 0 },
	{ 'o', HS_OWNER, N_("Add an owner"), KB_HELPONLY },
	{ 'a', HS_OCCUPANT, N_("Add an occupant"), KB_HELPONLY },
	{ 't', HS_TRANSFER, N_("Transfer of ownership"), KB_HELPONLY },
	{ K_F(6), HS_GRID, N_("Building grid"), KB_HELPONLY },
	{ 'g', HS_GRID, NULL, 0 },
	{ 'c', HS_PAY, N_("Pay"), 0 },
	{ K_F(9), HS_REQUEST, N_("New service request"), KB_HELPONLY },
	{ 'w', HS_REQUEST, NULL, 0 },
	{ K_F(5), HS_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', HS_REFRESH, NULL, 0 },
	HOUSE_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

static const struct keybind house_view_keys[] = {
	{ K_ENTER, HS_OPEN, N_("Details"), 0 },
	{ 'c', HS_PAY, N_("Pay"), 0 },
	{ K_F(6), HS_GRID, N_("Building grid"), 0 },
	{ 'g', HS_GRID, NULL, 0 },
	{ K_F(5), HS_REFRESH, N_("Refresh"), 0 },
	{ 'r', HS_REFRESH, NULL, 0 },
	HOUSE_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_house_ops = {
	.name = "house",
	.title = N_("House"),
	.help = N_("Everything about one house: its facts, the owners and "
	    "occupants, the visits, who owned or lived in it before, and its "
	    "bills and payments. Up and Down select a person, a visit or a "
	    "service request; "
	    "Enter opens it. Numbers are "
	    "masked: Show number (F7 or v) shows the selected person's ID or "
	    "phone in full, and the audit log records who looked. New (F2) "
	    "adds an owner or an occupant, or records a sale (过户). Move out "
	    "(F8 or x) ends the selected occupant's stay, or a joint owner's "
	    "share. F4 logs a visit about this house, F9 (or w) registers a "
	    "service request; the newest requests are listed. c (Pay) opens "
	    "the counter on this house, for the cashier."),
	.keys = house_keys,
	.open = house_open,
	.load = house_load,
	.draw = house_draw,
	.action = house_action,
	.result = house_result,
	.key_ok = house_key_ok,
	.house = house_house,
	.close = house_close,
};

static const struct screen_ops house_view_ops = {
	.name = "house",
	.title = N_("House"),
	.help = N_("Everything about one house: its facts, the owners and "
	    "occupants, the visits, who owned or lived in it before, and its "
	    "bills and payments. Up and Down select a person, a visit or a "
	    "service request; "
	    "Enter shows it whole. ID "
	    "and phone numbers are masked for your role. c (Pay) opens the "
	    "counter on this house, for the cashier."),
	.keys = house_view_keys,
	.open = house_open,
	.load = house_load,
	.draw = house_draw,
	.action = house_action,
	.result = house_result,
	.key_ok = house_key_ok,
	.house = house_house,
	.close = house_close,
};
