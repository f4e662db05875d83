/*
 * household.h: the pure domain of houses, owners, occupants and visits
 * (业主档案, 来访登记): the coded values and their labels, floor areas in
 * hundredths of a square metre, the rules for names and free text, how a
 * house's state follows the people in it, and what the one search box of
 * the finder was given.  No I/O, no SQL.
 */
#ifndef FD_CORE_HOUSEHOLD_H
#define FD_CORE_HOUSEHOLD_H

#include <stddef.h>
#include <stdint.h>

#include "core/houseno.h"

/* Longest name (owner, occupant, visitor, emergency contact), in characters. */
#define HOUSEHOLD_NAME_MAX 64
/* Longest free text (notes, visit content and outcome), in characters. */
#define HOUSEHOLD_TEXT_MAX 2000
/* Longest relation detail of an occupant ("儿子", "spouse"), in characters. */
#define HOUSEHOLD_REL_NOTE_MAX 32

/* Largest floor area: 99999.99 m², in hundredths. */
#define AREA_CENTI_MAX INT64_C(9999999)
/* Enough for any formatted area ("99999.99"). */
#define AREA_BUFSZ 16

/* The coded value sets of this module, for the generic functions below. */
enum household_set {
	HH_HOUSE_USE,     /* enum house_use */
	HH_HOUSE_STATE,   /* enum house_state */
	HH_OWNER_KIND,    /* enum owner_kind */
	HH_ID_TYPE,       /* enum id_type */
	HH_RELATION,      /* enum occupant_relation */
	HH_VISIT_PURPOSE, /* enum visit_purpose */
	HH_VISITOR_KIND,  /* enum visitor_kind */
	HH_SET_COUNT
};

/* What a house is used for (用途).  Codes: residence shop parking storeroom. */
enum house_use {
	HOUSE_USE_RESIDENCE, /* 住宅 */
	HOUSE_USE_SHOP,      /* 商铺 */
	HOUSE_USE_PARKING,   /* 车位 */
	HOUSE_USE_STOREROOM, /* 储藏室 */
	HOUSE_USE_COUNT
};

/* The state of a house (房屋状态).  Codes: vacant occupied decorating let. */
enum house_state {
	HOUSE_VACANT,     /* 空置 */
	HOUSE_OCCUPIED,   /* 已入住 */
	HOUSE_DECORATING, /* 装修中 */
	HOUSE_LET,        /* 出租 */
	HOUSE_STATE_COUNT
};

/* Who an owner is.  Codes: person company. */
enum owner_kind {
	OWNER_PERSON,  /* 个人 */
	OWNER_COMPANY, /* 单位 */
	OWNER_KIND_COUNT
};

/* The document behind an ID number.  Codes: idcard passport other none. */
enum id_type {
	ID_TYPE_IDCARD,   /* 居民身份证: 18 characters, check digit (idcard.h) */
	ID_TYPE_PASSPORT, /* 护照: idcard_other_parse() */
	ID_TYPE_OTHER,    /* 其他证件 (港澳通行证 ...): idcard_other_parse() */
	ID_TYPE_NONE,     /* 无: no number */
	ID_TYPE_COUNT
};

/* How an occupant (使用人) relates to the owners.  Codes: family tenant other. */
enum occupant_relation {
	REL_FAMILY, /* 家属: the detail (配偶, 儿子 ...) is free text */
	REL_TENANT, /* 租户 */
	REL_OTHER,  /* 其他 */
	REL_COUNT
};

/* Why someone came to the desk.  Codes: consult complaint repair business other. */
enum visit_purpose {
	VISIT_CONSULT,   /* 咨询 */
	VISIT_COMPLAINT, /* 投诉 */
	VISIT_REPAIR,    /* 报修 */
	VISIT_BUSINESS,  /* 办事 */
	VISIT_OTHER,     /* 其他 */
	VISIT_PURPOSE_COUNT
};

/* Who came.  Codes: owner occupant other. */
enum visitor_kind {
	VISITOR_OWNER,    /* 业主 */
	VISITOR_OCCUPANT, /* 住户 (an occupant) */
	VISITOR_OTHER,    /* 其他 */
	VISITOR_KIND_COUNT
};

/* ---- coded values ------------------------------------------------------- */

/* Number of values in set (HOUSE_USE_COUNT ...); 0 for an unknown set. */
int household_count(enum household_set set);

/*
 * The code stored in the database for value v of set ("residence",
 * "vacant" ...).  NULL when set or v is out of range.
 */
const char *household_code(enum household_set set, int v);

/*
 * The label for the counter, translated (住宅, 已入住 ...).  "?" when set or
 * v is out of range.
 */
const char *household_label(enum household_set set, int v);

/*
 * The value of a code or a label: the code ("shop"), the English label
 * ("shop"), the Chinese label (商铺, whatever the language) or the label of
 * the current language, blanks around ignored, ASCII case ignored.  Used
 * for imports and forms.
 * OUT: *out, only on success.
 * Returns 0, or ERR_INVALID with a message listing the allowed labels.
 */
int household_parse(enum household_set set, const char *s, int *out);

/* ---- areas -------------------------------------------------------------- */

/*
 * Parse a floor area in m² as typed: "89.37", "89.5", "120", full-width
 * digits ("１２０"), blanks around, an optional unit after it ("m2", "m²",
 * "㎡", "平方米", "平米").  Refuses an empty text, 0, a sign, more than two
 * decimals, anything over 99999.99, and other characters, each with its
 * own message.
 * OUT: *centi (hundredths of m²: "89.37" -> 8937), only on success.
 * Returns 0 or ERR_INVALID with a message.
 */
int area_parse(const char *s, int64_t *centi);

/*
 * Format hundredths of m² with two decimals: 8937 -> "89.37", 12000 ->
 * "120.00" (no unit).  OUT: buf (AREA_BUFSZ is enough).
 * Returns 0, or ERR_INVALID when centi is negative or buf too small (buf
 * then holds "").
 */
int area_format(char *buf, size_t bufsz, int64_t centi);

/* ---- names and free text -------------------------------------------------- */

/*
 * Check and clean a name (owner, occupant, visitor, contact): blanks and
 * U+3000 trimmed from both ends; then 1..HOUSEHOLD_NAME_MAX characters of
 * valid UTF-8 without control characters.  field is the translated name of
 * the field for the message ("owner name"); NULL means "name".
 * OUT: *out (xmalloc'd; caller frees), only on success.
 * Returns 0 or ERR_INVALID with a message (a 500-character name is refused
 * with how many characters it had).
 */
int household_name_clean(const char *in, const char *field, char **out);

/*
 * Check and clean free text (notes, visit content, relation detail): trimmed
 * like a name; 0..maxchars characters of valid UTF-8; line breaks and tabs
 * allowed, other control characters not.  NULL in is "".  field as above;
 * NULL means "text".
 * OUT: *out (xmalloc'd, "" for none; caller frees), only on success.
 * Returns 0 or ERR_INVALID with a message.
 */
int household_text_clean(const char *in, size_t maxchars, const char *field,
    char **out);

/* ---- the state of a house ------------------------------------------------- */

/* Who lives in a house now, as far as the records tell. */
struct house_people {
	int owners_in; /* current owners with a move-in date on or before today */
	int family;    /* current occupants that are family or other */
	int tenants;   /* current occupants that are tenants */
};

/*
 * The state a house should have after its owners or occupants changed:
 * a house under decoration stays so (only an edit ends it); with tenants
 * it is let (出租); with an owner moved in or family it is occupied
 * (已入住); else vacant (空置).  Applied by svc after adding or ending an
 * occupant, linking an owner and a transfer; an explicit edit of the house
 * sets any state.
 */
enum house_state household_state_follow(enum house_state cur,
    const struct house_people *p);

/* ---- the finder: what was typed into the search box ----------------------- */

/* Longest search text looked at, in bytes (after clean-up). */
#define FINDER_TEXT_MAX 128
#define FINDER_BUFSZ (FINDER_TEXT_MAX + 1)

/* What the search box holds, decided from its text alone. */
enum finder_kind {
	FINDER_EMPTY,       /* nothing to search */
	FINDER_HOUSE,       /* a house number or its prefix: "3", "3-2-", "3-2-15" */
	FINDER_PHONE_LAST4, /* exactly four digits: a phone's last four */
	FINDER_PHONE,       /* 5 to 14 digits, or a number phone_parse() takes */
	FINDER_IDNO,        /* 15 to 18 characters of digits (last may be X), or
			       letters and digits mixed (a passport) */
	FINDER_NAME_SHORT,  /* a name of 1 or 2 characters (张, 秀英) */
	FINDER_NAME,        /* a name of 3 or more characters */
};

/* The search box, classified. */
struct finder_query {
	enum finder_kind kind;
	/*
	 * FINDER_HOUSE: the parts fixed (level is an enum houseno_level:
	 * HOUSENO_BUILDING, HOUSENO_ENTRANCE or HOUSENO_ROOM; with
	 * HOUSENO_ENTRANCE a partly typed room may be in text).
	 */
	struct houseno house;
	int level;
	/*
	 * The normalised text to look for:
	 *   FINDER_HOUSE: the prefix of the written house code that every
	 *       match starts with: "3-", "3-2-", "3-2-15", "3-2-1502";
	 *   FINDER_PHONE_LAST4: the four digits;
	 *   FINDER_PHONE: the canonical number when phone_parse() takes it,
	 *       else the digits typed (matched as a prefix);
	 *   FINDER_IDNO: upper-case, canonical when idcard_parse() takes it
	 *       (matched as a prefix while shorter than 18);
	 *   FINDER_NAME_SHORT, FINDER_NAME: the trimmed text.
	 */
	char text[FINDER_BUFSZ];
	int exact; /* 1 when text is complete: a house number with a 4-digit
		      room (3-2-150 may go on to 3-2-1502), a number
		      phone_parse() takes, a valid ID number.  Informative:
		      finder_db matches text as a prefix either way */
	int nchars; /* characters in text */
};

/*
 * Classify what was typed into the finder, in this order: empty; a house
 * number or prefix (houseno_prefix_parse(), or "B-E-" followed by 1 to 3
 * digits of a room); all digits (spaces and hyphens between ignored): 1-3
 * -> building, 4 -> phone last four, 5-14 -> phone, 15-18 -> ID number;
 * a landline or mobile number in any form phone_parse() takes; an ID
 * number ending in X; ASCII letters mixed with digits -> a passport
 * number; anything else -> a name, short (1-2 characters) or not.
 * Full-width forms are made ASCII first.
 * OUT: *out, always set (FINDER_EMPTY on error).
 * Returns 0, or ERR_INVALID with a message for text over FINDER_TEXT_MAX
 * bytes, invalid UTF-8 or control characters.
 */
int finder_classify(const char *text, struct finder_query *out);

#endif
