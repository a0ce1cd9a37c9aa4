/* SPDX-License-Identifier: GPL-2.0 */
/*
 * completion.h - "wait until that has happened", as Linux's
 * linux/completion.h: one side calls complete() (often an interrupt
 * handler), the other waits for it.
 *
 *	reinit_completion(&edu->dma_done);
 *	writel(START, edu->mmio + CMD);		// the device will interrupt
 *	if (!wait_for_completion_timeout(&edu->dma_done, HZ))
 *		return -ETIMEDOUT;
 *
 * complete() publishes with a release store and the waiter reads with an
 * acquire load (smp_store_release/smp_load_acquire), so whatever the
 * completing side wrote or read before complete() (the status register it
 * read, the result it stored) is visible to the waiter after it returns,
 * even on another CPU.  There is no scheduler to sleep in: the waiter
 * halts until the next interrupt, with interrupts enabled (a device
 * interrupt or the local timer tick wakes it), and gives up after the
 * timeout in jiffies.  Waiting with interrupts off could never end: that
 * is a WARN and an immediate timeout.
 */
#ifndef _COMPLETION_H
#define _COMPLETION_H

#include <types.h>

struct completion {
	unsigned int done; /* complete() calls not yet consumed by a wait */
};

static inline void init_completion(struct completion *x)
{
	x->done = 0;
}

#define reinit_completion(x) init_completion(x)

/* Wake the waiter (safe in interrupt handlers). */
void complete(struct completion *x);
/*
 * Wait for one complete(): the jiffies left (at least 1), or 0 if
 * `timeout` jiffies passed first.
 */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
/* Has it been completed (without consuming it)? */
bool completion_done(struct completion *x);

#endif /* _COMPLETION_H */
