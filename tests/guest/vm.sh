#!/usr/bin/env bash
# User memory on first touch, rb_mem_protect, big stacks and the per-task
# limit a bundle line sets (tests/guest/test_vm, vm_bigstack,
# vm_protect_kill); the bystander beside them keeps its pace.
. tests/lib/suite.sh

BOOT_ICOUNT=1		# guest time: the bystander's pace does not depend on the host's load
boot vm tests/guest/vm.bundle
expect_status 1 "the bundle fails, as it must with a killed task and refused modules"
expect_tap test_vm
expect '^\[rainbow\] task test_vm exited: 0$' "test_vm exits 0"
expect_tap vm_bigstack
expect '^\[rainbow\] task vm_bigstack exited: 0$' "vm_bigstack, its PT_GNU_STACK asking 16 MiB, exits 0"
expect '^\[rainbow\] task vm_protect_kill killed: page fault in thread [0-9]+$' \
	"a write to a page mprotect made read-only kills the task"
expect '^  page fault \(vector 14\), error code 0x7, cr2 0x[0-9a-f]+ \(protection violation, write, user mode\)$' \
	"the report says a protection violation by a write"
expect_not 'vm_protect_kill: still running' "the write never completed"
expect '^vm_stack_limit: 12 MiB mapped, now 6 MiB of stack$' "vm_stack_limit mapped 12 MiB of its 16 MiB"
expect '^\[rainbow\] task vm_stack_limit killed: page fault in thread [0-9]+$' \
	"a stack touch past the task's limit kills it"
expect '^  faulting address is reserved, but no memory is left to back it \(task limit or machine\)$' \
	"the report says why"
expect_not 'vm_stack_limit: still running' "the touch never completed"
expect '^\[rainbow\] module vm_bigstack refused: a stack of 16777216 bytes over the task.s memory limit$' \
	"a 16 MiB stack under a 12 MiB limit: refused with one line"
expect '^\[rainbow\] module hello refused: RAINBOW_MEM_LIMIT is not a size' \
	"a malformed RAINBOW_MEM_LIMIT: refused with one line"
expect_tap mem_bystander
expect '^\[rainbow\] task mem_bystander exited: 0$' "the bystander exits 0"
expect_not 'PANIC' "nothing panics"
done_testing
