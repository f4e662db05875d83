/*
 * i18n.c: binding the gettext domain and choosing the UI language.
 */
#include "util/i18n.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/fsutil.h"

/*
 * The folder of the translations: FRONTDESK_LOCALEDIR, else beside the
 * executable (build/locale in a build tree, ../share/locale once installed
 * under any prefix), else the folder compiled in.  OUT: buf.
 */
static const char *
locale_dir(char *buf, size_t bufsz)
{
	static const char *const rel[] = {"/locale", "/../share/locale"};
	const char *env = getenv("FRONTDESK_LOCALEDIR");
	char exe[PATH_MAX];
	ssize_t n;
	char *slash;
	size_t i;

	if (env != NULL && env[0] != '\0')
		return env;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return FD_LOCALEDIR;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) != NULL)
		*slash = '\0';
	for (i = 0; i < sizeof rel / sizeof rel[0]; i++) {
		if ((size_t)snprintf(buf, bufsz, "%s%s/zh_CN/LC_MESSAGES/"
		    "frontdesk.mo", exe, rel[i]) >= bufsz ||
		    !fs_exists(buf))
			continue;
		snprintf(buf, bufsz, "%s%s", exe, rel[i]);
		return buf;
	}
	return FD_LOCALEDIR;
}

void
i18n_init(const char *lang)
{
	char buf[PATH_MAX + 64];

	if (lang != NULL && lang[0] != '\0')
		setenv("LANGUAGE", lang, 1);
	bindtextdomain("frontdesk", locale_dir(buf, sizeof buf));
	bind_textdomain_codeset("frontdesk", "UTF-8");
	textdomain("frontdesk");
}
