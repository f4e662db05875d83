/*
 * xalloc.h: allocation that never returns NULL.  On exhaustion fatal() gives
 * the terminal back (through the hook the UI registers) and aborts, as htop's
 * fail() and calcurse's EXIT do.
 */
#ifndef FD_UTIL_XALLOC_H
#define FD_UTIL_XALLOC_H

#include <stddef.h>
#include <stdlib.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t nmemb, size_t size);
char *xstrdup(const char *s);             /* NULL stays NULL */
char *xstrndup(const char *s, size_t n);
/* printf into a new string.  Caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Free *p and set it to NULL (NeoMutt's FREE). */
#define FREE(pp)                                                               \
	do {                                                                   \
		free(*(pp));                                                   \
		*(pp) = NULL;                                                  \
	} while (0)

/*
 * Register the function that restores the terminal; fatal() and the
 * signal handlers call it before printing.  NULL clears it.
 */
void fatal_set_cleanup(void (*fn)(void));

/* Restore the terminal, print "frontdesk: fatal: MSG" on stderr, abort(). */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "Cannot happen": a programmer error, not translated (git's BUG()). */
#define BUG(...) fatal("BUG: " __VA_ARGS__)

#endif
