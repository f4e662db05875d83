/*
 * test_race.c: two desks change the same account at the same moment.  Two
 * forked processes, each with its own connection and session, are released
 * together (pipes as a barrier) to disable the same user, 200 times: each
 * time exactly one wins, the other is told the account is already disabled,
 * nobody ever gets "busy", and the audit log has one row per change.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
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

#define NROUNDS 200
#define PW "Race-2024"

static struct config cfg;

/* One racing desk, as the parent sees it. */
struct desk {
	pid_t pid;
	int go;     /* parent writes the round number */
	int result; /* child writes its answer */
};

/* What a desk answers for one round. */
struct answer {
	int round;
	int rc;
	char msg[200];
};

static int
read_full(int fd, void *p, size_t n)
{
	char *c = p;
	ssize_t r;

	while (n > 0) {
		r = read(fd, c, n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		c += r;
		n -= (size_t)r;
	}
	return 0;
}

static void
write_full(int fd, const void *p, size_t n)
{
	if (write(fd, p, n) != (ssize_t)n)
		_exit(3);
}

/* Two administrators and NROUNDS victims, all with one precomputed hash. */
static int
add_accounts(struct db *db, void *arg)
{
	const char *hash = arg;
	char name[16], display[32];
	int i, rc;

	if ((rc = user_db_insert(db, "admin1", "一号管理员", "admin", hash,
	    1700000000, NULL)) != 0 ||
	    (rc = user_db_insert(db, "admin2", "二号管理员", "admin", hash,
	    1700000000, NULL)) != 0)
		return rc;
	for (i = 0; i < NROUNDS; i++) {
		snprintf(name, sizeof name, "u%03d", i);
		snprintf(display, sizeof display, "员工%03d", i);
		if ((rc = user_db_insert(db, name, display, "receptionist",
		    hash, 1700000000, NULL)) != 0)
			return rc;
	}
	return 0;
}

/*
 * The child: its own connection and session, then one disable per round
 * until the parent closes the go pipe.  Never returns; no cmocka here.
 */
static void
desk_main(const char *path, const char *user, int go, int result)
{
	struct answer a = {-1, 0, ""};
	struct session s;
	struct db *db = NULL;
	char name[16];

	if ((a.rc = db_open(&db, path, cfg.busy_timeout_ms, 0)) == 0)
		a.rc = svc_login(db, &cfg, user, PW, &s);
	snprintf(a.msg, sizeof a.msg, "%s", err_msg());
	write_full(result, &a, sizeof a); /* ready, or why not */
	if (a.rc != 0)
		_exit(1);
	while (read_full(go, &a.round, sizeof a.round) == 0) {
		snprintf(name, sizeof name, "u%03d", a.round);
		err_clear();
		a.rc = svc_user_disable(&s, name);
		snprintf(a.msg, sizeof a.msg, "%s", err_msg());
		write_full(result, &a, sizeof a);
	}
	session_release(&s);
	db_close(&db);
	_exit(0);
}

/*
 * Fork desk d.  The desks started before it are passed in, so that the
 * child closes their pipes: a desk must see EOF when the parent lets go.
 */
static void
start_desk(struct desk *d, const struct desk *before, int nbefore,
    const char *path, const char *user)
{
	int go[2], res[2], i;

	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(res), 0);
	d->pid = fork();
	assert_true(d->pid >= 0);
	if (d->pid == 0) {
		for (i = 0; i < nbefore; i++) {
			close(before[i].go);
			close(before[i].result);
		}
		close(go[1]);
		close(res[0]);
		desk_main(path, user, go[0], res[1]);
	}
	close(go[0]);
	close(res[1]);
	d->go = go[1];
	d->result = res[0];
}

static void
test_race_disable(void **state)
{
	const char *path = test_path("race.db");
	char hash[SECURE_PWHASH_BYTES];
	struct desk desks[2];
	struct answer a[2];
	struct audit_row *rows;
	struct user_row *users;
	struct db *db = NULL;
	int r, k, nrows, ndisable, wins[2] = {0, 0}, status;
	int64_t n;

	(void)state;
	unlink(path);
	assert_int_equal(secure_pw_hash(hash, PW), 0);
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms,
	    DB_OPEN_CREATE), 0);
	assert_int_equal(db_tx(db, add_accounts, hash), 0);
	db_close(&db); /* never carried across fork */

	start_desk(&desks[0], NULL, 0, path, "admin1");
	start_desk(&desks[1], desks, 1, path, "admin2");
	for (k = 0; k < 2; k++) {
		assert_int_equal(read_full(desks[k].result, &a[k],
		    sizeof a[k]), 0);
		if (a[k].rc != 0)
			fail_msg("desk %d could not start: %s", k, a[k].msg);
	}

	for (r = 0; r < NROUNDS; r++) {
		/* Both are blocked in read(): let them go together, each
		 * first in turn, so neither always has the head start (on a
		 * loaded machine the first one woken would win every round). */
		for (k = 0; k < 2; k++)
			assert_int_equal(write(desks[(k + r) % 2].go, &r,
			    sizeof r), (ssize_t)sizeof r);
		for (k = 0; k < 2; k++) {
			assert_int_equal(read_full(desks[k].result, &a[k],
			    sizeof a[k]), 0);
			assert_int_equal(a[k].round, r);
			if (a[k].rc == ERR_BUSY)
				fail_msg("round %d: desk %d busy: %s", r, k,
				    a[k].msg);
		}
		if (!((a[0].rc == 0 && a[1].rc == ERR_STATE) ||
		    (a[0].rc == ERR_STATE && a[1].rc == 0)))
			fail_msg("round %d: desks answered %d ('%s') and %d "
			    "('%s')", r, a[0].rc, a[0].msg, a[1].rc, a[1].msg);
		k = a[0].rc == 0 ? 1 : 0; /* the loser */
		if (strstr(a[k].msg, "already disabled") == NULL)
			fail_msg("round %d: loser's message '%s'", r,
			    a[k].msg);
		wins[1 - k]++;
	}
	for (k = 0; k < 2; k++) {
		close(desks[k].go);
		assert_int_equal(waitpid(desks[k].pid, &status, 0),
		    desks[k].pid);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		close(desks[k].result);
	}
	assert_int_equal(wins[0] + wins[1], NROUNDS);
	/* Each desk won some rounds: they really raced. */
	if (wins[0] == 0 || wins[1] == 0)
		fail_msg("one desk won every round (%d:%d): no race", wins[0],
		    wins[1]);

	/* One audit row per change, the chain intact, every victim off. */
	assert_int_equal(db_open(&db, path, cfg.busy_timeout_ms, 0), 0);
	assert_int_equal(audit_db_verify(db, &n), 0);
	assert_int_equal(audit_db_recent(db, NULL, 0, 10000, &rows, &nrows),
	    0);
	assert_int_equal(nrows, n);
	ndisable = 0;
	for (k = 0; k < nrows; k++) {
		if (strcmp(rows[k].action, "user.disable") == 0)
			ndisable++;
		audit_row_release(&rows[k]);
	}
	free(rows);
	assert_int_equal(ndisable, NROUNDS);
	assert_int_equal(nrows, NROUNDS + 2); /* and the two logins */
	assert_int_equal(user_db_list(db, &users, &nrows), 0);
	assert_int_equal(nrows, NROUNDS + 2);
	for (k = 0; k < nrows; k++) {
		if (users[k].name[0] == 'u')
			assert_false(users[k].active);
		else
			assert_true(users[k].active);
		user_row_release(&users[k]);
	}
	free(users);
	assert_int_equal(db_integrity(db, 0), 0);
	db_close(&db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_race_disable),
	};
	int rc;

	test_locale();
	config_defaults(&cfg);
	cfg.max_failed_logins = 5;
	test_tmpdir();
	signal(SIGPIPE, SIG_IGN); /* a dead desk: a write error, not a kill */
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	return rc;
}
