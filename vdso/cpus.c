/*
 * The online CPUs, read from the data page without entering the kernel.
 * Its meaning is documented in <rainbow/syscall.h>.
 */
#include <rainbow/syscall.h>

#include "data_page.h"

uint32_t rb_cpus_online(void)
{
	return __atomic_load_n(&rb_vdso_data_page.cpus_online, __ATOMIC_ACQUIRE);
}
