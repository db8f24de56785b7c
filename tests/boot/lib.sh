# shellcheck shell=bash
# Helpers for boot tests: boot a bundle in QEMU, then check the log in TAP.
# Sourced by tests/boot/*.sh, which run from the top of the tree.

kernel=build/kernel/rainbow.elf
tap_n=0
tap_failed=0
boot_log=""
boot_status=0

# boot NAME BUNDLE [KERNEL-ARGS...]: boot and keep the serial log.
boot() {
	local name=$1 bundle=$2
	shift 2
	local iso=build/tests/iso/$name.iso
	boot_log=build/tests/boot-$name.log
	mkdir -p build/tests/iso
	if ! mk/mkiso "$kernel" "$bundle" "$iso" "$@" 2> "$boot_log.mkiso"; then
		cat "$boot_log.mkiso"
		boot_status=2
		: > "$boot_log"
		return
	fi
	mk/qemu "$iso" --timeout "${BOOT_TIMEOUT:-60}" --log "$boot_log" > /dev/null 2>&1
	boot_status=$?
	sed -i 's/\r//g' "$boot_log"
}

tap() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=1
	fi
}

# expect REGEX WHAT: the boot log has a line matching REGEX.
expect() {
	grep -qE -- "$1" "$boot_log"
	tap $? "$2"
}

# expect_not REGEX WHAT: no line matches.
expect_not() {
	! grep -qE -- "$1" "$boot_log"
	tap $? "$2"
}

# expect_status N WHAT: mk/qemu's verdict (0 success, 1 failure, 124 timeout).
expect_status() {
	[ "$boot_status" = "$1" ]
	tap $? "$2 (status $boot_status)"
}

done_testing() {
	echo "1..$tap_n"
	exit $tap_failed
}

# expect_guest_tap: every TAP result the guest printed becomes one of ours,
# and a guest plan that does not match its results is a failure.
expect_guest_tap() {
	local line results=0 planned=0
	while IFS= read -r line; do
		case $line in
		"ok "*) tap 0 "guest: ${line#ok * - }"; results=$((results + 1)) ;;
		"not ok "*) tap 1 "guest: ${line#not ok * - }"; results=$((results + 1)) ;;
		1..*) planned=$((planned + ${line#1..})) ;;
		esac
	done < "$boot_log"
	[ "$results" -gt 0 ] && [ "$results" = "$planned" ]
	tap $? "guest ran $results of $planned planned tests"
}
