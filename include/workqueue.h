/* SPDX-License-Identifier: GPL-2.0 */
/*
 * workqueue.h - work run in process context, as Linux's (a small part).
 *
 *	static void count_mine(struct work_struct *work)
 *	{
 *		this_cpu_inc(counter);   runs on each CPU, interrupts on
 *	}
 *	schedule_on_each_cpu(count_mine);   every CPU at once; waits for all
 *
 * Linux queues work items on per-CPU worker threads.  There are no threads
 * here: another CPU runs the work in its idle loop (kernel/smp.c, the same
 * slot smp_call_on_cpu() uses), this CPU runs its own share itself.  The
 * work may allocate with GFP_KERNEL and wait for other CPUs; it must not
 * assume which CPU finishes first.
 */
#ifndef _WORKQUEUE_H
#define _WORKQUEUE_H

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func; /* what to run */
};

#define INIT_WORK(w, f) ((w)->func = (f))

/* func on every online CPU at once, in process context; 0 when all ended. */
int schedule_on_each_cpu(work_func_t func);

#endif /* _WORKQUEUE_H */
