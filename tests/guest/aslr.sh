#!/usr/bin/env bash
# Randomized placement (kernel/placement.c): two tasks of one bundle, and
# one task in two boots, see the vDSO, its data page, the stack, the UTCB
# area and a static PIE's base at different addresses, each inside its
# window of kernel/user_layout.h; faults in a PIE app and in the vDSO are
# still reported with function names; aslr=off gives the fixed addresses.
. tests/lib/suite.sh

dir=build/tests/aslr
mkdir -p "$dir"
gcc -specs=build/sysroot/rainbow.specs -O2 -static-pie -o "$dir/aslr_where_pie" tests/guest/aslr_where/main.c
tap $? "aslr_where builds as a static PIE"
gcc -specs=build/sysroot/rainbow.specs -O2 -static-pie -o "$dir/fault_null_pie" tests/guest/fault_null/main.c
tap $? "fault_null builds as a static PIE"
where=$(pwd)/build/tests/guest/aslr_where
printf '%s\n' "$where a" "$where b" "$(pwd)/$dir/aslr_where_pie c" "$(pwd)/$dir/aslr_where_pie d" \
	> "$dir/where.bundle"
{ cat "$dir/where.bundle"; printf '%s\n' "$(pwd)/$dir/fault_null_pie" "$(pwd)/build/tests/guest/fault_in_vdso"; } \
	> "$dir/aslr.bundle"

# field TASK KEY: KEY's value on TASK's "where" line of the boot log.
field() {
	sed -n "s/^where $1 .*\b$2=\([^ ]*\).*/\1/p" "$boot_log" | head -1
}
# inside VALUE LOW HIGH: LOW <= VALUE < HIGH, VALUE page-aligned unless a 4th argument says not.
inside() {
	[ -n "$1" ] && (( $1 >= $2 && $1 < $3 )) && { [ -n "${4:-}" ] || (( ($1 & 0xfff) == 0 )); }
}

declare -A first
for run in 1 2; do
	w=" (boot $run)"
	boot "aslr-$run" "$dir/aslr.bundle"
	expect_status 1 "the bundle fails, as it must with faulting tasks$w"
	expect '^\[rainbow\] placement: randomized per task' "the log says placement is randomized$w"
	for t in a b c d; do
		[ "$(field $t entry)" = ok ] && [ "$(field $t clock)" = ok ]
		tap $? "task $t: AT_ENTRY is its _start, the vDSO's clock reads the data page$w"
		inside "$(field $t vdso)" 0x7ffe6f000000 0x7ffeaf000000 &&
			[ $(( $(field $t vdso) - $(field $t data) )) = 4096 ]
		tap $? "task $t: vDSO $(field $t vdso) in its window, data page below it$w"
		inside "$(field $t stack)" 0x7fffb0001000 0x7ffff0001000
		tap $? "task $t: stack top $(field $t stack) in its window$w"
		inside "$(field $t utcb)" 0x7ffd00000000 0x7ffd40000000
		tap $? "task $t: UTCB area $(field $t utcb) in its window$w"
	done
	inside "$(field c main)" 0x4000000000 0x14000000000 odd
	tap $? "the PIE's main $(field c main) lies in the PIE window$w"
	for key in vdso stack utcb; do
		[ "$(field a $key)" != "$(field b $key)" ] && [ "$(field c $key)" != "$(field d $key)" ]
		tap $? "two tasks of one boot see $key at different addresses$w"
	done
	[ "$(field c main)" != "$(field d main)" ]
	tap $? "two PIE tasks of one boot get different bases$w"
	[ "$(field a main)" = "$(field b main)" ]
	tap $? "an ET_EXEC app stays where linked$w"
	expect "^\[rainbow\] task fault_null_pie killed: page fault in thread [0-9]+$" "fault_null_pie: killed with 'page fault'$w"
	expect "^  faulting address is a null pointer$" "fault_null_pie: the report says 'a null pointer'$w"
	expect "^  at 0x[0-9a-f]+ <main\+0x[0-9a-f]+> in fault_null_pie$" "fault_null_pie: RIP symbolized in the randomized PIE$w"
	expect "^\[rainbow\] task fault_in_vdso killed: page fault in thread [0-9]+$" "fault_in_vdso: killed with 'page fault'$w"
	expect "^  at 0x[0-9a-f]+ <rb_clock_gettime\+0x[0-9a-f]+> in the vDSO$" "fault_in_vdso: RIP symbolized in the randomized vDSO$w"
	expect_not 'PANIC' "the kernel never panics$w"
	if [ "$run" = 1 ]; then
		for key in vdso stack utcb main; do first[a$key]=$(field a $key) first[c$key]=$(field c $key); done
	fi
done
for key in vdso stack utcb; do
	[ -n "${first[a$key]}" ] && [ "${first[a$key]}" != "$(field a $key)" ]
	tap $? "two boots give task a different $key addresses (${first[a$key]}, $(field a $key))"
done
[ -n "${first[cmain]}" ] && [ "${first[cmain]}" != "$(field c main)" ]
tap $? "two boots give the PIE different bases (${first[cmain]}, $(field c main))"

boot aslr-off "$dir/where.bundle" aslr=off
expect_status 0 "with aslr=off every task exits 0"
expect '^\[rainbow\] placement: fixed \(aslr=off\)$' "the log says placement is fixed"
for t in a b c d; do
	[ "$(field $t vdso)" = 0x7fffaf000000 ] && [ "$(field $t data)" = 0x7fffaefff000 ] &&
		[ "$(field $t stack)" = 0x7ffff0000000 ] && [ "$(field $t utcb)" = 0x7ffd00000000 ] &&
		[ "$(field $t entry)" = ok ] && [ "$(field $t clock)" = ok ]
	tap $? "task $t: vDSO, data page, stack top and UTCB area at the fixed addresses"
done
[ "$(field c main)" = "$(field d main)" ] && inside "$(field c main)" 0x4000000000 0x4001000000 odd
tap $? "the PIE sits at USER_PIE_BASE ($(field c main))"
done_testing
