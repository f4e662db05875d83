/*
 * formmodel.h: the model of a form, without curses: labelled fields of kinds
 * text, multi-line, integer, money, date, choice and checkbox; validation
 * when leaving a field and on save through per-field callbacks (money and
 * date parsing live in core, so the screen passes them in); the message
 * kept next to its field; the cursor put back on the field that failed;
 * dirty tracking so that Esc can ask before throwing changes away; and the
 * layout of labels, inputs and messages in columns.
 */
#ifndef FD_UI_MODEL_FORMMODEL_H
#define FD_UI_MODEL_FORMMODEL_H

#include "ui/model/lineedit.h"
#include "ui/model/textarea.h"

enum form_kind {
	FORM_TEXT,      /* one line; def->filter picks the input filter */
	FORM_MULTILINE, /* several lines, wrapped */
	FORM_INTEGER,   /* whole number, def->min..def->max when min < max */
	FORM_MONEY,     /* an amount, checked by def->validate (money_parse) */
	FORM_DATE,      /* a date, checked by def->validate */
	FORM_CHOICE,    /* one of def->choices */
	FORM_CHECKBOX,  /* yes or no */
	FORM_KIND_COUNT
};

enum form_flags {
	FORM_REQUIRED = 1 << 0, /* may not be left empty */
	FORM_PASSWORD = 1 << 1, /* shown as '*', never trimmed */
	FORM_READONLY = 1 << 2, /* shown, skipped by the cursor */
};

/*
 * Validate text (trimmed; choices as their index, checkboxes "0"/"1").
 * Return 0, or an err code after err_set() with a message that says how to
 * put it right.  Not called for an empty optional field.
 */
typedef int form_validate_fn(const char *text, void *arg);

/* How one field looks and what it accepts (usually a static table). */
struct form_field_def {
	const char *label;          /* N_() msgid, shown translated */
	enum form_kind kind;
	int flags;                  /* enum form_flags */
	int maxchars;               /* limit in characters; 0: a default */
	int width;                  /* input columns; 0: a default */
	int rows;                   /* FORM_MULTILINE lines; 0: 4 */
	enum lineedit_kind filter;  /* FORM_TEXT input filter */
	const char *const *choices; /* FORM_CHOICE: N_() labels, NULL-ended */
	long min, max;              /* FORM_INTEGER range when min < max */
	form_validate_fn *validate; /* or NULL */
	const char *hint;           /* N_() example shown while empty */
};

/* One field while the form is open. */
struct form_field {
	const struct form_field_def *def;
	struct lineedit le;  /* one-line kinds */
	struct textarea ta;  /* FORM_MULTILINE */
	int choice;          /* FORM_CHOICE index (-1: none); checkbox 0/1 */
	char *saved;         /* value at the last formmodel_mark_clean() */
	char *entered;       /* value when the cursor came to the field */
	char *msg;           /* validation message, or NULL */
	int row;             /* layout: first line */
	int height;          /* layout: lines */
	int inputw;          /* layout: input columns */
};

struct formmodel;

/* A check across fields on save (e.g. two passwords equal).  0 or an err
 * code; it may call formmodel_fail() to point at a field. */
typedef int form_check_fn(struct formmodel *fm, void *arg);

/* A form: fields, focus and layout. */
struct formmodel {
	struct form_field *fields;
	int nfields;
	int cur;              /* field with the cursor */
	void *arg;            /* passed to validators */
	form_check_fn *check; /* or NULL */
	int labelw;           /* layout: label column width */
	int inputx;           /* layout: where inputs start */
	int width;            /* layout: columns */
	int height;           /* layout: lines shown */
	int top;              /* layout: first line shown */
	int lines;            /* layout: lines in all */
};

/* Set up a form over defs[0..n), all empty, clean, cursor on the first
 * field that can be edited.  Free with formmodel_release(). */
void formmodel_init(struct formmodel *fm, const struct form_field_def *defs,
    int n, void *arg);

/* Free everything the form holds. */
void formmodel_release(struct formmodel *fm);

/* Set a field's value (text, or a choice index / 0-1 as text).  Returns 0
 * or ERR_INVALID when the text had to be cut or filtered (message set). */
int formmodel_set(struct formmodel *fm, int i, const char *text);

/* Set a choice or checkbox field. */
void formmodel_set_choice(struct formmodel *fm, int i, int choice);

/* A field's value as new UTF-8 (trimmed unless a password).  Caller frees. */
char *formmodel_value(const struct formmodel *fm, int i);

/* Choice index or checkbox value. */
int formmodel_choice(const struct formmodel *fm, int i);

/* Step a choice by delta (wrapping), or flip a checkbox. */
void formmodel_choice_step(struct formmodel *fm, int delta);

/*
 * Move the cursor to field i.  The field left is validated when its value
 * changed there or it shows a message.  Returns that validation's code
 * (the move happens anyway: a message never traps the cursor).
 */
int formmodel_focus(struct formmodel *fm, int i);

/* Move to the next / previous editable field (wrapping). */
int formmodel_next(struct formmodel *fm);
int formmodel_prev(struct formmodel *fm);

/* Validate field i, keep or clear its message.  0 or the err code. */
int formmodel_validate_field(struct formmodel *fm, int i);

/*
 * Validate every field, then the form's check.  On failure the cursor goes
 * to the first field that failed and its message is kept (err_msg() says it
 * too).  Returns 0 or the first err code.
 */
int formmodel_validate(struct formmodel *fm);

/* Point at field i with the current err_msg() and return code. */
int formmodel_fail(struct formmodel *fm, int i, int code);

/* The message next to field i, or NULL. */
const char *formmodel_message(const struct formmodel *fm, int i);

/* 1 when any value differs from the last formmodel_mark_clean(). */
int formmodel_dirty(const struct formmodel *fm);

/* The current values become the clean state. */
void formmodel_mark_clean(struct formmodel *fm);

/* Lay the form out in width x height: label column, input widths, rows;
 * scrolls so the cursor's field is visible. */
void formmodel_layout(struct formmodel *fm, int width, int height);

/* Text kinds: the field's line editor; NULL for other kinds. */
struct lineedit *formmodel_lineedit(struct formmodel *fm, int i);

/* FORM_MULTILINE: the field's text area; NULL for other kinds. */
struct textarea *formmodel_textarea(struct formmodel *fm, int i);

#endif
