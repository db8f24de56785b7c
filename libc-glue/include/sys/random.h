/*
 * <sys/random.h>: random bytes from the kernel's generator (as in glibc
 * and musl), for keys, nonces and seeds.  getentropy() is also declared in
 * <unistd.h> (POSIX 2024).  Both read rb_random() (<rainbow/syscall.h>):
 * ChaCha20 with fast key erasure, seeded at boot, never blocking.  picolibc
 * has no such header; this one is Rainbow's (libc-glue/random.c).
 */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/types.h>

/* getrandom() flags.  All are accepted; none changes anything, since the
 * generator never blocks and has one pool. */
#define GRND_NONBLOCK 0x01
#define GRND_RANDOM   0x02
#define GRND_INSECURE 0x04

/* The most bytes one getentropy() gives (POSIX puts it in <limits.h>). */
#ifndef GETENTROPY_MAX
#define GETENTROPY_MAX 256
#endif

/*
 * Fills buf with len random bytes.  Returns len, or -1 with errno: EINVAL
 * for a flag outside GRND_*, EFAULT for a buffer not writable (bytes
 * before the bad page may have been filled).  Any length is filled whole,
 * RB_RANDOM_MAX bytes per kernel entry; never interrupted, never blocks.
 */
ssize_t getrandom(void *buf, size_t len, unsigned flags);

/*
 * Fills buf with len random bytes (POSIX 2024).  Returns 0, or -1 with
 * errno: EINVAL if len is above GETENTROPY_MAX (256), EFAULT for a buffer
 * not writable (then buf's contents are unspecified).  Never blocks.
 */
int getentropy(void *buf, size_t len);

#endif
