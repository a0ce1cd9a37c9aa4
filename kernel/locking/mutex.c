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
 * find the lock taken again and simply sleeps again.  An idle task (which
 * runs smp_call_on_cpu() work, kernel/smp.c) never leaves its CPU:
 * schedule() comes straight back, so there it polls.
 *
 * Misuse, reported as Linux's CONFIG_DEBUG_MUTEXES and lockdep do, and
 * then made harmless so that the kernel goes on:
 *  - a second lock by the owner would wait forever: "possible recursive
 *    locking detected"; the lock is counted (nest), not taken, and the
 *    matching unlock only uncounts it;
 *  - unlocking a free mutex, or one another task holds: the WARN
 *    "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)"; refused.
 * owner_ip and nest are written by the owner only.
 */
#include <bug.h>
#include <errno.h>
#include <kernel.h>
#include <mutex.h>
#include <printk.h>
#include <sched.h>
#include <stack.h>

unsigned long nr_mutex_bugs;

void mutex_init(struct mutex *lock)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait);
	lock->owner_ip = 0;
	lock->nest = 0;
	lock->name = "mutex";
}

static bool __mutex_trylock(struct mutex *lock)
{
	struct task_struct *expected = NULL;

	return __atomic_compare_exchange_n(&lock->owner, &expected, current,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

int mutex_trylock(struct mutex *lock)
{
	if (!__mutex_trylock(lock))
		return 0;
	lock->owner_ip = _RET_IP_;
	return 1;
}

/* lockdep's report, for the one deadlock a task can see alone. */
static void mutex_report_recursion(struct mutex *lock, unsigned long ip)
{
	nr_mutex_bugs++;
	pr_warn("\n============================================\n");
	pr_warn("WARNING: possible recursive locking detected\n");
	pr_warn("--------------------------------------------\n");
	pr_warn("%s/%d is trying to acquire lock:\n", current->comm,
		current->pid);
	pr_warn(" (%s){+.+.}-{3:3}, at: %pS\n", lock->name, (void *)ip);
	pr_warn("\nbut task is already holding lock:\n");
	pr_warn(" (%s){+.+.}-{3:3}, at: %pS\n", lock->name,
		(void *)lock->owner_ip);
	pr_warn("\n *** DEADLOCK ***\n\n");
	dump_stack();
}

static int __mutex_lock(struct mutex *lock, int state, unsigned long ip)
{
	DEFINE_WAIT(wait);
	int ret = 0;

	might_sleep();
	if (unlikely(READ_ONCE(lock->owner) == current)) {
		mutex_report_recursion(lock, ip);
		lock->nest++;
		return 0;
	}
	if (__mutex_trylock(lock))
		goto out;
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
	if (ret)
		return ret;
out:
	lock->owner_ip = ip;
	return 0;
}

/**
 * mutex_lock - take a mutex, sleeping until its owner lets go
 * @lock: the mutex
 *
 * Process context only: it might sleep.  A recursive lock is reported and
 * absorbed (see above).
 */
void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, TASK_UNINTERRUPTIBLE, _RET_IP_);
}

int mutex_lock_interruptible(struct mutex *lock)
{
	return __mutex_lock(lock, TASK_INTERRUPTIBLE, _RET_IP_);
}

/**
 * mutex_unlock - release a mutex this task holds
 * @lock: the mutex
 *
 * An unlock of a free mutex or of another task's is a WARN and changes
 * nothing.
 */
void mutex_unlock(struct mutex *lock)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	if (unlikely(owner != current)) {
		nr_mutex_bugs++;
		WARN(1,
		     "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)\nmutex_unlock(%s) by %s/%d: %s; the unlock is refused\n",
		     lock->name, current->comm, current->pid,
		     owner ? "another task holds it" : "it is not locked");
		return;
	}
	if (lock->nest) {
		lock->nest--;
		return;
	}
	lock->owner_ip = 0;
	/*
	 * A full barrier (xchg) between the release and the look at the
	 * queue: a waiter queues itself before its last try, so either that
	 * try sees the lock free or this look sees the waiter.
	 */
	(void)__atomic_exchange_n(&lock->owner, NULL, __ATOMIC_SEQ_CST);
	if (waitqueue_active(&lock->wait))
		wake_up(&lock->wait);
}
