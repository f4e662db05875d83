# The contract: --help, --version, usage errors, exit status 0/1/2.
run version 0 "$BIN" --version
run help 0 "$BIN" --help
run unknown-command 2 "$BIN" frobnicate
run db-needs-value 2 "$BIN" --db
run tui-missing-db 1 "$BIN" --db "$TMP/none.db"
run init-usage 2 "$BIN" --db "$TMP/a.db" init
run user-usage 2 "$BIN" --db "$TMP/a.db" user
run check-needs-user 2 "$BIN" --db "$TMP/a.db" check
# Installed under any prefix, the binary finds its translations beside it.
make -s -C "$top" install DESTDIR="$TMP/dest" PREFIX=/opt/fd >/dev/null 2>&1
run installed-speaks-chinese 2 "$TMP/dest/opt/fd/bin/frontdesk" frobnicate
expect installed-man-page test -f "$TMP/dest/opt/fd/share/man/man1/frontdesk.1"
expect installed-config test -f "$TMP/dest/etc/frontdesk/frontdesk.ini"
