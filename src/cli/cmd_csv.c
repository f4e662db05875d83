/*
 * cmd_csv.c: frontdesk import houses|owners FILE.csv and frontdesk export
 * houses|owners|visits [--format csv] [-o FILE].
 *
 * Import reads the whole file first (util/csv.c: UTF-8 with or without BOM,
 * or GB18030), maps the header's columns (Chinese or English names, in any
 * order), then hands every line to svc_house_import()/svc_owner_import(),
 * which validate each line with the core parsers and store all of it in one
 * transaction or nothing.  That call runs inside one more transaction of
 * ours, so that a line this file refuses (too many fields, an ended
 * holding) also leaves the database untouched while svc still gets to
 * report every other bad line.  All bad lines are printed as
 * "FILE:LINE: reason", in line order, the first IMPORT_SHOW of them.
 *
 * Export writes UTF-8 with a BOM and CRLF (util/csv.c), labels rather than
 * codes (住宅, not residence), to standard output or through a temporary
 * file renamed onto -o FILE.  svc masks ID and phone numbers for roles
 * without PERM_REVEAL and audits every export.
 */
#include "cli/cli.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/date.h"
#include "core/fee.h"
#include "core/household.h"
#include "core/money.h"
#include "core/request.h"
#include "db/db.h"
#include "svc/session.h"
#include "svc/svc_fee.h"
#include "svc/svc_owner.h"
#include "svc/svc_request.h"
#include "svc/svc_visit.h"
#include "util/config.h"
#include "util/csv.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/text.h"
#include "util/xalloc.h"

/* Bad lines printed before "... and N more". */
#define IMPORT_SHOW 50

/* ---- columns -------------------------------------------------------------- */

/* One column of a file: its names and whether an import needs it. */
struct column {
	const char *zh;      /* the Chinese name, written by export */
	const char *en;      /* the English name (language = en) */
	const char *aliases; /* other names accepted on import, '|'-separated */
	int required;        /* import: the header must name it */
};

enum house_col { HC_HOUSE, HC_AREA, HC_USE, HC_STATE, HC_NOTES, HC_COUNT };

static const struct column house_cols[HC_COUNT] = {
	[HC_HOUSE] = {"房号", "house", "房屋|房屋编号|code", 1},
	[HC_AREA] = {"面积", "area", "建筑面积|面积m2|面积㎡", 1},
	[HC_USE] = {"用途", "use", "房屋用途", 0},
	[HC_STATE] = {"状态", "state", "房屋状态", 0},
	[HC_NOTES] = {"备注", "notes", "note", 0},
};

enum owner_col {
	OC_HOUSE, OC_NAME, OC_KIND, OC_PHONE, OC_PHONE2, OC_ID_TYPE, OC_ID_NO,
	OC_MOVE_IN, OC_EMERGENCY_NAME, OC_EMERGENCY_PHONE, OC_NOTES, OC_SINCE,
	OC_UNTIL, OC_COUNT
};

static const struct column owner_cols[OC_COUNT] = {
	[OC_HOUSE] = {"房号", "house", "房屋|房屋编号|code", 1},
	[OC_NAME] = {"姓名", "name", "业主|业主姓名|名称|owner", 1},
	[OC_KIND] = {"类型", "kind", "业主类型", 0},
	[OC_PHONE] = {"电话", "phone", "手机|手机号|联系电话", 0},
	[OC_PHONE2] = {"电话2", "phone2", "备用电话", 0},
	[OC_ID_TYPE] = {"证件类型", "id_type", "", 0},
	[OC_ID_NO] = {"证件号码", "id_no", "证件号|身份证号|身份证号码", 0},
	[OC_MOVE_IN] = {"入住日期", "move_in", "", 0},
	[OC_EMERGENCY_NAME] = {"紧急联系人", "emergency_name", "", 0},
	[OC_EMERGENCY_PHONE] = {"紧急联系电话", "emergency_phone",
	    "紧急联系人电话", 0},
	[OC_NOTES] = {"备注", "notes", "note", 0},
	[OC_SINCE] = {"产权起始日期", "since", "产权日期|起始日期", 0},
	[OC_UNTIL] = {"产权截止日期", "until", "截止日期", 0},
};

enum visit_col {
	VC_TIME, VC_HOUSE, VC_KIND, VC_NAME, VC_PHONE, VC_PURPOSE, VC_CONTENT,
	VC_OUTCOME, VC_RECEIVER, VC_DESK, VC_COUNT
};

static const struct column visit_cols[VC_COUNT] = {
	[VC_TIME] = {"时间", "time", NULL, 0},
	[VC_HOUSE] = {"房号", "house", NULL, 0},
	[VC_KIND] = {"来访人类型", "visitor_kind", NULL, 0},
	[VC_NAME] = {"来访人", "visitor", NULL, 0},
	[VC_PHONE] = {"电话", "phone", NULL, 0},
	[VC_PURPOSE] = {"事由", "purpose", NULL, 0},
	[VC_CONTENT] = {"内容", "content", NULL, 0},
	[VC_OUTCOME] = {"处理结果", "outcome", NULL, 0},
	[VC_RECEIVER] = {"接待人", "receiver", NULL, 0},
	[VC_DESK] = {"窗口", "desk", NULL, 0},
};

enum request_col {
	RC_NO, RC_AT, RC_TYPE, RC_CATEGORY, RC_URGENCY, RC_CHANNEL, RC_HOUSE,
	RC_LOCATION, RC_PERSON, RC_PHONE, RC_DESCR, RC_RECEIVER, RC_DEPT,
	RC_HANDLER, RC_STATE, RC_RESPOND_BY, RC_RESPONDED, RC_RESOLVE_BY,
	RC_RESOLVED, RC_RESOLUTION, RC_CB_RESULT, RC_CB_METHOD, RC_CB_COMMENT,
	RC_CB_AT, RC_VALID, RC_REOPENS, RC_CLOSED, RC_COUNT
};

/* Export only. */
static const struct column request_cols[RC_COUNT] = {
	[RC_NO] = {"编号", "number", NULL, 0},
	[RC_AT] = {"登记时间", "registered", NULL, 0},
	[RC_TYPE] = {"类型", "type", NULL, 0},
	[RC_CATEGORY] = {"类别", "category", NULL, 0},
	[RC_URGENCY] = {"紧急程度", "urgency", NULL, 0},
	[RC_CHANNEL] = {"渠道", "channel", NULL, 0},
	[RC_HOUSE] = {"房号", "house", NULL, 0},
	[RC_LOCATION] = {"位置", "location", NULL, 0},
	[RC_PERSON] = {"联系人", "person", NULL, 0},
	[RC_PHONE] = {"电话", "phone", NULL, 0},
	[RC_DESCR] = {"内容", "description", NULL, 0},
	[RC_RECEIVER] = {"首问责任人", "first_receiver", NULL, 0},
	[RC_DEPT] = {"部门", "department", NULL, 0},
	[RC_HANDLER] = {"处理人", "handler", NULL, 0},
	[RC_STATE] = {"状态", "status", NULL, 0},
	[RC_RESPOND_BY] = {"响应时限", "respond_by", NULL, 0},
	[RC_RESPONDED] = {"响应时间", "responded", NULL, 0},
	[RC_RESOLVE_BY] = {"处理时限", "resolve_by", NULL, 0},
	[RC_RESOLVED] = {"处理时间", "resolved", NULL, 0},
	[RC_RESOLUTION] = {"处理结果", "resolution", NULL, 0},
	[RC_CB_RESULT] = {"回访结果", "callback", NULL, 0},
	[RC_CB_METHOD] = {"回访方式", "callback_method", NULL, 0},
	[RC_CB_COMMENT] = {"回访说明", "callback_comment", NULL, 0},
	[RC_CB_AT] = {"回访时间", "called_back", NULL, 0},
	[RC_VALID] = {"认定", "classification", NULL, 0},
	[RC_REOPENS] = {"返工次数", "reopens", NULL, 0},
	[RC_CLOSED] = {"关闭时间", "closed", NULL, 0},
};

/* Meter readings (抄表), import only (svc_reading_import()). */
enum reading_col {
	RD_HOUSE, RD_ITEM, RD_PERIOD, RD_PREV, RD_CUR, RD_REPLACED, RD_OLD_END,
	RD_NEW_START, RD_CONFIRM, RD_COUNT
};

static const struct column reading_cols[RD_COUNT] = {
	[RD_HOUSE] = {"房号", "house", "房屋|房屋编号|code", 1},
	[RD_ITEM] = {"项目", "item", "收费项目|费用", 1},
	[RD_PERIOD] = {"账期", "period", "月份|抄表月份", 1},
	[RD_PREV] = {"上次读数", "previous", "起度|起始读数|上月读数", 0},
	[RD_CUR] = {"本次读数", "reading", "止度|读数|本月读数|current", 1},
	[RD_REPLACED] = {"换表", "replaced", "是否换表", 0},
	[RD_OLD_END] = {"旧表止度", "old_meter_end", "旧表读数", 0},
	[RD_NEW_START] = {"新表起度", "new_meter_start", "新表读数", 0},
	[RD_CONFIRM] = {"确认", "confirm", "用量确认", 0},
};

/* Bills (应收), export only. */
enum bill_col {
	BC_HOUSE, BC_ITEM, BC_PERIOD, BC_QTY, BC_PRICE, BC_AMOUNT, BC_PAID,
	BC_OPEN, BC_DUE, BC_COUNT
};

static const struct column bill_cols[BC_COUNT] = {
	[BC_HOUSE] = {"房号", "house", NULL, 0},
	[BC_ITEM] = {"项目", "item", NULL, 0},
	[BC_PERIOD] = {"账期", "period", NULL, 0},
	[BC_QTY] = {"数量", "quantity", NULL, 0},
	[BC_PRICE] = {"单价", "price", NULL, 0},
	[BC_AMOUNT] = {"应收", "amount", NULL, 0},
	[BC_PAID] = {"已收", "paid", NULL, 0},
	[BC_OPEN] = {"未收", "open", NULL, 0},
	[BC_DUE] = {"到期日", "due", NULL, 0},
};

/* Payments (实收), export only. */
enum payment_col {
	PC_NO, PC_DAY, PC_TIME, PC_HOUSE, PC_METHOD, PC_AMOUNT, PC_TENDERED,
	PC_CHANGE, PC_CREDIT, PC_CASHIER, PC_DESK, PC_VOID, PC_COUNT
};

static const struct column payment_cols[PC_COUNT] = {
	[PC_NO] = {"收据号", "receipt", NULL, 0},
	[PC_DAY] = {"日期", "day", NULL, 0},
	[PC_TIME] = {"时间", "time", NULL, 0},
	[PC_HOUSE] = {"房号", "house", NULL, 0},
	[PC_METHOD] = {"方式", "method", NULL, 0},
	[PC_AMOUNT] = {"金额", "amount", NULL, 0},
	[PC_TENDERED] = {"收取现金", "tendered", NULL, 0},
	[PC_CHANGE] = {"找零", "change", NULL, 0},
	[PC_CREDIT] = {"转入预存", "credit", NULL, 0},
	[PC_CASHIER] = {"收银员", "cashier", NULL, 0},
	[PC_DESK] = {"窗口", "desk", NULL, 0},
	[PC_VOID] = {"红冲", "void", NULL, 0},
};

/* The widest table above. */
#define COLS_MAX RC_COUNT

/* The file kinds of import and export. */
static const struct table {
	const char *name;
	const struct column *cols;
	int ncols;
} tables[] = {
	{"houses", house_cols, HC_COUNT},
	{"owners", owner_cols, OC_COUNT},
	{"visits", visit_cols, VC_COUNT},
	{"requests", request_cols, RC_COUNT},
	{"readings", reading_cols, RD_COUNT},
	{"bills", bill_cols, BC_COUNT},
	{"payments", payment_cols, PC_COUNT},
};

/* The table called name, or NULL. */
static const struct table *
table_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(name, tables[i].name) == 0)
			return &tables[i];
	return NULL;
}

/*
 * A header cell as compared: trimmed, a unit in brackets cut off
 * ("面积(m²)", "面积（㎡）"), ASCII lower case, ' ' and '-' as '_'.
 */
static void
column_norm(char *dst, size_t dstsz, const char *src)
{
	char *p;

	snprintf(dst, dstsz, "%s", src);
	if ((p = strchr(dst, '(')) != NULL)
		*p = '\0';
	if ((p = strstr(dst, "\xef\xbc\x88")) != NULL) /* U+FF08 （ */
		*p = '\0';
	text_trim(dst);
	for (p = dst; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		else if (*p == ' ' || *p == '-')
			*p = '_';
	}
}

/* 1 when the normalised header cell h names column c. */
static int
column_is(const struct column *c, const char *h)
{
	const char *a, *bar;
	size_t n;

	if (strcmp(h, c->zh) == 0 || strcmp(h, c->en) == 0)
		return 1;
	for (a = c->aliases; a != NULL && *a != '\0'; a = bar + 1) {
		bar = strchr(a, '|');
		n = bar != NULL ? (size_t)(bar - a) : strlen(a);
		if (strlen(h) == n && strncmp(h, a, n) == 0)
			return 1;
		if (bar == NULL)
			break;
	}
	return 0;
}

/* The name of column c in the language of the configuration. */
static const char *
column_title(const struct column *c, const struct config *cfg)
{
	return strcmp(cfg->language, "en") == 0 ? c->en : c->zh;
}

/* ---- bad lines ------------------------------------------------------------ */

/* One bad line, from this file's checks or from svc. */
struct bad_line {
	long line;
	int seq;   /* order of arrival, to keep equal lines in order */
	char *msg; /* "FILE:LINE: reason" */
};

/* The bad lines of one import. */
struct bad_lines {
	struct bad_line *v;
	int n, alloc;
};

static void
bad_add(struct bad_lines *b, long line, const char *msg)
{
	if (b->n == b->alloc) {
		b->alloc = b->alloc ? b->alloc * 2 : 16;
		b->v = xreallocarray(b->v, (size_t)b->alloc, sizeof *b->v);
	}
	b->v[b->n].line = line;
	b->v[b->n].seq = b->n;
	b->v[b->n++].msg = xstrdup(msg);
}

/* Add "FILE:LINE: reason" for the file of the import. */
static void __attribute__((format(printf, 4, 5)))
bad_addf(struct bad_lines *b, const char *file, long line, const char *fmt,
    ...)
{
	struct strbuf sb = STRBUF_INIT;
	char reason[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	strbuf_addf(&sb, "%s:%ld: %s", file, line, reason);
	bad_add(b, line, sb.buf);
	strbuf_release(&sb);
}

/* Take svc's report, one "FILE:LINE: reason" a line, into b. */
static void
bad_take(struct bad_lines *b, const char *file, const char *report)
{
	size_t flen = strlen(file);
	const char *p = report, *nl;
	char *one;
	long line;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		one = xstrndup(p, nl != NULL ? (size_t)(nl - p) : strlen(p));
		line = 0;
		if (strncmp(one, file, flen) == 0 && one[flen] == ':')
			line = strtol(one + flen + 1, NULL, 10);
		if (one[0] != '\0')
			bad_add(b, line, one);
		free(one);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* By line, then in the order they came. */
static int
bad_cmp(const void *a, const void *b)
{
	const struct bad_line *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void
bad_release(struct bad_lines *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		free(b->v[i].msg);
	FREE(&b->v);
	b->n = b->alloc = 0;
}

/* Print the bad lines in line order, at most IMPORT_SHOW of them. */
static void
bad_print(struct bad_lines *b)
{
	int i;

	if (b->n > 1)
		qsort(b->v, (size_t)b->n, sizeof *b->v, bad_cmp);
	for (i = 0; i < b->n && i < IMPORT_SHOW; i++)
		fprintf(stderr, "%s\n", b->v[i].msg);
	if (b->n > IMPORT_SHOW)
		fprintf(stderr, _("... and %d more bad lines\n"),
		    b->n - IMPORT_SHOW);
}

/* ---- reading the file ----------------------------------------------------- */

/* One data line of the file, its values by column (NULL: not given). */
struct import_row {
	long line;
	char *block;                 /* the line's fields, NUL-separated */
	const char *v[COLS_MAX];
};

/* An import in progress. */
struct import {
	const char *file;
	const struct table *t;
	const struct config *cfg;
	int map[CSV_FIELDS_MAX];     /* header field -> column, -1: none */
	int nmap;                    /* fields in the header */
	struct import_row *rows;
	int nrows, arows;
	struct bad_lines bad;
	enum csv_encoding enc;
};

/* The column list for messages: "房号, 面积, 用途, 状态, 备注". */
static void
import_col_list(const struct import *im, char *buf, size_t bufsz)
{
	size_t len = 0;
	int i, n;

	buf[0] = '\0';
	for (i = 0; i < im->t->ncols; i++) {
		n = snprintf(buf + len, bufsz - len, "%s%s", i ? "," : "",
		    column_title(&im->t->cols[i], im->cfg));
		if (n < 0 || (size_t)n >= bufsz - len)
			break;
		len += (size_t)n;
	}
}

/* Map the header line; every problem with it is a bad line 1. */
static void
import_header(struct import *im, const struct csv_reader *r)
{
	char norm[256], list[256], shown[128];
	int seen[COLS_MAX] = {0};
	size_t i;
	int c;

	import_col_list(im, list, sizeof list);
	im->nmap = (int)r->nfields;
	for (i = 0; i < r->nfields; i++) {
		im->map[i] = -1;
		column_norm(norm, sizeof norm, r->fields[i]);
		if (norm[0] == '\0')
			continue; /* unnamed: must stay empty */
		for (c = 0; c < im->t->ncols; c++)
			if (column_is(&im->t->cols[c], norm))
				break;
		/* as typed, but short and without control characters */
		text_fit(shown, sizeof shown, r->fields[i], 40);
		if (c == im->t->ncols) {
			bad_addf(&im->bad, im->file, r->rec_line,
			    _("unknown column '%s'; the first line names the "
			      "columns, any of: %s"), shown, list);
			continue;
		}
		if (seen[c]++) {
			bad_addf(&im->bad, im->file, r->rec_line,
			    _("column '%s' is named twice"), shown);
			continue;
		}
		im->map[i] = c;
	}
	for (c = 0; c < im->t->ncols; c++)
		if (im->t->cols[c].required && !seen[c])
			bad_addf(&im->bad, im->file, r->rec_line,
			    _("the column '%s' is missing; the first line "
			      "must name the columns, e.g. %s"),
			    column_title(&im->t->cols[c], im->cfg), list);
}

/* 1 when every field of the record is blank (Excel leaves ",,,,"). */
static int
import_blank(const struct csv_reader *r)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (!text_blank(r->fields[i]))
			return 0;
	return 1;
}

/* Keep one data line. */
static void
import_row(struct import *im, const struct csv_reader *r)
{
	struct import_row *row;
	size_t i;
	int c, told = 0;

	if (im->nrows == im->arows) {
		im->arows = im->arows ? im->arows * 2 : 256;
		im->rows = xreallocarray(im->rows, (size_t)im->arows,
		    sizeof *im->rows);
	}
	row = &im->rows[im->nrows++];
	memset(row, 0, sizeof *row);
	row->line = r->rec_line;
	row->block = xmalloc(r->rec.len + 1);
	memcpy(row->block, r->rec.buf, r->rec.len + 1);
	for (i = 0; i < r->nfields; i++) {
		c = i < (size_t)im->nmap ? im->map[i] : -1;
		if (c >= 0) {
			row->v[c] = row->block + (r->fields[i] - r->rec.buf);
			continue;
		}
		if (text_blank(r->fields[i]) || told++)
			continue;
		if (i >= (size_t)im->nmap)
			bad_addf(&im->bad, im->file, r->rec_line,
			    _("the line has %zu fields, the first line names "
			      "%d columns"), r->nfields, im->nmap);
		else
			bad_addf(&im->bad, im->file, r->rec_line,
			    _("a value in column %zu, which has no name in "
			      "the first line"), i + 1);
	}
}

/* Read the file: header, then every line.  0 or CLI_FAIL (printed). */
static int
import_read(struct import *im)
{
	struct csv_reader r;
	int rc;

	if ((rc = csv_reader_open(&r, im->file, CSV_READ_UNGUARD)) != 0)
		goto fail;
	im->enc = r.enc;
	if ((rc = csv_read(&r)) <= 0) {
		if (rc == 0)
			rc = err_set(ERR_INVALID, "%s:1: %s", im->file,
			    _("the file is empty"));
		goto fail;
	}
	import_header(im, &r);
	if (im->bad.n > 0) {
		/* a wrong header would make every line wrong: stop here */
		csv_reader_release(&r);
		return 0;
	}
	while ((rc = csv_read(&r)) == 1) {
		if (!import_blank(&r))
			import_row(im, &r);
	}
	if (rc < 0)
		goto fail;
	csv_reader_release(&r);
	return 0;
fail:
	csv_reader_release(&r);
	if (err_code() == ERR_INVALID) {
		/* a FILE:LINE message: keep it with the other bad lines */
		bad_take(&im->bad, im->file, err_msg());
		return 0;
	}
	return cli_fail_err();
}

static void
import_release(struct import *im)
{
	int i;

	for (i = 0; i < im->nrows; i++)
		free(im->rows[i].block);
	FREE(&im->rows);
	bad_release(&im->bad);
}

/* ---- storing -------------------------------------------------------------- */

/* What the transaction of an import needs. */
struct import_op {
	struct session *s;
	struct import *im;
	struct strbuf report; /* svc's bad lines */
	int rc;               /* svc's result */
};

/* The houses of the file as svc takes them. */
static int
houses_tx(struct db *db, void *arg)
{
	struct import_op *op = arg;
	struct import *im = op->im;
	struct house_in *in;
	int *lines, i;

	(void)db;
	strbuf_reset(&op->report);
	in = xreallocarray(NULL, (size_t)im->nrows + 1, sizeof *in);
	lines = xreallocarray(NULL, (size_t)im->nrows + 1, sizeof *lines);
	for (i = 0; i < im->nrows; i++) {
		const char *const *v = im->rows[i].v;

		in[i].code = v[HC_HOUSE];
		in[i].area = v[HC_AREA];
		in[i].use = v[HC_USE];
		in[i].state = v[HC_STATE];
		in[i].notes = v[HC_NOTES];
		lines[i] = (int)im->rows[i].line;
	}
	op->rc = svc_house_import(op->s, in, lines, im->nrows, im->file,
	    &op->report);
	free(in);
	free(lines);
	/* A line only this file refused still rolls everything back. */
	return op->rc != 0 ? op->rc : im->bad.n > 0 ? ERR_INVALID : 0;
}

/* The owners of the file as svc takes them. */
static int
owners_tx(struct db *db, void *arg)
{
	struct import_op *op = arg;
	struct import *im = op->im;
	struct owner_import *in;
	int *lines, i;

	(void)db;
	strbuf_reset(&op->report);
	in = xcalloc((size_t)im->nrows + 1, sizeof *in);
	lines = xreallocarray(NULL, (size_t)im->nrows + 1, sizeof *lines);
	for (i = 0; i < im->nrows; i++) {
		const char *const *v = im->rows[i].v;

		in[i].owner.kind = v[OC_KIND];
		in[i].owner.name = v[OC_NAME];
		in[i].owner.phone = v[OC_PHONE];
		in[i].owner.phone2 = v[OC_PHONE2];
		in[i].owner.id_type = v[OC_ID_TYPE];
		in[i].owner.id_no = v[OC_ID_NO];
		in[i].owner.move_in = v[OC_MOVE_IN];
		in[i].owner.emergency_name = v[OC_EMERGENCY_NAME];
		in[i].owner.emergency_phone = v[OC_EMERGENCY_PHONE];
		in[i].owner.notes = v[OC_NOTES];
		in[i].house = v[OC_HOUSE];
		in[i].since = v[OC_SINCE];
		lines[i] = (int)im->rows[i].line;
	}
	op->rc = svc_owner_import(op->s, in, lines, im->nrows, im->file,
	    &op->report);
	free(in);
	free(lines);
	return op->rc != 0 ? op->rc : im->bad.n > 0 ? ERR_INVALID : 0;
}

/* 1 when a confirm cell says yes (是, 确认, yes, y, 1, true). */
static int
import_yes(const char *v)
{
	static const char *const yes[] = {"是", "确认", "yes", "y", "1",
	    "true"};
	char buf[64];
	size_t i;

	if (v == NULL)
		return 0;
	snprintf(buf, sizeof buf, "%s", v);
	text_trim(buf);
	for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(buf, yes[i]) == 0)
			return 1;
	return 0;
}

/* The meter readings of the file as svc takes them. */
static int
readings_tx(struct db *db, void *arg)
{
	struct import_op *op = arg;
	struct import *im = op->im;
	struct reading_in *in;
	int *lines, i;

	(void)db;
	strbuf_reset(&op->report);
	in = xcalloc((size_t)im->nrows + 1, sizeof *in);
	lines = xreallocarray(NULL, (size_t)im->nrows + 1, sizeof *lines);
	for (i = 0; i < im->nrows; i++) {
		const char *const *v = im->rows[i].v;

		in[i].house = v[RD_HOUSE];
		in[i].item = v[RD_ITEM];
		in[i].period = v[RD_PERIOD];
		in[i].prev = v[RD_PREV];
		in[i].cur = v[RD_CUR];
		in[i].replaced = v[RD_REPLACED];
		in[i].old_end = v[RD_OLD_END];
		in[i].new_start = v[RD_NEW_START];
		in[i].confirm = import_yes(v[RD_CONFIRM]);
		lines[i] = (int)im->rows[i].line;
	}
	op->rc = svc_reading_import(op->s, in, lines, im->nrows, im->file,
	    &op->report);
	free(in);
	free(lines);
	return op->rc != 0 ? op->rc : im->bad.n > 0 ? ERR_INVALID : 0;
}

/* Lines this file refuses before svc sees them: ended holdings. */
static void
import_precheck(struct import *im)
{
	char until[64];
	int i;

	if (im->t->cols != owner_cols)
		return;
	for (i = 0; i < im->nrows; i++) {
		const char *u = im->rows[i].v[OC_UNTIL];

		if (u == NULL || text_blank(u))
			continue;
		snprintf(until, sizeof until, "%s", u);
		text_trim(until);
		bad_addf(&im->bad, im->file, im->rows[i].line,
		    _("this holding ended on %s: history is not imported; "
		      "remove the line"), until);
	}
}

/* Run the import in one transaction.  CLI_OK or CLI_FAIL (printed). */
static int
import_store(struct import *im, struct session *s, struct db *db)
{
	struct import_op op = {.s = s, .im = im};
	int rc;

	strbuf_init(&op.report);
	rc = db_tx(db, im->t->cols == house_cols ? houses_tx :
	    im->t->cols == reading_cols ? readings_tx : owners_tx, &op);
	if (rc == 0) {
		strbuf_release(&op.report);
		return CLI_OK;
	}
	if (op.report.len == 0 && im->bad.n == 0) {
		/* no bad line: refused as a whole (permission, database) */
		strbuf_release(&op.report);
		return cli_fail_err();
	}
	bad_take(&im->bad, im->file, op.report.buf);
	strbuf_release(&op.report);
	return CLI_FAIL;
}

/* ---- import --------------------------------------------------------------- */

static int
import_usage(void)
{
	return cli_usage(_("usage: frontdesk import houses|owners|readings "
			   "FILE.csv --user NAME [--password-stdin]"));
}

int
cmd_import(struct cli *c)
{
	static const struct option opts[] = {
		{"user", required_argument, NULL, CLI_OPT_USER},
		{"password-stdin", no_argument, NULL, CLI_OPT_PWSTDIN},
		{NULL, 0, NULL, 0},
	};
	struct import im;
	struct session s;
	struct db *db = NULL;
	const char *user = NULL;
	int ch, pw_stdin = 0, rc;

	while ((ch = getopt_long(c->argc, c->argv, "", opts, NULL)) != -1) {
		if (ch == CLI_OPT_USER)
			user = optarg;
		else if (ch == CLI_OPT_PWSTDIN)
			pw_stdin = 1;
		else
			return import_usage();
	}
	if (optind + 2 != c->argc)
		return import_usage();
	memset(&im, 0, sizeof im);
	im.cfg = c->cfg;
	im.file = c->argv[optind + 1];
	im.t = table_find(c->argv[optind]);
	if (im.t == NULL || (im.t->cols != house_cols &&
	    im.t->cols != owner_cols && im.t->cols != reading_cols))
		return cli_usage(_("frontdesk can import houses, owners or "
				   "readings, not '%s'"), c->argv[optind]);
	if (user == NULL)
		return cli_usage(_("'%s' acts as a named user: add --user NAME"),
		    c->argv[0]);
	/* The file first: a broken file needs no password. */
	if ((rc = import_read(&im)) != 0)
		goto out;
	import_precheck(&im);
	if (im.nrows == 0 && im.bad.n == 0)
		bad_addf(&im.bad, im.file, 2, "%s", _("no lines to import "
		    "after the first line, which names the columns"));
	if (im.bad.n > 0 && im.nrows == 0) {
		rc = CLI_FAIL;
		goto report;
	}
	if ((rc = cli_open_session(c, user, pw_stdin, &db, &s)) != 0)
		goto out;
	rc = import_store(&im, &s, db);
	cli_close_session(&db, &s);
	if (rc == CLI_OK) {
		if (im.t->cols == house_cols)
			printf(_("imported %d houses from %s (%s)\n"),
			    im.nrows, im.file, csv_encoding_name(im.enc));
		else if (im.t->cols == reading_cols)
			printf(_("imported %d meter readings from %s (%s)\n"),
			    im.nrows, im.file, csv_encoding_name(im.enc));
		else
			printf(_("imported %d owner lines from %s (%s)\n"),
			    im.nrows, im.file, csv_encoding_name(im.enc));
		goto out;
	}
report:
	if (im.bad.n > 0) {
		bad_print(&im.bad);
		rc = cli_fail(_("%s: nothing was imported (bad lines: %d)"),
		    im.file, im.bad.n);
	}
out:
	import_release(&im);
	return rc;
}

/* ---- export --------------------------------------------------------------- */

/* An export in progress. */
struct export {
	struct csv_writer w;
	const struct config *cfg;
	long nrows;
};

/* Write the header of table t. */
static int
export_header(struct export *e, const struct table *t)
{
	int i;

	for (i = 0; i < t->ncols; i++)
		csv_writer_field(&e->w, column_title(&t->cols[i], e->cfg),
		    CSV_TEXT);
	return csv_writer_end_row(&e->w);
}

static int
export_house(const struct house *h, void *arg)
{
	struct export *e = arg;
	char area[AREA_BUFSZ];

	area_format(area, sizeof area, h->area_centi);
	csv_writer_field(&e->w, h->code, CSV_TEXT);
	csv_writer_field(&e->w, area, CSV_NUMBER);
	csv_writer_field(&e->w, household_label(HH_HOUSE_USE, (int)h->use),
	    CSV_TEXT);
	csv_writer_field(&e->w, household_label(HH_HOUSE_STATE,
	    (int)h->state), CSV_TEXT);
	csv_writer_field(&e->w, h->notes, CSV_TEXT);
	e->nrows++;
	return csv_writer_end_row(&e->w);
}

static int
export_owner(const struct holding_owner *r, void *arg)
{
	struct export *e = arg;
	const struct owner *o = &r->o;

	csv_writer_field(&e->w, r->house_code, CSV_TEXT);
	csv_writer_field(&e->w, o->name, CSV_TEXT);
	csv_writer_field(&e->w, household_label(HH_OWNER_KIND, (int)o->kind),
	    CSV_TEXT);
	csv_writer_field(&e->w, o->phone, CSV_TEXT);
	csv_writer_field(&e->w, o->phone2, CSV_TEXT);
	csv_writer_field(&e->w, household_label(HH_ID_TYPE, (int)o->id_type),
	    CSV_TEXT);
	csv_writer_field(&e->w, o->id_no, CSV_KEEP_TEXT);
	csv_writer_field(&e->w, o->move_in, CSV_TEXT);
	csv_writer_field(&e->w, o->emergency_name, CSV_TEXT);
	csv_writer_field(&e->w, o->emergency_phone, CSV_TEXT);
	csv_writer_field(&e->w, o->notes, CSV_TEXT);
	csv_writer_field(&e->w, r->h.since, CSV_TEXT);
	csv_writer_field(&e->w, r->h.until, CSV_TEXT);
	e->nrows++;
	return csv_writer_end_row(&e->w);
}

static int
export_visit(const struct visit *v, void *arg)
{
	struct export *e = arg;
	char when[DATE_TIME_BUFSZ];

	date_format_time(when, sizeof when, (time_t)v->at);
	csv_writer_field(&e->w, when, CSV_TEXT);
	csv_writer_field(&e->w, v->house_code, CSV_TEXT);
	csv_writer_field(&e->w, household_label(HH_VISITOR_KIND,
	    (int)v->visitor_kind), CSV_TEXT);
	csv_writer_field(&e->w, v->visitor_name, CSV_TEXT);
	csv_writer_field(&e->w, v->phone, CSV_TEXT);
	csv_writer_field(&e->w, household_label(HH_VISIT_PURPOSE,
	    (int)v->purpose), CSV_TEXT);
	csv_writer_field(&e->w, v->content, CSV_TEXT);
	csv_writer_field(&e->w, v->outcome, CSV_TEXT);
	csv_writer_field(&e->w, v->receiver_name, CSV_TEXT);
	csv_writer_field(&e->w, v->desk, CSV_TEXT);
	e->nrows++;
	return csv_writer_end_row(&e->w);
}

/* A unix time as "YYYY-MM-DD HH:MM", "" for 0.  OUT: buf. */
static const char *
export_time(char *buf, size_t bufsz, int64_t t)
{
	buf[0] = '\0';
	if (t != 0)
		date_format_time(buf, bufsz, (time_t)t);
	return buf;
}

static int
export_request(const struct service_request *r, void *arg)
{
	struct export *e = arg;
	char t[DATE_TIME_BUFSZ], n[16];

	csv_writer_field(&e->w, r->no, CSV_TEXT);
	csv_writer_field(&e->w, export_time(t, sizeof t, r->at), CSV_TEXT);
	csv_writer_field(&e->w, request_label(REQ_SET_TYPE, (int)r->type),
	    CSV_TEXT);
	csv_writer_field(&e->w, request_label(REQ_SET_CATEGORY,
	    (int)r->category), CSV_TEXT);
	csv_writer_field(&e->w, request_label(REQ_SET_URGENCY,
	    (int)r->urgency), CSV_TEXT);
	csv_writer_field(&e->w, request_label(REQ_SET_CHANNEL,
	    (int)r->channel), CSV_TEXT);
	csv_writer_field(&e->w, r->house_code, CSV_TEXT);
	csv_writer_field(&e->w, r->location, CSV_TEXT);
	csv_writer_field(&e->w, r->person, CSV_TEXT);
	csv_writer_field(&e->w, r->phone, CSV_KEEP_TEXT);
	csv_writer_field(&e->w, r->description, CSV_TEXT);
	csv_writer_field(&e->w, r->receiver_name, CSV_TEXT);
	csv_writer_field(&e->w, r->dept >= 0 ? request_label(REQ_SET_DEPT,
	    r->dept) : "", CSV_TEXT);
	csv_writer_field(&e->w, r->handler, CSV_TEXT);
	csv_writer_field(&e->w, request_label(REQ_SET_STATE, (int)r->state),
	    CSV_TEXT);
	csv_writer_field(&e->w, export_time(t, sizeof t, r->clock.respond_by),
	    CSV_TEXT);
	csv_writer_field(&e->w, export_time(t, sizeof t, r->responded_at),
	    CSV_TEXT);
	csv_writer_field(&e->w, export_time(t, sizeof t, r->clock.resolve_by),
	    CSV_TEXT);
	csv_writer_field(&e->w, export_time(t, sizeof t, r->resolved_at),
	    CSV_TEXT);
	csv_writer_field(&e->w, r->resolution, CSV_TEXT);
	csv_writer_field(&e->w, r->cb_result >= 0 ? request_label(
	    REQ_SET_RESULT, r->cb_result) : "", CSV_TEXT);
	csv_writer_field(&e->w, r->cb_method >= 0 ? request_label(
	    REQ_SET_METHOD, r->cb_method) : "", CSV_TEXT);
	csv_writer_field(&e->w, r->cb_comment, CSV_TEXT);
	csv_writer_field(&e->w, export_time(t, sizeof t, r->cb_at), CSV_TEXT);
	csv_writer_field(&e->w, r->valid == 1 ? _("Valid") : r->valid == 0 ?
	    _("Invalid") : "", CSV_TEXT);
	snprintf(n, sizeof n, "%d", r->reopens);
	csv_writer_field(&e->w, n, CSV_NUMBER);
	csv_writer_field(&e->w, export_time(t, sizeof t, r->closed_at),
	    CSV_TEXT);
	e->nrows++;
	return csv_writer_end_row(&e->w);
}

static int
export_bill(const struct bill *b, void *arg)
{
	struct export *e = arg;
	char q[FEE_READING_BUFSZ], p[FEE_PRICE_BUFSZ], m[MONEY_BUFSZ];

	csv_writer_field(&e->w, b->house_code, CSV_TEXT);
	csv_writer_field(&e->w, b->item_name, CSV_TEXT);
	csv_writer_field(&e->w, b->period, CSV_TEXT);
	fee_reading_format(q, sizeof q, b->qty_centi);
	csv_writer_field(&e->w, q, CSV_NUMBER);
	fee_price_format(p, sizeof p, b->price_e4);
	csv_writer_field(&e->w, b->kind == FEE_LATE ? "" : p, CSV_NUMBER);
	money_format_plain(m, sizeof m, b->amount_fen);
	csv_writer_field(&e->w, m, CSV_NUMBER);
	money_format_plain(m, sizeof m, b->paid_fen);
	csv_writer_field(&e->w, m, CSV_NUMBER);
	money_format_plain(m, sizeof m, b->amount_fen - b->paid_fen);
	csv_writer_field(&e->w, m, CSV_NUMBER);
	csv_writer_field(&e->w, b->due, CSV_TEXT);
	e->nrows++;
	return csv_writer_end_row(&e->w);
}

static int
export_payment(const struct payment *p, void *arg)
{
	struct export *e = arg;
	char no[FEE_RECEIPT_BUFSZ], t[DATE_TIME_BUFSZ], m[MONEY_BUFSZ];

	fee_receipt_format(no, sizeof no, p->year, p->seq);
	csv_writer_field(&e->w, no, CSV_KEEP_TEXT);
	csv_writer_field(&e->w, p->day, CSV_TEXT);
	date_format_time(t, sizeof t, (time_t)p->at);
	csv_writer_field(&e->w, t, CSV_TEXT);
	csv_writer_field(&e->w, p->house_code, CSV_TEXT);
	csv_writer_field(&e->w, fee_label(FEE_SET_METHOD, (int)p->method),
	    CSV_TEXT);
	money_format_plain(m, sizeof m, p->amount_fen);
	csv_writer_field(&e->w, m, CSV_NUMBER);
	money_format_plain(m, sizeof m, p->tendered_fen);
	csv_writer_field(&e->w, m, CSV_NUMBER);
	money_format_plain(m, sizeof m, p->change_fen);
	csv_writer_field(&e->w, m, CSV_NUMBER);
	money_format_plain(m, sizeof m, p->credit_fen);
	csv_writer_field(&e->w, m, CSV_NUMBER);
	csv_writer_field(&e->w, p->cashier, CSV_TEXT);
	csv_writer_field(&e->w, p->desk, CSV_TEXT);
	csv_writer_field(&e->w, p->void_state >= 0 ? fee_label(FEE_SET_VOID,
	    p->void_state) : "", CSV_TEXT);
	e->nrows++;
	return csv_writer_end_row(&e->w);
}

/* The export's rows through svc.  0 or an error (message set). */
static int
export_rows(struct session *s, const struct table *t, struct export *e)
{
	int rc;

	if ((rc = export_header(e, t)) != 0)
		return rc;
	if (t->cols == house_cols)
		return svc_house_export(s, export_house, e);
	if (t->cols == owner_cols)
		return svc_owner_export(s, export_owner, e);
	if (t->cols == request_cols)
		return svc_request_export(s, 0, INT64_MAX, export_request, e);
	if (t->cols == bill_cols)
		return svc_bill_export(s, export_bill, e);
	if (t->cols == payment_cols)
		return svc_payment_export(s, export_payment, e);
	return svc_visit_export(s, 0, INT64_MAX, export_visit, e);
}

/* The parsed command line of export. */
struct export_args {
	const struct table *t;
	const char *out;  /* -o FILE, NULL: standard output */
	const char *user;
	int pw_stdin;
	int force;
};

static int
export_usage(void)
{
	return cli_usage(_("usage: frontdesk export houses|owners|visits|"
			   "requests|bills|payments [--format csv] [-o FILE "
			   "[--force]] --user NAME [--password-stdin]"));
}

static int
export_parse(struct cli *c, struct export_args *a)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, CLI_OPT_FORCE},
		{"user", required_argument, NULL, CLI_OPT_USER},
		{"password-stdin", no_argument, NULL, CLI_OPT_PWSTDIN},
		{NULL, 0, NULL, 0},
	};
	int ch;

	while ((ch = getopt_long(c->argc, c->argv, "o:", opts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (strcmp(optarg, "csv") != 0)
				return cli_usage(_("export writes --format csv "
						   "only, not '%s'"), optarg);
			break;
		case 'o': a->out = optarg; break;
		case CLI_OPT_FORCE: a->force = 1; break;
		case CLI_OPT_USER: a->user = optarg; break;
		case CLI_OPT_PWSTDIN: a->pw_stdin = 1; break;
		default: return export_usage();
		}
	}
	if (optind + 1 != c->argc || (a->force && a->out == NULL))
		return export_usage();
	if ((a->t = table_find(c->argv[optind])) == NULL ||
	    a->t->cols == reading_cols)
		return cli_usage(_("frontdesk can export houses, owners, "
				   "visits, requests, bills or payments, not "
				   "'%s'"), c->argv[optind]);
	if (a->user == NULL)
		return cli_usage(_("'%s' acts as a named user: add --user NAME"),
		    c->argv[0]);
	return 0;
}

/* Refuse an -o that would overwrite the database or an existing file. */
static int
export_check_out(const struct cli *c, const struct export_args *a)
{
	struct stat so, sd;

	if (a->out == NULL || stat(a->out, &so) != 0)
		return 0;
	if (strcmp(a->out, c->db_path) == 0 || (stat(c->db_path, &sd) == 0 &&
	    so.st_dev == sd.st_dev && so.st_ino == sd.st_ino))
		return cli_fail(_("the export must not overwrite the database "
				  "itself; choose another file"));
	if (!a->force)
		return cli_fail(_("%s already exists; add --force to replace "
				  "it"), a->out);
	return 0;
}

/* Personal data (owners, visits) is written for the owner's eyes only. */
static int
export_mode(const struct table *t)
{
	return t->cols == house_cols ? 0644 : 0600;
}

int
cmd_export(struct cli *c)
{
	struct export_args a = {0};
	struct export e = {.cfg = c->cfg};
	struct session s;
	struct db *db = NULL;
	char *tmp = NULL;
	FILE *fp = stdout;
	int rc, fd;

	if ((rc = export_parse(c, &a)) != 0 ||
	    (rc = export_check_out(c, &a)) != 0)
		return rc;
	if ((rc = cli_open_session(c, a.user, a.pw_stdin, &db, &s)) != 0)
		return rc;
	/* Refused before anything is written, the header included. */
	if (a.t->cols == request_cols) {
		if (session_require(&s, PERM_REQUEST_VIEW) != 0) {
			rc = cli_fail_err();
			goto out;
		}
	} else if (a.t->cols == bill_cols || a.t->cols == payment_cols) {
		if (session_require(&s, PERM_FEE_VIEW) != 0) {
			rc = cli_fail_err();
			goto out;
		}
	} else if (!session_may(&s, PERM_OWNER_VIEW) &&
	    (a.t->cols != visit_cols || !session_may(&s, PERM_VISIT_LOG))) {
		session_require(&s, PERM_OWNER_VIEW);
		rc = cli_fail_err();
		goto out;
	}
	if (a.out != NULL) {
		tmp = xasprintf("%s.tmp-%ld", a.out, (long)getpid());
		if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		    export_mode(a.t))) == -1 ||
		    (fp = fdopen(fd, "w")) == NULL) {
			rc = cli_fail(_("cannot write %s: %s"), a.out,
			    strerror(errno));
			if (fd != -1)
				close(fd);
			goto out;
		}
	}
	csv_writer_init(&e.w, fp);
	rc = export_rows(&s, a.t, &e);
	if (csv_writer_finish(&e.w) != 0 && rc == 0)
		rc = ERR_IO;
	if (fp != stdout) {
		int bad = fsync(fileno(fp)) != 0;

		if ((fclose(fp) != 0 || bad) && rc == 0)
			rc = err_set(ERR_IO, _("cannot write %s: %s"), a.out,
			    strerror(errno));
	}
	if (rc == 0 && tmp != NULL && rename(tmp, a.out) != 0)
		rc = err_set(ERR_IO, _("cannot write %s: %s"), a.out,
		    strerror(errno));
	if (rc != 0) {
		rc = cli_fail_err();
		if (tmp != NULL)
			unlink(tmp);
	} else if (a.out != NULL)
		printf(_("exported %ld rows to %s\n"), e.nrows, a.out);
out:
	free(tmp);
	cli_close_session(&db, &s);
	return rc;
}
