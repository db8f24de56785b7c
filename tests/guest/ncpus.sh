#!/usr/bin/env bash
# How many CPUs user space sees (sysconf(_SC_NPROCESSORS_ONLN) and _CONF,
# rb_cpus_online from the vDSO's data page): the number booted, on 1, 2
# and 4 CPUs, whatever make test's SMP.
. tests/lib/suite.sh

for cpus in 1 2 4; do
	boot_on_cpus "$cpus" "ncpus$cpus" "tests/guest/ncpus$cpus.bundle"
	expect_status 0 "the CPU count test exits 0$w"
	expect_tap "guest$w"
	expect_not 'PANIC|killed' "nothing faults$w"
done
done_testing
