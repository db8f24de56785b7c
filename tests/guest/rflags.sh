#!/usr/bin/env bash
# A user's NT flag, set across every IPC operation that blocks and across
# system calls that switch, stays out of the kernel (an outside finding:
# it made the next iretq fault in the kernel): on one CPU and on four.
. tests/lib/suite.sh

for cpus in 1 4; do
	boot_on_cpus "$cpus" "rflags-$cpus" tests/guest/rflags.bundle
	expect_status 0 "the task exits 0$w"
	expect_tap "rflags$w"
	expect_not 'PANIC|killed' "nothing faults$w"
done
done_testing
