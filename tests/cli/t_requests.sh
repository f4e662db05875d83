# Service requests on the command line: the monthly review (report requests,
# text laid out by display width, and CSV), the export, the demo's requests
# in every state, the check's invariants, and the refusals.
export FRONTDESK_NOW=1795951200 # 2026-11-29 11:20 UTC
db="$TMP/r.db"
"$BIN" --db "$db" demo --seed 7 > "$TMP/demo.out"
run requests-demo 0 cat "$TMP/demo.out"
# every state is there, the same on any day
run requests-demo-states 0 sqlite3 "$db" "SELECT state, count(*) FROM requests GROUP BY state ORDER BY state"

rep() { # rep NAME RC USER ARGS...: report requests as USER
	name=$1 rc=$2 user=$3; shift 3
	with_input demo1234
	run "$name" "$rc" "$BIN" --db "$db" report requests "$@" --user "$user" --password-stdin
}
rep requests-report 0 director --period 2026-11
rep requests-report-october 0 reception --period 2026年10月
with_input demo1234
run requests-report-csv 0 sh -c '"$BIN" --db "$1" report requests --period 2026-10 --format csv --user director --password-stdin | sed "s/\r\$/\\\\r/"' sh "$db"
rep requests-report-empty 0 director --period 2025-01
rep requests-report-cashier 1 cashier --period 2026-11
rep requests-report-bad-period 2 director --period 2026-13
rep requests-report-bad-format 2 director --period 2026-11 --format xlsx
run requests-report-no-period 2 "$BIN" --db "$db" report requests --user director
run requests-report-no-user 2 "$BIN" --db "$db" report requests --period 2026-11
expect requests-report-unknown sh -c '"$1" --db "$2" report complaints --period 2026-11 2> /dev/null; test $? = 2' sh "$BIN" "$db"
# in English
printf '[desk]\nname = desk-1\n[ui]\nlanguage = en\n' > "$TMP/en.ini"
with_input demo1234
run requests-report-english 0 env FRONTDESK_CONFIG="$TMP/en.ini" "$BIN" --db "$db" report requests --period 2026-11 --user director --password-stdin

# the export: every request, labels not codes, phones as text
with_input demo1234
run requests-export-head 0 sh -c '"$BIN" --db "$1" export requests --user reception --password-stdin | head -3 | sed "s/\r\$/\\\\r/"' sh "$db"
with_input demo1234
run requests-export-file 0 "$BIN" --db "$db" export requests -o "$TMP/req.csv" --user director --password-stdin
expect requests-export-rows test "$(($(wc -l < "$TMP/req.csv") - 1))" = "$(sqlite3 "$db" 'SELECT count(*) FROM requests')"
expect requests-export-private test "$(stat -c %a "$TMP/req.csv")" = 600
with_input demo1234
run requests-export-cashier 1 "$BIN" --db "$db" export requests --user cashier --password-stdin
expect requests-import-refused sh -c '"$1" --db "$2" import requests "$3" --user director 2> /dev/null; test $? = 2' sh "$BIN" "$db" "$TMP/req.csv"

# the check knows the requests' invariants
with_input demo1234
run requests-check 0 "$BIN" --db "$db" check --user director --password-stdin
sqlite3 "$db" "DROP TRIGGER requests_receiver; UPDATE requests SET receiver = 1 WHERE id = 5"
with_input demo1234
run requests-check-receiver 1 "$BIN" --db "$db" check --user director --password-stdin

# working hours with holidays: the same demo is judged otherwise
cat > "$TMP/work.ini" <<'EOF'
[desk]
name = 1号窗口
[requests]
counting = working_hours
working_hours = 08:30-17:30
holidays = 2026-10-01..2026-10-07
makeup_days = 2026-09-27, 2026-10-10
EOF
FRONTDESK_CONFIG="$TMP/work.ini" "$BIN" --db "$TMP/w.db" demo --seed 7 > /dev/null
with_input demo1234
run requests-report-working-hours 0 env FRONTDESK_CONFIG="$TMP/work.ini" "$BIN" --db "$TMP/w.db" report requests --period 2026-10 --user director --password-stdin
cat > "$TMP/bad.ini" <<'EOF'
[requests]
holidays = 2026-10-01, 2026-02-30
EOF
run requests-config-bad-holiday 1 env FRONTDESK_CONFIG="$TMP/bad.ini" "$BIN" --db "$db" check --user director
