/*
 * scr_readpick.c: the building, metered item and period of the reading
 * grid, as a small form over it.  The period is checked as svc checks it
 * (a real month, not later than next month), so the grid never asks svc
 * for a sheet it would refuse.
 */
#include "ui/scr_readpick.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/date.h"
#include "core/fee.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum { P_BUILDING, P_ITEM, P_PERIOD, P_COUNT };
enum pick_action { PK_SHOW };

static int
check_period(const char *text, void *arg)
{
	struct fd_period p;
	struct fd_date today;
	int rc;

	(void)arg;
	if ((rc = date_period_parse(text, &p)) != 0)
		return rc;
	date_today(&today);
	return fee_period_billable(&p, &today);
}

/* The form and where its values go. */
struct pick {
	struct form_field_def defs[P_COUNT];
	struct formmodel fm;
	struct readpick_arg a;
};

static const struct form_field_def pick_fields[P_COUNT] = {
	[P_BUILDING] = { .label = N_("Building"), .kind = FORM_INTEGER,
		.flags = FORM_REQUIRED, .maxchars = 4, .width = 6, .min = 1,
		.max = 9999 },
	[P_ITEM] = { .label = N_("Metered item"), .kind = FORM_CHOICE,
		.flags = FORM_REQUIRED, .width = 20 },
	[P_PERIOD] = { .label = N_("Period"), .kind = FORM_TEXT,
		.flags = FORM_REQUIRED, .maxchars = 7, .width = 9,
		.filter = LINEEDIT_DATE, .validate = check_period,
		.hint = N_("YYYY-MM") },
};

static int
pick_open(struct screen *s, void *arg)
{
	struct pick *p = xcalloc(1, sizeof *p);
	char buf[16];

	p->a = *(const struct readpick_arg *)arg;
	memcpy(p->defs, pick_fields, sizeof p->defs);
	p->defs[P_ITEM].choices = p->a.items;
	formmodel_init(&p->fm, p->defs, P_COUNT, p);
	snprintf(buf, sizeof buf, "%d", *p->a.building);
	formmodel_set(&p->fm, P_BUILDING, buf);
	formmodel_set_choice(&p->fm, P_ITEM, *p->a.item);
	formmodel_set(&p->fm, P_PERIOD, p->a.period);
	formmodel_mark_clean(&p->fm);
	s->state = p;
	return 0;
}

static void
pick_close(struct screen *s)
{
	struct pick *p = s->state;

	formmodel_release(&p->fm);
	free(p);
}

static void
pick_size(struct screen *s, int maxh, int maxw, int *h, int *w)
{
	(void)s;
	*w = maxw < 50 ? maxw : 50;
	*h = maxh < 7 ? maxh : 7;
}

static void
pick_draw(struct screen *s, WINDOW *w)
{
	struct pick *p = s->state;

	tui_box(w);
	draw_title(w, 0, 2, getmaxx(w) - 4, _("Which readings"));
	form_draw(&p->fm, w, 2, 2, getmaxy(w) - 3, getmaxx(w) - 4, s);
}

/* Enter: check, then write the values back. */
static int
pick_action(struct screen *s, int act)
{
	struct pick *p = s->state;
	struct fd_period per;
	char *b, *t;
	int rc;

	(void)act;
	if ((rc = formmodel_validate(&p->fm)) != 0)
		return app_fail(s->app, rc);
	b = formmodel_value(&p->fm, P_BUILDING);
	t = formmodel_value(&p->fm, P_PERIOD);
	*p->a.building = atoi(b);
	*p->a.item = formmodel_choice(&p->fm, P_ITEM);
	if (date_period_parse(t, &per) == 0)
		date_period_format(p->a.period, DATE_PERIOD_BUFSZ, &per);
	free(b);
	free(t);
	return screen_answer(s, 1, 0, NULL);
}

static int
pick_input(struct screen *s, int key)
{
	return form_key(&((struct pick *)s->state)->fm, s, key);
}

static const struct keybind pick_keys[] = {
	{ K_ENTER, PK_SHOW, N_("Show"), 0 },
	{ K_CTRL('s'), PK_SHOW, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_readpick_ops = {
	.name = "readings-pick",
	.title = N_("Which readings"),
	.help = N_("The building (its number), the metered item (Left and "
	    "Right) and the period (YYYY-MM) of the readings to key in. Tab "
	    "moves between the fields; Enter shows the sheet."),
	.keys = pick_keys,
	.flags = SCREEN_OVERLAY,
	.open = pick_open,
	.draw = pick_draw,
	.action = pick_action,
	.input = pick_input,
	.size = pick_size,
	.close = pick_close,
};
