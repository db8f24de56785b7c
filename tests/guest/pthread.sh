#!/usr/bin/env bash
# <pthread.h> and <threads.h> on rb_futex_wait/rb_futex_wake: test_pthread's
# TAP; another task's waiters are never woken, and a task that ends with
# waiters blocked in the kernel leaves nothing behind.
. tests/lib/suite.sh

boot pthread tests/guest/pthread.bundle
expect_status 0 "every task exits 0"
expect_tap guest
expect '^bystander: 20 rounds, 0 failures$' "the bystander's waits only ever timed out"
expect '^orphans: leaving three waiters behind$' "orphans left waiters"
expect '^\[rainbow\] all tasks done: 3 exited 0, 0 failed, 0 modules refused$' "the verdict: 3 tasks exit 0"
expect_not 'PANIC|killed|deadlock' "nothing faults, nothing deadlocks"
done_testing
