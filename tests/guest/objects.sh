#!/usr/bin/env bash
# Hostile tasks against kernel objects: per-task limits of threads, ports,
# handles and names, and reserved bits of IPC tags and flags.  The
# attacker's TAP is re-emitted; the bystander and the eight hogs exit 0.
. tests/lib/suite.sh

boot objects tests/guest/objects.bundle
expect_status 0 "every task exits 0"
expect_tap guest
expect '^bystander: [0-9]+ rounds, 0 failures$' "the bystander saw no failure"
hogs=$(grep -c '^\[rainbow\] task test_objects exited: 0$' "$boot_log")
[ "$hogs" = 10 ]
tap $? "the attacker, the bystander and the eight hogs exit 0 ($hogs)"
expect '^\[rainbow\] all tasks done: 10 exited 0, 0 failed, 0 modules refused$' "the verdict: 10 tasks exit 0"
expect_not 'PANIC|killed|deadlock' "nothing faults, nothing deadlocks"
done_testing
