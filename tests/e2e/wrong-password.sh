# wrong-password.sh: a wrong password and an unknown user get the same
# message; the password field is emptied; an empty password is not tried.
. "$(dirname "$0")/lib.sh"
demo_db
start 80 24
login reception wrongpass
wait_for "用户名或密码错误" || finish
expect_screen wrong-password
keys C-u
keys BTab C-u
type_text nosuchuser
keys Enter Enter
wait_for "请输入密码" || finish
type_text demo1234
keys Enter
wait_for "用户名或密码错误" || finish
expect_no_text "首页"
finish
