/*
 * i18n.h: gettext.  Message ids are English; po/zh_CN.po is the primary
 * language of the counter.  _() translates now, N_() marks a string in a
 * static table for translation where it is used.
 */
#ifndef FD_UTIL_I18N_H
#define FD_UTIL_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/*
 * Bind the "frontdesk" domain: FRONTDESK_LOCALEDIR, else a locale/ folder
 * beside the executable (an uninstalled build), else the compiled-in folder.
 * lang is the [ui] language ("zh_CN", "en"); it overrides LANGUAGE.
 */
void i18n_init(const char *lang);

#endif
