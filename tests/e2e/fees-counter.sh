# fees-counter.sh: the cashier at the counter (收银台).  On a demo of 40
# households (seed 1, on 2026-01-01) the cashier finds house 1-1-702 by
# its number, picks its two oldest months (four bills), takes 362.44 in
# cash with 1,000.00 given: the change 637.56 shows as it is typed, the
# receipt is printed to a file beside the database (收款收据, the amount in
# Chinese capitals) and the house is read again.  Then 100.00 pays part
# of the oldest bill left, which shows what is still owed.  An amount
# with three decimals is refused with its message, the cursor back on the
# amount, and nothing is stored.  A second desk's payment of the same
# house is reported, not doubled.  The receptionist sees the counter
# read-only (120x40).  A printer that fails leaves the payment standing.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC
export FRONTDESK_NOW
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 40 --seed 1 >/dev/null ||
    fail "cannot make $DB"
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login cashier
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "收银台" || finish
keys 1
wait_for "为哪户收费" || finish
# find the house by its number
type_text "1-1-702"
wait_for "刘文斌" || finish
keys Enter
wait_for "未缴账单，按账期从早到晚（14 笔）" || finish
expect_text "已选 14/14 笔：1,275.79"
expect_text "最近收款（5 笔）"
expect_screen fees-counter-house
# two months: none, then the four oldest bills
keys a
wait_for "已选 0/14 笔：0.00" || finish
keys Home Space Space Space Space
wait_for "已选 4/14 笔：362.44" || finish
keys F2
wait_for "收款：1-1-702" || finish
expect_text "362.44"
keys Enter
type_text "1000"
wait_for "637.56" || finish
expect_text "结清 4 笔"
expect_screen fees-counter-cash
keys Enter
wait_for "收款成功" || finish
expect_text "应找零：637.56"
expect_text "未缴账单，按账期从早到晚（10 笔）"
expect_screen fees-counter-paid
R="$TMP/receipts/2026-000032.txt"
if [ ! -f "$R" ]; then
	fail "no printed receipt $R"
else
	grep -qF "收款收据" "$R" || fail "$R: no 收款收据"
	grep -qF "叁佰陆拾贰元肆角肆分" "$R" || fail "$R: no amount in capitals"
	grep -qF "找零：637.56" "$R" || fail "$R: no change"
fi
keys Enter
wait_gone "收款成功" || finish
# part of a bill: 100.00 of the 136.44 of 2025-08
keys F2
wait_for "收款：1-1-702" || finish
type_text "100"
keys Enter Enter
wait_for "收款成功" || finish
expect_text "该户仍欠：813.35"
keys Enter
wait_gone "收款成功" || finish
expect_text "136.44   100.00     36.44"
expect_text "最近收款（7 笔）"
expect_screen fees-counter-part
# three decimals: refused, the box stays, nothing stored
keys F2
wait_for "收款：1-1-702" || finish
type_text "50.005"
keys Enter Enter
wait_for "最多两位小数" || finish
expect_text "50.005"
# the cursor is back at the end of the amount
[ "$(cursor)" = "29,8" ] || fail "cursor at $(cursor), not on the amount"
expect_screen fees-counter-bad
keys Escape
wait_gone "收款：1-1-702" || finish
expect_text "最近收款（7 笔）"
expect_text "已选 10/10 笔：813.35"
[ -f "$TMP/receipts/2026-000034.txt" ] && fail "a receipt for a refused amount"
# more than the bills: what F2 would say shows as it is typed
keys F2
wait_for "收款：1-1-702" || finish
type_text "900"
wait_for "比未缴账单合计（813.35）多 86.65" || finish
expect_screen fees-counter-over
keys Escape
wait_gone "收款：1-1-702" || finish
# one bill left out: it stays out when the house is read again below
keys Space
wait_for "已选 9/10 笔" || finish
# the recent payments: view the receipt, reprint it (补打), ask a void
keys Tab
wait_for "> 最近收款（7 笔）" || finish
keys v
wait_for "收款收据" || finish
expect_text "收据号：2026-000033"
# looking at a printed receipt is not a reprint
screen | grep -q "补打" && fail "the view of a receipt says 补打"
keys Escape
wait_gone "收据号：" || finish
keys F3
wait_for "收据 2026-000033 已补打（第 1 次）" || finish
[ -f "$TMP/receipts/2026-000033-reprint1.txt" ] ||
    fail "no reprint file: $(ls "$TMP/receipts")"
grep -q "补打" "$TMP/receipts/2026-000033-reprint1.txt" ||
    fail "the reprint does not say 补打"
keys F8
wait_for "红冲收据 2026-000033" || finish
keys Enter
wait_for "红冲必须填写原因" || finish
type_text "金额输错，应为现金 36.44"
keys Enter
wait_for "已申请红冲收据 2026-000033" || finish
expect_text "红冲待批"
expect_text "已选 9/10 笔"
expect_screen fees-counter-void
keys Escape
# the same house paid at another desk meanwhile
PANE=fd2
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login cashier2
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "收银台" || finish
keys 1
wait_for "为哪户收费" || finish
type_text "1-1-702"
wait_for "刘文斌" || finish
keys Enter
wait_for "已选 10/10 笔：813.35" || finish
keys F2
wait_for "收款：1-1-702" || finish
type_text "36.44"
keys Enter Enter
wait_for "收款成功" || finish
PANE=fd
keys F2
wait_for "收款：1-1-702" || finish
keys Enter Enter
wait_for "其他窗口已收款" || finish
expect_text "2026-000034"
keys Enter
wait_gone "其他窗口已收款" || finish
expect_text "已选 9/9 笔：776.91"
expect_text "最近收款（8 笔）"
# the receptionist: the same house, read-only
start 120 40 FRONTDESK_NOW=$FRONTDESK_NOW
login reception
wait_for "注销 / 切换用户" || finish
keys 4
wait_for "收银台" || finish
keys 1
wait_for "为哪户收费" || finish
type_text "1-1-702"
wait_for "刘文斌" || finish
keys Enter
wait_for "未缴账单，按账期从早到晚（9 笔）" || finish
expect_no_text "F2 收款"
expect_no_text "[x]"
expect_screen fees-counter-reception-120x40
# the printer fails: the payment stands, and the cashier is told how to
# print it again
INI="$ROOT/tests/fixtures/test-noprinter.ini"
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login cashier
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "收银台" || finish
keys 1
wait_for "为哪户收费" || finish
type_text "1-1-202"
wait_for "王淑华" || finish
keys Enter
wait_for "未缴账单，按账期从早到晚（16 笔）" || finish
keys F2
wait_for "收款：1-1-202" || finish
type_text "20"
keys Enter Enter
wait_for "收款成功" || finish
expect_text "收据 2026-000035：20.00 元"
expect_text "未打印"
expect_screen fees-counter-noprinter
keys Enter
wait_gone "收款成功" || finish
expect_text "最近收款（5 笔）"
# WeChat: the digits pick the method on the method field, where the keys
# say so; Enter there takes it (no cash given, no change)
keys F2
wait_for "收款：1-1-202" || finish
expect_no_text "1-5 方式"
keys Tab
wait_for "1-5 方式" || finish
keys 3
wait_for "（仅现金）" || finish
expect_text "金额          1336.89 "
keys Enter
wait_for "收款成功" || finish
expect_text "收据 2026-000036：1,336.89 元，微信。"
expect_no_text "找零"
keys Enter
wait_gone "收款成功" || finish
# its receipt has more lines than the screen: it scrolls, and says so
keys Tab
wait_for "> 最近收款" || finish
keys v
wait_for "收据号：2026-000036" || finish
expect_text "翻看；Esc 关闭"
keys PageDown
wait_for "付款方式：微信" || finish
expect_screen fees-counter-longreceipt
keys Escape
wait_gone "收据号：" || finish
finish
