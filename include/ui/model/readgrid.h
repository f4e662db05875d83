/*
 * readgrid.h: the model of the meter-reading grid (抄表单), without curses:
 * one row per house with where its meter starts, this period's reading,
 * usage, the house's average and flags; the selected row and scrolling; and
 * typing a reading into the selected row in place, so a building is keyed
 * in quickly: typing replaces the shown reading, Enter asks the screen to
 * save it (then the selection moves down), moving away with typed text
 * saves it first, Esc drops the typing.  While typing, the usage is worked
 * out as a preview and a reading below the start or far above the average
 * is flagged.  Billed rows are read-only.  Saving itself is the screen's
 * (svc_reading_set()); it tells the model how it went.
 */
#ifndef FD_UI_MODEL_READGRID_H
#define FD_UI_MODEL_READGRID_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "ui/model/lineedit.h"

#define READGRID_CODE_BUFSZ 24  /* a house number ("3-2-1502") */
#define READGRID_FLAGS_BUFSZ 96 /* readgrid_flags_text() */

/* One house of the grid, as read from svc_reading_sheet(). */
struct readgrid_row {
	char code[READGRID_CODE_BUFSZ]; /* house number */
	int has_prev;          /* an earlier reading: the start is known */
	int64_t start_centi;   /* where the period starts (has_prev) */
	int has_cur;           /* the period's reading is stored */
	int64_t prev_centi;    /* the stored reading's start (has_cur) */
	int64_t cur_centi;     /* the stored reading (has_cur) */
	int64_t usage_centi;   /* its usage (has_cur) */
	int64_t avg_centi;     /* the house's average usage; 0: none */
	int replaced;          /* the stored reading has a meter replacement */
	int unusual;           /* the stored usage is far above the average */
	int billed;            /* billed: read-only */
};

/* What a row shows in the flags column (bits). */
enum readgrid_flag {
	READGRID_UNUSUAL = 1 << 0,  /* usage far above the average (异常) */
	READGRID_BILLED = 1 << 1,   /* billed already: read-only (已出账) */
	READGRID_FIRST = 1 << 2,    /* the house's first reading (首次) */
	READGRID_REPLACED = 1 << 3, /* the meter was replaced (换表) */
	READGRID_BELOW = 1 << 4,    /* typed: below the start (低于起数) */
	READGRID_BAD = 1 << 5,      /* typed: not a reading */
	READGRID_MISSING = 1 << 6,  /* nothing stored yet (未抄) */
};

/* What the screen should do after a call. */
enum readgrid_result {
	READGRID_NONE,    /* nothing changed (the key is not the grid's) */
	READGRID_REDRAW,  /* paint again */
	READGRID_SAVE,    /* save the typed reading of the selected row, then
			     call readgrid_saved() or readgrid_failed() */
	READGRID_REFUSED, /* refused; err_msg() says why */
};

/* The grid. */
struct readgrid {
	struct readgrid_row *rows; /* owned */
	int n;
	int sel;                   /* selected row; -1 when empty */
	int top;                   /* first row shown */
	int height;                /* rows shown */
	struct lineedit edit;      /* the typing in row sel */
	int editing;               /* 1: edit holds typing not saved yet */
	int after;                 /* rows to move once the save is done */
	int factor;                /* usage alert factor ([fees]) */
};

/* Set up an empty grid; factor: usage above factor times the average is
 * unusual (3 when < 1).  Free with readgrid_release(). */
void readgrid_init(struct readgrid *g, int factor);

/* Free the rows and the editor. */
void readgrid_release(struct readgrid *g);

/*
 * Replace the rows with rows[0..n) (copied).  The selection stays on the
 * same house when it is there still, else at the same place; typing in
 * progress is kept when its house is still selected.
 */
void readgrid_set_rows(struct readgrid *g, const struct readgrid_row *rows,
    int n);

/* Show height rows (at least 1); scrolls to keep the selection shown. */
void readgrid_set_height(struct readgrid *g, int height);

/* The selected row, or NULL. */
const struct readgrid_row *readgrid_current(const struct readgrid *g);

/* 1 when wc is part of a reading (a digit or '.', full-width ones too),
 * so that other keys can be left to the screen and the app ('q', '?'). */
int readgrid_takes(wchar_t wc);

/*
 * Type character wc into the selected row: the first character replaces
 * what is shown.  Digits and '.' only (full-width digits are taken).
 * Returns READGRID_REDRAW, or READGRID_REFUSED (message set) on a billed
 * row, a character that is not part of a reading, or a full field.
 */
int readgrid_type(struct readgrid *g, wchar_t wc);

/*
 * Backspace: start typing from the shown reading (when not typing yet)
 * and take its last character away.  READGRID_REDRAW or READGRID_REFUSED
 * (a billed row).
 */
int readgrid_backspace(struct readgrid *g);

/*
 * Move the selection by delta rows (clamped).  With typing in progress the
 * move waits for the save: READGRID_SAVE.  Else READGRID_REDRAW.
 */
int readgrid_move(struct readgrid *g, int delta);

/* Enter: save the typing (READGRID_SAVE; the selection moves down once
 * saved), or without typing move down (READGRID_REDRAW). */
int readgrid_enter(struct readgrid *g);

/* Esc: drop the typing (READGRID_REDRAW); READGRID_NONE when there was
 * none (the screen's own Esc then applies). */
int readgrid_cancel(struct readgrid *g);

/* The typed text (new UTF-8; caller frees), "" when not typing. */
char *readgrid_typed(const struct readgrid *g);

/* The save asked for worked: typing ends, the pending move is made. */
void readgrid_saved(struct readgrid *g);

/* The save failed: typing and selection stay, the pending move is
 * forgotten. */
void readgrid_failed(struct readgrid *g);

/*
 * What row i shows: the reading (typed, or stored; "" when none), the
 * usage ("" when unknown) and the flags (enum readgrid_flag), with the
 * preview of the typing for the row being typed in.
 * OUT: cur and usage (READGRID_CODE_BUFSZ each at least), *flags.
 */
void readgrid_cells(const struct readgrid *g, int i, char *cur,
    size_t cursz, char *usage, size_t usagesz, int *flags);

/* The flags as words (translated), blank-separated.  OUT: buf. */
void readgrid_flags_text(int flags, char *buf, size_t bufsz);

/* The number of rows with a reading stored, and of those billed.
 * OUT: *read, *billed. */
void readgrid_counts(const struct readgrid *g, int *read, int *billed);

#endif
