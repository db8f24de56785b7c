/*
 * ChaCha20's block function (RFC 8439, 2.1-2.3): a 4x4 state of 32-bit
 * words, the constants, the key, the counter and the nonce; ten double
 * rounds of quarter rounds over columns then diagonals; the input added
 * back; the words serialized little-endian.
 */
#include "chacha20.h"

#define ROUNDS 20

static uint32_t rotl(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static void quarter_round(uint32_t s[16], unsigned a, unsigned b, unsigned c, unsigned d)
{
	s[a] += s[b]; s[d] ^= s[a]; s[d] = rotl(s[d], 16);
	s[c] += s[d]; s[b] ^= s[c]; s[b] = rotl(s[b], 12);
	s[a] += s[b]; s[d] ^= s[a]; s[d] = rotl(s[d], 8);
	s[c] += s[d]; s[b] ^= s[c]; s[b] = rotl(s[b], 7);
}

void chacha20_block(const uint32_t key[CHACHA20_KEY_WORDS], uint32_t counter,
		    const uint32_t nonce[CHACHA20_NONCE_WORDS], uint8_t out[CHACHA20_BLOCK_BYTES])
{
	/* "expand 32-byte k" */
	uint32_t in[16] = { 0x61707865, 0x3320646e, 0x79622d32, 0x6b206574 };
	uint32_t s[16];

	for (unsigned i = 0; i < CHACHA20_KEY_WORDS; i++)
		in[4 + i] = key[i];
	in[12] = counter;
	for (unsigned i = 0; i < CHACHA20_NONCE_WORDS; i++)
		in[13 + i] = nonce[i];
	for (unsigned i = 0; i < 16; i++)
		s[i] = in[i];
	for (unsigned i = 0; i < ROUNDS; i += 2) {
		quarter_round(s, 0, 4, 8, 12);
		quarter_round(s, 1, 5, 9, 13);
		quarter_round(s, 2, 6, 10, 14);
		quarter_round(s, 3, 7, 11, 15);
		quarter_round(s, 0, 5, 10, 15);
		quarter_round(s, 1, 6, 11, 12);
		quarter_round(s, 2, 7, 8, 13);
		quarter_round(s, 3, 4, 9, 14);
	}
	for (unsigned i = 0; i < 16; i++) {
		uint32_t w = s[i] + in[i];
		out[4 * i] = w;
		out[4 * i + 1] = w >> 8;
		out[4 * i + 2] = w >> 16;
		out[4 * i + 3] = w >> 24;
	}
}
