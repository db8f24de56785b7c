#!/usr/bin/env bash
# The system-call fuzzer: five seeds of 20000 calls side by side (100000
# calls), on the suite's CPUs and on 4; every call returns, every fuzzer
# lives, and the bystander and the canary beside them are unaffected.  Under make fuzz (FUZZ_BIG=1), ten
# seeds of 100000 calls.  Prints the figures summed over the seeds: calls
# per entry point, each outcome, calls per second of guest time.
. tests/lib/suite.sh

bundle=tests/guest/fuzz_syscalls.bundle fuzzers=5 timeout=120
if [ -n "${FUZZ_BIG:-}" ]; then
	bundle=build/tests/fuzz_syscalls_big.bundle fuzzers=10 timeout=1800
	mkdir -p build/tests
	{
		echo "$PWD/build/tests/guest/mem_bystander 3"
		echo "$PWD/build/tests/guest/fuzz_canary 100"
		for seed in $(seq 1 $fuzzers); do
			echo "$PWD/build/tests/guest/fuzz_syscalls $seed 100000"
		done
	} > "$bundle"
fi

# report_figures: the figures of the last boot, summed over the fuzzers
# (they run side by side: guest time is the longest one's).
report_figures() {
	echo "# tasks killed: $(grep -ac '^\[rainbow\] task .* killed: ' "$boot_log"), tasks exited: $(grep -ac '^\[rainbow\] task .* exited: ' "$boot_log")"
	tr -c '[:print:]\n' '?' < "$boot_log" | awk '
		/^#+ call / { sub(/^#+ /, "# "); made[$3] += $4; ok[$3] += $6; if (!($3 in order)) { order[$3] = n; names[n++] = $3 } }
		/^# errno / { e = $3; $1 = $2 = $3 = ""; sub(/^ +/, ""); c = $NF; $NF = ""; errs[e] = $0; errn[e] += c }
		/^# [0-9]+ calls in [0-9]+ ms/ { calls += $2; if ($5 > ms) ms = $5 }
		END {
			for (i = 0; i < n; i++)
				if (made[names[i]] > 0)
					printf "# %-24s %8d calls, %8d ok\n", names[i], made[names[i]], ok[names[i]]
				else
					printf "# %-24s not fuzzed (it ends the task)\n", names[i]
			for (e = 1; e < 256; e++)
				if (e in errn)
					printf "# errno %3d %-32s %8d\n", e, errs[e], errn[e]
			if (ms > 0)
				printf "# %d calls in %d ms of guest time: %d calls/s\n", calls, ms, calls * 1000 / ms
		}'
}

BOOT_ICOUNT=1		# guest time: the bystander's pace does not depend on the host's load
# On the suite's CPUs (make test SMP=N), then on 4 unless that was 4: the
# fuzzers side by side on every CPU (issue 14: hostile tasks on 4 CPUs).
cpus=$boot_smp
[ "$cpus" = 4 ] || cpus="$cpus 4"
for n in $cpus; do
	BOOT_TIMEOUT=$timeout boot_on_cpus "$n" "fuzz-syscalls-$n" "$bundle"
	expect_status 0 "every task exits 0$w"
	expect_tap "guest$w"
	[ "$(grep -ac '^\[rainbow\] task fuzz_syscalls exited: 0$' "$boot_log")" = "$fuzzers" ]
	tap $? "all $fuzzers fuzzers exit 0$w"
	expect '^\[rainbow\] task mem_bystander exited: 0$' "the bystander exits 0$w"
	expect '^\[rainbow\] task fuzz_canary exited: 0$' "the canary exits 0$w"
	expect_not 'PANIC|killed' "nothing panics, nothing is killed$w"
	report_figures
done
done_testing
