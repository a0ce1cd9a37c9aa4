// SPDX-License-Identifier: GPL-2.0
/*
 * mutex.c - sleeping locks (include/mutex.h).
 *
 * The lock is its owner pointer: taking it is one compare-and-exchange
 * of NULL for current.  A task that finds it taken queues itself on the
 * lock's wait queue as an exclusive waiter, sets its state, and tries
 * once more before it sleeps; the owner's unlock clears the pointer and
 * wakes one waiter, which tries again.  Because the waiter is queued and
 * in its sleeping state before its last try, an unlock between that try
 * and its schedule() still wakes it.  No optimistic spinning, no
 * hand-off to the first waiter (Linux has both): a waiter woken late may
 * find the lock taken again and simply sleeps again.
 */
#include <bug.h>
#include <errno.h>
#include <mutex.h>
#include <sched.h>

void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
	lock->name = "mutex";
}

static bool __mutex_trylock(struct mutex *lock)
{
	struct task_struct *expected = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &expected, current,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

bool mutex_trylock(struct mutex *lock)
{
	return __mutex_trylock(lock);
}

static int __mutex_lock(struct mutex *lock, int state)
{
	DEFINE_WAIT(wait);
	int ret = 0;

	__might_sleep(__FILE__, __LINE__);
	if (WARN(READ_ONCE(lock->owner) == current,
		 "mutex %s: recursive lock by %s/%d\n", lock->name,
		 current->comm, current->pid))
		return -EDEADLK;
	if (__mutex_trylock(lock))
		return 0;
	for (;;) {
		prepare_to_wait_exclusive(&lock->wait, &wait, state);
		if (__mutex_trylock(lock))
			break;
		if (state == TASK_INTERRUPTIBLE && signal_pending(current)) {
			ret = -EINTR;
			break;
		}
		schedule();
	}
	finish_wait(&lock->wait, &wait);
	return ret;
}

void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE);
}

void mutex_unlock(struct mutex *lock)
{
	if (WARN(READ_ONCE(lock->owner) != current,
		 "mutex %s: unlocked by %s/%d, which does not hold it\n",
		 lock->name, current->comm, current->pid))
		return;
	smp_store_release(&lock->owner, NULL);
	wake_up(&lock->wait);
}
