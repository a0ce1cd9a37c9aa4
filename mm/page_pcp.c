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
 *  - drain_local_pages() and drain_all_pages(): everything goes back, for
 *    a request that would otherwise fail, and for the self-check and the
 *    tests, which read the free lists.  Only a CPU touches its own lists
 *    (interrupts off), so a drain of every CPU's is an IPI to each, whose
 *    handler empties that CPU's lists, and a wait for all of them (Linux
 *    5.x sent work to each CPU; 6.0 and later take a per-list spinlock and
 *    drain remote lists directly).
 */
#include <asm/atomic.h>
#include <cpumask.h>
#include <kernel.h>
#include <mm.h>
#include <panic.h>
#include <smp.h>

#include "internal.h"

/* Empty this CPU's lists of zone (interrupts off). */
static unsigned long drain_pages_zone(struct zone *zone)
{
	struct per_cpu_pages *pcp = this_cpu_ptr(zone->per_cpu_pageset);
	int count = pcp->count;

	if (count)
		free_pcppages_bulk(zone, count, pcp, 0);
	return (unsigned long)count;
}

struct drain_request {
	struct zone *zone; /* NULL: every zone */
	atomic_t drained; /* pages, all CPUs together */
};

/* On each CPU (in its IPI handler, or here): empty its own lists. */
static void drain_local_pages_ipi(void *arg)
{
	struct drain_request *req = arg;
	struct zone *zone;
	unsigned long n = 0;

	if (req->zone)
		n = drain_pages_zone(req->zone);
	else
		for_each_populated_zone(zone)
			n += drain_pages_zone(zone);
	atomic_add((int)n, &req->drained);
}

/* Every CPU empties its lists of zone (or of all zones); pages drained. */
static unsigned long drain_request_all(struct zone *zone)
{
	struct drain_request req = { .zone = zone };

	on_each_cpu(drain_local_pages_ipi, &req, true);
	return (unsigned long)atomic_read(&req.drained);
}

unsigned long drain_local_pages(void)
{
	struct drain_request req = { .zone = NULL };
	unsigned long flags;

	local_irq_save(flags);
	drain_local_pages_ipi(&req);
	local_irq_restore(flags);
	return (unsigned long)atomic_read(&req.drained);
}

unsigned long drain_zone_pages(struct zone *zone)
{
	return drain_request_all(zone);
}

unsigned long drain_all_pages(void)
{
	return drain_request_all(NULL);
}

/* Linux's zone_batchsize(), and the high mark it used for years. */
static void pageset_init(struct per_cpu_pages *pcp, const struct zone *zone)
{
	unsigned long batch =
		min(zone->managed_pages / 1024, (512UL * 1024) / PAGE_SIZE);

	batch /= 4;
	batch = max(batch, 1UL);
	batch = rounddown_pow_of_two(batch + batch / 2) - 1;
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
