/*
 * feeview.c: the fee screens' logic (no curses, no database): rates,
 * the arrears list's columns, cells, order and match, and the monthly
 * report and a notice as lines.  Widths are counted with text_width, so
 * Chinese item names line up; money is formatted by money_format and is
 * never cut (a column is left out instead).
 */
#include "ui/model/feeview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/money.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Longest line laid out, in bytes. */
#define FV_LINE_MAX 1024

/* ---- rates --------------------------------------------------------------- */

int
feeview_pct(char *buf, size_t bufsz, int64_t num, int64_t den, int decimals)
{
	static const int64_t scale[] = { 100, 1000, 10000 };
	int64_t v, unit;
	int n;

	if (bufsz > 0)
		buf[0] = '\0';
	if (num < 0 || den < 0 || decimals < 0 || decimals > 2 || bufsz == 0)
		return ERR_INVALID;
	if (den == 0) {
		n = snprintf(buf, bufsz, "-");
		return (size_t)n < bufsz ? 0 : (buf[0] = '\0', ERR_INVALID);
	}
	/* num * scale can overflow only beyond MONEY_MAX_FEN * 10000 */
	if (num > INT64_MAX / 20000) {
		num /= 1000;
		den /= 1000;
		if (den == 0)
			den = 1;
	}
	v = (num * scale[decimals] * 2 + den) / (den * 2);
	unit = scale[decimals] / 100;
	if (decimals == 0)
		n = snprintf(buf, bufsz, "%lld%%", (long long)v);
	else
		n = snprintf(buf, bufsz, "%lld.%0*lld%%", (long long)(v / unit),
		    decimals, (long long)(v % unit));
	if (n < 0 || (size_t)n >= bufsz) {
		buf[0] = '\0';
		return ERR_INVALID;
	}
	return 0;
}

/* ---- columns ------------------------------------------------------------- */

/* The columns of each view, most wanted first. */
static const int house_prio[] = { FVC_HOUSE, FVC_TOTAL, FVC_AGE3, FVC_AGE2,
	FVC_AGE1, FVC_AGE0, FVC_OWNERS, FVC_STAGE, FVC_BILLS, FVC_OLDEST,
	FVC_LAST, -1 };
static const int group_prio[] = { FVC_NAME, FVC_TOTAL, FVC_AGE3, FVC_AGE2,
	FVC_AGE1, FVC_AGE0, FVC_HOUSES, FVC_SHARE, -1 };

/* A column of the list: title, width wanted, flex, alignment. */
static struct listcol
column(int id, enum feeview_view view, int money_w)
{
	switch (id) {
	case FVC_HOUSE:
		return (struct listcol){ _("House"), 9, 0, TEXT_LEFT };
	case FVC_NAME:
		return (struct listcol){ view == FV_BY_ITEM ? _("Item") :
		    _("Building"), 12, 1, TEXT_LEFT };
	case FVC_OWNERS:
		return (struct listcol){ _("Owner"), 8, 1, TEXT_LEFT };
	case FVC_HOUSES:
		return (struct listcol){ _("Households"), 6, 0, TEXT_RIGHT };
	case FVC_AGE0:
	case FVC_AGE1:
	case FVC_AGE2:
	case FVC_AGE3:
		return (struct listcol){ date_age_label((enum age_bucket)(id -
		    FVC_AGE0)), money_w, 0, TEXT_RIGHT };
	case FVC_TOTAL:
		return (struct listcol){ _("Total"), money_w, 0,
		    TEXT_RIGHT };
	case FVC_SHARE:
		return (struct listcol){ _("Share"), 6, 0, TEXT_RIGHT };
	case FVC_BILLS:
		return (struct listcol){ _("Bills"), 4, 0, TEXT_RIGHT };
	case FVC_OLDEST:
		return (struct listcol){ _("Oldest due"), 10, 0, TEXT_LEFT };
	case FVC_STAGE:
		return (struct listcol){ _("Reminded"), 6, 0, TEXT_LEFT };
	default:
		return (struct listcol){ _("Last reminder"), 10, 0,
		    TEXT_LEFT };
	}
}

void
feeview_cols(struct feeview_cols *c, enum feeview_view view, int width,
    int64_t max_fen)
{
	const int *prio = view == FV_BY_HOUSE ? house_prio : group_prio;
	int take[FVC_COUNT] = { 0 }, used = 0, i, w, money_w;
	char buf[MONEY_BUFSZ];

	memset(c, 0, sizeof *c);
	money_format(buf, sizeof buf, max_fen > 0 ? max_fen : 0);
	money_w = text_width(buf) > 9 ? text_width(buf) : 9;
	for (i = 0; prio[i] >= 0; i++) {
		w = column(prio[i], view, money_w).width;
		if (w < text_width(column(prio[i], view, money_w).title))
			w = text_width(column(prio[i], view, money_w).title);
		if (used + w + (used > 0) > width && used > 0)
			continue;
		take[prio[i]] = 1;
		used += w + (used > 0);
	}
	for (i = 0; i < FVC_COUNT && c->n < LISTMODEL_MAXCOLS; i++) {
		if (!take[i])
			continue;
		c->id[c->n] = i;
		c->col[c->n] = column(i, view, money_w);
		w = text_width(c->col[c->n].title);
		if (c->col[c->n].width < w)
			c->col[c->n].width = w;
		c->n++;
	}
}

/* The largest of a's buckets and total. */
static int64_t
ageing_max(const struct fee_ageing *a, int64_t max)
{
	int b;

	for (b = 0; b < AGE_COUNT; b++)
		if (a->fen[b] > max)
			max = a->fen[b];
	return a->total_fen > max ? a->total_fen : max;
}

int64_t
feeview_max_fen(const struct arrears_report *r, enum feeview_view view)
{
	int64_t max = 0;
	int i;

	if (view == FV_BY_HOUSE)
		for (i = 0; i < r->nhouses; i++)
			max = ageing_max(&r->houses[i].age, max);
	else if (view == FV_BY_BUILDING)
		for (i = 0; i < r->nbuildings; i++)
			max = ageing_max(&r->buildings[i].age, max);
	else
		for (i = 0; i < r->nitems; i++)
			max = ageing_max(&r->items[i].age, max);
	return max;
}

/* ---- cells --------------------------------------------------------------- */

const char *
feeview_stage(int stage)
{
	static const char *const short_labels[REMIND_METHOD_COUNT] = {
		N_("Notice"), N_("Call"), N_("Home visit (short)"),
		N_("Letter"),
	};

	return stage >= 0 && stage < REMIND_METHOD_COUNT ?
	    _(short_labels[stage]) : "-";
}

/* Money, or "" for nothing (a blank bucket reads at a glance). */
static void
money_cell(char *buf, size_t bufsz, int64_t fen, int blank_zero)
{
	if (fen == 0 && blank_zero)
		buf[0] = '\0';
	else if (money_format(buf, bufsz, fen) != 0)
		snprintf(buf, bufsz, "?");
}

/* Line breaks and tabs as spaces. */
static void
flatten(char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

void
feeview_house_cell(char *buf, size_t bufsz, const struct arrears_house *h,
    int col)
{
	buf[0] = '\0';
	switch (col) {
	case FVC_HOUSE:
		snprintf(buf, bufsz, "%s", h->code);
		break;
	case FVC_OWNERS:
		snprintf(buf, bufsz, "%s", h->owners != NULL ? h->owners : "");
		flatten(buf);
		break;
	case FVC_AGE0:
	case FVC_AGE1:
	case FVC_AGE2:
	case FVC_AGE3:
		money_cell(buf, bufsz, h->age.fen[col - FVC_AGE0], 1);
		break;
	case FVC_TOTAL:
		money_cell(buf, bufsz, h->age.total_fen, 0);
		break;
	case FVC_BILLS:
		snprintf(buf, bufsz, "%d", h->nbills);
		break;
	case FVC_OLDEST:
		snprintf(buf, bufsz, "%s", h->oldest_due);
		break;
	case FVC_STAGE:
		snprintf(buf, bufsz, "%s", feeview_stage(h->stage));
		break;
	case FVC_LAST:
		snprintf(buf, bufsz, "%s", h->last_reminder[0] != '\0' ?
		    h->last_reminder : "-");
		break;
	}
}

void
feeview_group_cell(char *buf, size_t bufsz, const struct arrears_group *g,
    enum feeview_view view, const struct fee_ageing *total, int col)
{
	buf[0] = '\0';
	switch (col) {
	case FVC_NAME:
		if (view == FV_BY_BUILDING)
			snprintf(buf, bufsz, _("Building %d"), (int)g->key);
		else
			snprintf(buf, bufsz, "%s", g->name != NULL ? g->name :
			    "");
		flatten(buf);
		break;
	case FVC_HOUSES:
		snprintf(buf, bufsz, "%lld", (long long)g->houses);
		break;
	case FVC_AGE0:
	case FVC_AGE1:
	case FVC_AGE2:
	case FVC_AGE3:
		money_cell(buf, bufsz, g->age.fen[col - FVC_AGE0], 1);
		break;
	case FVC_TOTAL:
		money_cell(buf, bufsz, g->age.total_fen, 0);
		break;
	case FVC_SHARE:
		feeview_pct(buf, bufsz, g->age.total_fen, total->total_fen, 1);
		break;
	}
}

/* ---- order and match ----------------------------------------------------- */

/* Compare houses a and b by column col (ascending). */
static int
cmp_col(const struct arrears_house *a, const struct arrears_house *b,
    int col)
{
	int64_t x = 0, y = 0;

	switch (col) {
	case FVC_AGE0:
	case FVC_AGE1:
	case FVC_AGE2:
	case FVC_AGE3:
		x = a->age.fen[col - FVC_AGE0];
		y = b->age.fen[col - FVC_AGE0];
		break;
	case FVC_TOTAL:
		x = a->age.total_fen;
		y = b->age.total_fen;
		break;
	case FVC_BILLS:
		x = a->nbills;
		y = b->nbills;
		break;
	case FVC_STAGE:
		x = a->stage;
		y = b->stage;
		break;
	case FVC_OLDEST:
		return strcmp(a->oldest_due, b->oldest_due);
	case FVC_LAST:
		return strcmp(a->last_reminder, b->last_reminder);
	case FVC_OWNERS:
		return strcmp(a->owners != NULL ? a->owners : "",
		    b->owners != NULL ? b->owners : "");
	default:
		return 0; /* the house number: the order svc gave */
	}
	return x < y ? -1 : x > y;
}

/* Houses i and j in the order asked for; ties by house number. */
static int
before(const struct arrears_house *v, int i, int j, int col, int desc)
{
	int c = col == FVC_HOUSE ? (i > j) - (i < j) :
	    cmp_col(&v[i], &v[j], col);

	if (desc)
		c = -c;
	return c != 0 ? c < 0 : i < j;
}

void
feeview_sort(const struct arrears_house *v, int *idx, int n, int col,
    int desc)
{
	int *tmp, w, lo, mid, hi, a, b, k, i;

	for (i = 0; i < n; i++)
		idx[i] = i;
	if (n < 2)
		return;
	/* bottom-up merge sort: a 100k-house list sorts in a blink */
	tmp = xcalloc((size_t)n, sizeof *tmp);
	for (w = 1; w < n; w *= 2) {
		for (lo = 0; lo < n; lo += 2 * w) {
			mid = lo + w < n ? lo + w : n;
			hi = lo + 2 * w < n ? lo + 2 * w : n;
			for (a = lo, b = mid, k = lo; k < hi; k++)
				if (a < mid && (b >= hi || !before(v, idx[b],
				    idx[a], col, desc)))
					tmp[k] = idx[a++];
				else
					tmp[k] = idx[b++];
		}
		memcpy(idx, tmp, (size_t)n * sizeof *idx);
	}
	free(tmp);
}

/* ASCII lower case and full-width digits/letters as ASCII, into dst. */
static void
fold(char *dst, size_t dstsz, const char *src)
{
	char *p;

	if (text_halfwidth(dst, dstsz, src) != 0)
		snprintf(dst, dstsz, "%s", src);
	for (p = dst; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

int
feeview_match(const struct arrears_house *h, const char *text)
{
	char want[256], in[FV_LINE_MAX], *w;

	fold(want, sizeof want, text != NULL ? text : "");
	w = text_trim(want);
	if (w[0] == '\0')
		return 1;
	if (strstr(h->code, w) != NULL)
		return 1;
	fold(in, sizeof in, h->owners != NULL ? h->owners : "");
	return strstr(in, w) != NULL;
}

/* ---- line documents ------------------------------------------------------ */

void
feeview_doc_release(struct feeview_doc *doc)
{
	int i;

	for (i = 0; i < doc->n; i++)
		free(doc->lines[i].text);
	free(doc->lines);
	memset(doc, 0, sizeof *doc);
}

/* Append text fitted to width. */
static void
add(struct feeview_doc *doc, const char *text, enum feeview_style st,
    int width)
{
	char buf[FV_LINE_MAX];
	int w;

	if (doc->n == doc->cap) {
		doc->cap = doc->cap > 0 ? doc->cap * 2 : 32;
		doc->lines = xreallocarray(doc->lines, (size_t)doc->cap,
		    sizeof *doc->lines);
	}
	text_fit(buf, sizeof buf, text, width);
	doc->lines[doc->n].text = xstrdup(buf);
	doc->lines[doc->n].style = st;
	doc->n++;
	if ((w = text_width(buf)) > doc->width)
		doc->width = w;
}

/* Widths of the monthly table: name, bills, billed, collected, rate. */
#define MT_BILLS 6
#define MT_MONEY 14
#define MT_RATE 8

/* One line of the monthly table into sb. */
static void
month_row(struct strbuf *sb, int namew, const char *name, const char *bills,
    const char *billed, const char *paid, const char *rate)
{
	char buf[FV_LINE_MAX];

	text_pad(buf, sizeof buf, name, namew, TEXT_LEFT);
	strbuf_adds(sb, buf);
	text_pad(buf, sizeof buf, bills, MT_BILLS + 1, TEXT_RIGHT);
	strbuf_adds(sb, buf);
	text_pad(buf, sizeof buf, billed, MT_MONEY + 1, TEXT_RIGHT);
	strbuf_adds(sb, buf);
	text_pad(buf, sizeof buf, paid, MT_MONEY + 1, TEXT_RIGHT);
	strbuf_adds(sb, buf);
	text_pad(buf, sizeof buf, rate, MT_RATE + 1, TEXT_RIGHT);
	strbuf_adds(sb, buf);
}

/* A line of the table for l (name given). */
static void
month_line(struct feeview_doc *doc, int namew, const char *name,
    int64_t bills, int64_t billed, int64_t paid, enum feeview_style st,
    int width)
{
	struct strbuf sb = STRBUF_INIT;
	char n[32], b[MONEY_BUFSZ], p[MONEY_BUFSZ], r[FEEVIEW_PCT_BUFSZ];

	snprintf(n, sizeof n, "%lld", (long long)bills);
	money_format(b, sizeof b, billed);
	money_format(p, sizeof p, paid);
	feeview_pct(r, sizeof r, paid, billed, 2);
	month_row(&sb, namew, name, n, b, p, r);
	add(doc, sb.buf, st, width);
	strbuf_release(&sb);
}

/* One table: the column titles (the first one names the table), the
 * lines. */
static void
month_table(struct feeview_doc *doc, const char *first,
    const struct month_line *v, int n, int building, int namew, int width)
{
	struct strbuf sb = STRBUF_INIT;
	char name[256];
	int i;

	month_row(&sb, namew, first, _("Bills"), _("Billed (应收)"),
	    _("Collected (实收)"), _("Rate"));
	add(doc, sb.buf, FVS_COLHEAD, width);
	for (i = 0; i < n; i++) {
		if (building)
			snprintf(name, sizeof name, _("Building %d"),
			    v[i].building);
		else
			snprintf(name, sizeof name, "%s", v[i].name != NULL ?
			    v[i].name : "");
		flatten(name);
		month_line(doc, namew, name, v[i].bills, v[i].billed_fen,
		    v[i].paid_fen, FVS_TEXT, width);
	}
	if (n == 0)
		add(doc, _("  No bills in this period."), FVS_DIM, width);
	strbuf_release(&sb);
}

/* A rate with its formula: on one line when it fits, else the numbers on
 * a second line under the "=". */
static void
formula(struct feeview_doc *doc, const char *words, const char *num,
    const char *den, const char *rate, int width)
{
	char *one = xasprintf("%s = %s / %s = %s", words, num, den, rate);
	char *two;

	if (text_width(one) <= width) {
		add(doc, one, FVS_TEXT, width);
	} else {
		add(doc, words, FVS_TEXT, width);
		two = xasprintf("    = %s / %s = %s", num, den, rate);
		add(doc, two, FVS_TEXT, width);
		free(two);
	}
	free(one);
}

/* The three rates and their formulas. */
static void
month_rates(struct feeview_doc *doc, const struct monthly_report *m,
    int width)
{
	char a[MONEY_BUFSZ], b[MONEY_BUFSZ], r[FEEVIEW_PCT_BUFSZ];

	add(doc, _("Rates and how they are worked out"), FVS_HEADING, width);
	money_format(a, sizeof a, m->paid_fen);
	money_format(b, sizeof b, m->billed_fen);
	feeview_pct(r, sizeof r, m->paid_fen, m->billed_fen, 2);
	formula(doc, _("Collection rate by amount (收缴率) = collected this "
	    "period / billed this period"), a, b, r, width);
	snprintf(a, sizeof a, "%lld", (long long)m->households_paid);
	snprintf(b, sizeof b, "%lld", (long long)m->households);
	feeview_pct(r, sizeof r, m->households_paid, m->households, 2);
	formula(doc, _("Collection rate by household = households paid up / "
	    "households billed"), a, b, r, width);
	money_format(a, sizeof a, m->old_paid_fen);
	money_format(b, sizeof b, m->old_open_fen);
	feeview_pct(r, sizeof r, m->old_paid_fen, m->old_open_fen, 2);
	formula(doc, _("Old arrears recovered (清缴率) = old arrears paid in "
	    "the period / old arrears at its start"), a, b, r, width);
	add(doc, _("Collected: what is paid of the period's bills up to now, "
	    "net of voids. Old arrears: the bills of earlier periods."),
	    FVS_DIM, width);
}

void
feeview_month_doc(struct feeview_doc *doc, const struct monthly_report *m,
    int width, int roomy)
{
	int64_t bills = 0;
	int namew, i;

	memset(doc, 0, sizeof *doc);
	for (i = 0; i < m->nitems; i++)
		bills += m->items[i].bills;
	width = width < 40 ? 40 : width;
	namew = width - (MT_BILLS + 2 * MT_MONEY + MT_RATE + 4);
	namew = namew < 8 ? 8 : namew > 24 ? 24 : namew;
	/* compact, so that a usual report fits 80x24 whole */
	month_table(doc, _("Fee item"), m->items, m->nitems, 0, namew, width);
	if (roomy)
		add(doc, "", FVS_TEXT, width);
	month_table(doc, _("Building"), m->buildings, m->nbuildings, 1, namew,
	    width);
	month_line(doc, namew, _("Total"), bills, m->billed_fen, m->paid_fen,
	    FVS_TOTAL, width);
	if (roomy)
		add(doc, "", FVS_TEXT, width);
	month_rates(doc, m, width);
}

void
feeview_text_doc(struct feeview_doc *doc, const char *text, int width)
{
	const char *p = text != NULL ? text : "", *e;
	char *line;

	memset(doc, 0, sizeof *doc);
	while (*p != '\0') {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		line = xstrndup(p, (size_t)(e - p));
		flatten(line);
		add(doc, line, FVS_TEXT, width > 1 ? width : 1);
		free(line);
		p = *e == '\n' ? e + 1 : e;
	}
}

int
feeview_scroll(int top, int delta, int n, int rows)
{
	top += delta;
	if (top > n - rows)
		top = n - rows;
	return top < 0 ? 0 : top;
}
