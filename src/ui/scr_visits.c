/*
 * scr_visits.c: today's visits (今日来访) for the desk, newest first, read
 * through svc_visit_today: this desk's by default, every desk's with F6.
 * A day holds tens of visits, so the list is read whole and filtered in
 * memory.  Enter shows one whole (phone masked); F2 logs a new one.
 */
#include "ui/scr_visits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/mask.h"
#include "svc/session.h"
#include "svc/svc_visit.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/scr_reqform.h"
#include "ui/scr_visit.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum visits_action { VS_SHOW, VS_NEW, VS_DESKS, VS_REFRESH, VS_REQUEST };

/* Forms this screen opens. */
enum { TAG_LOGGED = 1 };

enum { COL_TIME, COL_HOUSE, COL_PURPOSE, COL_WHO, COL_WHAT, COL_BY,
	COL_COUNT };

struct visits {
	struct visit_vec all;  /* today's, newest first */
	int *shown;            /* indexes into all that pass the filter */
	int nshown;
	char *filter;
	int every_desk;        /* 1: every desk's visits */
	struct listcol cols[COL_COUNT];
	struct list list;
	char cell[320];
};

/* ---- one visit whole ------------------------------------------------------ */

void
scr_visits_show(struct app *app, const struct visit *v)
{
	char when[32], phone[64], title[64], *text;

	clock_format(when, sizeof when, v->at);
	phone[0] = '\0';
	if (v->phone[0] != '\0')
		mask_phone(v->phone, phone, sizeof phone);
	text = xasprintf(_("Time: %s\nHouse: %s\nVisitor: %s %s  %s\n"
	    "Purpose: %s\nWhat was said: %s\nWhat was done: %s\n"
	    "Received by: %s (%s)"), when, v->house_code,
	    household_label(HH_VISITOR_KIND, (int)v->visitor_kind),
	    v->visitor_name, phone, household_label(HH_VISIT_PURPOSE,
	    (int)v->purpose), v->content, v->outcome, v->receiver_name,
	    v->desk);
	snprintf(title, sizeof title, _("Visit %lld"), (long long)v->id);
	dialog_message(app, title, text);
	free(text);
}

/* ---- rows ------------------------------------------------------------------ */

/* Visit on row i, or NULL. */
static const struct visit *
row_visit(const struct visits *vs, int i)
{
	return i >= 0 && i < vs->nshown ? &vs->all.v[vs->shown[i]] : NULL;
}

static int
row_count(void *ctx)
{
	return ((struct visits *)ctx)->nshown;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct visits *vs = ctx;
	const struct visit *v = row_visit(vs, row);
	time_t t;
	struct tm tm;
	char *p;

	if (v == NULL)
		return "";
	switch (col) {
	case COL_TIME:
		t = (time_t)v->at;
		localtime_r(&t, &tm);
		strftime(vs->cell, sizeof vs->cell, "%H:%M", &tm);
		return vs->cell;
	case COL_HOUSE:
		return v->house_code;
	case COL_PURPOSE:
		return household_label(HH_VISIT_PURPOSE, (int)v->purpose);
	case COL_WHO:
		snprintf(vs->cell, sizeof vs->cell, "%s %s",
		    household_label(HH_VISITOR_KIND, (int)v->visitor_kind),
		    v->visitor_name);
		return vs->cell;
	case COL_WHAT:
		snprintf(vs->cell, sizeof vs->cell, "%s", v->content);
		for (p = vs->cell; *p != '\0'; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		return vs->cell;
	}
	return v->receiver_name;
}

/* 1 when the filter text is in one of the visit's words. */
static int
matches(const struct visit *v, const char *f)
{
	return f[0] == '\0' || strstr(v->house_code, f) != NULL ||
	    strstr(v->visitor_name, f) != NULL ||
	    strstr(v->content, f) != NULL || strstr(v->outcome, f) != NULL ||
	    strstr(v->receiver_name, f) != NULL ||
	    strstr(household_label(HH_VISIT_PURPOSE, (int)v->purpose), f) !=
	    NULL;
}

/* Rebuild the shown rows. */
static void
apply_filter(struct visits *vs)
{
	int i;

	vs->nshown = 0;
	for (i = 0; i < vs->all.n; i++)
		if (matches(&vs->all.v[i], vs->filter))
			vs->shown[vs->nshown++] = i;
}

static int
row_filter(void *ctx, const char *text)
{
	struct visits *vs = ctx;

	free(vs->filter);
	vs->filter = xstrdup(text);
	apply_filter(vs);
	return 0;
}

static const struct listmodel_ops visits_list_ops = {
	.count = row_count, .cell = row_cell, .filter = row_filter,
};

/* ---- open, load, draw ------------------------------------------------------ */

static const struct screen_ops visits_view_ops;

static int
visits_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct visits *vs;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if (!session_may(ss, PERM_VISIT_LOG) &&
	    !session_may(ss, PERM_OWNER_VIEW))
		return session_require(ss, PERM_VISIT_LOG);
	/* a role that only reads gets the table without "new" */
	if (!session_may(ss, PERM_VISIT_LOG))
		s->ops = &visits_view_ops;
	vs = xcalloc(1, sizeof *vs);
	vs->filter = xstrdup("");
	vs->cols[COL_TIME] = (struct listcol){ _("Time"), 5, 0, TEXT_LEFT };
	vs->cols[COL_HOUSE] = (struct listcol){ _("House"), 10, 0,
	    TEXT_LEFT };
	vs->cols[COL_PURPOSE] = (struct listcol){ _("Purpose"), 6, 0,
	    TEXT_LEFT };
	vs->cols[COL_WHO] = (struct listcol){ _("Visitor"), 14, 0,
	    TEXT_LEFT };
	vs->cols[COL_WHAT] = (struct listcol){ _("What was said"), 20, 1,
	    TEXT_LEFT };
	vs->cols[COL_BY] = (struct listcol){ _("Received by"), 8, 0,
	    TEXT_LEFT };
	list_init(&vs->list, &visits_list_ops, vs, vs->cols, COL_COUNT,
	    _("No visits logged today"));
	s->state = vs;
	return 0;
}

static int
visits_load(struct screen *s)
{
	struct visits *vs = s->state;
	int rc;

	visit_vec_release(&vs->all);
	FREE(&vs->shown);
	vs->nshown = 0;
	if ((rc = svc_visit_today(app_session(s->app), vs->every_desk ? "" :
	    NULL, &vs->all)) != 0)
		return rc;
	vs->shown = xcalloc((size_t)vs->all.n + 1, sizeof *vs->shown);
	apply_filter(vs);
	listmodel_reload(&vs->list.m);
	return 0;
}

static void
visits_draw(struct screen *s, WINDOW *w)
{
	struct visits *vs = s->state;
	struct session *ss = app_session(s->app);
	int cols = getmaxx(w);
	char buf[160];

	if (vs->every_desk)
		snprintf(buf, sizeof buf, "%s", _("Every desk, today"));
	else
		snprintf(buf, sizeof buf, _("Desk %s, today (F6: every desk)"),
		    ss->desk != NULL ? ss->desk : "");
	draw_fit(w, 1, 2, cols - 4, buf, TUI_TITLE);
	list_draw(&vs->list, w, 2, 1, getmaxy(w) - 2, cols - 2);
}

static void
visits_close(struct screen *s)
{
	struct visits *vs = s->state;

	visit_vec_release(&vs->all);
	free(vs->shown);
	free(vs->filter);
	list_release(&vs->list);
	free(vs);
}

/* ---- keys ------------------------------------------------------------------ */

static int
visits_action(struct screen *s, int act)
{
	struct visits *vs = s->state;
	const struct visit *v = row_visit(vs, vs->list.m.sel);
	int64_t house = v != NULL ? v->house_id : 0;
	struct reqform_arg ra = { 0, 0 };

	switch (act) {
	case VS_SHOW:
		if (v != NULL)
			scr_visits_show(s->app, v);
		return UI_REDRAW;
	case VS_NEW:
		house = 0;
		app_push(s->app, &scr_visit_ops, &house, TAG_LOGGED);
		return UI_REDRAW;
	case VS_DESKS:
		vs->every_desk = !vs->every_desk;
		return UI_RELOAD | UI_REDRAW;
	case VS_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case VS_REQUEST:
		/* a service request from the visit picked, filled in */
		if (v != NULL) {
			ra.visit_id = v->id;
			app_push(s->app, &scr_reqform_ops, &ra, 0);
		}
		return UI_REDRAW;
	}
	return list_action(&vs->list, s, act);
}

static int
visits_result(struct screen *s, int tag, const struct screen_answer *a)
{
	(void)s;
	return a->ok && tag == TAG_LOGGED ? UI_RELOAD | UI_REDRAW : UI_REDRAW;
}

static int64_t
visits_house(struct screen *s)
{
	struct visits *vs = s->state;
	const struct visit *v = row_visit(vs, vs->list.m.sel);

	return v != NULL ? v->house_id : 0;
}

static const struct keybind visits_keys[] = {
	{ K_ENTER, VS_SHOW, N_("Details"), 0 },
	{ K_F(2), VS_NEW, N_("New"), 0 },
	{ 'n', VS_NEW, NULL, 0 },
	{ K_F(6), VS_DESKS, N_("This desk/all"), 0 },
	{ 'a', VS_DESKS, NULL, 0 },
	{ K_F(9), VS_REQUEST, N_("Service request from this visit"),
	    KB_HELPONLY },
	{ 'w', VS_REQUEST, NULL, 0 },
	{ K_F(5), VS_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', VS_REFRESH, NULL, 0 },
	{ '/', LIST_FILTER, N_("Filter"), 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

static const struct keybind visits_view_keys[] = {
	{ K_ENTER, VS_SHOW, N_("Details"), 0 },
	{ K_F(6), VS_DESKS, N_("This desk/all"), 0 },
	{ 'a', VS_DESKS, NULL, 0 },
	{ K_F(5), VS_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', VS_REFRESH, NULL, 0 },
	{ '/', LIST_FILTER, N_("Filter"), 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

#define VISITS_HELP                                                       \
	N_("The visits and calls logged today, newest first: at this desk, " \
	"or at every desk (F6). Enter shows one whole; / filters by house, " \
	"name, purpose or words; F2 (or F4 anywhere) logs a new one.")

const struct screen_ops scr_visits_ops = {
	.name = "visits",
	.title = N_("Today's visits"),
	.help = VISITS_HELP,
	.keys = visits_keys,
	.open = visits_open,
	.load = visits_load,
	.draw = visits_draw,
	.action = visits_action,
	.result = visits_result,
	.house = visits_house,
	.close = visits_close,
};

static const struct screen_ops visits_view_ops = {
	.name = "visits",
	.title = N_("Today's visits"),
	.help = VISITS_HELP,
	.keys = visits_view_keys,
	.open = visits_open,
	.load = visits_load,
	.draw = visits_draw,
	.action = visits_action,
	.result = visits_result,
	.house = visits_house,
	.close = visits_close,
};
