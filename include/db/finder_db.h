/*
 * finder_db.h: the one search box of the front desk (查找): a classified
 * query (core/household.h finder_classify()) becomes one indexed lookup,
 * and the answer is a list of houses, each with its current owners, in the
 * natural order of house numbers.  A household is found by its house
 * number, by a current owner or by a current occupant.  Read only.
 *
 * Paths (all on indexes except the short names):
 *   house prefix:       range on houses.code
 *   phone last four:    expression indexes substr(phone, -4) of owners
 *                       (phone, phone2) and occupants
 *   phone:              range on owners.phone / phone2 / occupants.phone
 *   ID number:          range on owners.id_no / occupants.id_no
 *   name, 3+ characters: FTS5 trigram tables of owner and occupant names
 *   name, 1-2 characters: the name_grams table (every 1- and 2-character
 *                       piece of each current name, in natural order of
 *                       house); the trigram table finds nothing for fewer
 *                       than three characters, silently, and a scan of
 *                       every name with instr() costs 15-40 ms at 100k
 */
#ifndef FD_DB_FINDER_DB_H
#define FD_DB_FINDER_DB_H

#include <stdint.h>

#include "core/household.h"

struct db;

/* Default and largest number of houses returned. */
#define FINDER_LIMIT 200

/* Why a house is in the result. */
enum finder_match {
	FINDER_BY_HOUSE,    /* its number */
	FINDER_BY_OWNER,    /* a current owner */
	FINDER_BY_OCCUPANT, /* a current occupant */
};

/* One house found.  Strings owned; free with finder_hit_release(). */
struct finder_hit {
	int64_t house_id;
	char *code;             /* "3-2-1502" */
	enum house_state state;
	enum house_use use;
	char *owner_names;      /* current owners joined by "、" ("张三、李四"),
				   "" when none */
	char *owner_phone;      /* the first current owner's phone (raw; the UI
				   masks it), "" when none */
	int64_t owner_id;       /* the first current owner, 0 when none */
	enum finder_match match;
	char *matched_name;     /* FINDER_BY_OCCUPANT/OWNER: whose name, phone
				   or ID matched ("王五"); "" for a house */
	int64_t matched_id;     /* that owner's or occupant's id; 0 */
};

/* Free the strings of h (not h). */
void finder_hit_release(struct finder_hit *h);

/* The answer: the first hits in natural order, and how many there are. */
struct finder_result {
	struct finder_hit *hits; /* xmalloc'd, NULL when nhits is 0 */
	int nhits;               /* <= the limit asked for */
	int64_t total;           /* houses matching in all (>= nhits) */
};

/* Free every hit and the array; r becomes empty. */
void finder_result_release(struct finder_result *r);

/*
 * Look up q (from finder_classify()): at most limit houses (1..
 * FINDER_LIMIT; others mean FINDER_LIMIT), in natural order of house
 * number, each once (the first reason it matched), with the total number
 * of houses matching.  FINDER_EMPTY gives an empty result.
 * OUT: *out (finder_result_release()), always set.
 * Returns 0 or an error.
 */
int finder_db_search(struct db *db, const struct finder_query *q, int limit,
    struct finder_result *out);

/*
 * For `frontdesk check`: the current owners and occupants that the
 * short-name table (name_grams, kept by triggers) does not know, i.e. that
 * a search by one or two characters would miss.
 * OUT: *missing.  0 or an error.
 */
int finder_db_check(struct db *db, int64_t *missing);

#endif
