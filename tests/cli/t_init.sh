# init: a new empty database with its first administrator.
with_input 'short'
run init-short-password 1 "$BIN" --db "$TMP/a.db" init --admin boss --password-stdin
expect init-short-password-no-file test ! -e "$TMP/a.db"
with_input 'Secret-2026'
run init-bad-name 1 "$BIN" --db "$TMP/a.db" init --admin 'Boss Man' --password-stdin
with_input 'Secret-2026'
run init-ok 0 "$BIN" --db "$TMP/a.db" init --admin boss --password-stdin
with_input 'Secret-2026'
run init-twice 1 "$BIN" --db "$TMP/a.db" init --admin boss2 --password-stdin
with_input 'Secret-2026'
run init-check 0 "$BIN" --db "$TMP/a.db" check --user boss --password-stdin
with_input 'Secret-2026' 'Counter-pass1'
run init-add-receptionist 0 "$BIN" --db "$TMP/a.db" user add wangli --role receptionist --display 王丽 --user boss --password-stdin
with_input 'Counter-pass1'
run receptionist-may-not-add 1 "$BIN" --db "$TMP/a.db" user add li --role cashier --user wangli --password-stdin
with_input 'Secret-2026' 'x'
run add-bad-role 1 "$BIN" --db "$TMP/a.db" user add li --role boss --user boss --password-stdin
with_input 'Secret-2026'
run no-password-line 1 "$BIN" --db "$TMP/a.db" user add li --role cashier --user boss --password-stdin
