/*
 * cli.h: the non-interactive commands (DESIGN.md "Command line").  Each
 * returns the exit status: 0 success, 1 failure (message on stderr), 2 usage.
 */
#ifndef FD_CLI_CLI_H
#define FD_CLI_CLI_H

struct config;
struct db;
struct session;

/* What every command gets from main(). */
struct cli {
	const struct config *cfg;
	const char *db_path;  /* resolved: --db, [database] path, XDG default */
	int argc;             /* the command's own arguments, argv[0] = name */
	char **argv;
};

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

int cmd_init(struct cli *c);
int cmd_demo(struct cli *c);
int cmd_user(struct cli *c);
int cmd_backup(struct cli *c);
int cmd_check(struct cli *c);
int cmd_import(struct cli *c);
int cmd_export(struct cli *c);
int cmd_report(struct cli *c);

/* The reports of `frontdesk report` (cmd_report.c's table). */
int cmd_report_requests(struct cli *c);
int cmd_report_daily_close(struct cli *c);
int cmd_report_monthly(struct cli *c);
int cmd_report_arrears(struct cli *c);

/* Fees (cmd_fee.c): bills for a period, a payment at the counter. */
int cmd_bill(struct cli *c);
int cmd_pay(struct cli *c);

/* Print "frontdesk: MSG" on stderr and return CLI_FAIL. */
int cli_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print err_msg() as a failure and return CLI_FAIL. */
int cli_fail_err(void);

/* Print a usage error and the hint to --help; return CLI_USAGE. */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Read a password: with from_stdin, the next line of standard input;
 * otherwise from the terminal without echo, after prompt.  OUT: buf.
 * 0, or CLI_FAIL with a message (no terminal, end of input, too long).
 */
int cli_read_password(char *buf, int bufsz, const char *prompt,
    int from_stdin);

/*
 * Open the database and log in as user, the password from the terminal or
 * the first line of standard input.  OUT: *db, *s; free both with
 * cli_close_session().  Returns CLI_OK, CLI_FAIL (message printed) or
 * CLI_USAGE (no --user).
 */
int cli_open_session(struct cli *c, const char *user, int pw_stdin,
    struct db **db, struct session *s);

/* Release what cli_open_session() gave. */
void cli_close_session(struct db **db, struct session *s);

/* The options every acting command takes, for getopt_long tables. */
#define CLI_OPT_USER 1000
#define CLI_OPT_PWSTDIN 1001
#define CLI_OPT_FORCE 1002

#endif
