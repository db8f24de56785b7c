/*
 * A thread reads a page in a loop while the main thread unmaps it (issue
 * 14: unmapping while another CPU reads the memory).  On several CPUs the
 * reader runs on another CPU than the unmap.  Once munmap has returned,
 * the reader's next read must fault, which kills the task with a report;
 * a read that still succeeds then is stale data through a TLB entry the
 * unmap left, and the program says so and exits 1.  The reader runs on
 * CPU 1, the unmap on CPU 0.  tests/boot/smp.sh.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <rainbow/syscall.h>

#define READS_BEFORE 100000	/* the reader runs by then */

static volatile unsigned long *page;
static atomic_int unmapped;
static atomic_long reads;

static void *reader(void *arg)
{
	(void)arg;
	long error = rb_thread_set_affinity(0, 1u << 1);
	if (error) {
		printf("unmap_reader: rb_thread_set_affinity: %ld\n", error);
		exit(1);
	}
	printf("unmap_reader: reading on CPU %ld\n", rb_cpu_current());
	for (;;) {
		int after = atomic_load(&unmapped);
		unsigned long v = *page;
		if (after) {
			printf("unmap_reader: read %lu after munmap returned: stale\n", v);
			exit(1);
		}
		atomic_fetch_add(&reads, 1);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	long error = rb_thread_set_affinity(0, 1u << 0);

	if (error) {
		printf("unmap_reader: rb_thread_set_affinity: %ld\n", error);
		return 1;
	}

	page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (page == MAP_FAILED) {
		printf("unmap_reader: mmap failed\n");
		return 1;
	}
	*page = 42;
	if (pthread_create(&t, NULL, reader, NULL)) {
		printf("unmap_reader: pthread_create failed\n");
		return 1;
	}
	while (atomic_load(&reads) < READS_BEFORE)
		;
	printf("unmap_reader: the reader is reading; unmapping %p on CPU %ld\n", (void *)page,
	       rb_cpu_current());
	if (munmap((void *)page, 4096)) {
		printf("unmap_reader: munmap failed\n");
		return 1;
	}
	atomic_store(&unmapped, 1);
	for (;;)	/* the reader's fault ends the task */
		;
}
