#!/usr/bin/env bash
# CPU fairness per task: a task's share does not grow with its threads.
. tests/lib/suite.sh

boot fair_share tests/guest/fair_share.bundle
expect_status 0 "both tasks exit 0"
expect "^fair_share hostile: 128 threads spin$" "the hostile task runs 128 threads"
expect_tap bystander
done_testing
