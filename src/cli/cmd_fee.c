/*
 * cmd_fee.c: the fee commands of the command line: frontdesk bill --period
 * P, frontdesk pay --house H --amount A --method M, and the reports
 * daily-close, monthly and arrears (frontdesk report ..., dispatched by
 * cmd_report.c).  Each acts as a named user; everything is done by svc, this
 * file only parses the options and prints plain text (golden-tested).
 * `import readings` and `export bills|payments` live with the other CSV
 * files in cmd_csv.c.
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/fee.h"
#include "core/money.h"
#include "db/db.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "svc/svc_fee.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"

/* Options of the fee commands (beyond the shared ones of cli.h). */
enum {
	OPT_PERIOD = 1100,
	OPT_HOUSE,
	OPT_AMOUNT,
	OPT_METHOD,
	OPT_TENDERED,
	OPT_CREDIT,
	OPT_NO_PRINT,
	OPT_DATE,
	OPT_CASHIER,
	OPT_BUILDING,
	OPT_ITEM,
	OPT_MIN_AGE,
	OPT_LATE,
};

/* Everything any fee command may be given. */
struct fee_args {
	const char *user;
	int pw_stdin;
	const char *period;
	const char *house;
	const char *amount;
	const char *method;
	const char *tendered;
	int credit;
	int no_print;
	const char *date;
	const char *cashier;
	const char *building;
	const char *item;
	const char *min_age;
	int late;
};

/* Parse the options of c into a; 0 or CLI_USAGE (printed with usage). */
static int
args_parse(struct cli *c, struct fee_args *a, const char *usage)
{
	static const struct option opts[] = {
		{"user", required_argument, NULL, CLI_OPT_USER},
		{"password-stdin", no_argument, NULL, CLI_OPT_PWSTDIN},
		{"period", required_argument, NULL, OPT_PERIOD},
		{"house", required_argument, NULL, OPT_HOUSE},
		{"amount", required_argument, NULL, OPT_AMOUNT},
		{"method", required_argument, NULL, OPT_METHOD},
		{"tendered", required_argument, NULL, OPT_TENDERED},
		{"credit", no_argument, NULL, OPT_CREDIT},
		{"no-print", no_argument, NULL, OPT_NO_PRINT},
		{"date", required_argument, NULL, OPT_DATE},
		{"cashier", required_argument, NULL, OPT_CASHIER},
		{"building", required_argument, NULL, OPT_BUILDING},
		{"item", required_argument, NULL, OPT_ITEM},
		{"min-age", required_argument, NULL, OPT_MIN_AGE},
		{"late-fees", no_argument, NULL, OPT_LATE},
		{NULL, 0, NULL, 0},
	};
	int ch;

	memset(a, 0, sizeof *a);
	while ((ch = getopt_long(c->argc, c->argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case CLI_OPT_USER: a->user = optarg; break;
		case CLI_OPT_PWSTDIN: a->pw_stdin = 1; break;
		case OPT_PERIOD: a->period = optarg; break;
		case OPT_HOUSE: a->house = optarg; break;
		case OPT_AMOUNT: a->amount = optarg; break;
		case OPT_METHOD: a->method = optarg; break;
		case OPT_TENDERED: a->tendered = optarg; break;
		case OPT_CREDIT: a->credit = 1; break;
		case OPT_NO_PRINT: a->no_print = 1; break;
		case OPT_DATE: a->date = optarg; break;
		case OPT_CASHIER: a->cashier = optarg; break;
		case OPT_BUILDING: a->building = optarg; break;
		case OPT_ITEM: a->item = optarg; break;
		case OPT_MIN_AGE: a->min_age = optarg; break;
		case OPT_LATE: a->late = 1; break;
		default: return cli_usage("%s", usage);
		}
	}
	if (optind != c->argc)
		return cli_usage("%s", usage);
	return 0;
}

/* "1,350.50" of fen into buf (MONEY_BUFSZ). */
static const char *
yuan(char *buf, int64_t fen)
{
	money_format(buf, MONEY_BUFSZ, fen);
	return buf;
}

/* Print s padded to cols columns (right-aligned when right). */
static void
cell(const char *s, int cols, int right)
{
	char buf[256];

	text_pad(buf, sizeof buf, s, cols, right ? TEXT_RIGHT : TEXT_LEFT);
	fputs(buf, stdout);
}

/* Print an amount right-aligned in cols columns. */
static void
money_cell(int64_t fen, int cols)
{
	char buf[MONEY_BUFSZ];

	cell(yuan(buf, fen), cols, 1);
}

/* ---- bill -------------------------------------------------------------- */

/* `bill --late-fees`: the late fees of every house up to today. */
static int
bill_late(struct session *s)
{
	struct late_run run;
	char t[MONEY_BUFSZ];

	if (svc_late_fees(s, 0, &run) != 0)
		return cli_fail_err();
	printf(_("late fees up to today: %lld bill lines, %s\n"),
	    (long long)run.bills, yuan(t, run.total_fen));
	return 0;
}

/* `bill --period P`: the bills of a period. */
static int
bill_period(struct session *s, const char *period)
{
	struct bill_run run;
	char t[MONEY_BUFSZ], cr[MONEY_BUFSZ];

	if (svc_bill_generate(s, period, NULL, NULL, &run) != 0)
		return cli_fail_err();
	printf(_("bills of %s: %lld made (%s), %lld there already\n"),
	    run.period, (long long)run.created, yuan(t, run.total_fen),
	    (long long)run.existing);
	if (run.no_reading > 0)
		printf(_("%lld metered bills wait for a meter reading\n"),
		    (long long)run.no_reading);
	if (run.no_standard > 0)
		printf(_("%lld fee items have no price for %s\n"),
		    (long long)run.no_standard, run.period);
	if (run.credit_fen > 0)
		printf(_("credit applied: %s for %lld houses\n"),
		    yuan(cr, run.credit_fen), (long long)run.credited);
	return 0;
}

int
cmd_bill(struct cli *c)
{
	const char *usage = _("usage: frontdesk bill --period YYYY-MM | "
			      "--late-fees --user NAME [--password-stdin]");
	struct fee_args a;
	struct session s;
	struct db *db;
	int rc;

	if ((rc = args_parse(c, &a, usage)) != 0)
		return rc;
	if ((a.period == NULL) == !a.late || a.house != NULL ||
	    a.amount != NULL)
		return cli_usage("%s", usage);
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	rc = a.late ? bill_late(&s) : bill_period(&s, a.period);
	cli_close_session(&db, &s);
	return rc;
}

/* ---- pay --------------------------------------------------------------- */

int
cmd_pay(struct cli *c)
{
	const char *usage = _("usage: frontdesk pay --house H --amount A "
			      "--method cash|card|wechat|alipay|transfer "
			      "[--tendered T] [--credit] [--no-print] --user "
			      "NAME [--password-stdin]");
	struct fee_args a;
	struct counter ct;
	struct pay_in in;
	struct pay_result r;
	struct print_result pr;
	struct session s;
	struct db *db;
	char m[MONEY_BUFSZ], g[MONEY_BUFSZ], ch[MONEY_BUFSZ], l[MONEY_BUFSZ];
	char k[MONEY_BUFSZ];
	int rc;

	if ((rc = args_parse(c, &a, usage)) != 0)
		return rc;
	if (a.house == NULL || a.amount == NULL || a.method == NULL ||
	    a.period != NULL)
		return cli_usage("%s", usage);
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	memset(&ct, 0, sizeof ct);
	if (svc_counter_load_by_code(&s, a.house, &ct) != 0) {
		rc = cli_fail_err();
		goto out;
	}
	memset(&in, 0, sizeof in);
	in.house_id = ct.house.id;
	in.amount = a.amount;
	in.method = a.method;
	in.tendered = a.tendered;
	in.to_credit = a.credit;
	in.seen_payment_id = -1; /* oldest first, whatever is open now */
	if (svc_pay(&s, &in, &r) != 0) {
		rc = cli_fail_err();
		goto out;
	}
	/* the receipt number alone on the first line, for scripts */
	printf("%s\n", r.receipt_no);
	printf(_("house %s paid %s, bills settled: %d; given %s, change %s; "
		 "still owed %s\n"), ct.house.code, yuan(m, r.amount_fen),
	    r.nlines,
	    yuan(g, r.tendered_fen), yuan(ch, r.change_fen),
	    yuan(l, r.left_fen));
	if (r.credit_fen > 0)
		printf(_("kept as credit: %s (credit now %s)\n"),
		    yuan(k, r.credit_fen), yuan(l, r.balance_fen));
	fflush(stdout);
	if (a.no_print)
		goto out;
	/* the payment stands whatever the printer does */
	if (svc_receipt_print(&s, r.payment_id, &pr) != 0)
		fprintf(stderr, "frontdesk: %s\n", err_msg());
	else if (pr.path[0] != '\0')
		printf(_("receipt saved as %s\n"), pr.path);
	else
		printf(_("receipt printed\n"));
out:
	counter_release(&ct);
	cli_close_session(&db, &s);
	return rc;
}

/* ---- report daily-close ------------------------------------------------ */

/* "cash 350.74, bank card 100.00": the methods that took anything. */
static void
print_methods(const struct day_sums *m)
{
	char buf[MONEY_BUFSZ];
	int i, first = 1;

	for (i = 0; i < PAY_METHOD_COUNT; i++) {
		if (m->by_method[i] == 0)
			continue;
		printf("%s%s %s", first ? "" : _(", "),
		    fee_label(FEE_SET_METHOD, i), yuan(buf, m->by_method[i]));
		first = 0;
	}
	if (first)
		printf(_("nothing"));
}

/* One cashier's day. */
static void
print_day(const struct close_view *v)
{
	const struct day_sums *m = &v->sums;
	const struct day_close *c = &v->close;
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], d[MONEY_BUFSZ], e[MONEY_BUFSZ];
	char when[32];

	printf("%s\n", v->cashier);
	if (m->n > 0)
		printf(_("  receipts %s to %s: %lld\n"), v->first_no,
		    v->last_no, (long long)m->n);
	else
		printf(_("  no receipts\n"));
	printf(_("  taken: "));
	print_methods(m);
	printf(_("; total %s\n"), yuan(a, m->total_fen));
	printf(_("  cash: received %s, change %s, handed back %s\n"),
	    yuan(a, m->tendered_fen), yuan(b, m->change_fen),
	    yuan(d, m->refund_fen));
	if (m->nvoids > 0)
		printf(_("  voids approved: %lld, %s\n"), (long long)m->nvoids,
		    yuan(a, m->void_fen));
	if (!v->closed) {
		printf(_("  not closed yet\n"));
		return;
	}
	clock_format(when, sizeof when, c->at);
	printf(_("  closed at %s: float %s, expected %s, counted %s, "
		 "difference %s\n"), when, yuan(a, c->float_fen),
	    yuan(b, c->expected_fen), yuan(d, c->counted_fen),
	    yuan(e, c->diff_fen));
	if (c->reason[0] != '\0')
		printf(_("  reason: %s\n"), c->reason);
	if (c->reviewed_by != 0)
		printf(_("  reviewed by %s\n"), c->reviewer);
	else
		printf(_("  not reviewed yet\n"));
}

int
cmd_report_daily_close(struct cli *c)
{
	const char *usage = _("usage: frontdesk report daily-close [--date "
			      "YYYY-MM-DD] [--cashier NAME] --user NAME "
			      "[--password-stdin]");
	struct daily_report r;
	struct fee_args a;
	struct session s;
	struct db *db;
	char t[MONEY_BUFSZ];
	int rc, i;

	if ((rc = args_parse(c, &a, usage)) != 0)
		return rc;
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	if (svc_report_daily(&s, a.date, a.cashier, &r) != 0) {
		rc = cli_fail_err();
		goto out;
	}
	printf(_("Daily close of %s\n"), r.day);
	for (i = 0; i < r.n; i++)
		print_day(&r.rows[i]);
	if (r.n == 0)
		printf(_("no payments, voids or closes that day\n"));
	printf(_("All cashiers: %lld receipts, %s\n"), (long long)r.total.n,
	    yuan(t, r.total.total_fen));
	daily_report_release(&r);
out:
	cli_close_session(&db, &s);
	return rc;
}

/* ---- report monthly ---------------------------------------------------- */

#define COL_NAME 20
#define COL_NUM 7
#define COL_AMOUNT 14
#define COL_RATE 9

/* One line of the monthly table. */
static void
month_row(const char *name, const char *building, int64_t bills,
    int64_t billed, int64_t paid)
{
	char n[24], rate[FEE_RATE_BUFSZ];

	cell(name, COL_NAME, 0);
	cell(building, 6, 1);
	snprintf(n, sizeof n, "%lld", (long long)bills);
	cell(n, COL_NUM, 1);
	money_cell(billed, COL_AMOUNT);
	money_cell(paid, COL_AMOUNT);
	fee_rate_format(rate, sizeof rate, paid, billed);
	cell(rate, COL_RATE, 1);
	putchar('\n');
}

/* The header of the monthly table. */
static void
month_header(void)
{
	cell(_("Item"), COL_NAME, 0);
	cell(_("Bldg"), 6, 1);
	cell(_("Bills"), COL_NUM, 1);
	cell(_("Billed"), COL_AMOUNT, 1);
	cell(_("Collected"), COL_AMOUNT, 1);
	cell(_("Rate"), COL_RATE, 1);
	putchar('\n');
}

int
cmd_report_monthly(struct cli *c)
{
	const char *usage = _("usage: frontdesk report monthly --period "
			      "YYYY-MM --user NAME [--password-stdin]");
	struct monthly_report m;
	struct fee_args a;
	struct session s;
	struct db *db;
	char a1[MONEY_BUFSZ], a2[MONEY_BUFSZ], r[FEE_RATE_BUFSZ], b[16];
	int64_t nbills;
	int rc, i;

	if ((rc = args_parse(c, &a, usage)) != 0)
		return rc;
	if (a.period == NULL)
		return cli_usage("%s", usage);
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	if (svc_report_monthly(&s, a.period, &m) != 0) {
		rc = cli_fail_err();
		goto out;
	}
	printf(_("Monthly report %s\n\n"), m.period);
	month_header();
	for (i = 0; i < m.ncells; i++) {
		snprintf(b, sizeof b, "%d", m.cells[i].building);
		month_row(m.cells[i].name, b, m.cells[i].bills,
		    m.cells[i].billed_fen, m.cells[i].paid_fen);
	}
	printf(_("\nBy item\n"));
	for (i = 0; i < m.nitems; i++)
		month_row(m.items[i].name, "", m.items[i].bills,
		    m.items[i].billed_fen, m.items[i].paid_fen);
	printf(_("\nBy building\n"));
	for (i = 0; i < m.nbuildings; i++)
		month_row("", m.buildings[i].name, m.buildings[i].bills,
		    m.buildings[i].billed_fen, m.buildings[i].paid_fen);
	printf("\n");
	for (nbills = 0, i = 0; i < m.nitems; i++)
		nbills += m.items[i].bills;
	month_row(_("Total"), "", nbills, m.billed_fen, m.paid_fen);
	printf("\n");
	fee_rate_format(r, sizeof r, m.paid_fen, m.billed_fen);
	printf(_("Collection rate by amount (收缴率) = collected / billed "
		 "= %s / %s = %s\n"), yuan(a1, m.paid_fen),
	    yuan(a2, m.billed_fen), r);
	fee_rate_format(r, sizeof r, m.households_paid, m.households);
	printf(_("Collection rate by household = households paid up / "
		 "households billed = %lld / %lld = %s\n"),
	    (long long)m.households_paid, (long long)m.households, r);
	fee_rate_format(r, sizeof r, m.old_paid_fen, m.old_open_fen);
	printf(_("Old arrears recovered (清缴率) = old arrears paid in the "
		 "month / old arrears at its start = %s / %s = %s\n"),
	    yuan(a1, m.old_paid_fen), yuan(a2, m.old_open_fen), r);
	printf(_("Collected counts what is paid of the month's bills up to "
		 "now, net of voids; old arrears are the bills of earlier "
		 "months.\n"));
	monthly_report_release(&m);
out:
	cli_close_session(&db, &s);
	return rc;
}

/* ---- report arrears ---------------------------------------------------- */

#define COL_HOUSE 11
#define COL_OWNER 14
#define COL_AGE 15

/* The four ages and the total of a. */
static void
age_cells(const struct fee_ageing *a)
{
	int b;

	for (b = 0; b < AGE_COUNT; b++)
		money_cell(a->fen[b], COL_AGE);
	money_cell(a->total_fen, COL_AGE);
}

/* The header: first column title, second (or NULL), ages, total. */
static void
age_header(const char *first, int first_cols, const char *second)
{
	int b;

	cell(first, first_cols, 0);
	if (second != NULL)
		cell(second, COL_OWNER, 0);
	for (b = 0; b < AGE_COUNT; b++)
		cell(date_age_label((enum age_bucket)b), COL_AGE, 1);
	cell(_("Total"), COL_AGE, 1);
}

/* The age bucket named by text ("31-90", "91", "180+"...). */
static int
parse_min_age(const char *s, int *out)
{
	long days;
	char *end;

	days = strtol(s, &end, 10);
	if (end == s || days < 0 || days > 100000)
		return cli_usage(_("--min-age takes days: 0, 31, 91 or 181"));
	*out = (int)date_age_bucket((int32_t)days);
	return 0;
}

int
cmd_report_arrears(struct cli *c)
{
	const char *usage = _("usage: frontdesk report arrears [--building B] "
			      "[--item NAME] [--min-age DAYS] --user NAME "
			      "[--password-stdin]");
	struct arrears_filter f = {0, 0, 0, AGE_0_30};
	struct arrears_report r;
	struct fee_setup fs = {0};
	struct fee_args a;
	struct session s;
	struct db *db;
	char *end;
	int rc, i;

	if ((rc = args_parse(c, &a, usage)) != 0)
		return rc;
	if (a.building != NULL) {
		f.building = (int)strtol(a.building, &end, 10);
		if (*end != '\0' || f.building < 1 || f.building > 999)
			return cli_usage(_("--building takes a building "
					   "number, 1 to 999"));
	}
	if (a.min_age != NULL && (rc = parse_min_age(a.min_age,
	    &f.min_age)) != 0)
		return rc;
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	if (a.item != NULL) {
		if (svc_fee_setup(&s, 1, &fs) != 0) {
			rc = cli_fail_err();
			goto out;
		}
		for (i = 0; i < fs.n; i++)
			if (strcmp(fs.v[i].item.name, a.item) == 0)
				f.item_id = fs.v[i].item.id;
		fee_setup_release(&fs);
		if (f.item_id == 0) {
			rc = cli_fail(_("no fee item called %s"), a.item);
			goto out;
		}
	}
	if (svc_arrears(&s, &f, &r) != 0) {
		rc = cli_fail_err();
		goto out;
	}
	printf(_("Arrears as of %s\n\n"), r.day);
	age_header(_("House"), COL_HOUSE, _("Owner"));
	printf("  %s\n", _("Reminded"));
	for (i = 0; i < r.nhouses; i++) {
		const struct arrears_house *h = &r.houses[i];

		cell(h->code, COL_HOUSE, 0);
		cell(h->owners, COL_OWNER, 0);
		age_cells(&h->age);
		if (h->stage >= 0)
			printf("  %s %s\n", fee_label(FEE_SET_REMIND,
			    h->stage), h->last_reminder);
		else
			printf("  -\n");
	}
	printf(_("\nBy building\n"));
	age_header(_("Building"), COL_HOUSE + COL_OWNER, NULL);
	putchar('\n');
	for (i = 0; i < r.nbuildings; i++) {
		cell(r.buildings[i].name, COL_HOUSE + COL_OWNER, 0);
		age_cells(&r.buildings[i].age);
		putchar('\n');
	}
	printf(_("\nBy item\n"));
	age_header(_("Item"), COL_HOUSE + COL_OWNER, NULL);
	putchar('\n');
	for (i = 0; i < r.nitems; i++) {
		cell(r.items[i].name, COL_HOUSE + COL_OWNER, 0);
		age_cells(&r.items[i].age);
		putchar('\n');
	}
	putchar('\n');
	cell(_("Total"), COL_HOUSE + COL_OWNER, 0);
	age_cells(&r.total);
	printf(_("\n%d houses in arrears\n"), r.nhouses);
	arrears_report_release(&r);
out:
	cli_close_session(&db, &s);
	return rc;
}
