# requests-from-house.sh: a repair request from the house on screen.  The
# receptionist finds the house by the owner's last four digits, presses F9:
# the form has the house and its owner filled in (the phone masked).  An
# empty description is refused at once; with one, Ctrl-S registers it and
# tells the number, and it is in her queue.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC
export FRONTDESK_NOW
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 3000 >/dev/null || fail "cannot make $DB"
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login reception
wait_for "注销 / 切换用户" || finish
keys 1
wait_for "输入以下任意一项查找住户" || finish
type_text "0041"
wait_for "12-1-702" || finish
keys Enter
wait_for "房屋 12-1-702" || finish
keys F9
wait_for "首问责任人 王丽" || finish
expect_text "12-1-702"
expect_text "李国庆"
expect_text "133****0041"
expect_no_text "13369470041"
keys Right Right
wait_for "< 报修 >" || finish
keys C-s
wait_for "问题描述" || finish
expect_no_text "已登记工单"
expect_text "此项必填"
type_text "厨房水管漏水，楼下邻居反映天花板渗水"
wait_for "天花板渗水" || finish
expect_screen requests-house-form
keys C-s
wait_for "已登记工单 TS20260101-0001。" || finish
wait_for "房屋 12-1-702" || finish
# the house lists it last, and Enter on it opens the request
keys $(i=0; while [ $i -lt 40 ]; do printf 'Down '; i=$((i + 1)); done)
keys Enter
wait_for "厨房水管漏水" || finish
expect_text "首问责任人"
expect_screen requests-house-detail
keys Escape
wait_for "房屋 12-1-702" || finish
keys Escape
wait_for "共找到 1 户" || finish
keys Escape
wait_for "输入以下任意一项查找住户" || finish
keys Escape
wait_for "注销 / 切换用户" || finish
keys F5
wait_for "待办 21，" || finish
keys 2
wait_for "[我的]" || finish
expect_text "TS20260101-0001 报修  12-1-702"
finish
