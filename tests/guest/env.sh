#!/usr/bin/env bash
# A bundle line's leading NAME=value words are its task's environment,
# shell-style (tests/guest/test_env); mk/mkiso refuses a malformed name or
# a line with no program, naming the line.
. tests/lib/suite.sh

boot env tests/guest/env.bundle
expect_status 0 "test_env exits 0"
expect_tap test_env
expect '^\[rainbow\] module 0: [0-9]+ bytes, "HOME=/ LANG=C.UTF-8 EMPTY= test_env one A=b"$' \
	"the module string carries the environment before the name"
expect '^\[rainbow\] task test_env started ' "the task is named by the program, not the environment"

dir=build/tests/env
mkdir -p "$dir"
for bad in "1X=a" "A-B=c" "=x"; do
	printf '# comment\n%s %s/build/apps/hello\n' "$bad" "$(pwd)" > "$dir/bad.bundle"
	msg=$(mk/mkiso "$kernel" "$dir/bad.bundle" "$dir/bad.iso" 2>&1)
	[ $? = 1 ] && [[ "$msg" == *"bad.bundle:2: malformed environment name in '$bad'"* ]]
	tap $? "mk/mkiso refuses '$bad', naming the line ($msg)"
done
printf 'A=1 B=2\n' > "$dir/noprog.bundle"
msg=$(mk/mkiso "$kernel" "$dir/noprog.bundle" "$dir/bad.iso" 2>&1)
[ $? = 1 ] && [[ "$msg" == *"noprog.bundle:1: no program after the environment"* ]]
tap $? "mk/mkiso refuses a line of environment only ($msg)"
cp build/apps/hello "$dir/a=b"
printf 'a=b\n' > "$dir/eqname.bundle"
msg=$(mk/mkiso "$kernel" "$dir/eqname.bundle" "$dir/bad.iso" 2>&1)
[ $? = 1 ] && [[ "$msg" == *"eqname.bundle:1: no program after the environment"* ]]
tap $? "a path a=b is an assignment, as in a shell: no program ($msg)"
printf '%s/a=b\n' "$(pwd)/$dir" > "$dir/eqname.bundle"
msg=$(mk/mkiso "$kernel" "$dir/eqname.bundle" "$dir/bad.iso" 2>&1)
[ $? = 1 ] && [[ "$msg" == *"eqname.bundle:1: malformed environment name"* ]]
tap $? "any path with '=' is taken for the environment, so refused ($msg)"
# The kernel's words leave the environment before main (libc-glue/fd_inherit.c),
# so a child spawned with environ does not take them: args, a service with a
# limit, beside a task that outlives it (a service alone is ended at once).
printf '%s\n' "RAINBOW_SERVICE=1 RAINBOW_MEM_LIMIT=32M X=1 $(pwd)/build/apps/args" \
	"$(pwd)/build/tests/guest/spin 1000" > "$dir/kernel_words.bundle"
boot env-kernel-words "$dir/kernel_words.bundle"
expect_status 0 "a service with a limit, beside a spinner, boots"
expect '^env: X=1$' "the line's own word is in the environment"
expect_not '^env: RAINBOW_' "RAINBOW_SERVICE and RAINBOW_MEM_LIMIT are not"
# Words reach argv as written, whatever GRUB escapes or would expand.
printf '%s %s\n' "$(pwd)/build/apps/args" "'q' \"d\" back\\slash \$HOME \${root} a;b #c *" > "$dir/literal.bundle"
boot env-literal "$dir/literal.bundle"
expect_status 0 "a bundle of quotes, backslashes, \$, ; and # boots"
expect "^argv\\[1\\] = \"'q'\"\$" "a single-quoted word arrives as written"
expect '^argv\[2\] = ""d""$' "a double-quoted word arrives as written"
expect '^argv\[3\] = "back\\slash"$' "a backslash arrives as written"
# shellcheck disable=SC2016 # a literal $ in the patterns
expect '^argv\[4\] = "\$HOME"$' "\$HOME is not expanded"
# shellcheck disable=SC2016
expect '^argv\[5\] = "\$\{root\}"$' "\${root}, a GRUB variable, is not expanded"
expect '^argv\[6\] = "a;b"$' "; is a character"
expect '^argv\[7\] = "#c"$' "# inside a line is a character"
expect '^argv\[8\] = "\*"$' "* is not globbed"
done_testing
