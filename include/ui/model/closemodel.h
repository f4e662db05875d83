/*
 * closemodel.h: the arithmetic of the daily close form (日结), without a
 * terminal: as the cashier types the float (备用金) and the cash counted,
 * the expected cash (float + cash received - change - cash refunds) and the
 * difference (counted - expected) are worked out again, with the message
 * the service would give for what cannot be taken, so the screen can say
 * it before anything is sent.  Also stepping a day back and forth for the
 * date keys of the close screens.  The service decides; this only shows.
 */
#ifndef FD_UI_MODEL_CLOSEMODEL_H
#define FD_UI_MODEL_CLOSEMODEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"

/* Which typed value a message is about. */
enum closemodel_field {
	CLOSEMODEL_NONE = -1,
	CLOSEMODEL_FLOAT,   /* 备用金 */
	CLOSEMODEL_COUNTED, /* 实点现金 */
	CLOSEMODEL_REASON,  /* 差额原因 */
};

/* One cashier-day's cash as the form works it out. */
struct closemodel {
	int64_t tendered_fen;  /* cash received that day */
	int64_t change_fen;    /* change given */
	int64_t refund_fen;    /* cash handed back by approved voids */
	int float_ok;          /* 1: the float is empty (0) or an amount */
	int64_t float_fen;     /* when float_ok */
	int counted_ok;        /* 1: the counted cash is an amount */
	int64_t counted_fen;   /* when counted_ok */
	int expected_ok;       /* 1: expected_fen is known */
	int64_t expected_fen;  /* float + received - change - refunds */
	int diff_ok;           /* 1: diff_fen is known (counted and expected) */
	int64_t diff_fen;      /* counted - expected */
	char msg[256];         /* why a value is not taken, or "" */
	enum closemodel_field bad; /* the field msg is about */
};

/* Start with the day's cash figures; nothing typed yet. */
void closemodel_init(struct closemodel *cm, int64_t tendered_fen,
    int64_t change_fen, int64_t refund_fen);

/*
 * Work the figures out again from the float and the counted cash as typed
 * (NULL or blank: not typed; an empty float is 0).  An amount that does
 * not parse leaves its figures unknown, and cm->msg / cm->bad say why (the
 * float's message first).  Returns 0, or ERR_INVALID when a typed value
 * is not an amount.
 */
int closemodel_update(struct closemodel *cm, const char *float_text,
    const char *counted_text);

/* 1 when the figures show a difference, so a reason is needed. */
int closemodel_needs_reason(const struct closemodel *cm);

/*
 * What the service would refuse in the form as last updated, with the
 * reason as typed: a bad float, no or a bad counted cash, a difference
 * without a reason.  Returns 0, or ERR_INVALID with err_msg() set (the
 * service's words) and *field (when not NULL) naming the field to fix.
 */
int closemodel_check(const struct closemodel *cm, const char *reason,
    enum closemodel_field *field);

/*
 * A difference for the screen: "0.00", "+0.50", "-1,000.00" into buf
 * (MONEY_BUFSZ + 1 is enough).
 */
void closemodel_diff_text(char *buf, size_t bufsz, int64_t diff_fen);

/*
 * The day delta days from day ("YYYY-MM-DD"; also as date_parse() takes
 * it).  OUT: out.  Returns 0, or ERR_INVALID (message set) for a day that
 * is not a date or a result out of range.
 */
int closemodel_day_step(const char *day, int delta, char out[DATE_BUFSZ]);

/* Today by the program's clock (FRONTDESK_NOW in tests).  OUT: out. */
void closemodel_today(char out[DATE_BUFSZ]);

/*
 * A day for a heading: "2026-11-20 周五" (the weekday translated) into
 * buf; a text that is not a date is copied as it is.
 */
void closemodel_day_label(char *buf, size_t bufsz, const char *day);

#endif
