/*
 * dialog.h: small screens pushed over the current one (never ad-hoc key
 * loops): a message, a yes/no question, a choice from a list, a one-line
 * prompt, and a progress box for long jobs that Esc cancels.  The answer
 * comes back to the screen that opened the dialog through its result()
 * callback, with the tag it passed (struct screen_answer).
 */
#ifndef FD_UI_DIALOG_H
#define FD_UI_DIALOG_H

#include "ui/model/lineedit.h"

struct app;

/* Show text until Enter or Esc.  No answer. */
void dialog_message(struct app *app, const char *title, const char *text);

/* Ask a yes/no question: Enter or y is yes (ok = 1), Esc or n is no. */
void dialog_confirm(struct app *app, int tag, const char *title,
    const char *text);

/* Pick one of items[0..n) (copied), starting at sel: ok = 1 and index, or
 * ok = 0 on Esc.  Digits 1-9 pick directly. */
void dialog_choose(struct app *app, int tag, const char *title,
    const char *const *items, int n, int sel);

/* Ask for one line of text of a kind (filters as in lineedit.h), at most
 * maxchars characters: ok = 1 and text, or ok = 0 on Esc. */
void dialog_prompt(struct app *app, int tag, const char *title,
    const char *label, const char *initial, enum lineedit_kind kind,
    int maxchars);

/*
 * One step of a long job: do a little work (a few ms, so Esc stays quick),
 * update *done and *total, and return 0 for more, 1 when finished, or an
 * err code (message set) to stop.
 */
typedef int dialog_step_fn(void *arg, long *done, long *total);

/* Run step until it finishes: ok = 1 when it did, ok = 0 when it failed
 * or Esc cancelled it (index = 1 then). */
void dialog_progress(struct app *app, int tag, const char *title,
    dialog_step_fn *step, void *arg);


#endif
