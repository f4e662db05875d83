/*
 * scr_passwd.c: the administrator sets a new password for another account,
 * typed twice (svc_user_passwd, which also clears the wrong tries).  The
 * user's own password is changed under My account instead, where the
 * current one is asked first.
 */
#include "ui/scr_passwd.h"

#include <stdio.h>
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

enum passwd_action { PW_SAVE };
enum { F_USER, F_PASSWORD, F_AGAIN, F_COUNT };

/* The form and whose password it sets. */
struct passwd {
	struct formmodel fm;
	char *name;  /* login name */
	char *who;   /* "wangli (王丽)" */
};

static int
check_password(const char *text, void *arg)
{
	(void)arg;
	return svc_password_ok(text);
}

static const struct form_field_def passwd_fields[F_COUNT] = {
	[F_USER] = { .label = N_("Account"), .kind = FORM_TEXT,
		.flags = FORM_READONLY, .maxchars = 80, .width = 40 },
	[F_PASSWORD] = { .label = N_("New password"), .kind = FORM_TEXT,
		.flags = FORM_PASSWORD | FORM_REQUIRED, .maxchars = 128,
		.width = 24, .validate = check_password },
	[F_AGAIN] = { .label = N_("New password again"), .kind = FORM_TEXT,
		.flags = FORM_PASSWORD | FORM_REQUIRED, .maxchars = 128,
		.width = 24 },
};

/* Wipe and free a password copy. */
static void
drop(char *pw)
{
	secure_wipe(pw, strlen(pw));
	free(pw);
}

/* Across fields: the two passwords must be the same. */
static int
check_same(struct formmodel *fm, void *arg)
{
	char *pw = formmodel_value(fm, F_PASSWORD);
	char *again = formmodel_value(fm, F_AGAIN);
	int rc = 0;

	(void)arg;
	if (strcmp(pw, again) != 0)
		rc = formmodel_fail(fm, F_AGAIN, err_set(ERR_INVALID, "%s",
		    _("The two new passwords differ; type them again")));
	drop(pw);
	drop(again);
	return rc;
}

static int
passwd_open(struct screen *s, void *arg)
{
	const struct user_info *u = arg;
	struct session *ss = app_session(s->app);
	struct passwd *p;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_USER_MANAGE)) != 0)
		return rc;
	p = xcalloc(1, sizeof *p);
	p->name = xstrdup(u->name);
	p->who = xasprintf(_("%s (%s)"), u->name, u->display);
	formmodel_init(&p->fm, passwd_fields, F_COUNT, NULL);
	p->fm.check = check_same;
	formmodel_set(&p->fm, F_USER, p->who);
	formmodel_mark_clean(&p->fm);
	s->state = p;
	return 0;
}

static void
passwd_close(struct screen *s)
{
	struct passwd *p = s->state;

	formmodel_release(&p->fm);
	free(p->name);
	free(p->who);
	free(p);
}

static void
passwd_draw(struct screen *s, WINDOW *w)
{
	struct passwd *p = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_fit(w, 1, 2, cols - 4, _("Tell the colleague the new password "
	    "in person; they can change it under My account."), TUI_DIM);
	form_draw(&p->fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* Ctrl-S: check both fields, then set the password. */
static int
passwd_save(struct screen *s)
{
	struct passwd *p = s->state;
	char *pw;
	int rc;

	if ((rc = formmodel_validate(&p->fm)) != 0)
		return app_fail(s->app, rc);
	pw = formmodel_value(&p->fm, F_PASSWORD);
	rc = svc_user_passwd(app_session(s->app), p->name, pw);
	drop(pw);
	if (rc != 0)
		return app_fail(s->app, formmodel_fail(&p->fm, F_PASSWORD, rc));
	app_info(s->app, _("%s has a new password."), p->who);
	formmodel_mark_clean(&p->fm);
	return screen_answer(s, 1, 0, p->name);
}

static int
passwd_action(struct screen *s, int act)
{
	(void)act;
	return passwd_save(s);
}

static int
passwd_input(struct screen *s, int key)
{
	struct passwd *p = s->state;

	return form_key(&p->fm, s, key);
}

static int
passwd_dirty(struct screen *s)
{
	struct passwd *p = s->state;

	return formmodel_dirty(&p->fm);
}

static const struct keybind passwd_keys[] = {
	{ K_CTRL('s'), PW_SAVE, N_("Save"), 0 },
	{ K_F(2), PW_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_passwd_ops = {
	.name = "user-passwd",
	.title = N_("Set a new password"),
	.help = N_("A new password for a colleague who forgot theirs: 8 to "
	    "128 characters, typed twice. It also clears the wrong tries, so "
	    "a locked account can log in again. Ctrl-S saves; Esc leaves and "
	    "asks first if something was typed."),
	.keys = passwd_keys,
	.open = passwd_open,
	.draw = passwd_draw,
	.action = passwd_action,
	.input = passwd_input,
	.dirty = passwd_dirty,
	.close = passwd_close,
};
