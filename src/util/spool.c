/*
 * spool.c: printed texts to the printer: iconv to its character set, then
 * a pipe into `/bin/sh -c COMMAND` (stdout discarded, stderr kept for the
 * message, a time limit, SIGPIPE ignored while writing), or a file saved
 * through a temporary name.  No database, no curses.
 */
#include "util/spool.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "util/err.h"
#include "util/fsutil.h"
#include "util/i18n.h"
#include "util/log.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Bytes of the command's standard error kept for the message. */
#define SPOOL_ERR_MAX 512

int
spool_convert(const char *text, const char *encoding, char **out,
    size_t *outlen)
{
	size_t len = strlen(text), cap, inleft, oleft;
	char *in, *o;
	iconv_t cd;
	int rc = 0;

	*out = NULL;
	*outlen = 0;
	if (encoding == NULL || encoding[0] == '\0' ||
	    strcasecmp(encoding, "UTF-8") == 0) {
		*out = xstrdup(text);
		*outlen = len;
		return 0;
	}
	if ((cd = iconv_open(encoding, "UTF-8")) == (iconv_t)-1)
		return err_set(ERR_INVALID, _("the printer encoding %s is not "
					      "known to this system"), encoding);
	cap = len * 2 + 16;
	*out = xmalloc(cap);
	in = (char *)text;
	inleft = len;
	o = *out;
	oleft = cap - 1;
	while (inleft > 0) {
		if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			continue;
		if (errno == E2BIG) {
			size_t used = (size_t)(o - *out);

			cap *= 2;
			*out = xrealloc(*out, cap);
			o = *out + used;
			oleft = cap - used - 1;
			continue;
		}
		rc = err_set(ERR_INVALID, _("the text cannot be converted to "
					    "%s for the printer"), encoding);
		break;
	}
	iconv_close(cd);
	if (rc != 0) {
		FREE(out);
		return rc;
	}
	*o = '\0';
	*outlen = (size_t)(o - *out);
	return 0;
}

/* Milliseconds of a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Save data to path through a temporary file.  0 or ERR_IO. */
static int
save_file(const char *path, const char *data, size_t len)
{
	char *tmp = NULL;
	size_t off = 0;
	ssize_t n;
	int fd = -1, rc = 0, e = 0;

	if (path == NULL || path[0] == '\0')
		return err_set(ERR_IO, _("no printer command is set and no "
					 "file to save the text in"));
	if (fs_mkdirs_for(path) != 0) {
		e = errno;
		goto fail;
	}
	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) < 0) {
		e = errno;
		goto fail;
	}
	while (off < len) {
		n = write(fd, data + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = n < 0 ? errno : EIO;
			goto fail;
		}
		off += (size_t)n;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		e = errno;
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		e = errno;
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	if (fd >= 0)
		close(fd);
	if (tmp != NULL)
		unlink(tmp);
	free(tmp);
	rc = err_set(ERR_IO, _("cannot save %s: %s"), path,
	    strerror(e != 0 ? e : EIO));
	return rc;
}

/* The child: stdin from in, stdout to /dev/null, stderr to err, then sh. */
static void
child(const char *command, int in, int err)
{
	int null = open("/dev/null", O_WRONLY);

	signal(SIGPIPE, SIG_DFL);
	if (dup2(in, 0) < 0 || dup2(null >= 0 ? null : err, 1) < 0 ||
	    dup2(err, 2) < 0)
		_exit(126);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
	_exit(127);
}

/* Write all of data to fd, giving up at the deadline.  0, or errno. */
static int
write_all(int fd, const char *data, size_t len, long long deadline)
{
	struct pollfd p = {fd, POLLOUT, 0};
	size_t off = 0;
	ssize_t n;
	int left;

	while (off < len) {
		left = (int)(deadline - now_ms());
		if (left <= 0)
			return ETIMEDOUT;
		if (poll(&p, 1, left) <= 0)
			continue;
		n = write(fd, data + off, len - off);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0)
			return errno;
		off += (size_t)n;
	}
	return 0;
}

/* Read what the command says on stderr until EOF or the deadline. */
static void
read_err(int fd, char *buf, size_t bufsz, long long deadline)
{
	struct pollfd p = {fd, POLLIN, 0};
	size_t used = 0;
	char junk[256];
	ssize_t n;
	int left;

	buf[0] = '\0';
	for (;;) {
		left = (int)(deadline - now_ms());
		if (left <= 0 || poll(&p, 1, left) <= 0)
			break;
		if (used + 1 < bufsz)
			n = read(fd, buf + used, bufsz - used - 1);
		else
			n = read(fd, junk, sizeof junk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (used + 1 < bufsz)
			used += (size_t)n;
	}
	buf[used] = '\0';
}

/* Wait for pid until the deadline; kill it then.  OUT: *status. */
static int
wait_child(pid_t pid, int *status, long long deadline)
{
	struct timespec ts = {0, 10 * 1000000L};
	pid_t r;

	for (;;) {
		r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		if (now_ms() >= deadline) {
			kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) < 0 && errno == EINTR)
				;
			return ETIMEDOUT;
		}
		nanosleep(&ts, NULL);
	}
}

/* The first line of what the command said, made printable. */
static void
first_line(char *s)
{
	char *nl = strpbrk(s, "\r\n");
	char tmp[SPOOL_ERR_MAX];

	if (nl != NULL)
		*nl = '\0';
	text_fit(tmp, sizeof tmp, s, 80);
	snprintf(s, SPOOL_ERR_MAX, "%s", tmp);
}

/* Pipe data into `sh -c command`.  0 or ERR_IO with a message. */
static int
pipe_to(const char *command, const char *data, size_t len, int timeout_s)
{
	struct sigaction ign, old;
	char errbuf[SPOOL_ERR_MAX], shown[128];
	long long deadline = now_ms() + (long long)timeout_s * 1000;
	int in[2] = {-1, -1}, err[2] = {-1, -1}, status = 0, werr, wrc;
	pid_t pid;

	text_fit(shown, sizeof shown, command, 40);
	if (pipe(in) != 0 || pipe(err) != 0) {
		werr = errno;
		if (in[0] >= 0) {
			close(in[0]);
			close(in[1]);
		}
		return err_set(ERR_IO, _("cannot run the printer command %s: "
					 "%s"), shown, strerror(werr));
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	if ((pid = fork()) < 0) {
		werr = errno;
		close(in[0]);
		close(in[1]);
		close(err[0]);
		close(err[1]);
		sigaction(SIGPIPE, &old, NULL);
		return err_set(ERR_IO, _("cannot run the printer command %s: "
					 "%s"), shown, strerror(werr));
	}
	if (pid == 0) {
		close(in[1]);
		close(err[0]);
		child(command, in[0], err[1]);
	}
	close(in[0]);
	close(err[1]);
	fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
	werr = write_all(in[1], data, len, deadline);
	close(in[1]);
	read_err(err[0], errbuf, sizeof errbuf, deadline);
	close(err[0]);
	wrc = wait_child(pid, &status, deadline);
	sigaction(SIGPIPE, &old, NULL);
	first_line(errbuf);
	if (errbuf[0] != '\0')
		log_debug("printer command '%s' said: %s", command, errbuf);
	if (wrc == ETIMEDOUT || werr == ETIMEDOUT)
		return err_set(ERR_IO, _("the printer command %s did not "
					 "finish within %d seconds and was "
					 "stopped"), shown, timeout_s);
	if (wrc != 0)
		return err_set(ERR_IO, _("cannot run the printer command %s: "
					 "%s"), shown, strerror(errno));
	if (WIFSIGNALED(status))
		return err_set(ERR_IO, _("the printer command %s was killed by "
					 "signal %d"), shown, WTERMSIG(status));
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
	    errbuf[0] != '\0')
		return err_set(ERR_IO, _("the printer command %s failed (exit "
					 "status %d): %s"), shown,
		    WEXITSTATUS(status), errbuf);
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		return err_set(ERR_IO, _("the printer command %s failed (exit "
					 "status %d)"), shown,
		    WEXITSTATUS(status));
	if (werr != 0)
		return err_set(ERR_IO, _("the printer command %s did not take "
					 "the whole text: %s"), shown,
		    strerror(werr));
	return 0;
}

int
spool_send(const char *text, const char *encoding, const char *command,
    const char *save_path, int timeout_s)
{
	char *data = NULL;
	size_t len = 0;
	int rc;

	if (timeout_s <= 0)
		timeout_s = SPOOL_TIMEOUT_S;
	if ((rc = spool_convert(text, encoding, &data, &len)) != 0)
		return rc;
	if (command != NULL && command[0] != '\0')
		rc = pipe_to(command, data, len, timeout_s);
	else
		rc = save_file(save_path, data, len);
	free(data);
	return rc;
}
