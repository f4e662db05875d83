/*
 * svc_admin.h: keeping the file healthy: backups, the integrity check, and
 * the demo database.
 */
#ifndef FD_SVC_SVC_ADMIN_H
#define FD_SVC_SVC_ADMIN_H

struct db;
struct session;
struct strbuf;

/*
 * Online snapshot to path (never a file copy), audited.  Needs PERM_BACKUP.
 * ERR_CONFLICT when path exists and !force.
 */
int svc_backup(struct session *s, const char *path, int force);

/*
 * Check the file: SQLite's quick check (integrity check when full),
 * foreign keys, the audit chain, and the business invariants.  Appends one
 * line per check to report ("audit chain: 1204 rows intact").  Needs
 * PERM_CHECK.  Returns 0, or ERR_STATE with the first problem in err_msg().
 */
int svc_check(struct session *s, int full, struct strbuf *report);

/*
 * Make db a demo database: mark it (meta demo = 1) and create the demo
 * accounts admin, director, reception, cashier and cashier2, all with the
 * password "demo1234".  Only on a database without accounts.
 */
int svc_demo_init(struct db *db, const char *desk);

/* The demo accounts, for the login screen: NULL-terminated login names. */
extern const char *const svc_demo_users[];
#define SVC_DEMO_PASSWORD "demo1234"

#endif
