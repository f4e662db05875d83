# system-unlock.sh: five wrong passwords through the CLI lock the cashier;
# the director's home points at it, the users list says until when, and
# the director unlocks it with F6; the cashier can log in again.  The
# director's list offers no keys for adding or disabling accounts.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: the lock lasts to 10:45
export FRONTDESK_NOW
demo_db
i=1
while [ "$i" -le 5 ]; do
	echo "wrong-pass-$i" | "$FD_BIN" --db "$DB" --config "$INI" check \
	    --user cashier --password-stdin >/dev/null 2>&1
	i=$((i + 1))
done
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "待解锁" || finish
expect_screen home-director-locked
keys 7
wait_for "完整性检查" || finish
keys 1
wait_for "锁定至 10:45" || finish
expect_screen users-locked
expect_no_text "F2"
expect_no_text "F8"
keys Down F6
wait_for "已解锁" || finish
expect_screen users-unlocked
# unlocking an account that is not locked says so and changes nothing
keys Up Enter
wait_for "没有被锁定" || finish
# the cashier logs in again with the right password
keys C-x
wait_for "已注销" || finish
login cashier
wait_for "陈静(收银员)" || finish
finish
