/*
 * Per-task randomized placement, as Linux places its vDSO, stack and PIE
 * (and as OpenBSD does everything): each region moves by a whole number
 * of pages drawn from the kernel's generator (random.c), inside the
 * windows of user_layout.h, which never overlap.  The vDSO is linked at
 * 0 and reaches its data page PC-relatively, so the pair moves as one.
 */
#include "placement.h"
#include "cmdline.h"
#include "random.h"
#include "task.h"
#include "log.h"
#include "user_layout.h"
#include <string.h>


_Static_assert(USER_STACK_TOP - USER_STACK_RANDOM - USER_STACK_MAX - USER_PAGE_SIZE >=
	       VDSO_RANDOM_LOW + VDSO_RANDOM_SPAN + VDSO_SIZE_MAX,
	       "the lowest largest stack's guard page lies above the highest vDSO");
_Static_assert(USER_STACK_TOP - USER_STACK_MAX - USER_PAGE_SIZE >= VDSO_BASE + VDSO_SIZE_MAX,
	       "the fixed largest stack's guard page lies above the fixed vDSO");
_Static_assert(UTCB_AREA + UTCB_RANDOM + TASK_THREADS_MAX * USER_PAGE_SIZE <=
	       VDSO_RANDOM_LOW - USER_PAGE_SIZE,
	       "the highest UTCB area ends below the lowest vDSO data page");
_Static_assert(UTCB_AREA >= USER_ANON_TOP, "the UTCB area lies above anonymous memory");
_Static_assert(USER_PIE_BASE + USER_PIE_RANDOM < USER_IMAGE_TOP, "the PIE window lies among the images");

static bool randomized = true;

void placement_init(const char *cmdline)
{
	randomized = !cmdline_is(cmdline, "aslr", "off");
	klog(randomized ? "placement: randomized per task (vDSO, stack, UTCBs 18 bits each, PIE base 28 bits)"
		       : "placement: fixed (aslr=off)");
}

/* A random page offset below window bytes (a power of two); 0 when fixed. */
static uint64_t pages_below(uint64_t window)
{
	uint64_t r;

	if (!randomized)
		return 0;
	random_bytes(&r, sizeof(r));
	return r & (window - 1) & ~(uint64_t)(USER_PAGE_SIZE - 1);
}

void placement_choose(struct task *t)
{
	t->stack_top = USER_STACK_TOP - pages_below(USER_STACK_RANDOM);
	t->vdso_base = randomized ? VDSO_RANDOM_LOW + pages_below(VDSO_RANDOM_SPAN) : VDSO_BASE;
	t->utcb_area = UTCB_AREA + pages_below(UTCB_RANDOM);
}

uint64_t placement_pie_base(void)
{
	return USER_PIE_BASE + pages_below(USER_PIE_RANDOM);
}
