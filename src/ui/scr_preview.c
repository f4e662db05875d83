/*
 * scr_preview.c: a text as it will be printed (a reminder notice), in a
 * box over the screen, laid out by ui/model/feeview as lines and scrolled
 * with the arrows and page keys.  Enter (or F8) answers ok: the opener
 * prints; Esc answers no.  The box is as wide as the text (a notice is
 * [printer] width columns) and as tall as the screen allows.
 */
#include "ui/scr_preview.h"

#include <stdio.h>
#include <stdlib.h>

#include "ui/app.h"
#include "ui/draw.h"
#include "ui/keymap.h"
#include "ui/model/feeview.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The box: the text as lines, its title, where it is scrolled to. */
struct preview {
	struct feeview_doc doc;
	char *title;
	int top, rows;
};

enum { PV_PRINT, PV_CLOSE, PV_UP, PV_DOWN, PV_PGUP, PV_PGDN, PV_HOME,
	PV_END };

static int
pv_open(struct screen *s, void *arg)
{
	const struct preview_arg *a = arg;
	struct preview *p = xcalloc(1, sizeof *p);

	feeview_text_doc(&p->doc, a->text, 200);
	p->title = xstrdup(a->title != NULL ? a->title : "");
	s->state = p;
	s->title = p->title;
	return 0;
}

static void
pv_close(struct screen *s)
{
	struct preview *p = s->state;

	feeview_doc_release(&p->doc);
	free(p->title);
	free(p);
}

static void
pv_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	struct preview *p = s->state;

	*w = p->doc.width + 6 < 50 ? 50 : p->doc.width + 6;
	*w = *w < maxw ? *w : maxw;
	*h = p->doc.n + 4 < maxh ? p->doc.n + 4 : maxh;
}

static void
pv_draw(struct screen *s, WINDOW *w)
{
	struct preview *p = s->state;
	int cols = getmaxx(w), rows = getmaxy(w), i, x = 2, n;
	const struct keybind *k;
	char name[32], hint[128];

	p->rows = rows - 3;
	p->top = feeview_scroll(p->top, 0, p->doc.n, p->rows);
	tui_box(w);
	draw_title(w, 0, 2, cols - 4, s->title);
	for (i = 0; i < p->rows && p->top + i < p->doc.n; i++)
		draw_text(w, 1 + i, 3, cols - 5, p->doc.lines[p->top + i].text,
		    TUI_NORMAL, TEXT_LEFT);
	for (k = s->ops->keys; k->key != 0; k++) {
		if (k->label == NULL || (k->flags & KB_HELPONLY))
			continue;
		keymap_name(k->key, name, sizeof name);
		snprintf(hint, sizeof hint, "%s %s", name, _(k->label));
		if (x + (n = text_width(hint)) > cols - 2)
			break;
		draw_fit(w, rows - 2, x, n, hint, TUI_DIM);
		x += n + 3;
	}
	if (p->doc.n > p->rows) {
		snprintf(hint, sizeof hint, _("lines %d-%d of %d"), p->top + 1,
		    p->top + i, p->doc.n);
		if (x < cols - 4)
			draw_text(w, rows - 2, x, cols - 2 - x, hint, TUI_DIM,
			    TEXT_RIGHT);
	}
}

static int
pv_action(struct screen *s, int act)
{
	struct preview *p = s->state;
	int page = p->rows > 1 ? p->rows - 1 : 1;

	switch (act) {
	case PV_PRINT:
		return screen_answer(s, 1, 0, NULL);
	case PV_CLOSE:
		return screen_answer(s, 0, 0, NULL);
	case PV_UP:
	case PV_DOWN:
		p->top = feeview_scroll(p->top, act == PV_UP ? -1 : 1,
		    p->doc.n, p->rows);
		break;
	case PV_PGUP:
	case PV_PGDN:
		p->top = feeview_scroll(p->top, act == PV_PGUP ? -page : page,
		    p->doc.n, p->rows);
		break;
	default:
		p->top = act == PV_HOME ? 0 : p->doc.n;
		p->top = feeview_scroll(p->top, 0, p->doc.n, p->rows);
	}
	return UI_REDRAW;
}

static const struct keybind pv_keys[] = {
	{ K_ENTER, PV_PRINT, N_("Print"), 0 },
	{ K_F(8), PV_PRINT, NULL, 0 },
	{ K_ESC, PV_CLOSE, N_("Close"), 0 },
	{ K_UP, PV_UP, N_("Scroll up"), KB_HELPONLY },
	{ 'k', PV_UP, NULL, 0 },
	{ K_DOWN, PV_DOWN, N_("Scroll down"), KB_HELPONLY },
	{ 'j', PV_DOWN, NULL, 0 },
	{ K_PGUP, PV_PGUP, N_("Previous page"), KB_HELPONLY },
	{ K_PGDN, PV_PGDN, N_("Next page"), KB_HELPONLY },
	{ ' ', PV_PGDN, NULL, 0 },
	{ K_HOME, PV_HOME, N_("Top"), KB_HELPONLY },
	{ K_END, PV_END, N_("Bottom"), KB_HELPONLY },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_preview_ops = {
	.name = "preview",
	.title = N_("Preview"),
	.help = N_("The text as it will be printed. Up, Down and the page "
	    "keys scroll; Enter (or F8) prints it; Esc closes without "
	    "printing."),
	.keys = pv_keys,
	.flags = SCREEN_OVERLAY,
	.open = pv_open,
	.draw = pv_draw,
	.action = pv_action,
	.size = pv_size,
	.close = pv_close,
};
