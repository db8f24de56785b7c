/*
 * ipc_stress: many client threads in several tasks call one server whose
 * threads all receive on one port.
 *
 * Request: label STRESS_CALL, mr[0] the client's id, mr[1] its sequence
 * number (1, 2, ...), mr[2..words-1] stress_word(id, seq, i); the word
 * count, stress_words(id, seq), runs from 2 to 64.
 * Reply: label seq, the same word count, mr[0] id, mr[1] seq, and every
 * other word inverted.
 */
#ifndef STRESS_H
#define STRESS_H

#include <stdint.h>

#include <rainbow/ipc.h>

#include "tap.h"

#define STRESS_SERVICE     "ipc-stress"
#define STRESS_BADGE       0x5eed	/* the handle clients look up */
#define STRESS_QUIT_BADGE  0x9017	/* the server's own, to stop its threads */
#define STRESS_CALL        0x57
#define STRESS_CLIENTS_MAX 64

static inline unsigned stress_words(unsigned id, unsigned seq)
{
	return 2 + (id * 7 + seq) % (RB_IPC_MRS - 1);
}

static inline uint64_t stress_word(unsigned id, unsigned seq, unsigned i)
{
	return ((uint64_t)id << 48) ^ ((uint64_t)seq << 24) ^ (i * 0x9e3779b97f4a7c15ull);
}


/*
 * Serves clients x calls calls; with below, its receiving threads run one
 * priority below the clients, so that each reply lets the client run
 * first and every call finds the port's queue (the IPC fastpath's
 * answer-and-take-the-queued-caller case).
 */
int stress_server(int clients, int calls, int below);
int stress_clients(int first, int count, int calls);

#endif
