/*
 * i18n.c: binding the gettext domain and choosing the UI language.
 */
#include "util/i18n.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/fsutil.h"

void
i18n_init(const char *lang)
{
	const char *dir = getenv("FRONTDESK_LOCALEDIR");
	char exe[PATH_MAX], local[PATH_MAX + 16];
	ssize_t n;
	char *slash;

	if (dir == NULL || dir[0] == '\0') {
		dir = FD_LOCALEDIR;
		n = readlink("/proc/self/exe", exe, sizeof exe - 1);
		if (n > 0) {
			exe[n] = '\0';
			if ((slash = strrchr(exe, '/')) != NULL) {
				*slash = '\0';
				strcpy(local, exe);
				strcat(local, "/locale");
				if (fs_exists(local))
					dir = local;
			}
		}
	}
	if (lang != NULL && lang[0] != '\0')
		setenv("LANGUAGE", lang, 1);
	bindtextdomain("frontdesk", dir);
	bind_textdomain_codeset("frontdesk", "UTF-8");
	textdomain("frontdesk");
}
