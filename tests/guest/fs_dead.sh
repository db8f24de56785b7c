#!/usr/bin/env bash
# The file server lets go of what ended tasks held (tests/guest/fs_dead):
# sessions whose lifeline never dies, under reused task ids, and shares
# nobody adopted; found by an outside attack.
. tests/lib/suite.sh

BOOT_MEM=512M boot fs-dead tests/guest/fs_dead.bundle
expect_status 0 "fsd and fs_dead exit 0"
expect_tap fs_dead
expect_not 'PANIC|killed' "nothing faults"
done_testing
