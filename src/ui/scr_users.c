/*
 * scr_users.c: the accounts list.  Each row: login name, display name, role
 * and state (active, disabled, or locked until a time, with the wrong
 * tries).  The administrator adds accounts, resets passwords, disables and
 * enables them; the director and the administrator unlock.  Enter offers
 * what may be done to the selected account; each action is also on its own
 * key.  Every change goes through svc_user_* (one transaction, audited).
 */
#include "ui/scr_users.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "svc/session.h"
#include "svc/svc_user.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/scr_passwd.h"
#include "ui/scr_useradd.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum users_action { USR_MENU, USR_ADD, USR_PASSWD, USR_UNLOCK, USR_TOGGLE,
	USR_REFRESH };

/* Dialogs and forms this screen opens. */
enum { TAG_MENU, TAG_ADDED, TAG_PASSWD, TAG_DISABLE, TAG_ENABLE };

enum { COL_NAME, COL_DISPLAY, COL_ROLE, COL_STATE, COL_COUNT };

#define MENU_MAX 4

struct users {
	struct user_info *all;  /* every account, by login name */
	int nall;
	int *shown;             /* indexes into all that pass the filter */
	int nshown;
	char *filter;           /* lower-cased filter text */
	struct listcol cols[COL_COUNT];
	struct list list;
	char cell[160];         /* the last state cell */
	int menu[MENU_MAX];     /* Enter's choices, as actions */
	int nmenu;
	char *target;           /* login name the open dialog is about */
	char *target_who;       /* and its "name (display)" */
	char *select;           /* select this login name after load() */
};

/* ---- rows ---------------------------------------------------------------- */

/* The account on row i (after the filter), or NULL. */
static struct user_info *
row_user(struct users *us, int i)
{
	return i >= 0 && i < us->nshown ? &us->all[us->shown[i]] : NULL;
}

/* The selected account, or NULL. */
static struct user_info *
selected(struct users *us)
{
	return row_user(us, us->list.m.sel);
}

/* "Locked until 14:35 (5 wrong tries)", "Disabled" ... into buf. */
static void
state_text(const struct user_info *u, char *buf, size_t bufsz)
{
	time_t until = (time_t)u->locked_until;
	struct tm tm;
	char hm[16];

	if (!u->active)
		snprintf(buf, bufsz, "%s", _("Disabled"));
	else if (u->locked_until != 0) {
		localtime_r(&until, &tm);
		strftime(hm, sizeof hm, "%H:%M", &tm);
		snprintf(buf, bufsz, _("Locked until %s (%d wrong tries)"), hm,
		    u->failed);
	} else if (u->failed > 0)
		snprintf(buf, bufsz, _("Active (%d wrong tries)"), u->failed);
	else
		snprintf(buf, bufsz, "%s", _("Active"));
}

/* 1 when the account is locked or has wrong tries to clear. */
static int
unlockable(const struct user_info *u)
{
	return u->locked_until != 0 || u->failed > 0;
}

static int
row_count(void *ctx)
{
	return ((struct users *)ctx)->nshown;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct users *us = ctx;
	struct user_info *u = row_user(us, row);

	if (u == NULL)
		return "";
	switch (col) {
	case COL_NAME:
		return u->name;
	case COL_DISPLAY:
		return u->display;
	case COL_ROLE:
		return role_label(u->role);
	}
	state_text(u, us->cell, sizeof us->cell);
	return us->cell;
}

/* ASCII lower case of s.  Caller frees. */
static char *
lower(const char *s)
{
	char *t = xstrdup(s), *p;

	for (p = t; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return t;
}

/* 1 when the filter text is in s (ASCII letters in either case). */
static int
has(const char *s, const char *filter)
{
	char *t = lower(s);
	int r = strstr(t, filter) != NULL;

	free(t);
	return r;
}

/* Rebuild the shown rows from all and the filter. */
static void
apply_filter(struct users *us)
{
	struct user_info *u;
	char state[160];
	int i;

	us->nshown = 0;
	for (i = 0; i < us->nall; i++) {
		u = &us->all[i];
		state_text(u, state, sizeof state);
		if (us->filter[0] == '\0' || has(u->name, us->filter) ||
		    has(u->display, us->filter) ||
		    has(role_label(u->role), us->filter) ||
		    has(state, us->filter))
			us->shown[us->nshown++] = i;
	}
}

static int
row_filter(void *ctx, const char *text)
{
	struct users *us = ctx;

	free(us->filter);
	us->filter = lower(text);
	apply_filter(us);
	return 0;
}

static const struct listmodel_ops users_list_ops = {
	.count = row_count, .cell = row_cell, .filter = row_filter,
};

/* ---- open, load, draw ---------------------------------------------------- */

/* Free the accounts read by load(). */
static void
free_rows(struct users *us)
{
	int i;

	for (i = 0; i < us->nall; i++)
		user_info_release(&us->all[i]);
	FREE(&us->all);
	FREE(&us->shown);
	us->nall = us->nshown = 0;
}

static int
users_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct users *us;
	int rc;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if (!session_may(ss, PERM_USER_MANAGE) &&
	    (rc = session_require(ss, PERM_USER_UNLOCK)) != 0)
		return rc;
	us = xcalloc(1, sizeof *us);
	us->filter = xstrdup("");
	us->cols[COL_NAME] = (struct listcol){ _("User name"), 12, 0,
	    TEXT_LEFT };
	us->cols[COL_DISPLAY] = (struct listcol){ _("Display name"), 16, 1,
	    TEXT_LEFT };
	us->cols[COL_ROLE] = (struct listcol){ _("Role"), 12, 0, TEXT_LEFT };
	us->cols[COL_STATE] = (struct listcol){ _("State"), 26, 2,
	    TEXT_LEFT };
	list_init(&us->list, &users_list_ops, us, us->cols, COL_COUNT,
	    _("No accounts"));
	s->state = us;
	return 0;
}

/* Select the row of login name (after a reload), when it is shown. */
static void
select_name(struct users *us, const char *name)
{
	int i;

	for (i = 0; i < us->nshown; i++)
		if (strcmp(row_user(us, i)->name, name) == 0) {
			listmodel_select(&us->list.m, i);
			return;
		}
}

static int
users_load(struct screen *s)
{
	struct users *us = s->state;
	int rc;

	free_rows(us);
	if ((rc = svc_user_list(app_session(s->app), &us->all, &us->nall)) !=
	    0)
		return rc;
	us->shown = xcalloc((size_t)us->nall + 1, sizeof *us->shown);
	apply_filter(us);
	listmodel_reload(&us->list.m);
	if (us->select != NULL) {
		select_name(us, us->select);
		FREE(&us->select);
	}
	return 0;
}

static void
users_draw(struct screen *s, WINDOW *w)
{
	struct users *us = s->state;

	list_draw(&us->list, w, 1, 1, getmaxy(w) - 1, getmaxx(w) - 2);
}

static void
users_close(struct screen *s)
{
	struct users *us = s->state;

	free_rows(us);
	list_release(&us->list);
	free(us->filter);
	free(us->target);
	free(us->target_who);
	free(us->select);
	free(us);
}

/* ---- actions ------------------------------------------------------------- */

/* "wangli（王丽）" of u into buf. */
static void
who(const struct user_info *u, char *buf, size_t bufsz)
{
	snprintf(buf, bufsz, _("%s (%s)"), u->name, u->display);
}

/* Remember the account a dialog is about. */
static void
set_target(struct users *us, const struct user_info *u)
{
	char name[160];

	who(u, name, sizeof name);
	free(us->target);
	free(us->target_who);
	us->target = xstrdup(u->name);
	us->target_who = xstrdup(name);
}

/* 1 when u is the account logged in at this desk. */
static int
is_self(struct screen *s, const struct user_info *u)
{
	return strcmp(u->name, app_session(s->app)->user) == 0;
}

/* After a change: reload, keep the account selected. */
static int
changed(struct users *us, const char *name)
{
	free(us->select);
	us->select = xstrdup(name);
	return UI_RELOAD | UI_REDRAW;
}

/* F2: the form for a new account. */
static int
do_add(struct screen *s)
{
	app_push(s->app, &scr_useradd_ops, NULL, TAG_ADDED);
	return UI_REDRAW;
}

/* F3: the form for a new password (not one's own: My account asks for
 * the current password first). */
static int
do_passwd(struct screen *s, struct user_info *u)
{
	if (is_self(s, u))
		return app_fail(s->app, err_set(ERR_STATE, "%s",
		    _("Change your own password under My account on home")));
	app_push(s->app, &scr_passwd_ops, u, TAG_PASSWD);
	return UI_REDRAW;
}

/* F6: clear the lock and the wrong tries at once (no question: it only
 * lets the owner of the account try again). */
static int
do_unlock(struct screen *s, struct user_info *u)
{
	struct users *us = s->state;
	char name[160];
	int rc;

	who(u, name, sizeof name);
	if (!unlockable(u)) {
		app_info(s->app, _("%s is not locked."), name);
		return UI_REDRAW;
	}
	if ((rc = svc_user_unlock(app_session(s->app), u->name)) != 0)
		return app_fail(s->app, rc);
	app_info(s->app, _("%s is unlocked and can log in again."), name);
	return changed(us, u->name);
}

/* Disable an active account or enable a disabled one, asking first. */
static int
do_toggle(struct screen *s, struct user_info *u)
{
	struct users *us = s->state;
	char name[160], text[512];

	who(u, name, sizeof name);
	set_target(us, u);
	if (u->active) {
		if (is_self(s, u))
			return app_fail(s->app, err_set(ERR_STATE, "%s",
			    _("you cannot disable your own account")));
		snprintf(text, sizeof text, _("Disable %s? The account can no "
		    "longer log in. Nothing it did is removed, and it can be "
		    "enabled again."), name);
		dialog_confirm(s->app, TAG_DISABLE, _("Disable account"), text);
	} else {
		snprintf(text, sizeof text, _("Enable %s again? It logs in "
		    "with its old password and role."), name);
		dialog_confirm(s->app, TAG_ENABLE, _("Enable account"), text);
	}
	return UI_REDRAW;
}

/* Run the svc change the confirm dialog agreed to. */
static int
confirmed(struct screen *s, int tag)
{
	struct users *us = s->state;
	int rc;

	if (us->target == NULL)
		return UI_REDRAW;
	rc = tag == TAG_DISABLE ?
	    svc_user_disable(app_session(s->app), us->target) :
	    svc_user_enable(app_session(s->app), us->target);
	if (rc != 0)
		return app_fail(s->app, rc);
	app_info(s->app, tag == TAG_DISABLE ? _("%s is disabled.") :
	    _("%s is enabled again."), us->target_who);
	return changed(us, us->target);
}

/* Run action act on the selected account. */
static int
run(struct screen *s, int act)
{
	struct users *us = s->state;
	struct user_info *u = selected(us);

	if (act == USR_ADD)
		return do_add(s);
	if (u == NULL)
		return app_fail(s->app, err_set(ERR_STATE, "%s",
		    _("Select an account first")));
	switch (act) {
	case USR_PASSWD:
		return do_passwd(s, u);
	case USR_UNLOCK:
		return do_unlock(s, u);
	default:
		return do_toggle(s, u);
	}
}

/* Enter: offer what the role may do to the selected account. */
static int
do_menu(struct screen *s)
{
	struct users *us = s->state;
	struct session *ss = app_session(s->app);
	struct user_info *u = selected(us);
	const char *labels[MENU_MAX];
	char title[160];
	int i;

	if (u == NULL)
		return UI_HANDLED;
	us->nmenu = 0;
	if (unlockable(u) && session_may(ss, PERM_USER_UNLOCK))
		us->menu[us->nmenu++] = USR_UNLOCK;
	if (session_may(ss, PERM_USER_MANAGE) && !is_self(s, u)) {
		us->menu[us->nmenu++] = USR_PASSWD;
		us->menu[us->nmenu++] = USR_TOGGLE;
	}
	who(u, title, sizeof title);
	if (us->nmenu == 0 && is_self(s, u))
		return app_fail(s->app, err_set(ERR_STATE, "%s",
		    _("This is your own account: change it under My account "
		    "on home")));
	if (us->nmenu == 0) {
		app_info(s->app, _("%s is not locked."), title);
		return UI_REDRAW;
	}
	for (i = 0; i < us->nmenu; i++)
		labels[i] = us->menu[i] == USR_UNLOCK ? _("Unlock") :
		    us->menu[i] == USR_PASSWD ? _("Set a new password") :
		    u->active ? _("Disable the account") :
		    _("Enable the account again");
	dialog_choose(s->app, TAG_MENU, title, labels, us->nmenu, 0);
	return UI_REDRAW;
}

static int
users_action(struct screen *s, int act)
{
	struct users *us = s->state;

	switch (act) {
	case USR_MENU:
		return do_menu(s);
	case USR_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	case USR_ADD:
	case USR_PASSWD:
	case USR_UNLOCK:
	case USR_TOGGLE:
		return run(s, act);
	}
	return list_action(&us->list, s, act);
}

static int
users_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct users *us = s->state;

	if (!a->ok)
		return UI_REDRAW;
	switch (tag) {
	case TAG_MENU:
		return a->index >= 0 && a->index < us->nmenu ?
		    run(s, us->menu[a->index]) : UI_REDRAW;
	case TAG_ADDED:
		return changed(us, a->text != NULL ? a->text : "");
	case TAG_PASSWD: /* the wrong tries were cleared too */
		return changed(us, a->text != NULL ? a->text : "");
	case TAG_DISABLE:
	case TAG_ENABLE:
		return confirmed(s, tag);
	}
	return UI_REDRAW;
}

/* ---- tables -------------------------------------------------------------- */

static const struct keybind users_keys[] = {
	{ K_ENTER, USR_MENU, N_("Actions"), 0 },
	{ K_F(2), USR_ADD, N_("New"), 0 },
	{ 'n', USR_ADD, NULL, 0 },
	{ K_F(3), USR_PASSWD, N_("Password"), 0 },
	{ 'e', USR_PASSWD, NULL, 0 },
	{ K_F(6), USR_UNLOCK, N_("Unlock"), 0 },
	{ 'u', USR_UNLOCK, NULL, 0 },
	{ K_F(8), USR_TOGGLE, N_("Disable/enable"), 0 },
	{ 'd', USR_TOGGLE, NULL, 0 },
	{ K_F(5), USR_REFRESH, N_("Refresh"), KB_HELPONLY },
	{ 'r', USR_REFRESH, NULL, 0 },
	{ '/', LIST_FILTER, N_("Filter"), 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

static const struct keybind users_unlock_keys[] = {
	{ K_ENTER, USR_MENU, N_("Actions"), 0 },
	{ K_F(6), USR_UNLOCK, N_("Unlock"), 0 },
	{ 'u', USR_UNLOCK, NULL, 0 },
	{ K_F(5), USR_REFRESH, N_("Refresh"), 0 },
	{ 'r', USR_REFRESH, NULL, 0 },
	{ '/', LIST_FILTER, N_("Filter"), 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_users_ops = {
	.name = "users",
	.title = N_("Users"),
	.help = N_("The accounts of the program. Enter shows what you can do "
	    "to the selected account. New adds an account; Password gives a "
	    "new one to somebody who forgot theirs; Unlock lets an account "
	    "locked after wrong passwords log in again; Disable/enable stops "
	    "an account from logging in, or lets it in again. Accounts are "
	    "never deleted, so the audit log keeps its names."),
	.keys = users_keys,
	.open = users_open,
	.load = users_load,
	.draw = users_draw,
	.action = users_action,
	.result = users_result,
	.close = users_close,
};

const struct screen_ops scr_users_unlock_ops = {
	.name = "users-unlock",
	.title = N_("Users"),
	.help = N_("The accounts of the program. An account is locked for a "
	    "while after five wrong passwords; select it and press Unlock "
	    "(or Enter) so that it can log in again at once."),
	.keys = users_unlock_keys,
	.open = users_open,
	.load = users_load,
	.draw = users_draw,
	.action = users_action,
	.result = users_result,
	.close = users_close,
};
