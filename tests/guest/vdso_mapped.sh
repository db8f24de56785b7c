#!/usr/bin/env bash
# The vDSO a task sees is byte for byte build/vdso/vdso.so.
. tests/lib/suite.sh

boot vdso-mapped tests/guest/vdso_mapped.bundle
expect_status 0 "vdsodump exits 0"
dumped=$(sed -n '/^vdso-dump-begin/,/^vdso-dump-end/p' "$boot_log" | sed '1d;$d' | tr -d '\n')
expected=$(od -An -v -tx1 build/vdso/vdso.so | tr -d ' \n')
[ -n "$dumped" ] && [ "$dumped" = "$expected" ]
tap $? "the mapped vDSO is identical to build/vdso/vdso.so ($(( ${#expected} / 2 )) bytes)"
expect "^vdso-dump-begin $(stat -c %s build/vdso/vdso.so)$" "the mapped image has the file's size"
done_testing
