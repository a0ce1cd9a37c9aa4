/* SPDX-License-Identifier: GPL-2.0 */
/*
 * timer.h - kernel timers: call a function at a later jiffy, as Linux's
 * <linux/timer.h> (kernel/time/timer.c).  The functions run in the timer
 * interrupt (the PIT's tick on CPU 0), so they must not sleep; waking a
 * task is what they usually do (schedule_timeout(), msleep()).
 */
#ifndef _TIMER_H
#define _TIMER_H

#include <list.h>
#include <time.h>
#include <types.h>

struct timer_list {
	struct list_head entry; /* in the pending list, by expiry */
	unsigned long expires; /* the jiffy it runs at (or after) */
	void (*function)(struct timer_list *timer);
	unsigned int flags; /* TIMER_PENDING */
};

#define TIMER_PENDING 0x1

void timer_setup(struct timer_list *timer,
		 void (*function)(struct timer_list *), unsigned int flags);
/* Run timer->function at timer->expires (now if that has passed). */
void add_timer(struct timer_list *timer);
/* Move a timer to `expires`, pending or not; true if it was pending. */
bool mod_timer(struct timer_list *timer, unsigned long expires);
/* Cancel it; true if it was pending.  del_timer_sync() also waits for
 * a run on another CPU to end. */
bool del_timer(struct timer_list *timer);
bool del_timer_sync(struct timer_list *timer);
static inline bool timer_pending(const struct timer_list *timer)
{
	return READ_ONCE(timer->flags) & TIMER_PENDING;
}

/* The tick's work (the PIT interrupt, CPU 0): run what has expired. */
void run_local_timers(void);
/* Timers waiting (for tests and /proc). */
unsigned int nr_pending_timers(void);

/* jiffies as an unsigned long, and comparisons that survive a wrap. */
#define jiffies_ul ((unsigned long)jiffies)
#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)

/* Milliseconds to jiffies, rounded up (a sleep is never shorter). */
static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return (m + (1000 / HZ) - 1) / (1000 / HZ);
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return (unsigned int)(j * (1000 / HZ));
}

/* Sleep at least msecs (uninterruptible), at most ...+1 tick later. */
void msleep(unsigned int msecs);
/* ... interruptibly: the milliseconds left when a signal came, else 0. */
unsigned long msleep_interruptible(unsigned int msecs);

#endif /* _TIMER_H */
