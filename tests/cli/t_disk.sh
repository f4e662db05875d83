# A full disk and a read-only file system: a clear message, exit 1, and
# nothing already stored is lost.  Runs in a private mount namespace with a
# small tmpfs (as root; otherwise inside a user namespace).
if [ "$(id -u)" = 0 ]; then ns="unshare -m"; else ns="unshare -rm"; fi
mkdir -p "$TMP/small"
$ns sh -c '
	set -u
	. "$top/tests/cli/lib.sh"
	mount -t tmpfs -o size=2m tmpfs "$TMP/small" || { echo "not ok disk-mount: cannot mount a tmpfs"; exit 0; }
	db="$TMP/small/d.db"
	"$BIN" --db "$db" demo --households 1 > /dev/null
	# Fill the file system to the last block.
	dd if=/dev/zero of="$TMP/small/filler" bs=4k 2>/dev/null
	with_input demo1234 Counter-2026
	run disk-full-user-add 1 "$BIN" --db "$db" user add newbie --role cashier --user admin --password-stdin
	rm -f "$TMP/small/filler"
	with_input demo1234
	run disk-full-nothing-lost 0 "$BIN" --db "$db" user list --user director --password-stdin
	with_input demo1234
	run disk-full-check-after 0 "$BIN" --db "$db" check --user director --password-stdin
	mount -o remount,ro "$TMP/small"
	run disk-readonly 1 "$BIN" --db "$db"
	with_input demo1234
	run disk-readonly-check 1 "$BIN" --db "$db" check --user director --password-stdin
'
