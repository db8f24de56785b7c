/*
 * What test_ipc and test_ipc_peer agree on, for the cases that need a
 * second task.
 *
 * `test_ipc_peer server` registers PEER_SERVER_NAME, takes one call and
 * ends its task without replying: the caller must get -EPIPE.
 *
 * `test_ipc_peer client` registers PEER_CLIENT_NAME (a port nobody serves:
 * while the peer lives a non-blocking call to it is -EAGAIN, once it has
 * gone -EPIPE), then calls TEST_IPC_NAME twice at once: PEER_HOLD from a
 * thread, PEER_EXITING from the main thread, which ends the task as soon as
 * that one is answered.  test_ipc's reply to PEER_HOLD must then be -ESRCH.
 */
#ifndef TEST_IPC_PEER_H
#define TEST_IPC_PEER_H

#define PEER_SERVER_NAME "test-ipc-peer-server"
#define PEER_CLIENT_NAME "test-ipc-peer-client"
#define TEST_IPC_NAME    "test-ipc"

enum peer_label {
	PEER_HOLD = 1,
	PEER_EXITING,
};

#endif
