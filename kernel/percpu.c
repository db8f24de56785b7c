/* The CPUs' records (percpu.h). */
#include "percpu.h"
#include "panic.h"
#include "arch/smp_arch.h"

struct cpu cpus[CPU_MAX] = { [0] = { .arch.self = &cpus[0] } };
unsigned cpu_count = 1;

struct cpu *cpu_this(void)
{
	if (cpu_count == 1)
		return &cpus[0];
	uint32_t id = arch_cpu_hw_id();
	for (unsigned i = 0; i < cpu_count; i++)
		if (cpus[i].hw_id == id)
			return &cpus[i];
	panic("running on a CPU the firmware did not list (id %u)", id);
}
