/*
 * cmd_report.c: frontdesk report KIND ...: one table from the name of a
 * report to the function that prints it.  Each report parses its own
 * options and acts as a named user.
 */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

/* The reports, in the order the usage lists them. */
static const struct report {
	const char *name;
	int (*fn)(struct cli *);
} reports[] = {
	{"requests", cmd_report_requests},
	{"daily-close", cmd_report_daily_close},
	{"monthly", cmd_report_monthly},
	{"arrears", cmd_report_arrears},
};

int
cmd_report(struct cli *c)
{
	struct cli sub;
	size_t i;

	if (c->argc < 2)
		return cli_usage(_("usage: frontdesk report "
				   "requests|daily-close|monthly|arrears "
				   "[OPTIONS] --user NAME [--password-stdin]"));
	for (i = 0; i < sizeof reports / sizeof reports[0]; i++) {
		if (strcmp(c->argv[1], reports[i].name) != 0)
			continue;
		/* the report sees its own name as argv[0] */
		sub = *c;
		sub.argc = c->argc - 1;
		sub.argv = c->argv + 1;
		return reports[i].fn(&sub);
	}
	return cli_usage(_("unknown report '%s'; frontdesk can report "
			   "requests, daily-close, monthly or arrears"),
	    c->argv[1]);
}
