/*
 * svc_visit.c: the visit log (来访登记): logging a visit at the desk (the
 * receiver, desk and time come from the session and the clock, never from
 * the form), today's list of a desk, the house's visits, the export.
 */
#include "svc/svc_visit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/houseno.h"
#include "core/mask.h"
#include "core/phone.h"
#include "db/db.h"
#include "db/house_db.h"
#include "svc/audit.h"
#include "svc/session.h"
#include "svc/svc_owner.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The visit of a form, validated (no house yet).  OUT: *v (visit_release). */
static int
visit_from_in(const struct visit_in *in, struct visit *v)
{
	char phone[PHONE_BUFSZ], msg[512];
	int kind, purpose, rc;

	memset(v, 0, sizeof *v);
	kind = in->house_id > 0 || !text_blank(in->house) ? VISITOR_OWNER :
	    VISITOR_OTHER;
	if (!text_blank(in->visitor_kind) &&
	    (rc = household_parse(HH_VISITOR_KIND, in->visitor_kind,
	    &kind)) != 0)
		return rc;
	if (text_blank(in->purpose))
		return err_set(ERR_INVALID, _("choose the purpose of the "
					      "visit"));
	if ((rc = household_parse(HH_VISIT_PURPOSE, in->purpose,
	    &purpose)) != 0)
		return rc;
	if (text_blank(in->visitor_name))
		v->visitor_name = xstrdup("");
	else if ((rc = household_name_clean(in->visitor_name,
	    _("visitor name"), &v->visitor_name)) != 0)
		return rc;
	if (text_blank(in->phone))
		phone[0] = '\0';
	else if (phone_parse(in->phone, phone, sizeof phone) != 0) {
		snprintf(msg, sizeof msg, "%s", err_msg());
		return err_set(ERR_INVALID, _("%s: %s"), _("phone"), msg);
	}
	v->phone = xstrdup(phone);
	if ((rc = household_text_clean(in->content, HOUSEHOLD_TEXT_MAX,
	    _("what was said"), &v->content)) != 0 ||
	    (rc = household_text_clean(in->outcome, HOUSEHOLD_TEXT_MAX,
	    _("outcome"), &v->outcome)) != 0)
		return rc;
	if (v->content[0] == '\0')
		return err_set(ERR_INVALID, _("write down what the visitor "
					      "said or asked"));
	v->visitor_kind = (enum visitor_kind)kind;
	v->purpose = (enum visit_purpose)purpose;
	return 0;
}

struct visit_op {
	struct session *s;
	struct visit v;
	char code[HOUSENO_BUFSZ]; /* the house as typed, formatted, or "" */
	int64_t id;
};

static int
visit_log_tx(struct db *db, void *arg)
{
	struct visit_op *op = arg;
	struct house h = {0};
	char ph[64];
	int rc = 0;

	if (op->code[0] != '\0') {
		rc = house_db_get_by_code(db, op->code, &h);
		if (rc == ERR_NOTFOUND)
			rc = err_set(ERR_NOTFOUND, _("house %s not found"),
			    op->code);
		op->v.house_id = h.id;
	} else if (op->v.house_id > 0) {
		if ((rc = house_db_get(db, op->v.house_id, &h)) ==
		    ERR_NOTFOUND)
			rc = err_set(ERR_NOTFOUND, _("house not found"));
	}
	if (rc != 0 || (rc = visit_db_insert(db, &op->v, &op->id)) != 0)
		goto out;
	if (mask_phone(op->v.phone, ph, sizeof ph) != 0)
		snprintf(ph, sizeof ph, "***");
	rc = svc_audit(db, op->s, "visit.log", "visit", op->id,
	    "%s of %s %s%s%s, phone %s",
	    household_code(HH_VISIT_PURPOSE, op->v.purpose),
	    household_code(HH_VISITOR_KIND, op->v.visitor_kind),
	    op->v.visitor_name, h.code != NULL ? " about " : "",
	    h.code != NULL ? h.code : "", ph);
out:
	house_release(&h);
	return rc;
}

int
svc_visit_log(struct session *s, const struct visit_in *in, int64_t *id_out)
{
	struct visit_op op;
	struct houseno no;
	int rc;

	memset(&op, 0, sizeof op);
	op.s = s;
	if ((rc = session_require(s, PERM_VISIT_LOG)) != 0 ||
	    (rc = visit_from_in(in, &op.v)) != 0)
		goto out;
	op.v.house_id = in->house_id > 0 ? in->house_id : 0;
	if (op.v.house_id == 0 && !text_blank(in->house)) {
		if ((rc = houseno_parse(in->house, &no)) != 0)
			goto out;
		houseno_format(op.code, sizeof op.code, &no);
	}
	op.v.at = clock_now();
	op.v.receiver_id = s->user_id;
	op.v.desk = xstrdup(s->desk != NULL ? s->desk : "");
	if ((rc = db_tx(s->db, visit_log_tx, &op)) == 0 && id_out != NULL)
		*id_out = op.id;
out:
	visit_release(&op.v);
	return rc;
}

/* May the session read the visit log? */
static int
visit_may_read(const struct session *s)
{
	if (session_may(s, PERM_VISIT_LOG))
		return 0;
	return session_require(s, PERM_OWNER_VIEW);
}

int
svc_visit_today(struct session *s, const char *desk, struct visit_vec *out)
{
	time_t now = (time_t)clock_now();
	struct tm tm;
	int64_t from;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = visit_may_read(s)) != 0)
		return rc;
	localtime_r(&now, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	from = (int64_t)mktime(&tm);
	tm.tm_mday++;
	tm.tm_isdst = -1;
	if (desk == NULL)
		desk = s->desk != NULL ? s->desk : "";
	return visit_db_range(s->db, from, (int64_t)mktime(&tm),
	    desk[0] != '\0' ? desk : NULL, out);
}

int
svc_visit_of_house(struct session *s, int64_t house_id, int max,
    struct visit_vec *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = visit_may_read(s)) != 0)
		return rc;
	return visit_db_of_house(s->db, house_id, max, out);
}

struct visit_export_op {
	struct session *s;
	int64_t from, to;
	int (*fn)(const struct visit *, void *);
	void *arg;
	int masked;
	long rows;
	int rc;
};

static int
visit_export_one(const struct visit *v, void *arg)
{
	struct visit_export_op *op = arg;
	struct visit copy;
	char ph[64];

	op->rows++;
	if (!op->masked)
		return op->fn(v, op->arg);
	copy = *v;
	if (mask_phone(v->phone, ph, sizeof ph) != 0)
		snprintf(ph, sizeof ph, "***");
	copy.phone = ph;
	return op->fn(&copy, op->arg);
}

static int
visit_export_rd(struct db *db, void *arg)
{
	struct visit_export_op *op = arg;

	return visit_db_each(db, op->from, op->to, visit_export_one, op);
}

static int
visit_export_audit_tx(struct db *db, void *arg)
{
	struct visit_export_op *op = arg;

	return svc_audit(db, op->s, "export.visits", "database", 0,
	    "export.visits, %ld rows%s%s", op->rows,
	    op->masked ? ", masked numbers" : ", full numbers",
	    op->rc != 0 ? ", stopped by an error" : "");
}

int
svc_visit_export(struct session *s, int64_t from, int64_t to,
    int (*fn)(const struct visit *v, void *arg), void *arg)
{
	struct visit_export_op op = {s, from, to, fn, arg, 0, 0, 0};
	char msg[512];
	int rc, code;

	if ((rc = visit_may_read(s)) != 0)
		return rc;
	op.masked = !svc_may_see_private(s);
	op.rc = db_read(s->db, visit_export_rd, &op);
	snprintf(msg, sizeof msg, "%s", err_msg());
	code = err_code();
	if ((rc = db_tx(s->db, visit_export_audit_tx, &op)) != 0)
		return rc;
	if (op.rc != 0 && code == op.rc)
		err_set(code, "%s", msg);
	return op.rc;
}
