/*
 * fuzz_syscalls SEED CALLS: the system-call fuzzer.  Makes CALLS calls
 * through the vDSO's entry points with arguments drawn from classes (zero,
 * small, -1, huge, valid user pointers of each kind, unmapped,
 * non-canonical and kernel addresses, a buffer that straddles into an
 * unmapped page, zero and huge lengths), from a xorshift generator seeded
 * with SEED, so that a run is repeated exactly.  Every call must return;
 * the task must stay alive.  It prints per-call counts of results, then one
 * TAP line.
 *
 * What is never fuzzed, because it is a valid way to stop this task rather
 * than a fault: rb_exit and rb_thread_exit here (a created thread calls the
 * latter), sleeps of more than 100 us, priorities above the default (which
 * would let a spinning fuzzer starve its peers by design), blocking IPC
 * (RB_IPC_NONBLOCK is always set), rb_clock_gettime with a bad pointer
 * (it runs in user space and may fault its caller, as documented), thread
 * entry points that are user addresses other than its own (the thread
 * would fault and end the task), and no heap: rb_mem_unmap may remove any
 * anonymous page, so this program keeps its state in its image and stack.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <elf.h>
#include <sys/auxv.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#define KERNEL_TEXT 0xffffffff80100000ul
#define DIRECT_MAP  0xffff800000000000ul

static uint64_t rng_state;

static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static uint64_t pick(uint64_t n)
{
	return rng() % n;
}

/* Buffers of each kind the kernel may be handed. */
static char data_buffer[4096] = { 1 };
static char bss_buffer[4096];
static const char rodata_buffer[64] = "read-only";
static char console_safe[64];		/* what a valid console write prints */
static char *straddle;			/* 16 bytes before an unmapped page */
static uintptr_t vdso_base;

/* A pointer of a kind drawn at random; bad_only: one the kernel must refuse. */
static uint64_t pointer_arg(char *stack_buffer, int bad_only)
{
	switch (bad_only ? 8 + pick(4) : pick(12)) {
	case 0: return 0;
	case 1: return (uint64_t)stack_buffer;
	case 2: return (uint64_t)data_buffer;
	case 3: return (uint64_t)bss_buffer;
	case 4: return (uint64_t)rodata_buffer;
	case 5: return (uint64_t)pointer_arg;			/* text */
	case 6: return vdso_base + pick(8192);			/* vDSO */
	case 7: return vdso_base - 4096 + pick(4096);		/* its data page */
	case 8: return 0x200000000000ul + pick(1ul << 40);	/* unmapped */
	case 9: return 0x0000800000000000ul + (rng() >> 20);	/* non-canonical */
	case 10: return pick(2) ? KERNEL_TEXT : DIRECT_MAP + pick(1ul << 30);
	default: return straddle ? (uint64_t)straddle : 0;
	}
}

static uint64_t number_arg(void)
{
	switch (pick(8)) {
	case 0: return 0;
	case 1: return 1 + pick(64);
	case 2: return (uint64_t)-1;
	case 3: return 4095 + pick(3);
	case 4: return (uint64_t)1 << (32 + pick(31));
	case 5: return rng();
	case 6: return (uint64_t)-1 - pick(4096);
	default: return pick(1ul << 32);
	}
}

static uint64_t address_arg(char *stack_buffer)
{
	if (pick(3) == 0)
		return 0x100000000000ul + (pick(1ul << 38) << 12);	/* anonymous range */
	return pick(2) ? pointer_arg(stack_buffer, 0) : number_arg();
}

/* A thread this program starts with valid arguments: it ends at once. */
static char thread_stacks[4][8192] __attribute__((aligned(16)));

static void short_thread(void *arg)
{
	rb_thread_exit((int)(uintptr_t)arg);
}

enum { N_CALLS = 24 };
static const char *const call_names[N_CALLS] = {
	"console_write", "console_read", "thread_create", "thread_join",
	"mem_map", "mem_unmap", "yield", "sleep_ns", "task_id", "thread_id",
	"thread_set_priority", "set_tls", "clock_monotonic_ns", "clock_gettime",
	"port_create", "port_destroy", "port_mint", "handle_close", "ns_register",
	"ns_lookup", "ipc_call", "ipc_wait", "ipc_reply", "ipc_reply_and_wait",
};
static unsigned long made[N_CALLS], failed_calls[N_CALLS];

static long one_call(unsigned which, char *stack_buffer)
{
	uint64_t a = address_arg(stack_buffer), n = number_arg();
	unsigned flags = (unsigned)number_arg() | RB_IPC_NONBLOCK;
	long handle = (long)pick(70) - 2;

	switch (which) {
	case 0:		/* valid bytes come from console_safe only */
		if (pick(2))
			return rb_console_write(console_safe, pick(sizeof console_safe));
		return rb_console_write((const void *)pointer_arg(stack_buffer, 1), n);
	case 1: return rb_console_read((void *)a, n);
	case 2: {
		int valid = pick(4) == 0;
		uint64_t entry = valid ? (uint64_t)short_thread :
			(pick(2) ? KERNEL_TEXT : 0x0000800000000000ul + pick(1ul << 40));
		char *top = thread_stacks[pick(4)] + sizeof thread_stacks[0] - 8;
		long tid = rb_thread_create((void (*)(void *))entry, (void *)n,
					    valid ? top : (void *)a, NULL);
		if (tid > 0)
			rb_thread_join(tid, NULL);	/* it ends at once */
		return tid;
	}
	case 3: return rb_thread_join((long)pick(2000) - 1000, (int *)a);
	case 4: return rb_mem_map((void *)a, n, (int)pick(16));
	case 5: return rb_mem_unmap((void *)a, n);
	case 6: return rb_yield();
	case 7: return rb_sleep_ns(pick(100000));
	case 8: return rb_task_id();
	case 9: return rb_thread_id();
	case 10: return rb_thread_set_priority((long)pick(8) - 2, (int)pick(RB_PRIORITY_DEFAULT + 1) -
					       (pick(4) == 0 ? 1000 : 0));
	case 11: {
		void *mine;
		long r;

		/* Read before the call: gcc may move __builtin_thread_pointer(). */
		__asm__ volatile("movq %%fs:0, %0" : "=r"(mine));
		r = rb_set_tls((void *)a);
		rb_set_tls(mine);
		return r;
	}
	case 12: return (long)(rb_clock_monotonic_ns() & 0x7fffffff);
	case 13: {
		struct rb_timespec ts;
		return rb_clock_gettime((int)number_arg(), &ts);
	}
	case 14: return rb_port_create();
	case 15: return rb_port_destroy(handle);
	case 16: return rb_port_mint(handle, rng());
	case 17: return rb_handle_close(handle);
	case 18: return rb_ns_register((const char *)a, handle);
	case 19: return rb_ns_lookup((const char *)(pick(2) ? (uint64_t)"fuzz.bystander" : a));
	case 20: return ipc_call(handle, rng(), flags);
	case 21: return ipc_wait(handle, flags);
	case 22: return ipc_reply((long)number_arg(), rng());
	default: return ipc_reply_and_wait((long)number_arg(), rng(), handle);
	}
}

int main(int argc, char **argv)
{
	char stack_buffer[256];
	unsigned long calls = argc > 2 ? strtoul(argv[2], NULL, 0) : 10000;

	/* splitmix64 of the seed: never 0, and near seeds far apart. */
	rng_state = (argc > 1 ? strtoull(argv[1], NULL, 0) : 1) + 0x9e3779b97f4a7c15ull;
	rng_state = (rng_state ^ (rng_state >> 30)) * 0xbf58476d1ce4e5b9ull;
	rng_state = (rng_state ^ (rng_state >> 27)) * 0x94d049bb133111ebull;
	rng_state ^= rng_state >> 31;
	rng_state |= 1;
	vdso_base = getauxval(AT_SYSINFO_EHDR);
	memset(console_safe, '#', sizeof console_safe);
	long two = rb_mem_map(NULL, 8192, RB_PROT_READ | RB_PROT_WRITE);
	if (two > 0 && rb_mem_unmap((char *)two + 4096, 4096) == 0)
		straddle = (char *)two + 4096 - 16;

	uint64_t start = rb_clock_monotonic_ns();
	for (unsigned long i = 0; i < calls; i++) {
		unsigned which = (unsigned)pick(N_CALLS);
		long r = one_call(which, stack_buffer);

		made[which]++;
		failed_calls[which] += r < 0;
	}
	uint64_t ns = rb_clock_monotonic_ns() - start;

	for (unsigned i = 0; i < N_CALLS; i++)
		printf("# %-20s %7lu calls, %7lu errors\n", call_names[i], made[i], failed_calls[i]);
	printf("# %lu calls in %llu ms of guest time\n", calls, (unsigned long long)(ns / 1000000));
	printf("ok 1 - %lu fuzzed calls from seed %s returned, the task lives\n1..1\n", calls,
	       argc > 1 ? argv[1] : "1");
	return 0;
}
