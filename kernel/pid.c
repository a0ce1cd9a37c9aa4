// SPDX-License-Identifier: GPL-2.0
/*
 * pid.c - process ids: handing them out, and finding a task by its pid.
 *
 * A bitmap of the 32768 pids (PID_MAX_DEFAULT, Linux's default) hands
 * out the next free one after the last given, wrapping around to 300 as
 * Linux does (the low pids stay with the daemons that got them at boot),
 * so a pid is not reused soon after its process died.  Pid 0 is the idle
 * tasks', 1 init's.  A hash of 256 lists finds a task from its pid
 * (kill, wait4 of a given child) in a few steps; it is under
 * tasklist_lock like every other link between tasks.
 */
#include <errno.h>
#include <kernel.h>
#include <sched.h>
#include <spinlock.h>

#define RESERVED_PIDS 300
#define PIDHASH_SIZE 256

static unsigned long pidmap[PID_MAX_DEFAULT / BITS_PER_LONG] = { 1 };
static int last_pid;
static DEFINE_SPINLOCK(pidmap_lock);
static struct list_head pid_hash[PIDHASH_SIZE];

static inline struct list_head *pid_hashfn(int pid)
{
	return &pid_hash[(unsigned int)pid % PIDHASH_SIZE];
}

static bool pid_test_and_set(int pid)
{
	unsigned long bit = 1UL << (pid % BITS_PER_LONG);
	unsigned long *word = &pidmap[pid / BITS_PER_LONG];

	if (*word & bit)
		return false;
	*word |= bit;
	return true;
}

int alloc_pid(void)
{
	unsigned long flags;
	int pid = -EAGAIN;

	spin_lock_irqsave(&pidmap_lock, flags);
	for (int tries = 0, next = last_pid + 1; tries < PID_MAX_DEFAULT;
	     tries++, next++) {
		if (next >= PID_MAX_DEFAULT)
			next = RESERVED_PIDS;
		if (pid_test_and_set(next)) {
			pid = last_pid = next;
			break;
		}
	}
	spin_unlock_irqrestore(&pidmap_lock, flags);
	return pid;
}

void free_pid(int pid)
{
	unsigned long flags;

	if (pid <= 0 || pid >= PID_MAX_DEFAULT)
		return;
	spin_lock_irqsave(&pidmap_lock, flags);
	pidmap[pid / BITS_PER_LONG] &= ~(1UL << (pid % BITS_PER_LONG));
	spin_unlock_irqrestore(&pidmap_lock, flags);
}

void attach_pid(struct task_struct *p)
{
	if (!pid_hash[0].next)
		for (int i = 0; i < PIDHASH_SIZE; i++)
			INIT_LIST_HEAD(&pid_hash[i]);
	list_add(&p->pid_chain, pid_hashfn(p->pid));
}

void detach_pid(struct task_struct *p)
{
	list_del_init(&p->pid_chain);
}

struct task_struct *find_task_by_vpid(int pid)
{
	struct task_struct *p;

	if (pid <= 0 || !pid_hash[0].next)
		return NULL;
	list_for_each_entry(p, pid_hashfn(pid), pid_chain)
		if (p->pid == pid)
			return p;
	return NULL;
}

struct task_struct *find_get_task_by_vpid(int pid)
{
	struct task_struct *p;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	p = find_task_by_vpid(pid);
	if (p)
		get_task_struct(p);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;
}
