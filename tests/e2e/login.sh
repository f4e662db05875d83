# login.sh: the login screen of a demo database, then a good login lands on
# home with user, role, desk, database and DEMO in the status bar.
. "$(dirname "$0")/lib.sh"
demo_db
start 80 24
wait_for "reception" || finish
expect_screen login-screen
login reception
wait_for "王丽(服务接待员)" || finish
expect_screen login-home
finish
