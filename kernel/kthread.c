// SPDX-License-Identifier: GPL-2.0
/*
 * kthread.c - kernel threads (include/kthread.h).
 *
 * kthread_create() makes a task with no address space whose first code
 * is kthread(): it runs the thread's function unless kthread_stop() came
 * first, and exits with its result.  The new task is left asleep (its
 * state TASK_UNINTERRUPTIBLE, on no run queue), so the creator can bind
 * it or name it before wake_up_process() starts it.  Every such thread is
 * a child of kthreadd (pid 2), as in Linux, and is reaped at its exit by
 * itself; struct kthread (the stop request, the exit completion, the
 * result) lives as long as its task_struct.
 *
 * Simpler than Linux: the caller's context makes the thread directly
 * (Linux queues the request to kthreadd, so that threads never inherit
 * anything from their creator; here copy_process() gives a kernel thread
 * no files, no mm, root's credentials and its own signal state anyway).
 */
#include <asm/mmu_context.h>
#include <bug.h>
#include <completion.h>
#include <errno.h>
#include <kthread.h>
#include <mm.h>
#include <sched.h>
#include <slab.h>
#include <sprintf.h>

struct kthread {
	int (*threadfn)(void *data);
	void *data;
	bool should_stop; /* kthread_stop() was called */
	int result; /* threadfn's return value */
	struct completion exited; /* done at do_exit() */
};

static int kthread(void *arg)
{
	struct kthread *self = arg;

	if (READ_ONCE(self->should_stop))
		return -EINTR;
	return self->threadfn(self->data);
}

/* do_exit() of a kernel thread: its result, for kthread_stop(). */
void kthread_exited(struct task_struct *tsk, long code)
{
	tsk->kthread->result = (int)code;
	complete_all(&tsk->kthread->exited);
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct kthread *self = kzalloc(sizeof(*self), GFP_KERNEL);
	struct kernel_clone_args args = {
		.exit_signal = -1,
		.stack = (unsigned long)kthread,
		.stack_size = (unsigned long)self,
		.kthread = true,
		.kthreadd_child = true,
	};
	char name[TASK_COMM_LEN];
	struct task_struct *p;
	va_list ap;

	if (!self)
		return ERR_PTR(-ENOMEM);
	self->threadfn = threadfn;
	self->data = data;
	init_completion(&self->exited);
	va_start(ap, namefmt);
	vscnprintf(name, sizeof(name), namefmt, ap);
	va_end(ap);
	args.name = name;
	p = kthread_create_task(&args);
	if (IS_ERR(p)) {
		kfree(self);
		return p;
	}
	p->kthread = self;
	return p;
}

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	cpumask_t mask = { 0 };

	cpumask_set_cpu(cpu, &mask);
	set_cpus_allowed_ptr(k, &mask);
}

bool kthread_should_stop(void)
{
	return current->kthread && READ_ONCE(current->kthread->should_stop);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *self = k->kthread;
	int ret;

	get_task_struct(k);
	WRITE_ONCE(self->should_stop, true);
	wake_up_process(k);
	wait_for_completion(&self->exited);
	ret = self->result;
	put_task_struct(k);
	return ret;
}

/*
 * A kernel thread borrows a process's address space, as Linux's
 * kthread_use_mm(): its user addresses become that process's, so
 * copy_to_user() and friends (and the faults they take) work on it.
 * The caller holds a user reference (get_task_mm()) until
 * kthread_unuse_mm().
 */
void kthread_use_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	WARN_ON_ONCE(!(tsk->flags & PF_KTHREAD) || tsk->mm);
	__atomic_add_fetch(&mm->mm_count, 1, __ATOMIC_SEQ_CST);
	task_lock(tsk);
	local_irq_save(flags);
	tsk->mm = mm;
	switch_mm_irqs_off(NULL, mm);
	local_irq_restore(flags);
	task_unlock(tsk);
}

void kthread_unuse_mm(struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	unsigned long flags;

	WARN_ON_ONCE(tsk->mm != mm);
	task_lock(tsk);
	local_irq_save(flags);
	tsk->mm = NULL;
	switch_mm_irqs_off(mm, NULL);
	local_irq_restore(flags);
	task_unlock(tsk);
	mmdrop(mm);
}
