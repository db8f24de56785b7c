#!/usr/bin/env bash
# Timer preemption: a task spinning in user mode does not keep the CPU.
. tests/lib/suite.sh

boot preempt tests/guest/preempt.bundle
expect_status 0 "both spinners exit 0"
order=$(grep -oE '^spin [0-9]+: (started|done)' "$boot_log" | awk '{ print $3 }' | tr '\n' ' ')
[ "$order" = "started started done done " ]
tap $? "the second spinner starts before the first is done (order: $order)"
done_testing
