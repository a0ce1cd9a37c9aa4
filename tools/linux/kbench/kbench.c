// SPDX-License-Identifier: GPL-2.0
/*
 * kbench.c - a Linux kernel module that times the rows of kmem386's
 * boot mode `bench` on the real Linux kernel, with the same loop shape,
 * so the two kernels' instruction counts can be put side by side.
 *
 * Built against Debian's linux-headers for the exact kernel that boots
 * (tools/linux/linux.mk: make bench-linux-kernel) and loaded by /init
 * with insmod.  Each row: one untimed batch (the warm-up), one batch of
 * zero operations (the fixed cost, subtracted), then KBENCH_BATCHES
 * batches of n operations timed with rdtsc_ordered(); the median batch
 * divided by n is the result, printed as kernel/bench.c prints it:
 *
 *   bench: kmalloc64_kfree per_op=215.00 floor=- ratio=- ops=1024 ...
 *
 * Under QEMU with -icount shift=0,sleep=off the TSC counts instructions.
 * Batches run with interrupts off, as kmem386's do, except the vmalloc
 * rows: vmalloc and vfree may sleep and defer work to a workqueue, so
 * those batches keep interrupts on and the median keeps an occasional
 * timer tick out of the result.  Boot with init_on_alloc=0, as issue 11
 * measured: Debian otherwise zeroes every allocation.
 */
#include <linux/gfp.h>
#include <linux/highmem.h>
#include <linux/irqflags.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/vmalloc.h>
#include <asm/msr.h>

#define KBENCH_BATCHES 7

static unsigned long iters = 1024;
module_param(iters, ulong, 0444);
MODULE_PARM_DESC(iters, "operations per batch");

struct kbench_op {
	const char *id; /* kmem386's row name */
	const char *desc; /* what one operation is */
	const char *(*setup)(void); /* NULL, or why the row is skipped */
	void (*run)(unsigned long n); /* n operations: the timed part */
	void (*teardown)(void);
	bool irqs_on; /* the operation may sleep: keep interrupts on */
};

/* Use a value so that the compiler must compute it, as real code would. */
#define kbench_use(x) __asm__ __volatile__("" : : "r"(x) : "memory")

static void run_kmalloc64(unsigned long n)
{
	while (n--) {
		void *p = kmalloc(64, GFP_KERNEL);

		kbench_use(p);
		kfree(p);
	}
}

static void run_alloc_page(unsigned long n)
{
	while (n--) {
		struct page *page = alloc_page(GFP_KERNEL);

		kbench_use(page);
		__free_page(page);
	}
}

static void run_alloc_page_highuser(unsigned long n)
{
	while (n--) {
		struct page *page = alloc_page(GFP_HIGHUSER);

		kbench_use(page);
		__free_page(page);
	}
}

static struct page *high_page, *low_page;

static const char *setup_pages(void)
{
	high_page = alloc_page(GFP_HIGHUSER);
	low_page = alloc_page(GFP_KERNEL);
	if (!high_page || !low_page || !PageHighMem(high_page))
		return "no highmem page";
	return NULL;
}

static void teardown_pages(void)
{
	if (high_page)
		__free_page(high_page);
	if (low_page)
		__free_page(low_page);
	high_page = low_page = NULL;
}

static void kmap_local_loop(struct page *page, unsigned long n)
{
	while (n--) {
		void *p = kmap_local_page(page);

		kbench_use(p);
		kunmap_local(p);
	}
}

static void run_kmap_local_highmem(unsigned long n)
{
	kmap_local_loop(high_page, n);
}

static void run_kmap_local_lowmem(unsigned long n)
{
	kmap_local_loop(low_page, n);
}

/* After the first kunmap the pkmap slot stays: later kmaps find it. */
static void run_kmap_cached_highmem(unsigned long n)
{
	while (n--) {
		void *p = kmap(high_page);

		kbench_use(p);
		kunmap(high_page);
	}
}

static void run_vmalloc_1page(unsigned long n)
{
	while (n--) {
		void *p = vmalloc(PAGE_SIZE);

		kbench_use(p);
		vfree(p);
	}
}

static const struct kbench_op ops[] = {
	{ "kmalloc64_kfree", "kmalloc(64) + kfree", NULL, run_kmalloc64 },
	{ "alloc_page_free_page", "alloc_page + __free_page (GFP_KERNEL)", NULL,
	  run_alloc_page },
	{ "alloc_page_free_page_highmem",
	  "alloc_page + __free_page (GFP_HIGHUSER)", NULL,
	  run_alloc_page_highuser },
	{ "kmap_local_lowmem", "kmap_local_page + kunmap_local, lowmem page",
	  setup_pages, run_kmap_local_lowmem, teardown_pages },
	{ "kmap_local_highmem", "kmap_local_page + kunmap_local, highmem page",
	  setup_pages, run_kmap_local_highmem, teardown_pages },
	{ "kmap_cached_highmem", "kmap + kunmap, highmem page, slot cached",
	  setup_pages, run_kmap_cached_highmem, teardown_pages, true },
	{ "vmalloc_vfree_1page", "vmalloc(1 * PAGE_SIZE) + vfree", NULL,
	  run_vmalloc_1page, NULL, true },
	{}
};

static u64 kbench_batch(const struct kbench_op *op, unsigned long n)
{
	unsigned long flags = 0;
	u64 t0, t1;

	if (!op->irqs_on)
		local_irq_save(flags);
	t0 = rdtsc_ordered();
	op->run(n);
	t1 = rdtsc_ordered();
	if (!op->irqs_on)
		local_irq_restore(flags);
	return t1 - t0;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* Hundredths per operation; 32 bits suffice (and print without libgcc). */
static unsigned long per_op_x100(u64 ticks, unsigned long n)
{
	return (unsigned long)div64_u64(ticks * 100 + n / 2, n);
}

static void kbench_one(const struct kbench_op *op)
{
	u64 ticks[KBENCH_BATCHES], empty;
	unsigned long med, lo, hi;
	const char *skip = op->setup ? op->setup() : NULL;

	if (skip) {
		pr_info("bench: %s skipped desc=\"%s\" note=\"%s\"\n", op->id,
			op->desc, skip);
		if (op->teardown)
			op->teardown();
		return;
	}
	kbench_batch(op, iters);
	empty = kbench_batch(op, 0);
	for (int b = 0; b < KBENCH_BATCHES; b++) {
		u64 t = kbench_batch(op, iters);

		ticks[b] = t > empty ? t - empty : 0;
	}
	if (op->teardown)
		op->teardown();
	sort(ticks, KBENCH_BATCHES, sizeof(ticks[0]), cmp_u64, NULL);
	med = per_op_x100(ticks[KBENCH_BATCHES / 2], iters);
	lo = per_op_x100(ticks[0], iters);
	hi = per_op_x100(ticks[KBENCH_BATCHES - 1], iters);
	pr_info("bench: %s per_op=%lu.%02lu floor=- ratio=- ops=%lu min=%lu.%02lu max=%lu.%02lu desc=\"%s\"%s\n",
		op->id, med / 100, med % 100, iters, lo / 100, lo % 100,
		hi / 100, hi % 100, op->desc,
		op->irqs_on ? " note=\"interrupts on\"" : "");
}

static int __init kbench_init(void)
{
	int rows = 0;

	if (!iters)
		return -EINVAL;
	pr_info("bench: start iters=%lu batches=%d kernel=linux\n", iters,
		KBENCH_BATCHES);
	for (const struct kbench_op *op = ops; op->id; op++, rows++)
		kbench_one(op);
	pr_info("bench: done rows=%d\n", rows);
	return 0;
}

static void __exit kbench_exit(void)
{
}

module_init(kbench_init);
module_exit(kbench_exit);
MODULE_DESCRIPTION("kmem386's kernel benchmark rows, timed on Linux");
MODULE_LICENSE("GPL");
