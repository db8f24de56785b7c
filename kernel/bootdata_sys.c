/*
 * The bundle's data module (bootdata.h) and the call that hands it to its
 * task: rb_bootdata_take, documented in <rainbow/syscall.h>.  Only the boot
 * task named in the module's string may take it, so no other task can read
 * the bundle's files except through the file server; and only once, so
 * that a task of the same name started later finds nothing.
 */
#include "bootdata.h"
#include "bundle.h"
#include "log.h"
#include "phys.h"
#include "pmm.h"
#include "arch/layout.h"
#include "syscall_handlers.h"
#include "task.h"
#include "tcb.h"
#include "uaccess.h"
#include <errno.h>
#include <string.h>

#define BOOTDATA_PREFIX "/bootdata "

static struct {
	const void *bytes;		/* NULL: none, or taken */
	uint64_t start, size;		/* physical */
	char owner[TASK_NAME_MAX];
} data;

bool bootdata_claim(uint64_t start, uint64_t end, const char *cmdline)
{
	const char *owner = cmdline + sizeof BOOTDATA_PREFIX - 1;

	if (strncmp(cmdline, BOOTDATA_PREFIX, sizeof BOOTDATA_PREFIX - 1))
		return false;
	if (data.bytes || !*owner || strlen(owner) >= sizeof data.owner || strchr(owner, ' ')) {
		klog("module \"%s\" refused: %s", cmdline,
		     data.bytes ? "a second data archive" : "want \"/bootdata TASK\"");
		bundle_note_refused();
		return true;
	}
	data.bytes = phys_to_virt(start);
	data.start = start;
	data.size = end - start;
	strcpy(data.owner, owner);
	klog("data archive: %lu bytes for task %s", data.size, data.owner);
	return true;
}

/* The archive's whole pages go back to the allocator once it is copied. */
static void release_pages(void)
{
	uint64_t first = (data.start + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
	uint64_t end = (data.start + data.size) & ~(uint64_t)(PAGE_SIZE - 1);
	unsigned pages = 0;

	for (uint64_t p = first; p < end; p += PAGE_SIZE, pages++)
		pmm_free(p);
	klog("data archive: taken by task %s, %u pages freed", data.owner, pages);
}

long sys_bootdata_take(const uint64_t arg[6])
{
	uint64_t buf = arg[0], len = arg[1];

	if (!data.bytes)
		return -ENOENT;
	if (strcmp(current->task->name, data.owner))
		return -EPERM;
	if (len < data.size)
		return (long)data.size;
	if (copy_to_user(buf, data.bytes, data.size))
		return -EFAULT;
	data.bytes = NULL;
	release_pages();
	return (long)data.size;
}
