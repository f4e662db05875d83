/*
 * lineedit.h: the model of a one-line text field, without curses.  A wchar_t
 * buffer and a cursor; horizontal scrolling counted in columns, so a Chinese
 * character (two columns) is never cut at the edge; limits in characters and
 * in UTF-8 bytes; per-kind input filters that turn the full-width digits,
 * spaces and hyphens of a Chinese input method into ASCII; a password mode
 * that shows one '*' per character.  Refusals set err_msg() for the
 * status line and return ERR_INVALID; the text is then unchanged.
 */
#ifndef FD_UI_MODEL_LINEEDIT_H
#define FD_UI_MODEL_LINEEDIT_H

#include <stddef.h>
#include <wchar.h>

/* What may be typed into a field. */
enum lineedit_kind {
	LINEEDIT_TEXT,    /* any printable character */
	LINEEDIT_DIGITS,  /* 0-9 */
	LINEEDIT_INTEGER, /* 0-9, and '-' first */
	LINEEDIT_MONEY,   /* 0-9 . , and the yuan sign */
	LINEEDIT_DATE,    /* 0-9 and - / . */
	LINEEDIT_PHONE,   /* 0-9, -, + and space */
	LINEEDIT_HOUSENO, /* 0-9, ASCII letters and - (3-2-1502) */
	LINEEDIT_KIND_COUNT
};

/* One line of editable text. */
struct lineedit {
	wchar_t *buf;            /* the text, NUL-terminated */
	size_t len;              /* characters in buf */
	size_t cap;              /* characters allocated, NUL excluded */
	size_t pos;              /* cursor: characters before it */
	size_t first;            /* first character shown (scrolling) */
	int width;               /* columns the field has on screen */
	size_t maxchars;         /* limit in characters */
	size_t maxbytes;         /* limit in UTF-8 bytes; 0: none */
	enum lineedit_kind kind; /* input filter */
	int password;            /* show '*' for each character */
};

/* Set up an empty field.  Free with lineedit_release(). */
void lineedit_init(struct lineedit *le, enum lineedit_kind kind,
    size_t maxchars, int width);

/* Free the buffer. */
void lineedit_release(struct lineedit *le);

/* Columns on screen (at least 1); scrolling is kept valid. */
void lineedit_set_width(struct lineedit *le, int width);

/*
 * Replace the text with UTF-8 text (cursor at the end), through the same
 * filter as typing.  Returns 0, or ERR_INVALID when characters were left out
 * or the text was cut at the limit (message set; the rest is kept).
 */
int lineedit_set(struct lineedit *le, const char *text);

/* The text as new UTF-8.  Caller frees. */
char *lineedit_get(const struct lineedit *le);

/* 1 when the field is empty. */
int lineedit_empty(const struct lineedit *le);

/*
 * Type one character at the cursor (normalised for the kind first).
 * Returns 0, or ERR_INVALID when the kind refuses it or the field is full.
 */
int lineedit_insert(struct lineedit *le, wchar_t wc);

/*
 * Paste UTF-8 text at the cursor: line breaks and tabs become spaces,
 * characters the kind refuses are left out, and the text is cut at the
 * limit.  Returns 0, or ERR_INVALID saying what was cut or left out.
 */
int lineedit_paste(struct lineedit *le, const char *text);

/* Editing keys: Backspace, Delete, Ctrl-K (to the end), Ctrl-U (to the
 * start), Ctrl-W (the word before the cursor). */
void lineedit_backspace(struct lineedit *le);
void lineedit_delete(struct lineedit *le);
void lineedit_kill_end(struct lineedit *le);
void lineedit_kill_start(struct lineedit *le);
void lineedit_kill_word(struct lineedit *le);

/* Cursor keys: Left, Right, Home / Ctrl-A, End / Ctrl-E. */
void lineedit_left(struct lineedit *le);
void lineedit_right(struct lineedit *le);
void lineedit_home(struct lineedit *le);
void lineedit_end(struct lineedit *le);

/* Column of the cursor inside the field (0 .. width-1). */
int lineedit_cursor_col(const struct lineedit *le);

/*
 * What the field shows: the characters from the scroll position that fit in
 * width columns (a wide character that would straddle the edge is left
 * out), '*' each in password mode.  out gets at most outsz-1 characters and a
 * NUL.  OUT: *more_left, *more_right (may be NULL): text hidden on that side.
 * Returns the columns used.
 */
int lineedit_visible(const struct lineedit *le, wchar_t *out, size_t outsz,
    int *more_left, int *more_right);

/*
 * The character the kind turns wc into (full-width digits, letters and
 * punctuation to ASCII, U+3000 to a space, dashes to '-', '。' to '.'),
 * or wc itself; LINEEDIT_TEXT keeps everything as typed.
 */
wchar_t lineedit_normalize(enum lineedit_kind kind, wchar_t wc);

#endif
