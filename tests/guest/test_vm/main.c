/*
 * test_vm: user memory on first touch and what builds on it (vm.sh).
 * Its bundle line sets RAINBOW_MEM_LIMIT=96M.
 *   - rb_mem_map reserves: 64 MiB maps at once, reads zero, takes writes,
 *     and unmaps; the kernel's own copies reach pages never touched;
 *   - rb_mem_protect / mprotect: POSIX errors, W^X, a page written then
 *     made executable runs, the kernel refuses to copy into a read-only or
 *     inaccessible page;
 *   - the main stack: a 1 MiB local array, 512 KiB of recursion;
 *   - a thread with an 8 MiB stack (pthread_attr_setstacksize);
 *   - the limit from the bundle line: -EAGAIN past 96 MiB, nothing lost.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <elf.h>
#include <sys/auxv.h>
#include <sys/mman.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "tap.h"

#define MiB (1ul << 20)
#define PAGE RB_PAGE_SIZE
#define RW (RB_PROT_READ | RB_PROT_WRITE)

/*
 * The least guest time (ns) of five runs of op, each followed by after
 * (untimed, may be NULL): under -icount (vm.sh) one instruction is one
 * nanosecond, and the least of five leaves out a run a time slice of the
 * bystander fell into.
 */
static uint64_t least_ns(int (*op)(void), int (*after)(void))
{
	uint64_t least = UINT64_MAX;

	for (int i = 0; i < 5; i++) {
		uint64_t t0 = rb_clock_monotonic_ns();
		if (!op())
			return UINT64_MAX;
		uint64_t t = rb_clock_monotonic_ns() - t0;
		if (after && !after())
			return UINT64_MAX;
		if (t < least)
			least = t;
	}
	printf("# least of five: %llu ns\n", (unsigned long long)least);
	return least;
}

static int map_unmap_64m(void)
{
	long p = rb_mem_map(NULL, 64 * MiB, RW);

	return p > 0 && rb_mem_unmap((void *)p, 64 * MiB) == 0;
}

static void demand_zero(void)
{
	/* Zeroing 64 MiB is over 8 million instructions; reserving it is not. */
	check(least_ns(map_unmap_64m, NULL) < 2000000,
	      "a 64 MiB map and unmap zero nothing: under 2 ms of guest time (2 million instructions)");

	long p = rb_mem_map(NULL, 64 * MiB, RW);
	unsigned long nonzero = 0;

	check(p > 0, "a 64 MiB rb_mem_map succeeds at once");
	if (p <= 0)
		return;
	volatile unsigned char *m = (volatile unsigned char *)p;
	for (unsigned long off = 0; off < 64 * MiB; off += 64 * PAGE + 8)
		nonzero += m[off];
	check(nonzero == 0, "its pages read zero when first touched");
	for (unsigned long off = 0; off < 64 * MiB; off += 1 * MiB)
		m[off] = (unsigned char)(off >> 20);
	int same = 1;
	for (unsigned long off = 0; off < 64 * MiB; off += 1 * MiB)
		same &= m[off] == (unsigned char)(off >> 20);
	check(same, "what is written to touched pages stays");
	check(rb_mem_unmap((void *)p, 64 * MiB) == 0, "the 64 MiB unmap, mostly untouched, succeeds");
	p = rb_mem_map(NULL, 64 * MiB, RW);
	check(p > 0 && rb_mem_unmap((void *)p, 64 * MiB) == 0, "and the charge came back: 64 MiB again");
}

static void uaccess_untouched(void)
{
	long p = rb_mem_map(NULL, 4 * PAGE, RW);

	check(p > 0, "four pages mapped, none touched");
	if (p <= 0)
		return;
	check(rb_random((char *)p + PAGE - 8, 32) == 32,
	      "the kernel writes into untouched pages (rb_random across a page boundary)");
	check(rb_futex_wait((volatile uint32_t *)(p + 2 * PAGE), 1, 0, 0) == -EAGAIN,
	      "the kernel reads an untouched page: zero, not the expected 1 (rb_futex_wait -EAGAIN)");
	check(rb_ns_lookup((const char *)(p + 3 * PAGE)) != -EFAULT,
	      "an untouched page is a readable string (rb_ns_lookup of \"\" is no -EFAULT)");
	rb_mem_unmap((void *)p, 4 * PAGE);
}

static void protect_errors(void)
{
	long p = rb_mem_map(NULL, 2 * PAGE, RW);

	check(p > 0, "two pages mapped for rb_mem_protect");
	if (p <= 0)
		return;
	check(rb_mem_protect((char *)p + 1, PAGE, RB_PROT_READ) == -EINVAL, "an unaligned address: -EINVAL");
	check(rb_mem_protect((void *)p, PAGE, 8) == -EINVAL, "an unknown prot bit: -EINVAL");
	check(rb_mem_protect((void *)p, PAGE, RW | RB_PROT_EXEC) == -ENOTSUP,
	      "write with exec: -ENOTSUP (W^X)");
	check(rb_mem_protect((void *)p, 0, RB_PROT_READ) == 0, "len 0: 0, nothing changes");
	check(rb_mem_protect((void *)p, 3 * PAGE, RB_PROT_READ) == -ENOMEM,
	      "a range running past the mapping: -ENOMEM");
	check(rb_random((void *)(p + PAGE), 8) == 8, "and nothing changed: the pages are still writable");
	check(rb_mem_protect((void *)0x200000000000ul, PAGE, RB_PROT_READ) == -ENOMEM,
	      "an unmapped page: -ENOMEM");
	check(rb_mem_protect((void *)0xffff800000000000ul, PAGE, RB_PROT_READ) == -ENOMEM,
	      "a kernel address: -ENOMEM");
	check(rb_mem_protect((void *)0x0000800000000000ul, PAGE, RB_PROT_READ) == -ENOMEM,
	      "a non-canonical address: -ENOMEM");
	check(rb_mem_protect((void *)p, UINT64_MAX - 4095, RB_PROT_READ) == -ENOMEM,
	      "a huge length: -ENOMEM, at once");
	uint64_t vdso = (uint64_t)getauxval(AT_SYSINFO_EHDR);
	check(rb_mem_protect((void *)vdso, PAGE, RB_PROT_READ) == -ENOMEM, "the vDSO: -ENOMEM");
	errno = 0;
	check(mprotect((void *)p, PAGE, PROT_WRITE | PROT_EXEC) == -1 && errno == ENOTSUP,
	      "mprotect(PROT_WRITE | PROT_EXEC): -1, errno ENOTSUP");
	errno = 0;
	check(mprotect((char *)p + 8, PAGE, PROT_READ) == -1 && errno == EINVAL,
	      "mprotect of an unaligned address: -1, errno EINVAL");

	check(mprotect((void *)p, PAGE, PROT_READ) == 0, "mprotect(PROT_READ) of a page: 0");
	check(rb_random((void *)p, 8) == -EFAULT, "the kernel will not write a read-only page: -EFAULT");
	check(*(volatile char *)p == 0, "the read-only page reads");
	check(mprotect((void *)(p + PAGE), PAGE, PROT_NONE) == 0, "mprotect(PROT_NONE): 0");
	check(rb_futex_wait((volatile uint32_t *)(p + PAGE), 1, 0, 0) == -EFAULT,
	      "the kernel will not read an inaccessible page: -EFAULT");
	check(mprotect((void *)p, 2 * PAGE, PROT_READ | PROT_WRITE) == 0, "back to read-write: 0");
	((volatile char *)p)[PAGE] = 1;
	check(((volatile char *)p)[PAGE] == 1, "and the page takes writes again");
	rb_mem_unmap((void *)p, 2 * PAGE);
}

/* A page written as data, then made executable: W^X one way at a time. */
static void write_then_execute(void)
{
	static const unsigned char code[] = { 0xb8, 42, 0, 0, 0, 0xc3 };	/* mov $42, %eax; ret */
	long p = rb_mem_map(NULL, PAGE, RW);

	check(p > 0, "a page for code");
	if (p <= 0)
		return;
	memcpy((void *)p, code, sizeof code);
	check(mprotect((void *)p, PAGE, PROT_READ | PROT_EXEC) == 0, "mprotect(PROT_READ | PROT_EXEC): 0");
	int (*f)(void) = (int (*)(void))p;
	check(f() == 42, "the code written there runs");
	check(mprotect((void *)p, PAGE, PROT_READ | PROT_WRITE) == 0, "and back to data: 0");
	rb_mem_unmap((void *)p, PAGE);
}

static unsigned long recurse(unsigned depth)
{
	volatile char frame[480];

	frame[0] = (char)depth;
	if (depth == 0)
		return 0;
	return recurse(depth - 1) + (unsigned char)frame[0];
}

static void main_stack(void)
{
	volatile char big[1 << 20];

	for (unsigned long i = 0; i < sizeof big; i += PAGE)
		big[i] = (char)i;
	check(big[0] == 0 && big[sizeof big - PAGE] == (char)(sizeof big - PAGE),
	      "a 1 MiB local array on the main stack");
	/* 1,024 frames of at least 512 bytes: 512 KiB or more of stack. */
	unsigned long sum = recurse(1024), want = 0;
	for (unsigned d = 1; d <= 1024; d++)
		want += (unsigned char)(char)d;
	check(sum == want, "1,024 nested calls of 512 bytes each (512 KiB of stack)");
}

static void *thread_body(void *arg)
{
	volatile char big[7 << 20];

	for (unsigned long i = 0; i < sizeof big; i += PAGE)
		big[i] = 1;
	*(int *)arg = big[0] + big[sizeof big - PAGE];
	return NULL;
}

static void *return_at_once(void *arg)
{
	return arg;
}

static pthread_t timed_thread;

/* Only the start is timed: the join blocks, and other tasks run meanwhile. */
static int thread_8m(void)
{
	pthread_attr_t attr;
	int ok = pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, 8 << 20) == 0 &&
		 pthread_create(&timed_thread, &attr, return_at_once, NULL) == 0;

	pthread_attr_destroy(&attr);
	return ok;
}

static int join_timed(void)
{
	return pthread_join(timed_thread, NULL) == 0;
}

static void thread_stack(void)
{
	/* Zeroing 8 MiB is over a million instructions; first touch is a few pages. */
	check(least_ns(thread_8m, join_timed) < 500000,
	      "a thread with an 8 MiB stack starts in under 0.5 ms: its stack is not zeroed up front");

	pthread_attr_t attr;
	pthread_t th;
	int got = 0;

	pthread_attr_init(&attr);
	check(pthread_attr_setstacksize(&attr, 8 << 20) == 0, "pthread_attr_setstacksize(8 MiB): 0");
	check(pthread_create(&th, &attr, thread_body, &got) == 0, "a thread with an 8 MiB stack starts");
	check(pthread_join(th, NULL) == 0 && got == 2, "and uses 7 MiB of it");
	pthread_attr_destroy(&attr);
}

#define WAITERS 32
static volatile uint32_t go, started;

static void *wait_for_go(void *arg)
{
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&go, __ATOMIC_SEQ_CST))
		rb_futex_wait(&go, 0, 0, 0);
	return arg;
}

/*
 * What a thread costs the task: 32 threads of the default stack size,
 * alive and waiting, measured with rb_mem_usage.  Their stacks are charged
 * whole but get frames only where touched.  The kernel's pages per
 * thread, its control block with kernel stack and its UTCB (8 KiB), are
 * charged to the task too.
 */
static void memory_per_thread(void)
{
	struct rb_mem_usage before, after;
	pthread_t th[WAITERS];
	unsigned n = 0;

	check(rb_mem_usage(&before) == 0, "rb_mem_usage: 0");
	check(rb_mem_usage((struct rb_mem_usage *)0x200000000000ul) == -EFAULT,
	      "rb_mem_usage of an unmapped address: -EFAULT");
	check(before.limit == 96 * MiB && before.charged <= before.limit && before.resident <= before.charged,
	      "the limit is the bundle line's, resident <= charged <= limit");
	while (n < WAITERS && pthread_create(&th[n], NULL, wait_for_go, NULL) == 0)
		n++;
	while (__atomic_load_n(&started, __ATOMIC_SEQ_CST) < n)
		rb_yield();
	check(n == WAITERS && rb_mem_usage(&after) == 0, "32 threads started and waiting");
	uint64_t resident = (after.resident - before.resident) / WAITERS;
	uint64_t charged = (after.charged - before.charged) / WAITERS;
	printf("# per thread: %llu bytes resident, %llu bytes charged\n", (unsigned long long)resident,
	       (unsigned long long)charged);
	check(resident <= 24576, "a waiting thread holds at most 24 KiB of the task's frames (8 KiB of them the kernel's)");
	check(charged >= 65536, "and is charged its whole 64 KiB stack and more");
	__atomic_store_n(&go, 1, __ATOMIC_SEQ_CST);
	rb_futex_wake(&go, RB_FUTEX_WAKE_ALL);
	for (unsigned i = 0; i < n; i++)
		pthread_join(th[i], NULL);
}

/* The bundle line's limit: maps of 4 MiB until refused. */
static void limit(void)
{
	long maps[32];
	unsigned n = 0;
	long r = 0;

	check(getenv("RAINBOW_MEM_LIMIT") == NULL,
	      "the limit's word is not in the environment: the kernel took it, children must not");
	while (n < 32 && (r = rb_mem_map(NULL, 4 * MiB, RW)) > 0)
		maps[n++] = r;
	check(r == -EAGAIN, "past the limit, rb_mem_map says -EAGAIN");
	check(n * 4 >= 76 && n * 4 < 96, "after 76 to 92 MiB (the image and stack take the rest)");
	for (unsigned i = 0; i < n; i++)
		((volatile char *)maps[i])[4 * MiB - 1] = 1;
	check(1, "every page granted can be touched: the charge was taken at map time");
	errno = 0;
	check(mmap(NULL, 4 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED &&
	      errno == ENOMEM, "mmap past the limit: MAP_FAILED, errno ENOMEM");
	for (unsigned i = 0; i < n; i++)
		rb_mem_unmap((void *)maps[i], 4 * MiB);
	r = rb_mem_map(NULL, 16 * MiB, RW);
	check(r > 0 && rb_mem_unmap((void *)r, 16 * MiB) == 0, "unmapped, the memory can be mapped again");
}

static const struct tap_test tests[] = {
	{ demand_zero, "rb_mem_map reserves; pages on first touch" },
	{ uaccess_untouched, "the kernel's copies reach untouched pages" },
	{ protect_errors, "rb_mem_protect and mprotect: errors and rights" },
	{ write_then_execute, "W^X: write, then execute" },
	{ main_stack, "the main stack: 8 MiB on first touch" },
	{ thread_stack, "a thread's 8 MiB stack" },
	{ memory_per_thread, "memory per thread" },
	{ limit, "RAINBOW_MEM_LIMIT=96M" },
};

int main(void)
{
	return TAP_RUN(tests);
}
