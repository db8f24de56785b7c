#!/usr/bin/env bash
# docs/posix.md's table stays true: every function of its "links" column
# links with rainbow.specs, and every function of its "does not link"
# column fails to, each named by the linker as undefined.
. tests/lib/suite.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The words of column N (3 links, 4 does not link) of the table's rows.
column() {
	awk -F'|' -v n="$(($1 + 1))" '/^\| `</ { print $n }' docs/posix.md | tr -s ' ' '\n' | grep . | sort -u
}
mapfile -t present < <(column 3)
mapfile -t absent < <(column 4)

# program OUT FUNCTION...: a program taking every function's address.
program() {
	local out=$1 f
	shift
	{
		for f in "$@"; do echo "char $f(void);"; done
		echo "void *const every_function[] = {"
		for f in "$@"; do echo "	(void *)$f,"; done
		echo "};"
		echo "int main(void) { return every_function[0] == 0; }"
	} > "$out"
}

program "$tmp/present.c" "${present[@]}"
gcc -specs=build/sysroot/rainbow.specs -fno-builtin -w -o "$tmp/present" "$tmp/present.c" -lm 2> "$tmp/present.log"
status=$?
missing=$(grep -o "undefined reference to \`[a-zA-Z0-9_]*'" "$tmp/present.log" | sort -u | tr '\n' ' ')
tap $status "the ${#present[@]} functions docs/posix.md says link do${missing:+; missing: $missing}"

program "$tmp/absent.c" "${absent[@]}"
gcc -specs=build/sysroot/rainbow.specs -fno-builtin -w -o "$tmp/absent" "$tmp/absent.c" -lm 2> "$tmp/absent.log"
undefined=$(grep -o "undefined reference to \`[a-zA-Z0-9_]*'" "$tmp/absent.log" | sed "s/.*\`//; s/'//" | sort -u)
linked=$(comm -23 <(printf '%s\n' "${absent[@]}") <(printf '%s\n' "$undefined") | tr '\n' ' ')
[ -z "$linked" ]
tap $? "the ${#absent[@]} functions docs/posix.md says do not link do not${linked:+; they link: $linked}"
done_testing
