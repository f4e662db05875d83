#!/bin/sh
# Find what the build and the tests need and install what is missing (Debian/Ubuntu).
# As root or with password-less sudo it runs apt-get; otherwise it prints the exact
# command and exits 1.
set -u
need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
for p in gcc make pkg-config libncurses-dev libsqlite3-dev libiniparser-dev libsodium-dev \
	libcmocka-dev tmux gettext sqlite3 libc-l10n clang libclang-rt-14-dev cppcheck; do
	if have_cmd dpkg-query; then
		have_pkg "$p" || need="$need $p"
	fi
done
if ! have_cmd dpkg-query; then
	for c in cc make pkg-config tmux msgfmt; do
		have_cmd "$c" || { echo "deps: '$c' is missing; install it with your package manager" >&2; exit 1; }
	done
	exit 0
fi
[ -z "$need" ] && exit 0
cmd="apt-get install -y --no-install-recommends$need"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif have_cmd sudo && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "deps: missing packages:$need" >&2
	echo "deps: install them with:  sudo apt-get update && sudo $cmd" >&2
	exit 1
fi
echo "deps: installing$need"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null && $sudo $cmd >/dev/null || {
	echo "deps: apt-get failed; run by hand:  sudo apt-get update && sudo $cmd" >&2
	exit 1
}
