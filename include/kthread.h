/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kthread.h - kernel threads, as Linux's <linux/kthread.h>
 * (kernel/kthread.c).
 *
 *	struct task_struct *t = kthread_run(fn, arg, "name");
 *	...
 *	kthread_stop(t);	// fn sees kthread_should_stop(), returns
 *
 * A kernel thread is a task without an address space, running fn(arg) on
 * its own kernel stack; it ends when fn returns (or calls do_exit()).
 * kthread_create() makes it and leaves it asleep until wake_up_process();
 * kthread_run() does both.  kthread_stop() asks it to stop, waits for it
 * to end and returns fn's result.  The thread's task stays valid until
 * kthread_stop() returns.
 */
#ifndef _KTHREAD_H
#define _KTHREAD_H

#include <errno.h>
#include <sched.h>

/* The new thread asleep (TASK_UNINTERRUPTIBLE), or ERR_PTR(-errno). */
__printf(3, 4) struct task_struct *kthread_create(int (*threadfn)(void *data),
						  void *data,
						  const char *namefmt, ...);

#define kthread_run(threadfn, data, namefmt, ...)                \
	({                                                       \
		struct task_struct *__k = kthread_create(        \
			threadfn, data, namefmt, ##__VA_ARGS__); \
		if (!IS_ERR(__k))                                \
			wake_up_process(__k);                    \
		__k;                                             \
	})

/* Run it only on `cpu` (before its first wake-up). */
void kthread_bind(struct task_struct *k, unsigned int cpu);
/* Ask k to stop, wake it, wait for its end: fn's return value. */
int kthread_stop(struct task_struct *k);
/* In the thread: has kthread_stop() been called? */
bool kthread_should_stop(void);
/* Internal: fork.c makes the task, exit.c reports its end. */
struct kernel_clone_args;
struct task_struct *kthread_create_task(struct kernel_clone_args *args);
void kthread_exited(struct task_struct *tsk, long code);

/* Is p a kernel thread? */
static inline bool is_kthread(const struct task_struct *p)
{
	return p->flags & PF_KTHREAD;
}

#endif /* _KTHREAD_H */
