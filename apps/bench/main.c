/*
 * bench: prints instruction counts for mk/bench (see bench.h).
 * `bench server` is the echo server task the inter-task IPC figure calls.
 */
#include <string.h>

#include "bench.h"

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "server") == 0)
		return bench_server_main();
	bench_measure_overhead();
	bench_null_syscall();
	bench_vdso_clock();
	bench_ipc_inter_as();
	bench_ipc_intra_as();
	bench_ipc_contended();
	bench_thread_switch();
	bench_mem_map_unmap();
	bench_mem_map_unmap_busy();
	bench_pthread();
	bench_getentropy_32();
	return bench_failed();
}
