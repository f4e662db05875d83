/*
 * readgrid.c: the meter-reading grid's rows, selection and in-place typing.
 * No curses, no database: the screen maps keys to these calls and saves
 * through svc.
 */
#include "ui/model/readgrid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fee.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Characters of the longest reading typed: 99999999.99 and a spare. */
#define TYPED_MAX 12

void
readgrid_init(struct readgrid *g, int factor)
{
	memset(g, 0, sizeof *g);
	g->sel = -1;
	g->height = 1;
	g->factor = factor >= 1 ? factor : 3;
	lineedit_init(&g->edit, LINEEDIT_MONEY, TYPED_MAX, TYPED_MAX);
}

void
readgrid_release(struct readgrid *g)
{
	FREE(&g->rows);
	g->n = 0;
	lineedit_release(&g->edit);
}

/* Keep the selected row on screen. */
static void
scroll(struct readgrid *g)
{
	if (g->sel < 0) {
		g->top = 0;
		return;
	}
	if (g->sel < g->top)
		g->top = g->sel;
	if (g->sel >= g->top + g->height)
		g->top = g->sel - g->height + 1;
	if (g->top > g->n - g->height)
		g->top = g->n - g->height;
	if (g->top < 0)
		g->top = 0;
}

/* Stop typing. */
static void
stop(struct readgrid *g)
{
	g->editing = 0;
	g->after = 0;
	lineedit_set(&g->edit, "");
}

void
readgrid_set_rows(struct readgrid *g, const struct readgrid_row *rows, int n)
{
	char code[READGRID_CODE_BUFSZ] = "";
	int i, sel = g->sel;

	if (g->sel >= 0 && g->sel < g->n)
		snprintf(code, sizeof code, "%s", g->rows[g->sel].code);
	FREE(&g->rows);
	g->n = n > 0 ? n : 0;
	g->rows = xcalloc((size_t)g->n + 1, sizeof *g->rows);
	if (g->n > 0)
		memcpy(g->rows, rows, (size_t)g->n * sizeof *rows);
	for (i = 0; i < g->n; i++)
		if (code[0] != '\0' && strcmp(g->rows[i].code, code) == 0)
			break;
	if (i < g->n)
		g->sel = i;
	else {
		if (g->editing)
			stop(g);
		g->sel = sel < 0 ? 0 : sel >= g->n ? g->n - 1 : sel;
	}
	if (g->n == 0)
		g->sel = -1;
	scroll(g);
}

void
readgrid_set_height(struct readgrid *g, int height)
{
	g->height = height >= 1 ? height : 1;
	scroll(g);
}

const struct readgrid_row *
readgrid_current(const struct readgrid *g)
{
	return g->sel >= 0 && g->sel < g->n ? &g->rows[g->sel] : NULL;
}

/* The selected row may be typed in; else ERR_STATE with a message. */
static int
writable(const struct readgrid *g)
{
	const struct readgrid_row *r = readgrid_current(g);

	if (r == NULL)
		return err_set(ERR_STATE, "%s", _("No house to enter a "
		    "reading for"));
	if (r->billed)
		return err_set(ERR_STATE, _("The reading of %s is billed "
		    "already and cannot change"), r->code);
	return 0;
}

/* The stored reading of the selected row as text ("" none). */
static void
stored_text(const struct readgrid *g, char *buf, size_t bufsz)
{
	const struct readgrid_row *r = readgrid_current(g);

	buf[0] = '\0';
	if (r != NULL && r->has_cur)
		fee_reading_format(buf, bufsz, r->cur_centi);
}

int
readgrid_takes(wchar_t wc)
{
	wchar_t c = lineedit_normalize(LINEEDIT_MONEY, wc);

	return (c >= L'0' && c <= L'9') || c == L'.';
}

int
readgrid_type(struct readgrid *g, wchar_t wc)
{
	wchar_t c = lineedit_normalize(LINEEDIT_MONEY, wc);

	if (writable(g) != 0)
		return READGRID_REFUSED;
	if (!readgrid_takes(wc)) {
		err_set(ERR_INVALID, "%s", _("A reading is a number, e.g. "
		    "1234 or 1234.5"));
		return READGRID_REFUSED;
	}
	if (!g->editing) {
		lineedit_set(&g->edit, "");
		g->editing = 1;
		g->after = 0;
	}
	if (lineedit_insert(&g->edit, c) != 0)
		return READGRID_REFUSED;
	return READGRID_REDRAW;
}

int
readgrid_backspace(struct readgrid *g)
{
	char buf[READGRID_CODE_BUFSZ];

	if (writable(g) != 0)
		return READGRID_REFUSED;
	if (!g->editing) {
		stored_text(g, buf, sizeof buf);
		lineedit_set(&g->edit, buf);
		g->editing = 1;
		g->after = 0;
	}
	lineedit_backspace(&g->edit);
	return READGRID_REDRAW;
}

/* Move the selection by delta now. */
static void
move_now(struct readgrid *g, int delta)
{
	if (g->n == 0)
		return;
	g->sel += delta;
	if (g->sel >= g->n)
		g->sel = g->n - 1;
	if (g->sel < 0)
		g->sel = 0;
	scroll(g);
}

int
readgrid_move(struct readgrid *g, int delta)
{
	if (g->editing) {
		g->after = delta;
		return READGRID_SAVE;
	}
	move_now(g, delta);
	return READGRID_REDRAW;
}

int
readgrid_enter(struct readgrid *g)
{
	return readgrid_move(g, 1);
}

int
readgrid_cancel(struct readgrid *g)
{
	if (!g->editing)
		return READGRID_NONE;
	stop(g);
	return READGRID_REDRAW;
}

char *
readgrid_typed(const struct readgrid *g)
{
	return g->editing ? lineedit_get(&g->edit) : xstrdup("");
}

void
readgrid_saved(struct readgrid *g)
{
	int delta = g->after;

	stop(g);
	move_now(g, delta);
}

void
readgrid_failed(struct readgrid *g)
{
	g->after = 0;
}

/* The preview of the typing in row r.  A reading that does not parse is
 * only flagged: the error a save has just set stays for the screen to
 * show. */
static void
preview(const struct readgrid *g, const struct readgrid_row *r, char *cur,
    size_t cursz, char *usage, size_t usagesz, int *flags)
{
	char *typed = lineedit_get(&g->edit), *msg;
	int64_t v, u;
	int code = err_code();

	snprintf(cur, cursz, "%s", typed);
	free(typed);
	if (cur[0] == '\0')
		return;
	msg = xstrdup(err_msg());
	if (fee_reading_parse(cur, &v) != 0) {
		if (code != 0)
			err_set(code, "%s", msg);
		else
			err_clear();
		*flags |= READGRID_BAD;
	}
	free(msg);
	if (*flags & READGRID_BAD)
		return;
	if (!r->has_prev)
		return;
	u = v - r->start_centi;
	fee_reading_format(usage, usagesz, u);
	if (u < 0)
		*flags |= READGRID_BELOW;
	else if (fee_usage_unusual(u, r->avg_centi, g->factor))
		*flags |= READGRID_UNUSUAL;
}

void
readgrid_cells(const struct readgrid *g, int i, char *cur, size_t cursz,
    char *usage, size_t usagesz, int *flags)
{
	const struct readgrid_row *r;

	cur[0] = usage[0] = '\0';
	*flags = 0;
	if (i < 0 || i >= g->n)
		return;
	r = &g->rows[i];
	if (!r->has_prev)
		*flags |= READGRID_FIRST;
	if (r->billed)
		*flags |= READGRID_BILLED;
	if (g->editing && i == g->sel) {
		preview(g, r, cur, cursz, usage, usagesz, flags);
		return;
	}
	if (!r->has_cur) {
		*flags |= READGRID_MISSING;
		return;
	}
	fee_reading_format(cur, cursz, r->cur_centi);
	fee_reading_format(usage, usagesz, r->usage_centi);
	if (r->unusual)
		*flags |= READGRID_UNUSUAL;
	if (r->replaced)
		*flags |= READGRID_REPLACED;
}

void
readgrid_flags_text(int flags, char *buf, size_t bufsz)
{
	static const struct {
		int flag;
		const char *word;
	} words[] = {
		{ READGRID_BAD, N_("not a reading") },
		{ READGRID_BELOW, N_("below the start") },
		{ READGRID_UNUSUAL, N_("unusual") },
		{ READGRID_REPLACED, N_("meter replaced") },
		{ READGRID_FIRST, N_("first reading") },
		{ READGRID_BILLED, N_("billed") },
		{ READGRID_MISSING, N_("not read") },
	};
	size_t i, len = 0;

	if (bufsz == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (!(flags & words[i].flag))
			continue;
		snprintf(buf + len, bufsz - len, "%s%s", len > 0 ? " " : "",
		    _(words[i].word));
		len = strlen(buf);
		if (len + 1 >= bufsz)
			break;
	}
}

void
readgrid_counts(const struct readgrid *g, int *read, int *billed)
{
	int i;

	*read = *billed = 0;
	for (i = 0; i < g->n; i++) {
		*read += g->rows[i].has_cur;
		*billed += g->rows[i].billed;
	}
}
