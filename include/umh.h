/* SPDX-License-Identifier: GPL-2.0 */
/*
 * umh.h - starting a user program from the kernel, as Linux's
 * <linux/umh.h> (kernel/umh.c): the shell's `run`, the tests.
 *
 *	int status = call_usermodehelper("/user/true", argv, envp,
 *					 UMH_WAIT_PROC);
 *
 * The program runs as a new process, a child of the caller, with the
 * console as its descriptors 0-2 and a process group of its own.
 */
#ifndef _UMH_H
#define _UMH_H

#include <types.h>

#define UMH_NO_WAIT 0 /* start it; the kernel reaps it when it ends */
#define UMH_WAIT_PROC 2 /* wait for it to end: its wait() status */

struct umh_info {
	const char *path;
	const char *const *argv; /* NULL-terminated */
	const char *const *envp; /* NULL-terminated, may be NULL */
	int retval; /* the exec's -errno, 0 when the program ran */
	bool own; /* a copy the child frees (UMH_NO_WAIT) */
	bool quiet; /* its descriptors 0-2 go nowhere (/dev/null) */
};

/* Start the program: the child's pid, or -errno.  reap: nobody waits. */
int umh_spawn(struct umh_info *info, bool reap);
/* Wait for the child umh_spawn() started: its wait() status, or the
 * exec's -errno if the program never ran. */
int umh_wait(struct umh_info *info, int pid);

/* Both: -errno, or (UMH_WAIT_PROC) the status, or (UMH_NO_WAIT) the pid
 * (Linux returns 0 there). */
int call_usermodehelper(const char *path, const char *const *argv,
			const char *const *envp, int wait);

#endif /* _UMH_H */
