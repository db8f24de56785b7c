/*
 * The IPC entry, private to the kernel and the vDSO: the SYSCALL
 * instruction, reserved for IPC.  Everything else uses int $0x80.
 *
 * Each operation IPC_OP_* has its own SYSCALL instruction in the vDSO
 * (.rb_ipc_sites), and the site names the operation: rax is not read.
 * In:  rdi = handle (call), port (wait) or rcvid (reply*),
 *      rsi = tag, edx = flags (call, wait: an unsigned int, rdx's upper
 *      half not read) or rdx = port (reply_and_wait).
 * Out: rax = tag received or 0 (reply), or -errno.
 * The message words are not in registers: the kernel copies mr[0..words-1]
 * from the sender's UTCB to the receiver's, and no other word; a receive
 * writes the receiver's UTCB rcvid and badge too.
 * rcx and r11 are clobbered (SYSCALL/SYSRET use them), r8, r9 and r10
 * come back 0; the rest survive (rdi, rsi and rdx included).
 */
#ifndef RAINBOW_IPC_ABI_H
#define RAINBOW_IPC_ABI_H

#define IPC_OP_CALL           0
#define IPC_OP_WAIT           1
#define IPC_OP_REPLY          2
#define IPC_OP_REPLY_AND_WAIT 3
#define IPC_OP_COUNT          4

#endif
