/*
 * textarea.h: the model of a multi-line text field for descriptions and
 * notes, without curses.  The text is wrapped by columns to the field's
 * width (Chinese anywhere, Latin words whole); Up and Down keep the column
 * the cursor had, counted in columns, not characters.
 */
#ifndef FD_UI_MODEL_TEXTAREA_H
#define FD_UI_MODEL_TEXTAREA_H

#include <stddef.h>
#include <wchar.h>

/* Multi-line editable text. */
struct textarea {
	wchar_t *buf;      /* the text, NUL-terminated; '\n' breaks lines */
	size_t len;        /* characters in buf */
	size_t cap;        /* characters allocated, NUL excluded */
	size_t pos;        /* cursor: characters before it */
	size_t maxchars;   /* limit in characters */
	int width;         /* columns of a row */
	int height;        /* rows shown */
	int top;           /* first row shown */
	int goal;          /* column kept by Up/Down; -1: none */
	size_t *starts;    /* layout: first character of each row */
	int nrows;         /* rows in the layout */
	int rows_cap;      /* entries allocated in starts */
};

/* Set up an empty area.  Free with textarea_release(). */
void textarea_init(struct textarea *ta, size_t maxchars, int width,
    int height);

/* Free the buffers. */
void textarea_release(struct textarea *ta);

/* New size on screen; the text is wrapped again. */
void textarea_set_size(struct textarea *ta, int width, int height);

/*
 * Replace the text with UTF-8 text (tabs become spaces, other control
 * characters are left out; cursor at the start).  Returns 0, or
 * ERR_INVALID when it was cut at the limit (message set).
 */
int textarea_set(struct textarea *ta, const char *text);

/* The text as new UTF-8.  Caller frees. */
char *textarea_get(const struct textarea *ta);

/* Type a character ('\n' starts a new line).  0 or ERR_INVALID. */
int textarea_insert(struct textarea *ta, wchar_t wc);

/* Paste UTF-8 text at the cursor, cut at the limit.  0 or ERR_INVALID. */
int textarea_paste(struct textarea *ta, const char *text);

/* Editing and movement keys. */
void textarea_backspace(struct textarea *ta);
void textarea_delete(struct textarea *ta);
void textarea_left(struct textarea *ta);
void textarea_right(struct textarea *ta);
int textarea_up(struct textarea *ta);    /* 0 when on the first row */
int textarea_down(struct textarea *ta);  /* 0 when on the last row */
void textarea_home(struct textarea *ta);  /* start of the row */
void textarea_end(struct textarea *ta);   /* end of the row */

/* Cursor position on screen, relative to the first row shown.  OUT. */
void textarea_cursor(const struct textarea *ta, int *row, int *col);

/* Row of the layout the cursor is in. */
int textarea_cursor_row(const struct textarea *ta);

/*
 * The text of layout row r (without its '\n'), at most outsz-1 characters.
 * Returns the number of characters, or -1 when r is out of range.
 */
int textarea_row(const struct textarea *ta, int r, wchar_t *out,
    size_t outsz);

#endif
