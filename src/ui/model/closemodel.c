/*
 * closemodel.c: the live figures of the daily close form (日结): expected
 * cash and difference as the float and the counted cash are typed, with
 * the service's own messages (the same msgids as svc_close_day), and
 * stepping a day.  No curses, no database.
 */
#include "ui/model/closemodel.h"

#include <stdio.h>
#include <string.h>

#include "core/fee.h"
#include "core/money.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"

/* Keep err_msg() prefixed with field as the message about bad. */
static void
note(struct closemodel *cm, enum closemodel_field bad, const char *field)
{
	if (cm->bad != CLOSEMODEL_NONE)
		return;
	snprintf(cm->msg, sizeof cm->msg, _("%s: %s"), field, err_msg());
	cm->bad = bad;
}

void
closemodel_init(struct closemodel *cm, int64_t tendered_fen,
    int64_t change_fen, int64_t refund_fen)
{
	memset(cm, 0, sizeof *cm);
	cm->tendered_fen = tendered_fen;
	cm->change_fen = change_fen;
	cm->refund_fen = refund_fen;
	cm->bad = CLOSEMODEL_NONE;
	closemodel_update(cm, NULL, NULL);
}

int
closemodel_update(struct closemodel *cm, const char *float_text,
    const char *counted_text)
{
	cm->msg[0] = '\0';
	cm->bad = CLOSEMODEL_NONE;
	cm->float_fen = cm->counted_fen = 0;
	cm->float_ok = text_blank(float_text) ||
	    money_parse(float_text, &cm->float_fen) == 0;
	if (!cm->float_ok)
		note(cm, CLOSEMODEL_FLOAT, _("float"));
	cm->counted_ok = !text_blank(counted_text) &&
	    money_parse(counted_text, &cm->counted_fen) == 0;
	if (!cm->counted_ok && !text_blank(counted_text))
		note(cm, CLOSEMODEL_COUNTED, _("cash counted"));
	cm->expected_fen = cm->diff_fen = 0;
	cm->expected_ok = cm->float_ok && fee_expected_cash(cm->float_fen,
	    cm->tendered_fen, cm->change_fen, cm->refund_fen,
	    &cm->expected_fen) == 0;
	if (cm->float_ok && !cm->expected_ok)
		note(cm, CLOSEMODEL_FLOAT, _("float"));
	cm->diff_ok = cm->expected_ok && cm->counted_ok;
	if (cm->diff_ok)
		cm->diff_fen = cm->counted_fen - cm->expected_fen;
	return cm->bad == CLOSEMODEL_NONE ? 0 : ERR_INVALID;
}

int
closemodel_needs_reason(const struct closemodel *cm)
{
	return cm->diff_ok && cm->diff_fen != 0;
}

int
closemodel_check(const struct closemodel *cm, const char *reason,
    enum closemodel_field *field)
{
	char k[MONEY_BUFSZ], e[MONEY_BUFSZ], d[MONEY_BUFSZ];
	enum closemodel_field f = CLOSEMODEL_NONE;
	int rc = 0;

	if (cm->bad == CLOSEMODEL_FLOAT || cm->bad == CLOSEMODEL_COUNTED) {
		f = cm->bad;
		rc = err_set(ERR_INVALID, "%s", cm->msg);
	} else if (!cm->counted_ok) {
		f = CLOSEMODEL_COUNTED;
		rc = err_set(ERR_INVALID, "%s",
		    _("enter the cash counted in the drawer"));
	} else if (closemodel_needs_reason(cm) && text_blank(reason)) {
		f = CLOSEMODEL_REASON;
		money_format(k, sizeof k, cm->counted_fen);
		money_format(e, sizeof e, cm->expected_fen);
		money_format(d, sizeof d, cm->diff_fen);
		rc = err_set(ERR_INVALID, _("the cash counted (%s) differs "
		    "from what the day gives (%s) by %s; give the reason for "
		    "the difference"), k, e, d);
	}
	if (field != NULL)
		*field = f;
	return rc;
}

void
closemodel_diff_text(char *buf, size_t bufsz, int64_t diff_fen)
{
	char m[MONEY_BUFSZ];

	money_format(m, sizeof m, diff_fen);
	snprintf(buf, bufsz, "%s%s", diff_fen > 0 ? "+" : "", m);
}

int
closemodel_day_step(const char *day, int delta, char out[DATE_BUFSZ])
{
	struct fd_date d, r;
	int rc;

	if (day == NULL)
		return err_set(ERR_INVALID, "%s", err_str(ERR_INVALID));
	if ((rc = date_parse(day, &d)) != 0 ||
	    (rc = date_add_days(&d, delta, &r)) != 0)
		return rc;
	return date_format(out, DATE_BUFSZ, &r);
}

void
closemodel_today(char out[DATE_BUFSZ])
{
	struct fd_date d;

	date_today(&d);
	date_format(out, DATE_BUFSZ, &d);
}

void
closemodel_day_label(char *buf, size_t bufsz, const char *day)
{
	struct fd_date d;

	if (day != NULL && date_parse(day, &d) == 0)
		snprintf(buf, bufsz, "%s %s", day,
		    date_weekday_label(date_weekday(&d)));
	else
		snprintf(buf, bufsz, "%s", day != NULL ? day : "");
}
