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

boot smp4_default apps/default.bundle
expect_status 0 "4 CPUs: the default bundle's programs all exit 0"
expect '^\[rainbow\] cpus: 4 of 4 online$' "4 CPUs: all 4 online before the programs start"

# Four tasks that spin: each CPU runs threads (its ticks find one running).
boot smp4_spin tests/boot/smp_spin.bundle
expect_status 0 "4 CPUs: the spinning threads' bundle exits 0"
for n in 0 1 2 3; do
	expect "^\[rainbow\] cpu $n: ran threads at [1-9][0-9]* of [0-9]+ ticks\$" "4 CPUs: cpu $n ran threads"
done

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
