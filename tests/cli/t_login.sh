# Logging in from the command line: wrong password, unknown user, lock-out.
"$BIN" --db "$TMP/d.db" demo > /dev/null
with_input 'wrong-pass'
run login-wrong 1 "$BIN" --db "$TMP/d.db" check --user admin --password-stdin
with_input 'wrong-pass'
run login-unknown 1 "$BIN" --db "$TMP/d.db" check --user nobody --password-stdin
for i in 1 2 3 4; do
	printf 'nope%s\n' "$i" | "$BIN" --db "$TMP/d.db" check --user cashier --password-stdin 2>/dev/null
done
with_input 'nope5'
export FRONTDESK_NOW=1796000000
run login-locks 1 "$BIN" --db "$TMP/d.db" check --user cashier --password-stdin
with_input 'demo1234'
export FRONTDESK_NOW=1796000060
run login-locked-right-password 1 "$BIN" --db "$TMP/d.db" user list --user cashier --password-stdin
export FRONTDESK_NOW=1796000901
with_input 'demo1234' 'Newpass-2026'
run login-lock-expires 0 "$BIN" --db "$TMP/d.db" user passwd cashier --user cashier --password-stdin
with_input 'demo1234'
run login-old-password-gone 1 "$BIN" --db "$TMP/d.db" user list --user cashier --password-stdin
with_input 'Newpass-2026'
run cashier-may-not-check 1 "$BIN" --db "$TMP/d.db" check --user cashier --password-stdin
unset FRONTDESK_NOW
for i in 1 2 3 4 5; do
	printf 'nope%s\n' "$i" | "$BIN" --db "$TMP/d.db" check --user reception --password-stdin 2>/dev/null
done
with_input 'demo1234'
run director-unlocks 0 "$BIN" --db "$TMP/d.db" user unlock reception --user director --password-stdin
with_input 'demo1234' 'Counter-2026'
run reception-after-unlock 0 "$BIN" --db "$TMP/d.db" user passwd reception --user reception --password-stdin
