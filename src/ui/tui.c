/*
 * tui.c: start and stop the terminal, styles, borders, layout windows and
 * keys.  The only place that calls newterm/endwin.  A stop signal (SIGINT,
 * SIGTERM, SIGHUP) only sets a flag that the main loop reads, so the
 * program logs out and ends through its normal path; a second one, or a
 * crash, restores the terminal with async-signal-safe calls only (the
 * saved termios and the terminfo strings copied at start) and dies.
 */
#include "ui/tui.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <term.h>

#include "ui/screen.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

static SCREEN *tui_screen;          /* NULL when curses is not running */
static WINDOW *tui_inwin;           /* 1x1, never drawn: keys come here */
static struct tui_layout tui_lay;
static int tui_ascii;
static attr_t tui_styles[TUI_STYLE_COUNT];
static int tui_colours;             /* 1: colour pairs are in use */
static struct termios tui_tio;      /* the terminal as we found it */
static int tui_have_tio;
static char tui_reset[256];         /* rmcup, cnorm, sgr0 */
static size_t tui_reset_len;
static volatile sig_atomic_t tui_sig;

/* Put the terminal back using async-signal-safe calls only. */
static void
emergency_restore(void)
{
	ssize_t n;

	if (tui_reset_len > 0)
		n = write(STDOUT_FILENO, tui_reset, tui_reset_len);
	(void)n;
	if (tui_have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &tui_tio);
}

/* SIGINT, SIGTERM, SIGHUP: ask the main loop to stop; twice: stop now. */
static void
on_stop(int sig)
{
	if (tui_sig != 0) {
		emergency_restore();
		signal(sig, SIG_DFL);
		raise(sig);
	}
	tui_sig = sig;
}

/* SIGSEGV and friends: give the terminal back, then crash as usual. */
static void
on_crash(int sig)
{
	emergency_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Install sig's handler, unless the signal was ignored when we started. */
static void
catch(int sig, void (*fn)(int))
{
	struct sigaction sa, old;

	if (sigaction(sig, NULL, &old) == 0 && old.sa_handler == SIG_IGN)
		return;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a wait for a key returns early */
	sigaction(sig, &sa, NULL);
}

/* Append terminfo capability cap to the emergency reset string. */
static void
keep_cap(const char *cap)
{
	char *s = tigetstr(cap);
	size_t n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (tui_reset_len + n < sizeof tui_reset) {
		memcpy(tui_reset + tui_reset_len, s, n);
		tui_reset_len += n;
	}
}

/* Colour pair number for a style that has one. */
enum { P_HEADER = 1, P_SELECTED, P_COLHEAD, P_KEY, P_ERROR, P_INFO,
	P_FOCUS, P_DEMO, P_BORDER, P_TITLE, P_VACANT, P_OCCUPIED,
	P_DECORATING, P_LET };

/* Fill the style table: colours when possible, else plain attributes. */
static void
init_styles(void)
{
	attr_t *s = tui_styles;
	int colour = has_colors() && getenv("NO_COLOR") == NULL;

	s[TUI_NORMAL] = A_NORMAL;
	s[TUI_HEADER] = A_REVERSE | A_BOLD;
	s[TUI_TITLE] = A_BOLD;
	s[TUI_SELECTED] = A_REVERSE;
	s[TUI_COLHEAD] = A_BOLD;
	s[TUI_KEY] = A_REVERSE;
	s[TUI_KEYLABEL] = A_NORMAL;
	s[TUI_ERROR] = A_BOLD;
	s[TUI_INFO] = A_NORMAL;
	s[TUI_DIM] = A_DIM;
	s[TUI_FIELD] = A_UNDERLINE;
	s[TUI_FOCUS] = A_REVERSE;
	s[TUI_DEMO] = A_REVERSE | A_BOLD;
	s[TUI_BORDER] = A_NORMAL;
	s[TUI_CELL_VACANT] = A_DIM;
	s[TUI_CELL_OCCUPIED] = A_BOLD;
	s[TUI_CELL_DECORATING] = A_UNDERLINE;
	s[TUI_CELL_LET] = A_NORMAL;
	if (!colour || start_color() != OK || COLOR_PAIRS < 16)
		return;
	tui_colours = 1;
	use_default_colors();
	init_pair(P_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_SELECTED, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_COLHEAD, COLOR_BLUE, -1);
	init_pair(P_KEY, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_ERROR, COLOR_RED, -1);
	init_pair(P_INFO, COLOR_GREEN, -1);
	init_pair(P_FOCUS, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_DEMO, COLOR_WHITE, COLOR_RED);
	init_pair(P_BORDER, COLOR_BLUE, -1);
	init_pair(P_TITLE, COLOR_BLUE, -1);
	init_pair(P_VACANT, COLOR_BLACK, COLOR_WHITE);
	init_pair(P_OCCUPIED, COLOR_BLACK, COLOR_GREEN);
	init_pair(P_DECORATING, COLOR_BLACK, COLOR_YELLOW);
	init_pair(P_LET, COLOR_WHITE, COLOR_BLUE);
	s[TUI_HEADER] = COLOR_PAIR(P_HEADER) | A_BOLD;
	s[TUI_TITLE] = COLOR_PAIR(P_TITLE) | A_BOLD;
	s[TUI_SELECTED] = COLOR_PAIR(P_SELECTED);
	s[TUI_COLHEAD] = COLOR_PAIR(P_COLHEAD) | A_BOLD;
	s[TUI_KEY] = COLOR_PAIR(P_KEY);
	s[TUI_ERROR] = COLOR_PAIR(P_ERROR) | A_BOLD;
	s[TUI_INFO] = COLOR_PAIR(P_INFO);
	s[TUI_FOCUS] = COLOR_PAIR(P_FOCUS);
	s[TUI_DEMO] = COLOR_PAIR(P_DEMO) | A_BOLD;
	s[TUI_BORDER] = COLOR_PAIR(P_BORDER);
	s[TUI_CELL_VACANT] = COLOR_PAIR(P_VACANT);
	s[TUI_CELL_OCCUPIED] = COLOR_PAIR(P_OCCUPIED);
	s[TUI_CELL_DECORATING] = COLOR_PAIR(P_DECORATING);
	s[TUI_CELL_LET] = COLOR_PAIR(P_LET) | A_BOLD;
}

int
tui_colour(void)
{
	return tui_colours;
}

/* Let Ctrl-S and Ctrl-Q through as keys (cbreak leaves IXON on). */
static void
no_flow_control(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	tcsetattr(STDIN_FILENO, TCSANOW, &t);
	def_prog_mode();
}

int
tui_init(int ascii)
{
	const char *term = getenv("TERM");

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "frontdesk: %s\n",
		    _("the screen needs a terminal; use the subcommands "
		    "(frontdesk --help) from scripts"));
		return -1;
	}
	tui_have_tio = tcgetattr(STDIN_FILENO, &tui_tio) == 0;
	catch(SIGINT, on_stop);
	catch(SIGTERM, on_stop);
	catch(SIGHUP, on_stop);
	catch(SIGSEGV, on_crash);
	catch(SIGBUS, on_crash);
	catch(SIGFPE, on_crash);
	catch(SIGILL, on_crash);
	catch(SIGABRT, on_crash);
	if ((tui_screen = newterm(NULL, stdout, stdin)) == NULL) {
		fprintf(stderr, _("frontdesk: cannot use the terminal type "
		    "'%s'; set TERM, e.g. TERM=xterm-256color\n"),
		    term != NULL ? term : "");
		return -1;
	}
	fatal_set_cleanup(tui_end);
	atexit(tui_end);
	keep_cap("rmcup");
	keep_cap("cnorm");
	keep_cap("sgr0");
	tui_ascii = ascii;
	cbreak();
	noecho();
	nonl();
	no_flow_control();
	set_escdelay(25);
	curs_set(0);
	init_styles();
	tui_inwin = newwin(1, 1, 0, 0);
	keypad(tui_inwin, TRUE);
	tui_relayout();
	return 0;
}

void
tui_end(void)
{
	if (tui_screen == NULL)
		return;
	curs_set(1);
	endwin();
	fflush(stdout);
	delscreen(tui_screen);
	tui_screen = NULL;
	fatal_set_cleanup(NULL);
}

struct tui_layout *
tui_layout(void)
{
	return &tui_lay;
}

int
tui_big_enough(void)
{
	return COLS >= TUI_MIN_COLS && LINES >= TUI_MIN_LINES;
}

/* Delete w and NULL it. */
static void
drop(WINDOW **w)
{
	if (*w != NULL)
		delwin(*w);
	*w = NULL;
}

int
tui_relayout(void)
{
	drop(&tui_lay.head);
	drop(&tui_lay.body);
	drop(&tui_lay.msg);
	drop(&tui_lay.keys);
	if (!tui_big_enough())
		return 0;
	tui_lay.head = newwin(1, COLS, 0, 0);
	tui_lay.body = newwin(LINES - 3, COLS, 1, 0);
	tui_lay.msg = newwin(1, COLS, LINES - 2, 0);
	tui_lay.keys = newwin(1, COLS, LINES - 1, 0);
	if (tui_lay.head == NULL || tui_lay.body == NULL ||
	    tui_lay.msg == NULL || tui_lay.keys == NULL)
		fatal("cannot create the screen windows");
	return 1;
}

/* Centre s (fitted) on line y of stdscr. */
static void
centre(int y, const char *s)
{
	char buf[512];
	int w = text_fit(buf, sizeof buf, s, COLS);

	mvwaddstr(stdscr, y, (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0, buf);
}

void
tui_draw_too_small(void)
{
	char a[256], b[256];

	snprintf(a, sizeof a, _("The window is too small (%dx%d)."), COLS,
	    LINES);
	snprintf(b, sizeof b, _("Please make it at least %dx%d."),
	    TUI_MIN_COLS, TUI_MIN_LINES);
	werase(stdscr);
	centre(LINES / 2 - 1, a);
	centre(LINES / 2, b);
	wnoutrefresh(stdscr);
	curs_set(0);
	doupdate();
}

int
tui_getkey(int ms)
{
	wint_t wc;
	int rc;

	wtimeout(tui_inwin, ms);
	rc = wget_wch(tui_inwin, &wc);
	if (rc == ERR || tui_sig != 0)
		return 0;
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_ENTER)
			return K_ENTER;
		return K_FN((int)wc);
	}
	if (wc == L'\r')
		return K_ENTER;
	if (wc == 0x7f || wc == 0x08)
		return K_BACKSPACE;
	return (int)wc;
}

int
tui_stop_signal(void)
{
	return tui_sig;
}

attr_t
tui_attr(enum tui_style style)
{
	return (unsigned)style < TUI_STYLE_COUNT ? tui_styles[style] : A_NORMAL;
}

void
tui_style(WINDOW *w, enum tui_style style)
{
	wattrset(w, tui_attr(style));
}

void
tui_box(WINDOW *w)
{
	wattron(w, tui_attr(TUI_BORDER));
	if (tui_ascii)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		box(w, 0, 0);
	wattroff(w, tui_attr(TUI_BORDER));
}

void
tui_hline(WINDOW *w, int y, int x, int n)
{
	wattron(w, tui_attr(TUI_BORDER));
	mvwhline(w, y, x, tui_ascii ? '-' : ACS_HLINE, n);
	wattroff(w, tui_attr(TUI_BORDER));
}

void
tui_frame(WINDOW *w, int y, int x, int h, int width)
{
	chtype hl = tui_ascii ? '-' : ACS_HLINE, vl = tui_ascii ? '|' : ACS_VLINE;
	chtype c1 = tui_ascii ? '+' : ACS_ULCORNER, c2 = tui_ascii ? '+' :
	    ACS_URCORNER, c3 = tui_ascii ? '+' : ACS_LLCORNER, c4 =
	    tui_ascii ? '+' : ACS_LRCORNER;

	if (h < 2 || width < 2)
		return;
	wattron(w, tui_attr(TUI_BORDER));
	mvwhline(w, y, x + 1, hl, width - 2);
	mvwhline(w, y + h - 1, x + 1, hl, width - 2);
	mvwvline(w, y + 1, x, vl, h - 2);
	mvwvline(w, y + 1, x + width - 1, vl, h - 2);
	mvwaddch(w, y, x, c1);
	mvwaddch(w, y, x + width - 1, c2);
	mvwaddch(w, y + h - 1, x, c3);
	mvwaddch(w, y + h - 1, x + width - 1, c4);
	wattroff(w, tui_attr(TUI_BORDER));
}
