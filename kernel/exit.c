// SPDX-License-Identifier: GPL-2.0
/*
 * exit.c - the end of a task, and its parent's wait for it.
 *
 * do_exit() gives everything back in order: the address space (a vfork
 * parent waiting for it wakes), the open files, the FPU; then
 * exit_notify() hands the children to init (pid 1), and the task becomes
 * a zombie: only its task_struct is left, holding its exit status for its
 * parent's wait4().  It tells its parent (SIGCHLD, and a wake-up of a
 * parent sleeping in wait4) and calls schedule() for the last time.  A
 * task nobody will wait for (a kernel thread, a child whose parent
 * ignores SIGCHLD, an orphan given to init) is reaped at once instead.
 *
 * wait4() looks through the caller's children for one that is eligible
 * (pid > 0: that one; -1: any; 0 or < -1: a process group) and already a
 * zombie; it reaps it (release_task: off every list, its pid free, its
 * parent's reference dropped) and returns its pid and status.  With
 * eligible children still running it sleeps on the caller's
 * wait_chldexit queue until one exits (or returns 0 with WNOHANG); with
 * none at all it fails with ECHILD.
 *
 * init here is the kernel thread that runs the boot mode (the shell);
 * it waits only for what it ran.  So an orphan given to it is marked to
 * be reaped at its exit (exit_signal = -1), and one that is already a
 * zombie is reaped when it is given over, where Linux's init would reap
 * them in a loop.  Stopped children are not reported (no WUNTRACED).
 */
#include <asm/processor.h>
#include <errno.h>
#include <file.h>
#include <kernel.h>
#include <kthread.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <resource.h>
#include <sched.h>
#include <string.h>
#include <syscalls.h>
#include <time.h>
#include <uaccess.h>
#include <asm/mmu_context.h>

/* init, the process orphans are given to (kernel/main.c). */
struct task_struct *child_reaper;

/* Off every list, pid free, the parent's reference dropped. */
static void release_task(struct task_struct *p)
{
	unsigned long flags;
	int pid = p->pid;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_del_init(&p->tasks);
	list_del_init(&p->sibling);
	detach_pid(p);
	nr_threads--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	free_pid(pid);
	__atomic_sub_fetch(&p->cred.user->processes, 1, __ATOMIC_SEQ_CST);
	free_uid(p->cred.user);
	p->cred.user = NULL;
	put_task_struct(p);
}

static void exit_mm(struct task_struct *tsk)
{
	struct mm_struct *mm = tsk->mm;
	unsigned long flags;

	mm_release(tsk);
	if (!mm)
		return;
	__atomic_sub_fetch(&nr_user_processes, 1, __ATOMIC_SEQ_CST);
	/* Off its page tables first: this task runs on for a moment. */
	task_lock(tsk);
	local_irq_save(flags);
	tsk->mm = NULL;
	switch_mm_irqs_off(mm, NULL);
	local_irq_restore(flags);
	task_unlock(tsk);
	mmput(mm);
}

/*
 * Give tsk's children to init (under tasklist_lock).  Zombies among them
 * go on `dead`, to be reaped by the caller once the lock is dropped.
 */
static void forget_original_parent(struct task_struct *tsk,
				   struct list_head *dead)
{
	struct task_struct *p, *n;
	struct task_struct *reaper = child_reaper ? child_reaper : &init_task;

	list_for_each_entry_safe(p, n, &tsk->children, sibling) {
		list_del(&p->sibling);
		p->real_parent = reaper;
		if (reaper->flags & PF_KTHREAD)
			p->exit_signal =
				-1; /* init will not wait(): self-reap */
		if (p->exit_state == EXIT_ZOMBIE && p->exit_signal < 0) {
			p->exit_state = EXIT_DEAD;
			list_add(&p->sibling, dead);
		} else {
			list_add_tail(&p->sibling, &reaper->children);
		}
	}
}

static void exit_notify(struct task_struct *tsk)
{
	LIST_HEAD(dead);
	struct task_struct *p, *n;
	bool autoreap;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	forget_original_parent(tsk, &dead);
	if (tsk->exit_signal < 0)
		autoreap = true;
	else
		autoreap = do_notify_parent(tsk, tsk->exit_signal);
	tsk->exit_state = autoreap ? EXIT_DEAD : EXIT_ZOMBIE;
	spin_unlock_irqrestore(&tasklist_lock, flags);

	list_for_each_entry_safe(p, n, &dead, sibling) {
		list_del_init(&p->sibling);
		release_task(p);
	}
	if (autoreap)
		release_task(tsk); /* the scheduler still holds a reference */
}

void __noreturn do_exit(long code)
{
	struct task_struct *tsk = current;

	if (in_interrupt())
		panic("Aiee, killing interrupt handler!");
	if (is_idle_task(tsk))
		panic("Attempted to kill the idle task!");
	if (tsk == child_reaper)
		panic("Attempted to kill init! exitcode=0x%08lx",
		      (unsigned long)code);
	if (tsk->flags & PF_EXITING) {
		pr_alert("Fixing recursive fault but reboot is needed!\n");
		for (;;) {
			set_current_state(TASK_UNINTERRUPTIBLE);
			schedule();
		}
	}
	tsk->flags |= PF_EXITING;
	tsk->exit_code = (int)code;
	local_irq_enable();

	exit_mm(tsk);
	exit_files(tsk);
	fpu__flush_owner(tsk);
	/*
	 * Counted as dying before anyone can learn of the end (kthread_stop(),
	 * the parent's wait): whoever then waits for the dying tasks (the
	 * tests' leak checks) also waits for this one's last switch, which
	 * frees its stack.
	 */
	sched_task_dying();
	if (tsk->kthread)
		kthread_exited(tsk, code);
	exit_notify(tsk);

	/* The last schedule(): finish_task_switch() drops its reference. */
	local_irq_disable();
	WRITE_ONCE(tsk->__state, TASK_DEAD);
	schedule();
	panic("do_exit: dead task %s/%d ran again", tsk->comm, tsk->pid);
}

void __noreturn do_group_exit(int exit_code)
{
	do_exit(exit_code);
}

/* exit(status): the status in bits 8-15 of what wait() sees. */
SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* --- wait ------------------------------------------------------------------ */

static bool eligible_child(int pid, struct task_struct *p)
{
	if (pid > 0)
		return p->pid == pid;
	if (pid == -1)
		return true;
	return p->pgrp == (pid == 0 ? current->pgrp : -pid);
}

static void child_rusage(const struct task_struct *p, struct rusage *ru)
{
	u64 ut = p->utime + p->signal->cutime,
	    st = p->stime + p->signal->cstime;

	memset(ru, 0, sizeof(*ru));
	ru->ru_utime.tv_sec = (long)(ut / HZ);
	ru->ru_utime.tv_usec = (long)(ut % HZ) * (1000000 / HZ);
	ru->ru_stime.tv_sec = (long)(st / HZ);
	ru->ru_stime.tv_usec = (long)(st % HZ) * (1000000 / HZ);
	ru->ru_minflt = (long)(p->min_flt + p->signal->cmin_flt);
	ru->ru_majflt = (long)(p->maj_flt + p->signal->cmaj_flt);
	ru->ru_nvcsw = (long)(p->nvcsw + p->signal->cnvcsw);
	ru->ru_nivcsw = (long)(p->nivcsw + p->signal->cnivcsw);
}

/* Fold a reaped child's usage into its parent's "children" totals. */
static void account_reaped(struct task_struct *p)
{
	struct signal_struct *sig = current->signal, *psig = p->signal;

	sig->cutime += p->utime + psig->cutime;
	sig->cstime += p->stime + psig->cstime;
	sig->cnvcsw += p->nvcsw + psig->cnvcsw;
	sig->cnivcsw += p->nivcsw + psig->cnivcsw;
	sig->cmin_flt += p->min_flt + psig->cmin_flt;
	sig->cmaj_flt += p->maj_flt + psig->cmaj_flt;
}

/*
 * One pass over the children: a zombie to reap (its pid), 0 if eligible
 * children exist but none has exited, -ECHILD if there are none.
 */
static long wait_pass(int upid, int *status, struct rusage *ru)
{
	struct task_struct *p, *found = NULL;
	unsigned long flags;
	long ret = -ECHILD;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(p, &current->children, sibling) {
		if (!eligible_child(upid, p))
			continue;
		ret = 0;
		if (p->exit_state == EXIT_ZOMBIE) {
			p->exit_state = EXIT_DEAD; /* nobody else reaps it */
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!found)
		return ret;
	*status = found->exit_code;
	if (ru)
		child_rusage(found, ru);
	account_reaped(found);
	ret = found->pid;
	release_task(found);
	return ret;
}

/*
 * state: TASK_INTERRUPTIBLE (wait4: a signal ends the wait), or
 * TASK_UNINTERRUPTIBLE (kernel_wait: a kernel task's pending signal, a ^C
 * for the shell, is not for this wait).
 */
static long do_wait(int upid, int options, int *status, struct rusage *ru,
		    unsigned int state)
{
	wait_queue_head_t *wq = &current->signal->wait_chldexit;
	struct wait_queue_entry wait;
	long ret;

	init_wait_entry(&wait, 0);
	wait.func = default_wake_function;
	add_wait_queue(wq, &wait);
	for (;;) {
		set_current_state(state);
		ret = wait_pass(upid, status, ru);
		if (ret || (options & WNOHANG))
			break;
		if ((state & TASK_INTERRUPTIBLE) && signal_pending(current)) {
			ret = -ERESTARTSYS;
			break;
		}
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	remove_wait_queue(wq, &wait);
	return ret;
}

long kernel_wait4(int upid, int __user *stat_addr, int options,
		  struct rusage __user *ru)
{
	struct rusage r;
	int status = 0;
	long ret;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD |
			__WCLONE | __WALL))
		return -EINVAL;
	if (upid == INT_MIN)
		return -ESRCH; /* -INT_MIN would overflow */
	ret = do_wait(upid, options, &status, ru ? &r : NULL,
		      TASK_INTERRUPTIBLE);
	/* After the reaping, as Linux: a bad pointer loses the status. */
	if (ret > 0 && stat_addr && put_user(status, stat_addr))
		ret = -EFAULT;
	if (ret > 0 && ru && copy_to_user(ru, &r, sizeof(r)))
		ret = -EFAULT;
	return ret;
}

long kernel_wait(int pid, int *status)
{
	return do_wait(pid, 0, status, NULL, TASK_UNINTERRUPTIBLE);
}

SYSCALL_DEFINE4(wait4, int, upid, int __user *, stat_addr, int, options,
		struct rusage __user *, ru)
{
	return kernel_wait4(upid, stat_addr, options, ru);
}

SYSCALL_DEFINE3(waitpid, int, pid, int __user *, stat_addr, int, options)
{
	return kernel_wait4(pid, stat_addr, options, NULL);
}
