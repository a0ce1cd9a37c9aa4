/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mutex.h - a sleeping lock, as Linux's <linux/mutex.h>
 * (kernel/locking/mutex.c): one owner at a time; a task that finds it
 * held sleeps on its wait queue instead of spinning.  Only tasks may take
 * one (it may sleep), and only the owner may release it.
 */
#ifndef _MUTEX_H
#define _MUTEX_H

#include <wait.h>

struct task_struct;

struct mutex {
	struct task_struct *owner; /* NULL: free */
	wait_queue_head_t wait; /* the tasks waiting for it */
	const char *name; /* for reports */
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
/* true if it took the lock without waiting. */
bool mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

#endif /* _MUTEX_H */
