/*
 * fsd: the file server (docs/files.md).  Keeps a file system in memory,
 * starts with the bundle's data files in it (bootdata.c), registers
 * RB_FS_NAME and answers the protocol of <rainbow/fs.h> on one port, one
 * request at a time.  A second thread reclaims the sessions of clients
 * whose task ended.
 *   fsd [CLIENTS]   serve; with CLIENTS > 0, exit 0 once that many
 *                   sessions have ended and none is left (so that a
 *                   bundle can end: each task using files is a session)
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rainbow/fs.h>
#include <rainbow/ipc.h>
#include <rainbow/syscall.h>

#include "bootdata.h"
#include "ops.h"
#include "session.h"
#include "share.h"
#include "tree.h"

#define SWEEP_NS 10000000ull		/* 10 ms between looks for ended clients */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

struct sweeper {
	unsigned clients;		/* exit after that many sessions ended; 0: never */
	unsigned ended;
};

static void *sweep(void *arg)
{
	struct sweeper *w = arg;

	for (;;) {
		rb_sleep_ns(SWEEP_NS);
		pthread_mutex_lock(&lock);
		w->ended += session_sweep();
		share_sweep();
		uint64_t live, files, reclaimed;
		session_counts(&live, &files, &reclaimed);
		bool done = w->clients && w->ended >= w->clients && !live;
		pthread_mutex_unlock(&lock);
		if (done)
			exit(0);
	}
	return NULL;
}

static void serve(long port)
{
	struct rb_utcb *utcb = rb_utcb();
	long tag = ipc_wait(port, 0);

	for (;;) {
		if (tag < 0) {
			tag = ipc_wait(port, 0);
			continue;
		}
		long minted = 0;
		pthread_mutex_lock(&lock);
		uint64_t reply = ops_handle((uint64_t)tag, utcb, port, &minted);
		pthread_mutex_unlock(&lock);
		tag = ipc_reply_and_wait(utcb->rcvid, reply, port);
		if (minted > 0)
			rb_handle_close(minted);	/* the client has its copy */
	}
}

int main(int argc, char **argv)
{
	static struct sweeper w;
	pthread_t sweeper;

	if (argc > 2 || (argc == 2 && !(w.clients = (unsigned)atoi(argv[1])) && strcmp(argv[1], "0"))) {
		fprintf(stderr, "usage: fsd [CLIENTS]\n");
		return 2;
	}
	tree_init();
	int loaded = bootdata_load();
	if (loaded < 0) {
		fprintf(stderr, "fsd: the bundle's data files: %s\n", strerror(-loaded));
		return 1;
	}
	long port = rb_port_create();
	/* Clients send their lifeline handle when they connect (docs/files.md). */
	long accepted = port < 0 ? port : rb_port_accept_handles(port);
	long registry = accepted < 0 ? accepted : rb_port_mint(port, 0);
	long err = registry < 0 ? registry : rb_ns_register(RB_FS_NAME, registry);
	if (err < 0 || pthread_create(&sweeper, NULL, sweep, &w)) {
		fprintf(stderr, "fsd: cannot register \"%s\": %s\n", RB_FS_NAME, strerror((int)-err));
		return 1;
	}
	printf("fsd: serving \"%s\", %d files from the bundle\n", RB_FS_NAME, loaded);
	serve(port);
}
