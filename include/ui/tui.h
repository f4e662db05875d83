/*
 * tui.h: the terminal itself: start and stop ncursesw, colours with a
 * monochrome fallback, the styles every screen draws with, borders (ACS
 * lines, or ASCII for terminals that draw them two columns wide), the
 * window layout (header, body, message line, key bar), reading keys, and
 * giving the terminal back as it was on every exit path.
 */
#ifndef FD_UI_TUI_H
#define FD_UI_TUI_H

#include <curses.h>

/* Smallest usable terminal. */
#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

/* What a piece of text is, so it gets the same look everywhere. */
enum tui_style {
	TUI_NORMAL,
	TUI_HEADER,     /* the title bar */
	TUI_TITLE,      /* headings inside a screen */
	TUI_SELECTED,   /* the selected row of a list */
	TUI_COLHEAD,    /* list column headers */
	TUI_KEY,        /* key names in the key bar */
	TUI_KEYLABEL,   /* what the key does */
	TUI_ERROR,      /* error messages */
	TUI_INFO,       /* other messages */
	TUI_DIM,        /* hints, disabled entries */
	TUI_FIELD,      /* an input field */
	TUI_FOCUS,      /* the input field with the cursor */
	TUI_DEMO,       /* the DEMO mark */
	TUI_BORDER,     /* box lines */
	TUI_CELL_VACANT,     /* building grid: a vacant house (空置) */
	TUI_CELL_OCCUPIED,   /* an occupied house (已入住) */
	TUI_CELL_DECORATING, /* a house under decoration (装修中) */
	TUI_CELL_LET,        /* a let house (出租) */
	TUI_STYLE_COUNT
};

/* The windows of the screen layout, rebuilt on every resize. */
struct tui_layout {
	WINDOW *head; /* line 0: title and status */
	WINDOW *body; /* lines 1 .. LINES-3: the screen */
	WINDOW *msg;  /* line LINES-2: the last message */
	WINDOW *keys; /* line LINES-1: the key bar */
};

/*
 * Start curses on the terminal (newterm), cbreak, no echo, keypad, a short
 * Esc delay, colours when there are some and NO_COLOR is unset; install
 * the handlers that give the terminal back on SIGINT, SIGTERM, SIGHUP,
 * fatal() and crashes.  ascii: draw borders with + - |.
 * Returns 0, or -1 with a message on stderr.
 */
int tui_init(int ascii);

/* Give the terminal back (endwin); safe to call more than once. */
void tui_end(void);

/* The layout windows (valid until the next tui_relayout()). */
struct tui_layout *tui_layout(void);

/* After a resize: rebuild the layout windows.  Returns 1 when the terminal
 * is big enough for them, 0 when only the "too small" notice fits. */
int tui_relayout(void);

/* 1 when the terminal is at least TUI_MIN_COLS x TUI_MIN_LINES. */
int tui_big_enough(void);

/* Paint the "window too small" notice over the whole terminal. */
void tui_draw_too_small(void);

/*
 * Wait up to ms milliseconds (-1: forever, 0: just look) for a key.
 * Returns the normalised key (screen.h: K_* and characters), 0 on timeout
 * or when a signal asked us to stop.
 */
int tui_getkey(int ms);

/* The signal that asked us to stop (SIGINT, SIGTERM, SIGHUP), or 0. */
int tui_stop_signal(void);

/* 1 when the terminal shows colours (not NO_COLOR, not monochrome), so
 * that screens can add a mark where colour alone tells a state apart. */
int tui_colour(void);

/* Attributes for a style. */
attr_t tui_attr(enum tui_style style);

/* Set the style of a window's following output and its background. */
void tui_style(WINDOW *w, enum tui_style style);

/* A box around w, ACS or ASCII lines as configured. */
void tui_box(WINDOW *w);

/* A rectangle of h x width at (y, x) of w. */
void tui_frame(WINDOW *w, int y, int x, int h, int width);

/* A horizontal line of n columns at (y, x). */
void tui_hline(WINDOW *w, int y, int x, int n);

#endif
