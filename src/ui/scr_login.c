/*
 * scr_login.c: the login screen.  Enter on the user name moves to the
 * password, Enter on the password logs in.  The slow password check
 * (argon2id, on purpose) runs in tick() after "Checking..." is on screen.
 * An unknown user and a wrong password get the same message from svc.
 */
#include "ui/scr_login.h"

#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "svc/session.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/xalloc.h"

enum login_action { LOGIN_ENTER, LOGIN_QUIT };
enum { F_USER, F_PASS, F_COUNT };

static const struct form_field_def login_fields[F_COUNT] = {
	[F_USER] = { .label = N_("User name"), .kind = FORM_TEXT,
		.maxchars = 32, .width = 26 },
	[F_PASS] = { .label = N_("Password"), .kind = FORM_TEXT,
		.flags = FORM_PASSWORD, .maxchars = 128, .width = 26 },
};

struct login {
	struct formmodel fm;
	char *problem; /* why the last try failed, or NULL */
	int demo;
};

static int
login_open(struct screen *s, void *arg)
{
	struct login *l = xcalloc(1, sizeof *l);

	(void)arg;
	formmodel_init(&l->fm, login_fields, F_COUNT, NULL);
	l->demo = db_is_demo(app_db(s->app));
	s->state = l;
	return 0;
}

static void
login_close(struct screen *s)
{
	struct login *l = s->state;

	formmodel_release(&l->fm);
	free(l->problem);
	free(l);
}

/* The demo notice under the box. */
static void
draw_demo(WINDOW *w, int y, int cols)
{
	draw_text(w, y, 0, cols, _("DEMO database: sample data for trying "
	    "things out"), TUI_DEMO, TEXT_CENTER);
	draw_text(w, y + 1, 0, cols, _("Demo accounts: admin, director, "
	    "reception, cashier, cashier2"), TUI_NORMAL, TEXT_CENTER);
	draw_text(w, y + 2, 0, cols, _("Password for all of them: demo1234"),
	    TUI_NORMAL, TEXT_CENTER);
}

static void
login_draw(struct screen *s, WINDOW *w)
{
	struct login *l = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), bw = 50, bh = 8;
	int y = (rows - bh) / 2 - (l->demo ? 2 : 0), x = (cols - bw) / 2;

	draw_text(w, y - 3, 0, cols, _("frontdesk"), TUI_TITLE, TEXT_CENTER);
	draw_text(w, y - 2, 0, cols, _("Property service centre front desk"),
	    TUI_NORMAL, TEXT_CENTER);
	tui_frame(w, y, x, bh, bw);
	draw_title(w, y, x + 2, bw - 4, _("Log in"));
	form_draw(&l->fm, w, y + 2, x + 4, 2, bw - 8, s);
	if (s->busy)
		draw_fit(w, y + 5, x + 4, bw - 8, _("Checking the password..."),
		    TUI_INFO);
	else if (l->problem != NULL)
		draw_wrapped(w, y + 5, x + 4, bw - 8, 2, l->problem, TUI_ERROR);
	if (l->demo)
		draw_demo(w, y + bh + 1, cols);
}

/* Forget the last problem and show a new one (NULL: none). */
static void
set_problem(struct login *l, const char *msg)
{
	free(l->problem);
	l->problem = xstrdup(msg);
}

/* Enter: from the name go to the password; from the password, log in. */
static int
login_enter(struct screen *s)
{
	struct login *l = s->state;
	int rc = 0;

	if (l->fm.cur == F_USER) {
		formmodel_focus(&l->fm, F_PASS);
		return UI_REDRAW;
	}
	if (lineedit_empty(&l->fm.fields[F_USER].le)) {
		formmodel_focus(&l->fm, F_USER);
		rc = err_set(ERR_INVALID, "%s", _("Type your user name first"));
	} else if (lineedit_empty(&l->fm.fields[F_PASS].le))
		rc = err_set(ERR_INVALID, "%s", _("Type your password"));
	if (rc != 0) {
		set_problem(l, err_msg());
		return app_fail(s->app, rc);
	}
	s->busy = 1; /* paint "Checking...", then tick() */
	return UI_REDRAW;
}

static int
login_tick(struct screen *s)
{
	struct login *l = s->state;
	struct session sess;
	char *name = formmodel_value(&l->fm, F_USER);
	char *pass = formmodel_value(&l->fm, F_PASS);
	int rc;

	s->busy = 0;
	memset(&sess, 0, sizeof sess);
	rc = svc_login(app_db(s->app), app_config(s->app), name, pass, &sess);
	secure_wipe(pass, strlen(pass));
	free(pass);
	lineedit_set(&l->fm.fields[F_PASS].le, "");
	if (rc == 0) {
		app_info(s->app, _("Welcome, %s."), sess.display != NULL ?
		    sess.display : name);
		app_login(s->app, &sess);
	} else {
		set_problem(l, err_msg());
		app_fail(s->app, rc);
		formmodel_focus(&l->fm, F_PASS);
	}
	free(name);
	return UI_REDRAW;
}

static int
login_action(struct screen *s, int act)
{
	if (s->busy)
		return UI_HANDLED;
	if (act == LOGIN_QUIT) {
		app_quit(s->app);
		return UI_HANDLED;
	}
	return login_enter(s);
}

static int
login_input(struct screen *s, int key)
{
	struct login *l = s->state;

	return s->busy ? UI_HANDLED : form_key(&l->fm, s, key);
}

static const struct keybind login_keys[] = {
	{ K_ENTER, LOGIN_ENTER, N_("Log in"), 0 },
	{ K_F(10), LOGIN_QUIT, N_("Quit"), 0 },
	{ K_CTRL('q'), LOGIN_QUIT, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_login_ops = {
	.name = "login",
	.title = N_("Log in"),
	.help = N_("Type your user name, press Enter, type your password and "
	    "press Enter again. After five wrong passwords the account is "
	    "locked for a while; the director or an administrator can unlock "
	    "it."),
	.keys = login_keys,
	.flags = SCREEN_LOCKED,
	.open = login_open,
	.draw = login_draw,
	.action = login_action,
	.input = login_input,
	.tick = login_tick,
	.close = login_close,
};
