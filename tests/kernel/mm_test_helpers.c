// SPDX-License-Identifier: GPL-2.0
/*
 * mm_test_helpers.c - helpers of the buddy and buddy_misuse suites (see the
 * header).  Not a suite itself.
 */
#include <kernel.h>
#include <string.h>

#include "mm_test_helpers.h"

/*
 * Both read the buddy allocator's own state: blocks waiting on the per-CPU
 * lists are given back first (drain_all_pages), so that a freed block has
 * merged where the buddy allocator would have merged it.
 */
void free_counts_snapshot(struct free_counts *c)
{
	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		for (int o = 0; o < MAX_ORDER; o++)
			c->nr_free[z][o] = zones[z].free_area[o].nr_free;
		c->free_pages[z] = zones[z].free_pages;
	}
}

/* Fail, naming zone and order, wherever the counts differ from `c`. */
void free_counts_expect(struct ktest *test, const struct free_counts *c,
			const char *when)
{
	drain_all_pages();
	for (int z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &zones[z];

		if (zone->free_pages != c->free_pages[z])
			ktest_fail(
				test,
				"%s: zone %s has %lu free pages, expected %lu",
				when, zone->name, zone->free_pages,
				c->free_pages[z]);
		for (int o = 0; o < MAX_ORDER; o++)
			if (zone->free_area[o].nr_free != c->nr_free[z][o])
				ktest_fail(
					test,
					"%s: zone %s order %d has %lu free blocks, expected %lu",
					when, zone->name, o,
					zone->free_area[o].nr_free,
					c->nr_free[z][o]);
	}
}

/* The flags that ask for `zone` first. */
gfp_t test_zone_gfp(const struct zone *zone)
{
	if (zone->type == ZONE_DMA)
		return GFP_DMA;
	if (is_highmem(zone))
		return GFP_HIGHMEM;
	return GFP_KERNEL;
}

/* Where GFP_KERNEL goes: ZONE_NORMAL, or DMA on a machine of <= 16 MB. */
struct zone *test_kernel_zone(void)
{
	return populated_zone(&zones[ZONE_NORMAL]) ? &zones[ZONE_NORMAL] :
						     &zones[ZONE_DMA];
}

/* Where GFP_HIGHMEM goes first: the highest populated zone. */
struct zone *test_highmem_zone(void)
{
	return populated_zone(&zones[ZONE_HIGHMEM]) ? &zones[ZONE_HIGHMEM] :
						      test_kernel_zone();
}

void hoard_init(struct hoard *h)
{
	memset(h, 0, sizeof(*h));
	for (int o = 0; o < MAX_ORDER; o++)
		INIT_LIST_HEAD(&h->blocks[o]);
}

void hoard_add(struct hoard *h, struct page *page, unsigned int order)
{
	list_add(&page->buddy_list, &h->blocks[order]);
	h->pages[page_zonenum(page)] += 1UL << order;
}

/* Allocate until even one page is refused, biggest blocks first. */
unsigned long hoard_fill(struct hoard *h, gfp_t gfp)
{
	unsigned long blocks = 0;

	for (int o = MAX_ORDER - 1; o >= 0; o--) {
		struct page *page;

		while ((page = alloc_pages(gfp | __GFP_NOWARN,
					   (unsigned int)o))) {
			hoard_add(h, page, (unsigned int)o);
			blocks++;
		}
	}
	return blocks;
}

void hoard_release(struct hoard *h)
{
	for (int o = 0; o < MAX_ORDER; o++) {
		struct page *page, *next;

		list_for_each_entry_safe(page, next, &h->blocks[o],
					 buddy_list) {
			list_del(&page->buddy_list);
			__free_pages(page, (unsigned int)o);
		}
	}
	memset(h->pages, 0, sizeof(h->pages));
}

/* Does the zone have a free block of at least this order? */
bool test_zone_has_block(const struct zone *zone, unsigned int order)
{
	for (; order < MAX_ORDER; order++)
		if (zone->free_area[order].nr_free)
			return true;
	return false;
}

bool alloc_buddy_pair(struct ktest *test, struct zone *zone, struct hoard *h,
		      struct free_counts *drained, struct page **a,
		      struct page **b)
{
	gfp_t gfp = test_zone_gfp(zone) | __GFP_NOWARN;

	while (zone->free_area[0].nr_free) {
		struct page *page = alloc_pages(gfp, 0);

		if (!page)
			break;
		hoard_add(h, page, 0);
	}
	free_counts_snapshot(drained);
	*a = alloc_pages(gfp, 0);
	*b = *a ? alloc_pages(gfp, 0) : NULL;
	if (*a && *b)
		return true;
	ktest_fail(test, "zone %s: cannot allocate two buddy pages",
		   zone->name);
	if (*a)
		hoard_add(h, *a, 0);
	return false;
}
