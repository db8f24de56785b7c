#!/usr/bin/env bash
# The ELF-mutation fuzzer over boot modules: build/tools/mkmutants makes
# mutants of build/apps/hello from a seed per boot; each boot carries as
# many as the kernel's module limit allows beside two canaries (hello,
# first and last).  Every mutant must run (exit with a status), be refused
# with exactly one log line, or be killed with a report; the canaries must
# run; nothing may panic or hang.  make test boots seeds 1-10 (300
# mutants); make fuzz (FUZZ_BIG=1) seeds 1-100 (3000).  Prints each outcome counted.
. tests/lib/suite.sh

modules_max=$(awk '$2 == "BOOT_MODULES_MAX" { print $3 }' kernel/multiboot2.h)
per_boot=$((modules_max - 2))
seeds=10
[ -n "${FUZZ_BIG:-}" ] && seeds=100
dir=build/tests/elfmut
rm -rf "$dir"
mkdir -p "$dir"
cp build/apps/hello "$dir/canary-first"
cp build/apps/hello "$dir/canary-last"
ran=0 refused=0 killed=0 other=0
: > "$dir/outcomes"

# classify NAME WHAT: one mutant's outcome from the boot log, counted.
classify() {
	local name=$1 what=$2 refusals tasks
	refusals=$(grep -ac "^\[rainbow\] module $name refused: " "$boot_log")
	tasks=$(grep -acE "^\[rainbow\] task $name (exited|killed)" "$boot_log")
	if [ "$refusals" = 1 ] && [ "$tasks" = 0 ]; then
		refused=$((refused + 1))
		grep -a "^\[rainbow\] module $name refused: " "$boot_log" |
			sed 's/^.* refused: /refused: /; s/segment [0-9]*/segment N/g; s/[0-9]\+ bytes/N bytes/' >> "$dir/outcomes"
	elif [ "$refusals" = 0 ] && [ "$tasks" = 1 ] && grep -aq "^\[rainbow\] task $name exited: " "$boot_log"; then
		ran=$((ran + 1))
		echo "ran" >> "$dir/outcomes"
	elif [ "$refusals" = 0 ] && [ "$tasks" = 1 ] &&
		grep -aA1 "^\[rainbow\] task $name killed: " "$boot_log" | grep -aq '^  '; then
		killed=$((killed + 1))
		grep -a "^\[rainbow\] task $name killed: " "$boot_log" |
			sed 's/^.* killed: /killed: /; s/ in thread [0-9]*$//; s/0x[0-9a-f]*/ADDR/g' >> "$dir/outcomes"
	else
		other=$((other + 1))
		echo "# $name: neither ran, refused with one line nor killed with a report: $what"
	fi
}

for seed in $(seq 1 $seeds); do
	bundle=$dir/seed$seed.bundle
	build/tools/mkmutants "$seed" "$per_boot" build/apps/hello "$dir" > "$dir/seed$seed.list"
	{
		echo "canary-first"
		cut -d: -f1 "$dir/seed$seed.list"
		echo "canary-last"
	} > "$bundle"
	boot "elfmut-$seed" "$bundle"
	[ "$boot_status" = 0 ] || [ "$boot_status" = 1 ]
	tap $? "seed $seed: the boot ends with a verdict (status $boot_status)"
	expect '^\[rainbow\] task canary-first exited: 0$' "seed $seed: the first canary runs"
	expect '^\[rainbow\] task canary-last exited: 0$' "seed $seed: the last canary runs"
	expect_not 'PANIC' "seed $seed: the kernel never panics"
	expect '^\[rainbow\] all tasks done: ' "seed $seed: every task accounted for"
	before=$other
	while IFS= read -r line; do
		classify "${line%%:*}" "${line#*: }"
	done < "$dir/seed$seed.list"
	[ "$other" = "$before" ]
	tap $? "seed $seed: each of $per_boot mutants ran, was refused with one line, or was killed with a report"
done

echo "# $((ran + refused + killed + other)) mutants: $ran ran, $refused refused, $killed killed, $other otherwise"
sort "$dir/outcomes" | uniq -c | sort -rn | sed 's/^/# /'
done_testing
