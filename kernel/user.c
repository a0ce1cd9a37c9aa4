// SPDX-License-Identifier: GPL-2.0
/*
 * user.c - one struct user_struct per user id that has processes: the
 * count RLIMIT_NPROC is checked against at fork (kernel/fork.c).
 *
 * A task's real uid names its user_struct; fork and setuid() move the
 * count with the task.  Root's is static and never freed.  A few users at
 * most exist here, so they are a list, not Linux's hash.
 */
#include <kernel.h>
#include <sched.h>
#include <slab.h>
#include <spinlock.h>

static LIST_HEAD(uid_list);
static DEFINE_SPINLOCK(uidhash_lock);

struct user_struct *alloc_uid(unsigned int uid)
{
	struct user_struct *up, *new;
	unsigned long flags;

	if (uid == 0) {
		__atomic_add_fetch(&root_user.count, 1, __ATOMIC_SEQ_CST);
		return &root_user;
	}
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	spin_lock_irqsave(&uidhash_lock, flags);
	list_for_each_entry(up, &uid_list, list) {
		if (up->uid == uid) {
			up->count++;
			spin_unlock_irqrestore(&uidhash_lock, flags);
			kfree(new);
			return up;
		}
	}
	if (new) {
		new->uid = uid;
		new->count = 1;
		list_add(&new->list, &uid_list);
	}
	spin_unlock_irqrestore(&uidhash_lock, flags);
	return new;
}

void free_uid(struct user_struct *up)
{
	unsigned long flags;
	bool last;

	if (!up)
		return;
	if (up == &root_user) {
		__atomic_sub_fetch(&root_user.count, 1, __ATOMIC_SEQ_CST);
		return;
	}
	spin_lock_irqsave(&uidhash_lock, flags);
	last = --up->count == 0;
	if (last)
		list_del(&up->list);
	spin_unlock_irqrestore(&uidhash_lock, flags);
	if (last)
		kfree(up);
}
