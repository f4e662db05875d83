/*
 * idcard.c: checking mainland ID numbers (GB 11643) and the light check
 * for other documents.  The check character is ISO 7064 MOD 11-2: weights
 * 2^(17-i) mod 11 for the 17 digits, sum mod 11 indexes "10X98765432".
 * No I/O; the only outside input is date_today() for "not born yet".
 */
#include "core/idcard.h"

#include <string.h>

#include "core/input.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"

static const int idcard_weight[IDCARD_LEN - 1] = {
    7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2,
};
static const char idcard_check_chars[] = "10X98765432";

/* Why another document's number is refused. */
enum idcard_other_why {
	IDCARD_OTHER_OK,
	IDCARD_OTHER_EMPTY,
	IDCARD_OTHER_LENGTH,
	IDCARD_OTHER_CHARS,
};

char
idcard_check_char(const char *first17)
{
	int i, sum = 0;

	for (i = 0; i < IDCARD_LEN - 1; i++) {
		if (first17[i] < '0' || first17[i] > '9')
			return 0; /* also stops at a NUL */
		sum += (first17[i] - '0') * idcard_weight[i];
	}
	return idcard_check_chars[sum % 11];
}

/* Remove the spaces people type to group the digits ("110105 19491231 002X").
 */
static void
idcard_drop_spaces(char *s)
{
	char *d = s;

	for (; *s != '\0'; s++)
		if (*s != ' ')
			*d++ = *s;
	*d = '\0';
}

/* Read the birth date of an 18-character id.  OUT: *d.  No message. */
static int
idcard_read_birth(const char *id, struct fd_date *d)
{
	int i, v = 0;

	for (i = 6; i < 14; i++) {
		if (id[i] < '0' || id[i] > '9')
			return ERR_INVALID;
		v = v * 10 + (id[i] - '0');
	}
	d->y = v / 10000;
	d->m = v / 100 % 100;
	d->d = v % 100;
	return date_valid(d) ? 0 : ERR_INVALID;
}

/* Check the characters of a cleaned, 18-character id. */
static int
idcard_check_form(const char *id)
{
	int i;

	for (i = 0; i < IDCARD_LEN; i++) {
		if (id[i] >= '0' && id[i] <= '9')
			continue;
		if (i == IDCARD_LEN - 1 && id[i] == 'X')
			continue;
		return err_set(
		    ERR_INVALID,
		    _("ID number may contain only "
		      "digits, with X allowed as the last character"));
	}
	if (id[0] == '0')
		return err_set(ERR_INVALID,
		               _("ID number cannot start with 0; "
		                 "the first six digits are the region code"));
	return 0;
}

/* Check the birth date of a cleaned id: real, from 1900, not after today. */
static int
idcard_check_birth(const char *id)
{
	struct fd_date birth, today;

	if (idcard_read_birth(id, &birth) != 0)
		return err_set(ERR_INVALID,
		               _("ID number holds an impossible "
		                 "birth date (%.8s); check digits 7 to 14"),
		               id + 6);
	date_today(&today); /* falls back to the real day on its own */
	if (date_cmp(&birth, &today) > 0)
		return err_set(ERR_INVALID,
		               _("ID number holds a birth date in "
		                 "the future (%.8s); check digits 7 to 14"),
		               id + 6);
	return 0;
}

int
idcard_parse(const char *in, char *out, size_t outsz)
{
	char buf[INPUT_MAX + 1];
	size_t len;
	char want;
	int rc;

	if (input_clean(buf, sizeof buf, in) != 0)
		return err_set(ERR_INVALID, _("ID number is too long; it must "
		                              "have 18 characters"));
	idcard_drop_spaces(buf);
	len = utf8_nchars(buf);
	if (len == 0)
		return err_set(ERR_INVALID, _("ID number is empty"));
	if (len == 15)
		return err_set(ERR_INVALID,
		               _("old 15-digit ID numbers are not "
		                 "accepted; enter the 18-character number"));
	if (len != IDCARD_LEN) /* characters: a multibyte one fails below */
		return err_set(ERR_INVALID,
		               _("ID number must have 18 "
		                 "characters; this one has %zu"),
		               len);
	if (buf[IDCARD_LEN - 1] == 'x')
		buf[IDCARD_LEN - 1] = 'X';
	if ((rc = idcard_check_form(buf)) != 0 ||
	    (rc = idcard_check_birth(buf)) != 0)
		return rc;
	want = idcard_check_char(buf);
	if (buf[IDCARD_LEN - 1] != want)
		return err_set(ERR_INVALID,
		               _("ID number check digit is wrong: "
		                 "after these 17 digits the last should be %c; "
		                 "check every "
		                 "digit"),
		               want);
	if (outsz < IDCARD_BUFSZ)
		return err_set(
		    ERR_INVALID,
		    _("internal error: the text does not fit its buffer"));
	memcpy(out, buf, IDCARD_BUFSZ);
	return 0;
}

int
idcard_birth(const char *id, struct fd_date *out)
{
	struct fd_date d;

	if (strnlen(id, IDCARD_LEN + 1) != IDCARD_LEN ||
	    idcard_read_birth(id, &d) != 0)
		return err_set(ERR_INVALID,
		               _("ID number holds no valid birth date"));
	*out = d;
	return 0;
}

int
idcard_sex(const char *id)
{
	if (strnlen(id, IDCARD_LEN + 1) != IDCARD_LEN || id[16] < '0' ||
	    id[16] > '9')
		return err_set(ERR_INVALID, _("ID number holds no sex digit"));
	return (id[16] - '0') % 2 == 1 ? IDCARD_MALE : IDCARD_FEMALE;
}

/* ------------------------------------------------------------------ */
/* Other documents                                                    */
/* ------------------------------------------------------------------ */

/* Clean s into buf and say whether it is an acceptable document number. */
static enum idcard_other_why
idcard_other_check(const char *s, char *buf, size_t bufsz)
{
	size_t len, i;
	char c;

	if (input_clean(buf, bufsz, s) != 0)
		return IDCARD_OTHER_LENGTH;
	len = strlen(buf);
	if (len == 0)
		return IDCARD_OTHER_EMPTY;
	for (i = 0; i < len; i++) {
		c = buf[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		      (c >= 'a' && c <= 'z') || c == '-'))
			return IDCARD_OTHER_CHARS;
	}
	if (len < IDCARD_OTHER_MIN || len > IDCARD_OTHER_MAX)
		return IDCARD_OTHER_LENGTH;
	return IDCARD_OTHER_OK;
}

int
idcard_other_parse(const char *in, char *out, size_t outsz)
{
	char buf[INPUT_MAX + 1];

	switch (idcard_other_check(in, buf, sizeof buf)) {
	case IDCARD_OTHER_OK:
		break;
	case IDCARD_OTHER_EMPTY:
		return err_set(ERR_INVALID, _("document number is empty"));
	case IDCARD_OTHER_LENGTH:
		return err_set(ERR_INVALID,
		               _("document number must have %d to "
		                 "%d characters"),
		               IDCARD_OTHER_MIN, IDCARD_OTHER_MAX);
	case IDCARD_OTHER_CHARS:
		return err_set(ERR_INVALID,
		               _("document number may contain "
		                 "only letters A-Z, digits and hyphens"));
	}
	if (strlen(buf) + 1 > outsz)
		return err_set(
		    ERR_INVALID,
		    _("internal error: the text does not fit its buffer"));
	memcpy(out, buf, strlen(buf) + 1);
	return 0;
}

int
idcard_other_ok(const char *s)
{
	char buf[INPUT_MAX + 1];

	return idcard_other_check(s, buf, sizeof buf) == IDCARD_OTHER_OK;
}
