# idle-lock.sh: after the idle time the screen hides everything and asks
# for the password again (FRONTDESK_IDLE_SECONDS stands in for
# [ui] idle_lock_minutes); a wrong one is refused, the right one goes back
# to where the user was; another user may log in instead.
. "$(dirname "$0")/lib.sh"
demo_db
start 80 24 FRONTDESK_IDLE_SECONDS=2
login director
wait_for "李主任(主任)" || finish
keys 8
wait_for "显示姓名" || finish
wait_for "已锁定" 10 || finish
expect_screen idle-lock
expect_no_text "再次输入新密码"
type_text wrongpass
keys Enter
wait_for "用户名或密码错误" || finish
type_text demo1234
keys Enter
wait_for "已解锁" || finish
expect_text "再次输入新密码"
# locked again: another user takes over; the director is logged out
wait_for "已锁定" 10 || finish
keys BTab C-u
type_text reception
keys Enter
type_text demo1234
keys Enter
wait_for "王丽(服务接待员)" || finish
expect_text "首页"
expect_no_text "再次输入新密码"
finish
