# shellcheck shell=bash
# What every test script shares: TAP output, booting a bundle in QEMU and
# checking its log.  Sourced by tests/{host,boot,guest}/*.sh, which run from
# the top of the tree.

kernel=build/kernel/rainbow.elf
tap_n=0
tap_failed=0
boot_log=""
boot_status=0
# Extra mk/qemu options for boot, e.g. (--icount): guest time counts
# instructions, so a guest's timings do not depend on the host's load.

# tap STATUS WHAT: one TAP line, ok if STATUS is 0.
tap() {
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=1
	fi
}

# tap_skip WHAT WHY: a check that cannot run here, as TAP's SKIP (mk/runtests
# counts it apart, not as passed).
tap_skip() {
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - $1 # SKIP $2"
}

# done_testing: the plan; exits 0 only if every test passed.
done_testing() {
	echo "1..$tap_n"
	exit $tap_failed
}

# expect_success WHAT COMMAND...: ok if COMMAND succeeds (its output is dropped).
expect_success() {
	local what=$1
	shift
	"$@" > /dev/null 2>&1
	tap $? "$what"
}

# expect_tap WHO [FILE]: every TAP result WHO printed into FILE (the boot
# log by default) becomes one of ours, "WHO: what"; a plan that does not
# match the results is a failure.
expect_tap() {
	local who=$1 file=${2:-$boot_log} line results=0 planned=0
	while IFS= read -r line; do
		case $line in
		"ok "*) tap 0 "$who: ${line#ok * - }"; results=$((results + 1)) ;;
		"not ok "*) tap 1 "$who: ${line#not ok * - }"; results=$((results + 1)) ;;
		1..*) planned=$((planned + ${line#1..})) ;;
		esac
	done < "$file"
	[ "$results" -gt 0 ] && [ "$results" = "$planned" ]
	tap $? "$who ran $results of $planned planned tests"
}

# boot NAME BUNDLE [KERNEL-ARGS...]: boot and keep the serial log.  The
# environment's BOOT_CPU, when set, is QEMU's -cpu (e.g. max); BOOT_MEM its
# -m (mk/qemu's default when unset); BOOT_SMP its number of CPUs (make test
# SMP=N sets it for every suite; mk/qemu's default when unset: boot_smp); BOOT_ICOUNT,
# when set, runs the guest under -icount, its clocks counted in instructions
# (the TSC calibration then cannot be upset by a busy host); BOOT_INPUT, when
# set, is a file the guest's console input comes from, then its end (^D;
# default /dev/null: the end at once).
boot_smp=${BOOT_SMP:-$(mk/qemu --smp-default)}
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
	# Under -icount the one guest clock counts every vCPU's instructions,
	# run in turn in one host thread: N busy CPUs take N times as long.
	local timeout=${BOOT_TIMEOUT:-60}
	[ -n "${BOOT_ICOUNT:-}" ] && timeout=$((timeout * boot_smp))
	mk/qemu "$iso" --timeout "$timeout" ${BOOT_MEM:+--mem "$BOOT_MEM"} --cpu "${BOOT_CPU:-}" --smp "$boot_smp" ${BOOT_ICOUNT:+--icount} \
		--input "${BOOT_INPUT:-/dev/null}" --log "$boot_log" > /dev/null 2>&1
	boot_status=$?
	sed -i 's/\r//g' "$boot_log"
}

# boot_on_cpus N NAME BUNDLE [KERNEL-ARGS...]: boot on N CPUs, whatever
# number the suite was given (make test SMP=N), and set w to " (N CPU)" or
# " (N CPUs)" for the names of the checks that follow.
boot_on_cpus() {
	boot_smp=$1
	# shellcheck disable=SC2034 # read by the sourcing script
	w=" ($1 CPU$([ "$1" = 1 ] || echo s))"
	shift
	boot "$@"
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
