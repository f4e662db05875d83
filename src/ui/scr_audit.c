/*
 * scr_audit.c: the audit log, read-only and newest first.  The log may
 * hold 100k rows and more, so nothing here reads it whole: the list asks
 * for the rows it shows, and they are fetched by id (ids run 1..N without
 * a gap, so newest-first row i is id N-i; a window is "id BETWEEN", never
 * OFFSET).  The '/' filter collects the ids of the matching rows once per
 * change of the text, and windows are then fetched by those ids.  Enter
 * shows one entry whole.  Reads go straight to db/audit_db (read-only
 * views may); nothing here changes the database.
 */
#include "ui/scr_audit.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/audit_db.h"
#include "svc/session.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/log.h"
#include "util/xalloc.h"

enum audit_action { AUD_SHOW, AUD_REFRESH };

enum { COL_TIME, COL_USER, COL_DESK, COL_ACTION, COL_ENTITY, COL_SUMMARY,
	COL_COUNT };

/* Ids searched per slice of a filter: a few milliseconds of work. */
#define AUDIT_SLICE 8000

/* Below this width the desk and entity columns give their room to the
 * summary (Enter still shows them). */
#define AUDIT_WIDE 100

/* The columns of the narrow layout, as COL_* of the wide one. */
static const int narrow_cols[] = { COL_TIME, COL_USER, COL_ACTION,
	COL_SUMMARY };
#define NARROW_COUNT ((int)(sizeof narrow_cols / sizeof narrow_cols[0]))

struct audit {
	struct app *app;
	int64_t total;          /* rows in the log: ids 1..total */
	int64_t *ids;           /* filtered: matching ids, newest first */
	int nids;
	int filtered;           /* 1 while a filter is on */
	char *text;             /* the filter's text */
	int64_t scan_hi;        /* the filter has yet to search ids 1..scan_hi */
	struct audit_row *win;  /* rows [wfirst, wfirst + wn) of the list */
	int wfirst, wn;
	struct listcol cols[COL_COUNT];   /* wide layout */
	struct listcol narrow[NARROW_COUNT];
	int wide;                         /* 1: the list shows cols */
	struct list list;
	char cell[64];          /* the last formatted cell */
};

/* ---- rows ---------------------------------------------------------------- */

static int
row_count(void *ctx)
{
	struct audit *a = ctx;

	if (a->filtered)
		return a->nids;
	return a->total > INT_MAX ? INT_MAX : (int)a->total;
}

/* The id of list row i. */
static int64_t
row_id(const struct audit *a, int i)
{
	return a->filtered ? a->ids[i] : a->total - i;
}

/* Forget the fetched rows. */
static void
drop_window(struct audit *a)
{
	int i;

	for (i = 0; i < a->wn; i++)
		audit_row_release(&a->win[i]);
	FREE(&a->win);
	a->wfirst = a->wn = 0;
}

/* Fetch list rows [lo, hi) without a filter: one range of ids. */
static int
fetch_range(struct audit *a, int lo, int hi)
{
	struct audit_row *rows;
	int64_t k;
	int n, i, rc;

	rc = audit_db_window(app_db(a->app), a->total - (hi - 1),
	    a->total - lo, &rows, &n);
	for (i = 0; i < n; i++) {
		/* placed by id, so a missing row can never shift the rest */
		k = a->total - rows[i].id - lo;
		if (k >= 0 && k < hi - lo && a->win[k].id == 0)
			a->win[k] = rows[i];
		else
			audit_row_release(&rows[i]);
	}
	free(rows);
	return rc;
}

/* Fetch list rows [lo, hi) of a filter: one row per id. */
static int
fetch_ids(struct audit *a, int lo, int hi)
{
	int i, rc = 0;

	for (i = lo; i < hi && rc == 0; i++)
		if ((rc = audit_db_get(app_db(a->app), a->ids[i],
		    &a->win[i - lo])) == ERR_NOTFOUND)
			rc = 0;
	return rc;
}

/* The list is about to show rows [first, first + n): fetch them and a
 * page on each side, unless they are here already. */
static void
row_window(void *ctx, int first, int n)
{
	struct audit *a = ctx;
	int lo, hi, count = row_count(a), rc;

	if (first >= a->wfirst && first + n <= a->wfirst + a->wn)
		return;
	drop_window(a);
	lo = first > n ? first - n : 0;
	hi = first + 2 * n < count ? first + 2 * n : count;
	if (hi <= lo)
		return;
	a->win = xcalloc((size_t)(hi - lo), sizeof *a->win);
	a->wfirst = lo;
	a->wn = hi - lo;
	rc = a->filtered ? fetch_ids(a, lo, hi) : fetch_range(a, lo, hi);
	if (rc != 0) {
		log_debug("audit window %d..%d: %s", lo, hi, err_msg());
		app_fail(a->app, rc);
	}
}

/* The fetched row i, or NULL. */
static const struct audit_row *
row_at(const struct audit *a, int i)
{
	if (i < a->wfirst || i >= a->wfirst + a->wn ||
	    a->win[i - a->wfirst].id == 0)
		return NULL;
	return &a->win[i - a->wfirst];
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct audit *a = ctx;
	const struct audit_row *r = row_at(a, row);

	if (r == NULL)
		return "";
	switch (a->wide ? col : narrow_cols[col]) {
	case COL_TIME:
		clock_format(a->cell, sizeof a->cell, r->at);
		return a->cell;
	case COL_USER:
		return r->user_name;
	case COL_DESK:
		return r->desk;
	case COL_ACTION:
		return r->action;
	case COL_ENTITY:
		if (r->entity_id == 0)
			return r->entity;
		snprintf(a->cell, sizeof a->cell, "%.40s#%lld", r->entity,
		    (long long)r->entity_id);
		return a->cell;
	}
	return r->summary;
}

/* Search the next slice of ids (newest first) for the filter text. */
static int
row_filter_more(void *ctx)
{
	struct audit *a = ctx;
	int64_t lo = a->scan_hi - AUDIT_SLICE + 1;
	int rc;

	if (lo < 1)
		lo = 1;
	drop_window(a);
	rc = audit_db_match_ids(app_db(a->app), a->text, lo,
	    a->scan_hi, &a->ids, &a->nids);
	a->scan_hi = lo - 1;
	if (rc != 0)
		return rc;
	return a->scan_hi > 0 ? LISTMODEL_MORE : 0;
}

/*
 * Keep only the rows whose user, action or summary holds text.  A slice
 * of ids is searched now, the rest between keys (row_filter_more), so a
 * key costs one slice however long the log is.
 */
static int
row_filter(void *ctx, const char *text)
{
	struct audit *a = ctx;

	drop_window(a);
	FREE(&a->ids);
	a->nids = 0;
	a->filtered = text[0] != '\0';
	if (!a->filtered)
		return 0;
	a->scan_hi = a->total;
	free(a->text);
	a->text = xstrdup(text);
	return row_filter_more(a);
}

static const struct listmodel_ops audit_list_ops = {
	.count = row_count, .window = row_window, .cell = row_cell,
	.filter = row_filter, .filter_more = row_filter_more,
};

/* ---- open, load, draw ---------------------------------------------------- */

static int
audit_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct audit *a;
	int rc, i;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_AUDIT_VIEW)) != 0)
		return rc;
	a = xcalloc(1, sizeof *a);
	a->app = s->app;
	a->cols[COL_TIME] = (struct listcol){ _("Time"), 16, 0, TEXT_LEFT };
	a->cols[COL_USER] = (struct listcol){ _("User"), 10, 0, TEXT_LEFT };
	a->cols[COL_DESK] = (struct listcol){ _("Desk"), 10, 0, TEXT_LEFT };
	a->cols[COL_ACTION] = (struct listcol){ _("Action"), 13, 0,
	    TEXT_LEFT };
	a->cols[COL_ENTITY] = (struct listcol){ _("Entity"), 12, 0,
	    TEXT_LEFT };
	a->cols[COL_SUMMARY] = (struct listcol){ _("Summary"), 20, 1,
	    TEXT_LEFT };
	for (i = 0; i < NARROW_COUNT; i++)
		a->narrow[i] = a->cols[narrow_cols[i]];
	a->narrow[NARROW_COUNT - 1].width = 30;
	list_init(&a->list, &audit_list_ops, a, a->cols, COL_COUNT,
	    _("The audit log is empty"));
	a->wide = 1;
	s->state = a;
	return 0;
}

/* Count the rows again (other desks keep writing) and redo the filter. */
static int
audit_load(struct screen *s)
{
	struct audit *a = s->state;
	int rc;

	drop_window(a);
	if ((rc = audit_db_count(app_db(s->app), &a->total)) != 0)
		return rc;
	if (a->filtered) {
		char *text = xstrdup(a->list.m.filter);

		rc = listmodel_set_filter(&a->list.m, text);
		free(text);
		if (rc == 0)
			rc = listmodel_filter_finish(&a->list.m);
	}
	listmodel_reload(&a->list.m);
	return rc;
}

static void
audit_draw(struct screen *s, WINDOW *w)
{
	struct audit *a = s->state;
	int width = getmaxx(w) - 2;

	/* the column set follows the terminal's width (it may be resized) */
	a->wide = width >= AUDIT_WIDE;
	a->list.m.cols = a->wide ? a->cols : a->narrow;
	a->list.m.ncols = a->wide ? COL_COUNT : NARROW_COUNT;
	list_draw(&a->list, w, 1, 1, getmaxy(w) - 1, width);
}

static void
audit_close(struct screen *s)
{
	struct audit *a = s->state;

	drop_window(a);
	free(a->ids);
	free(a->text);
	list_release(&a->list);
	free(a);
}

/* ---- one entry ----------------------------------------------------------- */

/* Control characters of s as '?', in place (they would upset the box);
 * s may be NULL. */
static void
printable(char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

/* Enter: the selected entry whole, in a message. */
static int
show_entry(struct screen *s)
{
	struct audit *a = s->state;
	struct audit_row r;
	char when[32], title[64], entity[80], *text;
	time_t t;
	struct tm tm;
	int rc;

	if (a->list.m.sel < 0)
		return UI_HANDLED;
	if ((rc = audit_db_get(app_db(s->app), row_id(a, a->list.m.sel),
	    &r)) != 0)
		return app_fail(s->app, rc);
	printable(r.user_name);
	printable(r.desk);
	printable(r.action);
	printable(r.entity);
	printable(r.summary);
	t = (time_t)r.at;
	localtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &tm);
	if (r.entity_id != 0)
		snprintf(entity, sizeof entity, "%.40s #%lld", r.entity,
		    (long long)r.entity_id);
	else
		snprintf(entity, sizeof entity, "%.40s", r.entity);
	text = xasprintf(_("Time: %s\nUser: %s\nDesk: %s\nAction: %s\n"
	    "Entity: %s\nSummary: %s"), when, r.user_name, r.desk, r.action,
	    entity, r.summary);
	snprintf(title, sizeof title, _("Audit entry %lld"), (long long)r.id);
	dialog_message(s->app, title, text);
	free(text);
	audit_row_release(&r);
	return UI_REDRAW;
}

static int
audit_action(struct screen *s, int act)
{
	struct audit *a = s->state;

	switch (act) {
	case AUD_SHOW:
		return show_entry(s);
	case AUD_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	}
	return list_action(&a->list, s, act);
}

static const struct keybind audit_keys[] = {
	{ K_ENTER, AUD_SHOW, N_("Details"), 0 },
	{ '/', LIST_FILTER, N_("Filter"), 0 },
	{ K_F(5), AUD_REFRESH, N_("Refresh"), 0 },
	{ 'r', AUD_REFRESH, NULL, 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_audit_ops = {
	.name = "audit",
	.title = N_("Audit log"),
	.help = N_("Every change made with the program, newest first: when, "
	    "by whom, at which desk, what and to which record. The log can "
	    "not be changed; the integrity check proves that nobody did. / "
	    "filters by user, action or text as you type; Enter shows the "
	    "whole entry; F5 shows entries added since the screen opened."),
	.keys = audit_keys,
	.open = audit_open,
	.load = audit_load,
	.draw = audit_draw,
	.action = audit_action,
	.close = audit_close,
};
