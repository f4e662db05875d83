# system-audit.sh: the director opens the audit log (newest first) and
# filters it by typing: the list narrows with each key, by action and by a
# Chinese display name in the summary; Enter shows one entry whole; Esc in
# the filter box clears it.  At 120x40 the desk and entity columns show.
. "$(dirname "$0")/lib.sh"
FRONTDESK_NOW=1767263400 # 2026-01-01 10:30 UTC: times on screen stay put
export FRONTDESK_NOW
# the demo made with the test configuration, so every row has its desk
rm -f "$DB" "$DB-wal" "$DB-shm"
"$FD_BIN" --db "$DB" --config "$INI" demo --households 0 >/dev/null || fail "cannot make $DB"
printf 'demo1234\n新同事密码1\n' | "$FD_BIN" --db "$DB" --config "$INI" \
    user add liuyang --role cashier --display 刘洋 --user admin \
    --password-stdin >/dev/null || fail "cannot add liuyang"
for i in 1 2; do
	echo "wrong-pass-$i" | "$FD_BIN" --db "$DB" --config "$INI" check \
	    --user cashier --password-stdin >/dev/null 2>&1
done
start 80 24 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
keys 7
wait_for "完整性检查" || finish
keys 2
wait_for "login.fail" || finish
expect_screen audit-log
keys /
wait_for "保留过滤" || finish
type_text "log"
wait_for "过滤：log" || finish
type_text "in.f"
wait_for "共 2 行   过滤：login.f" || finish
expect_screen audit-filter
keys Enter
wait_gone "保留过滤" || finish
keys Enter
wait_for "内容：wrong password, try 2" || finish
expect_screen audit-entry
keys Escape
wait_gone "内容：" || finish
keys / C-u
type_text "刘洋"
wait_for "过滤：刘洋" || finish
expect_text "added liuyang (刘洋), role cashier"
expect_text "共 1 行"
keys Escape
wait_gone "过滤：" || finish
keys F10
wait_for "完整性检查" || finish
keys F10
wait_for "注销 / 切换用户" || finish
keys F10
wait_for "退出" || finish
keys Enter
wait_for "FRONTDESK-EXIT=0" || finish
# the wide layout
start 120 40 FRONTDESK_NOW=$FRONTDESK_NOW
login director
wait_for "注销 / 切换用户" || finish
keys 7
wait_for "完整性检查" || finish
keys 2
wait_for "login.fail" || finish
expect_screen audit-log-120x40
finish
