/* SPDX-License-Identifier: GPL-2.0 */
/* sys/resource.h - resource limits and usage, Linux's i386 layouts. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIM_INFINITY (~0UL)

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)

struct rlimit {
	unsigned long rlim_cur; /* the limit enforced */
	unsigned long rlim_max; /* the most rlim_cur may be raised to */
};

struct timeval {
	long tv_sec; /* seconds */
	long tv_usec; /* microseconds */
};

struct rusage {
	struct timeval ru_utime; /* user time */
	struct timeval ru_stime; /* system time */
	long ru_maxrss; /* peak resident set, kB */
	long ru_ixrss, ru_idrss, ru_isrss; /* unused by Linux */
	long ru_minflt; /* page faults served without I/O */
	long ru_majflt; /* page faults that needed I/O */
	long ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv;
	long ru_nsignals; /* unused by Linux */
	long ru_nvcsw; /* voluntary context switches */
	long ru_nivcsw; /* involuntary context switches */
};

/* getrlimit goes through ugetrlimit (191), whose infinity is ~0UL. */
int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int getrusage(int who, struct rusage *usage);

#endif /* _SYS_RESOURCE_H */
