#!/usr/bin/env bash
# GRUB module lines written by hand, as mk/mkiso never writes them: a
# "module2 FILE" without a string (valid multiboot2) runs with the name
# "moduleN", N its index, as its only argument; a string whose leading
# NAME=value word has a malformed name is refused, naming the module.
# The parsing itself is unit-tested (tests/unit/test_cmdline.c).
. tests/lib/suite.sh

dir=build/tests/module_string
rm -rf "$dir"
mkdir -p "$dir/tree/boot/grub" "$dir/tree/apps"
cp "$kernel" "$dir/tree/boot/rainbow.elf"
cp build/apps/args "$dir/tree/apps/args"
cp build/apps/hello "$dir/tree/apps/hello"
cat > "$dir/tree/boot/grub/grub.cfg" <<'CFG'
set timeout=0
set default=0
serial --unit=0 --speed=115200
terminal_output serial
menuentry "Rainbow" {
	multiboot2 /boot/rainbow.elf
	module2 /apps/args
	module2 /apps/hello
	module2 /apps/args 1X=bad args
	module2 /apps/args A=1 B=two args x
	boot
}
CFG
iso=$dir/module_string.iso
boot_log=build/tests/boot-module_string.log
if grub-mkrescue -o "$iso" "$dir/tree" > "$dir/mkrescue.log" 2>&1; then
	mk/qemu "$iso" --smp "$boot_smp" --timeout "${BOOT_TIMEOUT:-60}" --log "$boot_log" > /dev/null 2>&1
	boot_status=$?
	sed -i 's/\r//g' "$boot_log"
else
	cat "$dir/mkrescue.log"
	boot_status=2
	: > "$boot_log"
fi
expect_status 1 "the bundle fails: one module is refused"
expect '^\[rainbow\] module 0: [0-9]+ bytes, ""$' "GRUB passes an empty string for a line without one"
expect '^\[rainbow\] task module0 started ' "a module without a string is named by its index: module0"
expect '^argc = 1$' "it runs with argc 1"
expect '^argv\[0\] = "module0"$' "its argv[0] is module0"
expect '^\[rainbow\] task module0 exited: 0$' "module0 exits 0"
expect '^\[rainbow\] task module1 exited: 0$' "a second one is module1"
expect '^\[rainbow\] module module2 refused: malformed environment name' "a malformed environment name is refused, the module named"
expect '^env: A=1$' "leading NAME=value words are the environment"
expect '^argv\[1\] = "x"$' "the words after the name are the arguments"
expect '^\[rainbow\] all tasks done: 3 exited 0, 0 failed, 1 modules refused$' "three tasks ran, one module refused"
expect_not 'PANIC' "no panic"
done_testing
