/*
 * form.h: a form on screen: labels, inputs and the message beside each
 * field, from ui/model/formmodel.h, and the keys that move between fields
 * (Tab, Shift-Tab, Enter, Up, Down) and edit them.  Saving (Ctrl-S) and
 * leaving (Esc, which asks first when the form is dirty) belong to the
 * screen's key table and to the app.
 */
#ifndef FD_UI_FORM_H
#define FD_UI_FORM_H

#include <curses.h>

struct formmodel;
struct screen;

/* Draw the form in h rows of w columns at (y, x) of win; the cursor goes
 * to the focused field through s. */
void form_draw(struct formmodel *fm, WINDOW *win, int y, int x, int h, int w,
    struct screen *s);

/*
 * A key for the form: move between fields (validating the field left: its
 * message shows beside it and on the message line), edit the focused
 * field, step a choice (Left, Right, Space), flip a checkbox (Space).
 * Returns ui_result bits; UI_UNHANDLED for keys a form does not use.
 */
int form_key(struct formmodel *fm, struct screen *s, int key);

#endif
