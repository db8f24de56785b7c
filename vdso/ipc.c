/*
 * vDSO entry points of <rainbow/ipc.h>.
 *
 * Port, handle and name calls are ordinary traps.  The message calls use
 * the SYSCALL instruction with the registers of ipc_abi.h: the first
 * RB_IPC_REG_WORDS message registers go in and come back in r8, r9, r10,
 * so a short message never makes the kernel touch the UTCB.
 */
#include <rainbow/ipc.h>

#include "ipc_abi.h"
#include "trap.h"

/*
 * The calling thread's UTCB, through the GS base: each access is a single
 * %gs-relative move, with no need to load the UTCB's address first.
 */
#define UTCB ((__seg_gs struct rb_utcb *)0)

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
 * The registers of one IPC entry (ipc_abi.h).  rdi, rsi and r8..r10 are
 * treated as changed by every op, which costs nothing in these leaf
 * functions and leaves the kernel free in what it returns there.
 */
struct ipc_regs {
	long rdi;		/* handle, port or rcvid; back: rcvid */
	long rsi;		/* tag; back: badge */
	uint64_t mr[RB_IPC_REG_WORDS];
};

/*
 * The IPC SYSCALL, its register use stated once (the kernel's side is
 * arch/ipc_frame.h): rax the operation, back the result; rdi the target,
 * back the rcvid; rsi the tag, back the badge; r8..r10 message words 0..2
 * both ways; rdx, an input only, the flags or the port.  MODE is "+" where
 * the registers carry a message in and "=" where they only bring one back;
 * the rest of the arguments are the inputs after them ("d"(rdx), or none).
 * rcx and r11 are lost to SYSCALL/SYSRET.  "memory": the kernel reads and
 * writes the UTCB's other message registers.  The instruction is recorded
 * with its operation in .rb_ipc_sites (trap.h's RB_KERNEL_ENTRY): the
 * kernel accepts each operation only from its own site, so op must be a
 * constant where this is expanded, and each operation has one site.
 */
#define IPC_SYSCALL(op, r, MODE, r8, r9, r10, ...)					\
	__asm__ volatile(RB_KERNEL_ENTRY("syscall", ".rb_ipc_sites", "site_op")		\
			 : "+a"(op), "+D"((r)->rdi), MODE "S"((r)->rsi),		\
			   MODE "r"(r8), MODE "r"(r9), MODE "r"(r10)			\
			 : [site_op] "i"(op), ##__VA_ARGS__				\
			 : "rcx", "r11", "memory")

/* One SYSCALL that sends and receives (call, reply_and_wait). */
static inline __attribute__((always_inline)) long ipc_exchange(long op, struct ipc_regs *r, unsigned long rdx)
{
	register uint64_t r8 __asm__("r8") = r->mr[0];
	register uint64_t r9 __asm__("r9") = r->mr[1];
	register uint64_t r10 __asm__("r10") = r->mr[2];

	IPC_SYSCALL(op, r, "+", r8, r9, r10, "d"(rdx));
	r->mr[0] = r8;
	r->mr[1] = r9;
	r->mr[2] = r10;
	return op;
}

/* The same for wait, which sends nothing: no rsi, r8..r10 going in. */
static inline __attribute__((always_inline)) long ipc_receive(struct ipc_regs *r, unsigned long rdx)
{
	register uint64_t r8 __asm__("r8");
	register uint64_t r9 __asm__("r9");
	register uint64_t r10 __asm__("r10");
	long op = IPC_OP_WAIT;

	IPC_SYSCALL(op, r, "=", r8, r9, r10, "d"(rdx));
	r->mr[0] = r8;
	r->mr[1] = r9;
	r->mr[2] = r10;
	return op;
}

/* The same for reply, which receives nothing and has no use for rdx. */
static inline __attribute__((always_inline)) long ipc_send(struct ipc_regs *r)
{
	register uint64_t r8 __asm__("r8") = r->mr[0];
	register uint64_t r9 __asm__("r9") = r->mr[1];
	register uint64_t r10 __asm__("r10") = r->mr[2];
	long op = IPC_OP_REPLY;

	IPC_SYSCALL(op, r, "+", r8, r9, r10);
	return op;
}

static inline void send_words(struct ipc_regs *r)
{
	r->mr[0] = UTCB->mr[0];
	r->mr[1] = UTCB->mr[1];
	r->mr[2] = UTCB->mr[2];
}

static inline void receive_words(const struct ipc_regs *r)
{
	UTCB->mr[0] = r->mr[0];
	UTCB->mr[1] = r->mr[1];
	UTCB->mr[2] = r->mr[2];
}

/* After a wait, who sent the message and how to answer. */
static inline void receive_sender(const struct ipc_regs *r)
{
	UTCB->rcvid = r->rdi;
	UTCB->badge = (uint64_t)r->rsi;
}

/*
 * flags (here and in ipc_wait) is an unsigned int: the psABI leaves the
 * upper half of its register undefined, and the kernel reads all of rdx.
 */
long ipc_call(long handle, uint64_t tag, unsigned flags)
{
	struct ipc_regs r = { .rdi = handle, .rsi = (long)tag };
	long ret;

	send_words(&r);
	ret = ipc_exchange(IPC_OP_CALL, &r, flags);
	if (ret >= 0)
		receive_words(&r);
	return ret;
}

long ipc_wait(long port, unsigned flags)
{
	struct ipc_regs r = { .rdi = port };
	long ret;

	ret = ipc_receive(&r, flags);
	if (ret >= 0) {
		receive_words(&r);
		receive_sender(&r);
	}
	return ret;
}

long ipc_reply(long rcvid, uint64_t tag)
{
	struct ipc_regs r = { .rdi = rcvid, .rsi = (long)tag };

	send_words(&r);
	return ipc_send(&r);
}

long ipc_reply_and_wait(long rcvid, uint64_t tag, long port)
{
	struct ipc_regs r = { .rdi = rcvid, .rsi = (long)tag };
	long ret;

	send_words(&r);
	ret = ipc_exchange(IPC_OP_REPLY_AND_WAIT, &r, (unsigned long)port);
	if (ret >= 0) {
		receive_words(&r);
		receive_sender(&r);
	}
	return ret;
}
