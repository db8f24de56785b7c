/*
 * kvclient: `kvclient NAME THREADS KEYS` runs THREADS threads against the
 * kvserver at once, each putting, reading back, overwriting and deleting
 * KEYS keys of its own, and checks every answer.  Then the task says
 * goodbye.  Exits 0 only if every answer was right.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rainbow/ipc.h>
#include <rainbow/thread.h>

#include "../kvserver/kv_protocol.h"

#define THREADS_MAX 16

struct worker {
	int index;
	int keys;
	int checked;
	int wrong;
};

static const char *name;
static long server;

/* The reply's word count, or -errno (the server's or the kernel's). */
static long call(enum kv_op op, const struct kv_key *key, unsigned value_words)
{
	struct rb_utcb *utcb = rb_utcb();

	memcpy(utcb->mr, key->words, sizeof key->words);
	long tag = ipc_call(server, RB_TAG(op, KV_KEY_WORDS + value_words), 0);
	if (tag < 0)
		return tag;
	return RB_TAG_LABEL(tag) ? -(long)RB_TAG_LABEL(tag) : RB_TAG_WORDS(tag);
}

static long put(const struct kv_key *key, const uint64_t *value, unsigned words)
{
	memcpy(&rb_utcb()->mr[KV_KEY_WORDS], value, words * sizeof(uint64_t));
	return call(KV_PUT, key, words);
}

static struct kv_key key_of(const struct worker *w, int k)
{
	char text[KV_KEY_BYTES + 1];

	snprintf(text, sizeof text, "%s/%d/%d", name, w->index, k);
	return kv_key(text);
}

/* Round r's value of key k: 1 to KV_VALUE_WORDS words, each telling whose it is. */
static unsigned value_of(const struct worker *w, int k, int r, uint64_t *value)
{
	unsigned words = 1 + (unsigned)k % KV_VALUE_WORDS;

	for (unsigned i = 0; i < words; i++)
		value[i] = ((uint64_t)w->index << 48) ^ ((uint64_t)k << 32) ^ ((uint64_t)r << 16) ^ i;
	return words;
}

static void expect(struct worker *w, int ok, const char *what, int k)
{
	w->checked++;
	if (!ok && w->wrong++ < 5)
		printf("kvclient %s thread %d: key %d: %s\n", name, w->index, k, what);
}

/* Reads key k back and compares it with round r's value (r 0: absent). */
static void expect_value(struct worker *w, int k, int r)
{
	uint64_t value[KV_VALUE_WORDS];
	struct kv_key key = key_of(w, k);
	long words = call(KV_GET, &key, 0);

	if (r == 0) {
		expect(w, words == -ENOENT, "get of a deleted key is not ENOENT", k);
		return;
	}
	unsigned expected = value_of(w, k, r, value);
	expect(w, words == expected && !memcmp(rb_utcb()->mr, value, expected * sizeof(uint64_t)),
	       "get returned the wrong value", k);
}

static void put_round(struct worker *w, int k, int r)
{
	uint64_t value[KV_VALUE_WORDS];
	struct kv_key key = key_of(w, k);
	unsigned words = value_of(w, k, r, value);

	expect(w, put(&key, value, words) == 0, "put failed", k);
}

static void delete_key(struct worker *w, int k)
{
	struct kv_key key = key_of(w, k);

	expect(w, call(KV_DELETE, &key, 0) == 0, "delete failed", k);
	expect(w, call(KV_DELETE, &key, 0) == -ENOENT, "second delete is not ENOENT", k);
}

/* Phase by phase over all keys, so the threads' requests interleave. */
static int work(void *arg)
{
	struct worker *w = arg;

	for (int k = 0; k < w->keys; k++)
		put_round(w, k, 1);
	for (int k = 0; k < w->keys; k++)
		expect_value(w, k, 1);
	for (int k = 0; k < w->keys; k += 2)
		put_round(w, k, 2);
	for (int k = 0; k < w->keys; k++)
		expect_value(w, k, k % 2 ? 1 : 2);
	for (int k = 0; k < w->keys; k++)
		delete_key(w, k);
	for (int k = 0; k < w->keys; k++)
		expect_value(w, k, 0);
	return w->wrong != 0;
}

int main(int argc, char **argv)
{
	static struct worker workers[THREADS_MAX];
	static struct rb_thread *threads[THREADS_MAX];
	int checked = 0, wrong = 0;

	name = argc > 1 ? argv[1] : argv[0];
	int nthreads = argc > 2 ? atoi(argv[2]) : 1;
	int keys = argc > 3 ? atoi(argv[3]) : 10;
	/* Keys are NAME/THREAD/KEY: with the limits below they fit in KV_KEY_BYTES. */
	if (strlen(name) > 8 || nthreads < 1 || nthreads > THREADS_MAX || keys < 1 || keys > 999) {
		fprintf(stderr, "usage: kvclient NAME(<= 8 bytes) THREADS(1..%d) KEYS(1..999)\n",
			THREADS_MAX);
		return 2;
	}
	if ((server = kv_lookup()) < 0) {
		fprintf(stderr, "kvclient %s: no kvserver: %s\n", name, strerror((int)-server));
		return 1;
	}
	for (int i = 0; i < nthreads; i++) {
		workers[i] = (struct worker){ .index = i, .keys = keys };
		threads[i] = rb_thread_start(work, &workers[i]);
		wrong += !threads[i];
	}
	for (int i = 0; i < nthreads; i++) {
		if (threads[i])
			rb_thread_wait(threads[i], NULL);
		checked += workers[i].checked;
		wrong += workers[i].wrong;
	}
	long bye = ipc_call(server, RB_TAG(KV_BYE, 0), 0);
	printf("kvclient %s: %d threads x %d keys, %d answers checked, %s\n", name, nthreads,
	       keys, checked, wrong ? "SOME WRONG" : "all right");
	return wrong || bye != 0;
}
