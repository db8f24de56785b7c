/*
 * A thread hog: `hog N [BARRIER]` starts N threads and holds them while
 * the bystander creates threads; with BARRIER, a name, it holds them for
 * as long as a call to that port blocks (the call's label says how many
 * it holds), else for HOLD_NS.  Eight hogs once took every thread slot
 * of the machine (issue 10, item 7); now each pays for its threads from
 * its own memory.  Exits 0 if all N started and every one ends.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <rainbow/service.h>
#include <rainbow/syscall.h>

#include "objects.h"

int hog_main(int n, const char *barrier)
{
	long error = threads_prepare(n);
	int started = error ? 0 : threads_start(&error);

	if (barrier) {
		long handle = rb_ns_lookup_wait(barrier, RB_SECONDS(60));
		long tag = handle > 0 ? ipc_call(handle, RB_TAG(started, 0), 0) : handle;
		if (tag < 0)
			printf("hog: the barrier %s: %ld\n", barrier, tag);
	} else {
		rb_sleep_ns(HOLD_NS);
	}
	int joined = threads_release();
	if (started != n || error || joined != started) {
		printf("hog: %d of %d threads, refused with %ld, %d joined\n", started, n, error, joined);
		return 1;
	}
	return 0;
}
