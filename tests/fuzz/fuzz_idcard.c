/*
 * fuzz_idcard.c: libFuzzer target for core/idcard.c and the ID half of
 * core/mask.c.  The input, as a NUL-terminated string, goes to
 * idcard_parse() and idcard_other_parse(); what they accept must satisfy the
 * check character, hold a real birth date and a sex, and parse to itself
 * again.  mask_idcard() must, on anything, give valid UTF-8 showing at most
 * half of the characters.  Any violation abort()s.  Built by scripts/fuzz.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/idcard.h"
#include "core/mask.h"
#include "util/clock.h"
#include "util/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	clock_fake(1795924800); /* 2026-11-29: reproducible runs */
	return 0;
}

/* Check a mask of s: valid UTF-8, the same number of characters. */
static void
fuzz_mask(const char *s, size_t len)
{
	char *out = malloc(len + 1);
	size_t n, stars = 0, i;

	if (out == NULL)
		return;
	if (mask_idcard(s, out, len + 1) != 0)
		abort();
	n = utf8_nchars(out);
	if (!utf8_valid(out, strlen(out)) || strlen(out) > len)
		abort();
	for (i = 0; out[i] != '\0'; i++)
		stars += out[i] == '*';
	if (n - stars > n / 2)
		abort();
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	char id[IDCARD_BUFSZ], again[IDCARD_BUFSZ], doc[IDCARD_OTHER_BUFSZ];
	char masked[IDCARD_BUFSZ];
	struct fd_date birth;
	int sex;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (idcard_parse(s, id, sizeof id) == 0) {
		if (strlen(id) != IDCARD_LEN || idcard_check_char(id) != id[17])
			abort();
		if (idcard_birth(id, &birth) != 0 || !date_valid(&birth))
			abort();
		sex = idcard_sex(id);
		if (sex != IDCARD_MALE && sex != IDCARD_FEMALE)
			abort();
		if (idcard_parse(id, again, sizeof again) != 0 ||
		    strcmp(id, again) != 0)
			abort();
		if (mask_idcard(id, masked, sizeof masked) != 0 ||
		    memcmp(masked, id, 3) != 0 ||
		    memcmp(masked + 3, "***********", 11) != 0 ||
		    strcmp(masked + 14, id + 14) != 0)
			abort();
	}
	if (idcard_other_parse(s, doc, sizeof doc) == 0) {
		if (!idcard_other_ok(doc) || !idcard_other_ok(s) ||
		    strlen(doc) < IDCARD_OTHER_MIN ||
		    strlen(doc) > IDCARD_OTHER_MAX)
			abort();
		if (idcard_other_parse(doc, again, 0) == 0)
			abort();
	} else if (idcard_other_ok(s))
		abort();
	fuzz_mask(s, size);
	free(s);
	return 0;
}
