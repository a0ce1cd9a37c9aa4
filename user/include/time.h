/* SPDX-License-Identifier: GPL-2.0 */
/* time.h - nanosleep and struct timespec (32-bit time_t on i386). */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

struct timespec {
	time_t tv_sec; /* seconds */
	long tv_nsec; /* nanoseconds, 0..999999999 */
};

int nanosleep(const struct timespec *req, struct timespec *rem);

#endif /* _TIME_H */
