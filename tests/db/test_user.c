/*
 * test_user.c: svc/session.c and svc/svc_user.c against a fresh database:
 * the first admin, logging in, the lock-out, permissions of each account
 * action, names and display names (Chinese and hostile), the demo accounts.
 * After every action its audit row is checked.
 *
 * argon2 is slow on purpose (~70 ms), so the staff of each test are
 * inserted directly with one hash made once; only the actions under test
 * hash or verify.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testlib.h"

#include <sqlite3.h>

#include "db/audit_db.h"
#include "db/db.h"
#include "db/user_db.h"
#include "svc/session.h"
#include "svc/svc_admin.h"
#include "svc/svc_user.h"
#include "util/clock.h"
#include "util/config.h"
#include "util/err.h"
#include "util/secure.h"
#include "util/text.h"

#define PW "Counter-2024"  /* every fixture account's password */
#define T0 1718000000      /* 2024-06-10, the faked "now" of some tests */

static struct config cfg;
static char pw_hash[SECURE_PWHASH_BYTES]; /* of PW, made once */

/* A fresh database with four accounts, one per role. */
struct fx {
	struct db *db;
	int64_t admin, director, wangli, chenjing; /* user ids */
};

/* ---- helpers ------------------------------------------------------------ */

static void
assert_msg_has(const char *want)
{
	if (strstr(err_msg(), want) == NULL)
		fail_msg("message \"%s\" lacks \"%s\"", err_msg(), want);
}

/* Number of audit rows (and the chain must hold). */
static int64_t
audit_count(struct db *db)
{
	int64_t n = -1;

	if (audit_db_verify(db, &n) != 0)
		fail_msg("audit chain: %s", err_msg());
	return n;
}

/* The newest audit row must be this one. */
static void
assert_audit(struct db *db, const char *action, const char *user,
    int64_t entity_id, const char *summary_part)
{
	struct audit_row *rows = NULL;
	int n = 0;

	assert_int_equal(audit_db_recent(db, NULL, 0, 1, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].action, action);
	assert_string_equal(rows[0].user_name, user);
	assert_int_equal(rows[0].entity_id, entity_id);
	assert_string_equal(rows[0].entity, "user");
	if (strstr(rows[0].summary, summary_part) == NULL)
		fail_msg("audit summary \"%s\" lacks \"%s\"", rows[0].summary,
		    summary_part);
	audit_row_release(&rows[0]);
	free(rows);
}

static int
add_staff(struct db *db, void *arg)
{
	struct fx *f = arg;
	int rc;

	if ((rc = user_db_insert(db, "admin", "系统管理员", "admin", pw_hash,
	    T0, &f->admin)) != 0 ||
	    (rc = user_db_insert(db, "director", "李主任", "director", pw_hash,
	    T0, &f->director)) != 0 ||
	    (rc = user_db_insert(db, "wangli", "王丽", "receptionist",
	    pw_hash, T0, &f->wangli)) != 0)
		return rc;
	return user_db_insert(db, "chenjing", "陈静", "cashier", pw_hash, T0,
	    &f->chenjing);
}

static int
setup_empty(void **state)
{
	static int seq;
	struct fx *f = calloc(1, sizeof *f);
	char name[32];

	snprintf(name, sizeof name, "user%d.db", seq++);
	unlink(test_path(name));
	if (db_open(&f->db, test_path(name), cfg.busy_timeout_ms,
	    DB_OPEN_CREATE) != 0)
		fail_msg("db_open: %s", err_msg());
	err_clear();
	*state = f;
	return 0;
}

static int
setup_staff(void **state)
{
	struct fx *f;

	setup_empty(state);
	f = *state;
	if (db_tx(f->db, add_staff, f) != 0)
		fail_msg("staff: %s", err_msg());
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	clock_fake(0);
	db_close(&f->db);
	free(f);
	return 0;
}

/* Log in as name with PW; must succeed. */
static void
login(struct fx *f, const char *name, struct session *s)
{
	if (svc_login(f->db, &cfg, name, PW, s) != 0)
		fail_msg("login %s: %s", name, err_msg());
}

static struct user_info
get_user(struct fx *f, const char *name)
{
	struct user_info u;

	if (svc_user_get(f->db, name, &u) != 0)
		fail_msg("no user %s", name);
	return u;
}

/* ---- bootstrap ----------------------------------------------------------- */

static void
test_bootstrap(void **state)
{
	struct fx *f = *state;
	struct user_info u;
	struct audit_row *rows;
	int n;

	/* Refused before anything is hashed or written. */
	assert_int_equal(svc_user_bootstrap(f->db, "Admin", PW, "1号窗口"),
	    ERR_INVALID);
	assert_msg_has("user name must be 2 to 32");
	assert_int_equal(svc_user_bootstrap(f->db, "王丽", PW, "1号窗口"),
	    ERR_INVALID);
	assert_int_equal(svc_user_bootstrap(f->db, "a", PW, "1号窗口"),
	    ERR_INVALID);
	assert_int_equal(svc_user_bootstrap(f->db, "", PW, "1号窗口"),
	    ERR_INVALID);
	assert_int_equal(svc_user_bootstrap(f->db, NULL, PW, "1号窗口"),
	    ERR_INVALID);
	assert_int_equal(svc_user_bootstrap(f->db, "wang li", PW, "1号窗口"),
	    ERR_INVALID);
	assert_int_equal(svc_user_bootstrap(f->db, "admin;drop", PW,
	    "1号窗口"), ERR_INVALID);
	assert_int_equal(svc_user_bootstrap(f->db,
	    "abcdefghijklmnopqrstuvwxyz0123456", PW, "1号窗口"), ERR_INVALID);
	assert_int_equal(svc_user_bootstrap(f->db, "admin", "short", "1号窗口"),
	    ERR_INVALID);
	assert_msg_has("8 to 128");
	assert_int_equal(svc_user_bootstrap(f->db, "admin", "88888888",
	    "1号窗口"), ERR_INVALID);
	assert_msg_has("repeated");
	assert_int_equal(svc_user_bootstrap(f->db, "admin",
	    "pass\xff\xfe\xfdword", "1号窗口"), ERR_INVALID);
	assert_msg_has("not valid text");
	assert_int_equal(audit_count(f->db), 0);
	assert_int_equal(svc_user_get(f->db, "admin", &u), ERR_NOTFOUND);

	/* The first account. */
	assert_int_equal(svc_user_bootstrap(f->db, "admin", "管理员密码2024",
	    "1号窗口"), 0);
	u = get_user(f, "admin");
	assert_int_equal(u.role, ROLE_ADMIN);
	assert_true(u.active);
	assert_string_equal(u.display, "admin");
	assert_audit(f->db, "user.add", "admin", u.id, "first account admin");
	assert_int_equal(audit_db_recent(f->db, NULL, 0, 5, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].desk, "1号窗口");
	audit_row_release(&rows[0]);
	free(rows);

	/* Only once. */
	assert_int_equal(svc_user_bootstrap(f->db, "admin2", "another-pass",
	    "2号窗口"), ERR_STATE);
	assert_msg_has("already has accounts");
	assert_int_equal(audit_count(f->db), 1);
	user_info_release(&u);
}

/* ---- logging in ---------------------------------------------------------- */

static void
test_login(void **state)
{
	struct fx *f = *state;
	struct session s;

	assert_int_equal(svc_login(f->db, &cfg, "wangli", PW, &s), 0);
	assert_ptr_equal(s.db, f->db);
	assert_ptr_equal(s.cfg, &cfg);
	assert_int_equal(s.user_id, f->wangli);
	assert_string_equal(s.user, "wangli");
	assert_string_equal(s.display, "王丽");
	assert_int_equal(s.role, ROLE_RECEPTIONIST);
	assert_string_equal(s.desk, "2号窗口");
	assert_true(session_may(&s, PERM_OWNER_EDIT));
	assert_false(session_may(&s, PERM_USER_MANAGE));
	assert_audit(f->db, "login", "wangli", f->wangli, "logged in");

	assert_int_equal(svc_logout(&s), 0);
	assert_audit(f->db, "logout", "wangli", f->wangli, "logged out");
	session_release(&s);
	assert_null(s.user);
	session_release(&s); /* twice is harmless */
	assert_int_equal(audit_count(f->db), 2);
}

/* A wrong password and an unknown user: the same answer. */
static void
test_login_wrong(void **state)
{
	struct fx *f = *state;
	struct session s;
	struct user_info u;
	struct audit_row *rows;
	char wrong_pw[256], unknown[256];
	char *huge;
	int n;

	assert_int_equal(svc_login(f->db, &cfg, "wangli", "Counter-2025", &s),
	    ERR_DENIED);
	snprintf(wrong_pw, sizeof wrong_pw, "%s", err_msg());
	assert_null(s.user);
	assert_audit(f->db, "login.fail", "wangli", f->wangli,
	    "wrong password, try 1");

	assert_int_equal(svc_login(f->db, &cfg, "wangjing", PW, &s),
	    ERR_DENIED);
	snprintf(unknown, sizeof unknown, "%s", err_msg());
	assert_string_equal(wrong_pw, unknown);
	assert_string_equal(unknown, "wrong user name or password");
	assert_audit(f->db, "login.fail", "wangjing", 0, "unknown user");

	/* Case matters: names are lower case. */
	assert_int_equal(svc_login(f->db, &cfg, "WangLi", PW, &s), ERR_DENIED);
	assert_string_equal(err_msg(), unknown);

	/* A hostile name is logged shortened and printable. */
	huge = malloc(5001);
	memset(huge, 'x', 5000);
	huge[5000] = '\0';
	memcpy(huge, "\x1b[2J\xff\xfe王", 9);
	assert_int_equal(svc_login(f->db, &cfg, huge, PW, &s), ERR_DENIED);
	assert_string_equal(err_msg(), unknown);
	assert_int_equal(audit_db_recent(f->db, NULL, 0, 1, &rows, &n), 0);
	assert_int_equal(n, 1);
	assert_true(strlen(rows[0].user_name) < 100);
	assert_true(utf8_valid(rows[0].user_name, strlen(rows[0].user_name)));
	assert_null(strchr(rows[0].user_name, '\x1b'));
	audit_row_release(&rows[0]);
	free(rows);

	/* A huge password is just wrong. */
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", huge, &s),
	    ERR_DENIED);
	assert_string_equal(err_msg(), unknown);
	free(huge);

	assert_int_equal(svc_login(f->db, &cfg, "", PW, &s), ERR_INVALID);
	assert_msg_has("user name");
	assert_int_equal(audit_count(f->db), 5);

	/* The wrong tries were counted where the account exists. */
	u = get_user(f, "wangli");
	assert_int_equal(u.failed, 1);
	user_info_release(&u);
	u = get_user(f, "chenjing");
	assert_int_equal(u.failed, 1);
	user_info_release(&u);
	u = get_user(f, "director");
	assert_int_equal(u.failed, 0);
	user_info_release(&u);
}

/* cfg.max_failed_logins wrong tries lock the account until a given time. */
static void
test_lockout(void **state)
{
	struct fx *f = *state;
	int64_t until = T0 + (int64_t)cfg.lockout_minutes * 60;
	char when[32], want[64];
	struct user_info u;
	struct session s;
	int i;

	clock_fake(T0);
	clock_format(when, sizeof when, until);
	snprintf(want, sizeof want, "locked until %s", when);
	for (i = 1; i < cfg.max_failed_logins; i++) {
		assert_int_equal(svc_login(f->db, &cfg, "chenjing", "nope-nope",
		    &s), ERR_DENIED);
		assert_string_equal(err_msg(), "wrong user name or password");
	}
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", "nope-nope", &s),
	    ERR_STATE);
	assert_msg_has(want);
	assert_audit(f->db, "login.fail", "chenjing", f->chenjing,
	    "try 5");
	u = get_user(f, "chenjing");
	assert_int_equal(u.failed, cfg.max_failed_logins);
	assert_int_equal(u.locked_until, until);
	user_info_release(&u);

	/* The right password does not open a locked account. */
	clock_fake(until - 1);
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", PW, &s),
	    ERR_STATE);
	assert_msg_has(want);
	assert_null(s.user);
	assert_audit(f->db, "login.refused", "chenjing", f->chenjing,
	    "account locked");
	/* Others are not affected. */
	login(f, "wangli", &s);
	session_release(&s);

	/* When the time is up it works again, and the count starts over. */
	clock_fake(until);
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", PW, &s), 0);
	assert_string_equal(s.display, "陈静");
	assert_audit(f->db, "login", "chenjing", f->chenjing, "logged in");
	session_release(&s);
	u = get_user(f, "chenjing");
	assert_int_equal(u.failed, 0);
	assert_int_equal(u.locked_until, 0);
	user_info_release(&u);
	assert_int_equal(audit_count(f->db), 8);
}

/* After a lock runs out, a wrong password is one try, not a new lock. */
static void
test_lockout_expired_counts_again(void **state)
{
	struct fx *f = *state;
	int64_t until = T0 + (int64_t)cfg.lockout_minutes * 60;
	struct user_info u;
	struct session s;
	int i;

	clock_fake(T0);
	for (i = 0; i < cfg.max_failed_logins; i++)
		svc_login(f->db, &cfg, "chenjing", "nope-nope", &s);
	clock_fake(until + 60);
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", "nope-nope", &s),
	    ERR_DENIED);
	assert_string_equal(err_msg(), "wrong user name or password");
	assert_audit(f->db, "login.fail", "chenjing", f->chenjing, "try 1");
	u = get_user(f, "chenjing");
	assert_int_equal(u.failed, 1);
	assert_int_equal(u.locked_until, 0);
	user_info_release(&u);
	/* And the right password still works. */
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", PW, &s), 0);
	session_release(&s);
}

/* The director is told to ask the administrator, not himself. */
static void
test_denied_message(void **state)
{
	struct fx *f = *state;
	struct session s;

	login(f, "director", &s);
	assert_int_equal(svc_user_add(&s, "newbie", NULL, ROLE_CASHIER, PW,
	    NULL), ERR_DENIED);
	assert_msg_has("administrator");
	session_release(&s);
	login(f, "wangli", &s);
	assert_int_equal(svc_user_passwd(&s, NULL, PW), ERR_INVALID);
	assert_int_equal(svc_user_unlock(&s, "chenjing"), ERR_DENIED);
	assert_msg_has("director");
	session_release(&s);
}

static void
test_disabled(void **state)
{
	struct fx *f = *state;
	struct session admin, s;

	login(f, "admin", &admin);
	assert_int_equal(svc_user_disable(&admin, "wangli"), 0);
	assert_int_equal(svc_login(f->db, &cfg, "wangli", PW, &s), ERR_STATE);
	assert_msg_has("disabled");
	assert_null(s.user);
	assert_audit(f->db, "login.refused", "wangli", f->wangli,
	    "account disabled");
	/* With a wrong password too: it is the account that is refused. */
	assert_int_equal(svc_login(f->db, &cfg, "wangli", "x-wrong-x", &s),
	    ERR_STATE);
	assert_msg_has("disabled");
	session_release(&admin);
}

/* ---- unlocking ---------------------------------------------------------- */

/* Lock chenjing the way five wrong tries would (without the slow hash). */
static int
lock_chenjing(struct db *db, void *arg)
{
	struct fx *f = arg;
	int i, rc = 0;

	for (i = 0; i < 5 && rc == 0; i++)
		rc = user_db_fail(db, f->chenjing, 5, clock_now() + 900,
		    clock_now());
	return rc;
}

static void
test_unlock(void **state)
{
	struct fx *f = *state;
	struct session director, cashier, s;
	struct user_info u;

	assert_int_equal(db_tx(f->db, lock_chenjing, f), 0);
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", PW, &s),
	    ERR_STATE);
	assert_msg_has("locked until");

	/* A cashier may not unlock anybody, nor a receptionist. */
	login(f, "wangli", &cashier);
	assert_int_equal(svc_user_unlock(&cashier, "chenjing"), ERR_DENIED);
	assert_msg_has("Receptionist");
	session_release(&cashier);
	assert_int_equal(db_tx(f->db, lock_chenjing, f), 0);

	/* The director may. */
	login(f, "director", &director);
	assert_int_equal(svc_user_unlock(&director, "chenjing"), 0);
	assert_audit(f->db, "user.unlock", "director", f->chenjing,
	    "unlocked chenjing after");
	u = get_user(f, "chenjing");
	assert_int_equal(u.failed, 0);
	assert_int_equal(u.locked_until, 0);
	user_info_release(&u);
	assert_int_equal(svc_user_unlock(&director, "nobody"), ERR_NOTFOUND);
	assert_msg_has("nobody");

	/* Now the cashier logs in, and still may not unlock. */
	login(f, "chenjing", &cashier);
	assert_int_equal(svc_user_unlock(&cashier, "wangli"), ERR_DENIED);
	assert_msg_has("Cashier");
	assert_audit(f->db, "login", "chenjing", f->chenjing, "logged in");
	session_release(&cashier);
	session_release(&director);
}

/* ---- adding ---------------------------------------------------------------- */

static void
test_add(void **state)
{
	struct fx *f = *state;
	struct session admin, director, s;
	struct user_info u;
	int64_t id = 0, n0;
	char name33[200];
	int i;

	login(f, "admin", &admin);
	login(f, "director", &director);
	n0 = audit_count(f->db);

	/* Only the administrator adds accounts. */
	assert_int_equal(svc_user_add(&director, "zhaomin", "赵敏",
	    ROLE_CASHIER, "Zhao-min-2024", &id), ERR_DENIED);
	assert_msg_has("Director");
	assert_int_equal(audit_count(f->db), n0);

	assert_int_equal(svc_user_add(&admin, "zhaomin", "赵敏", ROLE_CASHIER,
	    "Zhao-min-2024", &id), 0);
	assert_true(id > 0);
	assert_audit(f->db, "user.add", "admin", id,
	    "added zhaomin (赵敏), role cashier");
	u = get_user(f, "zhaomin");
	assert_int_equal(u.id, id);
	assert_int_equal(u.role, ROLE_CASHIER);
	assert_string_equal(u.display, "赵敏");
	user_info_release(&u);
	assert_int_equal(svc_login(f->db, &cfg, "zhaomin", "Zhao-min-2024",
	    &s), 0);
	assert_int_equal(s.role, ROLE_CASHIER);
	session_release(&s);

	/* A taken name. */
	assert_int_equal(svc_user_add(&admin, "zhaomin", "另一个赵敏",
	    ROLE_RECEPTIONIST, "Zhao-min-2025", NULL), ERR_CONFLICT);
	assert_msg_has("'zhaomin'");
	u = get_user(f, "zhaomin");
	assert_string_equal(u.display, "赵敏");
	user_info_release(&u);

	/* Display names: Chinese welcome, 1..32 characters, valid, printable. */
	assert_int_equal(svc_user_add(&admin, "wangli2", "「王丽」",
	    ROLE_RECEPTIONIST, "Wang-li-2024", &id), 0);
	assert_audit(f->db, "user.add", "admin", id, "(「王丽」)");
	strcpy(name33, "");
	for (i = 0; i < 33; i++)
		strcat(name33, "张");
	assert_int_equal(svc_user_add(&admin, "zhang33", name33,
	    ROLE_RECEPTIONIST, "Zhang-2024", NULL), ERR_INVALID);
	assert_msg_has("1 to 32 characters");
	assert_int_equal(svc_user_add(&admin, "bad1", "王\xe4\xb8",
	    ROLE_RECEPTIONIST, "Zhang-2024", NULL), ERR_INVALID);
	assert_int_equal(svc_user_add(&admin, "bad2", "\xc0\xaf",
	    ROLE_RECEPTIONIST, "Zhang-2024", NULL), ERR_INVALID);
	assert_int_equal(svc_user_add(&admin, "bad3", "王\n丽",
	    ROLE_RECEPTIONIST, "Zhang-2024", NULL), ERR_INVALID);
	assert_msg_has("control");
	assert_int_equal(svc_user_add(&admin, "bad4", "\x1b[31m红",
	    ROLE_RECEPTIONIST, "Zhang-2024", NULL), ERR_INVALID);
	assert_int_equal(svc_user_add(&admin, "bad5", "", ROLE_RECEPTIONIST,
	    "Zhang-2024", NULL), ERR_INVALID);
	/* Names, roles, passwords. */
	assert_int_equal(svc_user_add(&admin, "Zhang", "张", ROLE_CASHIER,
	    "Zhang-2024", NULL), ERR_INVALID);
	assert_msg_has("user name");
	assert_int_equal(svc_user_add(&admin, "张三", "张三", ROLE_CASHIER,
	    "Zhang-2024", NULL), ERR_INVALID);
	assert_int_equal(svc_user_add(&admin, "zhang", "张", ROLE_COUNT,
	    "Zhang-2024", NULL), ERR_INVALID);
	assert_msg_has("role");
	assert_int_equal(svc_user_add(&admin, "zhang", "张", ROLE_CASHIER,
	    "1234567", NULL), ERR_INVALID);
	assert_int_equal(svc_user_get(f->db, "zhang33", &u), ERR_NOTFOUND);
	assert_int_equal(svc_user_get(f->db, "bad1", &u), ERR_NOTFOUND);
	assert_int_equal(svc_user_get(f->db, "zhang", &u), ERR_NOTFOUND);

	/* A 32-character name and NULL display (= login name) are fine. */
	name33[32 * 3] = '\0';
	assert_int_equal(svc_user_add(&admin, "zhang32", name33,
	    ROLE_DIRECTOR, "Zhang-2024", &id), 0);
	u = get_user(f, "zhang32");
	assert_string_equal(u.display, name33);
	user_info_release(&u);
	assert_int_equal(svc_user_add(&admin, "li.si_2-x", NULL,
	    ROLE_RECEPTIONIST, "Li-si-2024", &id), 0);
	u = get_user(f, "li.si_2-x");
	assert_string_equal(u.display, "li.si_2-x");
	user_info_release(&u);
	/* Four adds and zhaomin's login. */
	assert_int_equal(audit_count(f->db), n0 + 5);
	session_release(&admin);
	session_release(&director);
}

/* ---- passwords, display names ------------------------------------------- */

static void
test_passwd(void **state)
{
	struct fx *f = *state;
	struct session admin, cashier, s;
	struct user_info u;

	login(f, "chenjing", &cashier);
	/* Someone else's password: only with PERM_USER_MANAGE. */
	assert_int_equal(svc_user_passwd(&cashier, "wangli", "Stolen-2024"),
	    ERR_DENIED);
	assert_audit(f->db, "login", "chenjing", f->chenjing, "logged in");
	/* Weak ones are refused. */
	assert_int_equal(svc_user_passwd(&cashier, "chenjing", "abc"),
	    ERR_INVALID);
	assert_int_equal(svc_user_passwd(&cashier, "chenjing", "aaaaaaaaaa"),
	    ERR_INVALID);

	/* One's own. */
	assert_int_equal(svc_user_passwd(&cashier, "chenjing", "陈静的新密码"),
	    0);
	assert_audit(f->db, "user.passwd", "chenjing", f->chenjing,
	    "password of chenjing changed");
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", PW, &s),
	    ERR_DENIED);
	assert_int_equal(svc_login(f->db, &cfg, "chenjing", "陈静的新密码", &s),
	    0);
	session_release(&s);
	session_release(&cashier);

	/* The administrator sets another's, which also clears the count. */
	login(f, "admin", &admin);
	assert_int_equal(svc_login(f->db, &cfg, "wangli", "forgot-it", &s),
	    ERR_DENIED);
	assert_int_equal(svc_user_passwd(&admin, "wangli", "Wang-li-reset1"),
	    0);
	assert_audit(f->db, "user.passwd", "admin", f->wangli,
	    "password of wangli changed");
	u = get_user(f, "wangli");
	assert_int_equal(u.failed, 0);
	user_info_release(&u);
	assert_int_equal(svc_user_passwd(&admin, "nobody", "Nobody-2024"),
	    ERR_NOTFOUND);
	assert_msg_has("nobody");
	session_release(&admin);
}

static void
test_set_display(void **state)
{
	struct fx *f = *state;
	struct session s;
	struct user_info u;
	char big[200];
	int64_t n;
	int i;

	login(f, "wangli", &s);
	assert_int_equal(svc_user_set_display(&s, "王丽娟"), 0);
	assert_string_equal(s.display, "王丽娟");
	assert_audit(f->db, "user.display", "wangli", f->wangli,
	    "display name 王丽 -> 王丽娟");
	u = get_user(f, "wangli");
	assert_string_equal(u.display, "王丽娟");
	user_info_release(&u);

	/* Refused: nothing changes, nothing is audited. */
	n = audit_count(f->db);
	big[0] = '\0';
	for (i = 0; i < 33; i++)
		strcat(big, "丽");
	assert_int_equal(svc_user_set_display(&s, big), ERR_INVALID);
	assert_int_equal(svc_user_set_display(&s, ""), ERR_INVALID);
	assert_int_equal(svc_user_set_display(&s, "王\xff丽"), ERR_INVALID);
	assert_int_equal(svc_user_set_display(&s, "\xe7\x8e"), ERR_INVALID);
	assert_int_equal(svc_user_set_display(&s, "王\t丽"), ERR_INVALID);
	assert_string_equal(s.display, "王丽娟");
	assert_int_equal(audit_count(f->db), n);
	u = get_user(f, "wangli");
	assert_string_equal(u.display, "王丽娟");
	user_info_release(&u);
	session_release(&s);
}

/* ---- disabling, listing ------------------------------------------------- */

static void
test_disable(void **state)
{
	struct fx *f = *state;
	struct session admin, director;
	struct user_info u;
	int64_t n;

	login(f, "admin", &admin);
	login(f, "director", &director);
	n = audit_count(f->db);
	assert_int_equal(svc_user_disable(&director, "wangli"), ERR_DENIED);
	assert_int_equal(svc_user_disable(&admin, "admin"), ERR_STATE);
	assert_msg_has("your own");
	assert_int_equal(svc_user_disable(&admin, "nobody"), ERR_NOTFOUND);
	assert_msg_has("nobody");
	assert_int_equal(audit_count(f->db), n);

	assert_int_equal(svc_user_disable(&admin, "wangli"), 0);
	assert_audit(f->db, "user.disable", "admin", f->wangli,
	    "disabled wangli");
	u = get_user(f, "wangli");
	assert_false(u.active);
	assert_string_equal(u.display, "王丽");
	user_info_release(&u);

	assert_int_equal(svc_user_disable(&admin, "wangli"), ERR_STATE);
	assert_msg_has("already disabled");
	assert_msg_has("wangli");
	assert_int_equal(audit_count(f->db), n + 1);
	session_release(&admin);
	session_release(&director);
}

/* int svc_user_enable(struct session *s, const char *name) */
static void
test_enable(void **state)
{
	struct fx *f = *state;
	struct session admin, director, cashier, s;
	struct user_info u;
	int64_t n;

	login(f, "admin", &admin);
	login(f, "director", &director);
	login(f, "chenjing", &cashier);
	n = audit_count(f->db);
	/* Active accounts are refused; nobody, hostile names too. */
	assert_int_equal(svc_user_enable(&admin, "wangli"), ERR_STATE);
	assert_msg_has("already active");
	assert_msg_has("wangli");
	assert_int_equal(svc_user_enable(&admin, "nobody"), ERR_NOTFOUND);
	assert_int_equal(svc_user_enable(&admin, "王丽"), ERR_NOTFOUND);
	assert_msg_has("王丽");
	assert_int_equal(svc_user_enable(&admin, "\xff\xfe'; --"),
	    ERR_NOTFOUND);
	assert_int_equal(audit_count(f->db), n);

	assert_int_equal(svc_user_disable(&admin, "wangli"), 0);
	assert_int_equal(svc_login(f->db, &cfg, "wangli", PW, &s), ERR_STATE);
	n = audit_count(f->db);
	/* Only the admin may enable: not the director, not a cashier. */
	assert_int_equal(svc_user_enable(&director, "wangli"), ERR_DENIED);
	assert_msg_has("Director");
	assert_int_equal(svc_user_enable(&cashier, "wangli"), ERR_DENIED);
	assert_int_equal(audit_count(f->db), n);

	assert_int_equal(svc_user_enable(&admin, "wangli"), 0);
	assert_audit(f->db, "user.enable", "admin", f->wangli,
	    "enabled wangli");
	assert_int_equal(audit_count(f->db), n + 1);
	u = get_user(f, "wangli");
	assert_true(u.active);
	assert_string_equal(u.display, "王丽");
	assert_int_equal(u.role, ROLE_RECEPTIONIST);
	user_info_release(&u);
	/* The old password works again; enabling twice is refused. */
	login(f, "wangli", &s);
	session_release(&s);
	assert_int_equal(svc_user_enable(&admin, "wangli"), ERR_STATE);
	session_release(&admin);
	session_release(&director);
	session_release(&cashier);
}

static void
test_list(void **state)
{
	struct fx *f = *state;
	static const char *const want[] = {
		"admin", "chenjing", "director", "wangli",
	};
	struct session admin, director, cashier;
	struct user_info *rows;
	int n, i;

	clock_fake(T0);
	assert_int_equal(db_tx(f->db, lock_chenjing, f), 0);
	login(f, "admin", &admin);
	login(f, "director", &director);
	login(f, "wangli", &cashier);
	assert_int_equal(svc_user_disable(&admin, "wangli"), 0);

	assert_int_equal(svc_user_list(&admin, &rows, &n), 0);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++)
		assert_string_equal(rows[i].name, want[i]);
	assert_string_equal(rows[0].display, "系统管理员");
	assert_int_equal(rows[0].role, ROLE_ADMIN);
	assert_int_equal(rows[1].failed, 5);
	assert_int_equal(rows[1].locked_until, T0 + 900);
	assert_true(rows[1].active);
	assert_int_equal(rows[2].role, ROLE_DIRECTOR);
	assert_false(rows[3].active);
	assert_int_equal(rows[3].locked_until, 0);
	for (i = 0; i < n; i++)
		user_info_release(&rows[i]);
	free(rows);

	/* The director sees the list too (to unlock); after the lock is
	 * over it shows no lock. */
	clock_fake(T0 + 901);
	assert_int_equal(svc_user_list(&director, &rows, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(rows[1].locked_until, 0);
	for (i = 0; i < n; i++)
		user_info_release(&rows[i]);
	free(rows);

	assert_int_equal(svc_user_list(&cashier, &rows, &n), ERR_DENIED);
	assert_null(rows);
	assert_int_equal(n, 0);
	session_release(&admin);
	session_release(&director);
	session_release(&cashier);
}

/* The idle lock's password check counts toward the lock-out. */
static void
test_reauth(void **state)
{
	struct fx *f = *state;
	struct user_info u;
	struct session s;
	int i;

	login(f, "chenjing", &s);
	assert_int_equal(svc_reauth(&s, "Counter-2023"), ERR_DENIED);
	assert_string_equal(err_msg(), "wrong user name or password");
	assert_audit(f->db, "login.fail", "chenjing", f->chenjing, "try 1");
	assert_int_equal(svc_reauth(&s, ""), ERR_DENIED);
	u = get_user(f, "chenjing");
	assert_int_equal(u.failed, 2);
	user_info_release(&u);

	assert_int_equal(svc_reauth(&s, PW), 0);
	assert_audit(f->db, "login", "chenjing", f->chenjing, "logged in");
	u = get_user(f, "chenjing");
	assert_int_equal(u.failed, 0);
	user_info_release(&u);

	for (i = 1; i < cfg.max_failed_logins; i++)
		assert_int_equal(svc_reauth(&s, "wrong-again"), ERR_DENIED);
	assert_int_equal(svc_reauth(&s, "wrong-again"), ERR_STATE);
	assert_msg_has("locked until");
	assert_int_equal(svc_reauth(&s, PW), ERR_STATE);
	session_release(&s);
}

/* ---- demo, never deleted ---------------------------------------------------- */

static void
test_demo(void **state)
{
	static const char *const display[] = {
		"系统管理员", "李主任", "王丽", "陈静", "赵敏",
	};
	struct fx *f = *state;
	struct audit_row *rows;
	struct user_info u;
	struct session s;
	int n, i;

	assert_false(db_is_demo(f->db));
	assert_int_equal(svc_demo_init(f->db, "演示窗口"), 0);
	assert_true(db_is_demo(f->db));
	for (i = 0; svc_demo_users[i] != NULL; i++) {
		u = get_user(f, svc_demo_users[i]);
		assert_string_equal(u.display, display[i]);
		assert_true(u.active);
		user_info_release(&u);
	}
	assert_int_equal(i, 5);
	assert_int_equal(audit_db_recent(f->db, NULL, 0, 10, &rows, &n), 0);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++) {
		assert_string_equal(rows[i].action, "user.add");
		assert_string_equal(rows[i].user_name, svc_demo_users[4 - i]);
		assert_string_equal(rows[i].desk, "演示窗口");
		assert_non_null(strstr(rows[i].summary, "demo account"));
		audit_row_release(&rows[i]);
	}
	free(rows);

	assert_int_equal(svc_login(f->db, &cfg, "reception", SVC_DEMO_PASSWORD,
	    &s), 0);
	assert_string_equal(s.display, "王丽");
	assert_int_equal(s.role, ROLE_RECEPTIONIST);
	session_release(&s);

	assert_int_equal(svc_demo_init(f->db, "演示窗口"), ERR_STATE);
	assert_int_equal(audit_count(f->db), 6);
}

/* A database with accounts is never turned into a demo. */
static void
test_demo_refused(void **state)
{
	struct fx *f = *state;

	assert_int_equal(svc_demo_init(f->db, "演示窗口"), ERR_STATE);
	assert_msg_has("already has accounts");
	assert_false(db_is_demo(f->db));
	assert_int_equal(audit_count(f->db), 0);
}

/* Accounts and the audit log cannot be deleted, even with raw SQL. */
static void
test_never_deleted(void **state)
{
	struct fx *f = *state;
	struct session admin;
	char *msg = NULL;
	sqlite3 *h = NULL;
	int64_t n;

	login(f, "admin", &admin);
	assert_int_equal(sqlite3_open(db_path(f->db), &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	assert_int_equal(sqlite3_exec(h, "DELETE FROM users", NULL, NULL, &msg),
	    SQLITE_CONSTRAINT);
	assert_non_null(strstr(msg, "never deleted"));
	sqlite3_free(msg);
	assert_int_equal(sqlite3_exec(h, "DELETE FROM users WHERE name ="
	    " 'wangli'", NULL, NULL, &msg), SQLITE_CONSTRAINT);
	sqlite3_free(msg);
	assert_int_equal(sqlite3_exec(h, "DELETE FROM audit_log", NULL, NULL,
	    &msg), SQLITE_CONSTRAINT);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	assert_int_equal(sqlite3_exec(h, "UPDATE audit_log SET summary = 'x'",
	    NULL, NULL, &msg), SQLITE_CONSTRAINT);
	assert_non_null(strstr(msg, "append-only"));
	sqlite3_free(msg);
	sqlite3_close(h);
	assert_int_equal(user_db_count(f->db, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(audit_count(f->db), 1);
	session_release(&admin);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bootstrap, setup_empty,
		    teardown),
		cmocka_unit_test_setup_teardown(test_login, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_login_wrong, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lockout, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_lockout_expired_counts_again, setup_staff, teardown),
		cmocka_unit_test_setup_teardown(test_denied_message, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_disabled, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_unlock, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_add, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_passwd, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_set_display, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_disable, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_enable, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_reauth, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_demo, setup_empty,
		    teardown),
		cmocka_unit_test_setup_teardown(test_demo_refused, setup_staff,
		    teardown),
		cmocka_unit_test_setup_teardown(test_never_deleted, setup_staff,
		    teardown),
	};
	int rc;

	test_locale();
	config_defaults(&cfg);
	cfg.max_failed_logins = 5;
	free(cfg.desk);
	cfg.desk = strdup("2号窗口");
	if (secure_pw_hash(pw_hash, PW) != 0) {
		fprintf(stderr, "cannot hash: %s\n", err_msg());
		return 1;
	}
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	return rc;
}
