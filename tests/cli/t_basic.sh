# The contract: --help, --version, usage errors, exit status 0/1/2.
run version 0 "$BIN" --version
run help 0 "$BIN" --help
run unknown-command 2 "$BIN" frobnicate
run db-needs-value 2 "$BIN" --db
run tui-missing-db 1 "$BIN" --db "$TMP/none.db"
run init-usage 2 "$BIN" --db "$TMP/a.db" init
run user-usage 2 "$BIN" --db "$TMP/a.db" user
run check-needs-user 2 "$BIN" --db "$TMP/a.db" check
