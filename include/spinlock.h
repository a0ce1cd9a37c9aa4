/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spinlock.h - spinlock_t and raw_spinlock_t, as Linux's.
 *
 *	static DEFINE_SPINLOCK(stats_lock);
 *
 *	spin_lock(&stats_lock);            process context only
 *	spin_unlock(&stats_lock);
 *	spin_lock_irqsave(&lock, flags);   also taken by interrupt handlers:
 *	spin_unlock_irqrestore(&lock, flags);  interrupts off while held
 *	spin_lock_irq(&lock); spin_unlock_irq(&lock);  (known to be on)
 *	if (spin_trylock(&lock)) { ...; spin_unlock(&lock); }
 *
 * A spinlock is the ticket lock of asm/spinlock.h plus preemption off while
 * it is held.  An interrupt handler that takes a lock its CPU already
 * holds would spin forever, hence the _irqsave forms for locks interrupt
 * handlers share.
 *
 * With spinlock debugging on (CONFIG_DEBUG_SPINLOCK, the `spinlock_debug`
 * boot option, every ktest boot) each lock also records its owner CPU and
 * where it was taken, and misuse is reported in Linux's words by
 * kernel/locking/spinlock_debug.c: "BUG: spinlock recursion on CPU#0",
 * "already unlocked", "wrong CPU", "lockup suspected".  Where Linux would
 * then hang or corrupt the lock, the report is followed by the one safe
 * action (a recursive lock is counted and not taken again, a bad unlock is
 * refused) so that the kernel goes on.  raw_spinlock_t is the same lock;
 * there is no PREEMPT_RT here to tell them apart.
 */
#ifndef _SPINLOCK_H
#define _SPINLOCK_H

#include <asm/processor.h>
#include <asm/spinlock.h>
#include <preempt.h>
#include <types.h>

#define SPINLOCK_MAGIC \
	0xdead4ead /* Linux's: a lock never initialised lacks it */

typedef struct raw_spinlock {
	arch_spinlock_t raw_lock; /* the ticket lock itself */
	unsigned int magic; /* SPINLOCK_MAGIC (debug) */
	int owner_cpu; /* holder, -1 if free (debug) */
	unsigned int nest; /* recursive locks reported and absorbed (debug) */
	const char *owner_comm; /* what the holder was running (debug) */
	unsigned long owner_ip; /* where it was taken (debug) */
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

#define __RAW_SPIN_LOCK_INITIALIZER(lockname)            \
	{                                                \
		.raw_lock = __ARCH_SPIN_LOCK_UNLOCKED,   \
		.magic = SPINLOCK_MAGIC, .owner_cpu = -1 \
	}
#define __SPIN_LOCK_UNLOCKED(lockname)                         \
	(spinlock_t)                                           \
	{                                                      \
		.rlock = __RAW_SPIN_LOCK_INITIALIZER(lockname) \
	}
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_INITIALIZER(x)
#define DEFINE_SPINLOCK(x) \
	spinlock_t x = { .rlock = __RAW_SPIN_LOCK_INITIALIZER(x) }

#define raw_spin_lock_init(l) \
	(*(l) = (raw_spinlock_t)__RAW_SPIN_LOCK_INITIALIZER(l))
#define spin_lock_init(l) (*(l) = __SPIN_LOCK_UNLOCKED(l))

/* Is spinlock debugging on (kernel/locking/spinlock_debug.c)? */
extern bool spinlock_debug;

void do_raw_spin_lock_debug(raw_spinlock_t *lock, unsigned long ip);
bool do_raw_spin_trylock_debug(raw_spinlock_t *lock, unsigned long ip);
bool do_raw_spin_unlock_debug(raw_spinlock_t *lock, unsigned long ip);

static __always_inline void do_raw_spin_lock(raw_spinlock_t *lock,
					     unsigned long ip)
{
	if (unlikely(spinlock_debug))
		do_raw_spin_lock_debug(lock, ip);
	else
		arch_spin_lock(&lock->raw_lock);
}

static __always_inline bool do_raw_spin_trylock(raw_spinlock_t *lock,
						unsigned long ip)
{
	if (unlikely(spinlock_debug))
		return do_raw_spin_trylock_debug(lock, ip);
	return arch_spin_trylock(&lock->raw_lock);
}

/* false if the debug check refused the unlock (it was not ours). */
static __always_inline bool do_raw_spin_unlock(raw_spinlock_t *lock,
					       unsigned long ip)
{
	if (unlikely(spinlock_debug))
		return do_raw_spin_unlock_debug(lock, ip);
	arch_spin_unlock(&lock->raw_lock);
	return true;
}

#define raw_spin_lock(l)                        \
	do {                                    \
		preempt_disable();              \
		do_raw_spin_lock(l, _THIS_IP_); \
	} while (0)
#define raw_spin_unlock(l)                            \
	do {                                          \
		if (do_raw_spin_unlock(l, _THIS_IP_)) \
			preempt_enable();             \
	} while (0)
#define raw_spin_lock_irq(l)                    \
	do {                                    \
		local_irq_disable();            \
		preempt_disable();              \
		do_raw_spin_lock(l, _THIS_IP_); \
	} while (0)
#define raw_spin_unlock_irq(l)                        \
	do {                                          \
		if (do_raw_spin_unlock(l, _THIS_IP_)) \
			preempt_enable();             \
		local_irq_enable();                   \
	} while (0)
#define raw_spin_lock_irqsave(l, flags)         \
	do {                                    \
		local_irq_save(flags);          \
		preempt_disable();              \
		do_raw_spin_lock(l, _THIS_IP_); \
	} while (0)
#define raw_spin_unlock_irqrestore(l, flags)          \
	do {                                          \
		if (do_raw_spin_unlock(l, _THIS_IP_)) \
			preempt_enable();             \
		local_irq_restore(flags);             \
	} while (0)
#define raw_spin_trylock(l)                                   \
	({                                                    \
		bool __locked;                                \
		preempt_disable();                            \
		__locked = do_raw_spin_trylock(l, _THIS_IP_); \
		if (!__locked)                                \
			preempt_enable();                     \
		__locked;                                     \
	})
#define raw_spin_is_locked(l) arch_spin_is_locked(&(l)->raw_lock)

#define spin_lock(l) raw_spin_lock(&(l)->rlock)
#define spin_unlock(l) raw_spin_unlock(&(l)->rlock)
#define spin_lock_irq(l) raw_spin_lock_irq(&(l)->rlock)
#define spin_unlock_irq(l) raw_spin_unlock_irq(&(l)->rlock)
#define spin_lock_irqsave(l, flags) raw_spin_lock_irqsave(&(l)->rlock, flags)
#define spin_unlock_irqrestore(l, flags) \
	raw_spin_unlock_irqrestore(&(l)->rlock, flags)
#define spin_trylock(l) raw_spin_trylock(&(l)->rlock)
#define spin_is_locked(l) raw_spin_is_locked(&(l)->rlock)

/*
 * How long a CPU may spin on a debugged lock before "lockup suspected"
 * (Linux: about a second of delay loops).  Tests shorten it.
 */
extern unsigned long spinlock_lockup_ms;
/* Reports made since boot (tests check that misuse was reported). */
extern unsigned long nr_spinlock_bugs;

#endif /* _SPINLOCK_H */
