/*
 * Runs the vDSO's data page readers on the host, as a task would: the
 * clock and rb_cpus_online.
 *
 * usage: vdso_clock VDSO_SO
 *
 * Maps the image like the kernel (the file's bytes, read+exec, with a data
 * page RB_VDSO_DATA_OFFSET below), plays the kernel's part on the data page,
 * finds the functions through the dynamic symbol table like the crt, and
 * calls them.  Prints TAP (tests/lib/tap.h).  Exits non-zero if a check
 * failed or the image is unusable.
 */
#include <elf.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include <rainbow/syscall.h>

#include "tap.h"
#include "vdso_data.h"

#define PAGE 4096UL

static struct rb_vdso_data *data_page;
static const unsigned char *image;

static void die(const char *why)
{
	fprintf(stderr, "vdso_clock: %s\n", why);
	exit(1);
}

/* The data page, then the image right above it, as in a task. */
static void map_image(const char *path)
{
	FILE *in = fopen(path, "rb");
	unsigned char *area;
	long size;

	if (!in || fseek(in, 0, SEEK_END) || (size = ftell(in)) <= 0 ||
	    fseek(in, 0, SEEK_SET))
		die("cannot open the image");
	area = mmap(NULL, RB_VDSO_DATA_OFFSET + size, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED)
		die("mmap failed");
	data_page = (struct rb_vdso_data *)area;
	if (fread(area + RB_VDSO_DATA_OFFSET, 1, size, in) != (size_t)size)
		die("cannot read the image");
	fclose(in);
	image = area + RB_VDSO_DATA_OFFSET;
	if (mprotect((void *)image, (size + PAGE - 1) & ~(PAGE - 1),
		     PROT_READ | PROT_EXEC))
		die("mprotect failed");
}

static const Elf64_Dyn *dynamic_entry(Elf64_Sxword tag)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)image;
	const Elf64_Phdr *ph = (const Elf64_Phdr *)(image + eh->e_phoff);

	for (int i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type != PT_DYNAMIC)
			continue;
		for (const Elf64_Dyn *d = (const void *)(image + ph[i].p_vaddr);
		     d->d_tag != DT_NULL; d++)
			if (d->d_tag == tag)
				return d;
	}
	die("dynamic entry missing");
	return NULL;
}

/* A lookup by name, the way the crt resolves the vDSO. */
static void *vdso_function(const char *name)
{
	const uint32_t *hash = (const void *)(image +
					      dynamic_entry(DT_HASH)->d_un.d_ptr);
	const Elf64_Sym *syms = (const void *)(image +
					       dynamic_entry(DT_SYMTAB)->d_un.d_ptr);
	const char *strs = (const char *)image +
			   dynamic_entry(DT_STRTAB)->d_un.d_ptr;

	for (uint32_t i = 1; i < hash[1]; i++)
		if (!strcmp(strs + syms[i].st_name, name) &&
		    ELF64_ST_TYPE(syms[i].st_info) == STT_FUNC)
			return (void *)(image + syms[i].st_value);
	die("function missing");
	return NULL;
}

/* The kernel's update protocol (vdso_data.h), minus the lock. */
static void publish(uint64_t tsc_base, uint64_t ns_base, uint64_t mult,
		    int64_t realtime_offset_ns)
{
	uint32_t seq = data_page->seq;

	__atomic_store_n(&data_page->seq, seq + 1, __ATOMIC_RELAXED);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	data_page->version = RB_VDSO_DATA_VERSION;
	data_page->tsc_base = tsc_base;
	data_page->ns_base = ns_base;
	data_page->tsc_to_ns_mult = mult;
	data_page->realtime_offset_ns = realtime_offset_ns;
	__atomic_store_n(&data_page->seq, seq + 2, __ATOMIC_RELEASE);
}

static typeof(rb_clock_monotonic_ns) *monotonic_ns;
static typeof(rb_clock_gettime) *gettime;

static void test_monotonic(void)
{
	uint64_t before, after, ns;

	before = __builtin_ia32_rdtsc();
	publish(before, 5000000000, 1ULL << 32, 0);
	ns = monotonic_ns();
	after = __builtin_ia32_rdtsc();
	check(ns >= 5000000000 && ns <= 5000000000 + (after - before),
	      "monotonic at 1 ns per tick is ns_base plus the ticks since");

	before = __builtin_ia32_rdtsc();
	publish(before - 4000000, 0, 1ULL << 30, 0);
	ns = monotonic_ns();
	after = __builtin_ia32_rdtsc();
	check(ns >= 1000000 && ns <= 1000000 + (after - before) / 4 + 1,
	      "monotonic scales ticks by mult / 2^32");

	publish(__builtin_ia32_rdtsc() + (1ULL << 40), 777, 1ULL << 32, 0);
	check(monotonic_ns() == 777,
	      "monotonic never goes below ns_base when the TSC lags tsc_base");
}

static int gettime_is(int clock, int64_t sec, long nsec)
{
	struct rb_timespec ts = { -1, -1 };

	return gettime(clock, &ts) == 0 && ts.tv_sec == sec &&
	       ts.tv_nsec == nsec;
}

/* mult 0 stops the clock at ns_base, which makes the results exact. */
static void test_gettime(void)
{
	struct rb_timespec ts = { 123, 456 };

	publish(0, 7250000000, 0, 0);
	check(gettime_is(RB_CLOCK_MONOTONIC, 7, 250000000),
	      "gettime MONOTONIC splits ns into seconds and nanoseconds");
	publish(0, 7250000000, 0, 1700000000800000000);
	check(gettime_is(RB_CLOCK_REALTIME, 1700000008, 50000000),
	      "gettime REALTIME adds realtime_offset_ns");
	publish(0, 7250000000, 0, -10000000000);
	check(gettime_is(RB_CLOCK_REALTIME, -3, 250000000),
	      "gettime before 1970 keeps tv_nsec in [0, 1e9)");
	check(gettime(2, &ts) == -EINVAL && gettime(-1, &ts) == -EINVAL &&
	      ts.tv_sec == 123 && ts.tv_nsec == 456,
	      "gettime of an unknown clock is -EINVAL and leaves ts alone");
}

static void *finish_update(void *unused)
{
	struct timespec pause = { 0, 20000000 };

	(void)unused;
	nanosleep(&pause, NULL);
	data_page->ns_base = 222;
	__atomic_store_n(&data_page->seq, data_page->seq + 1, __ATOMIC_RELEASE);
	return NULL;
}

/* A reader arriving mid-update must wait for the kernel to finish. */
static void test_seqlock(void)
{
	pthread_t writer;

	publish(0, 111, 0, 0);
	__atomic_store_n(&data_page->seq, data_page->seq + 1, __ATOMIC_RELEASE);
	if (pthread_create(&writer, NULL, finish_update, NULL))
		die("pthread_create failed");
	check(monotonic_ns() == 222,
	      "a reader waits while seq is odd and sees the finished update");
	pthread_join(writer, NULL);
}

static typeof(rb_cpus_online) *cpus_online;

/* The mask as the kernel wrote it, whatever the sequence count says. */
static void test_cpus_online(void)
{
	publish(0, 0, 0, 0);
	data_page->cpus_online = 0x1;
	check(cpus_online() == 0x1, "rb_cpus_online reads one CPU's mask");
	data_page->cpus_online = 0xb;
	check(cpus_online() == 0xb, "rb_cpus_online reads a mask with a gap");
	data_page->cpus_online = 0x80000001u;
	__atomic_store_n(&data_page->seq, data_page->seq + 1, __ATOMIC_RELEASE);
	check(cpus_online() == 0x80000001u,
	      "rb_cpus_online reads bit 31 and does not wait on an odd seq");
	__atomic_store_n(&data_page->seq, data_page->seq + 1, __ATOMIC_RELEASE);
}

static const struct tap_test tests[] = {
	{ test_monotonic, "rb_clock_monotonic_ns" },
	{ test_gettime, "rb_clock_gettime" },
	{ test_seqlock, "the data page's sequence count" },
	{ test_cpus_online, "rb_cpus_online" },
};

int main(int argc, char **argv)
{
	if (argc != 2)
		die("usage: vdso_clock VDSO_SO");
	map_image(argv[1]);
	monotonic_ns = vdso_function("rb_clock_monotonic_ns");
	gettime = vdso_function("rb_clock_gettime");
	cpus_online = vdso_function("rb_cpus_online");
	return TAP_RUN(tests);
}
