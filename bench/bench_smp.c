// SPDX-License-Identifier: GPL-2.0
/*
 * bench_smp.c - benchmarks with every CPU at work at once.
 *
 * A row here runs the same loop on every online CPU at the same time
 * (schedule_on_each_cpu(): this CPU's share here, the others' in their
 * idle loops, interrupts off in each loop), each CPU its share of the
 * batch, n / CPUs operations.  Under `-icount` QEMU runs the CPUs in turn
 * on one thread (MTTCG and -icount exclude each other) and the guest TSC
 * counts the instructions of all of them, so the batch's ticks divided by
 * n are the instructions one operation costs on one CPU, averaged over
 * the CPUs: per CPU.  The cost of starting and waiting for the other CPUs
 * is in the empty batch (n = 0), which the harness subtracts.
 *
 * What the rows show: kmalloc(64) + kfree on every CPU costs what it
 * costs on one, because each CPU allocates from its own cpu slab and
 * frees to its own freelist, with no lock and no shared cache line; the
 * same for alloc_page + __free_page and the per-CPU page lists.  With one
 * CPU they are the plain rows plus the loop's dispatch.
 */
#include <bench.h>
#include <cpumask.h>
#include <kernel.h>
#include <mm.h>
#include <slab.h>
#include <smp.h>
#include <workqueue.h>

static unsigned long share; /* operations per CPU in this batch */
static void (*share_op)(unsigned long n);

static void share_work(struct work_struct *work)
{
	unsigned long flags;

	local_irq_save(flags);
	share_op(share);
	local_irq_restore(flags);
}

/* n operations, split over every online CPU, all running at once. */
static void on_every_cpu(void (*op)(unsigned long n), unsigned long n)
{
	share = n / num_online_cpus();
	share_op = op;
	schedule_on_each_cpu(share_work);
}

static void kmalloc64_loop(unsigned long n)
{
	while (n--)
		kfree(kmalloc(64, GFP_KERNEL));
}

static void alloc_page_loop(unsigned long n)
{
	while (n--)
		__free_page(alloc_page(GFP_KERNEL));
}

static void bench_kmalloc64_allcpu(unsigned long n)
{
	on_every_cpu(kmalloc64_loop, n);
}

static void bench_alloc_page_allcpu(unsigned long n)
{
	on_every_cpu(alloc_page_loop, n);
}

/* The batch must split evenly: n a multiple of the CPU count. */
static const char *allcpu_setup(void)
{
	if (bench_iters % num_online_cpus())
		return "bench.iters is not a multiple of the CPU count";
	bench_note("%u CPU%s at once, %lu operations each", num_online_cpus(),
		   num_online_cpus() > 1 ? "s" : "",
		   bench_iters / num_online_cpus());
	return NULL;
}

const struct bench_op bench_smp_ops[] = {
	{ .id = "kmalloc64_kfree_allcpu",
	  .desc = "kmalloc(64) + kfree, every CPU at once (per CPU)",
	  .floor = "floor_freelist",
	  .setup = allcpu_setup,
	  .run = bench_kmalloc64_allcpu },
	{ .id = "alloc_page_free_page_allcpu",
	  .desc = "alloc_page + __free_page, every CPU at once (per CPU)",
	  .floor = "floor_buddy",
	  .setup = allcpu_setup,
	  .run = bench_alloc_page_allcpu },
	{}
};
