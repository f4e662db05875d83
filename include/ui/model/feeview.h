/*
 * feeview.h: the fee screens' logic without curses: rates as percentages
 * rounded half-up, the columns of the arrears list for the width there is
 * (money is never cut: columns are left out instead, least useful first),
 * its cells, order and '/' match, and the monthly report (月报) laid out as
 * lines with its formulas, and a text (a reminder notice) as lines for a
 * scrolling preview.
 */
#ifndef FD_UI_MODEL_FEEVIEW_H
#define FD_UI_MODEL_FEEVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "svc/svc_fee.h"
#include "ui/model/listmodel.h"

#define FEEVIEW_PCT_BUFSZ 16

/*
 * num of den as a percentage with decimals (0..2) decimals, rounded
 * half-up: (8765, 10000, 1) -> "87.7%", (2, 3, 2) -> "66.67%"; den 0 ->
 * "-".  OUT: buf (FEEVIEW_PCT_BUFSZ).  Returns 0, or ERR_INVALID for a
 * negative number, decimals out of range or a too small buf ("" then).
 */
int feeview_pct(char *buf, size_t bufsz, int64_t num, int64_t den,
    int decimals);

/* ---- the arrears list ----------------------------------------------------- */

/* The views of the arrears screen (Tab steps through them). */
enum feeview_view {
	FV_BY_HOUSE,    /* one row per house */
	FV_BY_BUILDING, /* arrears added up per building */
	FV_BY_ITEM,     /* ... per fee item */
	FV_VIEW_COUNT
};

/* The columns of the arrears list, in the order they are shown. */
enum feeview_col {
	FVC_HOUSE,   /* house view: 3-2-1502 */
	FVC_NAME,    /* group views: 3 号楼, 物业服务费 */
	FVC_OWNERS,  /* house view: 张三、李四 */
	FVC_HOUSES,  /* group views: houses that owe */
	FVC_AGE0,    /* 0-30 days (and not yet due) */
	FVC_AGE1,    /* 31-90 days */
	FVC_AGE2,    /* 91-180 days */
	FVC_AGE3,    /* over 180 days */
	FVC_TOTAL,   /* all of it */
	FVC_SHARE,   /* group views: share of all arrears, one decimal */
	FVC_BILLS,   /* house view: open bills */
	FVC_OLDEST,  /* house view: the oldest due day */
	FVC_STAGE,   /* house view: the furthest reminder (催缴阶段) */
	FVC_LAST,    /* house view: the last reminder's day */
	FVC_COUNT
};

/* The columns chosen for a view and width. */
struct feeview_cols {
	int id[LISTMODEL_MAXCOLS];            /* enum feeview_col, in order */
	struct listcol col[LISTMODEL_MAXCOLS]; /* titles translated */
	int n;
};

/*
 * Choose the columns of view for a list width columns wide: the money
 * columns as wide as max_fen formatted needs (at least 9), the rest by
 * priority (house or name and total first; owners, stage, bills, oldest
 * due and last reminder as room allows) while they fit, shown in enum
 * order.  OUT: *c.
 */
void feeview_cols(struct feeview_cols *c, enum feeview_view view, int width,
    int64_t max_fen);

/* The largest money amount a view shows (for feeview_cols()). */
int64_t feeview_max_fen(const struct arrears_report *r, enum feeview_view view);

/* The short label of a reminder stage: 通知单 电话 上门 函件; "-" for -1. */
const char *feeview_stage(int stage);

/* The text of column col of a house.  OUT: buf (64 bytes will do; longer
 * owners are cut to bufsz). */
void feeview_house_cell(char *buf, size_t bufsz, const struct arrears_house *h,
    int col);

/* The text of column col of a group of view (its share of total). */
void feeview_group_cell(char *buf, size_t bufsz, const struct arrears_group *g,
    enum feeview_view view, const struct fee_ageing *total, int col);

/*
 * Order idx[0..n) (indexes into v) by column col, descending when desc;
 * ties keep the house number order (a stable sort).  Columns without an
 * order (owners) sort by owners' names.
 */
void feeview_sort(const struct arrears_house *v, int *idx, int n, int col,
    int desc);

/* 1 when house h matches what was typed after '/': part of its number or
 * of an owner's name (full-width digits as ASCII, ASCII case ignored);
 * "" matches every house. */
int feeview_match(const struct arrears_house *h, const char *text);

/* ---- line documents (the monthly report, a notice) ----------------------- */

/* How a line looks. */
enum feeview_style {
	FVS_TEXT,    /* plain */
	FVS_HEADING, /* a heading */
	FVS_COLHEAD, /* a table's column titles */
	FVS_TOTAL,   /* a total */
	FVS_DIM,     /* notes */
};

/* One line. */
struct feeview_line {
	char *text;                /* UTF-8, at most the width */
	enum feeview_style style;
};

/* Lines; free with feeview_doc_release(). */
struct feeview_doc {
	struct feeview_line *lines;
	int n, cap;
	int width;                 /* the widest line, in columns */
};

void feeview_doc_release(struct feeview_doc *doc);

/*
 * The monthly report m laid out in width columns (at least 40): the table
 * by item, the table by building, the totals, then the three rates each
 * with its formula and numbers (收缴率 by amount and by household,
 * 清缴率) and what "collected" means.  roomy: a blank line between the
 * parts (when the screen has room); else compact, so that a usual report
 * fits 80x24.  OUT: *doc.
 */
void feeview_month_doc(struct feeview_doc *doc,
    const struct monthly_report *m, int width, int roomy);

/* A text (a reminder notice) as lines, cut at width columns, tabs and
 * control characters as spaces.  OUT: *doc. */
void feeview_text_doc(struct feeview_doc *doc, const char *text, int width);

/*
 * Scroll a document of n lines shown in rows: top moved by delta (pages
 * are the caller's rows), kept within 0..n-rows.  Returns the new top.
 */
int feeview_scroll(int top, int delta, int n, int rows);

#endif
