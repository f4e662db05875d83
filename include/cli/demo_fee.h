/*
 * demo_fee.h: the fee year of `frontdesk demo`: fee items and standards (a
 * price rise half-way), a year of monthly water readings, bills for twelve
 * periods, the households' payments at the counter (monthly, quarterly, by
 * the year in advance, late, partly, and a few who stop paying), change
 * for cash, voids asked for and approved, the cashiers' daily closes with
 * the odd difference, the director's reviews, and reminders for the houses
 * in arrears.  Planned in memory from the seed alone, then done through
 * svc at the times planned, the clock moved forward for each.
 *
 * The numbers of bills, readings and payments depend on the seed and the
 * houses only, never on the day the demo is made; only when each happens
 * moves with the calendar.
 */
#ifndef FD_CLI_DEMO_FEE_H
#define FD_CLI_DEMO_FEE_H

#include <stdint.h>

struct db;
struct house_in;
struct session;

/* Estates with more houses than this get the last three periods only. */
#define DEMO_FEE_FULL_YEAR_HOUSES 30000

/* Who does the work. */
struct demo_fee_actors {
	struct session *director;  /* items, bills, approvals, reviews */
	struct session *cashier;   /* 陈静 */
	struct session *cashier2;  /* 赵敏 */
	struct session *reception; /* reminders */
};

/* What was done. */
struct demo_fee_stats {
	int periods;    /* bill periods */
	int bills;      /* bill lines made */
	int readings;   /* meter readings */
	int payments;
	int voids;      /* approved */
	int closes;     /* daily closes */
	int reminders;
};

struct demo_fee;

/*
 * When the fee year begins for a demo made at unix time now: 08:00 local
 * time on the first day of the month twelve months before now's.  The
 * houses must exist by then.
 */
int64_t demo_fee_start(int64_t now);

/*
 * Plan the fee year of the houses (as the demo imports them, in that
 * order), from seed, for a demo made at now.  Every event falls before now.
 * Returns the plan; free it with demo_fee_free().
 */
struct demo_fee *demo_fee_plan(uint64_t seed, int64_t now,
    const struct house_in *houses, int nhouses);

/*
 * Do every planned event that falls before until and is not done yet, in
 * order, each with the clock set to its time (clock_fake()).  The houses
 * must be in db (the first call looks up their ids).  Inside the caller's
 * transaction.  Returns 0 or the first error (message set).
 */
int demo_fee_run(struct demo_fee *f, struct db *db,
    const struct demo_fee_actors *a, int64_t until);

/* What was done so far.  OUT: *st. */
void demo_fee_stats(const struct demo_fee *f, struct demo_fee_stats *st);

/* Free the plan; *pf becomes NULL. */
void demo_fee_free(struct demo_fee **pf);

#endif
