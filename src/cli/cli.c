/*
 * cli.c: what the commands share: messages on stderr, passwords from the
 * terminal or standard input.
 */
#include "cli/cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "db/db.h"
#include "svc/session.h"
#include "util/config.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/secure.h"

int
cli_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("frontdesk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_FAIL;
}

int
cli_fail_err(void)
{
	return cli_fail("%s", err_msg());
}

int
cli_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("frontdesk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fprintf(stderr, _("Try 'frontdesk --help' for more information.\n"));
	return CLI_USAGE;
}

/* Read one line from fp into buf without its newline.  0 or -1. */
static int
read_line(FILE *fp, char *buf, int bufsz)
{
	size_t n;

	if (fgets(buf, bufsz, fp) == NULL)
		return -1;
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	else if (!feof(fp))
		return -2; /* longer than the buffer */
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return 0;
}

int
cli_read_password(char *buf, int bufsz, const char *prompt, int from_stdin)
{
	struct termios old, quiet;
	FILE *tty;
	int rc;

	if (from_stdin) {
		rc = read_line(stdin, buf, bufsz);
		if (rc == -2)
			return cli_fail(_("password on standard input is too "
					  "long"));
		if (rc != 0)
			return cli_fail(_("no password on standard input "
					  "(one line each)"));
		return 0;
	}
	if ((tty = fopen("/dev/tty", "r+")) == NULL)
		return cli_fail(_("no terminal to ask for the password; use "
				  "--password-stdin"));
	fputs(prompt, tty);
	fflush(tty);
	tcgetattr(fileno(tty), &old);
	quiet = old;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	tcsetattr(fileno(tty), TCSAFLUSH, &quiet);
	rc = read_line(tty, buf, bufsz);
	tcsetattr(fileno(tty), TCSAFLUSH, &old);
	fputc('\n', tty);
	fclose(tty);
	if (rc != 0) {
		secure_wipe(buf, (size_t)bufsz);
		return cli_fail(_("no password given"));
	}
	return 0;
}

int
cli_open_session(struct cli *c, const char *user, int pw_stdin,
    struct db **db, struct session *s)
{
	char pw[256];
	int rc;

	*db = NULL;
	memset(s, 0, sizeof *s);
	if (user == NULL)
		return cli_usage(_("'%s' acts as a named user: add --user NAME"),
		    c->argv[0]);
	if (db_open(db, c->db_path, c->cfg->busy_timeout_ms, 0) != 0)
		return cli_fail_err();
	if ((rc = cli_read_password(pw, sizeof pw, _("Password: "),
	    pw_stdin)) != 0)
		goto fail;
	rc = svc_login(*db, c->cfg, user, pw, s);
	secure_wipe(pw, sizeof pw);
	if (rc == 0)
		return CLI_OK;
	rc = cli_fail_err();
fail:
	db_close(db);
	return rc;
}

void
cli_close_session(struct db **db, struct session *s)
{
	if (s->user != NULL)
		svc_logout(s);
	session_release(s);
	db_close(db);
}
