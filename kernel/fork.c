// SPDX-License-Identifier: GPL-2.0
/*
 * fork.c - making a task: fork, vfork, clone, kernel threads.
 *
 * copy_process() builds the child from its parent: a task_struct from
 * its slab cache, a kernel stack, then each part either copied or shared
 * as the clone flags say:
 *  - the address space: none for a kernel thread; shared for vfork
 *    (CLONE_VM: the child borrows the parent's until it execs or exits,
 *    and the parent sleeps meanwhile); copied otherwise (dup_mm:
 *    mm/mmap.c's dup_mmap() copies every region, and its page tables
 *    with the private pages shared read-only: copy-on-write);
 *  - open files: the descriptor table copied, each file shared;
 *  - signal actions and limits: copied; pending signals: none;
 *  - the CPU state: copy_thread() (arch) gives the child the parent's
 *    user registers with eax = 0, so fork() returns 0 in the child.
 * The child gets a pid, joins its parent's children and the task list,
 * and is made runnable (wake_up_new_task).  The parent returns the pid.
 *
 * Limits, as Linux: fork fails with EAGAIN when the caller's user already
 * has RLIMIT_NPROC processes (root is exempt), or when max_threads tasks
 * exist (sized from memory at boot, as Linux sizes it).
 *
 * Not here: threads (CLONE_THREAD, CLONE_SIGHAND, CLONE_VM without
 * CLONE_VFORK are refused with EINVAL), namespaces, cgroups.  A task's
 * last reference (__put_task_struct) frees its stack and struct; the
 * references are its parent's (until reaped) and the scheduler's (until
 * its last switch), so neither frees a stack still in use.
 */
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <completion.h>
#include <errno.h>
#include <file.h>
#include <init.h>
#include <kernel.h>
#include <kmemleak.h>
#include <kthread.h>
#include <mm.h>
#include <mman.h>
#include <printk.h>
#include <sched.h>
#include <slab.h>
#include <sprintf.h>
#include <string.h>
#include <syscalls.h>
#include <timer.h>
#include <vmalloc.h>
#include <asm/pgalloc.h>
#include <bug.h>

DEFINE_SPINLOCK(tasklist_lock);
LIST_HEAD(task_list);
int nr_threads;
unsigned long total_forks;
int max_threads;
int nr_user_processes; /* tasks with an address space (mm.h) */
/* Kernel stacks in use (/proc/meminfo's KernelStack): the boot CPU's first. */
unsigned long nr_kernel_stack_kb = BOOT_STACK_SIZE >> 10;

static struct kmem_cache *task_struct_cachep;
static struct kmem_cache *signal_cachep;
struct kmem_cache *mm_cachep;

extern struct signal_struct init_signals;
extern struct sighand_struct init_sighand;

/* The parent of every kernel thread from kthread_create() (pid 2). */
struct task_struct *kthreadd_task;

/*
 * max_threads as Linux sizes it: task structs and stacks may take at most
 * 1/8 of RAM; RLIMIT_NPROC defaults to half of it.
 */
static void __init set_max_threads(void)
{
	u64 threads = (u64)totalram_pages() * PAGE_SIZE / (8 * THREAD_SIZE);

	max_threads = (int)clamp(threads, (u64)20, (u64)PID_MAX_DEFAULT - 300);
	init_task.signal->rlim[RLIMIT_NPROC].rlim_cur =
		(unsigned long)max_threads / 2;
	init_task.signal->rlim[RLIMIT_NPROC].rlim_max =
		(unsigned long)max_threads / 2;
	init_task.signal->rlim[RLIMIT_SIGPENDING] =
		init_task.signal->rlim[RLIMIT_NPROC];
}

void __init fork_init(void)
{
	task_struct_cachep = kmem_cache_create("task_struct",
					       sizeof(struct task_struct), 64,
					       SLAB_HWCACHE_ALIGN, NULL);
	signal_cachep = kmem_cache_create("signal_cache",
					  sizeof(struct signal_struct), 0,
					  SLAB_HWCACHE_ALIGN, NULL);
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0,
				      SLAB_HWCACHE_ALIGN, NULL);
	set_max_threads();
}

/* --- address spaces -------------------------------------------------------- */

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_zalloc(mm_cachep, GFP_KERNEL);

	if (!mm)
		return NULL;
	mm->mm_users = 1;
	mm->mm_count = 1;
	mm->mm_rb = RB_ROOT;
	mutex_init(&mm->mmap_lock);
	spin_lock_init(&mm->page_table_lock);
	INIT_LIST_HEAD(&mm->pgd_list);
	mm->task_size = TASK_SIZE;
	mm->pgd = pgd_alloc(mm);
	if (!mm->pgd) {
		kmem_cache_free(mm_cachep, mm);
		return NULL;
	}
	return mm;
}

/* The last reference to the struct: its page directory goes too. */
void mmdrop(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->mm_count, 1, __ATOMIC_SEQ_CST))
		return;
	pgd_free(mm, mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/* The last user of an address space: its regions and pages go. */
void mmput(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->mm_users, 1, __ATOMIC_SEQ_CST))
		return;
	exit_mmap(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	mmdrop(mm);
}

struct mm_struct *get_task_mm(struct task_struct *task)
{
	struct mm_struct *mm;

	task_lock(task);
	mm = task->mm;
	if (mm && !(task->flags & PF_KTHREAD))
		mmget(mm);
	else
		mm = NULL;
	task_unlock(task);
	return mm;
}

struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	/* The layout, limits and counters; the regions follow. */
	mm->mmap_base = oldmm->mmap_base;
	mm->start_code = oldmm->start_code;
	mm->end_code = oldmm->end_code;
	mm->start_data = oldmm->start_data;
	mm->end_data = oldmm->end_data;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	mm->start_stack = oldmm->start_stack;
	mm->arg_start = oldmm->arg_start;
	mm->arg_end = oldmm->arg_end;
	mm->env_start = oldmm->env_start;
	mm->env_end = oldmm->env_end;
	mm->exe_file = oldmm->exe_file ? get_file(oldmm->exe_file) : NULL;
	if (dup_mmap(mm, oldmm)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/*
 * A task lets go of its address space (exit, exec): a vfork parent
 * waiting for that is woken.
 */
void mm_release(struct task_struct *tsk)
{
	struct completion *vfork_done = tsk->vfork_done;

	if (vfork_done) {
		tsk->vfork_done = NULL;
		complete(vfork_done);
	}
}

static int copy_mm(unsigned long clone_flags, struct task_struct *tsk)
{
	struct mm_struct *oldmm = current->mm;

	tsk->mm = NULL;
	if (!oldmm || (tsk->flags & PF_KTHREAD))
		return 0;
	if (clone_flags & CLONE_VM) {
		mmget(oldmm);
		tsk->mm = oldmm;
		return 0;
	}
	tsk->mm = dup_mm(oldmm);
	return tsk->mm ? 0 : -ENOMEM;
}

/* --- the task itself --------------------------------------------------------- */

/*
 * A kernel stack from vmalloc: the page below it is unmapped (a guard
 * page), so an overflow faults instead of corrupting memory.  Its pages
 * come from lowmem, as Linux's THREADINFO_GFP (GFP_KERNEL, no
 * __GFP_HIGHMEM) takes them (not zeroed: nothing reads a stack below its
 * pointer).  /proc/vmallocinfo names this function as the stacks' caller.
 */
static noinline void *alloc_thread_stack_node(void)
{
	void *stack =
		__vmalloc(THREAD_SIZE, GFP_KERNEL, (const void *)_THIS_IP_);

	if (stack) {
		kmemleak_no_scan(stack); /* kmemleak scans its live part */
		__atomic_add_fetch(&nr_kernel_stack_kb, THREAD_SIZE >> 10,
				   __ATOMIC_RELAXED);
	}
	return stack;
}

static struct task_struct *dup_task_struct(struct task_struct *orig)
{
	struct task_struct *tsk =
		kmem_cache_alloc(task_struct_cachep, GFP_KERNEL);
	void *stack;

	if (!tsk)
		return NULL;
	stack = alloc_thread_stack_node();
	if (!stack) {
		kmem_cache_free(task_struct_cachep, tsk);
		return NULL;
	}
	*tsk = *orig;
	spin_lock_init(&tsk->alloc_lock);
	tsk->oom_victim = false;
	tsk->stack = stack;
	tsk->stack_size = THREAD_SIZE;
	tsk->thread.sp0 = (unsigned long)stack + THREAD_SIZE;
	tsk->usage = 2; /* its parent's (until reaped), the scheduler's */
	tsk->ti_flags = 0;
	tsk->flags &= ~(PF_IDLE | PF_EXITING);
	tsk->flags |= PF_FORKNOEXEC;
	tsk->on_cpu = tsk->on_rq = 0;
	INIT_LIST_HEAD(&tsk->run_list);
	INIT_LIST_HEAD(&tsk->children);
	INIT_LIST_HEAD(&tsk->sibling);
	INIT_LIST_HEAD(&tsk->tasks);
	INIT_LIST_HEAD(&tsk->pid_chain);
	tsk->time_slice = SCHED_TIMESLICE;
	tsk->utime = tsk->stime = 0;
	tsk->nvcsw = tsk->nivcsw = tsk->min_flt = tsk->maj_flt = 0;
	tsk->start_time = jiffies;
	tsk->exit_state = tsk->exit_code = 0;
	tsk->vfork_done = NULL;
	tsk->kthread = NULL;
	tsk->recovery_top = NULL;
	sigemptyset(&tsk->pending.signal);
	return tsk;
}

void __put_task_struct(struct task_struct *tsk)
{
	WARN_ON(tsk->on_cpu || !tsk->exit_state);
	if (tsk->signal && !--tsk->signal->count)
		kmem_cache_free(signal_cachep, tsk->signal);
	sighand_free(tsk->sighand);
	kfree(tsk->kthread);
	vfree(tsk->stack);
	__atomic_sub_fetch(&nr_kernel_stack_kb, THREAD_SIZE >> 10,
			   __ATOMIC_RELAXED);
	kmem_cache_free(task_struct_cachep, tsk);
}

static int copy_signal(struct task_struct *tsk)
{
	struct signal_struct *sig =
		kmem_cache_zalloc(signal_cachep, GFP_KERNEL);

	if (!sig)
		return -ENOMEM;
	sig->count = 1;
	memcpy(sig->rlim, current->signal->rlim, sizeof(sig->rlim));
	init_waitqueue_head(&sig->wait_chldexit);
	tsk->signal = sig;
	return 0;
}

static int copy_sighand(struct task_struct *tsk)
{
	struct sighand_struct *sh = sighand_alloc();
	unsigned long flags;

	if (!sh)
		return -ENOMEM;
	spin_lock_irqsave(&current->sighand->siglock, flags);
	memcpy(sh->action, current->sighand->action, sizeof(sh->action));
	spin_unlock_irqrestore(&current->sighand->siglock, flags);
	tsk->sighand = sh;
	return 0;
}

/* Is the caller's user at its process limit?  Root is exempt. */
static bool nproc_exceeded(void)
{
	const struct cred *cred = &current->cred;

	if (cred->euid == 0 || cred->user == &root_user)
		return false;
	return (unsigned long)READ_ONCE(cred->user->processes) >=
	       rlimit(RLIMIT_NPROC);
}

static struct task_struct *copy_process(struct kernel_clone_args *args)
{
	unsigned long clone_flags = args->flags, flags;
	struct task_struct *p;
	int retval = -EINVAL;

	if (clone_flags & (CLONE_THREAD | CLONE_SIGHAND | CLONE_PARENT))
		return ERR_PTR(-EINVAL);
	if ((clone_flags & CLONE_VM) && !(clone_flags & CLONE_VFORK) &&
	    !args->kthread)
		return ERR_PTR(-EINVAL);
	if (READ_ONCE(nr_threads) >= max_threads ||
	    (!args->kthread && nproc_exceeded()))
		return ERR_PTR(-EAGAIN);

	p = dup_task_struct(current);
	if (!p)
		return ERR_PTR(-ENOMEM);
	p->sighand = NULL;
	p->signal = NULL;
	p->files = NULL;
	p->mm = NULL;
	p->cpus_mask = sched_default_cpus;
	sched_fork(p);
	if (args->kthread) {
		p->flags |= PF_KTHREAD;
		memset(&p->cred, 0, sizeof(p->cred));
		p->cred.user = &root_user;
		sigemptyset(&p->blocked);
	}
	if (args->name)
		set_task_comm(p, args->name);
	p->cred.user = alloc_uid(p->cred.uid);
	retval = -ENOMEM;
	if (!p->cred.user)
		goto bad_free;

	if (copy_signal(p) || copy_sighand(p))
		goto bad_cleanup;
	if (!args->kthread) {
		p->files = dup_fd(current->files, &retval);
		if (current->files && !p->files)
			goto bad_cleanup;
	}
	retval = copy_mm(clone_flags, p);
	if (retval)
		goto bad_cleanup;
	if (p->mm)
		__atomic_add_fetch(&nr_user_processes, 1, __ATOMIC_SEQ_CST);
	copy_thread(p, args);

	retval = alloc_pid();
	if (retval < 0)
		goto bad_cleanup_mm;
	p->pid = p->tgid = retval;
	p->exit_signal = args->exit_signal;
	p->pgrp = args->kthread ? 0 : current->pgrp;
	if (!p->pgrp)
		p->pgrp = p->pid; /* a kernel thread's child leads a group */

	spin_lock_irqsave(&tasklist_lock, flags);
	p->real_parent = args->kthreadd_child && kthreadd_task ? kthreadd_task :
								 current;
	list_add_tail(&p->sibling, &p->real_parent->children);
	list_add_tail(&p->tasks, &task_list);
	attach_pid(p);
	nr_threads++;
	total_forks++;
	__atomic_add_fetch(&p->cred.user->processes, 1, __ATOMIC_SEQ_CST);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return p;

bad_cleanup_mm:
	if (p->mm) {
		__atomic_sub_fetch(&nr_user_processes, 1, __ATOMIC_SEQ_CST);
		mmput(p->mm);
	}
bad_cleanup:
	if (p->files)
		put_files_struct(p->files);
bad_free:
	free_uid(p->cred.user);
	p->exit_state = EXIT_DEAD;
	p->usage = 1;
	put_task_struct(p);
	return ERR_PTR(retval);
}

static struct task_struct *create_task(struct kernel_clone_args *args)
{
	return copy_process(args);
}

long kernel_clone(struct kernel_clone_args *args)
{
	struct completion vfork;
	struct task_struct *p = create_task(args);
	int pid;

	if (IS_ERR(p))
		return PTR_ERR(p);
	pid = p->pid;
	if (args->flags & CLONE_VFORK) {
		init_completion(&vfork);
		p->vfork_done = &vfork;
		get_task_struct(p);
	}
	wake_up_new_task(p);
	if (args->flags & CLONE_VFORK) {
		/* Until the child execs or exits; SIGKILL ends the wait. */
		if (wait_for_completion_killable(&vfork)) {
			/* The child may still complete: take it back. */
			spin_lock_irq(&tasklist_lock);
			if (p->vfork_done == &vfork)
				p->vfork_done = NULL;
			spin_unlock_irq(&tasklist_lock);
		}
		put_task_struct(p);
	}
	return pid;
}

/* kthread_create(): the new thread, not yet runnable. */
struct task_struct *kthread_create_task(struct kernel_clone_args *args)
{
	return copy_process(args);
}

int kernel_thread(int (*fn)(void *), void *arg, const char *name,
		  unsigned long flags)
{
	struct kernel_clone_args args = {
		.flags = flags,
		.exit_signal = -1,
		.stack = (unsigned long)fn,
		.stack_size = (unsigned long)arg,
		.kthread = true,
		.name = name,
	};

	return (int)kernel_clone(&args);
}

struct task_struct *fork_idle(unsigned int cpu, void *stack,
			      unsigned long stack_size)
{
	struct task_struct *idle =
		kmem_cache_zalloc(task_struct_cachep, GFP_KERNEL);

	if (!idle)
		return NULL;
	idle->usage = 1;
	__atomic_add_fetch(&nr_kernel_stack_kb, stack_size >> 10,
			   __ATOMIC_RELAXED);
	spin_lock_init(&idle->alloc_lock);
	idle->stack = stack;
	idle->stack_size = stack_size;
	idle->thread.sp0 = (unsigned long)stack + stack_size;
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	INIT_LIST_HEAD(&idle->tasks);
	INIT_LIST_HEAD(&idle->pid_chain);
	idle->real_parent = &init_task;
	idle->exit_signal = -1;
	idle->cred.user = &root_user;
	idle->signal = &init_signals;
	idle->sighand = &init_sighand;
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
	init_idle(idle, cpu);
	return idle;
}

void free_idle(struct task_struct *idle)
{
	__atomic_sub_fetch(&nr_kernel_stack_kb, idle->stack_size >> 10,
			   __ATOMIC_RELAXED);
	kmem_cache_free(task_struct_cachep, idle);
}

void set_task_comm(struct task_struct *p, const char *name)
{
	strscpy(p->comm, name, sizeof(p->comm));
}

void __get_task_comm(char *buf, size_t size, struct task_struct *p)
{
	strscpy(buf, p->comm, size);
}

u64 task_cputime(const struct task_struct *p)
{
	return p->utime + p->stime;
}

/* --- system calls ---------------------------------------------------------- */

SYSCALL_DEFINE_REGS(fork)
{
	struct kernel_clone_args args = { .exit_signal = SIGCHLD };

	(void)regs;
	return kernel_clone(&args);
}

SYSCALL_DEFINE_REGS(vfork)
{
	struct kernel_clone_args args = {
		.flags = CLONE_VFORK | CLONE_VM,
		.exit_signal = SIGCHLD,
	};

	(void)regs;
	return kernel_clone(&args);
}

/* clone(flags, newsp, parent_tid, tls, child_tid): i386's argument order. */
SYSCALL_DEFINE5(clone, unsigned long, clone_flags, unsigned long, newsp,
		int __user *, parent_tidptr, unsigned long, tls, int __user *,
		child_tidptr)
{
	struct kernel_clone_args args = {
		.flags = clone_flags & ~CSIGNAL,
		.exit_signal = (int)(clone_flags & CSIGNAL),
		.stack = newsp,
	};

	if (!valid_signal(args.exit_signal))
		return -EINVAL;
	if (clone_flags & (CLONE_SETTLS | CLONE_PARENT_SETTID |
			   CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		return -EINVAL;
	return kernel_clone(&args);
}
