/*
 * maskfield.c: private numbers in form fields, shown masked and saved
 * unchanged unless replaced (保密制度).  The masking itself is core's
 * (mask_phone, mask_idcard); this file only keeps the number on file apart
 * from what the field shows.  No database, no curses.
 */
#include "ui/model/maskfield.h"

#include <stdlib.h>
#include <string.h>

#include "core/household.h"
#include "core/idcard.h"
#include "core/mask.h"
#include "core/phone.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

void
maskfield_set(struct maskfield *mf, struct formmodel *fm, int i, int phone,
    const char *raw)
{
	size_t n;
	char *buf;

	mf->field = i;
	mf->phone = phone;
	mf->raw = xstrdup(raw != NULL ? raw : "");
	n = strlen(mf->raw) + 1;
	buf = xmalloc(n);
	buf[0] = '\0';
	if (mf->raw[0] != '\0') {
		if (phone)
			mask_phone(mf->raw, buf, n);
		else
			mask_idcard(mf->raw, buf, n);
	}
	mf->shown = buf;
	formmodel_set(fm, i, mf->shown);
}

void
maskfield_show(struct maskfield *mf, struct formmodel *fm, const char *full)
{
	free(mf->raw);
	free(mf->shown);
	mf->raw = xstrdup(full != NULL ? full : "");
	mf->shown = xstrdup(mf->raw);
	formmodel_set(fm, mf->field, mf->shown);
	/* showing is not a change: the field stays as clean as it was */
	free(fm->fields[mf->field].saved);
	fm->fields[mf->field].saved = xstrdup(mf->shown);
	free(fm->fields[mf->field].entered);
	fm->fields[mf->field].entered = xstrdup(mf->shown);
}

int
maskfield_untouched(const struct maskfield *mf, const char *text)
{
	return mf->raw != NULL && mf->raw[0] != '\0' && text != NULL &&
	    strcmp(text, mf->shown) == 0;
}

char *
maskfield_value(const struct maskfield *mf, const struct formmodel *fm)
{
	char *v = formmodel_value(fm, mf->field);

	if (maskfield_untouched(mf, v)) {
		free(v);
		return xstrdup(mf->raw);
	}
	return v;
}

int
maskfield_clear(struct maskfield *mf, struct formmodel *fm)
{
	char *v;
	int mine;

	/* a number shown in full (revealed) is edited like any text */
	if (fm->cur != mf->field || mf->raw == NULL || mf->raw[0] == '\0' ||
	    strcmp(mf->shown, mf->raw) == 0)
		return 0;
	v = formmodel_value(fm, mf->field);
	mine = maskfield_untouched(mf, v);
	free(v);
	if (mine)
		formmodel_set(fm, mf->field, "");
	return mine;
}

int
maskfield_check_phone(const struct maskfield *mf, const char *text)
{
	char buf[PHONE_BUFSZ];

	if (maskfield_untouched(mf, text))
		return 0;
	return phone_parse(text, buf, sizeof buf);
}

int
maskfield_check_id(const struct maskfield *mf, int id_type, const char *text)
{
	char buf[IDCARD_OTHER_BUFSZ];

	if (maskfield_untouched(mf, text))
		return 0;
	switch (id_type) {
	case ID_TYPE_IDCARD:
		return idcard_parse(text, buf, sizeof buf);
	case ID_TYPE_PASSPORT:
	case ID_TYPE_OTHER:
		return idcard_other_parse(text, buf, sizeof buf);
	}
	return err_set(ERR_INVALID, "%s", _("choose the kind of document "
	    "first, or leave the number empty"));
}

void
maskfield_release(struct maskfield *mf)
{
	FREE(&mf->raw);
	FREE(&mf->shown);
}
