#ifndef SYSCALL_H
#define SYSCALL_H

#include <stdint.h>

struct trap_frame;

/* The interrupt path: number, arguments and result as arch/interrupt.h places them. */
void syscall_dispatch(struct trap_frame *f);

/*
 * Handlers get the six arguments as arg[0..5] and return a value or
 * -errno.
 */
typedef long (*syscall_fn)(const uint64_t arg[6]);

long sys_console_write(const uint64_t arg[6]);
long sys_console_read(const uint64_t arg[6]);
long sys_exit(const uint64_t arg[6]);
long sys_thread_create(const uint64_t arg[6]);
long sys_thread_exit(const uint64_t arg[6]);
long sys_thread_join(const uint64_t arg[6]);
long sys_thread_set_priority(const uint64_t arg[6]);
long sys_mem_map(const uint64_t arg[6]);
long sys_mem_unmap(const uint64_t arg[6]);
long sys_yield(const uint64_t arg[6]);
long sys_sleep(const uint64_t arg[6]);
long sys_task_id(const uint64_t arg[6]);
long sys_thread_id(const uint64_t arg[6]);
long sys_set_tls(const uint64_t arg[6]);
long sys_port_create(const uint64_t arg[6]);
long sys_port_destroy(const uint64_t arg[6]);
long sys_port_mint(const uint64_t arg[6]);
long sys_handle_close(const uint64_t arg[6]);
long sys_ns_register(const uint64_t arg[6]);
long sys_ns_lookup(const uint64_t arg[6]);

#endif
