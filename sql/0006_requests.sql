-- 0006_requests.sql: service requests, their timeline (hand-overs too),
-- daily sign-offs.  See db/request_db.c.  Times: unix, 0 none.  No DELETE.
CREATE TABLE requests (
	id INTEGER PRIMARY KEY,
	day TEXT NOT NULL,
	seq INT NOT NULL CHECK (seq > 0),
	type TEXT NOT NULL CHECK (type IN
	 ('consult','complaint','repair','suggestion')),
	category TEXT NOT NULL CHECK (category IN ('attitude','cleaning',
	 'facility','security','fees','decoration','other')),
	urgency TEXT NOT NULL CHECK (urgency IN ('urgent','normal')),
	channel TEXT NOT NULL CHECK (channel IN ('visit','phone','other')),
	house_id INT REFERENCES houses (id),
	location TEXT NOT NULL CHECK (length(location) <= 200
	 AND (house_id NOT NULL OR location <> '')),
	person TEXT NOT NULL,
	phone TEXT NOT NULL,
	descr TEXT NOT NULL CHECK (length(descr) BETWEEN 1 AND 10000),
	visit_id INT REFERENCES visits (id),
	receiver INT NOT NULL REFERENCES users (id),
	dept TEXT CHECK (dept IN
	 ('engineering','cleaning','security','landscaping','service')),
	handler TEXT NOT NULL,
	handler_id INT REFERENCES users (id),
	state TEXT NOT NULL CHECK (state IN ('registered','dispatched',
	 'in_progress','resolved','called_back','closed','on_hold')),
	at INT NOT NULL,
	respond_by INT NOT NULL, respond_warn INT NOT NULL,
	resolve_by INT NOT NULL, resolve_warn INT NOT NULL,
	callback_by INT NOT NULL, callback_warn INT NOT NULL,
	due_at INT NOT NULL, warn_at INT NOT NULL,
	responded_at INT NOT NULL, resolved_at INT NOT NULL,
	closed_at INT NOT NULL,
	held_from TEXT, held_at INT NOT NULL, hold_until TEXT,
	hold_reason TEXT NOT NULL,
	resolution TEXT NOT NULL CHECK (length(resolution) <= 2000),
	needs_cb INT NOT NULL CHECK (needs_cb IN (0,1)),
	cb_result TEXT CHECK (cb_result IN ('satisfied','fairly','unsatisfied')),
	cb_method TEXT CHECK (cb_method IN
	 ('phone','visit','sms','wechat','other')),
	cb_comment TEXT NOT NULL, cb_at INT NOT NULL,
	valid INT CHECK (valid IN (0,1)),
	reopens INT NOT NULL CHECK (reopens >= 0),
	version INT NOT NULL CHECK (version > 0),
	updated_at INT NOT NULL,
	UNIQUE (day, seq),
	CHECK ((state = 'on_hold') = (held_from NOT NULL AND
	 hold_until NOT NULL AND hold_reason <> ''))
) STRICT;
CREATE INDEX requests_open ON requests (due_at = 0, due_at)
 WHERE state <> 'closed';
CREATE INDEX requests_hold ON requests (hold_until) WHERE state = 'on_hold';
CREATE INDEX requests_at ON requests (at);
CREATE INDEX requests_house ON requests (house_id, at);
CREATE TABLE request_log (
	id INTEGER PRIMARY KEY,
	request_id INT NOT NULL REFERENCES requests (id),
	at INT NOT NULL,
	user_id INT REFERENCES users (id),
	kind TEXT NOT NULL,
	code TEXT,
	text TEXT NOT NULL CHECK (length(text) <= 10200),
	to_owner INT NOT NULL CHECK (to_owner IN (0,1)),
	from_user INT REFERENCES users (id),
	to_user INT REFERENCES users (id),
	CHECK ((kind = 'handover') = (to_user NOT NULL AND from_user NOT NULL
	 AND to_user <> from_user AND text <> ''))
) STRICT;
CREATE INDEX request_log_req ON request_log (request_id, id);
CREATE TABLE request_signoffs (
	day TEXT PRIMARY KEY CHECK (date(day, '+0 days') IS day),
	director INT NOT NULL REFERENCES users (id),
	at INT NOT NULL,
	count INT NOT NULL,
	note TEXT NOT NULL CHECK (length(note) <= 2000)
) STRICT;
CREATE TRIGGER requests_receiver BEFORE UPDATE OF receiver ON requests
WHEN new.receiver IS NOT old.receiver AND NOT EXISTS (SELECT 1 FROM
 request_log WHERE id = (SELECT max(id) FROM request_log WHERE
 request_id = new.id) AND kind = 'handover' AND from_user = old.receiver
 AND to_user = new.receiver)
BEGIN SELECT RAISE(ABORT, 'first receiver changes only by hand-over'); END;
CREATE TRIGGER requests_no_delete BEFORE DELETE ON requests
BEGIN SELECT RAISE(ABORT, 'requests are never deleted'); END;
CREATE TRIGGER request_log_no_delete BEFORE DELETE ON request_log
BEGIN SELECT RAISE(ABORT, 'append-only');END;
CREATE TRIGGER request_log_no_update BEFORE UPDATE ON request_log
BEGIN SELECT RAISE(ABORT, 'append-only');END;
CREATE TRIGGER request_signoffs_no_delete BEFORE DELETE ON request_signoffs
BEGIN SELECT RAISE(ABORT, 'append-only');END;
