#!/usr/bin/env bash
# Streams on files, as C asks: fflush(NULL), exit flushing every open
# stream and _exit none, remove of a directory (tests/guest/test_streams).
. tests/lib/suite.sh

boot streams tests/guest/streams.bundle
expect_status 0 "fsd and test_streams exit 0"
expect_tap test_streams
expect_not 'PANIC|killed' "nothing faults"
done_testing
