#!/usr/bin/env bash
# Issue 12's inputs against C17 and POSIX (tests/guest/test_conform): exact
# printf and scanf of double and long double, 256,000 bytes of TLS in every
# thread, sched_yield; then the same program, ET_EXEC and static-pie, with
# its program headers moved by mkphdrmove (tests/guest/phdrmove) into their
# own PT_LOAD at the end of the file behind a PT_PHDR, as patchelf leaves them;
# and printf, strtold and scanf's %Lf for random values against glibc's.
. tests/lib/suite.sh

boot conform tests/guest/conform.bundle
expect_status 0 "test_conform exits 0"
expect_tap test_conform
expect_not 'PANIC|killed' "nothing faults"

dir=build/tests/conform
mkdir -p "$dir"
gcc -O2 -Wall -Wextra -Werror -Iinclude -o "$dir/mkphdrmove" tests/guest/phdrmove/mkphdrmove.c
gcc -specs=build/sysroot/rainbow.specs -O2 -static-pie -Itests/lib -o "$dir/conform_pie" \
	tests/guest/test_conform/main.c tests/lib/tap.c -lm
for kind in exec pie; do
	src=build/tests/guest/test_conform
	[ $kind = pie ] && src=$dir/conform_pie
	"$dir/mkphdrmove" "$src" "$dir/moved_$kind"
	readelf -lW "$dir/moved_$kind" | awk '$1 == "PHDR" { p = 1 } END { exit !p }'
	tap $? "moved_$kind has a PT_PHDR"
	printf 'HOME=/home/conform %s/%s\n' "$(pwd)" "$dir/moved_$kind" > "$dir/moved_$kind.bundle"
	boot "moved_$kind" "$dir/moved_$kind.bundle"
	expect_status 0 "moved_$kind exits 0"
	expect_tap "moved_$kind"
	expect_not 'PANIC|killed|refused:' "moved_$kind: accepted, nothing faults"
done

# Against glibc on the host, for random values: tests/guest/NAME/mkcases
# prints a table of inputs and glibc's results, check.c compares Rainbow's.
#   strtold       strtold and scanf's %Lf, bit for bit, 3,000 long doubles
#   printf_cases  %e %f %g %a of 3,000 random doubles and long doubles,
#                 with random flags, widths and precisions, text for text
for name in strtold printf_cases; do
	mkdir -p "$dir/$name"
	gcc -O2 -Wall -Wextra -Werror -Itests/lib -o "$dir/$name/mkcases" "tests/guest/$name/mkcases.c" &&
		"$dir/$name/mkcases" 12 3000 > "$dir/$name/cases.h" &&
		gcc -specs=build/sysroot/rainbow.specs -O2 -Wall -Wextra -Werror -Wno-format-nonliteral \
			-I"$dir/$name" -Itests/lib -o "$dir/${name}_check" "tests/guest/$name/check.c" tests/lib/tap.c
	tap $? "the $name check builds"
	printf '%s/%s\n' "$(pwd)" "$dir/${name}_check" > "$dir/$name.bundle"
	boot "$name" "$dir/$name.bundle"
	expect_status 0 "${name}_check exits 0"
	expect_tap "${name}_check"
done
done_testing
