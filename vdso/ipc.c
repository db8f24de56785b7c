/*
 * vDSO entry points of <rainbow/ipc.h>.
 *
 * Port, handle and name calls are ordinary traps.  The message calls use
 * the SYSCALL instruction with the registers of ipc_abi.h; the message,
 * and the rcvid and badge of a receive, are in the UTCB, which the kernel
 * copies from and writes.
 */
#include <rainbow/ipc.h>

#include "ipc_abi.h"
#include "trap.h"

long rb_port_create(void)
{
	return rb_syscall0(SYS_port_create);
}

long rb_port_destroy(long port)
{
	return rb_syscall1(SYS_port_destroy, port);
}

long rb_port_mint(long port, uint64_t badge)
{
	return rb_syscall2(SYS_port_mint, port, (long)badge);
}

long rb_port_accept_handles(long port)
{
	return rb_syscall1(SYS_port_accept_handles, port);
}

long rb_handle_close(long handle)
{
	return rb_syscall1(SYS_handle_close, handle);
}

long rb_ns_register(const char *name, long handle)
{
	return rb_syscall2(SYS_ns_register, (long)name, handle);
}

long rb_ns_lookup(const char *name)
{
	return rb_syscall1(SYS_ns_lookup, (long)name);
}

long rb_ipc_read(long rcvid, uint64_t offset, void *buf, uint64_t len)
{
	return rb_syscall4(SYS_ipc_read, rcvid, (long)offset, (long)buf, (long)len);
}

long rb_ipc_write(long rcvid, uint64_t offset, const void *buf, uint64_t len)
{
	return rb_syscall4(SYS_ipc_write, rcvid, (long)offset, (long)buf, (long)len);
}

long rb_ipc_caller_task(long rcvid)
{
	return rb_syscall1(SYS_ipc_caller_task, rcvid);
}

/*
 * The IPC SYSCALL, its register use stated once (the kernel's side is
 * arch/ipc_frame.h): rax back the result (the operation is the site's,
 * rax is not read going in); rdi the target, rsi the tag, rdx the flags
 * or the port, all kept.  The message words stay in the UTCB, and a
 * receive's rcvid and badge land there: the kernel writes the receiver's
 * UTCB ("memory").  rcx and r11 are lost to SYSCALL/SYSRET, r8..r10 come
 * back cleared.  The instruction is recorded with its operation in
 * .rb_ipc_sites (trap.h's RB_KERNEL_ENTRY): the kernel takes the
 * operation from the site (and kills a SYSCALL from anywhere else), so op
 * must be a constant where this is expanded, and each operation has one
 * site.
 */
#define IPC_SYSCALL(op, rdi, rsi, rdx)							\
	({										\
		long ret_;								\
		__asm__ volatile(RB_KERNEL_ENTRY("syscall", ".rb_ipc_sites", "site_op")	\
				 : "=a"(ret_)						\
				 : [site_op] "i"(op), "D"(rdi), "S"(rsi), "d"(rdx)	\
				 : "rcx", "r8", "r9", "r10", "r11", "memory");		\
		ret_;									\
	})

/*
 * flags (here and in ipc_wait) is an unsigned int, which the kernel reads
 * from edx: the psABI leaves the upper half of rdx undefined.
 */
long ipc_call(long handle, uint64_t tag, unsigned flags)
{
	return IPC_SYSCALL(IPC_OP_CALL, handle, tag, flags);
}

long ipc_wait(long port, unsigned flags)
{
	return IPC_SYSCALL(IPC_OP_WAIT, port, 0ul, flags);
}

long ipc_reply(long rcvid, uint64_t tag)
{
	return IPC_SYSCALL(IPC_OP_REPLY, rcvid, tag, 0ul);
}

long ipc_reply_and_wait(long rcvid, uint64_t tag, long port)
{
	return IPC_SYSCALL(IPC_OP_REPLY_AND_WAIT, rcvid, tag, port);
}
