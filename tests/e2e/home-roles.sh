# home-roles.sh: home lists only what each role may use, at 80x24, and
# the director's home at 120x40.
. "$(dirname "$0")/lib.sh"
demo_db
for user in admin director reception cashier; do
	start 80 24
	login "$user"
	wait_for "首页" || finish
	wait_for "注销 / 切换用户" || finish
	expect_screen "home-$user"
done
start 120 40
login director
wait_for "注销 / 切换用户" || finish
expect_screen home-director-120x40
finish
