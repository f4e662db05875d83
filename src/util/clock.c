/*
 * clock.c: the program's clock, with a test override.
 */
#include "util/clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int64_t fake;

int64_t
clock_now(void)
{
	const char *env;
	char *end;
	long long v;

	if (fake != 0)
		return fake;
	if ((env = getenv("FRONTDESK_NOW")) != NULL && env[0] != '\0') {
		v = strtoll(env, &end, 10);
		if (*end == '\0' && v > 0)
			return (int64_t)v;
	}
	return (int64_t)time(NULL);
}

void
clock_fake(int64_t t)
{
	fake = t;
}

void
clock_format(char *buf, int bufsz, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	strftime(buf, (size_t)bufsz, "%Y-%m-%d %H:%M", &tm);
}
