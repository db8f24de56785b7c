#!/usr/bin/env bash
# Every rule and error case of synchronous IPC: test_ipc's own TAP, and its
# peer tasks exit 0.
. tests/lib/suite.sh

boot ipc-errors tests/guest/ipc_errors.bundle
expect_status 0 "every task exits 0"
expect_tap guest
expect '^\[rainbow\] task test_ipc exited: 0$' "test_ipc exits 0"
peers=$(grep -c '^\[rainbow\] task test_ipc_peer exited: 0$' "$boot_log")
[ "$peers" = 2 ]
tap $? "both test_ipc_peer tasks exit 0 ($peers)"
expect_not 'PANIC|killed' "nothing faults"
done_testing
