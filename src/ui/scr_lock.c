/*
 * scr_lock.c: the idle lock.  The counter is a public place: after the
 * configured minutes without a key this screen covers everything (it is
 * drawn alone) until the user's password is typed again (svc_reauth).
 * Another user may log in instead; that ends the first session cleanly
 * (audited logout, every screen closed).  There is no way back without a
 * password.
 */
#include "ui/scr_lock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/session.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/xalloc.h"

enum lock_action { LOCK_ENTER };
enum { F_USER, F_PASS, F_COUNT };

static const struct form_field_def lock_fields[F_COUNT] = {
	[F_USER] = { .label = N_("User name"), .kind = FORM_TEXT,
		.maxchars = 32, .width = 26 },
	[F_PASS] = { .label = N_("Password"), .kind = FORM_TEXT,
		.flags = FORM_PASSWORD, .maxchars = 128, .width = 26 },
};

struct lock {
	struct formmodel fm;
	char *problem; /* why the last try failed, or NULL */
	char text[512];
};

static int
lock_open(struct screen *s, void *arg)
{
	struct lock *l = xcalloc(1, sizeof *l);
	struct session *ss = app_session(s->app);
	int mins = (app_idle_limit(s->app) + 59) / 60;

	(void)arg;
	formmodel_init(&l->fm, lock_fields, F_COUNT, NULL);
	formmodel_set(&l->fm, F_USER, ss->user);
	formmodel_focus(&l->fm, F_PASS);
	snprintf(l->text, sizeof l->text, _("This desk was idle for %d "
	    "minutes and is locked. Type the password of %s to go on, or "
	    "another user's name and password to log in instead (that logs "
	    "%s out)."), mins, ss->display != NULL ? ss->display : ss->user,
	    ss->user);
	s->state = l;
	return 0;
}

static void
lock_close(struct screen *s)
{
	struct lock *l = s->state;

	formmodel_release(&l->fm);
	free(l->problem);
	free(l);
}

static void
lock_draw(struct screen *s, WINDOW *w)
{
	struct lock *l = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), bw = 60, bh = 12;
	int y = (rows - bh) / 2, x = (cols - bw) / 2, n;

	tui_frame(w, y, x, bh, bw);
	draw_title(w, y, x + 2, bw - 4, _("Locked"));
	n = draw_wrapped(w, y + 1, x + 3, bw - 6, 4, l->text, TUI_NORMAL);
	n = n < 4 ? n : 4;
	form_draw(&l->fm, w, y + n + 2, x + 4, 2, bw - 8, s);
	if (s->busy)
		draw_fit(w, y + n + 5, x + 4, bw - 8,
		    _("Checking the password..."), TUI_INFO);
	else if (l->problem != NULL)
		draw_wrapped(w, y + n + 5, x + 4, bw - 8, bh - n - 6,
		    l->problem, TUI_ERROR);
}

/* The try failed: say why and clear the password. */
static int
failed(struct screen *s, int rc)
{
	struct lock *l = s->state;

	free(l->problem);
	l->problem = xstrdup(err_msg());
	formmodel_focus(&l->fm, F_PASS);
	return app_fail(s->app, rc);
}

/* Check the password: the same user goes on, another one takes over. */
static int
lock_tick(struct screen *s)
{
	struct lock *l = s->state;
	struct session *ss = app_session(s->app), next;
	char *name = formmodel_value(&l->fm, F_USER);
	char *pass = formmodel_value(&l->fm, F_PASS);
	int same = strcmp(name, ss->user) == 0, rc, bits;

	s->busy = 0;
	memset(&next, 0, sizeof next);
	rc = same ? svc_reauth(ss, pass) : svc_login(app_db(s->app),
	    app_config(s->app), name, pass, &next);
	secure_wipe(pass, strlen(pass));
	free(pass);
	lineedit_set(&l->fm.fields[F_PASS].le, "");
	if (rc != 0)
		bits = failed(s, rc);
	else if (same) {
		app_info(s->app, "%s", _("Unlocked."));
		bits = UI_CLOSE;
	} else {
		app_info(s->app, _("Welcome, %s."), next.display != NULL ?
		    next.display : name);
		app_login(s->app, &next);
		bits = UI_REDRAW;
	}
	free(name);
	return bits;
}

static int
lock_action(struct screen *s, int act)
{
	struct lock *l = s->state;

	(void)act;
	if (s->busy)
		return UI_HANDLED;
	if (l->fm.cur == F_USER) {
		formmodel_focus(&l->fm, F_PASS);
		return UI_REDRAW;
	}
	if (lineedit_empty(&l->fm.fields[F_PASS].le))
		return app_fail(s->app, err_set(ERR_INVALID, "%s",
		    _("Type your password")));
	s->busy = 1;
	return UI_REDRAW;
}

static int
lock_input(struct screen *s, int key)
{
	struct lock *l = s->state;

	return s->busy ? UI_HANDLED : form_key(&l->fm, s, key);
}

static const struct keybind lock_keys[] = {
	{ K_ENTER, LOCK_ENTER, N_("Unlock"), 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_lock_ops = {
	.name = "lock",
	.title = N_("Locked"),
	.help = N_("The desk locked itself after a while without a key, so "
	    "that nobody at the counter can read what was on the screen. Type "
	    "your password and press Enter to go on where you were. Someone "
	    "else may type their own name and password instead: your session "
	    "then ends and unsaved changes are lost."),
	.keys = lock_keys,
	.flags = SCREEN_LOCKED,
	.open = lock_open,
	.draw = lock_draw,
	.action = lock_action,
	.input = lock_input,
	.tick = lock_tick,
	.close = lock_close,
};
