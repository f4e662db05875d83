/*
 * money.h: amounts of money as int64_t fen (分; 100 fen = 1 yuan 元), parsed
 * from what is typed at the counter, formatted for the screen, CSV and the
 * Chinese capital amount (大写金额) on receipts, and the one place where a
 * quantity times a rate is rounded to the fen.  Exact integer arithmetic
 * only: no floating point anywhere.  No I/O.
 */
#ifndef FD_CORE_MONEY_H
#define FD_CORE_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* Largest amount accepted anywhere: 10^13 fen = 100,000,000,000.00 yuan. */
#define MONEY_MAX_FEN INT64_C(10000000000000)

/* Enough for money_format() and money_format_plain() of any int64_t. */
#define MONEY_BUFSZ 32

/* Enough for money_to_chinese() of any amount up to MONEY_MAX_FEN. */
#define MONEY_CN_BUFSZ 256

/* Largest quantity_scale and rate_scale money_apply_rate() takes. */
#define MONEY_MAX_SCALE 6

/*
 * Parse an amount in yuan as typed at the counter: "350", "350.5",
 * "350.50", "￥350.50", "¥350.50", "1,350.50" (commas only as thousands
 * groups), full-width digits and punctuation, blanks around it.  Refused:
 * empty text, more than two decimals, any sign (money taken at the counter is
 * never negative), letters or other characters, a misplaced comma, and more
 * than MONEY_MAX_FEN.
 * OUT: *out_fen, only on success.
 * Returns 0, or ERR_INVALID with a message saying what is wrong.
 */
int money_parse(const char *s, int64_t *out_fen);

/*
 * As money_parse(), but a leading '-' is allowed (before any yuan sign), for
 * adjustments: "-12.50", "-￥12.50".  A '+' is still refused.
 * OUT: *out_fen.  Returns 0 or ERR_INVALID (message set).
 */
int money_parse_signed(const char *s, int64_t *out_fen);

/*
 * Format fen as yuan with thousands commas and two decimals: 135050 ->
 * "1,350.50", -50 -> "-0.50", 0 -> "0.00".  Any int64_t works.
 * OUT: buf (bufsz bytes; MONEY_BUFSZ is always enough), NUL-terminated.
 * Returns 0, or ERR_INVALID when buf is too small (buf then holds "").
 */
int money_format(char *buf, size_t bufsz, int64_t fen);

/*
 * As money_format() without thousands commas: 135050 -> "1350.50", for CSV
 * and anything read back by a program.
 */
int money_format_plain(char *buf, size_t bufsz, int64_t fen);

/*
 * The amount of a bill line: quantity times rate, rounded half-up (half away
 * from zero for negatives) to the fen exactly once.  Both numbers are
 * decimals given as an integer and a count of decimal places:
 *   quantity = quantity / 10^quantity_scale units (8937, 2 = 89.37 m²;
 *              1234, 0 = 1234 kWh),
 *   rate     = rate / 10^rate_scale yuan per unit (120, 2 = 1.20 元/m²/月;
 *              568, 3 = 0.568 元/kWh).
 * So 89.37 m² × 1.20 = 107.244 -> 10724 fen, 100.25 m² × 1.35 = 135.3375 ->
 * 13534 fen.  Scales are 0..MONEY_MAX_SCALE.
 * OUT: *out_fen, only on success.
 * The product is formed in 128 bits (64 where the compiler has no 128-bit
 * integer), so any result up to MONEY_MAX_FEN is exact.
 * Returns 0, or ERR_INVALID (message set) for a scale out of range or a
 * result beyond MONEY_MAX_FEN.
 */
int money_apply_rate(int64_t quantity, int quantity_scale, int64_t rate,
                     int rate_scale, int64_t *out_fen);

/*
 * The Chinese capital amount (人民币大写) for receipts, by the rules for
 * bills and vouchers (正确填写票据和结算凭证的基本规定): 135050 ->
 * "壹仟叁佰伍拾元伍角整", 100507 -> "壹仟零伍元零柒分", 50 -> "伍角整",
 * 0 -> "零元整", 10000000 -> "壹拾万元整", 100000000100 ->
 * "壹拾亿零壹元整".  One 零 stands for each run of zero digits between
 * non-zero ones (also across 万 and 亿); a zero ones digit before 角 is not
 * written (壹拾元伍角整); 零 is written between 元 and 分 when 角 is zero;
 * 整 ends an amount without 分.  Negative amounts start with 负.
 * OUT: buf (MONEY_CN_BUFSZ is always enough), NUL-terminated.
 * Returns 0, or ERR_INVALID for |fen| > MONEY_MAX_FEN or a too small buf
 * (buf then holds "").
 */
int money_to_chinese(char *buf, size_t bufsz, int64_t fen);

#endif
