#!/usr/bin/env bash
# Every C17 library function links with rainbow.specs (tests/host/c17-functions.txt),
# except those Rainbow lacks so far, listed below with the reason: each of
# those must fail to link, so that the list stays true.
. tests/lib/suite.sh

# None today: every C17 function links.
absent=()

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mapfile -t functions < <(sed -e 's/#.*//' tests/host/c17-functions.txt | tr -s ' \t' '\n' | grep .)

# One program that takes the address of every function but the absent ones:
# a missing one is named by the linker.
{
	for f in "${functions[@]}"; do
		[[ " ${absent[*]} " == *" $f "* ]] || echo "char $f(void);"
	done
	echo "void *const every_function[] = {"
	for f in "${functions[@]}"; do
		[[ " ${absent[*]} " == *" $f "* ]] || echo "	(void *)$f,"
	done
	echo "};"
	echo "int main(void) { return every_function[0] == 0; }"
} > "$tmp/all.c"
gcc -specs=build/sysroot/rainbow.specs -fno-builtin -w -o "$tmp/all" "$tmp/all.c" -lm 2> "$tmp/link.log"
status=$?
missing=$(grep -o "undefined reference to \`[a-z0-9_]*'" "$tmp/link.log" | sort -u | tr '\n' ' ')
tap $status "all $((${#functions[@]} - ${#absent[@]})) C17 functions Rainbow has link${missing:+; missing: $missing}"

for f in "${absent[@]}"; do
	printf 'char %s(void);\nint main(void) { return %s(); }\n' "$f" "$f" > "$tmp/one.c"
	! gcc -specs=build/sysroot/rainbow.specs -fno-builtin -w -o "$tmp/one" "$tmp/one.c" 2> /dev/null
	tap $? "$f is absent, as listed"
done
done_testing
