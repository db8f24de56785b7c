#!/usr/bin/env bash
# rb_task_spawn takes at most RB_SPAWN_IMAGE_MAX (4 MiB) of image, so one
# call, which copies with interrupts off, stalls nobody for long (issue
# 10, outside finding F1: a 200 MiB image stalled every task 160 ms).
. tests/lib/suite.sh

BOOT_ICOUNT=1 boot spawn_big tests/guest/spawn_big.bundle	# guest time: gaps do not depend on the host's load
expect_status 0 "both modules exit 0"
expect_tap "spawn_big, bystander"
expect_not 'PANIC' "nothing panics"
done_testing
