// SPDX-License-Identifier: GPL-2.0
/*
 * page_pcp.c - the per-CPU lists of the page allocator: how big they may
 * grow, and how to empty them.
 *
 * The lists themselves are in page_alloc.c, on the allocation and free
 * paths (mmzone.h says what they are for): a freed block of order
 * 0..PAGE_ALLOC_COSTLY_ORDER is pushed on the list of its order by
 * free_unref_page(), the next allocation of that order pops it in
 * rmqueue_pcplist(), and free_pcppages_bulk() sends the oldest blocks on
 * to the free lists when there are more than `high` pages.  This file has
 * the rest:
 *  - the size, as Linux computed it for years: batch is a quarter of
 *    1/1024 of the zone, at most 32 pages, rounded down to 2^n - 1 (31), and
 *    high is 6 * batch.  A small zone (DMA) gets high 0: nothing waits;
 *  - drain_zone_pages() and drain_all_pages(): everything goes back, for a
 *    request that would otherwise fail, and for the self-check and the
 *    tests, which read the free lists.
 */
#include <kernel.h>
#include <mm.h>

#include "internal.h"

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
}
