/*
 * form.c: drawing a form and its keys.  Field logic, validation and layout
 * are in ui/model/formmodel.c; this file paints them and routes keys.
 */
#include "ui/form.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/field.h"
#include "ui/model/formmodel.h"
#include "ui/screen.h"
#include "util/err.h"
#include "util/i18n.h"

/* Draw a choice or checkbox input. */
static void
draw_choice(WINDOW *win, int y, int x, const struct form_field *f,
    int focus)
{
	char buf[256];
	const char *label = "";

	if (f->def->kind == FORM_CHECKBOX) {
		draw_text(win, y, x, 3, f->choice ? "[x]" : "[ ]",
		    focus ? TUI_FOCUS : TUI_NORMAL, TEXT_LEFT);
		return;
	}
	if (f->choice >= 0)
		label = _(f->def->choices[f->choice]);
	snprintf(buf, sizeof buf, "< %s >", label);
	draw_text(win, y, x, f->inputw, buf, focus ? TUI_FOCUS : TUI_FIELD,
	    TEXT_LEFT);
}

/* Draw the input of field i at (y, x). */
static void
draw_input(struct formmodel *fm, int i, WINDOW *win, int y, int x,
    struct screen *s)
{
	struct form_field *f = &fm->fields[i];
	int focus = i == fm->cur;
	char *v;

	if (f->def->flags & FORM_READONLY) {
		v = formmodel_value(fm, i);
		draw_text(win, y, x, f->inputw, v, TUI_NORMAL, TEXT_LEFT);
		free(v);
	} else if (f->def->kind == FORM_MULTILINE)
		field_area_draw(win, y, x, &f->ta, focus, s);
	else if (f->def->kind == FORM_CHOICE || f->def->kind == FORM_CHECKBOX)
		draw_choice(win, y, x, f, focus);
	else
		field_draw(win, y, x, &f->le, focus,
		    f->def->hint != NULL ? _(f->def->hint) : NULL, s);
}

void
form_draw(struct formmodel *fm, WINDOW *win, int y, int x, int h, int w,
    struct screen *s)
{
	struct form_field *f;
	int i, row, mx;

	formmodel_layout(fm, w, h);
	for (i = 0; i < fm->nfields; i++) {
		f = &fm->fields[i];
		row = f->row - fm->top;
		if (row < 0 || row + f->height > h)
			continue;
		draw_text(win, y + row, x, fm->labelw, _(f->def->label),
		    i == fm->cur ? TUI_TITLE : TUI_NORMAL, TEXT_RIGHT);
		draw_input(fm, i, win, y + row, x + fm->inputx, s);
		mx = fm->inputx + f->inputw + 2;
		if (f->msg != NULL && mx < w - 4)
			draw_fit(win, y + row, x + mx, w - mx, f->msg,
			    TUI_ERROR);
	}
}

/* Leave the field: next or previous; a failed check shows its message. */
static int
go_field(struct formmodel *fm, struct screen *s, int dir)
{
	int rc = dir > 0 ? formmodel_next(fm) : formmodel_prev(fm);

	return rc != 0 ? app_fail(s->app, rc) : UI_REDRAW;
}

/* Keys of a choice or checkbox field. */
static int
choice_key(struct formmodel *fm, int key)
{
	if (key == K_LEFT)
		formmodel_choice_step(fm, -1);
	else if (key == K_RIGHT || key == ' ')
		formmodel_choice_step(fm, 1);
	else
		return UI_UNHANDLED;
	return UI_REDRAW;
}

/* Keys that edit the focused field. */
static int
edit_key(struct formmodel *fm, struct screen *s, int key)
{
	struct form_field *f = &fm->fields[fm->cur];
	int r;

	if (f->def->kind == FORM_CHOICE || f->def->kind == FORM_CHECKBOX)
		return choice_key(fm, key);
	if (f->def->kind == FORM_MULTILINE)
		r = field_area_key(&f->ta, key);
	else
		r = field_key(&f->le, key);
	if (r == FIELD_REFUSED)
		return app_fail(s->app, ERR_INVALID);
	return r == FIELD_HANDLED ? UI_REDRAW : UI_UNHANDLED;
}

int
form_key(struct formmodel *fm, struct screen *s, int key)
{
	int multi = fm->fields[fm->cur].def->kind == FORM_MULTILINE, bits;

	if (key == K_TAB)
		return go_field(fm, s, 1);
	if (key == K_BTAB)
		return go_field(fm, s, -1);
	if (key == K_ENTER && !multi)
		return go_field(fm, s, 1);
	if ((bits = edit_key(fm, s, key)) != UI_UNHANDLED)
		return bits;
	if (key == K_DOWN)
		return go_field(fm, s, 1);
	if (key == K_UP)
		return go_field(fm, s, -1);
	return UI_UNHANDLED;
}
