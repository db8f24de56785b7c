#!/usr/bin/env bash
# The SDK as a user meets it: make install into a fresh prefix; a CMake and a
# Meson project outside the tree (tests/guest/sdk/), configured and built
# with the installed toolchain file and cross file; their configure checks
# find what Rainbow has and not what it lacks; the programs boot with the
# installed rainbow-run, whose exit statuses and options are those of make run.
. tests/lib/suite.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/sdk
src=$(pwd)/tests/guest/sdk
quiet_make() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory "$@"; }

quiet_make -s install PREFIX="$prefix" > "$tmp/install.log" 2>&1
tap $? "make install PREFIX=DIR"
for f in bin/rainbow-run bin/x86_64-rainbow-gcc share/rainbow/rainbow.elf share/rainbow/vdso.so \
	share/rainbow/vdso.dbg share/rainbow/toolchain.cmake share/rainbow/meson-cross.txt \
	x86_64-rainbow/rainbow.specs x86_64-rainbow/lib/libc.a x86_64-rainbow/lib/librainbow.a; do
	[ -s "$prefix/$f" ] || { echo "# missing: $f"; false; }
done
tap $? "the SDK holds the runner, the compiler, the kernel, the vDSO and its debug file, the CMake and Meson files and the sysroot"
# A library a user installed into the sysroot survives a new install; what
# the old install put there and the new one does not is gone.
mkdir -p "$prefix/x86_64-rainbow/include/yours"
echo '/* a user library */' > "$prefix/x86_64-rainbow/include/yours/yours.h"
echo 'include/stale.h' >> "$prefix/x86_64-rainbow/.rainbow-sdk-files"
touch "$prefix/x86_64-rainbow/include/stale.h"
quiet_make -s install PREFIX="$prefix" > "$tmp/install.log" 2>&1 &&
	[ -f "$prefix/x86_64-rainbow/include/yours/yours.h" ] &&
	[ ! -e "$prefix/x86_64-rainbow/include/stale.h" ] && [ -f "$prefix/x86_64-rainbow/lib/libc.a" ]
tap $? "make install again keeps what users installed in the sysroot, replaces its own files"
for odd in "$tmp/with space" "$tmp/quote'd" "$tmp/dollar\$x" "$tmp/amp&ersand"; do
	! quiet_make -s install PREFIX="$odd" > "$tmp/odd.log" 2>&1 &&
		grep -q 'use letters, digits and' "$tmp/odd.log" && [ ! -e "$odd" ] && [ ! -e space ]
	tap $? "make install PREFIX='$odd' is refused before anything is written"
done
leaks=$(grep -rlI -- "$(pwd)" "$prefix")
[ -z "$leaks" ]
tap $? "no installed text file names the build tree${leaks:+: $leaks}"
echo 'int main(void) { return 0; }' > "$tmp/empty.c"
"$prefix/bin/x86_64-rainbow-gcc" -v -o "$tmp/empty" "$tmp/empty.c" > "$tmp/gcc-v.log" 2>&1 &&
	! grep -qF -- "$(pwd)" "$tmp/gcc-v.log"
tap $? "x86_64-rainbow-gcc compiles and links using the prefix only"
"$prefix/bin/x86_64-rainbow-gcc" -dM -E -x c /dev/null > "$tmp/macros" &&
	grep -qx '#define __rainbow__ 1' "$tmp/macros" &&
	! grep -qE '^#define (__linux__|__gnu_linux__|linux) ' "$tmp/macros"
tap $? "the compiler predefines __rainbow__, not __linux__, __gnu_linux__ or linux"

cmake -S "$src/cmake" -B "$tmp/cmake" -DCMAKE_TOOLCHAIN_FILE="$prefix/share/rainbow/toolchain.cmake" \
	> "$tmp/cmake.log" 2>&1 && cmake --build "$tmp/cmake" >> "$tmp/cmake.log" 2>&1
tap $? "a CMake project builds with -DCMAKE_TOOLCHAIN_FILE=DIR/share/rainbow/toolchain.cmake (find_library in the sysroot, no host pkg-config)"
meson setup --cross-file "$prefix/share/rainbow/meson-cross.txt" "$tmp/meson" "$src/meson" \
	> "$tmp/meson.log" 2>&1 && ninja -C "$tmp/meson" >> "$tmp/meson.log" 2>&1
tap $? "a Meson project builds with --cross-file DIR/share/rainbow/meson-cross.txt"

printf '%s\n' "$tmp/cmake/cmake_demo from-cmake" "$tmp/cmake/macros" "$tmp/cmake/cxx_demo" \
	"$tmp/meson/meson_demo from-meson" > "$tmp/sdk.bundle"
boot_log=build/tests/boot-sdk.log
"$prefix/bin/rainbow-run" "$tmp/sdk.bundle" --smp "$boot_smp" --timeout 60 > "$boot_log" 2>&1
boot_status=$?
sed -i 's/\r//g' "$boot_log"
expect_status 0 "rainbow-run boots the four programs, all exit 0"
expect '^c\+\+: Pair<int>::sum\(\) = 42$' "C++ through the toolchain file's x86_64-rainbow-g++ runs"
for tool in cmake meson; do
	expect "^$tool: hypot\\(3, 4\\) = 5\\.0, argv\\[1\\] = from-$tool\$" "the $tool program runs: its library, libm, argv"
	for have in CLOCK_GETTIME NANOSLEEP MALLOC MMAP MPROTECT SYSCONF QUICK_EXIT PTHREAD_CREATE GETENTROPY \
		GETRANDOM POSIX_SPAWN WAITPID STDIO_H UNISTD_H RAINBOW_IPC_H SYS_MMAN_H PTHREAD_H SYS_RANDOM_H \
		SYS_TIMES_H SPAWN_H SYS_WAIT_H DIRENT_H; do
		expect "^$tool: HAVE_$have=1\$" "$tool's check finds ${have,,}, which Rainbow has"
	done
	for lack in FORK EXECVE SIGACTION DLOPEN \
		SYS_SOCKET_H SYS_EPOLL_H TERMIOS_H; do
		expect "^$tool: HAVE_$lack=0\$" "$tool's check does not find ${lack,,}, which Rainbow lacks"
	done
done
expect_tap macros

# The SDK's file server with a data line: a plain program built with the
# SDK reads its input from the bundle and writes it to /dev/console.
printf 'files from the sdk\n' > "$tmp/in.txt"
"$prefix/bin/x86_64-rainbow-gcc" -O2 -o "$tmp/upcase" tests/guest/upcase/main.c
printf '%s\n' "$prefix/share/rainbow/fsd 1" "$tmp/upcase /in.txt /dev/console" "file $tmp/in.txt" > "$tmp/files.bundle"
"$prefix/bin/rainbow-run" "$tmp/files.bundle" --timeout 60 > "$tmp/run.log" 2>&1 &&
	grep -q '^FILES FROM THE SDK' "$tmp/run.log"
tap $? "share/rainbow/fsd serves a bundle's data file to a program built with the SDK"

# rainbow-run's options and exit statuses.
printf '%s\n' "$(pwd)/build/apps/hello" > "$tmp/hello.bundle"
"$prefix/bin/rainbow-run" "$tmp/hello.bundle" --mem 512M --cpu max --kargs "rainbow.test=1" \
	--timeout 60 > "$tmp/run.log" 2>&1 &&
	grep -q 'usable of 52[0-9]* KiB' "$tmp/run.log" &&
	grep -q 'command line "rainbow.test=1"' "$tmp/run.log"
tap $? "--mem, --cpu and --kargs reach QEMU and the kernel"
printf '%s\n' "$(pwd)/build/tests/guest/fault_null" > "$tmp/fault.bundle"
"$prefix/bin/rainbow-run" "$tmp/fault.bundle" --timeout 60 > "$tmp/run.log" 2>&1
tap $(($? != 1)) "a task that fails: exit status 1"
printf '%s\n' "$(pwd)/build/tests/guest/spin 100000" > "$tmp/spin.bundle"
"$prefix/bin/rainbow-run" "$tmp/spin.bundle" --timeout 3 > "$tmp/run.log" 2>&1
tap $(($? != 124)) "a bundle that does not finish: exit status 124 after --timeout"
# A signal to rainbow-run alone (kill PID) or to its group (Ctrl-C) stops
# QEMU too, and the status says which signal.
for sig in INT TERM; do
	for target in script group; do
		# env gives the signals their default action: a parent that
		# ignores SIGINT (a background job, nohup) would pass that on.
		set -m
		env --default-signal=INT,TERM,HUP "$prefix/bin/rainbow-run" "$tmp/spin.bundle" \
			--timeout 60 > "$tmp/run.log" 2>&1 &
		run=$!
		set +m
		for _ in $(seq 100); do
			grep -q 'spin [0-9]*: started' "$tmp/run.log" && break
			sleep 0.1
		done
		if [ $target = script ]; then kill -$sig $run; else kill -$sig -- -$run; fi
		wait $run
		status=$?
		sleep 0.5
		! kill -0 -- -$run 2>/dev/null && [ $status = $((128 + $(kill -l $sig))) ]
		tap $? "SIG$sig to the $target: QEMU stops, status $status"
	done
done
# What the kernel would refuse at boot, the installed mkiso refuses first.
printf '%s %s\n' "$(pwd)/build/apps/hello" "$(printf 'x%.0s' $(seq 1100))" > "$tmp/long.bundle"
"$prefix/bin/rainbow-run" "$tmp/long.bundle" > "$tmp/run.log" 2>&1
[ $? = 2 ] && grep -q 'long.bundle:1: the module string passes 1023 bytes' "$tmp/run.log"
tap $? "a line longer than the kernel takes: exit status 2, the line named"
for _ in $(seq 33); do echo "$(pwd)/build/apps/hello"; done > "$tmp/many.bundle"
"$prefix/bin/rainbow-run" "$tmp/many.bundle" > "$tmp/run.log" 2>&1
[ $? = 2 ] && grep -q 'many.bundle:33: more than 32 apps' "$tmp/run.log"
tap $? "more apps than the kernel takes: exit status 2, the line named"
echo "/nonexistent/app" > "$tmp/bad.bundle"
"$prefix/bin/rainbow-run" "$tmp/bad.bundle" > "$tmp/run.log" 2>&1
[ $? = 2 ] && grep -q "bad.bundle:1: no such file" "$tmp/run.log"
tap $? "a bundle naming a missing file: exit status 2, the line named"
for bad in "--timeout 0" "--timeout x" "--frobnicate" "--mem" "--mem 16M" "--mem lots" "--cpu help"; do
	# shellcheck disable=SC2086 # the words of the bad option
	"$prefix/bin/rainbow-run" "$tmp/hello.bundle" $bad > "$tmp/run.log" 2>&1
	[ $? = 2 ] && grep -q '^rainbow-run: ' "$tmp/run.log"
	tap $? "rainbow-run $bad: exit status 2 with a message"
done
done_testing
