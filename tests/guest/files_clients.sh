#!/usr/bin/env bash
# The file server's clients (docs/files.md): many at once with no data
# mixed, a hostile one that does not disturb the others, one that ends
# with files open and is reclaimed, and an unmodified program with its
# input and output files (tests/guest/fs_clients, tests/guest/upcase).
. tests/lib/suite.sh

boot files-clients tests/guest/files_clients.bundle
expect_status 0 "fsd, four workers and the hostile client exit 0"
expect_tap clients
expect_not 'PANIC|killed' "nothing faults"

boot files-dying tests/guest/files_dying.bundle
expect_status 0 "fsd, the dying client and the reaper exit 0"
expect '^fs_clients: dying with 5 files open$' "the client ends with five files open"
expect_tap reap
expect_not 'PANIC|killed' "nothing faults"

boot files-program tests/guest/files_program.bundle
expect_status 0 "fsd, upcase and the reader exit 0"
expect '^show: THE QUICK BROWN FOX$' "upcase read its input from the bundle"
expect '^show: JUMPS OVER THE LAZY DOG$' "and wrote its output file"
done_testing
