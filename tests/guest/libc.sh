#!/usr/bin/env bash
# The C library's formats, exits, clocks, mappings and limits against what
# C17 and POSIX prescribe (tests/guest/test_libc).
. tests/lib/suite.sh
BOOT_ICOUNT=1		# guest time: CPU time and clocks do not depend on the host's load

boot libc tests/guest/libc.bundle
expect_status 0 "test_libc exits 0"
expect_tap test_libc
expect '^quick_exit handlers ran in reverse order$' "quick_exit runs the at_quick_exit functions, last first"
expect_not 'PANIC|killed' "nothing faults"
done_testing
