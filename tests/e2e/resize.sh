# resize.sh: below 80x24 a notice asks for a bigger window; growing back
# brings the screen back as it was.
. "$(dirname "$0")/lib.sh"
demo_db
start 80 24
login reception
wait_for "注销 / 切换用户" || finish
t resize-window -t "$PANE" -x 70 -y 20
wait_for "窗口太小（当前 70x20）" || finish
expect_screen resize-small
t resize-window -t "$PANE" -x 80 -y 24
wait_for "注销 / 切换用户" || finish
expect_screen resize-back
t resize-window -t "$PANE" -x 120 -y 40
wait_for "注销 / 切换用户" || finish
expect_text "王丽(服务接待员)"
finish
