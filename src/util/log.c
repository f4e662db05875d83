/*
 * log.c: the developer's log file.  Never writes to the terminal, never fails
 * the caller: a log that cannot be written is silently dropped.
 */
#include "util/log.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/err.h"
#include "util/fsutil.h"

static FILE *log_fp;

int
log_open(const char *path)
{
	char def[4096];

	log_close();
	if (path == NULL) {
		if (fs_xdg_path(def, sizeof def, "XDG_STATE_HOME",
			".local/state", "frontdesk.log") != 0)
			return ERR_IO;
		path = def;
	}
	if (fs_mkdirs_for(path) != 0)
		return ERR_IO;
	if ((log_fp = fopen(path, "a")) == NULL)
		return ERR_IO;
	setvbuf(log_fp, NULL, _IOLBF, 0);
	return 0;
}

void
log_close(void)
{
	if (log_fp != NULL)
		fclose(log_fp);
	log_fp = NULL;
}

void
log_debug(const char *fmt, ...)
{
	va_list ap;
	char ts[32];
	time_t now;
	struct tm tm;

	if (log_fp == NULL)
		return;
	now = time(NULL);
	localtime_r(&now, &tm);
	strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", &tm);
	fprintf(log_fp, "%s [%ld] ", ts, (long)getpid());
	va_start(ap, fmt);
	vfprintf(log_fp, fmt, ap);
	va_end(ap);
	fputc('\n', log_fp);
}
