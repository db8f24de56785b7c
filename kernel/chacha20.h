#ifndef CHACHA20_H
#define CHACHA20_H

#include <stdint.h>

#define CHACHA20_KEY_WORDS   8	/* 256-bit key */
#define CHACHA20_NONCE_WORDS 3	/* 96-bit nonce */
#define CHACHA20_BLOCK_BYTES 64

/*
 * The ChaCha20 block function of RFC 8439, section 2.3: 64 bytes of
 * keystream for key, block counter and nonce (key and nonce as the
 * little-endian words of the RFC's byte strings).  Pure code, tested on
 * the host against the RFC's vectors (tests/unit/test_chacha20.c); the
 * kernel's generator (random.c) is its one user.
 */
void chacha20_block(const uint32_t key[CHACHA20_KEY_WORDS], uint32_t counter,
		    const uint32_t nonce[CHACHA20_NONCE_WORDS], uint8_t out[CHACHA20_BLOCK_BYTES]);

#endif
