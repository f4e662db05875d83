#!/bin/sh
# make lint: the layer arrows and house rules as greps (STYLE.md §4.11), so they
# cannot erode.  Prints each violation; exits 1 when there is any.
cd "$(dirname "$0")/.." || exit 1
bad=0
check() { # description, then a command whose output lists violations
	desc=$1; shift
	out=$("$@" 2>/dev/null)
	if [ -n "$out" ]; then
		echo "lint: $desc:"; echo "$out" | sed 's/^/  /'; bad=1
	fi
}
check "curses outside src/ui" \
	grep -rlE '#include <(n?curses|ncursesw/)' src/core src/util src/db src/svc src/cli src/ui/model src/main.c
check "sqlite3.h outside src/db" \
	grep -rl '#include <sqlite3.h>' src/ui src/core src/util src/svc src/cli src/main.c include/core include/util include/svc include/ui include/cli
check "dbint.h (SQLite types) outside src/db" \
	grep -rl 'db/dbint.h' src/ui src/core src/util src/svc src/cli src/main.c
check "SQL text outside src/db" \
	grep -rnE '"(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|BEGIN|COMMIT) ' src/ui src/core src/util src/svc src/cli src/main.c
check "iniparser outside src/util/config.c" \
	sh -c "grep -rl '#include <iniparser.h>' src include | grep -v '^src/util/config.c$'"
check "sodium outside src/util/secure.c" \
	sh -c "grep -rl '#include <sodium' src include | grep -v '^src/util/secure.c$'"
check "core or util reaching up a layer" \
	grep -rnE '#include "(db|svc|ui|cli)/' src/core src/util include/core include/util
check "db reaching up a layer" \
	grep -rnE '#include "(svc|ui|cli)/' src/db include/db
check "svc reaching up a layer" \
	grep -rnE '#include "(ui|cli)/' src/svc include/svc
check "ui changing data without svc (db writes from ui)" \
	grep -rnE '_db_(insert|update|set|append|fail|clear)' src/ui
check "side effects in assert()" \
	grep -rnE 'assert\(.*(sqlite3_step|_db_|svc_)' src
check "forbidden iniparser calls (CVE-2023-33461, CVE-2025-0633)" \
	grep -rnE 'iniparser_(getint|getboolean|getdouble|getlongint|dump)' src
check "bytes compared with columns (use text_width)" \
	grep -rnE 'strlen\(.*\)\s*[<>]=?\s*(cols|width)' src/ui
check "SQL formatted with printf (bind values instead)" \
	grep -rnE 'printf\(.*"(SELECT|INSERT|UPDATE|DELETE) ' src
check "two test files share a name (both would build build/t/NAME)" \
	sh -c "ls tests/unit tests/ui tests/db | grep '^test_.*\.c$' | sort | uniq -d"
if command -v cppcheck >/dev/null 2>&1; then
	out=$(cppcheck --quiet --enable=warning --std=c11 --error-exitcode=0 \
		--suppress=missingIncludeSystem --suppress=ctuuninitvar --inline-suppr -Iinclude src 2>&1)
	if [ -n "$out" ]; then echo "lint: cppcheck:"; echo "$out" | sed 's/^/  /'; bad=1; fi
fi
[ $bad -eq 0 ] && echo "lint: ok"
exit $bad
