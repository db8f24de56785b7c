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

# The server goes on past a client that sends handles it did not ask for
# and dies with calls under way (it serves for ever: server 0).
printf '%s\n' "$(pwd)/build/apps/echo_example server 0" "$(pwd)/build/tests/guest/test_dying_client" \
	"$(pwd)/build/apps/echo_example client after" > build/tests/dying.bundle
boot ipc-example-dying build/tests/dying.bundle
expect_tap test_dying_client
expect '^echo_example: sent "after", got "AFTER"$' "a later client still gets its answer"
expect_not '^\[rainbow\] task echo_example exited: 1' "the server never gives up"
expect 'echo_example.*(deadlock|blocked)' "the server is still waiting when the bundle ends"
done_testing
