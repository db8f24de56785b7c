#!/usr/bin/env bash
# IPC's bulk copy (docs/ipc.md, "Bulk copy"): windows lent by calls, what a
# server can copy through them, every error (stale rcvid, overrun, no
# right, a client that ends mid-call, a huge window), a bystander unaffected.
. tests/lib/suite.sh

boot ipc-copy tests/guest/ipc_copy.bundle
expect_tap copy
expect '^\[rainbow\] task ipc_copy exited: 0$' "the server exits 0"
expect '^\[rainbow\] task mem_bystander exited: 0$' "the bystander exits 0"
expect_not 'PANIC|killed' "nothing faults"
done_testing
