/*
 * audit.h: how svc functions write their audit row, inside their own
 * transaction.
 */
#ifndef FD_SVC_AUDIT_H
#define FD_SVC_AUDIT_H

#include <stdint.h>

struct db;
struct session;

/*
 * Append an audit row for session s: action ("user.add"), entity ("user")
 * and its id (0 for none), and a printf summary of before/after.  Must be
 * called inside the action's db_tx().  0 or an error.
 */
int svc_audit(struct db *db, const struct session *s, const char *action,
    const char *entity, int64_t entity_id, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* The same without a session (login attempts, bootstrap, demo). */
int svc_audit_as(struct db *db, int64_t user_id, const char *user,
    const char *desk, const char *action, const char *entity,
    int64_t entity_id, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

#endif
