/*
 * housedoc.h: the house detail laid out as lines for a screen of a given
 * width, without curses: the facts of the house, its current owners and
 * occupants, the visit log, the ownership history and former occupants,
 * its service requests, its bills and payments, and the headed sections
 * that later modules fill (decoration, documents).  The people and visits
 * are "items" the screen can select; every ID and phone number is masked
 * (mask_idcard, mask_phone) unless it was revealed (保密制度), so no full
 * number is ever laid out by accident.
 */
#ifndef FD_UI_MODEL_HOUSEDOC_H
#define FD_UI_MODEL_HOUSEDOC_H

#include <stddef.h>
#include <stdint.h>

#include "svc/svc_fee.h"
#include "svc/svc_owner.h"
#include "svc/svc_request.h"

/* What a selectable line stands for. */
enum hd_kind {
	HD_OWNER,         /* d->owners.v[i] */
	HD_OCCUPANT,      /* d->occupants.v[i] */
	HD_VISIT,         /* d->visits.v[i] */
	HD_PAST_OWNER,    /* d->past_owners.v[i] */
	HD_PAST_OCCUPANT, /* d->past_occupants.v[i] */
	HD_REQUEST,       /* reqs->v[i]: a service request of the house */
};

/* One selectable thing of the detail, in the order it is laid out. */
struct hd_item {
	enum hd_kind kind;
	int i; /* index into its vector of the detail */
};

/* How a line looks. */
enum hd_style {
	HD_TEXT,    /* plain */
	HD_DIM,     /* secondary facts, placeholders */
	HD_HEADING, /* a section heading: drawn with a rule after it */
	HD_FACTS,   /* the house's own facts */
};

/* One laid-out line. */
struct hd_line {
	char *text;          /* UTF-8, at most the width in columns */
	enum hd_style style;
	int item;            /* index into the items, -1 for none */
};

/* A number revealed at this desk (svc_reveal()), shown in full. */
struct hd_reveal {
	enum reveal_whose whose;
	int64_t id;
	enum reveal_field field;
	char value[64];
};

/* The lines of one layout. */
struct hd_doc {
	struct hd_line *lines;
	int n;
	int cap;
};

/*
 * The selectable items of d, in layout order: owners, occupants, visits,
 * past owners, former occupants, then the requests of reqs (may be NULL).
 * OUT: *items (xmalloc'd, caller frees; NULL when none).  Returns the
 * number of items.
 */
int housedoc_items(const struct house_detail *d,
    const struct request_list *reqs, struct hd_item **items);

/* Most bills and payments the fees section lists (every open bill is
 * listed, whatever the count). */
#define HD_FEE_BILLS 24
#define HD_FEE_PAYMENTS 12

/* The newest service requests of a house the detail lists. */
#define HD_REQUESTS 5

/*
 * Lay d out in width columns (at least 40).  items as from
 * housedoc_items(d); rev[0..nrev) are shown in full; editor: the empty
 * sections say which key adds to them.  fees (svc_house_fees(), for roles
 * with PERM_FEE_VIEW) fills the bills and payments section: what is open
 * (also on the facts line), the credit, the reminders, every open bill and
 * the newest others (period, item, amount, paid, due, state), the newest
 * payments (receipt, day, amount, method, voided); NULL leaves the section
 * out (arrears are confidential).  reqs (svc_request_queue() of the house,
 * newest first, for roles with PERM_REQUEST_VIEW) fills the service
 * requests section: number, type, state and summary of each, the total in
 * the heading; NULL leaves it out.  OUT: *doc (housedoc_release()).
 */
void housedoc_build(struct hd_doc *doc, const struct house_detail *d,
    const struct hd_item *items, int nitems, const struct hd_reveal *rev,
    int nrev, int width, int editor, const struct house_fees *fees,
    const struct request_list *reqs);

/* The first line of item it in doc, or -1 (also for it < 0). */
int housedoc_line_of(const struct hd_doc *doc, int it);

/* Free the lines; doc becomes empty. */
void housedoc_release(struct hd_doc *doc);

/*
 * A number as the detail shows it: value (raw) revealed in full when rev
 * holds (whose, id, field), else masked (phone: mask_phone, else
 * mask_idcard); "" when value is empty.  OUT: buf (64 bytes will do).
 */
void housedoc_number(char *buf, size_t bufsz, const char *value, int phone,
    enum reveal_whose whose, int64_t id, enum reveal_field field,
    const struct hd_reveal *rev, int nrev);

#endif
