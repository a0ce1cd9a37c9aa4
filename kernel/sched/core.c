// SPDX-License-Identifier: GPL-2.0
/*
 * core.c - the scheduler: run queues, schedule(), wake-ups, the tick.
 *
 * Every CPU has its own run queue (struct rq, sched.h) under its own
 * lock, as Linux has: choosing the next task, the common case, touches
 * only this CPU's queue, so CPUs do not contend for one lock at every
 * switch, and a task tends to stay on the CPU whose caches it warmed.
 * (One locked queue for all would balance by itself and is what Linux 2.4
 * had; with up to 8 CPUs either works, and per-CPU queues are what a
 * student will meet in kernel/sched/.)  The policy is round robin: a task
 * runs until it sleeps, yields, or uses up its time slice of
 * SCHED_TIMESLICE ticks while another task waits on its queue.
 *
 * Where tasks go:
 *  - a new task (fork) goes to the allowed CPU with the fewest runnable
 *    tasks, this one on a tie (select_task_rq);
 *  - a woken task goes back to the queue of the CPU it last ran on;
 *  - a CPU whose queue is empty takes a waiting task from another CPU's
 *    queue (steal_task, with a trylock so that two CPUs stealing from each
 *    other cannot deadlock), and an idle CPU looks for one at every tick;
 *    never a task that sleeps holding kmap_local slots: their addresses
 *    are its CPU's (the switch saves and restores them, kmap_local.c);
 *  - work another CPU left for smp_call_on_cpu() runs first, in the idle
 *    task (pick_next_task; the RESCHEDULE IPI asks the running task to
 *    give the CPU up at its next chance, scheduler_ipi()).
 *
 * The invariants, all under the task's rq->lock:
 *  - on_rq: the task is runnable (queued, or running as rq->curr);
 *  - on_cpu: it is running, or still being switched away from: its stack
 *    is in use until finish_task_switch() clears it.  The rq lock is held
 *    from __schedule() to finish_task_switch(), on the next task's stack,
 *    so whoever takes that lock sees a task either running or entirely
 *    switched out, never half way;
 *  - a sleeper sets its state before it tests its condition, and
 *    schedule() takes it off the queue only if it is still not RUNNING:
 *    a wake-up that comes in between just sets TASK_RUNNING.
 *
 * The kernel is not preemptible (Linux's CONFIG_PREEMPT_NONE): the tick
 * only sets TIF_NEED_RESCHED, acted on when the task returns to user mode
 * or calls cond_resched(), and in the idle loop.  So no kernel code is
 * ever interrupted by another task on its CPU, which the memory manager's
 * per-CPU data relies on.  Simpler than Linux: no priorities, no CFS
 * virtual time, no load tracking, no migration of a task that is running.
 */
#include <asm/apic.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/switch_to.h>
#include <bug.h>
#include <cmdline.h>
#include <config.h>
#include <errno.h>
#include <init.h>
#include <kernel.h>
#include <mm.h>
#include <asm/mmu_context.h>
#include <panic.h>
#include <params.h>
#include <printk.h>
#include <sched.h>
#include <smp.h>
#include <stack.h>
#include <string.h>
#include <syscalls.h>
#include <time.h>
#include <timer.h>
#include <uaccess.h>

#include "sched.h"

DEFINE_PER_CPU(struct rq, runqueues);
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;

cpumask_t sched_default_cpus = { 1 }; /* CPU 0 until sched_init_smp() */
static bool sched_all_cpus = CONFIG_SCHED_ALL_CPUS;
static bool sched_ready; /* the first schedule() can happen */

/* `sched_cpus=all` or `sched_cpus=0`: where new tasks may run. */
static int __init parse_sched_cpus(char *arg)
{
	if (arg && !strcmp(arg, "all"))
		sched_all_cpus = true;
	else if (arg && !strcmp(arg, "0"))
		sched_all_cpus = false;
	else {
		pr_err("sched_cpus=%s: expected `all` or `0`\n",
		       arg ? arg : "");
		return -EINVAL;
	}
	return 0;
}
early_param("sched_cpus", parse_sched_cpus);

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	list_add_tail(&p->run_list, &rq->queue);
}

static void activate_task(struct rq *rq, struct task_struct *p)
{
	p->on_rq = 1;
	rq->nr_running++;
	enqueue_task(rq, p);
}

/* Make rq's CPU reschedule soon: at once if it is this one, else an IPI. */
static void resched_curr(struct rq *rq)
{
	set_tsk_need_resched(rq->curr);
	if (rq->cpu != smp_processor_id())
		smp_send_reschedule(rq->cpu);
}

/* An idle CPU (other than `busy`) that may run p: wake it to steal p. */
static void kick_idle_cpu(struct task_struct *p, unsigned int busy)
{
	unsigned int cpu;

	for_each_cpu(cpu, &p->cpus_mask) {
		struct rq *rq = cpu_rq(cpu);

		if (cpu != busy && cpu_online(cpu) &&
		    READ_ONCE(rq->curr) == rq->idle &&
		    !READ_ONCE(rq->nr_running)) {
			set_tsk_need_resched(rq->idle);
			if (cpu != smp_processor_id())
				smp_send_reschedule(cpu);
			return;
		}
	}
}

/* The allowed online CPU with the fewest runnable tasks (this one on a tie). */
static unsigned int select_task_rq(struct task_struct *p)
{
	unsigned int this_cpu = smp_processor_id(), best = this_cpu, cpu;
	unsigned int best_load = UINT_MAX;

	if (cpumask_test_cpu(this_cpu, &p->cpus_mask))
		best_load = READ_ONCE(cpu_rq(this_cpu)->nr_running);
	for_each_cpu(cpu, &p->cpus_mask) {
		unsigned int load = READ_ONCE(cpu_rq(cpu)->nr_running);

		if (cpu_online(cpu) && load < best_load) {
			best = cpu;
			best_load = load;
		}
	}
	return best;
}

/* Lock p's run queue, following p if another CPU steals it meanwhile. */
static struct rq *task_rq_lock(struct task_struct *p, unsigned long *flags)
{
	struct rq *rq;

	local_irq_save(*flags);
	for (;;) {
		rq = task_rq(p);
		raw_spin_lock(&rq->lock);
		if (rq == task_rq(p))
			return rq;
		raw_spin_unlock(&rq->lock);
	}
}

static void task_rq_unlock(struct rq *rq, unsigned long flags)
{
	raw_spin_unlock(&rq->lock);
	local_irq_restore(flags);
}

/*
 * try_to_wake_up - make p runnable if it sleeps in one of `state`
 *
 * A task still on its run queue (it set its state but has not reached
 * schedule(), or schedule() has not taken it off yet) only needs its
 * state back to RUNNING.  Otherwise it is queued again on the CPU it last
 * ran on; that CPU reschedules at once if it was idle, and an idle CPU is
 * woken to steal it if its own CPU is busy.
 */
static bool try_to_wake_up(struct task_struct *p, unsigned int state)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(p, &flags);
	bool woken = false;

	if (!(READ_ONCE(p->__state) & state))
		goto out;
	woken = true;
	WRITE_ONCE(p->__state, TASK_RUNNING);
	if (p->on_rq)
		goto out;
	activate_task(rq, p);
	if (rq->curr == rq->idle)
		resched_curr(rq);
	else
		kick_idle_cpu(p, rq->cpu);
out:
	task_rq_unlock(rq, flags);
	return woken;
}

bool wake_up_state(struct task_struct *p, unsigned int state)
{
	return try_to_wake_up(p, state);
}

bool wake_up_process(struct task_struct *p)
{
	return try_to_wake_up(p, TASK_NORMAL);
}

/* A new task (copy_process): asleep, on a CPU it is allowed to run on. */
void sched_fork(struct task_struct *p)
{
	p->__state = TASK_UNINTERRUPTIBLE; /* until its first wake-up */
	p->on_rq = p->on_cpu = 0;
	p->time_slice = SCHED_TIMESLICE;
	if (!cpumask_test_cpu(p->cpu, &p->cpus_mask))
		p->cpu = (unsigned int)__ffs(p->cpus_mask.bits);
}

void wake_up_new_task(struct task_struct *p)
{
	unsigned long flags;
	struct rq *rq;

	WRITE_ONCE(p->__state, TASK_RUNNING);
	p->cpu = select_task_rq(p);
	rq = task_rq_lock(p, &flags);
	activate_task(rq, p);
	if (rq->curr == rq->idle)
		resched_curr(rq);
	task_rq_unlock(rq, flags);
}

/*
 * A RESCHEDULE IPI: smp_call_on_cpu() work waits for this CPU's idle
 * task, so the running task gives the CPU up at its next chance (its
 * return to user mode, cond_resched(), a sleep) and pick_next_task()
 * chooses the idle task first.
 */
void scheduler_ipi(void)
{
	if (smp_cpu_work_pending() && current != this_rq()->idle)
		set_tsk_need_resched(current);
}

void kick_process(struct task_struct *p)
{
	unsigned int cpu = task_cpu(p);

	if (cpu != smp_processor_id() && READ_ONCE(p->on_cpu))
		smp_send_reschedule(cpu);
}

int set_cpus_allowed_ptr(struct task_struct *p, const cpumask_t *mask)
{
	unsigned long flags;
	struct rq *rq;
	int ret = 0;

	rq = task_rq_lock(p, &flags);
	if (!cpumask_weight(mask)) {
		ret = -EINVAL;
	} else if ((p->on_rq || p->on_cpu || p->kmap_ctrl.idx) &&
		   !cpumask_test_cpu(task_cpu(p), mask)) {
		/*
		 * No migration of a runnable task: only sleepers move, and
		 * not one holding kmap_local slots (this CPU's addresses).
		 */
		ret = -EBUSY;
	} else {
		p->cpus_mask = *mask;
		if (!cpumask_test_cpu(task_cpu(p), mask))
			p->cpu = (unsigned int)__ffs(mask->bits);
	}
	task_rq_unlock(rq, flags);
	return ret;
}

/*
 * A task from another CPU's queue that may run here, moved to this run
 * queue (whose lock the caller holds), or NULL.  trylock: two CPUs that
 * steal from each other at once must not wait for each other's lock.
 */
static struct task_struct *steal_task(struct rq *rq)
{
	unsigned int cpu;

	if (cpumask_weight(&sched_default_cpus) < 2)
		return NULL;
	for_each_online_cpu(cpu) {
		struct rq *src = cpu_rq(cpu);
		struct task_struct *p, *found = NULL;

		if (src == rq || READ_ONCE(src->nr_running) < 2 ||
		    !raw_spin_trylock(&src->lock))
			continue;
		list_for_each_entry(p, &src->queue, run_list) {
			/* A task holding kmap_local slots stays (below). */
			if (cpumask_test_cpu(rq->cpu, &p->cpus_mask) &&
			    !p->kmap_ctrl.idx) {
				found = p;
				break;
			}
		}
		if (found) {
			list_del_init(&found->run_list);
			src->nr_running--;
			found->cpu = rq->cpu;
			rq->nr_running++;
		}
		raw_spin_unlock(&src->lock);
		if (found)
			return found;
	}
	return NULL;
}

static struct task_struct *pick_next_task(struct rq *rq)
{
	struct task_struct *next;

	/* smp_call_on_cpu() work waits for this CPU's idle task: first. */
	if (unlikely(smp_cpu_work_pending()))
		return rq->idle;
	if (!list_empty(&rq->queue)) {
		next = list_first_entry(&rq->queue, struct task_struct,
					run_list);
		list_del_init(&next->run_list);
		return next;
	}
	next = steal_task(rq);
	return next ? next : rq->idle;
}

/* Tasks that died and have not made their last switch yet. */
static atomic_t nr_dying_tasks;

void sched_task_dying(void)
{
	atomic_inc(&nr_dying_tasks);
}

void wait_for_dying_tasks(void)
{
	u64 end = jiffies + HZ;

	while (atomic_read(&nr_dying_tasks) && jiffies < end) {
		if (sched_ready && !in_atomic() && !irqs_disabled())
			schedule_timeout_uninterruptible(1);
		else
			cpu_relax();
	}
}

/*
 * The end of a switch, on the next task's stack: prev is off this CPU
 * now (on_cpu 0: another CPU may run it), the run queue is unlocked, and
 * a task that died here drops the scheduler's reference to it, which
 * frees its stack when it was the last.
 */
static void finish_task_switch(struct task_struct *prev)
{
	struct rq *rq = this_rq();
	unsigned int prev_state = READ_ONCE(prev->__state);

	if (unlikely(current->kmap_ctrl.idx))
		__kmap_local_sched_in(current);

	smp_store_release(&prev->on_cpu, 0);
	raw_spin_unlock_irq(&rq->lock);
	if (unlikely(prev_state == TASK_DEAD)) {
		put_task_struct(prev);
		atomic_dec(&nr_dying_tasks);
	}
}

void schedule_tail(struct task_struct *prev)
{
	finish_task_switch(prev);
}

static struct task_struct *context_switch(struct task_struct *prev,
					  struct task_struct *next)
{
	/* prev's kmap_local slots are saved, this CPU's cleared for next. */
	if (unlikely(this_cpu_read(kmap_ctrl.idx)))
		__kmap_local_sched_out(prev);
	switch_mm_irqs_off(prev->mm, next->mm);
	return switch_to(prev, next);
}

static void schedule_debug(struct task_struct *prev)
{
	if (likely(!preempt_count()))
		return;
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm,
	       prev->pid, preempt_count());
	dump_stack();
	add_taint(TAINT_WARN);
}

static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	struct rq *rq;

	local_irq_disable();
	rq = this_rq();
	raw_spin_lock(&rq->lock);
	clear_tsk_need_resched(prev);

	if (!preempt && prev->__state != TASK_RUNNING && prev != rq->idle) {
		if ((prev->__state & TASK_INTERRUPTIBLE &&
		     signal_pending(prev)) ||
		    (prev->__state & TASK_WAKEKILL &&
		     fatal_signal_pending(prev))) {
			WRITE_ONCE(prev->__state, TASK_RUNNING);
		} else {
			prev->on_rq = 0;
			rq->nr_running--;
			prev->nvcsw++;
		}
	}
	if (prev->on_rq && prev != rq->idle) {
		enqueue_task(rq, prev); /* at the back: round robin */
		prev->nivcsw++;
	}
	next = pick_next_task(rq);
	if (likely(next != prev)) {
		rq->nr_switches++;
		next->on_cpu = 1;
		WRITE_ONCE(rq->curr, next);
		prev = context_switch(prev, next);
		finish_task_switch(prev);
	} else {
		raw_spin_unlock_irq(&rq->lock);
	}
}

void schedule(void)
{
	if (unlikely(!sched_ready)) {
		__set_current_state(TASK_RUNNING);
		return;
	}
	if (unlikely(preempt_count())) {
		schedule_debug(current);
		/* Sleeping here could deadlock: stay, and let the caller loop. */
		__set_current_state(TASK_RUNNING);
		return;
	}
	__schedule(false);
}

void yield(void)
{
	__set_current_state(TASK_RUNNING);
	schedule();
}

void cond_resched(void)
{
	if (need_resched() && !preempt_count() && !irqs_disabled())
		schedule();
}

/*
 * The tick, on every CPU, interrupts off: charge the tick to the running
 * task and, when its slice is over and another task waits, ask for a
 * switch.  An idle CPU asks for one when another CPU has tasks waiting
 * that it might steal.
 */
void scheduler_tick(struct pt_regs *regs)
{
	struct task_struct *curr = current;
	struct rq *rq = this_rq();
	unsigned int cpu;

	if (unlikely(!sched_ready))
		return;
	if (curr == rq->idle) {
		if (cpumask_weight(&sched_default_cpus) < 2)
			return;
		for_each_online_cpu(cpu)
			if (READ_ONCE(cpu_rq(cpu)->nr_running) > 1)
				set_tsk_need_resched(curr);
		return;
	}
	if (user_mode(regs))
		curr->utime++;
	else
		curr->stime++;
	if (--curr->time_slice == 0) {
		curr->time_slice = SCHED_TIMESLICE;
		if (READ_ONCE(rq->nr_running) > 1)
			set_tsk_need_resched(curr);
	}
}

long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}

long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}

unsigned int nr_running(void)
{
	unsigned int cpu, sum = 0;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_running);
	return sum;
}

unsigned long long nr_context_switches(void)
{
	unsigned long long sum = 0;
	unsigned int cpu;

	for_each_online_cpu(cpu)
		sum += READ_ONCE(cpu_rq(cpu)->nr_switches);
	return sum;
}

unsigned int cpu_nr_running(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->nr_running);
}

struct task_struct *cpu_curr(unsigned int cpu)
{
	return READ_ONCE(cpu_rq(cpu)->curr);
}

/* Make `idle` cpu's idle task: always runnable, never queued. */
void init_idle(struct task_struct *idle, unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	idle->__state = TASK_RUNNING;
	idle->flags |= PF_IDLE | PF_KTHREAD;
	idle->cpu = cpu;
	idle->on_rq = 1;
	idle->on_cpu = 1;
	cpumask_clear(&idle->cpus_mask);
	cpumask_set_cpu(cpu, &idle->cpus_mask);
	idle->time_slice = SCHED_TIMESLICE;
	rq->idle = rq->curr = idle;
	per_cpu(current_task, cpu) = idle;
}

void __init sched_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		raw_spin_lock_init(&rq->lock);
		INIT_LIST_HEAD(&rq->queue);
		rq->cpu = cpu;
	}
	init_idle(&init_task, 0);
}

/*
 * After the other CPUs are up: from now on tasks may run on every CPU
 * (unless sched_cpus=0), and the first schedule() may happen.
 */
void __init sched_init_smp(void)
{
	unsigned int cpu;

	cpumask_clear(&sched_default_cpus);
	for_each_online_cpu(cpu)
		if (sched_all_cpus || cpu == 0)
			cpumask_set_cpu(cpu, &sched_default_cpus);
	sched_ready = true;
	if (cpumask_weight(&sched_default_cpus) > 1)
		pr_info("sched: %u run queues, round robin, %d ms slices; tasks run on all %u CPUs\n",
			num_online_cpus(), SCHED_TIMESLICE * 1000 / HZ,
			cpumask_weight(&sched_default_cpus));
	else
		pr_info("sched: %u run queue%s, round robin, %d ms slices; tasks run on CPU 0\n",
			num_online_cpus(), num_online_cpus() > 1 ? "s" : "",
			SCHED_TIMESLICE * 1000 / HZ);
}

struct task_struct *idle_task(int cpu)
{
	return cpu_rq(cpu)->idle;
}

bool sched_is_ready(void)
{
	return sched_ready;
}

/* sched_yield(): to the back of this CPU's run queue; always 0. */
SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}
