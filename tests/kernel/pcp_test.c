// SPDX-License-Identifier: GPL-2.0
/*
 * pcp_test.c - verifies the per-CPU lists in front of the buddy allocator:
 * a freed small block waits on the list of its order and is the next one
 * allocated, without touching the free lists or free_pages; each order has
 * its own list; past `high` pages, `batch` pages' worth go back to the
 * buddy allocator and merge; drain_all_pages() gives everything back; a
 * second free of a block on a list is a double free; and a request that
 * finds a zone dry drains its list rather than fail while pages wait there.
 *
 * The tests' leak check drains the lists before and after every case, so
 * each case starts with them empty.
 */
#include <bug.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <printk.h>

#include "mm_test_helpers.h"

/* The zone GFP_KERNEL goes to, if its list caches anything (DMA does not). */
static struct zone *pcp_zone(struct ktest *test)
{
	struct zone *zone = test_kernel_zone();

	if (zone->pcp.high < 8 ||
	    zone->free_pages < high_wmark_pages(zone) + 2 * zone->pcp.high)
		ktest_skip(test, "the GFP_KERNEL zone has no per-CPU list");
	KTEST_ASSERT_EQ(test, zone->pcp.count, 0);
	return zone;
}

static void pcp_freed_page_is_the_next_one_allocated(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long free = zone->free_pages;

	KTEST_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	KTEST_EXPECT_TRUE(test, PagePcp(page));
	KTEST_EXPECT_FALSE(test, PageBuddy(page) || PageHead(page));
	KTEST_EXPECT_EQ(test, zone->pcp.count, 1);
	KTEST_EXPECT_EQ(test, zone->free_pages, free); /* not free for it */
	KTEST_EXPECT_PTR_EQ(test, alloc_page(GFP_KERNEL), page);
	KTEST_EXPECT_EQ(test, zone->pcp.count, 0);
	KTEST_EXPECT_EQ(test, zone->free_pages, free);
	KTEST_EXPECT_TRUE(test, PageHead(page) && !PagePcp(page));
	KTEST_EXPECT_EQ(test, page_count(page), 1);
	__free_page(page);
}

static void pcp_keeps_each_order_on_its_own_list(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	struct page *block[NR_PCP_LISTS];

	for (unsigned int o = 0; o < NR_PCP_LISTS; o++) {
		block[o] = alloc_pages(GFP_KERNEL, o);
		KTEST_ASSERT_NOT_NULL(test, block[o]);
	}
	for (unsigned int o = 0; o < NR_PCP_LISTS; o++)
		__free_pages(block[o], o);
	KTEST_EXPECT_EQ(test, zone->pcp.count, 1 + 2 + 4 + 8);
	for (unsigned int o = 0; o < NR_PCP_LISTS; o++) {
		KTEST_EXPECT_EQ(test, list_count_nodes(&zone->pcp.lists[o]), 1);
		KTEST_EXPECT_EQ(test, block[o]->private, o);
	}
	/* Highest order first: each takes the block of its own order. */
	for (int o = NR_PCP_LISTS - 1; o >= 0; o--)
		KTEST_EXPECT_PTR_EQ(test,
				    alloc_pages(GFP_KERNEL, (unsigned int)o),
				    block[o]);
	KTEST_EXPECT_EQ(test, zone->pcp.count, 0);
	for (unsigned int o = 0; o < NR_PCP_LISTS; o++)
		__free_pages(block[o], o);
}

static void pcp_gives_a_batch_back_above_high(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	int n = zone->pcp.high + 1;
	struct free_counts start;
	struct hoard h;

	free_counts_snapshot(&start);
	hoard_init(&h);
	for (int i = 0; i < n; i++) {
		struct page *page = alloc_page(GFP_KERNEL);

		KTEST_ASSERT_NOT_NULL(test, page);
		hoard_add(&h, page, 0);
	}
	hoard_release(&h);
	/* The (high + 1)th page went over: batch pages left, oldest first. */
	KTEST_EXPECT_EQ(test, zone->pcp.count, n - zone->pcp.batch);
	KTEST_EXPECT_EQ(test, zone->free_pages,
			start.free_pages[zone->type] - zone->pcp.count);
	KTEST_EXPECT_TRUE(test, buddy_self_check());
	free_counts_expect(test, &start, "after draining");
	KTEST_EXPECT_EQ(test, zone->pcp.count, 0);
}

static void pcp_drain_gives_every_page_back(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	struct page *a = alloc_pages(GFP_KERNEL, 0);
	struct page *b = alloc_pages(GFP_KERNEL, 2);
	unsigned long free = zone->free_pages;

	KTEST_ASSERT_NOT_NULL(test, a);
	KTEST_ASSERT_NOT_NULL(test, b);
	__free_pages(a, 0);
	__free_pages(b, 2);
	KTEST_EXPECT_EQ(test, drain_all_pages(), 5);
	KTEST_EXPECT_EQ(test, zone->pcp.count, 0);
	for (unsigned int o = 0; o < NR_PCP_LISTS; o++)
		KTEST_EXPECT_TRUE(test, list_empty(&zone->pcp.lists[o]));
	KTEST_EXPECT_EQ(test, zone->free_pages, free + 5);
	KTEST_EXPECT_FALSE(test, PagePcp(a) || PagePcp(b));
	KTEST_EXPECT_EQ(test, drain_all_pages(), 0);
}

static void pcp_second_free_is_a_double_free(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long reports = nr_bad_page_reports;
	printk_mark_t mark;

	KTEST_ASSERT_NOT_NULL(test, page);
	__free_page(page);
	mark = printk_mark();
	__free_page(page);
	KTEST_EXPECT_EQ(test, nr_bad_page_reports, reports + 1);
	KTEST_EXPECT_LOG(test, mark, "page is already free (double free)");
	KTEST_EXPECT_EQ(test, zone->pcp.count, 1);
	KTEST_EXPECT_TRUE(test, PagePcp(page));
}

/*
 * A zone run dry, then given a page back: it waits on the list, which the
 * zone does not count as free, so the next request fails every watermark;
 * the allocator then drains the list and succeeds.
 */
static void pcp_exhausted_zone_drains_its_list_and_succeeds(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	gfp_t gfp = test_zone_gfp(zone) | __GFP_NOWARN;
	struct free_counts start;
	struct page *kept, *page;
	struct hoard h;

	free_counts_snapshot(&start);
	kept = alloc_page(gfp);
	KTEST_ASSERT_NOT_NULL(test, kept);
	KTEST_ASSERT_TRUE(test, page_zone(kept) == zone);
	hoard_init(&h);
	hoard_fill(&h, gfp);
	KTEST_EXPECT_LE(test, zone->free_pages, min_wmark_pages(zone));
	__free_page(kept);
	KTEST_EXPECT_EQ(test, zone->pcp.count, 1);
	page = alloc_page(gfp);
	KTEST_EXPECT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, zone->pcp.count, 0);
	if (page)
		hoard_add(&h, page, 0);
	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
}

static const struct ktest_case pcp_cases[] = {
	KTEST_CASE(pcp_freed_page_is_the_next_one_allocated),
	KTEST_CASE(pcp_keeps_each_order_on_its_own_list),
	KTEST_CASE(pcp_gives_a_batch_back_above_high),
	KTEST_CASE(pcp_drain_gives_every_page_back),
	KTEST_CASE(pcp_second_free_is_a_double_free),
	KTEST_CASE(pcp_exhausted_zone_drains_its_list_and_succeeds),
	{}
};
KTEST_SUITE(pcp, pcp_cases);
