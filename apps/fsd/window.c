/* The caller's buffer window, moved in kernel-sized pieces (window.h). */
#include <rainbow/ipc.h>

#include "window.h"

long window_move(long rcvid, uint64_t at, void *buf, uint64_t len, bool out)
{
	uint64_t done = 0;

	while (done < len) {
		char *mine = (char *)buf + done;
		long n = out ? rb_ipc_write(rcvid, at + done, mine, len - done)
			     : rb_ipc_read(rcvid, at + done, mine, len - done);
		if (n <= 0)
			return done || n == 0 ? (long)done : n;
		done += (uint64_t)n;
	}
	return (long)done;
}
