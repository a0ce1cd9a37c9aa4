/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sched.h - clone() in the one form the programs use (a fork: a new
 * process with a copy of the address space, no new stack), and the
 * i386 TLS descriptor of set_thread_area.
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <sys/types.h>

#define CSIGNAL 0x000000ff /* the signal sent to the parent at exit */
#define CLONE_VM 0x00000100
#define CLONE_VFORK 0x00004000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_SETTID 0x01000000

/*
 * The raw i386 clone: (flags, newsp, parent_tidptr, tls, child_tidptr).
 * With newsp 0 the child runs on a copy of the parent's stack, so this
 * is safe from C only without CLONE_VM.
 */
long clone_raw(unsigned long flags, void *newsp, int *parent_tid, void *tls,
	       int *child_tid);

/* struct user_desc: one GDT TLS entry (asm/ldt.h). */
struct user_desc {
	unsigned int entry_number; /* -1: the kernel picks a free one */
	unsigned int base_addr; /* the segment's base */
	unsigned int limit; /* its limit, in pages if limit_in_pages */
	unsigned int seg_32bit : 1;
	unsigned int contents : 2;
	unsigned int read_exec_only : 1;
	unsigned int limit_in_pages : 1;
	unsigned int seg_not_present : 1;
	unsigned int useable : 1;
};

int set_thread_area(struct user_desc *u_info);
int get_thread_area(struct user_desc *u_info);

#endif /* _SCHED_H */
