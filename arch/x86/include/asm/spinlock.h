/* SPDX-License-Identifier: GPL-2.0 */
/*
 * asm/spinlock.h - the ticket spinlock, as x86 Linux had it from 2.6.25
 * until queued spinlocks (4.2).
 *
 * Like the ticket machine at a counter: `tail` is the next ticket to hand
 * out, `head` the ticket being served.  Locking takes a ticket with one
 * atomic XADD on `tail` and waits until `head` shows it; unlocking serves
 * the next ticket (head + 1).  The lock is free when head == tail.
 *
 * Why tickets and not test-and-set: waiters are served in the order they
 * came (FIFO), so no CPU starves, and the waiters only read the lock while
 * they spin, which stays in their caches until the owner's write.  Unlock
 * needs no lock prefix: only the owner writes `head`, and x86 does not
 * move a store before the loads and stores of the critical section.
 */
#ifndef _ASM_X86_SPINLOCK_H
#define _ASM_X86_SPINLOCK_H

#include <asm/atomic.h>
#include <asm/processor.h>
#include <kernel.h>
#include <types.h>

typedef union {
	u32 slock; /* both halves, for the trylock's compare-exchange */
	struct {
		u16 head; /* the ticket being served */
		u16 tail; /* the next ticket handed out */
	} tickets;
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED \
	{                         \
		.slock = 0        \
	}
#define TICKET_SHIFT 16 /* tail is the upper half */

static __always_inline void arch_spin_lock(arch_spinlock_t *lock)
{
	arch_spinlock_t inc = { .slock = 1U << TICKET_SHIFT };

	__asm__ __volatile__("lock; xaddl %0, %1"
			     : "+r"(inc.slock), "+m"(lock->slock)
			     :
			     : "memory");
	/*
	 * inc is the lock as it was: free if head == tail, i.e. if swapping
	 * the halves changes nothing (a rotate and one compare).
	 */
	if (likely(inc.slock == ror32(inc.slock, TICKET_SHIFT)))
		goto out;
	while (READ_ONCE(lock->tickets.head) != inc.tickets.tail)
		cpu_relax();
out:
	barrier(); /* the critical section starts here */
}

static __always_inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	u32 old = READ_ONCE(lock->slock);

	if ((u16)old != (u16)(old >> TICKET_SHIFT))
		return false; /* someone holds it or waits */
	return cmpxchg32(&lock->slock, old, old + (1U << TICKET_SHIFT)) == old;
}

/* Serve the next ticket: one ADDW, no lock prefix (only the owner writes head). */
static __always_inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__asm__ __volatile__("addw $1, %0"
			     : "+m"(lock->tickets.head)
			     :
			     : "memory");
}

static __always_inline bool arch_spin_is_locked(arch_spinlock_t *lock)
{
	u32 v = READ_ONCE(lock->slock);

	return (u16)v != (u16)(v >> TICKET_SHIFT);
}

#endif /* _ASM_X86_SPINLOCK_H */
