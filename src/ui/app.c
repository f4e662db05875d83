/*
 * app.c: the screen stack and the main loop (STYLE.md 4.6), the global
 * keys, the session at the desk and the idle lock.  The only loop that
 * reads keys: dialogs and prompts are screens on the stack.  Each turn is
 * one key (or one tick of a busy screen), then one paint: every window is
 * drawn into curses' buffers with wnoutrefresh and sent with a single
 * doupdate, so the terminal receives only what changed and never flickers.
 */
#include "ui/app.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "svc/session.h"
#include "ui/dialog.h"
#include "ui/scr_help.h"
#include "ui/scr_home.h"
#include "ui/scr_lock.h"
#include "ui/scr_login.h"
#include "ui/scr_visit.h"
#include "ui/screen.h"
#include "ui/statusbar.h"
#include "ui/tui.h"
#include "util/clock.h"
#include "util/config.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/log.h"
#include "util/xalloc.h"

/* Dialog tags of the app's own questions (screens use tags >= 0). */
enum { TAG_QUIT = -1, TAG_LOGOUT = -2, TAG_DISCARD = -3, TAG_VISIT = -4 };

/* What to do after the current key. */
enum pending { PENDING_NONE, PENDING_LOGIN, PENDING_LOGOUT, PENDING_QUIT };

struct app {
	struct db *db;
	const struct config *cfg;
	struct session sess;       /* valid while logged_in */
	int logged_in;
	struct screen *top;        /* the stack, linked through below */
	char msg[512];             /* the last message */
	int msg_error;
	int quit;
	enum pending pending;
	struct session next;       /* PENDING_LOGIN: the new session */
	int idle_limit;            /* seconds; 0: never lock */
	struct timespec last_key;  /* monotonic time of the last key */
	int minute;                /* minute of the clock last drawn */
	char dbname[256];          /* file name shown in the header */
	int demo;
};

static const struct keybind global_keys[] = {
	{ K_F(1), APP_HELP, N_("Help"), 0 },
	{ '?', APP_HELP, NULL, 0 },
	{ K_ESC, APP_BACK, N_("Back"), KB_HELPONLY },
	{ K_F(10), APP_QUIT, N_("Back"), 0 },
	{ 'q', APP_QUIT, NULL, 0 },
	{ K_CTRL('x'), APP_LOGOUT, N_("Log out"), 0 },
	{ K_CTRL('l'), APP_REDRAW, N_("Redraw the screen"), KB_HELPONLY },
	{ 0, 0, NULL, 0 },
};

/* The same with the visit key, for roles that log visits (来访登记). */
static const struct keybind visit_keys[] = {
	{ K_F(1), APP_HELP, N_("Help"), 0 },
	{ '?', APP_HELP, NULL, 0 },
	{ K_F(4), APP_VISIT, N_("Visit"), 0 },
	{ K_CTRL('g'), APP_VISIT, NULL, 0 },
	{ K_ESC, APP_BACK, N_("Back"), KB_HELPONLY },
	{ K_F(10), APP_QUIT, N_("Back"), 0 },
	{ 'q', APP_QUIT, NULL, 0 },
	{ K_CTRL('x'), APP_LOGOUT, N_("Log out"), 0 },
	{ K_CTRL('l'), APP_REDRAW, N_("Redraw the screen"), KB_HELPONLY },
	{ 0, 0, NULL, 0 },
};

/* On login and lock screens: nothing that leaves them. */
static const struct keybind locked_keys[] = {
	{ K_F(1), APP_HELP, N_("Help"), 0 },
	{ K_CTRL('l'), APP_REDRAW, N_("Redraw the screen"), KB_HELPONLY },
	{ 0, 0, NULL, 0 },
};

const struct keybind *
app_global_keys(const struct screen *s)
{
	if (s != NULL && (s->ops->flags & SCREEN_LOCKED))
		return locked_keys;
	/* not over a dialog, nor on the visit entry itself */
	if (s != NULL && s->app->logged_in && s->ops != &scr_visit_ops &&
	    !(s->ops->flags & SCREEN_OVERLAY) &&
	    session_may(&s->app->sess, PERM_VISIT_LOG))
		return visit_keys;
	return global_keys;
}

struct db *
app_db(struct app *app)
{
	return app->db;
}

const struct config *
app_config(struct app *app)
{
	return app->cfg;
}

struct session *
app_session(struct app *app)
{
	return app->logged_in ? &app->sess : NULL;
}

int
app_idle_limit(const struct app *app)
{
	return app->idle_limit;
}

void
app_info(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	app->msg_error = 0;
}

int
app_fail(struct app *app, int rc)
{
	const char *m = err_msg();

	snprintf(app->msg, sizeof app->msg, "%s",
	    m[0] != '\0' ? m : err_str(rc));
	app->msg_error = 1;
	return UI_HANDLED | UI_REDRAW;
}

/* ---- the stack ---------------------------------------------------------- */

struct screen *
app_push(struct app *app, const struct screen_ops *ops, void *arg, int tag)
{
	struct screen *s = xcalloc(1, sizeof *s);
	int rc = 0;

	s->ops = ops;
	s->app = app;
	s->tag = tag;
	s->title = ops->title != NULL && ops->title[0] != '\0' ?
	    _(ops->title) : "";
	s->win_y = s->win_x = -1;
	s->below = app->top;
	if (ops->open != NULL && (rc = ops->open(s, arg)) != 0) {
		free(s);
		app_fail(app, rc);
		return NULL;
	}
	if (ops->load != NULL && (rc = ops->load(s)) != 0) {
		if (ops->close != NULL)
			ops->close(s);
		free(s);
		app_fail(app, rc);
		return NULL;
	}
	app->top = s;
	log_debug("open screen '%s'", ops->name);
	return s;
}

static void apply(struct app *app, struct screen *s, int bits);
static int app_answer(struct app *app, int tag, const struct screen_answer *a);

/* Pop the top screen; deliver its answer (if any) to the screen below. */
static void
pop(struct app *app, int deliver)
{
	struct screen *s = app->top, *below;
	int bits = 0;

	if (s == NULL)
		return;
	below = app->top = s->below;
	if (s->ops->close != NULL)
		s->ops->close(s);
	if (s->win != NULL)
		delwin(s->win);
	if (deliver && s->answered) {
		if (s->tag < 0)
			bits = app_answer(app, s->tag, &s->answer);
		else if (below != NULL && below->ops->result != NULL)
			bits = below->ops->result(below, s->tag, &s->answer);
	}
	free(s->answer_text);
	free(s);
	if (below != NULL && below == app->top)
		apply(app, below, bits);
}

/* Close every screen, without answers. */
static void
pop_all(struct app *app)
{
	while (app->top != NULL)
		pop(app, 0);
}

/* Act on the result bits of screen s. */
static void
apply(struct app *app, struct screen *s, int bits)
{
	int rc;

	if ((bits & UI_CLOSE) && s == app->top) {
		pop(app, 1);
		return;
	}
	if ((bits & UI_RELOAD) && s->ops->load != NULL &&
	    (rc = s->ops->load(s)) != 0)
		app_fail(app, rc);
}

/* ---- session ------------------------------------------------------------- */

void
app_login(struct app *app, struct session *s)
{
	if (app->pending == PENDING_LOGIN)
		session_release(&app->next);
	app->next = *s;
	memset(s, 0, sizeof *s);
	app->pending = PENDING_LOGIN;
}

void
app_logout(struct app *app)
{
	app->pending = PENDING_LOGOUT;
}

void
app_quit(struct app *app)
{
	app->pending = PENDING_QUIT;
}

/* Audit the logout and forget the session. */
static void
end_session(struct app *app)
{
	if (!app->logged_in)
		return;
	if (svc_logout(&app->sess) != 0)
		log_debug("logout of '%s' not audited: %s", app->sess.user,
		    err_msg());
	session_release(&app->sess);
	app->logged_in = 0;
}

/* Carry out what a screen asked for during the last key. */
static void
run_pending(struct app *app)
{
	enum pending p = app->pending;

	app->pending = PENDING_NONE;
	if (p == PENDING_NONE)
		return;
	pop_all(app);
	end_session(app);
	if (p == PENDING_QUIT) {
		app->quit = 1;
		return;
	}
	if (p == PENDING_LOGIN) {
		app->sess = app->next;
		memset(&app->next, 0, sizeof app->next);
		app->logged_in = 1;
		app_push(app, &scr_home_ops, NULL, 0);
		return;
	}
	app_push(app, &scr_login_ops, NULL, 0);
	app_info(app, "%s", _("Logged out."));
}

/* ---- global keys ----------------------------------------------------------- */

/* 1 when a screen on the stack has changes that closing would lose. */
static int
any_dirty(struct app *app)
{
	struct screen *s;

	for (s = app->top; s != NULL; s = s->below)
		if (s->ops->dirty != NULL && s->ops->dirty(s))
			return 1;
	return 0;
}

/* Esc, F10, q: close the top screen, asking first when it has changes. */
static int
go_back(struct app *app, int action)
{
	struct screen *s = app->top;

	if (s->below == NULL) {
		if (action == APP_BACK) {
			app_info(app, "%s", _("Press F10 to quit."));
			return UI_REDRAW;
		}
		dialog_confirm(app, TAG_QUIT, _("Quit"),
		    _("Log out and quit frontdesk?"));
		return UI_REDRAW;
	}
	if (s->ops->dirty != NULL && s->ops->dirty(s)) {
		dialog_confirm(app, TAG_DISCARD, _("Discard changes"),
		    _("Your changes are not saved. Close and throw them away?"));
		return UI_REDRAW;
	}
	return UI_CLOSE;
}

/* Ctrl-X: log out (asks first when something is not saved). */
static int
ask_logout(struct app *app)
{
	if (!app->logged_in)
		return UI_HANDLED;
	if (any_dirty(app)) {
		dialog_confirm(app, TAG_LOGOUT, _("Log out"),
		    _("Some changes are not saved. Log out and throw them "
		    "away?"));
		return UI_REDRAW;
	}
	app_logout(app);
	return UI_HANDLED;
}

/* F4: the visit entry, with the house of the screens below when one
 * has a house (the first that answers, from the top down). */
static int
log_visit(struct app *app)
{
	struct screen *s;
	int64_t house = 0;

	if (app->top->ops == &scr_visit_ops)
		return UI_HANDLED;
	for (s = app->top; s != NULL; s = s->below)
		if (s->ops->house != NULL) {
			house = s->ops->house(s);
			break;
		}
	app_push(app, &scr_visit_ops, &house, TAG_VISIT);
	return UI_REDRAW;
}

/* Run a global action for the top screen. */
static int
global_action(struct app *app, int action)
{
	switch (action) {
	case APP_HELP:
		if (app->top->ops != &scr_help_ops)
			app_push(app, &scr_help_ops, app->top, 0);
		return UI_REDRAW;
	case APP_BACK:
	case APP_QUIT:
		return go_back(app, action);
	case APP_REDRAW:
		clearok(curscr, TRUE);
		return UI_REDRAW;
	case APP_LOGOUT:
		return ask_logout(app);
	case APP_VISIT:
		return log_visit(app);
	}
	return UI_UNHANDLED;
}

/* The answer to one of the app's own questions. */
static int
app_answer(struct app *app, int tag, const struct screen_answer *a)
{
	if (!a->ok)
		return UI_REDRAW;
	switch (tag) {
	case TAG_QUIT:
		app_quit(app);
		break;
	case TAG_LOGOUT:
		app_logout(app);
		break;
	case TAG_DISCARD:
		return UI_CLOSE;
	case TAG_VISIT: /* the screen below may list visits: read again */
		return UI_RELOAD | UI_REDRAW;
	}
	return UI_REDRAW;
}

/* One key: the screen's table, then its input, then the global table. */
static void
dispatch(struct app *app, int key)
{
	struct screen *s = app->top;
	int act, bits = UI_UNHANDLED;

	if ((act = screen_key_action(s->ops->keys, key)) >= 0 &&
	    s->ops->action != NULL)
		bits = s->ops->action(s, act);
	if (bits == UI_UNHANDLED && s->ops->input != NULL)
		bits = s->ops->input(s, key);
	if (bits == UI_UNHANDLED &&
	    (act = screen_key_action(app_global_keys(s), key)) >= 0)
		bits = global_action(app, act);
	if (app->top == s)
		apply(app, s, bits);
}

/* ---- painting ------------------------------------------------------------ */

/* Header facts for the status line. */
static void
head_info(struct app *app, struct statusbar_info *in, char *clock, size_t n)
{
	time_t now = (time_t)clock_now();
	struct tm tm;

	localtime_r(&now, &tm);
	strftime(clock, n, "%H:%M", &tm);
	app->minute = tm.tm_min;
	memset(in, 0, sizeof *in);
	if (app->logged_in) {
		in->user = app->sess.display != NULL ? app->sess.display :
		    app->sess.user;
		in->role = role_label(app->sess.role);
	}
	in->desk = app->cfg->desk != NULL ? app->cfg->desk : "";
	in->dbname = app->dbname;
	in->demo = app->demo;
	in->clock = clock;
}

/* Paint an overlay screen in its centred box. */
static void
draw_overlay(struct screen *s)
{
	int h = 7, w = 50, maxh = LINES - 2, maxw = COLS - 4;

	if (s->ops->size != NULL)
		s->ops->size(s, maxh, maxw, &h, &w);
	h = h < maxh ? h : maxh;
	w = w < maxw ? w : maxw;
	if (s->win != NULL && (getmaxy(s->win) != h || getmaxx(s->win) != w)) {
		delwin(s->win);
		s->win = NULL;
	}
	if (s->win == NULL && (s->win = newwin(h, w,
	    s->win_y >= 0 ? s->win_y : (LINES - h) / 2,
	    s->win_x >= 0 ? s->win_x : (COLS - w) / 2)) == NULL)
		return;
	werase(s->win);
	s->ops->draw(s, s->win);
	wnoutrefresh(s->win);
}

/* Overlays above base, bottom first. */
static void
draw_overlays(struct screen *s, struct screen *base)
{
	if (s == NULL || s == base)
		return;
	draw_overlays(s->below, base);
	draw_overlay(s);
}

/* Paint everything from state, then send it with one doupdate. */
static void
paint(struct app *app)
{
	struct tui_layout *lay = tui_layout();
	struct statusbar_info in;
	struct screen *base = app->top, *top = app->top;
	char clock[16];

	if (!tui_big_enough() || lay->body == NULL) {
		tui_draw_too_small();
		return;
	}
	while ((base->ops->flags & SCREEN_OVERLAY) && base->below != NULL)
		base = base->below;
	head_info(app, &in, clock, sizeof clock);
	statusbar_head(lay->head, base->title, &in);
	top->cur_win = NULL;
	werase(lay->body);
	base->ops->draw(base, lay->body);
	wnoutrefresh(lay->head);
	wnoutrefresh(lay->body);
	draw_overlays(top, base);
	statusbar_msg(lay->msg, app->msg, app->msg_error);
	statusbar_keys(lay->keys, top, top->ops->keys, app_global_keys(top));
	wnoutrefresh(lay->msg);
	wnoutrefresh(lay->keys);
	if (top->cur_win != NULL) {
		wmove(top->cur_win, top->cur_y, top->cur_x);
		wnoutrefresh(top->cur_win);
	}
	curs_set(top->cur_win != NULL);
	doupdate();
}

/* ---- the loop ---------------------------------------------------------------- */

/* Seconds since the last key. */
static double
idle_seconds(const struct app *app)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - app->last_key.tv_sec) +
	    (double)(now.tv_nsec - app->last_key.tv_nsec) / 1e9;
}

/* Lock the desk when it was idle long enough (not on login or lock). */
static int
check_idle(struct app *app)
{
	struct screen *s = app->top;

	if (!app->logged_in || app->idle_limit <= 0 || s->busy ||
	    (s->ops->flags & SCREEN_LOCKED) ||
	    idle_seconds(app) < app->idle_limit)
		return 0;
	log_debug("idle lock for '%s'", app->sess.user);
	app->msg[0] = '\0';
	app_push(app, &scr_lock_ops, NULL, 0);
	return 1;
}

/* Nothing typed: a busy screen works a step, the clock may move, the
 * desk may lock.  Returns 1 when the screen needs painting. */
static int
no_key(struct app *app)
{
	struct screen *s = app->top;
	time_t now = (time_t)clock_now();
	struct tm tm;

	if (s->busy && s->ops->tick != NULL) {
		apply(app, s, s->ops->tick(s));
		return 1;
	}
	if (check_idle(app))
		return 1;
	localtime_r(&now, &tm);
	return tm.tm_min != app->minute;
}

/* After a resize: overlays get new windows at their new place. */
static void
drop_overlays(struct app *app)
{
	struct screen *s;

	for (s = app->top; s != NULL; s = s->below)
		if (s->win != NULL) {
			delwin(s->win);
			s->win = NULL;
		}
}

/* One turn: paint if needed, wait for a key, handle it. */
static void
turn(struct app *app, int *need_paint)
{
	int key;

	if (*need_paint)
		paint(app);
	*need_paint = 0;
	key = tui_getkey(app->top->busy ? 0 : 1000);
	if (tui_stop_signal() != 0)
		return;
	if (key == 0) {
		*need_paint = no_key(app);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &app->last_key);
	*need_paint = 1;
	if (key == K_RESIZE) {
		drop_overlays(app);
		tui_relayout();
		clearok(curscr, TRUE);
	} else if (tui_big_enough()) {
		app->msg[0] = '\0'; /* a message lasts until the next key */
		dispatch(app, key);
	}
}

int
app_poll(struct app *app)
{
	int key;

	paint(app);
	key = tui_getkey(0);
	if (tui_stop_signal() != 0)
		return K_ESC;
	if (key == 0)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &app->last_key);
	if (key == K_RESIZE) {
		drop_overlays(app);
		tui_relayout();
		clearok(curscr, TRUE);
		paint(app);
		return 0;
	}
	return key;
}

/* The idle limit: FRONTDESK_IDLE_SECONDS (for tests) or the config. */
static int
idle_limit(const struct config *cfg)
{
	const char *e = getenv("FRONTDESK_IDLE_SECONDS");
	char *end;
	long v;

	if (e != NULL && *e != '\0') {
		v = strtol(e, &end, 10);
		if (*end == '\0' && v >= 0 && v <= 86400)
			return (int)v;
	}
	return cfg->idle_lock_minutes * 60;
}

int
app_run(struct db *db, const struct config *cfg)
{
	struct app app;
	const char *path = db_path(db), *slash;
	int need_paint = 1;

	memset(&app, 0, sizeof app);
	app.db = db;
	app.cfg = cfg;
	app.idle_limit = idle_limit(cfg);
	app.demo = db_is_demo(db);
	slash = path != NULL ? strrchr(path, '/') : NULL;
	snprintf(app.dbname, sizeof app.dbname, "%s",
	    slash != NULL ? slash + 1 : path != NULL ? path : "");
	clock_gettime(CLOCK_MONOTONIC, &app.last_key);
	if (tui_init(cfg->ascii_borders) != 0)
		return 1;
	app_push(&app, &scr_login_ops, NULL, 0);
	while (!app.quit && app.top != NULL && tui_stop_signal() == 0) {
		turn(&app, &need_paint);
		if (app.pending != PENDING_NONE) {
			run_pending(&app);
			need_paint = 1;
		}
	}
	if (tui_stop_signal() != 0)
		log_debug("stopped by signal %d", tui_stop_signal());
	pop_all(&app);
	end_session(&app);
	if (app.pending == PENDING_LOGIN)
		session_release(&app.next);
	tui_end();
	return 0;
}
