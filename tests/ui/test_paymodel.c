/*
 * test_paymodel.c: ui/model/paymodel.c, the counter's picked bills and
 * the payment typed so far: the default amount, part payments, cash and
 * change, credit, the method keys, and the messages for bad input (the
 * same as svc_pay() gives), each pointing at the field that is wrong.
 */
#include <stdio.h>
#include <string.h>

#include "testlib.h"

#include "core/money.h"
#include "ui/model/paymodel.h"
#include "util/err.h"

/* Three open bills, oldest first: 120.50, 80.00 (part paid), 300.00. */
static const int64_t ids[] = { 11, 12, 13 };
static const int64_t owed[] = { 12050, 8000, 30000 };

static void
test_picks(void **state)
{
	struct paymodel pm;
	int64_t got[8];
	char buf[MONEY_BUFSZ];

	(void)state;
	paymodel_init(&pm, ids, owed, 3);
	assert_int_equal(pm.method, PAY_CASH);
	assert_int_equal(paymodel_npicked(&pm), 3);
	assert_int_equal(paymodel_picked_fen(&pm), 50050);
	assert_int_equal(paymodel_open_fen(&pm), 50050);
	paymodel_default_amount(&pm, buf, sizeof buf);
	assert_string_equal(buf, "500.50");
	/* leave the middle one out: the order stays oldest first */
	paymodel_toggle(&pm, 1);
	assert_int_equal(paymodel_picked_fen(&pm), 42050);
	assert_int_equal(paymodel_picked_ids(&pm, got, 8), 2);
	assert_int_equal(got[0], 11);
	assert_int_equal(got[1], 13);
	paymodel_default_amount(&pm, buf, sizeof buf);
	assert_string_equal(buf, "420.50");
	assert_int_equal(paymodel_open_fen(&pm), 50050);
	/* out of range: nothing */
	paymodel_toggle(&pm, -1);
	paymodel_toggle(&pm, 3);
	assert_int_equal(paymodel_npicked(&pm), 2);
	/* not all picked: all; all picked: none */
	paymodel_toggle_all(&pm);
	assert_int_equal(paymodel_npicked(&pm), 3);
	paymodel_toggle_all(&pm);
	assert_int_equal(paymodel_npicked(&pm), 0);
	assert_int_equal(paymodel_picked_fen(&pm), 0);
	paymodel_default_amount(&pm, buf, sizeof buf);
	assert_string_equal(buf, "");
	/* max cuts the list */
	paymodel_toggle_all(&pm);
	assert_int_equal(paymodel_picked_ids(&pm, got, 1), 1);
	assert_int_equal(got[0], 11);
	paymodel_release(&pm);
	assert_int_equal(pm.n, 0);
	assert_null(pm.bills);
}

/* Read again: the picks of the bills still open are kept, a new bill is
 * picked, a bill gone is forgotten. */
static void
test_keep_picks(void **state)
{
	static const int64_t ids2[] = { 12, 13, 14 };
	static const int64_t owed2[] = { 8000, 30000, 5000 };
	struct paymodel old, pm;
	int64_t got[8];

	(void)state;
	paymodel_init(&old, ids, owed, 3);
	paymodel_toggle(&old, 1);       /* 12 left out */
	paymodel_init(&pm, ids2, owed2, 3);
	paymodel_keep_picks(&pm, &old);
	assert_int_equal(paymodel_npicked(&pm), 2);
	assert_int_equal(paymodel_picked_ids(&pm, got, 8), 2);
	assert_int_equal(got[0], 13);
	assert_int_equal(got[1], 14);
	assert_int_equal(paymodel_picked_fen(&pm), 35000);
	paymodel_release(&pm);
	/* nothing before, nothing now: no harm */
	paymodel_init(&pm, NULL, NULL, 0);
	paymodel_keep_picks(&pm, &old);
	assert_int_equal(pm.n, 0);
	paymodel_release(&old);
	paymodel_init(&old, NULL, NULL, 0);
	paymodel_init(&pm, ids2, owed2, 3);
	paymodel_keep_picks(&pm, &old);
	assert_int_equal(paymodel_npicked(&pm), 3);
	paymodel_release(&pm);
	paymodel_release(&old);
}

static void
test_cash_change(void **state)
{
	struct paymodel pm;
	struct payquote q;

	(void)state;
	paymodel_init(&pm, ids, owed, 3);
	paymodel_toggle(&pm, 2);
	/* two months, 1000 given: 799.50 back */
	assert_int_equal(paymodel_quote(&pm, "200.50", "1000", 0, &q), 0);
	assert_int_equal(q.amount_fen, 20050);
	assert_int_equal(q.tendered_fen, 100000);
	assert_int_equal(q.change_fen, 79950);
	assert_int_equal(q.settle_fen, 20050);
	assert_int_equal(q.credit_fen, 0);
	assert_int_equal(q.left_fen, 0);
	assert_int_equal(q.nfull, 2);
	assert_int_equal(q.npart, 0);
	assert_int_equal(q.bad, PAY_F_NONE);
	/* nothing given: exactly the amount, as typed with ￥ and commas */
	assert_int_equal(paymodel_quote(&pm, " ￥200.50 ", "", 0, &q), 0);
	assert_int_equal(q.tendered_fen, 20050);
	assert_int_equal(q.change_fen, 0);
	/* full-width digits from an input method */
	assert_int_equal(paymodel_quote(&pm, "２００.５０", "１,０００", 0, &q),
	    0);
	assert_int_equal(q.change_fen, 79950);
	/* less given than the amount */
	assert_int_equal(paymodel_quote(&pm, "200.50", "200", 0, &q),
	    ERR_INVALID);
	assert_int_equal(q.bad, PAY_F_TENDERED);
	assert_non_null(strstr(err_msg(), "200.00"));
	assert_non_null(strstr(err_msg(), "200.50"));
	/* rubbish given */
	assert_int_equal(paymodel_quote(&pm, "200.50", "一千", 0, &q),
	    ERR_INVALID);
	assert_int_equal(q.bad, PAY_F_TENDERED);
	/* another method: what is typed as given is not asked for */
	paymodel_method_step(&pm, 1);
	assert_int_equal(pm.method, PAY_CARD);
	assert_int_equal(paymodel_quote(&pm, "200.50", "1000", 0, &q), 0);
	assert_int_equal(q.tendered_fen, 20050);
	assert_int_equal(q.change_fen, 0);
	paymodel_release(&pm);
}

static void
test_part_and_credit(void **state)
{
	struct paymodel pm;
	struct payquote q;

	(void)state;
	paymodel_init(&pm, ids, owed, 3);
	/* part: the first whole, 50.00 of the second, 330.00 left */
	assert_int_equal(paymodel_quote(&pm, "170.50", NULL, 0, &q), 0);
	assert_int_equal(q.nfull, 1);
	assert_int_equal(q.npart, 1);
	assert_int_equal(q.left_fen, 33000);
	/* above the bills: refused, naming the way out */
	assert_int_equal(paymodel_quote(&pm, "600", "", 0, &q), ERR_INVALID);
	assert_int_equal(q.bad, PAY_F_AMOUNT);
	assert_non_null(strstr(err_msg(), "99.50"));
	assert_non_null(strstr(err_msg(), "500.50"));
	/* ... kept as credit when chosen */
	assert_int_equal(paymodel_quote(&pm, "600", "", 1, &q), 0);
	assert_int_equal(q.credit_fen, 9950);
	assert_int_equal(q.settle_fen, 50050);
	assert_int_equal(q.nfull, 3);
	assert_int_equal(q.left_fen, 0);
	/* nothing picked while bills are open */
	paymodel_toggle_all(&pm);
	assert_int_equal(paymodel_npicked(&pm), 0);
	assert_int_equal(paymodel_quote(&pm, "10", "", 1, &q), ERR_INVALID);
	paymodel_release(&pm);
	/* a house with no open bill: a prepayment (预存) only as credit */
	paymodel_init(&pm, NULL, NULL, 0);
	assert_int_equal(paymodel_quote(&pm, "100", "", 0, &q), ERR_INVALID);
	assert_int_equal(q.bad, PAY_F_AMOUNT);
	assert_int_equal(paymodel_quote(&pm, "100", "", 1, &q), 0);
	assert_int_equal(q.credit_fen, 10000);
	paymodel_release(&pm);
}

static void
test_bad_amounts(void **state)
{
	static const char *const bad[] = { "", "   ", "350.505", "-350",
		"+350", "0", "0.00", "abc", "1,35,0", "350..5", "三百五十",
		"99999999999999999999", "350.50元'; DROP TABLE bills;--" };
	struct paymodel pm;
	struct payquote q;
	size_t i;

	(void)state;
	paymodel_init(&pm, ids, owed, 3);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear();
		if (paymodel_quote(&pm, bad[i], "1000", 1, &q) != ERR_INVALID)
			fail_msg("'%s' was taken", bad[i]);
		if (q.bad != PAY_F_AMOUNT)
			fail_msg("'%s': field %d, want the amount", bad[i],
			    (int)q.bad);
		if (err_msg()[0] == '\0')
			fail_msg("'%s': no message", bad[i]);
	}
	paymodel_release(&pm);
}

static void
test_method_keys(void **state)
{
	struct paymodel pm;

	(void)state;
	paymodel_init(&pm, ids, owed, 3);
	assert_int_equal(paymodel_method_key(&pm, '3'), 1);
	assert_int_equal(pm.method, PAY_WECHAT);
	assert_int_equal(paymodel_method_key(&pm, '5'), 1);
	assert_int_equal(pm.method, PAY_TRANSFER);
	assert_int_equal(paymodel_method_key(&pm, '6'), 0);
	assert_int_equal(paymodel_method_key(&pm, '0'), 0);
	assert_int_equal(pm.method, PAY_TRANSFER);
	paymodel_method_step(&pm, 1);
	assert_int_equal(pm.method, PAY_CASH);
	paymodel_method_step(&pm, -1);
	assert_int_equal(pm.method, PAY_TRANSFER);
	paymodel_method_step(&pm, -7);
	assert_int_equal(pm.method, PAY_WECHAT);
	paymodel_release(&pm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_picks),
		cmocka_unit_test(test_keep_picks),
		cmocka_unit_test(test_cash_change),
		cmocka_unit_test(test_part_and_credit),
		cmocka_unit_test(test_bad_amounts),
		cmocka_unit_test(test_method_keys),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
