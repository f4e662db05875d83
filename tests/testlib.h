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

#endif
