#!/usr/bin/env bash
# 64 clients, 12800 calls, one server port with four receiving threads:
# nothing lost, nothing misdelivered (the guest's TAP), every task exits 0.
# Twice: receivers at the clients' priority, then one below them (every
# call queues; ipc_stress_below.bundle).
. tests/lib/suite.sh

for run in "" _below; do
	w=${run:+ (receivers below)}
	boot "ipc-stress$run" "tests/guest/ipc_stress$run.bundle"
	expect_status 0 "every task exits 0$w"
	expect_tap "guest$w"
	expect '^\[rainbow\] all tasks done: 5 exited 0, 0 failed, 0 modules refused$' "all 5 tasks exit 0$w"
	expect_not 'PANIC|killed' "nothing faults$w"
done
done_testing
