/*
 * bench_owner.c: the household files' figures for `make bench` on 100k
 * households (realistic Chinese names: surnames by frequency, common given
 * names), 20% of houses with a second owner, a third with occupants:
 *   P1  finder lookups by house number, phone, phone's last four, ID number
 *   P2  finder name search, 1-2 characters and 3+ characters
 *       the building grid of a 30-floor building
 * Each figure is the whole finder as a screen calls it, svc_find() (classify,
 * one read transaction, the indexed query, the first 200 houses with their
 * current owners, the total count), through cached statements.  Printed beside its target; a benchmark, never a test.
 */
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/household.h"
#include "core/idcard.h"
#include "db/db.h"
#include "db/finder_db.h"
#include "db/house_db.h"
#include "db/owner_db.h"
#include "db/user_db.h"
#include "svc/session.h"
#include "svc/svc_owner.h"
#include "util/clock.h"
#include "util/xalloc.h"

#define NHOUSE 100000
#define NQ 2000

/* Surnames with their share per 10,000 people (top of the 2020 census). */
static const struct {
	const char *s;
	int w;
} surnames[] = {
	{"王", 710}, {"李", 700}, {"张", 670}, {"刘", 540}, {"陈", 450},
	{"杨", 310}, {"黄", 220}, {"赵", 200}, {"吴", 190}, {"周", 190},
	{"徐", 160}, {"孙", 150}, {"马", 140}, {"朱", 130}, {"胡", 130},
	{"郭", 110}, {"何", 110}, {"高", 100}, {"林", 100}, {"罗", 90},
	{"郑", 80}, {"梁", 80}, {"谢", 70}, {"宋", 60}, {"唐", 60},
	{"许", 60}, {"韩", 50}, {"冯", 50}, {"邓", 50}, {"曹", 50},
	{"彭", 50}, {"曾", 50}, {"肖", 50}, {"田", 50}, {"董", 50},
	{"袁", 40}, {"潘", 40}, {"于", 40}, {"蒋", 40}, {"蔡", 40},
	{"余", 40}, {"杜", 40}, {"叶", 40}, {"程", 40}, {"苏", 40},
	{"魏", 40}, {"吕", 40}, {"丁", 40}, {"任", 30}, {"沈", 30},
	{"姚", 30}, {"卢", 30}, {"姜", 30}, {"崔", 30}, {"钟", 30},
	{"谭", 30}, {"陆", 30}, {"汪", 30}, {"范", 30}, {"金", 30},
	{"石", 30}, {"廖", 30}, {"贾", 30}, {"夏", 30}, {"韦", 30},
	{"欧阳", 5}, {"司马", 2}, {"诸葛", 1}, {"上官", 2}, {"慕容", 1},
};
static const char *const given[] = {
	"秀英", "桂英", "秀兰", "玉兰", "桂兰", "秀珍", "凤英", "玉珍",
	"玉英", "兰英", "建华", "建国", "建军", "志强", "志明", "海燕",
	"丽娟", "秀梅", "丽华", "淑珍", "国强", "国华", "红梅", "春梅",
	"晓东", "晓明", "小红", "小军", "文华", "文军", "子涵", "梓涵",
	"一诺", "欣怡", "浩然", "宇轩", "俊杰", "嘉怡", "雨桐", "思远",
	"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
	"艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "辉", "玲",
	"鹏", "华", "飞", "鑫", "波", "斌", "宇", "浩", "凯", "健", "俊",
	"帆", "帅", "旭", "宁", "龙", "林", "欢", "阳", "建", "亮", "成",
};
#define NSUR (int)(sizeof surnames / sizeof *surnames)
#define NGIVEN (int)(sizeof given / sizeof *given)

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
pct(double *v, int n, double p)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[(int)(p * (n - 1))];
}

static void
row(const char *id, const char *what, const char *value, const char *target)
{
	printf("%-4s %-44s %24s   target %s\n", id, what, value, target);
}

/* A surname by frequency. */
static const char *
surname(void)
{
	static int total;
	int i, r;

	if (total == 0)
		for (i = 0; i < NSUR; i++)
			total += surnames[i].w;
	r = (int)(rnd() % (uint32_t)total);
	for (i = 0; i < NSUR - 1 && r >= surnames[i].w; i++)
		r -= surnames[i].w;
	return surnames[i].s;
}

/* The generated data, kept for choosing what to look up. */
struct gen {
	char (*code)[16];
	char (*phone)[16];
	char (*id)[IDCARD_BUFSZ];
	char (*name)[32];
};

static void
make_id(char out[IDCARD_BUFSZ], int i)
{
	char b[64];

	snprintf(b, sizeof b, "%06d%04d%02d%02d%03d",
	    110101 + (int)(rnd() % 500000), 1940 + (int)(rnd() % 65),
	    1 + (int)(rnd() % 12), 1 + (int)(rnd() % 28), i % 1000);
	memcpy(out, b, 17);
	out[17] = idcard_check_char(b);
	out[18] = '\0';
}

static void
make_person(struct owner *o, struct gen *g, int i, char *name, char *phone,
    char *id)
{
	snprintf(name, 32, "%s%s", surname(), given[rnd() % NGIVEN]);
	snprintf(phone, 16, "1%d%09u", 3 + (int)(rnd() % 7),
	    rnd() % 1000000000u);
	make_id(id, i);
	memset(o, 0, sizeof *o);
	o->kind = OWNER_PERSON;
	o->name = name;
	o->phone = phone;
	o->phone2 = (char *)"";
	o->id_type = ID_TYPE_IDCARD;
	o->id_no = id;
	o->emergency_name = (char *)"";
	o->emergency_phone = (char *)"";
	o->notes = (char *)"";
	(void)g;
}

/* 100k houses: 209 buildings of 4 entrances x 30 floors x 4 units. */
static int
fill(struct db *db, void *arg)
{
	struct gen *g = arg;
	char name[32], phone[16], id[IDCARD_BUFSZ];
	struct house h;
	struct owner o;
	struct occupant c;
	int64_t hid, oid;
	int i, k, rc;

	if ((rc = user_db_insert(db, "bench", "bench", "receptionist",
	    "$argon2id$bench", 1, NULL)) != 0)
		return rc;
	memset(&h, 0, sizeof h);
	h.notes = (char *)"";
	for (i = 0; i < NHOUSE; i++) {
		k = i % 480;
		h.building = 1 + i / 480;
		h.entrance = 1 + k / 120;
		h.floor = 1 + (k % 120) / 4;
		h.room = h.floor * 100 + 1 + k % 4;
		snprintf(g->code[i], 16, "%d-%d-%d", h.building, h.entrance,
		    h.room);
		h.code = g->code[i];
		h.area_centi = 6000 + rnd() % 10000;
		h.use = HOUSE_USE_RESIDENCE;
		h.state = (enum house_state)(rnd() % 4);
		if ((rc = house_db_insert(db, &h, 1, &hid)) != 0)
			return rc;
		make_person(&o, g, i, name, phone, id);
		memcpy(g->name[i], name, 32);
		memcpy(g->phone[i], phone, 16);
		memcpy(g->id[i], id, IDCARD_BUFSZ);
		if ((rc = owner_db_insert(db, &o, 1, &oid)) != 0 ||
		    (rc = owner_db_holding_insert(db, hid, oid, "2015-06-01",
		    NULL)) != 0)
			return rc;
		if (rnd() % 5 == 0) { /* a joint owner */
			make_person(&o, g, i + 7, name, phone, id);
			if ((rc = owner_db_insert(db, &o, 1, &oid)) != 0 ||
			    (rc = owner_db_holding_insert(db, hid, oid,
			    "2015-06-01", NULL)) != 0)
				return rc;
		}
		if (rnd() % 3 == 0) { /* an occupant */
			memset(&c, 0, sizeof c);
			make_person(&o, g, i + 11, name, phone, id);
			c.house_id = hid;
			c.name = name;
			c.relation = rnd() % 3 ? REL_FAMILY : REL_TENANT;
			c.relation_note = (char *)"";
			c.phone = phone;
			c.id_type = ID_TYPE_NONE;
			c.id_no = (char *)"";
			c.notes = (char *)"";
			snprintf(c.since, sizeof c.since, "2016-01-01");
			if ((rc = owner_db_occupant_insert(db, &c, 1,
			    NULL)) != 0)
				return rc;
		}
	}
	return 0;
}

/* Time NQ finder searches of texts made by pick(); print one row. */
static void
bench_find(struct session *s, const char *id, const char *what,
    const char *target, void (*pick)(struct gen *, int, char *, size_t),
    struct gen *g)
{
	static double t[NQ];
	struct finder_result r;
	struct db *db = s->db;
	char text[64], buf[96];
	double t0;
	long hits = 0, before;
	int i;

	for (i = 0; i < 50; i++) { /* warm up */
		pick(g, i, text, sizeof text);
		svc_find(s, text, FINDER_LIMIT, &r, NULL);
		finder_result_release(&r);
	}
	before = db_prepare_count(db);
	for (i = 0; i < NQ; i++) {
		pick(g, i, text, sizeof text);
		t0 = now_ms();
		if (svc_find(s, text, FINDER_LIMIT, &r, NULL) != 0)
			fprintf(stderr, "find '%s' failed\n", text);
		t[i] = now_ms() - t0;
		hits += (long)r.total;
		finder_result_release(&r);
	}
	snprintf(buf, sizeof buf, "p50 %.3f p99 %.3f ms", pct(t, NQ, .5),
	    pct(t, NQ, .99));
	row(id, what, buf, target);
	printf("     (%.1f houses found on average; %ld statements prepared)\n",
	    (double)hits / NQ, db_prepare_count(db) - before);
}

static void
pick_house(struct gen *g, int i, char *out, size_t n)
{
	(void)i;
	snprintf(out, n, "%s", g->code[rnd() % NHOUSE]);
}

static void
pick_prefix(struct gen *g, int i, char *out, size_t n)
{
	(void)g;
	(void)i;
	snprintf(out, n, "%d-%d-", 1 + (int)(rnd() % 208),
	    1 + (int)(rnd() % 4));
}

static void
pick_phone(struct gen *g, int i, char *out, size_t n)
{
	(void)i;
	snprintf(out, n, "%s", g->phone[rnd() % NHOUSE]);
}

static void
pick_last4(struct gen *g, int i, char *out, size_t n)
{
	(void)i;
	snprintf(out, n, "%s", g->phone[rnd() % NHOUSE] + 7);
}

static void
pick_id(struct gen *g, int i, char *out, size_t n)
{
	(void)i;
	snprintf(out, n, "%s", g->id[rnd() % NHOUSE]);
}

static void
pick_name1(struct gen *g, int i, char *out, size_t n)
{
	(void)g;
	(void)i;
	snprintf(out, n, "%s", surname()); /* 王 ... (欧阳 is two) */
	if (strlen(out) > 3)
		out[3] = '\0';
}

static void
pick_name2(struct gen *g, int i, char *out, size_t n)
{
	const char *s = g->name[rnd() % NHOUSE];

	/* half the time a given name (秀英), half a surname and one more */
	if (i % 2 == 0)
		snprintf(out, n, "%s", given[rnd() % 40]);
	else
		snprintf(out, n, "%.6s", s);
}

static void
pick_name3(struct gen *g, int i, char *out, size_t n)
{
	(void)i;
	snprintf(out, n, "%s", g->name[rnd() % NHOUSE]);
	if (strlen(out) < 9) /* a 2-character name: add a given name */
		snprintf(out, n, "%s%s", surname(), given[rnd() % 20]);
}

/* The building grid of a 30-floor building. */
static void
bench_grid(struct db *db)
{
	static double t[NQ];
	struct house_cell *cells;
	char buf[96];
	double t0;
	int i, n = 0;

	for (i = 0; i < NQ; i++) {
		t0 = now_ms();
		house_db_grid(db, 1 + (int)(rnd() % 208), &cells, &n);
		t[i] = now_ms() - t0;
		free(cells);
	}
	snprintf(buf, sizeof buf, "p50 %.3f p99 %.3f ms", pct(t, NQ, .5),
	    pct(t, NQ, .99));
	row("", "building grid, 30 floors (480 houses)", buf,
	    "(one frame: 16 ms)");
	printf("     (%d cells in the last grid)\n", n);
}

int
main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	struct gen g;
	struct session s;
	struct db *db = NULL;
	char path[512], buf[64];
	double t0;

	setlocale(LC_ALL, "C.UTF-8");
	g.code = xcalloc(NHOUSE, sizeof *g.code);
	g.phone = xcalloc(NHOUSE, sizeof *g.phone);
	g.id = xcalloc(NHOUSE, sizeof *g.id);
	g.name = xcalloc(NHOUSE, sizeof *g.name);
	snprintf(path, sizeof path, "%s/bench-owner-%ld.db", dir,
	    (long)getpid());
	if (getenv("BENCH_OWNER_DB") != NULL) /* keep it, for a look later */
		snprintf(path, sizeof path, "%s", getenv("BENCH_OWNER_DB"));
	unlink(path);
	if (db_open(&db, path, 5000, DB_OPEN_CREATE) != 0)
		return fprintf(stderr, "open failed\n"), 1;
	t0 = now_ms();
	if (db_tx(db, fill, &g) != 0)
		return fprintf(stderr, "fill failed\n"), 1;
	snprintf(buf, sizeof buf, "%.1f s", (now_ms() - t0) / 1e3);
	row("", "100k households written (one transaction)", buf, "(none)");
	db_close(&db);
	if (db_open(&db, path, 5000, 0) != 0)
		return fprintf(stderr, "reopen failed\n"), 1;
	memset(&s, 0, sizeof s);
	s.db = db;
	s.user_id = 1;
	s.user = s.display = (char *)"bench";
	s.desk = (char *)"bench";
	s.role = ROLE_RECEPTIONIST;

	bench_find(&s, "P1", "find by house number 3-2-1502", "p99 < 1 ms",
	    pick_house, &g);
	bench_find(&s, "P1", "find by phone (11 digits)", "p99 < 1 ms",
	    pick_phone, &g);
	bench_find(&s, "P1", "find by phone's last four digits", "p99 < 1 ms",
	    pick_last4, &g);
	bench_find(&s, "P1", "find by ID number", "p99 < 1 ms", pick_id, &g);
	bench_find(&s, "", "find by house prefix 3-2- (120 houses)",
	    "(P3: 16 ms)", pick_prefix, &g);
	bench_find(&s, "P2", "find by name, 1 character (a surname)", "p99 < 20 ms",
	    pick_name1, &g);
	bench_find(&s, "P2", "find by name, 2 characters",
	    "p99 < 20 ms", pick_name2, &g);
	bench_find(&s, "P2", "find by name, 3+ characters",
	    "p99 < 2 ms", pick_name3, &g);
	bench_grid(db);
	db_close(&db);
	if (getenv("BENCH_OWNER_DB") == NULL)
		unlink(path);
	free(g.code);
	free(g.phone);
	free(g.id);
	free(g.name);
	return 0;
}
