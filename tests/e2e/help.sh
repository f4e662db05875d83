# help.sh: F1 and ? open help generated from the key tables; Esc goes back;
# a module that is not in this version says so.
. "$(dirname "$0")/lib.sh"
demo_db
start 80 24
login reception
wait_for "注销 / 切换用户" || finish
keys F1
wait_for "帮助：首页" || finish
expect_screen help-home
keys Escape
wait_for "按数字键直接进入" || finish
type_text "?"
wait_for "帮助：首页" || finish
keys Escape
wait_gone "帮助：首页" || finish
keys 3
wait_for "后续版本中提供" || finish
expect_screen later-version
keys Enter
wait_gone "后续版本中提供" || finish
keys 6
wait_for "显示姓名" || finish
keys F1
wait_for "帮助：我的账户" || finish
expect_text "Ctrl-S F2"
finish
