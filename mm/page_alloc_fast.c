// SPDX-License-Identifier: GPL-2.0
/*
 * page_alloc_fast.c - the page allocator's fast paths: alloc_pages() and
 * __free_pages() of a small block through the per-CPU lists.
 *
 * Most page allocations are one page (page tables, slabs, vmalloc, kmap
 * users), and most frees are followed soon by an allocation of the same
 * size.  The per-CPU lists (mmzone.h) turn that pair into a push and a pop:
 *  - alloc_pages(): the zone the request tries first (preferred_zone[]:
 *    Normal, or HighMem with GFP_HIGHMEM, or the next one down with pages)
 *    has a block of this order on its list and stays above its low
 *    watermark: take the newest block.  This is exactly what the slow
 *    path's first pass would do, only without the zone loop;
 *  - __free_pages(): a block of order 0..3, in the state alloc_pages() left
 *    it (one flag test), with its one reference: push it on the list.
 * Anything else (GFP_ZERO, GFP_DMA, an empty list, a low zone, a large
 * order, a page with other users, any misuse) goes to the slow half in
 * page_alloc.c with the same arguments: the compiler makes that call a
 * jump, so the slow half's reports name the real caller.
 *
 * As mm/slab_fast.c, this file is built with -fomit-frame-pointer: these
 * functions call nothing, they only jump, so a call trace taken in a slow
 * half still names the caller of the API.
 */
#include <bug.h>
#include <mm.h>

#include "internal.h"

/* GFP bits the fast path handles exactly as the slow path would. */
#define ALLOC_FAST_GFP                                                        \
	(GFP_ATOMIC | GFP_DMA32 | GFP_HIGHMEM | GFP_NOFAIL | __GFP_HARDWALL | \
	 __GFP_NOWARN)

/*
 * The slow path's first pass in the preferred zone: free pages above the
 * low watermark once the block is taken, and for order > 0 a free block of
 * at least that order, as __zone_watermark_ok() asks.  The zone keeps no
 * lowmem_reserve against these requests: the zones above it that they
 * could have used are empty.
 */
static __always_inline bool pcp_watermark_ok(const struct zone *zone,
					     unsigned int order)
{
	if ((long)(zone->free_pages - (1UL << order)) <
	    (long)low_wmark_pages(zone))
		return false;
	if (!order)
		return true; /* any free page will do */
	for (unsigned int o = order; o < MAX_ORDER; o++)
		if (zone->free_area[o].nr_free)
			return true;
	return false;
}

/**
 * alloc_pages - allocate a block of 2^order pages
 * @gfp: GFP flags: which zones, whether the reserve may be used, zeroing
 * @order: 0..MAX_ORDER-1
 *
 * Return: the first page of the block (refcount 1), or NULL (reported
 * unless __GFP_NOWARN).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	struct zone *zone = preferred_zone[(gfp / GFP_HIGHMEM) & 1];
	struct list_head *list = &zone->pcp.lists[order];
	unsigned long pages = 1UL << order;
	struct page *page;

	if (unlikely(order > PAGE_ALLOC_COSTLY_ORDER ||
		     (gfp & ~(gfp_t)ALLOC_FAST_GFP) || list_empty(list) ||
		     !pcp_watermark_ok(zone, order)))
		return __alloc_pages_slowpath(gfp, order);
	page = list_first_entry(list, struct page, buddy_list);
	list_del(&page->buddy_list);
	zone->pcp.count -= (int)pages;
	zone->pgalloc += pages;
	/* private already holds the order; the block has one owner now. */
	page->flags = (page->flags & ~(1UL << PG_pcp)) | (1UL << PG_head);
	page->_refcount = 1;
	return page;
}

/**
 * __free_pages - give a block back
 * @page: its first page, as alloc_pages() returned it
 * @order: the order it was allocated with (the recorded one wins)
 *
 * Drops one reference; the last one frees the block: onto the per-CPU
 * list of its order (order <= PAGE_ALLOC_COSTLY_ORDER), else straight to
 * the free lists, merging with free buddies.  Misuse (not a struct page,
 * a reserved, slab or free page, a tail page, a wrong order) is reported
 * and, except for the order, refused.
 */
void __free_pages(struct page *page, unsigned int order)
{
	struct zone *zone;

	if (unlikely(page_to_pfn_checked(page) >= max_pfn ||
		     !page_expected_state(page) || page->_refcount != 1 ||
		     order != page->private || order > PAGE_ALLOC_COSTLY_ORDER))
		return __free_pages_slowpath(page, order);
	page->_refcount = 0;
	zone = page_zone(page);
	zone->pgfree += 1UL << order;
	free_to_pcp(zone, page, order);
}
