/*
 * svc_fee.h: the receivable side of fee collection (应收): fee items and
 * standards that change on a date, where each item applies, meter readings
 * (抄表) with meter replacement and a confirmation for unusual usage, bills
 * for a period (idempotent: generating twice creates nothing twice; a
 * house's credit applied), one-off charges, late fees (滞纳金, off unless
 * [fees] late_fee), arrears by house, building, item and age with the
 * reminder log (催缴) and notices, the house's fee history, the monthly
 * report (收缴率, 清缴率) and the exports of the command line.
 *
 * As everywhere in svc: a permission check, everything typed validated
 * first (one clear message, nothing stored), one db_tx() transaction with
 * one audit row per action.  Setup (items, standards, bills, late fees of
 * every house) needs PERM_FEE_SETUP; readings PERM_FEE_SETUP or
 * PERM_FEE_COLLECT; reading arrears and a house's fees PERM_FEE_VIEW;
 * reminders PERM_FEE_VIEW; the monthly report PERM_REPORTS.
 *
 * Input is taken as typed (const char *), as svc_owner.h does.
 */
#ifndef FD_SVC_SVC_FEE_H
#define FD_SVC_SVC_FEE_H

#include <stdint.h>

#include "core/fee.h"
#include "db/fee_db.h"
#include "db/payment_db.h"
#include "svc/svc_cashier.h"

struct session;
struct strbuf;

/* ---- fee items and standards ------------------------------------------- */

/* A fee item as typed into its form. */
struct fee_item_in {
	const char *name;    /* required, 1..FEE_NAME_MAX characters */
	const char *kind;    /* area metered fixed once, or a label (按面积);
				required for a new item, ignored by edits */
	const char *unit;    /* metered: 吨, 度 ... (up to FEE_UNIT_MAX chars) */
	const char *applies; /* fee_applies_parse(): "all", "use:parking",
				"building:3 house:5-1-101"; NULL or "": all */
	int active;          /* edits: 0 stops billing it (kept for history) */
};

/*
 * Add a fee item.  A late-fee kind is refused (there is one, built in).
 * OUT: *id when not NULL.  0, ERR_DENIED, ERR_INVALID, ERR_CONFLICT (the
 * name is taken) or an error.
 */
int svc_fee_item_add(struct session *s, const struct fee_item_in *in,
    int64_t *id);

/*
 * Change the name, unit, applicability and active flag of item id (its
 * kind never changes).  0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND,
 * ERR_CONFLICT (the name is taken) or an error.
 */
int svc_fee_item_edit(struct session *s, int64_t id,
    const struct fee_item_in *in);

/*
 * Add a standard (收费标准) to item id: price (as typed, fee_price_parse();
 * per m² per month, per unit, per month or once, as the kind says) from day
 * valid_from (as typed) on.  A standard never changes: a new price is a new
 * standard.  Refused when the item has bills of the period of valid_from or
 * later (they were made with the old price): the message names the first
 * day allowed.  0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND, ERR_CONFLICT (one
 * starts that day already) or an error.
 */
int svc_fee_standard_add(struct session *s, int64_t item_id,
    const char *valid_from, const char *price);

/* An item with its standards. */
struct fee_setup_item {
	struct fee_item item;
	struct fee_standard *std;  /* by valid_from ascending */
	int nstd;
	char last_billed[DATE_PERIOD_BUFSZ]; /* latest period billed; "" */
};

/* Every item with its standards.  Free with fee_setup_release(). */
struct fee_setup {
	struct fee_setup_item *v;
	int n;
};

void fee_setup_release(struct fee_setup *f);

/*
 * The fee items (all: the inactive ones too) with their standards, for the
 * setup screen and the counter.  Needs PERM_FEE_VIEW or PERM_FEE_SETUP.
 * OUT: *out.
 */
int svc_fee_setup(struct session *s, int all, struct fee_setup *out);

/* ---- meter readings (抄表) --------------------------------------------- */

/* One reading as typed (a form, or a line of `import readings`). */
struct reading_in {
	const char *house;     /* house number, required */
	const char *item;      /* the metered item's name (水费), required */
	const char *period;    /* "2026-11", required */
	const char *prev;      /* the start reading: required for a house's
				  first reading of the item, else empty or
				  equal to the last reading on file */
	const char *cur;       /* the reading now, required */
	const char *replaced;  /* yes/no, 是/否, 换表; empty: no */
	const char *old_end;   /* replaced: the old meter's last reading */
	const char *new_start; /* replaced: the new meter's first reading */
	int confirm;           /* 1: store usage far above the average */
};

/* What a stored reading came to. */
struct reading_out {
	int64_t usage_centi;   /* fee_usage() */
	int64_t avg_centi;     /* the house's average before (0: none) */
	int corrected;         /* 1: it replaced an earlier entry */
};

/*
 * Store a reading of a house, metered item and period (a correction of one
 * not yet billed replaces it; a billed one is ERR_STATE).  A reading below
 * the previous one is refused unless the meter was replaced; usage more
 * than [fees] usage_alert_factor times the house's average is ERR_STATE
 * ("... check the reading and confirm") unless in->confirm.
 * Needs PERM_FEE_SETUP or PERM_FEE_COLLECT.  OUT: *out when not NULL.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND (house or item),
 * ERR_STATE or an error.
 */
int svc_reading_set(struct session *s, const struct reading_in *in,
    struct reading_out *out);

/*
 * `import readings`: store n readings in one transaction, all or nothing,
 * each as svc_reading_set() does (unusual usage needs the line's confirm);
 * a house, item and period twice in the file is refused.  Bad lines are
 * reported as "FILE:LINE: reason" (appended to errors, one a line, when
 * not NULL; the first in err_msg()), lines[i] being the line of rows[i].
 * One audit row for the import.
 */
int svc_reading_import(struct session *s, const struct reading_in *rows,
    const int *lines, int n, const char *file, struct strbuf *errors);

/* One house of the reading sheet of a building. */
struct reading_row {
	int64_t house_id;
	char code[HOUSENO_BUFSZ];
	int has_prev;          /* a reading before the period exists */
	int64_t start_centi;   /* where this period starts: the last cur */
	char prev_period[DATE_PERIOD_BUFSZ];
	int has_cur;           /* the period's reading is entered */
	struct fee_reading r;  /* it, when has_cur */
	int64_t usage_centi;   /* its usage, when has_cur */
	int64_t avg_centi;     /* the average of earlier usage; 0 none */
	int unusual;           /* usage far above the average */
	int billed;            /* the period is billed for this house */
};

/*
 * The reading sheet (抄表单) of a building (0: every building), a metered
 * item and a period (as typed): every house the item applies to, in
 * natural order.  Needs PERM_FEE_VIEW.
 * OUT: *rows (xmalloc'd; caller frees), *n.
 */
int svc_reading_sheet(struct session *s, int building, int64_t item_id,
    const char *period, struct reading_row **rows, int *n);

/* ---- bills (应收) ------------------------------------------------------ */

/*
 * Progress of a long action: done of total; return non-zero to cancel
 * (everything is then rolled back).  Called every few hundred houses.
 */
typedef int (*svc_progress_fn)(void *arg, int64_t done, int64_t total);

/* What a bill run did. */
struct bill_run {
	char period[DATE_PERIOD_BUFSZ];
	int64_t houses;         /* houses looked at */
	int64_t created;        /* bills made now */
	int64_t existing;       /* bills that were there already */
	int64_t no_reading;     /* metered: houses without a reading */
	int64_t no_standard;    /* items without a standard in force */
	int64_t total_fen;      /* amount of the bills made now */
	int64_t credit_fen;     /* credit applied to them */
	int64_t credited;       /* houses whose credit was applied */
};

/*
 * Make the bills of period (as typed) for every active item of kind area,
 * metered or fixed and every house it applies to, at the standard in force
 * on the period's first day, due [fees] due_days after the period's end.
 * Bills already there are left alone, so running it twice creates nothing
 * twice; metered items need the period's reading.  A house with credit has
 * it applied to its new bills (oldest item first).  One transaction; one
 * audit row.  progress (may be NULL) is told along the way and can cancel:
 * then nothing is stored, ERR_STATE ("cancelled").  Needs PERM_FEE_SETUP.
 * Refused: ERR_INVALID for a period that is not one ("2026-13") or has not
 * begun (later than next month).  OUT: *out when not NULL.
 */
int svc_bill_generate(struct session *s, const char *period,
    svc_progress_fn progress, void *arg, struct bill_run *out);

/*
 * Charge a one-off item (kind once) to one house for period (as typed),
 * at its standard on the period's first day; the house's credit is applied
 * to it.  Needs PERM_FEE_SETUP or PERM_FEE_COLLECT.  ERR_CONFLICT when the
 * house has it for that period.
 * OUT: *bill_id when not NULL.
 */
int svc_bill_once(struct session *s, int64_t house_id, int64_t item_id,
    const char *period, int64_t *bill_id);

/* What a late-fee run did. */
struct late_run {
	int64_t bills;     /* late-fee lines made */
	int64_t total_fen; /* their amount */
};

/*
 * Charge late fees (滞纳金) up to today on the open bills past due and
 * grace, each as a bill line of its own (item 滞纳金), from where the last
 * charge of that bill ended: of one house (house_id > 0; PERM_FEE_COLLECT
 * or PERM_FEE_SETUP) or of all (0; PERM_FEE_SETUP).  With [fees] late_fee
 * off: ERR_STATE ("late fees are off").  OUT: *out when not NULL.
 */
int svc_late_fees(struct session *s, int64_t house_id, struct late_run *out);

/* ---- arrears (欠费) and reminders (催缴) ------------------------------- */

/* Which arrears to list. */
struct arrears_filter {
	int building;      /* 0: all */
	int64_t item_id;   /* 0: all */
	int64_t house_id;  /* 0: all */
	int min_age;       /* enum age_bucket: houses with something at least
			      this old (AGE_0_30: every house that owes) */
};

/* One house in arrears. */
struct arrears_house {
	int64_t house_id;
	char code[HOUSENO_BUFSZ];
	int building;
	char *owners;              /* 张三、李四 */
	struct fee_ageing age;     /* open amounts by age */
	int nbills;
	char oldest_due[DATE_BUFSZ];
	int stage;                 /* furthest reminder since the oldest due
				      (enum remind_method), -1: none yet */
	char last_reminder[DATE_BUFSZ]; /* "" none */
};

/* Arrears added up by building or by item. */
struct arrears_group {
	int64_t key;               /* building number, or item id */
	char *name;                /* "3" or 物业服务费 */
	struct fee_ageing age;
	int64_t houses;
};

/* The arrears as of one day.  Free with arrears_report_release(). */
struct arrears_report {
	char day[DATE_BUFSZ];
	struct arrears_house *houses;   /* by house number */
	int nhouses;
	struct arrears_group *buildings; /* by building */
	int nbuildings;
	struct arrears_group *items;    /* by item */
	int nitems;
	struct fee_ageing total;
};

void arrears_report_release(struct arrears_report *r);

/*
 * The arrears as of today, by house, building, item and age (0-30, 31-90,
 * 91-180, over 180 days past due; not yet due counts as 0-30), with each
 * house's reminder stage.  Needs PERM_FEE_VIEW.  OUT: *out.
 */
int svc_arrears(struct session *s, const struct arrears_filter *f,
    struct arrears_report *out);

/*
 * The houses of a building with a bill past due today (to colour the
 * building grid).  Needs PERM_FEE_VIEW.
 * OUT: *ids (ascending, xmalloc'd; caller frees), *n.
 */
int svc_arrears_grid(struct session *s, int building, int64_t **ids,
    int *n);

/*
 * Log a reminder of house id: method (notice phone visit letter or a
 * label) and what came of it (up to FEE_TEXT_MAX characters; may be
 * empty), dated today.  Utilities are never cut off as a remedy: this is
 * the whole of the chase.  Needs PERM_FEE_VIEW.  OUT: *id when not NULL.
 */
int svc_reminder_add(struct session *s, int64_t house_id, const char *method,
    const char *result, int64_t *id);

/* The reminders of a house, newest first.  OUT: *out. */
int svc_reminders(struct session *s, int64_t house_id,
    struct reminder_vec *out);

/*
 * The reminder notice (催缴通知单) of a house: every open bill with its
 * period, due day and amount, laid out in [printer] width columns.
 * Needs PERM_FEE_VIEW.  Appends to out.  ERR_STATE when it owes nothing.
 */
int svc_notice_text(struct session *s, int64_t house_id, struct strbuf *out);

/*
 * Print the notice of a house (as svc_receipt_print() prints; saved as
 * receipts/notice-3-2-1502-2026-11-29.txt without a command) and log it as
 * a reminder of method notice.  Needs PERM_FEE_VIEW.  A failing printer is
 * ERR_IO and nothing is logged.  OUT: *out when not NULL.
 */
int svc_notice_print(struct session *s, int64_t house_id,
    struct print_result *out);

/* ---- a house's fees ---------------------------------------------------- */

/* The fee history of one house.  Free with house_fees_release(). */
struct house_fees {
	struct bill_vec bills;        /* newest period first */
	struct payment_vec payments;  /* newest first */
	struct reminder_vec reminders;
	int64_t open_fen;
	int64_t credit_fen;
};

void house_fees_release(struct house_fees *f);

/* The bills, payments and reminders of house id.  Needs PERM_FEE_VIEW. */
int svc_house_fees(struct session *s, int64_t house_id,
    struct house_fees *out);

/* ---- reports ----------------------------------------------------------- */

/* One line of the monthly report. */
struct month_line {
	int64_t item_id;          /* 0 in building lines */
	int building;             /* 0 in item lines */
	char *name;               /* 物业服务费, or the building's number */
	int64_t bills;
	int64_t billed_fen;       /* 本期应收 */
	int64_t paid_fen;         /* 本期实收: paid of those bills now */
};

/* The monthly report (月报).  Free with monthly_report_release(). */
struct monthly_report {
	char period[DATE_PERIOD_BUFSZ];
	struct month_line *cells;     /* by item, then building */
	int ncells;
	struct month_line *items;     /* totals by item */
	int nitems;
	struct month_line *buildings; /* totals by building */
	int nbuildings;
	int64_t billed_fen;           /* the whole period */
	int64_t paid_fen;
	int64_t households;           /* households billed in the period */
	int64_t households_paid;      /* ... with every bill of it paid */
	int64_t old_open_fen;         /* arrears of earlier periods at the
					 start of the period (往期欠费) */
	int64_t old_paid_fen;         /* of it, paid during the period */
};

void monthly_report_release(struct monthly_report *r);

/*
 * The monthly report of period (as typed): billed and collected per item
 * and building; the collection rate by amount (收缴率 = 实收 / 应收) and by
 * household (paid-up households / billed households); the rate of old
 * arrears recovered (清缴率 = old arrears paid during the period / old
 * arrears at its start).  Collected means paid of the period's bills up to
 * now, net of voids.  Needs PERM_REPORTS.  OUT: *out.
 */
int svc_report_monthly(struct session *s, const char *period,
    struct monthly_report *out);

/* The daily report: every cashier's day.  Free with daily_report_release(). */
struct daily_report {
	char day[DATE_BUFSZ];
	struct close_view *rows;  /* by cashier id (svc_cashier.h) */
	int n;
	struct day_sums total;    /* all cashiers together */
};

void daily_report_release(struct daily_report *r);

/*
 * The daily-close report of day (as typed; empty: today): each cashier's
 * receipts first to last, count, totals by method, voids, cash, and the
 * close if made.  cashier: a login name, or NULL for all (PERM_REPORTS); a
 * cashier without PERM_REPORTS gets only their own day.  OUT: *out.
 */
int svc_report_daily(struct session *s, const char *day,
    const char *cashier, struct daily_report *out);

/* ---- exports ----------------------------------------------------------- */

/*
 * `export bills`: call fn for every bill (with item and house), by id, in
 * one snapshot.  Needs PERM_FEE_VIEW; audited with the row count.  Stops
 * at fn's non-zero return and returns it.
 */
int svc_bill_export(struct session *s,
    int (*fn)(const struct bill *b, void *arg), void *arg);

/* `export payments`: the same for every payment (voided ones marked). */
int svc_payment_export(struct session *s,
    int (*fn)(const struct payment *p, void *arg), void *arg);

#endif
