/*
 * housesel.c: what the selection in a house detail stands for, and
 * scrolling the detail's lines around it (no curses, no database).
 */
#include "ui/model/housesel.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"

const struct owner *
housesel_owner(const struct house_detail *d, const struct hd_item *it)
{
	if (it != NULL && it->kind == HD_OWNER && it->i < d->owners.n)
		return &d->owners.v[it->i].o;
	if (it != NULL && it->kind == HD_PAST_OWNER &&
	    it->i < d->past_owners.n)
		return &d->past_owners.v[it->i].o;
	return NULL;
}

const struct occupant *
housesel_occupant(const struct house_detail *d, const struct hd_item *it)
{
	if (it != NULL && it->kind == HD_OCCUPANT && it->i < d->occupants.n)
		return &d->occupants.v[it->i];
	if (it != NULL && it->kind == HD_PAST_OCCUPANT &&
	    it->i < d->past_occupants.n)
		return &d->past_occupants.v[it->i];
	return NULL;
}

int64_t
housesel_id(const struct house_detail *d, const struct hd_item *it)
{
	const struct owner *o = housesel_owner(d, it);
	const struct occupant *oc = housesel_occupant(d, it);

	if (o != NULL)
		return o->id;
	if (oc != NULL)
		return oc->id;
	if (it != NULL && it->kind == HD_VISIT && it->i < d->visits.n)
		return d->visits.v[it->i].id;
	return 0;
}

const char *
housesel_raw(const struct house_detail *d, const struct hd_item *it,
    enum reveal_field f)
{
	const struct owner *o = housesel_owner(d, it);
	const struct occupant *oc = housesel_occupant(d, it);

	if (o != NULL)
		return f == REVEAL_ID_NO ? o->id_no : f == REVEAL_PHONE ?
		    o->phone : f == REVEAL_PHONE2 ? o->phone2 :
		    o->emergency_phone;
	if (oc != NULL && (f == REVEAL_ID_NO || f == REVEAL_PHONE))
		return f == REVEAL_ID_NO ? oc->id_no : oc->phone;
	return "";
}

int
housesel_numbers(const struct house_detail *d, const struct hd_item *it,
    enum reveal_field *fields, int max)
{
	static const enum reveal_field order[] = { REVEAL_PHONE,
		REVEAL_ID_NO, REVEAL_PHONE2, REVEAL_EMERGENCY_PHONE };
	const char *v;
	size_t i;
	int n = 0;

	for (i = 0; i < sizeof order / sizeof order[0] && n < max; i++)
		if ((v = housesel_raw(d, it, order[i])) != NULL &&
		    v[0] != '\0')
			fields[n++] = order[i];
	return n;
}

/* An owner whole. */
static void
owner_card(struct strbuf *sb, const struct owner *o,
    const struct hd_reveal *rev, int nrev)
{
	char ph[64], id[64], ph2[64], eph[64];

	housedoc_number(ph, sizeof ph, o->phone, 1, REVEAL_OWNER, o->id,
	    REVEAL_PHONE, rev, nrev);
	housedoc_number(ph2, sizeof ph2, o->phone2, 1, REVEAL_OWNER, o->id,
	    REVEAL_PHONE2, rev, nrev);
	housedoc_number(eph, sizeof eph, o->emergency_phone, 1, REVEAL_OWNER,
	    o->id, REVEAL_EMERGENCY_PHONE, rev, nrev);
	housedoc_number(id, sizeof id, o->id_no, 0, REVEAL_OWNER, o->id,
	    REVEAL_ID_NO, rev, nrev);
	strbuf_addf(sb, _("Name: %s (%s)\nPhone: %s %s\nDocument: %s %s\n"
	    "Moved in: %s\nEmergency contact: %s %s\nNotes: %s"), o->name,
	    household_label(HH_OWNER_KIND, (int)o->kind), ph, ph2,
	    household_label(HH_ID_TYPE, (int)o->id_type), id, o->move_in,
	    o->emergency_name, eph, o->notes);
}

/* An occupant whole. */
static void
occupant_card(struct strbuf *sb, const struct occupant *oc,
    const struct hd_reveal *rev, int nrev)
{
	char ph[64], id[64];

	housedoc_number(ph, sizeof ph, oc->phone, 1, REVEAL_OCCUPANT, oc->id,
	    REVEAL_PHONE, rev, nrev);
	housedoc_number(id, sizeof id, oc->id_no, 0, REVEAL_OCCUPANT, oc->id,
	    REVEAL_ID_NO, rev, nrev);
	strbuf_addf(sb, _("Name: %s (%s %s)\nPhone: %s\nDocument: %s %s\n"
	    "From %s to %s\nNotes: %s"), oc->name,
	    household_label(HH_RELATION, (int)oc->relation),
	    oc->relation_note, ph, household_label(HH_ID_TYPE,
	    (int)oc->id_type), id, oc->since, oc->until, oc->notes);
}

void
housesel_card(struct strbuf *sb, const struct house_detail *d,
    const struct hd_item *it, const struct hd_reveal *rev, int nrev)
{
	const struct owner *o = housesel_owner(d, it);
	const struct occupant *oc = housesel_occupant(d, it);

	if (o != NULL)
		owner_card(sb, o, rev, nrev);
	else if (oc != NULL)
		occupant_card(sb, oc, rev, nrev);
}

int
housesel_find(const struct house_detail *d, const struct hd_item *items,
    int nitems, enum hd_kind kind, int64_t id)
{
	int k;

	for (k = 0; id != 0 && k < nitems; k++)
		if (items[k].kind == kind && housesel_id(d, &items[k]) == id)
			return k;
	return -1;
}

/* Select the first item on lines [top, top + rows), if any. */
static void
pick_shown(const struct hd_doc *doc, int rows, int top, int *sel)
{
	int i;

	for (i = top; i < doc->n && i < top + rows; i++)
		if (doc->lines[i].item >= 0) {
			*sel = doc->lines[i].item;
			return;
		}
}

/* Keep *top within the text. */
static void
clamp(const struct hd_doc *doc, int rows, int *top)
{
	if (*top > doc->n - rows)
		*top = doc->n - rows;
	if (*top < 0)
		*top = 0;
}

void
housesel_scroll(const struct hd_doc *doc, int rows,
    enum housesel_scroll mode, int *top, int *sel)
{
	int first = housedoc_line_of(doc, *sel), last = first;

	clamp(doc, rows, top);
	if (mode == HOUSESEL_PICK)
		pick_shown(doc, rows, *top, sel);
	if (mode != HOUSESEL_FOLLOW || first < 0)
		return;
	while (last + 1 < doc->n && doc->lines[last + 1].item == *sel)
		last++;
	/* the first of a section comes with its heading */
	if (first < *top)
		*top = first > 0 && doc->lines[first - 1].item < 0 ?
		    first - 1 : first;
	if (last >= *top + rows)
		*top = last - rows + 1;
	clamp(doc, rows, top);
}
