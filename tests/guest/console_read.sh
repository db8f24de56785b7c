#!/usr/bin/env bash
# Console input by interrupt: the test driver feeds the guest's serial port
# a file (mk/qemu --input, which ends it with ^D), and a program reads it
# with read() and fgets() (tests/guest/console_read).  Then the same
# through rainbow-run's stdin, as `printf ... | make run` does.
. tests/lib/suite.sh

BOOT_INPUT=tests/guest/console_read.input boot console_read tests/guest/console_read.bundle
expect_status 0 "the bundle succeeds"
expect_tap console_read

# rainbow-run passes its stdin (a pipe here) to the guest.
out=build/tests/console_read_run.log
mk/rainbow-run tests/guest/console_read.bundle --kernel "$kernel" --smp "$boot_smp" --timeout 60 \
	< tests/guest/console_read.input > "$out" 2>&1
tap $? "rainbow-run with the input piped in succeeds"
grep -q '^ok 2 - fgets(stdin) gets the second' "$out"
tap $? "rainbow-run: the guest read its stdin"
done_testing
