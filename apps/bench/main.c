/*
 * bench: prints instruction counts for mk/bench (see bench.h).
 * `bench server` is the echo server task the inter-task IPC figure calls.
 */
#include <stdio.h>
#include <string.h>

#include "bench.h"

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "server") == 0) {
		/* The first app's main: where make bench's boot figure ends. */
		printf("bench-boot main at cycle %llu\n", (unsigned long long)bench_tsc());
		return bench_server_main();
	}
	bench_measure_overhead();
	bench_null_syscall();
	bench_vdso_clock();
	bench_ipc_inter_as();
	bench_ipc_intra_as();
	bench_ipc_contended();
	bench_ipc_cross_cpu();
	bench_ipc_throughput();
	bench_thread_switch();
	bench_mem_map_unmap();
	bench_mem_map_unmap_busy();
	bench_mem_map_64m();
	bench_mem_first_touch();
	bench_pthread();
	bench_getentropy_32();
	bench_spawn_wait();
	bench_files();
	bench_objects();
	return bench_failed();
}
