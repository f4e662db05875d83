/*
 * test_paykill.c: `frontdesk pay` killed with SIGKILL at random moments,
 * 100 times ($FD_BIN, set by the test runner).  The moments are spread over
 * the whole run and packed around the payment itself (after the slow
 * password check), so many kills land inside the payment's transaction or
 * the printing of its receipt.  After every kill the next desk to open the
 * file must find: the file whole (quick_check), the audit chain intact,
 * every payment whole or absent (its lines and credit add up to it, its
 * bills' paid amounts agree, its audit row is there), receipt numbers
 * gap-free; every 10th time the real program's `check` must pass too.
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

#include <sqlite3.h>

#include "db/audit_db.h"
#include "db/db.h"
#include "db/fee_db.h"
#include "db/house_db.h"
#include "db/payment_db.h"
#include "db/user_db.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "util/config.h"
#include "util/err.h"
#include "util/secure.h"

#define NKILLS 100
#define PW "Paykill-2024"

static struct config cfg;
static char db_file[512];

static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
sleep_us(long long us)
{
	struct timespec ts = {us / 1000000, (us % 1000000) * 1000};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Accounts, one house with a year of bills. */
static int
fixture(struct db *db, void *arg)
{
	const char *hash = arg;
	struct house h;
	struct fee_item it = {0, "物业服务费", FEE_AREA, "", "all", 1};
	int64_t hid, iid;
	int rc;

	if ((rc = user_db_insert(db, "admin", "系统管理员", "admin", hash,
	    1700000000, NULL)) != 0 ||
	    (rc = user_db_insert(db, "director", "李主任", "director", hash,
	    1700000000, NULL)) != 0 ||
	    (rc = user_db_insert(db, "chenjing", "陈静", "cashier", hash,
	    1700000000, NULL)) != 0)
		return rc;
	memset(&h, 0, sizeof h);
	h.building = 3;
	h.entrance = 2;
	h.room = 1501;
	h.floor = 15;
	h.code = "3-2-1501";
	h.area_centi = 8937;
	h.use = HOUSE_USE_RESIDENCE;
	h.state = HOUSE_OCCUPIED;
	h.notes = "";
	if ((rc = house_db_insert(db, &h, 1700000000, &hid)) != 0 ||
	    (rc = fee_db_item_insert(db, &it, &iid)) != 0)
		return rc;
	return fee_db_standard_insert(db, iid, "2000-01-01", 12000);
}

/* The director's session, made by hand (no password check). */
static void
director(struct db *db, struct session *s)
{
	struct user_row u = {0};

	assert_int_equal(user_db_get(db, "director", &u), 0);
	memset(s, 0, sizeof *s);
	s->db = db;
	s->cfg = &cfg;
	s->user_id = u.id;
	s->user = strdup("director");
	s->display = strdup("李主任");
	s->role = ROLE_DIRECTOR;
	s->desk = strdup("主任室");
	user_row_release(&u);
}

/* One `frontdesk pay`; killed after delay_us unless it ends first. */
static int
run_pay(long long delay_us, int *killed, long long *took_us)
{
	const char *bin = getenv("FD_BIN");
	int in[2], status;
	long long t0 = now_us(), t;
	pid_t pid, r;

	assert_int_equal(pipe(in), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		FILE *null = freopen("/dev/null", "w", stdout);

		(void)null;
		if (freopen("/dev/null", "w", stderr) == NULL)
			_exit(126);
		dup2(in[0], 0);
		close(in[0]);
		close(in[1]);
		setenv("FRONTDESK_CONFIG", test_path("frontdesk.ini"), 1);
		execl(bin, bin, "--db", db_file, "pay", "--house", "3-2-1501",
		    "--amount", "9.99", "--method", "cash", "--tendered", "20",
		    "--credit", "--user", "chenjing", "--password-stdin",
		    (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	assert_int_equal(write(in[1], PW "\n", sizeof PW), (ssize_t)sizeof PW);
	close(in[1]);
	*killed = 0;
	for (;;) {
		r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			break;
		t = now_us() - t0;
		if (delay_us >= 0 && t >= delay_us) {
			kill(pid, SIGKILL);
			assert_int_equal(waitpid(pid, &status, 0), pid);
			break;
		}
		sleep_us(delay_us >= 0 && delay_us - t < 200 ? 20 : 200);
	}
	*took_us = now_us() - t0;
	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
		*killed = 1;
		return 0;
	}
	if (!WIFEXITED(status))
		fail_msg("pay ended oddly: status %#x", status);
	return WEXITSTATUS(status);
}

/* Count audit rows of one action. */
static int64_t
audit_actions(const char *action)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	assert_int_equal(sqlite3_open(db_file, &h), SQLITE_OK);
	sqlite3_busy_timeout(h, 5000);
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT count(*) FROM "
	    "audit_log WHERE action = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, action, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return n;
}

/* What the next desk finds: all must hold.  OUT: *payments. */
static void
inspect(int i, int64_t *payments)
{
	struct db *db = NULL;
	struct pay_check k;
	int64_t n;

	if (db_open(&db, db_file, cfg.busy_timeout_ms, 0) != 0)
		fail_msg("kill %d: db_open: %s", i, err_msg());
	if (db_integrity(db, 0) != 0)
		fail_msg("kill %d: integrity: %s", i, err_msg());
	if (audit_db_verify(db, &n) != 0)
		fail_msg("kill %d: audit chain: %s", i, err_msg());
	if (payment_db_check(db, &k) != 0)
		fail_msg("kill %d: check: %s", i, err_msg());
	if (k.gaps || k.unbalanced || k.misallocated || k.bad_credit ||
	    k.after_close || k.bad_closes)
		fail_msg("kill %d: gaps %lld unbalanced %lld misallocated %lld "
		    "credit %lld", i, (long long)k.gaps,
		    (long long)k.unbalanced, (long long)k.misallocated,
		    (long long)k.bad_credit);
	db_close(&db);
	/* every payment came with its audit row, in one transaction */
	if (audit_actions("payment.add") != k.payments)
		fail_msg("kill %d: %lld payments but %lld audit rows", i,
		    (long long)k.payments,
		    (long long)audit_actions("payment.add"));
	*payments = k.payments;
}

static void
test_pay_kill_loop(void **state)
{
	char hash[SECURE_PWHASH_BYTES], out[4096], period[32];
	struct session s;
	struct db *db = NULL;
	long long took, t_full = 0, delay;
	int64_t before, after;
	int i, killed, rc, nkilled = 0, ndone = 0, mid = 0, m;

	(void)state;
	if (getenv("FD_BIN") == NULL)
		fail_msg("FD_BIN is not set: run through 'make check-db' or"
		    " set FD_BIN to the built frontdesk");
	snprintf(db_file, sizeof db_file, "%s", test_path("paykill.db"));
	unlink(db_file);
	assert_int_equal(secure_pw_hash(hash, PW), 0);
	assert_int_equal(db_open(&db, db_file, cfg.busy_timeout_ms,
	    DB_OPEN_CREATE), 0);
	assert_int_equal(db_tx(db, fixture, hash), 0);
	director(db, &s);
	for (m = 1; m <= 12; m++) {
		snprintf(period, sizeof period, "2025-%02d", m);
		if (svc_bill_generate(&s, period, NULL, NULL, NULL) != 0)
			fail_msg("bills %s: %s", period, err_msg());
	}
	session_release(&s);
	db_close(&db);

	/* how long one whole payment takes here */
	for (i = 0; i < 3; i++) {
		rc = run_pay(-1, &killed, &took);
		if (rc != 0)
			fail_msg("a plain pay exited %d", rc);
		t_full += took;
	}
	t_full /= 3;
	inspect(0, &before);
	assert_int_equal(before, 3);
	srand(20261129);
	for (i = 1; i <= NKILLS; i++) {
		/* a third anywhere in the run, the rest in its last fifth
		 * and a little after, where the payment is taken and the
		 * receipt printed (the password check before it is slow on
		 * purpose) */
		if (i % 3 == 0)
			delay = rand() % (t_full + 1);
		else
			delay = t_full * 8 / 10 + rand() % (t_full / 4 + 1);
		rc = run_pay(delay, &killed, &took);
		if (!killed && rc != 0)
			fail_msg("kill %d: pay exited %d on its own", i, rc);
		inspect(i, &after);
		if (getenv("PAYKILL_DEBUG"))
			fprintf(stderr, "%d: delay %lld took %lld killed %d "
			    "payments %lld\n", i, delay, took, killed,
			    (long long)after);
		if (after < before || after > before + 1)
			fail_msg("kill %d: payments went from %lld to %lld", i,
			    (long long)before, (long long)after);
		if (killed) {
			nkilled++;
			if (after > before)
				mid++; /* killed after the commit */
		} else {
			ndone++;
		}
		before = after;
		if (i % 10 == 0 &&
		    (rc = test_run_check(db_file, PW, out, sizeof out)) != 0)
			fail_msg("kill %d: frontdesk check exited %d:\n%s", i,
			    rc, out);
	}
	/* the kills did land: many runs killed, some after their payment */
	if (nkilled < NKILLS / 3)
		fail_msg("only %d of %d runs were killed (%d finished)",
		    nkilled, NKILLS, ndone);
	print_message("paykill: %d killed (%d after their payment), %d "
	    "finished, a run takes %lld ms\n", nkilled, mid, ndone,
	    t_full / 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pay_kill_loop),
	};
	char ini[700];
	int rc;

	test_locale();
	snprintf(ini, sizeof ini, "[ui]\nlanguage = en\n[desk]\nname = "
	    "1号窗口\n[log]\npath = %s\n", test_path("frontdesk.log"));
	test_write_file(test_path("frontdesk.ini"), ini);
	config_defaults(&cfg);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	config_release(&cfg);
	return rc;
}
