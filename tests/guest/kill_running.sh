#!/usr/bin/env bash
# Killing a task whose threads spin on other CPUs leaves every CPU taking
# ticks and kicks, and sleepers waking (an outside finding: the interrupt
# that switched such a thread away was never acknowledged): on four CPUs,
# then on one.
. tests/lib/suite.sh

for cpus in 4 1; do
	BOOT_TIMEOUT=120 boot_on_cpus "$cpus" "kill-running-$cpus" tests/guest/kill_running.bundle
	expect_status 0 "the task exits 0$w"
	expect_tap "kill_running$w"
	expect_not 'PANIC' "no panic$w"
done
done_testing
