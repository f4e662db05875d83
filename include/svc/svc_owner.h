/*
 * svc_owner.h: the household files (业主档案, 一户一档): houses, owners,
 * holdings, occupants, the transfer of ownership (过户), revealing a full ID
 * or phone number (保密制度), the finder, the house detail, the building
 * grid, and the bulk imports and exports of the command line.
 *
 * Every change is one business action: a permission check, validation of
 * everything typed (one clear message, nothing stored half-way), one
 * db_tx() transaction and one audit row with a before/after summary.
 * Changes need PERM_OWNER_EDIT, reads PERM_OWNER_VIEW.
 *
 * Input is taken as typed (const char *, NULL or "" for an empty field):
 * forms and the CSV reader pass their text and svc parses it, so the screen
 * and the command line give the same messages.  Coded fields take the code
 * or a label (household_parse(): "residence", 住宅).
 *
 * Edits carry the version read with the record; when another desk changed
 * it in between, the edit is refused with ERR_CONFLICT ("changed at another
 * desk; reopen it and try again") and nothing is written.
 *
 * Read functions return raw ID and phone numbers.  A screen shows them
 * through mask_idcard()/mask_phone() unless svc_may_see_private() says the
 * role may see them; svc_reveal() gives one full number and audits it.
 */
#ifndef FD_SVC_SVC_OWNER_H
#define FD_SVC_SVC_OWNER_H

#include <stddef.h>
#include <stdint.h>

#include "core/household.h"
#include "db/finder_db.h"
#include "db/house_db.h"
#include "db/owner_db.h"
#include "db/visit_db.h"

struct session;
struct strbuf;

/* Most visits a house detail carries (newest first). */
#define SVC_DETAIL_VISITS 100

/* ---- input, as typed ------------------------------------------------------ */

/* A house as typed into the form or a CSV line. */
struct house_in {
	const char *code;  /* house number: "3-2-1502", "3栋2单元1502" (houseno_parse);
			      the floor follows from the room (1502: 15) */
	const char *area;  /* floor area in m²: "89.37" (area_parse); required */
	const char *use;   /* code or label; empty: residence (住宅) */
	const char *state; /* code or label; empty: vacant (空置) */
	const char *notes; /* up to HOUSEHOLD_TEXT_MAX characters */
};

/* An owner as typed. */
struct owner_in {
	const char *kind;     /* person/company, 个人/单位; empty: person */
	const char *name;     /* required, 1..HOUSEHOLD_NAME_MAX characters */
	const char *phone;    /* phone_parse(); may be empty */
	const char *phone2;   /* phone_parse(); may be empty */
	const char *id_type;  /* idcard/passport/other/none or a label; empty:
				 idcard when id_no is given, else none */
	const char *id_no;    /* idcard: idcard_parse() (check character, birth
				 date); passport/other: idcard_other_parse() */
	const char *move_in;  /* date_parse(); may be empty (not moved in) */
	const char *emergency_name;  /* may be empty */
	const char *emergency_phone; /* phone_parse(); may be empty */
	const char *notes;
};

/* An occupant as typed. */
struct occupant_in {
	const char *name;          /* required */
	const char *relation;      /* family/tenant/other or a label; required */
	const char *relation_note; /* 配偶, 儿子 ... up to HOUSEHOLD_REL_NOTE_MAX */
	const char *phone;         /* may be empty */
	const char *id_type;       /* as for owners */
	const char *id_no;
	const char *since;         /* date; empty: today */
	const char *until;         /* edits only: date or empty (still there);
				      ignored by svc_occupant_add() */
	const char *notes;
};

/* One new owner of a transfer: an owner on file, or a new one. */
struct transfer_to {
	int64_t owner_id;           /* an existing owner, or 0 ... */
	const struct owner_in *in;  /* ... to add this one (then owner_id 0) */
};

/* One line of `import owners`: an owner and the house he holds. */
struct owner_import {
	struct owner_in owner;
	const char *house;  /* house number, required; the house must exist
			       (in the file before, or in the database) */
	const char *since;  /* holding from: a date; empty: the move-in date,
			       else today */
};

/* ---- who may see what ----------------------------------------------------- */

/*
 * 1 when the session's role may see full ID and phone numbers (PERM_REVEAL)
 * without asking, else 0: screens mask with mask_idcard()/mask_phone() when
 * this is 0.
 */
int svc_may_see_private(const struct session *s);

/* ---- houses --------------------------------------------------------------- */

/*
 * Add a house.  Validates everything in *in; a house number already on file
 * is ERR_CONFLICT "house 3-2-1502 already exists".
 * OUT: *id_out when not NULL.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_CONFLICT or an error.
 */
int svc_house_add(struct session *s, const struct house_in *in,
    int64_t *id_out);

/*
 * Change house id, read at version, to *in (all fields; the house number
 * too, refused with ERR_CONFLICT when taken).  A stale version is
 * ERR_CONFLICT and nothing changes.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND, ERR_CONFLICT or an
 * error.
 */
int svc_house_edit(struct session *s, int64_t id, int64_t version,
    const struct house_in *in);

/* ---- owners and holdings -------------------------------------------------- */

/*
 * Add an owner and, when house_id is not 0, make him hold that house from
 * since (a date as typed; empty: the move-in date, else today), in one
 * action.  The house's state follows (household_state_follow()).
 * OUT: *id_out when not NULL.
 * Returns 0, ERR_DENIED, ERR_INVALID (with the field's problem: a wrong
 * check character, an impossible birth date, a phone of the wrong length,
 * a 500-character name ...), ERR_NOTFOUND (no such house) or an error.
 */
int svc_owner_add(struct session *s, const struct owner_in *in,
    int64_t house_id, const char *since, int64_t *id_out);

/*
 * Change owner id, read at version, to *in (all fields).  A stale version
 * is ERR_CONFLICT and nothing changes.
 */
int svc_owner_edit(struct session *s, int64_t id, int64_t version,
    const struct owner_in *in);

/*
 * Make owner_id a (further) holder of house_id from since (date as typed;
 * empty: today): joint ownership (共有), or a house bought new.  Refused
 * with ERR_CONFLICT when he holds it already.  The house's state follows.
 * OUT: *holding_id when not NULL.
 */
int svc_holding_add(struct session *s, int64_t house_id, int64_t owner_id,
    const char *since, int64_t *holding_id);

/*
 * End one open holding on until (date as typed; empty: today; not before
 * its since): an owner leaves a joint holding.  For a sale use
 * svc_transfer().  The house's state follows.
 */
int svc_holding_end(struct session *s, int64_t holding_id,
    const char *until);

/*
 * Transfer of ownership (过户), as one action: every current holding of
 * house_id ends on date (as typed; empty: today) and the new owners hold
 * it from that date; new owners given as owner_in are added first.  The
 * history stays.  Family occupants of the old owners move out on that date;
 * tenants stay (a sale does not end a lease: 买卖不破租赁).  The house's
 * state follows.
 * A date before a current holding began is refused ("the transfer date
 * 2020-01-01 is before the current holding began on 2021-05-01"), as are
 * no new owners, a new owner among the current ones and more than 16 new
 * owners.
 * OUT: new_ids[i] = the owner id of to[i] when new_ids is not NULL.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_NOTFOUND or an error.
 */
int svc_transfer(struct session *s, int64_t house_id,
    const struct transfer_to *to, int nto, const char *date,
    int64_t *new_ids);

/* ---- occupants ------------------------------------------------------------ */

/*
 * Add an occupant to house_id (in->until ignored).  The house's state
 * follows (a tenant: 出租).  OUT: *id_out when not NULL.
 */
int svc_occupant_add(struct session *s, int64_t house_id,
    const struct occupant_in *in, int64_t *id_out);

/*
 * Change occupant id, read at version, to *in (until included: an end date
 * not before since, or empty).  A stale version is ERR_CONFLICT.
 */
int svc_occupant_edit(struct session *s, int64_t id, int64_t version,
    const struct occupant_in *in);

/*
 * End an occupancy (moved out) on until (as typed; empty: today; not before
 * since).  Refused with ERR_STATE when already ended, ERR_CONFLICT when
 * version is stale.  The house's state follows.
 */
int svc_occupant_end(struct session *s, int64_t id, int64_t version,
    const char *until);

/* ---- confidentiality ------------------------------------------------------ */

/* Whose number is revealed. */
enum reveal_whose {
	REVEAL_OWNER,    /* owners.id */
	REVEAL_OCCUPANT, /* occupants.id */
};

/* Which number. */
enum reveal_field {
	REVEAL_ID_NO,           /* the ID or passport number */
	REVEAL_PHONE,           /* the (first) phone */
	REVEAL_PHONE2,          /* owners only */
	REVEAL_EMERGENCY_PHONE, /* owners only */
};

/*
 * Give one full number to a role with PERM_REVEAL, and write an audit row
 * "reveal" naming the record and the field (who and when are the audit
 * row's own).  Roles without it get ERR_DENIED, audited as nothing.
 * OUT: buf (64 bytes are enough), "" when the field is empty.
 * Returns 0, ERR_DENIED, ERR_NOTFOUND, ERR_INVALID (a field the record does
 * not have, or buf too small) or an error.
 */
int svc_reveal(struct session *s, enum reveal_whose whose, int64_t id,
    enum reveal_field field, char *buf, size_t bufsz);

/* ---- reading -------------------------------------------------------------- */

/*
 * The finder: classify text (finder_classify()) and look it up
 * (finder_db_search()), at most limit houses.  Needs PERM_OWNER_VIEW.
 * OUT: *out (finder_result_release()), always set; *q when not NULL (the
 * classification, so the screen can say what it searched for).
 * Returns 0, ERR_DENIED, ERR_INVALID (text too long, invalid UTF-8) or an
 * error.
 */
int svc_find(struct session *s, const char *text, int limit,
    struct finder_result *out, struct finder_query *q);

/* Everything about one house, read in one snapshot. */
struct house_detail {
	struct house house;
	struct holding_vec owners;        /* current holdings, by since */
	struct holding_vec past_owners;   /* ended holdings, newest first */
	struct occupant_vec occupants;    /* current occupants */
	struct occupant_vec past_occupants; /* moved out, newest first */
	struct visit_vec visits;          /* newest first, <= SVC_DETAIL_VISITS */
};

/* Free everything in d (not d); d is then zeroed. */
void house_detail_release(struct house_detail *d);

/*
 * Read house id with everything about it, in one consistent snapshot.
 * Needs PERM_OWNER_VIEW.  OUT: *out (house_detail_release()), zeroed on
 * error.  Returns 0, ERR_DENIED, ERR_NOTFOUND or an error.
 */
int svc_house_detail(struct session *s, int64_t id, struct house_detail *out);

/* The same for a house number as typed ("3-2-1502"); ERR_INVALID when it
 * is not one, ERR_NOTFOUND when there is no such house. */
int svc_house_detail_by_code(struct session *s, const char *code,
    struct house_detail *out);

/*
 * One owner and all his holdings (current first), for the owner form.
 * Needs PERM_OWNER_VIEW.  OUT: *o (owner_release()), *holdings
 * (holding_vec_release()) when not NULL.
 */
int svc_owner_get(struct session *s, int64_t id, struct owner *o,
    struct holding_vec *holdings);

/* One occupant.  Needs PERM_OWNER_VIEW.  OUT: *o (occupant_release()). */
int svc_occupant_get(struct session *s, int64_t id, struct occupant *o);

/*
 * The building grid (楼盘表) of one building: every house, by entrance,
 * floor from the top, room, with its state, in one query.  Needs
 * PERM_OWNER_VIEW.  OUT: *cells (free()), *ncells; see house_db_grid().
 */
int svc_house_grid(struct session *s, int building, struct house_cell **cells,
    int *ncells);

/*
 * The building numbers that have houses, ascending (the grid's building
 * picker).  Needs PERM_OWNER_VIEW.  OUT: *buildings (free()), *n.
 */
int svc_house_buildings(struct session *s, int **buildings, int *n);

/* ---- the command line ----------------------------------------------------- */

/*
 * `import houses`: add n houses in one transaction, all or nothing.  Every
 * row is validated as by svc_house_add(); a house number twice in the file
 * or already in the database is refused.  lines[i] is the line of rows[i]
 * in file (the CSV reader's numbering).  On failure nothing is stored and
 * every bad row is reported as "FILE:LINE: reason": appended to errors
 * (one per line) when errors is not NULL, and the first one, with the
 * number of bad lines, in err_msg().  One audit row for the import.
 * Returns 0, ERR_DENIED, ERR_INVALID, ERR_CONFLICT or an error.
 */
int svc_house_import(struct session *s, const struct house_in *rows,
    const int *lines, int n, const char *file, struct strbuf *errors);

/*
 * `import owners`: add owners and their holdings, all or nothing, reported
 * as svc_house_import() does.  An owner whose ID number (not "none") is
 * already on file, or earlier in the file, is the same owner: he gets the
 * further holding and his record is not changed.  The house must exist
 * ("FILE:LINE: house 3-2-1502 not found; import houses first").  A person
 * already holding that house is refused.  House states follow.
 */
int svc_owner_import(struct session *s, const struct owner_import *rows,
    const int *lines, int n, const char *file, struct strbuf *errors);

/*
 * `export houses`: call fn for every house in natural order, in one
 * snapshot.  Needs PERM_OWNER_VIEW; audited ("export houses, N rows").
 * Stops at the first non-zero return of fn and returns it.
 */
int svc_house_export(struct session *s,
    int (*fn)(const struct house *h, void *arg), void *arg);

/*
 * `export owners`: call fn for every holding (current and ended) with its
 * owner and house number, by house in natural order (an owner who never
 * held a house is not in it; one with several houses is in it once per
 * house, r->h.until telling the ended ones).  Needs
 * PERM_OWNER_VIEW.  For roles without PERM_REVEAL the ID and phone
 * numbers handed to fn are already masked.  Audited ("export owners, N
 * rows, full|masked numbers").
 */
int svc_owner_export(struct session *s,
    int (*fn)(const struct holding_owner *r, void *arg), void *arg);

#endif
