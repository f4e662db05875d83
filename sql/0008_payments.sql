-- 0008_payments.sql: payments (实收), credit, voids (红冲), daily closes.
CREATE TABLE daily_closes(
id INTEGER PRIMARY KEY,
cashier_id INTEGER NOT NULL REFERENCES users(id),
day TEXT NOT NULL CHECK(date(day,'+0 days') IS day),
float_fen INTEGER NOT NULL CHECK(float_fen>=0),
expected_fen INTEGER NOT NULL,
counted_fen INTEGER NOT NULL,
diff_fen INTEGER NOT NULL CHECK(diff_fen=counted_fen-expected_fen),
reason TEXT NOT NULL CHECK(diff_fen=0 OR length(trim(reason))>0),
at INTEGER NOT NULL,
reviewed_by INTEGER REFERENCES users(id),
UNIQUE(cashier_id,day))STRICT;
CREATE TABLE payments(
id INTEGER PRIMARY KEY,
year INTEGER NOT NULL,seq INTEGER NOT NULL,
house_id INTEGER NOT NULL REFERENCES houses(id),
method TEXT NOT NULL
CHECK(method IN('cash','card','wechat','alipay','transfer')),
amount_fen INTEGER NOT NULL CHECK(amount_fen>0),
tendered_fen INTEGER NOT NULL,
change_fen INTEGER NOT NULL CHECK(change_fen=tendered_fen-amount_fen
AND change_fen>=0 AND(method='cash' OR change_fen=0)),
cashier_id INTEGER NOT NULL REFERENCES users(id),
desk TEXT NOT NULL,at INTEGER NOT NULL,
day TEXT NOT NULL CHECK(date(day,'+0 days') IS day AND year=0+substr(day,1,4)),
UNIQUE(year,seq))STRICT;
CREATE INDEX payments_house ON payments(house_id);
CREATE INDEX payments_day ON payments(day,cashier_id);
CREATE TABLE payment_lines(
payment_id INTEGER NOT NULL REFERENCES payments(id),
bill_id INTEGER NOT NULL REFERENCES bills(id),
amount_fen INTEGER NOT NULL CHECK(amount_fen>0),
PRIMARY KEY(payment_id,bill_id))STRICT;
CREATE INDEX payment_lines_bill ON payment_lines(bill_id);
CREATE TABLE voids(
id INTEGER PRIMARY KEY,
payment_id INTEGER NOT NULL REFERENCES payments(id),
reason TEXT NOT NULL CHECK(length(trim(reason))>0),
requested_by INTEGER NOT NULL REFERENCES users(id),
state TEXT NOT NULL CHECK(state IN('requested','approved','rejected')),
decided_by INTEGER REFERENCES users(id),
day TEXT)STRICT;
CREATE UNIQUE INDEX voids_one ON voids(payment_id)WHERE state<>'rejected';
CREATE TABLE credits(
id INTEGER PRIMARY KEY,
house_id INTEGER NOT NULL REFERENCES houses(id),
amount_fen INTEGER NOT NULL CHECK(amount_fen<>0),
kind TEXT NOT NULL CHECK(kind IN('deposit','apply','void')),
payment_id INTEGER REFERENCES payments(id),
bill_id INTEGER REFERENCES bills(id),
day TEXT NOT NULL)STRICT;
CREATE INDEX credits_house ON credits(house_id);
CREATE TRIGGER payments_in BEFORE INSERT ON payments WHEN
new.seq<>(SELECT ifnull(max(seq),0)+1 FROM payments WHERE year=new.year)
OR EXISTS(SELECT 1 FROM daily_closes WHERE cashier_id=new.cashier_id
AND day=new.day)
BEGIN SELECT RAISE(ABORT,'receipt gap or day closed');END;
CREATE TRIGGER voids_nu BEFORE UPDATE ON voids WHEN old.state<>'requested'
OR new.payment_id<>old.payment_id OR EXISTS(SELECT 1 FROM daily_closes
WHERE cashier_id=old.requested_by AND day=new.day)
BEGIN SELECT RAISE(ABORT,'void decided or day closed');END;
CREATE TRIGGER closes_nu BEFORE UPDATE ON daily_closes WHEN old.reviewed_by>0
OR new.counted_fen<>old.counted_fen OR new.diff_fen<>old.diff_fen OR
new.float_fen<>old.float_fen OR new.day<>old.day OR new.reason<>old.reason
OR new.cashier_id<>old.cashier_id
BEGIN SELECT RAISE(ABORT,'a closed day never changes');END;
CREATE TRIGGER credits_in BEFORE INSERT ON credits WHEN new.amount_fen+(SELECT
ifnull(sum(amount_fen),0)FROM credits WHERE house_id=new.house_id)<0
BEGIN SELECT RAISE(ABORT,'credit below zero');END;
CREATE TRIGGER p_nu BEFORE UPDATE ON payments
BEGIN SELECT RAISE(ABORT,'settled');END;
CREATE TRIGGER pl_nu BEFORE UPDATE ON payment_lines
BEGIN SELECT RAISE(ABORT,'settled');END;
CREATE TRIGGER c_nu BEFORE UPDATE ON credits
BEGIN SELECT RAISE(ABORT,'settled');END;
CREATE TRIGGER p_nd BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT,'kept');END;
CREATE TRIGGER pl_nd BEFORE DELETE ON payment_lines
BEGIN SELECT RAISE(ABORT,'kept');END;
CREATE TRIGGER c_nd BEFORE DELETE ON credits
BEGIN SELECT RAISE(ABORT,'kept');END;
CREATE TRIGGER v_nd BEFORE DELETE ON voids
BEGIN SELECT RAISE(ABORT,'kept');END;
CREATE TRIGGER dc_nd BEFORE DELETE ON daily_closes
BEGIN SELECT RAISE(ABORT,'kept');END;
