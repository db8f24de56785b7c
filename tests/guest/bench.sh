#!/usr/bin/env bash
# make bench still runs and measures every figure.  Whether the figures
# meet their targets is make bench's business, never a test's.
. tests/lib/suite.sh

out=build/tests/bench
mkdir -p "$out"
mk/bench build/bench/bench.iso "$out" > "$out.txt" 2>&1
tap $? "mk/bench ran to the end (log: $out.txt)"
scale=
for row in thread_create_join rb_thread_create_join futex_wake port_create_close handle_mint_close ns_lookup ns_register; do
	scale="$scale ${row}_10 ${row}_5000"
done
for name in null_syscall vdso_clock ipc_call_inter_as ipc_call_intra_as thread_switch mem_map_unmap mem_map_unmap_busy ipc_throughput_1cpu $scale; do
	grep -qE "^$name	[0-9]+$" "$out/results.tsv" 2>/dev/null
	tap $? "results.tsv has a figure for $name"
done
# One CPU: the rows that need more are said to be skipped, not invented.
for row in "ipc_call_cross_cpu 2" "ipc_throughput_2cpu 2" "ipc_throughput_4cpu 4"; do
	read -r name cpus <<< "$row"
	grep -qE "^$name .* skipped: needs $cpus CPUs" "$out.txt" && ! grep -qE "^$name	" "$out/results.tsv"
	tap $? "$name is skipped on one CPU (needs $cpus)"
done
done_testing
