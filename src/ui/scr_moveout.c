/*
 * scr_moveout.c: the end date of an occupant's stay or of a joint owner's
 * share, checked as it is left (date_parse) and by svc (not before it
 * began; a stay already ended; a change at another desk), then one svc
 * action.  The form stays, with the message, when svc refuses.
 */
#include "ui/scr_moveout.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/date.h"
#include "svc/session.h"
#include "svc/svc_owner.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/draw.h"
#include "ui/form.h"
#include "ui/model/formmodel.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/xalloc.h"

enum moveout_action { MO_SAVE };
enum { F_DATE, F_COUNT };

struct moveout {
	struct formmodel fm;
	struct moveout_arg a;  /* name and since owned */
	char title[128];
	char about[256];
};

static int
check_date(const char *text, void *arg)
{
	struct fd_date d;

	(void)arg;
	return date_parse(text, &d);
}

static const struct form_field_def moveout_fields[F_COUNT] = {
	[F_DATE] = { .label = N_("Ends on"), .kind = FORM_DATE,
		.flags = FORM_REQUIRED, .validate = check_date },
};

static int
moveout_open(struct screen *s, void *arg)
{
	struct session *ss = app_session(s->app);
	struct moveout *m;
	char today[DATE_BUFSZ];
	struct fd_date d;
	int rc;

	if (ss == NULL)
		return err_set(ERR_STATE, "%s", _("Log in first"));
	if ((rc = session_require(ss, PERM_OWNER_EDIT)) != 0)
		return rc;
	m = xcalloc(1, sizeof *m);
	m->a = *(const struct moveout_arg *)arg;
	m->a.name = xstrdup(m->a.name != NULL ? m->a.name : "");
	m->a.since = xstrdup(m->a.since != NULL ? m->a.since : "");
	snprintf(m->title, sizeof m->title, m->a.holding ? _("%s leaves the "
	    "holding") : _("%s moves out"), m->a.name);
	snprintf(m->about, sizeof m->about, m->a.holding ? _("%s holds the "
	    "house since %s. For a sale use the transfer (过户) instead.") :
	    _("%s lives in the house since %s."), m->a.name, m->a.since);
	formmodel_init(&m->fm, moveout_fields, F_COUNT, m);
	date_today(&d);
	date_format(today, sizeof today, &d);
	formmodel_set(&m->fm, F_DATE, today);
	formmodel_mark_clean(&m->fm);
	s->title = m->title;
	s->state = m;
	return 0;
}

static void
moveout_close(struct screen *s)
{
	struct moveout *m = s->state;

	formmodel_release(&m->fm);
	free((char *)m->a.name);
	free((char *)m->a.since);
	free(m);
}

static void
moveout_draw(struct screen *s, WINDOW *w)
{
	struct moveout *m = s->state;
	int cols = getmaxx(w), rows = getmaxy(w);

	draw_fit(w, 1, 2, cols - 4, m->about, TUI_TITLE);
	draw_fit(w, 2, 2, cols - 4, _("Nothing is deleted: the record stays "
	    "in the house's history with this end date."), TUI_DIM);
	form_draw(&m->fm, w, 4, 2, rows - 5, cols - 4, s);
}

/* Ctrl-S: end the stay or the share. */
static int
moveout_save(struct screen *s)
{
	struct moveout *m = s->state;
	char *date;
	int rc, bits;

	if ((rc = formmodel_validate(&m->fm)) != 0)
		return app_fail(s->app, rc);
	date = formmodel_value(&m->fm, F_DATE);
	rc = m->a.holding ? svc_holding_end(app_session(s->app), m->a.id,
	    date) : svc_occupant_end(app_session(s->app), m->a.id,
	    m->a.version, date);
	if (rc != 0) {
		bits = app_fail(s->app, formmodel_fail(&m->fm, F_DATE, rc));
		if (rc == ERR_CONFLICT)
			dialog_message(s->app, _("Not saved"), err_msg());
	} else {
		app_info(s->app, m->a.holding ? _("%s no longer holds the house "
		    "from %s; kept under former owners.") : _("%s moved out on "
		    "%s; kept under former occupants."), m->a.name, date);
		formmodel_mark_clean(&m->fm);
		bits = screen_answer(s, 1, 0, NULL);
	}
	free(date);
	return bits;
}

static int
moveout_action(struct screen *s, int act)
{
	(void)act;
	return moveout_save(s);
}

static int
moveout_input(struct screen *s, int key)
{
	return form_key(&((struct moveout *)s->state)->fm, s, key);
}

static int
moveout_dirty(struct screen *s)
{
	return formmodel_dirty(&((struct moveout *)s->state)->fm);
}

static int64_t
moveout_house(struct screen *s)
{
	return ((struct moveout *)s->state)->a.house_id;
}

static const struct keybind moveout_keys[] = {
	{ K_CTRL('s'), MO_SAVE, N_("Save"), 0 },
	{ K_F(2), MO_SAVE, NULL, 0 },
	{ 0, 0, NULL, 0 },
};

const struct screen_ops scr_moveout_ops = {
	.name = "move-out",
	.title = N_("Move out"),
	.help = N_("The day an occupant moved out, or a joint owner left the "
	    "holding (共有人退出). It may not be before the stay or share "
	    "began. The record is kept with this end date. A sale of the "
	    "whole house is a transfer (过户) instead. Ctrl-S saves; Esc "
	    "leaves."),
	.keys = moveout_keys,
	.open = moveout_open,
	.draw = moveout_draw,
	.action = moveout_action,
	.input = moveout_input,
	.dirty = moveout_dirty,
	.house = moveout_house,
	.close = moveout_close,
};
