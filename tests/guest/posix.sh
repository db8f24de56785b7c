#!/usr/bin/env bash
# POSIX facilities of a small single-user system, each against what POSIX
# prescribes (tests/guest/test_posix).
. tests/lib/suite.sh
BOOT_ICOUNT=1		# guest time: CPU time does not depend on the host's load

boot posix tests/guest/posix.bundle
expect_status 0 "fsd and test_posix exit 0"
expect_tap test_posix
expect_not 'PANIC|killed' "nothing faults"
done_testing
