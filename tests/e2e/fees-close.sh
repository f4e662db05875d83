# fees-close.sh: the cashier's daily close (日结) with a 0.50 difference.
# The cashier (陈静) opens her day: four receipts, cash given 300.00 and
# change 27.36, so 272.64 is expected in the drawer.  She counts 272.14:
# the difference shows as she types; closing without a reason is refused
# with the cursor on the reason; with a reason it asks to confirm and
# closes.  A payment after the close is refused on the command line.  The
# director sees the close with the -0.50 in the day's list beside the
# cashier who has not closed (赵敏), opens the day and marks it reviewed
# with a note; the list then shows it reviewed.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1795170600 # 2026-11-20 10:30 UTC
export FRONTDESK_NOW
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 40 --seed 1 >/dev/null || fail "cannot make $DB"

start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login cashier
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "收费管理" || finish
pick 日结
wait_for "2026-11-20 周五  陈静  未日结" || finish
expect_text "2026-000309 至 2026-000313，共 4 张"
expect_text "请输入实点现金"
# float empty, counted 0.50 short
keys Tab
type_text "272.14"
wait_for "-0.50 短款，请填写原因" || finish
expect_text "应有现金          272.64"
expect_screen fees-close-typed
keys C-s
wait_for "实点现金（272.14）与应有现金（272.64）相差 -0.50，请填写差额原因" || finish
expect_text "未日结"
expect_screen fees-close-noreason
type_text "找零时多找了五角"
wait_for "-0.50 短款，已填原因" || finish
# Enter on the reason, the last field, asks to close as Ctrl-S does
keys Enter
wait_for "确认日结 2026-11-20？" || finish
expect_screen fees-close-confirm
keys Enter
wait_for "2026-11-20 已日结。" || finish
expect_text "已于 2026-11-20 10:30 日结"
expect_text "差额原因  找零时多找了五角"
expect_text "复核      尚未复核"
expect_no_text "Ctrl-S"
expect_screen fees-close-closed

# a payment after the close is refused
out=$(printf 'demo1234\n' | "$FD_BIN" --db "$DB" --config "$INI" pay --house 1-1-202 \
    --amount 100 --method cash --user cashier --password-stdin 2>&1)
rc=$?
[ "$rc" -eq 1 ] || fail "paying into a closed day should fail, exit $rc"
case $out in
*"2026-11-20 的账已于 2026-11-20 10:30 日结，当天不能再收款"*) ;;
*) fail "the refusal should say the day is closed, not: $out" ;;
esac
# at the counter F2 says so at once, before an amount is typed
keys Escape
wait_for "收费管理" || finish
pick 收银台
wait_for "为哪户收费" || finish
type_text "1-1-202"
wait_for "王淑华" || finish
keys Enter
wait_for "未缴账单" || finish
keys F2
wait_for "的账已于 2026-11-20 10:30 日结，当天不能再收款" || finish
expect_no_text "收款：1-1-202"

# the director reviews it
PANE=fd2
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
keys 4
wait_for "收费管理" || finish
pick 日结
wait_for "已日结 1，未日结 1，待复核 1" || finish
expect_text "272.64     272.14    -0.50 待复核 找零时多找了五角"
expect_screen fees-close-director
keys Enter
wait_for "2026-11-20 周五  陈静  已日结" || finish
# Ctrl-R reads the day again, as at the counter; it does not review
keys C-r
sleep 0.5
wait_for "尚未复核" || finish
expect_no_text "备注（可不填）"
keys F9
wait_for "备注（可不填）" || finish
type_text "已核对，短款由陈静补齐"
keys Enter
wait_for "陈静 2026-11-20 的日结已复核。" || finish
expect_text "复核      已由 李主任 复核"
keys Escape
wait_for "已日结 1，未日结 1，待复核 0" || finish
expect_text "-0.50 已复核"
# the day before, typed
keys F3
wait_for "起始日期" || finish
keys C-u
type_text "2026-11-19"
keys Enter
wait_for "截止日期" || finish
keys Enter
wait_for "2026-11-19 周四" || finish
keys F8
wait_for "2026-11-20 周五" || finish

# the same list on a big terminal
PANE=fd3
start 120 40 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
keys 4
wait_for "收费管理" || finish
pick 日结
wait_for "已日结 1，未日结 1，待复核 0" || finish
expect_screen fees-close-director-120x40
finish
