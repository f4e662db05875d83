/*
 * cmd_user.c: frontdesk user add|passwd|disable|unlock|list.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/perm.h"
#include "svc/session.h"
#include "svc/svc_user.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"
#include "util/text.h"

/* The parsed command line of one `user` subcommand. */
struct user_args {
	const char *verb;
	const char *name;    /* the account acted on */
	const char *role;
	const char *display;
	const char *user;    /* --user: who acts */
	int pw_stdin;
};

static int
user_usage(void)
{
	return cli_usage(_("usage: frontdesk user add NAME --role ROLE "
			   "[--display NAME] | passwd NAME | disable NAME | "
			   "unlock NAME | list, with --user NAME "
			   "[--password-stdin]"));
}

static int
parse_args(struct cli *c, struct user_args *a)
{
	static const struct option opts[] = {
		{"role", required_argument, NULL, 'r'},
		{"display", required_argument, NULL, 'd'},
		{"user", required_argument, NULL, CLI_OPT_USER},
		{"password-stdin", no_argument, NULL, CLI_OPT_PWSTDIN},
		{NULL, 0, NULL, 0},
	};
	int ch;

	while ((ch = getopt_long(c->argc, c->argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'r': a->role = optarg; break;
		case 'd': a->display = optarg; break;
		case CLI_OPT_USER: a->user = optarg; break;
		case CLI_OPT_PWSTDIN: a->pw_stdin = 1; break;
		default: return user_usage();
		}
	}
	if (optind >= c->argc)
		return user_usage();
	a->verb = c->argv[optind++];
	if (strcmp(a->verb, "list") != 0) {
		if (optind >= c->argc)
			return user_usage();
		a->name = c->argv[optind++];
	}
	if (optind != c->argc)
		return user_usage();
	if (strcmp(a->verb, "add") == 0 && a->role == NULL)
		return cli_usage(_("user add needs --role receptionist, "
				   "cashier, director or admin"));
	return 0;
}

static int
do_add(struct session *s, const struct user_args *a)
{
	char pw[256];
	enum role role;
	int rc;

	/* Refuse before asking for a password that would be thrown away. */
	if (role_parse(a->role, &role) != 0 ||
	    session_require(s, PERM_USER_MANAGE) != 0)
		return cli_fail_err();
	if ((rc = cli_read_password(pw, sizeof pw,
	    _("Password for the new user: "), a->pw_stdin)) != 0)
		return rc;
	rc = svc_user_add(s, a->name, a->display, role, pw, NULL);
	secure_wipe(pw, sizeof pw);
	if (rc != 0)
		return cli_fail_err();
	printf(_("added user '%s' (%s)\n"), a->name, role_label(role));
	return CLI_OK;
}

static int
do_passwd(struct session *s, const struct user_args *a)
{
	char pw[256];
	int rc;

	if ((rc = cli_read_password(pw, sizeof pw, _("New password: "),
	    a->pw_stdin)) != 0)
		return rc;
	rc = svc_user_passwd(s, a->name, pw);
	secure_wipe(pw, sizeof pw);
	if (rc != 0)
		return cli_fail_err();
	printf(_("password of '%s' changed\n"), a->name);
	return CLI_OK;
}

static int
do_list(struct session *s)
{
	struct user_info *v;
	char disp[64], role[64], when[32];
	int n, i;

	if (svc_user_list(s, &v, &n) != 0)
		return cli_fail_err();
	for (i = 0; i < n; i++) {
		text_pad(disp, sizeof disp, v[i].display, 12, TEXT_LEFT);
		text_pad(role, sizeof role, role_label(v[i].role), 14,
		    TEXT_LEFT);
		printf("%-16s %s %s %s", v[i].name, disp, role,
		    v[i].active ? _("active") : _("disabled"));
		if (v[i].locked_until) {
			clock_format(when, sizeof when, v[i].locked_until);
			printf(_(", locked until %s"), when);
		}
		putchar('\n');
		user_info_release(&v[i]);
	}
	free(v);
	return CLI_OK;
}

int
cmd_user(struct cli *c)
{
	struct user_args a = {0};
	struct session s;
	struct db *db;
	int rc;

	if ((rc = parse_args(c, &a)) != 0)
		return rc;
	if (strcmp(a.verb, "add") && strcmp(a.verb, "passwd") &&
	    strcmp(a.verb, "disable") && strcmp(a.verb, "unlock") &&
	    strcmp(a.verb, "list"))
		return user_usage();
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	if (strcmp(a.verb, "add") == 0)
		rc = do_add(&s, &a);
	else if (strcmp(a.verb, "passwd") == 0)
		rc = do_passwd(&s, &a);
	else if (strcmp(a.verb, "list") == 0)
		rc = do_list(&s);
	else if ((strcmp(a.verb, "disable") == 0 ?
	    svc_user_disable(&s, a.name) : svc_user_unlock(&s, a.name)) != 0)
		rc = cli_fail_err();
	else
		printf(strcmp(a.verb, "disable") == 0 ? _("disabled '%s'\n")
						      : _("unlocked '%s'\n"),
		    a.name);
	cli_close_session(&db, &s);
	return rc;
}
