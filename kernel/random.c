/*
 * A ChaCha20 generator in the manner of Bernstein's "fast-key-erasure
 * random-number generators" (2017): each request takes block 0 of the
 * current key as the next key and blocks 1.. as output, then forgets the
 * old key, so a later look at kernel memory cannot recover earlier
 * output.  Seed material is absorbed by XOR into the key, then folded
 * through the block function.
 */
#include "random.h"
#include "chacha20.h"
#include "log.h"
#include "machine.h"
#include "timer.h"
#include "arch/entropy.h"
#include "arch/rtc.h"
#include <string.h>
#include <strings.h>

#define SEED_WORDS    8		/* from the CPU's seed instruction, when present */
#define JITTER_ROUNDS 64	/* cycle-counter samples */
#define REQUEST_WORDS 2		/* from the CPU's generator, per request */

static uint32_t key[CHACHA20_KEY_WORDS];
static const uint32_t nonce[CHACHA20_NONCE_WORDS];
static unsigned absorbed;	/* words XORed into the key since the last fold */
static bool cpu_generator;

/* Replace the key by block 0 of itself, forgetting the old one. */
static void fold(void)
{
	uint8_t block[CHACHA20_BLOCK_BYTES];

	chacha20_block(key, 0, nonce, block);
	memcpy(key, block, sizeof(key));
	explicit_bzero(block, sizeof(block));
	absorbed = 0;
}

static void absorb(uint64_t v)
{
	key[absorbed % CHACHA20_KEY_WORDS] ^= (uint32_t)v;
	key[(absorbed + 1) % CHACHA20_KEY_WORDS] ^= (uint32_t)(v >> 32);
	absorbed += 2;
	if (absorbed >= CHACHA20_KEY_WORDS)
		fold();
}

void random_init(void)
{
	const char *cpu = arch_entropy_init();
	uint64_t w;
	unsigned seeds = 0;

	for (unsigned i = 0; cpu && i < SEED_WORDS; i++)
		if (arch_seed_word(&w)) {
			absorb(w);
			seeds++;
		}
	cpu_generator = cpu && arch_random_word(&w);
	absorb((uint64_t)rtc_read_unix_seconds());
	absorb(timer_tsc_hz());
	/* The spacing of cycle-counter reads varies with caches, interrupts and the bus. */
	uint64_t last = machine_cycles();
	for (unsigned i = 0; i < JITTER_ROUNDS; i++) {
		uint64_t now = machine_cycles();
		absorb(now ^ (now - last) << 32);
		last = now;
	}
	fold();
	klog("random: ChaCha20 seeded from %s%scycle-counter jitter and the RTC%s",
	     seeds ? cpu : "", seeds ? ", " : "",
	     cpu_generator ? ", rekeyed from the CPU's generator on every request" : "");
}

void random_bytes(void *buf, size_t len)
{
	uint8_t block[CHACHA20_BLOCK_BYTES], *out = buf;
	uint64_t w;

	for (unsigned i = 0; cpu_generator && i < REQUEST_WORDS; i++)
		if (arch_random_word(&w))
			absorb(w);
	chacha20_block(key, 0, nonce, block);
	uint32_t next[CHACHA20_KEY_WORDS];
	memcpy(next, block, sizeof(next));
	for (uint32_t counter = 1; len; counter++) {
		chacha20_block(key, counter, nonce, block);
		size_t n = len < sizeof(block) ? len : sizeof(block);
		memcpy(out, block, n);
		out += n;
		len -= n;
	}
	memcpy(key, next, sizeof(key));
	explicit_bzero(next, sizeof(next));
	explicit_bzero(block, sizeof(block));
	absorbed = 0;
}
