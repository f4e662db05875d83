/*
 * audit.c: the svc side of the audit log: who and where come from the
 * session, when from the clock.
 */
#include "svc/audit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/audit_db.h"
#include "svc/session.h"
#include "util/clock.h"
#include "util/strbuf.h"

static int
append(struct db *db, int64_t user_id, const char *user, const char *desk,
    const char *action, const char *entity, int64_t entity_id,
    const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	struct audit_entry e;
	va_list cp;
	int n, rc;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n > 0) {
		strbuf_grow(&sb, (size_t)n);
		vsnprintf(sb.buf, (size_t)n + 1, fmt, ap);
		sb.len = (size_t)n;
	}
	e.at = clock_now();
	e.user_id = user_id;
	e.user_name = user;
	e.desk = desk;
	e.action = action;
	e.entity = entity;
	e.entity_id = entity_id;
	e.summary = sb.buf;
	rc = audit_db_append(db, &e);
	strbuf_release(&sb);
	return rc;
}

int
svc_audit(struct db *db, const struct session *s, const char *action,
    const char *entity, int64_t entity_id, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = append(db, s->user_id, s->user, s->desk, action, entity,
	    entity_id, fmt, ap);
	va_end(ap);
	return rc;
}

int
svc_audit_as(struct db *db, int64_t user_id, const char *user,
    const char *desk, const char *action, const char *entity,
    int64_t entity_id, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = append(db, user_id, user, desk, action, entity, entity_id, fmt,
	    ap);
	va_end(ap);
	return rc;
}
