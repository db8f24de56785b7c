#!/usr/bin/env bash
# A program written outside the tree, built with only rainbow.specs, boots.
. tests/lib/suite.sh

out=build/tests/outside/outside
mkdir -p "$(dirname "$out")"
gcc -specs=build/sysroot/rainbow.specs -O2 -o "$out" tests/guest/outside/outside.c -lm
tap $? "compiles and links with -specs=build/sysroot/rainbow.specs -lm"
gcc -specs=build/sysroot/rainbow.specs -O2 -static-pie -o "$out-pie" tests/guest/outside/outside.c -lm
tap $? "compiles and links as a static PIE too"
printf '%s\n' "$(pwd)/$out from-the-bundle" "$(pwd)/$out-pie as-a-pie" > build/tests/outside/outside.bundle
boot outside build/tests/outside/outside.bundle
expect_status 0 "both boot and exit 0"
expect '^outside: sqrt\(2\) = 1\.414214, argument "from-the-bundle", clock works$' "its output is right"
expect '^\[rainbow\] task outside-pie started \(id [0-9]+, PIE, entry 0x[0-9a-f]{10,11}\)$' "the PIE is placed in the PIE window (randomized)"
expect '^outside: sqrt\(2\) = 1\.414214, argument "as-a-pie", clock works$' "the PIE relocates itself and runs"
done_testing
