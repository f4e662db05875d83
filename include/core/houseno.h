/*
 * houseno.h: house numbers (房号), written building-entrance-room as
 * "3-2-1502": building (楼栋) 3, entrance (单元) 2, room 1502 = floor 15,
 * unit 2 on that floor.  Parsing what is typed, the one written form, the
 * natural order, and the prefixes used to narrow a search.  No I/O.
 */
#ifndef FD_CORE_HOUSENO_H
#define FD_CORE_HOUSENO_H

#include <stddef.h>

#define HOUSENO_BUILDING_MAX 999
#define HOUSENO_ENTRANCE_MAX 99
#define HOUSENO_ROOM_MIN 101
#define HOUSENO_ROOM_MAX 9999

/* Enough for any formatted house number ("999-99-9999"). */
#define HOUSENO_BUFSZ 16

/* One house number. */
struct houseno {
	int building; /* 楼栋, 1..999 */
	int entrance; /* 单元, 1..99 */
	int room;     /* 房号, floor * 100 + unit: 101..9999, unit 1..99 */
};

/* How much of a house number a search prefix fixes. */
enum houseno_level {
	HOUSENO_NONE,     /* nothing: empty text */
	HOUSENO_BUILDING, /* "3" or "3-": the building */
	HOUSENO_ENTRANCE, /* "3-2" or "3-2-": building and entrance */
	HOUSENO_ROOM,     /* "3-2-1502": the whole house */
};

/*
 * Parse a house number as typed: "3-2-1502", full-width digits, the dashes
 * － — – (and U+2010, U+2011, U+2212) for '-', and "3栋2单元1502",
 * "3幢2单元1502", "3楼2单元1502", "3号楼2单元1502室", "3-2-1502号",
 * blanks around.  Checks each part's range; a room must have a floor
 * (1..99) and a unit on the floor (1..99): 1502 yes, 15 or 1500 no.
 * OUT: *out, only on success.
 * Returns 0, or ERR_INVALID with a message saying what is wrong.
 */
int houseno_parse(const char *s, struct houseno *out);

/*
 * Format h as "3-2-1502".  OUT: buf (HOUSENO_BUFSZ is enough).
 * Returns 0, or ERR_INVALID when h is out of range or buf is too small (buf
 * then holds "").
 */
int houseno_format(char *buf, size_t bufsz, const struct houseno *h);

/* 1 when every part of h is within range, else 0. */
int houseno_valid(const struct houseno *h);

/*
 * Natural order: by building, then entrance, then room (so 3-2-902 comes
 * before 3-2-1502, and 10-1-101 after 9-1-101).  Returns <0, 0, >0.
 */
int houseno_cmp(const struct houseno *a, const struct houseno *b);

/*
 * Parse a search prefix in the same forms as houseno_parse(): "" fixes
 * nothing, "3" or "3-" (3栋) the building, "3-2" or "3-2-" (3栋2单元) building
 * and entrance, a whole house number all three.  Parts not fixed are 0 in
 * *out.  A room that is not complete ("3-2-15") is refused: the caller
 * searching as the user types should then fall back to a text match.
 * OUT: *out.
 * Returns the enum houseno_level fixed (>= 0), or ERR_INVALID (message set).
 */
int houseno_prefix_parse(const char *s, struct houseno *out);

#endif
