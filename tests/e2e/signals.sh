# signals.sh: SIGINT (Ctrl-C) and SIGTERM give the terminal back as it was:
# stty -a before and after are compared inside the pane, and the cursor
# is visible and the alternate screen left.
. "$(dirname "$0")/lib.sh"
demo_db
cat >"$TMP/pane.sh" <<EOS
trap : INT
stty -a >$TMP/before
sh -c 'echo \$\$ >$TMP/fd.pid; exec $FD_BIN --db $DB --config $INI'
echo EXIT=\$?
stty -a >$TMP/after
cmp -s $TMP/before $TMP/after && echo STTY-SAME || echo STTY-DIFFERS
sleep 600
EOS
for how in INT TERM; do
	rm -f "$TMP/fd.pid"
	run_in_pane 80 24 "sh $TMP/pane.sh"
	login reception
	wait_for "注销 / 切换用户" || finish
	if [ "$how" = INT ]; then
		keys C-c
	else
		kill -TERM "$(cat "$TMP/fd.pid")" || fail "cannot send SIGTERM"
	fi
	wait_for "STTY-SAME" || finish
	expect_text "EXIT=0"
	[ "$(t display -p -t "$PANE" '#{cursor_flag},#{alternate_on}')" = "1,0" ] ||
	    fail "cursor hidden or alternate screen still on after SIG$how"
done
finish
