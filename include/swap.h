/* SPDX-License-Identifier: GPL-2.0 */
/*
 * swap.h - the LRU lists and reclaim, as Linux's <linux/swap.h>
 * (mm/swap.c, mm/vmscan.c).  There is no swap: the name is Linux's.
 *
 * When a zone runs short (below its low watermark) the allocator wakes
 * kswapd, which reclaims page cache in the background until every zone
 * is above its high watermark.  A request that may sleep and finds even
 * the min watermark reached reclaims by itself (direct reclaim) before
 * it retries; GFP_ATOMIC never reclaims, it only wakes kswapd.  Reclaim
 * frees clean page cache from the tail of the inactive list, writes dirty
 * pages first (not for GFP_NOIO requests), and leaves anonymous pages
 * alone: without swap there is nowhere to put them.
 */
#ifndef _SWAP_H
#define _SWAP_H

#include <mm.h>

/* Reclaim works in batches of this many pages (Linux's value). */
#define SWAP_CLUSTER_MAX 32UL
/* Scan 1/2^priority of a list per pass, from 12 down to 0. */
#define DEF_PRIORITY 12

/* --- the LRU lists (mm/swap.c) ------------------------------------------- */

/* A new page onto the inactive list of its kind (file or anon). */
void lru_cache_add(struct page *page);
/* Used: inactive,unreferenced -> referenced -> active. */
void __mark_page_accessed(struct page *page);
/* Inline: an active, referenced page (a hot one) has nothing to change. */
static inline void mark_page_accessed(struct page *page)
{
	const unsigned long both = (1UL << PG_referenced) | (1UL << PG_active);

	if (unlikely((READ_ONCE(page->flags) & both) != both))
		__mark_page_accessed(page);
}
/* The last reference went: off its LRU list (page_alloc.c calls it). */
void __page_cache_release(struct page *page);
/* A page written for reclaim is clean: to the tail, to go next. */
void rotate_reclaimable_page(struct page *page);

/* --- reclaim (mm/vmscan.c) ----------------------------------------------- */

/* Direct reclaim for a request: pages freed. */
unsigned long try_to_free_pages(gfp_t gfp, unsigned int order,
				enum zone_type highest_zoneidx);
/* Reclaim up to nr pages now (tests, the demo, the benchmark): freed. */
unsigned long shrink_all_memory(unsigned long nr, gfp_t gfp);
/* A zone fell below low: wake the node's kswapd (any context). */
void wakeup_kswapd(struct zone *zone, gfp_t gfp, unsigned int order,
		   enum zone_type highest_zoneidx);
/* Page cache pages reclaim could free in zones up to highest_zoneidx. */
unsigned long zone_reclaimable_pages(const struct zone *zone);
unsigned long reclaimable_pages_below(enum zone_type highest_zoneidx);
/* Boot: start kswapd0. */
int kswapd_run(int nid);
/* Is kswapd asleep with nothing asked of it (or not started)? */
bool kswapd_idle(void);
/* Is current kswapd? */
bool current_is_kswapd(void);
/* Times kswapd woke up and times it went to sleep balanced. */
extern unsigned long nr_kswapd_wakeups, nr_kswapd_sleeps;

/* /proc/sys/vm/drop_caches: 1 page cache, 2 slab, 3 both. */
int drop_caches(int mode);

#endif /* _SWAP_H */
