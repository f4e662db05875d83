/*
 * spool.h: handing a printed text (a receipt, a reminder notice) to the
 * printer: converted to the printer's character set, then piped to a shell
 * command, or saved as a file when no command is set.  The command's output
 * never reaches the terminal (it would garble the screen), a command that
 * hangs is stopped after a time limit, and a command that dies early does
 * not kill the program (SIGPIPE is ignored while writing).  No database,
 * no curses.
 */
#ifndef FD_UTIL_SPOOL_H
#define FD_UTIL_SPOOL_H

#include <stddef.h>

/* Seconds a printer command may take before it is stopped. */
#define SPOOL_TIMEOUT_S 30

/*
 * Convert UTF-8 text to encoding ("UTF-8", NULL or "" leave it as it is;
 * "GB18030" through iconv(3)).
 * OUT: *out (xmalloc'd, NUL-terminated; caller frees), *outlen.
 * Returns 0, or ERR_INVALID (message set) when the text cannot be
 * converted or the encoding is unknown to iconv.
 */
int spool_convert(const char *text, const char *encoding, char **out,
    size_t *outlen);

/*
 * Print text: converted to encoding, then
 *   - command not empty: written to the standard input of `/bin/sh -c
 *     command`; its standard output is discarded and the first line of
 *     its standard error kept for the message.  It must exit with status 0
 *     within timeout_s seconds (<= 0: SPOOL_TIMEOUT_S), or it is killed;
 *   - command empty or NULL: written to save_path (its folder made when
 *     missing) through a temporary file renamed into place, mode 0600.
 * Returns 0, or ERR_IO with a message naming the command and how it
 * failed (exit status, signal, time limit, its error line) or the file and
 * the system's reason; ERR_INVALID for a text that cannot be converted.
 */
int spool_send(const char *text, const char *encoding, const char *command,
    const char *save_path, int timeout_s);

#endif
