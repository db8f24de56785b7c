#!/usr/bin/env bash
# A timed wait never ends before its time (kernel/sched.c sched_sleep_ns,
# futex.c): 100 sleeps and 100 futex deadlines of 10 ms, each at least
# 10 ms of the vDSO clock, beside threads that keep CPU 0 busy changing
# priority, yielding and pinning themselves there (tests/guest/sleep_early).
# On 4 CPUs under -icount, where a tick counted late let 2 runs in 3 end
# a sleep early (by up to 5 ms), and on the suite's CPUs.
. tests/lib/suite.sh

suite_smp=$boot_smp
for run in icount4 suite; do
	case $run in
	icount4) icount=1 n=4 ;;
	suite) icount="" n=$suite_smp ;;
	esac
	BOOT_ICOUNT=$icount BOOT_TIMEOUT=60 boot_on_cpus "$n" "sleep_early-$run" tests/guest/sleep_early.bundle
	w="$w${icount:+ under -icount}"
	expect_status 0 "both tasks exit 0$w"
	expect_tap "waits$w"
done
done_testing
