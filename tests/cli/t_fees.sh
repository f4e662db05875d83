# fees: meter readings imported (all or nothing), bills for a period (twice
# makes nothing twice), payments at the counter (oldest first, change, part,
# credit), every bad amount refused, a second desk told what was paid, a
# printer that fails, the reports (daily close, monthly, arrears), the
# exports and check.
export FRONTDESK_NOW=1795942800 # 2026-11-29 09:00 UTC
db="$TMP/f.db"
pw='Secret-2026'
with_input "$pw"
"$BIN" --db "$db" init --admin boss --password-stdin < "$TMP/stdin" > /dev/null
for u in chenjing:cashier zhaomin:cashier lizr:director wangli:receptionist; do
	with_input "$pw" 'Counter-pass1'
	"$BIN" --db "$db" user add "${u%%:*}" --role "${u#*:}" --user boss \
		--password-stdin < "$TMP/stdin" > /dev/null
done
STDIN=
printf '%s\n' '房号,面积,用途' '3-2-1501,89.37,住宅' '3-2-1502,100.25,住宅' \
	'1-1-101,120.50,商铺' '9-1-101,12.50,车位' > "$TMP/houses.csv"
printf '%s\n' '房号,姓名' '3-2-1501,张三' '3-2-1502,李四' > "$TMP/owners.csv"
for k in houses owners; do
	with_input 'Counter-pass1'
	"$BIN" --db "$db" import $k "$TMP/$k.csv" --user wangli --password-stdin \
		< "$TMP/stdin" > /dev/null
done
STDIN=
# The fee items and their prices (the setup screen's work).
sqlite3 "$db" "INSERT INTO fee_items (name, kind, unit, applies) VALUES
	('物业服务费', 'area', '', 'use:residence use:shop'),
	('水费', 'metered', '吨', 'use:residence use:shop'),
	('停车费', 'fixed', '', 'use:parking');
	INSERT INTO fee_standards SELECT id, '2026-01-01',
	CASE name WHEN '物业服务费' THEN 12000 WHEN '水费' THEN 34500
	ELSE 1500000 END FROM fee_items WHERE kind <> 'late';"
cashier() { # cashier NAME RC [USER] ARGS...: as chenjing unless USER given
	n=$1 r=$2; shift 2
	with_input 'Counter-pass1'
	run "$n" "$r" "$BIN" --db "$db" "$@" --password-stdin
}

# Readings: a bad file changes nothing, every bad line reported.
printf '%s\n' '房号,项目,账期,上次读数,本次读数' \
	'3-2-1501,水费,2026-10,100,112.5' \
	'3-2-1501,水费,2026-11,,110' \
	'3-2-1502,水费,2026-10,,20' \
	'3-2-1502,水费,2026-10,10,20.125' \
	'8-8-808,水费,2026-10,0,1' \
	'1-1-101,水费,2026/10,0,30' \
	'1-1-101,水费,2026-10,0,30' \
	'1-1-101,煤气费,2026-10,0,30' > "$TMP/bad.csv"
cashier readings-bad 1 import readings "$TMP/bad.csv" --user chenjing
expect readings-bad-nothing test "$(sqlite3 "$db" 'select count(*) from meter_readings')" = 0
printf '%s\n' '房号,项目,账期,起度,止度,换表,旧表止度,新表起度' \
	'3-2-1501,水费,2026-10,100,112.5,,,' \
	'3-2-1502,水费,2026-10,10,20,,,' \
	'1-1-101,水费,2026-10,0,30,,,' \
	'3-2-1501,水费,2026-11,,125,,,' \
	'3-2-1502,水费,2026-11,,5,换表,28,0' > "$TMP/readings.csv"
cashier readings 0 import readings "$TMP/readings.csv" --user chenjing

# Bills: twice makes nothing twice; periods that are not, or not yet.
cashier bill-2026-10 0 bill --period 2026-10 --user lizr
cashier bill-twice 0 bill --period 2026-10 --user lizr
cashier bill-2026-11 0 bill --period 2026年11月 --user lizr
cashier bill-bad-period 1 bill --period 2026-13 --user lizr
cashier bill-not-begun 1 bill --period 2027-06 --user lizr
cashier bill-cashier 1 bill --period 2026-11 --user chenjing
run bill-no-period 2 "$BIN" --db "$db" bill --user lizr
expect bills-count test "$(sqlite3 "$db" 'select count(*) from bills')" = 13

# Two months in cash with change: oldest first, the receipt saved.
cashier pay-cash 0 pay --house 3-2-1501 --amount 200 --method 现金 \
	--tendered 300 --user chenjing
run pay-receipt 0 cat "$TMP/receipts/2026-000001.txt"
# Part of a bill, by WeChat; more than is open, kept as credit.
cashier pay-part 0 pay --house 3-2-1502 --amount 50 --method wechat --user zhaomin
cashier pay-credit 0 pay --house 1-1-101 --amount 500 --method card --credit \
	--user chenjing
# Refused, nothing taken.
cashier pay-three-decimals 1 pay --house 3-2-1501 --amount 10.005 --method cash --user chenjing
cashier pay-negative 1 pay --house 3-2-1501 --amount -10 --method cash --user chenjing
cashier pay-zero 1 pay --house 3-2-1501 --amount 0 --method cash --user chenjing
cashier pay-above-open 1 pay --house 3-2-1502 --amount 1000 --method cash --user chenjing
cashier pay-short-cash 1 pay --house 3-2-1502 --amount 100 --method cash --tendered 50 --user chenjing
cashier pay-bad-method 1 pay --house 3-2-1502 --amount 100 --method 支票 --user chenjing
cashier pay-no-house 1 pay --house 8-8-808 --amount 100 --method cash --user chenjing
cashier pay-reception 1 pay --house 3-2-1502 --amount 100 --method cash --user wangli
run pay-usage 2 "$BIN" --db "$db" pay --house 3-2-1502 --user chenjing
expect pay-refused-nothing test "$(sqlite3 "$db" 'select count(*) from payments')" = 3
# The second desk pays what is left; the first desk, a moment later, the
# same: refused, and told what was paid, where and by whom.
cashier pay-rest 0 pay --house 3-2-1501 --amount 100.74 --method alipay --user zhaomin
cashier pay-second-desk 1 pay --house 3-2-1501 --amount 100.74 --method cash --user chenjing
# A printer that fails: the payment stands, and says so.
printf '[desk]\nname = 1号窗口\n[ui]\nlanguage = zh_CN\n[printer]\ncommand = "echo 缺纸 >&2; exit 3"\n' > "$TMP/printer.ini"
with_input 'Counter-pass1'
run pay-printer-fails 0 env FRONTDESK_CONFIG="$TMP/printer.ini" "$BIN" --db "$db" \
	pay --house 3-2-1502 --amount 10 --method cash --user chenjing --password-stdin
expect receipts-gap-free test "$(sqlite3 "$db" 'select max(seq) - count(*) from payments')" = 0

# Reports.
cashier report-daily-close 0 report daily-close --date 2026-11-29 --user lizr
cashier report-daily-own 0 report daily-close --user chenjing
cashier report-daily-other 1 report daily-close --cashier zhaomin --user chenjing
cashier report-monthly 0 report monthly --period 2026-10 --user lizr
cashier report-monthly-cashier 1 report monthly --period 2026-10 --user chenjing
cashier report-arrears 0 report arrears --user wangli
cashier report-arrears-old 0 report arrears --min-age 31 --user wangli
run report-unknown 2 "$BIN" --db "$db" report weekly --user lizr

# Exports, and the file's invariants.
cashier export-bills 0 export bills --user wangli
cashier export-payments 0 export payments --user lizr
cashier export-readings 2 export readings --user lizr
cashier fees-check 0 check --user lizr

# Late fees for every house: refused while off; on (no grace), each open
# bill past due gets its own line, and a second run the same day adds none.
cashier bill-late-off 1 bill --late-fees --user lizr
run bill-late-usage 2 "$BIN" --db "$db" bill --late-fees --period 2026-11 --user lizr
printf '[fees]\nlate_fee = yes\nlate_fee_grace_days = 0\n' > "$TMP/late.ini"
with_input 'Counter-pass1'
run bill-late 0 env FRONTDESK_CONFIG="$TMP/late.ini" "$BIN" --db "$db" \
	bill --late-fees --user lizr --password-stdin
expect bill-late-lines test "$(sqlite3 "$db" 'select count(*) from bills where late_of > 0')" -gt 0
n=$(sqlite3 "$db" 'select count(*) from bills')
with_input 'Counter-pass1'
run bill-late-again 0 env FRONTDESK_CONFIG="$TMP/late.ini" "$BIN" --db "$db" \
	bill --late-fees --user lizr --password-stdin
expect bill-late-once test "$(sqlite3 "$db" 'select count(*) from bills')" = "$n"
cashier fees-check-late 0 check --user lizr
