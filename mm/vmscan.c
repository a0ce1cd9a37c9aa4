// SPDX-License-Identifier: GPL-2.0
/*
 * vmscan.c - reclaim: freeing page cache when memory runs short, by
 * kswapd in the background and by the allocating task itself (swap.h).
 *
 * The node's LRU lists (mm/swap.c) order the pages by last use.  A pass
 * of reclaim looks at 1/2^priority of the eligible pages, priority going
 * from 12 down to 0 until enough pages were freed:
 *  - shrink_active_list(): when the inactive list is too short beside
 *    the active one (Linux's inactive_is_low(): inactive x sqrt(10 x GB)
 *    below active), the active list's oldest pages move to the inactive
 *    list: a page must fall idle again before it is reclaimed;
 *  - shrink_inactive_list(): the inactive list's oldest pages are taken
 *    off it (isolated, with a reference) and each is looked at, locked:
 *    under writeback or in use (someone holds a reference: a read, a
 *    mapping) it goes back; dirty, it is written (pageout(): it goes back
 *    under writeback, marked PG_reclaim, and the end of the write moves it
 *    to the tail, where the next pass frees it); clean, it leaves the page
 *    cache and is freed.
 * "Eligible" pages are those of the zones the request may use: a
 * GFP_KERNEL request (Normal and DMA) gains nothing from highmem cache,
 * so those pages are skipped (put back at the head).
 *
 * kswapd (one thread, the node's, started with the first disk: without
 * one there is no page cache it could free; Linux starts it at boot) is
 * woken by the allocator when a zone
 * falls below its low watermark, and reclaims until some zone the waker
 * could use is above its high watermark; then it sleeps.  A balancing
 * run that frees nothing counts as a failure; after 16 (MAX_RECLAIM_
 * RETRIES) in a row the node is "unreclaimable" and kswapd is not woken
 * again until someone's reclaim makes progress.  Direct reclaim runs in
 * an allocation that may sleep and found even its min watermark reached
 * (page_alloc.c): it frees SWAP_CLUSTER_MAX pages, then the allocation
 * tries again.  GFP_ATOMIC requests never reclaim (they may not sleep);
 * they wake kswapd.  GFP_NOIO requests reclaim but never write: clean
 * pages only.
 *
 * Reclaimers run with PF_MEMALLOC: their own allocations (a bio to write
 * a page) may use the reserves below the min watermark and never enter
 * reclaim again.  Anonymous pages are on the lists but never reclaimed:
 * there is no swap to write them to (Linux's get_scan_count() scans only
 * the file lists when there is no swap).
 *
 * Simpler than Linux: no shrinkers (slab caches are not reclaimed), no
 * workingset detection, no memory cgroups, no compaction; the flusher is
 * not woken by reclaim (reclaim writes the dirty pages it meets itself,
 * in kswapd and in direct reclaim alike, as Linux did up to 3.x).
 */
#include <init.h>
#include <kernel.h>
#include <kthread.h>
#include <pagemap.h>
#include <printk.h>
#include <sched.h>
#include <swap.h>
#include <vmstat.h>
#include <writeback.h>

#include "internal.h"

#define MAX_RECLAIM_RETRIES 16
#define ZONE_NONE MAX_NR_ZONES /* kswapd_highest_zoneidx: no request */

unsigned long nr_kswapd_wakeups, nr_kswapd_sleeps;

struct scan_control {
	unsigned long nr_to_reclaim; /* stop when this many were freed */
	gfp_t gfp_mask; /* the request's (GFP_NOIO: no writing) */
	unsigned int order;
	enum zone_type reclaim_idx; /* the highest zone whose pages count */
	int priority; /* scan 1/2^priority of the lists */
	bool may_writepage; /* write dirty pages (not for GFP_NOIO) */
	bool is_kswapd;
	unsigned long nr_scanned, nr_reclaimed;
	unsigned long nr_writeback; /* pages met under writeback */
	unsigned long nr_pageout; /* dirty pages it wrote */
};

static struct lruvec *node_lruvec(void)
{
	return &contig_page_data.__lruvec;
}

/* Pages of a list in the zones up to reclaim_idx. */
static unsigned long lru_size(enum lru_list lru, enum zone_type idx)
{
	unsigned long n = 0;

	for (int z = 0; z <= (int)idx; z++)
		n += zone_page_state(&zones[z], NR_ZONE_LRU_BASE + lru);
	return n;
}

unsigned long zone_reclaimable_pages(const struct zone *zone)
{
	return zone_page_state(zone, NR_ZONE_INACTIVE_FILE) +
	       zone_page_state(zone, NR_ZONE_ACTIVE_FILE);
}

unsigned long reclaimable_pages_below(enum zone_type highest_zoneidx)
{
	return lru_size(LRU_INACTIVE_FILE, highest_zoneidx) +
	       lru_size(LRU_ACTIVE_FILE, highest_zoneidx);
}

static unsigned int int_sqrt(unsigned long x)
{
	unsigned int r = 0;

	while ((unsigned long)(r + 1) * (r + 1) <= x)
		r++;
	return r;
}

/* Linux's inactive_is_low(): the inactive list is short beside the active. */
static bool inactive_is_low(enum zone_type idx)
{
	unsigned long inactive = lru_size(LRU_INACTIVE_FILE, idx);
	unsigned long active = lru_size(LRU_ACTIVE_FILE, idx);
	unsigned long gb = (inactive + active) >> (30 - PAGE_SHIFT);
	unsigned long ratio = gb ? int_sqrt(10 * gb) : 1;

	return inactive * ratio < active;
}

/* --- the inactive list ----------------------------------------------------- */

/*
 * The oldest page of src reclaim may take now (under lru_lock), or NULL:
 * pages of zones above reclaim_idx on the way go to skipped (the caller
 * puts them back at the head).
 */
static struct page *lru_tail_eligible(struct list_head *src,
				      struct list_head *skipped,
				      const struct scan_control *sc)
{
	while (!list_empty(src)) {
		struct page *page = list_last_entry(src, struct page, lru);

		if (page_zonenum(page) <= sc->reclaim_idx)
			return page;
		list_move(&page->lru, skipped);
	}
	return NULL;
}

/*
 * Take up to nr eligible pages off the tail of lru into dst, each with a
 * reference; pages of zones above reclaim_idx go to the head.  How many.
 */
static unsigned int isolate_lru_pages(unsigned long nr, enum lru_list lru,
				      struct scan_control *sc,
				      struct page **dst)
{
	struct list_head *src = &node_lruvec()->lists[lru];
	unsigned long scanned = 0, flags;
	unsigned int taken = 0;
	struct page *page;
	LIST_HEAD(skipped);

	spin_lock_irqsave(&contig_page_data.lru_lock, flags);
	while (scanned < nr && (page = lru_tail_eligible(src, &skipped, sc))) {
		scanned++;
		if (!get_page_unless_zero(page)) {
			list_move(&page->lru, src); /* being freed */
			continue;
		}
		ClearPageLRU(page);
		del_page_from_lru_list(page, lru);
		dst[taken++] = page;
	}
	list_splice(&skipped, src);
	mod_node_page_state(NR_ISOLATED_FILE, (long)taken);
	spin_unlock_irqrestore(&contig_page_data.lru_lock, flags);
	sc->nr_scanned += scanned;
	return taken;
}

/* Back onto their lists, then drop the isolation's references. */
static void putback_lru_pages(struct page **pages, unsigned int nr)
{
	unsigned long flags;

	spin_lock_irqsave(&contig_page_data.lru_lock, flags);
	for (unsigned int i = 0; i < nr; i++) {
		add_page_to_lru_list(pages[i], page_lru(pages[i]), false);
		SetPageLRU(pages[i]);
	}
	spin_unlock_irqrestore(&contig_page_data.lru_lock, flags);
	for (unsigned int i = 0; i < nr; i++)
		put_page(pages[i]); /* may be the last: the free takes it off */
}

/* Write a dirty page for reclaim: it stays, under writeback. */
static void pageout(struct page *page, struct address_space *mapping,
		    struct scan_control *sc)
{
	struct writeback_control wbc = {
		.nr_to_write = 1,
		.range_start = page->index,
		.range_end = page->index,
		.sync_mode = WB_SYNC_NONE,
		.for_reclaim = 1,
	};

	if (!clear_page_dirty_for_io(page)) {
		unlock_page(page);
		return;
	}
	SetPageReclaim(page); /* to the tail when the write ends */
	if (mapping->a_ops->writepage(page, &wbc)) /* unlocks it */
		ClearPageReclaim(page);
	sc->nr_pageout++;
}

/*
 * Decide for each isolated page: free it, write it, or keep it.  The
 * kept ones are left in pages[0..returned).  Pages freed in *freed.
 */
static unsigned int shrink_page_list(struct page **pages, unsigned int nr,
				     struct scan_control *sc,
				     unsigned long *freed)
{
	unsigned int kept = 0;

	for (unsigned int i = 0; i < nr; i++) {
		struct page *page = pages[i];
		struct address_space *mapping;

		if (!trylock_page(page))
			goto keep;
		mapping = page->mapping;
		if (PageWriteback(page)) {
			sc->nr_writeback++;
			SetPageReclaim(page); /* free it once written */
			goto keep_locked;
		}
		if (!mapping) {
			/* Left the cache meanwhile: ours is the last reference. */
			unlock_page(page);
			put_page(page);
			(*freed)++;
			continue;
		}
		if (page_count(page) > 2) {
			/* Someone reads or maps it: in use, keep it active. */
			SetPageActive(page);
			count_vm_event(PGACTIVATE);
			goto keep_locked;
		}
		if (PageDirty(page)) {
			if (!sc->may_writepage)
				goto keep_locked;
			pageout(page, mapping, sc);
			goto keep;
		}
		if (!remove_mapping(mapping, page, 2))
			goto keep_locked;
		unlock_page(page);
		put_page(page); /* the isolation's: the last, it is freed */
		(*freed)++;
		continue;
keep_locked:
		unlock_page(page);
keep:
		pages[kept++] = page;
	}
	return kept;
}

static void shrink_inactive_list(unsigned long nr, struct scan_control *sc)
{
	struct page *pages[SWAP_CLUSTER_MAX];
	unsigned long before = sc->nr_scanned, freed = 0;
	unsigned int taken, kept;

	taken = isolate_lru_pages(min(nr, SWAP_CLUSTER_MAX), LRU_INACTIVE_FILE,
				  sc, pages);
	count_vm_events(sc->is_kswapd ? PGSCAN_KSWAPD : PGSCAN_DIRECT,
			(long)(sc->nr_scanned - before));
	count_vm_events(PGSCAN_FILE, (long)(sc->nr_scanned - before));
	if (!taken)
		return;
	kept = shrink_page_list(pages, taken, sc, &freed);
	putback_lru_pages(pages, kept);
	mod_node_page_state(NR_ISOLATED_FILE, -(long)taken);
	sc->nr_reclaimed += freed;
	count_vm_events(sc->is_kswapd ? PGSTEAL_KSWAPD : PGSTEAL_DIRECT,
			(long)freed);
	count_vm_events(PGSTEAL_FILE, (long)freed);
}

/* --- the active list --------------------------------------------------------- */

/* Move up to nr eligible pages from the active tail to the inactive head. */
static void shrink_active_list(unsigned long nr, struct scan_control *sc)
{
	struct list_head *src = &node_lruvec()->lists[LRU_ACTIVE_FILE];
	unsigned long scanned = 0, moved = 0, flags;
	struct page *page;
	LIST_HEAD(skipped);

	spin_lock_irqsave(&contig_page_data.lru_lock, flags);
	while (scanned < nr && (page = lru_tail_eligible(src, &skipped, sc))) {
		scanned++;
		del_page_from_lru_list(page, LRU_ACTIVE_FILE);
		ClearPageActive(page);
		add_page_to_lru_list(page, LRU_INACTIVE_FILE, false);
		moved++;
	}
	list_splice(&skipped, src);
	spin_unlock_irqrestore(&contig_page_data.lru_lock, flags);
	count_vm_events(PGREFILL, (long)scanned);
	count_vm_events(PGDEACTIVATE, (long)moved);
}

/* --- a pass over the node -------------------------------------------------- */

static void shrink_node(struct scan_control *sc)
{
	enum zone_type idx = sc->reclaim_idx;
	unsigned long reclaimed = sc->nr_reclaimed;
	unsigned long nr_inactive = lru_size(LRU_INACTIVE_FILE, idx) >>
				    sc->priority;
	unsigned long nr_active = lru_size(LRU_ACTIVE_FILE, idx) >>
				  sc->priority;

	while (nr_inactive || nr_active) {
		unsigned long n;

		if (nr_active) {
			n = min(nr_active, SWAP_CLUSTER_MAX);
			nr_active -= n;
			if (inactive_is_low(idx))
				shrink_active_list(n, sc);
		}
		if (nr_inactive) {
			n = min(nr_inactive, SWAP_CLUSTER_MAX);
			nr_inactive -= n;
			shrink_inactive_list(n, sc);
		}
		if (!sc->is_kswapd && sc->nr_reclaimed >= sc->nr_to_reclaim)
			break;
		cond_resched();
	}
	/* Keep the active list ageing even when the inactive one served. */
	if (inactive_is_low(idx))
		shrink_active_list(SWAP_CLUSTER_MAX, sc);
	if (sc->nr_reclaimed > reclaimed)
		WRITE_ONCE(contig_page_data.kswapd_failures, 0);
}

/* Pass after pass, each looking further, until enough was freed. */
static unsigned long do_try_to_free_pages(struct scan_control *sc)
{
	unsigned int flags = current->flags;

	current->flags |= PF_MEMALLOC;
	for (sc->priority = DEF_PRIORITY; sc->priority >= 0; sc->priority--) {
		shrink_node(sc);
		if (sc->nr_reclaimed >= sc->nr_to_reclaim)
			break;
	}
	current->flags = (current->flags & ~PF_MEMALLOC) |
			 (flags & PF_MEMALLOC);
	return sc->nr_reclaimed;
}

unsigned long try_to_free_pages(gfp_t gfp, unsigned int order,
				enum zone_type highest_zoneidx)
{
	struct scan_control sc = {
		.nr_to_reclaim = max(SWAP_CLUSTER_MAX, 1UL << order),
		.gfp_mask = gfp,
		.order = order,
		.reclaim_idx = highest_zoneidx,
		.may_writepage = gfpflags_allow_io(gfp),
	};

	if (current->flags & PF_MEMALLOC)
		return 0; /* a reclaimer's own allocation: no recursion */
	count_vm_event((enum vm_event_item)(ALLOCSTALL_DMA + highest_zoneidx));
	return do_try_to_free_pages(&sc);
}

unsigned long shrink_all_memory(unsigned long nr, gfp_t gfp)
{
	struct scan_control sc = {
		.nr_to_reclaim = nr,
		.gfp_mask = gfp,
		.reclaim_idx = MAX_NR_ZONES - 1,
		.may_writepage = gfpflags_allow_io(gfp),
	};

	return do_try_to_free_pages(&sc);
}

/* --- kswapd ----------------------------------------------------------------- */

bool kswapd_idle(void)
{
	pg_data_t *pgdat = NODE_DATA(0);

	return !pgdat->kswapd ||
	       (READ_ONCE(pgdat->kswapd_highest_zoneidx) == ZONE_NONE &&
		waitqueue_active(&pgdat->kswapd_wait));
}

bool current_is_kswapd(void)
{
	return current->flags & PF_KSWAPD;
}

/* Linux's pgdat_balanced(): some zone the waker could use is above high. */
static bool pgdat_balanced(unsigned int order, enum zone_type highest_zoneidx)
{
	for (int z = 0; z <= (int)highest_zoneidx; z++) {
		const struct zone *zone = &zones[z];

		if (!zone->managed_pages)
			continue;
		if (zone_watermark_ok(zone, order, high_wmark_pages(zone),
				      highest_zoneidx, GFP_KERNEL))
			return true;
	}
	return false;
}

/* Reclaim until balanced, raising the priority while short of target. */
static void balance_pgdat(unsigned int order, enum zone_type highest_zoneidx)
{
	struct scan_control sc = {
		.gfp_mask = GFP_KERNEL,
		.order = order,
		.reclaim_idx = highest_zoneidx,
		.may_writepage = true,
		.is_kswapd = true,
	};
	unsigned long total = 0;

	count_vm_event(PAGEOUTRUN);
	for (sc.priority = DEF_PRIORITY; sc.priority >= 1;) {
		if (pgdat_balanced(order, highest_zoneidx))
			return;
		sc.nr_to_reclaim = 0;
		for (int z = 0; z <= (int)highest_zoneidx; z++)
			if (zones[z].managed_pages)
				sc.nr_to_reclaim +=
					max(high_wmark_pages(&zones[z]),
					    SWAP_CLUSTER_MAX);
		sc.nr_reclaimed = 0;
		shrink_node(&sc);
		total += sc.nr_reclaimed;
		if (kthread_should_stop())
			return;
		if (sc.nr_reclaimed < sc.nr_to_reclaim)
			sc.priority--;
	}
	if (!total && !pgdat_balanced(order, highest_zoneidx))
		contig_page_data.kswapd_failures++;
}

static int kswapd(void *data)
{
	pg_data_t *pgdat = data;

	current->flags |= PF_MEMALLOC | PF_KSWAPD;
	for (;;) {
		unsigned int order;
		enum zone_type idx;

		nr_kswapd_sleeps++;
		wait_event_interruptible(
			pgdat->kswapd_wait,
			READ_ONCE(pgdat->kswapd_highest_zoneidx) != ZONE_NONE ||
				kthread_should_stop());
		if (kthread_should_stop())
			return 0;
		order = (unsigned int)xchg32((u32 *)&pgdat->kswapd_order, 0);
		idx = (enum zone_type)xchg32(
			(u32 *)&pgdat->kswapd_highest_zoneidx, ZONE_NONE);
		nr_kswapd_wakeups++;
		balance_pgdat(order, idx);
	}
}

void wakeup_kswapd(struct zone *zone, gfp_t gfp, unsigned int order,
		   enum zone_type highest_zoneidx)
{
	pg_data_t *pgdat = &contig_page_data;
	enum zone_type cur;

	if (!pgdat->kswapd || !populated_zone(zone) || current_is_kswapd())
		return;
	if (READ_ONCE(pgdat->kswapd_failures) >= MAX_RECLAIM_RETRIES)
		return; /* hopeless: left to direct reclaim */
	if (pgdat_balanced(order, highest_zoneidx))
		return;
	if ((int)order > READ_ONCE(pgdat->kswapd_order))
		WRITE_ONCE(pgdat->kswapd_order, (int)order);
	cur = READ_ONCE(pgdat->kswapd_highest_zoneidx);
	if (cur == ZONE_NONE || highest_zoneidx > cur)
		WRITE_ONCE(pgdat->kswapd_highest_zoneidx, highest_zoneidx);
	if (waitqueue_active(&pgdat->kswapd_wait))
		wake_up_interruptible(&pgdat->kswapd_wait);
}

int kswapd_run(int nid)
{
	pg_data_t *pgdat = NODE_DATA(nid);
	struct task_struct *t;

	if (pgdat->kswapd)
		return 0; /* one per node */
	pgdat->kswapd_highest_zoneidx = ZONE_NONE;
	t = kthread_run(kswapd, pgdat, "kswapd%d", nid);
	if (IS_ERR(t)) {
		pr_err("Failed to start kswapd on node %d\n", nid);
		return (int)PTR_ERR(t);
	}
	pgdat->kswapd = t;
	return 0;
}
