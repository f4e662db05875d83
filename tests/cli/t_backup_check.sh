# backup (an online snapshot) and check (integrity, audit chain).
"$BIN" --db "$TMP/d.db" demo > /dev/null
with_input 'demo1234'
run backup 0 "$BIN" --db "$TMP/d.db" backup "$TMP/b.db" --user admin --password-stdin
with_input 'demo1234'
run backup-exists 1 "$BIN" --db "$TMP/d.db" backup "$TMP/b.db" --user admin --password-stdin
with_input 'demo1234'
run backup-force 0 "$BIN" --db "$TMP/d.db" backup "$TMP/b.db" --force --user admin --password-stdin
with_input 'demo1234'
run backup-onto-itself 1 "$BIN" --db "$TMP/d.db" backup "$TMP/d.db" --force --user admin --password-stdin
with_input 'demo1234'
run backup-receptionist 1 "$BIN" --db "$TMP/d.db" backup "$TMP/c.db" --user reception --password-stdin
with_input 'demo1234'
run backup-is-usable 0 "$BIN" --db "$TMP/b.db" check --full --user director --password-stdin
with_input 'demo1234'
run check-demo 0 "$BIN" --db "$TMP/d.db" check --user director --password-stdin
# Tamper with the audit log as an attacker with the sqlite3 shell would.
sqlite3 "$TMP/d.db" "DROP TRIGGER audit_no_update; UPDATE audit_log SET summary = 'nothing happened' WHERE id = 3;"
with_input 'demo1234'
run check-tampered 1 "$BIN" --db "$TMP/d.db" check --user director --password-stdin
