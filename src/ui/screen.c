/*
 * screen.c: small helpers every screen uses: the cursor after drawing, the
 * answer of a dialog, and key lookup in a key table.
 */
#include "ui/screen.h"

#include <stdlib.h>

#include "util/xalloc.h"

void
screen_cursor(struct screen *s, WINDOW *w, int y, int x)
{
	s->cur_win = w;
	s->cur_y = y;
	s->cur_x = x;
}

int
screen_answer(struct screen *s, int ok, int index, const char *text)
{
	FREE(&s->answer_text);
	s->answer_text = xstrdup(text);
	s->answer.ok = ok;
	s->answer.index = index;
	s->answer.text = s->answer_text;
	s->answered = 1;
	return UI_CLOSE;
}

int
screen_key_action(const struct keybind *keys, int key)
{
	const struct keybind *k;

	for (k = keys; k != NULL && k->key != 0; k++)
		if (k->key == key)
			return k->action;
	return -1;
}
