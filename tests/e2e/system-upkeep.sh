# system-upkeep.sh: backup and integrity check from the TUI.  The backup
# offers a dated file beside the database, writes it, asks before
# replacing it, refuses the database itself; the check shows its report.
# A receptionist and a cashier do not see the module at all.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: the dated file name
export FRONTDESK_NOW
demo_db
for user in reception cashier; do
	start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
	login "$user"
	wait_for "注销 / 切换用户" || finish
	expect_no_text "账户与维护"
done
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login admin
wait_for "注销 / 切换用户" || finish
keys 2
wait_for "完整性检查" || finish
keys 3
wait_for "backup-20260101-1030.db" || finish
keys Enter
wait_for "备份完成" || finish
[ -s "$TMP/backup-20260101-1030.db" ] || fail "no backup file was written"
keys Enter
wait_gone "备份完成" || finish
# the same file again: asked first, then replaced
keys 3
wait_for "backup-20260101-1030.db" || finish
keys Enter
wait_for "已经存在" || finish
keys Escape
wait_for "没有写入备份" || finish
keys 3
wait_for "backup-20260101-1030.db" || finish
keys Enter
wait_for "已经存在" || finish
keys Enter
wait_for "备份完成" || finish
keys Enter
# the database itself is refused and the prompt comes back
keys 3
wait_for "backup-20260101-1030.db" || finish
keys C-u
type_text "demo.db"
keys Enter
wait_for "备份不能覆盖数据库本身" || finish
expect_text "立即备份"
keys Escape
wait_gone "立即备份 ─" || finish
# the backup is a database of its own that passes the check
"$FD_BIN" --db "$TMP/backup-20260101-1030.db" --config "$INI" check \
    --user admin --password-stdin <<PW >/dev/null 2>&1 || fail "the backup does not pass check"
demo1234
PW
keys 4
wait_for "全部检查通过。" || finish
# (no screen to compare: the report names the schema version)
expect_text "快速检查：通过"
expect_text "审计链：12 行完整"
expect_text "完整性检查 ─"
finish
