# fees-setup.sh: the director's fee setup for a new month.  A new price of
# water (水费) dated into a billed month is refused with the first day
# allowed, then added from 2026-01-01; the price history shows both.  The
# shops' water readings of building 2 for 2026-01 are keyed into the grid:
# one below the previous reading is refused with the reason and corrected
# in place.  A month that has not begun cannot be billed; the bills of
# 2026-01 are made and the result shown; a second run makes nothing twice.
# The fees menu gains entries as other fee screens land, so each entry is
# opened by the digit shown in front of it.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: bills up to 2025-12
export FRONTDESK_NOW
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 40 --seed 1 >/dev/null || fail "cannot make $DB"

start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
keys 4
wait_for "收费项目与标准" || finish

# a new price of water, first dated into December (billed already)
pick "收费项目与标准" || finish
wait_for "最近出账" || finish
expect_text "3.45 2025-01-01 2025-12"
keys Down Down F6
wait_for "水费 调价" || finish
expect_text "起始日期  2026-01-01"
type_text "3.80"
keys BTab C-u
type_text "2025-12-01"
keys Enter Enter
wait_for "新价格最早从 2026-01-01 起执行" || finish
expect_screen fees-setup-price-refused
keys C-u
type_text "2026-01-01"
keys C-s
wait_for "水费：3.80 元，自 2026-01-01 起执行。" || finish
expect_text "3.80 2026-01-01 2025-12"
expect_screen fees-setup-items
keys Enter
wait_for "水费 的收费标准" || finish
expect_text "2026-01-01          3.80"
expect_screen fees-setup-prices
keys Enter
wait_gone "水费 的收费标准" || finish
keys Escape
wait_for "按楼栋录入水电表读数" || finish

# the water readings of building 2 (four shops) for January
pick "抄表" || finish
wait_for "1 号楼  水费（吨）  2026-01" || finish
expect_text "已抄 0/40 户，已出账 0"
keys F3
wait_for "选择抄表单" || finish
keys BSpace
type_text "2"
keys Enter
wait_for "2 号楼  水费（吨）  2026-01" || finish
expect_text "已抄 0/4 户"
type_text "878"
keys Enter
wait_for "2-1-101 的读数已保存：878，用量 16。" || finish
type_text "2400"
wait_for "低于起数" || finish
keys Enter
wait_for "本次读数 2400 小于上次读数 2481" || finish
expect_screen fees-setup-reading-refused
keys BSpace BSpace BSpace BSpace
type_text "2520"
keys Enter
wait_for "2-1-102 的读数已保存：2520，用量 39。" || finish
type_text "2440"
keys Enter
wait_for "2-1-103 的读数已保存" || finish
type_text "1160"
keys Enter
wait_for "已抄 4/4 户，已出账 0" || finish
expect_screen fees-setup-readings
keys Escape
wait_for "为各户生成当月应收" || finish

# a month that has not begun, then January's bills, twice
pick "生成账单" || finish
wait_for "2026-01 现状" || finish
keys C-u
type_text "2026-03"
wait_for "账期 2026-03 还没到" || finish
keys Enter
wait_for "最多只能生成到 2026-02 的账单" || finish
keys C-u
type_text "2026-01"
wait_for "2026-01 现状" || finish
expect_text "水费             按表计量          3.80 元  已出账至 2025-12，已抄 4/44"
expect_screen fees-setup-bills-before
keys Enter
wait_for "为全部房屋生成 2026-01 的账单" || finish
keys Enter
wait_for "2026-01 出账结果" || finish
expect_text "已生成"
expect_text "录入读数（抄表）后再生成一次本期账单"
expect_screen fees-setup-bills
keys Enter
wait_for "为全部房屋生成 2026-01 的账单" || finish
keys Enter
wait_for "2026-01 没有新出账单：账单均已存在。" || finish
expect_text "没有新出账单：本期账单均已存在。"
expect_screen fees-setup-bills-again

# the same readings at 120x40
PANE=fd2
start 120 40 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
keys 4
wait_for "收费项目与标准" || finish
pick "抄表" || finish
wait_for "1 号楼  水费（吨）  2026-01" || finish
keys F3
wait_for "选择抄表单" || finish
keys BSpace
type_text "2"
keys Enter
wait_for "已抄 4/4 户，已出账 4" || finish
expect_screen fees-setup-readings-120x40
finish
