/*
 * bench_db.c: the foundation's figures for `make bench`: opening and
 * migrating, cached lookups (P1, P5), audit appends (one committed
 * transaction each, synchronous=FULL), the password check (P12).  Prints
 * each figure beside its target; a benchmark, not a test: it never fails
 * on time.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/audit_db.h"
#include "db/db.h"
#include "db/user_db.h"
#include "svc/audit.h"
#include "util/clock.h"
#include "util/secure.h"
#include "util/xalloc.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
pct(double *v, int n, double p)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[(int)(p * (n - 1))];
}

static void
row(const char *id, const char *what, const char *value, const char *target)
{
	printf("%-4s %-44s %18s   target %s\n", id, what, value, target);
}

static int
audit_one(struct db *db, void *arg)
{
	int *i = arg;

	return svc_audit_as(db, 1, "bench", "bench", "bench.append", "bench",
	    *i, "append %d", *i);
}

/* Users u0..u{n-1} with one shared hash, in one transaction. */
struct fill {
	int n;
	const char *hash;
};

static int
fill_users(struct db *db, void *arg)
{
	struct fill *f = arg;
	char name[32];
	int i, rc;

	for (i = 0; i < f->n; i++) {
		snprintf(name, sizeof name, "u%06d", i);
		if ((rc = user_db_insert(db, name, name, "cashier", f->hash,
		    1, NULL)) != 0)
			return rc;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	char path[512], buf[64], hash[SECURE_PWHASH_BYTES];
	enum { NLOOK = 100000, NAPPEND = 2000, NPW = 10, NUSERS = 100000 };
	static double t[NLOOK];
	struct db *db = NULL;
	struct user_row u;
	struct fill f;
	double t0, t1;
	long before;
	int i;

	setlocale(LC_ALL, "C.UTF-8");
	snprintf(path, sizeof path, "%s/bench-db-%ld.db", dir, (long)getpid());
	unlink(path);
	t0 = now_ms();
	if (db_open(&db, path, 5000, DB_OPEN_CREATE) != 0)
		return fprintf(stderr, "open failed\n"), 1;
	t1 = now_ms();
	snprintf(buf, sizeof buf, "%.2f ms", t1 - t0);
	row("", "create and migrate a new database", buf, "(none; < 50 ms)");
	db_close(&db);
	t0 = now_ms();
	db_open(&db, path, 5000, 0);
	t1 = now_ms();
	snprintf(buf, sizeof buf, "%.2f ms", t1 - t0);
	row("", "open an existing database", buf, "(part of P10 < 200 ms)");

	secure_pw_hash(hash, "bench-password");
	f.n = NUSERS;
	f.hash = hash;
	db_tx(db, fill_users, &f);

	for (i = 0; i < 1000; i++) { /* warm up */
		snprintf(buf, sizeof buf, "u%06d", i * 97 % NUSERS);
		user_db_get(db, buf, &u);
		user_row_release(&u);
	}
	before = db_prepare_count(db);
	for (i = 0; i < NLOOK; i++) {
		snprintf(buf, sizeof buf, "u%06d", (i * 7919) % NUSERS);
		t0 = now_ms();
		user_db_get(db, buf, &u);
		t[i] = now_ms() - t0;
		user_row_release(&u);
	}
	snprintf(buf, sizeof buf, "p50 %.4f p99 %.4f ms", pct(t, NLOOK, .5),
	    pct(t, NLOOK, .99));
	row("P1", "cached lookup by key, 100k rows", buf, "p99 < 1 ms");
	snprintf(buf, sizeof buf, "%ld", db_prepare_count(db) - before);
	row("P5", "statements prepared after warm-up", buf, "0");

	t0 = now_ms();
	for (i = 0; i < NAPPEND; i++) {
		t[i] = now_ms();
		db_tx(db, audit_one, &i);
		t[i] = now_ms() - t[i];
	}
	t1 = now_ms();
	snprintf(buf, sizeof buf, "%.0f /s", NAPPEND / ((t1 - t0) / 1e3));
	row("", "audited changes committed (FULL sync)", buf, "(none)");
	snprintf(buf, sizeof buf, "p50 %.3f p99 %.3f ms", pct(t, NAPPEND, .5),
	    pct(t, NAPPEND, .99));
	row("", "one audited transaction", buf, "(P4 < 20 ms)");

	for (i = 0; i < NPW; i++) {
		t0 = now_ms();
		secure_pw_verify(hash, "bench-password");
		t[i] = now_ms() - t0;
	}
	snprintf(buf, sizeof buf, "p50 %.0f max %.0f ms", pct(t, NPW, .5),
	    pct(t, NPW, 1));
	row("P12", "password check (argon2id)", buf, "20-300 ms");

	t0 = now_ms();
	audit_db_verify(db, NULL);
	t1 = now_ms();
	snprintf(buf, sizeof buf, "%.1f ms", t1 - t0);
	row("", "verify audit chain (2k rows)", buf, "(none)");
	db_close(&db);
	unlink(path);
	return 0;
}
