#!/usr/bin/env bash
# The kernel survives hostile apps and modules; each is reported and only
# the offender dies.  The guest's own TAP (test_syscalls) is re-emitted.
# Everything runs twice: on QEMU's default CPU, and under -cpu max with
# SMEP, SMAP and UMIP on (each result then ends in "(-cpu max)"), under
# -icount: on a busy host TCG's -cpu max upsets the TSC calibration, and
# the guest's own clock test then fails now and then.  Both on the suite's
# CPUs (make test SMP=N); then a third time on 4 CPUs unless that was 4
# ("(4 CPUs)"): issue 14's hostile suite on 4 CPUs.
. tests/lib/suite.sh

# fault_kind NAME EXCEPTION HINT: killed with a report, RIP symbolized in the app.
fault_kind() {
	expect "^\[rainbow\] task $1 killed: $2 in thread [0-9]+$" "$1: killed with '$2'$w"
	[ -n "$3" ] && expect "^  faulting address is $3$" "$1: the report says '$3'$w"
	expect "^  at 0x[0-9a-f]+ <[a-z_]+\+0x[0-9a-f]+> in $1$" "$1: RIP symbolized from its symbols$w"
}
# refused NAME REASON: one line naming the module and why.
refused() {
	expect "^\[rainbow\] module $1 refused: $2" "$1 refused: $2$w"
}

suite_smp=$boot_smp runs="default max"
[ "$suite_smp" = 4 ] || runs="$runs cpus4"
for run in $runs; do
	case $run in
	default) cpu="" boot_smp=$suite_smp w="" ;;
	max) cpu=max boot_smp=$suite_smp w=" (-cpu max)" ;;
	cpus4) cpu="" boot_smp=4 w=" (4 CPUs)" ;;
	esac
	BOOT_CPU=$cpu BOOT_ICOUNT=$cpu boot "hostile-$run" tests/guest/hostile.bundle
	expect_status 1 "the bundle fails, as it must with faulting tasks$w"
	expect_tap "guest$w"

	fault_kind fault_null "page fault" "a null pointer"
	fault_kind fault_gp "general protection fault" ""
	fault_kind fault_ud "invalid opcode" ""
	fault_kind fault_div "divide error" ""
	fault_kind fault_stack "page fault" "stack overflow into the guard page"
	fault_kind fault_vdso "page fault" "the read-only vDSO"
	fault_kind fault_kernel "page fault" "a kernel address"
	expect "^\[rainbow\] task stray_trap killed: system call 1 from 0x[0-9a-f]+, not the vDSO's entry for it, in thread [0-9]+$" \
		"stray_trap: a system call from app code kills the task, naming the address$w"
	expect "^\[rainbow\] task stray_trap killed: IPC operation 0 from 0x[0-9a-f]+, not the vDSO's entry for it, in thread [0-9]+$" \
		"stray_trap syscall: an IPC SYSCALL from app code kills the task, naming the address$w"
	expect "^\[rainbow\] task stray_trap killed: system call [0-9]+ from 0x[0-9a-f]+, not the vDSO's entry for it, in thread [0-9]+$" \
		"stray_trap othersite: rb_task_id's number through rb_yield's site kills the task$w"
	expect "^  at 0x[0-9a-f]+ <rb_yield\+0x[0-9a-f]+> in the vDSO$" "stray_trap othersite: the report names rb_yield's site$w"
	[ "$(grep -cE "^  at 0x[0-9a-f]+ <main\+0x[0-9a-f]+> in stray_trap$" "$boot_log")" = 2 ]
	tap $? "stray_trap: both offending addresses symbolized$w"
	expect_not "stray_trap: not refused" "stray_trap: the call never ran$w"
	expect 'cr2 0x0 \(page not present, write, user mode\)' "fault_null: CR2 and the access are reported$w"

	refused truncated.elf "segment [0-9]+ file bytes beyond end of module"
	refused badmagic.elf "bad magic"
	refused class32.elf "not ELFCLASS64"
	refused machine.elf "not x86-64"
	refused overlap.elf "segment [0-9]+ overlaps segment [0-9]+"
	refused outside-file.elf "program headers outside the file"
	refused entry-outside.elf "entry point outside any executable segment"
	refused writable-exec.elf "segment [0-9]+ both writable and executable"
	refused kernel-address.elf "segment [0-9]+ outside user space"

	expect '^hello from Rainbow' "hello still runs after all of that$w"
	expect '^\[rainbow\] task test_syscalls exited: 0$' "test_syscalls exits 0$w"
	expect "^\[rainbow\] task test_manythreads exited: 0$" "test_manythreads exits 0$w"
	expect "^\[rainbow\] task test_priority exited: 0$" "test_priority exits 0$w"
	expect '^\[rainbow\] all tasks done: 4 exited 0, 10 failed, 9 modules refused$' "the verdict counts every task and module$w"
	expect_not 'PANIC' "the kernel never panics$w"
done
done_testing
