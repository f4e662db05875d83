/*
 * phone.c: reading mainland phone numbers as typed and writing their one
 * canonical form (see phone.h).  Area codes follow the national plan: 010
 * and 020-029 have three digits, every other code four (0 + three digits).
 * No I/O.
 */
#include "core/phone.h"

#include <stdio.h>
#include <string.h>

#include "core/input.h"
#include "util/err.h"
#include "util/i18n.h"

#define PHONE_MAX_DIGITS 20 /* more is never a phone number */
#define PHONE_MAX_GROUPS 8
#define PHONE_MAX_EXT 6

/* The number as typed, split into digit groups. */
struct phone_groups {
	char digits[PHONE_MAX_DIGITS + 1]; /* all digits, NUL-terminated */
	int ndigits;                       /* strlen(digits) */
	int glen[PHONE_MAX_GROUPS];        /* digits in each group */
	int ngroups;
	int intl; /* 1: it started with +86 */
};

/* The message for characters that have no place in a phone number. */
static int
phone_bad_chars(void)
{
	return err_set(
	    ERR_INVALID,
	    _("phone number may contain only digits, "
	      "spaces and hyphens, e.g. 13812345678 or 0376-1234567"));
}

/* Split s (cleaned) into digit groups at spaces, hyphens and brackets. */
static int
phone_split(const char *s, struct phone_groups *g)
{
	int in_group = 0;

	memset(g, 0, sizeof *g);
	if (strncmp(s, "+86", 3) == 0) {
		g->intl = 1;
		s += 3;
	}
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			if (g->ndigits == PHONE_MAX_DIGITS)
				return err_set(
				    ERR_INVALID,
				    _("phone number has too many digits"));
			if (!in_group) {
				if (g->ngroups == PHONE_MAX_GROUPS)
					return phone_bad_chars();
				g->ngroups++;
				in_group = 1;
			}
			g->digits[g->ndigits++] = *s;
			g->glen[g->ngroups - 1]++;
		} else if (*s == ' ' || *s == '-' || *s == ')' ||
		           (*s == '(' && !in_group))
			in_group = 0;
		else
			return phone_bad_chars();
	}
	return 0;
}

/* Length of the area code at the start of digits (which start with 0). */
static int
phone_area_len(const char *digits)
{
	return digits[1] == '1' || digits[1] == '2' ? 3 : 4;
}

/*
 * Check n digits (starting with 0) as area code + local number.  With say,
 * a failure sets the message; without, it only returns ERR_INVALID.
 */
static int
phone_landline_check(const char *digits, int n, int say)
{
	int alen, local;

	if (n < 2 || digits[1] < '1' || digits[1] > '9')
		return say ? err_set(ERR_INVALID,
		                     _("area code must be 0 and "
		                       "then 2 or 3 digits not starting with "
		                       "0, e.g. 0376"))
		           : ERR_INVALID;
	alen = phone_area_len(digits);
	local = n - alen;
	if (local != 7 && local != 8)
		return say ? err_set(ERR_INVALID,
		                     _("landline number must have "
		                       "7 or 8 digits after the area code "
		                       "%.*s; this one has %d"),
		                     alen, digits, local < 0 ? 0 : local)
		           : ERR_INVALID;
	if (digits[alen] == '0')
		return say ? err_set(ERR_INVALID,
		                     _("landline number cannot "
		                       "start with 0 after the area code"))
		           : ERR_INVALID;
	return 0;
}

/* Check an extension (digits only after cleaning) of 1..PHONE_MAX_EXT. */
static int
phone_ext_check(const char *ext, char *out)
{
	int n = 0;

	for (; *ext != '\0'; ext++) {
		if (*ext == ' ' || *ext == '-')
			continue;
		if (*ext < '0' || *ext > '9' || n == PHONE_MAX_EXT)
			return err_set(ERR_INVALID,
			               _("extension must have 1 to 6 digits"));
		out[n++] = *ext;
	}
	out[n] = '\0';
	if (n == 0)
		return err_set(ERR_INVALID,
		               _("extension must have 1 to 6 digits"));
	return 0;
}

/* A mobile number: 11 digits, 1[3-9], no extension. */
static int
phone_mobile(const struct phone_groups *g, const char *ext, char *canon)
{
	if (ext[0] != '\0')
		return err_set(ERR_INVALID, _("mobile numbers have no "
		                              "extension"));
	if (g->ndigits != 11)
		return err_set(ERR_INVALID,
		               _("mobile number must have 11 "
		                 "digits; this one has %d"),
		               g->ndigits);
	if (g->digits[1] < '3')
		return err_set(ERR_INVALID, _("mobile number must start with "
		                              "13 to 19"));
	memcpy(canon, g->digits, 12);
	return 0;
}

/*
 * A landline number.  Without a 转 extension, a last group of 1..6 digits is
 * the extension when the digits before it already make a whole number.
 */
static int
phone_landline(const struct phone_groups *g, const char *ext, char *canon)
{
	int n = g->ndigits, last = g->glen[g->ngroups - 1], rc;

	if (ext[0] == '\0' && g->ngroups >= 2 && last <= PHONE_MAX_EXT &&
	    phone_landline_check(g->digits, n - last, 0) == 0) {
		n -= last;
		ext = g->digits + n;
	} else if ((rc = phone_landline_check(g->digits, n, 1)) != 0)
		return rc;
	snprintf(canon, PHONE_BUFSZ, "%.*s-%.*s%s%s", phone_area_len(g->digits),
	         g->digits, n - phone_area_len(g->digits),
	         g->digits + phone_area_len(g->digits),
	         ext[0] != '\0' ? "-" : "", ext);
	return 0;
}

int
phone_parse(const char *in, char *out, size_t outsz)
{
	char buf[INPUT_MAX + 1], ext[PHONE_MAX_EXT + 1] = "";
	char canon[PHONE_BUFSZ];
	struct phone_groups g;
	char *zhuan;
	int rc;

	if (input_clean(buf, sizeof buf, in) != 0)
		return err_set(ERR_INVALID, _("phone number is too long"));
	if (buf[0] == '\0')
		return err_set(ERR_INVALID, _("phone number is empty"));
	if ((zhuan = strstr(buf, "转")) != NULL) {
		*zhuan = '\0';
		if ((rc = phone_ext_check(zhuan + strlen("转"), ext)) != 0)
			return rc;
	}
	if ((rc = phone_split(buf, &g)) != 0)
		return rc;
	if (g.ndigits == 0)
		return phone_bad_chars();
	if (g.intl && g.digits[0] != '1')
		return err_set(ERR_INVALID, _("after +86 enter an 11-digit "
		                              "mobile number"));
	if (g.digits[0] == '1')
		rc = phone_mobile(&g, ext, canon);
	else if (g.digits[0] == '0')
		rc = phone_landline(&g, ext, canon);
	else if (g.ndigits == 7 || g.ndigits == 8)
		rc = err_set(ERR_INVALID, _("landline number needs its area "
		                            "code, e.g. 0376-1234567"));
	else
		rc = err_set(
		    ERR_INVALID,
		    _("phone number must be an 11-digit "
		      "mobile number or a landline with area code, e.g. "
		      "0376-1234567"));
	if (rc != 0)
		return rc;
	if (strlen(canon) + 1 > outsz)
		return err_set(
		    ERR_INVALID,
		    _("internal error: the text does not fit its buffer"));
	memcpy(out, canon, strlen(canon) + 1);
	return 0;
}

enum phone_kind
phone_kind(const char *phone)
{
	char digits[PHONE_BUFSZ];
	const char *h1, *h2;
	size_t i, n = strnlen(phone, PHONE_BUFSZ), alen, local;

	if (n == PHONE_BUFSZ)
		return PHONE_OTHER;
	for (i = 0; i < n; i++)
		if ((phone[i] < '0' || phone[i] > '9') && phone[i] != '-')
			return PHONE_OTHER;
	if (n == 11 && strchr(phone, '-') == NULL && phone[0] == '1' &&
	    phone[1] >= '3')
		return PHONE_MOBILE;
	/* Landline: AREA-LOCAL or AREA-LOCAL-EXT, exactly as phone_parse(). */
	if (phone[0] != '0' || (h1 = strchr(phone, '-')) == NULL)
		return PHONE_OTHER;
	alen = (size_t)(h1 - phone);
	h2 = strchr(h1 + 1, '-');
	local = (size_t)((h2 != NULL ? h2 : phone + n) - (h1 + 1));
	if (alen != (size_t)phone_area_len(phone) ||
	    (h2 != NULL && (strchr(h2 + 1, '-') != NULL || h2[1] == '\0' ||
	                    strlen(h2 + 1) > PHONE_MAX_EXT)))
		return PHONE_OTHER;
	memcpy(digits, phone, alen);
	memcpy(digits + alen, h1 + 1, local);
	if (phone_landline_check(digits, (int)(alen + local), 0) != 0)
		return PHONE_OTHER;
	return PHONE_LANDLINE;
}

int
phone_last4(const char *phone, char *out, size_t outsz)
{
	const char *end = phone + strlen(phone);
	int n = 0;

	if (phone_kind(phone) == PHONE_LANDLINE &&
	    strchr(strchr(phone, '-') + 1, '-') != NULL)
		end = strrchr(phone, '-'); /* leave the extension out */
	if (outsz < 5) {
		if (outsz > 0)
			out[0] = '\0';
		return err_set(
		    ERR_INVALID,
		    _("internal error: the text does not fit its buffer"));
	}
	out[4] = '\0';
	while (end > phone && n < 4) {
		end--;
		if (*end >= '0' && *end <= '9')
			out[3 - n++] = *end;
	}
	if (n < 4) {
		out[0] = '\0';
		return err_set(ERR_INVALID,
		               _("phone number has fewer than four digits"));
	}
	return 0;
}
