/*
 * money.c: amounts as int64_t fen.  Parsing what the counter types, the two
 * display formats, the Chinese capital amount for receipts, and the single
 * rounding of quantity × rate to the fen.  Integer arithmetic only (no
 * double ever touches money); every product is checked for overflow.  No I/O.
 */
#include "core/money.h"

#include <string.h>

#include "core/input.h"
#include "util/err.h"
#include "util/i18n.h"

#define MONEY_MAX_YUAN (MONEY_MAX_FEN / 100)

/* The yuan signs accepted before an amount: full-width ￥ and Latin-1 ¥. */
static const char *const money_signs[] = {"\xef\xbf\xa5", "\xc2\xa5"};

/* Powers of ten up to 10^(2 * MONEY_MAX_SCALE). */
static const uint64_t money_pow10[] = {
    UINT64_C(1),
    UINT64_C(10),
    UINT64_C(100),
    UINT64_C(1000),
    UINT64_C(10000),
    UINT64_C(100000),
    UINT64_C(1000000),
    UINT64_C(10000000),
    UINT64_C(100000000),
    UINT64_C(1000000000),
    UINT64_C(10000000000),
    UINT64_C(100000000000),
    UINT64_C(1000000000000),
};

/* ------------------------------------------------------------------ */
/* Parsing                                                            */
/* ------------------------------------------------------------------ */

/* Skip a yuan sign and the blanks after it. */
static const char *
money_skip_sign(const char *p)
{
	size_t i, n;

	for (i = 0; i < sizeof money_signs / sizeof money_signs[0]; i++) {
		n = strlen(money_signs[i]);
		if (strncmp(p, money_signs[i], n) == 0) {
			p += n;
			while (*p == ' ')
				p++;
			break;
		}
	}
	return p;
}

/* The message for a value above MONEY_MAX_FEN. */
static int
money_too_large(void)
{
	char max[MONEY_BUFSZ];

	money_format(max, sizeof max, MONEY_MAX_FEN);
	return err_set(ERR_INVALID,
	               _("amount is too large; the most allowed is %s yuan"),
	               max);
}

/* The message for a misplaced thousands comma. */
static int
money_bad_comma(void)
{
	return err_set(ERR_INVALID, _("thousands commas are misplaced; write "
	                              "e.g. 1,350.50 or 1350.50"));
}

/*
 * Read the yuan part at *pp: digits, optionally grouped by commas in threes.
 * OUT: *yuan, *pp moved past it.  Returns 0 or ERR_INVALID (message set).
 */
static int
money_parse_yuan(const char **pp, int64_t *yuan)
{
	const char *p = *pp;
	int64_t v = 0;
	int ndigits = 0, group = 0, commas = 0;

	for (; (*p >= '0' && *p <= '9') || *p == ','; p++) {
		if (*p == ',') {
			if (group == 0 || (commas == 0 && group > 3) ||
			    (commas > 0 && group != 3))
				return money_bad_comma();
			commas++;
			group = 0;
			continue;
		}
		v = v * 10 + (*p - '0');
		if (v > MONEY_MAX_YUAN)
			return money_too_large();
		ndigits++;
		group++;
	}
	if (commas > 0 && group != 3)
		return money_bad_comma();
	if (ndigits == 0)
		return err_set(
		    ERR_INVALID,
		    *p == '.'
		        ? _("amount needs digits before the decimal point, "
		            "e.g. 0.50")
		        : _("amount must be a number of yuan, e.g. 350.50"));
	*pp = p;
	*yuan = v;
	return 0;
}

/*
 * Read the decimals after the point at *pp (the point already skipped).
 * OUT: *fen (0..99), *pp moved.  Returns 0 or ERR_INVALID (message set).
 */
static int
money_parse_cents(const char **pp, int *fen)
{
	const char *p = *pp;
	int n = 0, v = 0;

	for (; *p >= '0' && *p <= '9'; p++, n++) {
		if (n < 2)
			v = v * 10 + (*p - '0');
	}
	if (n == 0)
		return err_set(ERR_INVALID, _("amount needs digits after the "
		                              "decimal point, e.g. 350.50"));
	if (n > 2)
		return err_set(ERR_INVALID, _("amount has more than two "
		                              "decimals; enter yuan with at "
		                              "most 2 decimals, e.g. 350.50"));
	*fen = n == 1 ? v * 10 : v;
	*pp = p;
	return 0;
}

/* The message for a sign where none may be. */
static int
money_bad_sign(int allow_minus)
{
	if (allow_minus)
		return err_set(ERR_INVALID,
		               _("amount may start with '-' only "
		                 "(before the yuan sign), e.g. -350.50"));
	return err_set(ERR_INVALID, _("amount cannot have a sign; enter yuan "
	                              "without + or -, e.g. 350.50"));
}

/* money_parse() and money_parse_signed(). */
static int
money_parse_any(const char *s, int allow_minus, int64_t *out_fen)
{
	char buf[INPUT_MAX + 1];
	const char *p = buf;
	int64_t yuan = 0;
	int fen = 0, neg = 0, rc;

	if (input_clean(buf, sizeof buf, s) != 0)
		return err_set(
		    ERR_INVALID,
		    _("amount is too long; enter yuan, e.g. 350.50"));
	if (*p == '\0')
		return err_set(ERR_INVALID,
		               _("amount is empty; enter yuan, e.g. 350.50"));
	if (*p == '-' && allow_minus) {
		neg = 1;
		p++;
	}
	p = money_skip_sign(p);
	if (*p == '-' || *p == '+')
		return money_bad_sign(allow_minus);
	if ((rc = money_parse_yuan(&p, &yuan)) != 0)
		return rc;
	if (*p == '.') {
		p++;
		if ((rc = money_parse_cents(&p, &fen)) != 0)
			return rc;
	}
	if (strcmp(p, "\xe5\x85\x83") == 0) /* a trailing 元 */
		p += 3;
	if (*p != '\0')
		return err_set(
		    ERR_INVALID,
		    _("amount may contain only digits, "
		      "a decimal point and thousands commas, e.g. 1,350.50"));
	if (yuan * 100 + fen > MONEY_MAX_FEN)
		return money_too_large();
	*out_fen = neg ? -(yuan * 100 + fen) : yuan * 100 + fen;
	return 0;
}

int
money_parse(const char *s, int64_t *out_fen)
{
	return money_parse_any(s, 0, out_fen);
}

int
money_parse_signed(const char *s, int64_t *out_fen)
{
	return money_parse_any(s, 1, out_fen);
}

/* ------------------------------------------------------------------ */
/* Formatting                                                         */
/* ------------------------------------------------------------------ */

/* The message for a caller's buffer that is too small. */
static int
money_no_room(char *buf, size_t bufsz)
{
	if (bufsz > 0)
		buf[0] = '\0';
	return err_set(ERR_INVALID,
	               _("internal error: the text does not fit its buffer"));
}

/* money_format() and money_format_plain(): grouped or not. */
static int
money_format_any(char *buf, size_t bufsz, int64_t fen, int grouped)
{
	char tmp[MONEY_BUFSZ];
	uint64_t u = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;
	size_t n = 0, i;
	int digits = 0;

	/* Built backwards: decimals, point, then yuan digits. */
	tmp[n++] = (char)('0' + u % 10);
	tmp[n++] = (char)('0' + u / 10 % 10);
	tmp[n++] = '.';
	u /= 100;
	do {
		if (grouped && digits > 0 && digits % 3 == 0)
			tmp[n++] = ',';
		tmp[n++] = (char)('0' + u % 10);
		digits++;
		u /= 10;
	} while (u > 0);
	if (fen < 0)
		tmp[n++] = '-';
	if (n + 1 > bufsz)
		return money_no_room(buf, bufsz);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
	return 0;
}

int
money_format(char *buf, size_t bufsz, int64_t fen)
{
	return money_format_any(buf, bufsz, fen, 1);
}

int
money_format_plain(char *buf, size_t bufsz, int64_t fen)
{
	return money_format_any(buf, bufsz, fen, 0);
}

/* ------------------------------------------------------------------ */
/* Quantity × rate                                                    */
/* ------------------------------------------------------------------ */

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 money_wide;
#define MONEY_WIDE_MAX (~(money_wide)0)
#else
typedef uint64_t money_wide; /* then products beyond 64 bits are refused */
#define MONEY_WIDE_MAX UINT64_MAX
#endif

int
money_apply_rate(int64_t quantity, int quantity_scale, int64_t rate,
                 int rate_scale, int64_t *out_fen)
{
	money_wide q, r, n, d, v;
	int neg;

	if (quantity_scale < 0 || quantity_scale > MONEY_MAX_SCALE ||
	    rate_scale < 0 || rate_scale > MONEY_MAX_SCALE)
		return err_set(
		    ERR_INVALID,
		    _("internal error: decimal places out of range"));
	neg = (quantity < 0) != (rate < 0);
	q = quantity < 0 ? -(uint64_t)quantity : (uint64_t)quantity;
	r = rate < 0 ? -(uint64_t)rate : (uint64_t)rate;
	/* fen = q * r * 100 / 10^(qs + rs), rounded half-up once. */
	d = money_pow10[quantity_scale + rate_scale];
	if (q != 0 && r > (MONEY_WIDE_MAX - d / 2) / 100 / q)
		return money_too_large(); /* else nothing below can wrap */
	n = q * r * 100 + d / 2;
	v = n / d;
	if (v > (money_wide)MONEY_MAX_FEN)
		return money_too_large();
	*out_fen = neg ? -(int64_t)v : (int64_t)v;
	return 0;
}

/* ------------------------------------------------------------------ */
/* Chinese capital amount (大写金额)                                  */
/* ------------------------------------------------------------------ */

static const char *const money_cn_digit[10] = {
    "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖",
};
static const char *const money_cn_place[4] = {"", "拾", "佰", "仟"};
static const char *const money_cn_group[3] = {"", "万", "亿"};

/* Append s to buf at *n; sets *full when it does not fit. */
static void
money_cn_put(char *buf, size_t bufsz, size_t *n, int *full, const char *s)
{
	size_t len = strlen(s);

	if (*full || *n + len + 1 > bufsz) {
		*full = 1;
		return;
	}
	memcpy(buf + *n, s, len + 1);
	*n += len;
}

/* Write the yuan part (yuan > 0, at most 12 digits) with 亿/万 groups. */
static void
money_cn_yuan(char *buf, size_t bufsz, size_t *n, int *full, uint64_t yuan)
{
	char digits[24];
	int nd = 0, i, d, zero = 0, group_has = 0;

	for (; yuan > 0; yuan /= 10)
		digits[nd++] = (char)(yuan % 10); /* digits[i] is 10^i */
	for (i = nd - 1; i >= 0; i--) {
		d = digits[i];
		if (d == 0)
			zero =
			    1; /* one 零 for the whole run, if more follows */
		else {
			if (zero)
				money_cn_put(buf, bufsz, n, full, "零");
			zero = 0;
			group_has = 1;
			money_cn_put(buf, bufsz, n, full, money_cn_digit[d]);
			money_cn_put(buf, bufsz, n, full,
			             money_cn_place[i % 4]);
		}
		if (i % 4 == 0 && i > 0) {
			if (group_has) /* an all-zero group has no 万 */
				money_cn_put(buf, bufsz, n, full,
				             money_cn_group[i / 4]);
			group_has = 0;
		}
	}
	money_cn_put(buf, bufsz, n, full, "元");
}

int
money_to_chinese(char *buf, size_t bufsz, int64_t fen)
{
	uint64_t u = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;
	uint64_t yuan = u / 100;
	int jiao = (int)(u / 10 % 10), cents = (int)(u % 10), full = 0;
	size_t n = 0;

	if (bufsz > 0)
		buf[0] = '\0';
	if (u > (uint64_t)MONEY_MAX_FEN)
		return money_too_large();
	if (fen < 0)
		money_cn_put(buf, bufsz, &n, &full, "负");
	if (yuan > 0)
		money_cn_yuan(buf, bufsz, &n, &full, yuan);
	if (jiao == 0 && cents == 0) {
		if (yuan == 0)
			money_cn_put(buf, bufsz, &n, &full, "零元");
		money_cn_put(buf, bufsz, &n, &full, "整");
	} else {
		if (jiao > 0) {
			money_cn_put(buf, bufsz, &n, &full,
			             money_cn_digit[jiao]);
			money_cn_put(buf, bufsz, &n, &full, "角");
		} else if (yuan > 0)
			money_cn_put(buf, bufsz, &n, &full, "零");
		if (cents > 0) {
			money_cn_put(buf, bufsz, &n, &full,
			             money_cn_digit[cents]);
			money_cn_put(buf, bufsz, &n, &full, "分");
		} else
			money_cn_put(buf, bufsz, &n, &full, "整");
	}
	if (full)
		return money_no_room(buf, bufsz);
	return 0;
}
