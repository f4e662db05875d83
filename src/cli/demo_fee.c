/*
 * demo_fee.c: the fee year of the demo estate.  The plan is made in memory
 * from the seed alone: for each house what it is billed every period (the
 * same arithmetic as core/fee.c), how it pays (monthly, by the quarter,
 * half-year or year in advance, late in batches, or stopping), when, how
 * (cash with change, WeChat, Alipay, card, transfer) and at which desk;
 * then the events are done through svc in time order, the clock set to
 * each.  Counts never depend on the day: every draw is made whatever
 * happens, and a time that would fall after now is pulled back before it.
 * Nothing here touches SQL.
 */
#include "cli/demo_fee.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/fee.h"
#include "core/household.h"
#include "core/houseno.h"
#include "core/money.h"
#include "db/db.h"
#include "db/house_db.h"
#include "svc/session.h"
#include "svc/svc_cashier.h"
#include "svc/svc_fee.h"
#include "svc/svc_owner.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define NPER_MAX 12
#define FLOAT_FEN 50000 /* the cashiers' float (备用金) */

/* ---- random numbers (splitmix64, as demo.c) ---------------------------- */

struct frng {
	uint64_t s;
};

static uint64_t
frng_next(struct frng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static int
frng_int(struct frng *r, int lo, int hi)
{
	return lo + (int)(frng_next(r) % (uint64_t)(hi - lo + 1));
}

/* ---- the plan ---------------------------------------------------------- */

enum ev_kind {
	EV_SETUP,     /* items and standards */
	EV_READINGS,  /* the water readings of a period */
	EV_BILLS,     /* the bills of a period */
	EV_ONCE,      /* a decoration management fee */
	EV_PAY,       /* a payment at the counter */
	EV_VOID_ASK,  /* a cashier asks to void a payment */
	EV_VOID_OK,   /* the director approves */
	EV_CLOSE,     /* a cashier closes a day */
	EV_REVIEW,    /* the director reviews a close */
	EV_REMIND,    /* reception chases arrears */
};

/* One thing done, at its time. */
struct ev {
	int64_t at;
	int seq;             /* planning order, for equal times */
	enum ev_kind kind;
	int house;           /* index into houses */
	int period;          /* index into per[] */
	int cashier;         /* 0 cashier, 1 cashier2 */
	int method;          /* enum pay_method; EV_REMIND: remind_method */
	int64_t amount_fen;
	int64_t tendered_fen; /* cash: given; else -1 */
	int ref;             /* EV_VOID_*: the payment event; EV_REVIEW:
				the close event */
	int text;            /* a word list index */
	char day[DATE_BUFSZ]; /* EV_CLOSE */
	int64_t diff_fen;    /* EV_CLOSE: counted - expected */
};

/* A house as the plan sees it. */
struct fhouse {
	struct houseno no;
	enum house_use use;
	int64_t area_centi;
	const char *code;     /* the demo's string */
	int64_t id;           /* once looked up */
	int metered;
	int64_t start;        /* the first reading, hundredths */
	int64_t usage[NPER_MAX];
	int replaced;         /* period of a meter replacement, or -1 */
	int64_t split;        /* that period: usage on the old meter */
	int64_t amount[NPER_MAX]; /* billed each period */
	int once;             /* period of a decoration fee, or -1 */
};

struct demo_fee {
	struct frng rng;
	int64_t now;
	int64_t start;
	struct fd_date today;
	struct fd_period per[NPER_MAX];
	int k0;               /* first period billed (0, or 9 when large) */
	struct fhouse *h;
	int nh;
	struct ev *ev;
	int nev, aev, seq;
	int64_t *id_of;       /* by event: payment, void or close id */
	int next;
	int looked_up;
	int64_t item[5];      /* ids: home, shop, water, parking, decoration */
	struct demo_fee_stats st;
};

/* The items: name, kind, unit, applies, price from the first period. */
static const struct {
	const char *name, *kind, *unit, *applies, *price;
} items[5] = {
	{"物业服务费", "area", "", "use:residence use:storeroom", "1.80"},
	{"商铺物业服务费", "area", "", "use:shop", "3.50"},
	{"水费", "metered", "吨", "use:residence use:shop", "3.45"},
	{"车位管理费", "fixed", "", "use:parking", "150"},
	{"装修管理费", "once", "", "all", "500"},
};

/* The price rise of the homes' service fee, from the seventh period. */
#define RISE_PERIOD 6
#define RISE_PRICE "1.95"

static const char *const void_reasons[] = {
	"收错了房号，应为同单元另一户", "金额输入错误，多收了",
	"业主重复缴费，申请退回", "收款方式选错，应为微信",
};
static const char *const close_reasons[] = {
	"找零时少找了五角", "一张十元纸币破损未收", "零钱不足，欠业主一元待补",
};
static const char *const remind_results[] = {
	"业主说下周来交", "电话无人接听", "业主对维修不满意，拒交",
	"已送达，业主签收", "业主在外地，答应月底转账",
	"家中无人，通知单塞入门缝",
};

/* Local unix time of day d at hh:mm. */
static int64_t
at_time(const struct fd_date *d, int hh, int mm)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = d->y - 1900;
	tm.tm_mon = d->m - 1;
	tm.tm_mday = d->d;
	tm.tm_hour = hh;
	tm.tm_min = mm;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

/* The local day of unix time t. */
static void
day_of(int64_t t, struct fd_date *d)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	d->y = tm.tm_year + 1900;
	d->m = tm.tm_mon + 1;
	d->d = tm.tm_mday;
}

int64_t
demo_fee_start(int64_t now)
{
	struct fd_date d;
	struct fd_period p;
	int i;

	day_of(now, &d);
	date_period_of(&d, &p);
	for (i = 0; i < NPER_MAX; i++)
		date_period_prev(&p, &p);
	date_period_first(&p, &d);
	return at_time(&d, 8, 0);
}

/* Add an event; returns its index. */
static int
add_ev(struct demo_fee *f, enum ev_kind kind, int64_t at)
{
	struct ev *e;

	if (f->nev == f->aev) {
		f->aev = f->aev ? f->aev * 2 : 1024;
		f->ev = xreallocarray(f->ev, (size_t)f->aev, sizeof *f->ev);
	}
	e = &f->ev[f->nev];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	e->at = at < f->now - 1 ? at : f->now - 1;
	e->seq = f->seq++;
	e->tendered_fen = -1;
	return f->nev++;
}

/* When the bills of period k are made: the 1st of the next month, 08:30. */
static int64_t
gen_time(const struct demo_fee *f, int k)
{
	struct fd_period next;
	struct fd_date d;
	int64_t t;

	date_period_next(&f->per[k], &next);
	date_period_first(&next, &d);
	t = at_time(&d, 8, 30);
	return t < f->now - 600 ? t : f->now - 600;
}

/* The price of the homes' service fee in period k. */
static int64_t
home_price(const struct demo_fee *f, int k)
{
	(void)f;
	return k >= RISE_PERIOD ? 19500 : 18000;
}

/* What house h is billed in period k (as core/fee.c computes it). */
static int64_t
bill_of(const struct demo_fee *f, const struct fhouse *h, int k)
{
	struct fee_basis b;
	int64_t q, a, total = 0;

	memset(&b, 0, sizeof b);
	b.area_centi = h->area_centi;
	switch (h->use) {
	case HOUSE_USE_RESIDENCE:
	case HOUSE_USE_STOREROOM:
		b.kind = FEE_AREA;
		b.price_e4 = home_price(f, k);
		break;
	case HOUSE_USE_SHOP:
		b.kind = FEE_AREA;
		b.price_e4 = 35000;
		break;
	default:
		b.kind = FEE_FIXED;
		b.price_e4 = 1500000;
	}
	if (fee_line_amount(&b, &q, &a) == 0)
		total += a;
	if (h->metered) {
		b.kind = FEE_METERED;
		b.price_e4 = 34500;
		b.usage_centi = h->usage[k];
		if (fee_line_amount(&b, &q, &a) == 0)
			total += a;
	}
	if (h->once == k)
		total += 50000;
	return total;
}

/* The house's water and what it is billed, every period. */
static void
plan_house(struct demo_fee *f, struct fhouse *h)
{
	int base, k;

	h->metered = h->use == HOUSE_USE_RESIDENCE || h->use == HOUSE_USE_SHOP;
	h->start = (int64_t)frng_int(&f->rng, 0, 3000) * 100;
	base = h->use == HOUSE_USE_SHOP ? frng_int(&f->rng, 15, 40) :
	    frng_int(&f->rng, 5, 20);
	for (k = 0; k < NPER_MAX; k++)
		h->usage[k] = (int64_t)(base * frng_int(&f->rng, 70, 130) / 100 +
		    1) * 100;
	h->replaced = frng_int(&f->rng, 0, 199) < 12 ?
	    frng_int(&f->rng, f->k0, NPER_MAX - 1) : -1;
	h->split = h->usage[h->replaced < 0 ? 0 : h->replaced] / 2;
	h->once = h->use == HOUSE_USE_RESIDENCE && frng_int(&f->rng, 0, 99) < 2 ?
	    frng_int(&f->rng, f->k0, NPER_MAX - 1) : -1;
	for (k = f->k0; k < NPER_MAX; k++)
		h->amount[k] = bill_of(f, h, k);
}

/*
 * A time at the counter off0..off1 days after gen: a past day in office
 * hours (08:40-16:50), today before now.  Always three draws.
 */
static int64_t
counter_time(struct demo_fee *f, int64_t gen, int off0, int off1)
{
	struct fd_date gd, d;
	int32_t span;
	int off = frng_int(&f->rng, off0, off1);
	int minute = frng_int(&f->rng, 8 * 60 + 40, 16 * 60 + 50);
	int64_t u = frng_int(&f->rng, 1, 999), lo, t;

	day_of(gen, &gd);
	span = date_diff(&gd, &f->today);
	if (off > span)
		off = span;
	date_add_days(&gd, off, &d);
	if (date_cmp(&d, &f->today) < 0) {
		t = at_time(&d, minute / 60, minute % 60);
		return t > gen ? t : gen + 60;
	}
	/* today: in office hours when they have begun, else since midnight */
	lo = at_time(&d, 8, 40);
	if (lo >= f->now - 60)
		lo = at_time(&d, 0, 0);
	if (lo <= gen)
		lo = gen + 1;
	if (lo >= f->now - 1)
		return f->now - 1;
	t = lo + (f->now - 1 - lo) * u / 1000;
	return t;
}

/* A payment event of amount at time t; cash is given rounded up. */
static int
plan_pay(struct demo_fee *f, int house, int k, int64_t t, int64_t amount)
{
	static const int methods[] = {PAY_CASH, PAY_CASH, PAY_CASH, PAY_CASH,
	    PAY_WECHAT, PAY_WECHAT, PAY_WECHAT, PAY_ALIPAY, PAY_ALIPAY,
	    PAY_CARD, PAY_TRANSFER};
	int i = add_ev(f, EV_PAY, t), round;
	struct ev *e = &f->ev[i];

	e->house = house;
	e->period = k;
	e->cashier = frng_int(&f->rng, 0, 1);
	e->method = methods[frng_int(&f->rng, 0, 10)];
	e->amount_fen = amount;
	round = frng_int(&f->rng, 0, 2);
	if (e->method == PAY_CASH && round > 0) {
		int64_t unit = round == 1 ? 5000 : 10000;

		e->tendered_fen = (amount + unit - 1) / unit * unit;
	}
	return i;
}

/* A monthly payer: each period paid, some skipped or paid in part. */
static void
plan_monthly(struct demo_fee *f, int hi, int stop)
{
	struct fhouse *h = &f->h[hi];
	int64_t carry = 0, part;
	int k, pay, skip;

	for (k = f->k0; k < NPER_MAX; k++) {
		int64_t gen = gen_time(f, k), t;

		skip = frng_int(&f->rng, 0, 99) < 8;
		part = frng_int(&f->rng, 0, 99) < 4 ? h->amount[k] / 2 : 0;
		t = counter_time(f, gen, 0, 25);
		carry += h->amount[k];
		if (k >= stop || (skip && k < NPER_MAX - 1))
			continue;
		pay = plan_pay(f, hi, k, t, carry - part);
		carry = part;
		/* one payment in 300 is voided the next morning */
		if (frng_int(&f->rng, 0, 299) == 0) {
			struct fd_date d, next;
			int a, o;

			day_of(f->ev[pay].at, &d);
			date_add_days(&d, 1, &next);
			a = add_ev(f, EV_VOID_ASK, f->ev[pay].at + 300);
			o = add_ev(f, EV_VOID_OK, at_time(&next, 9, 30));
			f->ev[a].ref = pay;
			f->ev[a].cashier = f->ev[pay].cashier;
			f->ev[a].text = frng_int(&f->rng, 0, 3);
			f->ev[o].ref = a;
		}
	}
}

/* In advance: every `every` periods, the next `every` periods' bills. */
static void
plan_advance(struct demo_fee *f, int hi, int every)
{
	struct fhouse *h = &f->h[hi];
	int64_t sum;
	int k, j;

	for (k = f->k0; k < NPER_MAX; k += every) {
		for (sum = 0, j = k; j < k + every && j < NPER_MAX; j++)
			sum += h->amount[j];
		plan_pay(f, hi, k, counter_time(f, gen_time(f, k), 0, 10),
		    sum);
	}
}

/* Late payers: what is owed, every third period, weeks late. */
static void
plan_late(struct demo_fee *f, int hi)
{
	struct fhouse *h = &f->h[hi];
	int64_t owed = 0;
	int k;

	for (k = f->k0; k < NPER_MAX; k++) {
		owed += h->amount[k];
		if ((k - f->k0) % 3 != 2)
			continue;
		plan_pay(f, hi, k, counter_time(f, gen_time(f, k), 10, 40),
		    owed);
		owed = 0;
	}
}

/* Reminders of a house that stopped paying after period stop. */
static void
plan_reminders(struct demo_fee *f, int hi, int stop)
{
	struct fd_date d;
	int k, i;

	for (k = stop + 1; k < NPER_MAX; k++) {
		day_of(gen_time(f, k), &d);
		i = add_ev(f, EV_REMIND, at_time(&d, 10, 0) + 4 * 86400);
		f->ev[i].house = hi;
		f->ev[i].method = REMIND_NOTICE;
		f->ev[i].text = 5;
		i = add_ev(f, EV_REMIND, at_time(&d, 15, 0) + 14 * 86400);
		f->ev[i].house = hi;
		f->ev[i].method = k - stop > 3 ? REMIND_VISIT : REMIND_PHONE;
		f->ev[i].text = frng_int(&f->rng, 0, 4);
	}
}

/* How each house pays. */
static void
plan_payers(struct demo_fee *f)
{
	int hi, r, stop;

	for (hi = 0; hi < f->nh; hi++) {
		r = frng_int(&f->rng, 0, 99);
		stop = frng_int(&f->rng, f->k0 + 1, NPER_MAX - 2);
		if (r < 48)
			plan_monthly(f, hi, NPER_MAX);
		else if (r < 66)
			plan_advance(f, hi, 3);
		else if (r < 75)
			plan_advance(f, hi, 6);
		else if (r < 84)
			plan_advance(f, hi, NPER_MAX);
		else if (r < 95)
			plan_late(f, hi);
		else {
			plan_monthly(f, hi, stop);
			plan_reminders(f, hi, stop - 1);
		}
	}
}

static int
ev_cmp(const void *a, const void *b)
{
	const struct ev *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* A (cashier, day) that had something to close, and when it ended. */
struct cday {
	int cashier;
	char day[DATE_BUFSZ];
	int64_t last;   /* the last payment or refund */
};

static int
cday_cmp(const void *a, const void *b)
{
	const struct cday *x = a, *y = b;
	int c = strcmp(x->day, y->day);

	return c != 0 ? c : x->cashier - y->cashier;
}

/*
 * Closes of every cashier-day with payments or refunds, at 17:45 or after
 * the last of them, when that is before now (today stays open); the
 * director's review the next morning.
 */
static void
plan_closes(struct demo_fee *f, struct frng *r)
{
	struct cday *v = xcalloc((size_t)f->nev + 1, sizeof *v);
	struct fd_date d, next;
	int64_t close_at, last;
	int n = 0, i, j, c, ci;

	for (i = 0; i < f->nev; i++) {
		const struct ev *e = &f->ev[i];

		if (e->kind != EV_PAY && e->kind != EV_VOID_OK)
			continue;
		day_of(e->at, &d);
		date_format(v[n].day, sizeof v[n].day, &d);
		v[n].last = e->at;
		v[n++].cashier = e->kind == EV_PAY ? e->cashier :
		    f->ev[e->ref].cashier;
	}
	qsort(v, (size_t)n, sizeof *v, cday_cmp);
	for (i = 0; i < n; i = j) {
		last = v[i].last;
		for (j = i + 1; j < n && cday_cmp(&v[i], &v[j]) == 0; j++)
			if (v[j].last > last)
				last = v[j].last;
		date_parse(v[i].day, &d);
		/* drawn for every day, closed or not */
		ci = frng_int(r, 0, 99);
		c = frng_int(r, 0, 2);
		close_at = at_time(&d, 17, 45 + v[i].cashier);
		if (close_at <= last)
			close_at = last + 60;
		if (close_at >= f->now)
			continue;
		close_at = add_ev(f, EV_CLOSE, close_at);
		f->ev[close_at].cashier = v[i].cashier;
		snprintf(f->ev[close_at].day, sizeof f->ev[close_at].day, "%s",
		    v[i].day);
		if (ci < 4) {
			f->ev[close_at].text = c;
			f->ev[close_at].diff_fen = c == 0 ? -50 : c == 1 ?
			    -1000 : -100;
		}
		date_add_days(&d, 1, &next);
		if (at_time(&next, 9, 10) < f->now &&
		    at_time(&next, 9, 10) > f->ev[close_at].at) {
			ci = add_ev(f, EV_REVIEW, at_time(&next, 9, 10));
			f->ev[ci].ref = (int)close_at;
		}
	}
	free(v);
}

struct demo_fee *
demo_fee_plan(uint64_t seed, int64_t now, const struct house_in *houses,
    int nhouses)
{
	struct demo_fee *f = xcalloc(1, sizeof *f);
	struct frng closes;
	struct fd_period p;
	int i, k, u;

	f->rng.s = seed ^ UINT64_C(0xfee5fee5fee5fee5);
	closes.s = seed ^ UINT64_C(0xc105ec105ec105e5);
	f->now = now;
	f->start = demo_fee_start(now);
	day_of(now, &f->today);
	{
		struct fd_date d;

		day_of(f->start, &d);
		date_period_of(&d, &p);
	}
	for (k = 0; k < NPER_MAX; k++) {
		f->per[k] = p;
		date_period_next(&p, &p);
	}
	f->k0 = nhouses > DEMO_FEE_FULL_YEAR_HOUSES ? NPER_MAX - 3 : 0;
	f->st.periods = NPER_MAX - f->k0;
	f->h = xcalloc((size_t)nhouses + 1, sizeof *f->h);
	f->nh = nhouses;
	for (i = 0; i < nhouses; i++) {
		houseno_parse(houses[i].code, &f->h[i].no);
		area_parse(houses[i].area, &f->h[i].area_centi);
		u = HOUSE_USE_RESIDENCE;
		if (houses[i].use != NULL && houses[i].use[0] != '\0')
			household_parse(HH_HOUSE_USE, houses[i].use, &u);
		f->h[i].use = (enum house_use)u;
		f->h[i].code = houses[i].code;
		plan_house(f, &f->h[i]);
	}
	err_clear();
	add_ev(f, EV_SETUP, f->start);
	for (k = f->k0; k < NPER_MAX; k++) {
		struct fd_date last;

		date_period_last(&f->per[k], &last);
		i = add_ev(f, EV_READINGS, at_time(&last, 16, 0));
		if (f->ev[i].at > gen_time(f, k) - 60)
			f->ev[i].at = gen_time(f, k) - 60;
		f->ev[i].period = k;
		f->ev[add_ev(f, EV_BILLS, gen_time(f, k))].period = k;
	}
	for (i = 0; i < nhouses; i++)
		if (f->h[i].once >= 0) {
			k = add_ev(f, EV_ONCE, gen_time(f, f->h[i].once) + 1);
			f->ev[k].house = i;
			f->ev[k].period = f->h[i].once;
		}
	plan_payers(f);
	plan_closes(f, &closes);
	qsort(f->ev, (size_t)f->nev, sizeof *f->ev, ev_cmp);
	/* references were event indices before the sort: map them */
	{
		int *where = xcalloc((size_t)f->nev + 1, sizeof *where);

		for (i = 0; i < f->nev; i++)
			where[f->ev[i].seq] = i;
		for (i = 0; i < f->nev; i++)
			if (f->ev[i].kind == EV_VOID_ASK ||
			    f->ev[i].kind == EV_VOID_OK ||
			    f->ev[i].kind == EV_REVIEW)
				f->ev[i].ref = where[f->ev[i].ref];
		free(where);
	}
	f->id_of = xcalloc((size_t)f->nev + 1, sizeof *f->id_of);
	return f;
}

void
demo_fee_stats(const struct demo_fee *f, struct demo_fee_stats *st)
{
	*st = f->st;
}

void
demo_fee_free(struct demo_fee **pf)
{
	struct demo_fee *f = *pf;

	if (f == NULL)
		return;
	free(f->h);
	free(f->ev);
	free(f->id_of);
	free(f);
	*pf = NULL;
}

/* ---- doing it ---------------------------------------------------------- */

/* Say which event failed and why (a bug in this file). */
static int
ev_fail(const struct demo_fee *f, const struct ev *e, const char *what)
{
	char msg[512];

	snprintf(msg, sizeof msg, "%s", err_msg());
	(void)f;
	return err_set(err_code() != 0 ? err_code() : ERR_DB,
	    "demo fees: %s (event %d at %lld): %s", what, e->seq,
	    (long long)e->at, msg);
}

static int
do_setup(struct demo_fee *f, const struct demo_fee_actors *a)
{
	struct fee_item_in in;
	struct fd_date d;
	char day[DATE_BUFSZ];
	int i, rc;

	date_period_first(&f->per[0], &d);
	date_format(day, sizeof day, &d);
	for (i = 0; i < 5; i++) {
		memset(&in, 0, sizeof in);
		in.name = items[i].name;
		in.kind = items[i].kind;
		in.unit = items[i].unit;
		in.applies = items[i].applies;
		if ((rc = svc_fee_item_add(a->director, &in, &f->item[i])) != 0 ||
		    (rc = svc_fee_standard_add(a->director, f->item[i], day,
		    items[i].price)) != 0)
			return rc;
	}
	date_period_first(&f->per[RISE_PERIOD], &d);
	date_format(day, sizeof day, &d);
	return svc_fee_standard_add(a->director, f->item[0], day, RISE_PRICE);
}

/* The houses' ids, by their numbers. */
static int
look_up(struct demo_fee *f, struct db *db)
{
	struct house h;
	char code[HOUSENO_BUFSZ];
	int i, rc;

	for (i = 0; i < f->nh; i++) {
		memset(&h, 0, sizeof h);
		houseno_format(code, sizeof code, &f->h[i].no);
		if ((rc = house_db_get_by_code(db, code, &h)) != 0)
			return rc;
		f->h[i].id = h.id;
		house_release(&h);
	}
	f->looked_up = 1;
	return 0;
}

/* The water readings of period k, as one import. */
static int
do_readings(struct demo_fee *f, const struct demo_fee_actors *a, int k)
{
	struct reading_in *rows;
	int *lines, n = 0, i, j, rc;
	char period[DATE_PERIOD_BUFSZ], name[32], *num;
	int64_t prev, cur;

	date_period_format(period, sizeof period, &f->per[k]);
	rows = xcalloc((size_t)f->nh + 1, sizeof *rows);
	lines = xcalloc((size_t)f->nh + 1, sizeof *lines);
	num = xmalloc((size_t)f->nh * 4 * FEE_READING_BUFSZ + 1);
	for (i = 0; i < f->nh; i++) {
		struct fhouse *h = &f->h[i];
		char *p = num + (size_t)n * 4 * FEE_READING_BUFSZ;

		if (!h->metered)
			continue;
		/* where the meter stood: the start plus what ran since */
		for (prev = h->start, j = f->k0; j < k; j++)
			prev = j == h->replaced ? h->usage[j] - h->split :
			    prev + h->usage[j];
		rows[n].house = h->code;
		rows[n].item = items[2].name;
		rows[n].period = period;
		rows[n].confirm = 1;
		if (k == f->k0) {
			fee_reading_format(p, FEE_READING_BUFSZ, prev);
			rows[n].prev = p;
		}
		if (k == h->replaced) {
			fee_reading_format(p + FEE_READING_BUFSZ,
			    FEE_READING_BUFSZ, prev + h->split);
			rows[n].old_end = p + FEE_READING_BUFSZ;
			rows[n].new_start = "0";
			rows[n].replaced = "yes";
			cur = h->usage[k] - h->split;
		} else {
			cur = prev + h->usage[k];
		}
		fee_reading_format(p + 2 * FEE_READING_BUFSZ, FEE_READING_BUFSZ,
		    cur);
		rows[n].cur = p + 2 * FEE_READING_BUFSZ;
		lines[n] = n + 2;
		n++;
	}
	snprintf(name, sizeof name, "demo-readings-%s", period);
	rc = n > 0 ? svc_reading_import(a->cashier, rows, lines, n, name,
	    NULL) : 0;
	if (rc == 0)
		f->st.readings += n;
	free(num);
	free(rows);
	free(lines);
	return rc;
}

static int
do_pay(struct demo_fee *f, const struct demo_fee_actors *a, int i)
{
	const struct ev *e = &f->ev[i];
	struct pay_in in;
	struct pay_result r;
	char amount[MONEY_BUFSZ], given[MONEY_BUFSZ];
	int rc;

	memset(&in, 0, sizeof in);
	money_format_plain(amount, sizeof amount, e->amount_fen);
	in.house_id = f->h[e->house].id;
	in.amount = amount;
	in.method = fee_code(FEE_SET_METHOD, e->method);
	if (e->tendered_fen > 0) {
		money_format_plain(given, sizeof given, e->tendered_fen);
		in.tendered = given;
	}
	in.to_credit = 1;
	in.seen_payment_id = -1;
	rc = svc_pay(e->cashier ? a->cashier2 : a->cashier, &in, &r);
	if (rc == 0) {
		f->id_of[i] = r.payment_id;
		f->st.payments++;
	}
	return rc;
}

/* Close a cashier's day: counted = expected + the planned difference. */
static int
do_close(struct demo_fee *f, const struct demo_fee_actors *a, int i)
{
	const struct ev *e = &f->ev[i];
	struct session *s = e->cashier ? a->cashier2 : a->cashier;
	struct close_view v;
	char fl[MONEY_BUFSZ], counted[MONEY_BUFSZ];
	int64_t expected;
	int rc;

	if ((rc = svc_close_view(s, e->day, 0, &v)) != 0)
		return rc;
	rc = fee_expected_cash(FLOAT_FEN, v.sums.tendered_fen,
	    v.sums.change_fen, v.sums.refund_fen, &expected);
	close_view_release(&v);
	if (rc != 0)
		return rc;
	money_format_plain(fl, sizeof fl, FLOAT_FEN);
	money_format_plain(counted, sizeof counted, expected + e->diff_fen);
	if ((rc = svc_close_day(s, e->day, fl, counted, e->diff_fen != 0 ?
	    close_reasons[e->text] : "", &v)) != 0)
		return rc;
	f->id_of[i] = v.close.id;
	close_view_release(&v);
	f->st.closes++;
	return 0;
}

/* Do event i. */
static int
do_event(struct demo_fee *f, struct db *db, const struct demo_fee_actors *a,
    int i)
{
	const struct ev *e = &f->ev[i];
	struct bill_run run;
	char period[DATE_PERIOD_BUFSZ];
	int rc = 0;

	date_period_format(period, sizeof period, &f->per[e->period]);
	switch (e->kind) {
	case EV_SETUP:
		return do_setup(f, a);
	case EV_READINGS:
		return do_readings(f, a, e->period);
	case EV_BILLS:
		if ((rc = svc_bill_generate(a->director, period, NULL, NULL,
		    &run)) == 0)
			f->st.bills += (int)run.created;
		return rc;
	case EV_ONCE:
		if ((rc = svc_bill_once(a->cashier, f->h[e->house].id,
		    f->item[4], period, NULL)) == 0)
			f->st.bills++;
		return rc;
	case EV_PAY:
		return do_pay(f, a, i);
	case EV_VOID_ASK:
		return svc_void_request(e->cashier ? a->cashier2 : a->cashier,
		    f->id_of[e->ref], void_reasons[e->text], &f->id_of[i]);
	case EV_VOID_OK:
		if ((rc = svc_void_decide(a->director, f->id_of[e->ref], 1,
		    "已核实")) == 0)
			f->st.voids++;
		return rc;
	case EV_CLOSE:
		return do_close(f, a, i);
	case EV_REVIEW:
		return svc_close_review(a->director, f->id_of[e->ref], NULL);
	case EV_REMIND:
		if ((rc = svc_reminder_add(a->reception, f->h[e->house].id,
		    fee_code(FEE_SET_REMIND, e->method),
		    remind_results[e->text], NULL)) == 0)
			f->st.reminders++;
		return rc;
	}
	(void)db;
	return 0;
}

int
demo_fee_run(struct demo_fee *f, struct db *db,
    const struct demo_fee_actors *a, int64_t until)
{
	int rc;

	for (; f->next < f->nev && f->ev[f->next].at < until; f->next++) {
		if (!f->looked_up && f->ev[f->next].kind != EV_SETUP &&
		    (rc = look_up(f, db)) != 0)
			return ev_fail(f, &f->ev[f->next], "houses");
		clock_fake(f->ev[f->next].at);
		if ((rc = do_event(f, db, a, f->next)) != 0)
			return ev_fail(f, &f->ev[f->next], "event");
	}
	return 0;
}
