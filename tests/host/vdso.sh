#!/usr/bin/env bash
# tests/host/vdso.sh: checks the built vDSO from the outside (TAP).
#
# Run after `make build/vdso/vdso.so`.  Uses readelf, eu-elflint and objdump
# on build/vdso/vdso.so, shows that vdsocheck refuses bad images, embeds the
# image the way the kernel does, runs the data page's readers on the host
# (tests/host/vdso_clock.c) and the IPC ones against a stand-in kernel
# (tests/host/vdso_ipc.c).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2

so=build/vdso/vdso.so
dbg=build/vdso/vdso.dbg
check=build/vdso/vdsocheck
host_cflags=(-std=gnu11 -Wall -Wextra -Werror -O1 -g -Iinclude)
max_clock_instructions=50
# The IPC stubs as gcc makes them today: a regression guard on the hot path.
declare -A max_ipc_instructions=(
	[ipc_call]=2 [ipc_wait]=4 [ipc_reply]=3 [ipc_reply_and_wait]=2)

. tests/lib/suite.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for f in "$so" "$dbg" "$check"; do
	expect_success "$f exists (make build/vdso/vdso.so)" test -f "$f"
done
[ "$tap_failed" = 0 ] || done_testing

functions=$(sed -n 's/^[[:space:]]*\([a-z_][a-z0-9_]*\);.*/\1/p' build/vdso/vdso.map)
mapfile -t function_list <<< "$functions"
readelf -hW "$so" > "$tmp/header"
readelf -lW "$so" > "$tmp/segments"
readelf -SW "$so" > "$tmp/sections"
readelf -dW "$so" > "$tmp/dynamic"
readelf -VW "$so" > "$tmp/versions"
readelf -rW "$so" > "$tmp/relocs"
readelf --dyn-syms -W "$so" > "$tmp/dynsyms"

expect_success "eu-elflint --gnu-ld accepts the image" eu-elflint --gnu-ld "$so"
expect_success "ELF type is DYN" grep -qE 'Type: +DYN' "$tmp/header"
expect_success "machine is x86-64" grep -qE 'Machine: +Advanced Micro Devices X86-64' "$tmp/header"
expect_success "SONAME is rainbow-vdso.so.1" \
	grep -qF '(SONAME)             Library soname: [rainbow-vdso.so.1]' "$tmp/dynamic"
expect_success "version RAINBOW_1 is defined" \
	grep -qE 'Flags: none +Index: [0-9]+ +Cnt: 1 +Name: RAINBOW_1$' "$tmp/versions"
expect_success "DT_HASH present" grep -qF '(HASH)' "$tmp/dynamic"
expect_success "DT_GNU_HASH present" grep -qF '(GNU_HASH)' "$tmp/dynamic"
expect_success "no relocation sections" grep -qF 'There are no relocations in this file.' "$tmp/relocs"
expect_success "no relocation or TEXTREL tags" \
	bash -c "! grep -qE '\((REL|RELA|RELR|JMPREL|TEXTREL)\)' '$tmp/dynamic'"

loads=$(grep -cE '^ +LOAD ' "$tmp/segments")
tap $((loads != 1)) "exactly one PT_LOAD (found $loads)"
expect_success "the PT_LOAD is R+X at vaddr 0, offset 0" \
	grep -qE '^ +LOAD +0x0+ 0x0+ 0x0+ 0x[0-9a-f]+ 0x[0-9a-f]+ R E 0x' "$tmp/segments"
expect_success "no writable segment" \
	bash -c "! grep -E '^ +LOAD ' '$tmp/segments' | grep -q ' RW'"
expect_success ".dynamic lies in the PT_LOAD" \
	grep -qE '^ +00 .* \.dynamic ' "$tmp/segments"
expect_success "PT_DYNAMIC present" grep -qE '^ +DYNAMIC ' "$tmp/segments"
expect_success "GNU build-id note" bash -c "readelf -nW '$so' | grep -q NT_GNU_BUILD_ID"
expect_success "PT_NOTE present" grep -qE '^ +NOTE ' "$tmp/segments"
expect_success ".eh_frame_hdr section present" grep -qF '.eh_frame_hdr' "$tmp/sections"
expect_success "PT_GNU_EH_FRAME present" grep -qE '^ +GNU_EH_FRAME ' "$tmp/segments"
expect_success "PT_GNU_STACK is not executable" \
	grep -qE '^ +GNU_STACK( +0x[0-9a-f]+){5} +RW? +0x' "$tmp/segments"
expect_success "no undefined dynamic symbol" \
	bash -c "! awk '\$1 != \"0:\" && \$7 == \"UND\"' '$tmp/dynsyms' | grep -q ."

for f in $functions; do
	expect_success "$f exported as FUNC in RAINBOW_1" \
		grep -qE " FUNC +GLOBAL +DEFAULT +[0-9]+ $f@@RAINBOW_1\$" "$tmp/dynsyms"
done

# Defined global symbols, less the one ld adds for the version node.
exported=$(awk '$5 == "GLOBAL" && $7 != "UND" { sub(/@.*/, "", $8); print $8 }' \
	"$tmp/dynsyms" | grep -vx RAINBOW_1 | sort)
expect_success "nothing else is exported" \
	test "$exported" = "$(echo "$functions" | sort)"
declared=$(grep -hoE '^[_A-Za-z0-9 ]+ \*?(rb|ipc)_[a-z0-9_]+\(' \
	vdso/include/rainbow/syscall.h vdso/include/rainbow/ipc.h | grep -v '^static ' |
	grep -oE '(rb|ipc)_[a-z0-9_]+\($' | tr -d '(' | sort)
expect_success "<rainbow/syscall.h> and <rainbow/ipc.h> declare exactly the exports" \
	test "$declared" = "$(echo "$functions" | sort)"

# Unwind info: an .eh_frame FDE starts at each exported function.
readelf -wf "$so" | sed -n 's/.* FDE .* pc=0*\([0-9a-f]*\)\.\..*/\1/p' | sort > "$tmp/fdes"
awk '$8 ~ /@@RAINBOW_1$/ { sub(/^0+/, "", $2); print $2 }' "$tmp/dynsyms" | sort > "$tmp/starts"
expect_success "every export has unwind info (an FDE)" \
	bash -c "test -s '$tmp/starts' && comm -23 '$tmp/starts' '$tmp/fdes' | ( ! grep -q . )"

build_id() { readelf -nW "$1" | sed -n 's/.*Build ID: //p'; }
expect_success "vdso.dbg has the same build-id" test "$(build_id "$so")" = "$(build_id "$dbg")"
expect_success "vdso.dbg has DWARF, vdso.so has none" \
	bash -c "readelf -SW '$dbg' | grep -q '\.debug_info' && ! grep -q '\.debug' '$tmp/sections'"

# body FUNCTION: its instructions, one a line, from its symbol's address
# and size (so the padding after it is left out).
body() {
	local start size
	read -r start size < <(awk -v f="$1@@RAINBOW_1" '$8 == f { print $2, $3 }' "$tmp/dynsyms")
	objdump -d --no-show-raw-insn --start-address=$((16#$start)) \
		--stop-address=$((16#$start + size)) "$so" | sed -n 's/^ *[0-9a-f]*:\t//p'
}

# Straight-line count: one pass through the read loop, plus the caller's call.
instructions=$(body rb_clock_monotonic_ns | grep -vc nop)
instructions=$((instructions ? instructions + 1 : 0))
tap $((instructions == 0 || instructions >= max_clock_instructions)) \
	"rb_clock_monotonic_ns is $instructions instructions with the call (< $max_clock_instructions)"

# IPC goes through SYSCALL, the clock and the CPU mask stay in user mode, everything else
# traps with int $0x80.  IPC counts include the ret, not the caller's call.
for f in $functions; do
	body "$f" > "$tmp/body"
	case $f in
	ipc_*)
		test "$(grep -c '^syscall' "$tmp/body")" = 1 && ! grep -q '^int' "$tmp/body"
		tap $? "$f enters the kernel through one SYSCALL, no int"
		count=$(wc -l < "$tmp/body")
		tap $((count == 0 || count > max_ipc_instructions[$f])) \
			"$f is $count instructions (<= ${max_ipc_instructions[$f]})"
		;;
	rb_clock_* | rb_cpus_online)
		! grep -qE '^(int|syscall)' "$tmp/body"
		tap $? "$f never enters the kernel"
		;;
	*)
		# shellcheck disable=SC2016 # a literal $ in the pattern
		grep -qE '^int +\$0x80' "$tmp/body" && ! grep -q '^syscall' "$tmp/body"
		tap $? "$f enters the kernel through int \$0x80, no SYSCALL"
		;;
	esac
done

# vdsocheck: accepts the real image, refuses broken ones with the reason.
# refused WHAT MESSAGE IMAGE DEBUG_IMAGE FUNCTION...
refused() {
	local what=$1 message=$2
	shift 2
	"$check" "$@" > "$tmp/out" 2>&1
	local status=$?
	[ "$status" -ne 0 ] && grep -qF "$message" "$tmp/out"
	tap $? "vdsocheck refuses $what: \"$message\""
}

expect_success "vdsocheck accepts the image" "$check" "$so" "$dbg" "${function_list[@]}"

cat > "$tmp/bad.c" <<'EOF'
int answer(void) { return 42; }
int (*answer_pointer)(void) = answer;   /* needs a relocation, writable */
EOF
gcc -fPIC -shared -nostdlib -Wl,--hash-style=both -o "$tmp/bad.so" "$tmp/bad.c"
refused "a relocation" "has relocations (DT_RELA)" "$tmp/bad.so" "$tmp/bad.so" "${function_list[@]}"
refused "a writable segment" "writable PT_LOAD" "$tmp/bad.so" "$tmp/bad.so" "${function_list[@]}"
refused "several PT_LOADs" "PT_LOAD segments, want exactly 1" "$tmp/bad.so" "$tmp/bad.so" "${function_list[@]}"
refused "a missing SONAME" "no DT_SONAME" "$tmp/bad.so" "$tmp/bad.so" "${function_list[@]}"
refused "a missing version node" "no DT_VERDEF defining RAINBOW_1" "$tmp/bad.so" "$tmp/bad.so" "${function_list[@]}"
refused "a missing export" "required function rb_missing not exported" \
	"$so" "$dbg" "${function_list[@]}" rb_missing
mapfile -t without_yield < <(grep -vx rb_yield <<< "$functions")
refused "an unlisted export" "exports rb_yield, not in the required list" \
	"$so" "$dbg" "${without_yield[@]}"

# The same objects linked with the data page two pages down.
sed 's/rb_vdso_data_page = \. - .*;/rb_vdso_data_page = . - 8192;/' build/vdso/vdso.lds > "$tmp/moved.lds"
objects=()
for c in vdso/*.c; do
	objects+=("build/${c%.c}.o")
done
gcc -shared -nostdlib -Wl,-T,"$tmp/moved.lds" -Wl,--version-script=build/vdso/vdso.map \
	-Wl,--build-id -o "$tmp/moved.dbg" "${objects[@]}"
refused "a moved data page" "rb_vdso_data_page at 0xffffffffffffe000, want 0xfffffffffffff000" \
	"$so" "$tmp/moved.dbg" "${function_list[@]}"
refused "a debug image of another link" "build-id differs" "$so" "$tmp/moved.dbg" "${function_list[@]}"

# The image object, assembled as mk/vdso.mk does.
size=$(stat -c %s "$so")
gcc -DVDSO_SO="\"$so\"" -c vdso/vdso_image.S -o "$tmp/image.o"
objcopy -O binary -j .rodata "$tmp/image.o" "$tmp/image.bin"
expect_success "vdso_image.o holds vdso.so byte for byte" cmp -n "$size" "$tmp/image.bin" "$so"
expect_success "vdso_image.o pads the last page with zeros" \
	cmp <(tail -c +$((size + 1)) "$tmp/image.bin") \
	    <(head -c $(( $(stat -c %s "$tmp/image.bin") - size )) /dev/zero)
expect_success "vdso_image_start is page-aligned in .rodata" \
	bash -c "readelf -SW '$tmp/image.o' | grep -E ' \.rodata ' | grep -qE ' 4096\$'"
expect_success "vdso_image_start/end span the image" \
	bash -c "nm '$tmp/image.o' | grep -qx '0000000000000000 R vdso_image_start' &&
		 nm '$tmp/image.o' | grep -qx \"$(printf '%016x' "$size") R vdso_image_end\""

# run_on_host NAME CFLAGS...: builds tests/host/NAME.c with the TAP helper
# of tests/lib/, runs it on the image and passes its TAP on.
run_on_host() {
	local name=$1
	shift
	if ! gcc "${host_cflags[@]}" -Itests/lib "$@" tests/lib/tap.c -o "$tmp/$name" 2> "$tmp/cc"; then
		sed 's/^/# /' "$tmp/cc"
		tap 1 "tests/host/$name.c compiles"
		return
	fi
	"$tmp/$name" "$so" > "$tmp/out" 2>&1
	local status=$?
	expect_tap "$name" "$tmp/out"
	tap "$status" "$name exits 0"
}

# The clock, run on this machine with a hand-filled data page.
run_on_host vdso_clock -Ivdso -Ivdso/include -pthread tests/host/vdso_clock.c

# The IPC entry points, with seccomp and SIGSYS playing the kernel, found
# through the crt's own lookup.
run_on_host vdso_ipc -Ivdso -Ivdso/include -idirafter crt/include \
	tests/host/vdso_ipc.c crt/dso_lookup.c

done_testing
