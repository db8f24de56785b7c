/*
 * The atomic operations the portable kernel's lock needs (klock.c): on
 * x86-64 a locked xadd, and plain loads and stores, which the CPU already
 * orders as acquire and release (TSO); the compiler is told so too.
 */
#ifndef ARCH_ATOMIC_H
#define ARCH_ATOMIC_H

#include <stdint.h>

/* *p += 1, returning the old value; nothing later moves before it. */
static inline uint32_t atomic_fetch_inc(volatile uint32_t *p)
{
	return __atomic_fetch_add(p, 1, __ATOMIC_ACQ_REL);
}

static inline uint32_t atomic_load_acquire(const volatile uint32_t *p)
{
	return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static inline void atomic_store_release(volatile uint32_t *p, uint32_t v)
{
	__atomic_store_n(p, v, __ATOMIC_RELEASE);
}

/* In a spin loop: tell the CPU (pause), which saves power and a sibling thread's time. */
static inline void cpu_relax(void)
{
	__asm__ volatile("pause" : : : "memory");
}

#endif
