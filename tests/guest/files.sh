#!/usr/bin/env bash
# The file server and libc's POSIX file calls (docs/files.md): every call
# and its errors, stdio on files, the bundle's data files
# (tests/guest/test_files).
. tests/lib/suite.sh

boot files tests/guest/files.bundle
expect_status 0 "fsd and test_files exit 0"
expect '^\[rainbow\] data archive: [0-9]+ bytes for task fsd$' "the data lines travel as one module, kept for fsd"
expect '^fsd: serving "fs", 4 files from the bundle$' "fsd starts with the bundle's four files"
expect '^\[rainbow\] data archive: taken by task fsd, [0-9]+ pages freed$' "fsd takes the archive, whose pages go back to the kernel"
expect_tap test_files
expect '^console through /dev/console$' "/dev/console writes to the console"
expect_not 'PANIC|killed' "nothing faults"
done_testing
