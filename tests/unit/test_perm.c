/*
 * test_perm.c: core/perm.c, the permissions matrix (who may do what) and
 * role codes.
 */
#include <string.h>

#include "testlib.h"

#include "core/perm.h"
#include "util/err.h"

/* int perm_allows(enum role role, enum perm_action action); */
static void
test_allows(void **state)
{
	(void)state;
	/* a cashier takes money but never edits owner records */
	assert_false(perm_allows(ROLE_CASHIER, PERM_OWNER_EDIT));
	assert_true(perm_allows(ROLE_CASHIER, PERM_FEE_COLLECT));
	assert_true(perm_allows(ROLE_CASHIER, PERM_FEE_CLOSE_DAY));
	assert_false(perm_allows(ROLE_CASHIER, PERM_FEE_VOID_APPROVE));
	assert_false(perm_allows(ROLE_CASHIER, PERM_REVEAL));
	/* voids (红冲) are approved by the director only */
	assert_true(perm_allows(ROLE_DIRECTOR, PERM_FEE_VOID_APPROVE));
	assert_false(perm_allows(ROLE_RECEPTIONIST, PERM_FEE_VOID_APPROVE));
	assert_false(perm_allows(ROLE_ADMIN, PERM_FEE_VOID_APPROVE));
	/* the receptionist keeps the owner files and requests */
	assert_true(perm_allows(ROLE_RECEPTIONIST, PERM_OWNER_EDIT));
	assert_true(perm_allows(ROLE_RECEPTIONIST, PERM_REQUEST_EDIT));
	assert_false(perm_allows(ROLE_RECEPTIONIST, PERM_FEE_COLLECT));
	assert_false(perm_allows(ROLE_RECEPTIONIST, PERM_USER_MANAGE));
	/* the administrator manages users, not business */
	assert_true(perm_allows(ROLE_ADMIN, PERM_USER_MANAGE));
	assert_false(perm_allows(ROLE_ADMIN, PERM_OWNER_VIEW));
	assert_false(perm_allows(ROLE_DIRECTOR, PERM_USER_MANAGE));
}

/* perm_allows(): out of range is 0 */
static void
test_allows_range(void **state)
{
	(void)state;
	assert_false(perm_allows(ROLE_COUNT, PERM_OWNER_VIEW));
	assert_false(perm_allows((enum role) - 1, PERM_OWNER_VIEW));
	assert_false(perm_allows((enum role)1000, PERM_OWNER_VIEW));
	assert_false(perm_allows(ROLE_DIRECTOR, PERM_COUNT));
	assert_false(perm_allows(ROLE_DIRECTOR, (enum perm_action) - 1));
	assert_false(perm_allows(ROLE_DIRECTOR, (enum perm_action)99999));
}

/* every action is allowed to someone, and the matrix is stable */
static void
test_matrix_whole(void **state)
{
	int a, r, n, total = 0;

	(void)state;
	for (a = 0; a < PERM_COUNT; a++) {
		for (n = 0, r = 0; r < ROLE_COUNT; r++) {
			n += perm_allows((enum role)r, (enum perm_action)a);
			assert_in_range(
			    perm_allows((enum role)r, (enum perm_action)a), 0,
			    1);
		}
		if (n == 0)
			fail_msg("action %d is allowed to nobody", a);
		total += n;
	}
	assert_true(total > PERM_COUNT);
}

/* const char *role_code(enum role role);
 * const char *role_label(enum role role); */
static void
test_code_label(void **state)
{
	(void)state;
	assert_string_equal(role_code(ROLE_RECEPTIONIST), "receptionist");
	assert_string_equal(role_code(ROLE_CASHIER), "cashier");
	assert_string_equal(role_code(ROLE_DIRECTOR), "director");
	assert_string_equal(role_code(ROLE_ADMIN), "admin");
	assert_null(role_code(ROLE_COUNT));
	assert_null(role_code((enum role) - 1));
	assert_string_equal(role_label(ROLE_CASHIER), "Cashier");
	assert_string_equal(role_label(ROLE_COUNT), "?");
}

/* int role_parse(const char *code, enum role *role); */
static void
test_parse(void **state)
{
	enum role r = ROLE_COUNT;
	int i;

	(void)state;
	for (i = 0; i < ROLE_COUNT; i++) {
		assert_int_equal(role_parse(role_code((enum role)i), &r), 0);
		assert_int_equal(r, i);
	}
	r = ROLE_COUNT;
	assert_int_equal(role_parse("janitor", &r), ERR_INVALID);
	assert_non_null(strstr(err_msg(), "janitor"));
	assert_int_equal(r, ROLE_COUNT);
	assert_int_equal(role_parse("", &r), ERR_INVALID);
	assert_int_equal(role_parse("Cashier", &r), ERR_INVALID);
	assert_int_equal(role_parse("cashier ", &r), ERR_INVALID);
	assert_int_equal(role_parse("收银员", &r), ERR_INVALID);
	assert_int_equal(role_parse("\xff\xfe", &r), ERR_INVALID);
	assert_int_equal(role_parse(NULL, &r), ERR_INVALID);
	assert_int_equal(r, ROLE_COUNT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_allows),
	    cmocka_unit_test(test_allows_range),
	    cmocka_unit_test(test_matrix_whole),
	    cmocka_unit_test(test_code_label),
	    cmocka_unit_test(test_parse),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
