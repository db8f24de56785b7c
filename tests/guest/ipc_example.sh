#!/usr/bin/env bash
# docs/ipc.md's example is apps/echo_example/main.c word for word, and it
# works: two clients get their text back in capitals.
. tests/lib/suite.sh

# shellcheck disable=SC2016 # sed addresses, not shell expansions
quoted=$(sed -n '/^```c$/,/^```$/p' docs/ipc.md | sed '1d;$d')
[ -n "$quoted" ] && [ "$quoted" = "$(cat apps/echo_example/main.c)" ]
tap $? "docs/ipc.md quotes apps/echo_example/main.c exactly"

boot ipc-example tests/guest/ipc_example.bundle
expect_status 0 "server and clients exit 0"
expect '^echo_example: sent "hello", got "HELLO"$' "the first client gets its answer"
expect '^echo_example: sent "rainbow", got "RAINBOW"$' "the second client gets its answer"
expect '^echo: 1 words from badge 42$' "the server sees the badge it minted"
done_testing
