#!/usr/bin/env bash
# A program written outside the tree, built with only rainbow.specs, boots.
. tests/boot/lib.sh

out=build/tests/outside/outside
mkdir -p "$(dirname "$out")"
gcc -specs=build/sysroot/rainbow.specs -O2 -o "$out" tests/guest/outside/outside.c -lm
tap $? "compiles and links with -specs=build/sysroot/rainbow.specs -lm"
printf '%s\n' "$(pwd)/$out from-the-bundle" > build/tests/outside/outside.bundle
boot outside build/tests/outside/outside.bundle
expect_status 0 "boots and exits 0"
expect '^outside: sqrt\(2\) = 1\.414214, argument "from-the-bundle", clock works$' "its output is right"
done_testing
