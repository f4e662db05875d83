/*
 * testlib.c: shared helpers for the cmocka tests.
 */
#include "testlib.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char tmpdir[256];

void
test_locale(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		fail_msg("C.UTF-8 locale missing");
	setenv("LANGUAGE", "en", 1);
}

static void
rm_tmpdir(void)
{
	char cmd[300];

	if (tmpdir[0] != '\0' && getenv("FD_KEEP_TMP") == NULL) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", tmpdir);
	}
}

const char *
test_tmpdir(void)
{
	const char *base = getenv("TMPDIR");

	if (tmpdir[0] != '\0')
		return tmpdir;
	snprintf(tmpdir, sizeof tmpdir, "%s/fdtest.XXXXXX",
	    base != NULL ? base : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		fail_msg("mkdtemp failed");
	atexit(rm_tmpdir);
	return tmpdir;
}

const char *
test_path(const char *name)
{
	static char buf[8][512];
	static int slot;
	char *p = buf[slot++ % 8];

	snprintf(p, 512, "%s/%s", test_tmpdir(), name);
	return p;
}

void
test_write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	if (fp == NULL)
		fail_msg("cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
}
