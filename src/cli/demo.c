/*
 * demo.c: the sample estate of `frontdesk demo --households N`.
 *
 * First a plan is made in memory from the seed alone (and the day): an
 * estate of residential buildings (1-4 entrances, 6-33 floors, 2-4 homes a
 * floor; bigger buildings for big estates), shops, storerooms and parking
 * spaces; owners with surnames drawn by their frequency in China, given
 * names of their generation, real ID numbers (region code, birth date,
 * sequence with the sex's parity, check character) that never repeat,
 * mobile numbers, some companies; the developer holding the unsold parking
 * spaces; family members and tenants; four weeks of visits at the desk;
 * thirteen weeks of service requests (工单) in every state, with their
 * dispatches, holds, notes, hand-overs, resolutions, callbacks (some
 * unsatisfied and reworked), closings and the director's classifications
 * and daily sign-offs.  Then the plan goes into the database through svc
 * (imports, occupant, visit and request functions), every action at its
 * own time, all of it in one transaction, so a demo is whole or not there.
 * Nothing here touches SQL.
 *
 * The same seed gives the same demo on the same day; on another day the
 * same counts: every day of the history has the same number of requests,
 * and what became of each is fixed from its day and the seed alone (a step
 * that would fall today or later is not taken).
 */
#include "cli/demo.h"
#include "cli/demo_fee.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "core/household.h"
#include "core/idcard.h"
#include "db/db.h"
#include "db/house_db.h"
#include "db/request_db.h"
#include "svc/session.h"
#include "svc/svc_admin.h"
#include "svc/svc_owner.h"
#include "svc/svc_request.h"
#include "svc/svc_visit.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Days of history: houses and people are dated this far back (13 weeks). */
#define DEMO_DAYS 91
/* Days of visits, the last of the history (4 weeks: 8 weekend days). */
#define DEMO_VISIT_DAYS 28

/* ---- random numbers (splitmix64: the same on every machine) --------------- */

struct rng {
	uint64_t s;
};

static uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A number from lo to hi, both included. */
static int
rng_int(struct rng *r, int lo, int hi)
{
	return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* 1 with a chance of pct in 100. */
static int
rng_pct(struct rng *r, int pct)
{
	return rng_int(r, 0, 99) < pct;
}

/* One of n strings. */
#define PICK(r, a) ((a)[rng_int((r), 0, (int)(sizeof(a) / sizeof((a)[0])) - 1)])

/* A string with a weight. */
struct weighted {
	const char *s;
	int w;
};

static const char *
rng_weighted(struct rng *r, const struct weighted *v, int n)
{
	int total = 0, i, x;

	for (i = 0; i < n; i++)
		total += v[i].w;
	x = rng_int(r, 0, total - 1);
	for (i = 0; i < n - 1 && x >= v[i].w; i++)
		x -= v[i].w;
	return v[i].s;
}

#define WPICK(r, a) rng_weighted((r), (a), (int)(sizeof(a) / sizeof((a)[0])))

/* ---- the word lists --------------------------------------------------------- */

/* Surnames, per 10,000 people (China, 2020 census order). */
static const struct weighted surnames[] = {
	{"王", 710}, {"李", 700}, {"张", 670}, {"刘", 540}, {"陈", 460},
	{"杨", 310}, {"黄", 220}, {"赵", 200}, {"吴", 200}, {"周", 190},
	{"徐", 150}, {"孙", 150}, {"马", 140}, {"朱", 130}, {"胡", 120},
	{"郭", 110}, {"何", 110}, {"林", 100}, {"高", 100}, {"罗", 90},
	{"郑", 90}, {"梁", 80}, {"谢", 70}, {"宋", 60}, {"唐", 60},
	{"许", 60}, {"韩", 60}, {"冯", 60}, {"邓", 60}, {"曹", 50},
	{"彭", 50}, {"曾", 50}, {"肖", 50}, {"田", 50}, {"董", 50},
	{"袁", 40}, {"潘", 40}, {"于", 40}, {"蒋", 40}, {"蔡", 40},
	{"余", 40}, {"杜", 40}, {"叶", 40}, {"程", 40}, {"苏", 30},
	{"魏", 30}, {"吕", 30}, {"丁", 30}, {"任", 30}, {"沈", 30},
	{"姚", 30}, {"卢", 30}, {"姜", 30}, {"崔", 30}, {"钟", 30},
	{"谭", 30}, {"陆", 30}, {"汪", 30}, {"范", 30}, {"金", 30},
	{"石", 30}, {"廖", 30}, {"贾", 30}, {"夏", 30}, {"韦", 20},
	{"付", 20}, {"方", 20}, {"白", 20}, {"邹", 20}, {"孟", 20},
	{"熊", 20}, {"秦", 20}, {"邱", 20}, {"江", 20}, {"尹", 20},
	{"薛", 20}, {"闫", 20}, {"段", 20}, {"雷", 20}, {"侯", 20},
	{"龙", 20}, {"史", 20}, {"陶", 20}, {"黎", 20}, {"贺", 20},
	{"顾", 20}, {"毛", 20}, {"郝", 20}, {"龚", 20}, {"邵", 20},
	{"万", 20}, {"钱", 20}, {"严", 10}, {"覃", 10}, {"武", 10},
	{"戴", 10}, {"莫", 10}, {"孔", 10}, {"向", 10}, {"汤", 10},
	{"欧阳", 3}, {"司马", 1}, {"诸葛", 1}, {"上官", 1},
};

/* Given names of people born before 1975. */
static const char *const old_male[] = {
	"建国", "建华", "建军", "国强", "国庆", "志强", "志明", "志刚",
	"德明", "德华", "卫东", "红兵", "振华", "海军", "保国", "长江",
	"文斌", "立新", "秋生", "福生", "学文", "光明",
};
static const char *const old_female[] = {
	"秀英", "桂英", "秀兰", "玉兰", "桂兰", "淑珍", "凤英", "玉珍",
	"玉梅", "秀珍", "丽华", "淑华", "桂芳", "春梅", "美华", "素芬",
	"金凤", "爱华", "红梅", "月娥",
};
/* Characters of names given 1975-2004: first of two, and single. */
static const char *const mid_first_male[] = {
	"文", "志", "俊", "明", "建", "海", "晓", "家", "永", "宏", "振",
	"国", "天", "浩", "嘉", "子",
};
static const char *const mid_male[] = {
	"伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平",
	"辉", "鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健",
	"俊", "帆", "旭", "宁", "龙", "林", "洋", "峰", "亮", "东", "晨",
	"阳",
};
static const char *const mid_first_female[] = {
	"晓", "雅", "丽", "佳", "婉", "欣", "雨", "思", "美", "秀", "春",
	"海", "慧", "静", "丹", "梦",
};
static const char *const mid_female[] = {
	"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "琳",
	"晶", "燕", "红", "玲", "倩", "颖", "慧", "洁", "佳", "丹", "萍",
	"莉",
};
/* Given names of children born since 2005. */
static const char *const kid_male[] = {
	"子轩", "浩宇", "宇轩", "浩然", "一诺", "俊熙", "沐辰", "思源",
	"奕辰", "皓轩", "梓豪", "宇航", "子墨", "博文", "睿泽", "铭轩",
};
static const char *const kid_female[] = {
	"梓涵", "欣怡", "雨桐", "诗涵", "梓萱", "子涵", "若汐", "语桐",
	"可馨", "佳怡", "一诺", "思琪", "梦瑶", "雨萱", "紫涵", "欣妍",
};

/* Region codes of ID numbers: mostly the city of the estate (信阳). */
static const struct weighted regions[] = {
	{"411502", 30}, {"411503", 20}, {"411521", 6}, {"411522", 6},
	{"411523", 4}, {"411524", 5}, {"411525", 8}, {"411526", 6},
	{"411527", 4}, {"411528", 5}, {"410102", 3}, {"410105", 3},
	{"410122", 2}, {"420102", 2}, {"420111", 2}, {"340102", 1},
	{"320102", 1}, {"110105", 1}, {"310115", 1}, {"440305", 2},
	{"510107", 1}, {"610113", 1},
};

/* Mobile number prefixes. */
static const char *const mobile_prefixes[] = {
	"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
	"151", "152", "155", "156", "157", "158", "159", "166", "173", "175",
	"176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
	"188", "189", "191", "198", "199",
};

/* Parts of company names. */
static const char *const co_words[] = {
	"宏达", "鑫源", "华信", "金鼎", "瑞丰", "恒通", "佳和", "永盛",
	"中原", "天顺", "茗香", "豫南", "博雅", "万家",
};
static const char *const co_trades[] = {
	"商贸", "餐饮管理", "科技", "贸易", "物流", "文化传媒", "医药连锁",
	"教育咨询", "茶业", "建材",
};

static const char *const owner_notes[] = {
	"业主在外地工作，联系请先打电话2", "老人独居，请多关照",
	"家中有宠物犬一只，已登记", "业主要求纸质账单邮寄",
	"房屋已抵押，过户需银行同意", "业主为退休教师，下午在家",
};

/* What visitors say, by purpose, and what the desk did. */
struct visit_text {
	const char *content;
	const char *outcome;
};

static const struct visit_text said_consult[] = {
	{"咨询物业费缴纳方式，是否可以微信支付", "已告知，可在前台或微信缴费"},
	{"询问小区停车位租赁价格", "已说明月租价格和办理流程"},
	{"咨询装修申请需要准备的材料", "已发放装修申请表和须知"},
	{"询问本周停水通知的具体时间", "已告知停水时间为周三9:00-15:00"},
	{"咨询办理门禁卡的流程", "已告知需带身份证和房产证复印件"},
	{"咨询房屋出租需要登记的手续", "已告知租户信息需到前台登记"},
};
static const struct visit_text said_repair[] = {
	{"厨房水管漏水，楼下已经渗水", "已派维修工，今天下午上门"},
	{"卫生间下水道堵塞", "已登记，明天上午处理"},
	{"入户门锁坏了，钥匙拧不动", "已联系开锁师傅，约定晚上六点"},
	{"楼道灯不亮", "已派电工更换灯泡"},
	{"客厅插座没电", "已派电工上门检查"},
	{"电梯按钮失灵", "已通知电梯维保单位"},
	{"阳台窗户关不严，漏风", "已登记，等业主约时间"},
};
static const struct visit_text said_complaint[] = {
	{"楼上夜间噪音扰民", "已上门沟通，对方表示会注意"},
	{"有车辆乱停，堵住单元门口", "已安排保安联系车主挪车"},
	{"楼道堆放杂物，存在消防隐患", "已通知清理，明天复查"},
	{"邻居遛狗不牵绳", "已上门提醒，并在群里发文明养犬通知"},
	{"垃圾清运不及时，有异味", "已通知保洁加派人手"},
	{"维修人员没有按约定时间上门", "已向主任汇报，明天回复业主"},
};
static const struct visit_text said_business[] = {
	{"办理门禁卡", "已办理"},
	{"开具物业费缴费证明", "已开具证明"},
	{"办理装修押金退还", "已提交财务，三个工作日内退还"},
	{"办理车位月卡", "已办结"},
	{"登记新入住租户信息", "已登记"},
	{"借用社区活动室", "材料不全，请补充后再来"},
};
static const struct visit_text said_other[] = {
	{"捡到一串钥匙，交到前台", "已登记，等待失主认领"},
	{"送来锦旗表示感谢", "已转交主任"},
	{"快递员找不到收件地址", "已指路"},
	{"询问附近有没有菜市场", "已告知"},
};

/* ---- the plan ------------------------------------------------------------- */

/* A small arena for the plan's strings: freed all at once. */
struct arena {
	char **blocks;
	int n;
	size_t used; /* in the last block */
};

#define ARENA_BLOCK ((size_t)64 * 1024)

static const char *
arena_add(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p;

	if (a->n == 0 || a->used + n > ARENA_BLOCK) {
		a->blocks = xreallocarray(a->blocks, (size_t)a->n + 1,
		    sizeof *a->blocks);
		a->blocks[a->n++] = xmalloc(n > ARENA_BLOCK ? n : ARENA_BLOCK);
		a->used = 0;
	}
	p = a->blocks[a->n - 1] + a->used;
	memcpy(p, s, n);
	a->used += n;
	return p;
}

static const char * __attribute__((format(printf, 2, 3)))
arena_printf(struct arena *a, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return arena_add(a, buf);
}

static void
arena_free(struct arena *a)
{
	int i;

	for (i = 0; i < a->n; i++)
		free(a->blocks[i]);
	FREE(&a->blocks);
	a->n = 0;
}

/* What became of a house. */
enum demo_status {
	DS_UNSOLD,  /* still the developer's or nobody's */
	DS_LIVED,   /* the owner's family lives there */
	DS_LET,     /* let to tenants */
	DS_EMPTY,   /* sold, nobody moved in yet */
	DS_DECOR,   /* being decorated */
};

/* The people of one house, for the visits. */
struct demo_meta {
	enum demo_status status;
	int residence;   /* 1 for a home */
	int own0, nown;  /* its lines in owners[] */
	int occ0, nocc;  /* its occupants in occs[] */
};

/* A planned occupant. */
struct demo_occ {
	int house;             /* index in houses[] */
	struct occupant_in in;
};

/* A planned visit. */
struct demo_visit {
	int64_t at;
	int director;          /* received by the director, not reception */
	struct visit_in in;
};

/* A planned service request. */
struct demo_req {
	struct request_in in;
	int director;          /* registered by the director */
	int64_t id;            /* once registered */
};

/* What happens at one moment. */
enum demo_step_kind {
	STEP_VISIT,            /* visits[idx] is logged */
	STEP_REQUEST,          /* reqs[idx] gets act */
	STEP_SIGNOFF,          /* the director signs off day text */
};

/* One thing done at the desk, at its time. */
struct demo_step {
	int64_t at;
	int seq;               /* order of planning, for equal times */
	enum demo_step_kind kind;
	int idx;
	enum req_action act;
	int arg;               /* callback result, valid, to_owner */
	const char *text;      /* note, resolution, reason, comment, day */
	const char *text2;     /* department, handler, until */
	int director;          /* done by the director */
};

/* A person made up for the plan. */
struct person {
	const char *surname;
	const char *name;
	const char *phone;
	const char *id_no;     /* "" for none */
	int male;
	int age;               /* years */
	int born;              /* year of birth: the estate's year - age */
};

/* Everything planned. */
struct demo {
	struct rng rng;        /* everything but ... */
	struct rng idrng;      /* ... ID numbers, which retry on a clash */
	struct arena ar;
	struct fd_date today;  /* the estate's day: DEMO_DAYS back */
	int64_t start, end;    /* unix times: the estate's day, now */

	struct house_in *houses;
	int *hlines;
	struct demo_meta *meta;
	int nhouses, ahouses;

	struct owner_import *owners;
	int *olines;
	int nowners, aowners;

	struct demo_occ *occs;
	int nocc, aocc;

	struct demo_visit *visits;
	int nvisits, avisits;

	struct rng reqrng;     /* the requests' own numbers */
	struct demo_req *reqs;
	int nreqs, areqs;
	struct demo_step *steps; /* visits, request actions, sign-offs */
	int nsteps, asteps;

	uint64_t *ids;         /* open-addressed set of ID numbers (17 digits) */
	size_t idcap, nids;

	int nbuildings;        /* residential */
	int ncompanies;
};

/* Grow *v (of *alloc elements of size sz) to hold n + 1. */
static void *
grow(void *v, int n, int *alloc, size_t sz)
{
	if (n < *alloc)
		return v;
	*alloc = *alloc ? *alloc * 2 : 1024;
	return xreallocarray(v, (size_t)*alloc, sz);
}

/* A date as "YYYY-MM-DD" in the arena, days after d. */
static const char *
day_str(struct demo *d, const struct fd_date *base, int days)
{
	struct fd_date x;
	char buf[DATE_BUFSZ];

	if (date_add_days(base, days, &x) != 0)
		x = *base;
	date_format(buf, sizeof buf, &x);
	return arena_add(&d->ar, buf);
}

/* A random day from a to b (day numbers). */
static struct fd_date
random_day(struct demo *d, int32_t a, int32_t b)
{
	struct fd_date x;

	if (b < a)
		b = a;
	date_from_days(a + (int32_t)rng_int(&d->rng, 0, (int)(b - a)), &x);
	return x;
}

/* ---- people --------------------------------------------------------------- */

/* One of a list, by a random number already drawn. */
#define NTH(x, a) ((a)[(x) % (sizeof(a) / sizeof((a)[0]))])

/*
 * A given name fitting the year of birth and sex.  Always three draws, so
 * that the numbers after it do not depend on the day the demo is made.
 */
static const char *
given_name(struct demo *d, int born, int male, char *buf, size_t bufsz)
{
	uint64_t x = rng_next(&d->rng), y = rng_next(&d->rng);
	int single = rng_pct(&d->rng, 30);

	if (born < 1975)
		snprintf(buf, bufsz, "%s", male ? NTH(x, old_male)
						: NTH(x, old_female));
	else if (born >= 2005)
		snprintf(buf, bufsz, "%s", male ? NTH(x, kid_male)
						: NTH(x, kid_female));
	else if (single)
		snprintf(buf, bufsz, "%s", male ? NTH(y, mid_male)
						: NTH(y, mid_female));
	else if (male)
		snprintf(buf, bufsz, "%s%s", NTH(x, mid_first_male),
		    NTH(y, mid_male));
	else
		snprintf(buf, bufsz, "%s%s", NTH(x, mid_first_female),
		    NTH(y, mid_female));
	return buf;
}

static const char *
mobile(struct demo *d)
{
	return arena_printf(&d->ar, "%s%04d%04d", PICK(&d->rng,
	    mobile_prefixes), rng_int(&d->rng, 0, 9999),
	    rng_int(&d->rng, 0, 9999));
}

/* Add key to the set of ID numbers; 0 when it was there already. */
static int
id_insert(struct demo *d, uint64_t key)
{
	size_t i, j;

	if (d->nids * 2 >= d->idcap) {
		uint64_t *old = d->ids;
		size_t oldcap = d->idcap;

		d->idcap = d->idcap ? d->idcap * 2 : 4096;
		d->ids = xcalloc(d->idcap, sizeof *d->ids);
		d->nids = 0;
		for (j = 0; j < oldcap; j++)
			if (old[j] != 0)
				id_insert(d, old[j]);
		free(old);
	}
	for (i = (size_t)(key * UINT64_C(0x9e3779b97f4a7c15) >> 20) &
	    (d->idcap - 1); d->ids[i] != 0; i = (i + 1) & (d->idcap - 1))
		if (d->ids[i] == key)
			return 0;
	d->ids[i] = key;
	d->nids++;
	return 1;
}

/* A real ID number, never made before: region, birth date, sequence. */
static const char *
id_number(struct demo *d, int born, int male)
{
	char buf[IDCARD_BUFSZ];
	struct fd_date birth, jan1 = {born, 1, 1}, dec31 = {born, 12, 31};
	int seq;

	if (date_cmp(&dec31, &d->today) > 0)
		dec31 = d->today;
	do {
		date_from_days(date_to_days(&jan1) + (int32_t)rng_int(&d->idrng,
		    0, (int)(date_to_days(&dec31) - date_to_days(&jan1))),
		    &birth);
		seq = rng_int(&d->idrng, 0, 499) * 2 + (male ? 1 : 0);
		snprintf(buf, sizeof buf, "%s%04d%02d%02d%03d",
		    WPICK(&d->idrng, regions), birth.y, birth.m, birth.d, seq);
	} while (!id_insert(d, strtoull(buf, NULL, 10)));
	buf[17] = idcard_check_char(buf);
	buf[18] = '\0';
	return arena_add(&d->ar, buf);
}

/*
 * A person of the given sex and age (surname NULL: any).  Ages, not years:
 * the plan has the same shape whatever the year.
 */
static struct person
person_of(struct demo *d, const char *surname, int age, int male,
    int with_id)
{
	struct person p;
	char given[32];
	int born = d->today.y - age;

	p.male = male;
	p.age = age;
	p.born = born;
	p.surname = surname != NULL ? surname : WPICK(&d->rng, surnames);
	given_name(d, born, male, given, sizeof given);
	p.name = arena_printf(&d->ar, "%s%s", p.surname, given);
	p.phone = age >= 12 ? mobile(d) : "";
	p.id_no = with_id ? id_number(d, born, male) : "";
	return p;
}

static struct person
person(struct demo *d, int age, int male, int with_id)
{
	return person_of(d, NULL, age, male, with_id);
}

/* ---- the estate ----------------------------------------------------------- */

/* Add one house to the plan; returns its index. */
static int
add_house(struct demo *d, int b, int e, int room, int64_t area_centi,
    enum house_use use, const char *notes)
{
	struct house_in *h;
	int i = d->nhouses;

	d->houses = grow(d->houses, d->nhouses, &d->ahouses, sizeof *d->houses);
	d->hlines = xreallocarray(d->hlines, (size_t)d->ahouses,
	    sizeof *d->hlines);
	d->meta = xreallocarray(d->meta, (size_t)d->ahouses, sizeof *d->meta);
	h = &d->houses[i];
	h->code = arena_printf(&d->ar, "%d-%d-%d", b, e, room);
	h->area = arena_printf(&d->ar, "%lld.%02lld",
	    (long long)(area_centi / 100), (long long)(area_centi % 100));
	h->use = household_code(HH_HOUSE_USE, use);
	h->state = NULL;
	h->notes = notes;
	d->hlines[i] = i + 1;
	memset(&d->meta[i], 0, sizeof d->meta[i]);
	d->meta[i].residence = use == HOUSE_USE_RESIDENCE;
	d->nhouses++;
	return i;
}

/* The residential buildings, until n homes are planned. */
static void
plan_residences(struct demo *d, int n)
{
	struct rng *r = &d->rng;
	int64_t areas[5];
	int made = 0, b = 0, big = n > 20000;

	while (made < n) {
		int ents, floors, units, e, f, u, kind = rng_int(r, 0, 3);

		b++;
		ents = big ? rng_int(r, 3, 8) : rng_int(r, 1, 4);
		floors = kind == 0 && !big ? 6 : kind == 1 && !big ? 11 :
		    kind == 2 ? 18 : rng_int(r, 24, 33);
		units = rng_int(r, 2, 4);
		for (u = 1; u <= units; u++) /* the same plan on every floor */
			areas[u] = rng_int(r, 6000, 18000);
		for (e = 1; e <= ents && made < n; e++)
			for (f = 1; f <= floors && made < n; f++)
				for (u = 1; u <= units && made < n; u++) {
					add_house(d, b, e, f * 100 + u,
					    areas[u], HOUSE_USE_RESIDENCE, "");
					made++;
				}
	}
	d->nbuildings = b;
}

/* Shops, storerooms and parking, in buildings after the homes. */
static void
plan_others(struct demo *d, int n)
{
	struct rng *r = &d->rng;
	int b = d->nbuildings, left, e, f, u;

	/* 商铺: two-storey shop rows along the street */
	for (left = n / 60 > 4 ? n / 60 : 4; left > 0;) {
		b++;
		for (f = 1; f <= 2 && left > 0; f++)
			for (u = 1; u <= 16 && left > 0; u++, left--)
				add_house(d, b, 1, f * 100 + u,
				    rng_int(r, 3000, 30000), HOUSE_USE_SHOP,
				    f == 1 ? "临街" : "");
	}
	/* 储藏室: one floor of storerooms */
	for (left = n / 20 > 2 ? n / 20 : 2; left > 0;) {
		b++;
		for (e = 1; e <= 4 && left > 0; e++)
			for (u = 1; u <= 60 && left > 0; u++, left--)
				add_house(d, b, e, 100 + u,
				    rng_int(r, 500, 2000),
				    HOUSE_USE_STOREROOM, "");
	}
	/* 车位: an underground garage, zones as entrances, B1 and B2 */
	for (left = n / 4 > 10 ? n / 4 : 10; left > 0;) {
		b++;
		for (e = 1; e <= 4 && left > 0; e++)
			for (f = 1; f <= 2 && left > 0; f++)
				for (u = 1; u <= 99 && left > 0; u++, left--)
					add_house(d, b, e, f * 100 + u,
					    rng_int(r, 1200, 1650),
					    HOUSE_USE_PARKING,
					    f == 1 ? "地下一层" : "地下二层");
	}
}

/* ---- owners and occupants ------------------------------------------------- */

/* Add a line "this owner holds house h from since". */
static void
add_holding(struct demo *d, int h, const struct owner_in *o,
    const char *since)
{
	struct owner_import *oi;
	int i = d->nowners;

	d->owners = grow(d->owners, d->nowners, &d->aowners,
	    sizeof *d->owners);
	d->olines = xreallocarray(d->olines, (size_t)d->aowners,
	    sizeof *d->olines);
	oi = &d->owners[i];
	oi->owner = *o;
	oi->house = d->houses[h].code;
	oi->since = since;
	d->olines[i] = i + 1;
	if (d->meta[h].nown++ == 0)
		d->meta[h].own0 = i;
	d->nowners++;
}

/* An owner_in for a person. */
static struct owner_in
owner_of(struct demo *d, const struct person *p, const char *move_in)
{
	struct rng *r = &d->rng;
	struct owner_in o = {0};
	struct person c;

	o.kind = "person";
	o.name = p->name;
	o.phone = p->phone;
	o.phone2 = rng_pct(r, 12) ? mobile(d) : "";
	o.id_type = p->id_no[0] != '\0' ? "idcard" : "none";
	o.id_no = p->id_no;
	o.move_in = move_in;
	if (rng_pct(r, 50)) {
		c = person(d, rng_int(r, 26, 76), rng_pct(r, 50), 0);
		o.emergency_name = c.name;
		o.emergency_phone = c.phone;
	}
	o.notes = rng_pct(r, 4) ? PICK(r, owner_notes) : "";
	return o;
}

/* A company (单位) as owner, with a unified social credit code. */
static struct owner_in
company(struct demo *d)
{
	static const char alnum[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	struct rng *r = &d->rng;
	struct owner_in o = {0};
	char code[19];
	int i, k = ++d->ncompanies;

	snprintf(code, sizeof code, "91411500MA%c%c%c%c", alnum[rng_int(r, 0,
	    30)], alnum[rng_int(r, 0, 30)], alnum[rng_int(r, 0, 30)],
	    alnum[rng_int(r, 0, 30)]);
	for (i = 0; i < 4; i++, k /= 31)
		code[14 + i] = alnum[k % 31];
	code[18] = '\0';
	o.kind = "company";
	o.name = arena_printf(&d->ar, "信阳%s%s有限公司", PICK(r, co_words),
	    PICK(r, co_trades));
	o.phone = arena_printf(&d->ar, "0376-6%06d", rng_int(r, 0, 999999));
	o.id_type = "other";
	o.id_no = arena_add(&d->ar, code);
	o.notes = "";
	return o;
}

/* The developer, who still holds what is not sold. */
static const struct owner_in developer = {
	"company", "信阳天成房地产开发有限公司", "0376-6288888", "", "other",
	"91411500MA3X5C7K2R", "", "", "", "未售",
};

/* Add an occupant of house h. */
static void
add_occupant(struct demo *d, int h, const struct person *p,
    const char *relation, const char *note, const char *since)
{
	struct demo_occ *o;

	d->occs = grow(d->occs, d->nocc, &d->aocc, sizeof *d->occs);
	o = &d->occs[d->nocc];
	memset(o, 0, sizeof *o);
	o->house = h;
	o->in.name = p->name;
	o->in.relation = relation;
	o->in.relation_note = note;
	o->in.phone = p->phone;
	o->in.id_type = p->id_no[0] != '\0' ? "idcard" : "none";
	o->in.id_no = p->id_no;
	o->in.since = since;
	o->in.notes = "";
	if (d->meta[h].nocc++ == 0)
		d->meta[h].occ0 = d->nocc;	/* an index, as own0 */
	d->nocc++;
}

/*
 * The family living with an owner, from since; spouse is the co-owner or
 * NULL.  Children have their father's surname, as most do.
 */
static void
plan_family(struct demo *d, int h, const struct person *owner,
    const struct person *spouse, const char *since)
{
	struct rng *r = &d->rng;
	struct person p, wed;
	const char *family;
	int i, nkids;

	if (spouse == NULL && rng_pct(r, 75)) {
		wed = person(d, owner->age + rng_int(r, -3, 3), !owner->male,
		    1);
		add_occupant(d, h, &wed, "family", "配偶", since);
		spouse = &wed;
	}
	family = owner->male || spouse == NULL ? owner->surname
					       : spouse->surname;
	nkids = owner->age < 31 ? rng_int(r, 0, 1) : rng_int(r, 0, 2);
	for (i = 0; i < nkids; i++) {
		int age = owner->age - rng_int(r, 24, 34);

		if (age < 0)
			break;
		p = person_of(d, family, age, rng_pct(r, 52),
		    age >= 16 || rng_pct(r, 60));
		add_occupant(d, h, &p, "family", p.male ? "儿子" : "女儿",
		    since);
	}
	if (owner->age < 51 && rng_pct(r, 15)) {
		int male = rng_pct(r, 50);

		p = person_of(d, male ? owner->surname : NULL,
		    owner->age + rng_int(r, 24, 32), male, 1);
		add_occupant(d, h, &p, "family", p.male ? "父亲" : "母亲",
		    since);
	}
	if (owner->age > 66 && rng_pct(r, 20)) {
		p = person(d, rng_int(r, 46, 61), 0, 1);
		add_occupant(d, h, &p, "other", "保姆", since);
	}
}

/* Tenants of house h, moved in between a and the estate's day. */
static void
plan_tenants(struct demo *d, int h, int32_t a, const char *note)
{
	struct rng *r = &d->rng;
	struct fd_date since = random_day(d, a, date_to_days(&d->today) - 1);
	const char *s = day_str(d, &since, 0);
	struct person p;
	int i, n = rng_int(r, 1, 3);

	for (i = 0; i < n; i++) {
		p = person(d, rng_int(r, 24, 56), rng_pct(r, 50), 1);
		add_occupant(d, h, &p, "tenant", i == 0 ? note : "合租", s);
	}
}

/* Owners and people of one home. */
static void
plan_home(struct demo *d, int h, int32_t delivered)
{
	struct rng *r = &d->rng;
	struct demo_meta *m = &d->meta[h];
	int32_t today = date_to_days(&d->today);
	struct fd_date bought, moved;
	struct owner_in o, o2;
	struct person p, q;
	const char *since, *move_in = "";
	int x = rng_int(r, 0, 99), joint;

	m->status = x < 3 ? DS_UNSOLD : x < 6 ? DS_DECOR : x < 18 ? DS_EMPTY :
	    x < 30 ? DS_LET : DS_LIVED;
	if (m->status == DS_UNSOLD)
		return;
	bought = random_day(d, delivered - 200, today - 40);
	since = day_str(d, &bought, 0);
	if (m->status == DS_LET && rng_pct(r, 25)) { /* a company's staff flat */
		o = company(d);
		add_holding(d, h, &o, since);
		plan_tenants(d, h, date_to_days(&bought), "公司员工宿舍");
		return;
	}
	if (m->status == DS_DECOR)
		d->houses[h].state = "decorating";
	if (m->status == DS_LIVED) {
		moved = random_day(d, date_to_days(&bought) + 20, today - 30);
		move_in = day_str(d, &moved, 0);
	}
	p = person(d, rng_int(r, 28, 76), rng_pct(r, 50), 1);
	o = owner_of(d, &p, move_in);
	add_holding(d, h, &o, since);
	joint = rng_pct(r, 18);
	if (joint) { /* husband and wife on the deed (共有) */
		q = person(d, p.age + rng_int(r, -3, 3), !p.male, 1);
		o2 = owner_of(d, &q, move_in);
		add_holding(d, h, &o2, since);
	}
	if (m->status == DS_LIVED)
		plan_family(d, h, &p, joint ? &q : NULL, move_in);
	else if (m->status == DS_LET)
		plan_tenants(d, h, date_to_days(&bought) + 30, "租户");
}

/* Parking spaces and storerooms: some to home owners, the rest unsold. */
static void
plan_extras(struct demo *d)
{
	struct rng *r = &d->rng;
	int h, buyer = 0, nres = 0;
	int *buyers = xcalloc((size_t)d->nhouses + 1, sizeof *buyers);

	for (h = 0; h < d->nhouses; h++)
		if (d->meta[h].residence && d->meta[h].nown > 0 &&
		    rng_pct(r, 40))
			buyers[nres++] = h;
	for (h = 0; h < d->nhouses; h++) {
		const struct house_in *hi = &d->houses[h];
		enum house_use use = strcmp(hi->use, "parking") == 0
		    ? HOUSE_USE_PARKING : strcmp(hi->use, "storeroom") == 0
		    ? HOUSE_USE_STOREROOM : HOUSE_USE_RESIDENCE;
		struct owner_import home; /* a copy: owners[] may move */

		if (use == HOUSE_USE_RESIDENCE)
			continue;
		if (buyer < nres && rng_pct(r, use == HOUSE_USE_PARKING ? 70
		    : 50)) {
			home = d->owners[d->meta[buyers[buyer++]].own0];
			add_holding(d, h, &home.owner, home.since);
			d->meta[h].status = DS_EMPTY;
		} else if (use == HOUSE_USE_PARKING) {
			add_holding(d, h, &developer, "2015-06-30");
			d->meta[h].status = DS_UNSOLD;
		}
	}
	free(buyers);
}

/* Shops: persons and companies, many let. */
static void
plan_shops(struct demo *d, int32_t opened)
{
	struct rng *r = &d->rng;
	int32_t today = date_to_days(&d->today);
	struct fd_date bought;
	struct owner_in o;
	struct person p;
	int h;

	for (h = 0; h < d->nhouses; h++) {
		if (strcmp(d->houses[h].use, "shop") != 0 || rng_pct(r, 10))
			continue;
		bought = random_day(d, opened, today - 60);
		if (rng_pct(r, 50)) {
			o = company(d);
		} else {
			p = person(d, rng_int(r, 36, 66), rng_pct(r, 60), 1);
			o = owner_of(d, &p, "");
		}
		add_holding(d, h, &o, day_str(d, &bought, 0));
		if (rng_pct(r, 60)) {
			d->meta[h].status = DS_LET;
			plan_tenants(d, h, date_to_days(&bought) + 30,
			    "商铺租户");
		}
	}
}

/* Every home: the buildings were handed over from 2012 to 2020. */
static void
plan_people(struct demo *d)
{
	struct fd_date first = {2012, 6, 1};
	int32_t base = date_to_days(&first);
	int h;

	for (h = 0; h < d->nhouses; h++) {
		const char *code = d->houses[h].code;
		int b = atoi(code);

		if (!d->meta[h].residence)
			continue;
		/* one hand-over date per building, later buildings later */
		plan_home(d, h, base + (int32_t)((b * 7919) % 3000));
	}
	plan_extras(d);
	plan_shops(d, base);
}

/* ---- visits --------------------------------------------------------------- */

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The visit's words for a purpose. */
static const struct visit_text *
visit_words(struct rng *r, int purpose)
{
	switch (purpose) {
	case VISIT_CONSULT: return &PICK(r, said_consult);
	case VISIT_REPAIR: return &PICK(r, said_repair);
	case VISIT_COMPLAINT: return &PICK(r, said_complaint);
	case VISIT_BUSINESS: return &PICK(r, said_business);
	default: return &PICK(r, said_other);
	}
}

/* Fill one visit about a random lived-in home, or about none. */
static void
plan_visit(struct demo *d, struct demo_visit *v, const int *homes,
    int nhomes)
{
	static const struct weighted purposes[] = {
		{"consult", 35}, {"repair", 30}, {"complaint", 10},
		{"business", 20}, {"other", 5},
	};
	struct rng *r = &d->rng;
	const struct visit_text *t;
	const struct demo_meta *m;
	int purpose, h;

	memset(&v->in, 0, sizeof v->in);
	v->director = rng_pct(r, 15);
	household_parse(HH_VISIT_PURPOSE, WPICK(r, purposes), &purpose);
	v->in.purpose = household_code(HH_VISIT_PURPOSE, purpose);
	t = visit_words(r, purpose);
	v->in.content = t->content;
	v->in.outcome = rng_pct(r, 85) ? t->outcome : "";
	if (nhomes == 0 || purpose == VISIT_OTHER || rng_pct(r, 10)) {
		v->in.visitor_kind = "other";
		v->in.visitor_name = rng_pct(r, 50) ? person(d, rng_int(r,
		    26, 66), rng_pct(r, 50), 0).name : "";
		return;
	}
	h = homes[rng_int(r, 0, nhomes - 1)];
	m = &d->meta[h];
	v->in.house = d->houses[h].code;
	if (m->nocc > 0 && rng_pct(r, 35)) {
		const struct occupant_in *o =
		    &d->occs[m->occ0 + rng_int(r, 0, m->nocc - 1)].in;

		v->in.visitor_kind = "occupant";
		v->in.visitor_name = o->name;
		v->in.phone = o->phone;
	} else {
		const struct owner_in *o =
		    &d->owners[m->own0 + rng_int(r, 0, m->nown - 1)].owner;

		v->in.visitor_kind = "owner";
		v->in.visitor_name = o->name;
		v->in.phone = rng_pct(r, 70) ? o->phone : "";
	}
}

/*
 * Visits on the DEMO_VISIT_DAYS whole days up to yesterday, in office
 * hours, half as many at weekends.  Four weeks hold eight weekend days
 * whatever the day, so the count never changes.
 */
static void
plan_visits(struct demo *d, int households)
{
	struct tm tm;
	time_t t0 = (time_t)d->start;
	int64_t day0, *times;
	int *homes, nhomes = 0, h, day, k, i, per_day;

	homes = xcalloc((size_t)d->nhouses + 1, sizeof *homes);
	for (h = 0; h < d->nhouses; h++)
		if (d->meta[h].residence && d->meta[h].nown > 0)
			homes[nhomes++] = h;
	per_day = households / 120 > 2 ? households / 120 : 2;
	times = xcalloc((size_t)per_day + 1, sizeof *times);
	localtime_r(&t0, &tm);
	for (day = DEMO_DAYS - DEMO_VISIT_DAYS; day < DEMO_DAYS; day++) {
		struct tm dt = tm;

		dt.tm_mday += day;
		dt.tm_hour = dt.tm_min = dt.tm_sec = 0;
		dt.tm_isdst = -1;
		day0 = (int64_t)mktime(&dt); /* also sets tm_wday */
		k = dt.tm_wday == 0 || dt.tm_wday == 6 ? per_day / 2 : per_day;
		for (i = 0; i < k; i++)
			times[i] = day0 + 60 * (int64_t)rng_int(&d->rng,
			    8 * 60 + 30, 17 * 60 + 30) + rng_int(&d->rng, 0, 59);
		qsort(times, (size_t)k, sizeof *times, cmp_i64);
		for (i = 0; i < k; i++) {
			if (times[i] <= d->start || times[i] > d->end)
				continue;
			d->visits = grow(d->visits, d->nvisits, &d->avisits,
			    sizeof *d->visits);
			d->visits[d->nvisits].at = times[i];
			plan_visit(d, &d->visits[d->nvisits], homes, nhomes);
			d->nvisits++;
		}
	}
	free(times);
	free(homes);
}

/* ---- service requests ------------------------------------------------------- */

/* What people report, by type, with what was done about it. */
struct req_text {
	const char *category;  /* code */
	const char *descr;
	const char *resolution;
};

static const struct req_text req_repair[] = {
	{"facility", "卫生间下水道堵塞，马桶冲水不畅", "疏通了下水道，试水正常"},
	{"facility", "厨房水管接头漏水，楼下天花板已有水渍",
	    "更换了水管接头，试水无渗漏"},
	{"facility", "客厅两个插座没电，空开没有跳闸", "更换了插座面板，已通电"},
	{"facility", "入户门锁芯坏了，钥匙拧不动", "更换锁芯一个，业主已试用"},
	{"facility", "阳台推拉窗关不严，下雨往屋里渗水",
	    "调整了窗框并更换密封条"},
	{"facility", "楼道感应灯不亮，晚上看不清台阶", "更换感应灯两个"},
	{"facility", "电梯运行时有异响，按钮偶尔失灵",
	    "电梯维保单位已更换按钮并调试"},
	{"facility", "单元门门禁刷卡没有反应", "更换了门禁读卡器"},
	{"cleaning", "楼顶排水口被树叶堵住，雨后积水", "已清理排水口杂物"},
};

static const struct req_text req_complaint[] = {
	{"attitude", "前台接待人员态度生硬，不愿解释收费标准",
	    "已向业主道歉，并对当事人进行批评教育"},
	{"attitude", "维修师傅上门没穿鞋套，弄脏了地板",
	    "已向业主道歉，重申上门服务规范"},
	{"cleaning", "楼道垃圾两天没人清理，有异味",
	    "已安排保洁清理，并增加巡查频次"},
	{"cleaning", "中心花园宠物粪便无人清理", "已清理，并张贴文明养犬提示"},
	{"security", "夜间有外来车辆随意进出，门岗不登记",
	    "已加强门岗登记，外来车辆登记后放行"},
	{"security", "楼上装修噪音超时，晚上九点还在施工",
	    "已上门核实，责令施工方按规定时间施工"},
	{"fees", "物业费账单上的面积与房产证不符",
	    "已核对面积，下月账单更正并退还差额"},
	{"fees", "停车费涨价没有提前公示", "已补发公示，并向业主解释调价依据"},
	{"decoration", "邻居装修在楼道堆放建筑垃圾", "已责令装修户当天清运"},
};

static const struct req_text req_consult[] = {
	{"fees", "咨询物业费能不能用微信缴纳", "已告知可在前台或微信缴费"},
	{"decoration", "咨询装修押金退还需要哪些手续",
	    "已告知验收合格后凭收据办理"},
	{"other", "询问本周停水的具体时间", "已告知周三9:00-15:00停水"},
	{"other", "咨询车位月卡怎么办理", "已说明办理流程和所需材料"},
	{"other", "咨询房屋出租需要登记什么", "已告知租户信息需到前台登记"},
	{"fees", "询问去年的物业费发票能否补开", "已告知可到财务补开"},
};

static const struct req_text req_suggestion[] = {
	{"facility", "建议在单元门口增设快递柜", "已记录，提交管理处研究"},
	{"other", "建议中心花园增加儿童游乐设施", "已纳入下季度改造计划"},
	{"cleaning", "建议增加垃圾分类投放指导", "已安排志愿者早晚值守"},
	{"facility", "建议地下车库增加照明", "已列入维修计划"},
};

/* Places in the estate that belong to no house. */
static const char *const req_places[] = {
	"北门岗亭", "地下车库B区", "中心花园", "东门垃圾站", "南门道闸",
	"会所门口",
};

/* Who does the work, by department. */
static const char *const req_handlers[REQ_DEPT_COUNT][3] = {
	[REQ_DEPT_ENGINEERING] = {"张师傅", "刘师傅", "工程部赵工"},
	[REQ_DEPT_CLEANING] = {"保洁李阿姨", "保洁组", "保洁王阿姨"},
	[REQ_DEPT_SECURITY] = {"保安队长周强", "秩序维护部", "门岗"},
	[REQ_DEPT_LANDSCAPING] = {"绿化组", "绿化组", "绿化组"},
	[REQ_DEPT_SERVICE] = {"", "", ""},
};

static const char *const req_notes[] = {
	"已电话通知工程部", "工程部反馈需要购买配件",
	"已联系业主确认上门时间",
};
static const char *const req_told[] = {
	"已电话告知业主预计明天上门", "已告知业主维修进度",
};
static const char *const req_hold_why[] = {
	"等待配件到货", "业主出差，约定回来后上门", "需要厂家技术人员到场",
};
static const char *const req_comments[REQ_RESULT_COUNT] = {
	"业主表示满意，感谢及时处理", "业主表示基本满意，希望以后更快",
	"业主表示问题没有彻底解决",
};
static const char *const req_invalid[] = {
	"业主自家设备问题，不属物业责任", "重复投诉，已合并处理",
};

/* The department for a category. */
static enum req_dept
req_dept_of(int category)
{
	switch (category) {
	case REQ_CAT_FACILITY:
	case REQ_CAT_DECORATION: return REQ_DEPT_ENGINEERING;
	case REQ_CAT_CLEANING: return REQ_DEPT_CLEANING;
	case REQ_CAT_SECURITY: return REQ_DEPT_SECURITY;
	default: return REQ_DEPT_SERVICE;
	}
}

/* Where the steps of one request stand while planned. */
struct req_cursor {
	int64_t t;      /* the time of the last step */
	int64_t cutoff; /* today 00:00: nothing happens from then on */
	int stopped;    /* a step fell on or after the cutoff */
	int req;
};

/*
 * The next step of a request, lo..hi seconds after the last.  The numbers
 * are drawn whether or not it is taken, so the plan does not depend on
 * the day.  Returns the step, or NULL when it falls today or later.
 */
static struct demo_step *
req_step(struct demo *d, struct req_cursor *c, int64_t lo, int64_t hi,
    enum req_action act, int director)
{
	struct demo_step *st;

	c->t += lo + (int64_t)(rng_next(&d->reqrng) % (uint64_t)(hi - lo + 1));
	if (c->stopped || c->t >= c->cutoff) {
		c->stopped = 1;
		return NULL;
	}
	d->steps = grow(d->steps, d->nsteps, &d->asteps, sizeof *d->steps);
	st = &d->steps[d->nsteps];
	memset(st, 0, sizeof *st);
	st->at = c->t;
	st->seq = d->nsteps++;
	st->kind = STEP_REQUEST;
	st->idx = c->req;
	st->act = act;
	st->director = director;
	return st;
}

/* Fill the form of one request about a home (or a public place). */
static const struct req_text *
plan_req_form(struct demo *d, struct demo_req *q, const int *homes,
    int nhomes)
{
	static const struct weighted types[] = {
		{"consult", 30}, {"repair", 40}, {"complaint", 20},
		{"suggestion", 10},
	};
	struct rng *r = &d->reqrng;
	const struct req_text *t;
	const struct demo_meta *m;
	int type, h;

	memset(q, 0, sizeof *q);
	request_parse(REQ_SET_TYPE, WPICK(r, types), &type);
	switch (type) {
	case REQ_REPAIR: t = &PICK(r, req_repair); break;
	case REQ_COMPLAINT: t = &PICK(r, req_complaint); break;
	case REQ_CONSULT: t = &PICK(r, req_consult); break;
	default: t = &PICK(r, req_suggestion); break;
	}
	q->in.type = request_code(REQ_SET_TYPE, type);
	q->in.category = t->category;
	q->in.description = t->descr;
	q->in.urgency = rng_pct(r, type == REQ_REPAIR ? 25 :
	    type == REQ_COMPLAINT ? 10 : 0) ? "urgent" : "normal";
	q->in.channel = rng_pct(r, 60) ? "phone" : rng_pct(r, 90) ? "visit" :
	    "other";
	q->director = rng_pct(r, 15);
	h = rng_int(r, 0, nhomes > 0 ? nhomes - 1 : 0);
	if (nhomes == 0 || rng_pct(r, 15) || type == REQ_SUGGESTION) {
		q->in.location = PICK(r, req_places);
		q->in.person = rng_pct(r, 50) ? person(d, rng_int(r, 26, 70),
		    rng_pct(r, 50), 0).name : "";
		return t;
	}
	m = &d->meta[homes[h]];
	q->in.house = d->houses[homes[h]].code;
	q->in.person = d->owners[m->own0].owner.name;
	q->in.phone = d->owners[m->own0].owner.phone;
	return t;
}

/* The callback (and, after 不满意, the rework) of a resolved request. */
static void
plan_req_callback(struct demo *d, struct req_cursor *c, int round)
{
	struct rng *r = &d->reqrng;
	struct demo_step *st;
	int x = rng_int(r, 0, 99), result, dir = rng_pct(r, 20);

	result = x < 70 ? REQ_SATISFIED : x < 92 ? REQ_FAIRLY :
	    round == 0 ? REQ_UNSATISFIED : REQ_FAIRLY;
	if ((st = req_step(d, c, 3 * 3600, 2 * 86400, REQ_ACT_CALLBACK,
	    dir)) != NULL) {
		st->arg = result;
		st->text = req_comments[result];
		st->text2 = rng_pct(r, 80) ? "phone" : "visit";
	} else
		(void)rng_next(r);
	if (result != REQ_UNSATISFIED)
		return;
	/* reworked: started, resolved and called back again */
	req_step(d, c, 3600, 5 * 3600, REQ_ACT_START, 0);
	if ((st = req_step(d, c, 3 * 3600, 24 * 3600, REQ_ACT_RESOLVE,
	    0)) != NULL)
		st->text = "返工处理完毕，已请业主确认";
	plan_req_callback(d, c, round + 1);
}

/* Hold for a few days, then back by hand or by itself. */
static void
plan_req_hold(struct demo *d, struct req_cursor *c)
{
	struct rng *r = &d->reqrng;
	struct demo_step *st;
	struct fd_date day, until;
	int days = rng_int(r, 2, 8), by_hand = rng_pct(r, 50);
	int64_t back;

	if ((st = req_step(d, c, 3600, 3 * 3600, REQ_ACT_HOLD, 0)) == NULL)
		return;
	st->text = PICK(r, req_hold_why);
	request_day_of(st->at, &day);
	date_add_days(&day, days, &until);
	st->text2 = arena_printf(&d->ar, "%04d-%02d-%02d", until.y, until.m,
	    until.d);
	back = request_day_start(&until);
	if (by_hand) {
		/* the parts came a day early */
		c->t = back - 86400 + 9 * 3600;
		if ((st = req_step(d, c, 0, 3600, REQ_ACT_RESUME, 0)) != NULL)
			st->text = "配件提前到货";
	} else
		c->t = back; /* the next step finds it back by itself */
}

/*
 * Everything that happens to one request registered at t on the day that
 * began at day0; force_hold puts it on hold whatever the dice say.
 */
static void
plan_request(struct demo *d, int64_t day0, int64_t t, int64_t cutoff,
    const int *homes, int nhomes, int force_hold)
{
	struct rng *r = &d->reqrng;
	struct req_cursor c = {t, cutoff, 0, d->nreqs};
	const struct req_text *txt;
	struct demo_step *st;
	struct demo_req *q;
	enum req_dept dept;
	int type, cat, urgent, needs_cb, handover, hold, note, classify;

	d->reqs = grow(d->reqs, d->nreqs, &d->areqs, sizeof *d->reqs);
	q = &d->reqs[d->nreqs++];
	txt = plan_req_form(d, q, homes, nhomes);
	request_parse(REQ_SET_TYPE, q->in.type, &type);
	request_parse(REQ_SET_CATEGORY, q->in.category, &cat);
	urgent = strcmp(q->in.urgency, "urgent") == 0;
	needs_cb = type == REQ_COMPLAINT || type == REQ_REPAIR;
	handover = !q->director && rng_pct(r, 3);
	hold = force_hold || (type != REQ_CONSULT && rng_pct(r, 8));
	note = rng_pct(r, 25);
	classify = type == REQ_COMPLAINT && rng_pct(r, 60);
	dept = type == REQ_SUGGESTION && cat == REQ_CAT_OTHER ?
	    REQ_DEPT_LANDSCAPING : req_dept_of(cat);
	c.t -= 1; /* registered at t itself */
	if (req_step(d, &c, 1, 1, REQ_ACT_REGISTER, q->director) == NULL)
		return;
	if (handover && (st = req_step(d, &c, 600, 3600, REQ_ACT_HANDOVER,
	    0)) != NULL)
		st->text = "王丽轮休，移交主任跟进";
	if (type == REQ_CONSULT && rng_pct(r, 60) && !hold) {
		/* answered at the desk */
		if ((st = req_step(d, &c, 180, 900, REQ_ACT_RESOLVE,
		    q->director)) != NULL)
			st->text = txt->resolution;
		req_step(d, &c, 60, 1800, REQ_ACT_CLOSE, q->director);
		return;
	}
	if (t - day0 >= 20 * 3600) /* in the evening: the next morning */
		c.t = day0 + 86400 + 8 * 3600 + 30 * 60;
	if ((st = req_step(d, &c, 300, 2400, REQ_ACT_DISPATCH, 0)) != NULL) {
		st->arg = dept;
		st->text = request_code(REQ_SET_DEPT, dept);
		st->text2 = req_handlers[dept][rng_int(r, 0, 2)];
	} else
		(void)rng_next(r);
	if (type != REQ_CONSULT)
		req_step(d, &c, urgent ? 300 : 600, urgent ? 2400 : 6000,
		    REQ_ACT_START, 0);
	if (note && (st = req_step(d, &c, 600, 4 * 3600, REQ_ACT_NOTE,
	    0)) != NULL) {
		st->arg = rng_pct(r, 50);
		st->text = st->arg ? PICK(r, req_told) : PICK(r, req_notes);
	}
	if (hold)
		plan_req_hold(d, &c);
	if ((st = req_step(d, &c, urgent ? 3600 : 2 * 3600, urgent ? 12 * 3600
	    : 4 * 86400, REQ_ACT_RESOLVE, 0)) != NULL)
		st->text = txt->resolution;
	if (needs_cb)
		plan_req_callback(d, &c, 0);
	req_step(d, &c, 600, needs_cb ? 8 * 3600 : 86400, REQ_ACT_CLOSE, 0);
	if (classify && (st = req_step(d, &c, 86400, 3 * 86400,
	    REQ_ACT_CLASSIFY, 1)) != NULL) {
		st->arg = !rng_pct(r, 10);
		st->text = st->arg ? "" : PICK(r, req_invalid);
	}
}

/*
 * The same number of requests every day of the history, one a day for
 * every 300 homes (weekends too: a count that followed the weekday would
 * change with the day the demo is made; a smaller estate has one every few
 * days), registered from 07:30 to 21:30 (those after 20:00 dispatched the
 * next morning), each followed through as far as yesterday; yesterday's
 * first is put on hold and its last comes at 21:45, so that every state
 * is there.  The director signs off nine days in ten the next morning (a
 * day without requests is not signed off).
 */
static void
plan_requests(struct demo *d, int households)
{
	struct tm tm, dt;
	struct demo_step *st;
	time_t t0 = (time_t)d->start;
	int64_t day0, cutoff, *times;
	int *homes, nhomes = 0, h, day, i, per_day, every, sign;
	char buf[DATE_BUFSZ];
	struct fd_date date;

	homes = xcalloc((size_t)d->nhouses + 1, sizeof *homes);
	for (h = 0; h < d->nhouses; h++)
		if (d->meta[h].residence && d->meta[h].nown > 0)
			homes[nhomes++] = h;
	/* one a day for every 300 homes; a small estate has one every few
	 * days, counted back from yesterday */
	per_day = households >= 300 ? households / 300 : 1;
	every = households >= 300 ? 1 : households > 0 ? 300 / households : 0;
	times = xcalloc((size_t)per_day + 1, sizeof *times);
	localtime_r(&t0, &tm);
	dt = tm;
	dt.tm_mday += DEMO_DAYS;
	dt.tm_hour = dt.tm_min = dt.tm_sec = 0;
	dt.tm_isdst = -1;
	cutoff = (int64_t)mktime(&dt);
	for (day = 0; day < DEMO_DAYS; day++) {
		dt = tm;
		dt.tm_mday += day;
		dt.tm_hour = dt.tm_min = dt.tm_sec = 0;
		dt.tm_isdst = -1;
		day0 = (int64_t)mktime(&dt);
		for (i = 0; i < per_day; i++)
			times[i] = day0 + 60 * (int64_t)rng_int(&d->reqrng,
			    7 * 60 + 30, 21 * 60 + 30) +
			    rng_int(&d->reqrng, 0, 59);
		qsort(times, (size_t)per_day, sizeof *times, cmp_i64);
		if (day == DEMO_DAYS - 1) /* one call late last night */
			times[per_day - 1] = day0 + 21 * 3600 + 45 * 60;
		for (i = 0; i < per_day; i++)
			if (times[i] > d->start && every > 0 &&
			    (DEMO_DAYS - 1 - day) % every == 0)
				plan_request(d, day0, times[i], cutoff, homes,
				    nhomes, day == DEMO_DAYS - 1 && i == 0);
		/* the day's sign-off, the next morning, of a day with any */
		sign = rng_int(&d->reqrng, 0, 99);
		if (sign >= 90 || day0 + 86400 + 8 * 3600 >= cutoff ||
		    every == 0 || (DEMO_DAYS - 1 - day) % every != 0)
			continue;
		d->steps = grow(d->steps, d->nsteps, &d->asteps,
		    sizeof *d->steps);
		st = &d->steps[d->nsteps];
		memset(st, 0, sizeof *st);
		st->at = day0 + 86400 + 8 * 3600 + 45 * 60 + 60 * sign / 2;
		st->seq = d->nsteps++;
		st->kind = STEP_SIGNOFF;
		st->director = 1;
		request_day_of(day0, &date);
		date_format(buf, sizeof buf, &date);
		st->text = arena_add(&d->ar, buf);
	}
	free(times);
	free(homes);
}

/* The visits as steps too, then everything in the order it happened. */
static int
cmp_step(const void *a, const void *b)
{
	const struct demo_step *x = a, *y = b;

	if (x->at != y->at)
		return (x->at > y->at) - (x->at < y->at);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static void
plan_timeline(struct demo *d)
{
	struct demo_step *st;
	int i;

	for (i = 0; i < d->nvisits; i++) {
		d->steps = grow(d->steps, d->nsteps, &d->asteps,
		    sizeof *d->steps);
		st = &d->steps[d->nsteps];
		memset(st, 0, sizeof *st);
		st->at = d->visits[i].at;
		st->seq = d->nsteps++;
		st->kind = STEP_VISIT;
		st->idx = i;
	}
	qsort(d->steps, (size_t)d->nsteps, sizeof *d->steps, cmp_step);
}

/* ---- into the database ---------------------------------------------------- */

int64_t
demo_start(int64_t now)
{
	/* the fee year begins before the estate's day (demo_fee.c) */
	return demo_fee_start(now);
}

/* The estate's day: 08:00, DEMO_DAYS before now. */
static int64_t
estate_start(int64_t now)
{
	time_t t = (time_t)now;
	struct tm tm;

	localtime_r(&t, &tm);
	tm.tm_mday -= DEMO_DAYS;
	tm.tm_hour = 8;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

/* What the transaction needs. */
struct fill_op {
	struct demo *d;
	struct session *director;
	struct session *reception;
	struct demo_fee *fee;                /* the fee year (demo_fee.c) */
	const struct demo_fee_actors *actors;
};

/* Report a failed plan line (a bug in this file) with what svc said. */
static int
fill_fail(int rc, const char *what, const struct strbuf *report)
{
	if (report != NULL && report->len > 0)
		return err_set(rc, "demo %s: %.300s", what, report->buf);
	return rc;
}

/* One request action of the plan, with the version it has now. */
static int
fill_request(struct db *db, struct fill_op *op, const struct demo_step *st)
{
	struct demo_req *q = &op->d->reqs[st->idx];
	struct session *s = st->director ? op->director : op->reception;
	struct service_request r = {0};
	int64_t v;
	int rc;

	if (st->act == REQ_ACT_REGISTER)
		return svc_request_register(s, &q->in, &q->id, NULL);
	if ((rc = request_db_get(db, q->id, &r)) != 0)
		return rc;
	v = r.version;
	service_request_release(&r);
	switch (st->act) {
	case REQ_ACT_DISPATCH:
		return svc_request_dispatch(s, q->id, v, st->text, st->text2,
		    st->arg == REQ_DEPT_SERVICE ? op->reception->user_id : 0,
		    NULL);
	case REQ_ACT_START: return svc_request_start(s, q->id, v, NULL);
	case REQ_ACT_NOTE:
		return svc_request_note(s, q->id, st->text, st->arg);
	case REQ_ACT_RESOLVE:
		return svc_request_resolve(s, q->id, v, st->text);
	case REQ_ACT_CALLBACK:
		return svc_request_callback(s, q->id, v,
		    request_code(REQ_SET_RESULT, st->arg), st->text2,
		    st->text);
	case REQ_ACT_HOLD:
		return svc_request_hold(s, q->id, v, st->text, st->text2);
	case REQ_ACT_RESUME:
		return svc_request_resume(s, q->id, v, st->text);
	case REQ_ACT_HANDOVER:
		return svc_request_handover(s, q->id, v,
		    op->director->user_id, st->text);
	case REQ_ACT_CLOSE: return svc_request_close(s, q->id, v, NULL);
	case REQ_ACT_CLASSIFY:
		return svc_request_classify(s, q->id, v, st->arg, st->text);
	default:
		return 0;
	}
}

/* One step of the timeline. */
static int
fill_step(struct db *db, struct fill_op *op, const struct demo_step *st)
{
	struct demo *d = op->d;
	int rc;

	switch (st->kind) {
	case STEP_VISIT:
		return svc_visit_log(d->visits[st->idx].director ? op->director
		    : op->reception, &d->visits[st->idx].in, NULL);
	case STEP_SIGNOFF:
		return svc_request_signoff(op->director, st->text, NULL);
	case STEP_REQUEST:
		if ((rc = fill_request(db, op, st)) != 0)
			return err_set(rc, "demo request %d, %s: %.300s",
			    st->idx, request_code(REQ_SET_ACTION, st->act),
			    err_msg());
		return 0;
	}
	return 0;
}

static int
fill_tx(struct db *db, void *arg)
{
	struct fill_op *op = arg;
	struct demo *d = op->d;
	struct strbuf report = STRBUF_INIT;
	struct house h = {0};
	int64_t house_id = 0;
	int i, rc, last = -1;

	/* the houses are there when the fee year begins */
	clock_fake(demo_fee_start(d->end));
	if ((rc = svc_house_import(op->director, d->houses, d->hlines,
	    d->nhouses, "demo-houses", &report)) != 0 ||
	    (rc = svc_owner_import(op->director, d->owners, d->olines,
	    d->nowners, "demo-owners", &report)) != 0) {
		rc = fill_fail(rc, "import", &report);
		goto out;
	}
	if ((rc = demo_fee_run(op->fee, db, op->actors, d->start)) != 0)
		goto out;
	clock_fake(d->start);
	for (i = 0; i < d->nocc; i++) {
		if (d->occs[i].house != last) {
			last = d->occs[i].house;
			house_release(&h);
			if ((rc = house_db_get_by_code(db,
			    d->houses[last].code, &h)) != 0)
				goto out;
			house_id = h.id;
		}
		if ((rc = svc_occupant_add(op->director, house_id,
		    &d->occs[i].in, NULL)) != 0)
			goto out;
	}
	for (i = 0; i < d->nsteps; i++) {
		if ((rc = demo_fee_run(op->fee, db, op->actors,
		    d->steps[i].at)) != 0)
			goto out;
		clock_fake(d->steps[i].at);
		if ((rc = fill_step(db, op, &d->steps[i])) != 0)
			goto out;
	}
	rc = demo_fee_run(op->fee, db, op->actors, d->end);
out:
	clock_fake(d->end);
	house_release(&h);
	strbuf_release(&report);
	return rc;
}

/* Make the whole plan. */
static void
plan(struct demo *d, int households)
{
	plan_residences(d, households);
	plan_others(d, households);
	plan_people(d);
	plan_visits(d, households);
	plan_requests(d, households);
	plan_timeline(d);
}

static void
demo_release(struct demo *d)
{
	free(d->houses);
	free(d->hlines);
	free(d->meta);
	free(d->owners);
	free(d->olines);
	free(d->occs);
	free(d->visits);
	free(d->reqs);
	free(d->steps);
	free(d->ids);
	arena_free(&d->ar);
}

int
demo_fill(struct db *db, const struct config *cfg, int households,
    uint64_t seed, int64_t now, struct demo_stats *st)
{
	struct session director, reception, cashier, cashier2;
	struct demo_fee_actors actors;
	struct demo_fee_stats fs;
	struct fill_op op;
	struct demo d;
	int rc;

	if (households < 0 || households > DEMO_HOUSEHOLDS_MAX)
		return err_set(ERR_INVALID, _("--households must be 0 to %d"),
		    DEMO_HOUSEHOLDS_MAX);
	if (st != NULL)
		memset(st, 0, sizeof *st);
	if (households == 0)
		return 0; /* the accounts only */
	memset(&d, 0, sizeof d);
	memset(&director, 0, sizeof director);
	memset(&reception, 0, sizeof reception);
	memset(&cashier, 0, sizeof cashier);
	memset(&cashier2, 0, sizeof cashier2);
	memset(&op, 0, sizeof op);
	d.rng.s = seed;
	d.idrng.s = seed ^ UINT64_C(0x1d1d1d1d1d1d1d1d);
	d.reqrng.s = seed ^ UINT64_C(0x7e57ab1e0dd5eed5);
	d.start = estate_start(now);
	d.end = now > d.start ? now : d.start;
	/* the plan is made on the estate's day, as it always was */
	clock_fake(d.start);
	if ((rc = date_today(&d.today)) != 0)
		return rc;
	plan(&d, households);
	op.fee = demo_fee_plan(seed, d.end, d.houses, d.nhouses);
	/* and the work begins with the fee year, before it */
	clock_fake(demo_fee_start(d.end));
	if ((rc = svc_login(db, cfg, "director", SVC_DEMO_PASSWORD,
	    &director)) != 0 ||
	    (rc = svc_login(db, cfg, "reception", SVC_DEMO_PASSWORD,
	    &reception)) != 0 ||
	    (rc = svc_login(db, cfg, "cashier", SVC_DEMO_PASSWORD,
	    &cashier)) != 0 ||
	    (rc = svc_login(db, cfg, "cashier2", SVC_DEMO_PASSWORD,
	    &cashier2)) != 0)
		goto out;
	actors.director = &director;
	actors.cashier = &cashier;
	actors.cashier2 = &cashier2;
	actors.reception = &reception;
	op.d = &d;
	op.director = &director;
	op.reception = &reception;
	op.actors = &actors;
	rc = db_tx(db, fill_tx, &op);
	if (rc == 0 && st != NULL) {
		st->households = households;
		st->buildings = d.nbuildings;
		st->houses = d.nhouses;
		st->owner_lines = d.nowners;
		st->occupants = d.nocc;
		st->visits = d.nvisits;
		st->requests = d.nreqs;
		st->request_days = DEMO_DAYS;
		demo_fee_stats(op.fee, &fs);
		st->fee_periods = fs.periods;
		st->bills = fs.bills;
		st->readings = fs.readings;
		st->payments = fs.payments;
	}
out:
	if (director.user != NULL)
		svc_logout(&director);
	if (reception.user != NULL)
		svc_logout(&reception);
	if (cashier.user != NULL)
		svc_logout(&cashier);
	if (cashier2.user != NULL)
		svc_logout(&cashier2);
	session_release(&director);
	session_release(&reception);
	session_release(&cashier);
	session_release(&cashier2);
	demo_fee_free(&op.fee);
	demo_release(&d);
	return rc;
}
