# owners-reception.sh: the receptionist at the counter.  An owner gives the
# last four digits of his phone: the finder lists his household as the
# digits are typed; Enter opens the house (numbers masked).  She adds his
# daughter as a family member with a Chinese name (a phone of the wrong
# length is refused at its field first), then logs his visit with F4: the
# house and the owner are filled in, she picks the purpose and writes what
# was said and done.  The visit shows on the house at once.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: dates on screen stay put
export FRONTDESK_NOW
# the demo with its 3000 households (demo_db makes none)
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 3000 >/dev/null || fail "cannot make $DB"
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login reception
wait_for "注销 / 切换用户" || finish
expect_text "3950 套房屋，今日来访"
keys 1
wait_for "输入以下任意一项查找住户" || finish
type_text "0041"
wait_for "按电话后四位查找" || finish
wait_for "12-1-702" || finish
expect_screen owners-find-last4
keys Enter
wait_for "房屋 12-1-702" || finish
expect_text "133****0041"
expect_no_text "13369470041"
expect_screen owners-house
# a family member: his daughter
keys a
wait_for "12-1-702 新增住户" || finish
type_text "李晓雯"
keys Tab Tab
type_text "女儿"
keys Tab
type_text "1381234567"
keys Tab
wait_for "手机号" || finish
expect_screen owners-family-badphone
keys BTab C-u
type_text "13812345678"
keys C-s
wait_for "已新增住户 李晓雯" || finish
expect_text "家属 女儿"
expect_text "138****5678"
expect_screen owners-family-added
# his visit, from the house with F4
keys F4
wait_for "接待人 王丽" || finish
expect_text "业主 李国庆"
keys Tab Tab Tab Right Right Right Tab
type_text "厨房水管漏水，楼下邻居反映天花板渗水"
keys Tab
type_text "已通知工程部，今天下午两点上门维修"
wait_for "两点上门维修" || finish
expect_screen owners-visit-form
keys C-s
wait_for "已登记来访：12-1-702 李国庆，报修" || finish
expect_text "来访登记（1 次）"
expect_screen owners-visit-logged
finish
