#!/usr/bin/env bash
# The other CPUs come up (kernel/smp.c): with 4, the kernel names each as it
# starts, from ACPI's MADT; with 1, or with ACPI ignored (acpi=off), only
# the boot CPU runs.  A bundle's programs run to the end on 4 CPUs, each
# of which runs threads, and no interrupt reaches kernel code without the
# kernel lock (trap.c's check would panic).  Each boot says its own CPU count, whatever
# make test's SMP.
. tests/lib/suite.sh

boot_smp=4
boot smp4 tests/boot/empty.bundle
expect_status 0 "4 CPUs: the empty bundle ends cleanly"
expect "^\[rainbow\] cpus: 4 in ACPI's MADT, local APICs at 0xfee00000" "4 CPUs: the MADT lists 4"
expect '^\[rainbow\] cpus: local APIC timer [1-9][0-9]* kHz' "4 CPUs: the local APIC timer is calibrated"
for n in 1 2 3; do
	expect "^\[rainbow\] cpu $n: online, lapic id $n\$" "4 CPUs: cpu $n comes online"
done
expect '^\[rainbow\] cpus: 4 of 4 online$' "4 CPUs: all 4 online"
expect_not 'PANIC|no answer|left out' "4 CPUs: no panic, none left out"

# The demo bundle's IPC and memory churn on 2 CPUs (on 4, TCG's vCPUs
# spinning on the kernel lock make it slow on a busy host).
boot_smp=2 BOOT_TIMEOUT=120
boot smp2_default apps/default.bundle
expect_status 0 "2 CPUs: the default bundle's programs all exit 0"
expect '^\[rainbow\] cpus: 2 of 2 online$' "2 CPUs: both online before the programs start"
boot_smp=4 BOOT_TIMEOUT=60

# Four tasks that spin: each CPU runs threads (its ticks find one running).
boot smp4_spin tests/boot/smp_spin.bundle
expect_status 0 "4 CPUs: the spinning threads' bundle exits 0"
for n in 0 1 2 3; do
	expect "^\[rainbow\] cpu $n: ran threads at [1-9][0-9]* of [0-9]+ ticks\$" "4 CPUs: cpu $n ran threads"
done

# Under -icount, QEMU 7.2 runs all vCPUs in one host thread and gives each
# time window to the first one in index order that does not halt or pause:
# while CPU 0 spun, the others ran nothing (smp_share_turns, kernel/smp.h).
# With every CPU but the last spinning, the short spinner on the last ends
# first.
for boot_smp in 2 4; do
	BOOT_ICOUNT=1 boot smp${boot_smp}_turns tests/boot/smp_turns$boot_smp.bundle
	expect_status 0 "$boot_smp CPUs under -icount, the others spinning: the bundle exits 0"
	grep -E '^spin [0-9]+: done' "$boot_log" | head -1 | grep -q 'done after 50 ms$'
	tap $? "$boot_smp CPUs under -icount, the others spinning: the last CPU's task ends first"
done
boot_smp=4

# A page unmapped while a thread on another CPU reads it: after munmap
# returns, the reader's next read faults (the TLB shootdown), never reads.
boot smp4_unmap tests/boot/smp_unmap.bundle
expect_status 1 "4 CPUs, unmap under a reader: the bundle fails, its task killed"
expect '^unmap_reader: the reader is reading; unmapping ' "4 CPUs, unmap under a reader: the reader ran first"
expect '^\[rainbow\] task unmap_reader killed: page fault in thread' "4 CPUs, unmap under a reader: its next read faults"
expect_not 'stale' "4 CPUs, unmap under a reader: no read succeeds after munmap returned"
expect '^unmap_reader: reading on CPU 1$' "4 CPUs, unmap under a reader: the reader runs on CPU 1"
expect '^unmap_reader: the reader is reading; unmapping 0x[0-9a-f]+ on CPU 0$' "4 CPUs, unmap under a reader: the unmap runs on CPU 0"

boot smp4_acpi_off tests/boot/empty.bundle acpi=off
expect_status 0 "4 CPUs, acpi=off: the bundle ends cleanly"
expect '^\[rainbow\] cpus: only the boot CPU \(ACPI: acpi=off on the command line\)$' \
	"4 CPUs, acpi=off: one line says only the boot CPU runs"
expect_not 'cpu [0-9]+: online' "4 CPUs, acpi=off: no other CPU starts"

boot_smp=1
boot smp1 tests/boot/empty.bundle
expect_status 0 "1 CPU: the empty bundle ends cleanly"
expect "^\[rainbow\] cpus: 1 in ACPI's MADT$" "1 CPU: the MADT lists 1"
expect_not 'cpu [0-9]+: online|cpus: [0-9]+ of' "1 CPU: no other CPU is started"
done_testing
