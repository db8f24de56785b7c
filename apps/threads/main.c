/*
 * threads: workers with their own TLS, errno, stack and heap blocks, doing
 * the same sums at the same time; the main thread joins them and checks
 * each one's result, and that its own TLS was left alone.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <rainbow/syscall.h>
#include <rainbow/thread.h>

#define WORKERS 4
#define ROUNDS  1000
#define START   1000

static __thread long total = START;    /* .tdata: each thread starts at START */
static __thread int rounds_done;       /* .tbss: each thread starts at 0 */

static long expected_total(int index)
{
	return START + (long)(index + 1) * ROUNDS * (ROUNDS + 1) / 2;
}

static int worker(void *arg)
{
	int index = (int)(intptr_t)arg;
	char *block = malloc(1000 + (size_t)index);
	bool ok;

	errno = index + 1;
	for (int round = 1; round <= ROUNDS; round++) {
		total += (long)(index + 1) * round;
		rounds_done++;
		if (round % 100 == 0)
			rb_yield();    /* let the others run in between */
	}
	ok = block && total == expected_total(index) && rounds_done == ROUNDS &&
	     errno == index + 1;
	printf("thread %d (id %ld): TLS at %p, total %ld, errno %d: %s\n", index,
	       rb_thread_id(), (void *)&total, total, errno, ok ? "ok" : "WRONG");
	free(block);
	return ok ? (int)total : -1;
}

int main(void)
{
	struct rb_thread *threads[WORKERS];
	int failures = 0;

	errno = 0;
	for (int i = 0; i < WORKERS; i++) {
		threads[i] = rb_thread_start(worker, (void *)(intptr_t)i);
		if (!threads[i]) {
			perror("threads: rb_thread_start");
			return 1;
		}
	}
	for (int i = 0; i < WORKERS; i++) {
		int status;

		if (rb_thread_wait(threads[i], &status) != 0) {
			perror("threads: rb_thread_wait");
			return 1;
		}
		if (status != expected_total(i)) {
			printf("threads: thread %d returned %d, expected %ld\n", i, status,
			       expected_total(i));
			failures++;
		}
	}
	if (total != START || rounds_done != 0 || errno != 0) {
		printf("threads: main thread's TLS changed: total %ld, rounds %d, errno %d\n",
		       total, rounds_done, errno);
		failures++;
	}
	printf("threads: %d workers joined, main TLS at %p: %s\n", WORKERS,
	       (void *)&total, failures ? "FAILED" : "all sums right");
	return failures ? 1 : 0;
}
