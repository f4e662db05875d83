# Files that are not what they should be: each a clear message and exit 1.
echo 'hello, I am a text file' > "$TMP/text.db"
run db-text-file 1 "$BIN" --db "$TMP/text.db"
sqlite3 "$TMP/other.db" 'CREATE TABLE t (x); PRAGMA user_version = 3;'
run db-other-program 1 "$BIN" --db "$TMP/other.db"
"$BIN" --db "$TMP/new.db" demo > /dev/null
sqlite3 "$TMP/new.db" 'PRAGMA user_version = 999;'
run db-newer-schema 1 "$BIN" --db "$TMP/new.db"
printf '[ui]\nidle_lock_minutes = 9999\n' > "$TMP/range.ini"
run config-out-of-range 1 "$BIN" --config "$TMP/range.ini" --db "$TMP/x.db"
printf '[ui]\nlanguge = en\n' > "$TMP/typo.ini"
run config-unknown-key 1 "$BIN" --config "$TMP/typo.ini" --db "$TMP/x.db"
run config-missing 1 "$BIN" --config "$TMP/nothere.ini" --db "$TMP/x.db"
printf 'ui = 3\n[ui]\nlanguage = en\n' > "$TMP/section.ini"
run config-key-names-section 1 "$BIN" --config "$TMP/section.ini" --db "$TMP/x.db"
awk 'BEGIN { printf "[desk]\nname = "; for (i = 0; i < 2000; i++) printf "x"; printf "\n" }' > "$TMP/long.ini"
run config-long-line 1 "$BIN" --config "$TMP/long.ini" --db "$TMP/x.db"
printf '\357\273\277[ui]\nlanguage = en\n' > "$TMP/bom.ini"
run config-bom-ok 1 "$BIN" --config "$TMP/bom.ini" --db "$TMP/none.db"
