// SPDX-License-Identifier: GPL-2.0
/*
 * check.c - the invariants, checked after every operation of a fuzz input.
 *
 * The checks read the allocators' state directly and recount it; they do
 * not call the self-checks of the code under test for what they can count
 * themselves:
 *  - buddy: every free list of every zone, recounted: each block a free
 *    head of its order (PageBuddy, private), aligned, inside its zone, its
 *    buddy not free at the same order; nr_free and free_pages agree with
 *    the lists; the per-CPU lists hold what their count says;
 *  - the harness's blocks are allocated heads of their order;
 *  - kmap: the kmap_local stack is as deep as the harness pushed;
 *  - vmalloc: the trees tile the space, gaps are merged
 *    (vmalloc_self_check()), and the busy areas are the harness's;
 *  - slab: the cache an operation used: its lists and counters, each
 *    slab's free list walked (inside the slab, on object boundaries, no
 *    object twice, as many as the slab says are free);
 *  - the context: no spinlock left held (preempt_count() is 0), interrupts
 *    on, and no report from the lock checks (spinlock recursion or a bad
 *    unlock, a mutex taken twice, a sleep in atomic context);
 *  - every 64 operations and at the end, all of it plus: every page of
 *    every zone in exactly one place (a free block, a per-CPU block, an
 *    allocated block, a slab, or reserved), the sums equal to the zone's
 *    counters; every cache; the pkmap users are the harness's kmap()s;
 *    kmem_cache_validate() of
 *    every cache (no damage left unrepaired); every tag the harness wrote.
 * Right after the boot the settled state is recorded (per-CPU lists
 * drained, lazy vmalloc areas purged, empty slabs returned); at the end,
 * with everything given back and settled the same way, it must be the
 * same: the free blocks of every order of every zone (less the page tables
 * made on the way, which are never freed, as in Linux), every cache's
 * objects, the whole vmalloc space one free gap; and kmap_self_check()
 * finds every slot's PTE as its bookkeeping says.
 */
#include <kernel.h>
#include <mutex.h>
#include <preempt.h>
#include <spinlock.h>
#include <string.h>

#include "../../mm/slab_internal.h"
#include "fuzz.h"
#include "sim.h"

#define FZ_BOOT_CACHES 64

/* The settled state right after a boot, one per machine (FZ_MACHINES). */
static struct fz_boot {
	unsigned long nr_free[MAX_NR_ZONES][MAX_ORDER];
	unsigned long free_pages[MAX_NR_ZONES];
	unsigned long pgtables[MAX_NR_ZONES];
	struct kmem_cache *caches[FZ_BOOT_CACHES];
	unsigned long active[FZ_BOOT_CACHES];
	int nr_caches;
	unsigned long slab_pages;
} boots[FZ_MACHINES];

/* --- buddy ---------------------------------------------------------------- */

/* mm's own check of the lists (page_alloc_check.c); its pr_err says where. */
static void check_free_lists(const struct zone *zone)
{
	FZ_CHECK(buddy_check_zone_lists(zone),
		 "zone %s: the buddy free lists are inconsistent (see above)",
		 zone->name);
}

static void check_pcp_lists(const struct zone *zone)
{
	const struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, 0);
	long count = 0;

	for (unsigned int order = 0; order < NR_PCP_LISTS; order++) {
		const struct page *page;
		unsigned long n = 0;

		list_for_each_entry(page, &pcp->lists[order], buddy_list) {
			FZ_CHECK(n++ < zone->spanned_pages,
				 "zone %s: pcp list %u loops", zone->name,
				 order);
			FZ_CHECK(
				PagePcp(page) && !PageBuddy(page) &&
					!PageHead(page) &&
					page->private == order &&
					page_zone(page) == zone,
				"zone %s: pfn %#lx on pcp list %u has flags %#lx private %lu",
				zone->name, page_to_pfn(page), order,
				page->flags, page->private);
			count += 1L << order;
		}
	}
	FZ_CHECK(count == pcp->count,
		 "zone %s: the per-CPU lists hold %ld pages, count %d",
		 zone->name, count, pcp->count);
	FZ_CHECK(pcp->count <= pcp->high + (1 << PAGE_ALLOC_COSTLY_ORDER),
		 "zone %s: %d pages on the per-CPU lists, high is %d",
		 zone->name, pcp->count, pcp->high);
}

/* Every page of the zone in exactly one place; the sums match the zone. */
static void check_zone_coverage(const struct zone *zone)
{
	const struct per_cpu_pages *pcp_lists =
		per_cpu_ptr(zone->per_cpu_pageset, 0);
	unsigned long pfn = zone->zone_start_pfn, end = zone_end_pfn(zone);
	unsigned long free = 0, pcp = 0, used = 0, reserved = 0;

	while (pfn < end) {
		struct page *page = pfn_to_page(pfn);
		unsigned long n = 1;

		FZ_CHECK(page_zone(page) == zone, "pfn %#lx is not in zone %s",
			 pfn, zone->name);
		if (PageReserved(page)) {
			reserved++;
		} else if (PageBuddy(page) || PagePcp(page)) {
			n = 1UL << page->private;
			*(PageBuddy(page) ? &free : &pcp) += n;
		} else if (PageSlab(page)) {
			FZ_CHECK(
				page->slab_head == page,
				"pfn %#lx: a slab page outside its slab's head",
				pfn);
			n = 1UL << page->slab_order;
			for (unsigned long i = 1; i < n; i++)
				FZ_CHECK(PageSlab(page + i) &&
						 page[i].slab_head == page,
					 "slab %#lx: page %lu is not its own",
					 pfn, i);
			used += n;
		} else {
			FZ_CHECK(
				PageHead(page) && page_count(page) > 0,
				"pfn %#lx (flags %#lx, refcount %d) is neither free, nor allocated, nor reserved: lost",
				pfn, page->flags, page_count(page));
			n = 1UL << page->private;
			used += n;
		}
		FZ_CHECK(n && !(pfn & (n - 1)) && pfn + n <= end,
			 "pfn %#lx: a block of %lu pages does not fit", pfn, n);
		for (unsigned long i = 1; i < n; i++)
			FZ_CHECK(
				!(page[i].flags &
				  ((1UL << PG_buddy) | (1UL << PG_pcp) |
				   (1UL << PG_head) | (1UL << PG_reserved))),
				"pfn %#lx inside the block at %#lx has flags %#lx",
				pfn + i, pfn, page[i].flags);
		pfn += n;
	}
	FZ_CHECK(
		free == zone->free_pages &&
			pcp == (unsigned long)pcp_lists->count,
		"zone %s: %lu free and %lu pcp pages in mem_map, counters %lu and %d",
		zone->name, free, pcp, zone->free_pages, pcp_lists->count);
	FZ_CHECK(free + pcp + used == zone->managed_pages,
		 "zone %s: %lu free + %lu pcp + %lu used pages, %lu managed",
		 zone->name, free, pcp, used, zone->managed_pages);
}

static void check_blocks(void)
{
	for (int i = 0; i < FZ_BLOCKS; i++) {
		const struct fz_block *b = &fz.blocks[i];

		if (!b->page)
			continue;
		FZ_CHECK(
			PageHead(b->page) && b->page->private == b->order &&
				page_count(b->page) == 1 &&
				!PageBuddy(b->page) && !PagePcp(b->page),
			"the harness's block pfn %#lx: flags %#lx private %lu refcount %d",
			page_to_pfn(b->page), b->page->flags, b->page->private,
			page_count(b->page));
	}
}

/* --- kmap, vmalloc -------------------------------------------------------- */

/* The users of the pkmap slots are the harness's kmap()s (1024 slots). */
static void check_pkmap_users(void)
{
	struct pkmap_state st;
	unsigned int users = 0;

	pkmap_get_state(&st);
	for (int i = 0; i < FZ_KMAPS; i++)
		if (fz.kmaps[i].page && PageHighMem(fz.kmaps[i].page))
			users += (unsigned int)fz.kmaps[i].count;
	FZ_CHECK(st.users == users &&
			 st.in_use + st.stale + st.free == LAST_PKMAP,
		 "pkmap: %u users in %u slots, the harness holds %u kmaps",
		 st.users, st.in_use, users);
}

static void check_kmaps(void)
{
	unsigned long areas = 0;

	FZ_CHECK(kmap_local_depth(0) == fz.local_depth,
		 "the kmap_local stack is %d deep, the harness pushed %d",
		 kmap_local_depth(0), fz.local_depth);
	for (int i = 0; i < FZ_AREAS; i++)
		areas += fz.areas[i].addr != NULL;
	FZ_CHECK(vmalloc_self_check(), "vmalloc's trees are inconsistent");
	FZ_CHECK(vmalloc_nr_areas() == areas,
		 "%lu vmalloc areas, the harness holds %lu", vmalloc_nr_areas(),
		 areas);
}

/* --- slab ----------------------------------------------------------------- */

struct slab_walk {
	unsigned long slabs, objects, inuse;
};

/*
 * Walk one free list of a slab (the slab's own, or a CPU's of its cpu
 * slab): inside the slab, on object boundaries, no object twice (seen is
 * shared by the slab's two lists).  Returns how many objects it holds.
 */
static unsigned int walk_freelist(struct kmem_cache *s, struct page *slab,
				  void *p, unsigned long *seen,
				  const char *which)
{
	unsigned long base = (unsigned long)slab_address(slab);
	unsigned int free = 0;

	for (; p; p = get_freepointer(s, p)) {
		unsigned long start = (unsigned long)p - s->red_left_pad;
		unsigned int i = (unsigned int)((start - base) / s->size);

		FZ_CHECK(start >= base && start < base + slab_size(slab) &&
				 !((start - base) % s->size) &&
				 i < slab->objects,
			 "%s: slab pfn %#lx: %s free pointer %p outside it",
			 s->name, page_to_pfn(slab), which, p);
		FZ_CHECK(!(seen[i / 32] & (1UL << (i % 32))),
			 "%s: slab pfn %#lx: object %p twice on the free lists",
			 s->name, page_to_pfn(slab), p);
		seen[i / 32] |= 1UL << (i % 32);
		free++;
	}
	return free;
}

/* What every slab is, wherever it is; its own free list walked. */
static void check_slab(struct kmem_cache *s, struct page *slab,
		       unsigned long *seen)
{
	unsigned int free;

	FZ_CHECK(PageSlab(slab) && slab->slab_cache == s &&
			 slab->slab_head == slab &&
			 slab->inuse <= slab->objects &&
			 slab->objects == slab_size(slab) / s->size,
		 "%s: slab pfn %#lx: flags %#lx cache %p inuse %u objects %u",
		 s->name, page_to_pfn(slab), slab->flags, slab->slab_cache,
		 slab->inuse, slab->objects);
	memset(seen, 0, SLAB_MAP_WORDS * sizeof(*seen));
	free = walk_freelist(s, slab, slab->freelist, seen, "its");
	FZ_CHECK(free == (unsigned int)(slab->objects - slab->inuse),
		 "%s: slab pfn %#lx: %u free objects listed, inuse %u of %u",
		 s->name, page_to_pfn(slab), free, slab->inuse, slab->objects);
}

/* One of the node's lists: each slab where its inuse says, counted. */
static void check_slab_list(struct kmem_cache *s, struct list_head *list,
			    unsigned long nr, const char *name,
			    struct slab_walk *w)
{
	static unsigned long seen[SLAB_MAP_WORDS];
	struct page *slab;
	unsigned long n = 0;

	list_for_each_entry(slab, list, slab_list) {
		bool empty = !slab->inuse, full = slab->inuse == slab->objects;

		FZ_CHECK(n++ <= w->slabs + nr, "%s: the %s list loops", s->name,
			 name);
		check_slab(s, slab, seen);
		FZ_CHECK(!slab->frozen,
			 "%s: frozen slab pfn %#lx on the %s list", s->name,
			 page_to_pfn(slab), name);
		FZ_CHECK(
			name[0] == 'e' ? empty :
			name[0] == 'f' ? full && !empty :
					 !full && !empty,
			"%s: slab pfn %#lx with %u of %u in use on the %s list",
			s->name, page_to_pfn(slab), slab->inuse, slab->objects,
			name);
		w->objects += slab->objects;
		w->inuse += slab->inuse;
	}
	FZ_CHECK(n == nr, "%s: %lu slabs on the %s list, its count says %lu",
		 s->name, n, name, nr);
	w->slabs += n;
}

/*
 * The one CPU's slab: frozen, on no list; the CPU's free list as long as
 * its tid says, the slab's own (other CPUs' frees) as inuse says, and no
 * object on both.  Its objects in use are inuse less the CPU's free ones.
 */
static void check_cpu_slab(struct kmem_cache *s, struct slab_walk *w)
{
	static unsigned long seen[SLAB_MAP_WORDS];
	struct kmem_cache_cpu *c = per_cpu_ptr(s->cpu_slab, 0);
	struct page *slab = c->slab;
	unsigned int free;

	FZ_CHECK(slab || !c->freelist, "%s: a cpu freelist %p without a slab",
		 s->name, c->freelist);
	FZ_CHECK(!kmem_cache_debug(s) || !slab,
		 "%s: a debug cache has a cpu slab", s->name);
	if (!slab)
		return;
	check_slab(s, slab, seen);
	FZ_CHECK(slab->frozen && list_empty(&slab->slab_list),
		 "%s: the cpu slab pfn %#lx is not frozen or is on a list",
		 s->name, page_to_pfn(slab));
	free = walk_freelist(s, slab, c->freelist, seen, "the cpu's");
	FZ_CHECK(
		free == tid_nr_free(c->tid) && free <= slab->inuse,
		"%s: %u objects on the cpu freelist, its tid says %u, inuse %u",
		s->name, free, tid_nr_free(c->tid), slab->inuse);
	w->slabs++;
	w->objects += slab->objects;
	w->inuse += slab->inuse - free;
}

static void check_cache(struct kmem_cache *s)
{
	struct kmem_cache_node *n = get_node(s, 0);
	struct slab_walk w = { 0 };

	check_slab_list(s, &n->partial, n->nr_partial, "partial", &w);
	check_slab_list(s, &n->full, n->nr_full, "full", &w);
	check_slab_list(s, &n->empty, n->nr_empty, "empty", &w);
	check_cpu_slab(s, &w);
	FZ_CHECK(
		w.slabs == (unsigned long)atomic_long_read(&n->nr_slabs) &&
			w.objects == (unsigned long)atomic_long_read(
					     &n->total_objects),
		"%s: %lu slabs of %lu objects counted, the cache says %ld of %ld",
		s->name, w.slabs, w.objects, atomic_long_read(&n->nr_slabs),
		atomic_long_read(&n->total_objects));
	FZ_CHECK(
		w.inuse == kmem_cache_active_objects(s),
		"%s: %lu objects in use counted, kmem_cache_active_objects() %lu",
		s->name, w.inuse, kmem_cache_active_objects(s));
	for (int c = 0; c < FZ_CACHES; c++)
		if (fz.caches[c].s == s)
			FZ_CHECK(w.inuse == (unsigned long)fz.caches[c].live,
				 "%s: %lu objects in use, the harness holds %d",
				 s->name, w.inuse, fz.caches[c].live);
}

static void check_all_caches(void)
{
	struct kmem_cache *s;

	list_for_each_entry(s, &slab_caches, list) {
		check_cache(s);
		FZ_CHECK(!kmem_cache_validate(s),
			 "%s: kmem_cache_validate found damage", s->name);
	}
}

static void check_tags(void)
{
	for (int i = 0; i < FZ_BLOCKS; i++)
		if (fz.blocks[i].page)
			fz_expect_block_tags(&fz.blocks[i]);
	for (int i = 0; i < FZ_OBJS; i++)
		if (fz.objs[i].ptr)
			fz_expect_tag_range(fz.objs[i].ptr, fz.objs[i].size,
					    fz.objs[i].tag, "object");
	for (int i = 0; i < FZ_AREAS; i++)
		if (fz.areas[i].addr && !fz.areas[i].is_vmap)
			fz_expect_tag_range(fz.areas[i].addr,
					    fz.areas[i].pages * PAGE_SIZE,
					    fz.areas[i].tag, "vmalloc area");
}

/* Every operation ends where it began: no lock held, interrupts on. */
static void check_context(void)
{
	FZ_CHECK(preempt_count() == 0 && !irqs_disabled(),
		 "after the operation: preempt_count %#x, interrupts %s",
		 preempt_count(), irqs_disabled() ? "off" : "on");
	FZ_CHECK(
		!nr_spinlock_bugs && !nr_mutex_bugs && !nr_might_sleep_bugs,
		"lock checks reported %lu spinlock, %lu mutex and %lu might_sleep bugs",
		nr_spinlock_bugs, nr_mutex_bugs, nr_might_sleep_bugs);
}

void fz_check_step(bool full)
{
	struct zone *zone;

	check_context();
	for_each_populated_zone(zone) {
		check_free_lists(zone);
		check_pcp_lists(zone);
		if (full)
			check_zone_coverage(zone);
	}
	check_blocks();
	check_kmaps();
	if (fz.touched_cache >= 0 && fz.caches[fz.touched_cache].s)
		check_cache(fz.caches[fz.touched_cache].s);
	if (!full)
		return;
	check_all_caches();
	check_pkmap_users();
	check_tags();
}

/* --- the start and the end ------------------------------------------------ */

static unsigned long slab_pages(void)
{
	return (unsigned long)(atomic_long_read(&nr_slab_unreclaimable) +
			       atomic_long_read(&nr_slab_reclaimable));
}

/* What any caller does before counting what is really free. */
static void settle(void)
{
	struct kmem_cache *s;

	vmalloc_purge();
	list_for_each_entry(s, &slab_caches, list)
		kmem_cache_shrink(s);
	drain_all_pages();
}

void fz_check_boot(int machine)
{
	struct fz_boot *boot = &boots[machine];
	struct kmem_cache *s;

	settle();
	fz_check_step(false);
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int o = 0; o < MAX_ORDER; o++)
			boot->nr_free[z][o] = zones[z].free_area[o].nr_free;
		boot->free_pages[z] = zones[z].free_pages;
		boot->pgtables[z] = (unsigned long)atomic_long_read(
			&zones[z].nr_page_table_pages);
	}
	boot->nr_caches = 0;
	list_for_each_entry(s, &slab_caches, list) {
		FZ_CHECK(boot->nr_caches < FZ_BOOT_CACHES, "too many caches");
		boot->caches[boot->nr_caches] = s;
		boot->active[boot->nr_caches++] = kmem_cache_active_objects(s);
	}
	boot->slab_pages = slab_pages();
}

void fz_check_end(int machine)
{
	const struct fz_boot *boot = &boots[machine];
	struct kmem_cache *s;
	int n = 0;
	bool same_pgtables = true;

	settle();
	fz_check_step(true);
	/* The kernel's own check of every pkmap and kmap_local slot's PTE. */
	FZ_CHECK(kmap_self_check(), "kmap_self_check failed");
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		unsigned long tables = (unsigned long)atomic_long_read(
					       &zones[z].nr_page_table_pages) -
				       boot->pgtables[z];

		same_pgtables &= !tables;
		FZ_CHECK(
			zones[z].free_pages + tables == boot->free_pages[z],
			"zone %s: %lu pages free at the end (%lu page tables made), %lu after the boot",
			zones[z].name, zones[z].free_pages, tables,
			boot->free_pages[z]);
	}
	for (int z = 0; same_pgtables && z < MAX_NR_ZONES; z++)
		for (int o = 0; o < MAX_ORDER; o++)
			FZ_CHECK(
				zones[z].free_area[o].nr_free ==
					boot->nr_free[z][o],
				"zone %s order %d: %lu free blocks at the end, %lu after the boot",
				zones[z].name, o, zones[z].free_area[o].nr_free,
				boot->nr_free[z][o]);
	list_for_each_entry(s, &slab_caches, list) {
		FZ_CHECK(n < boot->nr_caches && boot->caches[n] == s,
			 "cache %s was not there after the boot", s->name);
		FZ_CHECK(
			kmem_cache_active_objects(s) == boot->active[n],
			"%s: %lu objects in use at the end, %lu after the boot",
			s->name, kmem_cache_active_objects(s), boot->active[n]);
		n++;
	}
	FZ_CHECK(n == boot->nr_caches,
		 "%d caches at the end, %d after the boot", n, boot->nr_caches);
	FZ_CHECK(slab_pages() == boot->slab_pages,
		 "slab pages %lu at the end, %lu after the boot", slab_pages(),
		 boot->slab_pages);
	FZ_CHECK(
		!vmalloc_nr_areas() && !vmalloc_nr_pages() &&
			vmalloc_largest_free() == VMALLOC_END - VMALLOC_START,
		"vmalloc: %lu areas, %lu pages, largest gap %#lx of %#lx at the end",
		vmalloc_nr_areas(), vmalloc_nr_pages(), vmalloc_largest_free(),
		VMALLOC_END - VMALLOC_START);
}
