# demo: the demo accounts, only ever in a database marked as demo.
run demo 0 "$BIN" --db "$TMP/d.db" demo
run demo-exists 1 "$BIN" --db "$TMP/d.db" demo
run demo-force 0 "$BIN" --db "$TMP/d.db" demo --force
with_input 'Secret-2026'
run real-init 0 "$BIN" --db "$TMP/real.db" init --admin boss --password-stdin
run demo-never-over-real 1 "$BIN" --db "$TMP/real.db" demo --force
with_input 'demo1234'
run demo-list 0 "$BIN" --db "$TMP/d.db" user list --user director --password-stdin
with_input 'demo1234'
run demo-cashier-may-not-list 1 "$BIN" --db "$TMP/d.db" user list --user cashier --password-stdin
