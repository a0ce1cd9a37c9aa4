// SPDX-License-Identifier: GPL-2.0
/*
 * page_pcp.c - the per-CPU lists of the page allocator: where they live,
 * how big they may grow, and how to empty them.
 *
 * The lists themselves are used in page_alloc.c, on the allocation and
 * free paths (mmzone.h says what they are for): a freed block of order
 * 0..PAGE_ALLOC_COSTLY_ORDER is pushed on this CPU's list of its order by
 * free_unref_page(), the next allocation of that order on this CPU pops
 * it in rmqueue_pcplist(), and free_pcppages_bulk() sends the oldest
 * blocks on to the free lists when there are more than `high` pages.
 * This file has the rest:
 *  - each zone's lists are a dynamic per-CPU allocation (alloc_percpu(),
 *    as Linux's zone->per_cpu_pageset): CPU n's copy is in CPU n's per-CPU
 *    area, and this_cpu_ptr() finds this CPU's through %fs;
 *  - the size, as Linux computed it for years: batch is a quarter of
 *    1/1024 of the zone, at most 32 pages, rounded down to 2^n - 1 (31),
 *    and high is 6 * batch, for each CPU.  A small zone (DMA) gets high 0:
 *    nothing waits;
 *  - drain_pages_zone() and drain_all_pages(): everything goes back, for
 *    a request that would otherwise fail, and for the self-check and the
 *    tests, which read the free lists.  A CPU drains another CPU's lists
 *    directly, under that list's lock (Linux 6.0 and later; before, it
 *    asked each CPU to drain its own with an IPI).
 */
#include <cpumask.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>

#include "internal.h"

/* Empty CPU cpu's lists of zone, under their lock. */
static unsigned long drain_pages_zone(unsigned int cpu, struct zone *zone)
{
	struct per_cpu_pages *pcp = per_cpu_ptr(zone->per_cpu_pageset, cpu);
	unsigned long flags;
	int count;

	spin_lock_irqsave(&pcp->lock, flags);
	count = pcp->count;
	if (count)
		free_pcppages_bulk(zone, count, pcp, 0);
	spin_unlock_irqrestore(&pcp->lock, flags);
	return (unsigned long)count;
}

unsigned long drain_zone_pages(struct zone *zone)
{
	unsigned long drained = 0;
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		drained += drain_pages_zone(cpu, zone);
	return drained;
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
static void pageset_init(struct per_cpu_pages *pcp, const struct zone *zone)
{
	unsigned long batch =
		min(zone->managed_pages / 1024, (512UL * 1024) / PAGE_SIZE);

	batch /= 4;
	batch = max(batch, 1UL);
	batch = rounddown_pow_of_two(batch + batch / 2) - 1;
	spin_lock_init(&pcp->lock);
	for (int o = 0; o < NR_PCP_LISTS; o++)
		INIT_LIST_HEAD(&pcp->lists[o]);
	pcp->count = 0;
	pcp->high = (int)(6 * batch);
	pcp->batch = (int)max(batch, 1UL);
}

/*
 * Boot, before the first allocation: every zone gets its lists on every
 * possible CPU.  Empty zones too, so that page_alloc.c never tests for a
 * missing pageset.
 */
void __init setup_per_cpu_pageset(void)
{
	struct zone *zone;
	unsigned int cpu;

	for_each_zone(zone) {
		zone->per_cpu_pageset = alloc_percpu(struct per_cpu_pages);
		if (!zone->per_cpu_pageset)
			panic("setup_per_cpu_pageset: no per-CPU memory");
		for_each_possible_cpu(cpu)
			pageset_init(per_cpu_ptr(zone->per_cpu_pageset, cpu),
				     zone);
	}
}
