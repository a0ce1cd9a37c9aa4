// SPDX-License-Identifier: GPL-2.0
/*
 * timer.c - kernel timers, and sleeping for a while (include/timer.h).
 *
 * A timer is a function to call at a jiffy.  Pending timers are kept in
 * one list sorted by expiry under timer_lock; the PIT tick on CPU 0
 * (run_local_timers) takes every expired one off and calls it, with the
 * lock dropped and interrupts off.  A sorted list makes adding O(n) where
 * Linux's timer wheel is O(1); a few dozen timers at most are pending
 * here (one per sleeping task), and the list reads in one screen.
 *
 * schedule_timeout() is a sleep with a timer that wakes the sleeper,
 * msleep() a loop of them (a wake-up by anything else just sleeps again).
 * With HZ = 100 a sleep lasts at least what was asked, rounded up to the
 * next 10 ms tick, as in Linux.
 */
#include <asm/processor.h>
#include <bug.h>
#include <kernel.h>
#include <sched.h>
#include <spinlock.h>
#include <timer.h>

static LIST_HEAD(timer_list_head); /* pending timers, soonest first */
static DEFINE_RAW_SPINLOCK(timer_lock);
static struct timer_list *volatile running_timer; /* its function runs now */
static unsigned int nr_timers;

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = function;
	timer->flags = 0;
	timer->expires = 0;
}

static void __detach_timer(struct timer_list *timer)
{
	list_del_init(&timer->entry);
	timer->flags &= ~TIMER_PENDING;
	nr_timers--;
}

static void __enqueue_timer(struct timer_list *timer)
{
	struct timer_list *pos;

	/* After every timer that expires no later: FIFO among equals. */
	list_for_each_entry(pos, &timer_list_head, entry)
		if (time_after(pos->expires, timer->expires))
			break;
	list_add_tail(&timer->entry, &pos->entry);
	timer->flags |= TIMER_PENDING;
	nr_timers++;
}

bool mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	bool was_pending;

	raw_spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer->flags & TIMER_PENDING;
	if (was_pending)
		__detach_timer(timer);
	timer->expires = expires;
	__enqueue_timer(timer);
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	WARN_ON(timer_pending(timer));
	mod_timer(timer, timer->expires);
}

bool del_timer(struct timer_list *timer)
{
	unsigned long flags;
	bool was_pending;

	raw_spin_lock_irqsave(&timer_lock, flags);
	was_pending = timer->flags & TIMER_PENDING;
	if (was_pending)
		__detach_timer(timer);
	raw_spin_unlock_irqrestore(&timer_lock, flags);
	return was_pending;
}

bool del_timer_sync(struct timer_list *timer)
{
	bool was_pending = del_timer(timer);

	/* Its function may be running on CPU 0 right now: let it finish. */
	while (running_timer == timer)
		cpu_relax();
	return was_pending;
}

void run_local_timers(void)
{
	unsigned long now = jiffies_ul;

	raw_spin_lock(&timer_lock);
	while (!list_empty(&timer_list_head)) {
		struct timer_list *timer = list_first_entry(
			&timer_list_head, struct timer_list, entry);
		void (*fn)(struct timer_list *) = timer->function;

		if (time_after(timer->expires, now))
			break;
		__detach_timer(timer);
		running_timer = timer;
		raw_spin_unlock(&timer_lock);
		fn(timer);
		raw_spin_lock(&timer_lock);
		running_timer = NULL;
	}
	raw_spin_unlock(&timer_lock);
}

unsigned int nr_pending_timers(void)
{
	return READ_ONCE(nr_timers);
}

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout =
		container_of(t, struct process_timer, timer);

	wake_up_process(timeout->task);
}

/*
 * schedule_timeout - sleep (in the state the caller set) for at most
 * `timeout` jiffies
 *
 * Return: 0 if the time ran out, else the jiffies that were left when
 * something else woke the task.
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (WARN(timeout < 0, "schedule_timeout: wrong timeout value %lx\n",
		 (unsigned long)timeout)) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	expire = (unsigned long)timeout + jiffies_ul;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	timer.timer.expires = expire;
	add_timer(&timer.timer);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = (long)(expire - jiffies_ul);
	return timeout < 0 ? 0 : timeout;
}

void msleep(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}

unsigned long msleep_interruptible(unsigned int msecs)
{
	long timeout = (long)msecs_to_jiffies(msecs) + 1;

	while (timeout && !signal_pending(current))
		timeout = schedule_timeout_interruptible(timeout);
	return jiffies_to_msecs((unsigned long)timeout);
}
