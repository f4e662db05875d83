# fees-latefee.sh: late fees (滞纳金) at the counter.  With [fees]
# late_fee on, a house with bills long past due shows the late fee due
# today; F7 asks, then charges it as bill lines of their own (item 滞纳金),
# which the payment settles like any bill.  The key is not offered where
# nothing is due, nor with late fees off (fees-counter.sh).  The director
# charges every house's from the bills screen (F7), once a day.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC
export FRONTDESK_NOW
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 40 --seed 1 >/dev/null ||
    fail "cannot make $DB"
INI="$ROOT/tests/fixtures/test-latefee.ini"
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login cashier
wait_for "注销 / 切换用户" || finish
pick "收费管理" || finish
wait_for "收银台" || finish
pick "收银台" || finish
wait_for "为哪户收费" || finish
type_text "1-1-702"
wait_for "刘文斌" || finish
keys Enter
wait_for "未缴账单，按账期从早到晚（14 笔）" || finish
expect_text "F7 滞纳金"
keys F7
wait_for "计入 1-1-702" || finish
expect_screen fees-latefee-ask
keys Enter
wait_for "已计收滞纳金" || finish
expect_no_text "F7 滞纳金"
expect_text "已选 24/24 笔：1,311.21"
keys End
wait_for "滞纳金（水费）" || finish
expect_screen fees-latefee-charged
# the director charges every other house's from the bills screen; what
# the counter charged is not charged again
PANE=fd2
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
pick "收费管理" || finish
wait_for "生成账单" || finish
pick "生成账单" || finish
wait_for "F7 滞纳金" || finish
keys F7
wait_for "计收截至今日各户的滞纳金" || finish
expect_screen fees-latefee-all
keys Enter
wait_for "已计收滞纳金：" || finish
lines=$(echo demo1234 | "$FD_BIN" --db "$DB" --config "$INI" export bills \
    --user director --password-stdin 2>/dev/null | grep -c "滞纳金")
[ "$lines" -gt 10 ] || fail "only $lines late-fee bills after the run"
keys F7
wait_for "计收截至今日各户的滞纳金" || finish
keys Enter
wait_for "已计收滞纳金：0 笔账单，0.00 元" || finish
# the lines are bills: exported with the rest
echo demo1234 | "$FD_BIN" --db "$DB" --config "$INI" export bills \
    --user director --password-stdin 2>/dev/null | grep -q "滞纳金" ||
    fail "no late-fee bill in export bills"
finish
