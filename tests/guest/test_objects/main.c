/*
 * test_objects: per-task limits and reserved IPC bits against hostile
 * input (issue 10, items 4 to 7), with a bystander that must not notice;
 * objects.h describes the roles.  The attacker prints TAP and exits 0
 * only if every check passed.
 */
#include <stdlib.h>
#include <string.h>

#include <rainbow/service.h>

#include "objects.h"
#include "tap.h"

static const struct tap_test tests[] = {
	{ test_reserved_tag_bits_in_calls, "reserved tag bits in calls" },
	{ test_reserved_flags, "reserved flags of call and wait" },
	{ test_reserved_tag_bits_in_replies, "reserved tag bits in replies" },
	{ test_ports_die_with_owner_handle, "ports die with their owner handle" },
	{ test_port_limit, "the port limit" },
	{ test_handle_limit, "the handle limit" },
	{ test_name_limit, "the name limit" },
	{ test_thread_limit, "the thread limit" },
	{ test_handles_refused_unless_accepted, "handles in calls need the server's consent" },
	{ test_handle_quota, "handles in calls: one client's quota" },
	{ test_bystander_still_served, "the bystander is still served" },
};

int main(int argc, char **argv)
{
	if (argc > 2 && !strcmp(argv[1], "hog"))
		return hog_main(atoi(argv[2]), argc > 3 ? argv[3] : NULL);
	if (argc > 1 && !strcmp(argv[1], "scale"))
		return scale_main();
	if (argc > 1 && !strcmp(argv[1], "bystander"))
		return bystander_main();
	return TAP_RUN(tests);
}
