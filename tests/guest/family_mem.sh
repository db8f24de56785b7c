#!/usr/bin/env bash
# A spawned task's memory counts against its spawner's limit, up to its
# boot task's (issue 10's outside findings F2, F3): no child gets a limit
# above what its spawner has left, its charges come back when it ends,
# idle children fill only their family's limit; a bystander keeps its pace.
. tests/lib/suite.sh

BOOT_ICOUNT=1 boot family_mem tests/guest/family_mem.bundle	# guest time: the bystander's pace does not depend on the host's load
expect_status 0 "both modules exit 0"
expect_tap "family_mem, mem_bystander"
expect '^\[rainbow\] spawn of spawn_child by task family_mem refused: RAINBOW_MEM_LIMIT is more than its spawner has left$' \
	"a limit above the spawner's is refused with one line"
expect_not 'PANIC' "nothing panics"
done_testing
