/*
 * Private syscall numbers, shared by the kernel and the vDSO only.
 *
 * Apps never see these: they call the vDSO's named entry points, which the
 * crt resolves at startup.  Renumbering here needs no app rebuild.
 *
 * Convention (interrupt path, vector RB_SYSCALL_VECTOR):
 *   rax = number; arguments in rdi, rsi, rdx, r10, r8, r9;
 *   result in rax: >= 0 success, -errno on failure (errno values are
 *   picolibc's <errno.h>).  Every other register is preserved.
 * The SYSCALL instruction is reserved for IPC (see ipc_abi.h).
 */
#ifndef RAINBOW_SYSNO_H
#define RAINBOW_SYSNO_H

#define RB_SYSCALL_VECTOR 0x80

#define SYS_console_write   0   /* (const void *buf, size_t len) -> len      */
#define SYS_exit            1   /* (int status), never returns               */
#define SYS_thread_create   2   /* (entry, arg, stack_top, tls) -> tid       */
#define SYS_thread_exit     3   /* (int status), never returns               */
#define SYS_thread_join     4   /* (tid, int *status) -> 0                   */
#define SYS_mem_map         5   /* (void *hint, size_t len, int prot) -> addr*/
#define SYS_mem_unmap       6   /* (void *addr, size_t len) -> 0             */
#define SYS_yield           7   /* () -> 0                                   */
#define SYS_sleep           8   /* (uint64_t ns) -> 0                        */
#define SYS_task_id         9   /* () -> task id                             */
#define SYS_thread_id      10   /* () -> thread id                           */
#define SYS_set_tls        11   /* (void *fs_base) -> 0                      */
#define SYS_console_read   12   /* (void *buf, size_t len) -> len, 0 at EOF  */
#define SYS_port_create    13   /* () -> owner handle                     */
#define SYS_port_destroy   14   /* (port) -> 0                            */
#define SYS_port_mint      15   /* (port, badge) -> send handle           */
#define SYS_handle_close   16   /* (handle) -> 0                          */
#define SYS_ns_register    17   /* (const char *name, handle) -> 0        */
#define SYS_ns_lookup      18   /* (const char *name) -> handle           */
#define SYS_thread_set_priority 19 /* (tid or 0, priority) -> 0          */
#define SYS_COUNT          20

#endif
