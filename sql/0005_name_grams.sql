-- 0005_name_grams.sql: the finder's path for names of 1 or 2 characters
-- (张, 秀英), which the trigram tables cannot serve and a scan of every
-- name serves too slowly at 100k households: every 1- and 2-character
-- piece of the name of each current owner and occupant, with the house in
-- natural order (house_key), kept in step by triggers.  Derived data:
-- rows come and go with the holdings; nothing of the records is lost.

CREATE TABLE finder_pos (i INTEGER PRIMARY KEY) STRICT;
INSERT INTO finder_pos (i)
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < 64) SELECT i FROM n;

CREATE TABLE name_grams (
	gram      TEXT NOT NULL,    -- lower(substr(name, i, 1 or 2))
	house_key INTEGER NOT NULL, -- building * 1000000 + entrance * 10000 + room
	kind      INTEGER NOT NULL, -- 1 owner, 2 occupant
	person    INTEGER NOT NULL, -- owners.id or occupants.id
	house_id  INTEGER NOT NULL,
	PRIMARY KEY (gram, house_key, kind, person)
) STRICT, WITHOUT ROWID;
CREATE INDEX name_grams_house ON name_grams (house_id, kind, person);

CREATE TRIGGER holdings_grams_insert AFTER INSERT ON holdings
WHEN new.until IS NULL
BEGIN
	INSERT OR IGNORE INTO name_grams
	SELECT lower(substr(o.name, p.i, w.n)),
	       h.building * 1000000 + h.entrance * 10000 + h.room, 1, o.id, h.id
	FROM owners o, houses h, finder_pos p, (SELECT 1 AS n UNION ALL SELECT 2) w
	WHERE o.id = new.owner_id AND h.id = new.house_id
	AND p.i + w.n - 1 <= length(o.name);
END;
CREATE TRIGGER holdings_grams_update AFTER UPDATE OF until ON holdings
WHEN old.until IS NULL OR new.until IS NULL
BEGIN
	DELETE FROM name_grams WHERE house_id = old.house_id AND kind = 1
	AND person = old.owner_id;
	INSERT OR IGNORE INTO name_grams
	SELECT lower(substr(o.name, p.i, w.n)),
	       h.building * 1000000 + h.entrance * 10000 + h.room, 1, o.id, h.id
	FROM owners o, houses h, finder_pos p, (SELECT 1 AS n UNION ALL SELECT 2) w
	WHERE new.until IS NULL AND o.id = new.owner_id
	AND h.id = new.house_id AND p.i + w.n - 1 <= length(o.name);
END;
CREATE TRIGGER owners_grams_update AFTER UPDATE OF name ON owners
BEGIN
	DELETE FROM name_grams WHERE kind = 1 AND person = old.id AND house_id
	IN (SELECT house_id FROM holdings WHERE owner_id = old.id);
	INSERT OR IGNORE INTO name_grams
	SELECT lower(substr(new.name, p.i, w.n)),
	       h.building * 1000000 + h.entrance * 10000 + h.room, 1, new.id, h.id
	FROM holdings g, houses h, finder_pos p,
	     (SELECT 1 AS n UNION ALL SELECT 2) w
	WHERE g.owner_id = new.id AND g.until IS NULL AND h.id = g.house_id
	AND p.i + w.n - 1 <= length(new.name);
END;
CREATE TRIGGER occupants_grams_insert AFTER INSERT ON occupants
WHEN new.until IS NULL
BEGIN
	INSERT OR IGNORE INTO name_grams
	SELECT lower(substr(new.name, p.i, w.n)),
	       h.building * 1000000 + h.entrance * 10000 + h.room, 2, new.id, h.id
	FROM houses h, finder_pos p, (SELECT 1 AS n UNION ALL SELECT 2) w
	WHERE h.id = new.house_id AND p.i + w.n - 1 <= length(new.name);
END;
CREATE TRIGGER occupants_grams_update AFTER UPDATE OF name, until, house_id
ON occupants
BEGIN
	DELETE FROM name_grams WHERE house_id = old.house_id AND kind = 2
	AND person = old.id;
	INSERT OR IGNORE INTO name_grams
	SELECT lower(substr(new.name, p.i, w.n)),
	       h.building * 1000000 + h.entrance * 10000 + h.room, 2, new.id, h.id
	FROM houses h, finder_pos p, (SELECT 1 AS n UNION ALL SELECT 2) w
	WHERE new.until IS NULL AND h.id = new.house_id
	AND p.i + w.n - 1 <= length(new.name);
END;
CREATE TRIGGER houses_grams_update AFTER UPDATE OF building, entrance, room
ON houses
BEGIN
	UPDATE name_grams
	SET house_key = new.building * 1000000 + new.entrance * 10000 + new.room
	WHERE house_id = new.id;
END;
