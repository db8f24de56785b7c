/*
 * logger: the log service.  `logger N` serves N clients (apps/logclient)
 * and ends, with status 0, once all N have said goodbye.
 *
 * A client connects with its name and gets a handle minted with a badge of
 * its own; the logger keeps the name under that badge and prefixes each
 * line that arrives through the handle with it.  It never trusts a name a
 * line could carry: the kernel vouches for the badge.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rainbow/ipc.h>

#include "log_protocol.h"

#define CLIENTS_MAX 32
#define NAME_MAX_LEN 31

struct client {
	char name[NAME_MAX_LEN + 1];
	int lines;
	int connected;
};

/* Indexed by badge; badge 0 is the public handle, so clients[0] is unused. */
static struct client clients[CLIENTS_MAX + 1];
static int connections, goodbyes;
static long port;

/* What to answer: the reply's tag, and a handle to close once it is sent. */
struct answer {
	uint64_t tag;
	long handle_sent;
};

/* A reply of no words: label 0 for success, else a positive errno. */
static struct answer status_answer(int error)
{
	return (struct answer){ RB_TAG(error, 0), 0 };
}

static struct answer connect_client(struct rb_utcb *utcb, unsigned words)
{
	char text[LOG_TEXT_MAX + 1];

	log_unpack(utcb, words, text);
	size_t len = strlen(text);
	if (len > NAME_MAX_LEN)
		return status_answer(ENAMETOOLONG);
	if (connections == CLIENTS_MAX)
		return status_answer(ENOSPC);
	uint64_t badge = (uint64_t)connections + 1;
	long handle = rb_port_mint(port, badge);
	if (handle < 0)
		return status_answer((int)-handle);
	memcpy(clients[badge].name, text, len + 1);
	clients[badge].connected = 1;
	connections++;
	printf("[logger] <%s> connected, badge %llu\n", clients[badge].name,
	       (unsigned long long)badge);
	utcb->mr[0] = (uint64_t)handle;
	return (struct answer){ RB_TAG(0, 1) | RB_TAG_HANDLE, handle };
}

static struct answer log_line(struct client *client, struct rb_utcb *utcb, unsigned words)
{
	char text[LOG_TEXT_MAX + 1];

	log_unpack(utcb, words, text);
	client->lines++;
	printf("[logger] <%s> %s\n", client->name, text);
	return status_answer(0);
}

static struct answer say_goodbye(struct client *client)
{
	client->connected = 0;
	goodbyes++;
	printf("[logger] <%s> said goodbye after %d lines\n", client->name, client->lines);
	return status_answer(0);
}

static struct answer handle_message(struct rb_utcb *utcb, long tag)
{
	uint64_t op = RB_TAG_LABEL(tag);
	unsigned words = RB_TAG_WORDS(tag);

	if (utcb->badge == LOG_PUBLIC_BADGE)
		return op == LOG_CONNECT ? connect_client(utcb, words) : status_answer(EPERM);
	if (utcb->badge > CLIENTS_MAX || !clients[utcb->badge].connected)
		return status_answer(EPERM);
	struct client *client = &clients[utcb->badge];
	if (op == LOG_LINE)
		return log_line(client, utcb, words);
	if (op == LOG_BYE)
		return say_goodbye(client);
	return status_answer(EINVAL);
}

/* Registers a send handle with the public badge for clients to find. */
static long publish(void)
{
	long public_handle = rb_port_mint(port, LOG_PUBLIC_BADGE);

	if (public_handle < 0)
		return public_handle;
	return rb_ns_register(LOG_SERVICE, public_handle);
}

/*
 * Each reply goes out with the wait for the next message, in one kernel
 * entry; a client that vanished before its reply only costs a fresh wait.
 */
static int serve(int expected)
{
	struct rb_utcb *utcb = rb_utcb();
	long tag = ipc_wait(port, 0);

	for (;;) {
		if (tag == -ESRCH)	/* that client left before its reply */
			tag = ipc_wait(port, 0);
		if (tag < 0)
			break;
		struct answer answer = handle_message(utcb, tag);
		if (goodbyes == expected)
			return ipc_reply(utcb->rcvid, answer.tag) == 0 ? 0 : 1;
		tag = ipc_reply_and_wait(utcb->rcvid, answer.tag, port);
		if (answer.handle_sent > 0)
			rb_handle_close(answer.handle_sent);
	}
	fprintf(stderr, "logger: receive failed: %s\n", strerror((int)-tag));
	return 1;
}

int main(int argc, char **argv)
{
	int expected = argc > 1 ? atoi(argv[1]) : 1;

	port = rb_port_create();
	long error = port < 0 ? port : publish();
	if (error < 0) {
		fprintf(stderr, "logger: cannot publish \"%s\": %s\n", LOG_SERVICE,
			strerror((int)-error));
		return 1;
	}
	printf("[logger] serving %d clients as \"%s\"\n", expected, LOG_SERVICE);
	int status = serve(expected);
	if (status == 0)
		printf("[logger] all %d clients said goodbye\n", expected);
	rb_port_destroy(port);
	return status;
}
