# owners-grid.sh: the building grid (楼盘表) at 80x24: building 1 opens at
# its top floor; building 11 has 31 floors, more than fit, so the grid
# scrolls with the cursor and says which floors it shows; Enter opens the
# house under the cursor.  Then the house detail at 120x40, where the ID
# numbers move up onto the people's first line.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: dates on screen stay put
export FRONTDESK_NOW
# the demo with its 3000 households (demo_db makes none)
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 3000 >/dev/null || fail "cannot make $DB"
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login reception
wait_for "注销 / 切换用户" || finish
keys 1
wait_for "输入以下任意一项查找住户" || finish
keys F6
wait_for "1 号楼" || finish
expect_screen owners-grid
keys b
wait_for "楼栋号（1 到" || finish
keys C-u
type_text "11"
keys Enter
wait_for "11 号楼" || finish
expect_text "11-1-3101"
expect_screen owners-grid-31floors
keys End Right
wait_for "11-1-102" || finish
expect_text "显示第 1-16 层（共 1-31 层）"
keys Enter
wait_for "房屋 11-1-102" || finish
keys Escape
wait_for "11 号楼" || finish
keys ]
wait_for "12 号楼" || finish
keys F10
wait_for "输入以下任意一项查找住户" || finish
# the house detail on a wide terminal
start 120 40 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
keys 1
wait_for "输入以下任意一项查找住户" || finish
type_text "12-1-702"
wait_for "李国庆" || finish
keys Enter
wait_for "房屋 12-1-702" || finish
expect_screen owners-house-120x40
finish
