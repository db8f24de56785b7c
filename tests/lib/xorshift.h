/*
 * The tests' random numbers, shared by the guest's system-call fuzzer
 * (tests/guest/fuzz_syscalls), the host's ELF mutator
 * (tests/guest/elfmut/mkmutants.c) and the host's tables of random
 * printf and strtold cases (tests/guest/{printf_cases,strtold}/mkcases.c): xorshift64 seeded through splitmix64,
 * so that a seed repeats a run exactly and near seeds give unrelated runs.
 * One generator per program: the state is static.
 */
#ifndef XORSHIFT_H
#define XORSHIFT_H

#include <stdint.h>

static uint64_t rng_state;

/* splitmix64 of the seed: never 0, and near seeds far apart. */
static inline void rng_seed(uint64_t seed)
{
	rng_state = seed + 0x9e3779b97f4a7c15ull;
	rng_state = (rng_state ^ (rng_state >> 30)) * 0xbf58476d1ce4e5b9ull;
	rng_state = (rng_state ^ (rng_state >> 27)) * 0x94d049bb133111ebull;
	rng_state ^= rng_state >> 31;
	rng_state |= 1;
}

static inline uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* A number below n (n > 0). */
static inline uint64_t pick(uint64_t n)
{
	return rng() % n;
}

#endif
