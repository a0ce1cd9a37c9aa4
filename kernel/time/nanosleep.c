// SPDX-License-Identifier: GPL-2.0
/*
 * nanosleep.c - nanosleep(): sleeping for a time the program gives, at
 * the kernel's resolution (a jiffy, 10 ms: the sleep is rounded up, never
 * shortened).  A signal with a handler ends the sleep early with EINTR
 * and the time left in *rem; a signal without one (a stop, then SIGCONT)
 * restarts it.  The old 32-bit struct timespec of i386 (nanosleep is call
 * 162; the 64-bit time calls are not implemented).
 */
#include <errno.h>
#include <sched.h>
#include <syscalls.h>
#include <time.h>
#include <timer.h>
#include <uaccess.h>

struct old_timespec32 {
	long tv_sec;
	long tv_nsec;
};

SYSCALL_DEFINE2(nanosleep, const struct old_timespec32 __user *, rqtp,
		struct old_timespec32 __user *, rmtp)
{
	struct old_timespec32 ts;
	unsigned long long ns;
	long timeout;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000L)
		return -EINVAL;
	ns = (unsigned long long)ts.tv_sec * NSEC_PER_SEC +
	     (unsigned long long)ts.tv_nsec;
	/* Rounded up, and a tick more: the current one is partly gone. */
	timeout = (long)min(div_u64(ns + NSEC_PER_SEC / HZ - 1,
				    (u32)(NSEC_PER_SEC / HZ)) +
				    1,
			    (unsigned long long)(MAX_SCHEDULE_TIMEOUT - 1));
	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	if (!timeout)
		return 0;
	if (rmtp) {
		unsigned long long left =
			(unsigned long long)timeout * (NSEC_PER_SEC / HZ);

		ts.tv_sec = (long)div_u64(left, (u32)NSEC_PER_SEC);
		ts.tv_nsec = (long)(left - (unsigned long long)ts.tv_sec *
						   NSEC_PER_SEC);
		if (copy_to_user(rmtp, &ts, sizeof(ts)))
			return -EFAULT;
	}
	return -ERESTARTNOHAND;
}
