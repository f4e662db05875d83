/*
 * fuzz_houseno.c: libFuzzer target for core/houseno.c.  The input, as a
 * NUL-terminated string, goes to houseno_parse() and houseno_prefix_parse();
 * a house number they accept must be in range, format and parse back to
 * itself, and agree between the two.  Any violation abort()s.  Built by
 * scripts/fuzz.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/houseno.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	char buf[HOUSENO_BUFSZ];
	struct houseno h, back, pre;
	int level;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	level = houseno_prefix_parse(s, &pre);
	if (level > HOUSENO_ROOM)
		abort();
	if (level >= HOUSENO_NONE) {
		if ((level >= HOUSENO_BUILDING) != (pre.building != 0) ||
		    (level >= HOUSENO_ENTRANCE) != (pre.entrance != 0) ||
		    (level >= HOUSENO_ROOM) != (pre.room != 0))
			abort();
		if (pre.building < 0 || pre.building > HOUSENO_BUILDING_MAX ||
		    pre.entrance < 0 || pre.entrance > HOUSENO_ENTRANCE_MAX)
			abort();
	}
	if (houseno_parse(s, &h) == 0) {
		if (!houseno_valid(&h) || level != HOUSENO_ROOM ||
		    houseno_cmp(&h, &pre) != 0)
			abort();
		if (houseno_format(buf, sizeof buf, &h) != 0 ||
		    houseno_parse(buf, &back) != 0 ||
		    houseno_cmp(&h, &back) != 0)
			abort();
		if (h.room / 100 < 1 || h.room % 100 < 1)
			abort();
	} else if (level == HOUSENO_ROOM)
		abort();
	free(s);
	return 0;
}
