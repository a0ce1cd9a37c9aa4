// SPDX-License-Identifier: GPL-2.0
/*
 * memstate.c - counting what the memory manager holds, to prove that a demo
 * or `reset` gave back what was taken.
 *
 * The counts are the ones the tests' leak checks use (tests/kernel/
 * leak_check.c), taken through mm's public interface: free pages per zone,
 * objects in use per slab cache, vmalloc areas, users of each pkmap slot,
 * the kmap_local depth (every CPU's), and the pkmap cursor, which decides
 * the slot (and so the address) the next kmap() gets.  They mean something only once the
 * caches in front of the free lists are settled: a page on a per-CPU list,
 * an empty slab kept as a reserve, a vfree'd area waiting for its TLB
 * flush and a stale pkmap slot are all free memory that the plain counts
 * would miss.  Settling gives each back the way any kernel code would.
 *
 * The state at boot is counted once, when the shell (or the boot demos)
 * start: settled there too, so that a fresh boot and a `reset` leave the
 * allocators in the same state, and a lesson shows the same pfns and
 * addresses after either.  Kernel page tables are the one thing neither
 * gives back (Linux keeps them too): they are not a difference, and the
 * one every class makes, for the first vmalloc, is made before counting.
 */
#include <blkdev.h>
#include <cpumask.h>
#include <highmem.h>
#include <kernel.h>
#include <memstate.h>
#include <mm.h>
#include <mutex.h>
#include <printk.h>
#include <sched.h>
#include <slab.h>
#include <swap.h>
#include <timer.h>
#include <vmalloc.h>
#include <vmstat.h>

#define MEMSTATE_LINES 6 /* lines per kind of difference before "more" */

static struct memstate boot_state;
static bool boot_state_taken;

/*
 * The page cache is memory the kernel keeps on purpose: like Linux's
 * `sync; echo 1 > /proc/sys/vm/drop_caches`, its dirty pages are written
 * and its clean ones dropped, once kswapd and the disk are quiet.
 */
static void memstate_settle_pagecache(struct memstate_settled *d)
{
	unsigned long before = nr_blockdev_pages();

	for (int i = 0; i < 100 && !kswapd_idle(); i++)
		msleep(10);
	d->dirty_written = node_page_state(NR_FILE_DIRTY);
	if (d->dirty_written)
		sync_bdevs();
	drop_caches(1);
	d->cache_dropped = before - min(before, nr_blockdev_pages());
}

void memstate_settle(struct memstate_settled *done)
{
	struct memstate_settled d = { 0 };
	struct pkmap_state pk;
	struct kmem_cache *s;

	wait_for_dying_tasks(); /* a stack freed at a last switch elsewhere */
	memstate_settle_pagecache(&d);
	d.lazy_areas = vmalloc_nr_lazy_areas();
	vmalloc_purge();
	pkmap_get_state(&pk);
	d.stale_slots = pk.stale;
	kmap_flush_unused();
	/* Slabs before pages: the slabs given back land on the lists. */
	mutex_lock(&slab_mutex);
	list_for_each_entry(s, &slab_caches, list) {
		atomic_long_t *nr_slabs = &get_node(s, 0)->nr_slabs;
		long slabs = atomic_long_read(nr_slabs);

		kmem_cache_shrink(s);
		d.slabs += (unsigned long)(slabs - atomic_long_read(nr_slabs));
	}
	mutex_unlock(&slab_mutex);
	d.pcp_pages = drain_all_pages();
	if (done)
		*done = d;
}

void memstate_take(struct memstate *s)
{
	struct kmem_cache *cache;
	struct pkmap_state pk;
	unsigned int cpu;

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		s->free[z] = zones[z].free_pages;
		s->pgtables[z] = (unsigned long)atomic_long_read(
			&zones[z].nr_page_table_pages);
	}
	s->nr_caches = 0;
	s->caches_overflowed = false;
	mutex_lock(&slab_mutex);
	list_for_each_entry(cache, &slab_caches, list) {
		if (s->nr_caches == MEMSTATE_MAX_CACHES) {
			s->caches_overflowed = true;
			break;
		}
		s->caches[s->nr_caches++] = (struct memstate_cache){
			cache, cache->name, kmem_cache_active_objects(cache)
		};
	}
	mutex_unlock(&slab_mutex);
	s->vm_areas = vmalloc_nr_areas();
	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++)
		s->pkmap_users[nr] =
			(unsigned short)max(pkmap_slot_count(nr) - 1, 0);
	pkmap_get_state(&pk);
	s->pkmap_cursor = pk.cursor;
	s->kmap_local_depth = 0; /* every CPU's: none may outlive a command */
	for_each_online_cpu(cpu)
		s->kmap_local_depth += kmap_local_depth(cpu);
}

/* The entry for cache c in s, or NULL (created since, or not counted). */
static const struct memstate_cache *
memstate_find(const struct memstate *s, const struct memstate_cache *c)
{
	for (unsigned int i = 0; i < s->nr_caches; i++)
		if (s->caches[i].cache == c->cache &&
		    s->caches[i].name == c->name)
			return &s->caches[i];
	return NULL;
}

/* One line of a difference, or only a count once `shown` reached the cap. */
static bool memstate_line(unsigned int *shown)
{
	return ++*shown <= MEMSTATE_LINES;
}

static void memstate_more(unsigned int shown, const char *what)
{
	if (shown > MEMSTATE_LINES)
		kprintf("  ... and %u more %s\n", shown - MEMSTATE_LINES, what);
}

static unsigned int memstate_compare_zones(const struct memstate *was,
					   const struct memstate *now,
					   const char *when)
{
	unsigned int diffs = 0;

	for (int z = 0; z < MAX_NR_ZONES; z++) {
		long made = (long)(now->pgtables[z] - was->pgtables[z]);
		long lost = (long)was->free[z] - (long)now->free[z] - made;

		if (!lost)
			continue;
		diffs++;
		kprintf("  zone %s: %ld %s free pages than %s\n", zones[z].name,
			lost > 0 ? lost : -lost, lost > 0 ? "fewer" : "more",
			when);
	}
	return diffs;
}

static unsigned int memstate_compare_caches(const struct memstate *was,
					    const struct memstate *now,
					    const char *when)
{
	unsigned int shown = 0;

	for (unsigned int i = 0; i < now->nr_caches; i++) {
		const struct memstate_cache *c = &now->caches[i];
		const struct memstate_cache *old = memstate_find(was, c);
		long n = (long)c->active - (long)(old ? old->active : 0);

		if (!old && !was->caches_overflowed) {
			if (memstate_line(&shown))
				kprintf("  cache %s: created since, %lu objects in use\n",
					c->name, c->active);
		} else if (n && memstate_line(&shown)) {
			kprintf("  cache %s: %ld %s objects in use than %s\n",
				c->name, n > 0 ? n : -n,
				n > 0 ? "more" : "fewer", when);
		}
	}
	for (unsigned int i = 0; i < was->nr_caches; i++)
		if (!memstate_find(now, &was->caches[i]) &&
		    !now->caches_overflowed && memstate_line(&shown))
			kprintf("  cache %s: destroyed since\n",
				was->caches[i].name);
	memstate_more(shown, "caches");
	return shown;
}

static unsigned int memstate_compare_kmaps(const struct memstate *was,
					   const struct memstate *now,
					   const char *when)
{
	unsigned int shown = 0, diffs = 0;

	for (unsigned int nr = 0; nr < LAST_PKMAP; nr++) {
		int n = now->pkmap_users[nr], old = was->pkmap_users[nr];
		struct page *page = pkmap_slot_last_page(nr);

		if (n != old && memstate_line(&shown))
			kprintf("  pkmap slot %u: %d user%s, %d %s (pfn %#lx)\n",
				nr, n, n == 1 ? "" : "s", old, when,
				page ? page_to_pfn(page) : 0);
	}
	memstate_more(shown, "pkmap slots");
	diffs += shown;
	if (now->pkmap_cursor != was->pkmap_cursor) {
		diffs++;
		kprintf("  pkmap cursor: at slot %u, at %u %s\n",
			now->pkmap_cursor, was->pkmap_cursor, when);
	}
	if (now->kmap_local_depth != was->kmap_local_depth) {
		diffs++;
		kprintf("  kmap_local: %d slots in use, %d %s\n",
			now->kmap_local_depth, was->kmap_local_depth, when);
	}
	return diffs;
}

unsigned int memstate_compare(const struct memstate *was,
			      const struct memstate *now, const char *when)
{
	unsigned int diffs = memstate_compare_zones(was, now, when);

	diffs += memstate_compare_caches(was, now, when);
	if (now->vm_areas != was->vm_areas) {
		diffs++;
		kprintf("  vmalloc: %lu areas, %lu %s\n", now->vm_areas,
			was->vm_areas, when);
	}
	return diffs + memstate_compare_kmaps(was, now, when);
}

/*
 * The first vmalloc makes the page table of the vmalloc area's first 4 MB,
 * a page that Linux never frees, taken from the middle of Normal's free
 * lists.  Made before the state is counted, it is part of the state after
 * boot, so a lesson after `reset` shows the same pfns whether or not a
 * vmalloc ran before it.
 */
static void memstate_first_page_table(void)
{
	vfree(vmalloc(PAGE_SIZE));
}

void memstate_boot(void)
{
	if (boot_state_taken)
		return;
	memstate_first_page_table();
	memstate_settle(NULL);
	memstate_take(&boot_state);
	boot_state_taken = true;
}

const struct memstate *memstate_at_boot(void)
{
	return boot_state_taken ? &boot_state : NULL;
}
