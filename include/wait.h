/* SPDX-License-Identifier: GPL-2.0 */
/*
 * wait.h - wait queues: sleeping until something happens, as Linux's
 * <linux/wait.h> (kernel/sched/wait.c).
 *
 *	static DECLARE_WAIT_QUEUE_HEAD(done_wq);
 *	wait_event(done_wq, done);	// the sleeper: until `done` is true
 *	done = true;			// the waker: make it true, then
 *	wake_up(&done_wq);		// wake whoever waits for it
 *
 * A wait queue is a list of sleeping tasks under a spinlock.  The sleeper
 * puts itself on the list and sets its state *before* it tests the
 * condition again, so a wake-up between the test and schedule() is never
 * lost: it makes the sleeper runnable, and schedule() returns at once.
 * wake_up() wakes every non-exclusive waiter and one exclusive one
 * (wake_up_all(): every one).  Safe from interrupt handlers.
 */
#ifndef _WAIT_H
#define _WAIT_H

#include <list.h>
#include <spinlock.h>
#include <task_states.h>
#include <types.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE 0x01 /* wake_up() wakes one such waiter */
#define WQ_FLAG_WOKEN 0x02 /* woken: wait_woken() need not sleep */

typedef struct wait_queue_entry {
	unsigned int flags; /* WQ_FLAG_* */
	void *private; /* the task that waits */
	wait_queue_func_t func; /* how to wake it */
	struct list_head entry; /* in the head's list */
} wait_queue_entry_t;

typedef struct wait_queue_head {
	spinlock_t lock;
	struct list_head head; /* the waiters */
} wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name)              \
	{                                                \
		.lock = __SPIN_LOCK_UNLOCKED(name.lock), \
		.head = LIST_HEAD_INIT(name.head),       \
	}
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(wait_queue_head_t *wq_head);

/* Wake the waiter's task (a wait_queue_func_t). */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int flags, void *key);
/* ... and take the entry off the queue (DEFINE_WAIT's). */
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int flags, void *key);

void init_wait_entry(struct wait_queue_entry *wq_entry, unsigned int flags);
#define DEFINE_WAIT(name)                              \
	struct wait_queue_entry name = {               \
		.private = current,                    \
		.func = autoremove_wake_function,      \
		.entry = LIST_HEAD_INIT((name).entry), \
	}

/* An entry for tsk that stays queued when woken (add/remove_wait_queue). */
#define DECLARE_WAITQUEUE(name, tsk)                   \
	struct wait_queue_entry name = {               \
		.private = tsk,                        \
		.func = default_wake_function,         \
		.entry = LIST_HEAD_INIT((name).entry), \
	}

void add_wait_queue(wait_queue_head_t *wq_head,
		    struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(wait_queue_head_t *wq_head,
			      struct wait_queue_entry *wq_entry);
void remove_wait_queue(wait_queue_head_t *wq_head,
		       struct wait_queue_entry *wq_entry);

/* Queue the entry (if it is not) and set the task's state. */
void prepare_to_wait(wait_queue_head_t *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(wait_queue_head_t *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
/* ... the same, -ERESTARTSYS if a signal is pending (interruptible). */
long prepare_to_wait_event(wait_queue_head_t *wq_head,
			   struct wait_queue_entry *wq_entry, int state);
/* Back to TASK_RUNNING, off the queue. */
void finish_wait(wait_queue_head_t *wq_head, struct wait_queue_entry *wq_entry);

/* Wake the waiters in `mode` states: every one but nr_exclusive at most. */
void __wake_up(wait_queue_head_t *wq_head, unsigned int mode, int nr_exclusive,
	       void *key);
#define wake_up(x) __wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr) __wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x) __wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x) __wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_all(x) __wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)

/* Does anyone wait?  (Read without the lock: a hint for the waker.) */
static inline bool waitqueue_active(wait_queue_head_t *wq_head)
{
	return !list_empty(&wq_head->head);
}

/* From sched.h, which includes this file. */
void schedule(void);
long schedule_timeout(long timeout);
void __might_sleep(const char *file, int line);

/*
 * The loop behind every wait_event*(): queue, set the state, test,
 * sleep.  `cmd` sleeps (schedule(), or schedule_timeout() which updates
 * __ret); an interruptible wait gives up on a signal (-ERESTARTSYS).
 */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd) \
	({                                                            \
		struct wait_queue_entry __wq_entry;                   \
		long __ret = (ret);                                   \
		init_wait_entry(&__wq_entry,                          \
				(exclusive) ? WQ_FLAG_EXCLUSIVE : 0); \
		for (;;) {                                            \
			long __int = prepare_to_wait_event(           \
				&(wq_head), &__wq_entry, (state));    \
			if (condition)                                \
				break;                                \
			if (__int) {                                  \
				__ret = __int;                        \
				break;                                \
			}                                             \
			cmd;                                          \
		}                                                     \
		finish_wait(&(wq_head), &__wq_entry);                 \
		__ret;                                                \
	})

/* Sleep until condition is true; only the condition ends the wait. */
#define wait_event(wq_head, condition)                                        \
	do {                                                                  \
		__might_sleep(__FILE__, __LINE__);                            \
		if (condition)                                                \
			break;                                                \
		(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, \
				    0, 0, schedule());                        \
	} while (0)

/* ... or until a signal: 0, or -ERESTARTSYS. */
#define wait_event_interruptible(wq_head, condition)                  \
	({                                                            \
		long __r = 0;                                         \
		__might_sleep(__FILE__, __LINE__);                    \
		if (!(condition))                                     \
			__r = ___wait_event(wq_head, condition,       \
					    TASK_INTERRUPTIBLE, 0, 0, \
					    schedule());              \
		__r;                                                  \
	})

/* ... or until SIGKILL: 0, or -ERESTARTSYS. */
#define wait_event_killable(wq_head, condition)                                \
	({                                                                     \
		long __r = 0;                                                  \
		__might_sleep(__FILE__, __LINE__);                             \
		if (!(condition))                                              \
			__r = ___wait_event(wq_head, condition, TASK_KILLABLE, \
					    0, 0, schedule());                 \
		__r;                                                           \
	})

/*
 * ... or until `timeout` jiffies have passed: 0 if they did and condition
 * is still false, else the jiffies left (at least 1).
 */
#define wait_event_timeout(wq_head, condition, timeout)                       \
	({                                                                    \
		long __r = (timeout);                                         \
		__might_sleep(__FILE__, __LINE__);                            \
		if (!(condition))                                             \
			__r = ___wait_event(wq_head, (condition) || !__ret,   \
					    TASK_UNINTERRUPTIBLE, 0, timeout, \
					    __ret = schedule_timeout(__ret)); \
		else if (!__r)                                                \
			__r = 1;                                              \
		(condition) && !__r ? 1 : __r;                                \
	})

/* Both: the jiffies left, 0 on timeout, -ERESTARTSYS on a signal. */
#define wait_event_interruptible_timeout(wq_head, condition, timeout)         \
	({                                                                    \
		long __r = (timeout);                                         \
		__might_sleep(__FILE__, __LINE__);                            \
		if (!(condition))                                             \
			__r = ___wait_event(wq_head, (condition) || !__ret,   \
					    TASK_INTERRUPTIBLE, 0, timeout,   \
					    __ret = schedule_timeout(__ret)); \
		else if (!__r)                                                \
			__r = 1;                                              \
		(condition) && !__r ? 1 : __r;                                \
	})

#endif /* _WAIT_H */
