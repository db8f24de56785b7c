/*
 * Leaving QEMU.  The isa-debug-exit device (port 0xf4, see mk/qemu) turns
 * a write of v into QEMU exit status (v << 1) | 1: 0x10 -> 33 is success,
 * 0x11 -> 35 is failure.  Without the device we just halt.
 */
#include "machine.h"
#include "arch/cpu.h"
#include "arch/lapic.h"
#include "percpu.h"

#define DEBUG_EXIT_PORT 0xf4
#define DEBUG_EXIT_SUCCESS 0x10
#define DEBUG_EXIT_FAILURE 0x11

_Noreturn void machine_exit(bool success)
{
	/*
	 * The other CPUs stop first (INIT): QEMU may wait on a spinning one
	 * before it exits.  Never the boot CPU, for which INIT is a reset.
	 */
	for (unsigned i = 1; i < cpu_count; i++)
		if (&cpus[i] != cpu_this() && cpus[i].online)
			lapic_stop_cpu(cpus[i].hw_id);
	outl(DEBUG_EXIT_PORT, success ? DEBUG_EXIT_SUCCESS : DEBUG_EXIT_FAILURE);
	halt_forever();
}
