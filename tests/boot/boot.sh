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
done_testing
