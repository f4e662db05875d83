/*
 * scr_useradd.c: the form for a new account.  Each field is checked as it
 * is left, with the same rules svc_user_add() applies (svc_user_name_ok,
 * svc_user_display_ok, svc_password_ok); Ctrl-S checks them all and adds
 * the account; Esc asks before throwing the typing away.  The new login
 * name goes back to the users list, which selects it.
 */
#include "ui/scr_useradd.h"

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

enum useradd_action { ADD_SAVE };
enum { F_NAME, F_DISPLAY, F_ROLE, F_PASSWORD, F_AGAIN, F_COUNT };

/* The roles as the choice field offers them (enum role order). */
static const char *const role_choices[] = {
	N_("Receptionist"), N_("Cashier"), N_("Director"), N_("Administrator"),
	NULL,
};

static int
check_name(const char *text, void *arg)
{
	(void)arg;
	return svc_user_name_ok(text);
}

static int
check_display(const char *text, void *arg)
{
	(void)arg;
	return svc_user_display_ok(text);
}

static int
check_password(const char *text, void *arg)
{
	(void)arg;
	return svc_password_ok(text);
}

static const struct form_field_def useradd_fields[F_COUNT] = {
	[F_NAME] = { .label = N_("User name"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 32, .width = 24,
		.validate = check_name, .hint = N_("e.g. wangli") },
	[F_DISPLAY] = { .label = N_("Display name"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 32, .width = 24,
		.validate = check_display, .hint = N_("e.g. 王丽") },
	[F_ROLE] = { .label = N_("Role"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .choices = role_choices },
	[F_PASSWORD] = { .label = N_("Password"), .kind = FORM_TEXT,
		.flags = FORM_PASSWORD | FORM_REQUIRED, .maxchars = 128,
		.width = 24, .validate = check_password },
	[F_AGAIN] = { .label = N_("Password again"), .kind = FORM_TEXT,
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
		    _("The two passwords differ; type them again")));
	drop(pw);
	drop(again);
	return rc;
}

static int
useradd_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct formmodel *fm;
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_USER_MANAGE)) != 0)
		return rc;
	fm = xcalloc(1, sizeof *fm);
	formmodel_init(fm, useradd_fields, F_COUNT, NULL);
	fm->check = check_same;
	formmodel_set_choice(fm, F_ROLE, ROLE_RECEPTIONIST);
	formmodel_mark_clean(fm);
	s->state = fm;
	return 0;
}

static void
useradd_close(struct screen *s)
{
	formmodel_release(s->state);
	free(s->state);
}

static void
useradd_draw(struct screen *s, WINDOW *w)
{
	struct formmodel *fm = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_fit(w, 1, 2, cols - 4, _("The new colleague logs in with the "
	    "user name and this password, and can change the password under "
	    "My account."), TUI_DIM);
	form_draw(fm, w, 3, 2, rows - 4, cols - 4, s);
}

/* Ctrl-S: check everything, then add the account. */
static int
useradd_save(struct screen *s)
{
	struct formmodel *fm = s->state;
	char *name, *display, *pw;
	int64_t id;
	int rc, bits;

	if ((rc = formmodel_validate(fm)) != 0)
		return app_fail(s->app, rc);
	name = formmodel_value(fm, F_NAME);
	display = formmodel_value(fm, F_DISPLAY);
	pw = formmodel_value(fm, F_PASSWORD);
	rc = svc_user_add(app_session(s->app), name, display,
	    (enum role)formmodel_choice(fm, F_ROLE), pw, &id);
	drop(pw);
	if (rc != 0) {
		if (rc == ERR_CONFLICT) /* the name is taken */
			formmodel_fail(fm, F_NAME, rc);
		bits = app_fail(s->app, rc);
	} else {
		app_info(s->app, _("Account %s (%s) added."), name, display);
		formmodel_mark_clean(fm);
		bits = screen_answer(s, 1, 0, name);
	}
	free(name);
	free(display);
	return bits;
}

static int
useradd_action(struct screen *s, int act)
{
	(void)act;
	return useradd_save(s);
}

static int
useradd_input(struct screen *s, int key)
{
	return form_key(s->state, s, key);
}

static int
useradd_dirty(struct screen *s)
{
	return formmodel_dirty(s->state);
}

static const struct keybind useradd_keys[] = {
	{ K_CTRL('s'), ADD_SAVE, N_("Save"), 0 },
	{ K_F(2), ADD_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_useradd_ops = {
	.name = "user-add",
	.title = N_("New account"),
	.help = N_("A new account for a colleague. The user name is what "
	    "they type to log in: 2 to 32 small letters, digits, '.', '_' or "
	    "'-'. The display name is shown in the header and on receipts. "
	    "The role decides what they may do. Left and Right (or Space) "
	    "change the role. Ctrl-S adds the account; Esc leaves and asks "
	    "first if something was typed."),
	.keys = useradd_keys,
	.open = useradd_open,
	.draw = useradd_draw,
	.action = useradd_action,
	.input = useradd_input,
	.dirty = useradd_dirty,
	.close = useradd_close,
};
