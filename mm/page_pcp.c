// SPDX-License-Identifier: GPL-2.0
/*
 * page_pcp.c - the per-CPU lists of the page allocator: how big they may
 * grow, and how their blocks go back to the buddy allocator.
 *
 * The lists themselves are simple (mmzone.h says what they are for): a
 * freed block of order 0..PAGE_ALLOC_COSTLY_ORDER is pushed on the list of
 * its order (free_to_pcp(), internal.h) and the next allocation of that
 * order pops it (page_alloc_fast.c, or rmqueue() in page_alloc.c).  This
 * file has the rest:
 *  - the size, as Linux computed it for years: batch is a quarter of
 *    1/1024 of the zone, at most 32 pages, rounded down to 2^n - 1 (31), and
 *    high is 6 * batch.  A small zone (DMA) gets high 0: nothing waits;
 *  - free_pcppages_bulk(): when a free takes the lists above high, batch
 *    pages' worth of the oldest blocks (the tails) go to __free_one_page()
 *    and merge with their buddies;
 *  - drain_zone_pages() and drain_all_pages(): everything goes back, for a
 *    request that would otherwise fail, and for the self-check and the
 *    tests, which read the free lists.
 * A block on a list is marked PG_pcp and keeps its order in private, so a
 * second free of it is reported as a double free.
 */
#include <kernel.h>
#include <mm.h>

#include "internal.h"

/*
 * Give at least `count` pages back to the buddy allocator (or all there
 * are), the oldest blocks first, from the list of `order` and then the
 * others in turn.
 */
void free_pcppages_bulk(struct zone *zone, int count, unsigned int order)
{
	struct per_cpu_pages *pcp = &zone->pcp;

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
}

unsigned long drain_zone_pages(struct zone *zone)
{
	int count = zone->pcp.count;

	free_pcppages_bulk(zone, count, 0);
	return (unsigned long)count;
}

unsigned long drain_all_pages(void)
{
	unsigned long drained = 0;
	struct zone *zone;

	for_each_populated_zone(zone)
		drained += drain_zone_pages(zone);
	return drained;
}

/*
 * The zone a request without GFP_DMA tries first: [0] for lowmem requests,
 * [1] with GFP_HIGHMEM.  The zonelist skips empty zones, so on a machine
 * without highmem [1] is Normal too; the fast path looks only here.
 */
struct zone *preferred_zone[2] = { &zones[ZONE_NORMAL], &zones[ZONE_HIGHMEM] };

static struct zone *first_populated_zone(enum zone_type highest)
{
	for (int z = (int)highest; z > 0; z--)
		if (populated_zone(&zones[z]))
			return &zones[z];
	return &zones[ZONE_DMA];
}

/* Linux's zone_batchsize(), and the high mark it used for years. */
static void zone_set_pageset(struct zone *zone)
{
	unsigned long batch =
		min(zone->managed_pages / 1024, (512UL * 1024) / PAGE_SIZE);

	batch /= 4;
	batch = max(batch, 1UL);
	batch = rounddown_pow_of_two(batch + batch / 2) - 1;
	zone->pcp.high = (int)(6 * batch);
	zone->pcp.batch = (int)max(batch, 1UL);
}

void setup_per_cpu_pageset(void)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		drain_zone_pages(zone);
		zone_set_pageset(zone);
	}
	preferred_zone[0] = first_populated_zone(ZONE_NORMAL);
	preferred_zone[1] = first_populated_zone(ZONE_HIGHMEM);
}
