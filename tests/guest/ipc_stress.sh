#!/usr/bin/env bash
# 64 clients, 12800 calls, one server port with four receiving threads:
# nothing lost, nothing misdelivered (the guest's TAP), every task exits 0.
. tests/lib/suite.sh

boot ipc-stress tests/guest/ipc_stress.bundle
expect_status 0 "every task exits 0"
expect_tap guest
expect '^\[rainbow\] all tasks done: 5 exited 0, 0 failed, 0 modules refused$' "all 5 tasks exit 0"
expect_not 'PANIC|killed' "nothing faults"
done_testing
