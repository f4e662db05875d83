/*
 * test_config.c: util/config.c, frontdesk.ini into struct config, and the
 * int/bool/duration parsers behind it.  Every error is checked by its code
 * and by the file, section and key its message names.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testlib.h"

#include "util/config.h"
#include "util/err.h"
#include "util/text.h"

/* Write n bytes (NULs and all) to path. */
static void
write_bytes(const char *path, const char *data, size_t n)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, n, fp), n);
	fclose(fp);
}

/* Fail unless err_msg() contains want. */
static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

/* Load text from a fresh file called name; returns config_load()'s code. */
static int
load_text(struct config *cfg, const char *name, const char *text)
{
	const char *path = test_path(name);

	test_write_file(path, text);
	err_clear();
	return config_load(cfg, path);
}

/* Expect text to be refused with code, the message naming all of want[]. */
static void
expect_error(const char *text, int code, const char *const *want)
{
	struct config cfg;
	char path[600];

	snprintf(path, sizeof path, "%s", test_path("bad.ini"));
	assert_int_equal(load_text(&cfg, "bad.ini", text), code);
	assert_msg_has(path);
	for (; *want != NULL; want++)
		assert_msg_has(*want);
	assert_non_null(cfg.desk); /* still usable */
	assert_non_null(cfg.language);
	config_release(&cfg);
}

/* void config_defaults(struct config *cfg); */
static void
test_defaults(void **state)
{
	struct config cfg;

	(void)state;
	config_defaults(&cfg);
	assert_null(cfg.source);
	assert_null(cfg.db_path);
	assert_int_equal(cfg.busy_timeout_ms, 5000);
	assert_non_null(cfg.desk);
	assert_true(cfg.desk[0] != '\0');
	assert_true(utf8_nchars(cfg.desk) <= 32);
	assert_string_equal(cfg.language, "zh_CN");
	assert_int_equal(cfg.idle_lock_minutes, 10);
	assert_int_equal(cfg.ascii_borders, 0);
	assert_int_equal(cfg.max_failed_logins, 5);
	assert_int_equal(cfg.lockout_minutes, 15);
	assert_null(cfg.log_path);
	/* [requests] */
	assert_string_equal(cfg.req_counting, "calendar");
	assert_int_equal(cfg.req_hours[0], 8 * 60 + 30);
	assert_int_equal(cfg.req_hours[1], 17 * 60 + 30);
	assert_int_equal(cfg.req_workdays, 0x3e); /* Monday to Friday */
	assert_string_equal(cfg.req_holidays, "");
	assert_string_equal(cfg.req_makeup_days, "");
	assert_int_equal(cfg.req_respond_s[1][0], 30 * 60);
	assert_int_equal(cfg.req_resolve_s[1][0], 24 * 3600);
	assert_int_equal(cfg.req_respond_s[2][1], 2 * 3600);
	assert_int_equal(cfg.req_resolve_s[3][1], 3 * 86400);
	assert_int_equal(cfg.req_callback_s, 2 * 86400);
	assert_int_equal(cfg.req_warn_pct, 25);
	assert_int_equal(cfg.req_callback_types, 1 << 1 | 1 << 2);
	config_release(&cfg);
	assert_null(cfg.desk);
	config_release(&cfg); /* twice is harmless */
	config_release(NULL);
}

/* a file setting every key, with comments, quotes, case and CRLF */
static void
test_good_file(void **state)
{
	struct config cfg;
	const char *home = getenv("HOME");
	char want[600];

	(void)state;
	assert_int_equal(load_text(&cfg, "good.ini",
	    "# 前台配置\n"
	    "; another comment\n"
	    "\n"
	    "[database]\n"
	    "path = \"/srv/物业/frontdesk.db\"\n"
	    "busy_timeout = 250   ; ms\n"
	    "[Desk]\r\n"
	    "Name = 1号窗口\r\n"
	    "[ui]\n"
	    "language = 'en'\n"
	    "idle_lock_minutes = 0\n"
	    "ascii_borders = YES\n"
	    "[security]\n"
	    "max_failed_logins = 20\n"
	    "lockout_minutes = 1440\n"
	    "[log]\n"
	    "path = ~/logs/fd.log\n"), 0);
	assert_string_equal(cfg.source, test_path("good.ini"));
	assert_string_equal(cfg.db_path, "/srv/物业/frontdesk.db");
	assert_int_equal(cfg.busy_timeout_ms, 250);
	assert_string_equal(cfg.desk, "1号窗口");
	assert_string_equal(cfg.language, "en");
	assert_int_equal(cfg.idle_lock_minutes, 0);
	assert_int_equal(cfg.ascii_borders, 1);
	assert_int_equal(cfg.max_failed_logins, 20);
	assert_int_equal(cfg.lockout_minutes, 1440);
	if (home != NULL && home[0] != '\0') {
		snprintf(want, sizeof want, "%s/logs/fd.log", home);
		assert_string_equal(cfg.log_path, want);
	}
	config_release(&cfg);

	/* empty path values mean the built-in default; a desk of 32 Chinese
	 * characters is allowed; the lowest values in range pass */
	assert_int_equal(load_text(&cfg, "good2.ini",
	    "[database]\npath =\nbusy_timeout = 100\n"
	    "[desk]\nname = 一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二\n"
	    "[security]\nmax_failed_logins = 3\nlockout_minutes = 1\n"
	    "[ui]\nidle_lock_minutes = 480\nascii_borders = off\n"
	    "[log]\n"), 0);
	assert_null(cfg.db_path);
	assert_int_equal(cfg.busy_timeout_ms, 100);
	assert_int_equal(utf8_nchars(cfg.desk), 32);
	assert_int_equal(cfg.max_failed_logins, 3);
	assert_int_equal(cfg.lockout_minutes, 1);
	assert_int_equal(cfg.idle_lock_minutes, 480);
	assert_int_equal(cfg.ascii_borders, 0);
	config_release(&cfg);
}

/* the shipped conf/frontdesk.ini loads and equals the built-in defaults */
static void
test_shipped_file(void **state)
{
	struct config cfg, def;
	const char *path = "conf/frontdesk.ini";

	(void)state;
	if (access(path, R_OK) != 0)
		skip(); /* not run from the top of the tree */
	err_clear();
	assert_int_equal(config_load(&cfg, path), 0);
	config_defaults(&def);
	assert_string_equal(cfg.source, path);
	assert_null(cfg.db_path);
	assert_int_equal(cfg.busy_timeout_ms, def.busy_timeout_ms);
	assert_string_equal(cfg.desk, def.desk);
	assert_string_equal(cfg.language, def.language);
	assert_int_equal(cfg.idle_lock_minutes, def.idle_lock_minutes);
	assert_int_equal(cfg.ascii_borders, def.ascii_borders);
	assert_int_equal(cfg.max_failed_logins, def.max_failed_logins);
	assert_int_equal(cfg.lockout_minutes, def.lockout_minutes);
	assert_null(cfg.log_path);
	/* [requests] */
	assert_string_equal(cfg.req_counting, def.req_counting);
	assert_memory_equal(cfg.req_hours, def.req_hours,
	    sizeof cfg.req_hours);
	assert_int_equal(cfg.req_workdays, def.req_workdays);
	assert_string_equal(cfg.req_holidays, def.req_holidays);
	assert_string_equal(cfg.req_makeup_days, def.req_makeup_days);
	assert_memory_equal(cfg.req_respond_s, def.req_respond_s,
	    sizeof cfg.req_respond_s);
	assert_memory_equal(cfg.req_resolve_s, def.req_resolve_s,
	    sizeof cfg.req_resolve_s);
	assert_int_equal(cfg.req_callback_s, def.req_callback_s);
	assert_int_equal(cfg.req_warn_pct, def.req_warn_pct);
	assert_int_equal(cfg.req_callback_types, def.req_callback_types);
	config_release(&cfg);
	config_release(&def);
}

/* [requests]: deadlines, working hours, days, holiday lists, sets */
static void
test_requests(void **state)
{
	static const struct {
		const char *text;
		const char *want; /* NULL: accepted */
	} bad[] = {
		{"[requests]\nworking_hours = 17:30-08:30\n",
		    "working_hours = 17:30-08:30: must be working hours"},
		{"[requests]\nworking_hours = 8:30-24:01\n", "working hours"},
		{"[requests]\nworking_hours = 08:30\n", "working hours"},
		{"[requests]\nworking_hours = ０８:30-17:30\n", "working hours"},
		{"[requests]\nworking_days =\n",
		    "must name at least one of: sun, mon"},
		{"[requests]\nworking_days = mon,funday\n", "at least one"},
		{"[requests]\nholidays = 2026-10-01, 2026-02-30\n",
		    "holidays: \"2026-02-30\" is not a date or a range"},
		{"[requests]\nholidays = 2026-10-07..2026-10-01\n",
		    "\"2026-10-07..2026-10-01\" is not a date"},
		{"[requests]\nholidays = 2026-01-01..2027-06-01\n",
		    "at most 366 days"},
		{"[requests]\nmakeup_days = 国庆\n", "\"国庆\" is not a date"},
		{"[requests]\nholidays = 2026-10-01x\n", "is not a date"},
		{"[requests]\nholidays = 1\n", "\"1\" is not a date"},
		{"[requests]\ncomplaint_urgent_respond = 0\n",
		    "must be a time from 1m to 30d"},
		{"[requests]\nrepair_normal_resolve = 400d\n", "1m to 365d"},
		{"[requests]\ncallback_within = 31d\n", "1h to 30d"},
		{"[requests]\nwarning_percent = 95\n", "from 0 to 90"},
		{"[requests]\ncallback_required = complaint, praise\n",
		    "must be a list of: consult, complaint"},
		{"[requests]\ncounting = hours\n",
		    "must be one of: calendar, working_hours"},
		{"[requests]\nrepair_fast_resolve = 1h\n", "unknown key"},
	};
	struct config cfg;
	size_t i;

	(void)state;
	assert_int_equal(load_text(&cfg, "req.ini",
	    "[requests]\n"
	    "counting = working_hours\n"
	    "working_hours = 9:00 - 18:00\n"
	    "working_days = MON, tue,wed , thu,fri,sat,sat\n"
	    "holidays = 2026-1-1, 2026-10-01..2026-10-07 ,\\\n"
	    "  2026-02-17..2026-02-23\n"
	    "makeup_days = 2026-10-10\n"
	    "complaint_urgent_respond = 15m\n"
	    "suggestion_normal_resolve = 7d\n"
	    "callback_within = 24h\n"
	    "warning_percent = 0\n"
	    "callback_required =\n"), 0);
	assert_string_equal(cfg.req_counting, "working_hours");
	assert_int_equal(cfg.req_hours[0], 9 * 60);
	assert_int_equal(cfg.req_hours[1], 18 * 60);
	assert_int_equal(cfg.req_workdays, 0x7e);
	assert_string_equal(cfg.req_holidays, "2026-01-01,2026-10-01.."
	    "2026-10-07,2026-02-17..2026-02-23");
	assert_string_equal(cfg.req_makeup_days, "2026-10-10");
	assert_int_equal(cfg.req_respond_s[1][0], 15 * 60);
	assert_int_equal(cfg.req_resolve_s[3][1], 7 * 86400);
	assert_int_equal(cfg.req_callback_s, 86400);
	assert_int_equal(cfg.req_warn_pct, 0);
	assert_int_equal(cfg.req_callback_types, 0);
	config_release(&cfg);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear();
		if (load_text(&cfg, "bad-req.ini", bad[i].text) !=
		    ERR_INVALID)
			fail_msg("accepted: %s", bad[i].text);
		if (strstr(err_msg(), bad[i].want) == NULL)
			fail_msg("%s: \"%s\" lacks \"%s\"", bad[i].text,
			    err_msg(), bad[i].want);
		/* a refused list leaves the default */
		assert_string_equal(cfg.req_holidays, "");
		config_release(&cfg);
	}
}

/* an empty file (and one of comments only) gives the defaults */
static void
test_empty_file(void **state)
{
	struct config cfg;

	(void)state;
	assert_int_equal(load_text(&cfg, "empty.ini", ""), 0);
	assert_string_equal(cfg.source, test_path("empty.ini"));
	assert_int_equal(cfg.idle_lock_minutes, 10);
	assert_string_equal(cfg.language, "zh_CN");
	config_release(&cfg);
	assert_int_equal(load_text(&cfg, "comments.ini",
	    "# 只有注释\n\n   \n; nothing\n"), 0);
	assert_int_equal(cfg.busy_timeout_ms, 5000);
	config_release(&cfg);
}

/* a key that names a section: no crash (CVE-2023-33461), a clear message */
static void
test_key_names_section(void **state)
{
	static const char *const top[] = { ":1: ui: unknown key",
		"[section]", NULL };
	static const char *const inner[] = { "[database] database",
		"unknown key", NULL };
	static const char *const desk[] = { "[desk] ui", "unknown key",
		"name", NULL };

	(void)state;
	expect_error("ui = 3\n[ui]\nlanguage = en\n", ERR_INVALID, top);
	expect_error("[database]\ndatabase = 4\n", ERR_INVALID, inner);
	expect_error("[ui]\n[desk]\nui = 1\n", ERR_INVALID, desk);
}

/* unknown sections and keys are errors, so typos never pass */
static void
test_unknown(void **state)
{
	static const char *const key[] = { "[ui] idle_lock_minute",
		"unknown key", "idle_lock_minutes", NULL };
	static const char *const sec[] = { "unknown section [uii]",
		"database", "security", NULL };
	static const char *const colon[] = { ":2:", "unknown section [ui:x]",
		NULL };
	static const char *const empty[] = { ":1:", "unknown section []",
		NULL };
	static const char *const zh[] = { "unknown section [界面]", NULL };
	static const char *const keycolon[] = { "[ui] a:b", "unknown key",
		NULL };

	(void)state;
	expect_error("[ui]\nidle_lock_minute = 5\n", ERR_INVALID, key);
	expect_error("[uii]\nlanguage = en\n", ERR_INVALID, sec);
	expect_error("[ui]\n[ui:x]\nlanguage = en\n", ERR_INVALID, colon);
	expect_error("[]\nlanguage = en\n", ERR_INVALID, empty);
	expect_error("[界面]\n", ERR_INVALID, zh);
	expect_error("[ui]\na:b = 1\n", ERR_INVALID, keycolon);
}

/* numbers out of range: file, section, key, value and the range */
static void
test_out_of_range(void **state)
{
	struct config cfg;
	char want[700];
	static const char *const busy_lo[] = { "[database] busy_timeout = 99",
		"from 100 to 60000", NULL };
	static const char *const busy_hi[] = {
		"[database] busy_timeout = 60001", "from 100 to 60000", NULL };
	static const char *const fail_lo[] = {
		"[security] max_failed_logins = 2", "from 3 to 20", NULL };
	static const char *const fail_hi[] = {
		"[security] max_failed_logins = 21", "from 3 to 20", NULL };
	static const char *const lock_lo[] = {
		"[security] lockout_minutes = 0", "from 1 to 1440", NULL };
	static const char *const lock_hi[] = {
		"[security] lockout_minutes = 1441", "from 1 to 1440", NULL };
	static const char *const neg[] = { "[ui] idle_lock_minutes = -1",
		"from 0 to 480", NULL };
	static const char *const huge[] = {
		"[ui] idle_lock_minutes = 99999999999999999999",
		"from 0 to 480", NULL };
	static const char *const word[] = { "[ui] idle_lock_minutes = 十分钟",
		"whole number", NULL };
	static const char *const frac[] = { "[ui] idle_lock_minutes = 1.5",
		NULL };
	static const char *const fw[] = { "[ui] idle_lock_minutes = １０",
		NULL };
	static const char *const lang[] = { "[ui] language = fr",
		"one of: zh_CN, en", NULL };
	static const char *const desk[] = { "[desk] name",
		"1 to 32 characters", NULL };

	(void)state;
	assert_int_equal(load_text(&cfg, "range.ini",
	    "[ui]\nidle_lock_minutes = 9999\n"), ERR_INVALID);
	snprintf(want, sizeof want, "%s: [ui] idle_lock_minutes = 9999: "
	    "must be a whole number from 0 to 480", test_path("range.ini"));
	assert_string_equal(err_msg(), want);
	assert_int_equal(cfg.idle_lock_minutes, 10); /* default kept */
	config_release(&cfg);

	expect_error("[database]\nbusy_timeout = 99\n", ERR_INVALID, busy_lo);
	expect_error("[database]\nbusy_timeout = 60001\n", ERR_INVALID,
	    busy_hi);
	expect_error("[security]\nmax_failed_logins = 2\n", ERR_INVALID,
	    fail_lo);
	expect_error("[security]\nmax_failed_logins = 21\n", ERR_INVALID,
	    fail_hi);
	expect_error("[security]\nlockout_minutes = 0\n", ERR_INVALID,
	    lock_lo);
	expect_error("[security]\nlockout_minutes = 1441\n", ERR_INVALID,
	    lock_hi);
	expect_error("[ui]\nidle_lock_minutes = -1\n", ERR_INVALID, neg);
	expect_error("[ui]\nidle_lock_minutes = 99999999999999999999\n",
	    ERR_INVALID, huge);
	expect_error("[ui]\nidle_lock_minutes = 十分钟\n", ERR_INVALID, word);
	expect_error("[ui]\nidle_lock_minutes = 1.5\n", ERR_INVALID, frac);
	expect_error("[ui]\nidle_lock_minutes = １０\n", ERR_INVALID, fw);
	expect_error("[ui]\nlanguage = fr\n", ERR_INVALID, lang);
	expect_error("[desk]\nname = 一二三四五六七八九十一二三四五六七八九十"
	    "一二三四五六七八九十一二三\n", ERR_INVALID, desk);
	expect_error("[desk]\nname = \"\"\n", ERR_INVALID, desk);
	expect_error("[desk]\nname = a\tb\n", ERR_INVALID, desk);
}

/* bad booleans */
static void
test_bad_bool(void **state)
{
	static const char *const maybe[] = { "[ui] ascii_borders = maybe",
		"yes or no", NULL };
	static const char *const empty[] = { "[ui] ascii_borders = :",
		"yes or no", NULL };
	static const char *const two[] = { "[ui] ascii_borders = 2",
		"yes or no", NULL };
	static const char *const zh[] = { "[ui] ascii_borders = 是",
		"yes or no", NULL };

	(void)state;
	expect_error("[ui]\nascii_borders = maybe\n", ERR_INVALID, maybe);
	expect_error("[ui]\nascii_borders =\n", ERR_INVALID, empty);
	expect_error("[ui]\nascii_borders = 2\n", ERR_INVALID, two);
	expect_error("[ui]\nascii_borders = 是\n", ERR_INVALID, zh);
}

/* a 2000-byte line, and joined lines iniparser would overflow on */
static void
test_long_line(void **state)
{
	char text[2100];
	static const char *const want3[] = { ":3:", "line too long", NULL };
	static const char *const want2[] = { ":2:", "line too long", NULL };
	size_t n, i;

	(void)state;
	n = (size_t)snprintf(text, sizeof text, "[desk]\n# ok\nname = ");
	memset(text + n, 'x', 2000);
	strcpy(text + n + 2000, "\n");
	expect_error(text, ERR_INVALID, want3);

	/* 1001 bytes: just over */
	n = (size_t)snprintf(text, sizeof text, "[desk]\n");
	memset(text + n, ';', 1001);
	strcpy(text + n + 1001, "\n");
	expect_error(text, ERR_INVALID, want2);

	/* three 600-byte lines joined by trailing backslashes */
	n = (size_t)snprintf(text, sizeof text, "[desk]\n");
	for (i = 0; i < 3; i++) {
		memset(text + n, '#', 599);
		text[n + 599] = '\\';
		text[n + 600] = '\n';
		n += 601;
	}
	text[n] = '\0';
	expect_error(text, ERR_INVALID, (const char *const[]){ ":3:",
	    "line too long", NULL });
}

/* a NUL byte, invalid UTF-8, garbage lines */
static void
test_hostile_bytes(void **state)
{
	struct config cfg;
	const char *path = test_path("nul.ini");
	static const char nul[] = "[ui]\nlanguage = en\0zh\n";
	static const char *const utf8[] = { ":2:", "UTF-8", NULL };
	static const char *const gb[] = { ":1:", "UTF-8", NULL };
	static const char *const syntax[] = { ":3:", "cannot understand",
		"张三", NULL };
	static const char *const esc[] = { ":2:", "cannot understand",
		"?[2J", NULL };

	(void)state;
	write_bytes(path, nul, sizeof nul - 1);
	err_clear();
	assert_int_equal(config_load(&cfg, path), ERR_INVALID);
	assert_msg_has(path);
	assert_msg_has(":2:");
	assert_msg_has("NUL");
	config_release(&cfg);

	expect_error("[ui]\nlanguage = \xff\xfe\n", ERR_INVALID, utf8);
	expect_error("[ui]\n# \xc0\xaf\n", ERR_INVALID, utf8);
	expect_error("[ui]\n# \xed\xa0\x80\n", ERR_INVALID, utf8);
	/* GB18030 "[界面]", as a Chinese Windows editor might save it */
	expect_error("[\xbd\xe7\xc3\xe6]\n", ERR_INVALID, gb);
	expect_error("[ui]\nlanguage = en\n张三\n", ERR_INVALID, syntax);
	expect_error("[ui]\n\x1b[2J\n", ERR_INVALID, esc);
}

/* a UTF-8 byte-order mark (Windows Notepad) just works */
static void
test_bom(void **state)
{
	struct config cfg;
	const char *path = test_path("bom.ini");
	static const char text[] = "\xef\xbb\xbf[desk]\nname = 2号窗口\n";
	static const char bad[] = "\xef\xbb\xbf[desk]\nname = 2号窗口\noops\n";
	static const char only[] = "\xef\xbb\xbf";

	(void)state;
	write_bytes(path, text, sizeof text - 1);
	err_clear();
	assert_int_equal(config_load(&cfg, path), 0);
	assert_string_equal(cfg.desk, "2号窗口");
	assert_string_equal(cfg.source, path);
	config_release(&cfg);

	/* errors still name the real file and line, not the temporary copy */
	write_bytes(path, bad, sizeof bad - 1);
	assert_int_equal(config_load(&cfg, path), ERR_INVALID);
	assert_msg_has(path);
	assert_msg_has(":3:");
	assert_null(strstr(err_msg(), "frontdesk-ini."));
	config_release(&cfg);

	write_bytes(path, only, sizeof only - 1);
	assert_int_equal(config_load(&cfg, path), 0);
	config_release(&cfg);
}

/* a named file that is missing, a folder, an unreadable file */
static void
test_unreadable(void **state)
{
	struct config cfg;
	const char *path = test_path("missing.ini");

	(void)state;
	err_clear();
	assert_int_equal(config_load(&cfg, path), ERR_IO);
	assert_msg_has("cannot read config");
	assert_msg_has(path);
	assert_null(cfg.source);
	assert_int_equal(cfg.lockout_minutes, 15);
	config_release(&cfg);

	assert_int_equal(config_load(&cfg, test_tmpdir()), ERR_IO);
	assert_msg_has(test_tmpdir());
	assert_msg_has("not a regular file");
	config_release(&cfg);

	if (geteuid() != 0) {
		path = test_path("secret.ini");
		test_write_file(path, "[ui]\n");
		chmod(path, 0);
		assert_int_equal(config_load(&cfg, path), ERR_IO);
		assert_msg_has(path);
		config_release(&cfg);
	}
}

/* $FRONTDESK_CONFIG names the file; missing is an error */
static void
test_env(void **state)
{
	struct config cfg;
	const char *path = test_path("env.ini");

	(void)state;
	test_write_file(path, "[ui]\nidle_lock_minutes = 7\n");
	setenv("FRONTDESK_CONFIG", path, 1);
	assert_int_equal(config_load(&cfg, NULL), 0);
	assert_int_equal(cfg.idle_lock_minutes, 7);
	assert_string_equal(cfg.source, path);
	config_release(&cfg);

	/* --config wins over the environment */
	assert_int_equal(load_text(&cfg, "cli.ini",
	    "[ui]\nidle_lock_minutes = 8\n"), 0);
	assert_int_equal(cfg.idle_lock_minutes, 8);
	config_release(&cfg);

	setenv("FRONTDESK_CONFIG", test_path("nowhere.ini"), 1);
	assert_int_equal(config_load(&cfg, NULL), ERR_IO);
	assert_msg_has("nowhere.ini");
	config_release(&cfg);
	unsetenv("FRONTDESK_CONFIG");
}

/* $XDG_CONFIG_HOME/frontdesk/frontdesk.ini is found; none gives defaults */
static void
test_xdg(void **state)
{
	struct config cfg;
	char dir[600], file[700];
	struct stat st;

	(void)state;
	unsetenv("FRONTDESK_CONFIG");
	snprintf(dir, sizeof dir, "%s/xdg", test_tmpdir());
	setenv("XDG_CONFIG_HOME", dir, 1);
	if (stat("/etc/frontdesk/frontdesk.ini", &st) != 0) {
		assert_int_equal(config_load(&cfg, NULL), 0);
		assert_null(cfg.source);
		assert_int_equal(cfg.idle_lock_minutes, 10);
		config_release(&cfg);
	}
	assert_int_equal(mkdir(dir, 0700), 0);
	strcat(dir, "/frontdesk");
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(file, sizeof file, "%s/frontdesk.ini", dir);
	test_write_file(file, "[security]\nlockout_minutes = 30\n");
	assert_int_equal(config_load(&cfg, NULL), 0);
	assert_string_equal(cfg.source, file);
	assert_int_equal(cfg.lockout_minutes, 30);
	config_release(&cfg);

	/* a found file with an error is reported, not skipped */
	test_write_file(file, "[security]\nlockout_minutes = 0\n");
	assert_int_equal(config_load(&cfg, NULL), ERR_INVALID);
	assert_msg_has(file);
	assert_msg_has("[security] lockout_minutes");
	config_release(&cfg);
	unsetenv("XDG_CONFIG_HOME");
}

/* int config_parse_int(const char *s, long min, long max, long *out); */
static void
test_parse_int(void **state)
{
	long v = 12345;

	(void)state;
	assert_int_equal(config_parse_int("42", 0, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(config_parse_int(" \t+7 ", 0, 100, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(config_parse_int("-0", 0, 100, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(config_parse_int("007", 0, 100, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(config_parse_int("-5", -10, 10, &v), 0);
	assert_int_equal(v, -5);
	assert_int_equal(config_parse_int("9223372036854775807", LONG_MIN,
	    LONG_MAX, &v), 0);
	assert_true(v == LONG_MAX);
	assert_int_equal(config_parse_int("-9223372036854775808", LONG_MIN,
	    LONG_MAX, &v), 0);
	assert_true(v == LONG_MIN);
	v = 99;
	assert_int_equal(config_parse_int("9223372036854775808", LONG_MIN,
	    LONG_MAX, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("-9223372036854775809", LONG_MIN,
	    LONG_MAX, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("99999999999999999999", 0, 100, &v),
	    ERR_INVALID);
	assert_int_equal(config_parse_int("101", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("-1", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("  ", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("+", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("--1", -9, 9, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("4 2", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("0x10", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("1e2", 0, 1000, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("１２", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int("12分", 0, 100, &v), ERR_INVALID);
	assert_int_equal(config_parse_int(NULL, 0, 100, &v), ERR_INVALID);
	assert_int_equal(v, 99); /* untouched on failure */
}

/* int config_parse_bool(const char *s, int *out); */
static void
test_parse_bool(void **state)
{
	static const char *const yes[] = { "yes", "YES", "True", "on", "1",
		" yes\t", NULL };
	static const char *const no[] = { "no", "No", "FALSE", "off", "0",
		"\toff ", NULL };
	static const char *const bad[] = { "", " ", "y", "n", "2", "yess",
		"o", "enable", "是", "ye s", "-1", "01", NULL };
	const char *const *p;
	int b;

	(void)state;
	for (p = yes; *p != NULL; p++) {
		b = -1;
		assert_int_equal(config_parse_bool(*p, &b), 0);
		assert_int_equal(b, 1);
	}
	for (p = no; *p != NULL; p++) {
		b = -1;
		assert_int_equal(config_parse_bool(*p, &b), 0);
		assert_int_equal(b, 0);
	}
	for (p = bad; *p != NULL; p++) {
		b = -1;
		assert_int_equal(config_parse_bool(*p, &b), ERR_INVALID);
		assert_int_equal(b, -1);
	}
	assert_int_equal(config_parse_bool(NULL, &b), ERR_INVALID);
}

/* int config_parse_duration(const char *s, long *out_seconds); */
static void
test_parse_duration(void **state)
{
	long sec = -7;

	(void)state;
	assert_int_equal(config_parse_duration("30m", &sec), 0);
	assert_int_equal(sec, 1800);
	assert_int_equal(config_parse_duration("24h", &sec), 0);
	assert_int_equal(sec, 86400);
	assert_int_equal(config_parse_duration("3d", &sec), 0);
	assert_int_equal(sec, 259200);
	assert_int_equal(config_parse_duration("90", &sec), 0);
	assert_int_equal(sec, 5400);
	assert_int_equal(config_parse_duration("45s", &sec), 0);
	assert_int_equal(sec, 45);
	assert_int_equal(config_parse_duration("2min", &sec), 0);
	assert_int_equal(sec, 120);
	assert_int_equal(config_parse_duration(" 2 h ", &sec), 0);
	assert_int_equal(sec, 7200);
	assert_int_equal(config_parse_duration("0", &sec), 0);
	assert_int_equal(sec, 0);
	sec = -7;
	assert_int_equal(config_parse_duration("-1", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("99999999999999999999d", &sec),
	    ERR_INVALID);
	assert_int_equal(config_parse_duration("9223372036854775807s", &sec),
	    0);
	assert_true(sec == LONG_MAX);
	sec = -7;
	assert_int_equal(config_parse_duration("9223372036854775807m", &sec),
	    ERR_INVALID);
	assert_int_equal(config_parse_duration("106751991167301d", &sec),
	    ERR_INVALID);
	assert_int_equal(config_parse_duration("", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("  ", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("m", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("1.5h", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("3w", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("3dd", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("3d4h", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("+3d", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("3天", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration("３d", &sec), ERR_INVALID);
	assert_int_equal(config_parse_duration(NULL, &sec), ERR_INVALID);
	assert_int_equal(sec, -7);
	assert_int_equal(config_parse_duration("106751991167300d", &sec), 0);
	assert_true(sec == 106751991167300L * 86400);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_requests),
		cmocka_unit_test(test_good_file),
		cmocka_unit_test(test_shipped_file),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_key_names_section),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_bad_bool),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_hostile_bytes),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_unreadable),
		cmocka_unit_test(test_env),
		cmocka_unit_test(test_xdg),
		cmocka_unit_test(test_parse_int),
		cmocka_unit_test(test_parse_bool),
		cmocka_unit_test(test_parse_duration),
	};

	test_locale();
	unsetenv("FRONTDESK_CONFIG");
	unsetenv("XDG_CONFIG_HOME");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
