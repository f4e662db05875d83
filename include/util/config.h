/*
 * config.h: the typed configuration.  config.c is the only user of
 * iniparser, and calls only iniparser_load/getstring/freedict (Debian 12's
 * iniparser 4.1 crashes in getint/getboolean on a key that names a section,
 * CVE-2023-33461, and its dump functions overflow, CVE-2025-0633).  Numbers,
 * booleans and durations are parsed here, ranges checked once at load time,
 * and every message names the file, the section and the key.
 * Load it before curses starts: iniparser prints to stderr.
 */
#ifndef FD_UTIL_CONFIG_H
#define FD_UTIL_CONFIG_H

/* Everything the program reads from frontdesk.ini, already validated. */
struct config {
	char *source;          /* the file read, or NULL for built-in defaults */
	char *db_path;         /* [database] path; NULL: the XDG default */
	int busy_timeout_ms;   /* [database] busy_timeout, 100..60000 ms */
	char *desk;            /* [desk] name, e.g. "1号窗口"; never NULL */
	char *language;        /* [ui] language: "zh_CN" or "en" */
	int idle_lock_minutes; /* [ui] idle_lock_minutes, 0 = never, ..480 */
	int ascii_borders;     /* [ui] ascii_borders, boolean */
	int max_failed_logins; /* [security] max_failed_logins, 3..20 */
	int lockout_minutes;   /* [security] lockout_minutes, 1..1440 */
	char *log_path;        /* [log] path; NULL: the XDG default */
	/* [requests]: deadlines and callbacks of service requests (工单) */
	long req_respond_s[4][2]; /* <type>_<urgency>_respond, seconds;
				     [consult complaint repair suggestion]
				     [urgent normal] (core/request.h order) */
	long req_resolve_s[4][2]; /* <type>_<urgency>_resolve, seconds */
	long req_callback_s;      /* callback_within, seconds */
	char *req_counting;       /* counting: "calendar" or "working_hours" */
	int req_hours[2];         /* working_hours: start, end in minutes
				     after midnight (08:30-17:30: 510, 1050) */
	int req_workdays;         /* working_days: bit 1 << weekday, 0 Sunday */
	char *req_holidays;       /* holidays: "YYYY-MM-DD" and
				     "YYYY-MM-DD..YYYY-MM-DD", comma-separated,
				     normalised; "" for none */
	char *req_makeup_days;    /* makeup_days (调休上班), the same form */
	int req_warn_pct;         /* warning_percent: 0..90 */
	int req_callback_types;   /* callback_required: bit 1 << type */
	/* [fees]: bills, late fees and readings (收费) */
	int fee_due_days;         /* due_days: a bill is due this many days
				     after its period ends, 0..365 */
	int fee_late;             /* late_fee: boolean, off by default */
	int fee_late_rate;        /* late_fee_rate: per 10,000 per day, 1..100 */
	int fee_late_grace_days;  /* late_fee_grace_days: 0..365 */
	int fee_usage_alert;      /* usage_alert_factor: a reading this many
				     times the house's average needs a
				     confirmation, 2..100 */
	/* [printer]: receipts and reminder notices */
	char *printer_command;    /* command: the text is piped to it; "" saves
				     a file under the data folder */
	int printer_width;        /* width: columns, 24..120 */
	char *printer_encoding;   /* encoding: "UTF-8" or "GB18030" */
	char *printer_heading;    /* heading above the title; "" for none */
};

/* Fill cfg with the built-in defaults (what conf/frontdesk.ini documents). */
void config_defaults(struct config *cfg);

/*
 * Load the configuration.  path is --config, or NULL to search
 * $FRONTDESK_CONFIG, $XDG_CONFIG_HOME/frontdesk/frontdesk.ini (or
 * ~/.config/...), then FD_SYSCONFDIR/frontdesk/frontdesk.ini; when none
 * exists the defaults stand.  A named file (path or $FRONTDESK_CONFIG) that
 * is missing is an error.  Unknown sections and keys are errors too, so a
 * typo never passes silently.
 * Returns 0, or ERR_INVALID / ERR_IO with err_msg() naming file, section, key
 * and what is allowed.  cfg is always left usable (defaults where unset).
 * Caller frees with config_release().
 */
int config_load(struct config *cfg, const char *path);

/* Free the strings of cfg. */
void config_release(struct config *cfg);

/*
 * The parsers behind config_load, public for the fuzz target and for other
 * modules' settings.  Each returns 0 or ERR_INVALID (no message set).
 * int: optional sign, decimal digits, surrounding blanks; min..max inclusive.
 * bool: yes/no, true/false, on/off, 1/0 (any case).
 * duration: a number with a unit: s, m (or min), h, d; "90" alone is
 * minutes.  OUT: seconds.
 */
int config_parse_int(const char *s, long min, long max, long *out);
int config_parse_bool(const char *s, int *out);
int config_parse_duration(const char *s, long *out_seconds);

#endif
