-- 0001_init.sql: the foundation: facts about the file, accounts, the audit
-- chain.  Money, when it comes, is INTEGER fen.  Nothing is ever deleted.

CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) STRICT;

-- Accounts of the people at the counter.  Never deleted: disabled.
CREATE TABLE users (
	id           INTEGER PRIMARY KEY,
	name         TEXT NOT NULL UNIQUE
	             CHECK (length(name) BETWEEN 2 AND 32 AND name NOT GLOB '*[^a-z0-9._-]*'),
	display      TEXT NOT NULL CHECK (length(display) BETWEEN 1 AND 32),
	role         TEXT NOT NULL
	             CHECK (role IN ('receptionist', 'cashier', 'director', 'admin')),
	pw_hash      TEXT NOT NULL CHECK (pw_hash LIKE '$argon2id$%'),
	active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	failed       INTEGER NOT NULL DEFAULT 0 CHECK (failed >= 0),
	locked_until INTEGER NOT NULL DEFAULT 0,
	created_at   INTEGER NOT NULL,
	updated_at   INTEGER NOT NULL
) STRICT;

-- Every change, in the same transaction as the change.  Each row's hash
-- covers its fields and the previous row's hash (a chain that `frontdesk
-- check` walks), so an edit or a removal in the middle shows.
CREATE TABLE audit_log (
	id        INTEGER PRIMARY KEY,
	at        INTEGER NOT NULL,            -- unix time
	user_id   INTEGER REFERENCES users (id),
	user_name TEXT NOT NULL,
	desk      TEXT NOT NULL,
	action    TEXT NOT NULL,               -- 'user.add', 'login.fail', ...
	entity    TEXT NOT NULL,               -- 'user', 'owner', ...
	entity_id INTEGER,
	summary   TEXT NOT NULL,               -- before/after, human-readable
	prev_hash BLOB NOT NULL CHECK (length(prev_hash) = 32),
	hash      BLOB NOT NULL UNIQUE CHECK (length(hash) = 32)
) STRICT;
CREATE INDEX audit_entity ON audit_log (entity, entity_id);

CREATE TRIGGER users_no_delete BEFORE DELETE ON users
BEGIN
	SELECT RAISE(ABORT, 'users are never deleted; disable the account');
END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
