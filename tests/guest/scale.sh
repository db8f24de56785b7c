#!/usr/bin/env bash
# Kernel objects scale with memory (issue 11, Scale): at -m 1G, 10,000
# threads live at once in one task and across tasks, while a bystander
# keeps working.  The scale task's TAP is re-emitted; the bystander and
# the four hogs exit 0.
. tests/lib/suite.sh

BOOT_MEM=1G BOOT_TIMEOUT=${BOOT_TIMEOUT:-180} boot scale tests/guest/scale.bundle
expect_status 0 "every task exits 0"
expect_tap guest
expect '^bystander: [0-9]+ rounds, 0 failures$' "the bystander saw no failure"
expect '^\[rainbow\] all tasks done: 6 exited 0, 0 failed, 0 modules refused$' "the verdict: 6 tasks exit 0"
expect_not 'PANIC|killed|deadlock' "nothing faults, nothing deadlocks"
done_testing
