#!/usr/bin/env bash
# make debug's QEMU waits for gdb, and gdb stops in kmain with the kernel's symbols.
. tests/lib/suite.sh

iso=build/tests/iso/debug.iso
mkdir -p build/tests/iso
mk/mkiso "$kernel" tests/boot/empty.bundle "$iso"
set -m
mk/debug "$iso" "$kernel" > build/tests/debug.log 2>&1 < /dev/null &
debug=$!
set +m
grep -q 'gdb command: gdb -q' <(sleep 1; cat build/tests/debug.log)
tap $? "mk/debug prints the gdb command"
for _ in $(seq 50); do
	out=$(timeout 60 gdb -q -batch -nx "$kernel" -ex "target remote localhost:1234" \
		-ex "hbreak kmain" -ex "continue" -ex "info symbol \$pc" 2>&1) && break
	sleep 0.2
done
kill -- -$debug 2>/dev/null
wait $debug 2>/dev/null
grep -q '^kmain in section .text' <<< "$out"
tap $? "gdb attaches and stops in kmain"
done_testing
