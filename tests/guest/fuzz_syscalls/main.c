/*
 * fuzz_syscalls SEED CALLS: the system-call fuzzer.  Makes CALLS calls
 * through the vDSO's entry points with arguments drawn from classes (zero,
 * small, -1, huge, valid user pointers of each kind, unmapped,
 * non-canonical and kernel addresses, a buffer that straddles into an
 * unmapped page, zero and huge lengths), from a xorshift generator seeded
 * with SEED, so that a run is repeated exactly.  Every call must return;
 * the task must stay alive.  It prints per-call counts of results and a
 * count of each error, then TAP: every entry point and every argument
 * class was drawn.
 *
 * The table of entry points is vdso/calls.def itself: each line needs a
 * function fuzz_NAME here, so a new entry point that is not fuzzed fails
 * the build.
 *
 * What is never fuzzed, because it is a valid way to stop this task rather
 * than a fault: rb_exit (made once, at the end, when main returns),
 * rb_thread_exit from this thread (a created thread calls it), sleeps of
 * more than 100 us, priorities above the default (which would let a
 * spinning fuzzer starve its peers by design), blocking IPC
 * (RB_IPC_NONBLOCK is always set), waits for console input or a child
 * (their non-blocking flags are always set), rb_clock_gettime with a bad pointer (it
 * runs in user space and may fault its caller, as documented), thread
 * entry points that are user addresses other than its own (the thread
 * would fault and end the task), rb_mem_protect taking a right from its
 * own image or stack (it keeps read and write everywhere but on scratch
 * pages of its own), and no heap: rb_mem_unmap may remove any anonymous
 * page, so this program keeps its state in its image and stack, its TLS
 * block included (stack_tls.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <elf.h>
#include <sys/auxv.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "stack_tls.h"
#include "tap.h"

#include "xorshift.h"

#define KERNEL_TEXT 0xffffffff80100000ul
#define DIRECT_MAP  0xffff800000000000ul

/* Buffers of each kind the kernel may be handed. */
static char data_buffer[4096] = { 1 };
static char bss_buffer[4096];
static const char rodata_buffer[64] = "read-only";
static char console_safe[64];		/* what a valid console write prints: newlines */
static char *straddle;			/* 16 bytes before an unmapped page */
static uintptr_t vdso_base;
static char *stack_buffer;		/* main's */

/* Argument classes, each counted when drawn. */
enum {
	P_NULL, P_STACK, P_DATA, P_BSS, P_RODATA, P_TEXT, P_VDSO, P_VDSO_DATA,
	P_UNMAPPED, P_NONCANONICAL, P_KERNEL, P_STRADDLE,
	N_ZERO, N_SMALL, N_MINUS_ONE, N_PAGE, N_HUGE, N_RANDOM, N_NEAR_MAX, N_32BIT,
	A_ANON, N_CLASSES
};
static const char *const class_names[N_CLASSES] = {
	"null pointer", "stack buffer", "data buffer", "bss buffer", "rodata buffer",
	"text address", "vDSO address", "vDSO data page", "unmapped address",
	"non-canonical address", "kernel address", "page-straddling buffer",
	"zero", "small number", "-1", "about a page", "huge (2^32..2^62)", "random 64 bits",
	"near 2^64", "random 32 bits", "anonymous-range address",
};
static unsigned long drawn[N_CLASSES];

/* A pointer of a kind drawn at random; bad_only: one the kernel must refuse. */
static uint64_t pointer_arg(int bad_only)
{
	unsigned class = (unsigned)(bad_only ? P_UNMAPPED + pick(4) : pick(P_STRADDLE + 1));

	drawn[class]++;
	switch (class) {
	case P_NULL: return 0;
	case P_STACK: return (uint64_t)stack_buffer;
	case P_DATA: return (uint64_t)data_buffer;
	case P_BSS: return (uint64_t)bss_buffer;
	case P_RODATA: return (uint64_t)rodata_buffer;
	case P_TEXT: return (uint64_t)pointer_arg;
	case P_VDSO: return vdso_base + pick(8192);
	case P_VDSO_DATA: return vdso_base - 4096 + pick(4096);
	case P_UNMAPPED: return 0x200000000000ul + pick(1ul << 40);
	case P_NONCANONICAL: return 0x0000800000000000ul + (rng() >> 20);
	case P_KERNEL: return pick(2) ? KERNEL_TEXT : DIRECT_MAP + pick(1ul << 30);
	default: return straddle ? (uint64_t)straddle : 0;
	}
}

static uint64_t number_arg(void)
{
	unsigned class = (unsigned)(N_ZERO + pick(8));

	drawn[class]++;
	switch (class) {
	case N_ZERO: return 0;
	case N_SMALL: return 1 + pick(64);
	case N_MINUS_ONE: return (uint64_t)-1;
	case N_PAGE: return 4095 + pick(3);
	case N_HUGE: return (uint64_t)1 << (32 + pick(31));
	case N_RANDOM: return rng();
	case N_NEAR_MAX: return (uint64_t)-1 - pick(4096);
	default: return pick(1ul << 32);
	}
}

static uint64_t address_arg(void)
{
	if (pick(3) == 0) {
		drawn[A_ANON]++;
		return 0x100000000000ul + (pick(1ul << 38) << 12);
	}
	return pick(2) ? pointer_arg(0) : number_arg();
}

static long handle_arg(void)
{
	return (long)pick(70) - 2;
}

/* Half the time exactly RB_IPC_NONBLOCK, else any bits with it. */
static unsigned ipc_flags(void)
{
	return pick(2) ? RB_IPC_NONBLOCK : (unsigned)number_arg() | RB_IPC_NONBLOCK;
}

/* Half the time a valid tag (a few words, maybe a handle), else any bits. */
static uint64_t ipc_tag(void)
{
	uint64_t flags = (pick(4) ? 0 : RB_TAG_HANDLE) | (pick(4) ? 0 : RB_TAG_WINDOW);

	return pick(2) ? RB_TAG(pick(4), pick(RB_IPC_MRS + 2)) | flags : rng();
}

/* A window for RB_TAG_WINDOW in the UTCB: any address, length and rights. */
static void ipc_window(void)
{
	uint64_t rights = pick(2) ? pick(4) : number_arg();

	rb_utcb()->window = (struct rb_ipc_window){ address_arg(), number_arg(), rights };
}

/* A thread this program starts with valid arguments: it ends at once. */
static char thread_stacks[4][8192] __attribute__((aligned(16)));

static void short_thread(void *arg)
{
	rb_thread_exit((int)(uintptr_t)arg);
}

static char *thread_stack_top(void)
{
	return thread_stacks[pick(4)] + sizeof thread_stacks[0] - 8;
}

/* One function per entry point: one call with drawn arguments. */
static long fuzz_rb_console_write(void)
{
	/* valid bytes come from console_safe only */
	if (pick(2))
		return rb_console_write(console_safe, pick(sizeof console_safe));
	return rb_console_write((const void *)pointer_arg(1), number_arg());
}

static long fuzz_rb_console_read(void)
{
	/* RB_CONSOLE_NONBLOCK always: a wait for input is a valid way to stop. */
	return rb_console_read((void *)address_arg(), number_arg(),
			       (unsigned)number_arg() | RB_CONSOLE_NONBLOCK);
}

static long fuzz_rb_thread_create(void)
{
	int valid = pick(4) == 0;
	uint64_t entry = valid ? (uint64_t)short_thread :
		(pick(2) ? KERNEL_TEXT : 0x0000800000000000ul + pick(1ul << 40));
	uint64_t arg = number_arg();
	long tid = rb_thread_create((void (*)(void *))entry, (void *)arg,
				    valid ? thread_stack_top() : (void *)address_arg(), NULL);

	if (tid > 0)
		rb_thread_join(tid, NULL);	/* it ends at once */
	return tid;
}

/* A thread that ends through rb_thread_exit with a drawn status. */
static long fuzz_rb_thread_exit(void)
{
	long tid = rb_thread_create(short_thread, (void *)number_arg(), thread_stack_top(), NULL);
	int status;

	return tid > 0 ? rb_thread_join(tid, &status) : tid;
}

static long fuzz_rb_thread_join(void)
{
	return rb_thread_join((long)pick(2000) - 1000, (int *)address_arg());
}

static long fuzz_rb_mem_map(void)
{
	uint64_t a = address_arg();

	return rb_mem_map((void *)a, number_arg(), (int)pick(16));
}

static long fuzz_rb_mem_unmap(void)
{
	uint64_t a = address_arg();

	return rb_mem_unmap((void *)a, number_arg());
}

#define SCRATCH_PAGES 4
static char *protect_scratch;		/* pages of its own, any rights may be given */

/*
 * Rights the fuzzer can survive: any on its scratch pages (set back to
 * read-write after), read-write (or the refused write-with-exec)
 * elsewhere in the anonymous range, anything on addresses the kernel
 * must refuse.  Its own text, stack and data never lose a right.
 */
static long fuzz_rb_mem_protect(void)
{
	const int rw = RB_PROT_READ | RB_PROT_WRITE;
	long r;

	switch (pick(3)) {
	case 0:
		return rb_mem_protect((void *)pointer_arg(1), number_arg(), (int)pick(16));
	case 1:
		drawn[A_ANON]++;
		return rb_mem_protect((void *)(0x100000000000ul + (pick(1ul << 38) << 12)), number_arg(),
				      pick(2) ? rw : rw | RB_PROT_EXEC);
	default:
		if (!protect_scratch)
			return -1;
		r = rb_mem_protect(protect_scratch + pick(SCRATCH_PAGES) * 4096,
				   pick(SCRATCH_PAGES + 1) * 4096 + pick(2), (int)pick(16));
		rb_mem_protect(protect_scratch, SCRATCH_PAGES * 4096, rw);
		return r;
	}
}

static long fuzz_rb_mem_usage(void)
{
	return rb_mem_usage((struct rb_mem_usage *)address_arg());
}

static long fuzz_rb_yield(void)
{
	return rb_yield();
}

static long fuzz_rb_sleep_ns(void)
{
	return rb_sleep_ns(pick(100000));
}

/* Always with a deadline at most 100 us away: a wait without one on a
 * word nobody changes is a valid way to block for good. */
static long fuzz_rb_futex_wait(void)
{
	unsigned flags = pick(2) ? RB_FUTEX_DEADLINE : (unsigned)number_arg() | RB_FUTEX_DEADLINE;

	return rb_futex_wait((const volatile uint32_t *)address_arg(), (uint32_t)number_arg(), flags,
			     rb_clock_monotonic_ns() + pick(100000));
}

static long fuzz_rb_futex_wake(void)
{
	return rb_futex_wake((const volatile uint32_t *)address_arg(), (uint32_t)number_arg());
}

/* At most RB_RANDOM_MAX bytes land, which every scratch buffer holds. */
static long fuzz_rb_random(void)
{
	return rb_random((void *)address_arg(), number_arg());
}

static long fuzz_rb_cpu_time_ns(void)
{
	return rb_cpu_time_ns((int)number_arg());
}

/* Images and word lists from every class: refused before or by the ELF check. */
static long fuzz_rb_task_spawn(void)
{
	return rb_task_spawn((const void *)address_arg(), number_arg(),
			     (const char *const *)pointer_arg(0), (const char *const *)pointer_arg(0));
}

/* RB_TASK_NOHANG always, like IPC's RB_IPC_NONBLOCK. */
static long fuzz_rb_task_wait(void)
{
	return rb_task_wait((long)number_arg(), (int *)pointer_arg(0), (unsigned)number_arg() | RB_TASK_NOHANG);
}

/* Ids of live tasks half the time: every one another's, so refused. */
static long fuzz_rb_task_kill(void)
{
	return rb_task_kill(pick(2) ? (long)pick(140) - 2 : (long)number_arg(), (unsigned)number_arg());
}

/* The fuzzer is no task named fsd: -EPERM, or -ENOENT without data; never the archive. */
static long fuzz_rb_bootdata_take(void)
{
	return rb_bootdata_take((void *)address_arg(), number_arg());
}

static long fuzz_rb_task_id(void)
{
	return rb_task_id();
}

static long fuzz_rb_thread_id(void)
{
	return rb_thread_id();
}

static long fuzz_rb_thread_set_priority(void)
{
	long tid = (long)pick(8) - 2;

	return rb_thread_set_priority(tid, (int)pick(RB_PRIORITY_DEFAULT + 1) - (pick(4) == 0 ? 1000 : 0));
}

static long fuzz_rb_thread_set_affinity(void)
{
	long tid = (long)pick(8) - 2;

	return rb_thread_set_affinity(tid, (uint32_t)number_arg());
}

static long fuzz_rb_thread_get_affinity(void)
{
	return rb_thread_get_affinity((long)pick(8) - 2);
}

static long fuzz_rb_cpu_current(void)
{
	return rb_cpu_current();
}

static long fuzz_rb_set_tls(void)
{
	void *mine;
	long r;

	/* Read before the call: gcc may move __builtin_thread_pointer(). */
	__asm__ volatile("movq %%fs:0, %0" : "=r"(mine));
	r = rb_set_tls((void *)address_arg());
	rb_set_tls(mine);
	return r;
}

static long fuzz_rb_clock_monotonic_ns(void)
{
	return (long)(rb_clock_monotonic_ns() & 0x7fffffff);
}

static long fuzz_rb_clock_gettime(void)
{
	struct rb_timespec ts;

	return rb_clock_gettime((int)number_arg(), &ts);
}

static long fuzz_rb_cpus_online(void)
{
	return rb_cpus_online();
}

static long fuzz_rb_port_create(void)
{
	return rb_port_create();
}

static long fuzz_rb_port_destroy(void)
{
	return rb_port_destroy(handle_arg());
}

static long fuzz_rb_port_mint(void)
{
	long handle = handle_arg();

	return rb_port_mint(handle, rng());
}

static long fuzz_rb_port_accept_handles(void)
{
	return rb_port_accept_handles(handle_arg());
}

static long fuzz_rb_handle_close(void)
{
	return rb_handle_close(handle_arg());
}

static long fuzz_rb_ns_register(void)
{
	uint64_t a = address_arg();

	return rb_ns_register((const char *)a, handle_arg());
}

/* Half the lookups find the canary's server, which then gets junk. */
static long fuzz_rb_ns_lookup(void)
{
	return rb_ns_lookup(pick(2) ? "fuzz.canary" : (const char *)address_arg());
}

static long fuzz_ipc_call(void)
{
	long handle = handle_arg();
	uint64_t tag = ipc_tag();

	ipc_window();
	return ipc_call(handle, tag, ipc_flags());
}

static long fuzz_ipc_wait(void)
{
	long handle = handle_arg();

	return ipc_wait(handle, ipc_flags());
}

static long fuzz_ipc_reply(void)
{
	long rcvid = (long)number_arg();

	return ipc_reply(rcvid, ipc_tag());
}

static long fuzz_ipc_reply_and_wait(void)
{
	long rcvid = (long)number_arg();
	uint64_t tag = ipc_tag();

	return ipc_reply_and_wait(rcvid, tag, handle_arg());
}

/* Random rcvids: refused with -ESRCH unless one names a caller this thread holds. */
static long fuzz_rb_ipc_read(void)
{
	return rb_ipc_read((long)number_arg(), number_arg(), (void *)address_arg(), number_arg());
}

static long fuzz_rb_ipc_write(void)
{
	return rb_ipc_write((long)number_arg(), number_arg(), (const void *)address_arg(), number_arg());
}

static long fuzz_rb_ipc_caller_task(void)
{
	return rb_ipc_caller_task((long)number_arg());
}

/* Keys from every class, and keys of live tasks' ids with wrong incarnations. */
static long fuzz_rb_task_alive(void)
{
	return rb_task_alive(pick(2) ? (long)number_arg() : ((long)pick(8) << 32 | (long)pick(140)));
}

/* rb_exit ends the task: made once, when main returns. */
#define fuzz_rb_exit NULL

static struct entry_point {
	const char *name;
	long (*call)(void);
	unsigned long made, ok;
} entry_points[] = {
#define RB_VDSO(function) { #function, fuzz_##function, 0, 0 },
#include "calls.def"
};
#define N_ENTRY_POINTS (sizeof entry_points / sizeof entry_points[0])

static unsigned long errors[256];	/* by errno; the last counts any larger */
static unsigned long calls;

static void fuzz(void)
{
	uint64_t start = rb_clock_monotonic_ns();

	for (unsigned long i = 0; i < calls; i++) {
		struct entry_point *e = &entry_points[pick(N_ENTRY_POINTS)];
		long r;

		if (!e->call) {
			i--;
			continue;
		}
		r = e->call();
		e->made++;
		if (r >= 0)
			e->ok++;
		else
			errors[-(unsigned long)r < 255 ? -(unsigned long)r : 255]++;
	}
	uint64_t ns = rb_clock_monotonic_ns() - start;

	for (unsigned i = 0; i < N_ENTRY_POINTS; i++)
		if (entry_points[i].call)
			printf("# call %-24s %7lu made, %7lu ok\n", entry_points[i].name,
			       entry_points[i].made, entry_points[i].ok);
		else
			printf("# call %-24s not fuzzed: it ends the task\n", entry_points[i].name);
	for (unsigned i = 1; i < 256; i++)
		if (errors[i])
			printf("# errno %3u %-32s %7lu\n", i, i < 255 ? strerror((int)i) : "or more", errors[i]);
	printf("# %lu calls in %llu ms of guest time\n", calls, (unsigned long long)(ns / 1000000));
	check(1, "every fuzzed call returned, the task lives");
}

static void every_entry_point_made(void)
{
	unsigned missed = 0;

	for (unsigned i = 0; i < N_ENTRY_POINTS; i++)
		missed += entry_points[i].call && !entry_points[i].made;
	check(missed == 0, "every fuzzed entry point of vdso/calls.def was called");
}

static void every_class_drawn(void)
{
	unsigned missed = 0;

	for (unsigned i = 0; i < N_CLASSES; i++)
		if (!drawn[i]) {
			printf("# never drawn: %s\n", class_names[i]);
			missed++;
		}
	check(straddle && missed == 0, "every argument class was drawn");
}

static const struct tap_test tests[] = {
	{ fuzz, "fuzzed calls" },
	{ every_entry_point_made, "entry points" },
	{ every_class_drawn, "argument classes" },
};

static int fuzz_main(int argc, char **argv)
{
	char buffer[256];

	calls = argc > 2 ? strtoul(argv[2], NULL, 0) : 10000;
	rng_seed(argc > 1 ? strtoull(argv[1], NULL, 0) : 1);
	printf("# seed %s, %lu calls\n", argc > 1 ? argv[1] : "1", calls);
	stack_buffer = buffer;
	vdso_base = getauxval(AT_SYSINFO_EHDR);
	memset(console_safe, '\n', sizeof console_safe);
	long two = rb_mem_map(NULL, 8192, RB_PROT_READ | RB_PROT_WRITE);
	if (two > 0 && rb_mem_unmap((char *)two + 4096, 4096) == 0)
		straddle = (char *)two + 4096 - 16;
	long scratch = rb_mem_map(NULL, SCRATCH_PAGES * 4096, RB_PROT_READ | RB_PROT_WRITE);
	if (scratch > 0)
		protect_scratch = (char *)scratch;
	return TAP_RUN(tests);
}

int main(int argc, char **argv)
{
	stack_tls_run(fuzz_main, argc, argv);
}
