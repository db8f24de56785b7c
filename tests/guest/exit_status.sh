#!/usr/bin/env bash
# A task's status is the low 8 bits of exit()'s argument, as POSIX passes
# them to a parent (Linux shows 44 for exit(300), 255 for exit(-1)); the
# kernel log keeps the full value beside it (tests/guest/exit_status).
. tests/lib/suite.sh

boot exit_status tests/guest/exit_status.bundle
expect_status 1 "the bundle fails: its tasks end with statuses other than 0"
expect '^\[rainbow\] task exit_status exited: 44 \(from exit\(300\)\)$' "exit(300) reports 44, the log keeps 300"
expect '^\[rainbow\] task exit_status exited: 255 \(from exit\(-1\)\)$' "exit(-1) reports 255"
expect '^\[rainbow\] task exit_status exited: 255 \(from exit\(511\)\)$' "return 511 from main reports 255"
expect '^\[rainbow\] task exit_status exited: 232 \(from exit\(1000\)\)$' "_Exit(1000) reports 232"
expect '^\[rainbow\] task exit_status exited: 254 \(from exit\(-2\)\)$' "the last thread's rb_thread_exit(-2) reports 254"
expect '^\[rainbow\] task exit_status exited: 44$' "exit(44) reports 44, nothing added"
expect '^\[rainbow\] all tasks done: 0 exited 0, 6 failed, 0 modules refused$' "the verdict counts all six as failed"

# exit(256) is status 0: the task succeeded, as a POSIX parent sees it.
echo "$(pwd)/build/tests/guest/exit_status exit 256" > build/tests/exit_256.bundle
boot exit_256 build/tests/exit_256.bundle
expect_status 0 "exit(256) is status 0: the bundle succeeds"
expect '^\[rainbow\] task exit_status exited: 0 \(from exit\(256\)\)$' "the log keeps 256"
done_testing
