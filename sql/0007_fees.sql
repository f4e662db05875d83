-- 0007_fees.sql: fee items, standards, readings, bills (应收).  Prices
-- yuan*10^4, readings and quantities 1/100, money fen.  Never deleted.
CREATE TABLE fee_items(
id INTEGER PRIMARY KEY,
name TEXT NOT NULL UNIQUE CHECK(length(name) BETWEEN 1 AND 32),
kind TEXT NOT NULL CHECK(kind IN('area','metered','fixed','once','late')),
unit TEXT NOT NULL DEFAULT '' CHECK(length(unit)<=8),
applies TEXT NOT NULL DEFAULT 'all' CHECK(length(applies)<=4000),
active INTEGER NOT NULL DEFAULT 1 CHECK(active IN(0,1)))STRICT;
INSERT INTO fee_items(name,kind)VALUES('滞纳金','late');
CREATE TABLE fee_standards(
item_id INTEGER NOT NULL REFERENCES fee_items(id),
valid_from TEXT NOT NULL CHECK(date(valid_from,'+0 days') IS valid_from),
price_e4 INTEGER NOT NULL CHECK(price_e4 BETWEEN 0 AND 100000000000),
PRIMARY KEY(item_id,valid_from))STRICT;
CREATE TABLE meter_readings(
house_id INTEGER NOT NULL REFERENCES houses(id),
item_id INTEGER NOT NULL REFERENCES fee_items(id),
period TEXT NOT NULL CHECK(period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
prev INTEGER NOT NULL CHECK(prev BETWEEN 0 AND 9999999999),
cur INTEGER NOT NULL CHECK(cur BETWEEN 0 AND 9999999999),
replaced INTEGER NOT NULL CHECK(replaced IN(0,1)),
old_end INTEGER NOT NULL,new_start INTEGER NOT NULL,
user_id INTEGER NOT NULL REFERENCES users(id),
PRIMARY KEY(house_id,item_id,period),
CHECK(replaced OR(cur>=prev AND old_end=0 AND new_start=0)),
CHECK(NOT replaced OR(old_end>=prev AND cur>=new_start AND new_start>=0))
)STRICT;
CREATE TABLE bills(
id INTEGER PRIMARY KEY,
house_id INTEGER NOT NULL REFERENCES houses(id),
item_id INTEGER NOT NULL REFERENCES fee_items(id),
period TEXT NOT NULL CHECK(period GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
qty INTEGER NOT NULL CHECK(qty>=0),
price_e4 INTEGER NOT NULL CHECK(price_e4>=0),
amount_fen INTEGER NOT NULL CHECK(amount_fen>0),
paid_fen INTEGER NOT NULL DEFAULT 0 CHECK(paid_fen BETWEEN 0 AND amount_fen),
due TEXT NOT NULL CHECK(date(due,'+0 days') IS due),
late_of INTEGER REFERENCES bills(id),
late_to TEXT CHECK((late_of IS NULL)=(late_to IS NULL)))STRICT;
CREATE UNIQUE INDEX bills_once ON bills(house_id,item_id,period)
WHERE late_of IS NULL;
CREATE UNIQUE INDEX bills_late ON bills(late_of,late_to)WHERE late_of>0;
CREATE INDEX bills_house ON bills(house_id,due);
CREATE INDEX bills_period ON bills(period,item_id);
CREATE INDEX bills_open ON bills(due)WHERE paid_fen<amount_fen;
CREATE TRIGGER bills_nu BEFORE UPDATE ON bills WHEN
new.amount_fen<>old.amount_fen OR new.house_id<>old.house_id OR
new.item_id<>old.item_id OR new.period<>old.period OR new.due<>old.due
BEGIN SELECT RAISE(ABORT,'a bill changes only by what is paid');END;
CREATE TRIGGER readings_nu BEFORE UPDATE ON meter_readings WHEN EXISTS(
SELECT 1 FROM bills WHERE house_id=old.house_id AND item_id=old.item_id
AND period=old.period AND late_of IS NULL)
BEGIN SELECT RAISE(ABORT,'billed: cannot change');END;
CREATE TRIGGER standards_nu BEFORE UPDATE ON fee_standards
BEGIN SELECT RAISE(ABORT,'never changed; add a new one');END;
CREATE TRIGGER bills_nd BEFORE DELETE ON bills
BEGIN SELECT RAISE(ABORT,'kept');END;
CREATE TRIGGER readings_nd BEFORE DELETE ON meter_readings
BEGIN SELECT RAISE(ABORT,'kept');END;
CREATE TRIGGER standards_nd BEFORE DELETE ON fee_standards
BEGIN SELECT RAISE(ABORT,'kept');END;
CREATE TRIGGER items_nd BEFORE DELETE ON fee_items
BEGIN SELECT RAISE(ABORT,'kept');END;
CREATE TABLE reminders(
id INTEGER PRIMARY KEY,
house_id INTEGER NOT NULL REFERENCES houses(id),
day TEXT NOT NULL CHECK(date(day,'+0 days') IS day),
method TEXT NOT NULL CHECK(method IN('notice','phone','visit','letter')),
user_id INTEGER NOT NULL REFERENCES users(id),
result TEXT NOT NULL CHECK(length(result)<=500))STRICT;
CREATE INDEX reminders_house ON reminders(house_id,day);
CREATE TRIGGER reminders_nd BEFORE DELETE ON reminders
BEGIN SELECT RAISE(ABORT,'kept');END;
