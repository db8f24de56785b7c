/*
 * Entropy: getentropy() of 32 bytes, a key's worth: libc, one kernel entry
 * through the vDSO, two ChaCha20 blocks (the next key and the output).
 */
#include <unistd.h>

#include "bench.h"

static long entropy_32(void)
{
	unsigned char key[32];

	return getentropy(key, sizeof(key));
}

void bench_getentropy_32(void)
{
	bench_finish("getentropy_32", "getentropy", bench_time(entropy_32), 1);
}
