// SPDX-License-Identifier: GPL-2.0
/*
 * completion.c - "wait until that is done" (include/completion.h).
 *
 * `done` counts events not yet consumed, under the wait queue's lock: a
 * complete() before the wait is not lost, the waiter just takes it and
 * does not sleep.  complete_all() makes it count forever (UINT_MAX), for
 * "this is over, everybody may go" (a thread's exit).  Waiters are
 * exclusive: one complete() lets exactly one through.  complete() is safe
 * in interrupt handlers (a device's: the edu driver's DMA and factorial).
 * The event's lock orders what the completing side did before complete()
 * before what the waiter does after it returns, even on another CPU.
 */
#include <asm/processor.h>
#include <bug.h>
#include <completion.h>
#include <errno.h>
#include <sched.h>
#include <time.h>

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	__wake_up(&x->wait, TASK_NORMAL, 1, NULL);
}

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	__wake_up(&x->wait, TASK_NORMAL, 0, NULL);
}

/* Take one event if there is one (under the lock). */
static bool completion_take(struct completion *x)
{
	unsigned long flags;
	bool taken = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		taken = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return taken;
}

/*
 * A context that cannot sleep (an idle task running an `oncpu` command,
 * the boot before the scheduler, preemption off) halts until the next
 * interrupt instead, with interrupts on (a device's interrupt or the
 * timer tick wakes it), until the event or the timeout.  With interrupts
 * off it could never end: a WARN and one look.
 */
static long wait_by_halting(struct completion *x, long timeout)
{
	u64 deadline = jiffies + (u64)timeout;

	if (WARN(irqs_disabled(),
		 "wait_for_completion with interrupts off: it could never end\n"))
		return completion_take(x) ? 1 : 0;
	for (;;) {
		if (completion_take(x))
			return jiffies < deadline ? (long)(deadline - jiffies) :
						    1;
		if (timeout != MAX_SCHEDULE_TIMEOUT && jiffies >= deadline)
			return 0;
		local_irq_disable();
		if (!READ_ONCE(x->done))
			safe_halt(); /* sti; hlt: wakes at the next interrupt */
		else
			local_irq_enable();
	}
}

static bool completion_may_sleep(void)
{
	return sched_is_ready() && !is_idle_task(current) && !in_atomic() &&
	       !irqs_disabled();
}

/*
 * Sleep in `state` until an event can be taken, a signal the state
 * allows comes (-ERESTARTSYS), or timeout jiffies pass (0).  Returns the
 * jiffies left (at least 1) once an event was taken.
 */
static long do_wait_for_common(struct completion *x, long timeout, int state)
{
	struct wait_queue_entry wait;

	if (!completion_may_sleep())
		return wait_by_halting(x, timeout);
	init_wait_entry(&wait, WQ_FLAG_EXCLUSIVE);
	for (;;) {
		long err = prepare_to_wait_event(&x->wait, &wait, state);

		if (completion_take(x))
			break;
		if (err) {
			timeout = err;
			goto out;
		}
		if (!timeout)
			goto out;
		timeout = schedule_timeout(timeout);
	}
	if (!timeout)
		timeout = 1;
out:
	finish_wait(&x->wait, &wait);
	return timeout;
}

void wait_for_completion(struct completion *x)
{
	do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	long ret = do_wait_for_common(x, (long)timeout, TASK_UNINTERRUPTIBLE);

	return ret > 0 ? (unsigned long)ret : 0;
}

int wait_for_completion_interruptible(struct completion *x)
{
	long ret =
		do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);

	return ret < 0 ? (int)ret : 0;
}

int wait_for_completion_killable(struct completion *x)
{
	long ret = do_wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);

	return ret < 0 ? (int)ret : 0;
}

bool try_wait_for_completion(struct completion *x)
{
	return completion_take(x);
}

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
