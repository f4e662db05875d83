/*
 * screen.h: what a screen is (STYLE.md 4.6): a constant table of callbacks
 * plus a private state pointer, kept on the app's stack.  One key table per
 * screen drives dispatch, the bottom key bar and the help screen, so the
 * three can never disagree.  Keys are normalised in app.c: a function key
 * carries the KEYB_FN bit, so it can never be taken for a character such as
 * 'ā' (ncurses' KEY_* codes overlap U+0101..U+01FF).
 */
#ifndef FD_UI_SCREEN_H
#define FD_UI_SCREEN_H

#include <stdint.h>

#include <curses.h>

struct app;
struct screen;

/* Keys as the app hands them to screens. */
#define KEYB_FN (1 << 24)            /* set on every function key */
#define K_FN(k) (KEYB_FN | (k))      /* an ncurses KEY_* code */
#define K_F(n) K_FN(KEY_F(n))        /* F1 .. F12 */
#define K_CTRL(c) ((c) & 0x1f)       /* Ctrl-A .. Ctrl-Z */
#define K_ESC 27
#define K_ENTER '\n'                 /* Enter, Return and keypad Enter */
#define K_TAB '\t'
#define K_BTAB K_FN(KEY_BTAB)        /* Shift-Tab */
#define K_BACKSPACE K_FN(KEY_BACKSPACE) /* also ^H and DEL */
#define K_DELETE K_FN(KEY_DC)
#define K_UP K_FN(KEY_UP)
#define K_DOWN K_FN(KEY_DOWN)
#define K_LEFT K_FN(KEY_LEFT)
#define K_RIGHT K_FN(KEY_RIGHT)
#define K_HOME K_FN(KEY_HOME)
#define K_END K_FN(KEY_END)
#define K_PGUP K_FN(KEY_PPAGE)
#define K_PGDN K_FN(KEY_NPAGE)
#define K_RESIZE K_FN(KEY_RESIZE)

/* Bits returned by action() and input() (cf. htop's HandlerResult). */
enum ui_result {
	UI_UNHANDLED = 0,     /* not mine: the app tries the global keys */
	UI_HANDLED = 1 << 0,
	UI_REDRAW = 1 << 1,   /* repaint from the current state */
	UI_RELOAD = 1 << 2,   /* call load() again, then repaint */
	UI_CLOSE = 1 << 3,    /* pop this screen */
};

/* One key of a screen: key -> action -> label. */
struct keybind {
	int key;           /* normalised key: 'n', K_F(2), K_CTRL('s') ... */
	int action;        /* the screen's own enum, or enum app_action */
	const char *label; /* N_() text for the key bar and help; NULL: hidden */
	int flags;         /* enum keybind_flags */
};

enum keybind_flags {
	KB_HELPONLY = 1 << 0, /* listed in help, not in the key bar */
};

enum screen_flags {
	SCREEN_OVERLAY = 1 << 0, /* a dialog: drawn in a box over the screen
				    below, in its own window */
	SCREEN_LOCKED = 1 << 1,  /* login and idle lock: of the global keys
				    only help and redraw work */
};

/* The answer a dialog leaves for the screen that opened it. */
struct screen_answer {
	int ok;           /* 1: yes / OK / chosen; 0: no, cancelled, Esc */
	int index;        /* choose: the item picked */
	const char *text; /* prompt: the text entered (valid during result()) */
};

/* The callbacks of a kind of screen; all but name, title and draw may be
 * NULL. */
struct screen_ops {
	const char *name;            /* "home": for logs and tests */
	const char *title;           /* N_() title for the header */
	const char *help;            /* N_() paragraph for the help screen */
	const struct keybind *keys;  /* ends with a zero key */
	int flags;                   /* enum screen_flags */
	/* Allocate state from arg; no drawing.  0 or an err code. */
	int (*open)(struct screen *s, void *arg);
	/* Read via svc/db into state; no curses.  0 or an err code. */
	int (*load)(struct screen *s);
	/* Paint from state only; no database. */
	void (*draw)(struct screen *s, WINDOW *w);
	/* A key of the table was pressed.  enum ui_result bits. */
	int (*action)(struct screen *s, int action);
	/* A key not in the table (typing into fields).  ui_result bits. */
	int (*input)(struct screen *s, int key);
	/* A dialog this screen opened answered.  ui_result bits. */
	int (*result)(struct screen *s, int tag, const struct screen_answer *a);
	/* Overlays: the box wanted, at most maxh x maxw.  OUT: *h, *w. */
	void (*size)(struct screen *s, int maxh, int maxw, int *h, int *w);
	/* While s->busy: one step of work between key polls.  ui_result. */
	int (*tick)(struct screen *s);
	/* 1 when closing would lose changes. */
	int (*dirty)(struct screen *s);
	/* The house this screen is about or has selected (houses.id), 0 for
	 * none: the visit entry (F4) starts with it.  The app asks the
	 * screens from the top down and takes the first that has this. */
	int64_t (*house)(struct screen *s);
	/* 0 when action (of this screen's table) cannot be done now, so the
	 * key bar leaves its key out; NULL: every key shows. */
	int (*key_ok)(struct screen *s, int action);
	/* Free state. */
	void (*close)(struct screen *s);
};

/* A screen on the stack. */
struct screen {
	const struct screen_ops *ops;
	struct app *app;           /* db, config, session */
	void *state;               /* owned by the screen, freed in close() */
	struct screen *below;      /* the screen under it, or NULL */
	WINDOW *win;               /* overlays: the box, owned by the app */
	int win_y, win_x;          /* overlays: where size() wants the box;
				      -1: centred */
	const char *title;         /* header text: _(ops->title) unless
				      open() points it at its own */
	int tag;                   /* passed back to below->ops->result() */
	int busy;                  /* 1: call tick() instead of waiting */
	int answered;              /* answer is set: deliver it on close */
	struct screen_answer answer;
	char *answer_text;         /* owned copy behind answer.text */
	WINDOW *cur_win;           /* set by draw() to show the cursor */
	int cur_y, cur_x;
};

/* Show the terminal cursor at (y, x) of w after this draw. */
void screen_cursor(struct screen *s, WINDOW *w, int y, int x);

/* A dialog's answer, given to the screen below when s closes.  text is
 * copied (may be NULL).  Returns UI_CLOSE. */
int screen_answer(struct screen *s, int ok, int index, const char *text);

/* The action bound to key in a table, or -1. */
int screen_key_action(const struct keybind *keys, int key);

#endif
