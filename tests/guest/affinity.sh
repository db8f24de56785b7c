#!/usr/bin/env bash
# Thread affinity (rb_thread_set_affinity, rb_cpu_current; kernel/sched.c):
# its errors, threads pinned to each CPU running there only, and threads
# that change their affinity between IPC calls to a server that moves too,
# every reply accounted for.  On 4 CPUs, then on 1, whatever make test's SMP.
. tests/lib/suite.sh

BOOT_TIMEOUT=120
for cpus in 4 1; do
	boot_on_cpus "$cpus" "affinity$cpus" "tests/guest/affinity$cpus.bundle"
	expect_status 0 "the affinity test exits 0$w"
	expect_tap "guest$w"
	expect_not 'PANIC|killed' "nothing faults$w"
done
done_testing
