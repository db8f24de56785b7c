#!/usr/bin/env bash
# make debug's QEMU waits for gdb; gdb, with the commands mk/debug writes,
# stops in kmain, in an app's main and in a vDSO function, each named by its
# symbols.  A Unix socket instead of port 1234, so that other sessions'
# QEMUs cannot answer.  mk/debug boots with aslr=off: the vDSO breakpoint
# below, at VDSO_BASE, would miss a randomized vDSO.
. tests/lib/suite.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%s\n' "$(pwd)/build/apps/hello" > "$tmp/hello.bundle"
set -m
mk/debug "$kernel" "$tmp/hello.bundle" --socket "$tmp/gdb.sock" > "$tmp/debug.log" 2>&1 < /dev/null &
debug=$!
set +m
for _ in $(seq 100); do
	[ -S "$tmp/gdb.sock" ] && break
	sleep 0.2
done
grep -qF "gdb command: gdb -q -x $(pwd)/build/debug.gdb" "$tmp/debug.log"
tap $? "mk/debug prints the gdb command"
grep -qx "add-symbol-file $(pwd)/build/apps/hello" build/debug.gdb &&
	grep -qE "^add-symbol-file $(pwd)/build/vdso/vdso.dbg -o 0x0*7fffaf000000$" build/debug.gdb
tap $? "the gdb commands load the app's and the vDSO's symbols at their addresses"

out=$(timeout 60 gdb -q -batch -nx -x build/debug.gdb \
	-ex "hbreak kmain" -ex "continue" -ex "info symbol \$pc" \
	-ex "break main" -ex "continue" -ex "info symbol \$pc" -ex "info source" \
	-ex "break rb_console_write" -ex "continue" -ex "info symbol \$pc" \
	-ex "continue" -ex "info symbol \$pc" 2>&1)
# gdb detached: the bundle runs to its end, QEMU exits and so does mk/debug.
for _ in $(seq 150); do
	kill -0 $debug 2>/dev/null || break
	sleep 0.2
done
kill -- -$debug 2>/dev/null
wait $debug
debug_status=$?
echo "$out" > build/tests/debug-gdb.log
grep -qE "^kmain in section \.text of $(pwd)/$kernel$" <<< "$out"
tap $? "gdb attaches and stops in kmain"
grep -qE "^main in section \.text of $(pwd)/build/apps/hello$" <<< "$out" &&
	grep -q '^Current source file is apps/hello/main.c$' <<< "$out"
tap $? "break main stops in the app's main, with its source"
grep -qE "^rb_console_write in section \.text of $(pwd)/build/vdso/vdso.dbg$" <<< "$out"
tap $? "a breakpoint in a vDSO function stops there, named"
[ "$debug_status" = 0 ]
tap $? "mk/debug exits 0 once the bundle ran to its end (status $debug_status)"

# Two apps linked at the same address: gdb cannot tell them apart, so the
# second is left out with a note, unless chosen.
printf '%s\n' "$(pwd)/build/apps/hello" "$(pwd)/build/apps/args" > "$tmp/two.bundle"
timeout 60 mk/debug "$kernel" "$tmp/two.bundle" --socket "$tmp/two.sock" < /dev/null > "$tmp/two.log" 2>&1 &
two=$!
for _ in $(seq 100); do
	[ -S "$tmp/two.sock" ] && break
	sleep 0.2
done
grep -q "args's code overlaps hello's, its symbols are not loaded" "$tmp/two.log" &&
	! grep -q 'build/apps/args' build/debug.gdb
tap $? "an app overlapping one already loaded is left out, with a note"
timeout 30 gdb -q -batch -nx -x build/debug.gdb > /dev/null 2>&1
wait $two
timeout 60 mk/debug "$kernel" "$tmp/two.bundle" --socket "$tmp/three.sock" --apps args \
	< /dev/null > "$tmp/three.log" 2>&1 &
three=$!
for _ in $(seq 100); do
	[ -S "$tmp/three.sock" ] && break
	sleep 0.2
done
grep -q 'build/apps/args$' build/debug.gdb && ! grep -q 'build/apps/hello$' build/debug.gdb
tap $? "--apps chooses whose symbols are loaded"
timeout 30 gdb -q -batch -nx -x build/debug.gdb > /dev/null 2>&1
wait $three
done_testing
