/*
 * perm.h: roles and the permissions matrix (who may do what), in one table.
 * svc checks it before every change; the UI asks it to hide what a role may
 * not do.  Pure data: no I/O.
 */
#ifndef FD_CORE_PERM_H
#define FD_CORE_PERM_H

enum role {
	ROLE_RECEPTIONIST, /* 服务接待员 */
	ROLE_CASHIER,      /* 收银员 */
	ROLE_DIRECTOR,     /* 管理服务处主任 */
	ROLE_ADMIN,        /* 系统管理员 */
	ROLE_COUNT
};

/* Business actions.  Keep perm.c's table in the same order. */
enum perm_action {
	PERM_USER_MANAGE,     /* add users, change roles, disable */
	PERM_USER_UNLOCK,     /* unlock an account after failed tries */
	PERM_BACKUP,          /* take an online backup */
	PERM_CHECK,           /* run the integrity check */
	PERM_AUDIT_VIEW,      /* read the audit log */
	PERM_OWNER_VIEW,      /* 业主档案: read */
	PERM_OWNER_EDIT,      /* 业主档案: add and change */
	PERM_REVEAL,          /* see full ID and phone numbers (audited) */
	PERM_VISIT_LOG,       /* 来访登记 */
	PERM_REQUEST_VIEW,    /* 工单: read */
	PERM_REQUEST_EDIT,    /* 工单: register, dispatch, resolve, call back */
	PERM_REQUEST_REVIEW,  /* 工单: classify, sign off the day */
	PERM_DECOR_EDIT,      /* 装修: accept applications, inspections */
	PERM_DECOR_APPROVE,   /* 装修: approve, reject, accept works */
	PERM_FEE_VIEW,        /* 收费: bills and arrears, read */
	PERM_FEE_COLLECT,     /* 收费: take payments, print receipts */
	PERM_FEE_CLOSE_DAY,   /* 日结: close one's own day */
	PERM_FEE_VOID_APPROVE,/* 红冲: approve a void */
	PERM_FEE_SETUP,       /* fee items and standards, bill generation */
	PERM_ARCHIVE_EDIT,    /* 档案: file, lend, return */
	PERM_ARCHIVE_APPROVE, /* 档案: approve confidential loans, destruction */
	PERM_REPORTS,         /* director's overview and monthly reports */
	PERM_COUNT
};

/* 1 when role may do action, else 0.  Out-of-range values give 0. */
int perm_allows(enum role role, enum perm_action action);

/* "receptionist" ... ; NULL for an unknown role. */
const char *role_code(enum role role);

/* The role's name for the counter, translated (服务接待员 ...). */
const char *role_label(enum role role);

/* Parse a role code.  OUT: *role.  0, or ERR_INVALID (message set). */
int role_parse(const char *code, enum role *role);

#endif
