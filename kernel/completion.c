// SPDX-License-Identifier: GPL-2.0
/*
 * completion.c - waiting for an event that an interrupt handler (or
 * another CPU) signals (Linux's kernel/sched/completion.c, without a
 * scheduler): complete() counts the event with a release store; the
 * waiter polls the count with acquire loads and halts between polls.
 *
 * The halt is `sti; hlt` entered with interrupts off after a last look at
 * the count: an interrupt that completes between the look and the halt is
 * taken at the hlt and wakes it, so no wake-up is lost.  On CPU 0 the
 * device interrupt itself wakes the waiter; on another CPU its local timer
 * tick does, within a tick.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <bug.h>
#include <completion.h>
#include <spinlock.h>
#include <time.h>

static DEFINE_RAW_SPINLOCK(completion_lock);

void complete(struct completion *x)
{
	unsigned long flags;

	raw_spin_lock_irqsave(&completion_lock, flags);
	smp_store_release(&x->done, x->done + 1);
	raw_spin_unlock_irqrestore(&completion_lock, flags);
}

/* Consume one completion if there is one. */
static bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	if (!smp_load_acquire(&x->done))
		return false;
	raw_spin_lock_irqsave(&completion_lock, flags);
	if (x->done) {
		x->done--;
		ret = true;
	}
	raw_spin_unlock_irqrestore(&completion_lock, flags);
	return ret;
}

bool completion_done(struct completion *x)
{
	return smp_load_acquire(&x->done) != 0;
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	u64 deadline = jiffies + timeout;

	if (WARN(irqs_disabled(),
		 "wait_for_completion with interrupts off: it could never end\n"))
		return try_wait_for_completion(x) ? 1 : 0;
	for (;;) {
		if (try_wait_for_completion(x))
			return jiffies < deadline ?
				       (unsigned long)(deadline - jiffies) :
				       1;
		if (jiffies >= deadline)
			return 0;
		local_irq_disable();
		if (!smp_load_acquire(&x->done))
			safe_halt(); /* sti; hlt: wakes at the next interrupt */
		else
			local_irq_enable();
	}
}
