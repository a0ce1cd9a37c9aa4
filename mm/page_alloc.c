// SPDX-License-Identifier: GPL-2.0
/*
 * page_alloc.c - the buddy allocator: blocks of 2^order pages per zone.
 *
 * Each zone keeps free_area[order], a list of free blocks of 2^order pages
 * (order 0..10, 4 KB..4 MB).  Invariants:
 *  - a free block of order k starts at a pfn that is a multiple of 2^k, and
 *    only its first page is marked PageBuddy, with private = k;
 *  - the "buddy" of that block is the block at pfn ^ 2^k: the other half of
 *    the order k+1 block they would form;
 *  - two free buddies of the same order are never both on the lists: freeing
 *    merges them (coalescing), again and again up the orders.
 * Allocation takes the smallest free block that is big enough and splits it:
 * the unused upper halves go back on the lists one order down each time.
 *
 * The whole path, in the order a request takes it, is in this file:
 *
 *   alloc_pages()                 gfp_zone(): the highest zone allowed;
 *     get_page_from_freelist()    walk the zonelist down from it, skip a
 *                                 zone below its low watermark;
 *       rmqueue()                 in a zone that may serve:
 *         rmqueue_pcplist()       the newest block on the per-CPU list,
 *         __rmqueue_smallest()    else the smallest free block that fits,
 *           expand()              split down to the order asked for;
 *       prep_new_page()           one owner, the order recorded, zeroed;
 *     __alloc_pages_slowpath()    nothing above the low watermark: the min
 *                                 watermark (lower still for GFP_ATOMIC),
 *                                 then drain the per-CPU lists and retry,
 *                                 GFP_NOFAIL, the failure report.
 *
 *   __free_pages()                misuse checks, drop the reference;
 *     free_unref_page()           order 0..3: onto the per-CPU list; past
 *       free_pcppages_bulk()      `high`, the oldest blocks go on to
 *         __free_one_page()       the free lists, merging with buddies;
 *     __free_pages_ok()           larger blocks go there directly.
 *
 * The per-CPU lists (mmzone.h) make the common pair, free a page and
 * allocate one, a push and a pop on this CPU's list, with interrupts off
 * and no lock at all: no other CPU touches this CPU's list, and the zone's
 * lock, which every CPU wants, is left alone.  A page on them is marked
 * PG_pcp (a second free of it is a double free) and keeps its order in
 * private; it is not free for the zone: free_pages, free_area and the
 * watermarks do not count it, exactly as in Linux.  Linux refills an empty
 * list with `batch` blocks to take the zone lock less often; here an empty
 * list sends the request to __rmqueue_smallest() for one block, under the
 * zone lock, so that free_pages moves exactly as the requests do.
 *
 * Locks (mmzone.h): zone->lock, with interrupts off (an interrupt handler
 * may allocate with GFP_ATOMIC), as are the per-CPU lists; the watermark check
 * reads free_pages without a lock, as Linux does: a request that races
 * another may pass by a page or two, which is what the reserve below the
 * min watermark absorbs.  A GFP_KERNEL request might sleep
 * (might_sleep(): reported from atomic context).  Counters are per CPU
 * (pgalloc, pgfree: vmstat.h) or atomic (allocation failures).
 *
 * A zone serves a request only if, afterwards, it keeps more than its
 * watermark free (plus lowmem_reserve against requests that could have
 * gone higher).  The first pass uses the low watermark; the slow path the
 * min watermark, which GFP_ATOMIC may undercut by Linux's fractions (min/2,
 * then min/4 of that); GFP_NOFAIL finally ignores watermarks.  There is no
 * reclaim or compaction: what cannot be served fails, with a report unless
 * __GFP_NOWARN.  That report, warn_alloc(), and the misuse reports, in
 * Linux's words and survived, are in page_alloc_debug.c; the page counts
 * (nr_free_pages(), totalram_pages()) in vmstat.c.
 *
 * Simpler than Linux: one migratetype, no compound pages, one node, no
 * batch refill of the per-CPU lists.
 */
#include <asm/memlayout.h>
#include <bug.h>
#include <dma-debug.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <oom.h>
#include <panic.h>
#include <printk.h>
#include <sched.h>
#include <signal.h>
#include <swap.h>
#include <time.h>
#include <vmstat.h>

#include "internal.h"

struct zone zones[MAX_NR_ZONES];
unsigned long nr_alloc_waits; /* sleeps of GFP_KERNEL requests for a page */
struct zonelist zonelist;
struct page *mem_map;

/* Which watermark a pass checks (the low bits), and what it may undercut. */
#define ALLOC_WMARK_MIN WMARK_MIN
#define ALLOC_WMARK_LOW WMARK_LOW
#define ALLOC_WMARK_HIGH WMARK_HIGH
#define ALLOC_NO_WATERMARKS 0x04 /* GFP_NOFAIL's last try: none at all */
#define ALLOC_WMARK_MASK (ALLOC_NO_WATERMARKS - 1)
#define ALLOC_HARDER 0x10 /* GFP_ATOMIC: cannot wait, try harder */
#define ALLOC_HIGH 0x20 /* GFP_ATOMIC: a high-priority request */

/*
 * A page cache or LRU page's last put: off its LRU list first; one that
 * is still locked or under writeback has a user who forgot it (reported,
 * not freed).  The page cache's other flags say nothing about the next
 * use: cleared as the page goes back (one AND with a constant).
 */
#define PAGE_FLAGS_LRU_OR_BUSY \
	((1UL << PG_lru) | (1UL << PG_locked) | (1UL << PG_writeback))
#define PAGE_FLAGS_CLEAR_AT_FREE                                             \
	((1UL << PG_referenced) | (1UL << PG_uptodate) | (1UL << PG_dirty) | \
	 (1UL << PG_active) | (1UL << PG_reclaim) | (1UL << PG_anon))

/* What a request decided before its first try, as Linux's. */
struct alloc_context {
	struct zoneref *preferred_zoneref; /* the first zone it may use */
	enum zone_type highest_zoneidx; /* gfp_zone(): the highest allowed */
	unsigned long caller; /* who asked: the block's owner */
};

/* --- free lists ---------------------------------------------------------- */

static void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	SetPageBuddy(page);
}

static void add_to_free_list(struct page *page, struct zone *zone,
			     unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	set_buddy_order(page, order);
	list_add(&page->buddy_list, &area->free_list);
	area->nr_free++;
	zone->free_pages += 1UL << order;
}

static void del_page_from_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	list_del(&page->buddy_list);
	ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
	zone->free_pages -= 1UL << order;
}

/* Is `buddy` the free head of an order `order` block in the same zone? */
static bool page_is_buddy(const struct page *buddy, unsigned long buddy_pfn,
			  const struct zone *zone, unsigned int order)
{
	return pfn_valid(buddy_pfn) && zone_spans_pfn(zone, buddy_pfn) &&
	       PageBuddy(buddy) && buddy->private == order &&
	       page_zone(buddy) == zone;
}

/* Put a block on the free lists, merging with free buddies upwards. */
void __free_one_page(struct page *page, unsigned long pfn, struct zone *zone,
		     unsigned int order)
{
	while (order < MAX_ORDER - 1) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		/* A signed step: the buddy below would wrap an unsigned one. */
		struct page *buddy = page + ((long)buddy_pfn - (long)pfn);

		if (!page_is_buddy(buddy, buddy_pfn, zone, order))
			break;
		del_page_from_free_list(buddy, zone, order);
		/* The merged block starts at the lower of the two. */
		pfn &= buddy_pfn;
		page = pfn_to_page(pfn);
		order++;
	}
	add_to_free_list(page, zone, order);
}

/* Split a free block of `high` order down to `low`, freeing upper halves. */
static void expand(struct zone *zone, struct page *page, unsigned int low,
		   unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(page + (1UL << high), zone, high);
	}
}

/* Take a block of exactly `order` pages from the free lists, or NULL. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	for (unsigned int o = order; o < MAX_ORDER; o++) {
		struct free_area *area = &zone->free_area[o];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page,
					buddy_list);
		del_page_from_free_list(page, zone, o);
		expand(zone, page, order, o);
		return page;
	}
	return NULL;
}

/* --- the per-CPU lists --------------------------------------------------- */

/* Orders the per-CPU lists cache: the small ones (Linux 5.14 and later). */
static inline bool pcp_allowed_order(unsigned int order)
{
	return order <= PAGE_ALLOC_COSTLY_ORDER;
}

/*
 * This CPU's list of a zone, for this CPU alone: interrupts off, so that
 * an interrupt handler's allocation on this CPU cannot find it half
 * changed, and no other CPU ever touches it (a drain asks each CPU to
 * empty its own lists, with an IPI).  Linux 5.14 to 5.19 did the same
 * (local_lock_irqsave(&pagesets.lock)); 6.0 added a spinlock per list, so
 * that a drain takes it instead of sending IPIs.
 */
#define pcp_lock_irqsave(ptr, flags)   \
	({                             \
		local_irq_save(flags); \
		this_cpu_ptr(ptr);     \
	})
#define pcp_unlock_irqrestore(pcp, flags) local_irq_restore(flags)

/* The newest block on this CPU's list of `order`, or NULL if it is empty. */
static struct page *rmqueue_pcplist(struct zone *zone, unsigned int order)
{
	struct per_cpu_pages *pcp;
	struct list_head *list;
	struct page *page = NULL;
	unsigned long flags;

	pcp = pcp_lock_irqsave(zone->per_cpu_pageset, flags);
	list = &pcp->lists[order];
	if (likely(!list_empty(list))) {
		page = list_first_entry(list, struct page, buddy_list);
		list_del(&page->buddy_list);
		pcp->count -= 1 << order;
	}
	pcp_unlock_irqrestore(pcp, flags);
	return page;
}

/*
 * Give at least `count` pages of this CPU's lists back to the buddy
 * allocator (or all there are), the oldest blocks first, from the list of
 * `order` and then the others in turn.  Interrupts are off; the zone's
 * lock is taken here, once for the whole batch.
 */
void free_pcppages_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp,
			unsigned int order)
{
	spin_lock(&zone->lock);
	while (count > 0 && pcp->count) {
		struct list_head *list = &pcp->lists[order];
		struct page *page;

		if (list_empty(list)) {
			order = (order + 1) % NR_PCP_LISTS;
			continue;
		}
		page = list_last_entry(list, struct page, buddy_list);
		list_del(&page->buddy_list);
		ClearPagePcp(page);
		pcp->count -= 1 << order;
		count -= 1 << order;
		__free_one_page(page, page_to_pfn(page), zone, order);
	}
	spin_unlock(&zone->lock);
}

/* A freed small block waits on this CPU's list for the next request. */
static void free_unref_page(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	struct per_cpu_pages *pcp;
	unsigned long flags;

	count_vm_events(PGFREE, 1L << order);
	page->flags =
		(page->flags & ~((1UL << PG_head) | PAGE_FLAGS_CLEAR_AT_FREE)) |
		(1UL << PG_pcp);
	pcp = pcp_lock_irqsave(zone->per_cpu_pageset, flags);
	list_add(&page->buddy_list, &pcp->lists[order]);
	pcp->count += 1 << order;
	if (unlikely(pcp->count > pcp->high))
		free_pcppages_bulk(zone, pcp->batch, pcp, order);
	pcp_unlock_irqrestore(pcp, flags);
}

/* --- watermarks and zone choice ----------------------------------------- */

/**
 * gfp_zone - the highest zone a request may be served from
 * @gfp: its GFP flags
 *
 * GFP_DMA: DMA; GFP_HIGHMEM: HighMem; anything else (GFP_DMA32 included,
 * all of lowmem being below 4 GB on i386): Normal.  GFP_DMA with another
 * zone modifier is a WARN and gets DMA.
 */
enum zone_type gfp_zone(gfp_t gfp)
{
	if (unlikely(gfp & GFP_DMA)) {
		WARN_ONCE(
			gfp & (GFP_HIGHMEM | GFP_DMA32),
			"gfp_zone: GFP_DMA with GFP_HIGHMEM/GFP_DMA32 (%#x) makes no sense; serving from ZONE_DMA\n",
			gfp);
		return ZONE_DMA;
	}
	if (gfp & GFP_HIGHMEM)
		return ZONE_HIGHMEM;
	return ZONE_NORMAL;
}

/*
 * Would z keep more than `mark` pages free (plus its reserve against
 * requests that could have used a zone up to highest_zoneidx) after this
 * request?  For order > 0 it also needs a free block that is big enough.
 */
static inline bool __zone_watermark_ok(const struct zone *z, unsigned int order,
				       unsigned long mark,
				       enum zone_type highest_zoneidx,
				       unsigned int alloc_flags)
{
	long min = (long)mark;
	long free_pages = (long)z->free_pages - ((1L << order) - 1);

	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	if (free_pages <= min + (long)z->lowmem_reserve[highest_zoneidx])
		return false;
	if (!order)
		return true; /* any free page will do */
	for (unsigned int o = order; o < MAX_ORDER; o++)
		if (z->free_area[o].nr_free)
			return true;
	return false;
}

/* The slow path's flags: the min watermark, lower for GFP_ATOMIC. */
static inline unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	if (gfp & GFP_ATOMIC)
		alloc_flags |= ALLOC_HIGH | ALLOC_HARDER;
	return alloc_flags;
}

bool zone_watermark_ok(const struct zone *z, unsigned int order,
		       unsigned long mark, enum zone_type highest_zoneidx,
		       gfp_t gfp)
{
	return __zone_watermark_ok(z, order, mark, highest_zoneidx,
				   gfp_to_alloc_flags(gfp));
}

/* --- allocation ---------------------------------------------------------- */

/* A block from the zone's free lists, under its lock. */
static struct page *rmqueue_buddy(struct zone *zone, unsigned int order)
{
	struct page *page;
	unsigned long flags;

	spin_lock_irqsave(&zone->lock, flags);
	page = __rmqueue_smallest(zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
	return page;
}

/* A block from this zone: this CPU's list for small orders, else a buddy. */
static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct page *page = NULL;

	if (likely(pcp_allowed_order(order)))
		page = rmqueue_pcplist(zone, order);
	if (!page)
		page = rmqueue_buddy(zone, order);
	if (likely(page))
		__count_zid_vm_events(PGALLOC, zone->type, 1L << order);
	return page;
}

static noinline void kernel_init_pages(struct page *page, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		clear_highpage(page + i);
}

/* The block leaves the allocator: one owner, order recorded for the free. */
static void prep_new_page(struct page *page, unsigned int order, gfp_t gfp,
			  unsigned long caller)
{
	page->_refcount = 1;
	page->_mapcount = -1; /* mapped by no process yet (mm/rmap.c) */
	page->mapping = NULL; /* in no page cache: mm/filemap.c sets it */
	page->private = order;
	page->owner = caller;
	page->flags = (page->flags & ~(1UL << PG_pcp)) | (1UL << PG_head);
	if (unlikely(debug_pagealloc_enabled()))
		debug_pagealloc_alloc(page, order); /* back in the direct map */
	if (unlikely(gfp & GFP_ZERO))
		kernel_init_pages(page, 1UL << order);
}

/* Try each allowed zone, highest first, that passes the watermark check. */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags,
					   const struct alloc_context *ac)
{
	struct zoneref *z = ac->preferred_zoneref;
	struct zone *zone;

	for_next_zone_zonelist(zone, z, ac->highest_zoneidx) {
		struct page *page;

		if (!(alloc_flags & ALLOC_NO_WATERMARKS) &&
		    !__zone_watermark_ok(
			    zone, order,
			    zone->_watermark[alloc_flags & ALLOC_WMARK_MASK],
			    ac->highest_zoneidx, alloc_flags))
			continue;
		page = rmqueue(zone, order);
		if (likely(page)) {
			prep_new_page(page, order, gfp, ac->caller);
			return page;
		}
		/* Enough pages, but no block that big. */
		atomic_long_inc(&zone->nr_alloc_fail);
	}
	return NULL;
}

/*
 * The pages waiting on the per-CPU lists are free memory after all: a
 * request that may wait drains every CPU's (each CPU its own, asked by an
 * IPI that is waited for); one that may not, an atomic one, this CPU's
 * only: waiting for another CPU with interrupts off or a lock held could
 * wait for a CPU that waits for us (Linux drains only for requests that
 * may block).  Returns the pages drained.
 */
static unsigned long drain_pages_for(gfp_t gfp)
{
	if (gfpflags_allow_blocking(gfp) && !in_atomic() && !irqs_disabled())
		return drain_all_pages();
	return drain_local_pages();
}

/*
 * A request that may sleep, with nothing free: wait for other processes
 * to give pages back (they exit, unmap), a little at a time, as Linux's
 * reclaim_throttle() does when reclaim makes no progress; give up after
 * MAX_RECLAIM_RETRIES waits.  Only worth it if some process other than
 * the caller exists; the page cache issue adds reclaim here.
 */
#define MAX_RECLAIM_RETRIES 16
#define RECLAIM_THROTTLE (HZ / 50) /* 20 ms */

static struct page *__alloc_pages_may_wait(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags,
					   const struct alloc_context *ac)
{
	struct page *page = NULL;

	if ((gfp & GFP_ATOMIC) || !sched_is_ready() || in_atomic() ||
	    irqs_disabled() || is_idle_task(current) ||
	    nr_user_processes <= (current->mm ? 1 : 0))
		return NULL;
	for (int retries = 0; !page && retries < MAX_RECLAIM_RETRIES &&
			      !fatal_signal_pending(current);
	     retries++) {
		nr_alloc_waits++;
		schedule_timeout_uninterruptible(RECLAIM_THROTTLE);
		page = get_page_from_freelist(gfp, order, alloc_flags, ac);
		if (!page && drain_all_pages())
			page = get_page_from_freelist(gfp, order, alloc_flags,
						      ac);
	}
	return page;
}

/* Every zone the request may use wakes the node's kswapd (Linux's). */
static void wake_all_kswapds(gfp_t gfp, unsigned int order,
			     const struct alloc_context *ac)
{
	if (ac->preferred_zoneref->zone)
		wakeup_kswapd(ac->preferred_zoneref->zone, gfp, order,
			      ac->highest_zoneidx);
}

/* May this task reclaim by itself now (sleep, and not recurse)? */
static bool can_direct_reclaim(gfp_t gfp)
{
	return gfpflags_allow_blocking(gfp) &&
	       !(current->flags & PF_MEMALLOC) && sched_is_ready() &&
	       !in_atomic() && !irqs_disabled() && !is_idle_task(current);
}

/*
 * Linux's should_reclaim_retry(): is there reclaimable page cache that,
 * with what is free, would lift some zone the request may use above its
 * min watermark?  If not, reclaiming again is pointless.
 */
static bool should_reclaim_retry(unsigned int order,
				 const struct alloc_context *ac)
{
	struct zoneref *z = ac->preferred_zoneref;
	struct zone *zone;

	for_next_zone_zonelist(zone, z, ac->highest_zoneidx) {
		unsigned long avail =
			zone->free_pages + zone_reclaimable_pages(zone);

		if (zone_reclaimable_pages(zone) &&
		    avail > min_wmark_pages(zone) +
				    zone->lowmem_reserve[ac->highest_zoneidx] +
				    (1UL << order))
			return true;
	}
	return false;
}

/*
 * Direct reclaim: free page cache (writing what is dirty, unless
 * GFP_NOIO), then try again; again and again while reclaim makes progress
 * or could (pages under writeback: wait 20 ms for them, Linux's
 * reclaim_throttle()), at most MAX_RECLAIM_RETRIES times without.
 */
static struct page *__alloc_pages_direct_reclaim(gfp_t gfp, unsigned int order,
						 unsigned int alloc_flags,
						 const struct alloc_context *ac)
{
	int no_progress_loops = 0;

	for (;;) {
		unsigned long progress =
			try_to_free_pages(gfp, order, ac->highest_zoneidx);
		struct page *page =
			get_page_from_freelist(gfp, order, alloc_flags, ac);

		if (!page && drain_all_pages())
			page = get_page_from_freelist(gfp, order, alloc_flags,
						      ac);
		if (page)
			return page;
		no_progress_loops = progress ? 0 : no_progress_loops + 1;
		if (no_progress_loops > MAX_RECLAIM_RETRIES ||
		    !should_reclaim_retry(order, ac) ||
		    fatal_signal_pending(current))
			return NULL;
		if (!progress)
			schedule_timeout_uninterruptible(RECLAIM_THROTTLE);
	}
}

/*
 * Still nothing, for a request that may sleep and is not costly: the OOM
 * killer picks a process to kill (mm/oom_kill.c), and the request waits
 * for its memory.  The victim itself, or a process dying already, gets
 * nothing: its allocation fails and it goes on to its end.  Only when
 * there is a process to kill: a kernel thread that exhausts memory with
 * no process around just fails, as before.
 */
#define MAX_OOM_KILLS 4

static struct page *__alloc_pages_may_oom(gfp_t gfp, unsigned int order,
					  unsigned int alloc_flags,
					  const struct alloc_context *ac)
{
	struct page *page = NULL;

	if ((gfp & GFP_ATOMIC) || order > PAGE_ALLOC_COSTLY_ORDER ||
	    !sched_is_ready() || in_atomic() || irqs_disabled() ||
	    is_idle_task(current) || !READ_ONCE(nr_user_processes))
		return NULL;
	for (int kills = 0; !page && kills < MAX_OOM_KILLS; kills++) {
		if (!out_of_memory(gfp, order) || current->oom_victim ||
		    fatal_signal_pending(current))
			break;
		page = __alloc_pages_may_wait(gfp, order, alloc_flags, ac);
	}
	return page;
}

/*
 * Every allowed zone is at its low watermark: Linux's order of what comes
 * next.  Wake kswapd (GFP_ATOMIC too: it may not reclaim, kswapd will);
 * the min watermark (lower still for GFP_ATOMIC); the pages waiting on
 * the per-CPU lists, which are free memory after all; a reclaimer's own
 * request (PF_MEMALLOC: the bio that writes a page out) takes the
 * reserve; a request that may sleep reclaims page cache itself (direct
 * reclaim), then waits for other processes to free pages, then has the
 * OOM killer end one: only once reclaim found no page cache left that
 * could help (so never while reclaimable cache remains); for GFP_NOFAIL,
 * no watermark at all; then the failure report (not for the OOM killer's
 * victim).  No compaction.
 */
static noinline struct page *
__alloc_pages_slowpath(gfp_t gfp, unsigned int order,
		       const struct alloc_context *ac)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp);
	struct page *page;

	wake_all_kswapds(gfp, order, ac);
	page = get_page_from_freelist(gfp, order, alloc_flags, ac);
	if (!page && drain_pages_for(gfp))
		page = get_page_from_freelist(gfp, order, alloc_flags, ac);
	if (!page && (current->flags & PF_MEMALLOC) && !in_interrupt())
		page = get_page_from_freelist(gfp, order, ALLOC_NO_WATERMARKS,
					      ac);
	if (!page && can_direct_reclaim(gfp))
		page = __alloc_pages_direct_reclaim(gfp, order, alloc_flags,
						    ac);
	if (!page)
		page = __alloc_pages_may_wait(gfp, order, alloc_flags, ac);
	if (!page)
		page = __alloc_pages_may_oom(gfp, order, alloc_flags, ac);
	if (page)
		return page;
	if (!(gfp & GFP_NOFAIL)) {
		if (!READ_ONCE(current->oom_victim)) /* it knows: it is dying */
			warn_alloc(gfp, order, NULL);
		return NULL;
	}
	page = get_page_from_freelist(gfp, order, ALLOC_NO_WATERMARKS, ac);
	if (!page)
		warn_alloc(
			gfp & ~(gfp_t)__GFP_NOWARN, order,
			"__GFP_NOFAIL cannot be honoured: every allowed zone is exhausted and reclaim freed nothing");
	return page;
}

/**
 * __alloc_pages - alloc_pages() (mm.h): allocate a block of 2^order pages
 * @gfp: GFP flags: which zones, whether the reserve may be used, zeroing
 * @order: 0..MAX_ORDER-1
 * @caller: who asks, recorded as the block's owner for the reports
 *
 * Return: the first page of the block (refcount 1), or NULL (reported
 * unless __GFP_NOWARN).
 */
struct page *__alloc_pages(gfp_t gfp, unsigned int order, unsigned long caller)
{
	struct alloc_context ac;
	struct page *page;

	if (unlikely(order >= MAX_ORDER)) {
		WARN(!(gfp & __GFP_NOWARN),
		     "alloc_pages: order %u is above MAX_ORDER-1 (%d): at most 4 MB at once\n",
		     order, MAX_ORDER - 1);
		return NULL;
	}
	if (WARN(gfp & ~(gfp_t)__GFP_BITS_MASK,
		 "alloc_pages: unknown GFP bits %#x ignored\n",
		 gfp & ~(gfp_t)__GFP_BITS_MASK))
		gfp &= __GFP_BITS_MASK;
	might_alloc(gfp);
	ac.highest_zoneidx = gfp_zone(gfp);
	ac.caller = caller;
	ac.preferred_zoneref =
		first_zones_zonelist(&zonelist, ac.highest_zoneidx);

	/* The first try: any allowed zone above its low watermark. */
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW, &ac);
	if (likely(page))
		return page;
	return __alloc_pages_slowpath(gfp, order, &ac);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	/* Highmem pages have no address to return: as Linux, drop the flag. */
	struct page *page =
		__alloc_pages(gfp & ~(gfp_t)GFP_HIGHMEM, order, _RET_IP_);

	return page ? (unsigned long)lowmem_page_address(page) : 0;
}

unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | GFP_ZERO, 0);
}

/* --- freeing ------------------------------------------------------------- */

/*
 * The flags a block being freed may have: PG_head and none of the others
 * here, with a reference held.  The others say the page is free, reserved,
 * or used by something with a free of its own (slab, vmalloc, a page
 * table, kmalloc), or that a kmap slot may still map it.  One test in the
 * common case; if it fails, free_page_is_bad() says why, or finds the page
 * fine after all (a kmap slot that no longer maps it) (page_alloc_debug.c).
 */
#define PAGE_FLAGS_CHECK_AT_FREE                                       \
	((1UL << PG_reserved) | (1UL << PG_buddy) | (1UL << PG_head) | \
	 (1UL << PG_slab) | (1UL << PG_pcp) | (1UL << PG_vmalloc) |    \
	 (1UL << PG_table) | (1UL << PG_large_kmalloc) | (1UL << PG_kmap))

static inline bool page_expected_state(const struct page *page)
{
	return (page->flags & PAGE_FLAGS_CHECK_AT_FREE) == (1UL << PG_head) &&
	       page->_refcount > 0;
}

/* A block too large for the per-CPU lists goes straight to the buddies. */
static void __free_pages_ok(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	count_vm_events(PGFREE, 1L << order);
	page->flags &= ~((1UL << PG_head) | PAGE_FLAGS_CLEAR_AT_FREE);
	page->private = 0;
	spin_lock_irqsave(&zone->lock, flags);
	__free_one_page(page, page_to_pfn(page), zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}

/**
 * __free_pages - give a block back
 * @page: its first page, as alloc_pages() returned it
 * @order: the order it was allocated with (the recorded one wins)
 *
 * Drops one reference; the last one frees the block: onto the per-CPU
 * list of its order (order <= PAGE_ALLOC_COSTLY_ORDER), else straight to
 * the free lists, merging with free buddies.  Misuse (not a struct page,
 * a reserved, slab or free page, a tail page, a wrong order, a page still
 * kmapped) is reported and, except for the order, refused.
 */
void __free_pages(struct page *page, unsigned int order)
{
	if (unlikely(!page_ptr_valid(page))) {
		free_bad_pointer(page);
		return;
	}
	if (unlikely(!page_expected_state(page)) && free_page_is_bad(page))
		return;
	if (unlikely(order != page->private))
		order = free_order_mismatch(page, order);
	/* A slot may map a page other than the first (highmem only). */
	if (unlikely(order && PageHighMem(page)) &&
	    free_tail_is_kmapped(page, order))
		return;
	if (!page_ref_dec_and_test(page))
		return; /* another user still holds it */
	if (unlikely(page->flags & PAGE_FLAGS_LRU_OR_BUSY) &&
	    free_page_lru_or_busy(page))
		return;
	debug_dma_check_freed(page_to_pfn(page) << PAGE_SHIFT,
			      PAGE_SIZE << order); /* a report, as Linux's */
	page->owner = _RET_IP_; /* who freed it, for the reports */
	if (unlikely(debug_pagealloc_enabled()))
		debug_pagealloc_free(page, order, _RET_IP_); /* unmapped */
	if (likely(pcp_allowed_order(order)))
		free_unref_page(page, order);
	else
		__free_pages_ok(page, order);
}

void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (!virt_addr_valid((void *)addr) || (addr & ~PAGE_MASK)) {
		WARN(1,
		     "free_pages: %#lx is not the page-aligned direct-map address of RAM\n",
		     addr);
		return;
	}
	__free_pages(virt_to_page((void *)addr), order);
}

/* Boot: hand a range of pages that were reserved to the allocator. */
void __free_boot_block(struct page *page, unsigned int order)
{
	struct zone *zone = page_zone(page);
	unsigned long flags;

	for (unsigned long i = 0; i < (1UL << order); i++) {
		ClearPageReserved(page + i);
		page[i]._refcount = 0;
		page[i].owner = 0; /* free since boot */
	}
	if (debug_pagealloc_enabled())
		debug_pagealloc_free(page, order, 0);
	spin_lock_irqsave(&zone->lock, flags);
	zone->managed_pages += 1UL << order;
	__free_one_page(page, page_to_pfn(page), zone, order);
	spin_unlock_irqrestore(&zone->lock, flags);
}
