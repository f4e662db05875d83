# requests-callback.sh: a phone complaint from registration to a reopen.
# The receptionist logs a complaint with a Chinese description from the
# queues (F2), finds it with '/', dispatches it to engineering with a
# handler and marks it resolved.  Four days later a director at another
# desk finds it in the awaiting-callback queue and calls back 不满意: it
# reopens (back to engineering, the reopen counted).  The receptionist's
# screen still shows it resolved; her own callback is refused as stale,
# told clearly, and the request is read again.  The director sees it in
# the open queue.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC
LATER=1767609000         # 2026-01-05 10:30 UTC: the callback is overdue
export FRONTDESK_NOW
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" demo --households 3000 >/dev/null || fail "cannot make $DB"
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login reception
wait_for "注销 / 切换用户" || finish
expect_text "待办 20，逾期 5，待回访 6"
keys 2
wait_for "[我的]" || finish
expect_text "共 20 单"
# a phone complaint about house 12-1-702
keys F2
wait_for "首问责任人 王丽" || finish
expect_text "< 电话 >"
keys Right Tab Left Left Left Left Tab Tab Tab
type_text "12-1-702"
keys Tab Tab
type_text "李国庆"
keys Tab
type_text "13812345678"
keys Tab
type_text "楼上漏水已经三天，物业一直没人来处理，要求今天必须解决"
wait_for "要求今天必须解决" || finish
expect_text "< 投诉 >"
expect_text "< 设施设备 >"
expect_screen requests-new-form
keys C-s
wait_for "已登记工单 TS20260101-0001。" || finish
expect_text "共 21 单"
# find it and open it
keys /
type_text "漏水已经"
wait_for "共 1 单" || finish
keys Enter
keys Enter
wait_for "处理记录（1 条）" || finish
expect_text "首问责任人： 王丽"
expect_text "138****5678"
expect_no_text "13812345678"
# dispatch to engineering, handler 张师傅
keys F2
wait_for "派工到" || finish
keys Enter
wait_for "处理人（可不填）" || finish
type_text "张师傅"
keys Enter
wait_for "处理记录（2 条）" || finish
expect_text "工程部 张师傅"
expect_text "已派工"
# resolved
keys F7
wait_for "处理结果" || finish
type_text "已更换楼上卫生间防水层，楼下不再渗水"
keys Enter
wait_for "处理记录（3 条）" || finish
expect_text "已处理"
expect_text "回访时限： 2026-01-03 10:30"
expect_screen requests-resolved
# another desk, four days on: the director calls back, 不满意
PANE=fd2
start 80 24 FRONTDESK_NOW=$LATER
login director
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "[我的]" || finish
keys Tab Tab
wait_for "[待回访]" || finish
keys /
type_text "漏水已经"
wait_for "共 1 单" || finish
expect_text "TS20260101-0001"
expect_text "01-03 10:30"
keys Enter
keys Enter
wait_for "处理记录（3 条）" || finish
keys F8
wait_for "回访：业主评价" || finish
keys 3
wait_for "回访方式" || finish
keys Enter
wait_for "业主意见（可不填）" || finish
type_text "业主说楼下天花板仍有渗水痕迹"
keys Enter
wait_for "处理记录（5 条）" || finish
expect_text "已派工"
expect_text "不满意"
expect_text "返工 1 次"
expect_screen requests-reopened
# the first desk still shows it resolved: its callback is refused
PANE=fd
expect_text "处理记录（3 条）"
keys F8
wait_for "回访：业主评价" || finish
keys 1
wait_for "回访方式" || finish
keys Enter
wait_for "业主意见（可不填）" || finish
keys Enter
wait_for "已在其他窗口被修改" || finish
wait_for "处理记录（5 条）" || finish
expect_text "已派工"
expect_screen requests-stale-callback
# the director sees it open again, back with engineering
PANE=fd2
keys Escape
wait_for "[待回访]" || finish
expect_text "没有符合过滤条件的内容"
keys Tab Tab Tab
wait_for "[全部未结]" || finish
expect_text "TS20260101-0001"
expect_text "已派工"
expect_screen requests-director-open
# the director's board: overdue with the owner of each, then today's
# register, signed off once
keys F7
wait_for "[逾期]" || finish
expect_text "首问责任人"
expect_screen requests-board-overdue
keys Tab
wait_for "尚未签阅" || finish
keys F2
wait_for "签阅今日登记" || finish
type_text "已阅，逾期工单明早例会通报"
keys Enter
wait_for "今日登记已签阅。" || finish
expect_text "李主任 已于 10:30 签阅"
keys F2
wait_for "签阅今日登记" || finish
keys Enter
wait_for "已签阅" || finish
expect_text "李主任 已于 10:30 签阅"
keys Tab
wait_for "[月度回顾]" || finish
expect_text "按时处理率："
expect_screen requests-board-month
finish
