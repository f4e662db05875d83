-- 0002_owners.sql: houses (房屋), owners (业主) and who holds what from
-- when (holdings; history kept).  Codes as in core/household.c.  Edits carry
-- version (optimistic concurrency).  Nothing is deleted.

CREATE TABLE houses (
	id         INTEGER PRIMARY KEY,
	building   INTEGER NOT NULL CHECK (building BETWEEN 1 AND 999),
	entrance   INTEGER NOT NULL CHECK (entrance BETWEEN 1 AND 99),
	room       INTEGER NOT NULL
	           CHECK (room BETWEEN 101 AND 9999 AND room % 100 <> 0),
	floor      INTEGER NOT NULL CHECK (floor = room / 100),
	code       TEXT NOT NULL UNIQUE
	           CHECK (code = building || '-' || entrance || '-' || room),
	area_centi INTEGER NOT NULL CHECK (area_centi BETWEEN 1 AND 9999999),
	use        TEXT NOT NULL
	           CHECK (use IN ('residence', 'shop', 'parking', 'storeroom')),
	state      TEXT NOT NULL
	           CHECK (state IN ('vacant', 'occupied', 'decorating', 'let')),
	notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
	version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
) STRICT;
-- natural order and the building grid
CREATE INDEX houses_grid ON houses (building, entrance, room);

CREATE TABLE owners (
	id              INTEGER PRIMARY KEY,
	kind            TEXT NOT NULL CHECK (kind IN ('person', 'company')),
	name            TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
	phone           TEXT NOT NULL DEFAULT '' CHECK (length(phone) < 24),
	phone2          TEXT NOT NULL DEFAULT '' CHECK (length(phone2) < 24),
	id_type         TEXT NOT NULL
	                CHECK (id_type IN ('idcard', 'passport', 'other', 'none')),
	id_no           TEXT NOT NULL DEFAULT ''
	                CHECK ((id_type = 'none') = (id_no = '')
	                AND (id_type <> 'idcard' OR length(id_no) = 18)
	                AND length(id_no) <= 32),
	move_in         TEXT NOT NULL DEFAULT ''
	                CHECK (move_in = '' OR date(move_in, '+0 days') IS move_in),
	emergency_name  TEXT NOT NULL DEFAULT '' CHECK (length(emergency_name) <= 64),
	emergency_phone TEXT NOT NULL DEFAULT '' CHECK (length(emergency_phone) < 24),
	notes           TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
	version         INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	created_at      INTEGER NOT NULL,
	updated_at      INTEGER NOT NULL
) STRICT;

-- An owner holds a house from since; until is the day it passed on
-- (the next holder's since), NULL while current.
CREATE TABLE holdings (
	id       INTEGER PRIMARY KEY,
	house_id INTEGER NOT NULL REFERENCES houses (id),
	owner_id INTEGER NOT NULL REFERENCES owners (id),
	since    TEXT NOT NULL CHECK (date(since, '+0 days') IS since),
	until    TEXT CHECK (until IS NULL OR (date(until, '+0 days') IS until
	         AND until >= since))
) STRICT;
-- covering: a house's owners, an owner's houses, without the table
CREATE INDEX holdings_house ON holdings (house_id, until, since, owner_id);
CREATE INDEX holdings_owner ON holdings (owner_id, until, house_id);
CREATE UNIQUE INDEX holdings_open ON holdings (house_id, owner_id)
	WHERE until IS NULL;

CREATE TRIGGER houses_no_delete BEFORE DELETE ON houses
BEGIN
	SELECT RAISE(ABORT, 'houses are never deleted');
END;
CREATE TRIGGER owners_no_delete BEFORE DELETE ON owners
BEGIN
	SELECT RAISE(ABORT, 'owners are never deleted');
END;
CREATE TRIGGER holdings_no_delete BEFORE DELETE ON holdings
BEGIN
	SELECT RAISE(ABORT, 'holdings are never deleted; end them with a date');
END;
