#!/usr/bin/env bash
# Deliberate kernel faults must give a symbolized report and a failure status.
. tests/lib/suite.sh

boot panic-pf tests/boot/empty.bundle selftest=pagefault
expect_status 1 "kernel page fault stops QEMU with the failure status"
expect '^\[rainbow\] PANIC: unexpected exception in kernel mode' "page fault: panic report"
expect 'page fault \(vector 14\), error code 0x2, cr2 0xdead0000' "page fault: vector, error code and CR2"
expect '^  at 0xffffffff8[0-9a-f]+ <fault_page\+0x[0-9a-f]+>' "page fault: RIP symbolized"
expect '^  rax [0-9a-f]{16} rbx' "page fault: registers"
expect '^    #[0-9]+ 0xffffffff8[0-9a-f]+ <kmain\+0x[0-9a-f]+>' "page fault: backtrace through the callers"

boot panic-ud tests/boot/empty.bundle selftest=ud2
expect_status 1 "kernel invalid opcode stops QEMU with the failure status"
expect 'invalid opcode \(vector 6\)' "invalid opcode: named"
expect '<fault_opcode\+0x[0-9a-f]+>' "invalid opcode: RIP symbolized"

boot panic-assert tests/boot/empty.bundle selftest=assert
expect_status 1 "failed assertion stops QEMU with the failure status"
expect 'PANIC: assertion failed: 1 \+ 1 == 3' "assertion: message"
boot panic-text tests/boot/empty.bundle selftest=text_write
expect_status 1 "writing kernel text through the direct map stops QEMU with the failure status"
expect 'page fault \(vector 14\), error code 0x3, cr2 0xffff8000001[0-9a-f]+ \(protection violation, write, kernel mode\)' \
	"kernel text through the direct map: a write fault on a present, read-only page"
expect '<fault_text_write\+0x[0-9a-f]+>' "kernel text through the direct map: RIP symbolized"

BOOT_CPU=max BOOT_ICOUNT=1 boot panic-user-read tests/boot/empty.bundle selftest=user_read
expect_status 1 "-cpu max: the kernel reading a user page outside the copy routines stops QEMU"
expect 'page fault \(vector 14\), error code 0x1, cr2 0x200000 \(protection violation, read, kernel mode\)' \
	"-cpu max: SMAP refuses the kernel a user page outside the copy routines"

boot panic-user-read-default tests/boot/empty.bundle selftest=user_read
expect 'PANIC: selftest user_read did not fault' "QEMU's default CPU has no SMAP: the same read goes through"
done_testing
