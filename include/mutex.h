/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mutex.h - a sleeping lock, as Linux's <linux/mutex.h>
 * (kernel/locking/mutex.c).
 *
 *	static DEFINE_MUTEX(slab_mutex);
 *
 *	mutex_lock(&slab_mutex);       may sleep: process context only
 *	... allocate GFP_KERNEL, wait for other CPUs ...
 *	mutex_unlock(&slab_mutex);
 *
 * A spinlock's holder must not sleep, and its waiters spin with preemption
 * off.  A mutex is for the other case: long sections that allocate, wait
 * for IPIs to be answered, or sleep.  One task owns it at a time; a task
 * that finds it held sleeps on its wait queue until the owner unlocks.
 * The rules are Linux's: mutex_lock() is might_sleep() (reported under a
 * spinlock or with interrupts off), only the owner may unlock, and a
 * second lock by the owner is reported instead of waiting forever.
 */
#ifndef _MUTEX_H
#define _MUTEX_H

#include <types.h>
#include <wait.h>

struct task_struct;

struct mutex {
	struct task_struct *owner; /* NULL: free */
	wait_queue_head_t wait; /* the tasks waiting for it */
	unsigned long owner_ip; /* where the owner took it (reports) */
	unsigned int nest; /* recursive locks reported and absorbed */
	const char *name; /* the variable's name, for the reports */
};

#define __MUTEX_INITIALIZER(lockname)                                   \
	{                                                               \
		.owner = NULL,                                          \
		.wait = __WAIT_QUEUE_HEAD_INITIALIZER((lockname).wait), \
		.name = #lockname,                                      \
	}
#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
/* 0, or -EINTR if a signal came while it waited. */
int mutex_lock_interruptible(struct mutex *lock);
/* 1 if taken, 0 if someone holds it (never waits, never sleeps). */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
/* Is it held (by anyone)? */
static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

/* Misuse reports made since boot (tests check that misuse was caught). */
extern unsigned long nr_mutex_bugs;

#endif /* _MUTEX_H */
