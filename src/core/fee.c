/*
 * fee.c: the pure rules of fee collection: coded values, prices, readings
 * and usage, applicability, bill lines, allocation of payments, change,
 * late fees, ageing, receipt numbers and rates.  Integer arithmetic only;
 * every product is checked or formed by money_apply_rate().  No I/O.
 */
#include "core/fee.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/input.h"
#include "core/money.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* ---- coded values ------------------------------------------------------ */

/* One coded value: stored code, English label (msgid), Chinese label. */
struct fee_value {
	const char *code;
	const char *label;
	const char *zh;
};

static const struct fee_value fee_kinds[] = {
	{"area", N_("Per m2 per month"), "按面积"},
	{"metered", N_("Metered"), "按表计量"},
	{"fixed", N_("Fixed per month"), "每月定额"},
	{"once", N_("One-off"), "一次性"},
	{"late", N_("Late fee"), "滞纳金"},
};

static const struct fee_value fee_scopes[] = {
	{"all", N_("All houses"), "全部房屋"},
	{"use", N_("By use"), "按用途"},
	{"building", N_("By building"), "按楼栋"},
	{"house", N_("One house"), "单户"},
};

static const struct fee_value fee_methods[] = {
	{"cash", N_("Cash"), "现金"},
	{"card", N_("Bank card"), "银行卡"},
	{"wechat", N_("WeChat Pay"), "微信"},
	{"alipay", N_("Alipay"), "支付宝"},
	{"transfer", N_("Bank transfer"), "转账"},
};

static const struct fee_value fee_reminds[] = {
	{"notice", N_("Reminder notice"), "催缴通知单"},
	{"phone", N_("Phone call"), "电话催缴"},
	{"visit", N_("Visit to remind"), "上门催缴"},
	{"letter", N_("Formal letter"), "催缴函"},
};

static const struct fee_value fee_voids[] = {
	{"requested", N_("Awaiting approval"), "待审批"},
	{"approved", N_("Approved"), "已批准"},
	{"rejected", N_("Rejected"), "已驳回"},
};

/* The tables, by enum fee_set. */
static const struct {
	const struct fee_value *v;
	int n;
	const char *what; /* for the message of fee_parse() */
} fee_sets[FEE_SET_COUNT] = {
	[FEE_SET_KIND] = {fee_kinds, FEE_KIND_COUNT, N_("charging kind")},
	[FEE_SET_SCOPE] = {fee_scopes, FEE_SCOPE_COUNT, N_("applies to")},
	[FEE_SET_METHOD] = {fee_methods, PAY_METHOD_COUNT,
	    N_("payment method")},
	[FEE_SET_REMIND] = {fee_reminds, REMIND_METHOD_COUNT,
	    N_("reminder method")},
	[FEE_SET_VOID] = {fee_voids, VOID_STATE_COUNT, N_("void state")},
};

int
fee_count(enum fee_set set)
{
	return (unsigned)set < FEE_SET_COUNT ? fee_sets[set].n : 0;
}

const char *
fee_code(enum fee_set set, int v)
{
	if ((unsigned)set >= FEE_SET_COUNT || v < 0 || v >= fee_sets[set].n)
		return NULL;
	return fee_sets[set].v[v].code;
}

const char *
fee_label(enum fee_set set, int v)
{
	if ((unsigned)set >= FEE_SET_COUNT || v < 0 || v >= fee_sets[set].n)
		return "?";
	return _(fee_sets[set].v[v].label);
}

int
fee_parse(enum fee_set set, const char *s, int *out)
{
	char buf[INPUT_MAX + 1], list[256] = "";
	const struct fee_value *v;
	size_t len = 0;
	int i, n;

	if ((unsigned)set >= FEE_SET_COUNT)
		return err_set(ERR_INVALID, "%s", err_str(ERR_INVALID));
	if (s != NULL && input_clean(buf, sizeof buf, s) == 0 &&
	    buf[0] != '\0') {
		for (i = 0; i < fee_sets[set].n; i++) {
			v = &fee_sets[set].v[i];
			if (strcasecmp(buf, v->code) == 0 ||
			    strcasecmp(buf, v->label) == 0 ||
			    strcmp(buf, v->zh) == 0 ||
			    strcmp(buf, _(v->label)) == 0) {
				*out = i;
				return 0;
			}
		}
	}
	for (i = 0; i < fee_sets[set].n; i++) {
		n = snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? _(", ") : "", _(fee_sets[set].v[i].label));
		if (n < 0 || (size_t)n >= sizeof list - len)
			break;
		len += (size_t)n;
	}
	return err_set(ERR_INVALID, _("%s must be one of: %s"),
	    _(fee_sets[set].what), list);
}

/* ---- names and texts --------------------------------------------------- */

int
fee_name_clean(const char *in, char **out)
{
	int rc;

	*out = NULL;
	if ((rc = household_name_clean(in, _("fee item name"), out)) != 0)
		return rc;
	if (utf8_nchars(*out) > FEE_NAME_MAX) {
		FREE(out);
		return err_set(ERR_INVALID, _("fee item name is too long: at "
					      "most %d characters"),
		    FEE_NAME_MAX);
	}
	return 0;
}

int
fee_text_clean(const char *in, int required, const char *field, char **out)
{
	int rc;

	if (field == NULL)
		field = _("text");
	*out = NULL;
	if ((rc = household_text_clean(in, FEE_TEXT_MAX, field, out)) != 0)
		return rc;
	if (required && (*out)[0] == '\0') {
		FREE(out);
		return err_set(ERR_INVALID, _("%s is empty; enter it"), field);
	}
	return 0;
}

/* ---- decimals ---------------------------------------------------------- */

/* How a decimal parser words its messages. */
struct fee_dec {
	int decimals;        /* most decimals allowed, and the scale of out */
	int64_t max;         /* largest value, in the scale */
	int yuan_sign;       /* a leading ￥/¥ is allowed */
	const char *example; /* "1.20" */
	const char *what;    /* translated: "price" */
};

/* A non-negative decimal with up to d->decimals places, scaled. */
static int
fee_decimal_parse(const char *s, const struct fee_dec *d, int64_t *out)
{
	char buf[INPUT_MAX + 1];
	const char *p;
	int64_t v = 0, scale = 1;
	int ndig = 0, ndec = 0, i;

	for (i = 0; i < d->decimals; i++)
		scale *= 10;
	if (s == NULL || input_clean(buf, sizeof buf, s) != 0)
		return err_set(ERR_INVALID, _("%s is too long"), d->what);
	p = buf;
	if (d->yuan_sign) {
		if (strncmp(p, "\xef\xbf\xa5", 3) == 0)
			p += 3;
		else if (strncmp(p, "\xc2\xa5", 2) == 0)
			p += 2;
		while (*p == ' ')
			p++;
	}
	if (*p == '\0')
		return err_set(ERR_INVALID, _("%s is empty; enter e.g. %s"),
		    d->what, d->example);
	if (*p == '-' || *p == '+')
		return err_set(ERR_INVALID, _("%s must not have a sign; enter "
					      "e.g. %s"), d->what, d->example);
	for (; *p >= '0' && *p <= '9'; p++, ndig++) {
		if (v > (d->max / scale - (*p - '0')) / 10)
			goto too_large;
		v = v * 10 + (*p - '0');
	}
	if (ndig == 0 && *p != '.')
		goto not_number;
	v *= scale;
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++) {
			if (++ndec > d->decimals)
				return err_set(ERR_INVALID,
				    _("%s has more than %d decimals"),
				    d->what, d->decimals);
			scale /= 10;
			v += (*p - '0') * scale;
		}
		if (ndig == 0 && ndec == 0)
			goto not_number;
	}
	if (*p != '\0')
		goto not_number;
	if (v > d->max)
		goto too_large;
	*out = v;
	return 0;
not_number:
	return err_set(ERR_INVALID, _("%s must be a number, e.g. %s"), d->what,
	    d->example);
too_large:
	return err_set(ERR_INVALID, _("%s is too large"), d->what);
}

int
fee_price_parse(const char *s, int64_t *out_e4)
{
	const struct fee_dec d = {4, FEE_PRICE_MAX_E4, 1, "1.20", _("price")};

	return fee_decimal_parse(s, &d, out_e4);
}

int
fee_price_format(char *buf, size_t bufsz, int64_t e4)
{
	char frac[8];
	int n, len;

	if (bufsz > 0)
		buf[0] = '\0';
	if (e4 < 0)
		return ERR_INVALID;
	len = snprintf(frac, sizeof frac, "%04d", (int)(e4 % 10000));
	while (len > 2 && frac[len - 1] == '0')
		frac[--len] = '\0';
	n = snprintf(buf, bufsz, "%lld.%s", (long long)(e4 / 10000), frac);
	if (n < 0 || (size_t)n >= bufsz) {
		if (bufsz > 0)
			buf[0] = '\0';
		return ERR_INVALID;
	}
	return 0;
}

int
fee_reading_parse(const char *s, int64_t *out_centi)
{
	const struct fee_dec d = {2, FEE_READING_MAX, 0, "1234.5",
	    _("meter reading")};

	return fee_decimal_parse(s, &d, out_centi);
}

int
fee_reading_format(char *buf, size_t bufsz, int64_t centi)
{
	uint64_t mag = centi < 0 ? -(uint64_t)centi : (uint64_t)centi;
	int n;

	if (mag % 100 == 0)
		n = snprintf(buf, bufsz, "%s%llu", centi < 0 ? "-" : "",
		    (unsigned long long)(mag / 100));
	else if (mag % 10 == 0)
		n = snprintf(buf, bufsz, "%s%llu.%llu", centi < 0 ? "-" : "",
		    (unsigned long long)(mag / 100),
		    (unsigned long long)(mag % 100 / 10));
	else
		n = snprintf(buf, bufsz, "%s%llu.%02llu", centi < 0 ? "-" : "",
		    (unsigned long long)(mag / 100),
		    (unsigned long long)(mag % 100));
	if (n < 0 || (size_t)n >= bufsz) {
		if (bufsz > 0)
			buf[0] = '\0';
		return ERR_INVALID;
	}
	return 0;
}

/* ---- standards and applicability --------------------------------------- */

const struct fee_standard *
fee_standard_at(const struct fee_standard *v, int n, const char *day)
{
	const struct fee_standard *best = NULL;
	int i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].valid_from, day) <= 0)
			best = &v[i];
	return best;
}

/* The scope names accepted before ':' (code, English, Chinese). */
static const struct {
	const char *name;
	enum fee_scope scope;
} fee_scope_names[] = {
	{"use", FEE_SCOPE_USE}, {"用途", FEE_SCOPE_USE},
	{"building", FEE_SCOPE_BUILDING}, {"楼栋", FEE_SCOPE_BUILDING},
	{"楼", FEE_SCOPE_BUILDING},
	{"house", FEE_SCOPE_HOUSE}, {"房号", FEE_SCOPE_HOUSE},
	{"房屋", FEE_SCOPE_HOUSE},
};

/* The message for a word of an applicability text that is not a rule. */
static int
fee_bad_rule(const char *word)
{
	char shown[64];

	text_fit(shown, sizeof shown, word, 30);
	return err_set(ERR_INVALID,
	    _("'%s' is not a rule of where a fee applies; write all, "
	      "use:residence, building:3 or house:3-2-1502"), shown);
}

/* One word ("use:shop") into a rule. */
static int
fee_rule_parse(char *word, struct fee_rule *r)
{
	char *colon = strchr(word, ':'), *end;
	size_t i;
	long b;
	int rc;

	memset(r, 0, sizeof *r);
	if (colon == NULL) {
		if (strcasecmp(word, "all") == 0 || strcmp(word, "全部") == 0) {
			r->scope = FEE_SCOPE_ALL;
			return 0;
		}
		return fee_bad_rule(word);
	}
	*colon = '\0';
	for (i = 0; i < sizeof fee_scope_names / sizeof fee_scope_names[0];
	    i++)
		if (strcasecmp(word, fee_scope_names[i].name) == 0)
			break;
	if (i == sizeof fee_scope_names / sizeof fee_scope_names[0]) {
		*colon = ':';
		return fee_bad_rule(word);
	}
	r->scope = fee_scope_names[i].scope;
	switch (r->scope) {
	case FEE_SCOPE_USE:
		return household_parse(HH_HOUSE_USE, colon + 1, &r->use);
	case FEE_SCOPE_BUILDING:
		b = strtol(colon + 1, &end, 10);
		if (end == colon + 1 || *end != '\0' || b < 1 ||
		    b > HOUSENO_BUILDING_MAX) {
			*colon = ':';
			return fee_bad_rule(word);
		}
		r->building = (int)b;
		return 0;
	case FEE_SCOPE_HOUSE:
		if ((rc = houseno_parse(colon + 1, &r->house)) != 0)
			return rc;
		return 0;
	default:
		break;
	}
	return fee_bad_rule(word);
}

int
fee_applies_parse(const char *s, struct fee_applies *out)
{
	char *buf = NULL, *p, *word;
	size_t len = s != NULL ? strnlen(s, FEE_APPLIES_MAX + 1) : 0;
	struct fee_rule r;
	int rc = 0;

	if (len > FEE_APPLIES_MAX)
		return err_set(ERR_INVALID, _("the list of where a fee applies "
					      "is too long: at most %d bytes"),
		    FEE_APPLIES_MAX);
	if (len > 0 && !utf8_valid(s, len))
		return err_set(ERR_INVALID, _("the list of where a fee applies "
					      "contains bytes that are not "
					      "valid text"));
	buf = xmalloc(len * 2 + 8);
	if (text_halfwidth(buf, len * 2 + 8, len > 0 ? s : "") != 0) {
		rc = err_set(ERR_INVALID, "%s", err_str(ERR_INVALID));
		goto out;
	}
	/* '；' and '、' separate too */
	while ((p = strstr(buf, "\xef\xbc\x9b")) != NULL ||
	    (p = strstr(buf, "\xe3\x80\x81")) != NULL)
		memset(p, ' ', 3);
	memset(out, 0, sizeof *out);
	for (word = strtok(buf, " \t\r\n,;"); word != NULL;
	    word = strtok(NULL, " \t\r\n,;")) {
		if ((rc = fee_rule_parse(word, &r)) != 0)
			goto out;
		if (out->n == FEE_APPLIES_RULES) {
			rc = err_set(ERR_INVALID, _("too many rules of where a "
						    "fee applies: at most %d"),
			    FEE_APPLIES_RULES);
			goto out;
		}
		out->rules[out->n++] = r;
	}
out:
	free(buf);
	return rc;
}

int
fee_applies_format(char *buf, size_t bufsz, const struct fee_applies *a)
{
	char one[64], hn[HOUSENO_BUFSZ];
	size_t len = 0, n;
	int i;

	if (bufsz == 0)
		return ERR_INVALID;
	buf[0] = '\0';
	for (i = 0; i < a->n; i++) {
		const struct fee_rule *r = &a->rules[i];

		switch (r->scope) {
		case FEE_SCOPE_USE:
			snprintf(one, sizeof one, "use:%s",
			    household_code(HH_HOUSE_USE, r->use));
			break;
		case FEE_SCOPE_BUILDING:
			snprintf(one, sizeof one, "building:%d", r->building);
			break;
		case FEE_SCOPE_HOUSE:
			houseno_format(hn, sizeof hn, &r->house);
			snprintf(one, sizeof one, "house:%s", hn);
			break;
		default:
			snprintf(one, sizeof one, "all");
		}
		n = strlen(one) + (i > 0);
		if (len + n + 1 > bufsz) {
			buf[0] = '\0';
			return ERR_INVALID;
		}
		snprintf(buf + len, bufsz - len, "%s%s", i > 0 ? " " : "", one);
		len += n;
	}
	return 0;
}

int
fee_applies_match(const struct fee_applies *a, const struct houseno *h,
    enum house_use use)
{
	int i;

	for (i = 0; i < a->n; i++) {
		const struct fee_rule *r = &a->rules[i];

		switch (r->scope) {
		case FEE_SCOPE_ALL:
			return 1;
		case FEE_SCOPE_USE:
			if (r->use == (int)use)
				return 1;
			break;
		case FEE_SCOPE_BUILDING:
			if (r->building == h->building)
				return 1;
			break;
		case FEE_SCOPE_HOUSE:
			if (houseno_cmp(&r->house, h) == 0)
				return 1;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* ---- meter usage ------------------------------------------------------- */

int
fee_usage(const struct fee_reading *r, int64_t *usage_centi)
{
	char a[FEE_READING_BUFSZ], b[FEE_READING_BUFSZ];

	if (r->prev < 0 || r->prev > FEE_READING_MAX || r->cur < 0 ||
	    r->cur > FEE_READING_MAX || r->old_end < 0 ||
	    r->old_end > FEE_READING_MAX || r->new_start < 0 ||
	    r->new_start > FEE_READING_MAX)
		return err_set(ERR_INVALID, _("a meter reading must be from 0 "
					      "to 99999999.99"));
	if (!r->replaced) {
		if (r->old_end != 0 || r->new_start != 0)
			return err_set(ERR_INVALID,
			    _("the old meter's last reading and the new "
			      "meter's start belong to a replaced meter only"));
		if (r->cur < r->prev) {
			fee_reading_format(a, sizeof a, r->cur);
			fee_reading_format(b, sizeof b, r->prev);
			return err_set(ERR_INVALID,
			    _("the reading %s is below the previous reading "
			      "%s; if the meter was replaced, mark it so and "
			      "give the old meter's last reading and the new "
			      "meter's start"), a, b);
		}
		*usage_centi = r->cur - r->prev;
		return 0;
	}
	if (r->old_end < r->prev) {
		fee_reading_format(a, sizeof a, r->old_end);
		fee_reading_format(b, sizeof b, r->prev);
		return err_set(ERR_INVALID, _("the old meter's last reading %s "
					      "is below the previous reading "
					      "%s"), a, b);
	}
	if (r->cur < r->new_start) {
		fee_reading_format(a, sizeof a, r->cur);
		fee_reading_format(b, sizeof b, r->new_start);
		return err_set(ERR_INVALID, _("the reading %s is below the new "
					      "meter's start %s"), a, b);
	}
	*usage_centi = (r->old_end - r->prev) + (r->cur - r->new_start);
	return 0;
}

int
fee_usage_unusual(int64_t usage_centi, int64_t avg_centi, int factor)
{
	if (avg_centi <= 0 || factor <= 0)
		return 0;
	if (avg_centi > INT64_MAX / factor)
		return 0;
	return usage_centi > avg_centi * factor;
}

/* ---- bill lines -------------------------------------------------------- */

int
fee_line_amount(const struct fee_basis *b, int64_t *qty_centi,
    int64_t *amount_fen)
{
	int64_t q;

	if (b->price_e4 < 0 || b->price_e4 > FEE_PRICE_MAX_E4)
		return err_set(ERR_INVALID, _("price is out of range"));
	switch (b->kind) {
	case FEE_AREA:
		q = b->area_centi;
		break;
	case FEE_METERED:
		q = b->usage_centi;
		break;
	case FEE_FIXED:
	case FEE_ONCE:
		q = 100;
		break;
	default:
		return err_set(ERR_INVALID, _("this fee item is not charged "
					      "by a standard"));
	}
	if (q < 0)
		return err_set(ERR_INVALID, _("a quantity must not be "
					      "negative"));
	*qty_centi = q;
	return money_apply_rate(q, 2, b->price_e4, 4, amount_fen);
}

int
fee_due_date(const struct fd_period *p, int due_days, struct fd_date *out)
{
	struct fd_date last;

	if (!date_period_valid(p))
		return err_set(ERR_INVALID, _("not a valid period; write e.g. "
					      "2026-11"));
	if (due_days < 0 || due_days > 365)
		return err_set(ERR_INVALID, _("days until due must be from 0 "
					      "to 365"));
	date_period_last(p, &last);
	return date_add_days(&last, due_days, out);
}

int
fee_period_billable(const struct fd_period *p, const struct fd_date *today)
{
	struct fd_period now, next, first = {2000, 1};
	char a[DATE_PERIOD_BUFSZ], b[DATE_PERIOD_BUFSZ];

	if (!date_period_valid(p))
		return err_set(ERR_INVALID, _("not a valid period; write e.g. "
					      "2026-11"));
	date_period_of(today, &now);
	if (date_period_next(&now, &next) != 0)
		return ERR_INVALID;
	date_period_format(a, sizeof a, p);
	if (date_period_cmp(p, &first) < 0)
		return err_set(ERR_INVALID, _("period %s is before 2000-01"),
		    a);
	if (date_period_cmp(p, &next) > 0) {
		date_period_format(b, sizeof b, &next);
		return err_set(ERR_INVALID, _("period %s has not begun; bills "
					      "can be made up to %s"), a, b);
	}
	return 0;
}

/* ---- payments ---------------------------------------------------------- */

int
fee_allocate(const int64_t *open_fen, int n, int64_t amount_fen,
    int64_t *alloc_fen, int64_t *excess_fen)
{
	int64_t left = amount_fen, total = 0;
	int i;

	if (amount_fen <= 0 || amount_fen > MONEY_MAX_FEN)
		return err_set(ERR_INVALID, _("the amount must be more than "
					      "0.00"));
	for (i = 0; i < n; i++) {
		if (open_fen[i] <= 0 || open_fen[i] > MONEY_MAX_FEN - total)
			return err_set(ERR_INVALID, _("an open bill has an "
						      "impossible amount"));
		total += open_fen[i];
	}
	for (i = 0; i < n; i++) {
		alloc_fen[i] = left < open_fen[i] ? left : open_fen[i];
		left -= alloc_fen[i];
	}
	*excess_fen = left;
	return 0;
}

int
fee_check_amount(int64_t amount_fen, int64_t open_fen, int to_credit,
    int64_t *excess_fen)
{
	char a[MONEY_BUFSZ], o[MONEY_BUFSZ], x[MONEY_BUFSZ];

	if (amount_fen <= 0)
		return err_set(ERR_INVALID, _("the amount must be more than "
					      "0.00"));
	if (amount_fen > MONEY_MAX_FEN || open_fen < 0)
		return err_set(ERR_INVALID, _("the amount is too large"));
	if (amount_fen > open_fen && !to_credit) {
		money_format(a, sizeof a, amount_fen);
		money_format(o, sizeof o, open_fen);
		money_format(x, sizeof x, amount_fen - open_fen);
		return err_set(ERR_INVALID,
		    _("the amount %s is %s more than the open bills (%s); "
		      "choose to keep the rest as the house's credit, or take "
		      "less"), a, x, o);
	}
	if (excess_fen != NULL)
		*excess_fen = amount_fen > open_fen ? amount_fen - open_fen : 0;
	return 0;
}

int
fee_change(enum pay_method method, int64_t amount_fen, int64_t tendered_fen,
    int64_t *tendered_out, int64_t *change_out)
{
	char a[MONEY_BUFSZ], t[MONEY_BUFSZ];

	if ((unsigned)method >= PAY_METHOD_COUNT)
		return err_set(ERR_INVALID, _("choose how it is paid"));
	if (amount_fen <= 0 || amount_fen > MONEY_MAX_FEN ||
	    tendered_fen > MONEY_MAX_FEN)
		return err_set(ERR_INVALID, _("the amount must be more than "
					      "0.00"));
	if (tendered_fen < 0)
		tendered_fen = amount_fen;
	if (method != PAY_CASH && tendered_fen != amount_fen)
		return err_set(ERR_INVALID, _("only cash is given change; for "
					      "%s the amount paid is the "
					      "amount"), fee_label(FEE_SET_METHOD,
		    (int)method));
	if (tendered_fen < amount_fen) {
		money_format(a, sizeof a, amount_fen);
		money_format(t, sizeof t, tendered_fen);
		return err_set(ERR_INVALID, _("the cash given (%s) is less than "
					      "the amount (%s)"), t, a);
	}
	*tendered_out = tendered_fen;
	*change_out = tendered_fen - amount_fen;
	return 0;
}

int
fee_expected_cash(int64_t float_fen, int64_t tendered_fen,
    int64_t change_fen, int64_t refund_fen, int64_t *out)
{
	if (float_fen < 0 || tendered_fen < 0 || change_fen < 0 ||
	    refund_fen < 0 || float_fen > MONEY_MAX_FEN ||
	    tendered_fen > MONEY_MAX_FEN || change_fen > MONEY_MAX_FEN ||
	    refund_fen > MONEY_MAX_FEN)
		return err_set(ERR_INVALID, _("an amount of the close is out of "
					      "range"));
	*out = float_fen + tendered_fen - change_fen - refund_fen;
	return 0;
}

/* ---- late fees --------------------------------------------------------- */

int
fee_late_fee(int64_t open_fen, const char *due, const char *from,
    const char *to, const struct fee_late_rule *r, int64_t *fee_fen,
    int32_t *days)
{
	struct fd_date d, f, t, start;
	int32_t n;
	int rc;

	*fee_fen = 0;
	*days = 0;
	if (open_fen < 0 || open_fen > MONEY_MAX_FEN)
		return err_set(ERR_INVALID, _("an open bill has an impossible "
					      "amount"));
	if (!r->enabled || open_fen == 0)
		return 0;
	if (r->rate_per_10000 < 0 || r->rate_per_10000 > 10000 ||
	    r->grace_days < 0 || r->grace_days > 3650)
		return err_set(ERR_INVALID, _("the late-fee rule is out of "
					      "range"));
	if ((rc = date_parse(due, &d)) != 0 || (rc = date_parse(to, &t)) != 0)
		return rc;
	if ((rc = date_add_days(&d, r->grace_days, &start)) != 0)
		return rc;
	if (from != NULL && from[0] != '\0') {
		if ((rc = date_parse(from, &f)) != 0)
			return rc;
		if (date_cmp(&f, &start) > 0)
			start = f;
	}
	n = date_diff(&start, &t);
	if (n <= 0)
		return 0;
	/* open × days fits: 10^13 × 10^5 < 2^63 */
	if ((rc = money_apply_rate(open_fen * n, 2, r->rate_per_10000, 4,
	    fee_fen)) != 0)
		return rc;
	*days = n;
	return 0;
}

/* ---- arrears ----------------------------------------------------------- */

int
fee_ageing_add(struct fee_ageing *a, int64_t open_fen, const char *due,
    const char *today)
{
	struct fd_date d, t;
	enum age_bucket b;

	if (date_parse(due, &d) != 0 || date_parse(today, &t) != 0) {
		err_clear();
		return -1;
	}
	b = date_age_bucket(date_diff(&d, &t));
	a->fen[b] += open_fen;
	a->total_fen += open_fen;
	return (int)b;
}

/* ---- receipts and rates ------------------------------------------------ */

int
fee_receipt_format(char *buf, size_t bufsz, int year, int64_t seq)
{
	int n = snprintf(buf, bufsz, "%04d-%06lld", year, (long long)seq);

	if (n < 0 || (size_t)n >= bufsz || year < 0 || seq < 0) {
		if (bufsz > 0)
			buf[0] = '\0';
		return ERR_INVALID;
	}
	return 0;
}

int
fee_receipt_parse(const char *s, int *year, int64_t *seq)
{
	char buf[INPUT_MAX + 1];
	const char *p;
	int y = 0, i;
	int64_t n = 0;

	if (s == NULL || input_clean(buf, sizeof buf, s) != 0)
		goto bad;
	for (i = 0; i < 4; i++) {
		if (!isdigit((unsigned char)buf[i]))
			goto bad;
		y = y * 10 + (buf[i] - '0');
	}
	p = buf + 4;
	if (*p == '-')
		p++;
	if (*p == '\0')
		goto bad;
	for (; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || n > 99999999)
			goto bad;
		n = n * 10 + (*p - '0');
	}
	if (n == 0 || y < DATE_MIN_YEAR || y > DATE_MAX_YEAR)
		goto bad;
	*year = y;
	*seq = n;
	return 0;
bad:
	return err_set(ERR_INVALID, _("a receipt number looks like "
				      "2026-000123"));
}

int64_t
fee_rate_bp(int64_t num, int64_t den)
{
	if (den <= 0 || num < 0)
		return -1;
	while (num > INT64_MAX / 20000) {
		num /= 2;
		den /= 2;
		if (den == 0)
			return -1;
	}
	return (num * 10000 * 2 + den) / (den * 2);
}

int
fee_rate_format(char *buf, size_t bufsz, int64_t num, int64_t den)
{
	int64_t bp = fee_rate_bp(num, den);
	int n;

	if (num < 0 || den < 0) {
		if (bufsz > 0)
			buf[0] = '\0';
		return ERR_INVALID;
	}
	if (bp < 0)
		n = snprintf(buf, bufsz, "-");
	else
		n = snprintf(buf, bufsz, "%lld.%02lld%%", (long long)(bp / 100),
		    (long long)(bp % 100));
	if (n < 0 || (size_t)n >= bufsz) {
		if (bufsz > 0)
			buf[0] = '\0';
		return ERR_INVALID;
	}
	return 0;
}
