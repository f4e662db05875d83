/*
 * cmd_setup.c: the commands that make a database: init and demo.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "svc/svc_admin.h"
#include "svc/svc_user.h"
#include "util/config.h"
#include "util/err.h"
#include "util/fsutil.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/xalloc.h"

/* Ask for a new password twice (or read it once from stdin). */
static int
new_password(char *pw, int pwsz, int from_stdin)
{
	char again[256];
	int rc;

	if ((rc = cli_read_password(pw, pwsz, _("New password: "),
	    from_stdin)) != 0)
		return rc;
	if (svc_password_ok(pw) != 0)
		return cli_fail_err();
	if (from_stdin)
		return 0;
	if ((rc = cli_read_password(again, sizeof again,
	    _("Repeat the password: "), 0)) != 0)
		return rc;
	rc = strcmp(pw, again) == 0 ? 0
				    : cli_fail(_("the passwords differ; nothing "
						 "was created"));
	secure_wipe(again, sizeof again);
	return rc;
}

int
cmd_init(struct cli *c)
{
	static const struct option opts[] = {
		{"admin", required_argument, NULL, 'a'},
		{"password-stdin", no_argument, NULL, CLI_OPT_PWSTDIN},
		{NULL, 0, NULL, 0},
	};
	const char *admin = NULL;
	struct db *db = NULL;
	char pw[256];
	int ch, pw_stdin = 0, rc;

	while ((ch = getopt_long(c->argc, c->argv, "", opts, NULL)) != -1) {
		if (ch == 'a')
			admin = optarg;
		else if (ch == CLI_OPT_PWSTDIN)
			pw_stdin = 1;
		else
			return cli_usage(_("usage: frontdesk init --admin NAME "
					   "[--password-stdin]"));
	}
	if (admin == NULL || optind != c->argc)
		return cli_usage(_("usage: frontdesk init --admin NAME "
				   "[--password-stdin]"));
	if ((rc = new_password(pw, sizeof pw, pw_stdin)) != 0)
		return rc;
	rc = CLI_OK;
	if (db_open(&db, c->db_path, c->cfg->busy_timeout_ms,
	    DB_OPEN_CREATE) != 0 ||
	    svc_user_bootstrap(db, admin, pw, c->cfg->desk) != 0)
		rc = cli_fail_err();
	else
		printf(_("created %s with administrator '%s'\n"), c->db_path,
		    admin);
	secure_wipe(pw, sizeof pw);
	db_close(&db);
	return rc;
}

/* Remove a database file with its WAL and shared-memory files. */
static void
remove_db(const char *path)
{
	char *p;

	unlink(path);
	p = xasprintf("%s-wal", path);
	unlink(p);
	free(p);
	p = xasprintf("%s-shm", path);
	unlink(p);
	free(p);
}

/* --force may replace a demo database, never a real one. */
static int
may_replace(const char *path)
{
	struct db *old = NULL;
	int demo;

	if (db_open(&old, path, 1000, 0) != 0)
		return cli_fail(_("%s exists and is not a frontdesk demo "
				  "database; it was left alone"),
		    path);
	demo = db_is_demo(old);
	db_close(&old);
	if (!demo)
		return cli_fail(_("%s holds real records, not a demo; it was "
				  "left alone (choose another --db)"),
		    path);
	return 0;
}

int
cmd_demo(struct cli *c)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, CLI_OPT_FORCE},
		{NULL, 0, NULL, 0},
	};
	struct db *db = NULL;
	char *tmp;
	int ch, force = 0, rc = CLI_OK;

	while ((ch = getopt_long(c->argc, c->argv, "", opts, NULL)) != -1) {
		if (ch != CLI_OPT_FORCE)
			return cli_usage(_("usage: frontdesk demo [--force]"));
		force = 1;
	}
	if (optind != c->argc)
		return cli_usage(_("usage: frontdesk demo [--force]"));
	if (fs_exists(c->db_path)) {
		if (!force)
			return cli_fail(_("%s already exists; add --force to "
					  "replace the demo database"),
			    c->db_path);
		if ((rc = may_replace(c->db_path)) != 0)
			return rc;
	}
	/* Built beside it and renamed into place: never half a demo. */
	tmp = xasprintf("%s.new-%ld", c->db_path, (long)getpid());
	remove_db(tmp);
	if (db_open(&db, tmp, c->cfg->busy_timeout_ms, DB_OPEN_CREATE) != 0 ||
	    svc_demo_init(db, c->cfg->desk) != 0)
		rc = cli_fail_err();
	db_close(&db);
	if (rc == CLI_OK) {
		remove_db(c->db_path);
		if (rename(tmp, c->db_path) != 0)
			rc = cli_fail(_("cannot write %s"), c->db_path);
	}
	remove_db(tmp);
	if (rc == CLI_OK)
		printf(_("demo database %s: log in as admin, director, "
			 "reception, cashier or cashier2, password %s\n"),
		    c->db_path, SVC_DEMO_PASSWORD);
	free(tmp);
	return rc;
}
