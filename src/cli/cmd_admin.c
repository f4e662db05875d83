/*
 * cmd_admin.c: frontdesk backup FILE and frontdesk check.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "svc/session.h"
#include "svc/svc_admin.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"

/* The options shared by backup and check. */
struct admin_args {
	const char *user;
	int pw_stdin;
	int force;  /* backup: overwrite */
	int full;   /* check: full integrity check */
};

static int
parse_admin(struct cli *c, struct admin_args *a, const char *usage)
{
	static const struct option opts[] = {
		{"user", required_argument, NULL, CLI_OPT_USER},
		{"password-stdin", no_argument, NULL, CLI_OPT_PWSTDIN},
		{"force", no_argument, NULL, CLI_OPT_FORCE},
		{"full", no_argument, NULL, 'F'},
		{NULL, 0, NULL, 0},
	};
	int ch;

	while ((ch = getopt_long(c->argc, c->argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case CLI_OPT_USER: a->user = optarg; break;
		case CLI_OPT_PWSTDIN: a->pw_stdin = 1; break;
		case CLI_OPT_FORCE: a->force = 1; break;
		case 'F': a->full = 1; break;
		default: return cli_usage("%s", usage);
		}
	}
	return 0;
}

int
cmd_backup(struct cli *c)
{
	const char *usage = _("usage: frontdesk backup FILE [--force] "
			      "--user NAME [--password-stdin]");
	struct admin_args a = {0};
	struct session s;
	struct db *db;
	const char *file;
	int rc;

	if ((rc = parse_admin(c, &a, usage)) != 0)
		return rc;
	if (optind + 1 != c->argc || a.full)
		return cli_usage("%s", usage);
	file = c->argv[optind];
	if (strcmp(file, c->db_path) == 0)
		return cli_fail(_("the backup must not overwrite the database "
				  "itself; choose another file"));
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	if (svc_backup(&s, file, a.force) != 0)
		rc = cli_fail_err();
	else
		printf(_("backup written to %s\n"), file);
	cli_close_session(&db, &s);
	return rc;
}

int
cmd_check(struct cli *c)
{
	const char *usage = _("usage: frontdesk check [--full] --user NAME "
			      "[--password-stdin]");
	struct strbuf report = STRBUF_INIT;
	struct admin_args a = {0};
	struct session s;
	struct db *db;
	int rc;

	if ((rc = parse_admin(c, &a, usage)) != 0)
		return rc;
	if (optind != c->argc || a.force)
		return cli_usage("%s", usage);
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	if (session_require(&s, PERM_CHECK) != 0) {
		rc = cli_fail_err();
	} else if (svc_check(&s, a.full, &report) != 0) {
		fputs(report.buf, stdout);
		rc = cli_fail(_("check failed: %s"), err_msg());
	} else {
		fputs(report.buf, stdout);
		printf(_("all checks passed\n"));
	}
	strbuf_release(&report);
	cli_close_session(&db, &s);
	return rc;
}
