// SPDX-License-Identifier: GPL-2.0
/*
 * sched_test.c - verifies that tasks are scheduled as kernel/sched/
 * promises: kernel threads run their function and stop when asked, wait
 * queues put a task to sleep until its condition comes true and never
 * lose a wake-up, timeouts and msleep() last at least what they were
 * given, yield() and the time slice share the CPU round robin, mutexes
 * and completions wake their waiters, timers fire at their jiffy, a
 * wake-up reaches a task on another CPU, work for a busy CPU's idle task
 * runs at that CPU's next chance, a CPU's idle clock counts its sleeps
 * and not its busy time (/proc/idle_tsc shows it), each kernel stack has
 * an unmapped guard page below it, a task that sleeps holding kmap_local
 * slots finds them again (and stays on their CPU), and might_sleep() reports every context
 * that must not sleep (an interrupt, a spinlock, interrupts off) in
 * Linux's words.
 *
 * Each thread is made with kthread_create() and a reference taken before
 * it first runs, so it cannot end and be freed before the case looks at
 * it; reap() stops it and waits until its last switch has dropped the
 * scheduler's reference, so the leak checks see its stack and task_struct
 * freed.
 */
#include <asm/processor.h>
#include <completion.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <kthread.h>
#include <ktest.h>
#include <mm.h>
#include <mutex.h>
#include <printk.h>
#include <proc_fs.h>
#include <sched.h>
#include <slab.h>
#include <smp.h>
#include <spinlock.h>
#include <sprintf.h>
#include <string.h>
#include <tick.h>
#include <timer.h>
#include <uaccess.h>
#include <vmalloc.h>
#include <wait.h>

#include "smp_test_helpers.h"

/* A thread, created asleep, referenced, then started. */
static struct task_struct *start(struct ktest *test, int (*fn)(void *),
				 void *arg, const char *name, int cpu)
{
	struct task_struct *t = kthread_create(fn, arg, "%s", name);

	KTEST_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	if (cpu >= 0)
		kthread_bind(t, (unsigned int)cpu);
	wake_up_process(t);
	return t;
}

/* Stop t, wait for its last switch, drop the reference: its result. */
static int reap(struct task_struct *t)
{
	int ret = kthread_stop(t);

	while (READ_ONCE(t->usage) > 1 || READ_ONCE(t->on_cpu))
		msleep(1);
	put_task_struct(t);
	return ret;
}

/* Sleep until *flag is set or about a second passed: true if it was. */
static bool wait_for_flag(volatile int *flag)
{
	for (int i = 0; i < 100 && !*flag; i++)
		msleep(10);
	return *flag;
}

static int return_42(void *arg)
{
	WRITE_ONCE(*(int *)arg, 1);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 42;
}

static void
sched_kthread_runs_and_kthread_stop_returns_its_result(struct ktest *test)
{
	int ran = 0;
	struct task_struct *t = start(test, return_42, &ran, "ktest_42", -1);

	KTEST_EXPECT_TRUE(test, wait_for_flag(&ran));
	KTEST_EXPECT_TRUE(test, t->flags & PF_KTHREAD);
	KTEST_EXPECT_NULL(test, t->mm);
	KTEST_EXPECT_STREQ(test, t->comm, "ktest_42");
	KTEST_EXPECT_EQ(test, reap(t), 42);
}

static void sched_kthread_stopped_before_it_runs_never_runs(struct ktest *test)
{
	int ran = 0;
	struct task_struct *t = kthread_create(return_42, &ran, "ktest_never");

	KTEST_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	KTEST_EXPECT_EQ(test, READ_ONCE(t->__state), TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_EQ(test, reap(t), -EINTR);
	KTEST_EXPECT_EQ(test, ran, 0);
}

struct waiter {
	wait_queue_head_t wq;
	volatile int cond; /* what the waiter waits for */
	volatile int woke; /* it saw cond */
	struct completion done;
};

static int wait_for_cond(void *arg)
{
	struct waiter *w = arg;

	wait_event(w->wq, w->cond);
	w->woke = 1;
	complete(&w->done);
	return 0;
}

static void waiter_init(struct waiter *w)
{
	init_waitqueue_head(&w->wq);
	w->cond = w->woke = 0;
	init_completion(&w->done);
}

static void
sched_wait_event_sleeps_until_the_condition_and_wake_up(struct ktest *test)
{
	struct waiter w;
	struct task_struct *t;

	waiter_init(&w);
	t = start(test, wait_for_cond, &w, "ktest_waiter", -1);
	msleep(30); /* it runs, finds cond false, sleeps */
	KTEST_EXPECT_EQ(test, READ_ONCE(t->__state), TASK_UNINTERRUPTIBLE);
	KTEST_EXPECT_TRUE(test, waitqueue_active(&w.wq));
	wake_up(&w.wq); /* cond still false: back to sleep */
	msleep(30);
	KTEST_EXPECT_EQ(test, w.woke, 0);
	w.cond = 1;
	wake_up(&w.wq);
	KTEST_EXPECT_NE(test, wait_for_completion_timeout(&w.done, HZ), 0);
	KTEST_EXPECT_EQ(test, w.woke, 1);
	KTEST_EXPECT_FALSE(test, waitqueue_active(&w.wq));
	reap(t);
}

static void
sched_a_condition_true_before_the_wait_is_not_lost(struct ktest *test)
{
	struct waiter w;
	struct task_struct *t;

	waiter_init(&w);
	w.cond = 1; /* and no wake_up() at all */
	t = start(test, wait_for_cond, &w, "ktest_early", -1);
	KTEST_EXPECT_NE(test, wait_for_completion_timeout(&w.done, HZ), 0);
	KTEST_EXPECT_EQ(test, w.woke, 1);
	reap(t);
}

static void
sched_wait_event_timeout_gives_up_after_its_jiffies(struct ktest *test)
{
	DECLARE_WAIT_QUEUE_HEAD(wq);
	unsigned long start_j = jiffies_ul;
	long left = wait_event_timeout(wq, false, 3);

	KTEST_EXPECT_EQ(test, left, 0);
	KTEST_EXPECT_GE(test, jiffies_ul - start_j, 3);
	left = wait_event_timeout(wq, true, 3);
	KTEST_EXPECT_EQ(test, left, 3);
}

static int count_while(void *arg)
{
	volatile unsigned long *counter = arg;

	while (!kthread_should_stop()) {
		(*counter)++;
		msleep(1);
	}
	return 0;
}

static void
sched_msleep_sleeps_at_least_that_long_and_others_run(struct ktest *test)
{
	volatile unsigned long counter = 0;
	struct task_struct *t =
		start(test, count_while, (void *)&counter, "ktest_counter", -1);
	unsigned long start_j = jiffies_ul, before = counter;

	msleep(50);
	/* 50 ms is 5 ticks; msleep adds one for the tick in progress. */
	KTEST_EXPECT_GE(test, jiffies_ul - start_j, 5);
	KTEST_EXPECT_GT(test, counter, before); /* it ran while we slept */
	reap(t);
}

/* What a thread bound to one CPU saw of that CPU's idle clock (tick.h). */
struct idle_probe {
	u64 busy; /* idle time while it spun 2 ms */
	u64 slept; /* idle time while it slept 50 ms */
	u64 elapsed; /* TSC ticks the sleep took */
	int done;
};

static int measure_idle(void *arg)
{
	struct idle_probe *p = arg;
	unsigned int cpu = smp_processor_id();
	u64 idle = get_cpu_idle_tsc(cpu), t0;

	udelay(2000);
	p->busy = get_cpu_idle_tsc(cpu) - idle;
	idle = get_cpu_idle_tsc(cpu);
	t0 = rdtsc();
	msleep(50);
	p->slept = get_cpu_idle_tsc(cpu) - idle;
	p->elapsed = rdtsc() - t0;
	WRITE_ONCE(p->done, 1);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void sched_idle_time_counts_a_sleep_not_a_busy_cpu(struct ktest *test)
{
	struct idle_probe p = { 0 };
	struct task_struct *t = start(test, measure_idle, &p, "ktest_idle", 0);

	KTEST_ASSERT_TRUE(test, wait_for_flag(&p.done));
	reap(t);
	KTEST_EXPECT_EQ(test, p.busy, 0);
	/*
	 * The CPU sat idle for most of the sleep (another task may have run
	 * a little).  Against the sleep's own TSC ticks, not tsc_khz: on a
	 * loaded host the calibration can be far off.
	 */
	KTEST_EXPECT_GE(test, p.slept, p.elapsed / 2);
	KTEST_EXPECT_LE(test, p.slept, p.elapsed);
}

static void sched_proc_idle_tsc_has_a_line_per_cpu(struct ktest *test)
{
	static char buf[64 * NR_CPUS];
	struct seq_file m = { .buf = buf, .size = sizeof(buf) };
	unsigned int cpu, lines = 0;
	char want[16];

	KTEST_ASSERT_EQ(test, proc_show("idle_tsc", &m), 0);
	KTEST_ASSERT_FALSE(test, seq_overflowed(&m));
	buf[m.count] = '\0';
	for_each_online_cpu(cpu) {
		snprintf(want, sizeof(want), "cpu%u ", cpu);
		lines += strstr(buf, want) != NULL;
	}
	KTEST_EXPECT_EQ(test, lines, num_online_cpus());
	KTEST_EXPECT_EQ(test, strncmp(buf, "cpu0 ", 5), 0);
}

#define TURNS 8

struct turns {
	char log[2 * TURNS + 1];
	int len;
};

static int take_turns(void *arg)
{
	struct turns *t = arg;
	char me = current->comm[6]; /* "ktest_A" or "ktest_B" */

	for (int i = 0; i < TURNS; i++) {
		t->log[t->len++] = me;
		yield();
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void sched_yield_takes_turns_round_robin(struct ktest *test)
{
	struct turns turns = { .len = 0 };
	struct task_struct *a, *b;

	a = kthread_create(take_turns, &turns, "ktest_A");
	b = kthread_create(take_turns, &turns, "ktest_B");
	KTEST_ASSERT_FALSE(test, IS_ERR(a) || IS_ERR(b));
	get_task_struct(a);
	get_task_struct(b);
	kthread_bind(a, smp_processor_id()); /* one run queue for both */
	kthread_bind(b, smp_processor_id());
	wake_up_process(a);
	wake_up_process(b);
	for (int i = 0; i < 100 && turns.len < 2 * TURNS; i++)
		msleep(10);
	turns.log[turns.len] = '\0';
	KTEST_EXPECT_STREQ(test, turns.log, "ABABABABABABABAB");
	reap(a);
	reap(b);
}

static int spin_with_cond_resched(void *arg)
{
	while (!kthread_should_stop())
		cond_resched();
	return 0;
}

static int set_flag_once(void *arg)
{
	WRITE_ONCE(*(int *)arg, 1);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/*
 * A thread that never sleeps still gives the CPU up when its time slice
 * (SCHED_TIMESLICE ticks) ends and another task waits: the tick asks, its
 * cond_resched() complies.
 */
static void sched_time_slice_shares_the_cpu_with_a_busy_task(struct ktest *test)
{
	int ran = 0;
	unsigned int cpu = smp_processor_id();
	struct task_struct *busy = start(test, spin_with_cond_resched, NULL,
					 "ktest_busy", (int)cpu);
	struct task_struct *other =
		start(test, set_flag_once, &ran, "ktest_other", (int)cpu);
	u64 switches = nr_context_switches();

	KTEST_EXPECT_TRUE(test, wait_for_flag(&ran));
	KTEST_EXPECT_GT(test, nr_context_switches(), switches);
	reap(other);
	reap(busy);
}

struct mutex_user {
	struct mutex lock;
	volatile int holding;
	volatile int release;
};

static int hold_mutex(void *arg)
{
	struct mutex_user *m = arg;

	mutex_lock(&m->lock);
	m->holding = 1;
	while (!m->release)
		msleep(1);
	mutex_unlock(&m->lock);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void
sched_mutex_waiter_sleeps_until_the_owner_unlocks(struct ktest *test)
{
	struct mutex_user m = { .holding = 0, .release = 0 };
	struct task_struct *t;

	mutex_init(&m.lock);
	t = start(test, hold_mutex, &m, "ktest_owner", -1);
	KTEST_ASSERT_TRUE(test, wait_for_flag(&m.holding));
	KTEST_EXPECT_PTR_EQ(test, m.lock.owner, t);
	KTEST_EXPECT_FALSE(test, mutex_trylock(&m.lock));
	m.release = 1;
	mutex_lock(&m.lock); /* sleeps until the owner lets go */
	KTEST_EXPECT_PTR_EQ(test, m.lock.owner, current);
	mutex_unlock(&m.lock);
	KTEST_EXPECT_FALSE(test, mutex_is_locked(&m.lock));
	reap(t);
}

static void sched_completion_counts_each_complete(struct ktest *test)
{
	DECLARE_COMPLETION(done);

	complete(&done);
	complete(&done);
	KTEST_EXPECT_TRUE(test, try_wait_for_completion(&done));
	wait_for_completion(&done); /* the second: no sleep */
	KTEST_EXPECT_FALSE(test, try_wait_for_completion(&done));
	KTEST_EXPECT_EQ(test, wait_for_completion_timeout(&done, 2), 0);
	complete_all(&done);
	wait_for_completion(&done);
	wait_for_completion(&done); /* complete_all: for everyone */
}

struct timer_probe {
	struct timer_list timer;
	volatile unsigned long fired_at;
};

static void note_jiffy(struct timer_list *t)
{
	struct timer_probe *p = container_of(t, struct timer_probe, timer);

	p->fired_at = jiffies_ul;
}

static void
sched_timer_fires_at_its_jiffy_and_del_timer_cancels(struct ktest *test)
{
	struct timer_probe p = { .fired_at = 0 }, q = { .fired_at = 0 };
	unsigned long expires = jiffies_ul + 3;

	timer_setup(&p.timer, note_jiffy, 0);
	timer_setup(&q.timer, note_jiffy, 0);
	p.timer.expires = expires;
	q.timer.expires = expires + 100;
	add_timer(&p.timer);
	add_timer(&q.timer);
	KTEST_EXPECT_TRUE(test, timer_pending(&p.timer));
	msleep(60);
	KTEST_EXPECT_GE(test, p.fired_at, expires);
	KTEST_EXPECT_FALSE(test, timer_pending(&p.timer));
	KTEST_EXPECT_TRUE(test, del_timer(&q.timer));
	KTEST_EXPECT_FALSE(test, del_timer(&q.timer));
	KTEST_EXPECT_EQ(test, q.fired_at, 0);
}

struct pingpong {
	wait_queue_head_t wq;
	volatile int ball; /* even: the test's turn, odd: the thread's */
	volatile unsigned int cpu_seen;
};

static int play_on_cpu(void *arg)
{
	struct pingpong *pp = arg;

	pp->cpu_seen = smp_processor_id();
	for (int i = 0; i < 20; i++) {
		wait_event(pp->wq, (pp->ball & 1) || kthread_should_stop());
		if (kthread_should_stop())
			break;
		pp->ball++;
		wake_up(&pp->wq);
	}
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* Wake-ups across CPUs: a thread on another CPU and this one, 20 volleys. */
static void sched_wake_up_reaches_a_task_on_another_cpu(struct ktest *test)
{
	struct pingpong pp = { .ball = 0, .cpu_seen = ~0U };
	unsigned int other = smp_processor_id() ? 0 : 1;
	struct task_struct *t;

	if (num_online_cpus() < 2)
		ktest_skip(test, "needs a second CPU");
	init_waitqueue_head(&pp.wq);
	t = start(test, play_on_cpu, &pp, "ktest_pong", (int)other);
	for (int i = 0; i < 20; i++) {
		pp.ball++; /* to the thread */
		wake_up(&pp.wq);
		KTEST_ASSERT_NE(
			test, wait_event_timeout(pp.wq, !(pp.ball & 1), HZ), 0);
	}
	KTEST_EXPECT_EQ(test, pp.ball, 40);
	KTEST_EXPECT_EQ(test, pp.cpu_seen, other);
	KTEST_EXPECT_EQ(test, task_cpu(t), other);
	reap(t);
}

static void
sched_kernel_stacks_are_8_kb_with_a_guard_page_below(struct ktest *test)
{
	struct task_struct *t = kthread_create(return_42, NULL, "ktest_stack");
	u32 word;

	KTEST_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	KTEST_EXPECT_EQ(test, THREAD_SIZE, 8192);
	KTEST_EXPECT_EQ(test, t->stack_size, THREAD_SIZE);
	KTEST_EXPECT_EQ(test, t->thread.sp0,
			(unsigned long)t->stack + THREAD_SIZE);
	KTEST_EXPECT_TRUE(test, is_vmalloc_addr(t->stack));
	KTEST_EXPECT_EQ(test, get_kernel_nofault(word, (u32 *)t->stack), 0);
	KTEST_EXPECT_EQ(test, get_kernel_nofault(word, (u32 *)t->stack - 1),
			-EFAULT);
	/* A never-woken thread's top of stack is its first frame. */
	KTEST_EXPECT_EQ(test, t->thread.sp, (unsigned long)task_pt_regs(t));
	reap(t);
}

/* --- smp_call_on_cpu() to a CPU that is busy ------------------------ */

struct busy_cpu {
	volatile int started; /* the loop runs */
	volatile int stop; /* the case is done with it */
};

/* Kernel work that never sleeps (2 s at most), yielding where it may. */
static int busy_loop(void *arg)
{
	struct busy_cpu *b = arg;
	u64 end = jiffies + 2 * HZ;

	b->started = 1;
	while (!b->stop && jiffies < end)
		cond_resched();
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static int which_cpu(void *unused)
{
	return (int)smp_processor_id();
}

static void sched_call_on_a_busy_cpu_runs_at_its_next_chance(struct ktest *test)
{
	unsigned int cpu = ktest_other_cpu(test);
	struct busy_cpu b = { 0 };
	struct task_struct *t =
		start(test, busy_loop, &b, "ktest_busy", (int)cpu);
	u64 start_jiffies;
	int ret;

	KTEST_ASSERT_TRUE(test, wait_for_flag(&b.started));
	/* Its idle task runs the work, before the busy task's queue ends. */
	start_jiffies = jiffies;
	ret = smp_call_on_cpu(cpu, which_cpu, NULL, false);
	KTEST_EXPECT_LT(test, jiffies - start_jiffies, (u64)HZ / 2);
	b.stop = 1;
	KTEST_EXPECT_EQ(test, ret, (int)cpu);
	KTEST_EXPECT_EQ(test, reap(t), 0);
}

/* --- kmap_local across a sleep -------------------------------------- */

struct kmap_sleeper {
	struct page *page; /* the thread's highmem page */
	unsigned int cpu; /* where it runs (bound) */
	struct completion mapped; /* it holds its mapping and sleeps */
	struct completion go_on; /* it may read through it again */
	unsigned long addr; /* where its mapping is */
	volatile int saw; /* it read its own page back, on its CPU */
};

#define KMAP_SLEEPER_MAGIC 0x5eed1234U

static int kmap_local_across_a_sleep(void *arg)
{
	struct kmap_sleeper *k = arg;
	u32 *p = kmap_local_page(k->page);

	p[0] = KMAP_SLEEPER_MAGIC;
	k->addr = (unsigned long)p;
	complete(&k->mapped);
	wait_for_completion(&k->go_on); /* others use the slots meanwhile */
	k->saw = p[0] == KMAP_SLEEPER_MAGIC && smp_processor_id() == k->cpu;
	kunmap_local(p);
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

static void sched_kmap_local_is_kept_across_a_sleep(struct ktest *test)
{
	struct kmap_sleeper k = { .cpu = smp_processor_id() };
	cpumask_t mine = current->cpus_mask, here, elsewhere;
	struct page *other = alloc_page(GFP_HIGHMEM);
	struct task_struct *t;
	u32 *q;

	k.page = alloc_page(GFP_HIGHMEM);
	if (!k.page || !other || !PageHighMem(k.page) || !PageHighMem(other)) {
		if (k.page)
			__free_page(k.page);
		if (other)
			__free_page(other);
		ktest_skip(test, "no highmem at this size");
	}
	init_completion(&k.mapped);
	init_completion(&k.go_on);
	/* Both tasks on this CPU: the same stack of slots. */
	cpumask_clear(&here);
	cpumask_set_cpu(k.cpu, &here);
	KTEST_ASSERT_EQ(test, set_cpus_allowed_ptr(current, &here), 0);
	t = start(test, kmap_local_across_a_sleep, &k, "ktest_kmap",
		  (int)k.cpu);
	wait_for_completion(&k.mapped);
	while (READ_ONCE(t->on_cpu))
		cpu_relax(); /* until it is switched out */
	KTEST_EXPECT_EQ(test, t->kmap_ctrl.idx, 1); /* saved in the task */
	KTEST_EXPECT_EQ(test, kmap_local_depth(k.cpu), 0); /* not the CPU's */
	q = kmap_local_page(other); /* the same slot, our own page */
	KTEST_EXPECT_EQ(test, (unsigned long)q, k.addr);
	q[0] = ~KMAP_SLEEPER_MAGIC;
	/* It holds this CPU's addresses: it may not move while it sleeps. */
	if (num_online_cpus() > 1) {
		cpumask_clear(&elsewhere);
		cpumask_set_cpu(ktest_other_cpu(test), &elsewhere);
		KTEST_EXPECT_EQ(test, set_cpus_allowed_ptr(t, &elsewhere),
				-EBUSY);
	}
	kunmap_local(q);
	complete(&k.go_on);
	KTEST_EXPECT_EQ(test, reap(t), 0);
	KTEST_EXPECT_TRUE(test, k.saw); /* its page, through its address */
	KTEST_EXPECT_EQ(test, kmap_local_depth(k.cpu), 0);
	set_cpus_allowed_ptr(current, &mine);
	__free_page(k.page);
	__free_page(other);
}

/* --- might_sleep(): sleeping where it must not ----------------------- */

static void expect_report(struct ktest *test, printk_mark_t mark,
			  unsigned long before, const char *context)
{
	char text[96];

	KTEST_EXPECT_EQ(test, nr_might_sleep_bugs, before + 1);
	KTEST_EXPECT_LOG(
		test, mark,
		"BUG: sleeping function called from invalid context at");
	KTEST_EXPECT_LOG(test, mark, context);
	snprintf(text, sizeof(text), "pid: %d, name: %s", current->pid,
		 current->comm);
	KTEST_EXPECT_LOG(test, mark, text);
}

static void
sched_might_sleep_with_preemption_off_is_reported(struct ktest *test)
{
	unsigned long before = nr_might_sleep_bugs;
	printk_mark_t mark = printk_mark();

	preempt_disable();
	might_sleep();
	preempt_enable();
	expect_report(test, mark, before, "in_atomic(): 1, irqs_disabled(): 0");
	KTEST_EXPECT_LOG(test, mark, "preempt_count: 1, expected: 0");
	KTEST_EXPECT_LOG(test, mark, "tests/kernel/sched_test.c:");
}

static void
sched_might_sleep_with_interrupts_off_is_reported(struct ktest *test)
{
	unsigned long before = nr_might_sleep_bugs, flags;
	printk_mark_t mark = printk_mark();

	local_irq_save(flags);
	might_sleep();
	local_irq_restore(flags);
	expect_report(test, mark, before, "in_atomic(): 0, irqs_disabled(): 1");
}

static void sched_gfp_kernel_under_a_spinlock_is_reported(struct ktest *test)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long before = nr_might_sleep_bugs;
	printk_mark_t mark = printk_mark();
	void *p, *q;

	/*
	 * Past the slab caches, from the page allocator, which checks every
	 * request (the slab fast path does not: kmalloc's benchmark limit).
	 */
	spin_lock(&lock);
	p = kmalloc(4 * PAGE_SIZE, GFP_KERNEL); /* may sleep: reported */
	q = kmalloc(4 * PAGE_SIZE, GFP_ATOMIC); /* never sleeps: fine */
	spin_unlock(&lock);
	expect_report(test, mark, before, "in_atomic(): 1, irqs_disabled(): 0");
	KTEST_EXPECT_LOG(test, mark, "mm/page_alloc.c:");
	KTEST_EXPECT_NOT_NULL(test, p);
	KTEST_EXPECT_NOT_NULL(test, q);
	kfree(p);
	kfree(q);
}

static volatile int irq_reports = -1;

static void might_sleep_in_an_ipi(void *arg)
{
	unsigned long before = nr_might_sleep_bugs;

	might_sleep();
	irq_reports = (int)(nr_might_sleep_bugs - before);
}

/* From an interrupt handler (an IPI from this CPU to another). */
static void
sched_might_sleep_in_an_interrupt_handler_is_reported(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	unsigned int other = smp_processor_id() ? 0 : 1;

	if (num_online_cpus() < 2)
		ktest_skip(test, "needs a second CPU to send an IPI to");
	irq_reports = -1;
	KTEST_ASSERT_EQ(test,
			smp_call_function_single(other, might_sleep_in_an_ipi,
						 NULL, true),
			0);
	KTEST_EXPECT_EQ(test, irq_reports, 1);
	KTEST_EXPECT_LOG(test, mark, "in_atomic(): 1, irqs_disabled(): 1");
}

static void
sched_might_sleep_where_sleeping_is_fine_says_nothing(struct ktest *test)
{
	unsigned long before = nr_might_sleep_bugs;
	void *p;

	might_sleep();
	p = kmalloc(32, GFP_KERNEL);
	kfree(p);
	msleep(1);
	KTEST_EXPECT_EQ(test, nr_might_sleep_bugs, before);
}

static const struct ktest_case sched_cases[] = {
	KTEST_CASE(sched_kthread_runs_and_kthread_stop_returns_its_result),
	KTEST_CASE(sched_kthread_stopped_before_it_runs_never_runs),
	KTEST_CASE(sched_wait_event_sleeps_until_the_condition_and_wake_up),
	KTEST_CASE(sched_a_condition_true_before_the_wait_is_not_lost),
	KTEST_CASE(sched_wait_event_timeout_gives_up_after_its_jiffies),
	KTEST_CASE(sched_msleep_sleeps_at_least_that_long_and_others_run),
	KTEST_CASE(sched_idle_time_counts_a_sleep_not_a_busy_cpu),
	KTEST_CASE(sched_proc_idle_tsc_has_a_line_per_cpu),
	KTEST_CASE(sched_yield_takes_turns_round_robin),
	KTEST_CASE(sched_time_slice_shares_the_cpu_with_a_busy_task),
	KTEST_CASE(sched_mutex_waiter_sleeps_until_the_owner_unlocks),
	KTEST_CASE(sched_completion_counts_each_complete),
	KTEST_CASE(sched_timer_fires_at_its_jiffy_and_del_timer_cancels),
	KTEST_CASE(sched_wake_up_reaches_a_task_on_another_cpu),
	KTEST_CASE(sched_call_on_a_busy_cpu_runs_at_its_next_chance),
	KTEST_CASE(sched_kernel_stacks_are_8_kb_with_a_guard_page_below),
	KTEST_CASE(sched_kmap_local_is_kept_across_a_sleep),
	KTEST_CASE(sched_might_sleep_with_preemption_off_is_reported),
	KTEST_CASE(sched_might_sleep_with_interrupts_off_is_reported),
	KTEST_CASE(sched_gfp_kernel_under_a_spinlock_is_reported),
	KTEST_CASE(sched_might_sleep_in_an_interrupt_handler_is_reported),
	KTEST_CASE(sched_might_sleep_where_sleeping_is_fine_says_nothing),
	{}
};

KTEST_SUITE(sched, sched_cases);
