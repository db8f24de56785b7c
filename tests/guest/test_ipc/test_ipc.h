/*
 * test_ipc: the rules of <rainbow/ipc.h>, one plain function per case.
 * The helpers below are what several cases share.
 */
#ifndef TEST_IPC_H
#define TEST_IPC_H

#include <errno.h>
#include <stdint.h>

#include <rainbow/ipc.h>
#include <rainbow/thread.h>

#include "tap.h"

/* A port and a send handle to it, minted with a badge. */
struct channel {
	long port;
	long send;
};

struct channel channel_open(uint64_t badge);
/* Destroys the port (unless already gone) and closes both handles. */
void channel_close(struct channel c);

/* mr[i] = pattern(seed, i) for every message register. */
uint64_t pattern(uint64_t seed, unsigned i);
void fill_mrs(uint64_t *mr, uint64_t seed);
/* mr[from..to-1] hold pattern(seed, i) ^ flip. */
int mrs_match(const uint64_t *mr, unsigned from, unsigned to, uint64_t seed, uint64_t flip);

/*
 * An echo server thread: for each of `messages` messages it fills its own
 * message registers with ECHO_FILL's pattern, waits, keeps what arrived,
 * and replies with label + 1, the same word count and each word ^ ECHO_FLIP.
 */
#define ECHO_MAX  4
#define ECHO_FILL 0xf111
#define ECHO_FLIP 0xffff0000ffff0000ull

struct echo {
	long port;
	int messages;
	long tag[ECHO_MAX];
	uint64_t badge[ECHO_MAX];
	uint64_t seen[RB_IPC_MRS];	/* all registers after the last receive */
	long error;			/* the first failure, 0 if none */
	struct rb_thread *thread;
};

void echo_start(struct echo *e, long port, int messages);
/* Joins the echo thread; 1 if it served every message without error. */
int echo_finish(struct echo *e);

/*
 * Calls handle with label and the first `words` words of seed's pattern
 * (the rest of the registers hold it too); 1 if an echo server answered
 * with exactly what it must.
 */
int echo_call(long handle, uint64_t label, unsigned words, uint64_t seed);


/* A thread that makes one call (or wait) and keeps the result. */
struct blocked {
	long handle;
	long result;
	struct rb_thread *thread;
};

void call_in_thread(struct blocked *b, long handle);
void wait_in_thread(struct blocked *b, long port);
/* Joins it; its result. */
long blocked_result(struct blocked *b);

/* Lets the other threads run until they block (single CPU, 20 ms). */
void let_others_block(void);

void test_badges(void);
void test_labels(void);
void test_reply_reaches_its_caller(void);
void test_handle_transfer(void);
void test_long_message(void);
void test_nothing_beyond_the_tag(void);
void test_msgsize(void);
void test_bad_handles(void);
void test_send_handle_is_not_owner(void);
void test_destroyed_port(void);
void test_server_thread_exits(void);
void test_nonblock(void);
void test_reply_errors(void);
void test_handle_table_full(void);
void test_names(void);
/* Names that cross a page or end at an unmapped one (names.c). */
void test_names_at_page_edges(void);
void test_utcb(void);
void test_server_task_exits(void);
void test_client_task_exits(void);

#endif
