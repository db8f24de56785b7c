/* The file server's answers to the protocol of <rainbow/fs.h> (ops.c). */
#ifndef FSD_OPS_H
#define FSD_OPS_H

#include <stdint.h>

#include <rainbow/ipc.h>

/*
 * Answers the request in utcb (tag as received, badge and registers)
 * and returns the reply's tag, its registers written into utcb.  A handle
 * minted for the reply is stored in *minted: close it once the reply is
 * sent.  port is the server's owner handle.  Never fails: a bad request
 * gets RB_FS_ERROR | errno.
 */
uint64_t ops_handle(uint64_t tag, struct rb_utcb *utcb, long port, long *minted);

#endif
