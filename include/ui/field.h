/*
 * field.h: the editors on screen: keys for the line editor and the text
 * area models (ui/model/), and drawing them with the cursor in place.
 */
#ifndef FD_UI_FIELD_H
#define FD_UI_FIELD_H

#include <curses.h>

struct lineedit;
struct textarea;
struct screen;

/* What a key did to a field. */
enum field_result {
	FIELD_UNHANDLED = 0, /* not an editing key */
	FIELD_HANDLED = 1,   /* text or cursor changed */
	FIELD_REFUSED = 2,   /* refused; err_msg() says why */
};

/* Apply an editing key (characters, Backspace, Del, arrows, Home/End,
 * Ctrl-A/E/K/U/W/D/B/F) to a line editor. */
int field_key(struct lineedit *le, int key);

/* What key does to the text of a line editor: FIELD_EDIT_TYPE (a
 * character), FIELD_EDIT_DELETE (Backspace, Del, Ctrl-U/K/W/D) or 0 (moves
 * the cursor, or is not an editing key). */
enum field_edit { FIELD_EDIT_TYPE = 1, FIELD_EDIT_DELETE = 2 };
int field_edits(int key);

/*
 * Draw a line editor at (y, x) in its width; focus: highlighted and the
 * cursor placed through s.  hint (translated, may be NULL) is shown dimmed
 * while the field is empty and without focus.
 */
void field_draw(WINDOW *w, int y, int x, const struct lineedit *le,
    int focus, const char *hint, struct screen *s);

/* Apply an editing key to a text area (Enter starts a new line; Up and
 * Down at the edges are not handled, so a form can move on). */
int field_area_key(struct textarea *ta, int key);

/* Draw a text area at (y, x), its rows from the scroll position. */
void field_area_draw(WINDOW *w, int y, int x, const struct textarea *ta,
    int focus, struct screen *s);

#endif
