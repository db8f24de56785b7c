#!/usr/bin/env bash
# CPU fairness per family: a task's share does not grow with its threads,
# nor a family's with the tasks it spawns.  On one CPU, whatever the
# suite's count: fairness holds per CPU (docs/kernel.md, Scheduling on
# several CPUs), and the bystander's share is of wall-clock time, which
# under QEMU's one host thread for every vCPU (mk/qemu) each vCPU gets only
# part of: on 2 the bystander measured 26% with its CPU shared fairly.
. tests/lib/suite.sh

boot_on_cpus 1 fair_share tests/guest/fair_share.bundle
expect_status 0 "both tasks exit 0$w"
expect "^fair_share hostile: 128 threads spin$" "the hostile task runs 128 threads$w"
expect_tap "bystander$w"

boot_on_cpus 1 fair_share_family tests/guest/fair_share_family.bundle
expect_status 0 "both modules exit 0$w"
expect "^fair_share spawner: 31 children spin$" "the hostile task spawns 31 spinning children$w"
expect_tap "bystander$w"
n=$(grep -ac '^\[rainbow\] task spawn_child killed: its spawner fair_share ended$' "$boot_log")
[ "$n" = 31 ]
tap $? "the spawner's end kills its 31 children ($n)$w"
done_testing
