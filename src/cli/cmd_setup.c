/*
 * cmd_setup.c: the commands that make a database: init and demo.
 */
#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/demo.h"
#include "db/db.h"
#include "svc/svc_admin.h"
#include "svc/svc_user.h"
#include "util/clock.h"
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

/* A whole number from lo to hi, or -1. */
static long long
demo_number(const char *s, long long lo, long long hi)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < lo || v > hi)
		return -1;
	return v;
}

/* The parsed command line of demo. */
struct demo_args {
	int households;
	uint64_t seed;
	int force;
};

static int
demo_usage(void)
{
	return cli_usage(_("usage: frontdesk demo [--households N] "
			   "[--seed S] [--force]"));
}

static int
demo_parse(struct cli *c, struct demo_args *a)
{
	static const struct option opts[] = {
		{"force", no_argument, NULL, CLI_OPT_FORCE},
		{"households", required_argument, NULL, 'n'},
		{"seed", required_argument, NULL, 's'},
		{NULL, 0, NULL, 0},
	};
	long long v;
	int ch;

	a->households = DEMO_HOUSEHOLDS;
	a->seed = DEMO_SEED;
	while ((ch = getopt_long(c->argc, c->argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case CLI_OPT_FORCE:
			a->force = 1;
			break;
		case 'n':
			if ((v = demo_number(optarg, 0,
			    DEMO_HOUSEHOLDS_MAX)) < 0)
				return cli_usage(_("--households must be a "
						   "number from 0 to %d"),
				    DEMO_HOUSEHOLDS_MAX);
			a->households = (int)v;
			break;
		case 's':
			if ((v = demo_number(optarg, 0, INT64_MAX)) < 0)
				return cli_usage(_("--seed must be a whole "
						   "number, 0 or more"));
			a->seed = (uint64_t)v;
			break;
		default:
			return demo_usage();
		}
	}
	if (optind != c->argc)
		return demo_usage();
	return 0;
}

int
cmd_demo(struct cli *c)
{
	struct demo_args a = {0};
	struct demo_stats st = {0};
	struct db *db = NULL;
	char *tmp;
	int64_t now;
	int rc, force;

	if ((rc = demo_parse(c, &a)) != 0)
		return rc;
	force = a.force;
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
	/* Made DEMO_DAYS back and brought forward: the audit trail runs on. */
	now = clock_now();
	if (a.households > 0)
		clock_fake(demo_start(now));
	/* all in the file before it is renamed: its WAL stays behind */
	if (db_open(&db, tmp, c->cfg->busy_timeout_ms, DB_OPEN_CREATE) != 0 ||
	    svc_demo_init(db, c->cfg->desk) != 0 ||
	    demo_fill(db, c->cfg, a.households, a.seed, now, &st) != 0 ||
	    db_checkpoint(db) != 0)
		rc = cli_fail_err();
	clock_fake(0);
	db_close(&db);
	if (rc == CLI_OK) {
		remove_db(c->db_path);
		if (rename(tmp, c->db_path) != 0)
			rc = cli_fail(_("cannot write %s"), c->db_path);
	}
	remove_db(tmp);
	if (rc == CLI_OK) {
		printf(_("demo database %s: log in as admin, director, "
			 "reception, cashier or cashier2, password %s\n"),
		    c->db_path, SVC_DEMO_PASSWORD);
		if (st.households > 0)
			printf(_("%d households in %d buildings, %d houses in "
				 "all, %d holdings, %d occupants, %d "
				 "visits\n"),
			    st.households, st.buildings, st.houses,
			    st.owner_lines, st.occupants, st.visits);
		if (st.requests > 0)
			printf(_("%d service requests over the last %d days\n"),
			    st.requests, st.request_days);
		if (st.payments > 0)
			printf(_("fees: %d bills over %d months, %d meter "
				 "readings, %d payments\n"), st.bills,
			    st.fee_periods, st.readings, st.payments);
	}
	free(tmp);
	return rc;
}
