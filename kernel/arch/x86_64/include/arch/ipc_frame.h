#ifndef ARCH_IPC_FRAME_H
#define ARCH_IPC_FRAME_H

/* Offsets of struct ipc_frame's arguments, for syscall_entry.S (checked below). */
#define IPC_FRAME_TARGET 56
#define IPC_FRAME_TAG    64
#define IPC_FRAME_FLAGS  72
#define IPC_FRAME_USER_IP 80

#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stddef.h>

/*
 * What syscall_entry.S saves at the top of the kernel stack on a SYSCALL
 * (IPC) and restores before SYSRET; field order mirrors its pushes.  A
 * thread blocked in IPC always entered this way, so another thread can
 * write its results here.
 *
 * Each field is named by the role it plays in the IPC convention
 * (vdso/ipc_abi.h); a register carries one thing in and another out, so
 * those fields have a name for each direction.  This is the one place
 * that maps roles to x86-64 registers:
 *
 *   register  in                              out
 *   rax       (not read: the site is the op)  result: tag, 0 or -errno
 *   rdi       target: handle, port or rcvid   (preserved)
 *   rsi       tag                             (preserved)
 *   rdx       flags (edx), or reply_and_wait's port (preserved)
 *   rcx, r11  user_ip, user_flags (SYSCALL/SYSRET use them)
 *   rsp       user_sp
 *   rbx, rbp, r12..r15  kept (callee-saved, given back unchanged)
 *   r8..r10   not saved: syscall_entry.S clears them on the way out
 *
 * The message words are not in the frame: the kernel copies them from
 * the sender's UTCB to the receiver's, and writes the rcvid and badge of
 * a receive there too (ipc_transfer.h).
 */
/* The IPC entry instruction, SYSCALL, is two bytes long: user_ip is right after it. */
#define IPC_ENTRY_BYTES 2

struct ipc_frame {
	/*
	 * The user's callee-saved registers (r15, r14, r13, r12, rbp, rbx),
	 * kept as they came: a thread the fastpath switches away from never
	 * returns through the C frames that would restore them
	 * (arch_ipc_switch_return).
	 */
	uint64_t kept[6];
	/* op: the entry site's IPC_OP_* (ipc_fastpath.c), written over the rax the user left. */
	union { uint64_t op; uint64_t result; };
	uint64_t target;
	uint64_t tag;
	/* flags: ipc_call's and ipc_wait's unsigned int, edx (the psABI leaves rdx's upper half undefined). */
	union { uint32_t flags; uint64_t port; };
	uint64_t user_ip, user_flags, user_sp;
};

_Static_assert(sizeof(struct ipc_frame) == 13 * 8, "syscall_entry.S pushes 13 words");
_Static_assert(offsetof(struct ipc_frame, target) == IPC_FRAME_TARGET &&
	       offsetof(struct ipc_frame, tag) == IPC_FRAME_TAG &&
	       offsetof(struct ipc_frame, port) == IPC_FRAME_FLAGS &&
	       offsetof(struct ipc_frame, user_ip) == IPC_FRAME_USER_IP, "syscall_entry.S's offsets");

/* syscall_entry.S: back to user mode through f, the current thread's frame (its SYSRET exit). */
_Noreturn void ipc_exit(struct ipc_frame *f);
#endif

#endif
