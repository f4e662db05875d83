/*
 * scr_account.c: the user's own account: the display name shown in the
 * header and on receipts, and a new password (the current one is asked
 * first, and counts toward the lock-out like a login).  Ctrl-S saves;
 * Esc asks before throwing changes away.
 */
#include "ui/scr_account.h"

#include <stdlib.h>
#include <string.h>

#include "svc/session.h"
#include "svc/svc_user.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/xalloc.h"

enum account_action { ACC_SAVE };
enum { F_LOGIN, F_ROLE, F_DISPLAY, F_CURRENT, F_NEW, F_AGAIN, F_COUNT };

/* The new password must follow the rules (svc_password_ok). */
static int
check_new(const char *text, void *arg)
{
	(void)arg;
	return svc_password_ok(text);
}

static const struct form_field_def account_fields[F_COUNT] = {
	[F_LOGIN] = { .label = N_("User name"), .kind = FORM_TEXT,
		.flags = FORM_READONLY },
	[F_ROLE] = { .label = N_("Role"), .kind = FORM_TEXT,
		.flags = FORM_READONLY },
	[F_DISPLAY] = { .label = N_("Display name"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 32, .width = 34,
		.hint = N_("e.g. 王丽") },
	[F_CURRENT] = { .label = N_("Current password"), .kind = FORM_TEXT,
		.flags = FORM_PASSWORD, .maxchars = 128, .width = 34 },
	[F_NEW] = { .label = N_("New password"), .kind = FORM_TEXT,
		.flags = FORM_PASSWORD, .maxchars = 128, .width = 34,
		.validate = check_new },
	[F_AGAIN] = { .label = N_("New password again"), .kind = FORM_TEXT,
		.flags = FORM_PASSWORD, .maxchars = 128, .width = 34 },
};

/* Across fields: a new password needs the current one and a repeat. */
static int
check_passwords(struct formmodel *fm, void *arg)
{
	char *cur = formmodel_value(fm, F_CURRENT);
	char *nw = formmodel_value(fm, F_NEW);
	char *again = formmodel_value(fm, F_AGAIN);
	int rc = 0;

	(void)arg;
	if (nw[0] == '\0' && again[0] != '\0')
		rc = formmodel_fail(fm, F_NEW, err_set(ERR_INVALID, "%s",
		    _("Type the new password here too")));
	else if (nw[0] != '\0' && strcmp(nw, again) != 0)
		rc = formmodel_fail(fm, F_AGAIN, err_set(ERR_INVALID, "%s",
		    _("The two new passwords differ; type them again")));
	else if (nw[0] != '\0' && cur[0] == '\0')
		rc = formmodel_fail(fm, F_CURRENT, err_set(ERR_INVALID, "%s",
		    _("Type your current password to change it")));
	secure_wipe(cur, strlen(cur));
	secure_wipe(nw, strlen(nw));
	secure_wipe(again, strlen(again));
	free(cur);
	free(nw);
	free(again);
	return rc;
}

static int
account_open(struct screen *s, void *arg)
{
	struct formmodel *fm = xcalloc(1, sizeof *fm);
	struct session *ss = app_session(s->app);

	(void)arg;
	if (ss == NULL) {
		free(fm);
		return err_set(ERR_STATE, "%s", _("Log in first"));
	}
	formmodel_init(fm, account_fields, F_COUNT, NULL);
	fm->check = check_passwords;
	formmodel_set(fm, F_LOGIN, ss->user);
	formmodel_set(fm, F_ROLE, role_label(ss->role));
	formmodel_set(fm, F_DISPLAY, ss->display != NULL ? ss->display : "");
	formmodel_mark_clean(fm);
	s->state = fm;
	return 0;
}

static void
account_close(struct screen *s)
{
	formmodel_release(s->state);
	free(s->state);
}

static void
account_draw(struct screen *s, WINDOW *w)
{
	struct formmodel *fm = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_fit(w, 1, 2, cols - 4, _("Leave the password fields empty to "
	    "keep your password."), TUI_DIM);
	form_draw(fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* Change the password when one was typed: current first, then new. */
static int
save_password(struct screen *s, struct formmodel *fm)
{
	struct session *ss = app_session(s->app);
	char *cur = formmodel_value(fm, F_CURRENT);
	char *nw = formmodel_value(fm, F_NEW);
	int rc = 0;

	if (nw[0] != '\0') {
		if ((rc = svc_reauth(ss, cur)) != 0)
			rc = formmodel_fail(fm, F_CURRENT, rc);
		else if ((rc = svc_user_passwd(ss, ss->user, nw)) != 0)
			rc = formmodel_fail(fm, F_NEW, rc);
	}
	secure_wipe(cur, strlen(cur));
	secure_wipe(nw, strlen(nw));
	free(cur);
	free(nw);
	return rc;
}

/* Ctrl-S: validate, then one svc call per change. */
static int
account_save(struct screen *s)
{
	struct formmodel *fm = s->state;
	struct session *ss = app_session(s->app);
	char *display;
	int rc;

	if ((rc = formmodel_validate(fm)) != 0)
		return app_fail(s->app, rc);
	display = formmodel_value(fm, F_DISPLAY);
	if (ss->display == NULL || strcmp(display, ss->display) != 0)
		rc = svc_user_set_display(ss, display);
	free(display);
	if (rc != 0)
		return app_fail(s->app, formmodel_fail(fm, F_DISPLAY, rc));
	if ((rc = save_password(s, fm)) != 0)
		return app_fail(s->app, rc);
	formmodel_mark_clean(fm);
	app_info(s->app, "%s", _("Your account was saved."));
	return UI_CLOSE;
}

static int
account_action(struct screen *s, int act)
{
	(void)act;
	return account_save(s);
}

static int
account_input(struct screen *s, int key)
{
	return form_key(s->state, s, key);
}

static int
account_dirty(struct screen *s)
{
	return formmodel_dirty(s->state);
}

static const struct keybind account_keys[] = {
	{ K_CTRL('s'), ACC_SAVE, N_("Save"), 0 },
	{ K_F(2), ACC_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_account_ops = {
	.name = "account",
	.title = N_("My account"),
	.help = N_("Change the name the program shows for you, or your "
	    "password. Tab, Enter and the arrows move between fields; "
	    "Ctrl-S saves; Esc leaves and asks first if something changed."),
	.keys = account_keys,
	.open = account_open,
	.draw = account_draw,
	.action = account_action,
	.input = account_input,
	.dirty = account_dirty,
	.close = account_close,
};
