/*
 * cmd_request.c: frontdesk report requests --period YYYY-MM [--format
 * text|csv]: the monthly review of service requests (工单月度回顾): counts
 * by type, category and status; on-time response and resolution; callback
 * and satisfaction rates; mean time to resolve; reopens; the director's
 * classification.  Text is laid out by display width (a Chinese label takes
 * two columns a character); CSV goes through util/csv.c (UTF-8 with BOM,
 * CRLF, for Excel).  The figures come from svc_request_review().
 */
#include "cli/cli.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/date.h"
#include "core/request.h"
#include "db/db.h"
#include "svc/session.h"
#include "svc/svc_request.h"
#include "util/config.h"
#include "util/csv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"

/* Columns of the label in text output. */
#define LABEL_COLS 24
/* Columns of a number. */
#define VALUE_COLS 12

/* One line of the report, as both formats write it. */
struct line {
	const char *section; /* translated; NULL: a line of the same section */
	const char *item;    /* translated */
	char value[48];      /* count, rate, or time */
	int64_t num, den;    /* a rate's parts; den < 0: not a rate */
};

/* Where the lines go. */
struct out {
	int csv;
	struct csv_writer w;
	const char *section; /* the section being written (text) */
};

static void
out_line(struct out *o, const struct line *l)
{
	char label[LABEL_COLS * 4 + 1], value[VALUE_COLS * 4 + 1];
	char num[32], den[32];

	if (o->csv) {
		snprintf(num, sizeof num, "%lld", (long long)l->num);
		snprintf(den, sizeof den, "%lld", (long long)l->den);
		csv_writer_field(&o->w, l->section != NULL ? l->section :
		    o->section, CSV_TEXT);
		csv_writer_field(&o->w, l->item, CSV_TEXT);
		csv_writer_field(&o->w, l->value, CSV_TEXT);
		csv_writer_field(&o->w, l->den >= 0 ? num : "", CSV_NUMBER);
		csv_writer_field(&o->w, l->den >= 0 ? den : "", CSV_NUMBER);
		csv_writer_end_row(&o->w);
		if (l->section != NULL)
			o->section = l->section;
		return;
	}
	if (l->section != NULL) {
		printf("\n%s\n", l->section);
		o->section = l->section;
	}
	text_pad(label, sizeof label, l->item, LABEL_COLS, TEXT_LEFT);
	text_pad(value, sizeof value, l->value, VALUE_COLS, TEXT_RIGHT);
	if (l->den >= 0)
		printf("  %s%s  (%lld / %lld)\n", label, value,
		    (long long)l->num, (long long)l->den);
	else
		printf("  %s%s\n", label, value);
}

/* A count line. */
static void
count(struct out *o, const char *section, const char *item, int64_t n)
{
	struct line l = {section, item, "", 0, -1};

	snprintf(l.value, sizeof l.value, "%lld", (long long)n);
	out_line(o, &l);
}

/* A rate line. */
static void
rate(struct out *o, const char *section, const char *item, int64_t num,
    int64_t den)
{
	struct line l = {section, item, "", num, den};

	request_rate_format(l.value, sizeof l.value, num, den);
	out_line(o, &l);
}

/* Counts of one coded set, with the total. */
static void
by_set(struct out *o, const char *section, enum request_set set,
    const int64_t *counts, int64_t total)
{
	int i, n = request_count(set);

	for (i = 0; i < n; i++)
		count(o, i == 0 ? section : NULL, request_label(set, i),
		    counts[i]);
	count(o, NULL, _("Total requests"), total);
}

/* The whole review. */
static void
report(struct out *o, const struct request_month *m)
{
	const struct request_review *v = &m->review;
	struct line l = {NULL, NULL, "", 0, -1};
	int64_t unclassified = v->total - v->valid - v->invalid;

	by_set(o, _("By type"), REQ_SET_TYPE, v->by_type, v->total);
	by_set(o, _("By category"), REQ_SET_CATEGORY, v->by_category,
	    v->total);
	by_set(o, _("By status"), REQ_SET_STATE, v->by_state, v->total);
	rate(o, _("Deadlines and callbacks"), _("On-time response"),
	    v->respond_on_time, v->respond_on_time + v->respond_late);
	rate(o, NULL, _("On-time resolution"), v->resolve_on_time,
	    v->resolve_on_time + v->resolve_late);
	rate(o, NULL, _("Callback rate"), v->callback_done, v->callback_due);
	rate(o, NULL, _("Satisfaction"), v->satisfied + v->fairly,
	    v->callbacks);
	l.item = _("Mean time to resolve");
	if (v->resolved > 0) {
		if (o->csv)
			snprintf(l.value, sizeof l.value, "%.1f",
			    (double)v->resolve_seconds / v->resolved / 3600.0);
		else
			request_span_format(l.value, sizeof l.value,
			    v->resolve_seconds / v->resolved);
	} else
		snprintf(l.value, sizeof l.value, "-");
	if (o->csv)
		l.item = _("Mean time to resolve (hours)");
	out_line(o, &l);
	count(o, NULL, _("Reopened requests"), v->reopened);
	count(o, NULL, _("Reopens in all"), v->reopens);
	count(o, NULL, _("Open and overdue"), v->overdue_open);
	count(o, _("Callbacks"), request_label(REQ_SET_RESULT,
	    REQ_SATISFIED), v->satisfied);
	count(o, NULL, request_label(REQ_SET_RESULT, REQ_FAIRLY), v->fairly);
	count(o, NULL, request_label(REQ_SET_RESULT, REQ_UNSATISFIED),
	    v->unsatisfied);
	count(o, _("Director's classification"), _("Valid"), v->valid);
	count(o, NULL, _("Invalid"), v->invalid);
	count(o, NULL, _("Not classified"), unclassified);
}

/* The title lines of the text report. */
static void
title(const struct request_month *m)
{
	char period[DATE_PERIOD_BUFSZ], first[DATE_BUFSZ], last[DATE_BUFSZ];
	char now[DATE_TIME_BUFSZ];
	struct fd_date d;

	date_period_format(period, sizeof period, &m->period);
	date_period_first(&m->period, &d);
	date_format(first, sizeof first, &d);
	date_period_last(&m->period, &d);
	date_format(last, sizeof last, &d);
	date_format_time(now, sizeof now, (time_t)m->now);
	printf(_("Service requests %s: %lld registered from %s to %s\n"),
	    period, (long long)m->review.total, first, last);
	printf(_("As of %s\n"), now);
}

/* The parsed command line. */
struct report_args {
	const char *period;
	const char *user;
	int csv;
	int pw_stdin;
};

static int
report_usage(void)
{
	return cli_usage(_("usage: frontdesk report requests --period YYYY-MM "
			   "[--format text|csv] --user NAME "
			   "[--password-stdin]"));
}

static int
report_parse(struct cli *c, struct report_args *a)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"format", required_argument, NULL, 'f'},
		{"user", required_argument, NULL, CLI_OPT_USER},
		{"password-stdin", no_argument, NULL, CLI_OPT_PWSTDIN},
		{NULL, 0, NULL, 0},
	};
	struct fd_period p;
	int ch;

	while ((ch = getopt_long(c->argc, c->argv, "", opts, NULL)) != -1) {
		switch (ch) {
		case 'p': a->period = optarg; break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				a->csv = 1;
			else if (strcmp(optarg, "text") != 0)
				return cli_usage(_("report writes --format text "
						   "or csv, not '%s'"), optarg);
			break;
		case CLI_OPT_USER: a->user = optarg; break;
		case CLI_OPT_PWSTDIN: a->pw_stdin = 1; break;
		default: return report_usage();
		}
	}
	if (optind != c->argc || a->period == NULL)
		return report_usage();
	if (date_period_parse(a->period, &p) != 0)
		return cli_usage("%s", err_msg());
	if (a->user == NULL)
		return cli_usage(_("'%s' acts as a named user: add --user NAME"),
		    "report");
	return 0;
}

int
cmd_report_requests(struct cli *c)
{
	struct report_args a = {0};
	struct request_month m;
	struct session s;
	struct out o;
	struct db *db = NULL;
	int rc;

	if ((rc = report_parse(c, &a)) != 0)
		return rc;
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	if (svc_request_review(&s, a.period, &m) != 0) {
		rc = cli_fail_err();
		goto out;
	}
	memset(&o, 0, sizeof o);
	o.csv = a.csv;
	if (o.csv) {
		csv_writer_init(&o.w, stdout);
		csv_writer_field(&o.w, _("Section"), CSV_TEXT);
		csv_writer_field(&o.w, _("Figure"), CSV_TEXT);
		csv_writer_field(&o.w, _("Value"), CSV_TEXT);
		csv_writer_field(&o.w, _("Numerator"), CSV_TEXT);
		csv_writer_field(&o.w, _("Denominator"), CSV_TEXT);
		csv_writer_end_row(&o.w);
		report(&o, &m);
		if (csv_writer_finish(&o.w) != 0)
			rc = cli_fail_err();
	} else {
		title(&m);
		report(&o, &m);
		if (fflush(stdout) != 0)
			rc = cli_fail(_("cannot write the report"));
	}
out:
	cli_close_session(&db, &s);
	return rc;
}
