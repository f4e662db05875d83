/*
 * err.c: the sticky error record.  Holds one message for the person at the
 * counter; no I/O here.
 */
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>

#include "util/i18n.h"

static char err_buf[1024];
static int err_last;

int
err_set(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err_buf, sizeof err_buf, fmt, ap);
	va_end(ap);
	err_last = code;
	return code;
}

const char *
err_msg(void)
{
	if (err_buf[0] == '\0' && err_last != ERR_OK)
		return err_str(err_last);
	return err_buf;
}

int
err_code(void)
{
	return err_last;
}

void
err_clear(void)
{
	err_buf[0] = '\0';
	err_last = ERR_OK;
}

const char *
err_str(int code)
{
	switch (code) {
	case ERR_OK:
		return "";
	case ERR_NOMEM:
		return _("out of memory");
	case ERR_DB:
		return _("database error; details are in the log");
	case ERR_INVALID:
		return _("invalid input");
	case ERR_NOTFOUND:
		return _("not found");
	case ERR_CONFLICT:
		return _("someone else changed this first; look again and retry");
	case ERR_DENIED:
		return _("not permitted");
	case ERR_STATE:
		return _("not allowed in the current state");
	case ERR_BUSY:
		return _("the database is busy at another desk; try again");
	case ERR_IO:
		return _("a file could not be read or written");
	}
	return _("unknown error");
}
