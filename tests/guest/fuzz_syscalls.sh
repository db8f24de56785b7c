#!/usr/bin/env bash
# 20000 fuzzed system calls from a fixed seed: every call returns, the
# fuzzer lives, and the bystander beside it keeps its pace.
. tests/lib/suite.sh

BOOT_ICOUNT=1		# guest time: the bystander's pace does not depend on the host's load
boot fuzz-syscalls tests/guest/fuzz_syscalls.bundle
expect_status 0 "every task exits 0"
expect_tap guest
expect '^\[rainbow\] task fuzz_syscalls exited: 0$' "the fuzzer exits 0"
expect '^\[rainbow\] task mem_bystander exited: 0$' "the bystander exits 0"
expect_not 'PANIC|killed' "nothing panics, nothing is killed"
done_testing
