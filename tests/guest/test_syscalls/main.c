/*
 * Hostile system call arguments: every one must come back as an error
 * code, and the kernel must go on.  Prints TAP.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <rainbow/syscall.h>

#include "tap.h"

#define KERNEL_ADDR ((void *)0xffffffff80100000ul)
#define UNMAPPED    ((void *)0x0000200000000000ul)
#define NONCANON    ((void *)0x0000900000000000ul)

static void console_write_rejects_bad_buffers(void)
{
	check(rb_console_write(NULL, 10) == -EFAULT, "console_write: null buffer is EFAULT");
	check(rb_console_write(UNMAPPED, 10) == -EFAULT, "console_write: unmapped buffer is EFAULT");
	check(rb_console_write(KERNEL_ADDR, 10) == -EFAULT, "console_write: kernel buffer is EFAULT");
	check(rb_console_write(NONCANON, 10) == -EFAULT, "console_write: non-canonical buffer is EFAULT");
	check(rb_console_write("x", SIZE_MAX) == -EFAULT, "console_write: wrapping length is EFAULT");
	check(rb_console_write("", 0) == 0, "console_write: empty write is 0");
	/* A long write is cut to RB_CONSOLE_WRITE_MAX: the kernel never holds
	 * the CPU for the length a task asks (newlines only, for the log). */
	long big = rb_mem_map(NULL, 1 << 20, RB_PROT_READ | RB_PROT_WRITE);
	if (big > 0) {
		memset((void *)big, '\n', 1 << 20);
		check(rb_console_write((void *)big, 1 << 20) == RB_CONSOLE_WRITE_MAX,
		      "console_write: 1 MiB writes RB_CONSOLE_WRITE_MAX bytes, the rest is the next call's");
		rb_mem_unmap((void *)big, 1 << 20);
	}
}

static void console_read_rejects_read_only_buffers(void)
{
	check(rb_console_read((void *)"constant", 4, RB_CONSOLE_NONBLOCK) == -EFAULT, "console_read: read-only buffer is EFAULT");
	check(rb_console_read((void *)rb_console_read, 4, RB_CONSOLE_NONBLOCK) == -EFAULT, "console_read: code buffer is EFAULT");
}

static void mem_map_rejects_bad_requests(void)
{
	check(rb_mem_map(NULL, 0, RB_PROT_READ) == -EINVAL, "mem_map: zero length is EINVAL");
	check(rb_mem_map(NULL, 4096, RB_PROT_WRITE | RB_PROT_EXEC) == -EINVAL, "mem_map: W+X is EINVAL");
	check(rb_mem_map(NULL, 4096, 0x100) == -EINVAL, "mem_map: unknown prot bits are EINVAL");
	check(rb_mem_map(NULL, SIZE_MAX, RB_PROT_READ) == -EINVAL, "mem_map: huge length is EINVAL");
	check(rb_mem_map(NULL, (size_t)1 << 40, RB_PROT_READ | RB_PROT_WRITE) == -EAGAIN,
	      "mem_map: beyond the task's memory limit is EAGAIN");
	long p = rb_mem_map(KERNEL_ADDR, 4096, RB_PROT_READ | RB_PROT_WRITE);
	check(p > 0 && (uintptr_t)p < 0x800000000000ul, "mem_map: a kernel hint is ignored");
	if (p > 0) {
		memset((void *)p, 0xaa, 4096);
		check(rb_mem_unmap((void *)p, 4096) == 0, "mem_unmap: unmaps what mem_map gave");
	}
	check(rb_mem_unmap((void *)0x400000, 4096) == -EINVAL, "mem_unmap: the program image is EINVAL");
	check(rb_mem_unmap(KERNEL_ADDR, 4096) == -EINVAL, "mem_unmap: a kernel address is EINVAL");
	check(rb_mem_unmap((void *)0x100000000001ul, 4096) == -EINVAL, "mem_unmap: unaligned is EINVAL");
}

static void thread_calls_reject_bad_arguments(void)
{
	int status;

	check(rb_thread_create(NULL, NULL, (void *)0x1000, NULL) == -EINVAL, "thread_create: null entry is EINVAL");
	check(rb_thread_create((void (*)(void *))KERNEL_ADDR, NULL, (void *)0x1000, NULL) == -EINVAL,
	      "thread_create: kernel entry is EINVAL");
	check(rb_thread_create((void (*)(void *))0x401000, NULL, KERNEL_ADDR, NULL) == -EINVAL,
	      "thread_create: kernel stack is EINVAL");
	check(rb_thread_join(999999, &status) == -ESRCH, "thread_join: unknown thread is ESRCH");
	check(rb_thread_join(rb_thread_id(), &status) == -EDEADLK, "thread_join: itself is EDEADLK");
	check(rb_set_tls(KERNEL_ADDR) == -EINVAL, "set_tls: kernel address is EINVAL");
}

static void sleep_and_ids_behave(void)
{
	uint64_t t0 = rb_clock_monotonic_ns();
	check(rb_sleep_ns(20000000) == 0, "sleep: 20 ms returns 0");
	check(rb_clock_monotonic_ns() - t0 >= 20000000, "sleep: at least 20 ms passed on the vDSO clock");
	check(rb_task_id() > 0 && rb_thread_id() > 0, "task and thread ids are positive");
	check(rb_yield() == 0, "yield returns 0");
}

static void random_rejects_bad_requests(void)
{
	char buf[RB_RANDOM_MAX + 1];

	check(rb_random(buf, RB_RANDOM_MAX) == RB_RANDOM_MAX, "random: 256 bytes is 256");
	check(rb_random(buf, 0) == 0, "random: 0 bytes is 0");
	check(rb_random(buf, RB_RANDOM_MAX + 1) == -EINVAL, "random: 257 bytes is EINVAL");
	check(rb_random(buf, SIZE_MAX) == -EINVAL, "random: a huge length is EINVAL");
	check(rb_random(NULL, 16) == -EFAULT, "random: null buffer is EFAULT");
	check(rb_random(KERNEL_ADDR, 16) == -EFAULT, "random: kernel buffer is EFAULT");
	check(rb_random(NONCANON, 16) == -EFAULT, "random: non-canonical buffer is EFAULT");
	check(rb_random((void *)"constant", 4) == -EFAULT, "random: read-only buffer is EFAULT");
}

static void cpu_time_rejects_bad_subjects(void)
{
	check(rb_cpu_time_ns(RB_CPU_TASK) >= 0 && rb_cpu_time_ns(RB_CPU_THREAD) >= 0,
	      "cpu_time: task and thread are >= 0");
	check(rb_cpu_time_ns(2) == -EINVAL && rb_cpu_time_ns(-1) == -EINVAL,
	      "cpu_time: another subject is EINVAL");
	check(rb_cpu_time_ns(RB_CPU_THREAD) <= rb_cpu_time_ns(RB_CPU_TASK),
	      "cpu_time: a thread's is at most its task's");
}

static const struct tap_test tests[] = {
	{ console_write_rejects_bad_buffers, "console_write" },
	{ console_read_rejects_read_only_buffers, "console_read" },
	{ mem_map_rejects_bad_requests, "mem_map and mem_unmap" },
	{ thread_calls_reject_bad_arguments, "thread calls and set_tls" },
	{ sleep_and_ids_behave, "sleep, ids and yield" },
	{ random_rejects_bad_requests, "random" },
	{ cpu_time_rejects_bad_subjects, "cpu_time" },
};

int main(void)
{
	return TAP_RUN(tests);
}
