# lockout.sh: five wrong passwords lock the account and the message says
# until when; then even the right password is refused.
. "$(dirname "$0")/lib.sh"
demo_db
start 80 24
wait_for "frontdesk" || finish
type_text cashier2
keys Enter
i=1
while [ "$i" -le 5 ]; do
	type_text "wrong$i-pass"
	wait_for "***********" || finish
	keys Enter
	wait_gone "***********" 10 || finish
	i=$((i + 1))
done
wait_for "锁定" || finish
type_text demo1234
wait_for "********" || finish
keys Enter
wait_gone "********" 10 || finish
wait_for "锁定" || finish
expect_no_text "首页"
screen | grep -q "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]" ||
    fail "the lock message does not say until when"
finish
