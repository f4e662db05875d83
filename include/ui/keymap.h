/*
 * keymap.h: names of keys as the key bar and the help screen print them
 * ("F2", "Ctrl-S", "Esc", "/"), from the normalised keys of screen.h.
 */
#ifndef FD_UI_KEYMAP_H
#define FD_UI_KEYMAP_H

#include <stddef.h>

struct keybind;

/* The name of a normalised key into buf (always NUL-terminated). */
void keymap_name(int key, char *buf, size_t bufsz);

/* The names of every key bound to action in keys, joined by " " (help
 * screen).  Returns the number of keys. */
int keymap_keys_of(const struct keybind *keys, int action, char *buf,
    size_t bufsz);

/* The label of action in keys (the first entry that has one), or NULL. */
const char *keymap_label(const struct keybind *keys, int action);

/* 1 when the entry at k is the first of its action in keys. */
int keymap_first_of_action(const struct keybind *keys,
    const struct keybind *k);

#endif
