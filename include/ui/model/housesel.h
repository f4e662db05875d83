/*
 * housesel.h: the selection in a house detail, without curses: the person
 * or visit behind a selected item, which ID and phone numbers that person
 * has (for the reveal menu), a person whole as text (the card a role that
 * only reads gets), finding an item again after a reload, and scrolling
 * the laid-out lines (ui/model/housedoc.h) so the selection stays in view.
 * Numbers go through housedoc_number(): masked unless revealed.
 */
#ifndef FD_UI_MODEL_HOUSESEL_H
#define FD_UI_MODEL_HOUSESEL_H

#include <stdint.h>

#include "ui/model/housedoc.h"

struct strbuf;

/* The owner behind item it (current or former), or NULL. */
const struct owner *housesel_owner(const struct house_detail *d,
    const struct hd_item *it);

/* The occupant behind item it (current or former), or NULL. */
const struct occupant *housesel_occupant(const struct house_detail *d,
    const struct hd_item *it);

/* The record id behind item it (owners.id, occupants.id, visits.id); 0
 * for NULL. */
int64_t housesel_id(const struct house_detail *d, const struct hd_item *it);

/*
 * The numbers the person of item it has on file, in the reveal menu's
 * order: phone, ID number, second phone, emergency contact's phone (the
 * last two for owners only).  OUT: fields[0..n), at most max.
 * Returns n (0 for a visit, NULL, or nobody with a number).
 */
int housesel_numbers(const struct house_detail *d, const struct hd_item *it,
    enum reveal_field *fields, int max);

/* Number f of the person of item it, raw; "" when none. */
const char *housesel_raw(const struct house_detail *d,
    const struct hd_item *it, enum reveal_field f);

/*
 * The person of item it whole, one fact a line (name, kind or relation,
 * phone, document, dates, notes), numbers masked unless in rev.  Appended
 * to sb; nothing for a visit or NULL.
 */
void housesel_card(struct strbuf *sb, const struct house_detail *d,
    const struct hd_item *it, const struct hd_reveal *rev, int nrev);

/* The index of the item of kind that stands for record id, or -1. */
int housesel_find(const struct house_detail *d, const struct hd_item *items,
    int nitems, enum hd_kind kind, int64_t id);

/* How housesel_scroll() treats the selection. */
enum housesel_scroll {
	HOUSESEL_PICK = -1,  /* after a scroll: select the first item shown */
	HOUSESEL_KEEP = 0,   /* leave both as they are (within the text) */
	HOUSESEL_FOLLOW = 1, /* scroll so the selected item is shown whole */
};

/*
 * Keep *top (the first of rows lines shown) within doc, and, by mode,
 * scroll to the selected item *sel (with its heading when it is the first
 * of a section) or select the first item on screen.  *sel -1 is nothing
 * selected.
 */
void housesel_scroll(const struct hd_doc *doc, int rows,
    enum housesel_scroll mode, int *top, int *sel);

#endif
