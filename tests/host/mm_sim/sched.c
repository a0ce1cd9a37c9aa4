// SPDX-License-Identifier: GPL-2.0
/*
 * sched.c - the simulated machine's one task, and what kernel/ does for
 * tasks where mm/ calls it.
 *
 * mm/ now runs among tasks: kmap() on a full pkmap sleeps on a wait queue
 * until a kunmap(), a GFP_KERNEL allocation may wait for other processes
 * to free pages and then call the OOM killer, a mutex sleeps until its
 * owner lets go, and a task's kmap_local slots are saved when it is
 * switched out.  The simulation has exactly one task, `current`: a kernel
 * thread (no address space, not an idle task) that runs the tests and the
 * fuzz inputs, as the ktest runner thread does in QEMU.  The scheduler is
 * ready once mm_core_init() is done (sched_is_ready(): might_sleep()'s
 * check is on from there, as in the kernel after sched_init_smp()).
 *
 * With one task and no interrupts, what a sleep means is decided here:
 *  - schedule() of a task still TASK_RUNNING is a yield, and returns: no
 *    other task wants the CPU;
 *  - schedule_timeout() of a sleeping task is the machine idling until its
 *    timer: jiffies (and the TSC) move on by the timeout and the task runs
 *    again, so the allocator's waits for reclaim take their time and end;
 *  - a sleep with no timeout (a kmap() on a full pkmap, a mutex held
 *    elsewhere) has nobody to end it: no other task can kunmap or unlock,
 *    no interrupt can come.  It is reported as the hang it would be and
 *    the run ends (sim_bail(): a finding, or the -EIO of a test's
 *    sim_catch_panic()), never a silent hang.  So is a sleep in atomic
 *    context, which the kernel reports as "scheduling while atomic";
 *  - wake_up_state() makes the one task runnable if it sleeps in a state
 *    the waker names: the kernel's wait queues (kernel/sched/wait.c) are
 *    built in and call it.
 * There are no processes: the task list is empty (so the OOM killer finds
 * nothing to kill), no process counts in nr_user_processes (so the
 * allocator does not wait for one, unless a test says one exists), and
 * what only a process can reach (its mm, its files, a signal sent to it)
 * ends the run if it is ever reached.
 */
#include <asm/processor.h>
#include <asm/thread_info.h>
#include <bug.h>
#include <init.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <stack.h>
#include <time.h>
#include <timer.h>

#include "sim_internal.h"

/*
 * The one task (its state is the kernel's: reset at power-on).  It is on
 * no list: no run queue, no parent, not on the task list (which holds the
 * processes the OOM killer may choose: none).
 */
static struct task_struct sim_task = {
	.__state = TASK_RUNNING,
	.flags = PF_KTHREAD,
	.usage = 1,
	.pid = 1,
	.tgid = 1,
	.on_rq = 1,
	.on_cpu = 1,
	.cpus_mask = { 1 },
	.comm = "mm_sim",
	.alloc_lock = __SPIN_LOCK_UNLOCKED(sim_task.alloc_lock),
};

/*
 * CPU 0's idle task, which never runs (an idle CPU is a hang here: cpu.c).
 * kmemleak walks it; it has no stack the simulation could scan.
 */
static struct task_struct sim_idle = {
	.__state = TASK_RUNNING,
	.flags = PF_KTHREAD | PF_IDLE,
	.cpus_mask = { 1 },
	.comm = "swapper/0",
};

DEFINE_PER_CPU(struct task_struct *, current_task) = &sim_task;

/* kernel/fork.c's: no process, no task on the list, no stack counted. */
DEFINE_SPINLOCK(tasklist_lock);
LIST_HEAD(task_list);
int nr_threads;
int nr_user_processes;
unsigned long nr_kernel_stack_kb;

const char *current_comm_str(void)
{
	return current->comm;
}

bool sched_is_ready(void)
{
	return system_running;
}

struct task_struct *idle_task(int cpu)
{
	return &sim_idle;
}

unsigned int cpu_nr_running(unsigned int cpu)
{
	return cpu == 0; /* the one task, always runnable or running */
}

/* A sleep nothing can end: the hang it would be, reported; the run ends. */
static __noreturn void sim_sleep_forever(const char *how)
{
	struct task_struct *p = current;

	pr_emerg(
		"sim: %s/%d %s (state %#x): a hang, with one task and no interrupts nothing can wake it\n",
		p->comm, p->pid, how, p->__state);
	dump_stack();
	/*
	 * The task goes on from the catcher (sim_catch_panic()), running.  A
	 * wait queue may still hold the entry of the sleep abandoned here:
	 * the machine must be booted again before it is used.
	 */
	__set_current_state(TASK_RUNNING);
	sim_bail();
}

/* The kernel reports "scheduling while atomic": here it ends the run. */
static void sim_schedule_debug(void)
{
	struct task_struct *p = current;

	if (likely(!preempt_count()))
		return;
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", p->comm, p->pid,
	       preempt_count());
	sim_sleep_forever("sleeps in atomic context");
}

void schedule(void)
{
	if (task_is_running(current) || !sched_is_ready()) {
		__set_current_state(TASK_RUNNING);
		return; /* a yield, or the boot: nothing else to run */
	}
	sim_schedule_debug();
	sim_sleep_forever("sleeps with no timeout");
}

void cond_resched(void)
{
}

long schedule_timeout(long timeout)
{
	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (WARN(timeout < 0, "schedule_timeout: wrong timeout value %lx\n",
		 (unsigned long)timeout) ||
	    task_is_running(current) || !sched_is_ready()) {
		__set_current_state(TASK_RUNNING);
		return timeout < 0 ? 0 : timeout;
	}
	sim_schedule_debug();
	/* The machine idles until the task's timer fires. */
	jiffies += (unsigned long)timeout;
	sim_tsc += (u64)timeout * tsc_khz * 1000 / HZ;
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* The allocator's wait for reclaim (the only one mm/ makes). */
long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	if (!(READ_ONCE(p->__state) & state))
		return false;
	WRITE_ONCE(p->__state, TASK_RUNNING);
	return true;
}

bool wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}

/* kernel/signal.c's tests; nothing sends the one task a signal. */
bool signal_pending(struct task_struct *p)
{
	return test_tsk_thread_flag(p, TIF_SIGPENDING);
}

bool fatal_signal_pending(struct task_struct *p)
{
	return signal_pending(p) && sigismember(&p->pending.signal, SIGKILL);
}

/* What only a process reaches: the machine has none. */
static __noreturn void sim_no_process(const char *what)
{
	pr_emerg("sim: %s called, but the simulated machine runs no process\n",
		 what);
	dump_stack();
	sim_bail();
}

struct mm_struct *get_task_mm(struct task_struct *task)
{
	sim_no_process("get_task_mm()");
}

void mmput(struct mm_struct *mm)
{
	sim_no_process("mmput()");
}

void __put_task_struct(struct task_struct *p)
{
	sim_no_process("__put_task_struct()");
}

int send_sig(int sig, struct task_struct *p)
{
	sim_no_process("send_sig()");
}

struct file *fget(unsigned int fd)
{
	sim_no_process("fget()");
}

void fput(struct file *file)
{
	sim_no_process("fput()");
}
