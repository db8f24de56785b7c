/*
 * test_ipc: every rule and error of synchronous IPC (<rainbow/ipc.h>),
 * within one task and with test_ipc_peer as the other task.  Prints TAP;
 * exits 0 only if every check passed.
 *
 * Bundle: test_ipc, `test_ipc_peer server`, `test_ipc_peer client`
 * (tests/guest/ipc_errors.bundle).  The cases with a peer run first, so
 * the peers do not wait long for their part.
 */
#include "tap.h"
#include "test_ipc.h"

static const struct tap_test tests[] = {
	{ test_server_task_exits, "a server task ends mid-call" },
	{ test_client_task_exits, "a client task ends before its reply" },
	{ test_badges, "badges" },
	{ test_labels, "tags and labels" },
	{ test_reply_reaches_its_caller, "replies reach their callers" },
	{ test_handle_transfer, "handles in messages" },
	{ test_long_message, "64-word messages" },
	{ test_nothing_beyond_the_tag, "nothing beyond the tag" },
	{ test_msgsize, "EMSGSIZE" },
	{ test_bad_handles, "EBADF" },
	{ test_send_handle_is_not_owner, "EPERM" },
	{ test_destroyed_port, "EPIPE: destroyed ports" },
	{ test_server_thread_exits, "EPIPE: a server thread ends mid-call" },
	{ test_nonblock, "EAGAIN: RB_IPC_NONBLOCK" },
	{ test_reply_errors, "ESRCH: replies" },
	{ test_handle_table_full, "EMFILE" },
	{ test_names, "the name registry" },
	{ test_names_at_page_edges, "names at page edges" },
	{ test_utcb, "the UTCB" },
};

int main(void)
{
	return TAP_RUN(tests);
}
