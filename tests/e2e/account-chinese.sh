# account-chinese.sh: the account form filled with Chinese, editing in the
# middle of a Chinese word; Esc asks before discarding; Ctrl-S saves and
# the status bar shows the new name.  Also a password change.
. "$(dirname "$0")/lib.sh"
demo_db
start 80 24
login reception
wait_for "注销 / 切换用户" || finish
keys 6
wait_for "显示姓名" || finish
keys C-u
type_text "王丽华"
keys Left Left
type_text "小"
wait_for "王小丽华" || finish
# the cursor sits after 小, on 丽: columns count two per character
[ "$(cursor)" = "22,6" ] || fail "cursor at $(cursor), want 22,6"
keys BSpace
type_text "晓"
keys End
type_text "（前台）"
wait_for "王晓丽华（前台）" || finish
expect_screen account-edit
keys Escape
wait_for "放弃修改" || finish
keys Escape
wait_gone "放弃修改" || finish
# a new password that differs from its repeat is refused at the field
keys Tab
type_text demo1234
keys Tab
type_text "新密码abc123"
keys Tab
type_text "新密码abc124"
keys C-s
wait_for "两次输入的新密码不一致" || finish
keys C-u
type_text "新密码abc123"
keys C-s
wait_for "账户信息已保存" || finish
wait_for "王晓丽华（前台）(服务接待员)" || finish
expect_screen account-saved
# the new password works
keys C-x
wait_for "已注销" || finish
login reception "新密码abc123"
wait_for "王晓丽华（前台）(服务接待员)" || finish
finish
