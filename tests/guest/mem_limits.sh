#!/usr/bin/env bash
# Limits from memory: tasks that map until refused get -EAGAIN (their limit,
# a quarter of the machine by default) or -ENOMEM (the machine, less the
# kernel's reserve and the others' guarantees); a bystander within its
# guarantee sees no failure and no stall.
. tests/lib/suite.sh

BOOT_ICOUNT=1		# guest time: the bystander's pace does not depend on the host's load
boot mem-limits tests/guest/mem_limits.bundle
expect_status 0 "every task exits 0"
n=$(grep -acE '^mem_hog: [0-9]+ MiB mapped and touched, then -(EAGAIN|ENOMEM)$' "$boot_log")
[ "$n" = 5 ]
tap $? "each of the five hogs was refused cleanly ($n)"
grep -aq '^mem_hog: .* then -ENOMEM$' "$boot_log"
tap $? "at least one hog met the machine's end: -ENOMEM"
# The hog limited to 16 MiB (its image and page tables count too); the
# others race each other, in turn on one CPU, side by side on several.
grep -aqE '^mem_hog: ([0-9]|1[0-5]) MiB mapped and touched, then -EAGAIN$' "$boot_log"
tap $? "the hog limited to 16 MiB met its own limit first: -EAGAIN"
expect_tap mem_bystander
expect '^\[rainbow\] task mem_bystander exited: 0$' "the bystander exits 0"
expect_not 'PANIC|killed' "nothing panics, nothing is killed"
done_testing
