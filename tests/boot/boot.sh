#!/usr/bin/env bash
# The kernel's own bring-up, booted with an empty bundle.
. tests/lib/suite.sh

boot empty tests/boot/empty.bundle
expect_status 0 "a bundle with no modules ends cleanly"
expect '^\[rainbow\] Rainbow kernel, x86_64, long mode$' "long mode reached, higher-half kernel running"
expect '^\[rainbow\] booted by GRUB' "multiboot2 information parsed"
expect '^\[rainbow\] memory: 0x[0-9a-f]+-0x[0-9a-f]+ available' "memory map reported"
expect '^\[rainbow\] memory: [1-9][0-9]* KiB usable' "page allocator initialised"
expect '^\[rainbow\] paging: kernel sections mapped' "kernel page tables in use"
expect '^\[rainbow\] timer: 100 Hz, ticking \([0-9]+ ticks\)' "the timer ticks"
expect '^\[rainbow\] modules: 0$' "no modules reported"
expect_not 'PANIC' "no panic"

# QEMU that ends before the kernel's first line (here it refuses the CPU
# model), its input not a terminal: mk/qemu says so at once.  Its input
# feeder kept the console's pipe open, so mk/qemu waited for good for
# tee, whatever its --timeout.
timeout 60 mk/qemu build/tests/iso/empty.iso --cpu no-such-model --timeout 30 < /dev/null > /dev/null 2>&1
status=$?
[ "$status" = 2 ]
tap $? "QEMU ending before the kernel runs: mk/qemu reports it, not stuck (status $status)"
done_testing
