#!/bin/sh
# Run test binaries, print each verdict and a closing 'N passed, N failed' line.
# Usage: run-tests.sh SUITE BINARY...
suite=$1; shift
pass=0; fail=0; failed=""
for t in "$@"; do
	log="${t}.log"
	if "$t" >"$log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); failed="$failed $t"
		echo "---- FAIL $t"; tail -n 40 "$log"
	fi
done
echo "$suite: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
