/*
 * fsutil.h: small file-system helpers: XDG locations, creating parent
 * folders, and whether a path lives on a network file system.
 */
#ifndef FD_UTIL_FSUTIL_H
#define FD_UTIL_FSUTIL_H

#include <stddef.h>

/*
 * OUT: buf = "$ENVVAR/frontdesk/NAME", or "$HOME/FALLBACK/frontdesk/NAME" when
 * ENVVAR is unset or not absolute.  Returns 0, or ERR_IO when neither is set
 * or buf is too small.
 */
int fs_xdg_path(char *buf, size_t bufsz, const char *envvar,
    const char *fallback, const char *name);

/* Create the folders above path (mode 0755 less umask).  0 or ERR_IO. */
int fs_mkdirs_for(const char *path);

/*
 * 1 when the folder holding path is on NFS, CIFS/SMB, 9p, FUSE-sshfs or a
 * similar network file system, where SQLite's locking cannot be trusted;
 * 0 otherwise (also when it cannot be told).
 */
int fs_is_network(const char *path);

/* 1 when path exists (any type), else 0. */
int fs_exists(const char *path);

#endif
