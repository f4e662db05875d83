/*
 * test_housedoc.c: the house detail laid out as lines (housedoc) and the
 * selection in it (housesel).  Lines: the order of the
 * sections and items, every ID and phone number masked unless revealed
 * (保密制度), revealed ones in full and only those, every line within the
 * width with Chinese names, hostile text (invalid UTF-8, line breaks,
 * control characters, a 500-character name) kept on its line and cut, and
 * the placeholders of the sections later modules fill.  Selection: the
 * person behind an item, the numbers offered for a reveal, the card of a
 * person (masked), finding an item again, scrolling with the selection.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"

#include "ui/model/housedoc.h"
#include "ui/model/housesel.h"
#include "util/strbuf.h"
#include "util/text.h"

/* A house with two owners, a tenant, a visit, a former owner. */
struct fixture {
	struct house_detail d;
	struct holding_owner owners[2], past[1];
	struct occupant occ[1];
	struct visit visits[1];
};

static char long_name[600 * 3 + 1];

static void
setup(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	f->d.house = (struct house){ .id = 7, .building = 3, .entrance = 2,
		.room = 1502, .floor = 15, .code = "3-2-1502",
		.area_centi = 8937, .use = HOUSE_USE_RESIDENCE,
		.state = HOUSE_LET, .notes = "东边户\n阳台已封" };
	f->owners[0].h = (struct holding){ 1, 7, 11, "2019-05-01", "" };
	f->owners[0].o = (struct owner){ .id = 11, .kind = OWNER_PERSON,
		.name = "张秀英", .phone = "13812345678", .phone2 = "",
		.id_type = ID_TYPE_IDCARD, .id_no = "110101199003074514",
		.move_in = "2019-06-01", .emergency_name = "李四",
		.emergency_phone = "0376-6123456", .notes = "" };
	f->owners[1].h = (struct holding){ 2, 7, 12, "2019-05-01", "" };
	f->owners[1].o = (struct owner){ .id = 12, .kind = OWNER_COMPANY,
		.name = "信阳宏达商贸有限公司", .phone = "", .phone2 = "",
		.id_type = ID_TYPE_NONE, .id_no = "", .emergency_name = "",
		.emergency_phone = "", .notes = "" };
	f->occ[0] = (struct occupant){ .id = 21, .house_id = 7,
		.name = "王五", .relation = REL_TENANT, .relation_note = "合租",
		.phone = "15902071921", .id_type = ID_TYPE_PASSPORT,
		.id_no = "E12345678", .since = "2025-03-29", .until = "",
		.notes = "" };
	f->visits[0] = (struct visit){ .id = 31, .at = 1767263400,
		.house_id = 7, .house_code = "3-2-1502",
		.visitor_kind = VISITOR_OWNER, .visitor_name = "张秀英",
		.phone = "13812345678", .purpose = VISIT_REPAIR,
		.content = "卫生间漏水\n楼下有水渍", .outcome = "已派工",
		.receiver_name = "王丽", .desk = "1号窗口" };
	f->past[0].h = (struct holding){ 3, 7, 13, "2010-01-01",
		"2019-05-01" };
	f->past[0].o = (struct owner){ .id = 13, .name = "赵六",
		.phone = "13900001111", .phone2 = "", .id_no = "",
		.emergency_name = "", .emergency_phone = "", .notes = "" };
	f->d.owners = (struct holding_vec){ f->owners, 2 };
	f->d.past_owners = (struct holding_vec){ f->past, 1 };
	f->d.occupants = (struct occupant_vec){ f->occ, 1 };
	f->d.visits = (struct visit_vec){ f->visits, 1 };
}

/* 1 when any line of doc contains s. */
static int
has(const struct hd_doc *doc, const char *s)
{
	int i;

	for (i = 0; i < doc->n; i++)
		if (strstr(doc->lines[i].text, s) != NULL)
			return 1;
	return 0;
}

/* housedoc_items(): owners, occupants, visits, past owners, in order. */
static void
test_items(void **state)
{
	struct fixture f;
	struct hd_item *it;
	int n;

	(void)state;
	setup(&f);
	n = housedoc_items(&f.d, NULL, &it);
	assert_int_equal(n, 5);
	assert_int_equal(it[0].kind, HD_OWNER);
	assert_int_equal(it[1].kind, HD_OWNER);
	assert_int_equal(it[1].i, 1);
	assert_int_equal(it[2].kind, HD_OCCUPANT);
	assert_int_equal(it[3].kind, HD_VISIT);
	assert_int_equal(it[4].kind, HD_PAST_OWNER);
	free(it);
	memset(&f.d, 0, sizeof f.d);
	assert_int_equal(housedoc_items(&f.d, NULL, &it), 0);
	assert_null(it);
}

/* No full ID or phone number is laid out unless revealed. */
static void
test_masked(void **state)
{
	static const int widths[] = { 40, 80, 120 };
	struct fixture f;
	struct hd_item *it;
	struct hd_doc doc;
	int n, w;

	(void)state;
	setup(&f);
	n = housedoc_items(&f.d, NULL, &it);
	for (w = 0; w < 3; w++) {
		housedoc_build(&doc, &f.d, it, n, NULL, 0, widths[w], 1, NULL,
		    NULL);
		assert_false(has(&doc, "13812345678"));
		assert_false(has(&doc, "110101199003074514"));
		assert_false(has(&doc, "E12345678"));
		assert_false(has(&doc, "15902071921"));
		assert_false(has(&doc, "6123456"));
		assert_false(has(&doc, "13900001111"));
		if (widths[w] >= 80) {
			assert_true(has(&doc, "138****5678"));
			assert_true(has(&doc, "110***********4514"));
		}
		housedoc_release(&doc);
	}
	free(it);
}

/* A revealed number shows in full, and only that one. */
static void
test_revealed(void **state)
{
	struct fixture f;
	struct hd_item *it;
	struct hd_doc doc;
	struct hd_reveal r = { REVEAL_OWNER, 11, REVEAL_PHONE, "13812345678" };
	int n;

	(void)state;
	setup(&f);
	n = housedoc_items(&f.d, NULL, &it);
	housedoc_build(&doc, &f.d, it, n, &r, 1, 80, 1, NULL, NULL);
	assert_true(has(&doc, "13812345678"));
	assert_false(has(&doc, "110101199003074514"));
	assert_false(has(&doc, "15902071921"));
	housedoc_release(&doc);
	/* the same field of another person is no reveal */
	r.id = 12;
	housedoc_build(&doc, &f.d, it, n, &r, 1, 80, 1, NULL, NULL);
	assert_false(has(&doc, "13812345678"));
	housedoc_release(&doc);
	free(it);
}

/* housedoc_number(): masked, revealed, empty. */
static void
test_number(void **state)
{
	struct hd_reveal r = { REVEAL_OCCUPANT, 5, REVEAL_ID_NO, "E12345678" };
	char buf[64];

	(void)state;
	housedoc_number(buf, sizeof buf, "13812345678", 1, REVEAL_OWNER, 5,
	    REVEAL_PHONE, &r, 1);
	assert_string_equal(buf, "138****5678");
	housedoc_number(buf, sizeof buf, "0376-6123456", 1, REVEAL_OWNER, 5,
	    REVEAL_PHONE, NULL, 0);
	assert_string_equal(buf, "0376-****456");
	housedoc_number(buf, sizeof buf, "E12345678", 0, REVEAL_OCCUPANT, 5,
	    REVEAL_ID_NO, &r, 1);
	assert_string_equal(buf, "E12345678");
	housedoc_number(buf, sizeof buf, "", 1, REVEAL_OWNER, 5,
	    REVEAL_PHONE, &r, 1);
	assert_string_equal(buf, "");
	housedoc_number(buf, sizeof buf, NULL, 1, REVEAL_OWNER, 5,
	    REVEAL_PHONE, &r, 1);
	assert_string_equal(buf, "");
}

/* Sections in order, items under them, lines within the width. */
static void
test_layout(void **state)
{
	struct fixture f;
	struct hd_item *it;
	struct hd_doc doc;
	int n, i, w, last = -1, l;

	(void)state;
	setup(&f);
	n = housedoc_items(&f.d, NULL, &it);
	for (w = 40; w <= 200; w += 40) {
		housedoc_build(&doc, &f.d, it, n, NULL, 0, w, 1, NULL, NULL);
		for (i = 0; i < doc.n; i++)
			assert_true(text_width(doc.lines[i].text) <= w);
		housedoc_release(&doc);
	}
	housedoc_build(&doc, &f.d, it, n, NULL, 0, 80, 1, NULL, NULL);
	assert_int_equal(doc.lines[0].style, HD_FACTS);
	assert_non_null(strstr(doc.lines[0].text, "3-2-1502"));
	assert_non_null(strstr(doc.lines[0].text, "89.37"));
	/* the notes keep to one line */
	assert_non_null(strstr(doc.lines[1].text, "东边户 阳台已封"));
	for (i = 0; i < n; i++) {
		l = housedoc_line_of(&doc, i);
		assert_true(l > last);
		last = l;
	}
	assert_int_equal(housedoc_line_of(&doc, n), -1);
	assert_int_equal(housedoc_line_of(&doc, -1), -1);
	assert_true(has(&doc, "张秀英"));
	assert_true(has(&doc, "信阳宏达商..."));
	assert_true(has(&doc, "Tenant 合租"));
	assert_true(has(&doc, "卫生间漏水 楼下有水渍"));
	assert_true(has(&doc, "2010-01-01 to 2019-05-01"));
	assert_true(has(&doc, "Owners (2)"));
	assert_true(has(&doc, "Former occupants (0)"));
	/* the modules still to come, headed and honest; requests only for
	 * roles that see them (NULL): left out, and never "to come" */
	assert_false(has(&doc, "Service requests"));
	assert_false(has(&doc, "requests module arrives"));
	/* fees only for roles that see them (NULL): left out */
	assert_false(has(&doc, "Bills and payments"));
	assert_true(has(&doc, "Decoration"));
	assert_true(has(&doc, "Documents"));
	assert_true(has(&doc, "arrives"));
	housedoc_release(&doc);
	/* wide: the company's whole name, the ID on the first line */
	housedoc_build(&doc, &f.d, it, n, NULL, 0, 120, 1, NULL, NULL);
	assert_true(has(&doc, "信阳宏达商贸有限公司 (company)"));
	assert_true(has(&doc, "卫生间漏水 楼下有水渍; done: 已派工"));
	l = housedoc_line_of(&doc, 0);
	assert_non_null(strstr(doc.lines[l].text, "110***********4514"));
	housedoc_release(&doc);
	free(it);
}

/* An empty house: the placeholders, by role. */
static void
test_empty(void **state)
{
	struct fixture f;
	struct hd_doc doc;

	(void)state;
	setup(&f);
	memset(&f.d.owners, 0, sizeof f.d.owners);
	memset(&f.d.occupants, 0, sizeof f.d.occupants);
	memset(&f.d.visits, 0, sizeof f.d.visits);
	memset(&f.d.past_owners, 0, sizeof f.d.past_owners);
	housedoc_build(&doc, &f.d, NULL, 0, NULL, 0, 80, 1, NULL, NULL);
	assert_true(has(&doc, "press o to add one"));
	assert_true(has(&doc, "F4 logs one"));
	assert_int_equal(housedoc_line_of(&doc, 0), -1);
	housedoc_release(&doc);
	housedoc_build(&doc, &f.d, NULL, 0, NULL, 0, 80, 0, NULL, NULL);
	assert_false(has(&doc, "press o"));
	assert_true(has(&doc, "No owner on file."));
	housedoc_release(&doc);
}

/* Hostile text: a 500-character name, invalid UTF-8, control characters,
 * a width below the least. */
static void
test_hostile(void **state)
{
	struct fixture f;
	struct hd_item *it;
	struct hd_doc doc;
	int n, i;

	(void)state;
	setup(&f);
	for (i = 0; i < 500; i++)
		memcpy(long_name + 3 * i, "张", 3);
	long_name[1500] = '\0';
	f.owners[0].o.name = long_name;
	f.occ[0].name = "\xff\xfe王\x01五";
	f.visits[0].content = "\x1b[31m红字\r\n\t第二行";
	f.d.house.notes = "\xc3";
	n = housedoc_items(&f.d, NULL, &it);
	housedoc_build(&doc, &f.d, it, n, NULL, 0, 10, 1, NULL, NULL);
	for (i = 0; i < doc.n; i++) {
		assert_true(text_width(doc.lines[i].text) <= 40);
		assert_null(strchr(doc.lines[i].text, '\n'));
		assert_null(strchr(doc.lines[i].text, '\x1b'));
	}
	assert_true(has(&doc, "..."));
	housedoc_release(&doc);
	free(it);
}

/* housesel_owner(), _occupant(), _id(), _numbers(), _raw(), _find(). */
static void
test_selection(void **state)
{
	struct fixture f;
	struct hd_item *it;
	enum reveal_field fl[4];
	int n;

	(void)state;
	setup(&f);
	n = housedoc_items(&f.d, NULL, &it);
	assert_string_equal(housesel_owner(&f.d, &it[0])->name, "张秀英");
	assert_null(housesel_occupant(&f.d, &it[0]));
	assert_string_equal(housesel_occupant(&f.d, &it[2])->name, "王五");
	assert_null(housesel_owner(&f.d, &it[3]));
	assert_int_equal(housesel_id(&f.d, &it[3]), 31);
	assert_int_equal(housesel_id(&f.d, &it[4]), 13);
	assert_int_equal(housesel_id(&f.d, NULL), 0);
	assert_int_equal(housesel_numbers(&f.d, &it[0], fl, 4), 3);
	assert_int_equal(fl[0], REVEAL_PHONE);
	assert_int_equal(fl[1], REVEAL_ID_NO);
	assert_int_equal(fl[2], REVEAL_EMERGENCY_PHONE);
	assert_int_equal(housesel_numbers(&f.d, &it[0], fl, 1), 1);
	assert_int_equal(housesel_numbers(&f.d, &it[1], fl, 4), 0);
	assert_int_equal(housesel_numbers(&f.d, &it[2], fl, 4), 2);
	assert_int_equal(housesel_numbers(&f.d, &it[3], fl, 4), 0);
	assert_string_equal(housesel_raw(&f.d, &it[2], REVEAL_ID_NO),
	    "E12345678");
	assert_string_equal(housesel_raw(&f.d, &it[2], REVEAL_PHONE2), "");
	assert_string_equal(housesel_raw(&f.d, &it[3], REVEAL_PHONE), "");
	assert_int_equal(housesel_find(&f.d, it, n, HD_OCCUPANT, 21), 2);
	assert_int_equal(housesel_find(&f.d, it, n, HD_OWNER, 21), -1);
	assert_int_equal(housesel_find(&f.d, it, n, HD_PAST_OWNER, 13), 4);
	assert_int_equal(housesel_find(&f.d, it, n, HD_OWNER, 0), -1);
	free(it);
}

/* housesel_card(): the whole person, numbers masked unless revealed. */
static void
test_card(void **state)
{
	struct fixture f;
	struct hd_item *it;
	struct strbuf sb = STRBUF_INIT;
	struct hd_reveal r = { REVEAL_OCCUPANT, 21, REVEAL_ID_NO, "E12345678" };

	(void)state;
	setup(&f);
	housedoc_items(&f.d, NULL, &it);
	housesel_card(&sb, &f.d, &it[0], NULL, 0);
	assert_non_null(strstr(sb.buf, "张秀英"));
	assert_non_null(strstr(sb.buf, "138****5678"));
	assert_non_null(strstr(sb.buf, "0376-****456"));
	assert_null(strstr(sb.buf, "13812345678"));
	assert_null(strstr(sb.buf, "110101199003074514"));
	strbuf_reset(&sb);
	housesel_card(&sb, &f.d, &it[2], &r, 1);
	assert_non_null(strstr(sb.buf, "E12345678"));
	assert_null(strstr(sb.buf, "15902071921"));
	strbuf_reset(&sb);
	housesel_card(&sb, &f.d, &it[3], NULL, 0);
	assert_int_equal(sb.len, 0);
	strbuf_release(&sb);
	free(it);
}

/* housesel_scroll(): follow, pick, keep, and the ends. */
static void
test_scroll(void **state)
{
	struct fixture f;
	struct hd_item *it;
	struct hd_doc doc;
	int n, top, sel, l;

	(void)state;
	setup(&f);
	n = housedoc_items(&f.d, NULL, &it);
	housedoc_build(&doc, &f.d, it, n, NULL, 0, 80, 1, NULL, NULL);
	/* follow: the last item comes into view, with its heading */
	top = 0;
	sel = n - 1;
	housesel_scroll(&doc, 5, HOUSESEL_FOLLOW, &top, &sel);
	l = housedoc_line_of(&doc, sel);
	assert_true(l >= top && l < top + 5);
	assert_int_equal(doc.lines[top].style, HD_HEADING);
	/* back up to the first item */
	sel = 0;
	housesel_scroll(&doc, 5, HOUSESEL_FOLLOW, &top, &sel);
	assert_true(housedoc_line_of(&doc, 0) >= top);
	/* pick: the first item shown gets selected */
	top = housedoc_line_of(&doc, 3) - 1;
	housesel_scroll(&doc, 5, HOUSESEL_PICK, &top, &sel);
	assert_int_equal(sel, 3);
	/* keep: past the end is pulled back; nothing selected is fine */
	top = 10000;
	sel = -1;
	housesel_scroll(&doc, 5, HOUSESEL_FOLLOW, &top, &sel);
	assert_int_equal(top, doc.n - 5);
	assert_int_equal(sel, -1);
	top = -3;
	housesel_scroll(&doc, doc.n + 10, HOUSESEL_KEEP, &top, &sel);
	assert_int_equal(top, 0);
	housedoc_release(&doc);
	free(it);
}

/* Two bills (one open, one paid), a voided and a kept payment, a
 * reminder. */
struct fee_fixture {
	struct house_fees f;
	struct bill bills[3];
	struct payment pays[2];
	struct reminder rem[1];
};

static void
setup_fees(struct fee_fixture *x)
{
	memset(x, 0, sizeof *x);
	x->bills[0] = (struct bill){ .id = 1, .period = "2025-12",
		.amount_fen = 10724, .paid_fen = 0, .due = "2026-01-15",
		.item_name = "物业服务费" };
	x->bills[1] = (struct bill){ .id = 2, .period = "2025-11",
		.amount_fen = 4313, .paid_fen = 1000, .due = "2025-12-15",
		.item_name = "水费\n冷水" };
	x->bills[2] = (struct bill){ .id = 3, .period = "2025-10",
		.amount_fen = 10724, .paid_fen = 10724, .due = "2025-11-15",
		.item_name = "物业服务费" };
	x->pays[0] = (struct payment){ .id = 9, .year = 2025, .seq = 123,
		.method = PAY_WECHAT, .amount_fen = 11724, .day = "2025-11-20",
		.cashier = "陈静", .void_state = -1 };
	x->pays[1] = (struct payment){ .id = 8, .year = 2025, .seq = 7,
		.method = PAY_CASH, .amount_fen = 500, .day = "2025-10-02",
		.cashier = "陈静", .void_state = VOID_APPROVED };
	x->rem[0] = (struct reminder){ .id = 1, .day = "2025-12-20",
		.method = REMIND_PHONE, .user = "王丽", .result = "答应月底交" };
	x->f.bills = (struct bill_vec){ x->bills, 3 };
	x->f.payments = (struct payment_vec){ x->pays, 2 };
	x->f.reminders = (struct reminder_vec){ x->rem, 1 };
	x->f.open_fen = 10724 + 3313;
	x->f.credit_fen = 250;
}

/* The fees section: open total, credit, bills, payments, voided; the
 * owed amount on the facts line; within the width. */
static void
test_fees(void **state)
{
	struct fixture f;
	struct fee_fixture x;
	struct hd_item *it;
	struct hd_doc doc;
	int n, i, w, heading = -1, docs = -1;

	(void)state;
	setup(&f);
	setup_fees(&x);
	n = housedoc_items(&f.d, NULL, &it);
	for (w = 40; w <= 200; w += 40) {
		housedoc_build(&doc, &f.d, it, n, NULL, 0, w, 1, &x.f, NULL);
		for (i = 0; i < doc.n; i++) {
			assert_true(text_width(doc.lines[i].text) <= w);
			assert_null(strchr(doc.lines[i].text, '\n'));
		}
		housedoc_release(&doc);
	}
	housedoc_build(&doc, &f.d, it, n, NULL, 0, 80, 1, &x.f, NULL);
	assert_non_null(strstr(doc.lines[0].text, "owes 140.37 yuan"));
	for (i = 0; i < doc.n; i++) {
		if (strcmp(doc.lines[i].text, "Bills and payments") == 0)
			heading = i;
		if (strcmp(doc.lines[i].text, "Documents") == 0)
			docs = i;
	}
	assert_true(heading > 0);
	assert_int_equal(doc.lines[heading].style, HD_HEADING);
	assert_true(docs > heading);
	assert_true(has(&doc, "Open 140.37 yuan in 2 bills; credit 2.50 "
	    "yuan"));
	assert_true(has(&doc, "Reminded 1 times, the last on 2025-12-20"));
	assert_true(has(&doc, "2025-12 物业服务费"));
	assert_true(has(&doc, "107.24"));
	assert_true(has(&doc, "unpaid"));
	assert_true(has(&doc, "part paid"));
	assert_true(has(&doc, "水费 冷水"));
	assert_true(has(&doc, "2025-000123"));
	assert_true(has(&doc, "117.24"));
	assert_true(has(&doc, "WeCha")); /* cut in English, whole in Chinese */
	assert_true(has(&doc, "voided"));
	assert_true(has(&doc, "Settled"));
	assert_false(has(&doc, "when the fees module arrives"));
	/* the payment columns line up under their titles */
	for (i = 0; i < doc.n; i++)
		if (strstr(doc.lines[i].text, "Receipt no.") != NULL)
			break;
	assert_true(i + 1 < doc.n);
	assert_int_equal(strstr(doc.lines[i].text, "Date paid") -
	    doc.lines[i].text, strstr(doc.lines[i + 1].text, "2025-11-20") -
	    doc.lines[i + 1].text);
	housedoc_release(&doc);
	/* nothing open, nothing paid yet: said so, no owed amount on top */
	x.f.bills.n = 0;
	x.f.payments.n = 0;
	x.f.reminders.n = 0;
	x.f.open_fen = 0;
	housedoc_build(&doc, &f.d, it, n, NULL, 0, 80, 1, &x.f, NULL);
	assert_null(strstr(doc.lines[0].text, "owes"));
	assert_true(has(&doc, "Nothing open; credit 2.50 yuan"));
	assert_true(has(&doc, "No bills yet."));
	assert_true(has(&doc, "No payments yet."));
	housedoc_release(&doc);
	free(it);
}

/* Many bills: every open one is listed, paid ones up to the limit. */
static void
test_fees_many(void **state)
{
	struct fixture f;
	struct house_fees hf;
	struct bill b[60];
	struct hd_doc doc;
	int i, open = 0;

	(void)state;
	setup(&f);
	memset(&hf, 0, sizeof hf);
	for (i = 0; i < 60; i++) {
		b[i] = (struct bill){ .id = i + 1, .period = "2021-01",
			.amount_fen = 100, .paid_fen = i % 2 ? 100 : 0,
			.due = "2021-02-15", .item_name = "停车费" };
		open += i % 2 == 0;
	}
	hf.bills = (struct bill_vec){ b, 60 };
	housedoc_build(&doc, &f.d, NULL, 0, NULL, 0, 80, 1, &hf, NULL);
	for (i = 0, open = 0; i < doc.n; i++)
		open += strstr(doc.lines[i].text, "unpaid") != NULL;
	assert_int_equal(open, 30);
	/* 12 paid ones come first, with 12 open ones, up to the 24 */
	assert_true(has(&doc, " 42 of 60 bills shown"));
	housedoc_release(&doc);
}

/* The service requests: newest first as given, number, type, state and
 * the summary on one line cut to the width; the total in the heading and
 * a note when more are on file; closed ones dimmed; none said plainly. */
static void
test_requests(void **state)
{
	struct fixture f;
	struct request_row rows[2];
	struct request_list l;
	struct hd_doc doc;
	int i, w, line = -1;

	(void)state;
	setup(&f);
	for (i = 0; i < 600; i++)
		memcpy(long_name + 3 * i, "修", 3);
	long_name[1800] = '\0';
	memset(rows, 0, sizeof rows);
	snprintf(rows[0].no, sizeof rows[0].no, "TS20261128-0012");
	rows[0].type = REQ_REPAIR;
	rows[0].state = REQ_IN_PROGRESS;
	rows[0].summary = long_name;
	snprintf(rows[1].no, sizeof rows[1].no, "TS20260301-0001");
	rows[1].type = REQ_COMPLAINT;
	rows[1].state = REQ_CLOSED;
	rows[1].summary = "楼道\n噪音";
	l.v = rows;
	l.n = 2;
	l.total = 7;
	for (w = 40; w <= 160; w += 40) {
		housedoc_build(&doc, &f.d, NULL, 0, NULL, 0, w, 1, NULL, &l);
		assert_true(has(&doc, "Service requests (7)"));
		assert_true(has(&doc, "The newest 2 of 7 are shown"));
		for (i = 0; i < doc.n; i++) {
			assert_true(text_width(doc.lines[i].text) <= w);
			if (strstr(doc.lines[i].text, "TS20261128-0012"))
				line = i;
		}
		assert_true(line >= 0);
		assert_non_null(strstr(doc.lines[line].text, "In progress"));
		if (w >= 80)
			assert_non_null(strstr(doc.lines[line].text,
			    "Repair"));
		assert_int_equal(doc.lines[line].style, HD_TEXT);
		assert_int_equal(doc.lines[line + 1].style, HD_DIM);
		if (w >= 80)
			assert_non_null(strstr(doc.lines[line + 1].text,
			    "Closed      Complaint    楼道 噪音"));
		housedoc_release(&doc);
	}
	l.n = 0;
	l.total = 0;
	housedoc_build(&doc, &f.d, NULL, 0, NULL, 0, 80, 1, NULL, &l);
	assert_true(has(&doc, "Service requests (0)"));
	assert_true(has(&doc, "No service requests about this house."));
	assert_false(has(&doc, "are shown"));
	housedoc_release(&doc);
}

/* The requests are items after the house's own, each on its line. */
static void
test_request_items(void **state)
{
	struct fixture f;
	struct request_row rows[2];
	struct request_list l;
	struct hd_item *it;
	struct hd_doc doc;
	int n, base, k, line;

	(void)state;
	setup(&f);
	memset(rows, 0, sizeof rows);
	snprintf(rows[0].no, sizeof rows[0].no, "TS20261128-0012");
	rows[0].summary = "厨房漏水";
	snprintf(rows[1].no, sizeof rows[1].no, "TS20260301-0001");
	rows[1].summary = "楼道噪音";
	rows[1].state = REQ_CLOSED;
	l.v = rows;
	l.n = 2;
	l.total = 2;
	base = housedoc_items(&f.d, NULL, &it);
	free(it);
	n = housedoc_items(&f.d, &l, &it);
	assert_int_equal(n, base + 2);
	for (k = 0; k < 2; k++) {
		assert_int_equal(it[base + k].kind, HD_REQUEST);
		assert_int_equal(it[base + k].i, k);
	}
	housedoc_build(&doc, &f.d, it, n, NULL, 0, 80, 1, NULL, &l);
	for (k = 0; k < 2; k++) {
		line = housedoc_line_of(&doc, base + k);
		assert_true(line >= 0);
		assert_non_null(strstr(doc.lines[line].text, rows[k].no));
	}
	/* the closed one is selectable too, still dimmed */
	assert_int_equal(doc.lines[housedoc_line_of(&doc, base + 1)].style,
	    HD_DIM);
	housedoc_release(&doc);
	free(it);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_requests),
		cmocka_unit_test(test_request_items),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_fees),
		cmocka_unit_test(test_fees_many),
		cmocka_unit_test(test_masked),
		cmocka_unit_test(test_revealed),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_selection),
		cmocka_unit_test(test_card),
		cmocka_unit_test(test_scroll),
	};

	test_locale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
