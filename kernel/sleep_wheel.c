/*
 * The sleep wheel (sleep_wheel.h): SLEEP_WHEEL_LEVELS rings of lists of
 * threads, and the last tick the wheel has caught up with.
 */
#include "sleep_wheel.h"
#include "tcb.h"

#define SLOT_MASK (SLEEP_WHEEL_SLOTS - 1)

static struct list slots[SLEEP_WHEEL_LEVELS][SLEEP_WHEEL_SLOTS];
static uint64_t wheel_now;	/* every tick up to it is done: its sleepers woke */
static uint64_t sleeping;	/* threads on the wheel */

void sleep_wheel_init(void)
{
	for (unsigned level = 0; level < SLEEP_WHEEL_LEVELS; level++)
		for (unsigned slot = 0; slot < SLEEP_WHEEL_SLOTS; slot++)
			list_init(&slots[level][slot]);
}

/*
 * Links t where its tick (or earliest, if later) falls from wheel_now: the
 * level of the highest group of bits where the two differ, 0 when equal.
 * The groups above are equal, so the slot comes due (wheel_now reaches
 * the tick with the lower groups zero) before wheel_now passes the tick,
 * and then t moves to a lower level.
 */
static void place(struct thread *t, uint64_t earliest)
{
	uint64_t due = t->wake_tick > earliest ? t->wake_tick : earliest, differ = due ^ wheel_now;
	unsigned level = differ ? (63 - (unsigned)__builtin_clzll(differ)) / SLEEP_WHEEL_BITS : 0;

	list_push_back(&slots[level][(due >> (level * SLEEP_WHEEL_BITS)) & SLOT_MASK], &t->run_link);
}

void sleep_wheel_add(struct thread *t, uint64_t tick)
{
	t->wake_tick = tick;
	sleeping++;
	place(t, wheel_now + 1);	/* wheel_now's sleepers are woken already */
}

void sleep_wheel_remove(struct thread *t)
{
	list_remove(&t->run_link);
	t->wake_tick = 0;
	sleeping--;
}

/* wheel_now moves to the next tick: the slots of higher levels that come due move down, the highest first. */
static void next_tick(void)
{
	unsigned top = 0;

	wheel_now++;
	while (top + 1 < SLEEP_WHEEL_LEVELS &&
	       !(wheel_now & ((1ull << ((top + 1) * SLEEP_WHEEL_BITS)) - 1)))
		top++;
	for (unsigned level = top; level > 0; level--) {
		struct list *slot = &slots[level][(wheel_now >> (level * SLEEP_WHEEL_BITS)) & SLOT_MASK];
		while (!list_empty(slot))
			place(list_entry(list_pop_front(slot), struct thread, run_link), wheel_now);
	}
}

struct thread *sleep_wheel_take_due(uint64_t now)
{
	for (;;) {
		struct list *slot = &slots[0][wheel_now & SLOT_MASK];
		if (!list_empty(slot)) {
			struct thread *t = list_entry(slot->next, struct thread, run_link);
			sleep_wheel_remove(t);
			return t;
		}
		if (wheel_now >= now)
			return NULL;
		next_tick();
	}
}

bool sleep_wheel_empty(void)
{
	return sleeping == 0;
}
