#!/usr/bin/env bash
# PCIDs (kernel/arch/x86_64/pcid.c, kernel/space_tag.c): the boot CPU says
# in one line whether it turned them on, with CR4 read back, and so does
# every other CPU when it did; then workloads that switch address spaces,
# map and unmap run to the end: an unmap under a reader on another CPU,
# and more than 4095 spawns in a row, so that spaces are made and
# destroyed past the number of PCIDs and each tag goes to space after
# space.  QEMU 7.2's TCG offers no PCID (-cpu max, or qemu64,+pcid, which
# it drops with a warning), so there the kernel says so and the checks
# of CR4.PCIDE are reported skipped; the workloads then run with every
# space on PCID 0.  The model-TLB test of the tag bookkeeping is
# tests/unit/test_space_tag.c.  Each boot says its own CPU count.
. tests/lib/suite.sh

# pcid_said N: the PCID lines of a boot on N CPUs that asked for PCIDs.
pcid_said() {
	local cr4 n
	cr4=$(sed -n 's/^\[rainbow\] pcid: on, CR4 \(0x[0-9a-f]*\)$/\1/p' "$boot_log")
	if [ -n "$cr4" ]; then
		[ $((cr4 & (1 << 17))) != 0 ]
		tap $? "pcid$w: the boot CPU's CR4 has PCIDE (bit 17) set: $cr4"
		for ((n = 1; n < boot_smp; n++)); do
			cr4=$(sed -n "s/^\[rainbow\] cpu $n: pcid on, CR4 \(0x[0-9a-f]*\)\$/\1/p" "$boot_log")
			[ -n "$cr4" ] && [ $((cr4 & (1 << 17))) != 0 ]
			tap $? "pcid$w: cpu $n's CR4 has PCIDE set: ${cr4:-no line}"
		done
	else
		expect '^\[rainbow\] pcid: not offered by this CPU$' "pcid$w: without PCIDs offered, one line says so"
		tap_skip "pcid$w: CR4.PCIDE set on every CPU" "this QEMU (TCG) offers no PCID"
	fi
	[ "$(grep -cE '^\[rainbow\] pcid: ' "$boot_log")" = 1 ]
	tap $? "pcid$w: one line from the boot CPU"
}

# The CPU's own model: no PCID, and the kernel says so.
boot_on_cpus 1 pcid_none tests/boot/empty.bundle
expect_status 0 "no pcid$w: the empty bundle ends cleanly"
expect '^\[rainbow\] pcid: not offered by this CPU$' "no pcid$w: one line says PCIDs are not offered"
expect_not 'pcid on' "no pcid$w: no CPU says it turned them on"

export BOOT_CPU=max
boot_on_cpus 4 pcid_unmap4 tests/boot/smp_unmap.bundle
expect_status 1 "pcid$w, unmap under a reader: the bundle fails, its task killed"
expect '^\[rainbow\] task unmap_reader killed: page fault in thread' "pcid$w, unmap under a reader: its next read faults"
expect_not 'stale|PANIC' "pcid$w, unmap under a reader: no read succeeds after munmap returned"
pcid_said

# 4100 spawns in a row: 4100 address spaces made and destroyed.
echo "$(pwd)/build/tests/guest/test_spawn 4100" > build/tests/pcid_spawn.bundle
for cpus in 1 4; do
	BOOT_TIMEOUT=240 boot_on_cpus "$cpus" "pcid_spawn$cpus" build/tests/pcid_spawn.bundle
	expect_status 0 "pcid$w, 4100 spawns: the bundle succeeds"
	expect '^test_spawn: 4100 of 4100 spawns in a row exited 0$' "pcid$w, 4100 spawns: all exited 0"
	expect_not 'PANIC' "pcid$w, 4100 spawns: no panic"
	pcid_said
done
done_testing
