/*
 * paymodel.c: the counter's picked bills and the payment typed so far,
 * checked as svc_pay() checks it.  No curses, no database.
 */
#include "ui/model/paymodel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

void
paymodel_init(struct paymodel *pm, const int64_t *ids,
    const int64_t *owed_fen, int n)
{
	int i;

	memset(pm, 0, sizeof *pm);
	pm->method = PAY_CASH;
	if (n <= 0)
		return;
	pm->bills = xreallocarray(NULL, (size_t)n, sizeof *pm->bills);
	for (i = 0; i < n; i++) {
		pm->bills[i].id = ids[i];
		pm->bills[i].owed_fen = owed_fen[i] > 0 ? owed_fen[i] : 0;
		pm->bills[i].picked = 1;
	}
	pm->n = n;
}

void
paymodel_release(struct paymodel *pm)
{
	free(pm->bills);
	memset(pm, 0, sizeof *pm);
	pm->method = PAY_CASH;
}

void
paymodel_toggle(struct paymodel *pm, int i)
{
	if (i >= 0 && i < pm->n)
		pm->bills[i].picked = !pm->bills[i].picked;
}

void
paymodel_toggle_all(struct paymodel *pm)
{
	int i, all = paymodel_npicked(pm) == pm->n;

	for (i = 0; i < pm->n; i++)
		pm->bills[i].picked = !all;
}

void
paymodel_keep_picks(struct paymodel *pm, const struct paymodel *old)
{
	int i, j;

	for (i = 0; i < pm->n; i++)
		for (j = 0; j < old->n; j++)
			if (old->bills[j].id == pm->bills[i].id) {
				pm->bills[i].picked = old->bills[j].picked;
				break;
			}
}

int
paymodel_npicked(const struct paymodel *pm)
{
	int i, n = 0;

	for (i = 0; i < pm->n; i++)
		n += pm->bills[i].picked != 0;
	return n;
}

int64_t
paymodel_picked_fen(const struct paymodel *pm)
{
	int64_t t = 0;
	int i;

	for (i = 0; i < pm->n; i++)
		if (pm->bills[i].picked)
			t += pm->bills[i].owed_fen;
	return t;
}

int64_t
paymodel_open_fen(const struct paymodel *pm)
{
	int64_t t = 0;
	int i;

	for (i = 0; i < pm->n; i++)
		t += pm->bills[i].owed_fen;
	return t;
}

int
paymodel_picked_ids(const struct paymodel *pm, int64_t *ids, int max)
{
	int i, n = 0;

	for (i = 0; i < pm->n && n < max; i++)
		if (pm->bills[i].picked)
			ids[n++] = pm->bills[i].id;
	return n;
}

void
paymodel_default_amount(const struct paymodel *pm, char *buf, size_t bufsz)
{
	int64_t t = paymodel_picked_fen(pm);

	if (bufsz == 0)
		return;
	buf[0] = '\0';
	if (t > 0)
		money_format_plain(buf, bufsz, t);
}

void
paymodel_method_step(struct paymodel *pm, int delta)
{
	int m = ((int)pm->method + delta) % PAY_METHOD_COUNT;

	if (m < 0)
		m += PAY_METHOD_COUNT;
	pm->method = (enum pay_method)m;
}

int
paymodel_method_key(struct paymodel *pm, int key)
{
	if (key < '1' || key >= '1' + PAY_METHOD_COUNT)
		return 0;
	pm->method = (enum pay_method)(key - '1');
	return 1;
}

/* Fail with the field named. */
static int
bad(struct payquote *q, enum pay_field f, int rc)
{
	q->bad = f;
	return rc;
}

int
paymodel_quote(const struct paymodel *pm, const char *amount,
    const char *tendered, int to_credit, struct payquote *q)
{
	int64_t *owed, *alloc, picked, given = -1, excess = 0;
	char msg[512];
	int i, n = 0, rc;

	memset(q, 0, sizeof *q);
	q->bad = PAY_F_NONE;
	if (text_blank(amount))
		return bad(q, PAY_F_AMOUNT, err_set(ERR_INVALID,
		    _("enter the amount taken, e.g. 350.00")));
	if ((rc = money_parse(amount, &q->amount_fen)) != 0)
		return bad(q, PAY_F_AMOUNT, rc);
	if (q->amount_fen <= 0)
		return bad(q, PAY_F_AMOUNT, err_set(ERR_INVALID,
		    _("the amount must be more than 0.00")));
	if (pm->method == PAY_CASH && !text_blank(tendered)) {
		if ((rc = money_parse(tendered, &given)) != 0) {
			snprintf(msg, sizeof msg, "%s", err_msg());
			return bad(q, PAY_F_TENDERED, err_set(rc, _("%s: %s"),
			    _("cash given"), msg));
		}
	}
	if ((rc = fee_change(pm->method, q->amount_fen, given,
	    &q->tendered_fen, &q->change_fen)) != 0)
		return bad(q, PAY_F_TENDERED, rc);
	picked = paymodel_picked_fen(pm);
	if (pm->n > 0 && paymodel_npicked(pm) == 0)
		return bad(q, PAY_F_NONE, err_set(ERR_INVALID,
		    _("pick at least one bill (Space), or all of them (a)")));
	if ((rc = fee_check_amount(q->amount_fen, picked, to_credit,
	    &excess)) != 0)
		return bad(q, PAY_F_AMOUNT, rc);
	q->credit_fen = excess;
	q->settle_fen = q->amount_fen - excess;
	q->left_fen = picked - q->settle_fen;
	owed = xreallocarray(NULL, (size_t)pm->n + 1, sizeof *owed);
	alloc = xreallocarray(NULL, (size_t)pm->n + 1, sizeof *alloc);
	for (i = 0; i < pm->n; i++)
		if (pm->bills[i].picked && pm->bills[i].owed_fen > 0)
			owed[n++] = pm->bills[i].owed_fen;
	rc = n > 0 ? fee_allocate(owed, n, q->amount_fen, alloc, &excess) : 0;
	for (i = 0; rc == 0 && i < n; i++) {
		if (alloc[i] == owed[i])
			q->nfull++;
		else if (alloc[i] > 0)
			q->npart = 1;
	}
	free(owed);
	free(alloc);
	return rc != 0 ? bad(q, PAY_F_AMOUNT, rc) : 0;
}
