/*
 * abort(): says so on the console, then ends the task with the status a
 * shell gives a death by SIGABRT, unless a SIGABRT handler (see signal())
 * takes over.
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <rainbow/syscall.h>

#define ABORT_STATUS (128 + SIGABRT)

void abort(void)
{
	static const char message[] = "abort\n";

	rb_console_write(message, sizeof message - 1);
	raise(SIGABRT);
	_exit(ABORT_STATUS);
}
