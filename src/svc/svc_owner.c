/*
 * svc_owner.c: the household files: houses, owners, holdings, the transfer
 * of ownership (过户), occupants, revealing a number, the finder and the
 * read views, and the bulk import/export of the command line.
 *
 * Every change: permission check, then everything typed is validated
 * outside the transaction (one clear message, nothing stored), then one
 * db_tx() does the writes and one audit row.  Transaction functions may run
 * more than once (BUSY), so they touch nothing outside the database except
 * their own op struct, which they reset first.  ID and phone numbers go
 * into audit summaries masked.
 */
#include "svc/svc_owner.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/houseno.h"
#include "core/idcard.h"
#include "core/mask.h"
#include "core/phone.h"
#include "db/db.h"
#include "svc/audit.h"
#include "svc/session.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Most new owners in one transfer. */
#define TRANSFER_MAX 16

/* ---- small helpers -------------------------------------------------------- */

/* Re-set the current message with the field's name in front. */
static int
field_err(int rc, const char *field)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s", err_msg());
	return err_set(rc, _("%s: %s"), field, msg);
}

/* Today as "YYYY-MM-DD".  OUT: buf. */
static void
today(char buf[DATE_BUFSZ])
{
	struct fd_date d;

	date_today(&d);
	date_format(buf, DATE_BUFSZ, &d);
}

/*
 * A date as typed into out ("YYYY-MM-DD"); blank gives today when
 * empty_today, else "".  field names it in a message.
 */
static int
parse_date(const char *in, const char *field, int empty_today,
    char out[DATE_BUFSZ])
{
	struct fd_date d;

	out[0] = '\0';
	if (text_blank(in)) {
		if (empty_today)
			today(out);
		return 0;
	}
	if (date_parse(in, &d) != 0)
		return field_err(ERR_INVALID, field);
	date_format(out, DATE_BUFSZ, &d);
	return 0;
}

/* A phone as typed: canonical, or "" when blank.  OUT: *out (xmalloc'd). */
static int
parse_phone(const char *in, const char *field, char **out)
{
	char buf[PHONE_BUFSZ];

	*out = NULL;
	if (text_blank(in)) {
		*out = xstrdup("");
		return 0;
	}
	if (phone_parse(in, buf, sizeof buf) != 0)
		return field_err(ERR_INVALID, field);
	*out = xstrdup(buf);
	return 0;
}

/*
 * An ID type and number as typed.  No type: idcard when a number is given,
 * else none.  OUT: *type, *no (xmalloc'd, "" for none).
 */
static int
parse_id(const char *type_in, const char *no_in, enum id_type *type,
    char **no)
{
	char buf[IDCARD_OTHER_BUFSZ > IDCARD_BUFSZ ? IDCARD_OTHER_BUFSZ :
	    IDCARD_BUFSZ];
	int t, rc;
	size_t i;

	*no = NULL;
	if (text_blank(type_in))
		t = text_blank(no_in) ? ID_TYPE_NONE : ID_TYPE_IDCARD;
	else if ((rc = household_parse(HH_ID_TYPE, type_in, &t)) != 0)
		return rc;
	*type = (enum id_type)t;
	if (t == ID_TYPE_NONE) {
		if (!text_blank(no_in))
			return err_set(ERR_INVALID, _("an ID number was "
						      "entered but the ID "
						      "type is none; choose "
						      "the type"));
		*no = xstrdup("");
		return 0;
	}
	if (text_blank(no_in))
		return err_set(ERR_INVALID, _("enter the ID number, or "
					      "choose ID type none"));
	if (t == ID_TYPE_IDCARD)
		rc = idcard_parse(no_in, buf, sizeof buf);
	else
		rc = idcard_other_parse(no_in, buf, sizeof buf);
	if (rc != 0)
		return rc;
	/* passports are upper case, and the finder searches upper case */
	for (i = 0; buf[i] != '\0'; i++)
		buf[i] = (char)toupper((unsigned char)buf[i]);
	*no = xstrdup(buf);
	return 0;
}

/* A coded field: blank gives def. */
static int
parse_set(enum household_set set, const char *in, int def, int *out)
{
	if (text_blank(in)) {
		*out = def;
		return 0;
	}
	return household_parse(set, in, out);
}

/* Masked copies for audit summaries and exports.  OUT: buf. */
static const char *
masked_id(const char *s, char *buf, size_t bufsz)
{
	if (mask_idcard(s, buf, bufsz) != 0)
		snprintf(buf, bufsz, "***");
	return buf;
}

static const char *
masked_phone(const char *s, char *buf, size_t bufsz)
{
	if (mask_phone(s, buf, bufsz) != 0)
		snprintf(buf, bufsz, "***");
	return buf;
}

/* Append "field before -> after; " to sb when they differ. */
static void
diff(struct strbuf *sb, const char *field, const char *before,
    const char *after)
{
	if (strcmp(before, after) == 0)
		return;
	strbuf_addf(sb, "%s%s %s -> %s", sb->len > 0 ? "; " : "", field,
	    before[0] != '\0' ? before : "''", after[0] != '\0' ? after : "''");
}

/* The refusal of an edit whose version moved on. */
static int
stale(void)
{
	return err_set(ERR_CONFLICT, _("changed at another desk; reopen it and "
				       "try again"));
}

/*
 * Make the state of house_id follow who lives there now
 * (household_state_follow()); a change is noted in sb.
 */
static int
follow_state(struct db *db, int64_t house_id, struct strbuf *sb)
{
	struct house h = {0};
	struct house_people p;
	enum house_state next;
	char day[DATE_BUFSZ];
	int rc;

	today(day);
	if ((rc = house_db_get(db, house_id, &h)) != 0 ||
	    (rc = owner_db_people(db, house_id, day, &p)) != 0)
		goto out;
	next = household_state_follow(h.state, &p);
	if (next != h.state) {
		rc = house_db_set_state(db, house_id, next, clock_now());
		if (rc == 0 && sb != NULL)
			strbuf_addf(sb, "%sstate %s -> %s",
			    sb->len > 0 ? "; " : "",
			    household_code(HH_HOUSE_STATE, h.state),
			    household_code(HH_HOUSE_STATE, next));
	}
out:
	house_release(&h);
	return rc;
}

/* The message for a house that is not on file. */
static int
no_house(void)
{
	return err_set(ERR_NOTFOUND, _("house not found; it may have been "
				       "changed at another desk"));
}

int
svc_may_see_private(const struct session *s)
{
	return session_may(s, PERM_REVEAL);
}

/* ---- validation of what was typed ----------------------------------------- */

/* A house from its form.  OUT: *h (house_release()). */
static int
house_from_in(const struct house_in *in, struct house *h)
{
	struct houseno no;
	char code[HOUSENO_BUFSZ];
	int use, state, rc;

	memset(h, 0, sizeof *h);
	if (text_blank(in->code))
		return err_set(ERR_INVALID, _("house number is empty; enter "
					      "e.g. 3-2-1502"));
	if ((rc = houseno_parse(in->code, &no)) != 0 ||
	    (rc = area_parse(in->area, &h->area_centi)) != 0 ||
	    (rc = parse_set(HH_HOUSE_USE, in->use, HOUSE_USE_RESIDENCE,
	    &use)) != 0 ||
	    (rc = parse_set(HH_HOUSE_STATE, in->state, HOUSE_VACANT,
	    &state)) != 0 ||
	    (rc = household_text_clean(in->notes, HOUSEHOLD_TEXT_MAX,
	    _("notes"), &h->notes)) != 0)
		return rc;
	houseno_format(code, sizeof code, &no);
	h->code = xstrdup(code);
	h->building = no.building;
	h->entrance = no.entrance;
	h->room = no.room;
	h->floor = no.room / 100;
	h->use = (enum house_use)use;
	h->state = (enum house_state)state;
	return 0;
}

/* An owner from its form.  OUT: *o (owner_release(), also on failure). */
static int
owner_from_in(const struct owner_in *in, struct owner *o)
{
	int kind, rc;

	memset(o, 0, sizeof *o);
	if ((rc = parse_set(HH_OWNER_KIND, in->kind, OWNER_PERSON,
	    &kind)) != 0 ||
	    (rc = household_name_clean(in->name, _("owner name"),
	    &o->name)) != 0 ||
	    (rc = parse_phone(in->phone, _("phone"), &o->phone)) != 0 ||
	    (rc = parse_phone(in->phone2, _("second phone"),
	    &o->phone2)) != 0 ||
	    (rc = parse_id(in->id_type, in->id_no, &o->id_type,
	    &o->id_no)) != 0 ||
	    (rc = parse_date(in->move_in, _("move-in date"), 0,
	    o->move_in)) != 0 ||
	    (rc = parse_phone(in->emergency_phone,
	    _("emergency contact phone"), &o->emergency_phone)) != 0 ||
	    (rc = household_text_clean(in->notes, HOUSEHOLD_TEXT_MAX,
	    _("notes"), &o->notes)) != 0)
		return rc;
	o->kind = (enum owner_kind)kind;
	if (text_blank(in->emergency_name))
		o->emergency_name = xstrdup("");
	else if ((rc = household_name_clean(in->emergency_name,
	    _("emergency contact"), &o->emergency_name)) != 0)
		return rc;
	return 0;
}

/*
 * An occupant from its form; with_until reads the end date too (edits).
 * OUT: *o (occupant_release(), also on failure).
 */
static int
occupant_from_in(const struct occupant_in *in, int with_until,
    struct occupant *o)
{
	int rel, rc;

	memset(o, 0, sizeof *o);
	if ((rc = household_name_clean(in->name, _("occupant name"),
	    &o->name)) != 0)
		return rc;
	if (text_blank(in->relation))
		return err_set(ERR_INVALID, _("choose the relation: family, "
					      "tenant or other"));
	if ((rc = household_parse(HH_RELATION, in->relation, &rel)) != 0 ||
	    (rc = household_text_clean(in->relation_note,
	    HOUSEHOLD_REL_NOTE_MAX, _("relation detail"),
	    &o->relation_note)) != 0 ||
	    (rc = parse_phone(in->phone, _("phone"), &o->phone)) != 0 ||
	    (rc = parse_id(in->id_type, in->id_no, &o->id_type,
	    &o->id_no)) != 0 ||
	    (rc = parse_date(in->since, _("moved in"), 1, o->since)) != 0 ||
	    (with_until && (rc = parse_date(in->until, _("moved out"), 0,
	    o->until)) != 0) ||
	    (rc = household_text_clean(in->notes, HOUSEHOLD_TEXT_MAX,
	    _("notes"), &o->notes)) != 0)
		return rc;
	o->relation = (enum occupant_relation)rel;
	if (o->until[0] != '\0' && strcmp(o->until, o->since) < 0)
		return err_set(ERR_INVALID, _("moved out %s is before moved in "
					      "%s"), o->until, o->since);
	return 0;
}

/* A short description of an owner for audit rows, numbers masked. */
static void
owner_summary(struct strbuf *sb, const struct owner *o)
{
	char id[64], ph[64];

	strbuf_addf(sb, "%s (%s, %s %s, phone %s", o->name,
	    household_code(HH_OWNER_KIND, o->kind),
	    household_code(HH_ID_TYPE, o->id_type),
	    masked_id(o->id_no, id, sizeof id),
	    masked_phone(o->phone, ph, sizeof ph));
	if (o->move_in[0] != '\0')
		strbuf_addf(sb, ", moved in %s", o->move_in);
	strbuf_addch(sb, ')');
}

/* ---- houses --------------------------------------------------------------- */

struct house_op {
	struct session *s;
	struct house h;        /* validated */
	int64_t id;
};

/* The message for a house number that is taken. */
static int
house_taken(const char *code)
{
	return err_set(ERR_CONFLICT, _("house %s already exists"), code);
}

static int
house_add_tx(struct db *db, void *arg)
{
	struct house_op *op = arg;
	char area[AREA_BUFSZ];
	int rc;

	rc = house_db_insert(db, &op->h, clock_now(), &op->id);
	if (rc == ERR_CONFLICT)
		return house_taken(op->h.code);
	if (rc != 0)
		return rc;
	area_format(area, sizeof area, op->h.area_centi);
	return svc_audit(db, op->s, "house.add", "house", op->id,
	    "house %s added: %s m2, %s, %s", op->h.code, area,
	    household_code(HH_HOUSE_USE, op->h.use),
	    household_code(HH_HOUSE_STATE, op->h.state));
}

int
svc_house_add(struct session *s, const struct house_in *in, int64_t *id_out)
{
	struct house_op op = {s, {0}, 0};
	int rc;

	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = house_from_in(in, &op.h)) != 0 ||
	    (rc = db_tx(s->db, house_add_tx, &op)) != 0)
		goto out;
	if (id_out != NULL)
		*id_out = op.id;
out:
	house_release(&op.h);
	return rc;
}

static int
house_edit_tx(struct db *db, void *arg)
{
	struct house_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct house old = {0};
	char a[AREA_BUFSZ], b[AREA_BUFSZ];
	int rc;

	if ((rc = house_db_get(db, op->h.id, &old)) == ERR_NOTFOUND) {
		rc = no_house();
		goto out;
	}
	if (rc != 0)
		goto out;
	if (old.version != op->h.version) {
		rc = stale();
		goto out;
	}
	rc = house_db_update(db, &op->h, clock_now());
	if (rc == ERR_STATE)
		rc = stale();
	else if (rc == ERR_CONFLICT)
		rc = house_taken(op->h.code);
	if (rc != 0)
		goto out;
	diff(&sb, "code", old.code, op->h.code);
	area_format(a, sizeof a, old.area_centi);
	area_format(b, sizeof b, op->h.area_centi);
	diff(&sb, "area", a, b);
	diff(&sb, "use", household_code(HH_HOUSE_USE, old.use),
	    household_code(HH_HOUSE_USE, op->h.use));
	diff(&sb, "state", household_code(HH_HOUSE_STATE, old.state),
	    household_code(HH_HOUSE_STATE, op->h.state));
	diff(&sb, "notes", old.notes, op->h.notes);
	rc = svc_audit(db, op->s, "house.edit", "house", op->h.id,
	    "house %s: %s", old.code, sb.len > 0 ? sb.buf : "no change");
out:
	strbuf_release(&sb);
	house_release(&old);
	return rc;
}

int
svc_house_edit(struct session *s, int64_t id, int64_t version,
    const struct house_in *in)
{
	struct house_op op = {s, {0}, id};
	int rc;

	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = house_from_in(in, &op.h)) != 0)
		goto out;
	op.h.id = id;
	op.h.version = version;
	rc = db_tx(s->db, house_edit_tx, &op);
out:
	house_release(&op.h);
	return rc;
}

/* ---- owners and holdings -------------------------------------------------- */

struct owner_op {
	struct session *s;
	struct owner o;         /* validated */
	int64_t house_id;       /* add: the house to hold, or 0 */
	char since[DATE_BUFSZ]; /* add: holding from */
	int64_t id;             /* OUT: the owner's id */
};

/* Open a holding of house_id by owner_id from since, worded errors. */
static int
hold(struct db *db, int64_t house_id, int64_t owner_id, const char *since,
    const char *name, int64_t *holding_id)
{
	int rc = owner_db_holding_insert(db, house_id, owner_id, since,
	    holding_id);

	if (rc == ERR_CONFLICT)
		return err_set(ERR_CONFLICT, _("%s already holds this house"),
		    name);
	return rc;
}

static int
owner_add_tx(struct db *db, void *arg)
{
	struct owner_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct house h = {0};
	int rc;

	if (op->house_id != 0) {
		if ((rc = house_db_get(db, op->house_id, &h)) == ERR_NOTFOUND)
			rc = no_house();
		if (rc != 0)
			goto out;
	}
	if ((rc = owner_db_insert(db, &op->o, clock_now(), &op->id)) != 0)
		goto out;
	strbuf_adds(&sb, "owner ");
	owner_summary(&sb, &op->o);
	if (op->house_id != 0) {
		if ((rc = hold(db, op->house_id, op->id, op->since, op->o.name,
		    NULL)) != 0)
			goto out;
		strbuf_addf(&sb, " holds %s from %s", h.code, op->since);
		if ((rc = follow_state(db, op->house_id, &sb)) != 0)
			goto out;
	}
	rc = svc_audit(db, op->s, "owner.add", "owner", op->id, "%s", sb.buf);
out:
	strbuf_release(&sb);
	house_release(&h);
	return rc;
}

int
svc_owner_add(struct session *s, const struct owner_in *in, int64_t house_id,
    const char *since, int64_t *id_out)
{
	struct owner_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.house_id = house_id;
	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = owner_from_in(in, &op.o)) != 0)
		goto out;
	if (text_blank(since) && op.o.move_in[0] != '\0')
		snprintf(op.since, sizeof op.since, "%s", op.o.move_in);
	else if ((rc = parse_date(since, _("holding from"), 1,
	    op.since)) != 0)
		goto out;
	if ((rc = db_tx(s->db, owner_add_tx, &op)) == 0 && id_out != NULL)
		*id_out = op.id;
out:
	owner_release(&op.o);
	return rc;
}

static int
owner_edit_tx(struct db *db, void *arg)
{
	struct owner_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct owner old = {0};
	char a[64], b[64];
	int rc;

	if ((rc = owner_db_get(db, op->o.id, &old)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("owner not found"));
	if (rc != 0)
		goto out;
	if (old.version != op->o.version) {
		rc = stale();
		goto out;
	}
	if ((rc = owner_db_update(db, &op->o, clock_now())) == ERR_STATE)
		rc = stale();
	if (rc != 0)
		goto out;
	diff(&sb, "kind", household_code(HH_OWNER_KIND, old.kind),
	    household_code(HH_OWNER_KIND, op->o.kind));
	diff(&sb, "name", old.name, op->o.name);
	diff(&sb, "phone", masked_phone(old.phone, a, sizeof a),
	    masked_phone(op->o.phone, b, sizeof b));
	diff(&sb, "phone2", masked_phone(old.phone2, a, sizeof a),
	    masked_phone(op->o.phone2, b, sizeof b));
	diff(&sb, "id_type", household_code(HH_ID_TYPE, old.id_type),
	    household_code(HH_ID_TYPE, op->o.id_type));
	diff(&sb, "id_no", masked_id(old.id_no, a, sizeof a),
	    masked_id(op->o.id_no, b, sizeof b));
	diff(&sb, "move_in", old.move_in, op->o.move_in);
	diff(&sb, "emergency", old.emergency_name, op->o.emergency_name);
	diff(&sb, "emergency_phone",
	    masked_phone(old.emergency_phone, a, sizeof a),
	    masked_phone(op->o.emergency_phone, b, sizeof b));
	diff(&sb, "notes", old.notes, op->o.notes);
	rc = svc_audit(db, op->s, "owner.edit", "owner", op->o.id,
	    "owner %s: %s", old.name, sb.len > 0 ? sb.buf : "no change");
out:
	strbuf_release(&sb);
	owner_release(&old);
	return rc;
}

int
svc_owner_edit(struct session *s, int64_t id, int64_t version,
    const struct owner_in *in)
{
	struct owner_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = owner_from_in(in, &op.o)) != 0)
		goto out;
	op.o.id = id;
	op.o.version = version;
	rc = db_tx(s->db, owner_edit_tx, &op);
out:
	owner_release(&op.o);
	return rc;
}

struct holding_op {
	struct session *s;
	int64_t house_id;
	int64_t owner_id;
	int64_t holding_id;
	char date[DATE_BUFSZ];
};

static int
holding_add_tx(struct db *db, void *arg)
{
	struct holding_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct house h = {0};
	struct owner o = {0};
	int rc;

	if ((rc = house_db_get(db, op->house_id, &h)) == ERR_NOTFOUND)
		rc = no_house();
	if (rc != 0)
		goto out;
	if ((rc = owner_db_get(db, op->owner_id, &o)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("owner not found"));
	if (rc != 0)
		goto out;
	if ((rc = hold(db, h.id, o.id, op->date, o.name,
	    &op->holding_id)) != 0)
		goto out;
	strbuf_addf(&sb, "%s holds %s from %s", o.name, h.code, op->date);
	if ((rc = follow_state(db, h.id, &sb)) == 0)
		rc = svc_audit(db, op->s, "holding.add", "house", h.id, "%s",
		    sb.buf);
out:
	strbuf_release(&sb);
	house_release(&h);
	owner_release(&o);
	return rc;
}

int
svc_holding_add(struct session *s, int64_t house_id, int64_t owner_id,
    const char *since, int64_t *holding_id)
{
	struct holding_op op = {s, house_id, owner_id, 0, ""};
	int rc;

	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = parse_date(since, _("holding from"), 1, op.date)) != 0 ||
	    (rc = db_tx(s->db, holding_add_tx, &op)) != 0)
		return rc;
	if (holding_id != NULL)
		*holding_id = op.holding_id;
	return 0;
}

static int
holding_end_tx(struct db *db, void *arg)
{
	struct holding_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct holding g;
	struct house h = {0};
	struct owner o = {0};
	int rc;

	if ((rc = owner_db_holding_get(db, op->holding_id, &g)) ==
	    ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("holding not found"));
	if (rc != 0)
		goto out;
	if (g.until[0] != '\0') {
		rc = err_set(ERR_STATE, _("this holding already ended on %s"),
		    g.until);
		goto out;
	}
	if (strcmp(op->date, g.since) < 0) {
		rc = err_set(ERR_INVALID, _("the end date %s is before the "
					    "holding began on %s"),
		    op->date, g.since);
		goto out;
	}
	if ((rc = house_db_get(db, g.house_id, &h)) != 0 ||
	    (rc = owner_db_get(db, g.owner_id, &o)) != 0 ||
	    (rc = owner_db_holding_end(db, g.id, op->date)) != 0)
		goto out;
	strbuf_addf(&sb, "%s no longer holds %s from %s (held since %s)",
	    o.name, h.code, op->date, g.since);
	if ((rc = follow_state(db, h.id, &sb)) == 0)
		rc = svc_audit(db, op->s, "holding.end", "house", h.id, "%s",
		    sb.buf);
out:
	strbuf_release(&sb);
	house_release(&h);
	owner_release(&o);
	return rc;
}

int
svc_holding_end(struct session *s, int64_t holding_id, const char *until)
{
	struct holding_op op = {s, 0, 0, holding_id, ""};
	int rc;

	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = parse_date(until, _("end date"), 1, op.date)) != 0)
		return rc;
	return db_tx(s->db, holding_end_tx, &op);
}

/* ---- transfer (过户) ------------------------------------------------------ */

struct transfer_op {
	struct session *s;
	int64_t house_id;
	const struct transfer_to *to;
	struct owner *fresh;     /* validated new owners, [i] for to[i].in */
	int nto;
	char date[DATE_BUFSZ];
	int64_t ids[TRANSFER_MAX]; /* OUT */
};

/* End the current holdings of h on op->date.  Notes the old owners in sb. */
static int
transfer_close(struct db *db, struct transfer_op *op, const struct house *h,
    struct strbuf *sb)
{
	struct holding_vec cur = {0};
	int i, j, rc;

	if ((rc = owner_db_holdings_of_house(db, h->id, 1, &cur)) != 0)
		return rc;
	for (i = 0; i < cur.n; i++) {
		for (j = 0; j < op->nto; j++)
			if (op->to[j].owner_id == cur.v[i].o.id) {
				rc = err_set(ERR_INVALID, _("%s already "
							    "holds this "
							    "house"),
				    cur.v[i].o.name);
				goto out;
			}
		if (strcmp(op->date, cur.v[i].h.since) < 0) {
			rc = err_set(ERR_INVALID, _("the transfer date %s is "
						    "before the current "
						    "holding of %s began on "
						    "%s"),
			    op->date, cur.v[i].o.name, cur.v[i].h.since);
			goto out;
		}
	}
	strbuf_addf(sb, "transfer of %s on %s: ", h->code, op->date);
	for (i = 0; i < cur.n; i++) {
		if ((rc = owner_db_holding_end(db, cur.v[i].h.id,
		    op->date)) != 0)
			goto out;
		strbuf_addf(sb, "%s%s", i > 0 ? ", " : "", cur.v[i].o.name);
	}
	if (cur.n == 0)
		strbuf_adds(sb, "(no owner)");
out:
	holding_vec_release(&cur);
	return rc;
}

/* Open the new owners' holdings (adding new owners first). */
static int
transfer_open(struct db *db, struct transfer_op *op, const struct house *h,
    struct strbuf *sb)
{
	struct owner o = {0};
	int i, rc = 0;

	strbuf_adds(sb, " -> ");
	for (i = 0; rc == 0 && i < op->nto; i++) {
		if (op->to[i].owner_id == 0) {
			rc = owner_db_insert(db, &op->fresh[i], clock_now(),
			    &op->ids[i]);
			if (rc == 0)
				rc = owner_db_get(db, op->ids[i], &o);
		} else {
			op->ids[i] = op->to[i].owner_id;
			rc = owner_db_get(db, op->ids[i], &o);
			if (rc == ERR_NOTFOUND)
				rc = err_set(ERR_NOTFOUND,
				    _("owner not found"));
		}
		if (rc == 0)
			rc = hold(db, h->id, op->ids[i], op->date, o.name,
			    NULL);
		if (rc == 0)
			strbuf_addf(sb, "%s%s%s", i > 0 ? ", " : "", o.name,
			    op->to[i].owner_id == 0 ? " (new)" : "");
		owner_release(&o);
	}
	return rc;
}

/*
 * Family and other occupants of the old owners move out on the date;
 * tenants stay (买卖不破租赁).
 */
static int
transfer_occupants(struct db *db, struct transfer_op *op, int64_t house_id,
    struct strbuf *sb)
{
	struct occupant_vec cur = {0};
	int i, n = 0, rc;

	if ((rc = owner_db_occupants_of_house(db, house_id, 1, &cur)) != 0)
		return rc;
	for (i = 0; rc == 0 && i < cur.n; i++) {
		if (cur.v[i].relation == REL_TENANT)
			continue;
		snprintf(cur.v[i].until, sizeof cur.v[i].until, "%s",
		    strcmp(op->date, cur.v[i].since) < 0 ? cur.v[i].since :
		    op->date);
		if ((rc = owner_db_occupant_update(db, &cur.v[i],
		    clock_now())) == ERR_STATE)
			rc = stale();
		n++;
	}
	if (rc == 0 && n > 0)
		strbuf_addf(sb, "; %d occupant(s) moved out", n);
	occupant_vec_release(&cur);
	return rc;
}

static int
transfer_tx(struct db *db, void *arg)
{
	struct transfer_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct house h = {0};
	int rc;

	memset(op->ids, 0, sizeof op->ids);
	if ((rc = house_db_get(db, op->house_id, &h)) == ERR_NOTFOUND)
		rc = no_house();
	if (rc != 0 ||
	    (rc = transfer_close(db, op, &h, &sb)) != 0 ||
	    (rc = transfer_open(db, op, &h, &sb)) != 0 ||
	    (rc = transfer_occupants(db, op, h.id, &sb)) != 0 ||
	    (rc = follow_state(db, h.id, &sb)) != 0)
		goto out;
	rc = svc_audit(db, op->s, "house.transfer", "house", h.id, "%s",
	    sb.buf);
out:
	strbuf_release(&sb);
	house_release(&h);
	return rc;
}

/* Check the list of new owners and validate the new ones.  OUT: op->fresh. */
static int
transfer_check(struct transfer_op *op)
{
	int i, j, rc;

	if (op->nto < 1)
		return err_set(ERR_INVALID, _("name at least one new owner"));
	if (op->nto > TRANSFER_MAX)
		return err_set(ERR_INVALID, _("at most %d new owners in one "
					      "transfer"), TRANSFER_MAX);
	op->fresh = xcalloc((size_t)op->nto, sizeof *op->fresh);
	for (i = 0; i < op->nto; i++) {
		if ((op->to[i].owner_id == 0) == (op->to[i].in == NULL))
			return err_set(ERR_INVALID, _("each new owner is "
						      "either on file or "
						      "new"));
		for (j = 0; j < i; j++)
			if (op->to[i].owner_id != 0 &&
			    op->to[j].owner_id == op->to[i].owner_id)
				return err_set(ERR_INVALID, _("the same owner "
							      "is named "
							      "twice"));
		if (op->to[i].in != NULL &&
		    (rc = owner_from_in(op->to[i].in, &op->fresh[i])) != 0)
			return rc;
	}
	return 0;
}

int
svc_transfer(struct session *s, int64_t house_id,
    const struct transfer_to *to, int nto, const char *date,
    int64_t *new_ids)
{
	struct transfer_op op;
	int i, rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	op.house_id = house_id;
	op.to = to;
	op.nto = nto;
	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = parse_date(date, _("transfer date"), 1, op.date)) != 0 ||
	    (rc = transfer_check(&op)) != 0 ||
	    (rc = db_tx(s->db, transfer_tx, &op)) != 0)
		goto out;
	for (i = 0; new_ids != NULL && i < nto; i++)
		new_ids[i] = op.ids[i];
out:
	for (i = 0; op.fresh != NULL && i < nto; i++)
		owner_release(&op.fresh[i]);
	free(op.fresh);
	return rc;
}

/* ---- occupants ------------------------------------------------------------ */

struct occupant_op {
	struct session *s;
	struct occupant o;      /* validated */
	int64_t id;             /* OUT on add */
};

/* The summary of an occupant for audit rows. */
static void
occupant_summary(struct strbuf *sb, const struct occupant *o)
{
	char ph[64];

	strbuf_addf(sb, "%s (%s%s%s, phone %s, from %s", o->name,
	    household_code(HH_RELATION, o->relation),
	    o->relation_note[0] != '\0' ? " " : "", o->relation_note,
	    masked_phone(o->phone, ph, sizeof ph), o->since);
	if (o->until[0] != '\0')
		strbuf_addf(sb, " to %s", o->until);
	strbuf_addch(sb, ')');
}

static int
occupant_add_tx(struct db *db, void *arg)
{
	struct occupant_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct house h = {0};
	int rc;

	if ((rc = house_db_get(db, op->o.house_id, &h)) == ERR_NOTFOUND)
		rc = no_house();
	if (rc != 0 ||
	    (rc = owner_db_occupant_insert(db, &op->o, clock_now(),
	    &op->id)) != 0)
		goto out;
	strbuf_addf(&sb, "occupant of %s: ", h.code);
	occupant_summary(&sb, &op->o);
	if ((rc = follow_state(db, h.id, &sb)) == 0)
		rc = svc_audit(db, op->s, "occupant.add", "occupant", op->id,
		    "%s", sb.buf);
out:
	strbuf_release(&sb);
	house_release(&h);
	return rc;
}

int
svc_occupant_add(struct session *s, int64_t house_id,
    const struct occupant_in *in, int64_t *id_out)
{
	struct occupant_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = occupant_from_in(in, 0, &op.o)) != 0)
		goto out;
	op.o.house_id = house_id;
	if ((rc = db_tx(s->db, occupant_add_tx, &op)) == 0 && id_out != NULL)
		*id_out = op.id;
out:
	occupant_release(&op.o);
	return rc;
}

static int
occupant_edit_tx(struct db *db, void *arg)
{
	struct occupant_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct occupant old = {0};
	int rc;

	if ((rc = owner_db_occupant_get(db, op->o.id, &old)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("occupant not found"));
	if (rc != 0)
		goto out;
	if (old.version != op->o.version) {
		rc = stale();
		goto out;
	}
	op->o.house_id = old.house_id;
	if ((rc = owner_db_occupant_update(db, &op->o, clock_now())) ==
	    ERR_STATE)
		rc = stale();
	if (rc != 0)
		goto out;
	strbuf_adds(&sb, "occupant ");
	occupant_summary(&sb, &old);
	strbuf_adds(&sb, " -> ");
	occupant_summary(&sb, &op->o);
	if ((rc = follow_state(db, old.house_id, &sb)) == 0)
		rc = svc_audit(db, op->s, "occupant.edit", "occupant",
		    op->o.id, "%s", sb.buf);
out:
	strbuf_release(&sb);
	occupant_release(&old);
	return rc;
}

int
svc_occupant_edit(struct session *s, int64_t id, int64_t version,
    const struct occupant_in *in)
{
	struct occupant_op op;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = occupant_from_in(in, 1, &op.o)) != 0)
		goto out;
	op.o.id = id;
	op.o.version = version;
	rc = db_tx(s->db, occupant_edit_tx, &op);
out:
	occupant_release(&op.o);
	return rc;
}

struct occupant_end_op {
	struct session *s;
	int64_t id;
	int64_t version;
	char date[DATE_BUFSZ];
};

static int
occupant_end_tx(struct db *db, void *arg)
{
	struct occupant_end_op *op = arg;
	struct strbuf sb = STRBUF_INIT;
	struct occupant o = {0};
	int rc;

	if ((rc = owner_db_occupant_get(db, op->id, &o)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("occupant not found"));
	if (rc != 0)
		goto out;
	if (o.version != op->version) {
		rc = stale();
		goto out;
	}
	if (o.until[0] != '\0') {
		rc = err_set(ERR_STATE, _("%s already moved out on %s"), o.name,
		    o.until);
		goto out;
	}
	if (strcmp(op->date, o.since) < 0) {
		rc = err_set(ERR_INVALID, _("moved out %s is before moved in "
					    "%s"), op->date, o.since);
		goto out;
	}
	snprintf(o.until, sizeof o.until, "%s", op->date);
	if ((rc = owner_db_occupant_update(db, &o, clock_now())) == ERR_STATE)
		rc = stale();
	if (rc != 0)
		goto out;
	strbuf_addf(&sb, "%s moved out on %s", o.name, o.until);
	if ((rc = follow_state(db, o.house_id, &sb)) == 0)
		rc = svc_audit(db, op->s, "occupant.end", "occupant", o.id,
		    "%s", sb.buf);
out:
	strbuf_release(&sb);
	occupant_release(&o);
	return rc;
}

int
svc_occupant_end(struct session *s, int64_t id, int64_t version,
    const char *until)
{
	struct occupant_end_op op = {s, id, version, ""};
	int rc;

	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0 ||
	    (rc = parse_date(until, _("moved out"), 1, op.date)) != 0)
		return rc;
	return db_tx(s->db, occupant_end_tx, &op);
}

/* ---- reveal --------------------------------------------------------------- */

struct reveal_op {
	struct session *s;
	enum reveal_whose whose;
	int64_t id;
	enum reveal_field field;
	size_t bufsz;           /* the caller's buffer */
	char value[64];         /* OUT */
};

/* Field names for the audit row. */
static const char *const reveal_names[] = {
	[REVEAL_ID_NO] = "ID number",
	[REVEAL_PHONE] = "phone",
	[REVEAL_PHONE2] = "second phone",
	[REVEAL_EMERGENCY_PHONE] = "emergency contact phone",
};

/* The field of an owner.  OUT: op->value. */
static int
reveal_owner(struct db *db, struct reveal_op *op, char **name)
{
	struct owner o = {0};
	const char *v = NULL;
	int rc;

	if ((rc = owner_db_get(db, op->id, &o)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("owner not found"));
	if (rc != 0)
		return rc;
	switch (op->field) {
	case REVEAL_ID_NO:
		v = o.id_no;
		break;
	case REVEAL_PHONE:
		v = o.phone;
		break;
	case REVEAL_PHONE2:
		v = o.phone2;
		break;
	case REVEAL_EMERGENCY_PHONE:
		v = o.emergency_phone;
		break;
	}
	snprintf(op->value, sizeof op->value, "%s", v != NULL ? v : "");
	*name = xstrdup(o.name);
	owner_release(&o);
	return 0;
}

/* The field of an occupant.  OUT: op->value. */
static int
reveal_occupant(struct db *db, struct reveal_op *op, char **name)
{
	struct occupant o = {0};
	int rc;

	if (op->field != REVEAL_ID_NO && op->field != REVEAL_PHONE)
		return err_set(ERR_INVALID, _("an occupant has no such "
					      "number"));
	if ((rc = owner_db_occupant_get(db, op->id, &o)) == ERR_NOTFOUND)
		rc = err_set(ERR_NOTFOUND, _("occupant not found"));
	if (rc != 0)
		return rc;
	snprintf(op->value, sizeof op->value, "%s",
	    op->field == REVEAL_ID_NO ? o.id_no : o.phone);
	*name = xstrdup(o.name);
	occupant_release(&o);
	return 0;
}

static int
reveal_tx(struct db *db, void *arg)
{
	struct reveal_op *op = arg;
	const char *entity = op->whose == REVEAL_OWNER ? "owner" : "occupant";
	char *name = NULL;
	int rc;

	op->value[0] = '\0';
	rc = op->whose == REVEAL_OWNER ? reveal_owner(db, op, &name) :
	    reveal_occupant(db, op, &name);
	/* nothing is audited that the caller cannot be given */
	if (rc == 0 && strlen(op->value) >= op->bufsz)
		rc = err_set(ERR_INVALID, "%s", err_str(ERR_INVALID));
	if (rc == 0)
		rc = svc_audit(db, op->s, "reveal", entity, op->id,
		    "revealed the %s of %s %s (#%lld)",
		    reveal_names[op->field], entity, name, (long long)op->id);
	free(name);
	return rc;
}

int
svc_reveal(struct session *s, enum reveal_whose whose, int64_t id,
    enum reveal_field field, char *buf, size_t bufsz)
{
	struct reveal_op op;
	int rc;

	if (bufsz > 0)
		buf[0] = '\0';
	if ((rc = session_require(s, PERM_REVEAL)) != 0)
		return rc;
	if ((whose != REVEAL_OWNER && whose != REVEAL_OCCUPANT) ||
	    (unsigned)field > REVEAL_EMERGENCY_PHONE)
		return err_set(ERR_INVALID, "%s", err_str(ERR_INVALID));
	memset(&op, 0, sizeof op);
	op.s = s;
	op.whose = whose;
	op.id = id;
	op.field = field;
	op.bufsz = bufsz;
	if ((rc = db_tx(s->db, reveal_tx, &op)) != 0)
		return rc;
	memcpy(buf, op.value, strlen(op.value) + 1);
	return 0;
}

/* ---- reading -------------------------------------------------------------- */

struct find_op {
	const struct finder_query *q;
	int limit;
	struct finder_result *out;
};

static int
find_rd(struct db *db, void *arg)
{
	struct find_op *op = arg;

	return finder_db_search(db, op->q, op->limit, op->out);
}

int
svc_find(struct session *s, const char *text, int limit,
    struct finder_result *out, struct finder_query *q)
{
	struct finder_query local;
	struct find_op op = {q != NULL ? q : &local, limit, out};
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_OWNER_VIEW)) != 0 ||
	    (rc = finder_classify(text, (struct finder_query *)op.q)) != 0)
		return rc;
	if (op.q->kind == FINDER_EMPTY)
		return 0;
	return db_read(s->db, find_rd, &op);
}

void
house_detail_release(struct house_detail *d)
{
	house_release(&d->house);
	holding_vec_release(&d->owners);
	holding_vec_release(&d->past_owners);
	occupant_vec_release(&d->occupants);
	occupant_vec_release(&d->past_occupants);
	visit_vec_release(&d->visits);
	memset(d, 0, sizeof *d);
}

struct detail_op {
	int64_t id;
	const char *code;
	struct house_detail *out;
};

static int
detail_rd(struct db *db, void *arg)
{
	struct detail_op *op = arg;
	struct house_detail *d = op->out;
	int rc;

	rc = op->code != NULL ? house_db_get_by_code(db, op->code, &d->house) :
	    house_db_get(db, op->id, &d->house);
	if (rc == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("house not found"));
	if (rc != 0 ||
	    (rc = owner_db_holdings_of_house(db, d->house.id, 1,
	    &d->owners)) != 0 ||
	    (rc = owner_db_holdings_of_house(db, d->house.id, 0,
	    &d->past_owners)) != 0 ||
	    (rc = owner_db_occupants_of_house(db, d->house.id, 1,
	    &d->occupants)) != 0 ||
	    (rc = owner_db_occupants_of_house(db, d->house.id, 0,
	    &d->past_occupants)) != 0)
		return rc;
	return visit_db_of_house(db, d->house.id, SVC_DETAIL_VISITS,
	    &d->visits);
}

/* Read a detail by id or code. */
static int
house_detail(struct session *s, int64_t id, const char *code,
    struct house_detail *out)
{
	struct detail_op op = {id, code, out};
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = session_require(s, PERM_OWNER_VIEW)) != 0)
		return rc;
	if ((rc = db_read(s->db, detail_rd, &op)) != 0)
		house_detail_release(out);
	return rc;
}

int
svc_house_detail(struct session *s, int64_t id, struct house_detail *out)
{
	return house_detail(s, id, NULL, out);
}

int
svc_house_detail_by_code(struct session *s, const char *code,
    struct house_detail *out)
{
	struct houseno no;
	char buf[HOUSENO_BUFSZ];

	memset(out, 0, sizeof *out);
	if (houseno_parse(code != NULL ? code : "", &no) != 0)
		return ERR_INVALID;
	houseno_format(buf, sizeof buf, &no);
	return house_detail(s, 0, buf, out);
}

int
svc_owner_get(struct session *s, int64_t id, struct owner *o,
    struct holding_vec *holdings)
{
	int rc;

	memset(o, 0, sizeof *o);
	if (holdings != NULL)
		memset(holdings, 0, sizeof *holdings);
	if ((rc = session_require(s, PERM_OWNER_VIEW)) != 0)
		return rc;
	if ((rc = owner_db_get(s->db, id, o)) == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("owner not found"));
	if (rc == 0 && holdings != NULL &&
	    (rc = owner_db_holdings_of_owner(s->db, id, holdings)) != 0)
		owner_release(o);
	return rc;
}

int
svc_occupant_get(struct session *s, int64_t id, struct occupant *o)
{
	int rc;

	memset(o, 0, sizeof *o);
	if ((rc = session_require(s, PERM_OWNER_VIEW)) != 0)
		return rc;
	if ((rc = owner_db_occupant_get(s->db, id, o)) == ERR_NOTFOUND)
		return err_set(ERR_NOTFOUND, _("occupant not found"));
	return rc;
}

int
svc_house_grid(struct session *s, int building, struct house_cell **cells,
    int *ncells)
{
	int rc;

	*cells = NULL;
	*ncells = 0;
	if ((rc = session_require(s, PERM_OWNER_VIEW)) != 0)
		return rc;
	return house_db_grid(s->db, building, cells, ncells);
}

int
svc_house_buildings(struct session *s, int **buildings, int *n)
{
	int rc;

	*buildings = NULL;
	*n = 0;
	if ((rc = session_require(s, PERM_OWNER_VIEW)) != 0)
		return rc;
	return house_db_buildings(s->db, buildings, n);
}

/* ---- import --------------------------------------------------------------- */

/* The bad lines of an import. */
struct import_errs {
	const char *file;
	struct strbuf *out;     /* the caller's, or NULL */
	char first[512];        /* the first bad line */
	int code;               /* its error code */
	int n;                  /* bad lines */
};

/* Note that line failed with the current message. */
static void
import_bad(struct import_errs *e, int line, int code)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s:%d: %s", e->file, line, err_msg());
	if (e->n == 0) {
		snprintf(e->first, sizeof e->first, "%s", msg);
		e->code = code;
	}
	if (e->out != NULL)
		strbuf_addf(e->out, "%s\n", msg);
	e->n++;
}

/* Start over (a transaction retried after BUSY). */
static void
import_reset(struct import_errs *e, size_t outlen)
{
	if (e->out != NULL) {
		e->out->len = outlen;
		e->out->buf[outlen] = '\0';
	}
	e->first[0] = '\0';
	e->code = 0;
	e->n = 0;
}

/* The one message of a failed import. */
static int
import_fail(const struct import_errs *e)
{
	if (e->n == 1)
		return err_set(e->code, "%s", e->first);
	return err_set(e->code, _("%s (and %d more bad lines; nothing was "
				  "imported)"), e->first, e->n - 1);
}

struct house_import_op {
	struct session *s;
	struct house *h;        /* validated rows (NULL code: bad) */
	const int *lines;
	int n;
	struct import_errs *e;
	size_t outlen;
};

static int
house_import_tx(struct db *db, void *arg)
{
	struct house_import_op *op = arg;
	int i, rc;

	import_reset(op->e, op->outlen);
	for (i = 0; i < op->n; i++) {
		rc = house_db_insert(db, &op->h[i], clock_now(), NULL);
		if (rc == ERR_CONFLICT)
			house_taken(op->h[i].code);
		if (rc == ERR_CONFLICT || rc == ERR_INVALID)
			import_bad(op->e, op->lines[i], rc);
		else if (rc != 0)
			return rc;
	}
	if (op->e->n > 0)
		return import_fail(op->e);
	return svc_audit(db, op->s, "import.houses", "house", 0,
	    "imported %d houses from %s", op->n, op->e->file);
}

/* Index order by code, for finding a house number twice in a file. */
static const struct house *cmp_base;

static int
cmp_code(const void *a, const void *b)
{
	int i = *(const int *)a, j = *(const int *)b, c;

	c = strcmp(cmp_base[i].code, cmp_base[j].code);
	return c != 0 ? c : i - j;
}

/* Report every house number that is in the file twice (at its 2nd line). */
static void
house_import_dups(struct house *h, const int *lines, int n,
    struct import_errs *e)
{
	int *idx = xcalloc((size_t)(n > 0 ? n : 1), sizeof *idx), i, k = 0;

	for (i = 0; i < n; i++)
		if (h[i].code != NULL)
			idx[k++] = i;
	cmp_base = h;
	qsort(idx, (size_t)k, sizeof *idx, cmp_code);
	for (i = 1; i < k; i++)
		if (strcmp(h[idx[i]].code, h[idx[i - 1]].code) == 0) {
			err_set(ERR_CONFLICT, _("house %s is in the file twice "
						"(first at line %d)"),
			    h[idx[i]].code, lines[idx[i - 1]]);
			import_bad(e, lines[idx[i]], ERR_CONFLICT);
		}
	cmp_base = NULL;
	free(idx);
}

int
svc_house_import(struct session *s, const struct house_in *rows,
    const int *lines, int n, const char *file, struct strbuf *errors)
{
	struct import_errs e = {file, errors, "", 0, 0};
	struct house_import_op op = {s, NULL, lines, n, &e, 0};
	int i, rc;

	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0)
		return rc;
	if (n <= 0)
		return err_set(ERR_INVALID, _("%s: no houses to import"), file);
	op.h = xcalloc((size_t)n, sizeof *op.h);
	for (i = 0; i < n; i++)
		if ((rc = house_from_in(&rows[i], &op.h[i])) != 0) {
			import_bad(&e, lines[i], rc);
			house_release(&op.h[i]);
		}
	house_import_dups(op.h, lines, n, &e);
	if (e.n > 0) {
		rc = import_fail(&e);
		goto out;
	}
	op.outlen = errors != NULL ? errors->len : 0;
	rc = db_tx(s->db, house_import_tx, &op);
out:
	for (i = 0; i < n; i++)
		house_release(&op.h[i]);
	free(op.h);
	return rc;
}

/* One validated line of an owner import. */
struct owner_row {
	struct owner o;
	char code[HOUSENO_BUFSZ];
	char since[DATE_BUFSZ];
	int ok;
};

struct owner_import_op {
	struct session *s;
	struct owner_row *r;
	const int *lines;
	int n;
	struct import_errs *e;
	size_t outlen;
	int added;              /* OUT: new owners */
};

/* The owner of row r: one already on file with the same number, or new. */
static int
owner_import_who(struct db *db, struct owner_import_op *op,
    struct owner_row *r, int64_t *id)
{
	struct owner_vec same = {0};
	int rc;

	if (r->o.id_type != ID_TYPE_NONE) {
		if ((rc = owner_db_find_idno(db, r->o.id_no, &same)) != 0)
			return rc;
		*id = same.n > 0 ? same.v[0].id : 0;
		/* One person, one number: another name is a typing mistake. */
		if (*id != 0 && strcmp(same.v[0].name, r->o.name) != 0)
			rc = err_set(ERR_CONFLICT, _("ID number %s is on file for "
			    "%s, not %s; check the line"), r->o.id_no,
			    same.v[0].name, r->o.name);
		owner_vec_release(&same);
		if (*id != 0 || rc != 0)
			return rc;
	}
	if ((rc = owner_db_insert(db, &r->o, clock_now(), id)) == 0)
		op->added++;
	return rc;
}

/* Import one validated row.  A bad row is reported, not returned. */
static int
owner_import_row(struct db *db, struct owner_import_op *op, int i)
{
	struct owner_row *r = &op->r[i];
	struct house h = {0};
	int64_t id;
	int rc;

	if ((rc = house_db_get_by_code(db, r->code, &h)) == ERR_NOTFOUND) {
		err_set(ERR_NOTFOUND, _("house %s not found; import houses "
					"first"), r->code);
		import_bad(op->e, op->lines[i], ERR_NOTFOUND);
		return 0;
	}
	if (rc != 0)
		goto out;
	if ((rc = owner_import_who(db, op, r, &id)) == ERR_CONFLICT) {
		import_bad(op->e, op->lines[i], rc);
		rc = 0;
		goto out;
	}
	if (rc != 0)
		goto out;
	rc = hold(db, h.id, id, r->since, r->o.name, NULL);
	if (rc == ERR_CONFLICT || rc == ERR_INVALID) {
		import_bad(op->e, op->lines[i], rc);
		rc = 0;
	} else if (rc == 0)
		rc = follow_state(db, h.id, NULL);
out:
	house_release(&h);
	return rc;
}

static int
owner_import_tx(struct db *db, void *arg)
{
	struct owner_import_op *op = arg;
	int i, rc;

	import_reset(op->e, op->outlen);
	op->added = 0;
	for (i = 0; i < op->n; i++)
		if ((rc = owner_import_row(db, op, i)) != 0)
			return rc;
	if (op->e->n > 0)
		return import_fail(op->e);
	return svc_audit(db, op->s, "import.owners", "owner", 0,
	    "imported %d lines from %s: %d new owners", op->n, op->e->file,
	    op->added);
}

/* Validate one line of an owner import.  OUT: *r. */
static int
owner_import_check(const struct owner_import *in, struct owner_row *r)
{
	struct houseno no;
	int rc;

	if ((rc = owner_from_in(&in->owner, &r->o)) != 0)
		return rc;
	if (text_blank(in->house))
		return err_set(ERR_INVALID, _("house number is empty; enter "
					      "e.g. 3-2-1502"));
	if ((rc = houseno_parse(in->house, &no)) != 0)
		return rc;
	houseno_format(r->code, sizeof r->code, &no);
	if (text_blank(in->since) && r->o.move_in[0] != '\0')
		snprintf(r->since, sizeof r->since, "%s", r->o.move_in);
	else if ((rc = parse_date(in->since, _("holding from"), 1,
	    r->since)) != 0)
		return rc;
	r->ok = 1;
	return 0;
}

int
svc_owner_import(struct session *s, const struct owner_import *rows,
    const int *lines, int n, const char *file, struct strbuf *errors)
{
	struct import_errs e = {file, errors, "", 0, 0};
	struct owner_import_op op = {s, NULL, lines, n, &e, 0, 0};
	int i, rc;

	if ((rc = session_require(s, PERM_OWNER_EDIT)) != 0)
		return rc;
	if (n <= 0)
		return err_set(ERR_INVALID, _("%s: no owners to import"), file);
	op.r = xcalloc((size_t)n, sizeof *op.r);
	for (i = 0; i < n; i++)
		if ((rc = owner_import_check(&rows[i], &op.r[i])) != 0)
			import_bad(&e, lines[i], rc);
	if (e.n > 0) {
		rc = import_fail(&e);
		goto out;
	}
	op.outlen = errors != NULL ? errors->len : 0;
	rc = db_tx(s->db, owner_import_tx, &op);
out:
	for (i = 0; i < n; i++)
		owner_release(&op.r[i].o);
	free(op.r);
	return rc;
}

/* ---- export --------------------------------------------------------------- */

struct export_op {
	struct session *s;
	int (*house_fn)(const struct house *, void *);
	int (*owner_fn)(const struct holding_owner *, void *);
	void *arg;
	int masked;
	long rows;
};

static int
export_house(const struct house *h, void *arg)
{
	struct export_op *op = arg;

	op->rows++;
	return op->house_fn(h, op->arg);
}

static int
export_houses_rd(struct db *db, void *arg)
{
	return house_db_each(db, export_house, arg);
}

/* Replace *s by its masked form. */
static void
mask_in_place(char **s, int is_id)
{
	size_t n = strlen(*s) + 1;
	char *m = xmalloc(n);

	if (is_id)
		masked_id(*s, m, n);
	else
		masked_phone(*s, m, n);
	free(*s);
	*s = m;
}

static int
export_owner(const struct holding_owner *r, void *arg)
{
	struct export_op *op = arg;
	struct holding_owner copy;
	int rc;

	op->rows++;
	if (!op->masked)
		return op->owner_fn(r, op->arg);
	copy = *r;
	copy.o.id_no = xstrdup(r->o.id_no);
	copy.o.phone = xstrdup(r->o.phone);
	copy.o.phone2 = xstrdup(r->o.phone2);
	copy.o.emergency_phone = xstrdup(r->o.emergency_phone);
	mask_in_place(&copy.o.id_no, 1);
	mask_in_place(&copy.o.phone, 0);
	mask_in_place(&copy.o.phone2, 0);
	mask_in_place(&copy.o.emergency_phone, 0);
	rc = op->owner_fn(&copy, op->arg);
	free(copy.o.id_no);
	free(copy.o.phone);
	free(copy.o.phone2);
	free(copy.o.emergency_phone);
	return rc;
}

static int
export_owners_rd(struct db *db, void *arg)
{
	return owner_db_each_holding(db, export_owner, arg);
}

/* The audit row of an export, written after it. */
struct export_audit {
	struct export_op *op;
	const char *what;
	int rc;
};

static int
export_audit_tx(struct db *db, void *arg)
{
	struct export_audit *a = arg;

	return svc_audit(db, a->op->s, a->what, "database", 0,
	    "%s, %ld rows%s%s", a->what, a->op->rows,
	    a->op->owner_fn == NULL ? "" : a->op->masked ? ", masked numbers" :
	    ", full numbers", a->rc != 0 ? ", stopped by an error" : "");
}

/* Run an export read, then audit it (also when it stopped half-way). */
static int
export_run(struct export_op *op, int (*rd)(struct db *, void *),
    const char *what)
{
	struct export_audit a = {op, what, 0};
	char msg[512];
	int rc, code;

	a.rc = db_read(op->s->db, rd, op);
	snprintf(msg, sizeof msg, "%s", err_msg());
	code = err_code();
	if ((rc = db_tx(op->s->db, export_audit_tx, &a)) != 0)
		return rc;
	if (a.rc != 0 && code == a.rc)
		err_set(code, "%s", msg);
	return a.rc;
}

int
svc_house_export(struct session *s,
    int (*fn)(const struct house *h, void *arg), void *arg)
{
	struct export_op op = {s, fn, NULL, arg, 0, 0};
	int rc;

	if ((rc = session_require(s, PERM_OWNER_VIEW)) != 0)
		return rc;
	return export_run(&op, export_houses_rd, "export.houses");
}

int
svc_owner_export(struct session *s,
    int (*fn)(const struct holding_owner *r, void *arg), void *arg)
{
	struct export_op op = {s, NULL, fn, arg, 0, 0};
	int rc;

	if ((rc = session_require(s, PERM_OWNER_VIEW)) != 0)
		return rc;
	op.masked = !svc_may_see_private(s);
	return export_run(&op, export_owners_rd, "export.owners");
}
