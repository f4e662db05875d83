# owners-stale-edit.sh: two desks change the same house.  The receptionist
# opens the house form and types a new floor area; meanwhile the director
# at a second desk saves a change to that house.  The receptionist's save
# is refused with a clear message, nothing is overwritten, and her form
# stays open with what she typed.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: dates on screen stay put
export FRONTDESK_NOW
# the demo with its 3000 households (demo_db makes none)
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 3000 >/dev/null || fail "cannot make $DB"
# open house 12-1-702's form at the current desk
edit_house() {
	keys 1
	wait_for "输入以下任意一项查找住户" || return 1
	type_text "12-1-702"
	wait_for "李国庆" || return 1
	keys Enter
	wait_for "房屋 12-1-702" || return 1
	keys e
	wait_for "修改房屋 12-1-702" || return 1
	keys Tab C-u
	type_text "$1"
}
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login reception
wait_for "注销 / 切换用户" || finish
edit_house 139.50 || finish
# the second desk
PANE=fd2
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
edit_house 140.00 || finish
keys C-s
wait_for "房屋 12-1-702 已保存" || finish
# back at the first desk
PANE=fd
keys C-s
wait_for "该记录已在其他窗口修改" || finish
expect_screen owners-stale-edit
keys Enter
wait_gone "未保存" || finish
expect_text "139.50"
expect_text "修改房屋 12-1-702"
finish
