/* The CPUs' records (percpu.h). */
#include "percpu.h"

struct cpu cpus[CPU_MAX] = { [0] = { .arch.self = &cpus[0] } };
unsigned cpu_count = 1;

