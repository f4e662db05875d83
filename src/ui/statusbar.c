/*
 * statusbar.c: header, message line and key bar.  Drawn every turn from the
 * app's state; nothing here reads the database.
 */
#include "ui/statusbar.h"

#include <stdio.h>
#include <string.h>

#include "ui/draw.h"
#include "ui/keymap.h"
#include "ui/screen.h"
#include "util/i18n.h"
#include "util/text.h"

void
statusbar_head(WINDOW *w, const char *title, const struct statusbar_info *in)
{
	char right[512];
	int cols = getmaxx(w), rw, demow = 0, cw, x;

	if (in->user != NULL)
		snprintf(right, sizeof right, "%s(%s) | %s | %s", in->user,
		    in->role != NULL ? in->role : "", in->desk, in->dbname);
	else
		snprintf(right, sizeof right, "%s | %s", in->desk, in->dbname);
	if (in->demo)
		demow = text_width(_("DEMO")) + 3;
	cw = text_width(in->clock) + 4;
	/* The title keeps at least 16 columns; the rest is cut first. */
	rw = text_width(right);
	if (rw > cols - 16 - demow - cw)
		rw = cols - 16 - demow - cw;
	draw_blank(w, 0, 0, cols, TUI_HEADER);
	x = cols - cw - rw - demow;
	draw_fit(w, 0, 1, x - 2, title, TUI_HEADER);
	if (in->demo) {
		draw_text(w, 0, x + 1, demow - 2, _("DEMO"), TUI_DEMO,
		    TEXT_CENTER);
		x += demow;
	}
	draw_text(w, 0, x, rw, right, TUI_HEADER, TEXT_RIGHT);
	draw_text(w, 0, x + rw, cw, in->clock, TUI_HEADER, TEXT_CENTER);
}

void
statusbar_msg(WINDOW *w, const char *text, int error)
{
	int cols = getmaxx(w);

	draw_blank(w, 0, 0, cols, TUI_NORMAL);
	if (text != NULL && text[0] != '\0')
		draw_fit(w, 0, 1, cols - 2, text,
		    error ? TUI_ERROR : TUI_INFO);
}

int
statusbar_global_visible(const struct keybind *screen, int key)
{
	return screen_key_action(screen, key) < 0;
}

/* Draw one "KEY label" pair at *x; 0 when it does not fit. */
static int
one_key(WINDOW *w, int *x, const struct keybind *k)
{
	char name[32];
	const char *label = _(k->label);
	int cols = getmaxx(w), nw, lw;

	keymap_name(k->key, name, sizeof name);
	nw = text_width(name);
	lw = text_width(label);
	if (*x + nw + 1 + lw > cols)
		return 0;
	draw_text(w, 0, *x, nw, name, TUI_KEY, TEXT_LEFT);
	draw_text(w, 0, *x + nw, lw + 1, label, TUI_KEYLABEL, TEXT_RIGHT);
	*x += nw + lw + 3;
	return 1;
}

void
statusbar_keys(WINDOW *w, struct screen *top, const struct keybind *screen,
    const struct keybind *global)
{
	const struct keybind *k;
	int x = 0;

	draw_blank(w, 0, 0, getmaxx(w), TUI_NORMAL);
	for (k = screen; k != NULL && k->key != 0; k++)
		if (k->label != NULL && !(k->flags & KB_HELPONLY) &&
		    (top->ops->key_ok == NULL ||
		    top->ops->key_ok(top, k->action)) && !one_key(w, &x, k))
			return;
	for (k = global; k != NULL && k->key != 0; k++)
		if (k->label != NULL && !(k->flags & KB_HELPONLY) &&
		    statusbar_global_visible(screen, k->key) &&
		    !one_key(w, &x, k))
			return;
}
