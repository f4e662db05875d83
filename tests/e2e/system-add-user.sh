# system-add-user.sh: the administrator opens Accounts and upkeep, adds an
# account with a Chinese display name through the form (a repeat that
# differs is refused at its field), the new account shows in the list,
# selected, and the new colleague can log in with it.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: dates on screen stay put
export FRONTDESK_NOW
demo_db
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login admin
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "完整性检查" || finish
expect_screen system-admin
keys 1
wait_for "reception" || finish
keys F2
wait_for "再输一次密码" || finish
type_text liuyang
keys Tab
type_text "刘洋（夜班）"
keys Tab Right Tab
type_text "夜班密码2024"
keys Tab
type_text "夜班密码2025"
keys C-s
wait_for "两次输入的密码不一致" || finish
expect_screen useradd-mismatch
keys C-u
type_text "夜班密码2024"
keys C-s
wait_for "已新增账号 liuyang" || finish
expect_screen users-added
# the new colleague logs in with the password typed in the form
keys C-x
wait_for "已注销" || finish
login liuyang "夜班密码2024"
wait_for "刘洋（夜班）(收银员)" || finish
finish
