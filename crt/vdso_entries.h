/*
 * The vDSO entry points the crt binds at startup, one line each, in table
 * order: RB_VDSO_ENTRY(prefix, name) stands for the function prefix##name
 * of version node RAINBOW_1 (declared in <rainbow/syscall.h> or
 * <rainbow/ipc.h>), whose table slot is VDSO_##name.  The rb_ functions
 * give rb_ as the prefix, so their slots are short (VDSO_console_write);
 * the ipc_ ones give an empty prefix and keep their name whole
 * (VDSO_ipc_call).  Two entries with one slot name would not compile.
 *
 * Included by vdso_table.h (the table's slots), vdso_bind.c (the names to
 * look up), vdso_calls.S (the app-facing functions) and the host unit
 * test; the includer defines RB_VDSO_ENTRY.
 */
RB_VDSO_ENTRY(rb_, console_write)
RB_VDSO_ENTRY(rb_, console_read)
RB_VDSO_ENTRY(rb_, exit)
RB_VDSO_ENTRY(rb_, thread_create)
RB_VDSO_ENTRY(rb_, thread_exit)
RB_VDSO_ENTRY(rb_, thread_join)
RB_VDSO_ENTRY(rb_, mem_map)
RB_VDSO_ENTRY(rb_, mem_unmap)
RB_VDSO_ENTRY(rb_, yield)
RB_VDSO_ENTRY(rb_, sleep_ns)
RB_VDSO_ENTRY(rb_, task_id)
RB_VDSO_ENTRY(rb_, thread_id)
RB_VDSO_ENTRY(rb_, thread_set_priority)
RB_VDSO_ENTRY(rb_, set_tls)
RB_VDSO_ENTRY(rb_, clock_monotonic_ns)
RB_VDSO_ENTRY(rb_, clock_gettime)
RB_VDSO_ENTRY(rb_, port_create)
RB_VDSO_ENTRY(rb_, port_destroy)
RB_VDSO_ENTRY(rb_, port_mint)
RB_VDSO_ENTRY(rb_, handle_close)
RB_VDSO_ENTRY(rb_, ns_register)
RB_VDSO_ENTRY(rb_, ns_lookup)
RB_VDSO_ENTRY(, ipc_call)
RB_VDSO_ENTRY(, ipc_wait)
RB_VDSO_ENTRY(, ipc_reply)
RB_VDSO_ENTRY(, ipc_reply_and_wait)
