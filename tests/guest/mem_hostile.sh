#!/usr/bin/env bash
# Huge unmaps, big maps after scattered pages, churn at fresh hints and
# page tables charged to the task: each call is quick, and the bystander
# beside them keeps its pace.  The guests' own TAP is re-emitted.
. tests/lib/suite.sh

BOOT_ICOUNT=1		# guest time: the bystander's pace does not depend on the host's load
boot mem-hostile tests/guest/mem_hostile.bundle
expect_status 0 "every task exits 0"
expect_tap guest
expect '^\[rainbow\] task test_mem_hostile exited: 0$' "test_mem_hostile exits 0"
expect '^\[rainbow\] task mem_bystander exited: 0$' "the bystander exits 0"
expect_not 'PANIC|killed' "nothing panics, nothing is killed"
done_testing
