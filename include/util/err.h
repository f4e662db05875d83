/*
 * err.h: the one error idiom of frontdesk.  Functions return int: 0 is success,
 * a negative enum err_code is failure.  The message for the person at the
 * counter goes into one sticky, program-wide record (the program is
 * single-threaded), so a failure is one line: return err_set(ERR_INVALID, ...).
 * Technical detail goes to the log (log.h), never to the screen.
 */
#ifndef FD_UTIL_ERR_H
#define FD_UTIL_ERR_H

enum err_code {
	ERR_OK = 0,
	ERR_NOMEM = -1,
	ERR_DB = -2,       /* database failure; detail in the log */
	ERR_INVALID = -3,  /* bad input; the message says how to put it right */
	ERR_NOTFOUND = -4, /* a normal outcome of a lookup */
	ERR_CONFLICT = -5, /* already exists, or someone else changed it first */
	ERR_DENIED = -6,   /* the role may not, or the password is wrong */
	ERR_STATE = -7,    /* not allowed in the current state */
	ERR_BUSY = -8,     /* another desk held the database too long */
	ERR_IO = -9,       /* a file could not be read or written */
};

/*
 * Record a message (printf format, already translated by the caller) and
 * return code, so callers can write `return err_set(...)`.
 */
int err_set(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The last message set, or "" when none.  Valid until the next err_set(). */
const char *err_msg(void);

/* The code passed to the last err_set(), or ERR_OK. */
int err_code(void);

/* Forget the last message. */
void err_clear(void);

/* A short fixed description of a code, for when no message was set. */
const char *err_str(int code);

#endif
