/*
 * paymodel.h: the logic of the counter (收银台) without a terminal: which
 * open bills are picked (all by default, oldest first), their total, and
 * what a payment typed so far would do: the amount (defaulting to the
 * picked total; less is a part payment settled oldest first), the method,
 * the cash tendered and the change, and what is kept as credit (预存).
 * The checks are the ones svc_pay() makes (money_parse(),
 * fee_check_amount(), fee_change()), so the screen shows the same message
 * before the payment is sent, with the field that is wrong.
 */
#ifndef FD_UI_MODEL_PAYMODEL_H
#define FD_UI_MODEL_PAYMODEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/fee.h"

/* One open bill as the counter offers it. */
struct paybill {
	int64_t id;        /* bills.id */
	int64_t owed_fen;  /* what it still owes (amount - paid), > 0 */
	int picked;        /* 1: part of the payment */
};

/* The bills of one house at the counter, in the order they settle. */
struct paymodel {
	struct paybill *bills; /* xmalloc'd; NULL when n is 0 */
	int n;
	enum pay_method method; /* PAY_CASH at first */
};

/* The fields of the payment, for pointing at the one that is wrong. */
enum pay_field {
	PAY_F_NONE = -1,
	PAY_F_AMOUNT,
	PAY_F_METHOD,
	PAY_F_TENDERED,
	PAY_F_CREDIT,
	PAY_F_COUNT
};

/* What the payment typed so far would do. */
struct payquote {
	int64_t amount_fen;    /* taken */
	int64_t tendered_fen;  /* cash given (the amount when none typed) */
	int64_t change_fen;    /* to hand back */
	int64_t settle_fen;    /* of the amount, to the picked bills */
	int64_t credit_fen;    /* of the amount, kept as credit */
	int64_t left_fen;      /* still owed on the picked bills after it */
	int nfull;             /* picked bills it settles whole */
	int npart;             /* 1 when the last one reached is paid part */
	enum pay_field bad;    /* the field that is wrong; PAY_F_NONE */
};

/*
 * Set up pm over n open bills (ids[i], owed_fen[i] > 0), oldest first, all
 * picked, method cash.  Free with paymodel_release().
 */
void paymodel_init(struct paymodel *pm, const int64_t *ids,
    const int64_t *owed_fen, int n);

/* Free the bills; pm becomes empty. */
void paymodel_release(struct paymodel *pm);

/* Pick bill i, or leave it out when it was picked.  Out of range: nothing. */
void paymodel_toggle(struct paymodel *pm, int i);

/* Pick every bill, or none when all are picked already. */
void paymodel_toggle_all(struct paymodel *pm);

/*
 * The same house read again: each bill of pm that old had keeps old's
 * pick; a bill old did not have stays picked.  For a reading that is not
 * after a payment (F5, a void asked), so what the cashier left out stays
 * out.
 */
void paymodel_keep_picks(struct paymodel *pm, const struct paymodel *old);

/* Picked bills, and their total. */
int paymodel_npicked(const struct paymodel *pm);
int64_t paymodel_picked_fen(const struct paymodel *pm);

/* What every open bill owes, together. */
int64_t paymodel_open_fen(const struct paymodel *pm);

/*
 * The ids of the picked bills in the order they settle.
 * OUT: ids[0..n), at most max.  Returns n.
 */
int paymodel_picked_ids(const struct paymodel *pm, int64_t *ids, int max);

/*
 * The amount the payment field starts with: the picked total, plain
 * ("1350.50", no commas), or "" when nothing is picked.
 * OUT: buf (MONEY_BUFSZ is enough).
 */
void paymodel_default_amount(const struct paymodel *pm, char *buf,
    size_t bufsz);

/* Method: step by delta (wrapping round), or set it from the digit key
 * '1'..'5' (现金 银行卡 微信 支付宝 转账).  paymodel_method_key() returns
 * 1 when key was such a digit. */
void paymodel_method_step(struct paymodel *pm, int delta);
int paymodel_method_key(struct paymodel *pm, int key);

/*
 * What amount (as typed), tendered (as typed; "" or NULL: exactly the
 * amount; only cash takes one) and to_credit would do with the picked
 * bills and pm's method.
 * OUT: *q; q->bad names the wrong field on an error.
 * Returns 0, or ERR_INVALID with the message svc_pay() would give.
 */
int paymodel_quote(const struct paymodel *pm, const char *amount,
    const char *tendered, int to_credit, struct payquote *q);

#endif
