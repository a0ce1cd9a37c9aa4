/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel/sched/sched.h - the scheduler's own view: a run queue per CPU.
 */
#ifndef _KERNEL_SCHED_SCHED_H
#define _KERNEL_SCHED_SCHED_H

#include <percpu.h>
#include <sched.h>
#include <spinlock.h>

/*
 * One per CPU.  `queue` holds the runnable tasks waiting for this CPU, in
 * the order they will run (round robin: a task that used up its slice, or
 * yielded, goes to the back); the running task is rq->curr and is not in
 * the queue.  nr_running counts both, as Linux's does.  Everything here,
 * and the on_rq/on_cpu/cpu of the tasks on it, is under `lock`.
 */
struct rq {
	raw_spinlock_t lock;
	struct list_head queue; /* runnable, waiting: run_list links */
	unsigned int nr_running; /* queued + the running one (not idle) */
	struct task_struct *curr; /* running now */
	struct task_struct *idle; /* runs when nothing else can */
	unsigned long long nr_switches; /* context switches on this CPU */
	unsigned int cpu;
};

DECLARE_PER_CPU(struct rq, runqueues);

#define cpu_rq(cpu) (&per_cpu(runqueues, (cpu)))
#define this_rq() this_cpu_ptr(&runqueues)
#define task_rq(p) cpu_rq(task_cpu(p))

#endif /* _KERNEL_SCHED_SCHED_H */
