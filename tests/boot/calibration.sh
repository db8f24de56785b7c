#!/usr/bin/env bash
# The TSC's and the local APIC timer's rates are measured, not assumed
# (kernel/arch/x86_64/pit.c, lapic.c): a boot during which QEMU is stopped
# 50 ms of every 60 (a busy host's stalls) reads the same rates, within
# 5%, as a boot left alone.  Counting tick interrupts read the TSC as up
# to 3.5 times its rate there (QEMU drops the ticks a stopped vCPU missed).
. tests/lib/suite.sh

# rate NAME: the kHz of the log line NAME ("TSC" or "local APIC timer").
rate() {
	sed -nE "s/^\[rainbow\] (timer: .*, )?(cpus: )?$1 ([0-9]+) kHz.*/\3/p" "$boot_log" | head -1
}

boot_on_cpus 2 calibration tests/boot/empty.bundle
expect_status 0 "left alone$w: the empty bundle ends cleanly"
tsc=$(rate TSC) apic=$(rate "local APIC timer")

# The same boot, QEMU (found by its ISO's name) stopped and let go meanwhile.
iso=build/tests/iso/calibration_stalled.iso
(
	for _ in $(seq 1 500); do
		pid=$(pgrep -f "^qemu-system[^ ]* .*$iso" | head -1)
		[ -n "$pid" ] && break
		sleep 0.01
	done
	while [ -n "$pid" ] && kill -STOP "$pid" 2> /dev/null; do
		sleep 0.05
		kill -CONT "$pid" 2> /dev/null
		sleep 0.01
	done
) &
stopper=$!
boot_on_cpus 2 calibration_stalled tests/boot/empty.bundle
wait "$stopper"
expect_status 0 "stalled$w: the empty bundle ends cleanly"
tsc_stalled=$(rate TSC) apic_stalled=$(rate "local APIC timer")

# within5 A B: B within 5% of A.
within5() {
	[ -n "$1" ] && [ -n "$2" ] && [ $(($2 * 100)) -ge $(($1 * 95)) ] && [ $(($2 * 100)) -le $(($1 * 105)) ]
}
within5 "$tsc" "$tsc_stalled"
tap $? "stalled$w: the TSC's rate, $tsc_stalled kHz, is within 5% of $tsc"
within5 "$apic" "$apic_stalled"
tap $? "stalled$w: the local APIC timer's rate, $apic_stalled kHz, is within 5% of $apic"
done_testing
