// SPDX-License-Identifier: GPL-2.0
/*
 * might_sleep.c - "BUG: sleeping function called from invalid context".
 *
 * Code that may wait says so with might_sleep() (preempt.h): a GFP_KERNEL
 * allocation may wait for reclaim, kmap() for a free pkmap slot, a mutex
 * for its owner.  Waiting is only allowed where the CPU may switch to
 * something else: not with a spinlock held (the preemption count is
 * raised, in_atomic()), not with interrupts off, not in an interrupt
 * handler.  There a wait would deadlock (the lock's other users spin on a
 * CPU that went to sleep) or never end (no interrupt can wake it).
 *
 * This kernel has no scheduler yet, so nothing actually sleeps and a
 * misuse would go unnoticed; the check catches it now, as Linux's
 * CONFIG_DEBUG_ATOMIC_SLEEP does, with Linux's report:
 *
 *	BUG: sleeping function called from invalid context at mm/slab.c:250
 *	in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 0, name: ktest
 *	preempt_count: 1, expected: 0
 *	CPU: 0 PID: 0 Comm: ktest Not tainted
 *	Call Trace: ...
 *
 * and the kernel goes on.  Like Linux it stays quiet before the boot is
 * over (interrupts are off until then), during a panic, and when its own
 * reports come too fast: at most RATELIMIT_BURST per second are printed,
 * and the next one says how many were held back.  Every one is counted in
 * nr_might_sleep_bugs, which the tests read.  The benchmarks time
 * GFP_KERNEL work with interrupts off on purpose and turn the check off
 * meanwhile (debug_atomic_sleep).
 */
#include <asm/processor.h>
#include <init.h>
#include <panic.h>
#include <preempt.h>
#include <printk.h>
#include <smp.h>
#include <stack.h>
#include <time.h>

#define RATELIMIT_BURST 10 /* reports per second at most */

bool debug_atomic_sleep = true; /* Linux: CONFIG_DEBUG_ATOMIC_SLEEP=y */
unsigned long nr_might_sleep_bugs;

static u64 ratelimit_begin; /* jiffies when the current second began */
static unsigned int ratelimit_printed, ratelimit_missed;

/* May this report print?  At most RATELIMIT_BURST a second, as printk's. */
static bool might_sleep_ratelimit(void)
{
	u64 now = jiffies;

	if (now - ratelimit_begin >= HZ) {
		if (ratelimit_missed)
			pr_warn("__might_sleep: %u callbacks suppressed\n",
				ratelimit_missed);
		ratelimit_begin = now;
		ratelimit_printed = 0;
		ratelimit_missed = 0;
	}
	if (ratelimit_printed >= RATELIMIT_BURST) {
		ratelimit_missed++;
		return false;
	}
	ratelimit_printed++;
	return true;
}

/**
 * __might_sleep - might_sleep()'s check, out of line
 * @file: the caller's source file
 * @line: and line
 *
 * Reports a caller in atomic context (a spinlock held, interrupts off, an
 * interrupt handler) in Linux's words, with a call trace.
 */
void __might_sleep(const char *file, int line)
{
	unsigned int count = preempt_count();
	bool irqs_off = irqs_disabled();

	if (likely(!count && !irqs_off))
		return;
	if (!system_running || panic_in_progress)
		return; /* the boot runs with interrupts off: as Linux */
	nr_might_sleep_bugs++;
	if (!might_sleep_ratelimit())
		return;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: 0, name: %s\n",
	       count != 0, irqs_off, current_comm);
	pr_err("preempt_count: %x, expected: 0\n", count);
	dump_stack();
}
