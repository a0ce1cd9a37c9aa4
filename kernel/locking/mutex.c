// SPDX-License-Identifier: GPL-2.0
/*
 * mutex.c - sleeping locks, for a kernel that cannot sleep yet.
 *
 * A mutex has one owner, recorded with where it was taken.  mutex_lock()
 * first says it might sleep (a report from atomic context, preempt.h),
 * then takes the mutex if it is free, else waits for it.  Linux queues a
 * waiter and puts its task to sleep; with no tasks here the waiter spins,
 * but unlike a spinlock's waiter it keeps interrupts as they were (on, in
 * process context) and preemption enabled, so the CPU still answers IPIs
 * while it waits.  That matters: a mutex holder may send a TLB shootdown
 * and wait for every CPU, including the ones waiting for its mutex.
 *
 * Misuse, reported as Linux's CONFIG_DEBUG_MUTEXES and lockdep do, and
 * then made harmless so that the kernel goes on:
 *  - locking a mutex this CPU already holds would wait forever: "possible
 *    recursive locking detected"; the lock is counted (nest), not taken,
 *    and the matching unlock only uncounts it;
 *  - unlocking a free mutex, or one another CPU holds: the WARN
 *    "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)"; refused.
 * The fields are guarded by wait_lock, a raw spinlock held for a few
 * instructions at a time.
 */
#include <asm/processor.h>
#include <bug.h>
#include <kernel.h>
#include <mutex.h>
#include <panic.h>
#include <preempt.h>
#include <printk.h>
#include <smp.h>
#include <stack.h>

unsigned long nr_mutex_bugs;

void mutex_init(struct mutex *lock)
{
	raw_spin_lock_init(&lock->wait_lock);
	lock->owner_cpu = -1;
	lock->owner_comm = NULL;
	lock->owner_ip = 0;
	lock->nest = 0;
	lock->name = "mutex";
}

/* lockdep's report, for the one deadlock a CPU can see alone. */
static void mutex_report_recursion(struct mutex *lock, unsigned long ip)
{
	nr_mutex_bugs++;
	pr_warn("\n============================================\n");
	pr_warn("WARNING: possible recursive locking detected\n");
	pr_warn("--------------------------------------------\n");
	pr_warn("%s/0 is trying to acquire lock:\n", current_comm);
	pr_warn(" (%s){+.+.}-{3:3}, at: %pS\n", lock->name, (void *)ip);
	pr_warn("\nbut task is already holding lock:\n");
	pr_warn(" (%s){+.+.}-{3:3}, at: %pS\n", lock->name,
		(void *)lock->owner_ip);
	pr_warn("\n *** DEADLOCK ***\n\n");
	dump_stack();
}

/* Take it if free (true), or note a recursion (true); false: wait. */
static bool __mutex_trylock(struct mutex *lock, unsigned long ip,
			    bool recursion_ok)
{
	int cpu = (int)raw_smp_processor_id();
	unsigned long flags;
	bool taken = false, recursion = false;

	raw_spin_lock_irqsave(&lock->wait_lock, flags);
	if (lock->owner_cpu < 0) {
		lock->owner_cpu = cpu;
		lock->owner_comm = current_comm;
		lock->owner_ip = ip;
		taken = true;
	} else if (lock->owner_cpu == cpu && recursion_ok) {
		lock->nest++;
		recursion = taken = true;
	}
	raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
	if (recursion)
		mutex_report_recursion(lock, ip);
	return taken;
}

/**
 * mutex_lock - take a mutex, waiting for its owner if need be
 * @lock: the mutex
 *
 * Process context only: it might sleep.  A recursive lock is reported and
 * absorbed (see above).
 */
void mutex_lock(struct mutex *lock)
{
	might_sleep();
	while (!__mutex_trylock(lock, _RET_IP_, true))
		cpu_relax(); /* Linux sleeps here; interrupts stay on */
}

int mutex_trylock(struct mutex *lock)
{
	return __mutex_trylock(lock, _RET_IP_, false);
}

/**
 * mutex_unlock - release a mutex this CPU holds
 * @lock: the mutex
 *
 * An unlock of a free mutex or of another CPU's is a WARN and changes
 * nothing.
 */
void mutex_unlock(struct mutex *lock)
{
	int cpu = (int)raw_smp_processor_id();
	int owner;
	unsigned long flags;

	raw_spin_lock_irqsave(&lock->wait_lock, flags);
	owner = lock->owner_cpu;
	if (owner == cpu) {
		if (lock->nest) {
			lock->nest--;
		} else {
			lock->owner_cpu = -1;
			lock->owner_comm = NULL;
			lock->owner_ip = 0;
		}
	}
	raw_spin_unlock_irqrestore(&lock->wait_lock, flags);
	if (owner == cpu)
		return;
	nr_mutex_bugs++;
	WARN(1,
	     "DEBUG_LOCKS_WARN_ON(__owner_task(owner) != current)\nmutex_unlock(%s) on CPU#%d: %s; the unlock is refused\n",
	     lock->name, cpu,
	     owner < 0 ? "it is not locked" : "another CPU holds it");
}

bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner_cpu) >= 0;
}
