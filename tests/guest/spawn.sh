#!/usr/bin/env bash
# Processes: rb_task_spawn from memory, rb_task_wait, rb_task_kill and the
# POSIX calls over them (tests/guest/test_spawn, its child
# tests/guest/spawn_child), beside a bystander; spawns in a row leave no
# memory behind; a spawner that ends before its children kills them.
. tests/lib/suite.sh

BOOT_ICOUNT=1 boot spawn tests/guest/spawn.bundle	# guest time: the bystander's pace does not depend on the host's load
expect_status 0 "the bundle succeeds: spawned children answer to their spawner, not the verdict"
expect_tap test_spawn
expect '^\[rainbow\] task spawn_child killed: page fault' "the faulting child is reported like any task"
expect '^\[rainbow\] spawn of bad by task test_spawn refused: bad magic$' "a refused image is one log line"
expect '^\[rainbow\] all tasks done: 2 exited 0, 0 failed, 0 modules refused$' "the verdict counts the two modules"

# From files: posix_spawn, its file actions and what a child inherits.
boot spawn_file tests/guest/spawn_file.bundle
expect_status 0 "spawning from files succeeds"
expect_tap test_spawn_file

# The kernel's free memory at the end: the same after 1 and after 200
# spawns and waits (ids and records are reused).
free=""
free_after() {
	echo "$(pwd)/build/tests/guest/test_spawn $1" > "build/tests/spawn_$1.bundle"
	boot "spawn_$1" "build/tests/spawn_$1.bundle"
	expect_status 0 "$1 spawns in a row"
	expect "^test_spawn: $1 of $1 spawns in a row exited 0$" "$1 spawns in a row all exited 0"
	free=$(sed -n 's/^\[rainbow\] memory: \([0-9]*\) KiB free at the end$/\1/p' "$boot_log")
}
free_after 1
one=$free
free_after 200
many=$free
[ -n "$one" ] && [ "$one" = "$many" ]
tap $? "no memory leaks: $one KiB free after 1 spawn, $many KiB after 200"

# A spawner that exits first: its live child is killed with it (a family
# ends with the task that spawned it) and released.
echo "$(pwd)/build/tests/guest/test_spawn orphans" > build/tests/spawn_orphans.bundle
boot spawn_orphans build/tests/spawn_orphans.bundle
expect_status 0 "a spawner exits before its child: the bundle still succeeds"
expect '^\[rainbow\] task test_spawn exited: 0$' "the spawner ended first"
expect '^\[rainbow\] task spawn_child killed: its spawner test_spawn ended$' "the child ended with its spawner"
! grep -q '^spawn_child: orphan still running' "$boot_log"
tap $? "no orphan ran on"
# Tasks come from memory: a tree of 193 tasks alive at once at 1 GiB (the
# table before held 128), each task's children still limited to 32.
echo "$(pwd)/build/tests/guest/test_spawn many" > build/tests/spawn_many.bundle
BOOT_MEM=1G boot spawn_many build/tests/spawn_many.bundle
expect_status 0 "a tree of more than 128 tasks alive at once"
expect '^test_spawn: 193 tasks alive at once \(32 of 32 middle tasks spawned, 160 leaves calling\); one more child: -11$' \
	"193 tasks alive at once; a 33rd child is still EAGAIN"
expect '^test_spawn: 32 of 32 middle tasks exited 0$' "the whole tree ended well"
done_testing
