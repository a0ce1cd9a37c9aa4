// SPDX-License-Identifier: GPL-2.0
/*
 * might_sleep.c - "BUG: sleeping function called from invalid context".
 *
 * Code that may wait says so with might_sleep() (kernel.h): a GFP_KERNEL
 * allocation may wait for other tasks to free pages, kmap() for a free
 * pkmap slot, a mutex for its owner.  Waiting is only allowed where the
 * CPU may switch to another task: not with a spinlock held (the
 * preemption count is raised, in_atomic()), not with interrupts off, not
 * in an interrupt handler.  There a wait would deadlock (the lock's other
 * users spin on a CPU that went to sleep) or never end (no interrupt can
 * wake it).
 *
 * Linux reports it (CONFIG_DEBUG_ATOMIC_SLEEP), and so does this kernel,
 * in Linux's words, even when the caller would not actually wait this
 * time (a page was free): the same call may wait another time.
 *
 *	BUG: sleeping function called from invalid context at mm/slab.c:250
 *	in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: init
 *	preempt_count: 1, expected: 0
 *	CPU: 0 PID: 1 Comm: init Not tainted
 *	Call Trace: ...
 *
 * and the kernel goes on, tainted W.  Like Linux it stays quiet before the
 * scheduler is up (the boot runs with interrupts off) and during a panic.
 * When its reports come too fast, at most RATELIMIT_BURST a second are
 * printed and the next one says how many were held back, as printk's rate
 * limit would: a loop that gets it wrong a million times stays readable.
 * Every one is counted in nr_might_sleep_bugs, which the tests read.  The
 * benchmarks time GFP_KERNEL work with interrupts off on purpose and turn
 * the check off meanwhile (debug_atomic_sleep).
 */
#include <asm/processor.h>
#include <config.h>
#include <kernel.h>
#include <panic.h>
#include <preempt.h>
#include <printk.h>
#include <sched.h>
#include <stack.h>
#include <time.h>
#include <timer.h>
#include <uaccess.h>

#define RATELIMIT_BURST 10 /* reports per second at most */

bool debug_atomic_sleep = CONFIG_DEBUG_ATOMIC_SLEEP;
unsigned long nr_might_sleep_bugs;

static unsigned long ratelimit_begin; /* jiffies when this second began */
static unsigned int ratelimit_printed, ratelimit_missed;

/* May this report print?  At most RATELIMIT_BURST a second, as printk's. */
static bool might_sleep_ratelimit(void)
{
	unsigned long now = jiffies_ul;

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

/* The report, out of the way of the check (which then saves no register). */
static noinline void might_sleep_report(const char *file, int line)
{
	unsigned int count = preempt_count();
	bool irqs_off = irqs_disabled();

	if (!debug_atomic_sleep || !sched_is_ready() || panic_in_progress)
		return;
	nr_might_sleep_bugs++;
	if (!might_sleep_ratelimit())
		return;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       in_atomic(), irqs_off, current->pid, current->comm);
	pr_err("preempt_count: %x, expected: 0\n", count);
	dump_stack();
	add_taint(TAINT_WARN);
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
	if (unlikely(preempt_count() || irqs_disabled()))
		might_sleep_report(file, line);
}

/* A user access may fault, and the fault may sleep: the same check. */
void __might_fault(const char *file, int line)
{
	__might_sleep(file, line);
}
