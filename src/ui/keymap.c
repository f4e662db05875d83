/*
 * keymap.c: key names for the key bar and the help screen.  Key names are
 * what is printed on the keys, so they are not translated.
 */
#include "ui/keymap.h"

#include <stdio.h>
#include <string.h>

#include "ui/screen.h"
#include "util/text.h"

/* Function keys with a fixed name. */
static const struct {
	int key;
	const char *name;
} names[] = {
	{ K_ESC, "Esc" },       { K_ENTER, "Enter" },   { K_TAB, "Tab" },
	{ K_BTAB, "Shift-Tab" }, { K_BACKSPACE, "Backspace" },
	{ K_DELETE, "Del" },    { K_UP, "Up" },         { K_DOWN, "Down" },
	{ K_LEFT, "Left" },     { K_RIGHT, "Right" },   { K_HOME, "Home" },
	{ K_END, "End" },       { K_PGUP, "PgUp" },     { K_PGDN, "PgDn" },
	{ ' ', "Space" },
};

void
keymap_name(int key, char *buf, size_t bufsz)
{
	size_t i;
	char u[8];
	int n;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key) {
			snprintf(buf, bufsz, "%s", names[i].name);
			return;
		}
	if ((key & KEYB_FN) && (key & ~KEYB_FN) >= KEY_F(1) &&
	    (key & ~KEYB_FN) <= KEY_F(24))
		snprintf(buf, bufsz, "F%d", (key & ~KEYB_FN) - KEY_F(0));
	else if (key & KEYB_FN)
		snprintf(buf, bufsz, "Key%d", key & ~KEYB_FN);
	else if (key > 0 && key < 32)
		snprintf(buf, bufsz, "Ctrl-%c", key + '@');
	else if ((n = utf8_encode((wchar_t)key, u)) > 0) {
		u[n] = '\0';
		snprintf(buf, bufsz, "%s", u);
	} else
		snprintf(buf, bufsz, "?");
}

int
keymap_keys_of(const struct keybind *keys, int action, char *buf,
    size_t bufsz)
{
	const struct keybind *k;
	char name[32];
	size_t used = 0;
	int n = 0;

	buf[0] = '\0';
	for (k = keys; k != NULL && k->key != 0; k++) {
		if (k->action != action)
			continue;
		keymap_name(k->key, name, sizeof name);
		if (used + strlen(name) + 2 > bufsz)
			break;
		used += (size_t)snprintf(buf + used, bufsz - used, "%s%s",
		    n > 0 ? " " : "", name);
		n++;
	}
	return n;
}

const char *
keymap_label(const struct keybind *keys, int action)
{
	const struct keybind *k;

	for (k = keys; k != NULL && k->key != 0; k++)
		if (k->action == action && k->label != NULL)
			return k->label;
	return NULL;
}

int
keymap_first_of_action(const struct keybind *keys, const struct keybind *k)
{
	const struct keybind *p;

	for (p = keys; p != k; p++)
		if (p->action == k->action)
			return 0;
	return 1;
}
