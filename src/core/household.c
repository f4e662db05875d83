/*
 * household.c: the pure domain of houses, owners, occupants and visits: the
 * coded value tables (code stored, English msgid, Chinese label for imports
 * whatever the language), floor areas, names and free text, how a house's
 * state follows its people, and the finder's classification of what was
 * typed.  No I/O, no SQL.
 */
#include "core/household.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/idcard.h"
#include "core/input.h"
#include "core/phone.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* One coded value: stored code, English label (msgid), Chinese label. */
struct hh_value {
	const char *code;
	const char *label;
	const char *zh;
};

static const struct hh_value hh_use[] = {
	{"residence", N_("Residence"), "住宅"},
	{"shop", N_("Shop"), "商铺"},
	{"parking", N_("Parking space"), "车位"},
	{"storeroom", N_("Storeroom"), "储藏室"},
};

static const struct hh_value hh_state[] = {
	{"vacant", N_("Vacant"), "空置"},
	{"occupied", N_("Occupied"), "已入住"},
	{"decorating", N_("Decorating"), "装修中"},
	{"let", N_("Let"), "出租"},
};

static const struct hh_value hh_kind[] = {
	{"person", N_("Person"), "个人"},
	{"company", N_("Company"), "单位"},
};

static const struct hh_value hh_idtype[] = {
	{"idcard", N_("ID card"), "身份证"},
	{"passport", N_("Passport"), "护照"},
	{"other", N_("Other document"), "其他证件"},
	{"none", N_("No document"), "无"},
};

static const struct hh_value hh_relation[] = {
	{"family", N_("Family"), "家属"},
	{"tenant", N_("Tenant"), "租户"},
	{"other", N_("Other"), "其他"},
};

static const struct hh_value hh_purpose[] = {
	{"consult", N_("Consultation"), "咨询"},
	{"complaint", N_("Complaint"), "投诉"},
	{"repair", N_("Repair"), "报修"},
	{"business", N_("Business"), "办事"},
	{"other", N_("Other"), "其他"},
};

static const struct hh_value hh_visitor[] = {
	{"owner", N_("Owner"), "业主"},
	{"occupant", N_("Occupant"), "住户"},
	{"other", N_("Other"), "其他"},
};

/* The tables, by enum household_set. */
static const struct {
	const struct hh_value *v;
	int n;
	const char *what; /* for the message of household_parse() */
} hh_sets[HH_SET_COUNT] = {
	[HH_HOUSE_USE] = {hh_use, HOUSE_USE_COUNT, N_("use")},
	[HH_HOUSE_STATE] = {hh_state, HOUSE_STATE_COUNT, N_("house state")},
	[HH_OWNER_KIND] = {hh_kind, OWNER_KIND_COUNT, N_("owner kind")},
	[HH_ID_TYPE] = {hh_idtype, ID_TYPE_COUNT, N_("ID type")},
	[HH_RELATION] = {hh_relation, REL_COUNT, N_("relation")},
	[HH_VISIT_PURPOSE] = {hh_purpose, VISIT_PURPOSE_COUNT, N_("purpose")},
	[HH_VISITOR_KIND] = {hh_visitor, VISITOR_KIND_COUNT, N_("visitor")},
};

/* ---- coded values ------------------------------------------------------- */

int
household_count(enum household_set set)
{
	return (unsigned)set < HH_SET_COUNT ? hh_sets[set].n : 0;
}

const char *
household_code(enum household_set set, int v)
{
	if ((unsigned)set >= HH_SET_COUNT || v < 0 || v >= hh_sets[set].n)
		return NULL;
	return hh_sets[set].v[v].code;
}

const char *
household_label(enum household_set set, int v)
{
	if ((unsigned)set >= HH_SET_COUNT || v < 0 || v >= hh_sets[set].n)
		return "?";
	return _(hh_sets[set].v[v].label);
}

int
household_parse(enum household_set set, const char *s, int *out)
{
	char buf[INPUT_MAX + 1];
	const struct hh_value *v;
	char list[256] = "";
	size_t len = 0;
	int i, n;

	if ((unsigned)set >= HH_SET_COUNT)
		return err_set(ERR_INVALID, "%s", err_str(ERR_INVALID));
	if (s != NULL && input_clean(buf, sizeof buf, s) == 0 &&
	    buf[0] != '\0') {
		for (i = 0; i < hh_sets[set].n; i++) {
			v = &hh_sets[set].v[i];
			if (strcasecmp(buf, v->code) == 0 ||
			    strcasecmp(buf, v->label) == 0 ||
			    strcmp(buf, v->zh) == 0 ||
			    strcmp(buf, _(v->label)) == 0) {
				*out = i;
				return 0;
			}
		}
	}
	for (i = 0; i < hh_sets[set].n; i++) {
		n = snprintf(list + len, sizeof list - len, "%s%s",
		    i > 0 ? _(", ") : "", _(hh_sets[set].v[i].label));
		if (n < 0 || (size_t)n >= sizeof list - len)
			break;
		len += (size_t)n;
	}
	return err_set(ERR_INVALID, _("%s must be one of: %s"),
	    _(hh_sets[set].what), list);
}

/* ---- areas -------------------------------------------------------------- */

/* Units that may follow an area. */
static const char *const area_units[] = {
	"m2", "M2", "m²", "㎡", "平方米", "平米", "平",
};

/* Drop a unit (and the blanks before it) from the end of s, in place. */
static void
area_drop_unit(char *s)
{
	size_t n = strlen(s), u, i;

	for (i = 0; i < sizeof area_units / sizeof *area_units; i++) {
		u = strlen(area_units[i]);
		if (n >= u && strcmp(s + n - u, area_units[i]) == 0) {
			s[n - u] = '\0';
			text_trim(s);
			return;
		}
	}
}

int
area_parse(const char *s, int64_t *centi)
{
	char buf[INPUT_MAX + 1];
	const char *p;
	int64_t whole = 0;
	int frac = 0, nfrac = 0, digits = 0;

	if (s == NULL || input_clean(buf, sizeof buf, s) != 0)
		return err_set(ERR_INVALID, _("area is too long; enter e.g. "
					      "89.37"));
	area_drop_unit(buf);
	if (buf[0] == '\0')
		return err_set(ERR_INVALID, _("enter the floor area in m², "
					      "e.g. 89.37"));
	if (buf[0] == '-')
		return err_set(ERR_INVALID, _("area cannot be negative"));
	p = buf[0] == '+' ? buf + 1 : buf;
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		whole = whole * 10 + (*p - '0');
		if (whole > AREA_CENTI_MAX / 100)
			goto too_big;
	}
	if (*p == '.') {
		for (p++; *p >= '0' && *p <= '9'; p++, nfrac++)
			if (nfrac < 2)
				frac = frac * 10 + (*p - '0');
		if (nfrac > 2)
			return err_set(ERR_INVALID, _("area has at most two "
						      "decimals, e.g. 89.37"));
	}
	if (*p != '\0' || (digits == 0 && nfrac == 0))
		return err_set(ERR_INVALID, _("area must be a number of m², "
					      "e.g. 89.37"));
	if (nfrac == 1)
		frac *= 10;
	*centi = whole * 100 + frac;
	if (*centi > AREA_CENTI_MAX)
		goto too_big;
	if (*centi == 0)
		return err_set(ERR_INVALID, _("area must be more than 0"));
	return 0;
too_big:
	return err_set(ERR_INVALID, _("area must be at most 99999.99 m²"));
}

int
area_format(char *buf, size_t bufsz, int64_t centi)
{
	int n;

	if (bufsz > 0)
		buf[0] = '\0';
	if (centi < 0)
		return ERR_INVALID;
	n = snprintf(buf, bufsz, "%lld.%02lld", (long long)(centi / 100),
	    (long long)(centi % 100));
	if (n < 0 || (size_t)n >= bufsz) {
		if (bufsz > 0)
			buf[0] = '\0';
		return ERR_INVALID;
	}
	return 0;
}

/* ---- names and free text -------------------------------------------------- */

/*
 * Trim in into a new string and check it: valid UTF-8, no control
 * characters (line breaks and tabs too when lines is 1), at most maxchars
 * characters.  OUT: *out.
 */
static int
household_clean(const char *in, size_t maxchars, int lines, const char *field,
    char **out)
{
	size_t len, i, nchars;
	unsigned char c;
	char *s;

	*out = NULL;
	/* count the characters of anything sensible; refuse a flood unread */
	len = in != NULL ? strnlen(in, maxchars * 4 + 4097) : 0;
	if (len > maxchars * 4 + 4096)
		return err_set(ERR_INVALID,
		    _("%s is too long: at most %zu characters"), field,
		    maxchars);
	s = xstrndup(in != NULL ? in : "", len);
	text_trim(s);
	len = strlen(s);
	if (!utf8_valid(s, len)) {
		free(s);
		return err_set(ERR_INVALID,
		    _("%s contains bytes that are not valid text"), field);
	}
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if ((c < 0x20 && !(lines && (c == '\n' || c == '\t' ||
		    c == '\r'))) || c == 0x7f) {
			free(s);
			return err_set(ERR_INVALID,
			    _("%s must not contain control characters"),
			    field);
		}
	}
	nchars = utf8_nchars(s);
	if (nchars > maxchars) {
		free(s);
		return err_set(ERR_INVALID,
		    _("%s is too long: %zu characters, at most %zu"), field,
		    nchars, maxchars);
	}
	*out = s;
	return 0;
}

int
household_name_clean(const char *in, const char *field, char **out)
{
	int rc;

	if (field == NULL)
		field = _("name");
	if ((rc = household_clean(in, HOUSEHOLD_NAME_MAX, 0, field, out)) != 0)
		return rc;
	if ((*out)[0] == '\0') {
		FREE(out);
		*out = NULL;
		return err_set(ERR_INVALID, _("%s is empty; enter it"), field);
	}
	return 0;
}

int
household_text_clean(const char *in, size_t maxchars, const char *field,
    char **out)
{
	if (field == NULL)
		field = _("text");
	return household_clean(in, maxchars, 1, field, out);
}

/* ---- the state of a house ------------------------------------------------- */

enum house_state
household_state_follow(enum house_state cur, const struct house_people *p)
{
	if (cur == HOUSE_DECORATING)
		return HOUSE_DECORATING;
	if (p->tenants > 0)
		return HOUSE_LET;
	if (p->owners_in > 0 || p->family > 0)
		return HOUSE_OCCUPIED;
	return HOUSE_VACANT;
}

/* ---- the finder ------------------------------------------------------------ */

/*
 * "B-E-" followed by 1 to 3 digits: a room being typed.  OUT: q on a match.
 * Returns 1 on a match, else 0.
 */
static int
finder_partial_room(const char *s, struct finder_query *q)
{
	int b, e, n = 0, len = 0;
	char room[8];

	if (sscanf(s, "%3d-%2d-%7[0-9]%n", &b, &e, room, &n) != 3 ||
	    s[n] != '\0' || (len = (int)strlen(room)) > 3 || b < 1 ||
	    e < 1 || !isdigit((unsigned char)s[0]))
		return 0;
	/* sscanf skips blanks before numbers: make sure there were none */
	if (strspn(s, "0123456789-") != strlen(s))
		return 0;
	q->kind = FINDER_HOUSE;
	q->level = HOUSENO_ENTRANCE;
	q->house.building = b;
	q->house.entrance = e;
	q->house.room = 0;
	snprintf(q->text, sizeof q->text, "%d-%d-%s", b, e, room);
	return 1;
}

/* A house number or prefix.  Returns 1 when s is one (q set), else 0. */
static int
finder_house(const char *s, struct finder_query *q)
{
	struct houseno h;
	int level, all_digits;

	all_digits = strspn(s, "0123456789") == strlen(s);
	/* 4 digits and more are phones and ID numbers, not buildings */
	if (all_digits && strlen(s) > 3)
		return 0;
	level = houseno_prefix_parse(s, &h);
	err_clear();
	if (level > HOUSENO_NONE) {
		q->kind = FINDER_HOUSE;
		q->level = level;
		q->house = h;
		if (level == HOUSENO_ROOM) {
			houseno_format(q->text, sizeof q->text, &h);
			/* room 150 may be the start of 1501 ... 1509 */
			q->exact = h.room >= 1000;
		} else if (level == HOUSENO_ENTRANCE)
			snprintf(q->text, sizeof q->text, "%d-%d-",
			    h.building, h.entrance);
		else
			snprintf(q->text, sizeof q->text, "%d-", h.building);
		return 1;
	}
	return finder_partial_room(s, q);
}

/* Copy the digits of s (spaces and hyphens between allowed).  Returns how
 * many, or -1 when anything else is there. */
static int
finder_digits(const char *s, char *out, size_t outsz)
{
	size_t n = 0;

	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			if (n + 1 >= outsz)
				return -1;
			out[n++] = *s;
		} else if (*s != ' ' && *s != '-')
			return -1;
	}
	out[n] = '\0';
	return (int)n;
}

/* Classify digits only.  Returns 1 when it did (q set), else 0. */
static int
finder_number(const char *s, struct finder_query *q)
{
	char digits[FINDER_BUFSZ], canon[PHONE_BUFSZ], id[IDCARD_BUFSZ];
	int n = finder_digits(s, digits, sizeof digits);

	if (n < 4)
		return 0;
	if (n == 4) {
		q->kind = FINDER_PHONE_LAST4;
		q->exact = 1;
		snprintf(q->text, sizeof q->text, "%s", digits);
		return 1;
	}
	if (n >= 15 && n <= 18 && strchr(s, '-') == NULL) {
		q->kind = FINDER_IDNO;
		if (n == 18 && idcard_parse(digits, id, sizeof id) == 0) {
			snprintf(q->text, sizeof q->text, "%s", id);
			q->exact = 1;
		} else
			snprintf(q->text, sizeof q->text, "%s", digits);
		err_clear();
		return 1;
	}
	if (n > 18)
		return 0;
	q->kind = FINDER_PHONE;
	if (phone_parse(s, canon, sizeof canon) == 0) {
		snprintf(q->text, sizeof q->text, "%s", canon);
		q->exact = 1;
	} else
		snprintf(q->text, sizeof q->text, "%s", digits);
	err_clear();
	return 1;
}

/* An ID number ending in X, or a passport (ASCII letters with digits). */
static int
finder_document(const char *s, struct finder_query *q)
{
	char id[IDCARD_BUFSZ];
	size_t n = strlen(s), i;
	int letters = 0, digits = 0;

	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			digits++;
		else if (isalpha((unsigned char)s[i]))
			letters++;
		else if (s[i] != '-')
			return 0;
	}
	if (digits == 0 || letters == 0 || n > IDCARD_OTHER_MAX)
		return 0;
	q->kind = FINDER_IDNO;
	if (idcard_parse(s, id, sizeof id) == 0) {
		snprintf(q->text, sizeof q->text, "%s", id);
		q->exact = 1;
	} else {
		for (i = 0; i < n; i++)
			q->text[i] = (char)toupper((unsigned char)s[i]);
		q->text[n] = '\0';
	}
	err_clear();
	return 1;
}

int
finder_classify(const char *text, struct finder_query *q)
{
	char buf[FINDER_BUFSZ], canon[PHONE_BUFSZ];
	size_t i, n;

	memset(q, 0, sizeof *q);
	q->kind = FINDER_EMPTY;
	if (text == NULL)
		return 0;
	if (strnlen(text, FINDER_TEXT_MAX + 1) > FINDER_TEXT_MAX ||
	    input_clean(buf, sizeof buf, text) != 0)
		return err_set(ERR_INVALID, _("search text is too long: at "
					      "most %d bytes"),
		    FINDER_TEXT_MAX);
	n = strlen(buf);
	if (!utf8_valid(buf, n))
		return err_set(ERR_INVALID, _("search text contains bytes "
					      "that are not valid text"));
	for (i = 0; i < n; i++)
		if ((unsigned char)buf[i] < 0x20 || buf[i] == 0x7f)
			return err_set(ERR_INVALID, _("search text must not "
						      "contain control "
						      "characters"));
	if (n == 0)
		return 0;
	if (finder_house(buf, q) || finder_number(buf, q) ||
	    finder_document(buf, q))
		goto done;
	if (phone_parse(buf, canon, sizeof canon) == 0) {
		q->kind = FINDER_PHONE;
		q->exact = 1;
		snprintf(q->text, sizeof q->text, "%s", canon);
		goto done;
	}
	err_clear();
	snprintf(q->text, sizeof q->text, "%s", buf);
	q->nchars = (int)utf8_nchars(buf);
	q->kind = q->nchars <= 2 ? FINDER_NAME_SHORT : FINDER_NAME;
done:
	q->nchars = (int)utf8_nchars(q->text);
	return 0;
}
