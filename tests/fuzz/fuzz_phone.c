/*
 * fuzz_phone.c: libFuzzer target for core/phone.c and the phone half of
 * core/mask.c.  The input, as a NUL-terminated string, goes to
 * phone_parse(); a canonical number must be of a known kind, parse to
 * itself again, have a last four, and mask to something else of the same
 * length.  phone_kind(), phone_last4() and mask_phone() must survive
 * anything.  Any violation abort()s.  Built by scripts/fuzz.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/mask.h"
#include "core/phone.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), *out;
	char canon[PHONE_BUFSZ], again[PHONE_BUFSZ], masked[PHONE_BUFSZ];
	char last4[5];
	enum phone_kind kind;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (phone_parse(s, canon, sizeof canon) == 0) {
		kind = phone_kind(canon);
		if (kind == PHONE_OTHER)
			abort();
		if (phone_parse(canon, again, sizeof again) != 0 ||
		    strcmp(canon, again) != 0)
			abort();
		if (phone_last4(canon, last4, sizeof last4) != 0 ||
		    strlen(last4) != 4)
			abort();
		if (mask_phone(canon, masked, sizeof masked) != 0 ||
		    strlen(masked) != strlen(canon) ||
		    strcmp(masked, canon) == 0 || strchr(masked, '*') == NULL)
			abort();
		if (kind == PHONE_MOBILE && strcmp(masked + 7, canon + 7) != 0)
			abort();
	}
	kind = phone_kind(s);
	if (kind != PHONE_OTHER &&
	    (phone_parse(s, again, sizeof again) != 0 || strcmp(again, s) != 0))
		abort(); /* a canonical number is its own canonical form */
	if (phone_last4(s, last4, sizeof last4) == 0 && strlen(last4) != 4)
		abort();
	if ((out = malloc(size + 1)) != NULL) {
		if (mask_phone(s, out, size + 1) != 0 ||
		    !utf8_valid(out, strlen(out)) || strlen(out) > size)
			abort();
		free(out);
	}
	free(s);
	return 0;
}
