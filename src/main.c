/*
 * main.c: the command line: locale, configuration, translations, log, then
 * either a command (src/cli/) or the terminal shell (src/ui/).  Exit status
 * 0 success, 1 failure, 2 usage.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "db/db.h"
#include "ui/app.h"
#include "util/config.h"
#include "util/err.h"
#include "util/fsutil.h"
#include "util/i18n.h"
#include "util/log.h"

/* The commands, in the order --help lists them. */
static const struct command {
	const char *name;
	int (*fn)(struct cli *);
} commands[] = {
	{"init", cmd_init},
	{"demo", cmd_demo},
	{"user", cmd_user},
	{"import", cmd_import},
	{"export", cmd_export},
	{"report", cmd_report},
	{"bill", cmd_bill},
	{"pay", cmd_pay},
	{"backup", cmd_backup},
	{"check", cmd_check},
};

/* Options every command takes, pulled out of argv wherever they are. */
struct global_opts {
	const char *db;
	const char *config;
	int help;
	int version;
};

static void
usage(FILE *fp)
{
	fprintf(fp, _(
	    "Usage: frontdesk [--db PATH] [--config PATH] [COMMAND ...]\n"
	    "The front desk of a property-management customer service centre.\n"
	    "\n"
	    "Without a command, starts the terminal interface (login first).\n"
	    "\n"
	    "Commands:\n"
	    "  init --admin NAME [--password-stdin]   new empty database with "
	    "its first administrator\n"
	    "  demo [--households N] [--seed S] [--force]\n"
	    "                                         a demo database: a sample "
	    "estate of N\n"
	    "                                         households (default 3000), "
	    "a year of\n"
	    "                                         fees and the demo "
	    "accounts\n"
	    "  user add NAME --role ROLE [--display NAME]\n"
	    "  user passwd NAME | disable NAME | unlock NAME | list\n"
	    "  import houses|owners|readings FILE.csv add houses, owners or "
	    "meter readings\n"
	    "                                         from CSV (UTF-8 or "
	    "GB18030), all or\n"
	    "                                         nothing\n"
	    "  export houses|owners|visits|requests|bills|payments\n"
	    "         [--format csv] [-o FILE [--force]]\n"
	    "                                         CSV for Excel (UTF-8 with "
	    "BOM);\n"
	    "                                         standard output without "
	    "-o\n"
	    "  report requests --period YYYY-MM [--format text|csv]\n"
	    "                                         the month's service "
	    "requests: counts,\n"
	    "                                         deadlines met, callbacks, "
	    "satisfaction\n"
	    "  report daily-close [--date D] [--cashier NAME]\n"
	    "                                         each cashier's day: "
	    "receipts, totals by\n"
	    "                                         method, voids, cash, "
	    "the close\n"
	    "  report monthly --period YYYY-MM        billed and collected by "
	    "item and\n"
	    "                                         building, collection "
	    "rates\n"
	    "  report arrears [--building B] [--item NAME] [--min-age DAYS]\n"
	    "                                         what is owed, by house, "
	    "building, item\n"
	    "                                         and age\n"
	    "  bill --period YYYY-MM                  the bills of a period "
	    "(twice makes\n"
	    "                                         nothing twice)\n"
	    "  bill --late-fees                       late fees of every house "
	    "up to today\n"
	    "  pay --house H --amount A --method M [--tendered T] [--credit]\n"
	    "      [--no-print]                       take a payment: oldest "
	    "bills first,\n"
	    "                                         the rest kept as credit "
	    "with --credit;\n"
	    "                                         prints the receipt "
	    "number (exit 0\n"
	    "                                         even when the printer "
	    "fails: the\n"
	    "                                         payment stands)\n"
	    "  backup FILE [--force]                  online snapshot of the "
	    "database\n"
	    "  check [--full]                         integrity, invariants and "
	    "the audit chain\n"
	    "\n"
	    "Commands other than init and demo act as a named user:\n"
	    "  --user NAME, with the password from the terminal, or with\n"
	    "  --password-stdin one line per password (the user's first).\n"
	    "ROLE is receptionist, cashier, director or admin.\n"
	    "\n"
	    "Options:\n"
	    "  --db PATH       the database (default: [database] path, else\n"
	    "                  $XDG_DATA_HOME/frontdesk/frontdesk.db)\n"
	    "  --config PATH   the configuration (default: $FRONTDESK_CONFIG,\n"
	    "                  $XDG_CONFIG_HOME/frontdesk/frontdesk.ini,\n"
	    "                  /etc/frontdesk/frontdesk.ini)\n"
	    "  --help          this text\n"
	    "  --version       the version\n"
	    "\n"
	    "Exit status: 0 success, 1 failure, 2 wrong usage.\n"));
}

/* Take --db, --config, --help and --version out of argv (before "--"). */
static int
take_globals(int *argc, char **argv, struct global_opts *g)
{
	int i, j = 1;

	for (i = 1; i < *argc; i++) {
		const char *a = argv[i], **slot = NULL;

		if (strcmp(a, "--") == 0) {
			while (i < *argc)
				argv[j++] = argv[i++];
			break;
		}
		if (strcmp(a, "--db") == 0 || strncmp(a, "--db=", 5) == 0)
			slot = &g->db;
		else if (strcmp(a, "--config") == 0 ||
		    strncmp(a, "--config=", 9) == 0)
			slot = &g->config;
		if (slot != NULL) {
			if (strchr(a, '=') != NULL)
				*slot = strchr(a, '=') + 1;
			else if (i + 1 < *argc)
				*slot = argv[++i];
			else
				return cli_usage(_("%s needs a value"), a);
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
			g->help = 1;
		else if (strcmp(a, "--version") == 0)
			g->version = 1;
		else
			argv[j++] = argv[i];
	}
	*argc = j;
	argv[j] = NULL;
	return 0;
}

/* A UTF-8 character type, or C.UTF-8, or a clear refusal. */
static int
utf8_locale(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_ALL, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	fprintf(stderr, "frontdesk: this program needs a UTF-8 locale; set "
			"LANG=C.UTF-8 (or zh_CN.UTF-8) and try again\n");
	return -1;
}

/* --db, else [database] path, else the XDG data folder. */
static const char *
resolve_db(const struct global_opts *g, const struct config *cfg, char *buf,
    size_t bufsz)
{
	if (g->db != NULL)
		return g->db;
	if (cfg->db_path != NULL)
		return cfg->db_path;
	if (fs_xdg_path(buf, bufsz, "XDG_DATA_HOME", ".local/share",
	    "frontdesk.db") != 0)
		return NULL;
	return buf;
}

/* The terminal shell on an existing database. */
static int
run_tui(const struct cli *c)
{
	struct db *db = NULL;
	int rc;

	if (db_open(&db, c->db_path, c->cfg->busy_timeout_ms, 0) != 0)
		return cli_fail_err();
	rc = app_run(db, c->cfg);
	db_close(&db);
	return rc;
}

static int
dispatch(struct cli *c)
{
	size_t i;

	if (c->argc == 0)
		return run_tui(c);
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(c->argv[0], commands[i].name) == 0)
			return commands[i].fn(c);
	return cli_usage(_("unknown command '%s'"), c->argv[0]);
}

int
main(int argc, char **argv)
{
	struct global_opts g = {0};
	struct config cfg;
	struct cli c;
	char dbbuf[4096];
	int rc;

	if (utf8_locale() != 0)
		return CLI_FAIL;
	/* Until the configuration says otherwise, speak the default language. */
	config_defaults(&cfg);
	i18n_init(getenv("LANGUAGE") ? NULL : cfg.language);
	config_release(&cfg);
	if ((rc = take_globals(&argc, argv, &g)) != 0)
		return rc;
	if (g.version) {
		printf("frontdesk %s\n", FD_VERSION);
		return CLI_OK;
	}
	if (config_load(&cfg, g.config) != 0) {
		rc = cli_fail_err();
		config_release(&cfg);
		return rc;
	}
	i18n_init(cfg.language);
	if (g.help) {
		usage(stdout);
		config_release(&cfg);
		return CLI_OK;
	}
	log_open(cfg.log_path);
	c.cfg = &cfg;
	c.argc = argc - 1;
	c.argv = argv + 1;
	c.db_path = resolve_db(&g, &cfg, dbbuf, sizeof dbbuf);
	if (c.db_path == NULL)
		rc = cli_fail(_("no database: give --db PATH or set HOME"));
	else
		rc = dispatch(&c);
	log_close();
	config_release(&cfg);
	return rc;
}
