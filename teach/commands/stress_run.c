// SPDX-License-Identifier: GPL-2.0
/*
 * stress_run.c - a stress run from the outside: count, run on one CPU or
 * on all, count again, compare (the operations are stress.c's).
 *
 * Before the first operation and after the last, the memory manager is
 * settled the way any caller would settle it to count (the lazy vmalloc
 * purge, every cache shrunk, the per-CPU lists drained, stale pkmap slots
 * flushed), then counted: free blocks per zone and order, slab pages and
 * objects, vmalloc areas and the largest gap, page tables, kmaps.  The two
 * counts must be equal; the command prints them side by side.  Page tables
 * are never freed (as in Linux), so the run first makes the ones its
 * vmalloc window will need: a vmap of one page, 8 MB long per CPU, and its
 * unmap (stress.c purges the lazily freed areas itself every 32 vfrees,
 * so that it never wanders out of that window).
 *
 * `stress -a` (stress_run_all()) runs the same on every CPU at once, each
 * CPU its own tables (a per-CPU variable) and its own generator (SEED and
 * its number), through schedule_on_each_cpu(): every allocator is then
 * entered by several CPUs at the same moment, exhaustion included (one
 * CPU runs a zone dry while the others allocate and free), which is what
 * the locks are for.  The counts are taken before the CPUs start and
 * after they have all finished.  Alone, a zone run dry has nothing left;
 * with other CPUs at work a page may come back meanwhile, so that check
 * is made by a lone run only.  A Ctrl-C reaches the foreground CPU, which
 * tells the others (stress_stop).
 */
#include <console.h>
#include <cpumask.h>
#include <errno.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <shell.h>
#include <slab.h>
#include <smp.h>
#include <string.h>
#include <time.h>
#include <vmalloc.h>
#include <workqueue.h>

#include "stress_internal.h"

/* --- counting -------------------------------------------------------------- */

/* What any caller does before counting: flush what is lazily kept. */
static void settle(void)
{
	struct kmem_cache *s;

	vmalloc_purge();
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	mutex_unlock(&slab_mutex);
	drain_all_pages();
	kmap_flush_unused();
}

static void count(struct stress_counts *c)
{
	struct kmem_cache *s;
	struct pkmap_state pk;

	settle();
	memset(c, 0, sizeof(*c));
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		c->free_pages[z] = zones[z].free_pages;
		for (int o = 0; o < MAX_ORDER; o++)
			c->nr_free[z][o] = zones[z].free_area[o].nr_free;
	}
	c->slab_pages =
		(unsigned long)(atomic_long_read(&nr_slab_reclaimable) +
				atomic_long_read(&nr_slab_unreclaimable));
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		c->slab_objects += kmem_cache_active_objects(s);
		c->nr_caches++;
	}
	mutex_unlock(&slab_mutex);
	c->vm_areas = vmalloc_nr_areas();
	c->vm_largest = vmalloc_largest_free();
	c->vm_pages = vmalloc_nr_pages();
	c->pgtables = (unsigned long)atomic_long_read(&nr_kernel_pgtables);
	pkmap_get_state(&pk);
	c->pkmap_users = pk.users;
	c->kmap_local_depth = kmap_local_depth(smp_processor_id());
}

/*
 * Page tables are never freed: make the ones the run's vmalloc window
 * needs before counting (8 MB of one page per CPU at work, mapped and
 * unmapped).
 */
static void prepare_window(unsigned int cpus)
{
	unsigned int n = min_t(unsigned long, STRESS_WINDOW_PAGES *cpus,
			       vmalloc_largest_free() / 2 >> PAGE_SHIFT);
	struct page **pages =
		kmalloc_array(n, sizeof(*pages), GFP_KERNEL | __GFP_NOWARN);
	struct page *page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
	void *addr = NULL;

	if (pages && page) {
		for (unsigned int i = 0; i < n; i++)
			pages[i] = page;
		addr = vmap(pages, n, 0, PAGE_KERNEL);
	}
	if (addr)
		vunmap(addr);
	if (page)
		__free_page(page);
	kfree(pages);
}

static bool counts_equal(const struct stress_counts *a,
			 const struct stress_counts *b)
{
	return !memcmp(a, b, sizeof(*a));
}

/* --- the run --------------------------------------------------------------- */

/* Has the foreground CPU seen a Ctrl-C (or has any CPU, for its run)? */
static bool stress_stop;

bool stress_stopped(void)
{
	if (signal_pending())
		WRITE_ONCE(stress_stop, true);
	return READ_ONCE(stress_stop);
}

static int stress_verdict(const struct stress_result *r)
{
	if (r->interrupted)
		return -EINTR;
	return r->same && !r->errors ? 0 : -EIO;
}

int stress_run(u32 seed, unsigned long ops, bool verbose,
	       struct stress_result *r)
{
	memset(r, 0, sizeof(*r));
	WRITE_ONCE(stress_stop, false);
	prepare_window(1);
	count(&r->before);
	stress_cpu_run(seed, ops, 0, false, r);
	count(&r->after);
	r->same = counts_equal(&r->before, &r->after);
	r->cpus = 1;
	if (verbose || !r->same)
		stress_print(r, seed);
	return stress_verdict(r);
}

/* What every CPU's share of stress_run_all() is asked to do. */
static struct stress_plan {
	u32 seed;
	unsigned long ops;
	u64 until; /* jiffies, or 0 */
	struct stress_result result[NR_CPUS]; /* each CPU's own */
} plan;

static void stress_work(struct work_struct *work)
{
	struct stress_result *r = &plan.result[smp_processor_id()];

	stress_cpu_run(plan.seed, plan.ops, plan.until, num_online_cpus() > 1,
		       r);
}

int stress_run_all(u32 seed, unsigned long ops, unsigned long seconds,
		   bool verbose, struct stress_result *r)
{
	u64 start = jiffies;
	unsigned int cpu;

	memset(r, 0, sizeof(*r));
	WRITE_ONCE(stress_stop, false);
	prepare_window(num_online_cpus());
	count(&r->before);
	plan.seed = seed;
	plan.ops = ops;
	plan.until = seconds ? start + (u64)seconds * HZ : 0;
	memset(plan.result, 0, sizeof(plan.result));
	schedule_on_each_cpu(stress_work); /* every CPU at once, waited for */
	for_each_online_cpu(cpu) {
		const struct stress_result *c = &plan.result[cpu];

		r->ops += c->ops;
		r->refused += c->refused;
		r->exhaustions += c->exhaustions;
		r->errors += c->errors;
		r->interrupted |= c->interrupted;
		r->cpus++;
	}
	r->ms = (unsigned long)((jiffies - start) * 1000 / HZ);
	count(&r->after);
	r->same = counts_equal(&r->before, &r->after);
	if (verbose || !r->same)
		stress_print(r, seed);
	return stress_verdict(r);
}
