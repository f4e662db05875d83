/*
 * statusbar.h: the three fixed lines around every screen: the header (title,
 * user, role, desk, database, DEMO, clock), the message line (the last
 * message) and the key bar, generated from the key tables.
 */
#ifndef FD_UI_STATUSBAR_H
#define FD_UI_STATUSBAR_H

#include <curses.h>

struct keybind;

/* What the header shows besides the title. */
struct statusbar_info {
	const char *user;   /* display name, or NULL before login */
	const char *role;   /* role label, or NULL */
	const char *desk;   /* [desk] name */
	const char *dbname; /* file name of the database */
	int demo;           /* 1: a demo database */
	const char *clock;  /* "14:05" */
};

/* Draw the header line: title on the left, the rest on the right. */
void statusbar_head(WINDOW *w, const char *title,
    const struct statusbar_info *info);

/* Draw the message line; error: in the error style. */
void statusbar_msg(WINDOW *w, const char *text, int error);

/*
 * Draw the key bar: the labelled keys of the screen's table, then those of
 * the global table whose key the screen does not bind itself.  Stops
 * before a key that would not fit whole.
 */
void statusbar_keys(WINDOW *w, struct screen *top,
    const struct keybind *screen,
    const struct keybind *global);

/* 1 when global key g is shown / used: not rebound by the screen. */
int statusbar_global_visible(const struct keybind *screen, int key);

#endif
