/*
 * <setjmp.h> (C17 7.13, POSIX): setjmp and longjmp are picolibc's; POSIX's
 * obsolescent _setjmp and _longjmp, which leave the signal mask alone, are
 * the same jumps (libc-glue/setjmp_posix.S), since a Rainbow task has no
 * signal mask to save.  sigsetjmp and siglongjmp are absent, with
 * sigprocmask.  Rainbow's own header; jmp_buf is picolibc's.
 */
#ifndef _SETJMP_H_
#define _SETJMP_H_

#include <sys/cdefs.h>
#include <machine/setjmp.h>

#ifdef __cplusplus
extern "C" {
#endif

__attribute__((returns_twice)) int setjmp(jmp_buf env);
__attribute__((noreturn)) void longjmp(jmp_buf env, int val);
__attribute__((returns_twice)) int _setjmp(jmp_buf env);
__attribute__((noreturn)) void _longjmp(jmp_buf env, int val);

#ifdef __cplusplus
}
#endif

#endif
