/*
 * scr_home.c: home.  The modules the role may use (from the registry and
 * the permissions matrix), each with its one-line summary, then the
 * account settings and log out.  Digits pick an entry, as do the arrows
 * and Enter.  load() asks each module for its summary; draw() only paints.
 */
#include "ui/scr_home.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/session.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/registry.h"
#include "ui/scr_account.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define HOME_MAX 16

enum home_action { HOME_OPEN, HOME_REFRESH, HOME_QUIT };

/* What a row of home leads to. */
enum home_kind { ROW_MODULE, ROW_ACCOUNT, ROW_LOGOUT };

struct home_row {
	enum home_kind kind;
	const struct registry_module *m; /* ROW_MODULE */
	char num[12];
	char summary[160];
};

struct home {
	struct home_row rows[HOME_MAX];
	int n;
	struct listcol cols[3];
	struct list list;
};

static int
row_count(void *ctx)
{
	return ((struct home *)ctx)->n;
}

/* The title of a row (translated). */
static const char *
row_title(const struct home_row *r)
{
	switch (r->kind) {
	case ROW_MODULE:
		return _(r->m->title);
	case ROW_ACCOUNT:
		return _("My account");
	default:
		return _("Log out / switch user");
	}
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct home_row *r = &((struct home *)ctx)->rows[row];

	return col == 0 ? r->num : col == 1 ? row_title(r) : r->summary;
}

static const struct listmodel_ops home_list_ops = {
	.count = row_count, .cell = row_cell,
};

/* Add a row of kind k. */
static void
add_row(struct home *h, enum home_kind k, const struct registry_module *m)
{
	struct home_row *r = &h->rows[h->n];

	r->kind = k;
	r->m = m;
	snprintf(r->num, sizeof r->num, "%d", h->n + 1);
	h->n++;
}

static int
home_open(struct screen *s, void *arg)
{
	struct home *h = xcalloc(1, sizeof *h);
	struct session *ss = app_session(s->app);
	int i;

	(void)arg;
	for (i = 0; i < registry_count && h->n < HOME_MAX - 2; i++)
		if (ss != NULL && registry_visible(&registry_modules[i],
		    ss->role))
			add_row(h, ROW_MODULE, &registry_modules[i]);
	add_row(h, ROW_ACCOUNT, NULL);
	add_row(h, ROW_LOGOUT, NULL);
	h->cols[0] = (struct listcol){ "", 2, 0, TEXT_RIGHT };
	h->cols[1] = (struct listcol){ _("Module"), 22, 0, TEXT_LEFT };
	h->cols[2] = (struct listcol){ _("Summary"), 30, 1, TEXT_LEFT };
	list_init(&h->list, &home_list_ops, h, h->cols, 3, NULL);
	h->list.footer = 0;
	s->state = h;
	return 0;
}

/* The summary line of one module. */
static void
module_summary(struct screen *s, struct home_row *r)
{
	const struct registry_module *m = r->m;

	if (m->ops == NULL)
		snprintf(r->summary, sizeof r->summary, _("(later version) %s"),
		    _(m->blurb));
	else if (m->summary == NULL ||
	    m->summary(s->app, r->summary, sizeof r->summary) != 0)
		snprintf(r->summary, sizeof r->summary, "%s", _(m->blurb));
}

static int
home_load(struct screen *s)
{
	struct home *h = s->state;
	int i;

	for (i = 0; i < h->n; i++) {
		if (h->rows[i].kind == ROW_MODULE)
			module_summary(s, &h->rows[i]);
		else if (h->rows[i].kind == ROW_ACCOUNT)
			snprintf(h->rows[i].summary, sizeof h->rows[i].summary,
			    "%s", _("Your display name and password"));
		else
			snprintf(h->rows[i].summary, sizeof h->rows[i].summary,
			    "%s", _("End your session; the next person logs in"));
	}
	listmodel_reload(&h->list.m);
	return 0;
}

static void
home_draw(struct screen *s, WINDOW *w)
{
	struct home *h = s->state;
	int cols = getmaxx(w);

	list_draw(&h->list, w, 1, 2, h->n + 1, cols - 4);
	draw_fit(w, h->n + 3, 4, cols - 8,
	    _("Pick with a digit, or with the arrows and Enter."), TUI_DIM);
}

/* Open row i. */
static int
open_row(struct screen *s, int i)
{
	struct home *h = s->state;
	struct home_row *r = &h->rows[i];
	char text[512];

	listmodel_select(&h->list.m, i);
	if (r->kind == ROW_ACCOUNT)
		app_push(s->app, &scr_account_ops, NULL, 0);
	else if (r->kind == ROW_LOGOUT)
		app_logout(s->app);
	else if (r->m->ops != NULL)
		app_push(s->app, r->m->ops, NULL, 0);
	else {
		snprintf(text, sizeof text, _("%s arrives in a later version "
		    "of frontdesk."), _(r->m->title));
		dialog_message(s->app, _(r->m->title), text);
	}
	return UI_REDRAW;
}

static int
home_action(struct screen *s, int act)
{
	struct home *h = s->state;

	switch (act) {
	case HOME_OPEN:
		return h->list.m.sel >= 0 ? open_row(s, h->list.m.sel) :
		    UI_HANDLED;
	case HOME_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case HOME_QUIT:
		dialog_confirm(s->app, 0, _("Quit"),
		    _("Log out and quit frontdesk?"));
		return UI_REDRAW;
	}
	return list_action(&h->list, s, act);
}

static int
home_input(struct screen *s, int key)
{
	struct home *h = s->state;

	if (key >= '1' && key <= '9' && key - '1' < h->n)
		return open_row(s, key - '1');
	return UI_UNHANDLED;
}

static int
home_result(struct screen *s, int tag, const struct screen_answer *a)
{
	(void)tag;
	if (a->ok)
		app_quit(s->app);
	return UI_REDRAW;
}

static void
home_close(struct screen *s)
{
	struct home *h = s->state;

	list_release(&h->list);
	free(h);
}

static const struct keybind home_keys[] = {
	{ K_ENTER, HOME_OPEN, N_("Open"), 0 },
	{ K_F(5), HOME_REFRESH, N_("Refresh"), 0 },
	{ 'r', HOME_REFRESH, NULL, 0 },
	{ K_F(10), HOME_QUIT, N_("Quit"), 0 },
	{ 'q', HOME_QUIT, NULL, 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_home_ops = {
	.name = "home",
	.title = N_("Home"),
	.help = N_("The work you can do at this desk. Press the digit in front "
	    "of an entry, or move with the arrows and press Enter. What you "
	    "see depends on your role."),
	.keys = home_keys,
	.open = home_open,
	.load = home_load,
	.draw = home_draw,
	.action = home_action,
	.input = home_input,
	.result = home_result,
	.close = home_close,
};
