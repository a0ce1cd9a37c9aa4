/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preempt.h - the per-CPU preempt_count, and what it says about context.
 *
 * One int per CPU, split into fields as in Linux:
 *
 *	bits  0-7   preemption disabled (preempt_disable() nesting, spinlocks)
 *	bits  8-15  softirq (unused here)
 *	bits 16-19  hard interrupt handlers running on this CPU
 *	bit   20    NMI
 *
 * in_interrupt() and in_atomic() read it, so they are right on every CPU at
 * once: CPU 0 in its timer handler does not make CPU 1 "in interrupt".
 * There is no scheduler yet, so nothing preempts; the count is what the
 * debug checks and might_sleep() look at.
 *
 * might_sleep() marks code that may wait (Linux: <linux/kernel.h>): a
 * GFP_KERNEL allocation, kmap(), vmalloc(), mutex_lock().  Called with a
 * spinlock held or interrupts off, it reports Linux's "BUG: sleeping
 * function called from invalid context" (kernel/might_sleep.c) and goes
 * on: nothing sleeps yet, but the same code would deadlock or corrupt once
 * a scheduler can switch away from it.
 */
#ifndef _PREEMPT_H
#define _PREEMPT_H

#include <asm/percpu.h>
#include <compiler.h>

#define PREEMPT_OFFSET (1U << 0)
#define SOFTIRQ_OFFSET (1U << 8)
#define HARDIRQ_OFFSET (1U << 16)
#define NMI_OFFSET (1U << 20)

#define PREEMPT_MASK (0xffU * PREEMPT_OFFSET)
#define SOFTIRQ_MASK (0xffU * SOFTIRQ_OFFSET)
#define HARDIRQ_MASK (0xfU * HARDIRQ_OFFSET)
#define NMI_MASK (0x1U * NMI_OFFSET)

extern __attribute__((section(PER_CPU_SECTION))) unsigned int __preempt_count;

static __always_inline unsigned int preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

#define preempt_count_add(val) this_cpu_add(__preempt_count, val)
#define preempt_count_sub(val) this_cpu_sub(__preempt_count, val)

#define preempt_disable()                      \
	do {                                   \
		this_cpu_inc(__preempt_count); \
		barrier();                     \
	} while (0)

#define preempt_enable()                       \
	do {                                   \
		barrier();                     \
		this_cpu_dec(__preempt_count); \
	} while (0)

#define hardirq_count() (preempt_count() & HARDIRQ_MASK)
#define in_irq() (hardirq_count() != 0)
#define in_nmi() ((preempt_count() & NMI_MASK) != 0)
#define in_interrupt() \
	((preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK)) != 0)
/* Not allowed to sleep: in an interrupt, or preemption (a lock) held. */
#define in_atomic() (preempt_count() != 0)

/* Entering and leaving a hardware interrupt handler on this CPU. */
#define irq_enter() preempt_count_add(HARDIRQ_OFFSET)
#define irq_exit() preempt_count_sub(HARDIRQ_OFFSET)

/* Is might_sleep() checking (kernel/might_sleep.c)?  Reports made so far. */
extern bool debug_atomic_sleep;
extern unsigned long nr_might_sleep_bugs;
void __might_sleep(const char *file, int line);

/* The caller may sleep: a report if it is in atomic context. */
#define might_sleep()                                      \
	do {                                               \
		if (debug_atomic_sleep)                    \
			__might_sleep(__FILE__, __LINE__); \
	} while (0)
#define might_sleep_if(cond)           \
	do {                           \
		if (cond)              \
			might_sleep(); \
	} while (0)

#endif /* _PREEMPT_H */
