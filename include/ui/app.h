/*
 * app.h: the terminal shell.  main() sets the locale, loads the
 * configuration, binds gettext and opens the database, then hands over here.
 * Screens reach the database, the configuration, the session and the
 * message line through the app, and open other screens with app_push().
 */
#ifndef FD_UI_APP_H
#define FD_UI_APP_H

struct app;
struct db;
struct config;
struct keybind;
struct screen;
struct screen_ops;
struct session;

/*
 * Run the TUI until the user quits: login screen, home, module screens.
 * Restores the terminal on every exit path (also SIGINT, SIGTERM, fatal()).
 * Returns the process exit status (0, or 1 when the terminal could not be
 * used, with a message on stderr).
 */
int app_run(struct db *db, const struct config *cfg);

/* Global actions (the app's own key table). */
enum app_action {
	APP_HELP = 1000, /* F1, ?: help for the current screen */
	APP_BACK,        /* Esc: close the current screen */
	APP_QUIT,        /* F10, q: close; on home, quit (asks first) */
	APP_REDRAW,      /* Ctrl-L: paint the whole terminal again */
	APP_LOGOUT,      /* Ctrl-X: log out or switch user */
	APP_VISIT,       /* F4, Ctrl-G: log a visit (来访登记) from anywhere,
			    for roles that may (PERM_VISIT_LOG) */
};

/*
 * Open a screen on top: ops->open(arg), then ops->load().  tag comes back
 * to the opener's result() when the new screen leaves an answer.
 * Returns the screen, or NULL when open or load failed (the message is
 * shown on the message line).
 */
struct screen *app_push(struct app *app, const struct screen_ops *ops,
    void *arg, int tag);

/* The database, the configuration, the session (NULL before login). */
struct db *app_db(struct app *app);
const struct config *app_config(struct app *app);
struct session *app_session(struct app *app);

/* Show an information message on the message line (printf format). */
void app_info(struct app *app, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Show err_msg() (or a fixed text for rc) as an error.  Returns
 * UI_HANDLED | UI_REDRAW, so a handler can `return app_fail(app, rc);`. */
int app_fail(struct app *app, int rc);

/*
 * After the current key: make s the session at the desk (ownership moves to
 * the app; *s is cleared).  A session already open is logged out first and
 * all its screens are closed; then home opens.
 */
void app_login(struct app *app, struct session *s);

/* After the current key: log out (audited), close every screen, show the
 * login screen. */
void app_logout(struct app *app);

/* After the current key: log out and leave the program. */
void app_quit(struct app *app);

/* The global keys that apply on screen s (only help and redraw while s is
 * a login or lock screen; the visit key only for roles that may log
 * visits). */
const struct keybind *app_global_keys(const struct screen *s);

/* Seconds without a key before the idle lock; 0: never. */
int app_idle_limit(const struct app *app);

/*
 * For work that cannot return between keys (one svc transaction that
 * reports progress through a callback, run from a busy screen's tick()):
 * paint the screens as they are now and look at the keyboard without
 * waiting.  The key is not dispatched (nothing is opened or closed under
 * the running work): the caller decides what it means, e.g. K_ESC to
 * cancel.  A resize is handled here.  Returns the key, 0 for none, or
 * K_ESC when a signal asks the program to stop (the work is then
 * cancelled rather than finished).
 */
int app_poll(struct app *app);

#endif
