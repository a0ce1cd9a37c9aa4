// SPDX-License-Identifier: GPL-2.0
/*
 * buddy_test.c - verifies on the simulated machine that the buddy
 * allocator splits and merges exactly (every per-order count restored, the
 * buddy below merged as well as the one above), that its per-CPU lists
 * hold what their count says and give it all back when drained, that a
 * zone run dry stops at its min watermark while GFP_ATOMIC goes lower, and
 * that a double free or a tail page is refused with the counts intact.
 */
#include <kernel.h>
#include <mm.h>

#include "mm_host.h"

/* Every order of every zone: allocate, free, drain: nothing moved. */
static void buddy_split_then_merge_restores_free_counts(struct kunit *test)
{
	static const gfp_t gfps[] = { GFP_DMA, GFP_KERNEL, GFP_HIGHMEM };
	struct free_counts before;

	SIM_BOOT(test, .ram_mb = 64, .highmem_mb = 16);
	for (unsigned int i = 0; i < ARRAY_SIZE(gfps); i++) {
		for (unsigned int order = 0; order < MAX_ORDER; order++) {
			struct page *page;

			free_counts_take(&before);
			page = alloc_pages(gfps[i] | __GFP_NOWARN, order);
			if (!page)
				continue;
			KUNIT_EXPECT_EQ(
				test, page_to_pfn(page) & ((1UL << order) - 1),
				0UL);
			__free_pages(page, order);
			free_counts_expect(test, &before);
		}
	}
}

/*
 * Freeing the upper page of a pair whose lower page is free merges
 * downwards: the step to the buddy is negative.  (It was computed in
 * unsigned arithmetic, an overflow of the page pointer that UBSan reports:
 * the fuzzer's first finding.)  The order-0 list is emptied first, so that
 * the two pages come from one split block: the lower half, then the upper.
 */
static void buddy_free_merges_with_the_buddy_below(struct kunit *test)
{
	static struct page *hoard[4096];
	struct zone *zone = &zones[ZONE_NORMAL];
	struct free_counts before;
	struct page *lower, *upper;
	unsigned long n = 0;

	SIM_BOOT(test, .ram_mb = 32);
	free_counts_take(&before);
	while (zone->free_area[0].nr_free && n < ARRAY_SIZE(hoard))
		hoard[n++] = alloc_page(GFP_KERNEL);
	lower = alloc_page(GFP_KERNEL);
	upper = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, lower && upper && page_zone(lower) == zone);
	KUNIT_ASSERT_EQ(test, page_to_pfn(lower) % 2, 0UL);
	KUNIT_ASSERT_EQ(test, page_to_pfn(upper), page_to_pfn(lower) + 1);
	__free_page(lower);
	drain_all_pages();
	KUNIT_EXPECT_TRUE(test, PageBuddy(lower) && !lower->private);
	__free_page(upper); /* its buddy, lower, lies below it */
	drain_all_pages();
	KUNIT_EXPECT_FALSE(test, PageBuddy(upper));
	KUNIT_EXPECT_FALSE(test, PageBuddy(lower) && !lower->private);
	while (n)
		__free_page(hoard[--n]);
	free_counts_expect(test, &before);
}

static void pcp_lists_hold_their_count_and_drain_it_all(struct kunit *test)
{
	static struct page *pages[256];
	struct zone *zone = &zones[ZONE_NORMAL];
	struct per_cpu_pages *pcp;
	unsigned long free;
	int n;

	SIM_BOOT(test, .ram_mb = 64);
	pcp = this_cpu_ptr(zone->per_cpu_pageset);
	drain_all_pages();
	n = pcp->high + 1;
	KUNIT_ASSERT_TRUE(test, n > 1 && n <= (int)ARRAY_SIZE(pages));
	for (int i = 0; i < n; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	free = zone->free_pages;
	for (int i = 0; i < n - 1; i++) {
		__free_page(pages[i]);
		KUNIT_EXPECT_TRUE(test, PagePcp(pages[i]));
	}
	/* Up to `high` pages wait on the list: not free for the zone. */
	KUNIT_EXPECT_EQ(test, pcp->count, pcp->high);
	KUNIT_EXPECT_EQ(test, zone->free_pages, free);
	/* One more: `batch` of the oldest go back to the buddy allocator. */
	__free_page(pages[n - 1]);
	KUNIT_EXPECT_EQ(test, pcp->count, n - pcp->batch);
	KUNIT_EXPECT_EQ(test, zone->free_pages,
			free + (unsigned long)pcp->batch);
	KUNIT_EXPECT_EQ(test, drain_all_pages(),
			(unsigned long)(n - pcp->batch));
	KUNIT_EXPECT_EQ(test, pcp->count, 0);
	KUNIT_EXPECT_EQ(test, zone->free_pages, free + n);
}

/* A request fails at the min watermark; GFP_ATOMIC takes more. */
static void buddy_stops_at_the_min_watermark(struct kunit *test)
{
	static struct page *held[8192];
	struct zone *normal = &zones[ZONE_NORMAL], *dma = &zones[ZONE_DMA];
	unsigned int n = 0, kernel_n;

	SIM_BOOT(test, .ram_mb = 32);
	while (n < ARRAY_SIZE(held) &&
	       (held[n] = alloc_page(GFP_KERNEL | __GFP_NOWARN)))
		n++;
	KUNIT_ASSERT_TRUE(test, n < ARRAY_SIZE(held));
	KUNIT_EXPECT_EQ(test, this_cpu_ptr(normal->per_cpu_pageset)->count, 0);
	KUNIT_EXPECT_LE(test, normal->free_pages,
			min_wmark_pages(normal) +
				normal->lowmem_reserve[ZONE_NORMAL]);
	KUNIT_EXPECT_LE(test, dma->free_pages,
			min_wmark_pages(dma) +
				dma->lowmem_reserve[ZONE_NORMAL]);
	kernel_n = n;
	while (n < ARRAY_SIZE(held) &&
	       (held[n] = alloc_page(GFP_ATOMIC | __GFP_NOWARN)))
		n++;
	KUNIT_EXPECT_GT(test, n, kernel_n);
	KUNIT_EXPECT_GT(test, normal->free_pages, 0UL);
	while (n)
		__free_page(held[--n]);
}

static void buddy_refuses_double_free_and_tail_page(struct kunit *test)
{
	struct free_counts before;
	struct page *block;
	unsigned long bad;

	SIM_BOOT(test, .ram_mb = 32);
	block = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, block);
	free_counts_take(&before);
	bad = nr_bad_page_reports;
	__free_pages(block + 1, 0);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, bad + 1);
	KUNIT_EXPECT_TRUE(test, PageHead(block));
	free_counts_expect(test, &before);
	__free_pages(block, 2);
	free_counts_take(&before);
	__free_pages(block, 2);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, bad + 2);
	free_counts_expect(test, &before);
}

static struct kunit_case buddy_cases[] = {
	KUNIT_CASE(buddy_split_then_merge_restores_free_counts),
	KUNIT_CASE(buddy_free_merges_with_the_buddy_below),
	KUNIT_CASE(pcp_lists_hold_their_count_and_drain_it_all),
	KUNIT_CASE(buddy_stops_at_the_min_watermark),
	KUNIT_CASE(buddy_refuses_double_free_and_tail_page),
	{}
};

static struct kunit_suite buddy_suite = {
	.name = "buddy_host",
	.test_cases = buddy_cases,
};
kunit_test_suite(buddy_suite);
