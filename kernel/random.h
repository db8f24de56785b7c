#ifndef RANDOM_H
#define RANDOM_H

#include <stddef.h>

/*
 * The kernel's random numbers (random.c): a ChaCha20 generator with fast
 * key erasure, seeded at boot from what the machine offers (the CPU's
 * generator and seed instructions when present, cycle-counter jitter, the
 * real-time clock) and, when the CPU has a generator, rekeyed from it on
 * every request.  No kernel address ever goes in.  AT_RANDOM comes from
 * it (loader.c); getentropy() will.
 */

/* Seed the generator and log its sources; once at boot, after timer_calibrate. */
void random_init(void);

/* Fill buf with len random bytes (any len; no error: the generator cannot fail once seeded). */
void random_bytes(void *buf, size_t len);

#endif
