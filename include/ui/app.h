/*
 * app.h: the terminal shell.  main() sets the locale, loads the
 * configuration, binds gettext and opens the database, then hands over here.
 */
#ifndef FD_UI_APP_H
#define FD_UI_APP_H

struct db;
struct config;

/*
 * Run the TUI until the user quits: login screen, home, module screens.
 * Restores the terminal on every exit path (also SIGINT, SIGTERM, fatal()).
 * Returns the process exit status (0, or 1 when the terminal could not be
 * used, with a message on stderr).
 */
int app_run(struct db *db, const struct config *cfg);

#endif
