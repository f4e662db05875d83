#!/bin/sh
# make check-i18n: every UI string in the sources must have a Chinese
# translation in po/zh_CN.po, with matching printf formats.  Lists what is
# missing and exits 1.
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
find src -name '*.c' | sort > "$tmp/files"
xgettext --from-code=UTF-8 --language=C -k_ -kN_ --add-comments=TRANSLATORS \
	-f "$tmp/files" -o "$tmp/frontdesk.pot" || exit 1
msgmerge -q --no-fuzzy-matching po/zh_CN.po "$tmp/frontdesk.pot" -o "$tmp/zh_CN.po" || exit 1
msgattrib --untranslated --no-obsolete "$tmp/zh_CN.po" -o "$tmp/missing.po"
msgattrib --only-fuzzy --no-obsolete "$tmp/zh_CN.po" -o "$tmp/fuzzy.po"
bad=0
if grep -q '^msgid "..*"' "$tmp/missing.po" 2>/dev/null || \
   [ "$(grep -c '^msgid ' "$tmp/missing.po" 2>/dev/null)" -gt 1 ]; then
	echo "check-i18n: strings without a Chinese translation in po/zh_CN.po:"
	grep -A1 '^#:' "$tmp/missing.po" | grep -v '^--' | sed 's/^/  /'
	bad=1
fi
if [ -s "$tmp/fuzzy.po" ] && grep -q '^msgid "..*"' "$tmp/fuzzy.po"; then
	echo "check-i18n: fuzzy translations in po/zh_CN.po:"; grep '^msgid' "$tmp/fuzzy.po" | sed 's/^/  /'; bad=1
fi
msgfmt --check -o /dev/null "$tmp/zh_CN.po" || bad=1
n=$(grep -c '^msgid ' "$tmp/frontdesk.pot")
[ $bad -eq 0 ] && echo "check-i18n: all $((n - 1)) strings translated"
exit $bad
