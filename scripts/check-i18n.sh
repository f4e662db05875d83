#!/bin/sh
# make check-i18n: every UI string in the sources must have a Chinese
# translation in po/zh_CN.po, with matching printf formats.  Lists what is
# missing and exits 1.
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
{ find src -name '*.c'; find include -name '*.h'; } | sort > "$tmp/files"
xgettext --from-code=UTF-8 --language=C -k_ -kN_ --add-comments=TRANSLATORS \
	--package-name=frontdesk -f "$tmp/files" -o "$tmp/frontdesk.pot" || exit 1
if [ "${1:-}" = --pot ]; then
	cp "$tmp/frontdesk.pot" po/frontdesk.pot && echo "wrote po/frontdesk.pot"
	exit
fi
msgmerge -q --no-fuzzy-matching po/zh_CN.po "$tmp/frontdesk.pot" -o "$tmp/zh_CN.po" || exit 1
msgattrib --untranslated --no-obsolete --no-wrap "$tmp/zh_CN.po" > "$tmp/missing.po" 2>/dev/null
msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/zh_CN.po" > "$tmp/fuzzy.po" 2>/dev/null
bad=0
# msgfmt counts every entry, also a msgid split over several lines.
stats=$(msgfmt --statistics -o /dev/null "$tmp/zh_CN.po" 2>&1)
case "$stats" in
*untranslated*|*fuzzy*)
	echo "check-i18n: po/zh_CN.po: $stats"
	echo "check-i18n: these need a Chinese translation:"
	msgattrib --untranslated --no-obsolete "$tmp/zh_CN.po" 2>/dev/null |
		grep -v '^#' | sed -n '/^msgid ""$/{n;/^msgstr/d;};p' | sed 's/^/  /'
	msgattrib --only-fuzzy --no-obsolete "$tmp/zh_CN.po" 2>/dev/null |
		grep '^msgid' | sed 's/^/  fuzzy: /'
	bad=1
	;;
esac
msgfmt --check -o /dev/null "$tmp/zh_CN.po" || bad=1
n=$(grep -c '^msgid ' "$tmp/frontdesk.pot")
[ $bad -eq 0 ] && echo "check-i18n: all $((n - 1)) strings translated"
exit $bad
