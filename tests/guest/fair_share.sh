#!/usr/bin/env bash
# CPU fairness per family: a task's share does not grow with its threads,
# nor a family's with the tasks it spawns.
. tests/lib/suite.sh

boot fair_share tests/guest/fair_share.bundle
expect_status 0 "both tasks exit 0"
expect "^fair_share hostile: 128 threads spin$" "the hostile task runs 128 threads"
expect_tap bystander

boot fair_share_family tests/guest/fair_share_family.bundle
expect_status 0 "both modules exit 0"
expect "^fair_share spawner: 31 children spin$" "the hostile task spawns 31 spinning children"
expect_tap bystander
n=$(grep -ac '^\[rainbow\] task spawn_child killed: its spawner fair_share ended$' "$boot_log")
[ "$n" = 31 ]
tap $? "the spawner's end kills its 31 children ($n)"
done_testing
