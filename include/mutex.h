/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mutex.h - a lock that may be held across work that sleeps, as Linux's.
 *
 *	static DEFINE_MUTEX(slab_mutex);
 *
 *	mutex_lock(&slab_mutex);       may sleep: process context only
 *	... allocate GFP_KERNEL, wait for other CPUs ...
 *	mutex_unlock(&slab_mutex);
 *
 * A spinlock's holder must not sleep, and its waiters spin with preemption
 * off.  A mutex is for the other case: long sections that allocate, wait
 * for IPIs to be answered, or sleep, whose waiters would otherwise burn a
 * CPU.  In Linux a waiter goes to sleep until the owner unlocks.  This
 * kernel has no scheduler yet, so a waiter here waits with interrupts on
 * and preemption untouched (it serves IPIs meanwhile, which is what lets
 * a holder send a TLB shootdown); the rules are Linux's all the same:
 * mutex_lock() is might_sleep() (reported under a spinlock or with
 * interrupts off), only the owner may unlock, and a second lock by the
 * owner is reported instead of waiting forever (kernel/locking/mutex.c).
 */
#ifndef _MUTEX_H
#define _MUTEX_H

#include <spinlock.h>
#include <types.h>

struct mutex {
	raw_spinlock_t wait_lock; /* guards the fields below */
	int owner_cpu; /* the holder's CPU, -1 if free */
	const char *owner_comm; /* what the holder was running */
	unsigned long owner_ip; /* where it was taken */
	unsigned int nest; /* recursive locks reported and absorbed */
	const char *name; /* the variable's name, for the reports */
};

#define __MUTEX_INITIALIZER(lockname)                                         \
	{                                                                     \
		.wait_lock = __RAW_SPIN_LOCK_INITIALIZER(lockname.wait_lock), \
		.owner_cpu = -1, .name = #lockname                            \
	}
#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
/* 1 if taken, 0 if someone holds it (never waits, never sleeps). */
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
/* Is it held (by anyone)? */
bool mutex_is_locked(struct mutex *lock);

/* Misuse reports made since boot (tests check that misuse was caught). */
extern unsigned long nr_mutex_bugs;

#endif /* _MUTEX_H */
