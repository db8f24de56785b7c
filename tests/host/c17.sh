#!/usr/bin/env bash
# Every C17 library function links with rainbow.specs (tests/host/c17-functions.txt),
# except those Rainbow lacks so far, listed below with the reason: each of
# those must fail to link, so that the list stays true.
. tests/lib/suite.sh

# <threads.h>: no C11 threads API yet (docs/status.md).
absent=(call_once cnd_broadcast cnd_destroy cnd_init cnd_signal cnd_timedwait cnd_wait
	mtx_destroy mtx_init mtx_lock mtx_timedlock mtx_trylock mtx_unlock
	thrd_create thrd_current thrd_detach thrd_equal thrd_exit thrd_join thrd_sleep thrd_yield
	tss_create tss_delete tss_get tss_set)

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
