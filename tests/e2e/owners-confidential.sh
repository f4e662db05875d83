# owners-confidential.sh: confidentiality (保密制度).  The cashier finds a
# household and sees its phone and ID numbers masked, with no key to show
# them.  The director shows the owner's phone in full with F7 (it is
# recorded), and the audit log names who looked at whose number.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: dates on screen stay put
export FRONTDESK_NOW
# the demo with its 3000 households (demo_db makes none)
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 3000 >/dev/null || fail "cannot make $DB"
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login cashier
wait_for "注销 / 切换用户" || finish
keys 1
wait_for "输入以下任意一项查找住户" || finish
expect_no_text "新增房屋"
type_text "0041"
wait_for "12-1-702" || finish
keys Enter
wait_for "房屋 12-1-702" || finish
expect_text "133****0041"
expect_text "身份证 "
expect_no_text "13369470041"
expect_no_text "查看号码"
expect_screen owners-cashier-house
keys v
expect_no_text "查看哪个完整号码"
keys C-x
wait_for "已注销" || finish
login director
wait_for "注销 / 切换用户" || finish
keys 1
wait_for "输入以下任意一项查找住户" || finish
type_text "0041"
wait_for "12-1-702" || finish
keys Enter
wait_for "房屋 12-1-702" || finish
keys F7
wait_for "查看哪个完整号码" || finish
expect_screen owners-reveal-menu
keys 1
wait_for "13369470041" || finish
expect_text "已显示完整电话（李国庆）"
expect_screen owners-revealed
# the audit log says who looked at which number
keys Escape Escape Escape
wait_for "注销 / 切换用户" || finish
keys 7
wait_for "完整性检查" || finish
keys 2
wait_for "reveal" || finish
keys Enter
wait_for "内容：revealed the phone of owner 李国庆" || finish
expect_text "操作：reveal"
expect_screen owners-audit-reveal
finish
