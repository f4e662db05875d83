/*
 * receipt.h: the printed texts of the counter, laid out for a receipt
 * printer of a given width in columns (Chinese characters take two, measured
 * with util/text.h): the receipt of a payment (收款收据), with its reprints
 * marked 补打, and the reminder notice of a house's unpaid bills (催缴通知单).
 * Pure: the caller gathers the facts, this lays them out.  Item names are
 * never cut: a name too wide for its column moves to a line of its own, and
 * long text is wrapped at character boundaries.
 */
#ifndef FD_CORE_RECEIPT_H
#define FD_CORE_RECEIPT_H

#include <stdint.h>

#include "core/fee.h"

struct strbuf;

/* Narrowest and widest layout, in columns. */
#define RECEIPT_WIDTH_MIN 24
#define RECEIPT_WIDTH_MAX 120

/* One bill settled (fully or partly) by a receipt. */
struct receipt_line {
	const char *item;    /* 物业服务费 */
	const char *period;  /* "2026-10" */
	int64_t amount_fen;  /* paid against it by this receipt, > 0 */
	int64_t left_fen;    /* still owed on the bill after it (0: settled) */
};

/* Everything a receipt shows. */
struct receipt {
	const char *heading;   /* [printer] heading above the title; "" none */
	const char *number;    /* "2026-000123" */
	const char *house;     /* "3-2-1502" */
	const char *owner;     /* the current owners, "张三、李四"; "" none */
	const char *when;      /* "2026-11-29 09:05" */
	const struct receipt_line *lines;
	int nlines;
	int64_t amount_fen;    /* the total taken */
	int64_t credit_fen;    /* of it, kept as the house's credit (预存) */
	int64_t balance_fen;   /* the house's credit after this receipt */
	enum pay_method method;
	int64_t tendered_fen;  /* cash given */
	int64_t change_fen;    /* change given back */
	const char *cashier;   /* display name: 陈静 */
	const char *desk;      /* 1号窗口 */
	int reprint;           /* 0: the original; n > 0: the nth reprint */
	int voided;            /* 1: a void (红冲) of it was approved */
};

/*
 * Lay r out in width columns (clamped to RECEIPT_WIDTH_MIN..MAX), one line
 * per '\n', no line wider than width: the heading and the title
 * (收款收据, or 收款收据（补打）and the reprint's number), the receipt number,
 * house, owner and time, a table of items, periods and amounts, the total
 * in figures and in Chinese capitals (money_to_chinese()), the method,
 * cash given and change, credit kept and the balance, cashier and desk.
 * Appends to out.  Returns 0, or ERR_INVALID (message set) for an amount
 * money_to_chinese() cannot write.
 */
int receipt_render(const struct receipt *r, int width, struct strbuf *out);

/* One unpaid bill on a reminder notice. */
struct notice_line {
	const char *item;   /* 物业服务费 */
	const char *period; /* "2026-08" */
	const char *due;    /* "2026-09-15" */
	int64_t open_fen;   /* still owed */
};

/* Everything a reminder notice (催缴通知单) shows. */
struct notice {
	const char *heading; /* [printer] heading; "" none */
	const char *house;   /* "3-2-1502" */
	const char *owner;   /* "张三" or "" */
	const char *day;     /* the date of the notice, "2026-11-29" */
	const struct notice_line *lines;
	int nlines;
};

/*
 * Lay out the reminder notice of one house in width columns, as
 * receipt_render() does: title, to whom, every unpaid bill with its period,
 * due date and amount, the total in figures and Chinese capitals, and a
 * polite request to pay at the service centre.  Appends to out.
 * Returns 0 or ERR_INVALID (message set).
 */
int notice_render(const struct notice *n, int width, struct strbuf *out);

#endif
