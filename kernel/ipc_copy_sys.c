/*
 * System calls of IPC's bulk copy (ipc_copy.c): rb_ipc_read, rb_ipc_write
 * and rb_ipc_caller_task, documented in <rainbow/ipc.h>.
 */
#include "syscall_handlers.h"
#include "ipc_copy.h"

long sys_ipc_read(const uint64_t arg[6])
{
	return ipc_window_copy((long)arg[0], arg[1], arg[2], arg[3], false);
}

long sys_ipc_write(const uint64_t arg[6])
{
	return ipc_window_copy((long)arg[0], arg[1], arg[2], arg[3], true);
}

long sys_ipc_caller_task(const uint64_t arg[6])
{
	return ipc_caller_task((long)arg[0]);
}
