# fees-arrears.sh: arrears, reminders, the monthly report, and arrears on
# the building grid and the house detail, on the 40-household demo.
# The receptionist opens the arrears (by house, then by building), filters
# building 1, opens 1-1-702, logs a phone reminder with a Chinese result,
# previews the reminder notice and prints it (no printer is set: saved as
# a file beside the database, and logged as a notice).  She has no monthly
# report.  The director opens the monthly report on last month, steps to
# another period typed into the field and sees the rates with their
# formulas; then the wide arrears list.  The building grid marks the
# houses with a bill past due; the house detail lists bills and payments.
# The cashier goes from the arrears list, the reminder log and the house
# detail to the counter on that house with c (Pay), and the house reads
# again after paying there; the receptionist is
# not offered the key.
# Menu entries are picked by the digit shown beside them, so the scenario
# holds when other fee screens join the menu.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: dates on screen stay put
export FRONTDESK_NOW
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 40 --seed 1 >/dev/null || fail "cannot make $DB"

start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login reception
wait_for "注销 / 切换用户" || finish
pick "收费管理" || finish
wait_for "欠费与催缴" || finish
expect_no_text "月报"
pick "欠费与催缴" || finish
wait_for "[按房屋]" || finish
expect_text "欠费 4 户，合计 3,029.04 元"
expect_no_text "c 收款"
expect_screen fees-arrears-list
keys Tab
wait_for "[按楼栋]" || finish
expect_text "92.6%"
keys Tab
wait_for "[按收费项目]" || finish
expect_screen fees-arrears-items
keys Tab
wait_for "[按房屋]" || finish
# building 1 only
keys F3
wait_for "筛选欠费" || finish
keys 1
wait_for "楼栋号" || finish
keys C-u
type_text "1"
keys Enter
wait_for "欠费 3 户" || finish
expect_text "1 号楼"
expect_no_text "2-1-103"
# the reminder log of 1-1-702
keys Down Enter
wait_for "1-1-702 催缴记录" || finish
expect_text "欠费 1,275.79 元"
keys F2
wait_for "登记催缴：方式" || finish
keys 2
wait_for "电话催缴：结果" || finish
type_text "业主答应下周一来交清"
wait_for "业主答应下周一来交清" || finish
keys Enter
wait_for "已登记 1-1-702 的电话催缴。" || finish
expect_text "2026-01-01 电话催缴   王丽     业主答应下周一来交清"
expect_screen fees-arrears-reminded
# the notice: preview, then print
keys F8
wait_for "催缴通知单（预览）" || finish
expect_text "尊敬的业主 刘文斌（1-1-702）"
expect_screen fees-arrears-notice
keys Enter
wait_for "无打印机：已存为 receipts/notice-1-1-702-2026-01-01.txt，已记入催缴。" || finish
NOTICE="$TMP/receipts/notice-1-1-702-2026-01-01.txt"
[ -s "$NOTICE" ] || fail "the notice was not written to $NOTICE"
grep -q "刘文斌" "$NOTICE" || fail "the notice does not name the owner"
expect_text "2026-01-01 催缴通知单 王丽"
expect_screen fees-arrears-printed
keys Escape
wait_for "[按房屋]" || finish
# the building grid marks the houses with a bill past due
keys F10
wait_for "欠费与催缴" || finish
keys F10
wait_for "注销 / 切换用户" || finish
pick "业主档案" || finish
wait_for "输入以下任意一项查找住户" || finish
keys F6
wait_for "1 号楼" || finish
expect_text "! 欠费 2"
expect_text "702!"
keys Down Down Down Down Right
wait_for "1-1-702  7 层" || finish
expect_text "空置  欠费  刘文斌"
expect_screen fees-grid
keys F10
wait_for "输入以下任意一项查找住户" || finish
# the house detail: bills and payments
type_text "1-1-702"
wait_for "刘文斌" || finish
keys Enter
wait_for "房屋 1-1-702" || finish
expect_text "欠费 1,275.79 元"
keys End
wait_for "收据号" || finish
expect_text "2025-000155 2025-06-18     167.35  支付宝   陈静"
# back up to the section's heading and the open bills
keys PPage PPage
wait_for "账单与缴费" || finish
expect_text "欠费 1,275.79 元，共 14 笔未缴；预存 0.00 元"
expect_text "未缴"
expect_screen fees-house-bills

# the director: the monthly report and the wide arrears list
PANE=fd2
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
pick "收费管理" || finish
wait_for "月报" || finish
pick "月报" || finish
wait_for "2025-12 收费月报" || finish
expect_text "收缴率（按金额）= 本期实收 / 本期应收"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
type_text "2025-11"
keys Enter
wait_for "2025-11 收费月报" || finish
expect_text "收缴率（按户数）= 已缴清户数 / 应缴户数"
expect_text "清缴率 = 本期收回的往期欠费 / 期初往期欠费"
expect_screen fees-monthly
keys "["
wait_for "2025-10 收费月报" || finish
# a period that is not one: told, the report shown stays
keys BSpace BSpace
type_text "13"
keys Enter
wait_for "2025-10 收费月报" || finish
expect_text "2025-13"
start 120 40 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
pick "收费管理" || finish
wait_for "欠费与催缴" || finish
pick "欠费与催缴" || finish
wait_for "[按房屋]" || finish
keys F7
wait_for "合计v" || finish
expect_text "2-1-103"
expect_screen fees-arrears-120x40
keys F10
wait_for "月报" || finish
pick "月报" || finish
wait_for "2025-12 收费月报" || finish
expect_screen fees-monthly-120x40

# the cashier: c (Pay) from the arrears, the reminder log and the house
PANE=fd3
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login cashier
wait_for "注销 / 切换用户" || finish
pick "收费管理" || finish
wait_for "欠费与催缴" || finish
pick "欠费与催缴" || finish
wait_for "[按房屋]" || finish
expect_text "c 收款"
keys Down c
wait_for "未缴账单" || finish
expect_text "房屋 1-1-702"
expect_screen fees-arrears-pay
keys Escape Escape
wait_for "[按房屋]" || finish
keys Enter
wait_for "1-1-702 催缴记录" || finish
keys c
wait_for "未缴账单" || finish
expect_text "房屋 1-1-702"
keys Escape Escape
wait_for "1-1-702 催缴记录" || finish
# a house whose bills are not due yet needs no reminder, and says so
keys Escape
wait_for "[按房屋]" || finish
keys Down Enter
wait_for "1-2-801 催缴记录" || finish
expect_text "尚未到期，暂无需催缴"
keys F10 F10 F10
wait_for "注销 / 切换用户" || finish
pick "业主档案" || finish
wait_for "输入以下任意一项查找住户" || finish
type_text "1-1-702"
wait_for "刘文斌" || finish
keys Enter
wait_for "房屋 1-1-702" || finish
expect_text "c 收款"
keys c
wait_for "未缴账单" || finish
expect_text "房屋 1-1-702"
# paying everything there: back on the house, it shows nothing owed
keys F2
wait_for "收款：1-1-702" || finish
keys F2
wait_for "收款成功" || finish
keys Enter Escape Escape
wait_for "历任业主" || finish
expect_text "1-1-702   7 层"
expect_no_text "欠费"
finish
