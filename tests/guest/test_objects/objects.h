/*
 * test_objects: one task at each per-task limit (docs/limits.md) and
 * hostile IPC tags and flags, while a bystander task keeps working.
 * The roles of the one program (tests/guest/objects.bundle):
 *   test_objects            the attacker: TAP of every case
 *   test_objects hog N [B]  holds N threads for a while (or while its
 *                           call to the port named B blocks)
 *   test_objects scale      10,000 threads in itself, then as many in
 *                           hogs that call its barrier (tests/guest/scale.sh)
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
/*
 * The limits the kernel documents (docs/limits.md): threads, ports and
 * names come out of the task's memory limit; the handle table reaches
 * 65,536 handles.
 */
#define LIMIT_HANDLES 65536
/* The attacker's server that accepts handles (transfer.c), and the bystander's badge there. */
#define TRANSFER_NAME "objects-accepting"
#define TRANSFER_BYSTANDER_BADGE 2
/* The barrier of test_objects scale, and the threads it expects. */
#define SCALE_BARRIER "objects-barrier"
#define SCALE_THREADS 10000
/* How long the attacker and the hogs hold a limit reached. */
#define HOLD_NS (300 * 1000000ull)

/* Maps small stacks for n threads (threads.c): 0 or rb_mem_map's error. */
long threads_prepare(int n);
/*
 * Starts threads of the calling task (raw, on the stacks prepared, no
 * libc) until n run or the kernel refuses; each waits until
 * threads_release().  Returns how many started; *error is the refusal.
 */
int threads_start(long *error);
/* Lets the threads started end, joins them and unmaps their stacks; how many joined. */
int threads_release(void);

/*
 * Maps anonymous memory until the task's memory limit refuses even one
 * page (limits.c): 0 once there, else the unexpected error.  What it
 * mapped goes with memory_release().
 */
long memory_fill(void);
void memory_release(void);

int hog_main(int n, const char *barrier);
int bystander_main(void);
int scale_main(void);

void test_ports_die_with_owner_handle(void);
void test_port_limit(void);
void test_handle_limit(void);
void test_name_limit(void);
void test_thread_limit(void);
void test_reserved_tag_bits_in_calls(void);
void test_reserved_flags(void);
void test_reserved_tag_bits_in_replies(void);
void test_bystander_still_served(void);
void test_handles_refused_unless_accepted(void);
void test_handle_quota(void);

#endif
