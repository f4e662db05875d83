/*
 * dialog.c: message, confirm, choose, prompt and progress, each a small
 * overlay screen.  The text is wrapped by columns; the keys shown inside
 * the box come from the same table that dispatches them.
 */
#include "ui/dialog.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/model/progress.h"
#include "ui/field.h"
#include "ui/keymap.h"
#include "ui/model/wtext.h"
#include "ui/screen.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

enum dialog_action { D_OK, D_NO, D_UP, D_DOWN, D_PGUP, D_PGDN, D_HOME,
	D_END };

/* One dialog's state. */
struct dialog {
	char *title;
	char *text;             /* message, question or prompt label */
	char **items;           /* choose */
	int nitems, sel, top;
	int rows;               /* choose: item rows shown */
	struct lineedit le;     /* prompt */
	int has_le;
	dialog_step_fn *step;   /* progress */
	void *arg;
	long done, total;
};

/* What the dialog functions hand to open(). */
struct dialog_args {
	const char *title, *text, *initial;
	const char *const *items;
	int nitems, sel, maxchars;
	enum lineedit_kind kind;
	dialog_step_fn *step;
	void *arg;
};

/* ---- common ----------------------------------------------------------------- */

static int
dlg_open(struct screen *s, void *arg)
{
	const struct dialog_args *a = arg;
	struct dialog *d = xcalloc(1, sizeof *d);
	int i;

	d->title = xstrdup(a->title != NULL ? a->title : "");
	d->text = xstrdup(a->text != NULL ? a->text : "");
	d->items = xcalloc((size_t)a->nitems + 1, sizeof *d->items);
	for (i = 0; i < a->nitems; i++)
		d->items[i] = xstrdup(a->items[i]);
	d->nitems = a->nitems;
	d->sel = a->sel >= 0 && a->sel < a->nitems ? a->sel : 0;
	if (a->maxchars > 0) {
		lineedit_init(&d->le, a->kind, (size_t)a->maxchars, 20);
		lineedit_set(&d->le, a->initial);
		d->has_le = 1;
	}
	d->step = a->step;
	d->arg = a->arg;
	s->state = d;
	s->title = d->title;
	s->busy = d->step != NULL;
	return 0;
}

static void
dlg_close(struct screen *s)
{
	struct dialog *d = s->state;
	int i;

	for (i = 0; i < d->nitems; i++)
		free(d->items[i]);
	free(d->items);
	if (d->has_le)
		lineedit_release(&d->le);
	free(d->title);
	free(d->text);
	free(d);
}

/* Rows the text needs in cols columns. */
static int
text_rows(const char *s, int cols)
{
	size_t len, starts[1];
	wchar_t *w = wtext_from_utf8(s, &len);
	int n = (int)wtext_wrap(w, len, cols, starts, 1);

	free(w);
	return s[0] != '\0' ? n : 0;
}

/* Box width for the text and title, within maxw. */
static int
box_width(const struct dialog *d, int maxw, int want)
{
	int w = text_width(d->text) + 6;

	if (w < want)
		w = want;
	if (w < text_width(d->title) + 8)
		w = text_width(d->title) + 8;
	if (w > 64)
		w = 64;
	return w < maxw ? w : maxw;
}

/* Border, title and the key hints of the dialog's table. */
static void
frame(struct screen *s, WINDOW *w)
{
	struct dialog *d = s->state;
	const struct keybind *k;
	char name[32], hint[256];
	int cols = getmaxx(w), rows = getmaxy(w), x = 2, n;

	tui_box(w);
	if (d->title[0] != '\0')
		draw_title(w, 0, 2, cols - 4, d->title);
	for (k = s->ops->keys; k->key != 0; k++) {
		if (k->label == NULL)
			continue;
		keymap_name(k->key, name, sizeof name);
		snprintf(hint, sizeof hint, "%s %s", name, _(k->label));
		if (x + (n = text_width(hint)) > cols - 2)
			break;
		draw_fit(w, rows - 2, x, n, hint, TUI_DIM);
		x += n + 3;
	}
}

/* ---- message and confirm -------------------------------------------------- */

static void
msg_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct dialog *d = s->state;

	*w = box_width(d, maxw, 40);
	*h = text_rows(d->text, *w - 4) + 4;
	if (*h > maxh)
		*h = maxh;
}

static void
msg_draw(struct screen *s, WINDOW *w)
{
	struct dialog *d = s->state;

	frame(s, w);
	draw_wrapped(w, 1, 2, getmaxx(w) - 4, getmaxy(w) - 3, d->text,
	    TUI_NORMAL);
}

static int
msg_action(struct screen *s, int act)
{
	(void)s;
	(void)act;
	return UI_CLOSE;
}

static int
confirm_action(struct screen *s, int act)
{
	return screen_answer(s, act == D_OK, 0, NULL);
}

static const struct keybind msg_keys[] = {
	{ K_ENTER, D_OK, N_("OK"), 0 },
	{ K_ESC, D_OK, NULL, 0 },
	{ ' ', D_OK, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

static const struct keybind confirm_keys[] = {
	{ K_ENTER, D_OK, N_("Yes"), 0 },
	{ 'y', D_OK, NULL, 0 },
	{ K_ESC, D_NO, N_("No"), 0 },
	{ 'n', D_NO, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

static const struct screen_ops msg_ops = {
	.name = "dialog-message", .title = "", .keys = msg_keys,
	.help = N_("A message. Enter or Esc closes it."),
	.flags = SCREEN_OVERLAY, .open = dlg_open, .draw = msg_draw,
	.action = msg_action, .size = msg_size, .close = dlg_close,
};

static const struct screen_ops confirm_ops = {
	.name = "dialog-confirm", .title = "", .keys = confirm_keys,
	.help = N_("A question. Enter or y answers yes; Esc or n answers no."),
	.flags = SCREEN_OVERLAY, .open = dlg_open, .draw = msg_draw,
	.action = confirm_action, .size = msg_size, .close = dlg_close,
};

void
dialog_message(struct app *app, const char *title, const char *text)
{
	struct dialog_args a = { .title = title, .text = text };

	app_push(app, &msg_ops, &a, 0);
}

void
dialog_confirm(struct app *app, int tag, const char *title, const char *text)
{
	struct dialog_args a = { .title = title, .text = text };

	app_push(app, &confirm_ops, &a, tag);
}

/* ---- choose --------------------------------------------------------------- */

static void
choose_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct dialog *d = s->state;
	int i, iw = 0;

	for (i = 0; i < d->nitems; i++)
		if (text_width(d->items[i]) + 8 > iw)
			iw = text_width(d->items[i]) + 8;
	*w = box_width(d, maxw, iw > 30 ? iw : 30);
	d->rows = d->nitems < maxh - 4 ? d->nitems : maxh - 4;
	if (d->rows < 1)
		d->rows = 1;
	*h = d->rows + 4;
}

static void
choose_draw(struct screen *s, WINDOW *w)
{
	struct dialog *d = s->state;
	char line[512];
	int i, cols = getmaxx(w) - 4;

	frame(s, w);
	if (d->sel < d->top)
		d->top = d->sel;
	if (d->sel >= d->top + d->rows)
		d->top = d->sel - d->rows + 1;
	for (i = d->top; i < d->nitems && i < d->top + d->rows; i++) {
		if (i < 9)
			snprintf(line, sizeof line, "%d  %s", i + 1, d->items[i]);
		else
			snprintf(line, sizeof line, "   %s", d->items[i]);
		draw_text(w, 1 + i - d->top, 2, cols, line,
		    i == d->sel ? TUI_SELECTED : TUI_NORMAL, TEXT_LEFT);
	}
}

static int
choose_action(struct screen *s, int act)
{
	struct dialog *d = s->state;
	static const int step[] = { [D_UP] = -1, [D_DOWN] = 1, [D_PGUP] = -10,
		[D_PGDN] = 10, [D_HOME] = -1000000, [D_END] = 1000000 };

	if (act == D_OK)
		return screen_answer(s, d->nitems > 0, d->sel, NULL);
	if (act == D_NO)
		return screen_answer(s, 0, -1, NULL);
	d->sel += step[act];
	if (d->sel >= d->nitems)
		d->sel = d->nitems - 1;
	if (d->sel < 0)
		d->sel = 0;
	return UI_REDRAW;
}

static int
choose_input(struct screen *s, int key)
{
	struct dialog *d = s->state;

	if (key >= '1' && key <= '9' && key - '1' < d->nitems)
		return screen_answer(s, 1, key - '1', NULL);
	return UI_UNHANDLED;
}

static const struct keybind choose_keys[] = {
	{ K_ENTER, D_OK, N_("Choose"), 0 },
	{ K_ESC, D_NO, N_("Cancel"), 0 },
	{ K_UP, D_UP, NULL, 0 },
	{ K_DOWN, D_DOWN, NULL, 0 },
	{ K_PGUP, D_PGUP, NULL, 0 },
	{ K_PGDN, D_PGDN, NULL, 0 },
	{ K_HOME, D_HOME, NULL, 0 },
	{ K_END, D_END, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

static const struct screen_ops choose_ops = {
	.name = "dialog-choose", .title = "", .keys = choose_keys,
	.help = N_("Pick one: arrows and Enter, or the digit in front of it. "
	    "Esc cancels."),
	.flags = SCREEN_OVERLAY, .open = dlg_open, .draw = choose_draw,
	.action = choose_action, .input = choose_input, .size = choose_size,
	.close = dlg_close,
};

void
dialog_choose(struct app *app, int tag, const char *title,
    const char *const *items, int n, int sel)
{
	struct dialog_args a = { .title = title, .items = items, .nitems = n,
		.sel = sel };

	app_push(app, &choose_ops, &a, tag);
}

/* ---- prompt ---------------------------------------------------------------- */

static void
prompt_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct dialog *d = s->state;

	(void)maxh;
	*w = box_width(d, maxw, 50);
	*h = text_rows(d->text, *w - 4) + 5;
	lineedit_set_width(&d->le, *w - 4);
}

static void
prompt_draw(struct screen *s, WINDOW *w)
{
	struct dialog *d = s->state;
	int rows = draw_wrapped(w, 1, 2, getmaxx(w) - 4, getmaxy(w) - 4,
	    d->text, TUI_NORMAL);

	frame(s, w);
	field_draw(w, 1 + rows, 2, &d->le, 1, NULL, s);
}

static int
prompt_action(struct screen *s, int act)
{
	struct dialog *d = s->state;
	char *text;
	int bits;

	if (act != D_OK)
		return screen_answer(s, 0, 0, NULL);
	text = lineedit_get(&d->le);
	bits = screen_answer(s, 1, 0, text);
	free(text);
	return bits;
}

static int
prompt_input(struct screen *s, int key)
{
	struct dialog *d = s->state;

	switch (field_key(&d->le, key)) {
	case FIELD_HANDLED:
		return UI_REDRAW;
	case FIELD_REFUSED:
		return app_fail(s->app, ERR_INVALID);
	}
	return UI_UNHANDLED;
}

static const struct keybind prompt_keys[] = {
	{ K_ENTER, D_OK, N_("OK"), 0 },
	{ K_ESC, D_NO, N_("Cancel"), 0 },
	{ 0, 0, NULL, 0 },
};

static const struct screen_ops prompt_ops = {
	.name = "dialog-prompt", .title = "", .keys = prompt_keys,
	.help = N_("Type the answer and press Enter; Esc cancels."),
	.flags = SCREEN_OVERLAY, .open = dlg_open, .draw = prompt_draw,
	.action = prompt_action, .input = prompt_input, .size = prompt_size,
	.close = dlg_close,
};

void
dialog_prompt(struct app *app, int tag, const char *title, const char *label,
    const char *initial, enum lineedit_kind kind, int maxchars)
{
	struct dialog_args a = { .title = title, .text = label,
		.initial = initial, .kind = kind,
		.maxchars = maxchars > 0 ? maxchars : 100 };

	app_push(app, &prompt_ops, &a, tag);
}

/* ---- progress ------------------------------------------------------------- */

static void
progress_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct dialog *d = s->state;

	(void)maxh;
	*w = box_width(d, maxw, 50);
	*h = 6;
}

static void
progress_draw(struct screen *s, WINDOW *w)
{
	struct dialog *d = s->state;
	char bar[256], count[64];
	int cols = getmaxx(w) - 4;

	frame(s, w);
	snprintf(count, sizeof count, "%ld / %ld", d->done, d->total);
	draw_text(w, 1, 2, cols, count, TUI_NORMAL, TEXT_LEFT);
	progress_bar(bar, sizeof bar, cols < 200 ? cols : 200, d->done,
	    d->total);
	draw_text(w, 2, 2, cols, bar, TUI_NORMAL, TEXT_LEFT);
}

static int
progress_tick(struct screen *s)
{
	struct dialog *d = s->state;
	int rc = d->step(d->arg, &d->done, &d->total);

	if (rc == 0)
		return UI_REDRAW;
	s->busy = 0;
	if (rc < 0) {
		app_fail(s->app, rc);
		return screen_answer(s, 0, 0, NULL);
	}
	return screen_answer(s, 1, 0, NULL);
}

static int
progress_action(struct screen *s, int act)
{
	(void)act;
	s->busy = 0;
	app_info(s->app, "%s", _("Cancelled."));
	return screen_answer(s, 0, 1, NULL);
}

static const struct keybind progress_keys[] = {
	{ K_ESC, D_NO, N_("Cancel"), 0 },
	{ 0, 0, NULL, 0 },
};

static const struct screen_ops progress_ops = {
	.name = "dialog-progress", .title = "", .keys = progress_keys,
	.help = N_("A long job is running. Esc stops it; nothing is half "
	    "done."),
	.flags = SCREEN_OVERLAY, .open = dlg_open, .draw = progress_draw,
	.action = progress_action, .size = progress_size,
	.tick = progress_tick, .close = dlg_close,
};

void
dialog_progress(struct app *app, int tag, const char *title,
    dialog_step_fn *step, void *arg)
{
	struct dialog_args a = { .title = title, .step = step, .arg = arg };

	app_push(app, &progress_ops, &a, tag);
}
