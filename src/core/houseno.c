/*
 * houseno.c: house numbers "building-entrance-room".  The typed forms are
 * reduced to numbers and separators in one pass; the ranges are checked in
 * one place (houseno_check) so that parse, prefix and format agree.  No I/O.
 */
#include "core/houseno.h"

#include <stdio.h>
#include <string.h>

#include "core/input.h"
#include "util/err.h"
#include "util/i18n.h"

#define HOUSENO_MAX_DIGITS 6

/* Dashes typed instead of '-': em dash, en dash, hyphen, minus sign. */
static const char *const houseno_dashes[] = {
    "\xe2\x80\x94", "\xe2\x80\x93", "\xe2\x80\x90",
    "\xe2\x80\x91", "\xe2\x88\x92",
};

/* What may follow each part (NULL-terminated lists). */
static const char *const houseno_after_building[] = {
    "-", "号楼", "栋", "幢", "楼", NULL,
};
static const char *const houseno_after_entrance[] = {"-", "单元", NULL};
static const char *const houseno_after_room[] = {"室", "号", NULL};

static const char *const *const houseno_after[3] = {
    houseno_after_building,
    houseno_after_entrance,
    houseno_after_room,
};

/* The message for text that is not shaped like a house number. */
static int
houseno_bad_form(void)
{
	return err_set(ERR_INVALID, _("house number must look like 3-2-1502 "
	                              "(building-entrance-room)"));
}

/* Copy s into dst, turning the other dashes into '-'. */
static void
houseno_dashes_to_hyphen(char *dst, const char *s)
{
	size_t i, n;

	while (*s != '\0') {
		for (i = 0; i < sizeof houseno_dashes / sizeof *houseno_dashes;
		     i++) {
			n = strlen(houseno_dashes[i]);
			if (strncmp(s, houseno_dashes[i], n) == 0)
				break;
		}
		if (i < sizeof houseno_dashes / sizeof *houseno_dashes) {
			*dst++ = '-';
			s += n;
		} else
			*dst++ = *s++;
	}
	*dst = '\0';
}

/* Skip one of the words in list at *pp.  Returns 1 when one was there. */
static int
houseno_skip(const char **pp, const char *const *list)
{
	size_t n;

	for (; *list != NULL; list++) {
		n = strlen(*list);
		if (strncmp(*pp, *list, n) == 0) {
			*pp += n;
			return 1;
		}
	}
	return 0;
}

/*
 * Split typed text into up to three numbers.  OUT: v[], *n (how many).
 * Returns 0, or ERR_INVALID (message set) for a bad shape.
 */
static int
houseno_split(const char *s, int v[3], int *n)
{
	char buf[INPUT_MAX + 1], norm[INPUT_MAX + 1];
	const char *p = norm;
	int digits;

	*n = 0;
	if (input_clean(buf, sizeof buf, s) != 0)
		return houseno_bad_form();
	houseno_dashes_to_hyphen(norm, buf);
	while (*p != '\0') {
		if (*n == 3)
			return houseno_bad_form();
		v[*n] = 0;
		for (digits = 0; *p >= '0' && *p <= '9'; p++, digits++) {
			if (digits == HOUSENO_MAX_DIGITS)
				return houseno_bad_form();
			v[*n] = v[*n] * 10 + (*p - '0');
		}
		if (digits == 0)
			return houseno_bad_form();
		(*n)++;
		if (*p != '\0' && !houseno_skip(&p, houseno_after[*n - 1]))
			return houseno_bad_form();
		if (*n == 3 && *p != '\0')
			return houseno_bad_form();
	}
	return 0;
}

/* Check the first n parts of v, with a message for the first one wrong. */
static int
houseno_check(const int *v, int n)
{
	if (n >= 1 && (v[0] < 1 || v[0] > HOUSENO_BUILDING_MAX))
		return err_set(ERR_INVALID, _("building must be 1 to %d"),
		               HOUSENO_BUILDING_MAX);
	if (n >= 2 && (v[1] < 1 || v[1] > HOUSENO_ENTRANCE_MAX))
		return err_set(ERR_INVALID, _("entrance must be 1 to %d"),
		               HOUSENO_ENTRANCE_MAX);
	if (n < 3)
		return 0;
	if (v[2] < 100)
		return err_set(
		    ERR_INVALID,
		    _("room %d has no floor; enter "
		      "floor and unit, e.g. 1502 for floor 15, unit 2"),
		    v[2]);
	if (v[2] > HOUSENO_ROOM_MAX)
		return err_set(ERR_INVALID,
		               _("room must be %d to %d, e.g. "
		                 "1502 for floor 15, unit 2"),
		               HOUSENO_ROOM_MIN, HOUSENO_ROOM_MAX);
	if (v[2] % 100 == 0)
		return err_set(ERR_INVALID,
		               _("room %d has no unit on its "
		                 "floor; e.g. 1502 is floor 15, unit 2"),
		               v[2]);
	return 0;
}

int
houseno_parse(const char *s, struct houseno *out)
{
	int v[3], n, rc;

	if ((rc = houseno_split(s, v, &n)) != 0)
		return rc;
	if (n == 0)
		return err_set(ERR_INVALID,
		               _("house number is empty; enter e.g. 3-2-1502"));
	if (n < 3)
		return houseno_bad_form();
	if ((rc = houseno_check(v, 3)) != 0)
		return rc;
	out->building = v[0];
	out->entrance = v[1];
	out->room = v[2];
	return 0;
}

int
houseno_prefix_parse(const char *s, struct houseno *out)
{
	int v[3] = {0, 0, 0}, n, rc;

	if ((rc = houseno_split(s, v, &n)) != 0 ||
	    (rc = houseno_check(v, n)) != 0)
		return rc;
	out->building = n >= 1 ? v[0] : 0;
	out->entrance = n >= 2 ? v[1] : 0;
	out->room = n >= 3 ? v[2] : 0;
	return n; /* HOUSENO_NONE .. HOUSENO_ROOM */
}

int
houseno_valid(const struct houseno *h)
{
	return h->building >= 1 && h->building <= HOUSENO_BUILDING_MAX &&
	       h->entrance >= 1 && h->entrance <= HOUSENO_ENTRANCE_MAX &&
	       h->room >= HOUSENO_ROOM_MIN && h->room <= HOUSENO_ROOM_MAX &&
	       h->room % 100 != 0;
}

int
houseno_format(char *buf, size_t bufsz, const struct houseno *h)
{
	int n;

	if (bufsz > 0)
		buf[0] = '\0';
	if (!houseno_valid(h))
		return houseno_bad_form();
	n = snprintf(buf, bufsz, "%d-%d-%d", h->building, h->entrance, h->room);
	if (n < 0 || (size_t)n >= bufsz) {
		if (bufsz > 0)
			buf[0] = '\0';
		return err_set(
		    ERR_INVALID,
		    _("internal error: the text does not fit its buffer"));
	}
	return 0;
}

int
houseno_cmp(const struct houseno *a, const struct houseno *b)
{
	if (a->building != b->building)
		return a->building < b->building ? -1 : 1;
	if (a->entrance != b->entrance)
		return a->entrance < b->entrance ? -1 : 1;
	if (a->room != b->room)
		return a->room < b->room ? -1 : 1;
	return 0;
}
