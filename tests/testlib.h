/*
 * testlib.h: shared helpers for the cmocka tests (unit, db).
 */
#ifndef FD_TESTS_TESTLIB_H
#define FD_TESTS_TESTLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>

#include <cmocka.h>

/* setlocale to C.UTF-8 (wcwidth needs it) and English messages. */
void test_locale(void);

/* A fresh private temporary folder (removed at exit).  Returns its path. */
const char *test_tmpdir(void);

/* test_tmpdir() + "/" + name, in a static buffer rotated over 8 slots. */
const char *test_path(const char *name);

/* Write text to a file; fails the test when it cannot. */
void test_write_file(const char *path, const char *text);

/*
 * Run the built program ($FD_BIN, set by the test runner; the test fails
 * when it is not) with `--db db check --user admin --password-stdin`,
 * password on its standard input, FRONTDESK_CONFIG = test_path("frontdesk.ini").
 * OUT: out = what it printed (stdout and stderr).  Returns its exit status.
 */
int test_run_check(const char *db, const char *password, char *out,
    size_t outsz);

#endif
