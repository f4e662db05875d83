/*
 * scr_system.c: accounts and upkeep.  A short menu of what the role may do
 * (core/perm.h): the users, the audit log, a backup now and the integrity
 * check.  The backup and the check run from here: the backup asks for the
 * file (by default a dated name beside the database) and, when it exists,
 * whether to overwrite it; the check shows its report.  load() reads the
 * counts behind the summaries; draw() only paints.
 */
#include "ui/scr_system.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "db/audit_db.h"
#include "db/db.h"
#include "svc/session.h"
#include "svc/svc_admin.h"
#include "svc/svc_user.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/list.h"
#include "ui/scr_audit.h"
#include "ui/scr_users.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/fsutil.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

enum system_action { SYS_OPEN, SYS_REFRESH };

enum system_item { ITEM_USERS, ITEM_AUDIT, ITEM_BACKUP, ITEM_CHECK,
	ITEM_COUNT };

/* Dialogs this screen opens. */
enum { TAG_BACKUP_PATH, TAG_BACKUP_OVERWRITE };

/* The entries: title, what it is for, the permissions (either one). */
static const struct {
	const char *title;
	const char *blurb;
	enum perm_action perm, perm2;
} items[ITEM_COUNT] = {
	[ITEM_USERS] = { N_("Users"),
	    N_("Accounts, roles, passwords, unlocking"), PERM_USER_MANAGE,
	    PERM_USER_UNLOCK },
	[ITEM_AUDIT] = { N_("Audit log"),
	    N_("Who changed what, and when"), PERM_AUDIT_VIEW,
	    PERM_AUDIT_VIEW },
	[ITEM_BACKUP] = { N_("Back up now"),
	    N_("An online copy of the database into a file"), PERM_BACKUP,
	    PERM_BACKUP },
	[ITEM_CHECK] = { N_("Integrity check"),
	    N_("The file, the audit chain and the business rules"),
	    PERM_CHECK, PERM_CHECK },
};

/* One entry of the menu. */
struct system_row {
	enum system_item item;
	char num[12];      /* "1" .. */
	char summary[160]; /* from load() */
};

struct system {
	struct system_row rows[ITEM_COUNT];
	int n;
	struct listcol cols[3];
	struct list list;
	char *backup_path; /* waiting for the answer to "overwrite?" */
};

/* ---- counts -------------------------------------------------------------- */

/* Accounts in all, locked now and disabled.  0 or an err code. */
static int
count_users(struct session *ss, int *n, int *locked, int *disabled)
{
	struct user_info *u;
	int i, rc;

	*n = *locked = *disabled = 0;
	if ((rc = svc_user_list(ss, &u, n)) != 0)
		return rc;
	for (i = 0; i < *n; i++) {
		*locked += u[i].active && u[i].locked_until != 0;
		*disabled += !u[i].active;
		user_info_release(&u[i]);
	}
	free(u);
	return 0;
}

int
scr_system_summary(struct app *app, char *buf, size_t bufsz)
{
	struct session *ss = app_session(app);
	int n, locked, disabled;

	if (ss == NULL || (!session_may(ss, PERM_USER_MANAGE) &&
	    !session_may(ss, PERM_USER_UNLOCK)) ||
	    count_users(ss, &n, &locked, &disabled) != 0 || locked == 0)
		return ERR_NOTFOUND;
	snprintf(buf, bufsz, _("%d accounts locked after wrong passwords: "
	    "unlock them under Users"), locked);
	return 0;
}

/* The users entry's summary: accounts, locked, disabled. */
static void
users_summary(struct screen *s, char *buf, size_t bufsz)
{
	int n, locked, disabled, k;

	if (count_users(app_session(s->app), &n, &locked, &disabled) != 0) {
		snprintf(buf, bufsz, "%s", _(items[ITEM_USERS].blurb));
		return;
	}
	k = snprintf(buf, bufsz, _("%d accounts"), n);
	if (locked > 0 && k >= 0 && (size_t)k < bufsz)
		k += snprintf(buf + k, bufsz - (size_t)k, _(", %d locked"),
		    locked);
	if (disabled > 0 && k >= 0 && (size_t)k < bufsz)
		snprintf(buf + k, bufsz - (size_t)k, _(", %d disabled"),
		    disabled);
}

/* The audit entry's summary: rows and the time of the newest. */
static void
audit_summary(struct screen *s, char *buf, size_t bufsz)
{
	struct audit_row *r = NULL;
	char when[32];
	int64_t n;
	int nr = 0;

	if (audit_db_count(app_db(s->app), &n) != 0 ||
	    audit_db_recent(app_db(s->app), NULL, 0, 1, &r, &nr) != 0 ||
	    nr == 0) {
		snprintf(buf, bufsz, "%s", _(items[ITEM_AUDIT].blurb));
		free(r);
		return;
	}
	clock_format(when, sizeof when, r[0].at);
	snprintf(buf, bufsz, _("%lld entries, the newest at %s"),
	    (long long)n, when);
	audit_row_release(&r[0]);
	free(r);
}

/* ---- the menu ------------------------------------------------------------ */

static int
row_count(void *ctx)
{
	return ((struct system *)ctx)->n;
}

static const char *
row_cell(void *ctx, int row, int col)
{
	struct system_row *r = &((struct system *)ctx)->rows[row];

	return col == 0 ? r->num : col == 1 ? _(items[r->item].title) :
	    r->summary;
}

static const struct listmodel_ops system_list_ops = {
	.count = row_count, .cell = row_cell,
};

static int
system_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct system *sy;
	int i;

	(void)arg;
	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	sy = xcalloc(1, sizeof *sy);
	for (i = 0; i < ITEM_COUNT; i++) {
		if (!session_may(ss, items[i].perm) &&
		    !session_may(ss, items[i].perm2))
			continue;
		sy->rows[sy->n].item = (enum system_item)i;
		snprintf(sy->rows[sy->n].num, sizeof sy->rows[sy->n].num, "%d",
		    sy->n + 1);
		sy->n++;
	}
	sy->cols[0] = (struct listcol){ "", 2, 0, TEXT_RIGHT };
	sy->cols[1] = (struct listcol){ _("Task"), 16, 0, TEXT_LEFT };
	sy->cols[2] = (struct listcol){ _("Summary"), 30, 1, TEXT_LEFT };
	list_init(&sy->list, &system_list_ops, sy, sy->cols, 3, NULL);
	sy->list.footer = 0;
	s->state = sy;
	return 0;
}

static int
system_load(struct screen *s)
{
	struct system *sy = s->state;
	struct system_row *r;
	int i;

	for (i = 0; i < sy->n; i++) {
		r = &sy->rows[i];
		if (r->item == ITEM_USERS)
			users_summary(s, r->summary, sizeof r->summary);
		else if (r->item == ITEM_AUDIT)
			audit_summary(s, r->summary, sizeof r->summary);
		else
			snprintf(r->summary, sizeof r->summary, "%s",
			    _(items[r->item].blurb));
	}
	listmodel_reload(&sy->list.m);
	return 0;
}

static void
system_draw(struct screen *s, WINDOW *w)
{
	struct system *sy = s->state;
	int cols = getmaxx(w);

	list_draw(&sy->list, w, 1, 2, sy->n + 1, cols - 4);
	draw_fit(w, sy->n + 3, 4, cols - 8,
	    _("Pick with a digit, or with the arrows and Enter."), TUI_DIM);
}

static void
system_close(struct screen *s)
{
	struct system *sy = s->state;

	list_release(&sy->list);
	free(sy->backup_path);
	free(sy);
}

/* ---- backup -------------------------------------------------------------- */

static const char *const backup_label = N_("Write the backup to this file "
    "(a name without a folder goes beside the database):");

/* The folder of the database, with a trailing '/', into buf ("" when the
 * path has no folder). */
static void
db_folder(struct app *app, char *buf, size_t bufsz)
{
	const char *path = db_path(app_db(app));
	char real[PATH_MAX], *slash;

	if (path == NULL || realpath(path, real) == NULL)
		snprintf(real, sizeof real, "%s", path != NULL ? path : "");
	if ((slash = strrchr(real, '/')) != NULL)
		slash[1] = '\0';
	else
		real[0] = '\0';
	snprintf(buf, bufsz, "%s", real);
}

/* "FOLDER/backup-YYYYMMDD-HHMM.db" beside the database. */
static void
default_backup_path(struct app *app, char *buf, size_t bufsz)
{
	char dir[PATH_MAX], stamp[40];
	time_t now = (time_t)clock_now();
	struct tm tm;

	db_folder(app, dir, sizeof dir);
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "backup-%Y%m%d-%H%M.db", &tm);
	snprintf(buf, bufsz, "%s%s", dir, stamp);
}

/* Take the backup to path (force: overwrite) and say how it went. */
static int
run_backup(struct screen *s, const char *path, int force)
{
	char text[PATH_MAX + 256];
	struct stat st;

	if (svc_backup(app_session(s->app), path, force) != 0) {
		snprintf(text, sizeof text, _("No backup was written.\n%s"),
		    err_msg());
		dialog_message(s->app, _("Backup failed"), text);
		return app_fail(s->app, ERR_IO);
	}
	if (stat(path, &st) == 0)
		snprintf(text, sizeof text, _("The database was copied to\n%s\n"
		    "(%.1f MB). Keep the copy on another disk or machine."),
		    path, (double)st.st_size / 1e6);
	else
		snprintf(text, sizeof text, _("The database was copied to\n%s"),
		    path);
	app_info(s->app, _("Backup written to %s"), path);
	dialog_message(s->app, _("Backup done"), text);
	system_load(s); /* the backup's audit row: the log grew */
	return UI_REDRAW;
}

/* 0 when path can take a backup: named, not the database, in a folder
 * that exists; else an err code (message set). */
static int
backup_path_ok(struct app *app, const char *path, int named)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	struct stat st;
	int rc = 0;

	if (slash != NULL)
		slash[slash == dir] = '\0';
	if (!named)
		rc = err_set(ERR_INVALID, "%s",
		    _("Type the name of the backup file"));
	else if (db_is_own_file(app_db(app), path))
		rc = err_set(ERR_INVALID, "%s", _("the backup must not "
		    "overwrite the database itself; choose another file"));
	else if (slash != NULL && (stat(dir, &st) != 0 ||
	    !S_ISDIR(st.st_mode)))
		rc = err_set(ERR_NOTFOUND, _("There is no folder %s; choose "
		    "another place for the backup"), dir);
	free(dir);
	return rc;
}

/* The file was named: check it (asking again when it will not do), ask
 * before overwriting, then back up. */
static int
backup_to(struct screen *s, const char *typed)
{
	struct system *sy = s->state;
	char dir[PATH_MAX], *path, *t = xstrdup(typed != NULL ? typed : "");
	char text[PATH_MAX + 128];
	int bits = UI_REDRAW, rc;

	text_trim(t);
	db_folder(s->app, dir, sizeof dir);
	path = t[0] == '/' ? xstrdup(t) : xasprintf("%s%s", dir, t);
	if ((rc = backup_path_ok(s->app, path, t[0] != '\0')) != 0) {
		bits = app_fail(s->app, rc);
		dialog_prompt(s->app, TAG_BACKUP_PATH, _("Back up now"),
		    _(backup_label), t, LINEEDIT_TEXT, PATH_MAX - 1);
	} else if (fs_exists(path)) {
		free(sy->backup_path);
		sy->backup_path = xstrdup(path);
		snprintf(text, sizeof text, _("The file\n%s\nexists already. "
		    "Replace it with a new backup?"), path);
		dialog_confirm(s->app, TAG_BACKUP_OVERWRITE,
		    _("Replace the file?"), text);
	} else
		bits = run_backup(s, path, 0);
	free(path);
	free(t);
	return bits;
}

/* Ask for the file, offering a dated name beside the database. */
static int
ask_backup(struct screen *s)
{
	char path[PATH_MAX + 64];

	default_backup_path(s->app, path, sizeof path);
	dialog_prompt(s->app, TAG_BACKUP_PATH, _("Back up now"),
	    _(backup_label), path, LINEEDIT_TEXT, PATH_MAX - 1);
	return UI_REDRAW;
}

/* ---- check --------------------------------------------------------------- */

/* Run the quick check and show its report. */
static int
run_check(struct screen *s)
{
	struct strbuf text = STRBUF_INIT;
	int rc = svc_check(app_session(s->app), 0, &text);

	if (rc == 0) {
		strbuf_addf(&text, "\n%s", _("All checks passed."));
		app_info(s->app, "%s", _("All checks passed."));
	} else {
		strbuf_addf(&text, "\n%s\n%s", _("Problem found:"), err_msg());
		app_fail(s->app, rc);
	}
	dialog_message(s->app, _("Integrity check"), text.buf);
	strbuf_release(&text);
	return UI_HANDLED | UI_REDRAW;
}

/* ---- keys ---------------------------------------------------------------- */

/* Open entry i. */
static int
open_row(struct screen *s, int i)
{
	struct system *sy = s->state;

	listmodel_select(&sy->list.m, i);
	switch (sy->rows[i].item) {
	case ITEM_USERS:
		app_push(s->app, session_may(app_session(s->app),
		    PERM_USER_MANAGE) ? &scr_users_ops : &scr_users_unlock_ops,
		    NULL, 0);
		break;
	case ITEM_AUDIT:
		app_push(s->app, &scr_audit_ops, NULL, 0);
		break;
	case ITEM_BACKUP:
		return ask_backup(s);
	default:
		return run_check(s);
	}
	return UI_REDRAW;
}

static int
system_action(struct screen *s, int act)
{
	struct system *sy = s->state;

	switch (act) {
	case SYS_OPEN:
		return sy->list.m.sel >= 0 ? open_row(s, sy->list.m.sel) :
		    UI_HANDLED;
	case SYS_REFRESH:
		return UI_RELOAD | UI_REDRAW;
	}
	return list_action(&sy->list, s, act);
}

static int
system_input(struct screen *s, int key)
{
	struct system *sy = s->state;

	if (key >= '1' && key < '1' + sy->n && key - '1' < ITEM_COUNT)
		return open_row(s, key - '1');
	return UI_UNHANDLED;
}

static int
system_result(struct screen *s, int tag, const struct screen_answer *a)
{
	struct system *sy = s->state;
	int bits = UI_REDRAW;

	if (!a->ok) {
		if (tag == TAG_BACKUP_OVERWRITE)
			app_info(s->app, "%s", _("No backup was written."));
	} else if (tag == TAG_BACKUP_PATH)
		bits = backup_to(s, a->text);
	else if (tag == TAG_BACKUP_OVERWRITE && sy->backup_path != NULL)
		bits = run_backup(s, sy->backup_path, 1);
	if (tag == TAG_BACKUP_OVERWRITE)
		FREE(&sy->backup_path);
	return bits;
}

static const struct keybind system_keys[] = {
	{ K_ENTER, SYS_OPEN, N_("Open"), 0 },
	{ K_F(5), SYS_REFRESH, N_("Refresh"), 0 },
	{ 'r', SYS_REFRESH, NULL, 0 },
	LIST_MOVE_KEYS,
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_system_ops = {
	.name = "system",
	.title = N_("Accounts and upkeep"),
	.help = N_("Looking after the accounts and the database file. Users: "
	    "add accounts, reset passwords, unlock after wrong passwords, "
	    "disable and enable. Audit log: every change, who made it and "
	    "when. Back up now: an online copy of the database into a file "
	    "(keep it on another disk). Integrity check: the file, the audit "
	    "chain and the business rules. You see only what your role may "
	    "do."),
	.keys = system_keys,
	.open = system_open,
	.load = system_load,
	.draw = system_draw,
	.action = system_action,
	.input = system_input,
	.result = system_result,
	.close = system_close,
};
