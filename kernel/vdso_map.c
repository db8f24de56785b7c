/*
 * The vDSO in every task: the image's pages are mapped straight from the
 * kernel's .rodata (never copied, never writable), and one data page the
 * kernel keeps current sits just below them, wherever placement.c puts
 * the pair in each task (user_layout.h).
 */
#include "vdso_map.h"
#include "vdso_image.h"
#include "vdso_data.h"
#include "clock.h"
#include "sched.h"
#include "vdso_traps.h"
#include "vm.h"
#include "pmm.h"
#include "phys.h"
#include "panic.h"
#include "log.h"
#include "user_layout.h"
#include "arch/layout.h"
#include <string.h>

_Static_assert(VDSO_BASE - VDSO_DATA_PAGE == RB_VDSO_DATA_OFFSET,
	       "the vDSO finds its data page RB_VDSO_DATA_OFFSET below itself");

static uint64_t data_frame;

void vdso_init(void)
{
	data_frame = pmm_alloc();
	if (!data_frame)
		panic("no memory for the vDSO data page");
	if ((size_t)(vdso_image_end - vdso_image_start) > VDSO_SIZE_MAX)
		panic("the vDSO is larger than VDSO_SIZE_MAX");
	memset(phys_to_virt(data_frame), 0, PAGE_SIZE);
	clock_init(phys_to_virt(data_frame));
	vdso_publish_cpus();
	vdso_traps_init();
	klog("vdso: %lu bytes, data page below it",
	     (uint64_t)(vdso_image_end - vdso_image_start));
}

void vdso_publish_cpus(void)
{
	if (!data_frame)
		return;
	struct rb_vdso_data *data = phys_to_virt(data_frame);

	/* One aligned store: a reader sees the old mask or the new, whole. */
	__atomic_store_n(&data->cpus_online, sched_cpus_online(), __ATOMIC_RELEASE);
}

const void *vdso_image(size_t *size)
{
	*size = vdso_image_end - vdso_image_start;
	return vdso_image_start;
}

bool vdso_map_into(uint64_t space, uint64_t base)
{
	size_t size = vdso_image_end - vdso_image_start;

	if (!vm_map(space, base - RB_VDSO_DATA_OFFSET, data_frame, VM_USER))
		return false;
	for (size_t off = 0; off < size; off += USER_PAGE_SIZE)
		if (!vm_map(space, base + off, vm_kernel_image_phys(vdso_image_start + off),
			    VM_USER | VM_EXEC))
			return false;
	return true;
}
