/* SPDX-License-Identifier: GPL-2.0 */
/*
 * resource.h - resource limits and usage, Linux's numbers and layouts
 * (getrlimit/setrlimit/getrusage, kernel/sys.c).
 */
#ifndef _RESOURCE_H
#define _RESOURCE_H

#include <types.h>

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6 /* processes per user (root is exempt) */
#define RLIMIT_NOFILE 7 /* open files: the highest fd + 1 */
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIM_NLIMITS 16

#define RLIM_INFINITY (~0UL)

struct rlimit {
	unsigned long rlim_cur; /* the soft limit: what is enforced */
	unsigned long rlim_max; /* the hard limit: the ceiling of rlim_cur */
};

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD 1

/* struct rusage as i386 user space has it (72 bytes). */
struct user_timeval {
	long tv_sec;
	long tv_usec;
};

struct rusage {
	struct user_timeval ru_utime;
	struct user_timeval ru_stime;
	long ru_maxrss; /* KB */
	long ru_ixrss, ru_idrss, ru_isrss;
	long ru_minflt, ru_majflt;
	long ru_nswap, ru_inblock, ru_oublock;
	long ru_msgsnd, ru_msgrcv, ru_nsignals;
	long ru_nvcsw, ru_nivcsw;
};

/* Open files a process may have: Linux's INR_OPEN_CUR and _MAX. */
#define INR_OPEN_CUR 1024
#define INR_OPEN_MAX 4096
#define _STK_LIM (8UL << 20) /* 8 MB of stack */

#endif /* _RESOURCE_H */
