// SPDX-License-Identifier: GPL-2.0
/*
 * smp.c - asking other CPUs to run code, and starting them.
 *
 * Every CPU has a queue of requests (call_single_queue), each request a
 * call_single_data_t: a function, its argument and a LOCK flag.  To run
 * fn(info) on CPU 2, a CPU fills a request, locks it (the flag), appends it
 * to CPU 2's queue under that queue's spinlock and sends CPU 2 a
 * CALL_FUNCTION IPI; CPU 2's handler takes the whole queue, runs each
 * function and clears each LOCK flag; the sender, if it asked to wait,
 * spins until the flag is clear.  A request waited for lives on the
 * sender's stack; one not waited for uses a per-CPU request, and its next
 * use first waits for the previous one to finish (csd_lock()).
 *
 * A CPU that waits for another never stops serving its own queue: if
 * interrupts are off while it waits (or the other CPU is waiting for it at
 * the same moment), it runs its pending requests from inside the wait
 * loop.  So two CPUs that call each other at once, or a flush issued with
 * interrupts off, cannot deadlock; Linux forbids the latter instead.
 *
 * smp_call_on_cpu() is the long-work variant: the request goes to the
 * target's work slot and a RESCHEDULE IPI wakes its idle task, which runs
 * it in process context, interrupts on.  A task running there gives the
 * CPU up at its next chance (it returns to user mode, calls
 * cond_resched() or sleeps), and the idle task goes first
 * (kernel/sched/core.c).  The caller waits, serving its own slot
 * meanwhile, so `oncpu 1 oncpu 0 CMD` works too.
 * schedule_on_each_cpu() (Linux's, from its workqueues) posts the same
 * kind of work to every other CPU without waiting, runs its own share,
 * then waits for all: every CPU works at once, in process context, which
 * is how the tests and the benchmarks load every CPU's allocators together.
 *
 * smp_init() starts the other CPUs one after the other (arch __cpu_up())
 * and prints Linux's lines: "smp: Bringing up secondary CPUs ...", "smp:
 * Brought up 1 node, 4 CPUs".  A CPU that does not come up is reported by
 * the arch code and left out; the boot goes on.
 */
#include <asm/barrier.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <cmdline.h>
#include <cpumask.h>
#include <errno.h>
#include <kernel.h>
#include <params.h>
#include <percpu.h>
#include <printk.h>
#include <sched.h>
#include <smp.h>
#include <spinlock.h>
#include <tick.h>
#include <time.h>
#include <workqueue.h>

#define CSD_LOCK_TIMEOUT_MS 5000 /* then "Detected non-responsive CSD lock" */

cpumask_t __cpu_possible_mask = { 1 }; /* the boot CPU, until the MP table */
cpumask_t __cpu_online_mask = { 1 };
unsigned int nr_cpu_ids = 1;
unsigned int setup_max_cpus = NR_CPUS;

struct call_single_queue {
	raw_spinlock_t lock;
	call_single_data_t *head, *tail; /* FIFO; NULL when empty */
};

/* Work for smp_call_on_cpu(): run in process context by the idle loop. */
struct smp_call_on_cpu_work {
	int (*func)(void *);
	void *data;
	int ret;
	bool done;
};

static DEFINE_PER_CPU(struct call_single_queue, call_single_queue);
static DEFINE_PER_CPU(call_single_data_t, csd_data); /* async single */
static DEFINE_PER_CPU(call_single_data_t[NR_CPUS], cfd_data); /* many */
DEFINE_PER_CPU(struct smp_call_on_cpu_work *, cpu_work);
static DEFINE_PER_CPU(raw_spinlock_t, cpu_work_lock);

static int __init parse_nosmp(char *arg)
{
	setup_max_cpus = 1;
	return 0;
}
early_param("nosmp", parse_nosmp);

static int __init parse_maxcpus(char *arg)
{
	unsigned long n;

	if (!arg || kstrtoul(arg, 0, &n)) {
		pr_err("maxcpus=%s: not a number; all CPUs will be started\n",
		       arg ? arg : "");
		return -EINVAL;
	}
	setup_max_cpus = n ? (unsigned int)min(n, (unsigned long)NR_CPUS) : 1;
	return 0;
}
early_param("maxcpus", parse_maxcpus);

void __init call_function_init(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		raw_spin_lock_init(&per_cpu(call_single_queue, cpu).lock);
		raw_spin_lock_init(&per_cpu(cpu_work_lock, cpu));
	}
}

/*
 * Run the requests queued for this CPU, with interrupts off as in the IPI
 * handler, also when a waiting CPU serves its queue from its wait loop.
 */
static void flush_smp_call_function_queue(void)
{
	struct call_single_queue *q = this_cpu_ptr(&call_single_queue);
	call_single_data_t *csd, *next;
	unsigned long flags;

	local_irq_save(flags);
	raw_spin_lock(&q->lock);
	csd = q->head;
	q->head = q->tail = NULL;
	raw_spin_unlock(&q->lock);

	for (; csd; csd = next) {
		smp_call_func_t func = csd->func;
		void *info = csd->info;

		next = csd->next;
		if (csd->flags & CSD_FLAG_SYNCHRONOUS) {
			func(info);
			/* The sender may reuse its stack from here on. */
			smp_store_release(&csd->flags, 0U);
		} else {
			smp_store_release(&csd->flags, 0U);
			func(info);
		}
	}
	local_irq_restore(flags);
}

void generic_smp_call_function_interrupt(void)
{
	flush_smp_call_function_queue();
}

static bool this_cpu_has_requests(void)
{
	return READ_ONCE(this_cpu_ptr(&call_single_queue)->head) != NULL;
}

/* Wait for csd to be done, serving this CPU's own queue meanwhile. */
static void csd_lock_wait(call_single_data_t *csd, unsigned int cpu)
{
	u64 start = rdtsc();
	bool reported = false;

	while (smp_load_acquire(&csd->flags) & CSD_FLAG_LOCK) {
		if (this_cpu_has_requests())
			flush_smp_call_function_queue();
		cpu_relax();
		if (!reported && tsc_khz &&
		    rdtsc() - start > (u64)CSD_LOCK_TIMEOUT_MS * tsc_khz) {
			pr_alert(
				"csd: Detected non-responsive CSD lock (#1) on CPU#%u, waiting %u ms for CPU#%02u %pS(%p).\n",
				smp_processor_id(), CSD_LOCK_TIMEOUT_MS, cpu,
				(void *)csd->func, csd->info);
			reported = true;
		}
	}
}

static void csd_lock(call_single_data_t *csd, unsigned int cpu)
{
	csd_lock_wait(csd, cpu); /* its previous use is over */
	csd->flags = CSD_FLAG_LOCK;
	smp_wmb();
}

static void csd_enqueue(unsigned int cpu, call_single_data_t *csd)
{
	struct call_single_queue *q = &per_cpu(call_single_queue, cpu);
	unsigned long flags;

	csd->next = NULL;
	raw_spin_lock_irqsave(&q->lock, flags);
	if (q->tail)
		q->tail->next = csd;
	else
		q->head = csd;
	q->tail = csd;
	raw_spin_unlock_irqrestore(&q->lock, flags);
}

int smp_call_function_single(unsigned int cpu, smp_call_func_t func, void *info,
			     bool wait)
{
	call_single_data_t csd_stack = { .flags = 0 };
	call_single_data_t *csd;
	unsigned int this_cpu = get_cpu();
	unsigned long flags;

	if (cpu >= nr_cpu_ids || !cpu_online(cpu)) {
		put_cpu();
		return -ENXIO;
	}
	if (cpu == this_cpu) {
		local_irq_save(flags);
		func(info);
		local_irq_restore(flags);
		put_cpu();
		return 0;
	}
	csd = wait ? &csd_stack : this_cpu_ptr(&csd_data);
	csd_lock(csd, cpu);
	if (wait)
		csd->flags |= CSD_FLAG_SYNCHRONOUS;
	csd->func = func;
	csd->info = info;
	csd_enqueue(cpu, csd);
	arch_send_call_function_single_ipi(cpu);
	if (wait)
		csd_lock_wait(csd, cpu);
	put_cpu();
	return 0;
}

void smp_call_function_many(const cpumask_t *mask, smp_call_func_t func,
			    void *info, bool wait)
{
	unsigned int this_cpu = get_cpu();
	call_single_data_t *cfd = *this_cpu_ptr(&cfd_data);
	unsigned int cpu;

	for_each_cpu(cpu, mask) {
		if (cpu == this_cpu || !cpu_online(cpu))
			continue;
		csd_lock(&cfd[cpu], cpu);
		if (wait)
			cfd[cpu].flags |= CSD_FLAG_SYNCHRONOUS;
		cfd[cpu].func = func;
		cfd[cpu].info = info;
		csd_enqueue(cpu, &cfd[cpu]);
		arch_send_call_function_ipi(cpu);
	}
	if (wait)
		for_each_cpu(cpu, mask)
			if (cpu != this_cpu && cpu_online(cpu))
				csd_lock_wait(&cfd[cpu], cpu);
	put_cpu();
}

void smp_call_function(smp_call_func_t func, void *info, bool wait)
{
	smp_call_function_many(cpu_online_mask, func, info, wait);
}

void on_each_cpu(smp_call_func_t func, void *info, bool wait)
{
	unsigned long flags;

	preempt_disable();
	smp_call_function(func, info, wait);
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
	preempt_enable();
}

/* Run the work another CPU left in this CPU's slot, if any. */
static void run_cpu_work(void)
{
	struct smp_call_on_cpu_work *work = this_cpu_read(cpu_work);

	if (!work)
		return;
	this_cpu_write(cpu_work, NULL);
	work->ret = work->func(work->data);
	smp_store_release(&work->done, true);
}

/*
 * Put work into cpu's slot (waiting for the slot) and wake that CPU: its
 * idle task runs the work, ahead of the tasks queued there (the
 * RESCHEDULE IPI makes a running task give the CPU up at its next chance,
 * scheduler_ipi()).
 */
static void smp_post_cpu_work(unsigned int cpu,
			      struct smp_call_on_cpu_work *work)
{
	raw_spinlock_t *slot_lock = &per_cpu(cpu_work_lock, cpu);
	unsigned long flags;

	/* One piece of work at a time per CPU: wait for the slot. */
	for (;;) {
		raw_spin_lock_irqsave(slot_lock, flags);
		if (!per_cpu(cpu_work, cpu)) {
			per_cpu(cpu_work, cpu) = work;
			raw_spin_unlock_irqrestore(slot_lock, flags);
			break;
		}
		raw_spin_unlock_irqrestore(slot_lock, flags);
		run_cpu_work();
		cpu_relax();
	}
	smp_send_reschedule(cpu);
}

/* Wait until work is done, serving this CPU's own slot and queue. */
static void smp_wait_cpu_work(struct smp_call_on_cpu_work *work)
{
	while (!smp_load_acquire(&work->done)) {
		run_cpu_work(); /* someone may be waiting for us too */
		if (this_cpu_has_requests())
			flush_smp_call_function_queue();
		cpu_relax();
	}
}

int smp_call_on_cpu(unsigned int cpu, int (*func)(void *), void *par, bool phys)
{
	struct smp_call_on_cpu_work work = { .func = func, .data = par };

	if (cpu >= nr_cpu_ids || !cpu_online(cpu))
		return -ENXIO;
	if (cpu == smp_processor_id())
		return func(par);
	smp_post_cpu_work(cpu, &work);
	smp_wait_cpu_work(&work);
	return work.ret;
}

static int run_work_func(void *arg)
{
	struct work_struct *work = arg;

	work->func(work);
	return 0;
}

int schedule_on_each_cpu(work_func_t func)
{
	struct smp_call_on_cpu_work works[NR_CPUS];
	struct work_struct items[NR_CPUS];
	unsigned int cpu, me = smp_processor_id();

	might_sleep();
	for_each_online_cpu(cpu) {
		INIT_WORK(&items[cpu], func);
		works[cpu] =
			(struct smp_call_on_cpu_work){ .func = run_work_func,
						       .data = &items[cpu] };
		if (cpu != me)
			smp_post_cpu_work(cpu, &works[cpu]);
	}
	func(&items[me]); /* this CPU's share, while the others run theirs */
	for_each_online_cpu(cpu)
		if (cpu != me)
			smp_wait_cpu_work(&works[cpu]);
	return 0;
}

/*
 * The idle loop, every CPU's idle task: run smp_call_on_cpu() work, give
 * the CPU to any task that became runnable, else halt until an interrupt.
 * The time halted is idle time (tick.h), until the CPU has work again.
 */
void cpu_startup_entry(void)
{
	for (;;) {
		local_irq_disable();
		if (this_cpu_read(cpu_work)) {
			idle_time_stop();
			local_irq_enable();
			run_cpu_work();
			continue;
		}
		/* Tasks wait here (the work went first): give them the CPU. */
		if (need_resched() || cpu_nr_running(smp_processor_id())) {
			idle_time_stop();
			local_irq_enable();
			schedule();
			continue;
		}
		idle_time_start(); /* a tick that finds nothing goes on with it */
		safe_halt(); /* sti; hlt: an IPI or the local timer wakes us */
	}
}

void __init smp_init(void)
{
	unsigned int cpu, num_cpus;

	smp_prepare_cpus();
	pr_info("smp: Bringing up secondary CPUs ...\n");
	for_each_present_cpu(cpu) {
		if (num_online_cpus() >= setup_max_cpus)
			break;
		if (!cpu_online(cpu))
			__cpu_up(cpu);
	}
	num_cpus = num_online_cpus();
	pr_info("smp: Brought up 1 node, %u CPU%s\n", num_cpus,
		num_cpus > 1 ? "s" : "");
	smp_cpus_done();
}
