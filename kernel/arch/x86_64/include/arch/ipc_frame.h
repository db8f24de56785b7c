#ifndef ARCH_IPC_FRAME_H
#define ARCH_IPC_FRAME_H

#include <stdint.h>

/*
 * What syscall_entry.S saves at the top of the kernel stack on a SYSCALL
 * (IPC) and restores before SYSRET; field order mirrors its pushes.  The
 * register roles are those of vdso/ipc_abi.h.  A thread blocked in IPC
 * always entered this way, so another thread can write its results here.
 */
struct ipc_frame {
	uint64_t rax;		/* in: operation; out: tag or -errno */
	uint64_t rdi;		/* in: handle, port or rcvid; out: rcvid */
	uint64_t rsi;		/* in: tag; out: badge */
	uint64_t rdx;		/* in: flags, or the port of reply_and_wait */
	uint64_t r8, r9, r10;	/* mr[0..2] both ways */
	uint64_t rcx, r11, rsp;	/* user rip, rflags, rsp */
};

_Static_assert(sizeof(struct ipc_frame) == 10 * 8, "syscall_entry.S pushes 10 words");

#endif
