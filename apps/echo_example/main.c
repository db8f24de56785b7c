/*
 * echo_example: the smallest complete IPC server and client; docs/ipc.md
 * quotes this file whole.
 *   echo_example server N     answers N calls with their text in capitals
 *   echo_example client TEXT  sends TEXT and prints the answer
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

static int serve(int calls)
{
	struct rb_utcb *utcb = rb_utcb();
	long port = rb_port_create();			/* owner handle: wait, mint */
	long send = rb_port_mint(port, 42);		/* callers through it show badge 42 */

	if (port < 0 || send < 0 || rb_ns_register("echo", send) < 0)
		return 1;
	long tag = ipc_wait(port, 0);
	for (int answered = 1; tag >= 0; answered++) {
		char *text = (char *)utcb->mr;		/* the message, as bytes */
		for (unsigned i = 0; i < RB_TAG_WORDS(tag) * sizeof(uint64_t); i++)
			text[i] = (char)toupper((unsigned char)text[i]);
		printf("echo: %u words from badge %llu\n", RB_TAG_WORDS(tag),
		       (unsigned long long)utcb->badge);
		uint64_t reply = RB_TAG(RB_TAG_LABEL(tag), RB_TAG_WORDS(tag));	/* no handle back */
		if (answered == calls)
			return ipc_reply(utcb->rcvid, reply) != 0;
		tag = ipc_reply_and_wait(utcb->rcvid, reply, port);	/* answer, wait again */
		if (tag == -ESRCH)			/* that caller is gone: wait for the next */
			tag = ipc_wait(port, 0);
	}
	return 1;
}

static int call(const char *text)
{
	struct rb_utcb *utcb = rb_utcb();
	size_t len = strnlen(text, sizeof utcb->mr - 1);
	long echo;

	while ((echo = rb_ns_lookup("echo")) == -ENOENT)
		rb_sleep_ns(1000000);			/* the server is not up yet */
	if (echo < 0)
		return 1;
	memset(utcb->mr, 0, sizeof utcb->mr);
	memcpy(utcb->mr, text, len);
	long tag = ipc_call(echo, RB_TAG(1, len / sizeof(uint64_t) + 1), 0);	/* with the NUL */
	if (tag < 0)
		return 1;
	printf("echo_example: sent \"%s\", got \"%s\"\n", text, (char *)utcb->mr);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "server"))
		return serve(atoi(argv[2]));
	if (argc == 3 && !strcmp(argv[1], "client"))
		return call(argv[2]);
	fprintf(stderr, "usage: echo_example server N | client TEXT\n");
	return 2;
}
