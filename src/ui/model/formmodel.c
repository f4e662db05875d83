/*
 * formmodel.c: fields, focus, validation, dirty tracking and layout of a
 * form (no curses).  Kind-specific checks that need core (money, dates,
 * house numbers) come in as callbacks, so this file depends on util only.
 */
#include "ui/model/formmodel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Default limits and input widths by kind. */
static const struct {
	int maxchars, width;
	enum lineedit_kind filter;
} kind_defaults[FORM_KIND_COUNT] = {
	[FORM_TEXT] = { 100, 30, LINEEDIT_TEXT },
	[FORM_MULTILINE] = { 2000, 60, LINEEDIT_TEXT },
	[FORM_INTEGER] = { 18, 12, LINEEDIT_INTEGER },
	[FORM_MONEY] = { 20, 14, LINEEDIT_MONEY },
	[FORM_DATE] = { 10, 12, LINEEDIT_DATE },
	[FORM_CHOICE] = { 0, 20, LINEEDIT_TEXT },
	[FORM_CHECKBOX] = { 0, 3, LINEEDIT_TEXT },
};

/* 1 when the field is edited through a line editor. */
static int
is_line(const struct form_field *f)
{
	enum form_kind k = f->def->kind;

	return k == FORM_TEXT || k == FORM_INTEGER || k == FORM_MONEY ||
	    k == FORM_DATE;
}

/* 1 when the cursor may stop on the field. */
static int
editable(const struct form_field *f)
{
	return !(f->def->flags & FORM_READONLY);
}

/* Parse a whole decimal number with optional sign.  0 or ERR_INVALID. */
static int
parse_long(const char *s, long *out)
{
	char *end;

	if (s == NULL || *s == '\0')
		return ERR_INVALID;
	errno = 0;
	*out = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s)
		return ERR_INVALID;
	return 0;
}

/* Set up field f from its definition. */
static void
field_init(struct form_field *f, const struct form_field_def *d)
{
	int max = d->maxchars > 0 ? d->maxchars : kind_defaults[d->kind].maxchars;
	enum lineedit_kind lk = d->kind == FORM_TEXT ? d->filter :
	    kind_defaults[d->kind].filter;

	memset(f, 0, sizeof *f);
	f->def = d;
	lineedit_init(&f->le, lk, (size_t)max, 1);
	f->le.password = (d->flags & FORM_PASSWORD) != 0;
	textarea_init(&f->ta, (size_t)max, 1, d->rows > 0 ? d->rows : 4);
	f->choice = d->kind == FORM_CHOICE ? -1 : 0;
}

void
formmodel_init(struct formmodel *fm, const struct form_field_def *defs, int n,
    void *arg)
{
	int i;

	memset(fm, 0, sizeof *fm);
	fm->fields = xcalloc((size_t)n, sizeof *fm->fields);
	fm->nfields = n;
	fm->arg = arg;
	for (i = 0; i < n; i++)
		field_init(&fm->fields[i], &defs[i]);
	for (i = 0; i < n && !editable(&fm->fields[i]); i++)
		;
	fm->cur = i < n ? i : 0;
	formmodel_mark_clean(fm);
}

void
formmodel_release(struct formmodel *fm)
{
	int i;

	for (i = 0; i < fm->nfields; i++) {
		lineedit_release(&fm->fields[i].le);
		textarea_release(&fm->fields[i].ta);
		FREE(&fm->fields[i].saved);
		FREE(&fm->fields[i].entered);
		FREE(&fm->fields[i].msg);
	}
	FREE(&fm->fields);
	fm->nfields = 0;
}

int
formmodel_set(struct formmodel *fm, int i, const char *text)
{
	struct form_field *f = &fm->fields[i];
	long v;

	switch (f->def->kind) {
	case FORM_MULTILINE:
		return textarea_set(&f->ta, text);
	case FORM_CHOICE:
	case FORM_CHECKBOX:
		if (parse_long(text, &v) != 0)
			return err_set(ERR_INVALID, "%s", _("Not a valid choice"));
		formmodel_set_choice(fm, i, (int)v);
		return 0;
	default:
		return lineedit_set(&f->le, text);
	}
}

void
formmodel_set_choice(struct formmodel *fm, int i, int choice)
{
	struct form_field *f = &fm->fields[i];
	int n = 0;

	if (f->def->kind == FORM_CHECKBOX) {
		f->choice = choice != 0;
		return;
	}
	while (f->def->choices != NULL && f->def->choices[n] != NULL)
		n++;
	f->choice = choice >= 0 && choice < n ? choice : -1;
}

char *
formmodel_value(const struct formmodel *fm, int i)
{
	const struct form_field *f = &fm->fields[i];
	char *s;

	switch (f->def->kind) {
	case FORM_CHOICE:
	case FORM_CHECKBOX:
		return xasprintf("%d", f->choice);
	case FORM_MULTILINE:
		s = textarea_get(&f->ta);
		break;
	default:
		s = lineedit_get(&f->le);
	}
	if (!(f->def->flags & FORM_PASSWORD))
		text_trim(s);
	return s;
}

int
formmodel_choice(const struct formmodel *fm, int i)
{
	return fm->fields[i].choice;
}

void
formmodel_choice_step(struct formmodel *fm, int delta)
{
	struct form_field *f = &fm->fields[fm->cur];
	int n = 0;

	if (f->def->kind == FORM_CHECKBOX) {
		f->choice = !f->choice;
		return;
	}
	if (f->def->kind != FORM_CHOICE || f->def->choices == NULL)
		return;
	while (f->def->choices[n] != NULL)
		n++;
	if (n == 0)
		return;
	if (f->choice < 0)
		f->choice = delta >= 0 ? 0 : n - 1;
	else
		f->choice = ((f->choice + delta) % n + n) % n;
}

/* Checks every field gets before its callback.  0 or err code; *skip is
 * set when the field is empty and optional (no callback then). */
static int
builtin_check(const struct form_field *f, const char *v, int *skip)
{
	const struct form_field_def *d = f->def;
	long n;

	*skip = 0;
	if (d->kind == FORM_CHOICE && f->choice < 0) {
		*skip = 1;
		return (d->flags & FORM_REQUIRED) ? err_set(ERR_INVALID, "%s",
		    _("Choose one of the options")) : 0;
	}
	if (v[0] == '\0' && d->kind != FORM_CHECKBOX) {
		*skip = 1;
		return (d->flags & FORM_REQUIRED) ? err_set(ERR_INVALID, "%s",
		    _("This field is required")) : 0;
	}
	if (d->kind != FORM_INTEGER)
		return 0;
	if (parse_long(v, &n) != 0)
		return err_set(ERR_INVALID, "%s",
		    _("Enter a whole number, like 12"));
	if (d->min < d->max && (n < d->min || n > d->max))
		return err_set(ERR_INVALID,
		    _("Enter a whole number from %ld to %ld"), d->min, d->max);
	return 0;
}

int
formmodel_validate_field(struct formmodel *fm, int i)
{
	struct form_field *f = &fm->fields[i];
	char *v;
	int rc = 0, skip;

	FREE(&f->msg);
	if (f->def->flags & FORM_READONLY)
		return 0;
	v = formmodel_value(fm, i);
	rc = builtin_check(f, v, &skip);
	if (rc == 0 && !skip && f->def->validate != NULL)
		rc = f->def->validate(v, fm->arg);
	if (rc != 0)
		f->msg = xstrdup(err_msg());
	free(v);
	return rc;
}

int
formmodel_focus(struct formmodel *fm, int i)
{
	struct form_field *f = &fm->fields[fm->cur];
	char *v;
	int rc = 0;

	if (i < 0 || i >= fm->nfields || i == fm->cur)
		return 0;
	v = formmodel_value(fm, fm->cur);
	if (f->msg != NULL || f->entered == NULL || strcmp(v, f->entered) != 0)
		rc = formmodel_validate_field(fm, fm->cur);
	free(v);
	fm->cur = i;
	f = &fm->fields[i];
	free(f->entered);
	f->entered = formmodel_value(fm, i);
	formmodel_layout(fm, fm->width, fm->height);
	return rc;
}

/* Focus the next editable field in direction dir (+1 / -1), wrapping. */
static int
step(struct formmodel *fm, int dir)
{
	int i = fm->cur, k;

	for (k = 0; k < fm->nfields; k++) {
		i = (i + dir + fm->nfields) % fm->nfields;
		if (editable(&fm->fields[i]))
			return formmodel_focus(fm, i);
	}
	return 0;
}

int
formmodel_next(struct formmodel *fm)
{
	return step(fm, 1);
}

int
formmodel_prev(struct formmodel *fm)
{
	return step(fm, -1);
}

int
formmodel_fail(struct formmodel *fm, int i, int code)
{
	struct form_field *f = &fm->fields[i];

	free(f->msg);
	f->msg = xstrdup(err_msg());
	fm->cur = i;
	free(f->entered);
	f->entered = formmodel_value(fm, i);
	formmodel_layout(fm, fm->width, fm->height);
	return code;
}

int
formmodel_validate(struct formmodel *fm)
{
	int i, rc, first = 0, bad = -1;

	for (i = 0; i < fm->nfields; i++) {
		rc = formmodel_validate_field(fm, i);
		if (rc != 0 && bad < 0) {
			bad = i;
			first = rc;
		}
	}
	if (bad >= 0) {
		err_set(first, "%s", fm->fields[bad].msg);
		return formmodel_fail(fm, bad, first);
	}
	return fm->check != NULL ? fm->check(fm, fm->arg) : 0;
}

const char *
formmodel_message(const struct formmodel *fm, int i)
{
	return fm->fields[i].msg;
}

int
formmodel_dirty(const struct formmodel *fm)
{
	int i, diff = 0;
	char *v;

	for (i = 0; i < fm->nfields && !diff; i++) {
		v = formmodel_value(fm, i);
		diff = strcmp(v, fm->fields[i].saved) != 0;
		free(v);
	}
	return diff;
}

void
formmodel_mark_clean(struct formmodel *fm)
{
	int i;

	for (i = 0; i < fm->nfields; i++) {
		free(fm->fields[i].saved);
		fm->fields[i].saved = formmodel_value(fm, i);
		free(fm->fields[i].entered);
		fm->fields[i].entered = formmodel_value(fm, i);
	}
}

/* Input columns of field f when the form is width wide. */
static int
input_width(const struct formmodel *fm, const struct form_field *f)
{
	const struct form_field_def *d = f->def;
	int w = d->width > 0 ? d->width : kind_defaults[d->kind].width, i, c;

	if (d->kind == FORM_CHOICE && d->width <= 0 && d->choices != NULL)
		for (i = 0, w = 4; d->choices[i] != NULL; i++)
			if ((c = text_width(_(d->choices[i])) + 4) > w)
				w = c;
	if (w > fm->width - fm->inputx)
		w = fm->width - fm->inputx;
	return w > 1 ? w : 1;
}

void
formmodel_layout(struct formmodel *fm, int width, int height)
{
	struct form_field *f;
	int i, w, row = 0;

	fm->width = width > 0 ? width : 1;
	fm->height = height > 0 ? height : 1;
	for (i = 0, fm->labelw = 0; i < fm->nfields; i++)
		if ((w = text_width(_(fm->fields[i].def->label))) > fm->labelw)
			fm->labelw = w;
	if (fm->labelw > fm->width / 3)
		fm->labelw = fm->width / 3;
	fm->inputx = fm->labelw + 2;
	for (i = 0; i < fm->nfields; i++) {
		f = &fm->fields[i];
		f->row = row;
		f->inputw = input_width(fm, f);
		f->height = f->def->kind == FORM_MULTILINE ? f->ta.height : 1;
		lineedit_set_width(&f->le, f->inputw);
		textarea_set_size(&f->ta, f->inputw, f->ta.height);
		row += f->height;
	}
	fm->lines = row;
	if (fm->nfields == 0)
		return;
	f = &fm->fields[fm->cur];
	if (f->row < fm->top)
		fm->top = f->row;
	if (f->row + f->height > fm->top + fm->height)
		fm->top = f->row + f->height - fm->height;
	if (fm->top > fm->lines - fm->height)
		fm->top = fm->lines - fm->height;
	if (fm->top < 0)
		fm->top = 0;
}

struct lineedit *
formmodel_lineedit(struct formmodel *fm, int i)
{
	return is_line(&fm->fields[i]) ? &fm->fields[i].le : NULL;
}

struct textarea *
formmodel_textarea(struct formmodel *fm, int i)
{
	return fm->fields[i].def->kind == FORM_MULTILINE ?
	    &fm->fields[i].ta : NULL;
}
