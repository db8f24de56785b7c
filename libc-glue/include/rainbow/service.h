/*
 * Finding a service by name when it may not have started yet: the kernel's
 * registry (rb_ns_lookup) answers -ENOENT until the server registers.
 */
#ifndef RAINBOW_SERVICE_H
#define RAINBOW_SERVICE_H

#include <stdint.h>

/*
 * rb_ns_lookup(name), asked again every millisecond while it says -ENOENT,
 * for at most timeout_ns.  Returns the new handle, or the last error
 * (-ENOENT when the time ran out).  Blocks (sleeps between tries).
 */
long rb_ns_lookup_wait(const char *name, uint64_t timeout_ns);

/* Nanoseconds in s seconds, for timeouts. */
#define RB_SECONDS(s) ((uint64_t)(s) * 1000000000ull)

#endif
