#!/usr/bin/env bash
# Under -cpu max the kernel turns SMEP, SMAP and UMIP on: sidt and sgdt
# kill the task with a report, the kernel's user copies still work (and
# with SMAP any other touch of a user page would panic).  QEMU's default
# CPU offers none of them, and the log says so.  -cpu max runs under
# -icount, as in hostile.sh.  Either way two tasks get different AT_RANDOM
# bytes from the kernel's generator.
. tests/lib/suite.sh

# at_random_differ WHAT: args ran twice and printed two different AT_RANDOM values.
at_random_differ() {
	local values
	values=$(grep -oE '^  AT_RANDOM +0x[0-9a-f]+  [0-9a-f]{32}$' "$boot_log" | awk '{print $3}' | sort -u | grep -vc '^0*$')
	[ "$values" = 2 ]
	tap $? "$1"
}

BOOT_CPU=max BOOT_ICOUNT=1 boot protect tests/guest/protect.bundle
expect_status 1 "the bundle fails, as it must with faulting tasks"
expect '^\[rainbow\] protections: SMEP on, SMAP on, UMIP on$' "-cpu max: SMEP, SMAP and UMIP are on"
[ "$(grep -cE '^\[rainbow\] task fault_umip killed: general protection fault in thread [0-9]+$' "$boot_log")" = 2 ]
tap $? "sidt and sgdt each kill their task with a general protection fault"
expect '^  at 0x[0-9a-f]+ <main\+0x[0-9a-f]+> in fault_umip$' "the report names the instruction's function"
expect_not 'not refused' "no task read a descriptor-table register"
expect '^hello from Rainbow' "rb_console_write reads user memory under SMAP"
expect_tap guest
expect '^\[rainbow\] task test_syscalls exited: 0$' "test_syscalls exits 0 under SMAP"
expect '^\[rainbow\] all tasks done: 4 exited 0, 2 failed, 0 modules refused$' "the verdict counts every task"
at_random_differ "-cpu max: two tasks get different AT_RANDOM bytes"
expect_not 'PANIC' "the kernel never panics"
expect '^\[rainbow\] random: ChaCha20 seeded from (RDSEED and )?RDRAND, cycle-counter jitter and the RTC, rekeyed from the CPU.s generator on every request$' \
	"-cpu max: randomness seeded from the CPU's generator and rekeyed from it"

boot protect-default tests/guest/protect.bundle
expect '^\[rainbow\] protections: SMEP absent, SMAP absent, UMIP absent$' "QEMU's default CPU: the log says none is offered"
expect '^\[rainbow\] task test_syscalls exited: 0$' "test_syscalls exits 0 without SMAP too"
at_random_differ "QEMU's default CPU: two tasks get different AT_RANDOM bytes"
expect '^\[rainbow\] random: ChaCha20 seeded from cycle-counter jitter and the RTC$' "QEMU's default CPU: randomness from ChaCha20, seeded from the clocks"
done_testing
