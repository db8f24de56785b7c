/*
 * ipc_stress: one server, many clients (see stress.h).  Each task prints
 * TAP and exits 0 only if every message it saw was right.
 *
 *   ipc_stress server CLIENTS CALLS [below] serves CLIENTS x CALLS calls
 *                                          (below: one priority under the clients)
 *   ipc_stress clients FIRST COUNT CALLS   COUNT client threads, ids FIRST..,
 *                                          CALLS calls each
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stress.h"

int main(int argc, char **argv)
{
	if ((argc == 4 || (argc == 5 && !strcmp(argv[4], "below"))) && !strcmp(argv[1], "server"))
		return stress_server(atoi(argv[2]), atoi(argv[3]), argc == 5);
	if (argc == 5 && !strcmp(argv[1], "clients"))
		return stress_clients(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
	fprintf(stderr, "usage: ipc_stress server CLIENTS CALLS [below] | clients FIRST COUNT CALLS\n");
	return 2;
}
