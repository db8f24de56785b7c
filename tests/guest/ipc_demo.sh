#!/usr/bin/env bash
# The IPC demos: the logger names each line's client from the badge of the
# handle it came through; the key-value clients check every answer.
. tests/lib/suite.sh

boot ipc-demo tests/guest/ipc_demo.bundle
expect_status 0 "every task exits 0"
expect '^\[rainbow\] all tasks done: 7 exited 0, 0 failed, 0 modules refused$' "all 7 tasks exit 0"

# client NAME LINES: connected with a badge of its own, every line logged
# under its name, goodbye after all of them.
client() {
	local name=$1 lines=$2 i missing=0
	expect "^\[logger\] <$name> connected, badge [0-9]+$" "logger: $name connected"
	for i in $(seq 1 "$lines"); do
		grep -qx "\[logger\] <$name> hello #$i" "$boot_log" || missing=$((missing + 1))
	done
	tap $missing "logger: all $lines lines of $name, prefixed with its name"
	expect "^\[logger\] <$name> said goodbye after $lines lines$" "logger: $name said goodbye"
}
client logclient-1 3
client logclient-2 4
client logclient-3 2
badges=$(grep -oE '^\[logger\] <[^>]+> connected, badge [0-9]+$' "$boot_log" | awk '{ print $NF }' | sort -u | wc -l)
[ "$badges" = 3 ]
tap $? "logger: each client has a badge of its own ($badges distinct)"
expect '^\[logger\] all 3 clients said goodbye$' "logger: ends when all clients are gone"

expect '^kvclient kv-a: 3 threads x 20 keys, [0-9]+ answers checked, all right$' "kvclient kv-a: every answer right"
expect '^kvclient kv-b: 4 threads x 15 keys, [0-9]+ answers checked, all right$' "kvclient kv-b: every answer right"
expect '^\[kvserver\] [0-9]+ requests answered, 0 keys left$' "kvserver: the clients deleted every key they put"
expect_not 'PANIC|killed' "nothing faults"
done_testing
