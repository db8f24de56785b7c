/*
 * memstress: malloc and free at random sizes, checking every block keeps
 * its contents; then malloc until the kernel has no more memory to give,
 * which must end in NULL with ENOMEM, not a crash; then free it all.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS          512
#define CHURN_ROUNDS   20000
#define LARGE_MAX      (64 * 1024)
#define FILL_BLOCK     (256 * 1024)

struct slot {
	unsigned char *bytes;
	size_t size;
	unsigned char fill;
};

static struct slot slots[SLOTS];
static uint64_t random_state = 0x9e3779b97f4a7c15ull;

/* xorshift64*: reproducible, so a failure can be replayed. */
static uint64_t next_random(void)
{
	random_state ^= random_state >> 12;
	random_state ^= random_state << 25;
	random_state ^= random_state >> 27;
	return random_state * 0x2545f4914f6cdd1dull;
}

/* Mostly small blocks, one in four up to LARGE_MAX. */
static size_t random_size(void)
{
	uint64_t r = next_random();

	return r % 4 ? 1 + (r >> 8) % 256 : 1 + (r >> 8) % LARGE_MAX;
}

static int release(struct slot *s)
{
	int damaged = 0;

	for (size_t i = 0; i < s->size; i++)
		damaged |= s->bytes[i] != s->fill;
	free(s->bytes);
	s->bytes = NULL;
	return damaged;
}

static int churn(void)
{
	unsigned long allocations = 0;
	int damaged = 0;

	for (int round = 0; round < CHURN_ROUNDS; round++) {
		struct slot *s = &slots[next_random() % SLOTS];

		if (s->bytes) {
			damaged += release(s);
			continue;
		}
		s->size = random_size();
		s->fill = (unsigned char)next_random();
		s->bytes = malloc(s->size);
		if (!s->bytes) {
			printf("memstress: malloc(%zu) failed during churn\n", s->size);
			return 1;
		}
		memset(s->bytes, s->fill, s->size);
		allocations++;
	}
	for (int i = 0; i < SLOTS; i++) {
		if (slots[i].bytes)
			damaged += release(&slots[i]);
	}
	printf("memstress: churn: %d rounds, %lu allocations, %d damaged blocks\n",
	       CHURN_ROUNDS, allocations, damaged);
	return damaged != 0;
}

static int exhaust(void)
{
	struct block { struct block *next; } *list = NULL;
	unsigned long blocks = 0;
	int failure_errno;
	void *again;

	for (;;) {
		struct block *b = malloc(FILL_BLOCK);

		if (!b)
			break;
		b->next = list;
		list = b;
		blocks++;
	}
	failure_errno = errno;
	printf("memstress: malloc returned NULL after %lu MiB, errno %s\n",
	       blocks * FILL_BLOCK / (1024 * 1024),
	       failure_errno == ENOMEM ? "ENOMEM" : strerror(failure_errno));
	while (list) {
		struct block *next = list->next;

		free(list);
		list = next;
	}
	again = malloc(FILL_BLOCK);
	printf("memstress: freed it all; malloc %s again\n", again ? "works" : "FAILS");
	free(again);
	return blocks == 0 || failure_errno != ENOMEM || !again;
}

int main(void)
{
	int failed = churn();

	failed |= exhaust();
	printf("memstress: %s\n", failed ? "FAILED" : "ok");
	return failed;
}
