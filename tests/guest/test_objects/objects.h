/*
 * test_objects: one task at each per-task limit (docs/limits.md) and
 * hostile IPC tags and flags, while a bystander task keeps working.
 * The roles of the one program (tests/guest/objects.bundle):
 *   test_objects            the attacker: TAP of every case
 *   test_objects hog        holds its 127 other threads for a while
 *   test_objects bystander  serves, creates and registers all along;
 *                           exits 0 only if nothing ever failed
 */
#ifndef TEST_OBJECTS_H
#define TEST_OBJECTS_H

#include <stdint.h>

#include <rainbow/ipc.h>

/* The bystander's server registers this name. */
#define BYSTANDER_NAME "objects-bystander"
/*
 * Labels of the calls its server answers, each with label + 1: an echo,
 * the attacker's last call, the bystander's own last call.
 */
#define BYSTANDER_ECHO 7
#define BYSTANDER_DONE 9
#define BYSTANDER_QUIT 11
/* The limits the kernel documents (docs/limits.md). */
#define LIMIT_THREADS 128
#define LIMIT_PORTS   32
#define LIMIT_HANDLES 64
#define LIMIT_NAMES   8
/* How long the attacker and the hogs hold a limit reached. */
#define HOLD_NS (300 * 1000000ull)

/*
 * Starts threads of the calling task (raw, on small static stacks, no
 * libc) until the kernel refuses; each sleeps until threads_release().
 * Returns how many started; *error is the refusal.
 */
int threads_fill(long *error);
/* Lets the threads of threads_fill end and joins them; how many joined. */
int threads_release(void);

int hog_main(void);
int bystander_main(void);

void test_ports_die_with_owner_handle(void);
void test_port_limit(void);
void test_handle_limit(void);
void test_name_limit(void);
void test_thread_limit(void);
void test_reserved_tag_bits_in_calls(void);
void test_reserved_flags(void);
void test_reserved_tag_bits_in_replies(void);
void test_bystander_still_served(void);

#endif
