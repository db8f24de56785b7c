#!/usr/bin/env bash
# Registry entries' pool pages go back to the machine when empty (issue
# 10, outside finding F7: four tasks that filled their limits with names
# and exited left the machine 250 MiB short).  The kernel's free memory at
# the end of four 12 MiB tasks that filled their limits with names is that
# of four tasks of one name each, but for the registry's buckets.
. tests/lib/suite.sh

free=""
free_at_end() {
	boot "names_return_$1" "tests/guest/names_return_$1.bundle"
	expect_status 0 "four tasks registering names ($1) exit 0"
	free=$(sed -n 's/^\[rainbow\] memory: \([0-9]*\) KiB free at the end$/\1/p' "$boot_log")
}
free_at_end one
one=$free
free_at_end fill
filled=$free
n=$(grep -acE '^names_return: [0-9]{4,} names, then -11$' "$boot_log")
[ "$n" = 4 ]
tap $? "each filler was refused with -EAGAIN after thousands of names ($n)"
# The registry's buckets keep their peak (kernel/lhash.h): at most 131,072
# of 16 bytes, 2 MiB; the entries' pool pages (about 48 MiB here) come back.
[ -n "$one" ] && [ -n "$filled" ] && [ $((one - filled)) -le 2560 ]
tap $? "memory came back: $filled KiB free after the fillers, $one KiB after single names (the registry's buckets: at most 2 MiB)"
done_testing
