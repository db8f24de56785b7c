/*
 * Runs the vDSO's IPC entry points on the host, against a stand-in kernel.
 *
 * usage: vdso_ipc VDSO_SO
 *
 * The image is mapped read+exec and its functions found with the crt's own
 * lookup (crt/dso_lookup.c).  A UTCB becomes the GS base, as
 * the kernel sets it for a thread.  A seccomp filter turns every system
 * call made from inside the image (SYSCALL or int $0x80) into SIGSYS, whose
 * handler plays the kernel: it records the registers the entry point came
 * in with and answers with registers the test chose, spoiling rcx and r11
 * as SYSRET does.  So each check sees exactly the register convention of
 * vdso/ipc_abi.h and vdso/sysno.h from both sides.
 *
 * Prints TAP (tests/lib/tap.h).  Exits non-zero if a check failed or the
 * set-up did.
 */
#define _GNU_SOURCE		/* REG_* of <ucontext.h>, syscall() */
#include <asm/prctl.h>
#include <asm/unistd.h>
#include <elf.h>
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <ucontext.h>
#include <unistd.h>

#include <rainbow/dso.h>
#include <rainbow/ipc.h>

#include "ipc_abi.h"
#include "sysno.h"
#include "tap.h"

#define PAGE  4096UL
#define JUNK  0x5a5a5a5a5a5a5a5aL	/* what SYSRET leaves in rcx, r11 */
#define UNSET 0x0123456789abcdefUL	/* UTCB words no one should write */

/* The registers of one kernel entry; nr is rax on the way in. */
struct regs {
	long nr, rdi, rsi, rdx, r8, r9, r10;
};

static struct regs entered;	/* what the last entry brought */
static uint64_t entered_site;	/* and the address after its instruction */
static uint64_t ipc_site[IPC_OP_COUNT];	/* the same for each IPC operation's SYSCALL, from the image */
static struct regs answer;	/* what the stand-in kernel returns */
static int entries;
static struct rb_utcb utcb;
static struct rb_dso vdso;

static void die(const char *why)
{
	fprintf(stderr, "vdso_ipc: %s\n", why);
	exit(1);
}

/* The kernel's side of one entry.  rdx is preserved, as the kernel does. */
static void kernel(int sig, siginfo_t *info, void *context)
{
	greg_t *g = ((ucontext_t *)context)->uc_mcontext.gregs;

	(void)sig;
	entries++;
	entered = (struct regs){ info->si_syscall, g[REG_RDI], g[REG_RSI],
				 g[REG_RDX], g[REG_R8], g[REG_R9], g[REG_R10] };
	entered_site = (uint64_t)g[REG_RIP];
	g[REG_RAX] = answer.nr;
	g[REG_RDI] = answer.rdi;
	g[REG_RSI] = answer.rsi;
	g[REG_R8] = answer.r8;
	g[REG_R9] = answer.r9;
	g[REG_R10] = answer.r10;
	g[REG_RCX] = JUNK;
	g[REG_R11] = JUNK;
}

static const unsigned char *map_image(const char *path, size_t *size)
{
	FILE *in = fopen(path, "rb");
	unsigned char *image;
	long n;

	if (!in || fseek(in, 0, SEEK_END) || (n = ftell(in)) <= 0 ||
	    fseek(in, 0, SEEK_SET))
		die("cannot open the image");
	*size = ((size_t)n + PAGE - 1) & ~(PAGE - 1);
	image = mmap(NULL, *size, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (image == MAP_FAILED || fread(image, 1, n, in) != (size_t)n)
		die("cannot read the image");
	fclose(in);
	if (mprotect(image, *size, PROT_READ | PROT_EXEC))
		die("mprotect failed");
	return image;
}

/*
 * ipc_site[op]: the address after the SYSCALL the image records for op in
 * .rb_ipc_sites (two 32-bit words a site: the op, the instruction's
 * distance from the second word), as the kernel reads it.
 */
static void find_ipc_sites(const unsigned char *image, size_t size)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)image;
	const Elf64_Shdr *sh = (const Elf64_Shdr *)(image + eh->e_shoff);
	const char *names = (const char *)image + sh[eh->e_shstrndx].sh_offset;

	if (eh->e_shoff + (uint64_t)eh->e_shnum * sizeof(*sh) > size)
		die("no section headers");
	for (unsigned i = 0; i < eh->e_shnum; i++) {
		if (strcmp(names + sh[i].sh_name, ".rb_ipc_sites"))
			continue;
		for (uint64_t off = 0; off + 8 <= sh[i].sh_size; off += 8) {
			uint32_t op;
			int32_t distance;
			memcpy(&op, image + sh[i].sh_offset + off, 4);
			memcpy(&distance, image + sh[i].sh_offset + off + 4, 4);
			if (op < IPC_OP_COUNT)
				ipc_site[op] = (uintptr_t)image + sh[i].sh_addr + off + 4 + distance + 2;
		}
	}
	for (unsigned op = 0; op < IPC_OP_COUNT; op++)
		if (!ipc_site[op])
			die("an IPC operation has no site in .rb_ipc_sites");
}

/* SIGSYS for system calls from [image, image + size), nothing else. */
static void trap_calls_from(const unsigned char *image, size_t size)
{
	uint64_t start = (uintptr_t)image;
	uint32_t high = start >> 32, low = (uint32_t)start;
	size_t ip = offsetof(struct seccomp_data, instruction_pointer);
	struct sock_filter filter[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ip + 4),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, high, 0, 4),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, ip),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, low, 0, 2),
		BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, low + size, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRAP),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog program = { sizeof filter / sizeof filter[0], filter };
	struct sigaction sa = { .sa_sigaction = kernel, .sa_flags = SA_SIGINFO };

	if ((uint64_t)low + size > UINT32_MAX)
		die("the image straddles a 4 GiB boundary");
	if (sigaction(SIGSYS, &sa, NULL) ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program))
		die("cannot install the seccomp filter");
}

/* A fresh UTCB: mr[0..3] = a, b, c, UNSET; badge and rcvid UNSET. */
static void utcb_holds(uint64_t a, uint64_t b, uint64_t c)
{
	memset(&utcb, 0, sizeof utcb);
	utcb.mr[0] = a;
	utcb.mr[1] = b;
	utcb.mr[2] = c;
	utcb.mr[3] = UNSET;
	utcb.badge = UNSET;
	utcb.rcvid = (int64_t)UNSET;
	utcb.self = &utcb;
}

/* The message words are the kernel's to copy: the entry point leaves them as they were. */
static int utcb_words_are(uint64_t a, uint64_t b, uint64_t c)
{
	return utcb.mr[0] == a && utcb.mr[1] == b && utcb.mr[2] == c &&
	       utcb.mr[3] == UNSET;
}

static int utcb_sender_is(uint64_t badge, int64_t rcvid)
{
	return utcb.badge == badge && utcb.rcvid == rcvid;
}

/* One entry since kernel_answers(), with rax = nr and rdi = rdi. */
static int entered_once(long nr, long rdi)
{
	return entries == 1 && entered.nr == nr && entered.rdi == rdi;
}

/*
 * One SYSCALL since kernel_answers(), with rdi = rdi, from the site the
 * image records for op (.rb_ipc_sites; the kernel takes the operation
 * from the site, not from rax).
 */
static int entered_ipc_once(long op, long rdi)
{
	return entries == 1 && entered_site == ipc_site[op] && entered.rdi == rdi;
}

/*
 * The stand-in kernel's next answer: rax, and junk in the other registers
 * the vDSO must not take anything from (the kernel writes a receive's
 * rcvid and badge into the UTCB itself); entries counts from here.
 */
static void kernel_answers(long rax)
{
	answer = (struct regs){ rax, JUNK, JUNK, 0, JUNK, JUNK, JUNK };
	entries = 0;
}

static typeof(ipc_call) *call;
static typeof(ipc_wait) *wait_on;
static typeof(ipc_reply) *reply;
static typeof(ipc_reply_and_wait) *reply_and_wait;

static void test_call(void)
{
	/* flags as the psABI lets a caller pass it: junk above bit 31. */
	long (*call_wide)(long, uint64_t, unsigned long) = (void *)call;
	long ret;

	utcb_holds(11, 22, 33);
	kernel_answers(RB_TAG(9, 2));
	ret = call_wide(7, RB_TAG(5, 3), 0xabcdef0000000000UL | RB_IPC_NONBLOCK);
	check(entered_ipc_once(IPC_OP_CALL, 7) && entered.rsi == (long)RB_TAG(5, 3) &&
	      (uint32_t)entered.rdx == RB_IPC_NONBLOCK,
	      "ipc_call enters at its own site with rdi = handle, rsi = tag, edx = flags");
	check(ret == (long)RB_TAG(9, 2), "ipc_call returns the reply's tag");
	check(utcb_words_are(11, 22, 33) && utcb_sender_is(UNSET, UNSET),
	      "ipc_call leaves the UTCB to the kernel");

	utcb_holds(11, 22, 33);
	kernel_answers(-EPIPE);
	check(call(7, RB_TAG(5, 3), 0) == -EPIPE && utcb_words_are(11, 22, 33),
	      "ipc_call that fails returns -errno and leaves the UTCB alone");
}

static void test_wait(void)
{
	long ret;

	utcb_holds(1, 2, 3);
	kernel_answers(RB_TAG(4, 3));
	ret = wait_on(3, 0);
	check(entered_ipc_once(IPC_OP_WAIT, 3) && (uint32_t)entered.rdx == 0,
	      "ipc_wait enters at its own site with rdi = port, edx = flags");
	check(ret == (long)RB_TAG(4, 3) && utcb_words_are(1, 2, 3) && utcb_sender_is(UNSET, UNSET),
	      "ipc_wait returns the tag and leaves the UTCB to the kernel");

	utcb_holds(1, 2, 3);
	kernel_answers(-EAGAIN);
	check(wait_on(3, RB_IPC_NONBLOCK) == -EAGAIN && (uint32_t)entered.rdx == RB_IPC_NONBLOCK &&
	      utcb_words_are(1, 2, 3) && utcb_sender_is(UNSET, UNSET),
	      "ipc_wait that fails returns -errno and leaves the UTCB alone");
}

static void test_reply(void)
{
	utcb_holds(8, 9, 10);
	kernel_answers(0);
	check(reply(77, RB_TAG(2, 1)) == 0 &&
	      entered_ipc_once(IPC_OP_REPLY, 77) && entered.rsi == (long)RB_TAG(2, 1),
	      "ipc_reply enters at its own site with rdi = rcvid, rsi = tag");
	check(utcb_words_are(8, 9, 10) && utcb_sender_is(UNSET, UNSET),
	      "ipc_reply leaves the UTCB alone");
}

static void test_reply_and_wait(void)
{
	long ret;

	utcb_holds(8, 9, 10);
	kernel_answers(RB_TAG(6, 2));
	ret = reply_and_wait(77, RB_TAG(2, 1), 3);
	check(entered_ipc_once(IPC_OP_REPLY_AND_WAIT, 77) &&
	      entered.rsi == (long)RB_TAG(2, 1) && entered.rdx == 3,
	      "ipc_reply_and_wait enters at its own site with rdi = rcvid, rsi = tag, rdx = port");
	check(ret == (long)RB_TAG(6, 2) && utcb_words_are(8, 9, 10) &&
	      utcb_sender_is(UNSET, UNSET),
	      "ipc_reply_and_wait returns the tag and leaves the UTCB to the kernel");

	utcb_holds(8, 9, 10);
	kernel_answers(-ESRCH);
	check(reply_and_wait(77, RB_TAG(2, 1), 3) == -ESRCH &&
	      utcb_words_are(8, 9, 10) && utcb_sender_is(UNSET, UNSET),
	      "ipc_reply_and_wait that fails returns -errno and leaves the UTCB alone");
}

static void *function(const char *name)
{
	void *f = rb_dso_function(&vdso, name, "RAINBOW_1");

	if (!f)
		die("a function is missing");
	return f;
}

/* The port, handle and name calls: int $0x80 with their number. */
static void test_traps(void)
{
	static const char name[] = "echo";
	typeof(rb_port_create) *create = function("rb_port_create");
	typeof(rb_port_destroy) *destroy = function("rb_port_destroy");
	typeof(rb_port_mint) *mint = function("rb_port_mint");
	typeof(rb_port_accept_handles) *accept = function("rb_port_accept_handles");
	typeof(rb_handle_close) *close_handle = function("rb_handle_close");
	typeof(rb_ns_register) *ns_register = function("rb_ns_register");
	typeof(rb_ns_lookup) *ns_lookup = function("rb_ns_lookup");
	typeof(rb_ipc_read) *copy_in = function("rb_ipc_read");
	typeof(rb_ipc_write) *copy_out = function("rb_ipc_write");
	typeof(rb_ipc_caller_task) *caller_task = function("rb_ipc_caller_task");
	char buf[8];

	kernel_answers(5);
	check(create() == 5 && entries == 1 && entered.nr == SYS_port_create,
	      "rb_port_create traps with SYS_port_create");
	kernel_answers(0);
	check(destroy(5) == 0 && entered_once(SYS_port_destroy, 5),
	      "rb_port_destroy traps with SYS_port_destroy, port");
	kernel_answers(6);
	check(mint(5, 0xbadbad) == 6 && entered_once(SYS_port_mint, 5) &&
	      entered.rsi == 0xbadbad,
	      "rb_port_mint traps with SYS_port_mint, port, badge");
	kernel_answers(0);
	check(accept(5) == 0 && entered_once(SYS_port_accept_handles, 5),
	      "rb_port_accept_handles traps with SYS_port_accept_handles, port");
	kernel_answers(-EBADF);
	check(close_handle(6) == -EBADF && entered_once(SYS_handle_close, 6),
	      "rb_handle_close traps with SYS_handle_close, handle");
	kernel_answers(0);
	check(ns_register(name, 6) == 0 &&
	      entered_once(SYS_ns_register, (long)name) && entered.rsi == 6,
	      "rb_ns_register traps with SYS_ns_register, name, handle");
	kernel_answers(7);
	check(ns_lookup(name) == 7 && entered_once(SYS_ns_lookup, (long)name),
	      "rb_ns_lookup traps with SYS_ns_lookup, name");
	kernel_answers(8);
	check(copy_in(9, 16, buf, 8) == 8 && entered_once(SYS_ipc_read, 9) && entered.rsi == 16 &&
	      entered.rdx == (long)buf && entered.r10 == 8,
	      "rb_ipc_read traps with SYS_ipc_read, rcvid, offset, buf, len");
	kernel_answers(-EPERM);
	check(copy_out(9, 16, buf, 8) == -EPERM && entered_once(SYS_ipc_write, 9) && entered.rsi == 16 &&
	      entered.rdx == (long)buf && entered.r10 == 8,
	      "rb_ipc_write traps with SYS_ipc_write, rcvid, offset, buf, len");
	kernel_answers(3);
	check(caller_task(9) == 3 && entered_once(SYS_ipc_caller_task, 9),
	      "rb_ipc_caller_task traps with SYS_ipc_caller_task, rcvid");
}

static const struct tap_test tests[] = {
	{ test_call, "ipc_call" },
	{ test_wait, "ipc_wait" },
	{ test_reply, "ipc_reply" },
	{ test_reply_and_wait, "ipc_reply_and_wait" },
	{ test_traps, "the calls that trap" },
};

int main(int argc, char **argv)
{
	const unsigned char *image;
	size_t size;

	if (argc != 2)
		die("usage: vdso_ipc VDSO_SO");
	image = map_image(argv[1], &size);
	if (!rb_dso_open(&vdso, image))
		die("not a usable vDSO image");
	find_ipc_sites(image, size);
	call = function("ipc_call");
	wait_on = function("ipc_wait");
	reply = function("ipc_reply");
	reply_and_wait = function("ipc_reply_and_wait");
	if (syscall(__NR_arch_prctl, ARCH_SET_GS, &utcb))
		die("cannot set the GS base");
	trap_calls_from(image, size);
	return TAP_RUN(tests);
}
