#!/usr/bin/env bash
# Eight threads making cheap system calls on every CPU leave a bystander
# its turns (an outside finding on four CPUs: gaps of seconds): on four
# CPUs, then on one.
. tests/lib/suite.sh

for cpus in 4 1; do
	BOOT_TIMEOUT=120 boot_on_cpus "$cpus" "syscall-storm-$cpus" tests/guest/syscall_storm.bundle
	expect_status 0 "both tasks exit 0$w"
	expect_tap "syscall_storm$w"
done
done_testing
