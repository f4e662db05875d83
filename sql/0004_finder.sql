-- 0004_finder.sql: what the finder (查找) looks up, each on an index:
-- house numbers (houses.code, unique), phones whole or by their last four
-- digits, ID numbers, and names of owners and occupants.  Names of 3+
-- characters go through FTS5 trigram tables kept in step by triggers;
-- 1-2 characters must not (trigram finds nothing for them, silently):
-- they have their own table (0005_name_grams.sql).

CREATE INDEX owners_phone ON owners (phone);
CREATE INDEX owners_phone2 ON owners (phone2);
CREATE INDEX owners_phone_last4 ON owners (substr(phone, -4));
CREATE INDEX owners_phone2_last4 ON owners (substr(phone2, -4));
CREATE INDEX owners_id_no ON owners (id_no);
CREATE INDEX owners_name ON owners (name);
CREATE INDEX occupants_phone ON occupants (phone);
CREATE INDEX occupants_phone_last4 ON occupants (substr(phone, -4));
CREATE INDEX occupants_id_no ON occupants (id_no);
CREATE INDEX occupants_name ON occupants (name);

CREATE VIRTUAL TABLE owners_fts USING fts5 (name, content = 'owners',
	content_rowid = 'id', tokenize = 'trigram');
CREATE VIRTUAL TABLE occupants_fts USING fts5 (name, content = 'occupants',
	content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER owners_fts_insert AFTER INSERT ON owners
BEGIN
	INSERT INTO owners_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER owners_fts_update AFTER UPDATE OF name ON owners
BEGIN
	INSERT INTO owners_fts (owners_fts, rowid, name)
	VALUES ('delete', old.id, old.name);
	INSERT INTO owners_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER occupants_fts_insert AFTER INSERT ON occupants
BEGIN
	INSERT INTO occupants_fts (rowid, name) VALUES (new.id, new.name);
END;
CREATE TRIGGER occupants_fts_update AFTER UPDATE OF name ON occupants
BEGIN
	INSERT INTO occupants_fts (occupants_fts, rowid, name)
	VALUES ('delete', old.id, old.name);
	INSERT INTO occupants_fts (rowid, name) VALUES (new.id, new.name);
END;
