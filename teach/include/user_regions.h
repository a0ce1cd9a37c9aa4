/* SPDX-License-Identifier: GPL-2.0 */
/*
 * user_regions.h - the regions of the process a teaching view shows in
 * user space (`map`, ex04's layout): the newest process that has an
 * address space, copied out under its mmap_lock (teach/shell/user_regions.c).
 */
#ifndef _USER_REGIONS_H
#define _USER_REGIONS_H

#include <types.h>

struct user_region {
	unsigned long start, end; /* [start, end) */
	char perms[5]; /* "r-xp", as /proc/PID/maps */
	char name[16]; /* "hog", "[heap]", "[stack]", "" for anonymous */
};

/*
 * Copy at most max regions of the newest process into out; its name and
 * pid into task ("hog[42]").  The number of regions it has (may exceed
 * max), or 0 when no process runs (task is then "").  May sleep.
 */
unsigned int user_regions_newest(struct user_region *out, unsigned int max,
				 char *task, size_t task_size);

#endif /* _USER_REGIONS_H */
