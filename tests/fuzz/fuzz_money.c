/*
 * fuzz_money.c: libFuzzer target for core/money.c.  The input, as a
 * NUL-terminated string, goes to money_parse() and money_parse_signed();
 * whatever they accept must be in range and come back unchanged through
 * money_format() and money_format_plain(), and have a Chinese capital
 * amount.  The first 18 bytes, read as numbers, also drive
 * money_apply_rate(), whose result is checked against the exact rounding
 * rule.  Any violation abort()s.  Built by scripts/fuzz.sh.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Format fen both ways and parse it back: the same amount or abort. */
static void
fuzz_round_trip(int64_t fen)
{
	char buf[MONEY_BUFSZ], cn[MONEY_CN_BUFSZ];
	int64_t back;

	if (money_format(buf, sizeof buf, fen) != 0 ||
	    money_parse_signed(buf, &back) != 0 || back != fen)
		abort();
	if (money_format_plain(buf, sizeof buf, fen) != 0 ||
	    money_parse_signed(buf, &back) != 0 || back != fen)
		abort();
	if (strchr(buf, ',') != NULL)
		abort();
	if (fen >= 0 && (money_parse(buf, &back) != 0 || back != fen))
		abort();
	if (money_to_chinese(cn, sizeof cn, fen) != 0 ||
	    !utf8_valid(cn, strlen(cn)) || cn[0] == '\0')
		abort();
}

/* Check money_apply_rate() on numbers taken from the input. */
static void
fuzz_rate(const uint8_t *data, size_t size)
{
	__extension__ typedef __int128 i128;
	int64_t q, r, fen;
	int qs, rs;
	i128 num, den = 1, diff;
	int i;

	if (size < 18)
		return;
	memcpy(&q, data, 8);
	memcpy(&r, data + 8, 8);
	qs = data[16] % (MONEY_MAX_SCALE + 2); /* sometimes out of range */
	rs = data[17] % (MONEY_MAX_SCALE + 2);
	if (money_apply_rate(q, qs, r, rs, &fen) != 0)
		return;
	if (qs > MONEY_MAX_SCALE || rs > MONEY_MAX_SCALE)
		abort();
	if (fen > MONEY_MAX_FEN || fen < -MONEY_MAX_FEN)
		abort();
	/* |fen * den - q * r * 100| <= den / 2, half away from zero */
	for (i = 0; i < qs + rs; i++)
		den *= 10;
	num = (i128)q * r; /* |q * r| < 2^126: fits */
	if (num > (i128)MONEY_MAX_FEN * den || num < -(i128)MONEY_MAX_FEN * den)
		abort(); /* then fen could not be in range */
	num *= 100;
	diff = (i128)fen * den - num;
	if (diff < 0)
		diff = -diff;
	if (2 * diff > den)
		abort();
	if (2 * diff == den &&
	    (fen == 0 || (fen > 0 && (i128)fen * den < num) ||
	     (fen < 0 && (i128)fen * den > num)))
		abort(); /* a tie rounded towards zero */
	if ((num > 0 && fen < 0) || (num < 0 && fen > 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	int64_t fen, sfen, v;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (money_parse(s, &fen) == 0) {
		if (fen < 0 || fen > MONEY_MAX_FEN)
			abort();
		/* what the unsigned parser takes, the signed one takes too */
		if (money_parse_signed(s, &sfen) != 0 || sfen != fen)
			abort();
		fuzz_round_trip(fen);
	}
	if (money_parse_signed(s, &sfen) == 0) {
		if (sfen < -MONEY_MAX_FEN || sfen > MONEY_MAX_FEN)
			abort();
		fuzz_round_trip(sfen);
	}
	if (size >= 8) {
		memcpy(&v, data, 8);
		if (v <= MONEY_MAX_FEN && v >= -MONEY_MAX_FEN)
			fuzz_round_trip(v);
		else {
			char cn[MONEY_CN_BUFSZ], buf[MONEY_BUFSZ];

			if (money_to_chinese(cn, sizeof cn, v) == 0)
				abort();
			if (money_format(buf, sizeof buf, v) != 0)
				abort();
		}
	}
	fuzz_rate(data, size);
	free(s);
	return 0;
}
