/*
 * test_progress.c: ui/model/progress.c, the progress bar's text.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "testlib.h"

#include "ui/model/progress.h"

/* void progress_bar(char *buf, size_t bufsz, int width, long done,
 *     long total); */
static void
test_bar(void **state)
{
	static const struct {
		const char *name;
		int width;
		long done, total;
		const char *want;
	} cases[] = {
		{ "bar-empty", 17, 0, 100, "[..........]   0%" },
		{ "bar-half", 17, 50, 100, "[#####.....]  50%" },
		{ "bar-full", 17, 100, 100, "[##########] 100%" },
		{ "bar-over", 17, 250, 100, "[##########] 100%" },
		{ "bar-negative", 17, -5, 100, "[..........]   0%" },
		{ "bar-no-total", 17, 5, 0, "[..........]   0%" },
		{ "bar-huge", 17, LONG_MAX / 3, LONG_MAX, "[###.......]  33%" },
		{ "bar-smallest", 8, 1, 1, "[#] 100%" },
		{ "bar-too-narrow", 7, 1, 2, "" },
	};
	char buf[64];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		progress_bar(buf, sizeof buf, cases[i].width, cases[i].done,
		    cases[i].total);
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("%s: got '%s', want '%s'", cases[i].name, buf,
			    cases[i].want);
		if (buf[0] != '\0' && (int)strlen(buf) != cases[i].width)
			fail_msg("%s: %zu columns, want %d", cases[i].name,
			    strlen(buf), cases[i].width);
	}
	/* A buffer too small for the width: nothing, never an overflow. */
	progress_bar(buf, 10, 17, 1, 2);
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bar),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
