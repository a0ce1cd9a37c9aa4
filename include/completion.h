/* SPDX-License-Identifier: GPL-2.0 */
/*
 * completion.h - "wait until that is done", as Linux's <linux/completion.h>
 * (kernel/sched/completion.c).  A count of done events and a wait queue:
 * complete() adds one and wakes a waiter, wait_for_completion() takes one,
 * sleeping until there is one.  vfork's parent and kthread_stop() wait on
 * completions.
 */
#ifndef _COMPLETION_H
#define _COMPLETION_H

#include <wait.h>

struct completion {
	unsigned int done; /* events not yet taken; UINT_MAX: complete_all */
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work)                          \
	{                                                     \
		0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) \
	}
#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)

static inline void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

static inline void reinit_completion(struct completion *x)
{
	x->done = 0;
}

void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* The jiffies left, or 0 on timeout. */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
/* 0, or -ERESTARTSYS if a signal came first. */
int wait_for_completion_interruptible(struct completion *x);
/* 0, or -ERESTARTSYS if SIGKILL came first. */
int wait_for_completion_killable(struct completion *x);
/* Taken without sleeping?  Is it done (no waiting needed)? */
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

#endif /* _COMPLETION_H */
