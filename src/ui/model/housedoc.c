/*
 * housedoc.c: the house detail as lines (no curses, no database).  Columns
 * are counted with text_width, so Chinese names line up; free text is put
 * on one line (line breaks become spaces) and cut to the width.  Numbers go
 * through housedoc_number(), the one place that decides between masked and
 * revealed.
 */
#include "ui/model/housedoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mask.h"
#include "core/money.h"
#include "core/request.h"
#include "util/clock.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Longest line laid out, in bytes (a full line of Chinese at 300 columns). */
#define HD_LINE_MAX 1024

/* Wide enough to put the ID number on a person's first line. */
#define HD_WIDE 100

/* ---- items ----------------------------------------------------------------- */

/* Append n items of kind k. */
static void
add_items(struct hd_item *v, int *n, enum hd_kind k, int count)
{
	int i;

	for (i = 0; i < count; i++) {
		v[*n].kind = k;
		v[*n].i = i;
		(*n)++;
	}
}

int
housedoc_items(const struct house_detail *d,
    const struct request_list *reqs, struct hd_item **items)
{
	int nreq = reqs != NULL ? reqs->n : 0;
	int total = d->owners.n + d->occupants.n + d->visits.n +
	    d->past_owners.n + d->past_occupants.n + nreq, n = 0;

	*items = NULL;
	if (total == 0)
		return 0;
	*items = xcalloc((size_t)total, sizeof **items);
	add_items(*items, &n, HD_OWNER, d->owners.n);
	add_items(*items, &n, HD_OCCUPANT, d->occupants.n);
	add_items(*items, &n, HD_VISIT, d->visits.n);
	add_items(*items, &n, HD_PAST_OWNER, d->past_owners.n);
	add_items(*items, &n, HD_PAST_OCCUPANT, d->past_occupants.n);
	add_items(*items, &n, HD_REQUEST, nreq);
	return n;
}

/* ---- numbers ------------------------------------------------------------- */

void
housedoc_number(char *buf, size_t bufsz, const char *value, int phone,
    enum reveal_whose whose, int64_t id, enum reveal_field field,
    const struct hd_reveal *rev, int nrev)
{
	int i;

	buf[0] = '\0';
	if (value == NULL || value[0] == '\0')
		return;
	for (i = 0; i < nrev; i++)
		if (rev[i].whose == whose && rev[i].id == id &&
		    rev[i].field == field) {
			snprintf(buf, bufsz, "%s", rev[i].value);
			return;
		}
	if ((phone ? mask_phone(value, buf, bufsz) :
	    mask_idcard(value, buf, bufsz)) != 0)
		buf[0] = '\0';
}

/* ---- lines --------------------------------------------------------------- */

/* Append a line (text fitted to width). */
static void
add_line(struct hd_doc *doc, const char *text, enum hd_style st, int item,
    int width)
{
	char buf[HD_LINE_MAX];

	if (doc->n == doc->cap) {
		doc->cap = doc->cap > 0 ? doc->cap * 2 : 64;
		doc->lines = xreallocarray(doc->lines, (size_t)doc->cap,
		    sizeof *doc->lines);
	}
	text_fit(buf, sizeof buf, text, width);
	doc->lines[doc->n].text = xstrdup(buf);
	doc->lines[doc->n].style = st;
	doc->lines[doc->n].item = item;
	doc->n++;
}

/* Append s padded to w columns and a space. */
static void
cell(struct strbuf *sb, const char *s, int w)
{
	char buf[HD_LINE_MAX];

	text_pad(buf, sizeof buf, s, w, TEXT_LEFT);
	strbuf_adds(sb, buf);
	strbuf_addch(sb, ' ');
}

/* Free text on one line: line breaks and tabs become spaces. */
static void
flatten(char *s)
{
	for (; *s != '\0'; s++)
		if (*s == '\n' || *s == '\r' || *s == '\t')
			*s = ' ';
}

/* Append "label value" to a list of facts joined by two spaces. */
static void
fact(struct strbuf *sb, const char *text)
{
	if (text[0] == '\0')
		return;
	if (sb->len > 3)
		strbuf_adds(sb, "  ");
	strbuf_adds(sb, text);
}

/* "身份证 110***********1234", or "" when there is no number. */
static void
id_text(char *buf, size_t bufsz, enum id_type type, const char *no,
    enum reveal_whose whose, int64_t id, const struct hd_reveal *rev,
    int nrev)
{
	char num[64];

	housedoc_number(num, sizeof num, no, 0, whose, id, REVEAL_ID_NO, rev,
	    nrev);
	if (num[0] == '\0' || type == ID_TYPE_NONE)
		buf[0] = '\0';
	else
		snprintf(buf, bufsz, "%s %s", household_label(HH_ID_TYPE,
		    (int)type), num);
}

/* Width of the name column: what is left, within 8..14, or 8..32 on a
 * wide screen (names are 2-4 characters; companies are cut). */
static int
name_width(int width, int fixed)
{
	int w = width - fixed, max = width >= HD_WIDE ? 32 : 14;

	return w < 8 ? 8 : w > max ? max : w;
}

/* An owner's name, marked when a company. */
static void
owner_name(char *buf, size_t bufsz, const struct owner *o)
{
	if (o->kind == OWNER_COMPANY)
		snprintf(buf, bufsz, _("%s (company)"), o->name);
	else
		snprintf(buf, bufsz, "%s", o->name);
}

/* The lines of a current owner: name, phone, ID (when wide) and since;
 * then the rest, dimmed. */
static void
owner_lines(struct hd_doc *doc, const struct holding_owner *r, int item,
    const struct hd_reveal *rev, int nrev, int width)
{
	const struct owner *o = &r->o;
	struct strbuf sb = STRBUF_INIT;
	char name[256], ph[64], id[128], buf[HD_LINE_MAX];
	int wide = width >= HD_WIDE;

	owner_name(name, sizeof name, o);
	housedoc_number(ph, sizeof ph, o->phone, 1, REVEAL_OWNER, o->id,
	    REVEAL_PHONE, rev, nrev);
	id_text(id, sizeof id, o->id_type, o->id_no, REVEAL_OWNER, o->id,
	    rev, nrev);
	strbuf_addch(&sb, ' ');
	cell(&sb, name, name_width(width, wide ? 60 : 34));
	cell(&sb, ph, 13);
	if (wide)
		cell(&sb, id, 26);
	snprintf(buf, sizeof buf, _("since %s"), r->h.since);
	strbuf_adds(&sb, buf);
	add_line(doc, sb.buf, HD_TEXT, item, width);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "   ");
	if (!wide)
		fact(&sb, id);
	if (o->move_in[0] != '\0') {
		snprintf(buf, sizeof buf, _("moved in %s"), o->move_in);
		fact(&sb, buf);
	}
	housedoc_number(ph, sizeof ph, o->phone2, 1, REVEAL_OWNER, o->id,
	    REVEAL_PHONE2, rev, nrev);
	if (ph[0] != '\0') {
		snprintf(buf, sizeof buf, _("2nd phone %s"), ph);
		fact(&sb, buf);
	}
	housedoc_number(ph, sizeof ph, o->emergency_phone, 1, REVEAL_OWNER,
	    o->id, REVEAL_EMERGENCY_PHONE, rev, nrev);
	if (o->emergency_name[0] != '\0' || ph[0] != '\0') {
		snprintf(buf, sizeof buf, _("emergency contact %s %s"),
		    o->emergency_name, ph);
		fact(&sb, buf);
	}
	if (o->notes[0] != '\0') {
		snprintf(buf, sizeof buf, _("notes: %s"), o->notes);
		flatten(buf);
		fact(&sb, buf);
	}
	if (sb.len > 3)
		add_line(doc, sb.buf, HD_DIM, item, width);
	strbuf_release(&sb);
}

/* "家属 儿子", "租户" (a detail that only repeats the label is left out).
 * No middle dot: its width is ambiguous in Chinese terminals. */
static void
relation_text(char *buf, size_t bufsz, const struct occupant *o)
{
	const char *label = household_label(HH_RELATION, (int)o->relation);

	if (o->relation_note[0] != '\0' &&
	    strcmp(o->relation_note, label) != 0)
		snprintf(buf, bufsz, "%s %s", label, o->relation_note);
	else
		snprintf(buf, bufsz, "%s", label);
}

/* The line(s) of an occupant, current (until "") or former: name,
 * relation, phone, ID (when wide), the period; then ID and notes. */
static void
occupant_lines(struct hd_doc *doc, const struct occupant *o, int item,
    const struct hd_reveal *rev, int nrev, int width)
{
	struct strbuf sb = STRBUF_INIT;
	char rel[160], ph[64], id[128], buf[HD_LINE_MAX];
	int wide = width >= HD_WIDE;

	relation_text(rel, sizeof rel, o);
	housedoc_number(ph, sizeof ph, o->phone, 1, REVEAL_OCCUPANT, o->id,
	    REVEAL_PHONE, rev, nrev);
	id_text(id, sizeof id, o->id_type, o->id_no, REVEAL_OCCUPANT, o->id,
	    rev, nrev);
	strbuf_addch(&sb, ' ');
	cell(&sb, o->name, name_width(width, wide ? 76 : 50));
	cell(&sb, rel, 12);
	cell(&sb, ph, 13);
	if (wide)
		cell(&sb, id, 26);
	if (o->until[0] != '\0')
		snprintf(buf, sizeof buf, _("%s to %s"), o->since, o->until);
	else
		snprintf(buf, sizeof buf, _("since %s"), o->since);
	strbuf_adds(&sb, buf);
	add_line(doc, sb.buf, HD_TEXT, item, width);
	strbuf_reset(&sb);
	strbuf_adds(&sb, "   ");
	if (!wide)
		fact(&sb, id);
	if (o->notes[0] != '\0') {
		snprintf(buf, sizeof buf, _("notes: %s"), o->notes);
		flatten(buf);
		fact(&sb, buf);
	}
	if (sb.len > 3)
		add_line(doc, sb.buf, HD_DIM, item, width);
	strbuf_release(&sb);
}

/* The line of a former owner. */
static void
past_owner_line(struct hd_doc *doc, const struct holding_owner *r, int item,
    const struct hd_reveal *rev, int nrev, int width)
{
	struct strbuf sb = STRBUF_INIT;
	char name[256], ph[64], buf[128];

	owner_name(name, sizeof name, &r->o);
	housedoc_number(ph, sizeof ph, r->o.phone, 1, REVEAL_OWNER, r->o.id,
	    REVEAL_PHONE, rev, nrev);
	strbuf_addch(&sb, ' ');
	cell(&sb, name, name_width(width, 40));
	snprintf(buf, sizeof buf, _("%s to %s"), r->h.since, r->h.until);
	cell(&sb, buf, 24);
	strbuf_adds(&sb, ph);
	add_line(doc, sb.buf, HD_TEXT, item, width);
	strbuf_release(&sb);
}

/* The line of a visit: when, why, who, what, and who received it. */
static void
visit_line(struct hd_doc *doc, const struct visit *v, int item, int width)
{
	struct strbuf sb = STRBUF_INIT;
	char when[32], who[256], *what;
	int w;

	clock_format(when, sizeof when, v->at);
	snprintf(who, sizeof who, "%s %s", household_label(HH_VISITOR_KIND,
	    (int)v->visitor_kind), v->visitor_name);
	what = v->outcome[0] != '\0' ? xasprintf(_("%s; done: %s"),
	    v->content, v->outcome) : xstrdup(v->content);
	flatten(what);
	w = width - 16 - 6 - 14 - 10 - 6;
	strbuf_addch(&sb, ' ');
	cell(&sb, when, 16);
	cell(&sb, household_label(HH_VISIT_PURPOSE, (int)v->purpose), 6);
	cell(&sb, who, 14);
	cell(&sb, what, w > 10 ? w : 10);
	strbuf_adds(&sb, v->receiver_name);
	add_line(doc, sb.buf, HD_TEXT, item, width);
	free(what);
	strbuf_release(&sb);
}

/* A heading with a count. */
static void
heading(struct hd_doc *doc, const char *fmt, int n, int width)
{
	char buf[256];

	snprintf(buf, sizeof buf, fmt, n);
	add_line(doc, "", HD_TEXT, -1, width);
	add_line(doc, buf, HD_HEADING, -1, width);
}

/* The house's own facts (and what it owes, for roles that see fees). */
static void
facts(struct hd_doc *doc, const struct house *h,
    const struct house_fees *fees, int width)
{
	char area[AREA_BUFSZ], buf[HD_LINE_MAX], amt[MONEY_BUFSZ], *notes;
	size_t n;

	area_format(area, sizeof area, h->area_centi);
	snprintf(buf, sizeof buf, _("%s   floor %d   floor area %s m²   %s   "
	    "%s"), h->code, h->floor, area, household_label(HH_HOUSE_USE,
	    (int)h->use), household_label(HH_HOUSE_STATE, (int)h->state));
	if (fees != NULL && fees->open_fen > 0) {
		money_format(amt, sizeof amt, fees->open_fen);
		n = strlen(buf);
		snprintf(buf + n, sizeof buf - n, "   ");
		n = strlen(buf);
		snprintf(buf + n, sizeof buf - n, _("owes %s yuan"), amt);
	}
	add_line(doc, buf, HD_FACTS, -1, width);
	if (h->notes[0] == '\0')
		return;
	notes = xasprintf(_("Notes: %s"), h->notes);
	flatten(notes);
	add_line(doc, notes, HD_TEXT, -1, width);
	free(notes);
}

/* ---- fees ------------------------------------------------------------------ */

/* "已缴清", "部分缴", "未缴": where a bill stands. */
static const char *
bill_state(const struct bill *b)
{
	if (b->paid_fen >= b->amount_fen)
		return _("paid");
	return b->paid_fen > 0 ? _("part paid") : _("unpaid");
}

/* One bill: period, item, amount, paid, due, state. */
static void
bill_line(struct hd_doc *doc, const struct bill *b, int width)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[HD_LINE_MAX], amt[MONEY_BUFSZ];

	strbuf_addch(&sb, ' ');
	cell(&sb, b->period, 7);
	snprintf(buf, sizeof buf, "%s", b->item_name != NULL ?
	    b->item_name : "");
	flatten(buf);
	cell(&sb, buf, 14);
	money_format(amt, sizeof amt, b->amount_fen);
	text_pad(buf, sizeof buf, amt, 10, TEXT_RIGHT);
	strbuf_adds(&sb, buf);
	strbuf_addch(&sb, ' ');
	money_format(amt, sizeof amt, b->paid_fen);
	text_pad(buf, sizeof buf, amt, 10, TEXT_RIGHT);
	strbuf_adds(&sb, buf);
	strbuf_adds(&sb, "  ");
	cell(&sb, b->due, 10);
	strbuf_adds(&sb, bill_state(b));
	add_line(doc, sb.buf, b->paid_fen < b->amount_fen ? HD_TEXT : HD_DIM,
	    -1, width);
	strbuf_release(&sb);
}

/* One payment: receipt, day, amount, method, cashier, voided. */
static void
payment_line(struct hd_doc *doc, const struct payment *p, int width)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[HD_LINE_MAX], no[FEE_RECEIPT_BUFSZ], amt[MONEY_BUFSZ];

	if (fee_receipt_format(no, sizeof no, p->year, p->seq) != 0)
		no[0] = '\0';
	strbuf_addch(&sb, ' ');
	cell(&sb, no, 11);
	cell(&sb, p->day, 10);
	money_format(amt, sizeof amt, p->amount_fen);
	text_pad(buf, sizeof buf, amt, 10, TEXT_RIGHT);
	strbuf_adds(&sb, buf);
	strbuf_adds(&sb, "  ");
	cell(&sb, fee_label(FEE_SET_METHOD, (int)p->method), 8);
	snprintf(buf, sizeof buf, "%s", p->cashier != NULL ? p->cashier : "");
	flatten(buf);
	cell(&sb, buf, 8);
	if (p->void_state == VOID_APPROVED)
		strbuf_adds(&sb, _("voided"));
	else if (p->void_state == VOID_REQUESTED)
		strbuf_adds(&sb, _("void asked"));
	add_line(doc, sb.buf, p->void_state == VOID_APPROVED ? HD_DIM :
	    HD_TEXT, -1, width);
	strbuf_release(&sb);
}

/* A right-aligned title of w columns and a space (or two). */
static void
rcell(struct strbuf *sb, const char *s, int w, const char *after)
{
	char buf[HD_LINE_MAX];

	text_pad(buf, sizeof buf, s, w, TEXT_RIGHT);
	strbuf_adds(sb, buf);
	strbuf_adds(sb, after);
}

/* The column titles of the bills, or of the payments, aligned as their
 * lines are. */
static void
fee_titles(struct hd_doc *doc, int payments, int width)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addch(&sb, ' ');
	if (!payments) {
		cell(&sb, _("Period"), 7);
		cell(&sb, _("Item"), 14);
		rcell(&sb, _("Amount"), 10, " ");
		rcell(&sb, _("Settled"), 10, "  ");
		cell(&sb, _("Due"), 10);
		strbuf_adds(&sb, _("State"));
	} else {
		cell(&sb, _("Receipt no."), 11);
		cell(&sb, _("Date paid"), 10);
		rcell(&sb, _("Amount"), 10, "  ");
		cell(&sb, _("Paid by"), 8);
		strbuf_adds(&sb, _("Cashier"));
	}
	add_line(doc, sb.buf, HD_DIM, -1, width);
	strbuf_release(&sb);
}

/* What is open and the credit; the reminders in a line. */
static void
fee_summary(struct hd_doc *doc, const struct house_fees *f, int width)
{
	char open[MONEY_BUFSZ], credit[MONEY_BUFSZ], buf[HD_LINE_MAX];
	const struct reminder *r;
	int i, n = 0;

	for (i = 0; i < f->bills.n; i++)
		n += f->bills.v[i].paid_fen < f->bills.v[i].amount_fen;
	money_format(open, sizeof open, f->open_fen);
	money_format(credit, sizeof credit, f->credit_fen);
	if (n > 0)
		snprintf(buf, sizeof buf, _(" Open %s yuan in %d bills; credit "
		    "%s yuan"), open, n, credit);
	else
		snprintf(buf, sizeof buf, _(" Nothing open; credit %s yuan"),
		    credit);
	add_line(doc, buf, HD_TEXT, -1, width);
	if (f->reminders.n == 0)
		return;
	r = &f->reminders.v[0];
	snprintf(buf, sizeof buf, _(" Reminded %d times, the last on %s (%s)"),
	    f->reminders.n, r->day, fee_label(FEE_SET_REMIND, (int)r->method));
	add_line(doc, buf, HD_DIM, -1, width);
}

/* The bills and payments section (收费). */
static void
fee_section(struct hd_doc *doc, const struct house_fees *f, int width)
{
	char buf[HD_LINE_MAX];
	int i, shown = 0, open = 0;

	add_line(doc, "", HD_TEXT, -1, width);
	add_line(doc, _("Bills and payments"), HD_HEADING, -1, width);
	fee_summary(doc, f, width);
	if (f->bills.n > 0)
		fee_titles(doc, 0, width);
	for (i = 0; i < f->bills.n; i++) {
		open = f->bills.v[i].paid_fen < f->bills.v[i].amount_fen;
		if (!open && shown >= HD_FEE_BILLS)
			continue;
		bill_line(doc, &f->bills.v[i], width);
		shown++;
	}
	if (shown < f->bills.n) {
		snprintf(buf, sizeof buf, _(" %d of %d bills shown: every open "
		    "one and the newest; export bills has them all."), shown,
		    f->bills.n);
		add_line(doc, buf, HD_DIM, -1, width);
	}
	if (f->bills.n == 0)
		add_line(doc, _(" No bills yet."), HD_DIM, -1, width);
	if (f->payments.n > 0)
		fee_titles(doc, 1, width);
	else
		add_line(doc, _(" No payments yet."), HD_DIM, -1, width);
	for (i = 0; i < f->payments.n && i < HD_FEE_PAYMENTS; i++)
		payment_line(doc, &f->payments.v[i], width);
	if (f->payments.n > HD_FEE_PAYMENTS) {
		snprintf(buf, sizeof buf, _(" The newest %d of %d payments are "
		    "shown; export payments has them all."), HD_FEE_PAYMENTS,
		    f->payments.n);
		add_line(doc, buf, HD_DIM, -1, width);
	}
}

/* The widest label of a request set, in columns. */
static int
label_width(enum request_set set)
{
	int i, w, max = 0;

	for (i = 0; i < request_count(set); i++)
		if ((w = text_width(request_label(set, i))) > max)
			max = w;
	return max;
}

/* One request: its number (which holds the day), state, type and what
 * it is about; a closed one dimmed. */
static void
request_line(struct hd_doc *doc, const struct request_row *r, int item,
    int width)
{
	struct strbuf sb = STRBUF_INIT;
	char buf[HD_LINE_MAX];

	strbuf_addch(&sb, ' ');
	cell(&sb, r->no, 15);
	cell(&sb, request_label(REQ_SET_STATE, (int)r->state),
	    label_width(REQ_SET_STATE));
	cell(&sb, request_label(REQ_SET_TYPE, (int)r->type),
	    label_width(REQ_SET_TYPE));
	snprintf(buf, sizeof buf, "%s", r->summary != NULL ? r->summary : "");
	flatten(buf);
	strbuf_adds(&sb, buf);
	add_line(doc, sb.buf, r->state == REQ_CLOSED ? HD_DIM : HD_TEXT, item,
	    width);
	strbuf_release(&sb);
}

/* The item of request i among items (-1: not selectable). */
static int
request_item(const struct hd_item *items, int nitems, int i)
{
	int k;

	for (k = 0; k < nitems; k++)
		if (items[k].kind == HD_REQUEST && items[k].i == i)
			return k;
	return -1;
}

/* The house's service requests, newest first, with how many there are. */
static void
request_section(struct hd_doc *doc, const struct request_list *reqs,
    const struct hd_item *items, int nitems, int width)
{
	char buf[256];
	int i;

	heading(doc, _("Service requests (%d)"), (int)reqs->total, width);
	if (reqs->n == 0)
		add_line(doc, _(" No service requests about this house."),
		    HD_DIM, -1, width);
	for (i = 0; i < reqs->n; i++)
		request_line(doc, &reqs->v[i], request_item(items, nitems, i),
		    width);
	if (reqs->total > reqs->n) {
		snprintf(buf, sizeof buf, _(" The newest %d of %lld are shown; "
		    "the requests module finds them all by house number."),
		    reqs->n, (long long)reqs->total);
		add_line(doc, buf, HD_DIM, -1, width);
	}
}

/* The requests (for roles that see them), the fees (likewise), then the
 * sections that later modules fill, each saying so. */
static void
later_sections(struct hd_doc *doc, const struct request_list *reqs,
    const struct hd_item *items, int nitems, const struct house_fees *fees,
    int width)
{
	static const char *const later[][2] = {
		{ N_("Decoration"), N_("Decoration applications, permits and "
		    "inspections will show here when the decoration module "
		    "arrives.") },
		{ N_("Documents"), N_("The household file (一户一档) will show "
		    "here when the archives module arrives.") },
	};
	size_t i;

	if (reqs != NULL)
		request_section(doc, reqs, items, nitems, width);
	if (fees != NULL)
		fee_section(doc, fees, width);
	for (i = 0; i < sizeof later / sizeof later[0]; i++) {
		add_line(doc, "", HD_TEXT, -1, width);
		add_line(doc, _(later[i][0]), HD_HEADING, -1, width);
		add_line(doc, _(later[i][1]), HD_DIM, -1, width);
	}
}

/* The sections of items, in layout order (enum hd_kind order). */
static const struct {
	const char *title;  /* with the count */
	const char *none;   /* when empty, for an editor */
	const char *none_ro; /* when empty, for a role that only reads */
} sections[] = {
	[HD_OWNER] = { N_("Owners (%d)"),
	    N_(" No owner on file; press o to add one."),
	    N_(" No owner on file.") },
	[HD_OCCUPANT] = { N_("Occupants (%d)"),
	    N_(" No occupants on file; press a to add family or a tenant."),
	    N_(" No occupants on file.") },
	[HD_VISIT] = { N_("Visits (%d)"),
	    N_(" No visits logged; F4 logs one."), N_(" No visits logged.") },
	[HD_PAST_OWNER] = { N_("Former owners (%d)"),
	    N_(" None: no change of owner is on file."),
	    N_(" None: no change of owner is on file.") },
	[HD_PAST_OCCUPANT] = { N_("Former occupants (%d)"), N_(" None."),
	    N_(" None.") },
};

/* The lines of item k. */
static void
item_lines(struct hd_doc *doc, const struct house_detail *d,
    const struct hd_item *it, int k, const struct hd_reveal *rev, int nrev,
    int width)
{
	switch (it->kind) {
	case HD_OWNER:
		owner_lines(doc, &d->owners.v[it->i], k, rev, nrev, width);
		break;
	case HD_OCCUPANT:
		occupant_lines(doc, &d->occupants.v[it->i], k, rev, nrev,
		    width);
		break;
	case HD_VISIT:
		visit_line(doc, &d->visits.v[it->i], k, width);
		break;
	case HD_PAST_OWNER:
		past_owner_line(doc, &d->past_owners.v[it->i], k, rev, nrev,
		    width);
		break;
	case HD_PAST_OCCUPANT:
		occupant_lines(doc, &d->past_occupants.v[it->i], k, rev, nrev,
		    width);
		break;
	case HD_REQUEST: /* laid out in its own section, later */
		break;
	}
}

void
housedoc_build(struct hd_doc *doc, const struct house_detail *d,
    const struct hd_item *items, int nitems, const struct hd_reveal *rev,
    int nrev, int width, int editor, const struct house_fees *fees,
    const struct request_list *reqs)
{
	char buf[256];
	int sec, k, n;

	memset(doc, 0, sizeof *doc);
	width = width < 40 ? 40 : width;
	facts(doc, &d->house, fees, width);
	for (sec = HD_OWNER; sec <= HD_PAST_OCCUPANT; sec++) {
		for (k = n = 0; k < nitems; k++)
			n += (int)items[k].kind == sec;
		heading(doc, _(sections[sec].title), n, width);
		if (n == 0)
			add_line(doc, editor ? _(sections[sec].none) :
			    _(sections[sec].none_ro), HD_DIM, -1, width);
		for (k = 0; k < nitems; k++)
			if ((int)items[k].kind == sec)
				item_lines(doc, d, &items[k], k, rev, nrev,
				    width);
		if (sec == HD_VISIT && d->visits.n >= SVC_DETAIL_VISITS) {
			snprintf(buf, sizeof buf, _(" The newest %d are "
			    "shown; export visits has them all."),
			    SVC_DETAIL_VISITS);
			add_line(doc, buf, HD_DIM, -1, width);
		}
	}
	later_sections(doc, reqs, items, nitems, fees, width);
}

int
housedoc_line_of(const struct hd_doc *doc, int it)
{
	int i;

	for (i = 0; it >= 0 && i < doc->n; i++)
		if (doc->lines[i].item == it)
			return i;
	return -1;
}

void
housedoc_release(struct hd_doc *doc)
{
	int i;

	for (i = 0; i < doc->n; i++)
		free(doc->lines[i].text);
	free(doc->lines);
	memset(doc, 0, sizeof *doc);
}
