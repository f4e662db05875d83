/*
 * receipt.c: receipts and reminder notices laid out in columns for a
 * receipt printer.  Widths are measured with util/text.h (a Chinese
 * character is two columns); nothing is cut: what does not fit wraps at a
 * character boundary.  Pure: no I/O.
 */
#include "core/receipt.h"

#include <stdio.h>
#include <string.h>

#include "core/money.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"

/* Columns of the period column ("2026-10"). */
#define PERIOD_COLS 7

/* ---- layout helpers ---------------------------------------------------- */

/* n spaces (n <= 0: none). */
static void
spaces(struct strbuf *out, int n)
{
	while (n-- > 0)
		strbuf_addch(out, ' ');
}

/* A line of width dashes. */
static void
rule(struct strbuf *out, int width)
{
	int i;

	for (i = 0; i < width; i++)
		strbuf_addch(out, '-');
	strbuf_addch(out, '\n');
}

/* The columns of one character of s (length len); invalid bytes are 1. */
static int
char_cols(const char *s, int len)
{
	return text_nwidth(s, (size_t)len);
}

/*
 * s wrapped into lines of at most width columns, the current line having
 * start columns used already; further lines start with indent spaces
 * (indent < width).  Invalid bytes and control characters become '?', so
 * nothing reaches the printer that it could take as a command.
 */
static void
wrapped(struct strbuf *out, const char *s, int width, int start, int indent)
{
	int used = start, len, w, bad;
	wchar_t wc = 0;

	for (; *s != '\0'; s += len) {
		len = utf8_decode(s, strnlen(s, 4), &wc);
		bad = len < 0 || wc < 0x20 || (wc >= 0x7f && wc < 0xa0);
		if (len < 0)
			len = 1;
		w = bad ? 1 : char_cols(s, len);
		if (used + w > width && used > indent) {
			strbuf_addch(out, '\n');
			spaces(out, indent);
			used = indent;
		}
		if (bad)
			strbuf_addch(out, '?');
		else
			strbuf_add(out, s, (size_t)len);
		used += w;
	}
	strbuf_addch(out, '\n');
}

/* s centred in width columns (wrapped when wider). */
static void
centred(struct strbuf *out, const char *s, int width)
{
	int w = text_width(s);

	if (w < width)
		spaces(out, (width - w) / 2);
	wrapped(out, s, width, w < width ? (width - w) / 2 : 0, 0);
}

/* "label" then value, the value's further lines under its first. */
static void
field(struct strbuf *out, const char *label, const char *value, int width)
{
	int lw = text_width(label);

	strbuf_adds(out, label);
	if (lw >= width / 2) {
		/* a label as wide as the paper: the value on lines of its
		 * own */
		strbuf_addch(out, '\n');
		wrapped(out, value, width, 0, 0);
		return;
	}
	wrapped(out, value, width, lw, lw);
}

/* left and right on one line when they fit, else on two. */
static void
two_sides(struct strbuf *out, const char *left, const char *right,
    int width)
{
	int lw = text_width(left), rw = text_width(right);

	if (lw + 1 + rw <= width) {
		strbuf_adds(out, left);
		spaces(out, width - lw - rw);
		strbuf_adds(out, right);
		strbuf_addch(out, '\n');
		return;
	}
	wrapped(out, left, width, 0, 0);
	if (rw < width)
		spaces(out, width - rw);
	wrapped(out, right, width, rw < width ? width - rw : 0, 0);
}

/*
 * One row of the item table: item, period and amount.  When the item does
 * not fit its column it takes a line of its own and the period and amount
 * follow on the next, indented.
 */
static void
table_row(struct strbuf *out, const char *item, const char *period,
    const char *amount, int width, int amount_cols)
{
	int item_cols = width - PERIOD_COLS - amount_cols - 2;
	int iw = text_width(item), pw = text_width(period);

	if (item_cols >= 4 && iw <= item_cols) {
		strbuf_adds(out, item);
		spaces(out, item_cols - iw + 1);
	} else {
		wrapped(out, item, width, 0, 2);
		spaces(out, width - PERIOD_COLS - amount_cols - 1);
	}
	strbuf_adds(out, period);
	spaces(out, PERIOD_COLS - pw + 1 + amount_cols - text_width(amount));
	strbuf_adds(out, amount);
	strbuf_addch(out, '\n');
}

/* Clamp a width to what is laid out. */
static int
clamp_width(int width)
{
	if (width < RECEIPT_WIDTH_MIN)
		return RECEIPT_WIDTH_MIN;
	if (width > RECEIPT_WIDTH_MAX)
		return RECEIPT_WIDTH_MAX;
	return width;
}

/* The widest of the formatted amounts, at least the header's. */
static int
amount_cols(const int64_t *fen, int n, int64_t total, const char *header)
{
	char buf[MONEY_BUFSZ];
	int cols = text_width(header), i, w;

	for (i = 0; i <= n; i++) {
		money_format(buf, sizeof buf, i < n ? fen[i] : total);
		if ((w = text_width(buf)) > cols)
			cols = w;
	}
	return cols;
}

/* The total in figures and in capitals. */
static int
totals(struct strbuf *out, int64_t total_fen, int width)
{
	char fig[MONEY_BUFSZ], cn[MONEY_CN_BUFSZ], line[MONEY_CN_BUFSZ + 64];
	int rc;

	money_format(fig, sizeof fig, total_fen);
	if ((rc = money_to_chinese(cn, sizeof cn, total_fen)) != 0)
		return rc;
	snprintf(line, sizeof line, _("Total: %s"), fig);
	wrapped(out, line, width, 0, 2);
	field(out, _("In words: "), cn, width);
	return 0;
}

/* ---- the receipt ------------------------------------------------------- */

int
receipt_render(const struct receipt *r, int width, struct strbuf *out)
{
	char buf[256], a[MONEY_BUFSZ], b[MONEY_BUFSZ];
	int64_t fen[64];
	int i, n, acols, rc;

	width = clamp_width(width);
	if (r->heading != NULL && r->heading[0] != '\0')
		centred(out, r->heading, width);
	if (r->reprint > 0)
		centred(out, _("RECEIPT (REPRINT)"), width);
	else
		centred(out, _("RECEIPT"), width);
	if (r->voided)
		centred(out, _("*** VOIDED ***"), width);
	snprintf(buf, sizeof buf, _("No. %s"), r->number);
	wrapped(out, buf, width, 0, 2);
	if (r->reprint > 0) {
		snprintf(buf, sizeof buf, _("Reprint %d"), r->reprint);
		wrapped(out, buf, width, 0, 2);
	}
	field(out, _("House: "), r->house, width);
	if (r->owner != NULL && r->owner[0] != '\0')
		field(out, _("Owner: "), r->owner, width);
	field(out, _("Time: "), r->when, width);
	rule(out, width);

	n = r->nlines < 64 ? r->nlines : 64;
	for (i = 0; i < n; i++)
		fen[i] = r->lines[i].amount_fen;
	acols = amount_cols(fen, n, r->amount_fen, _("Amount"));
	if (acols > width / 2)
		acols = width / 2;
	table_row(out, _("Item"), _("Period"), _("Amount"), width, acols);
	for (i = 0; i < r->nlines; i++) {
		const struct receipt_line *l = &r->lines[i];

		money_format(a, sizeof a, l->amount_fen);
		table_row(out, l->item, l->period, a, width, acols);
		if (l->left_fen > 0) {
			money_format(b, sizeof b, l->left_fen);
			snprintf(buf, sizeof buf, _("  still owed %s"), b);
			wrapped(out, buf, width, 0, 4);
		}
	}
	if (r->credit_fen > 0) {
		money_format(a, sizeof a, r->credit_fen);
		table_row(out, _("Prepaid (credit)"), "", a, width, acols);
	}
	rule(out, width);
	if ((rc = totals(out, r->amount_fen, width)) != 0)
		return rc;
	field(out, _("Paid by: "), fee_label(FEE_SET_METHOD, (int)r->method),
	    width);
	if (r->method == PAY_CASH) {
		money_format(a, sizeof a, r->tendered_fen);
		money_format(b, sizeof b, r->change_fen);
		snprintf(buf, sizeof buf, _("Cash given: %s"), a);
		wrapped(out, buf, width, 0, 2);
		snprintf(buf, sizeof buf, _("Change: %s"), b);
		wrapped(out, buf, width, 0, 2);
	}
	if (r->balance_fen > 0) {
		money_format(a, sizeof a, r->balance_fen);
		snprintf(buf, sizeof buf, _("Credit balance: %s"), a);
		wrapped(out, buf, width, 0, 2);
	}
	rule(out, width);
	snprintf(buf, sizeof buf, _("Cashier: %s"), r->cashier);
	two_sides(out, buf, r->desk, width);
	return 0;
}

/* ---- the reminder notice ----------------------------------------------- */

int
notice_render(const struct notice *n, int width, struct strbuf *out)
{
	char buf[512], a[MONEY_BUFSZ];
	int64_t total = 0, fen[64];
	int i, k, acols, rc;

	width = clamp_width(width);
	if (n->heading != NULL && n->heading[0] != '\0')
		centred(out, n->heading, width);
	centred(out, _("REMINDER NOTICE"), width);
	if (n->owner != NULL && n->owner[0] != '\0')
		snprintf(buf, sizeof buf, _("Dear owner %s of house %s:"),
		    n->owner, n->house);
	else
		snprintf(buf, sizeof buf, _("Dear owner of house %s:"),
		    n->house);
	wrapped(out, buf, width, 0, 0);
	snprintf(buf, sizeof buf, _("As of %s the following fees are unpaid:"),
	    n->day);
	wrapped(out, buf, width, 0, 0);
	rule(out, width);
	k = n->nlines < 64 ? n->nlines : 64;
	for (i = 0; i < n->nlines; i++)
		total += n->lines[i].open_fen;
	for (i = 0; i < k; i++)
		fen[i] = n->lines[i].open_fen;
	acols = amount_cols(fen, k, total, _("Amount"));
	if (acols > width / 2)
		acols = width / 2;
	table_row(out, _("Item"), _("Period"), _("Amount"), width, acols);
	for (i = 0; i < n->nlines; i++) {
		const struct notice_line *l = &n->lines[i];

		money_format(a, sizeof a, l->open_fen);
		table_row(out, l->item, l->period, a, width, acols);
		snprintf(buf, sizeof buf, _("  due %s"), l->due);
		wrapped(out, buf, width, 0, 4);
	}
	rule(out, width);
	if ((rc = totals(out, total, width)) != 0)
		return rc;
	rule(out, width);
	wrapped(out, _("Please pay at the customer service centre as soon as "
		       "possible. Thank you."), width, 0, 0);
	snprintf(buf, sizeof buf, _("Date: %s"), n->day);
	wrapped(out, buf, width, 0, 0);
	return 0;
}
