/*
 * fee_db.h: SQL of the receivable side of fee collection (应收): fee items
 * and their standards, meter readings, bills, and the reading queries of
 * arrears and the monthly report.  No business rules (svc validates,
 * computes with core/fee.h and audits); never deletes; a bill changes only
 * by what is paid of it (schema triggers).
 *
 * Days are "YYYY-MM-DD" and periods "YYYY-MM" in fixed buffers.  Money is
 * fen, prices ten-thousandths of a yuan, quantities hundredths.
 */
#ifndef FD_DB_FEE_DB_H
#define FD_DB_FEE_DB_H

#include <stdint.h>

#include "core/date.h"
#include "core/fee.h"
#include "core/household.h"

struct db;

/* ---- fee items and standards ------------------------------------------- */

/* A fee item (收费项目).  Strings owned; free with fee_item_release(). */
struct fee_item {
	int64_t id;
	char *name;          /* 物业服务费 */
	enum fee_kind kind;
	char *unit;          /* metered: 吨, 度; "" otherwise */
	char *applies;       /* canonical fee_applies_format() text */
	int active;          /* 0: no longer billed (kept for history) */
};

void fee_item_release(struct fee_item *it);

/* A caller-owned list of items. */
struct fee_item_vec {
	struct fee_item *v;
	int n;
};

void fee_item_vec_release(struct fee_item_vec *v);

/*
 * Every item, by kind (area, metered, fixed, once, late) then id; the
 * inactive ones too when all.  OUT: *out.  0 or an error.
 */
int fee_db_items(struct db *db, int all, struct fee_item_vec *out);

/* By id, or by exact name.  OUT: *out.  0, ERR_NOTFOUND or an error. */
int fee_db_item_get(struct db *db, int64_t id, struct fee_item *out);
int fee_db_item_by_name(struct db *db, const char *name,
    struct fee_item *out);

/* The built-in late-fee item (滞纳金).  OUT: *id.  0 or an error. */
int fee_db_late_item(struct db *db, int64_t *id);

/*
 * Insert it (its id ignored).  OUT: *id when not NULL.
 * 0, ERR_CONFLICT (the name is taken), ERR_INVALID (a CHECK) or an error.
 */
int fee_db_item_insert(struct db *db, const struct fee_item *it,
    int64_t *id);

/*
 * Update name, unit, applies and active of item it->id (the kind never
 * changes).  0, ERR_NOTFOUND, ERR_CONFLICT (name taken) or an error.
 */
int fee_db_item_update(struct db *db, const struct fee_item *it);

/*
 * The standards of an item, by valid_from ascending.
 * OUT: *v (xmalloc'd, NULL when none; caller frees), *n.  0 or an error.
 */
int fee_db_standards(struct db *db, int64_t item_id,
    struct fee_standard **v, int *n);

/* Insert a standard.  0, ERR_CONFLICT (same item and day) or an error. */
int fee_db_standard_insert(struct db *db, int64_t item_id,
    const char *valid_from, int64_t price_e4);

/*
 * The latest period an item has bills for (not counting late fees).
 * OUT: period ("" when none).  0 or an error.
 */
int fee_db_last_billed(struct db *db, int64_t item_id,
    char period[DATE_PERIOD_BUFSZ]);

/* ---- meter readings ---------------------------------------------------- */

/* One meter reading (抄表) of a house, item and period. */
struct meter_reading {
	int64_t house_id;
	int64_t item_id;
	char period[DATE_PERIOD_BUFSZ];
	struct fee_reading r;   /* prev, cur, replaced, old_end, new_start */
	int64_t user_id;        /* who entered it */
};

/* The reading of house, item and period.  OUT: *out.  0, ERR_NOTFOUND. */
int fee_db_reading_get(struct db *db, int64_t house_id, int64_t item_id,
    const char *period, struct meter_reading *out);

/*
 * The newest reading of house and item before period (the previous
 * reading's cur is where this one starts).  OUT: *out.  0, ERR_NOTFOUND.
 */
int fee_db_reading_before(struct db *db, int64_t house_id, int64_t item_id,
    const char *period, struct meter_reading *out);

/*
 * The average usage of the (up to 12) newest readings of house and item
 * before period.  OUT: *avg_centi (0 when none), *n (how many).
 */
int fee_db_reading_avg(struct db *db, int64_t house_id, int64_t item_id,
    const char *period, int64_t *avg_centi, int *n);

/*
 * Store a reading, replacing the one of the same house, item and period
 * (a correction, refused by the schema once it is billed: ERR_INVALID).
 * OUT: *replaced_old (1 when there was one) when not NULL.
 */
int fee_db_reading_put(struct db *db, const struct meter_reading *m,
    int *replaced_old);

/*
 * Call fn for every reading of item in period (for bill generation), by
 * house.  Stops at fn's non-zero return and returns it.
 */
int fee_db_each_reading(struct db *db, int64_t item_id, const char *period,
    int (*fn)(const struct meter_reading *m, void *arg), void *arg);

/* ---- bills ------------------------------------------------------------- */

/* One bill line (应收).  Strings owned; free with bill_release(). */
struct bill {
	int64_t id;
	int64_t house_id;
	int64_t item_id;
	char period[DATE_PERIOD_BUFSZ];
	int64_t qty_centi;      /* area, usage, 100 (one), or late days × 100 */
	int64_t price_e4;       /* the standard used (late: the daily rate per
				   10,000) */
	int64_t amount_fen;     /* > 0, never changes */
	int64_t paid_fen;       /* 0..amount_fen */
	char due[DATE_BUFSZ];
	int64_t late_of;        /* a late fee: the bill it is charged on; 0 */
	char late_to[DATE_BUFSZ]; /* a late fee: charged up to this day */
	char *item_name;        /* joined: 物业服务费 */
	enum fee_kind kind;     /* joined */
	char *house_code;       /* joined: "3-2-1502" */
};

void bill_release(struct bill *b);

/* A caller-owned list of bills. */
struct bill_vec {
	struct bill *v;
	int n;
};

void bill_vec_release(struct bill_vec *v);

/*
 * Insert b (id, paid, joined fields ignored) unless the house already has
 * the item for the period (a late fee: unless the same bill and day):
 * generating twice creates nothing twice.
 * OUT: *id (the new id, or 0) and *created (1 or 0) when not NULL.
 * 0, ERR_INVALID (a CHECK) or an error.
 */
int fee_db_bill_insert(struct db *db, const struct bill *b, int64_t *id,
    int *created);

/* By id, with its item and house.  OUT: *out.  0, ERR_NOTFOUND. */
int fee_db_bill_get(struct db *db, int64_t id, struct bill *out);

/*
 * The open bills of a house (paid < amount), oldest first: by due day,
 * period, item, id.  OUT: *out.  0 or an error.
 */
int fee_db_bills_open(struct db *db, int64_t house_id, struct bill_vec *out);

/*
 * Every bill of a house, newest period first (at most limit; 0: all).
 * OUT: *out.
 */
int fee_db_bills_of_house(struct db *db, int64_t house_id, int limit,
    struct bill_vec *out);

/*
 * Add amount_fen to what is paid of bill id, only while it stays within
 * the amount: the guard that makes two desks unable to pay one bill twice.
 * Returns 0, ERR_CONFLICT (it would pay more than is open: someone paid
 * meanwhile; no message set) or an error.
 */
int fee_db_bill_pay(struct db *db, int64_t id, int64_t amount_fen);

/*
 * Take amount_fen back from what is paid of bill id (a void reopens it).
 * 0, ERR_CONFLICT (less is paid than that; no message) or an error.
 */
int fee_db_bill_unpay(struct db *db, int64_t id, int64_t amount_fen);

/*
 * Whether house has a bill of item for period (not a late fee).
 * OUT: *exists (1 or 0).
 */
int fee_db_bill_exists(struct db *db, int64_t house_id, int64_t item_id,
    const char *period, int *exists);

/* The day a bill's late fees were last charged up to.  OUT: to ("" none). */
int fee_db_late_last(struct db *db, int64_t bill_id, char to[DATE_BUFSZ]);

/*
 * The open bills due before day, of one house (house_id > 0) or of all,
 * not late fees themselves: the bills late fees are charged on.
 * OUT: *out.
 */
int fee_db_bills_overdue(struct db *db, int64_t house_id, const char *day,
    struct bill_vec *out);

/*
 * Call fn for every bill with its item and house, by id (exports).  The
 * bill is valid only during the call.  Stops at fn's non-zero return.
 */
int fee_db_each_bill(struct db *db,
    int (*fn)(const struct bill *b, void *arg), void *arg);

/* ---- houses, as billing sees them -------------------------------------- */

/* A house to bill: number, use and area. */
struct bill_house {
	int64_t id;
	struct houseno no;
	enum house_use use;
	int64_t area_centi;
};

/*
 * Every house, in id order.  OUT: *v (xmalloc'd; caller frees), *n.
 * 0 or an error.
 */
int fee_db_bill_houses(struct db *db, struct bill_house **v, int *n);

/*
 * The current owners' names of a house joined with "、" (张三、李四).
 * OUT: *names (xmalloc'd, "" when none; caller frees).
 */
int fee_db_owner_names(struct db *db, int64_t house_id, char **names);

/* ---- arrears ----------------------------------------------------------- */

/* One open bill, as arrears count it. */
struct arrears_bill {
	int64_t bill_id;
	int64_t house_id;
	int64_t item_id;
	int building;
	char period[DATE_PERIOD_BUFSZ];
	char due[DATE_BUFSZ];
	int64_t open_fen;
};

/*
 * Call fn for every open bill (paid < amount), of one building (> 0) and
 * one item (> 0) or all, by house then due day.  Stops at fn's non-zero
 * return and returns it.
 */
int fee_db_each_open(struct db *db, int building, int64_t item_id,
    int (*fn)(const struct arrears_bill *b, void *arg), void *arg);

/*
 * The houses of a building with a bill open past its due day before day
 * (for colouring the building grid).  OUT: *ids (xmalloc'd, ascending;
 * caller frees), *n.
 */
int fee_db_houses_in_arrears(struct db *db, int building, const char *day,
    int64_t **ids, int *n);

/* ---- the monthly report ------------------------------------------------ */

/* Billed and collected of one item in one building for a period. */
struct month_cell {
	int64_t item_id;
	int building;
	int64_t bills;          /* how many bill lines */
	int64_t billed_fen;     /* 应收 */
	int64_t paid_fen;       /* what is paid of them now (实收) */
};

/*
 * The period's bills (late fees included, as their own item) grouped by
 * item and building.  OUT: *v (xmalloc'd; caller frees), *n.
 */
int fee_db_month_cells(struct db *db, const char *period,
    struct month_cell **v, int *n);

/*
 * Households billed in period and those whose bills of the period are all
 * paid.  OUT: *billed, *paid_up.
 */
int fee_db_month_households(struct db *db, const char *period,
    int64_t *billed, int64_t *paid_up);

/*
 * The old arrears (bills of periods before period): open now, and the net
 * paid on them (payment lines, credit applied, less approved voids) on days
 * from first (inclusive) to last (inclusive).
 * OUT: *open_now_fen, *paid_fen.
 */
int fee_db_old_arrears(struct db *db, const char *period, const char *first,
    const char *last, int64_t *open_now_fen, int64_t *paid_fen);

#endif
