#!/usr/bin/env bash
# picolibc's own test suite, from the pinned source mk/picolibc builds the
# library from, compiled with rainbow.specs and the flags picolibc's meson
# gives its tests, booted in bundles: each test is one task, and passes when
# it exits as picolibc's meson expects (0; for the should_fail tests, a
# failure or a kill).  Status 77 is meson's "skipped".
#
# Left out, with the reason:
#   tls          reads the main thread's TLS block at .tdata in place, the
#                embedded layout Rainbow does not have (docs/runtime.md)
#   printff/printfl/printfi/printfm variants, test-long-longl: they link
#                tinystdio's reduced printf variants in place of vfprintf,
#                which Rainbow replaces with its exact one
#   test-flockfile, native-locks: meson builds them only for the host
#   constructor-skip: needs picolibc's own minimal crt0
#   test-ubsan: needs picolibc built with the sanitizer
#   test-gets: reads stdin (meson's test-stdin, off by default)
#   test-cplusplus: no C++ library yet (docs/sdk.md)
#   semihost tests: no semihosting under Rainbow
# Known differences are accepted, each listed in
# tests/guest/picolibc-deviations.txt with its reason: where a test expects
# tinystdio's own departures from C (digits cut after 17 and zeros printed
# instead, "" for %#.0o of 0), and Rainbow's printf gives what C asks (the
# very strings the tests expect of an exact printf).  Such a test passes
# when every failure line it printed is one of those and nothing else failed.
. tests/lib/suite.sh

# What a failure line looks like, per test that prints them.
declare -A failure_line=(
	[printf-tests]='^test [0-9]+ failed'
	[libc-testsuite-snprintf]='^libc-testsuite/snprintf\.c:[0-9]+: '
)
deviations=tests/guest/picolibc-deviations.txt

# only_known_deviations NAME: NAME printed failure lines, all accepted ones.
only_known_deviations() {
	local lines
	[ -n "${failure_line[$1]:-}" ] || return 1
	lines=$(grep -E "${failure_line[$1]}" "$boot_log") || return 1
	! grep -vxFf <(sed -n "s/^$1\t//p" "$deviations") <<< "$lines" > /dev/null
}

dir=build/tests/picolibc
mk/picolibc --source "$dir" || { tap 1 "picolibc's source"; done_testing; }
src=$dir/src/test
out=$dir/bin
mkdir -p "$out"

flags=(-O2 -g -w -fno-builtin -fno-common -frounding-math -fsignaling-nans
       -D_FORTIFY_SOURCE=3 -fstack-protector-all -fstack-protector-strong
       -DTESTS_ENABLE_STACK_PROTECTOR -D_TEST_LONG_DOUBLE -I"$src")

# NAME:SOURCES:EXPECT, EXPECT 0 (exit 0) or fail (a non-zero exit or a kill).
tests=(
	regex ungetc malloc ffs setjmp atexit on_exit timegm test-atomic
	test-strchr test-memchr test-memset test-put test-raise
	test-sprintf-percent-n test-ctype test-uchar test-wctomb test-scmpu
	test-strncpy time-tests constructor fenv rand test-efcvt test-fma
	test-strtod complex-funcs malloc_stress t_fmemopen
	test-vfscanf-percent-a math-funcs test-funopen test-memcpy_s
	test-memset_s test-memmove_s test-strcat_s test-strcpy_s
	test-strerror_s test-strerrorlen_s test-strncat_s test-strncpy_s
	test-strnlen_s test-sprintf_s stack-smash printf_scanf printf-tests
	time-sprintf long_double test-long-long test-tmpnam
	"try-ilp32:try-ilp32.c try-ilp32-sub.c lock-valid.c"
	hosted-exit "hosted-exit-fail:hosted-exit.c lock-valid.c:fail:-DRETVAL=1"
	"abort:abort.c lock-valid.c:fail" "test-except:test-except.c lock-valid.c:fail"
	"math_errhandling:math_errhandling.c"
	"rounding-mode:rounding-mode.c rounding-mode-sub.c"
)
for t in basename dirname fnmatch qsort snprintf sscanf string strtol wcstol strtod; do
	tests+=("libc-testsuite-$t:libc-testsuite/$t.c")
done
file_tests=(posix-io test-fopen test-mktemp test-fread-fwrite test-ungetc-ftell
	    test-fgetc test-fgets-eof test-wchar)
tests+=("${file_tests[@]}")

declare -A expect
names=()
for entry in "${tests[@]}"; do
	IFS=: read -r name sources want extra <<< "$entry"
	[ -n "$sources" ] || sources="$name.c lock-valid.c"
	read -ra files <<< "$sources"
	expect[$name]=${want:-0}
	# shellcheck disable=SC2086 # extra: zero or one flag
	(cd "$src" && gcc -specs="$OLDPWD/build/sysroot/rainbow.specs" "${flags[@]}" $extra \
		-DTEST_FILE_NAME="\"$name.txt\"" -o "$OLDPWD/$out/$name" "${files[@]}" -lm) \
		> "$out/$name.log" 2>&1
	tap $? "$name builds with rainbow.specs"
	names+=("$name")
done

# Bundles of 16 tasks (the kernel takes 32 modules), each with the file
# server for the file tests (posix-io, test-fopen, ...): a service, which
# ends once the tests have.
for ((i = 0; i < ${#names[@]}; i += 16)); do
	bundle=$dir/part$i.bundle
	{
		echo "RAINBOW_SERVICE=1 $(pwd)/build/apps/fsd"
		for name in "${names[@]:i:16}"; do
			echo "$(pwd)/$out/$name"
		done
	} > "$bundle"
	BOOT_TIMEOUT=180 boot "picolibc$i" "$bundle"
	for name in "${names[@]:i:16}"; do
		result=$(grep -E "^\[rainbow\] task $name (exited: [0-9-]+|killed)" "$boot_log" | head -n 1)
		case ${expect[$name]}:$result in
		0:*"exited: 0") tap 0 "$name passes" ;;
		*:*"exited: 77") tap_skip "$name" "status 77: $(grep -m1 -i skip "$boot_log" || echo 'no reason')" ;;
		fail:*"exited: 0") tap 1 "$name should fail, exited 0" ;;
		fail:?*) tap 0 "$name fails as it should (${result#*"$name "})" ;;
		0:*"exited: 1")
			only_known_deviations "$name"
			tap $? "$name passes but for the known deviations ($deviations)" ;;
		*) tap 1 "$name: ${result:-no verdict}" ;;
		esac
	done
done
done_testing
