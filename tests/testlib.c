/*
 * testlib.c: shared helpers for the cmocka tests.
 */
#include "testlib.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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

int
test_run_check(const char *db, const char *password, char *out, size_t outsz)
{
	const char *bin = getenv("FD_BIN");
	int in[2], res[2], status;
	size_t len = 0, pwlen = strlen(password);
	ssize_t r;
	pid_t pid;

	if (bin == NULL || bin[0] == '\0')
		fail_msg("FD_BIN is not set: run through 'make check-db' or"
		    " set FD_BIN to the built frontdesk");
	assert_int_equal(pipe(in), 0);
	assert_int_equal(pipe(res), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(res[1], 1);
		dup2(res[1], 2);
		close(in[0]);
		close(in[1]);
		close(res[0]);
		close(res[1]);
		setenv("FRONTDESK_CONFIG", test_path("frontdesk.ini"), 1);
		execl(bin, bin, "--db", db, "check", "--user", "admin",
		    "--password-stdin", (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(res[1]);
	assert_int_equal(write(in[1], password, pwlen), (ssize_t)pwlen);
	assert_int_equal(write(in[1], "\n", 1), 1);
	close(in[1]);
	while (len + 1 < outsz &&
	    (r = read(res[0], out + len, outsz - len - 1)) > 0)
		len += (size_t)r;
	out[len] = '\0';
	close(res[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status))
		fail_msg("%s check did not exit: status %#x", bin, status);
	return WEXITSTATUS(status);
}
