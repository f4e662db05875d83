/*
 * log.h: the developer's log file (English, never shown on screen).  It lives
 * in $XDG_STATE_HOME/frontdesk/frontdesk.log unless log_open() is given a path.
 * Before log_open() or when it fails, messages are dropped: logging must never
 * stop the counter.
 */
#ifndef FD_UTIL_LOG_H
#define FD_UTIL_LOG_H

/*
 * Open the log for appending.  path NULL means the default location (the
 * folder is created).  Returns 0 or ERR_IO (the log then stays closed).
 */
int log_open(const char *path);

/* Close the log; safe when it is not open. */
void log_close(void);

/* Append one line, with time and pid, when the log is open. */
void log_debug(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
