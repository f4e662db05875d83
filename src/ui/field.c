/*
 * field.c: keys and drawing of the line editor and the text area.  The
 * logic is in ui/model/ (tested without a terminal); this file maps keys to
 * it and paints what the model says is visible.
 */
#include "ui/field.h"

#include <wchar.h>

#include "ui/draw.h"
#include "ui/model/lineedit.h"
#include "ui/model/textarea.h"
#include "ui/screen.h"
#include "util/err.h"

/* Movement and deletion keys of the line editor. */
static const struct {
	int key;
	void (*fn)(struct lineedit *le);
} line_keys[] = {
	{ K_BACKSPACE, lineedit_backspace }, { K_DELETE, lineedit_delete },
	{ K_CTRL('d'), lineedit_delete },    { K_LEFT, lineedit_left },
	{ K_CTRL('b'), lineedit_left },      { K_RIGHT, lineedit_right },
	{ K_CTRL('f'), lineedit_right },     { K_HOME, lineedit_home },
	{ K_CTRL('a'), lineedit_home },      { K_END, lineedit_end },
	{ K_CTRL('e'), lineedit_end },       { K_CTRL('k'), lineedit_kill_end },
	{ K_CTRL('u'), lineedit_kill_start },
	{ K_CTRL('w'), lineedit_kill_word },
};

/* 1 for a key that types a character. */
static int
is_char(int key)
{
	return key >= ' ' && key != 0x7f && !(key & KEYB_FN);
}

int
field_key(struct lineedit *le, int key)
{
	size_t i;

	if (is_char(key))
		return lineedit_insert(le, (wchar_t)key) == 0 ? FIELD_HANDLED :
		    FIELD_REFUSED;
	for (i = 0; i < sizeof line_keys / sizeof line_keys[0]; i++)
		if (line_keys[i].key == key) {
			line_keys[i].fn(le);
			return FIELD_HANDLED;
		}
	return FIELD_UNHANDLED;
}

int
field_edits(int key)
{
	if (key == K_BACKSPACE || key == K_DELETE || key == K_CTRL('u') ||
	    key == K_CTRL('k') || key == K_CTRL('w') || key == K_CTRL('d'))
		return FIELD_EDIT_DELETE;
	return is_char(key) ? FIELD_EDIT_TYPE : 0;
}

void
field_draw(WINDOW *w, int y, int x, const struct lineedit *le, int focus,
    const char *hint, struct screen *s)
{
	wchar_t vis[512];
	enum tui_style st = focus ? TUI_FOCUS : TUI_FIELD;

	draw_blank(w, y, x, le->width, st);
	if (le->len == 0 && hint != NULL && !focus) {
		draw_fit(w, y, x, le->width, hint, TUI_DIM);
		return;
	}
	lineedit_visible(le, vis, sizeof vis / sizeof vis[0], NULL, NULL);
	draw_wcs(w, y, x, vis, st);
	if (focus && s != NULL)
		screen_cursor(s, w, y, x + lineedit_cursor_col(le));
}

/* Keys of the text area that always apply. */
static const struct {
	int key;
	void (*fn)(struct textarea *ta);
} area_keys[] = {
	{ K_BACKSPACE, textarea_backspace }, { K_DELETE, textarea_delete },
	{ K_LEFT, textarea_left },           { K_RIGHT, textarea_right },
	{ K_HOME, textarea_home },           { K_CTRL('a'), textarea_home },
	{ K_END, textarea_end },             { K_CTRL('e'), textarea_end },
};

int
field_area_key(struct textarea *ta, int key)
{
	size_t i;

	if (key == K_ENTER)
		key = '\n';
	if (is_char(key) || key == '\n')
		return textarea_insert(ta, (wchar_t)key) == 0 ? FIELD_HANDLED :
		    FIELD_REFUSED;
	if (key == K_UP)
		return textarea_up(ta) ? FIELD_HANDLED : FIELD_UNHANDLED;
	if (key == K_DOWN)
		return textarea_down(ta) ? FIELD_HANDLED : FIELD_UNHANDLED;
	for (i = 0; i < sizeof area_keys / sizeof area_keys[0]; i++)
		if (area_keys[i].key == key) {
			area_keys[i].fn(ta);
			return FIELD_HANDLED;
		}
	return FIELD_UNHANDLED;
}

void
field_area_draw(WINDOW *w, int y, int x, const struct textarea *ta,
    int focus, struct screen *s)
{
	wchar_t row[512];
	enum tui_style st = focus ? TUI_FOCUS : TUI_FIELD;
	int r, cr, cc;

	for (r = 0; r < ta->height; r++) {
		draw_blank(w, y + r, x, ta->width, st);
		if (textarea_row(ta, ta->top + r, row,
		    sizeof row / sizeof row[0]) >= 0)
			draw_wcs(w, y + r, x, row, st);
	}
	if (focus && s != NULL) {
		textarea_cursor(ta, &cr, &cc);
		screen_cursor(s, w, y + cr, x + (cc < ta->width ? cc :
		    ta->width - 1));
	}
}
