/*
 * Console input (console_input.h).  The serial interrupt fills the ring
 * and wakes the waiting readers; a reader sleeps in the kernel until a byte
 * is there, without polling.  Readers queue through run_link, oldest
 * first, and each woken reader checks again.
 */
#include "console_input.h"
#include "tcb.h"
#include "sched.h"
#include "log.h"
#include <errno.h>
#include <rainbow/types.h>

static unsigned char ring[RB_CONSOLE_INPUT_MAX];
static size_t head, count;		/* oldest byte; bytes held */
static bool after_cr;
static unsigned long dropped;
static struct list readers = { &readers, &readers };

void console_input_byte(unsigned char c)
{
	bool was_cr = after_cr;

	after_cr = c == '\r';
	if (c == '\n' && was_cr)
		return;
	if (c == '\r')
		c = '\n';
	if (count == sizeof(ring)) {
		if (dropped++ == 0)
			klog("console: input buffer full, input dropped");
		return;
	}
	ring[(head + count++) % sizeof(ring)] = c;
	while (!list_empty(&readers)) {
		struct thread *t = list_entry(readers.next, struct thread, run_link);
		list_remove(&t->run_link);
		sched_make_ready(t);
	}
}

static unsigned char take(void)
{
	unsigned char c = ring[head];
	head = (head + 1) % sizeof(ring);
	count--;
	return c;
}

long console_input_read(char *dst, size_t len, bool nonblock)
{
	if (len == 0)
		return 0;
	while (count == 0) {
		if (nonblock)
			return -EAGAIN;
		list_push_back(&readers, &current->run_link);
		sched_block(THREAD_INPUT);
	}
	if (ring[head] == RB_CONSOLE_EOF) {
		take();
		return 0;
	}
	size_t n = 0;
	while (n < len && count && ring[head] != RB_CONSOLE_EOF)
		dst[n++] = (char)take();
	return (long)n;
}

bool console_input_awaited(void)
{
	return !list_empty(&readers);
}
