/*
 * demo.h: the sample estate of `frontdesk demo`: buildings, houses, owners,
 * occupants, a few weeks of visits and a few months of service requests
 * that look like a real Chinese residential estate, made deterministically
 * from a seed and put into the database through the svc functions.
 */
#ifndef FD_CLI_DEMO_H
#define FD_CLI_DEMO_H

#include <stdint.h>

struct config;
struct db;

/* Households (residences) of the default demo, and the most accepted. */
#define DEMO_HOUSEHOLDS 3000
#define DEMO_HOUSEHOLDS_MAX 200000
/* The seed of the default demo. */
#define DEMO_SEED 2026

/* What demo_fill() made. */
struct demo_stats {
	int households;  /* residences */
	int buildings;   /* residential buildings */
	int houses;      /* every house: residences, shops, parking, stores */
	int owner_lines; /* holdings */
	int occupants;
	int visits;
	int requests;     /* service requests */
	int request_days; /* over this many days */
	int fee_periods;  /* bill periods of the fee year (demo_fee.h) */
	int bills;        /* bill lines */
	int readings;     /* water meter readings */
	int payments;     /* payments at the counter */
};

/*
 * The first moment of a demo made at unix time now: 08:00 local time on
 * the first day of its fee year, twelve months back (demo_fee_start()),
 * before the estate's day (DEMO_DAYS back) on which visits and requests
 * begin.  The caller sets the clock to it (clock_fake()) before creating
 * the database, so that the audit trail runs forward.
 */
int64_t demo_start(int64_t now);

/*
 * Fill db, a fresh demo database that already has the demo accounts
 * (svc_demo_init()), with households residences (0: none, the accounts
 * only) and what goes with them,
 * the same for the same seed and the same now.  The clock must read
 * demo_start(now): houses and owners are stored then, the fee year's
 * bills, readings and payments from then on (demo_fee.h), occupants on the
 * estate's day, and the visits and requests from then up to now, the clock
 * moved forward for each (it is left at now: the caller puts it back with
 * clock_fake(0)).  Logs in as the demo director, receptionist and both
 * cashiers; everything is stored in one transaction.
 * OUT: *st when not NULL.
 * Returns 0, ERR_INVALID (households out of 0..DEMO_HOUSEHOLDS_MAX) or an
 * error (message set).
 */
int demo_fill(struct db *db, const struct config *cfg, int households,
    uint64_t seed, int64_t now, struct demo_stats *st);

#endif
