/*
 * The vDSO entry points the crt binds at startup, one line each, in table
 * order: RB_VDSO_ENTRY(name) stands for the function rb_<name> of version
 * node RAINBOW_1, declared in <rainbow/syscall.h>.
 *
 * Included by vdso_table.h (the table's slots), vdso_bind.c (the names to
 * look up), vdso_calls.S (the app-facing rb_<name> functions) and the host
 * unit test; the includer defines RB_VDSO_ENTRY.
 */
RB_VDSO_ENTRY(console_write)
RB_VDSO_ENTRY(console_read)
RB_VDSO_ENTRY(exit)
RB_VDSO_ENTRY(thread_create)
RB_VDSO_ENTRY(thread_exit)
RB_VDSO_ENTRY(thread_join)
RB_VDSO_ENTRY(mem_map)
RB_VDSO_ENTRY(mem_unmap)
RB_VDSO_ENTRY(yield)
RB_VDSO_ENTRY(sleep_ns)
RB_VDSO_ENTRY(task_id)
RB_VDSO_ENTRY(thread_id)
RB_VDSO_ENTRY(set_tls)
RB_VDSO_ENTRY(clock_monotonic_ns)
RB_VDSO_ENTRY(clock_gettime)
