/*
 * Console input (console_input.h).  The serial interrupt fills the ring
 * and wakes the waiting readers; a reader sleeps in the kernel until a byte
 * is there, without polling.  Readers queue through run_link, oldest
 * first, and each woken reader checks again.  With console=tty the bytes
 * pass the line discipline first (line_byte): the line being typed is
 * kept and echoed here, and reaches the ring whole.
 */
#include "console_input.h"
#include "cmdline.h"
#include "tcb.h"
#include "sched.h"
#include "log.h"
#include <errno.h>
#include <rainbow/types.h>

#define CONTROL_U 0x15			/* ^U: erase the line */
#define DEL 0x7f			/* what a terminal's backspace key sends */

static unsigned char ring[RB_CONSOLE_INPUT_MAX];
static size_t head, count;		/* oldest byte; bytes held */
static bool after_cr;
static unsigned long dropped;
static struct list readers = { &readers, &readers };

static bool tty;			/* console=tty: the line discipline is on */
static unsigned char line[CONSOLE_LINE_MAX];
static size_t line_len;			/* bytes typed on the line, not yet in the ring */


static unsigned char take(void)
{
	unsigned char c = ring[head];
	head = (head + 1) % sizeof(ring);
	count--;
	return c;
}

/* Puts n bytes in the ring, all or (full) none, and wakes the readers. */
static void deliver(const unsigned char *bytes, size_t n)
{
	if (n > sizeof(ring) - count) {
		if (dropped++ == 0)
			klog("console: input buffer full, input dropped");
		return;
	}
	for (size_t i = 0; i < n; i++)
		ring[(head + count++) % sizeof(ring)] = bytes[i];
	while (!list_empty(&readers)) {
		struct thread *t = list_entry(readers.next, struct thread, run_link);
		list_remove(&t->run_link);
		sched_make_ready(t);
	}
}

/* Takes the last character off the line, a UTF-8 sequence whole, and off the screen. */
static void erase_char(void)
{
	if (!line_len)
		return;
	while (line_len > 1 && (line[line_len - 1] & 0xc0) == 0x80)
		line_len--;			/* continuation bytes */
	line_len--;
	console_write("\b \b", 3);
}

/*
 * The line discipline: bytes join the line, echoed unless a control byte
 * other than tab (a full line takes no more); backspace (DEL or ^H) and ^U erase; a newline
 * is echoed and delivers the line; ^D delivers the line without one, or,
 * on an empty line, the end of input.
 */
static void line_byte(unsigned char c)
{
	switch (c) {
	case DEL:
	case '\b':
		erase_char();
		return;
	case CONTROL_U:
		while (line_len)
			erase_char();
		return;
	case RB_CONSOLE_EOF:
		deliver(line_len ? line : &c, line_len ? line_len : 1);
		line_len = 0;
		return;
	case '\n':
		console_write("\n", 1);
		line[line_len++] = c;		/* room kept for it below */
		deliver(line, line_len);
		line_len = 0;
		return;
	}
	if (line_len == sizeof(line) - 1)	/* the last byte is the newline's */
		return;
	line[line_len++] = c;
	if (c >= ' ' || c == '\t')		/* other control bytes (ESC...) kept, not shown */
		console_write((const char *)&c, 1);
}

void console_input_init(const char *cmdline)
{
	tty = cmdline_is(cmdline, "console", "tty");
	if (!tty)
		return;
	klog("console: line discipline on (console=tty): echo, backspace, ^U");
	/* What came before the command line was read (serial_init takes what
	 * the port holds), not read by anyone yet, passes the discipline now. */
	for (size_t held = count; held; held--)
		line_byte(take());
}

void console_input_byte(unsigned char c)
{
	bool was_cr = after_cr;

	after_cr = c == '\r';
	if (c == '\n' && was_cr)
		return;
	if (c == '\r')
		c = '\n';
	if (tty)
		line_byte(c);
	else
		deliver(&c, 1);
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
