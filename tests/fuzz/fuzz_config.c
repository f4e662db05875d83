/*
 * fuzz_config.c: libFuzzer target for util/config.c.  Each input is written
 * to a temporary file and loaded with config_load() (the iniparser wrapper:
 * line checks, BOM copy, name checks, value parsers), then handed, as a
 * NUL-terminated string, to config_parse_int/bool/duration.  Built by
 * scripts/fuzz.sh with the util sources and -liniparser.
 */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/config.h"
#include "util/err.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char fuzz_path[4096];

/* Remove the temporary file at exit. */
static void
fuzz_cleanup(void)
{
	if (fuzz_path[0] != '\0')
		unlink(fuzz_path);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("TMPDIR");
	int fd;

	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	/* keep the search path away from the real files */
	unsetenv("FRONTDESK_CONFIG");
	if (dir == NULL || dir[0] != '/')
		dir = "/tmp";
	snprintf(fuzz_path, sizeof fuzz_path, "%s/fuzz_config.XXXXXX", dir);
	if ((fd = mkstemp(fuzz_path)) < 0) {
		perror("mkstemp");
		abort();
	}
	close(fd);
	atexit(fuzz_cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config cfg;
	FILE *fp;
	char *s;
	long n;
	int b, rc;

	if ((fp = fopen(fuzz_path, "wb")) == NULL)
		abort();
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		abort();
	fclose(fp);
	rc = config_load(&cfg, fuzz_path);
	/* whatever happened, cfg is usable and the message is set on error */
	if (cfg.desk == NULL || cfg.language == NULL)
		abort();
	if (rc != 0 && err_msg()[0] == '\0')
		abort();
	if (rc == 0 && (cfg.idle_lock_minutes < 0 ||
	    cfg.idle_lock_minutes > 480 || cfg.busy_timeout_ms < 100 ||
	    cfg.busy_timeout_ms > 60000))
		abort();
	config_release(&cfg);

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (config_parse_int(s, -1000, 1000, &n) == 0 && (n < -1000 || n > 1000))
		abort();
	if (config_parse_bool(s, &b) == 0 && b != 0 && b != 1)
		abort();
	if (config_parse_duration(s, &n) == 0 && n < 0)
		abort();
	free(s);
	return 0;
}
