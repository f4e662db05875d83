/*
 * scr_help.c: help for the screen below it, generated from that screen's
 * key table and the global keys that apply there: the same tables that
 * dispatch the keys and fill the key bar, so the three always agree.
 */
#include "ui/scr_help.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keymap.h"
#include "ui/statusbar.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define HELP_MAXLINES 96

enum help_action { HELP_UP, HELP_DOWN, HELP_PGUP, HELP_PGDN, HELP_HOME,
	HELP_END };

/* One line of help: a heading, or keys and what they do. */
struct help_line {
	char keys[64];     /* "F2 n"; "" for a heading */
	const char *text;  /* translated */
};

struct help {
	char title[256];
	const char *about;   /* translated paragraph, or NULL */
	struct help_line lines[HELP_MAXLINES];
	int n;
	int top;             /* first line shown */
	int shown;           /* lines that fit, from the last draw */
};

/* Add a line (keys NULL: a heading). */
static void
add(struct help *h, const char *keys, const char *text)
{
	if (h->n >= HELP_MAXLINES)
		return;
	snprintf(h->lines[h->n].keys, sizeof h->lines[h->n].keys, "%s",
	    keys != NULL ? keys : "");
	h->lines[h->n].text = text;
	h->n++;
}

/* One line per labelled action of keys; skip keys that shadow rebinds. */
static void
add_table(struct help *h, const struct keybind *keys,
    const struct keybind *over)
{
	const struct keybind *k, *j;
	char names[64], name[32];
	size_t used;
	const char *label;

	for (k = keys; k != NULL && k->key != 0; k++) {
		if (!keymap_first_of_action(keys, k) ||
		    (label = keymap_label(keys, k->action)) == NULL)
			continue;
		names[0] = '\0';
		used = 0;
		for (j = k; j->key != 0; j++) {
			if (j->action != k->action || (over != NULL &&
			    !statusbar_global_visible(over, j->key)))
				continue;
			keymap_name(j->key, name, sizeof name);
			if (used + strlen(name) + 2 < sizeof names)
				used += (size_t)snprintf(names + used,
				    sizeof names - used, "%s%s",
				    used ? " " : "", name);
		}
		if (used > 0)
			add(h, names, _(label));
	}
}

static int
help_open(struct screen *s, void *arg)
{
	struct screen *of = arg;
	struct help *h = xcalloc(1, sizeof *h);

	snprintf(h->title, sizeof h->title, _("Help: %s"), of->title);
	s->title = h->title;
	h->about = of->ops->help != NULL ? _(of->ops->help) : NULL;
	add(h, NULL, _("Keys on this screen"));
	add_table(h, of->ops->keys, NULL);
	add(h, "", "");
	add(h, NULL, _("Keys everywhere"));
	add_table(h, app_global_keys(of), of->ops->keys);
	s->state = h;
	return 0;
}

static void
help_draw(struct screen *s, WINDOW *w)
{
	struct help *h = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), y = 1, i, kw = 16;

	if (h->about != NULL)
		y += draw_wrapped(w, y, 2, cols - 4, 5, h->about,
		    TUI_NORMAL) + 1;
	h->shown = rows - y - 1;
	if (h->top > h->n - h->shown)
		h->top = h->n - h->shown > 0 ? h->n - h->shown : 0;
	for (i = h->top; i < h->n && y < rows - 1; i++, y++) {
		if (h->lines[i].text[0] == '\0')
			continue;
		if (h->lines[i].keys[0] == '\0') {
			draw_fit(w, y, 2, cols - 4, h->lines[i].text,
			    TUI_TITLE);
			continue;
		}
		draw_text(w, y, 4, kw, h->lines[i].keys, TUI_KEY, TEXT_LEFT);
		draw_fit(w, y, 4 + kw + 2, cols - kw - 8, h->lines[i].text,
		    TUI_NORMAL);
	}
	if (h->top + h->shown < h->n)
		draw_fit(w, rows - 1, 2, cols - 4, _("(more: PgDn)"), TUI_DIM);
}

static int
help_action(struct screen *s, int act)
{
	struct help *h = s->state;
	static const int step[] = { [HELP_UP] = -1, [HELP_DOWN] = 1,
		[HELP_PGUP] = -10, [HELP_PGDN] = 10, [HELP_HOME] = -1000,
		[HELP_END] = 1000 };

	h->top += step[act];
	if (h->top < 0)
		h->top = 0;
	return UI_REDRAW; /* draw() clamps the bottom */
}

static void
help_close(struct screen *s)
{
	free(s->state);
}

static const struct keybind help_keys[] = {
	{ K_UP, HELP_UP, N_("Scroll up"), KB_HELPONLY },
	{ 'k', HELP_UP, NULL, 0 },
	{ K_DOWN, HELP_DOWN, N_("Scroll down"), KB_HELPONLY },
	{ 'j', HELP_DOWN, NULL, 0 },
	{ K_PGUP, HELP_PGUP, NULL, 0 },
	{ K_PGDN, HELP_PGDN, NULL, 0 },
	{ K_HOME, HELP_HOME, NULL, 0 },
	{ K_END, HELP_END, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_help_ops = {
	.name = "help",
	.title = N_("Help"),
	.help = N_("The keys of the screen you came from. Esc goes back."),
	.keys = help_keys,
	.open = help_open,
	.draw = help_draw,
	.action = help_action,
	.close = help_close,
};
