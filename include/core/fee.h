/*
 * fee.h: the pure rules and arithmetic of fee collection (收费): fee items
 * and their kinds, prices that change on a date, which houses an item
 * applies to, meter usage (with meter replacement), the amount of a bill
 * line (rounded half-up to the fen once, by money_apply_rate()), due
 * dates, how a payment is allocated to open bills, cash and change, late
 * fees (滞纳金), arrears ageing, receipt numbers and collection rates
 * (收缴率, 清缴率).  No I/O, no SQL: the numbers in, the numbers out, and a
 * message for the counter when the input is wrong.
 *
 * Units, everywhere in the fee module:
 *   money      int64_t fen (分), names end in _fen;
 *   prices     int64_t ten-thousandths of a yuan (price_e4): 1.20 元 = 12000,
 *              0.568 元 = 5680; a price is per m² per month, per unit of
 *              a meter, per month, or once, as the item's kind says;
 *   areas, readings, usage and bill quantities
 *              int64_t hundredths (_centi): 89.37 m² = 8937, 1234.5 kWh
 *              = 123450;
 *   days       "YYYY-MM-DD", periods "YYYY-MM" (core/date.h).
 */
#ifndef FD_CORE_FEE_H
#define FD_CORE_FEE_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/household.h"

/* Largest price: 10,000,000.0000 yuan a unit. */
#define FEE_PRICE_MAX_E4 INT64_C(100000000000)
/* Largest meter reading: 99,999,999.99. */
#define FEE_READING_MAX INT64_C(9999999999)
/* Longest fee item name, in characters (物业服务费). */
#define FEE_NAME_MAX 32
/* Longest unit of a metered item, in characters (吨, 度, 立方米). */
#define FEE_UNIT_MAX 8
/* Longest applicability text (fee_applies_parse()), in bytes. */
#define FEE_APPLIES_MAX 4000
/* Most rules in one applicability text. */
#define FEE_APPLIES_RULES 256
/* Longest reason, note or result typed into a fee form, in characters. */
#define FEE_TEXT_MAX 200

#define FEE_PRICE_BUFSZ 32   /* fee_price_format() */
#define FEE_READING_BUFSZ 24 /* fee_reading_format() */
#define FEE_RECEIPT_BUFSZ 24 /* fee_receipt_format(): "2026-000123" */
#define FEE_RATE_BUFSZ 16    /* fee_rate_format(): "100.00%" */

/* The coded value sets of this module, for the generic functions below. */
enum fee_set {
	FEE_SET_KIND,   /* enum fee_kind */
	FEE_SET_SCOPE,  /* enum fee_scope */
	FEE_SET_METHOD, /* enum pay_method */
	FEE_SET_REMIND, /* enum remind_method */
	FEE_SET_VOID,   /* enum void_state */
	FEE_SET_COUNT
};

/* How an item is charged.  Codes: area metered fixed once late. */
enum fee_kind {
	FEE_AREA,    /* per m² of floor area per month (物业服务费) */
	FEE_METERED, /* unit price times a meter's usage in the period (水费) */
	FEE_FIXED,   /* a fixed amount per month (停车费) */
	FEE_ONCE,    /* a fixed amount, charged once on request (装修管理费) */
	FEE_LATE,    /* late fee (滞纳金): the one built-in item, computed */
	FEE_KIND_COUNT
};

/* What one applicability rule matches.  Codes: all use building house. */
enum fee_scope {
	FEE_SCOPE_ALL,      /* every house */
	FEE_SCOPE_USE,      /* houses of one use (住宅, 商铺, 车位, 储藏室) */
	FEE_SCOPE_BUILDING, /* houses of one building */
	FEE_SCOPE_HOUSE,    /* one house */
	FEE_SCOPE_COUNT
};

/* How a payment was made.  Codes: cash card wechat alipay transfer. */
enum pay_method {
	PAY_CASH,     /* 现金: the only one with change */
	PAY_CARD,     /* 银行卡 */
	PAY_WECHAT,   /* 微信 */
	PAY_ALIPAY,   /* 支付宝 */
	PAY_TRANSFER, /* 转账 */
	PAY_METHOD_COUNT
};

/*
 * How a house was reminded of its arrears (催缴), in the order a centre
 * escalates; the stage a house has reached is the furthest method used
 * since its oldest unpaid bill fell due.  Codes: notice phone visit letter.
 */
enum remind_method {
	REMIND_NOTICE, /* 催缴通知单, printed and delivered */
	REMIND_PHONE,  /* 电话催缴 */
	REMIND_VISIT,  /* 上门催缴 */
	REMIND_LETTER, /* 催缴函 (a formal letter) */
	REMIND_METHOD_COUNT
};

/* Where a void (红冲) stands.  Codes: requested approved rejected. */
enum void_state {
	VOID_REQUESTED, /* asked for by a cashier, with a reason */
	VOID_APPROVED,  /* approved by the director: reversed on that day */
	VOID_REJECTED,  /* refused by the director; the payment stands */
	VOID_STATE_COUNT
};

/* ---- coded values ------------------------------------------------------ */

/* Number of values in set; 0 for an unknown set. */
int fee_count(enum fee_set set);

/* The database code of value v of set ("cash"); NULL when out of range. */
const char *fee_code(enum fee_set set, int v);

/* The translated label (现金, 按面积 ...); "?" when out of range. */
const char *fee_label(enum fee_set set, int v);

/*
 * The value of a code or a label: the code ("wechat"), the English label,
 * the Chinese label (微信, whatever the language) or the label of the
 * current language; blanks around and ASCII case ignored.
 * OUT: *out, only on success.
 * Returns 0, or ERR_INVALID with a message listing the allowed labels.
 */
int fee_parse(enum fee_set set, const char *s, int *out);

/* ---- names, prices and readings ---------------------------------------- */

/*
 * Check and clean the name of a fee item: trimmed, 1..FEE_NAME_MAX
 * characters of valid UTF-8, no control characters.
 * OUT: *out (xmalloc'd; caller frees), only on success.
 * Returns 0 or ERR_INVALID with a message.
 */
int fee_name_clean(const char *in, char **out);

/*
 * Check and clean a reason, note or result (void reason, difference
 * reason, reminder result): trimmed; at most FEE_TEXT_MAX characters of
 * valid UTF-8 without control characters other than line breaks.  When
 * required, an empty text is refused.  field names it in the message
 * (translated; NULL: "text").
 * OUT: *out (xmalloc'd, "" when empty and not required; caller frees).
 * Returns 0 or ERR_INVALID with a message.
 */
int fee_text_clean(const char *in, int required, const char *field,
    char **out);

/*
 * Parse a unit price in yuan as typed: "1.20", "0.568", "3", "￥2.5",
 * full-width digits, blanks around, up to four decimals.  0 is allowed (an
 * item charged nothing for a while).  Refused: empty, a sign, more than
 * four decimals, letters, more than FEE_PRICE_MAX_E4.
 * OUT: *out_e4 (ten-thousandths of a yuan), only on success.
 * Returns 0 or ERR_INVALID with a message.
 */
int fee_price_parse(const char *s, int64_t *out_e4);

/*
 * Format a price with at least two and at most four decimals: 12000 ->
 * "1.20", 5680 -> "0.568", 12345 -> "1.2345".  OUT: buf
 * (FEE_PRICE_BUFSZ is enough).  Returns 0, or ERR_INVALID for a negative
 * price or a too small buf (buf then holds "").
 */
int fee_price_format(char *buf, size_t bufsz, int64_t e4);

/*
 * Parse a meter reading as typed: "1234", "1234.5", "1234.56", full-width
 * digits, blanks around; 0 to FEE_READING_MAX; at most two decimals.
 * OUT: *out_centi, only on success.
 * Returns 0 or ERR_INVALID with a message.
 */
int fee_reading_parse(const char *s, int64_t *out_centi);

/*
 * Format a reading, usage or quantity in hundredths without trailing
 * zeros: 123400 -> "1234", 123450 -> "1234.5", 5 -> "0.05".  Negative
 * values get a '-'.  OUT: buf (FEE_READING_BUFSZ is enough).
 * Returns 0, or ERR_INVALID when buf is too small (buf then holds "").
 */
int fee_reading_format(char *buf, size_t bufsz, int64_t centi);

/* ---- standards and applicability --------------------------------------- */

/* A price valid from a day on (收费标准). */
struct fee_standard {
	char valid_from[DATE_BUFSZ]; /* "YYYY-MM-DD" */
	int64_t price_e4;
};

/*
 * The standard in force on day ("YYYY-MM-DD"): of v[0..n), sorted by
 * valid_from ascending, the last one that starts on or before day.
 * Returns it, or NULL when none has started yet.
 */
const struct fee_standard *fee_standard_at(const struct fee_standard *v,
    int n, const char *day);

/* One rule of an item's applicability. */
struct fee_rule {
	enum fee_scope scope;
	int use;            /* FEE_SCOPE_USE: an enum house_use */
	int building;       /* FEE_SCOPE_BUILDING: the building number */
	struct houseno house; /* FEE_SCOPE_HOUSE: the house number */
};

/* The applicability of an item: any matching rule makes it apply. */
struct fee_applies {
	struct fee_rule rules[FEE_APPLIES_RULES];
	int n;
};

/*
 * Parse an applicability text: rules separated by blanks, commas, ， or
 * ；: "all" (or 全部), "use:residence" ("用途:住宅", a use code or
 * label), "building:3" ("楼栋:3"), "house:3-2-1502" ("房号:3-2-1502", any
 * spelling houseno_parse() takes).  An empty text applies to no house.
 * ':' may be full-width.  Refused with the offending word: an unknown
 * scope or value, more than FEE_APPLIES_RULES rules, more than
 * FEE_APPLIES_MAX bytes.
 * OUT: *out, only on success.
 * Returns 0 or ERR_INVALID with a message.
 */
int fee_applies_parse(const char *s, struct fee_applies *out);

/*
 * Write the canonical text of a (codes, one blank between rules):
 * "use:residence use:shop house:3-2-1502"; what fee_applies_parse()
 * reads back to the same rules.  OUT: buf (FEE_APPLIES_MAX + 1 is
 * enough).  Returns 0 or ERR_INVALID when buf is too small.
 */
int fee_applies_format(char *buf, size_t bufsz, const struct fee_applies *a);

/* 1 when a rule of a matches house h (its number, building and use). */
int fee_applies_match(const struct fee_applies *a, const struct houseno *h,
    enum house_use use);

/* ---- meter usage ------------------------------------------------------ */

/* One meter reading of a house and period (抄表), in hundredths. */
struct fee_reading {
	int64_t prev;     /* the reading the period starts from */
	int64_t cur;      /* the reading it ends with */
	int replaced;     /* 1: the meter was replaced in the period (换表) */
	int64_t old_end;  /* replaced: the old meter's last reading (>= prev) */
	int64_t new_start;/* replaced: the new meter's first reading (<= cur) */
};

/*
 * The usage of a reading: cur - prev; for a replaced meter (old_end -
 * prev) + (cur - new_start).  Refused with a message saying what to do:
 * a reading below the previous one without a replacement ("the reading
 * 1200 is below the previous 1234; if the meter was replaced, mark it
 * ..."), a replaced meter whose numbers do not add up, any value outside
 * 0..FEE_READING_MAX.  Without a replacement old_end and new_start must
 * be 0.
 * OUT: *usage_centi, only on success.
 * Returns 0 or ERR_INVALID.
 */
int fee_usage(const struct fee_reading *r, int64_t *usage_centi);

/*
 * 1 when usage is far above the house's average (avg_centi > 0 and usage
 * more than factor times it): such a reading needs confirming.  Else 0.
 */
int fee_usage_unusual(int64_t usage_centi, int64_t avg_centi, int factor);

/* ---- bill lines -------------------------------------------------------- */

/* What one bill line is computed from. */
struct fee_basis {
	enum fee_kind kind;   /* FEE_AREA, FEE_METERED, FEE_FIXED or FEE_ONCE */
	int64_t price_e4;     /* the standard in force */
	int64_t area_centi;   /* FEE_AREA: the floor area */
	int64_t usage_centi;  /* FEE_METERED: fee_usage() */
};

/*
 * The quantity and amount of one bill line, rounded half-up to the fen
 * exactly once (money_apply_rate()):
 *   FEE_AREA     area × price      (89.37 m² × 1.20 = 107.244 -> 107.24)
 *   FEE_METERED  usage × price     (12.5 t × 3.45 = 43.125 -> 43.13)
 *   FEE_FIXED, FEE_ONCE  1 × price (qty 100, i.e. 1.00)
 * OUT: *qty_centi (the area, the usage or 100), *amount_fen.
 * Returns 0, or ERR_INVALID (message set) for a kind that is not billed
 * this way, a negative number or an amount beyond MONEY_MAX_FEN.
 */
int fee_line_amount(const struct fee_basis *b, int64_t *qty_centi,
    int64_t *amount_fen);

/*
 * The due date of a bill of period p: the period's last day plus
 * due_days (0..365).  OUT: *out.
 * Returns 0, or ERR_INVALID (message set) for an invalid period or
 * due_days out of range.
 */
int fee_due_date(const struct fd_period *p, int due_days,
    struct fd_date *out);

/*
 * Whether bills may be made for period p on day today: from 2000-01 up
 * to the month after today's.  Returns 0, or ERR_INVALID with a message
 * ("period 2027-06 has not begun; bills can be made up to 2026-12").
 */
int fee_period_billable(const struct fd_period *p,
    const struct fd_date *today);

/* ---- payments ---------------------------------------------------------- */

/*
 * Allocate amount_fen to open bills in the order given (oldest first, or
 * the order the cashier picked): each bill gets what it still owes, the
 * last one reached may get part, whatever is left over is the excess.
 * open_fen[i] must be > 0.
 * OUT: alloc_fen[0..n) (0 for bills not reached), *excess_fen.
 * Returns 0, or ERR_INVALID (message set) for a negative or zero amount,
 * an open amount <= 0 or a total beyond MONEY_MAX_FEN.
 */
int fee_allocate(const int64_t *open_fen, int n, int64_t amount_fen,
    int64_t *alloc_fen, int64_t *excess_fen);

/*
 * Check the amount of a payment against what is open: it must be more
 * than 0 and at most MONEY_MAX_FEN; above open_fen it is refused unless
 * to_credit (the excess is then kept as the house's credit, 预存).
 * OUT: *excess_fen (amount - open, or 0) when not NULL.
 * Returns 0, or ERR_INVALID with a message naming both amounts and the
 * way out ("the amount 1,500.00 is 300.00 more than the open bills
 * (1,200.00); choose to keep the rest as credit, or take less").
 */
int fee_check_amount(int64_t amount_fen, int64_t open_fen, int to_credit,
    int64_t *excess_fen);

/*
 * Cash and change: for cash, tendered_fen < 0 means "exactly the
 * amount"; less than the amount is refused; change = tendered - amount.
 * Other methods take no tendered amount other than the amount itself (or
 * < 0) and give no change.
 * OUT: *tendered_out, *change_out.
 * Returns 0 or ERR_INVALID with a message.
 */
int fee_change(enum pay_method method, int64_t amount_fen,
    int64_t tendered_fen, int64_t *tendered_out, int64_t *change_out);

/*
 * Expected cash in the drawer at the daily close (日结): float + cash
 * received (tendered) - change given - cash refunded (approved voids of
 * cash payments).  OUT: *out.  Returns 0, or ERR_INVALID (message set)
 * for a negative input or an overflow.
 */
int fee_expected_cash(int64_t float_fen, int64_t tendered_fen,
    int64_t change_fen, int64_t refund_fen, int64_t *out);

/* ---- late fees --------------------------------------------------------- */

/* The late-fee rule of [fees] (off by default). */
struct fee_late_rule {
	int enabled;        /* [fees] late_fee */
	int rate_per_10000; /* [fees] late_fee_rate: 万分之 N per day, 1..100 */
	int grace_days;     /* [fees] late_fee_grace_days: days after due */
};

/*
 * The late fee (滞纳金) on open_fen for the days from max(due +
 * grace_days, from) to to: open × days × rate / 10000, rounded half-up
 * once.  from is the day the fee was last charged up to ("" or NULL:
 * never).  Nothing when the rule is off, the bill is not late or the
 * period is empty.
 * OUT: *fee_fen, *days (the days charged; 0 when none).
 * Returns 0, or ERR_INVALID (message set) for an invalid day, a negative
 * amount or an overflow.
 */
int fee_late_fee(int64_t open_fen, const char *due, const char *from,
    const char *to, const struct fee_late_rule *r, int64_t *fee_fen,
    int32_t *days);

/* ---- arrears ----------------------------------------------------------- */

/* Open amounts by age (欠费账龄). */
struct fee_ageing {
	int64_t fen[AGE_COUNT]; /* by enum age_bucket */
	int64_t total_fen;
};

/*
 * Add open_fen of a bill due on due ("YYYY-MM-DD") to a, in the bucket of
 * its days past due on today (not yet due: AGE_0_30).
 * Returns the bucket, or -1 (nothing added) for an invalid day.
 */
int fee_ageing_add(struct fee_ageing *a, int64_t open_fen, const char *due,
    const char *today);

/* ---- receipts and rates ------------------------------------------------ */

/*
 * The receipt number of sequence seq in year: "2026-000123" (at least six
 * digits).  OUT: buf (FEE_RECEIPT_BUFSZ).  Returns 0 or ERR_INVALID.
 */
int fee_receipt_format(char *buf, size_t bufsz, int year, int64_t seq);

/*
 * Parse a receipt number as typed: "2026-000123", "2026-123",
 * "2026000123" (four digits of year, then the sequence), blanks around,
 * full-width digits.  OUT: *year, *seq, only on success.
 * Returns 0 or ERR_INVALID with a message.
 */
int fee_receipt_parse(const char *s, int *year, int64_t *seq);

/*
 * A rate as a percentage with two decimals, rounded half-up: 8765 of
 * 10000 -> "87.65%"; den 0 -> "-".  OUT: buf (FEE_RATE_BUFSZ).
 * Returns 0, or ERR_INVALID for negative numbers or a too small buf.
 */
int fee_rate_format(char *buf, size_t bufsz, int64_t num, int64_t den);

/* The same rate in hundredths of a percent (8765 = 87.65%); -1 for den 0. */
int64_t fee_rate_bp(int64_t num, int64_t den);

#endif
