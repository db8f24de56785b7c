#!/usr/bin/env bash
# The demo apps, built with crt + picolibc, each as its own task.
. tests/lib/suite.sh

boot runtime tests/guest/runtime.bundle
expect_status 0 "every app exits 0"
for app in hello args vdsoinfo threads memstress; do
	expect "^\[rainbow\] task $app exited: 0$" "$app exits 0"
done
expect '^hello from Rainbow.*3\.14159' "hello: printf with floating point"
expect '^argv\[3\] = "three"' "args: module arguments arrive in argv"
expect '^env: HOME=/$' "args: the bundle line's environment arrives in envp"
expect 'AT_SYSINFO_EHDR.*0x7ffe[6-9a][0-9a-f]{4}000$' "args: the aux vector announces the vDSO, in its window (randomized)"
expect 'rainbow-vdso\.so\.1' "vdsoinfo: SONAME read from the mapped vDSO"
expect 'RAINBOW_1' "vdsoinfo: version node found"
expect 'rb_clock_monotonic_ns' "vdsoinfo: symbols resolved"
expect '^threads: [0-9]+ workers joined.*all sums right' "threads: per-thread TLS and join"
expect '^memstress: malloc returned NULL after [0-9]+ MiB, errno ENOMEM' "memstress: exhaustion is a clean ENOMEM"
expect '^memstress: freed it all; malloc works again' "memstress: memory comes back after free"
expect_not 'PANIC|killed' "nothing faults"
done_testing
