/*
 * test_crash.c: a desk killed in the middle of its work (power cut, kill
 * -9) leaves a file that opens, passes the integrity check and the audit
 * chain, and in which no change is ever separated from its audit row.
 * 100 times a fresh child changes its display name in a loop and is killed
 * with SIGKILL after a random 0-20 ms; every 10th time the real program's
 * `check` must pass too ($FD_BIN, set by the test runner).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testlib.h"

#include "db/audit_db.h"
#include "db/db.h"
#include "db/user_db.h"
#include "svc/session.h"
#include "svc/svc_user.h"
#include "util/config.h"
#include "util/err.h"
#include "util/secure.h"

#define NKILLS 100
#define PW "Crash-2024"
#define FIRST_DISPLAY "王丽"

static struct config cfg;

static int
add_accounts(struct db *db, void *arg)
{
	const char *hash = arg;
	int rc;

	if ((rc = user_db_insert(db, "admin", "系统管理员", "admin", hash,
	    1700000000, NULL)) != 0)
		return rc;
	return user_db_insert(db, "wangli", FIRST_DISPLAY, "receptionist",
	    hash, 1700000000, NULL);
}

/*
 * The child: its own connection, the parent's session (plain data) pointed
 * at it, then display changes until it is killed.  Tells the parent when it
 * starts writing.  No cmocka here.
 */
static void
writer_main(const char *path, struct session *s, int base, int ready)
{
	struct db *db = NULL;
	char display[64];
	int n;

	if (db_open(&db, path, cfg.busy_timeout_ms, 0) != 0)
		_exit(2);
	s->db = db;
	if (write(ready, "r", 1) != 1)
		_exit(3);
	for (n = base;; n++) {
		snprintf(display, sizeof display, "名字%d", n);
		if (svc_user_set_display(s, display) != 0)
			_exit(4);
	}
}

/* The display the newest user.display row of user id set, or NULL. */
static char *
last_audited_display(struct db *db, int64_t id)
{
	struct audit_row *rows;
	const char *arrow;
	char *out = NULL;
	int n, i;

	assert_int_equal(audit_db_recent(db, "user", id, 50, &rows, &n), 0);
	for (i = 0; i < n && out == NULL; i++) {
		if (strcmp(rows[i].action, "user.display") != 0)
			continue;
		arrow = strstr(rows[i].summary, " -> ");
		assert_non_null(arrow);
		out = strdup(arrow + 4);
	}
	for (i = 0; i < n; i++)
		audit_row_release(&rows[i]);
	free(rows);
	return out;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void
test_crash_loop(void **state)
{
	const char *path = test_path("crash.db");
	char hash[SECURE_PWHASH_BYTES], out[4096], c;
	struct user_row u;
	struct session s;
	struct db *db = NULL;
	char *audited;
	int i, ready[2], status, rc, changed = 0;
	char prev[64] = FIRST_DISPLAY;
	int64_t id, n;
	pid_t pid;

	(void)state;
	if (getenv("FD_BIN") == NULL)
		fail_msg("FD_BIN is not set: run through 'make check-db' or"
		    " set FD_BIN to the built frontdesk");
	unlink(path);
	assert_int_equal(secure_pw_hash(hash, PW), 0);
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms,
	    DB_OPEN_CREATE), 0);
	assert_int_equal(db_tx(db, add_accounts, hash), 0);
	/* One real login; the children reuse the session's data. */
	assert_int_equal(svc_login(db, &cfg, "wangli", PW, &s), 0);
	id = s.user_id;
	db_close(&db); /* never carried across fork */
	s.db = NULL;
	srand(20240610);

	for (i = 1; i <= NKILLS; i++) {
		assert_int_equal(pipe(ready), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(ready[0]);
			writer_main(path, &s, i * 100000, ready[1]);
		}
		close(ready[1]);
		if (read(ready[0], &c, 1) != 1) {
			waitpid(pid, &status, 0);
			fail_msg("kill %d: the writer died first (status %#x)",
			    i, status);
		}
		close(ready[0]);
		sleep_ms(rand() % 21);
		assert_int_equal(kill(pid, SIGKILL), 0);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
			fail_msg("kill %d: the writer stopped on its own "
			    "(status %#x)", i, status);

		/* What the next desk to start would find. */
		if (db_open(&db, path, cfg.busy_timeout_ms, 0) != 0)
			fail_msg("kill %d: db_open: %s", i, err_msg());
		if (db_integrity(db, 0) != 0)
			fail_msg("kill %d: integrity: %s", i, err_msg());
		if (audit_db_verify(db, &n) != 0)
			fail_msg("kill %d: audit chain: %s", i, err_msg());
		memset(&u, 0, sizeof u);
		assert_int_equal(user_db_get(db, "wangli", &u), 0);
		audited = last_audited_display(db, id);
		if (strcmp(u.display, audited ? audited : FIRST_DISPLAY) != 0)
			fail_msg("kill %d: display is '%s' but the audit log "
			    "last set '%s'", i, u.display,
			    audited ? audited : "(nothing)");
		/* Each writer has its own numbers: a new one wrote. */
		if (strcmp(u.display, prev) != 0)
			changed++;
		snprintf(prev, sizeof prev, "%s", u.display);
		free(audited);
		user_row_release(&u);
		db_close(&db);

		if (i % 10 == 0 &&
		    (rc = test_run_check(path, PW, out, sizeof out)) != 0)
			fail_msg("kill %d: frontdesk check exited %d:\n%s", i,
			    rc, out);
	}
	/* The kills did land in the middle of the work (about 9 in 10 do on
	 * a quick disk; a slow fsync lets fewer writers commit at all). */
	if (changed < NKILLS / 10)
		fail_msg("only %d of %d writers got a change in", changed,
		    NKILLS);
	session_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crash_loop),
	};
	char ini[700];
	int rc;

	test_locale();
	/* For the real program: English, and a log of its own. */
	snprintf(ini, sizeof ini, "[ui]\nlanguage = en\n[log]\npath = %s\n",
	    test_path("frontdesk.log"));
	test_write_file(test_path("frontdesk.ini"), ini);
	config_defaults(&cfg);
	cfg.max_failed_logins = 5;
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	return rc;
}
