/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sched.h - tasks and the scheduler, as Linux's <linux/sched.h>.
 *
 * A task is what the scheduler runs: a kernel stack, the registers saved
 * on it, and the state around it (its address space, files, signals,
 * parent and children).  A user process is a task with an mm; a kernel
 * thread has none.  `current` is the task this CPU runs.
 *
 *	p = kthread_run(fn, arg, "name");	// a kernel thread (kthread.h)
 *	set_current_state(TASK_INTERRUPTIBLE);	// then:
 *	schedule();				// sleep until woken
 *	wake_up_process(p);			// make p runnable again
 *
 * Every CPU has a run queue (kernel/sched/core.c).  The kernel is not
 * preemptible: a task gives the CPU up when it sleeps, when it returns to
 * user mode with TIF_NEED_RESCHED set (the timer sets it when its time
 * slice is over) or at cond_resched().  That is Linux's
 * CONFIG_PREEMPT_NONE, "no forced preemption (server)".
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <asm/barrier.h>
#include <asm/current.h>
#include <asm/memlayout.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/thread_info.h>
#include <cpumask.h>
#include <list.h>
#include <percpu.h>
#include <resource.h>
#include <signal.h>
#include <spinlock.h>
#include <task_states.h>
#include <types.h>
#include <wait.h>

/* task_struct.exit_state */
#define EXIT_ZOMBIE 0x0020 /* exited, waiting for its parent's wait() */
#define EXIT_DEAD 0x0010 /* reaped (or never to be): being freed */

/* task_struct.flags */
#define PF_IDLE 0x00000002 /* the CPU's idle task */
#define PF_EXITING 0x00000004 /* in do_exit() */
#define PF_FORKNOEXEC 0x00000040 /* forked, has not exec'd yet */
#define PF_KTHREAD 0x00200000 /* a kernel thread */
#define PF_NPROC_EXCEEDED 0x00001000 /* setuid() made RLIMIT_NPROC too low */
#define PF_MEMALLOC \
	0x00000800 /* reclaiming: may use the reserves, no nested reclaim */
#define PF_KSWAPD 0x00020000 /* kswapd */

#define TASK_COMM_LEN 16
#define PID_MAX_DEFAULT 0x8000 /* pids 1..32767, as Linux's default */

/* Ticks of CPU a task runs before another runnable one gets its turn. */
#define SCHED_TIMESLICE 5 /* 50 ms at HZ=100 */

struct mm_struct;
struct files_struct;
struct completion;
struct kthread;

/* Who a process is: its user and group ids (Linux's struct cred). */
struct user_struct;
struct cred {
	unsigned int uid, euid, suid, fsuid; /* real, effective, saved, fs */
	unsigned int gid, egid, sgid, fsgid;
	struct user_struct *user; /* the real uid's process count */
};

/* One per user id with processes: RLIMIT_NPROC counts against it. */
struct user_struct {
	unsigned int uid;
	int processes; /* tasks whose real uid this is */
	int count; /* references: creds that point here */
	struct list_head list; /* in the uid table (kernel/user.c) */
};

/*
 * What a process's threads share (Linux's signal_struct): the limits, the
 * wait queue its parent's wait4() sleeps on, its children's usage.  One
 * thread per process here, so one per task.
 */
struct signal_struct {
	int count; /* references */
	struct rlimit rlim[RLIM_NLIMITS];
	wait_queue_head_t wait_chldexit; /* wait4() of this process sleeps */
	int group_exit_code; /* exit_group()'s status, for every thread */
	bool group_exit; /* exit_group() or a fatal signal is underway */
	u64 cutime, cstime; /* reaped children's CPU ticks */
	unsigned long cnvcsw, cnivcsw, cmin_flt, cmaj_flt, cmaxrss;
};

/*
 * A kmap_local stack (mm/kmap_local.c): each CPU's in its per-CPU area,
 * and a task's copy while it sleeps holding slots (as Linux keeps one in
 * each task).  Stack slot i of CPU n is the fixmap page FIX_KMAP_BEGIN +
 * 16n + i; idx slots are in use.  A slot keeps its page and caller after
 * it is popped, for /proc/pkmap and the fault reports.
 */
struct kmap_ctrl {
	int idx; /* slots in use: the next push takes slot idx */
	u32 released; /* bit i: slot i was unmapped out of order */
	struct kmap_local_slot {
		struct page *page; /* mapped now (below idx), or last */
		unsigned long caller; /* who made that mapping */
	} slot[KM_MAX_IDX];
};
DECLARE_PER_CPU(struct kmap_ctrl, kmap_ctrl); /* this CPU's stack */
struct task_struct;
/* At a switch (kernel/sched/core.c): save prev's slots, give next its own. */
void __kmap_local_sched_out(struct task_struct *prev);
void __kmap_local_sched_in(struct task_struct *next);

struct task_struct {
	struct thread_struct thread; /* saved registers: asm/processor.h */
	unsigned long ti_flags; /* TIF_*: work before user mode */
	volatile unsigned int __state; /* TASK_* */
	unsigned int flags; /* PF_* */
	int usage; /* references; the last put frees task and stack */
	void *stack; /* the bottom of its kernel stack */
	unsigned long stack_size; /* THREAD_SIZE (idle tasks: their CPU's) */

	/* The scheduler's (kernel/sched/core.c), under the rq lock. */
	int on_cpu; /* running (or being switched away from) */
	int on_rq; /* runnable: running, or queued on a run queue */
	unsigned int cpu; /* the run queue it is on or was last on */
	cpumask_t cpus_mask; /* the CPUs it may run on */
	struct list_head run_list; /* in its run queue, while queued */
	unsigned int time_slice; /* ticks left before it must yield */
	u64 utime, stime; /* ticks it ran in user and kernel mode */
	u64 start_time; /* jiffies at fork */
	unsigned long nvcsw, nivcsw; /* voluntary and forced switches */
	unsigned long min_flt, maj_flt; /* page faults served */

	/* The address space: NULL for kernel threads (mm/mmap.c). */
	struct mm_struct *mm;
	spinlock_t alloc_lock; /* task_lock(): mm changes (exec, exit) */
	bool oom_victim; /* the OOM killer chose it (mm/oom_kill.c) */

	/* Process relations (kernel/fork.c, kernel/exit.c), tasklist_lock. */
	int pid; /* its process id (one thread per process: its tgid too) */
	int tgid;
	int pgrp; /* process group, for kill(0) and kill(-pgrp) */
	struct task_struct *real_parent; /* who wait()s for it */
	struct list_head children; /* its children */
	struct list_head sibling; /* in its parent's children */
	struct list_head tasks; /* in the list of all tasks */
	struct list_head pid_chain; /* in the pid hash */
	int exit_state; /* EXIT_ZOMBIE, EXIT_DEAD */
	int exit_code; /* wait status: (code << 8) | signal */
	int exit_signal; /* sent to the parent at exit; -1: reaped at once */
	struct completion *vfork_done; /* vfork's parent waits on it */

	char comm[TASK_COMM_LEN]; /* its name: the program, or the thread's */
	struct cred cred; /* its uids (Linux: a shared, refcounted cred) */
	struct files_struct *files; /* open files (fs/file.c) */
	struct signal_struct *signal; /* limits, wait queue, children */
	struct sighand_struct *sighand; /* signal actions */
	sigset_t blocked; /* signals it blocks */
	struct sigpending pending; /* signals sent, not yet delivered */

	struct kthread *kthread; /* kthread_stop() and friends (kthread.c) */
	void *recovery_top; /* run_protected() points (kernel/panic.c) */
	/* Its kmap_local slots while it is switched out (mm/kmap_local.c). */
	struct kmap_ctrl kmap_ctrl;
	unsigned long kmap_pteval[KM_MAX_IDX]; /* and their PTEs */
};

/* The boot CPU's first task: swapper/0, pid 0, later its idle task. */
extern struct task_struct init_task;

/* Linux's task_lock(): held while a task's mm pointer changes or is read. */
static inline void task_lock(struct task_struct *p)
{
	spin_lock(&p->alloc_lock);
}

static inline void task_unlock(struct task_struct *p)
{
	spin_unlock(&p->alloc_lock);
}

/* The lock of the task list, the pid hash and parent/child links. */
#include <spinlock.h>
extern spinlock_t tasklist_lock;
extern struct list_head task_list; /* every task but the idle tasks */
extern int nr_threads; /* tasks alive (in task_list) */
extern unsigned long total_forks; /* forks since boot */
extern int max_threads; /* the limit fork() keeps below */

#define for_each_process(p) list_for_each_entry(p, &task_list, tasks)

/* --- states and wake-ups (kernel/sched/core.c) --------------------------- */

#define __set_current_state(state) WRITE_ONCE(current->__state, (state))
/* The store, then a full barrier: the condition is read after it. */
#define set_current_state(state)                       \
	do {                                           \
		WRITE_ONCE(current->__state, (state)); \
		smp_mb();                              \
	} while (0)
#define task_is_running(p) (READ_ONCE((p)->__state) == TASK_RUNNING)
#define task_is_stopped(p) (READ_ONCE((p)->__state) & __TASK_STOPPED)

static inline bool test_tsk_thread_flag(struct task_struct *p, int flag)
{
	return READ_ONCE(p->ti_flags) & (1UL << flag);
}

static inline void set_tsk_thread_flag(struct task_struct *p, int flag)
{
	__atomic_or_fetch(&p->ti_flags, 1UL << flag, __ATOMIC_SEQ_CST);
}

static inline void clear_tsk_thread_flag(struct task_struct *p, int flag)
{
	__atomic_and_fetch(&p->ti_flags, ~(1UL << flag), __ATOMIC_SEQ_CST);
}

#define set_tsk_need_resched(p) set_tsk_thread_flag(p, TIF_NEED_RESCHED)
#define clear_tsk_need_resched(p) clear_tsk_thread_flag(p, TIF_NEED_RESCHED)
#define need_resched() test_tsk_thread_flag(current, TIF_NEED_RESCHED)

static inline bool is_idle_task(const struct task_struct *p)
{
	return p->flags & PF_IDLE;
}

/* CPU cpu's idle task (swapper/cpu). */
struct task_struct *idle_task(int cpu);

static inline int task_pid_nr(const struct task_struct *p)
{
	return p->pid;
}

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}

/* The user registers saved at the top of p's kernel stack. */
static inline struct pt_regs *task_pt_regs(struct task_struct *p)
{
	return (struct pt_regs *)p->thread.sp0 - 1;
}

/* Give the CPU to another runnable task (current sleeps if not RUNNING). */
void schedule(void);
/* Sleep until woken, at most `timeout` jiffies: the jiffies left, or 0. */
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_uninterruptible(long timeout);
#define MAX_SCHEDULE_TIMEOUT LONG_MAX
/* Reschedule here if the timer asked for it (a long loop in the kernel). */
void cond_resched(void);
/* sched_yield(): to the back of the run queue. */
void yield(void);

/* Make p runnable if it sleeps in one of `state`; true if it did. */
bool wake_up_state(struct task_struct *p, unsigned int state);
bool wake_up_process(struct task_struct *p);
/* A new task's scheduler state: asleep, on an allowed CPU (fork). */
void sched_fork(struct task_struct *p);
/* A new task's first time on a run queue (fork). */
void wake_up_new_task(struct task_struct *p);
/* Ask p's CPU to reschedule (an IPI if it is another CPU). */
void kick_process(struct task_struct *p);
/* The RESCHEDULE IPI's part (arch/x86/kernel/smp.c). */
void scheduler_ipi(void);
/*
 * A task that died (do_exit) drops its stack at its last switch, on its
 * CPU, perhaps after its parent reaped it on another:
 * wait_for_dying_tasks() returns when every such switch is done (at most
 * a second), for whoever counts what is free (the leak checks, `reset`).
 */
void sched_task_dying(void);
void wait_for_dying_tasks(void);

/* The local timer tick on every CPU: time slices and CPU time. */
struct pt_regs;
void scheduler_tick(struct pt_regs *regs);
/* Boot: the run queues, and the boot code becomes init_task (swapper/0). */
void sched_init(void);
/* An AP's idle task, before it is started (smpboot.c). */
void init_idle(struct task_struct *idle, unsigned int cpu);
/* The new task's first code, on its own stack (ret_from_fork). */
void schedule_tail(struct task_struct *prev);
/* Boot: tasks may run on the CPUs that are up; schedule() works from now. */
void sched_init_smp(void);
/* Has sched_init_smp() run (may a task sleep)? */
bool sched_is_ready(void);
/* The idle loop: halt until there is work (kernel/sched/idle.c). */
__noreturn void cpu_idle_loop(void);

/* Where new tasks may run (every CPU: `sched_cpus=0` keeps them on 0). */
extern cpumask_t sched_default_cpus;
/* p may run only on the CPUs of `mask` (from now on, or at its next sleep). */
int set_cpus_allowed_ptr(struct task_struct *p, const cpumask_t *mask);

/* What a run queue looks like from outside (ps, /proc, tests). */
unsigned int nr_running(void);
unsigned long long nr_context_switches(void);
unsigned int cpu_nr_running(unsigned int cpu);
struct task_struct *cpu_curr(unsigned int cpu);

/* --- task lifetime (kernel/fork.c, kernel/exit.c, kernel/pid.c) --------- */

static inline void get_task_struct(struct task_struct *p)
{
	__atomic_add_fetch(&p->usage, 1, __ATOMIC_SEQ_CST);
}

void __put_task_struct(struct task_struct *p);
static inline void put_task_struct(struct task_struct *p)
{
	if (__atomic_sub_fetch(&p->usage, 1, __ATOMIC_SEQ_CST) == 0)
		__put_task_struct(p);
}

/* The task with that pid (not the idle tasks); NULL if none.  tasklist_lock. */
struct task_struct *find_task_by_vpid(int pid);
/* ... with a reference taken; put_task_struct() it. */
struct task_struct *find_get_task_by_vpid(int pid);
int alloc_pid(void);
void free_pid(int pid);
void attach_pid(struct task_struct *p);
void detach_pid(struct task_struct *p);

/* clone() flags this kernel knows */
#define CSIGNAL 0x000000ff /* the exit signal */
#define CLONE_VM 0x00000100 /* share the address space */
#define CLONE_FS 0x00000200
#define CLONE_FILES 0x00000400
#define CLONE_SIGHAND 0x00000800
#define CLONE_VFORK 0x00004000 /* the parent sleeps until exec or exit */
#define CLONE_PARENT 0x00008000
#define CLONE_THREAD 0x00010000
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID 0x01000000

struct kernel_clone_args {
	unsigned long flags; /* CLONE_* */
	int exit_signal; /* to the parent at exit (SIGCHLD for fork) */
	unsigned long stack; /* user: the child's stack; kthread: its fn */
	unsigned long stack_size; /* kthread: its argument */
	bool kthread; /* a kernel thread: fn(arg) on its own stack */
	bool kthreadd_child; /* its parent is kthreadd, not the caller */
	const char *name; /* its comm */
};

/* fork, vfork, clone, kernel threads: the new pid, or -errno. */
long kernel_clone(struct kernel_clone_args *args);
/* A kernel thread running fn(arg); its pid or -errno. */
int kernel_thread(int (*fn)(void *), void *arg, const char *name,
		  unsigned long flags);
/* The end of a task (never returns). */
__noreturn void do_exit(long code);
__noreturn void do_group_exit(int exit_code);
/* Stop the fork of user processes (a clean shutdown of tests). */
void exit_files(struct task_struct *tsk);
/* wait4()'s core: the pid reaped, 0 (WNOHANG), or -errno. */
struct rusage;
long kernel_wait4(int pid, int *stat_addr, int options, struct rusage *ru);
/* The same for kernel callers (the shell's `run`): status in *status. */
long kernel_wait(int pid, int *status);

/* Its name (for reports and ps); `current_comm` reads current's. */
void set_task_comm(struct task_struct *p, const char *name);
void __get_task_comm(char *buf, size_t size, struct task_struct *p);

/* wait options */
#define WNOHANG 0x00000001
#define WUNTRACED 0x00000002
#define WEXITED 0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT 0x01000000
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000

/* Current's uids. */
#define current_uid() (current->cred.uid)
#define current_euid() (current->cred.euid)

/* kernel/user.c: the per-uid process counts (RLIMIT_NPROC). */
struct user_struct *alloc_uid(unsigned int uid);
void free_uid(struct user_struct *up);
extern struct user_struct root_user;

/* Limits of current (the soft one). */
static inline unsigned long rlimit(unsigned int limit)
{
	return READ_ONCE(current->signal->rlim[limit].rlim_cur);
}

/* The architecture's side (arch/x86/kernel/process_32.c). */
void copy_thread(struct task_struct *p, const struct kernel_clone_args *args);
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
/* Save tsk's FPU registers if it owns the FPU (fork, exec, exit). */
void fpu__flush_owner(struct task_struct *tsk);

/* An AP's idle task, "swapper/N", on the stack given (smpboot.c). */
struct task_struct *fork_idle(unsigned int cpu, void *stack,
			      unsigned long stack_size);
void free_idle(struct task_struct *idle);

/* Boot: the task caches and limits (kernel/fork.c). */
void fork_init(void);
/* The CPU time of p in clock ticks (HZ). */
u64 task_cputime(const struct task_struct *p);

#endif /* _SCHED_H */
