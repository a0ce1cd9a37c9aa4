// SPDX-License-Identifier: GPL-2.0
/*
 * wait.c - wait queues (include/wait.h): a list of sleepers under a lock.
 *
 * A sleeper queues an entry naming itself, sets its state, tests its
 * condition and only then calls schedule(); a waker changes the
 * condition, then walks the list and calls each entry's function, which
 * wakes the task (try_to_wake_up() sets it RUNNING and queues it).  The
 * order is what makes it safe without holding a lock across the sleep:
 * the waker's wake-up either finds the sleeper already queued (and makes
 * it runnable, so its schedule() comes straight back) or comes before
 * the sleeper queued itself, in which case the sleeper's test sees the
 * condition true.  The lock is taken with interrupts off: interrupt
 * handlers wake sleepers (the console, the timer).
 *
 * Exclusive waiters (added at the tail) are woken one per wake_up(), to
 * avoid waking a crowd for one resource (mutexes use them); the others
 * are all woken.
 */
#include <errno.h>
#include <sched.h>
#include <wait.h>

void init_waitqueue_head(wait_queue_head_t *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int flags, void *key)
{
	return wake_up_state(wq_entry->private, mode);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}

void init_wait_entry(struct wait_queue_entry *wq_entry, unsigned int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

void add_wait_queue(wait_queue_head_t *wq_head,
		    struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void add_wait_queue_exclusive(wait_queue_head_t *wq_head,
			      struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void remove_wait_queue(wait_queue_head_t *wq_head,
		       struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

static void __prepare_to_wait(wait_queue_head_t *wq_head,
			      struct wait_queue_entry *wq_entry, int state,
			      bool exclusive)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry)) {
		if (exclusive) {
			wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
			list_add_tail(&wq_entry->entry, &wq_head->head);
		} else {
			wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
			list_add(&wq_entry->entry, &wq_head->head);
		}
	}
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

void prepare_to_wait(wait_queue_head_t *wq_head,
		     struct wait_queue_entry *wq_entry, int state)
{
	__prepare_to_wait(wq_head, wq_entry, state, false);
}

void prepare_to_wait_exclusive(wait_queue_head_t *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	__prepare_to_wait(wq_head, wq_entry, state, true);
}

long prepare_to_wait_event(wait_queue_head_t *wq_head,
			   struct wait_queue_entry *wq_entry, int state)
{
	bool exclusive = wq_entry->flags & WQ_FLAG_EXCLUSIVE;

	if ((state & TASK_INTERRUPTIBLE && signal_pending(current)) ||
	    (state & TASK_WAKEKILL && fatal_signal_pending(current))) {
		/* Off the queue, so no wake-up is taken from another. */
		remove_wait_queue(wq_head, wq_entry);
		__set_current_state(TASK_RUNNING);
		return -ERESTARTSYS;
	}
	__prepare_to_wait(wq_head, wq_entry, state, exclusive);
	return 0;
}

void finish_wait(wait_queue_head_t *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	/* Checked without the lock: the waker may have removed it already. */
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}

void __wake_up(wait_queue_head_t *wq_head, unsigned int mode, int nr_exclusive,
	       void *key)
{
	struct wait_queue_entry *curr, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int wq_flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && (wq_flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
