/*
 * bench_tui.c: the terminal figures for `make bench`, measured on the real
 * binary through a pseudo-terminal (not tmux): start to a usable login
 * screen (P10), keystroke to finished screen update (P3: typing in a field,
 * moving and filtering in a 100k-row list), Esc closing a dialog (P11) and
 * resident memory (P14).  A benchmark, not a test: it prints each figure
 * beside its target and never fails on time; it exits 1 only when it
 * cannot run at all (no pty, no binary, a screen that never appears).
 *
 * Usage: bench_tui TMPDIR BINARY.  Everything it writes (the database, the
 * configuration, the log) lives in TMPDIR/bench-tui-PID and is removed at
 * the end.
 *
 * How the end of a screen update is found.  The binary runs on a pty of
 * 80x24 (TERM=xterm-256color, LC_ALL=C.UTF-8, [ui] language = zh_CN).
 * ncurses sends an update as many small write()s (it flushes at each of
 * its typeahead checks), so neither the first bytes nor one write mark the
 * end, and ncurses sends no end marker of its own.  The harness asks the
 * kernel instead: an update is over when
 *   1. some output arrived after the key (every measured key changes the
 *      screen), and
 *   2. the program is blocked in poll()/select() again, waiting for the
 *      next key (/proc/PID/syscall names the syscall of a blocked task and
 *      says "running" otherwise; ncurses' own typeahead checks poll with a
 *      zero timeout and so never block), and
 *   3. it has blocked at least once since the key was written
 *      (voluntary_ctxt_switches in /proc/PID/status went up), so it is not
 *      the wait from before the key, and
 *   4. the pty then stays silent for 2 ms (bytes still in the kernel's
 *      flip buffer are read too).
 * The figure is the time from just before write(key) to the read() that
 * returned the last byte of the update: the checks above only decide when
 * to stop looking, they are not part of it.  The program is polled every
 * 1 ms while it is silent, so a check costs nothing when it is busy.
 * As a check of the method, output that is already waiting when the next
 * key is written counts as an update whose end was declared too early
 * (printed as "updates with bytes after their end"; it should be 0).
 * Startup (P10) is timed from just before forkpty() to the last byte of
 * the first login screen, with "Enter 登录" and "密码" on it.  Esc (P11)
 * includes ncurses' ESCDELAY (25 ms, tui.c), the wait that tells a lone Esc
 * from the start of a function key.
 *
 * The database is the demo database plus 100k audit rows appended with the
 * real hash chain (audit_db_append in one transaction); the list is the
 * audit log (home -> 账户与维护 -> 审计日志), the one 100k-row screen of
 * this version.  A small terminal emulator (struct vt) keeps the screen as
 * the user would see it, so the harness checks that each screen is what it
 * expects and finds its way by the text on screen.
 *
 * Environment: BENCH_TUI_DEBUG=1 prints some screens to stderr;
 * BENCH_TUI_KEEP=1 keeps TMPDIR/bench-tui-PID (the database) afterwards.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <locale.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>
#include <term.h>

#include "db/audit_db.h"
#include "db/db.h"

#define VT_ROWS 24
#define VT_COLS 80
#define VT_WIDE 0xffffffffu /* right half of a two-column character */

enum { NSTART = 20, NAUDIT = 100000 };

/* ---- timing and figures ------------------------------------------------- */

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
pct(double *v, int n, double p)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[(int)(p * (n - 1))];
}

static void
row(const char *id, const char *what, const char *value, const char *target)
{
	printf("%-4s %-44s %18s   target %s\n", id, what, value, target);
	fflush(stdout);
}

/* Samples of one figure. */
struct samples {
	double v[1024];
	int n;
	int lost; /* keys whose update never ended */
};

static void
samples_add(struct samples *s, double ms)
{
	if (s->n < (int)(sizeof s->v / sizeof s->v[0]))
		s->v[s->n++] = ms;
}

/* Print p50/p99/max of s (p50/max when few). */
static void
samples_row(const char *id, const char *what, struct samples *s,
    const char *target)
{
	char buf[96];

	if (s->n == 0) {
		row(id, what, "no samples", target);
		return;
	}
	if (s->n >= 50)
		snprintf(buf, sizeof buf, "p50 %.2f p99 %.2f max %.2f ms",
		    pct(s->v, s->n, .5), pct(s->v, s->n, .99),
		    pct(s->v, s->n, 1));
	else
		snprintf(buf, sizeof buf, "p50 %.2f max %.2f ms (n=%d)",
		    pct(s->v, s->n, .5), pct(s->v, s->n, 1), s->n);
	if (s->lost > 0)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
		    " (%d lost)", s->lost);
	row(id, what, buf, target);
}

/* ---- a small terminal emulator ------------------------------------------- */

enum vt_state { VT_GROUND, VT_ESC, VT_CSI, VT_STR, VT_STR_ESC, VT_CHARSET };

/* The screen as an xterm would show it (text only, no attributes). */
struct vt {
	uint32_t cell[VT_ROWS][VT_COLS]; /* code point; 0 blank */
	int y, x, top, bot, wrap, acs, sy, sx;
	uint32_t last;        /* last graphic character, for REP */
	enum vt_state state;
	char seq[64];         /* CSI parameters and intermediates */
	int seqlen;
	uint32_t u;           /* UTF-8 being decoded */
	int need;             /* continuation bytes still expected */
	int g0;               /* ESC ( selects G0 (else G1..G3: ignored) */
};

static void
vt_init(struct vt *vt)
{
	memset(vt, 0, sizeof *vt);
	vt->bot = VT_ROWS - 1;
}

static void
vt_blank(struct vt *vt, int y, int x0, int x1)
{
	int x;

	for (x = x0 < 0 ? 0 : x0; x < x1 && x < VT_COLS; x++)
		vt->cell[y][x] = 0;
}

/* Scroll rows top..bot up by n (down when n < 0). */
static void
vt_scroll(struct vt *vt, int top, int bot, int n)
{
	int i, h = bot - top + 1;

	if (h <= 0)
		return;
	if (n > h)
		n = h;
	if (n < -h)
		n = -h;
	if (n > 0) {
		memmove(vt->cell[top], vt->cell[top + n],
		    (size_t)(h - n) * sizeof vt->cell[0]);
		for (i = bot - n + 1; i <= bot; i++)
			vt_blank(vt, i, 0, VT_COLS);
	} else if (n < 0) {
		n = -n;
		memmove(vt->cell[top + n], vt->cell[top],
		    (size_t)(h - n) * sizeof vt->cell[0]);
		for (i = top; i < top + n; i++)
			vt_blank(vt, i, 0, VT_COLS);
	}
}

/* Line feed: down a row, scrolling at the bottom of the region. */
static void
vt_index(struct vt *vt)
{
	if (vt->y == vt->bot)
		vt_scroll(vt, vt->top, vt->bot, 1);
	else if (vt->y < VT_ROWS - 1)
		vt->y++;
}

static void
vt_clamp(struct vt *vt)
{
	vt->y = vt->y < 0 ? 0 : vt->y >= VT_ROWS ? VT_ROWS - 1 : vt->y;
	vt->x = vt->x < 0 ? 0 : vt->x >= VT_COLS ? VT_COLS - 1 : vt->x;
	vt->wrap = 0;
}

/* DEC line drawing for the characters ncurses sends after ESC ( 0. */
static uint32_t
vt_acs(uint32_t c)
{
	static const char from[] = "jklmnqtuvwx`a~";
	static const uint32_t to[] = { 0x2518, 0x2510, 0x250c, 0x2514, 0x253c,
		0x2500, 0x251c, 0x2524, 0x2534, 0x252c, 0x2502, 0x25c6, 0x2592,
		0x00b7 };
	const char *p;

	if (c < 0x60 || c > 0x7e || (p = strchr(from, (int)c)) == NULL)
		return c;
	return to[p - from];
}

static void
vt_put(struct vt *vt, uint32_t c)
{
	int w;

	if (vt->acs)
		c = vt_acs(c);
	w = wcwidth((wchar_t)c);
	if (w <= 0)
		return; /* combining marks and controls: not needed here */
	if (vt->wrap || vt->x + w > VT_COLS) {
		vt->x = 0;
		vt_index(vt);
		vt->wrap = 0;
	}
	/* Writing over half of a wide character blanks the other half. */
	if (vt->cell[vt->y][vt->x] == VT_WIDE && vt->x > 0)
		vt->cell[vt->y][vt->x - 1] = 0;
	if (vt->x + w < VT_COLS && vt->cell[vt->y][vt->x + w] == VT_WIDE)
		vt->cell[vt->y][vt->x + w] = 0;
	vt->cell[vt->y][vt->x] = c;
	if (w == 2)
		vt->cell[vt->y][vt->x + 1] = VT_WIDE;
	vt->last = c;
	vt->x += w;
	if (vt->x >= VT_COLS) {
		vt->x = VT_COLS - 1;
		vt->wrap = 1;
	}
}

/* Parameter i of the CSI sequence, or def when absent or 0. */
static int
vt_param(const char *s, int i, int def)
{
	long v;

	while (i-- > 0) {
		if ((s = strchr(s, ';')) == NULL)
			return def;
		s++;
	}
	v = strtol(s, NULL, 10);
	return v <= 0 ? def : v > 1000 ? 1000 : (int)v;
}

static void
vt_csi(struct vt *vt, int final)
{
	const char *s = vt->seq;
	int n = vt_param(s, 0, 1), i, y = vt->y, x = vt->x;

	if (s[0] == '?' || s[0] == '>' || s[0] == '!' || s[0] == '=')
		return; /* modes, soft reset, queries: no change on screen */
	if (strpbrk(s, " $\"'") != NULL)
		return; /* intermediates: cursor style and the like */
	switch (final) {
	case 'A': vt->y -= n; break;
	case 'B': vt->y += n; break;
	case 'C': vt->x += n; break;
	case 'D': vt->x -= n; break;
	case 'E': vt->y += n; vt->x = 0; break;
	case 'F': vt->y -= n; vt->x = 0; break;
	case 'G': case '`': vt->x = n - 1; break;
	case 'd': vt->y = n - 1; break;
	case 'H': case 'f':
		vt->y = vt_param(s, 0, 1) - 1;
		vt->x = vt_param(s, 1, 1) - 1;
		break;
	case 'J':
		n = vt_param(s, 0, 0);
		if (n == 0) {
			vt_blank(vt, y, x, VT_COLS);
			for (i = y + 1; i < VT_ROWS; i++)
				vt_blank(vt, i, 0, VT_COLS);
		} else if (n == 1) {
			vt_blank(vt, y, 0, x + 1);
			for (i = 0; i < y; i++)
				vt_blank(vt, i, 0, VT_COLS);
		} else
			for (i = 0; i < VT_ROWS; i++)
				vt_blank(vt, i, 0, VT_COLS);
		break;
	case 'K':
		n = vt_param(s, 0, 0);
		if (n == 0)
			vt_blank(vt, y, x, VT_COLS);
		else if (n == 1)
			vt_blank(vt, y, 0, x + 1);
		else
			vt_blank(vt, y, 0, VT_COLS);
		break;
	case 'X':
		vt_blank(vt, y, x, x + n);
		break;
	case '@':
		if (n > VT_COLS - x)
			n = VT_COLS - x;
		memmove(&vt->cell[y][x + n], &vt->cell[y][x],
		    (size_t)(VT_COLS - x - n) * sizeof vt->cell[0][0]);
		vt_blank(vt, y, x, x + n);
		break;
	case 'P':
		if (n > VT_COLS - x)
			n = VT_COLS - x;
		memmove(&vt->cell[y][x], &vt->cell[y][x + n],
		    (size_t)(VT_COLS - x - n) * sizeof vt->cell[0][0]);
		vt_blank(vt, y, VT_COLS - n, VT_COLS);
		break;
	case 'L':
		if (y >= vt->top && y <= vt->bot)
			vt_scroll(vt, y, vt->bot, -n);
		vt->x = 0;
		break;
	case 'M':
		if (y >= vt->top && y <= vt->bot)
			vt_scroll(vt, y, vt->bot, n);
		vt->x = 0;
		break;
	case 'S':
		vt_scroll(vt, vt->top, vt->bot, n);
		break;
	case 'T':
		if (strchr(s, ';') == NULL)
			vt_scroll(vt, vt->top, vt->bot, -n);
		break;
	case 'r':
		vt->top = vt_param(s, 0, 1) - 1;
		vt->bot = vt_param(s, 1, VT_ROWS) - 1;
		if (vt->top < 0 || vt->bot >= VT_ROWS || vt->top >= vt->bot) {
			vt->top = 0;
			vt->bot = VT_ROWS - 1;
		}
		vt->y = vt->x = 0;
		break;
	case 'b':
		for (i = 0; i < n && vt->last != 0; i++)
			vt_put(vt, vt->last);
		return; /* keeps the pending wrap of the last character */
	default:
		return; /* m (colours), t, n, h, l, s, u: nothing to draw */
	}
	vt_clamp(vt);
}

static void
vt_esc(struct vt *vt, int c)
{
	switch (c) {
	case '[':
		vt->state = VT_CSI;
		vt->seqlen = 0;
		vt->seq[0] = '\0';
		return;
	case ']': case 'P': case '_': case '^':
		vt->state = VT_STR;
		return;
	case '(': case ')': case '*': case '+':
		vt->g0 = c == '(';
		vt->state = VT_CHARSET;
		return;
	case 'D':
		vt_index(vt);
		break;
	case 'E':
		vt->x = 0;
		vt_index(vt);
		break;
	case 'M':
		if (vt->y == vt->top)
			vt_scroll(vt, vt->top, vt->bot, -1);
		else if (vt->y > 0)
			vt->y--;
		break;
	case '7':
		vt->sy = vt->y;
		vt->sx = vt->x;
		break;
	case '8':
		vt->y = vt->sy;
		vt->x = vt->sx;
		break;
	case 'c':
		vt_init(vt);
		break;
	}
	vt->wrap = 0;
	vt->state = VT_GROUND;
}

static void
vt_control(struct vt *vt, int c)
{
	switch (c) {
	case '\r':
		vt->x = 0;
		vt->wrap = 0;
		break;
	case '\n': case '\v': case '\f':
		vt_index(vt);
		vt->wrap = 0;
		break;
	case '\b':
		if (vt->x > 0)
			vt->x--;
		vt->wrap = 0;
		break;
	case '\t':
		vt->x = (vt->x / 8 + 1) * 8;
		vt_clamp(vt);
		break;
	case 0x1b:
		vt->state = VT_ESC;
		break;
	}
}

static void
vt_feed(struct vt *vt, const unsigned char *p, size_t n)
{
	size_t i;
	int c;

	for (i = 0; i < n; i++) {
		c = p[i];
		switch (vt->state) {
		case VT_ESC:
			vt_esc(vt, c);
			continue;
		case VT_CHARSET:
			if (vt->g0)
				vt->acs = c == '0';
			vt->state = VT_GROUND;
			continue;
		case VT_CSI:
			if (c >= 0x40 && c <= 0x7e) {
				vt->state = VT_GROUND;
				vt_csi(vt, c);
			} else if (c == 0x1b)
				vt->state = VT_ESC;
			else if (vt->seqlen < (int)sizeof vt->seq - 1) {
				vt->seq[vt->seqlen++] = (char)c;
				vt->seq[vt->seqlen] = '\0';
			}
			continue;
		case VT_STR:
			if (c == 0x07)
				vt->state = VT_GROUND;
			else if (c == 0x1b)
				vt->state = VT_STR_ESC;
			continue;
		case VT_STR_ESC:
			vt->state = c == '\\' ? VT_GROUND : VT_STR;
			continue;
		case VT_GROUND:
			break;
		}
		if (vt->need > 0 && (c & 0xc0) == 0x80) {
			vt->u = vt->u << 6 | (uint32_t)(c & 0x3f);
			if (--vt->need == 0)
				vt_put(vt, vt->u);
			continue;
		}
		vt->need = 0;
		if (c < 0x20 || c == 0x7f)
			vt_control(vt, c);
		else if (c < 0x80)
			vt_put(vt, (uint32_t)c);
		else if ((c & 0xe0) == 0xc0)
			vt->u = (uint32_t)(c & 0x1f), vt->need = 1;
		else if ((c & 0xf0) == 0xe0)
			vt->u = (uint32_t)(c & 0x0f), vt->need = 2;
		else if ((c & 0xf8) == 0xf0)
			vt->u = (uint32_t)(c & 0x07), vt->need = 3;
	}
}

/* Row y as UTF-8, trailing blanks cut. */
static void
vt_row(const struct vt *vt, int y, char *buf, size_t bufsz)
{
	size_t len = 0, keep = 0;
	uint32_t c;
	int x, k;
	char mb[8];

	buf[0] = '\0';
	for (x = 0; x < VT_COLS; x++) {
		if ((c = vt->cell[y][x]) == VT_WIDE)
			continue;
		if (c == 0)
			c = ' ';
		k = (int)wcrtomb(mb, (wchar_t)c, NULL);
		if (k <= 0 || len + (size_t)k + 1 > bufsz)
			break;
		memcpy(buf + len, mb, (size_t)k);
		len += (size_t)k;
		if (c != ' ')
			keep = len;
	}
	buf[keep] = '\0';
}

/* The row holding text, or -1. */
static int
vt_find(const struct vt *vt, const char *text)
{
	char line[VT_COLS * 4 + 1];
	int y;

	for (y = 0; y < VT_ROWS; y++) {
		vt_row(vt, y, line, sizeof line);
		if (strstr(line, text) != NULL)
			return y;
	}
	return -1;
}

static void
vt_dump(const struct vt *vt, FILE *fp)
{
	char line[VT_COLS * 4 + 1];
	int y;

	fprintf(fp, "---- the screen (80x24) ----\n");
	for (y = 0; y < VT_ROWS; y++) {
		vt_row(vt, y, line, sizeof line);
		fprintf(fp, "|%s\n", line);
	}
	fprintf(fp, "----------------------------\n");
}

/* ---- the program on a pty ---------------------------------------------- */

/* One running frontdesk. */
struct desk {
	pid_t pid;          /* 0 when not running */
	int fd;             /* pty master */
	struct vt vt;
	long bytes;         /* output bytes of the last update */
	int dead;           /* the program ended on its own */
	int stuck;          /* updates in a row that never ended */
	int late;           /* updates with bytes after their declared end */
	int keys;           /* keys written */
	double t_first;     /* end of the first burst of the last update */
	struct samples *first; /* when set, desk_press adds t_first here too */
};

static struct desk *desk_live; /* for the exit handler */
static char bench_dir[512];
static const char *bench_bin;
static char bench_ini[600];

/* Kill and reap d's program; never leaves a zombie. */
static void
desk_kill(struct desk *d)
{
	double t0 = now_ms();
	pid_t r;
	int st = 0;

	if (d->pid <= 0)
		return;
	kill(d->pid, SIGTERM); /* the program logs out and ends */
	while ((r = waitpid(d->pid, &st, WNOHANG)) == 0 ||
	    (r < 0 && errno == EINTR)) {
		if (now_ms() - t0 > 2000) {
			kill(d->pid, SIGKILL);
			while (waitpid(d->pid, &st, 0) < 0 && errno == EINTR)
				;
			break;
		}
		usleep(2000);
	}
	if (r > 0 && WIFSIGNALED(st) && WTERMSIG(st) != SIGTERM &&
	    WTERMSIG(st) != SIGKILL)
		fprintf(stderr, "bench_tui: frontdesk died of signal %d\n",
		    WTERMSIG(st));
	close(d->fd);
	d->pid = 0;
	d->fd = -1;
	if (desk_live == d)
		desk_live = NULL;
}

/* Start BINARY on a new 80x24 pty; OUT: *t0 just before the fork. */
static int
desk_start(struct desk *d, const char *db, double *t0)
{
	struct winsize ws = { .ws_row = VT_ROWS, .ws_col = VT_COLS };
	char home[600], state[600], cfg[600];
	char *argv[] = { (char *)bench_bin, "--db", (char *)db, "--config",
		bench_ini, NULL };
	char *envp[8];

	snprintf(home, sizeof home, "HOME=%s", bench_dir);
	snprintf(state, sizeof state, "XDG_STATE_HOME=%s", bench_dir);
	snprintf(cfg, sizeof cfg, "XDG_CONFIG_HOME=%s", bench_dir);
	envp[0] = "TERM=xterm-256color";
	envp[1] = "LC_ALL=C.UTF-8";
	envp[2] = "PATH=/usr/bin:/bin";
	envp[3] = "FRONTDESK_IDLE_SECONDS=0"; /* no idle lock mid-run */
	envp[4] = home;
	envp[5] = state;
	envp[6] = cfg;
	envp[7] = NULL;
	memset(d, 0, sizeof *d);
	vt_init(&d->vt);
	*t0 = now_ms();
	d->pid = forkpty(&d->fd, NULL, NULL, &ws);
	if (d->pid < 0) {
		fprintf(stderr, "bench_tui: forkpty: %s\n", strerror(errno));
		d->pid = 0;
		return -1;
	}
	if (d->pid == 0) {
		execve(bench_bin, argv, envp);
		_exit(127);
	}
	fcntl(d->fd, F_SETFL, fcntl(d->fd, F_GETFL) | O_NONBLOCK);
	desk_live = d;
	return 0;
}

/* The program's voluntary context switches so far, or -1. */
static long
desk_switches(const struct desk *d)
{
	char path[64], buf[4096], *p;
	long v = -1;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)d->pid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	if ((p = strstr(buf, "voluntary_ctxt_switches:")) != NULL)
		v = strtol(p + 24, NULL, 10);
	return v;
}

/* A /proc/PID/status field in kB, or -1. */
static long
desk_status_kb(const struct desk *d, const char *field)
{
	char path[64], buf[4096], *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)d->pid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	if ((p = strstr(buf, field)) == NULL)
		return -1;
	return strtol(p + strlen(field) + 1, NULL, 10);
}

/* 1 when the program is blocked waiting for input (and, when sw0 >= 0,
 * has blocked since a key was written at sw0 switches). */
static int
desk_waiting(const struct desk *d, long sw0)
{
	char path[64], buf[256];
	ssize_t n;
	long nr;
	int fd;

	snprintf(path, sizeof path, "/proc/%ld/syscall", (long)d->pid);
	if ((fd = open(path, O_RDONLY)) < 0)
		return 0;
	n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0 || !isdigit((unsigned char)buf[0]))
		return 0; /* "running" */
	buf[n] = '\0';
	nr = strtol(buf, NULL, 10);
	if (!(0
#ifdef SYS_poll
	    || nr == SYS_poll
#endif
#ifdef SYS_ppoll
	    || nr == SYS_ppoll
#endif
#ifdef SYS_select
	    || nr == SYS_select
#endif
#ifdef SYS_pselect6
	    || nr == SYS_pselect6
#endif
	    ))
		return 0;
	return sw0 < 0 || desk_switches(d) > sw0;
}

/* Read what is there; OUT: *t_last when something came.  -1: the program
 * is gone, else the bytes read. */
static long
desk_read(struct desk *d, double *t_last)
{
	unsigned char buf[16384];
	ssize_t n;
	long got = 0;

	for (;;) {
		n = read(d->fd, buf, sizeof buf);
		if (n > 0) {
			*t_last = now_ms();
			vt_feed(&d->vt, buf, (size_t)n);
			got += n;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return got;
		return got > 0 ? got : -1; /* EOF or EIO: the program ended */
	}
}

/*
 * Wait for the end of an update (see the file header) that started at
 * t_from.  need_out: some output must come; text: it must be on screen;
 * sw0: switches before the key (-1: do not check).  OUT: *t_last, the
 * time of the last byte.  0, -1 on timeout, -2 when the program ended.
 */
static int
desk_wait(struct desk *d, double t_from, long sw0, int need_out,
    const char *text, int timeout_ms, double *t_last)
{
	struct pollfd p = { .fd = d->fd, .events = POLLIN };
	long got = 0, n;
	int r;

	*t_last = t_from;
	d->t_first = 0;
	for (;;) {
		if (now_ms() - t_from > timeout_ms)
			return -1;
		r = poll(&p, 1, 1);
		if (r < 0 && errno != EINTR)
			return -2;
		/* 1 ms of silence after output: the first frame is out. */
		if (r == 0 && got > 0 && d->t_first == 0)
			d->t_first = *t_last;
		if (r > 0) {
			if ((n = desk_read(d, t_last)) < 0) {
				d->dead = 1;
				return -2;
			}
			got += n;
			continue;
		}
		if ((need_out && got == 0) ||
		    (text != NULL && vt_find(&d->vt, text) < 0) ||
		    !desk_waiting(d, sw0))
			continue;
		/* Bytes still on their way through the pty. */
		while (poll(&p, 1, 2) > 0) {
			if ((n = desk_read(d, t_last)) <= 0)
				break;
			got += n;
		}
		d->bytes = got;
		return 0;
	}
}

/* Write a key; OUT: *sw0 (switches before it).  The time of the write. */
static double
desk_key(struct desk *d, const char *key, long *sw0)
{
	size_t len = strlen(key), off = 0;
	double t;
	ssize_t n;

	/* Output now would belong to the last update: its end was wrong. */
	if (desk_read(d, &t) > 0)
		d->late++;
	d->keys++;
	*sw0 = desk_switches(d);
	t = now_ms();
	while (off < len) {
		n = write(d->fd, key + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			usleep(100);
			continue;
		}
		if (n < 0)
			break;
		off += (size_t)n;
	}
	return t;
}

/*
 * Press key and time the update.  text: must be on screen after it
 * (NULL: anything).  Adds the figure to s (when not NULL).  0, or -1 when
 * the update never ended or the text did not appear.
 */
static int
desk_press(struct desk *d, const char *key, const char *text,
    struct samples *s)
{
	double t, t_last;
	long sw0;
	int rc;

	if (d->dead || d->stuck >= 5)
		return -1;
	t = desk_key(d, key, &sw0);
	rc = desk_wait(d, t, sw0, 1, text, 2000, &t_last);
	if (rc != 0) {
		if (s != NULL)
			s->lost++;
		if (++d->stuck == 5 && !d->dead) {
			fprintf(stderr, "bench_tui: five keys in a row without "
			    "a finished update; the last screen:\n");
			vt_dump(&d->vt, stderr);
		}
		/* Settle before the next key, whatever happened. */
		desk_wait(d, now_ms(), -1, 0, NULL, 500, &t_last);
		return -1;
	}
	d->stuck = 0;
	if (s != NULL)
		samples_add(s, t_last - t);
	if (d->first != NULL)
		samples_add(d->first, (d->t_first ? d->t_first : t_last) - t);
	return 0;
}

/* Wait until text is on screen and the program waits for a key. */
static int
desk_expect(struct desk *d, const char *text, int timeout_ms)
{
	double t_last;

	if (desk_wait(d, now_ms(), -1, 0, text, timeout_ms, &t_last) == 0)
		return 0;
	fprintf(stderr, "bench_tui: '%s' did not appear on the screen "
	    "within %d ms\n", text, timeout_ms);
	vt_dump(&d->vt, stderr);
	return -1;
}

/* ---- keys ---------------------------------------------------------------- */

/* What the terminal sends for a key (xterm-256color, keypad transmit). */
struct keys {
	const char *up, *down, *pgup, *pgdn, *home, *end, *f1, *f2;
};

static const char *
key_cap(const char *cap, const char *fallback)
{
	char *s = tigetstr(cap);

	return s != NULL && s != (char *)-1 ? s : fallback;
}

static void
keys_load(struct keys *k)
{
	int err;

	/* On failure tigetstr() fails too, and the fallbacks are used. */
	(void)setupterm("xterm-256color", STDERR_FILENO, &err);
	k->up = key_cap("kcuu1", "\033OA");
	k->down = key_cap("kcud1", "\033OB");
	k->pgup = key_cap("kpp", "\033[5~");
	k->pgdn = key_cap("knp", "\033[6~");
	k->home = key_cap("khome", "\033OH");
	k->end = key_cap("kend", "\033OF");
	k->f1 = key_cap("kf1", "\033OP");
	k->f2 = key_cap("kf2", "\033OQ");
}

/* ---- the database --------------------------------------------------------- */

static int
fill_audit(struct db *db, void *arg)
{
	static const char *const users[] = { "admin", "director", "reception",
		"cashier", "cashier2" };
	static const char *const desks[] = { "1号窗口", "2号窗口",
		"收费窗口", "主任室" };
	static const char *const names[] = { "张伟", "王芳", "李娜", "刘洋",
		"陈静", "杨磊", "赵敏", "黄勇", "周婷", "吴强" };
	static const struct {
		const char *action, *entity, *fmt;
	} kinds[] = {
		{ "fee.pay", "payment", "收款 %d-%d-%d0%d %s 物业费 %d.00 元" },
		{ "request.add", "request", "登记报修 %d-%d-%d0%d %s 厨房漏水 "
		    "#%d" },
		{ "owner.edit", "owner", "修改业主 %d-%d-%d0%d %s 电话 "
		    "138****%04d" },
		{ "login.ok", "user", "登录 %d-%d-%d0%d %s %d" },
	};
	int *n = arg, i, k, rc;
	char sum[256];
	struct audit_entry e;
	int64_t t0 = (int64_t)time(NULL) - 365 * 86400;

	for (i = 0; i < *n; i++) {
		k = i % 4;
		snprintf(sum, sizeof sum, kinds[k].fmt, 1 + i % 12,
		    1 + i / 12 % 4, 1 + i / 48 % 30, 1 + i % 4, names[i % 10],
		    i % 10000);
		memset(&e, 0, sizeof e);
		e.at = t0 + (int64_t)i * 300;
		e.user_id = 1 + i % 5;
		e.user_name = users[i % 5];
		e.desk = desks[i % 4];
		e.action = kinds[k].action;
		e.entity = kinds[k].entity;
		e.entity_id = 1 + i % 5000;
		e.summary = sum;
		if ((rc = audit_db_append(db, &e)) != 0)
			return rc;
	}
	return 0;
}

/* Run frontdesk ARGS... to the end (no terminal). */
static int
run_cli(const char *db, const char *cmd, const char *arg1,
    const char *arg2)
{
	char *argv[] = { (char *)bench_bin, "--db", (char *)db, "--config",
		bench_ini, (char *)cmd, (char *)arg1, (char *)arg2, NULL };
	char home[600];
	char *envp[] = { "LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin", home, NULL };
	pid_t pid;
	int st, fd;

	snprintf(home, sizeof home, "HOME=%s", bench_dir);
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0) {
			dup2(fd, STDOUT_FILENO);
			close(fd);
		}
		execve(bench_bin, argv, envp);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) ||
	    WEXITSTATUS(st) != 0)
		return -1;
	return 0;
}

/* The demo database plus NAUDIT audit rows on the real chain. */
/* Households of the demo estate: BENCH_TUI_HOUSEHOLDS, else 100000. */
static const char *
households(void)
{
	const char *n = getenv("BENCH_TUI_HOUSEHOLDS");

	return n != NULL && n[0] != '\0' ? n : "100000";
}

static int
make_db(const char *path)
{
	struct db *db = NULL;
	char buf[64];
	double t0 = now_ms();
	int n = NAUDIT, rc;

	/* The estate's size is the finder's; BENCH_TUI_HOUSEHOLDS=3000 for a
	 * quick run. */
	if (run_cli(path, "demo", "--households", households()) != 0) {
		fprintf(stderr, "bench_tui: '%s --db %s demo' failed\n",
		    bench_bin, path);
		return -1;
	}
	if (db_open(&db, path, 5000, 0) != 0) {
		fprintf(stderr, "bench_tui: cannot open %s\n", path);
		return -1;
	}
	rc = db_tx(db, fill_audit, &n);
	db_close(&db);
	if (rc != 0) {
		fprintf(stderr, "bench_tui: cannot fill the audit log\n");
		return -1;
	}
	snprintf(buf, sizeof buf, "%.0f ms", now_ms() - t0);
	row("", "demo database + 100k audit rows (setup)", buf, "(none)");
	snprintf(buf, sizeof buf, "%s", households());
	row("", "households in the demo estate", buf, "(P3 at 100000)");
	return 0;
}

/* ---- the figures ------------------------------------------------------------ */

/* P10: fork+exec to the last byte of a finished login screen. */
static int
bench_start(const char *db)
{
	struct samples s = { .n = 0 };
	struct desk d;
	double t0, t_last;
	int i, rc;

	for (i = 0; i < NSTART; i++) {
		if (desk_start(&d, db, &t0) != 0)
			return -1;
		rc = desk_wait(&d, t0, -1, 1, "Enter 登录", 5000, &t_last);
		if (rc != 0 || vt_find(&d.vt, "密码") < 0) {
			fprintf(stderr, "bench_tui: no login screen within "
			    "5 s (%s)\n", rc == -2 ? "the program ended" :
			    "timeout");
			vt_dump(&d.vt, stderr);
			desk_kill(&d);
			return -1;
		}
		samples_add(&s, t_last - t0);
		if (getenv("BENCH_TUI_DEBUG") != NULL && i == 0) {
			fprintf(stderr, "start: %.2f ms, %ld bytes\n",
			    t_last - t0, d.bytes);
			vt_dump(&d.vt, stderr);
		}
		desk_kill(&d);
	}
	samples_row("P10", "start to a usable login screen", &s, "< 200 ms");
	return 0;
}

/* P3 (a): typing into the user name field of the login screen. */
static void
bench_typing(struct desk *d)
{
	/* 10 ASCII and 10 Chinese characters: 30 columns, so the 26-column
	 * field also scrolls sideways. */
	static const char *const text[] = { "z", "张", "h", "伟", "a", "王",
		"n", "芳", "g", "李", "l", "娜", "i", "刘", "u", "洋", "c", "陈",
		"e", "静" };
	struct samples ascii = { .n = 0 }, cjk = { .n = 0 }, bs = { .n = 0 };
	int round, i, n = (int)(sizeof text / sizeof text[0]);

	for (round = 0; round < 5; round++) {
		for (i = 0; i < n; i++)
			desk_press(d, text[i], NULL, (i & 1) ? &cjk : &ascii);
		if (round == 0 && vt_find(&d->vt, "z张h伟") < 0 &&
		    vt_find(&d->vt, "静") < 0) {
			fprintf(stderr, "bench_tui: typed text not on the "
			    "login screen\n");
			vt_dump(&d->vt, stderr);
		}
		for (i = 0; i < n; i++)
			desk_press(d, "\177", NULL, &bs);
	}
	samples_row("P3", "type ASCII into a field (login)", &ascii,
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "type Chinese into a field (login)", &cjk,
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "Backspace in a field (login)", &bs,
	    "p99 < 16 ms, max < 50 ms");
}

/* Type s one key at a time (no figures). */
static int
desk_type(struct desk *d, const char *s)
{
	char k[2] = { 0, 0 };

	for (; *s != '\0'; s++) {
		k[0] = *s;
		if (desk_press(d, k, NULL, NULL) != 0)
			return -1;
	}
	return 0;
}

static void
rss_row(const char *what, struct desk *d)
{
	char buf[64];

	snprintf(buf, sizeof buf, "%.1f MiB (peak %.1f)",
	    desk_status_kb(d, "VmRSS:") / 1024.0,
	    desk_status_kb(d, "VmHWM:") / 1024.0);
	row("P14", what, buf, "< 32 MiB");
}

/* P11: F1 opens help on home, Esc closes it. */
static void
bench_help(struct desk *d, const struct keys *k, const char *home_text)
{
	struct samples open = { .n = 0 }, esc = { .n = 0 };
	int i;

	for (i = 0; i < 20; i++) {
		if (desk_press(d, k->f1, "帮助：", &open) != 0)
			continue;
		desk_press(d, "\033", home_text, &esc);
		if (vt_find(&d->vt, "帮助：") >= 0) {
			fprintf(stderr, "bench_tui: Esc did not close help\n");
			vt_dump(&d->vt, stderr);
			break;
		}
	}
	samples_row("", "F1 opens help (home)", &open, "(none)");
	samples_row("P11", "Esc closes help (incl. 25 ms ESCDELAY)", &esc,
	    "< 150 ms");
}

/* The digit in front of the home row holding title, or 0. */
static int
home_digit(struct desk *d, const char *title)
{
	char line[VT_COLS * 4 + 1], *p;
	int y = vt_find(&d->vt, title);

	if (y < 0)
		return 0;
	vt_row(&d->vt, y, line, sizeof line);
	for (p = line; *p == ' '; p++)
		;
	return isdigit((unsigned char)*p) ? *p : 0;
}

/* Press the digit of the row holding title; wait for want (when not
 * NULL) for up to timeout_ms.  OUT: *ms, the time of the update.  0, or
 * -1 (quietly) when the entry or want is not there. */
static int
desk_pick(struct desk *d, const char *title, const char *want,
    int timeout_ms, double *ms)
{
	char key[2] = { 0, 0 };
	double t, t_last;
	long sw0;

	if ((key[0] = (char)home_digit(d, title)) == 0)
		return -1;
	t = desk_key(d, key, &sw0);
	if (desk_wait(d, t, sw0, 1, want, timeout_ms, &t_last) != 0)
		return -1;
	if (ms != NULL)
		*ms = t_last - t;
	return 0;
}

/*
 * Type each key of keys[] into the open filter box, then erase them all.
 * type[0] and erase[0] get the whole update (until the search of the
 * 100k rows is done and the program waits again), type[1] and erase[1]
 * the first frame: the key echoed with the first slice's rows.
 */
static void
filter_round(struct desk *d, const char *const *keys, int n,
    struct samples *type, struct samples *erase)
{
	int i;

	for (i = 0; i < n; i++) {
		d->first = &type[1];
		desk_press(d, keys[i], NULL, type);
	}
	for (i = 0; i < n; i++) {
		d->first = &erase[1];
		desk_press(d, "\177", NULL, erase);
	}
	d->first = NULL;
}

/* P3 (b): moving and filtering in the 100k-row audit log. */
static int
bench_list(struct desk *d, const struct keys *k)
{
	static const char *const zh[] = { "收", "款", " ", "1", "-" };
	static const char *const en[] = { "f", "e", "e", ".", "p" };
	static const char *const rare[] = { "主", "任", "室", "x" };
	struct samples down = { .n = 0 }, pgdn = { .n = 0 }, pgup = { .n = 0 },
	    end = { .n = 0 }, home = { .n = 0 }, slash = { .n = 0 },
	    ftype[2] = { { .n = 0 }, { .n = 0 } },
	    ferase[2] = { { .n = 0 }, { .n = 0 } }, fdown = { .n = 0 },
	    fclear = { .n = 0 };
	char buf[64];
	double ms;
	int i;

	/* Home -> accounts and upkeep -> audit log ("Row 1 of 100006"). */
	if (desk_pick(d, "账户与维护", "审计日志", 5000, NULL) != 0 ||
	    desk_pick(d, "审计日志", "行，共 ", 10000, &ms) != 0) {
		row("P3", "moving in a 100k list (audit log)",
		    "not in this build", "p99 < 16 ms, max < 50 ms");
		if (getenv("BENCH_TUI_DEBUG") != NULL)
			vt_dump(&d->vt, stderr);
		return d->dead ? -1 : 1;
	}
	snprintf(buf, sizeof buf, "%.2f ms", ms);
	row("", "open the 100k audit log", buf, "(none)");
	if (getenv("BENCH_TUI_DEBUG") != NULL)
		vt_dump(&d->vt, stderr);
	for (i = 0; i < 200; i++)
		desk_press(d, k->down, NULL, &down);
	for (i = 0; i < 100; i++)
		desk_press(d, k->pgdn, NULL, &pgdn);
	for (i = 0; i < 50; i++)
		desk_press(d, k->pgup, NULL, &pgup);
	for (i = 0; i < 20; i++) {
		desk_press(d, k->end, NULL, &end);
		desk_press(d, k->home, NULL, &home);
	}
	if (getenv("BENCH_TUI_DEBUG") != NULL)
		vt_dump(&d->vt, stderr);
	samples_row("P3", "Down in the 100k list", &down,
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "PgDn in the 100k list", &pgdn,
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "PgUp in the 100k list", &pgup,
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "End in the 100k list", &end,
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "Home in the 100k list", &home,
	    "p99 < 16 ms, max < 50 ms");

	/* The filter: '/' opens the box, each key narrows the list. */
	for (i = 0; i < 4; i++) {
		if (desk_press(d, "/", "过滤", &slash) != 0)
			break;
		filter_round(d, zh, 5, ftype, ferase);
		filter_round(d, en, 5, ftype, ferase);
		filter_round(d, rare, 4, ftype, ferase);
		desk_press(d, "\033", NULL, &fclear);
	}
	if (getenv("BENCH_TUI_DEBUG") != NULL)
		vt_dump(&d->vt, stderr);
	samples_row("", "'/' opens the filter box", &slash, "(none)");
	samples_row("P3", "type a filter: key to first frame", &ftype[1],
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "Backspace in a filter: first frame", &ferase[1],
	    "p99 < 16 ms, max < 50 ms");
	samples_row("", "type a filter: 100k rows all searched", &ftype[0],
	    "(none; sliced)");
	samples_row("", "Backspace: 100k rows all searched", &ferase[0],
	    "(none; sliced)");
	samples_row("", "Esc clears the filter", &fclear, "(< 150 ms)");

	/* Moving in a filtered list (rows fetched one id at a time). */
	desk_press(d, "/", "过滤", NULL);
	for (i = 0; i < 2; i++)
		desk_press(d, zh[i], NULL, NULL);
	desk_press(d, "\r", NULL, NULL);
	if (getenv("BENCH_TUI_DEBUG") != NULL)
		vt_dump(&d->vt, stderr);
	for (i = 0; i < 100; i++)
		desk_press(d, i % 5 == 4 ? k->pgdn : k->down, NULL, &fdown);
	samples_row("P3", "Down/PgDn in a filtered list (25k)", &fdown,
	    "p99 < 16 ms, max < 50 ms");
	return d->dead ? -1 : 0;
}

/*
 * P3 (c): typing in the owner finder over the demo estate: a house
 * number, a name of three Chinese characters, the last four digits of a
 * phone; each typed and erased a key at a time.  The finder paints the
 * key at once and searches when no key waits, so both the first frame and
 * the finished search are shown.
 */
static int
bench_finder(struct desk *d)
{
	static const char *const code[] = { "3", "-", "2", "-", "1", "5", "0",
		"2" };
	static const char *const name[] = { "王", "秀", "英" };
	static const char *const tail[] = { "5", "9", "5", "0" };
	struct samples type[2] = { { .n = 0 }, { .n = 0 } },
	    erase[2] = { { .n = 0 }, { .n = 0 } };
	int i;

	/* Back to home (its title; the menus share their hint line). */
	for (i = 0; i < 5 && vt_find(&d->vt, " 首页 ") < 0; i++)
		desk_press(d, "\033", NULL, NULL);
	if (desk_pick(d, "业主档案", "3-2-1502", 10000, NULL) != 0) {
		if (getenv("BENCH_TUI_DEBUG") != NULL)
			vt_dump(&d->vt, stderr);
		row("P3", "typing in the owner finder", "not in this build",
		    "p99 < 16 ms, max < 50 ms");
		return 0;
	}
	for (i = 0; i < 3; i++) {
		filter_round(d, code, 8, type, erase);
		filter_round(d, name, 3, type, erase);
		filter_round(d, tail, 4, type, erase);
	}
	samples_row("P3", "type in the finder: key to first frame", &type[1],
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "Backspace in the finder: first frame", &erase[1],
	    "p99 < 16 ms, max < 50 ms");
	samples_row("", "type in the finder: search finished", &type[0],
	    "(none)");
	return d->dead ? -1 : 0;
}

/* 1 when s looks like an amount: digits, commas, a point, two decimals. */
static int
is_amount(const char *s)
{
	size_t n = strlen(s);

	return n >= 4 && s[n - 3] == '.' && strspn(s, "0123456789,.") == n;
}

/*
 * A house owing bills of more than one month: the first line of `report
 * arrears` with something 31-90 days old.  OUT: code.  0, or -1 (none).
 */
static int
owing_house(const char *db, char *code, size_t codesz)
{
	char cmd[2048], line[512], *tok, *save;
	FILE *fp;
	int rc = -1, money;

	snprintf(cmd, sizeof cmd, "printf 'demo1234\\n' | LC_ALL=C.UTF-8 "
	    "'%s' --db '%s' --config '%s' report arrears --user director "
	    "--password-stdin 2>/dev/null", bench_bin, db, bench_ini);
	if ((fp = popen(cmd, "r")) == NULL)
		return -1;
	while (rc != 0 && fgets(line, sizeof line, fp) != NULL) {
		if ((tok = strtok_r(line, " \n", &save)) == NULL ||
		    strchr(tok, '-') == NULL || !isdigit((unsigned char)*tok))
			continue;
		snprintf(code, codesz, "%s", tok);
		money = 0;
		while ((tok = strtok_r(NULL, " \n", &save)) != NULL)
			if (is_amount(tok) && ++money == 2) {
				if (strcmp(tok, "0.00") != 0)
					rc = 0;
				break;
			}
	}
	pclose(fp);
	return rc;
}

/*
 * P3 (d): the cashier at the counter: typing a house number (the search as
 * in the finder), picking bills with Space, and typing the cash given in
 * the payment box (the change follows each key).  Loading the house is
 * shown beside them.  Nothing is paid: the box is left with Esc.
 */
static int
bench_counter(struct desk *d, const struct keys *k, const char *house)
{
	static const char *const cash[] = { "2", "0", "0", "0" };
	char keys[16][2];
	const char *code[16];
	struct samples type[2] = { { .n = 0 }, { .n = 0 } },
	    erase[2] = { { .n = 0 }, { .n = 0 } }, pick = { .n = 0 },
	    given = { .n = 0 }, load = { .n = 0 };
	int i, j, n;

	for (n = 0; n < 16 && house[n] != '\0'; n++) {
		keys[n][0] = house[n];
		keys[n][1] = '\0';
		code[n] = keys[n];
	}
	for (i = 0; i < 5 && vt_find(&d->vt, " 首页 ") < 0; i++)
		desk_press(d, "\033", NULL, NULL);
	if (desk_pick(d, "收费管理", "收银台", 10000, NULL) != 0 ||
	    desk_pick(d, "收银台", "为哪户收费", 10000, NULL) != 0) {
		row("P3", "at the counter", "not in this build",
		    "p99 < 16 ms, max < 50 ms");
		return 0;
	}
	for (i = 0; i < 3; i++)
		filter_round(d, code, n, type, erase);
	for (i = 0; i < 3 && !d->dead; i++) {
		for (j = 0; j < n; j++)
			desk_press(d, code[j], NULL, NULL);
		desk_press(d, "\r", "未缴账单", &load);
		for (j = 0; j < 10; j++)
			desk_press(d, " ", NULL, &pick);
		if (desk_press(d, k->f2, "收款：", NULL) != 0)
			break;
		desk_press(d, "\r", NULL, NULL); /* to the cash given */
		for (j = 0; j < 4; j++)
			desk_press(d, cash[j], NULL, &given);
		for (j = 0; j < 4; j++)
			desk_press(d, "\177", NULL, &given);
		desk_press(d, "\033", NULL, NULL); /* the box */
		desk_press(d, "/", NULL, NULL);     /* the next house */
	}
	samples_row("P3", "counter: type a house number, first frame",
	    &type[1], "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "counter: Backspace in the house number", &erase[1],
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "counter: Space picks a bill", &pick,
	    "p99 < 16 ms, max < 50 ms");
	samples_row("P3", "counter: type the cash given (change live)",
	    &given, "p99 < 16 ms, max < 50 ms");
	samples_row("", "counter: Enter loads the house's bills", &load,
	    "(none)");
	return d->dead ? -1 : 0;
}

/* Remove one file or folder of the bench folder. *//* Remove one file or folder of the bench folder. */
static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_DP)
		rmdir(path);
	else
		unlink(path);
	return 0;
}

static void
cleanup(void)
{
	if (desk_live != NULL)
		desk_kill(desk_live);
	if (bench_dir[0] != '\0' && getenv("BENCH_TUI_KEEP") != NULL)
		fprintf(stderr, "bench_tui: kept %s\n", bench_dir);
	else if (bench_dir[0] != '\0')
		nftw(bench_dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* The whole run took too long: something hangs.  Kill and say so. */
static void
on_alarm(int sig)
{
	static const char msg[] = "bench_tui: gave up: something hangs\n";
	ssize_t n;

	(void)sig;
	if (desk_live != NULL && desk_live->pid > 0)
		kill(desk_live->pid, SIGKILL);
	n = write(STDERR_FILENO, msg, sizeof msg - 1);
	(void)n;
	_exit(1);
}

/* Write the configuration: Chinese screens, a named desk, our log. */
static int
write_ini(void)
{
	FILE *fp;

	snprintf(bench_ini, sizeof bench_ini, "%s/frontdesk.ini", bench_dir);
	if ((fp = fopen(bench_ini, "w")) == NULL)
		return -1;
	fprintf(fp, "[desk]\nname = 1号窗口\n\n[ui]\nlanguage = zh_CN\n\n"
	    "[log]\npath = %s/frontdesk.log\n", bench_dir);
	return fclose(fp) == 0 ? 0 : -1;
}

/* A second desk: the cashier logs in and works the counter (P3 (d)). */
static int
bench_cashier(const char *db, const struct keys *k)
{
	struct desk d;
	char house[32];
	double t0;
	long sw0;
	int rc = -1;

	if (owing_house(db, house, sizeof house) != 0) {
		row("P3", "at the counter", "no house owes in the demo",
		    "p99 < 16 ms, max < 50 ms");
		return 0;
	}
	if (desk_start(&d, db, &t0) != 0 ||
	    desk_expect(&d, "Enter 登录", 5000) != 0 ||
	    desk_type(&d, "cashier\r") != 0 || desk_type(&d, "demo1234") != 0)
		goto out;
	desk_key(&d, "\r", &sw0);
	if (desk_expect(&d, "按数字键直接进入", 10000) != 0)
		goto out;
	rc = bench_counter(&d, k, house);
	rss_row("resident memory after the counter", &d);
out:
	desk_kill(&d);
	return rc;
}

/* One desk: typing at login, log in, help and Esc, the list, memory. */
static int
bench_session(const char *db, const struct keys *k)
{
	static const char home_text[] = "按数字键直接进入";
	struct desk d;
	double t0;
	char buf[64];
	long sw0;
	int rc = -1, list;

	if (desk_start(&d, db, &t0) != 0 ||
	    desk_expect(&d, "Enter 登录", 5000) != 0)
		goto out;
	rss_row("resident memory at the login screen", &d);
	bench_typing(&d);
	if (d.dead || desk_type(&d, "director\r") != 0 ||
	    desk_type(&d, "demo1234") != 0)
		goto out;
	desk_key(&d, "\r", &sw0); /* the password check takes a while */
	if (desk_expect(&d, home_text, 10000) != 0)
		goto out;
	rss_row("resident memory after login (100k db)", &d);
	bench_help(&d, k, home_text);
	if (d.dead || (list = bench_list(&d, k)) < 0)
		goto out;
	if (list == 0)
		rss_row("resident memory after the 100k list", &d);
	if (bench_finder(&d) != 0)
		goto out;
	rss_row("resident memory after the finder", &d);
	if (bench_cashier(db, k) != 0)
		goto out;
	snprintf(buf, sizeof buf, "%d of %d", d.late, d.keys);
	row("", "updates with bytes after their end (check)", buf, "0");
	rc = 0;
out:
	if (rc != 0)
		fprintf(stderr, "bench_tui: the desk session could not go on%s\n",
		    d.dead ? " (frontdesk ended)" : "");
	desk_kill(&d);
	return rc;
}

int
main(int argc, char **argv)
{
	char db[600];
	struct keys k;

	setlocale(LC_ALL, "C.UTF-8");
	signal(SIGPIPE, SIG_IGN);
	if (argc < 3) {
		fprintf(stderr, "usage: bench_tui TMPDIR BINARY\n");
		return 1;
	}
	bench_bin = argv[2];
	if (access(bench_bin, X_OK) != 0) {
		fprintf(stderr, "bench_tui: cannot run %s: %s\n", bench_bin,
		    strerror(errno));
		return 1;
	}
	snprintf(bench_dir, sizeof bench_dir, "%s/bench-tui-%ld", argv[1],
	    (long)getpid());
	if (mkdir(bench_dir, 0700) != 0) {
		fprintf(stderr, "bench_tui: cannot make %s: %s\n", bench_dir,
		    strerror(errno));
		bench_dir[0] = '\0';
		return 1;
	}
	atexit(cleanup);
	signal(SIGALRM, on_alarm);
	alarm(600); /* the 100k demo estate takes a minute or two */
	keys_load(&k);
	if (write_ini() != 0) {
		fprintf(stderr, "bench_tui: cannot write %s\n", bench_ini);
		return 1;
	}
	snprintf(db, sizeof db, "%s/bench.db", bench_dir);
	if (make_db(db) != 0)
		return 1;
	alarm(240); /* the desks: anything longer hangs */
	if (bench_start(db) != 0)
		return 1;
	if (bench_session(db, &k) != 0)
		return 1;
	return 0;
}
