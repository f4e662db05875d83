/*
 * strbuf.h: a growable NUL-terminated byte string (git's strbuf).  buf is
 * never NULL after strbuf_init(); len excludes the NUL.
 */
#ifndef FD_UTIL_STRBUF_H
#define FD_UTIL_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *buf;    /* always NUL-terminated */
	size_t len;   /* bytes used, without the NUL */
	size_t alloc; /* bytes allocated; 0 while buf points at a static "" */
};

#define STRBUF_INIT {strbuf_empty, 0, 0}
extern char strbuf_empty[];

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);         /* frees, then init */
void strbuf_reset(struct strbuf *sb);           /* len 0, keeps memory */
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_adds(struct strbuf *sb, const char *s);
void strbuf_addch(struct strbuf *sb, int c);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hand the buffer to the caller (who frees it) and init sb. */
char *strbuf_detach(struct strbuf *sb, size_t *len);

#endif
