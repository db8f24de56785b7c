/*
 * logclient: `logclient NAME COUNT` connects to the logger as NAME, sends
 * COUNT lines ("hello #1" ...) and says goodbye.  Exits 0 only if the
 * logger took every message.  It pauses between lines, so that the lines
 * of clients running at once come out interleaved.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rainbow/ipc.h>

#include "../logger/log_protocol.h"

#define LINE_PAUSE_NS 10000000

static const char *name;

static int failed(const char *what, long error)
{
	fprintf(stderr, "logclient %s: %s: %s\n", name, what, strerror((int)-error));
	return 1;
}

/* Sends op with text (may be NULL) through handle; the reply's tag or -errno. */
static long send_text(long handle, enum log_op op, const char *text)
{
	unsigned words = text ? log_pack(rb_utcb(), text) : 0;
	long tag = ipc_call(handle, RB_TAG(op, words), 0);

	if (tag >= 0 && RB_TAG_LABEL(tag) != 0)
		return -(long)RB_TAG_LABEL(tag);
	return tag;
}

/* Trades the public handle for one with a badge of our own. */
static long connect_as(long public_handle)
{
	long tag = send_text(public_handle, LOG_CONNECT, name);

	if (tag < 0)
		return tag;
	if (!(tag & RB_TAG_HANDLE) || RB_TAG_WORDS(tag) != 1)
		return -EPROTO;
	return (long)rb_utcb()->mr[0];
}

int main(int argc, char **argv)
{
	char line[32];
	long error;

	name = argc > 1 ? argv[1] : argv[0];
	int count = argc > 2 ? atoi(argv[2]) : 3;
	long public_handle = log_lookup();
	if (public_handle < 0)
		return failed("looking up the logger", public_handle);
	long mine = connect_as(public_handle);
	if (mine < 0)
		return failed("connecting", mine);
	rb_handle_close(public_handle);
	for (int i = 1; i <= count; i++) {
		rb_sleep_ns(LINE_PAUSE_NS);
		snprintf(line, sizeof line, "hello #%d", i);
		if ((error = send_text(mine, LOG_LINE, line)) < 0)
			return failed("sending a line", error);
	}
	if ((error = send_text(mine, LOG_BYE, NULL)) < 0)
		return failed("saying goodbye", error);
	return 0;
}
