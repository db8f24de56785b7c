/*
 * A thread hog: fills its task's thread limit and holds it while the
 * bystander creates threads.  Eight hogs once took every thread slot of
 * the machine (issue 10, item 7).  Exits 0 if the limit was exactly
 * LIMIT_THREADS (its main thread included), refused with EAGAIN, and every
 * thread it started ends.
 */
#include <errno.h>
#include <stdio.h>

#include <rainbow/syscall.h>

#include "objects.h"

int hog_main(void)
{
	long error;
	int started = threads_fill(&error);

	rb_sleep_ns(HOLD_NS);
	int joined = threads_release();
	if (started != LIMIT_THREADS - 1 || error != -EAGAIN || joined != started) {
		printf("hog: %d threads, refused with %ld, %d joined\n", started, error, joined);
		return 1;
	}
	return 0;
}
