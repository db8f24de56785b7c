#!/usr/bin/env bash
# Module images are charged to their tasks and keep the kernel's reserve:
# one line per refused module, and the rest of the bundle runs.
. tests/lib/suite.sh

BOOT_ICOUNT=1		# guest time: the bystander's pace does not depend on the host's load
boot mem-modules tests/guest/mem_modules.bundle
expect_status 1 "the bundle fails, as it must with refused modules"
expect_tap guest
expect "^\[rainbow\] module mem_hugebss refused: segments over the task's memory limit$" \
	"a 200 MiB .bss: refused, over the task's limit"
expect "^\[rainbow\] module mem_bigbss refused: (segments|stack) beyond the machine's free memory$" \
	"56 MiB .bss modules: the one that would take the kernel's reserve is refused"
n=$(grep -c '^\[rainbow\] task mem_bigbss exited: 0$' "$boot_log")
[ "$n" -ge 3 ]
tap $? "at least three 56 MiB .bss modules ran and exited 0 ($n)"
expect '^\[rainbow\] task mem_bystander exited: 0$' "the bystander after them runs and exits 0"
expect '^hello from Rainbow' "hello runs after all of them"
expect_not 'mem_hugebss ran' "the refused module never ran"
expect_not 'PANIC|killed' "nothing panics, nothing is killed"
done_testing
