/*
 * The key-value protocol, shared by apps/kvserver and apps/kvclient.
 *
 * Requests (label: the operation):
 *   KV_PUT     mr[0..1] key, mr[2..] the value (1..KV_VALUE_WORDS words)
 *   KV_GET     mr[0..1] key
 *   KV_DELETE  mr[0..1] key
 *   KV_BYE     a client task is done (no words)
 * Replies: label 0 on success, else a positive errno (ENOENT: no such key,
 * ENOSPC: the store is full, EINVAL: a malformed request); KV_GET's value
 * in mr[0..words-1].
 *
 * A key is up to KV_KEY_BYTES bytes, NUL-padded to KV_KEY_WORDS words.
 */
#ifndef KV_PROTOCOL_H
#define KV_PROTOCOL_H

#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#define KV_SERVICE     "kv"
#define KV_KEY_WORDS   2
#define KV_KEY_BYTES   (KV_KEY_WORDS * sizeof(uint64_t))
#define KV_VALUE_WORDS 8

enum kv_op {
	KV_PUT = 1,
	KV_GET,
	KV_DELETE,
	KV_BYE,
};

struct kv_key {
	uint64_t words[KV_KEY_WORDS];
};

/* The key for text, which must fit in KV_KEY_BYTES. */
static inline struct kv_key kv_key(const char *text)
{
	struct kv_key key = { { 0 } };

	memcpy(key.words, text, strnlen(text, KV_KEY_BYTES));
	return key;
}

/* The server's handle; asks every millisecond for up to five seconds. */
static inline long kv_lookup(void)
{
	long handle = -ENOENT;

	for (int tries = 0; tries < 5000 && handle == -ENOENT; tries++) {
		handle = rb_ns_lookup(KV_SERVICE);
		if (handle == -ENOENT)
			rb_sleep_ns(1000000);
	}
	return handle;
}

#endif
