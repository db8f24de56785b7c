/*
 * kvserver: a key-value store behind a port.  `kvserver N` serves until N
 * client tasks (apps/kvclient) have said goodbye, then reports how many
 * requests it answered and how many keys are left, and exits 0.
 *
 * One thread serves everyone: concurrent callers queue on the port, and
 * each reply goes to the caller named by its rcvid.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rainbow/ipc.h>

#include "kv_protocol.h"

#define STORE_SLOTS 512

struct entry {
	struct kv_key key;
	unsigned words;		/* 0: the slot is free */
	uint64_t value[KV_VALUE_WORDS];
};

static struct entry store[STORE_SLOTS];
static long requests;

static struct entry *find(const struct kv_key *key)
{
	for (int i = 0; i < STORE_SLOTS; i++)
		if (store[i].words && !memcmp(&store[i].key, key, sizeof *key))
			return &store[i];
	return NULL;
}

static struct entry *free_slot(void)
{
	for (int i = 0; i < STORE_SLOTS; i++)
		if (!store[i].words)
			return &store[i];
	return NULL;
}

static int keys_left(void)
{
	int n = 0;

	for (int i = 0; i < STORE_SLOTS; i++)
		n += store[i].words != 0;
	return n;
}

static uint64_t put(struct rb_utcb *utcb, const struct kv_key *key, unsigned words)
{
	unsigned value_words = words - KV_KEY_WORDS;

	if (words <= KV_KEY_WORDS || value_words > KV_VALUE_WORDS)
		return RB_TAG(EINVAL, 0);
	struct entry *entry = find(key);
	if (!entry && !(entry = free_slot()))
		return RB_TAG(ENOSPC, 0);
	entry->key = *key;
	entry->words = value_words;
	memcpy(entry->value, &utcb->mr[KV_KEY_WORDS], value_words * sizeof(uint64_t));
	return RB_TAG(0, 0);
}

static uint64_t get(struct rb_utcb *utcb, const struct kv_key *key)
{
	struct entry *entry = find(key);

	if (!entry)
		return RB_TAG(ENOENT, 0);
	memcpy(utcb->mr, entry->value, entry->words * sizeof(uint64_t));
	return RB_TAG(0, entry->words);
}

static uint64_t delete(const struct kv_key *key)
{
	struct entry *entry = find(key);

	if (!entry)
		return RB_TAG(ENOENT, 0);
	entry->words = 0;
	return RB_TAG(0, 0);
}

/* Answers one request in place: the reply's words replace the request's. */
static uint64_t answer(struct rb_utcb *utcb, long tag, int *goodbyes)
{
	unsigned words = RB_TAG_WORDS(tag);
	struct kv_key key;

	requests++;
	if (RB_TAG_LABEL(tag) == KV_BYE) {
		++*goodbyes;
		return RB_TAG(0, 0);
	}
	if (words < KV_KEY_WORDS)
		return RB_TAG(EINVAL, 0);
	memcpy(&key, utcb->mr, sizeof key);
	switch (RB_TAG_LABEL(tag)) {
	case KV_PUT:
		return put(utcb, &key, words);
	case KV_GET:
		return words == KV_KEY_WORDS ? get(utcb, &key) : RB_TAG(EINVAL, 0);
	case KV_DELETE:
		return words == KV_KEY_WORDS ? delete(&key) : RB_TAG(EINVAL, 0);
	default:
		return RB_TAG(EINVAL, 0);
	}
}

static int serve(long port, int clients)
{
	struct rb_utcb *utcb = rb_utcb();
	int goodbyes = 0;
	long tag = ipc_wait(port, 0);

	for (;;) {
		if (tag == -ESRCH)	/* that caller left before its reply */
			tag = ipc_wait(port, 0);
		if (tag < 0)
			break;
		uint64_t reply = answer(utcb, tag, &goodbyes);
		if (goodbyes == clients)
			return ipc_reply(utcb->rcvid, reply) == 0 ? 0 : 1;
		tag = ipc_reply_and_wait(utcb->rcvid, reply, port);
	}
	fprintf(stderr, "kvserver: receive failed: %s\n", strerror((int)-tag));
	return 1;
}

/* Registers a send handle (badge 0) for clients to find. */
static long publish(long port)
{
	long public_handle = rb_port_mint(port, 0);

	return public_handle < 0 ? public_handle : rb_ns_register(KV_SERVICE, public_handle);
}

int main(int argc, char **argv)
{
	int clients = argc > 1 ? atoi(argv[1]) : 1;
	long port = rb_port_create();
	long error = port < 0 ? port : publish(port);

	if (error < 0) {
		fprintf(stderr, "kvserver: cannot publish \"%s\": %s\n", KV_SERVICE,
			strerror((int)-error));
		return 1;
	}
	printf("[kvserver] serving %d clients as \"%s\"\n", clients, KV_SERVICE);
	int status = serve(port, clients);
	printf("[kvserver] %ld requests answered, %d keys left\n", requests, keys_left());
	rb_port_destroy(port);
	return status;
}
