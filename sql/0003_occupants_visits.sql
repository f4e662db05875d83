-- 0003_occupants_visits.sql: who lives in a house (使用人: family, tenants)
-- from/to, and the visit log (来访登记, append-only).  Nothing is deleted.

CREATE TABLE occupants (
	id            INTEGER PRIMARY KEY,
	house_id      INTEGER NOT NULL REFERENCES houses (id),
	name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
	relation      TEXT NOT NULL
	              CHECK (relation IN ('family', 'tenant', 'other')),
	relation_note TEXT NOT NULL DEFAULT '' CHECK (length(relation_note) <= 32),
	phone         TEXT NOT NULL DEFAULT '' CHECK (length(phone) < 24),
	id_type       TEXT NOT NULL
	              CHECK (id_type IN ('idcard', 'passport', 'other', 'none')),
	id_no         TEXT NOT NULL DEFAULT ''
	              CHECK ((id_type = 'none') = (id_no = '')
	              AND (id_type <> 'idcard' OR length(id_no) = 18)
	              AND length(id_no) <= 32),
	since         TEXT NOT NULL CHECK (date(since, '+0 days') IS since),
	until         TEXT CHECK (until IS NULL OR (date(until, '+0 days') IS until
	              AND until >= since)),
	notes         TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
	version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
	created_at    INTEGER NOT NULL,
	updated_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX occupants_house ON occupants (house_id, until);

-- house_id NULL: a visit about no house.  receiver: who took it (接待人).
CREATE TABLE visits (
	id           INTEGER PRIMARY KEY,
	at           INTEGER NOT NULL,
	house_id     INTEGER REFERENCES houses (id),
	visitor_kind TEXT NOT NULL
	             CHECK (visitor_kind IN ('owner', 'occupant', 'other')),
	visitor_name TEXT NOT NULL DEFAULT '' CHECK (length(visitor_name) <= 64),
	phone        TEXT NOT NULL DEFAULT '' CHECK (length(phone) < 24),
	purpose      TEXT NOT NULL CHECK (purpose IN
	             ('consult', 'complaint', 'repair', 'business', 'other')),
	content      TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 2000),
	outcome      TEXT NOT NULL DEFAULT '' CHECK (length(outcome) <= 2000),
	receiver     INTEGER NOT NULL REFERENCES users (id),
	desk         TEXT NOT NULL
) STRICT;
CREATE INDEX visits_house ON visits (house_id, at);
CREATE INDEX visits_desk ON visits (desk, at);
CREATE INDEX visits_at ON visits (at);

CREATE TRIGGER occupants_no_delete BEFORE DELETE ON occupants
BEGIN
	SELECT RAISE(ABORT, 'occupants are never deleted; end the occupancy');
END;
CREATE TRIGGER visits_no_delete BEFORE DELETE ON visits
BEGIN
	SELECT RAISE(ABORT, 'the visit log is append-only');
END;
CREATE TRIGGER visits_no_update BEFORE UPDATE ON visits
BEGIN
	SELECT RAISE(ABORT, 'the visit log is append-only');
END;
