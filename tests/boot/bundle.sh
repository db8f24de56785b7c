#!/usr/bin/env bash
# Bundle files: comments and blank lines are skipped, a missing app is an
# error that names the line, arguments reach the module command line.
. tests/lib/suite.sh

dir=build/tests/bundle
mkdir -p "$dir"
printf '# comment\n\n../../apps/hello\n../../apps/no-such-app x\n' > "$dir/bad.bundle"
msg=$(mk/mkiso "$kernel" "$dir/bad.bundle" "$dir/bad.iso" 2>&1)
status=$?
[ $status -ne 0 ]
tap $? "a bundle naming a missing file is refused"
[[ "$msg" == *"bad.bundle:4: no such file"* ]]
tap $? "the message names the line ($msg)"

printf '# comment\n\n%s/build/apps/hello  with   args\n' "$(pwd)" > "$dir/good.bundle"
boot bundle "$dir/good.bundle"
expect_status 0 "an absolute path with arguments boots"
expect '^\[rainbow\] module 0: [0-9]+ bytes, "hello with args"$' "the module command line is the name and the arguments"
done_testing
