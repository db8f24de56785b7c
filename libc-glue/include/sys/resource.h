/*
 * <sys/resource.h> (POSIX): resource limits and usage of a Rainbow task
 * (libc-glue/resource.c, docs/runtime.md).  Rainbow's own header.
 * getpriority and setpriority are absent: Rainbow's priorities belong to
 * threads (rb_thread_set_priority), with no call that reads one back, so
 * no honest nice value of a process exists.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long rlim_t;

#define RLIM_INFINITY  (~(rlim_t)0)
#define RLIM_SAVED_MAX RLIM_INFINITY
#define RLIM_SAVED_CUR RLIM_INFINITY

struct rlimit {
	rlim_t rlim_cur;	/* the soft limit */
	rlim_t rlim_max;	/* the hard limit */
};

/* Resources, numbered as Linux does. */
#define RLIMIT_CPU    0
#define RLIMIT_FSIZE  1
#define RLIMIT_DATA   2
#define RLIMIT_STACK  3
#define RLIMIT_CORE   4
#define RLIMIT_NOFILE 7
#define RLIMIT_AS     9
#define RLIMIT_NLIMITS 16

struct rusage {
	struct timeval ru_utime;	/* user CPU time */
	struct timeval ru_stime;	/* system CPU time */
	long ru_maxrss;			/* the rest as Linux lays them out */
	long ru_ixrss;
	long ru_idrss;
	long ru_isrss;
	long ru_minflt;
	long ru_majflt;
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;
	long ru_nivcsw;
};

#define RUSAGE_SELF     0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD   1	/* Linux's: the calling thread */

int getrlimit(int resource, struct rlimit *rlp);
int setrlimit(int resource, const struct rlimit *rlp);
int getrusage(int who, struct rusage *r_usage);

#ifdef __cplusplus
}
#endif

#endif
