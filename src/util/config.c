/*
 * config.c: frontdesk.ini into a typed, validated struct config.  The only
 * user of iniparser in the program.
 *
 * Debian 12 ships iniparser 4.1, which must be handled with care:
 *  - getint/getboolean/getdouble crash on a key that names a section
 *    (CVE-2023-33461) and the dump functions overflow (CVE-2025-0633), so only
 *    load, getstring, the section/key listing functions and freedict are used;
 *    numbers, booleans and durations are parsed here;
 *  - lines over 1024 bytes, a UTF-8 byte-order mark and section names with ':'
 *    confuse it, and its key listing cannot see keys above the first
 *    [section], so the file is checked line by line before it is loaded;
 *  - it prints to stderr, which would garble a curses screen: its error
 *    callback is captured.
 * Each key is one line in config_keys[]: section, key, kind, range, default
 * and the struct field.  No curses, no database here.
 */
#include "util/config.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <iniparser.h>

#include "util/err.h"
#include "util/fsutil.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

#ifndef FD_SYSCONFDIR
#define FD_SYSCONFDIR "/etc"
#endif

#define CONFIG_MAX_LINE 1000         /* bytes; iniparser 4.1 stops at 1023 */
#define CONFIG_MAX_FILE (1024 * 1024) /* a config file is a few KiB */
#define CONFIG_SHOW_COLS 40          /* how much of a bad value to quote */

/* What a key holds, and so how its value is parsed. */
enum config_kind {
	CONFIG_INT,      /* int, min..max */
	CONFIG_BOOL,     /* int 0/1 */
	CONFIG_DURATION, /* long seconds, min..max seconds */
	CONFIG_PATH,     /* char *; empty = NULL (built-in default); ~/ = $HOME */
	CONFIG_NAME,     /* char *, min..max characters, no control characters */
	CONFIG_CHOICE,   /* char *, one of the '|'-separated choices */
	CONFIG_HOURS,    /* int[2], "08:30-17:30": minutes after midnight */
	CONFIG_SET,      /* int bits: a comma-separated subset of the
			    '|'-separated choices (bit i = choice i), with
			    at least min members */
	CONFIG_DATES,    /* char *: dates and date ranges, comma-separated,
			    normalised; "" for none */
};

/* One key of frontdesk.ini. */
struct config_key {
	const char *section;  /* "ui" (lower case: iniparser folds case) */
	const char *key;      /* "idle_lock_minutes" */
	enum config_kind kind;
	long min, max;        /* range (INT, DURATION) or length (NAME) */
	const char *def;      /* default as written in the file; NULL: none */
	const char *choices;  /* CONFIG_CHOICE: "zh_CN|en" */
	size_t offset;        /* offsetof(struct config, field) */
};

#define F(field) offsetof(struct config, field)

/* Every key.  Adding one is one line here (and one in the man page). */
static const struct config_key config_keys[] = {
	{ "database", "path", CONFIG_PATH, 0, 0, NULL, NULL, F(db_path) },
	{ "database", "busy_timeout", CONFIG_INT, 100, 60000, "5000", NULL,
	    F(busy_timeout_ms) },
	{ "desk", "name", CONFIG_NAME, 1, 32, NULL, NULL, F(desk) },
	{ "ui", "language", CONFIG_CHOICE, 0, 0, "zh_CN", "zh_CN|en",
	    F(language) },
	{ "ui", "idle_lock_minutes", CONFIG_INT, 0, 480, "10", NULL,
	    F(idle_lock_minutes) },
	{ "ui", "ascii_borders", CONFIG_BOOL, 0, 1, "no", NULL,
	    F(ascii_borders) },
	{ "security", "max_failed_logins", CONFIG_INT, 3, 20, "5", NULL,
	    F(max_failed_logins) },
	{ "security", "lockout_minutes", CONFIG_INT, 1, 1440, "15", NULL,
	    F(lockout_minutes) },
	{ "log", "path", CONFIG_PATH, 0, 0, NULL, NULL, F(log_path) },
	{ "requests", "counting", CONFIG_CHOICE, 0, 0, "calendar",
	    "calendar|working_hours", F(req_counting) },
	{ "requests", "working_hours", CONFIG_HOURS, 0, 0, "08:30-17:30",
	    NULL, F(req_hours) },
	{ "requests", "working_days", CONFIG_SET, 1, 0,
	    "mon,tue,wed,thu,fri", "sun|mon|tue|wed|thu|fri|sat",
	    F(req_workdays) },
	{ "requests", "holidays", CONFIG_DATES, 0, 0, "", NULL,
	    F(req_holidays) },
	{ "requests", "makeup_days", CONFIG_DATES, 0, 0, "", NULL,
	    F(req_makeup_days) },
#define REQ_DEADLINES(type, i)                                                 \
	{ "requests", type "_urgent_respond", CONFIG_DURATION, 60, 2592000,    \
	    "30m", NULL, F(req_respond_s[i][0]) },                             \
	{ "requests", type "_urgent_resolve", CONFIG_DURATION, 60, 31536000,   \
	    "24h", NULL, F(req_resolve_s[i][0]) },                             \
	{ "requests", type "_normal_respond", CONFIG_DURATION, 60, 2592000,    \
	    "2h", NULL, F(req_respond_s[i][1]) },                              \
	{ "requests", type "_normal_resolve", CONFIG_DURATION, 60, 31536000,   \
	    "3d", NULL, F(req_resolve_s[i][1]) }
	REQ_DEADLINES("consult", 0),
	REQ_DEADLINES("complaint", 1),
	REQ_DEADLINES("repair", 2),
	REQ_DEADLINES("suggestion", 3),
#undef REQ_DEADLINES
	{ "requests", "callback_within", CONFIG_DURATION, 3600, 2592000, "2d",
	    NULL, F(req_callback_s) },
	{ "requests", "warning_percent", CONFIG_INT, 0, 90, "25", NULL,
	    F(req_warn_pct) },
	{ "requests", "callback_required", CONFIG_SET, 0, 0,
	    "complaint,repair", "consult|complaint|repair|suggestion",
	    F(req_callback_types) },
	{ "fees", "due_days", CONFIG_INT, 0, 365, "15", NULL, F(fee_due_days) },
	{ "fees", "late_fee", CONFIG_BOOL, 0, 1, "no", NULL, F(fee_late) },
	{ "fees", "late_fee_rate", CONFIG_INT, 1, 100, "5", NULL,
	    F(fee_late_rate) },
	{ "fees", "late_fee_grace_days", CONFIG_INT, 0, 365, "30", NULL,
	    F(fee_late_grace_days) },
	{ "fees", "usage_alert_factor", CONFIG_INT, 2, 100, "3", NULL,
	    F(fee_usage_alert) },
	{ "printer", "command", CONFIG_NAME, 0, 500, "", NULL,
	    F(printer_command) },
	{ "printer", "width", CONFIG_INT, 24, 120, "32", NULL,
	    F(printer_width) },
	{ "printer", "encoding", CONFIG_CHOICE, 0, 0, "UTF-8", "UTF-8|GB18030",
	    F(printer_encoding) },
	{ "printer", "heading", CONFIG_NAME, 0, 32, "", NULL,
	    F(printer_heading) },
};

#undef F

#define CONFIG_NKEYS (sizeof config_keys / sizeof config_keys[0])

/* What iniparser last complained about. */
enum config_ini_fault {
	CONFIG_INI_OTHER,    /* config_ini_msg says what */
	CONFIG_INI_SYNTAX,   /* config_ini_msg is the line */
	CONFIG_INI_TOO_LONG, /* a joined line over its 1023 bytes */
};

/* The last message iniparser tried to print, and the line it named. */
static char config_ini_msg[256];
static int config_ini_line;
static enum config_ini_fault config_ini_fault;

/* ------------------------------------------------------------------------
 * Value parsers
 */

/* Skip ASCII blanks. */
static const char *
config_skip_blanks(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Digits at *sp into *out (no sign); advances *sp.  0 or ERR_INVALID. */
static int
config_digits(const char **sp, unsigned long limit, unsigned long *out)
{
	const char *s = *sp;
	unsigned long n = 0, d;

	if (!isdigit((unsigned char)*s))
		return ERR_INVALID;
	for (; isdigit((unsigned char)*s); s++) {
		d = (unsigned long)(*s - '0');
		if (n > (limit - d) / 10)
			return ERR_INVALID; /* overflow */
		n = n * 10 + d;
	}
	*sp = s;
	*out = n;
	return 0;
}

int
config_parse_int(const char *s, long min, long max, long *out)
{
	unsigned long mag, limit = (unsigned long)LONG_MAX;
	long v;
	int neg = 0;

	if (s == NULL)
		return ERR_INVALID;
	s = config_skip_blanks(s);
	if (*s == '+' || *s == '-') {
		neg = *s == '-';
		s++;
	}
	if (neg)
		limit = (unsigned long)LONG_MAX + 1; /* |LONG_MIN| */
	if (config_digits(&s, limit, &mag) != 0)
		return ERR_INVALID;
	if (*config_skip_blanks(s) != '\0')
		return ERR_INVALID;
	if (neg)
		v = mag == limit ? LONG_MIN : -(long)mag;
	else
		v = (long)mag;
	if (v < min || v > max)
		return ERR_INVALID;
	*out = v;
	return 0;
}

/* The spellings of a boolean, true and false alternating. */
static const char *const config_bool_words[] = {
	"yes", "no", "true", "false", "on", "off", "1", "0",
};

int
config_parse_bool(const char *s, int *out)
{
	size_t i, n;

	if (s == NULL)
		return ERR_INVALID;
	s = config_skip_blanks(s);
	for (n = strlen(s); n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t');)
		n--;
	for (i = 0; i < sizeof config_bool_words / sizeof *config_bool_words;
	    i++) {
		if (n == strlen(config_bool_words[i]) &&
		    strncasecmp(s, config_bool_words[i], n) == 0) {
			*out = i % 2 == 0;
			return 0;
		}
	}
	return ERR_INVALID;
}

/* Duration units; a bare number is minutes. */
static const struct {
	const char *name;
	long seconds;
} config_units[] = {
	{ "s", 1 }, { "min", 60 }, { "m", 60 }, { "h", 3600 }, { "d", 86400 },
	{ "", 60 },
};

int
config_parse_duration(const char *s, long *out_seconds)
{
	unsigned long n;
	size_t i, len;
	const char *unit;

	if (s == NULL)
		return ERR_INVALID;
	s = config_skip_blanks(s);
	if (config_digits(&s, (unsigned long)LONG_MAX, &n) != 0)
		return ERR_INVALID;
	unit = config_skip_blanks(s);
	for (len = 0; isalpha((unsigned char)unit[len]); len++)
		;
	if (*config_skip_blanks(unit + len) != '\0')
		return ERR_INVALID;
	for (i = 0; i < sizeof config_units / sizeof *config_units; i++) {
		if (strlen(config_units[i].name) != len ||
		    strncmp(unit, config_units[i].name, len) != 0)
			continue;
		if (n > (unsigned long)(LONG_MAX / config_units[i].seconds))
			return ERR_INVALID;
		*out_seconds = (long)n * config_units[i].seconds;
		return 0;
	}
	return ERR_INVALID;
}

/* ------------------------------------------------------------------------
 * Defaults and release
 */

/* Address of the field k describes inside cfg. */
static void *
config_field(struct config *cfg, const struct config_key *k)
{
	return (char *)cfg + k->offset;
}

/* The host name cut to max characters, or "frontdesk".  Caller frees. */
static char *
config_hostname(long max)
{
	char host[256];
	wchar_t wc;
	size_t i = 0;
	long n;
	int len;

	if (gethostname(host, sizeof host) != 0)
		host[0] = '\0';
	host[sizeof host - 1] = '\0';
	if (host[0] == '\0' || !utf8_valid(host, strlen(host)))
		return xstrdup("frontdesk");
	for (n = 0; n < max && host[i] != '\0'; n++) {
		len = utf8_decode(host + i, strlen(host + i), &wc);
		i += (size_t)len;
	}
	host[i] = '\0';
	return xstrdup(host);
}

static int config_set(struct config *cfg, const struct config_key *k,
    const char *value);

void
config_defaults(struct config *cfg)
{
	size_t i;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < CONFIG_NKEYS; i++) {
		if (config_keys[i].def != NULL &&
		    config_set(cfg, &config_keys[i], config_keys[i].def) != 0)
			BUG("bad default for [%s] %s", config_keys[i].section,
			    config_keys[i].key);
	}
	if (cfg->desk == NULL)
		cfg->desk = config_hostname(32);
}

void
config_release(struct config *cfg)
{
	size_t i;

	if (cfg == NULL)
		return;
	FREE(&cfg->source);
	for (i = 0; i < CONFIG_NKEYS; i++) {
		switch (config_keys[i].kind) {
		case CONFIG_PATH:
		case CONFIG_NAME:
		case CONFIG_CHOICE:
		case CONFIG_DATES:
			FREE((char **)config_field(cfg, &config_keys[i]));
			break;
		default:
			break;
		}
	}
}

/* ------------------------------------------------------------------------
 * Applying one value
 */

/* 1 when s (valid UTF-8) holds a control character. */
static int
config_has_control(const char *s)
{
	wchar_t wc;
	int len;

	while (*s != '\0') {
		if ((len = utf8_decode(s, strnlen(s, 4), &wc)) < 0)
			return 1;
		if (wc < 0x20 || (wc >= 0x7f && wc <= 0x9f))
			return 1;
		s += len;
	}
	return 0;
}

/* 1 when value is one of the '|'-separated choices. */
static int
config_is_choice(const char *choices, const char *value)
{
	size_t n = strlen(value);
	const char *p = choices, *bar;

	for (;;) {
		bar = strchr(p, '|');
		if ((bar != NULL ? (size_t)(bar - p) : strlen(p)) == n &&
		    strncmp(p, value, n) == 0)
			return 1;
		if (bar == NULL)
			return 0;
		p = bar + 1;
	}
}

/* Replace the string field *dst by a copy of value (NULL allowed). */
static void
config_set_string(char **dst, const char *value)
{
	free(*dst);
	*dst = xstrdup(value);
}

/* A path: empty is the built-in default, a leading ~/ is $HOME. */
static void
config_set_path(char **dst, const char *value)
{
	const char *home = getenv("HOME");

	free(*dst);
	if (value[0] == '\0')
		*dst = NULL;
	else if (value[0] == '~' && value[1] == '/' && home != NULL &&
	    home[0] != '\0')
		*dst = xasprintf("%s%s", home, value + 1);
	else
		*dst = xstrdup(value);
}

/* The item of a list value that was refused, for the message. */
static char config_bad_item[64];

/* "H:MM" or "HH:MM" at *sp into minutes after midnight (24:00 allowed). */
static int
config_clock(const char **sp, int *minutes)
{
	const char *s = *sp;
	unsigned long h;
	int m;

	if (config_digits(&s, 99, &h) != 0 || *s++ != ':' ||
	    !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return ERR_INVALID;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	if (h > 24 || m > 59 || (h == 24 && m != 0))
		return ERR_INVALID;
	*minutes = (int)h * 60 + m;
	*sp = s + 2;
	return 0;
}

/* Working hours "08:30-17:30": start before end.  OUT: out[0], out[1]. */
static int
config_parse_hours(const char *s, int out[2])
{
	int a, b;

	s = config_skip_blanks(s);
	if (config_clock(&s, &a) != 0)
		return ERR_INVALID;
	s = config_skip_blanks(s);
	if (*s++ != '-')
		return ERR_INVALID;
	s = config_skip_blanks(s);
	if (config_clock(&s, &b) != 0 || *config_skip_blanks(s) != '\0' ||
	    a >= b)
		return ERR_INVALID;
	out[0] = a;
	out[1] = b;
	return 0;
}

/*
 * A comma-separated subset of choices ("mon, tue"; any case; blanks
 * around items) as bits, at least min of them.  OUT: *bits.
 */
static int
config_parse_set(const char *s, const char *choices, long min, int *bits)
{
	const char *end, *c, *bar;
	size_t n, cn;
	int i, set = 0, count = 0;

	for (;;) {
		s = config_skip_blanks(s);
		for (end = s; *end != '\0' && *end != ','; end++)
			;
		for (n = (size_t)(end - s); n > 0 && (s[n - 1] == ' ' ||
		    s[n - 1] == '\t'); n--)
			;
		if (n > 0) {
			for (i = 0, c = choices;; i++, c = bar + 1) {
				bar = strchr(c, '|');
				cn = bar != NULL ? (size_t)(bar - c) : strlen(c);
				if (cn == n && strncasecmp(c, s, n) == 0)
					break;
				if (bar == NULL)
					return ERR_INVALID;
			}
			if (!(set & (1 << i)))
				count++;
			set |= 1 << i;
		}
		if (*end == '\0')
			break;
		s = end + 1;
	}
	if (count < min)
		return ERR_INVALID;
	*bits = set;
	return 0;
}

/* Days since 1970-01-01 of a valid date (proleptic Gregorian). */
static long
config_day_number(int y, int m, int d)
{
	long yy = y - (m <= 2), era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400, mp = (m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* "2026-10-01" (month and day may have one digit) at *sp.  OUT: *day. */
static int
config_date(const char **sp, long *day, char norm[16])
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	const char *s = *sp;
	unsigned long y, m, d;

	for (y = 0; y < 4; y++)
		if (!isdigit((unsigned char)s[y]))
			return ERR_INVALID; /* stops at the NUL */
	if (config_digits(&s, 9999, &y) != 0 || *s++ != '-' ||
	    config_digits(&s, 99, &m) != 0 || *s++ != '-' ||
	    config_digits(&s, 99, &d) != 0)
		return ERR_INVALID;
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 ||
	    d > (unsigned long)mdays[m - 1] || (m == 2 && d == 29 &&
	    (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))))
		return ERR_INVALID;
	*day = config_day_number((int)y, (int)m, (int)d);
	snprintf(norm, 16, "%04d-%02d-%02d", (int)y % 10000, (int)m % 100,
	    (int)d % 100);
	*sp = s;
	return 0;
}

/*
 * Dates and ranges "2026-10-01, 2026-10-02..2026-10-07" (a range at most
 * 366 days, first before last), normalised into out without blanks.
 * A refused item is left in config_bad_item.
 */
static int
config_parse_dates(const char *s, struct strbuf *out)
{
	char a[16], b[16];
	const char *item, *end;
	long da, db;

	for (;;) {
		item = s = config_skip_blanks(s);
		for (end = s; *end != '\0' && *end != ','; end++)
			;
		if (end > s) {
			if (config_date(&s, &da, a) != 0)
				goto bad;
			if (s[0] == '.' && s[1] == '.') {
				s += 2;
				if (config_date(&s, &db, b) != 0 || db < da ||
				    db - da > 365)
					goto bad;
			} else
				db = -1;
			if (*config_skip_blanks(s) != ',' &&
			    *config_skip_blanks(s) != '\0')
				goto bad;
			strbuf_addf(out, "%s%s", out->len > 0 ? "," : "", a);
			if (db >= 0)
				strbuf_addf(out, "..%s", b);
		}
		if (*end == '\0')
			return 0;
		s = end + 1;
	}
bad:
	snprintf(config_bad_item, sizeof config_bad_item, "%.*s",
	    (int)(end - item), item);
	text_trim(config_bad_item);
	return ERR_INVALID;
}

/* Replace the list *dst by value, normalised; unchanged when refused. */
static int
config_set_dates(char **dst, const char *value)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	if ((rc = config_parse_dates(value, &sb)) == 0) {
		free(*dst);
		*dst = xstrdup(sb.buf);
	}
	strbuf_release(&sb);
	return rc;
}

/* Parse value as k says and store it.  0 or ERR_INVALID (no message). */
static int
config_set(struct config *cfg, const struct config_key *k, const char *value)
{
	void *field = config_field(cfg, k);
	long n;
	size_t nch;
	int b;

	switch (k->kind) {
	case CONFIG_INT:
		if (config_parse_int(value, k->min, k->max, &n) != 0)
			return ERR_INVALID;
		*(int *)field = (int)n;
		return 0;
	case CONFIG_BOOL:
		if (config_parse_bool(value, &b) != 0)
			return ERR_INVALID;
		*(int *)field = b;
		return 0;
	case CONFIG_DURATION:
		if (config_parse_duration(value, &n) != 0 || n < k->min ||
		    n > k->max)
			return ERR_INVALID;
		*(long *)field = n;
		return 0;
	case CONFIG_PATH:
		config_set_path(field, value);
		return 0;
	case CONFIG_NAME:
		nch = utf8_nchars(value);
		if (nch < (size_t)k->min || nch > (size_t)k->max ||
		    config_has_control(value))
			return ERR_INVALID;
		config_set_string(field, value);
		return 0;
	case CONFIG_CHOICE:
		if (!config_is_choice(k->choices, value))
			return ERR_INVALID;
		config_set_string(field, value);
		return 0;
	case CONFIG_HOURS:
		return config_parse_hours(value, (int *)field);
	case CONFIG_SET:
		return config_parse_set(value, k->choices, k->min,
		    (int *)field);
	case CONFIG_DATES:
		return config_set_dates(field, value);
	}
	return ERR_INVALID;
}

/* "3d", "24h", "30m" or "45s": seconds in the largest exact unit. */
static void
config_fmt_duration(char *buf, size_t bufsz, long sec)
{
	if (sec != 0 && sec % 86400 == 0)
		snprintf(buf, bufsz, "%ldd", sec / 86400);
	else if (sec != 0 && sec % 3600 == 0)
		snprintf(buf, bufsz, "%ldh", sec / 3600);
	else if (sec % 60 == 0)
		snprintf(buf, bufsz, "%ldm", sec / 60);
	else
		snprintf(buf, bufsz, "%lds", sec);
}

/* "zh_CN, en" from "zh_CN|en". */
static void
config_fmt_choices(char *buf, size_t bufsz, const char *choices)
{
	size_t n = 0;

	for (; *choices != '\0' && n + 3 < bufsz; choices++) {
		if (*choices == '|') {
			buf[n++] = ',';
			buf[n++] = ' ';
		} else
			buf[n++] = *choices;
	}
	buf[n] = '\0';
}

/* The message for a bad value of k: file, section, key, value, range. */
static int
config_bad_value(const char *path, const struct config_key *k,
    const char *value)
{
	char shown[CONFIG_SHOW_COLS * 4 + 1], lo[128], hi[32];
	text_fit(shown, sizeof shown, value, CONFIG_SHOW_COLS);
	switch (k->kind) {
	case CONFIG_INT:
		return err_set(ERR_INVALID,
		    _("%s: [%s] %s = %s: must be a whole number from %ld to %ld"),
		    path, k->section, k->key, shown, k->min, k->max);
	case CONFIG_BOOL:
		return err_set(ERR_INVALID,
		    _("%s: [%s] %s = %s: must be yes or no"), path, k->section,
		    k->key, shown);
	case CONFIG_DURATION:
		config_fmt_duration(lo, sizeof lo, k->min);
		config_fmt_duration(hi, sizeof hi, k->max);
		return err_set(ERR_INVALID,
		    _("%s: [%s] %s = %s: must be a time from %s to %s, "
		      "such as 30m, 24h or 3d"),
		    path, k->section, k->key, shown, lo, hi);
	case CONFIG_NAME:
		return err_set(ERR_INVALID,
		    _("%s: [%s] %s = %s: must be %ld to %ld characters, "
		      "without control characters"),
		    path, k->section, k->key, shown, k->min, k->max);
	case CONFIG_CHOICE:
		config_fmt_choices(lo, sizeof lo, k->choices);
		return err_set(ERR_INVALID,
		    _("%s: [%s] %s = %s: must be one of: %s"), path,
		    k->section, k->key, shown, lo);
	case CONFIG_HOURS:
		return err_set(ERR_INVALID,
		    _("%s: [%s] %s = %s: must be working hours such as "
		      "08:30-17:30, the start before the end"),
		    path, k->section, k->key, shown);
	case CONFIG_SET:
		config_fmt_choices(lo, sizeof lo, k->choices);
		if (k->min > 0)
			return err_set(ERR_INVALID,
			    _("%s: [%s] %s = %s: must name at least one of: "
			      "%s (separated by commas)"),
			    path, k->section, k->key, shown, lo);
		return err_set(ERR_INVALID,
		    _("%s: [%s] %s = %s: must be a list of: %s (separated "
		      "by commas), or empty"),
		    path, k->section, k->key, shown, lo);
	case CONFIG_DATES:
		text_fit(shown, sizeof shown, config_bad_item,
		    CONFIG_SHOW_COLS);
		return err_set(ERR_INVALID,
		    _("%s: [%s] %s: \"%s\" is not a date or a range; write "
		      "dates such as 2026-10-01 and ranges such as "
		      "2026-10-01..2026-10-07 (at most 366 days), separated "
		      "by commas"),
		    path, k->section, k->key, shown);
	case CONFIG_PATH:
		break;
	}
	return err_set(ERR_INVALID, _("%s: [%s] %s = %s: not allowed"), path,
	    k->section, k->key, shown);
}

/* ------------------------------------------------------------------------
 * Reading and checking the file before iniparser sees it
 */

/* Read the whole of path into *buf (NUL-terminated).  0 or ERR_IO. */
static int
config_read_file(const char *path, char **buf, size_t *len)
{
	struct stat st;
	ssize_t n;
	size_t got = 0;
	int fd, rc = ERR_IO;

	*buf = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return err_set(ERR_IO, _("cannot read config %s: %s"), path,
		    strerror(errno));
	if (fstat(fd, &st) != 0) {
		err_set(ERR_IO, _("cannot read config %s: %s"), path,
		    strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		err_set(ERR_IO, _("cannot read config %s: %s"), path,
		    _("not a regular file"));
		goto out;
	}
	if (st.st_size > CONFIG_MAX_FILE) {
		err_set(ERR_IO, _("cannot read config %s: %s"), path,
		    _("larger than 1 MiB; is this the right file?"));
		goto out;
	}
	*buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		n = read(fd, *buf + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			err_set(ERR_IO, _("cannot read config %s: %s"), path,
			    strerror(errno));
			FREE(buf);
			goto out;
		}
		if (n == 0)
			break; /* shrank meanwhile */
		got += (size_t)n;
	}
	(*buf)[got] = '\0';
	*len = got;
	rc = 0;
out:
	close(fd);
	return rc;
}

/* The section name of a "[name]" line (already trimmed) into name. */
static void
config_section_name(const char *line, size_t n, char *name, size_t namesz)
{
	const char *end = memchr(line, ']', n);
	size_t len;

	line++;
	len = (size_t)(end - line);
	while (len > 0 && isspace((unsigned char)*line)) {
		line++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)line[len - 1]))
		len--;
	if (len >= namesz)
		len = namesz - 1;
	memcpy(name, line, len);
	name[len] = '\0';
}

/* One logical line of the file: what iniparser will see of it. */
static int
config_scan_line(const char *path, int lineno, const char *line, size_t n,
    int *in_section)
{
	char name[CONFIG_MAX_LINE + 1], shown[CONFIG_SHOW_COLS * 4 + 1];
	const char *eq;

	while (n > 0 && isspace((unsigned char)*line)) {
		line++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)line[n - 1]))
		n--;
	if (n == 0 || line[0] == '#' || line[0] == ';')
		return 0;
	if (line[0] == '[' && line[n - 1] == ']') {
		config_section_name(line, n, name, sizeof name);
		*in_section = 1;
		/* iniparser keeps the previous section for "[]" and hides
		 * names with ':' from its listing */
		if (name[0] == '\0' || strchr(name, ':') != NULL) {
			text_fit(shown, sizeof shown, name, CONFIG_SHOW_COLS);
			return err_set(ERR_INVALID,
			    _("%s:%d: unknown section [%s]"), path, lineno,
			    shown);
		}
		return 0;
	}
	if (!*in_section) {
		/* the key, or the whole line when there is no '=' */
		if ((eq = memchr(line, '=', n)) != NULL && eq > line)
			n = (size_t)(eq - line);
		while (n > 1 && isspace((unsigned char)line[n - 1]))
			n--;
		if (n >= sizeof name)
			n = sizeof name - 1;
		memcpy(name, line, n);
		name[n] = '\0';
		text_fit(shown, sizeof shown, name, CONFIG_SHOW_COLS);
		return err_set(ERR_INVALID,
		    _("%s:%d: %s: unknown key above the first [section]; "
		      "put it under its section"),
		    path, lineno, shown);
	}
	return 0;
}

/* The length of one physical line at s (up to '\n' or the end). */
static size_t
config_line_len(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));

	return (size_t)((nl != NULL ? nl : end) - s);
}

/*
 * Check buf line by line: length, NUL bytes, UTF-8, keys above the first
 * section, section names iniparser cannot list.  *bom is set when buf
 * starts with a UTF-8 byte-order mark.
 */
static int
config_scan(const char *path, const char *buf, size_t len, int *bom)
{
	const char *s = buf, *end = buf + len, *logical = NULL;
	size_t n, t, joined = 0;
	int lineno = 0, first = 0, in_section = 0, rc;

	*bom = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0;
	if (*bom)
		s += 3;
	while (s < end) {
		lineno++;
		n = config_line_len(s, end);
		if (memchr(s, '\0', n) != NULL)
			return err_set(ERR_INVALID,
			    _("%s:%d: contains a NUL byte; save the file as "
			      "plain UTF-8 text"), path, lineno);
		joined += n;
		if (n > CONFIG_MAX_LINE || joined > CONFIG_MAX_LINE)
			return err_set(ERR_INVALID,
			    _("%s:%d: line too long (at most %d bytes)"), path,
			    lineno, CONFIG_MAX_LINE);
		if (!utf8_valid(s, n))
			return err_set(ERR_INVALID,
			    _("%s:%d: not valid UTF-8; save the file as "
			      "UTF-8"), path, lineno);
		if (logical == NULL) {
			logical = s;
			first = lineno;
		}
		for (t = n; t > 0 && isspace((unsigned char)s[t - 1]); t--)
			;
		if (t == 0 || s[t - 1] != '\\') {
			/* iniparser 4.1 joins lines ending in '\' */
			rc = config_scan_line(path, first, logical,
			    (size_t)(s + n - logical), &in_section);
			if (rc != 0)
				return rc;
			logical = NULL;
			joined = 0;
		}
		if (s + n == end)
			break;
		s += n + 1;
	}
	return 0;
}

/* ------------------------------------------------------------------------
 * iniparser
 */

/* iniparser's error callback: keep the message, print nothing. */
static int
config_ini_error(const char *fmt, ...)
{
	va_list ap;
	const char *text;
	char *nl;

	va_start(ap, fmt);
	if (strcmp(fmt, "iniparser: syntax error in %s (%d):\n-> %s\n") ==
	    0) {
		(void)va_arg(ap, const char *);
		config_ini_line = va_arg(ap, int);
		config_ini_fault = CONFIG_INI_SYNTAX;
		text = va_arg(ap, const char *);
		text_fit(config_ini_msg, sizeof config_ini_msg,
		    text != NULL ? text : "", CONFIG_SHOW_COLS);
	} else if (strcmp(fmt, "iniparser: input line too long in %s (%d)\n")
	    == 0) {
		(void)va_arg(ap, const char *);
		config_ini_line = va_arg(ap, int);
		config_ini_fault = CONFIG_INI_TOO_LONG;
	} else {
		config_ini_line = 0;
		config_ini_fault = CONFIG_INI_OTHER;
		vsnprintf(config_ini_msg, sizeof config_ini_msg, fmt, ap);
		if ((nl = strchr(config_ini_msg, '\n')) != NULL)
			*nl = '\0';
	}
	va_end(ap);
	return 0;
}

/* The message for a file iniparser refused. */
static int
config_ini_failed(const char *path)
{
	if (config_ini_fault == CONFIG_INI_TOO_LONG)
		return err_set(ERR_INVALID,
		    _("%s:%d: line too long (at most %d bytes)"), path,
		    config_ini_line, CONFIG_MAX_LINE);
	if (config_ini_fault == CONFIG_INI_SYNTAX)
		return err_set(ERR_INVALID,
		    _("%s:%d: cannot understand \"%s\"; write key = value "
		      "or [section]"),
		    path, config_ini_line, config_ini_msg);
	return err_set(ERR_IO, _("cannot read config %s: %s"), path,
	    config_ini_msg[0] != '\0' ? config_ini_msg : strerror(errno));
}

/* A copy of buf without its byte-order mark, in $TMPDIR.  Caller unlinks. */
static int
config_copy_without_bom(const char *path, const char *buf, size_t len,
    char *tmp, size_t tmpsz)
{
	const char *dir = getenv("TMPDIR");
	size_t off = 0;
	ssize_t n;
	int fd, rc = 0;

	if (dir == NULL || dir[0] != '/')
		dir = "/tmp";
	if ((size_t)snprintf(tmp, tmpsz, "%s/frontdesk-ini.XXXXXX", dir) >=
	    tmpsz || (fd = mkstemp(tmp)) < 0) {
		tmp[0] = '\0';
		return err_set(ERR_IO, _("cannot read config %s: %s"), path,
		    _("no temporary folder to remove the byte-order mark in; "
		      "set TMPDIR or save the file without BOM"));
	}
	while (off < len - 3) {
		n = write(fd, buf + 3 + off, len - 3 - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			rc = err_set(ERR_IO, _("cannot read config %s: %s"),
			    path, strerror(errno));
			break;
		}
		off += (size_t)n;
	}
	if (close(fd) != 0 && rc == 0)
		rc = err_set(ERR_IO, _("cannot read config %s: %s"), path,
		    strerror(errno));
	return rc;
}

/* Load the checked file into *d with iniparser.  0, ERR_INVALID or ERR_IO. */
static int
config_ini_load(const char *path, const char *buf, size_t len, int bom,
    dictionary **d)
{
	char tmp[PATH_MAX];
	int rc = 0;

	tmp[0] = '\0';
	if (bom && (rc = config_copy_without_bom(path, buf, len, tmp,
	    sizeof tmp)) != 0)
		goto out;
	config_ini_msg[0] = '\0';
	config_ini_line = 0;
	config_ini_fault = CONFIG_INI_OTHER;
	iniparser_set_error_callback(config_ini_error);
	errno = 0;
	if ((*d = iniparser_load(bom ? tmp : path)) == NULL)
		rc = config_ini_failed(path);
out:
	if (tmp[0] != '\0')
		unlink(tmp);
	return rc;
}

/* The key descriptor for section and key, or NULL. */
static const struct config_key *
config_find_key(const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < CONFIG_NKEYS; i++)
		if (strcmp(config_keys[i].section, section) == 0 &&
		    (key == NULL || strcmp(config_keys[i].key, key) == 0))
			return &config_keys[i];
	return NULL;
}

/* "a, b, c": the sections (section NULL) or the keys of one section. */
static void
config_known(struct strbuf *sb, const char *section)
{
	size_t i, j;

	for (i = 0; i < CONFIG_NKEYS; i++) {
		if (section != NULL) {
			if (strcmp(config_keys[i].section, section) != 0)
				continue;
		} else {
			for (j = 0; j < i; j++)
				if (strcmp(config_keys[j].section,
				    config_keys[i].section) == 0)
					break;
			if (j < i)
				continue; /* section listed already */
		}
		if (sb->len > 0)
			strbuf_adds(sb, ", ");
		strbuf_adds(sb, section != NULL ? config_keys[i].key :
		    config_keys[i].section);
	}
}

/* The message for an unknown [section] or key. */
static int
config_unknown(const char *path, const char *section, const char *key)
{
	struct strbuf known;
	char shown_s[CONFIG_SHOW_COLS * 4 + 1], shown_k[CONFIG_SHOW_COLS * 4 + 1];
	int rc;

	strbuf_init(&known);
	text_fit(shown_s, sizeof shown_s, section, CONFIG_SHOW_COLS);
	if (key == NULL) {
		config_known(&known, NULL);
		rc = err_set(ERR_INVALID,
		    _("%s: unknown section [%s]; the sections are %s"), path,
		    shown_s, known.buf);
	} else {
		config_known(&known, section);
		text_fit(shown_k, sizeof shown_k, key, CONFIG_SHOW_COLS);
		rc = err_set(ERR_INVALID,
		    _("%s: [%s] %s: unknown key; the keys of [%s] are %s"),
		    path, shown_s, shown_k, shown_s, known.buf);
	}
	strbuf_release(&known);
	return rc;
}

/* Every section and key in d must be in config_keys[]. */
static int
config_check_names(const char *path, const dictionary *d)
{
	const char **keys = NULL;
	const char *sec;
	size_t seclen;
	int i, j, nsec, nkeys, rc = 0;

	nsec = iniparser_getnsec(d);
	for (i = 0; i < nsec && rc == 0; i++) {
		if ((sec = iniparser_getsecname(d, i)) == NULL)
			continue;
		if (config_find_key(sec, NULL) == NULL) {
			rc = config_unknown(path, sec, NULL);
			break;
		}
		if ((nkeys = iniparser_getsecnkeys(d, sec)) <= 0)
			continue;
		keys = xreallocarray(keys, (size_t)nkeys, sizeof *keys);
		if (iniparser_getseckeys(d, sec, keys) == NULL)
			continue;
		seclen = strlen(sec);
		for (j = 0; j < nkeys; j++) {
			/* keys[j] is "section:key" */
			if (config_find_key(sec, keys[j] + seclen + 1) == NULL) {
				rc = config_unknown(path, sec,
				    keys[j] + seclen + 1);
				break;
			}
		}
	}
	free(keys);
	return rc;
}

/* Copy every value present in d into cfg. */
static int
config_apply(struct config *cfg, const char *path, const dictionary *d)
{
	char name[128];
	const char *value;
	size_t i;

	for (i = 0; i < CONFIG_NKEYS; i++) {
		snprintf(name, sizeof name, "%s:%s", config_keys[i].section,
		    config_keys[i].key);
		if ((value = iniparser_getstring(d, name, NULL)) == NULL)
			continue;
		if (config_set(cfg, &config_keys[i], value) != 0)
			return config_bad_value(path, &config_keys[i], value);
	}
	return 0;
}

/* Load one file that is known to be wanted. */
static int
config_load_file(struct config *cfg, const char *path)
{
	dictionary *d = NULL;
	char *buf = NULL;
	size_t len = 0;
	int bom, rc;

	if ((rc = config_read_file(path, &buf, &len)) != 0)
		goto out;
	if ((rc = config_scan(path, buf, len, &bom)) != 0)
		goto out;
	if ((rc = config_ini_load(path, buf, len, bom, &d)) != 0)
		goto out;
	if ((rc = config_check_names(path, d)) != 0)
		goto out;
	if ((rc = config_apply(cfg, path, d)) != 0)
		goto out;
	config_set_string(&cfg->source, path);
out:
	if (d != NULL)
		iniparser_freedict(d);
	free(buf);
	return rc;
}

/* 1 when a searched-for file is there (or there but unreadable). */
static int
config_present(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 || (errno != ENOENT && errno != ENOTDIR);
}

int
config_load(struct config *cfg, const char *path)
{
	char xdg[PATH_MAX];
	const char *env = getenv("FRONTDESK_CONFIG");
	const char *sys = FD_SYSCONFDIR "/frontdesk/frontdesk.ini";

	config_defaults(cfg);
	if (path != NULL)
		return config_load_file(cfg, path);
	if (env != NULL && env[0] != '\0')
		return config_load_file(cfg, env);
	if (fs_xdg_path(xdg, sizeof xdg, "XDG_CONFIG_HOME", ".config",
	    "frontdesk.ini") == 0 && config_present(xdg))
		return config_load_file(cfg, xdg);
	if (config_present(sys))
		return config_load_file(cfg, sys);
	return 0;
}
