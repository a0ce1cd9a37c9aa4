// SPDX-License-Identifier: GPL-2.0
/*
 * page_alloc_check.c - the buddy allocator checks itself.
 *
 * Run at every boot (before anything can depend on the allocator) and by the
 * tests after operations that move many pages.  Two parts:
 *  - structure: every block on free_area[k] is marked PageBuddy with order k,
 *    starts at a multiple of 2^k, lies inside its zone, and its buddy is not
 *    also free at order k (it would have been merged); the lists hold exactly
 *    nr_free blocks and add up to the zone's free_pages;
 *  - behaviour: for every order, allocate one block and free it again; the
 *    per-order counts must come back exactly (split then merge), once the
 *    per-CPU lists have given the block back.
 * A failure is printed precisely: which zone, which order, which pfn.
 */
#include <asm/pgtable.h>
#include <kernel.h>
#include <mm.h>
#include <printk.h>

static bool check_block(const struct zone *zone, const struct page *page,
			unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long buddy_pfn = pfn ^ (1UL << order);

	if (!page_ptr_valid(page) || !PageBuddy(page) ||
	    page->private != order) {
		pr_err("buddy: %s order %u: pfn %#lx on the list is not a free block of that order\n",
		       zone->name, order, pfn);
		return false;
	}
	if (pfn & ((1UL << order) - 1) || !zone_spans_pfn(zone, pfn) ||
	    !zone_spans_pfn(zone, pfn + (1UL << order) - 1) ||
	    page_zone(page) != zone) {
		pr_err("buddy: %s order %u: pfn %#lx misaligned or outside the zone\n",
		       zone->name, order, pfn);
		return false;
	}
	if (order < MAX_ORDER - 1 && zone_spans_pfn(zone, buddy_pfn) &&
	    PageBuddy(pfn_to_page(buddy_pfn)) &&
	    pfn_to_page(buddy_pfn)->private == order) {
		pr_err("buddy: %s order %u: pfn %#lx and its buddy %#lx are both free: not merged\n",
		       zone->name, order, pfn, buddy_pfn);
		return false;
	}
	return true;
}

/* The structure of one zone's free lists (the fuzzer's check too). */
bool buddy_check_zone_lists(const struct zone *zone)
{
	unsigned long total = 0;

	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		const struct free_area *area = &zone->free_area[order];
		const struct page *page;
		unsigned long n = 0;

		list_for_each_entry(page, &area->free_list, buddy_list) {
			if (n++ == zone->spanned_pages) {
				pr_err("buddy: %s order %u: the free list loops\n",
				       zone->name, order);
				return false;
			}
			if (!check_block(zone, page, order))
				return false;
		}
		if (n != area->nr_free) {
			pr_err("buddy: %s order %u: %lu blocks listed, nr_free says %lu\n",
			       zone->name, order, n, area->nr_free);
			return false;
		}
		total += n << order;
	}
	if (total != zone->free_pages) {
		pr_err("buddy: %s: lists hold %lu pages, free_pages says %lu\n",
		       zone->name, total, zone->free_pages);
		return false;
	}
	return true;
}

/* Allocate and free one block of each order; the counts must not move. */
static bool check_split_merge(struct zone *zone)
{
	gfp_t gfp = (zone->type == ZONE_DMA	? GFP_DMA :
		     zone->type == ZONE_HIGHMEM ? GFP_HIGHMEM :
						  GFP_KERNEL) |
		    __GFP_NOWARN;
	unsigned long before[MAX_ORDER];

	for (unsigned int order = 0; order < MAX_ORDER; order++) {
		struct page *page;

		drain_zone_pages(zone);
		for (unsigned int o = 0; o < MAX_ORDER; o++)
			before[o] = zone->free_area[o].nr_free;
		page = alloc_pages(gfp, order);
		if (!page)
			continue; /* a small zone: nothing that big */
		if (page_zone(page) != zone) {
			__free_pages(page, order);
			continue; /* served by a fallback zone */
		}
		__free_pages(page, order);
		drain_zone_pages(zone);
		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			if (zone->free_area[o].nr_free != before[o]) {
				pr_err("buddy: %s: order %u alloc+free changed order %u from %lu to %lu blocks\n",
				       zone->name, order, o, before[o],
				       zone->free_area[o].nr_free);
				return false;
			}
		}
	}
	return true;
}

bool buddy_self_check(void)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		if (!buddy_check_zone_lists(zone) || !check_split_merge(zone) ||
		    !buddy_check_zone_lists(zone))
			return false;
	}
	return true;
}
