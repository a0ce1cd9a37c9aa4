// SPDX-License-Identifier: GPL-2.0
/*
 * pcp_test.c - verifies the per-CPU lists in front of the buddy allocator:
 * a freed small block waits on the list of its order and is the next one
 * allocated, without touching the free lists or free_pages; each order has
 * its own list; past `high` pages, `batch` pages' worth go back to the
 * buddy allocator and merge; drain_all_pages() gives everything back; a
 * second free of a block on a list is a double free; a request that finds
 * a zone dry drains its list rather than fail while pages wait there; and,
 * with several CPUs, that each CPU has lists of its own: a page freed on
 * CPU 1 waits on CPU 1's list, out of CPU 0's reach, until a drain (from
 * any CPU) gives it back.
 *
 * The tests' leak check drains the lists before and after every case, so
 * each case starts with them empty.
 */
#include <bug.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <percpu.h>
#include <printk.h>
#include <smp.h>

#include "mm_test_helpers.h"
#include "smp_test_helpers.h"

/* This CPU's lists of a zone (the case runs on one CPU throughout). */
static struct per_cpu_pages *my_pcp(struct zone *zone)
{
	return this_cpu_ptr(zone->per_cpu_pageset);
}

/* The zone GFP_KERNEL goes to, if its list caches anything (DMA does not). */
static struct zone *pcp_zone(struct ktest *test)
{
	struct zone *zone = test_kernel_zone();

	if (my_pcp(zone)->high < 8 ||
	    zone->free_pages < high_wmark_pages(zone) + 2 * my_pcp(zone)->high)
		ktest_skip(test, "the GFP_KERNEL zone has no per-CPU list");
	KTEST_ASSERT_EQ(test, my_pcp(zone)->count, 0);
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
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 1);
	KTEST_EXPECT_EQ(test, zone->free_pages, free); /* not free for it */
	KTEST_EXPECT_PTR_EQ(test, alloc_page(GFP_KERNEL), page);
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 0);
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
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 1 + 2 + 4 + 8);
	for (unsigned int o = 0; o < NR_PCP_LISTS; o++) {
		KTEST_EXPECT_EQ(test, list_count_nodes(&my_pcp(zone)->lists[o]),
				1);
		KTEST_EXPECT_EQ(test, block[o]->private, o);
	}
	/* Highest order first: each takes the block of its own order. */
	for (int o = NR_PCP_LISTS - 1; o >= 0; o--)
		KTEST_EXPECT_PTR_EQ(test,
				    alloc_pages(GFP_KERNEL, (unsigned int)o),
				    block[o]);
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 0);
	for (unsigned int o = 0; o < NR_PCP_LISTS; o++)
		__free_pages(block[o], o);
}

static void pcp_gives_a_batch_back_above_high(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	int n = my_pcp(zone)->high + 1;
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
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, n - my_pcp(zone)->batch);
	KTEST_EXPECT_EQ(test, zone->free_pages,
			start.free_pages[zone->type] - my_pcp(zone)->count);
	KTEST_EXPECT_TRUE(test, buddy_self_check());
	free_counts_expect(test, &start, "after draining");
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 0);
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
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 0);
	for (unsigned int o = 0; o < NR_PCP_LISTS; o++)
		KTEST_EXPECT_TRUE(test, list_empty(&my_pcp(zone)->lists[o]));
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
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 1);
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
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 1);
	page = alloc_page(gfp);
	KTEST_EXPECT_NOT_NULL(test, page);
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 0);
	if (page)
		hoard_add(&h, page, 0);
	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
}

static int free_page_here(void *arg)
{
	__free_page(arg);
	return (int)smp_processor_id();
}

static int alloc_page_here(void *arg)
{
	*(struct page **)arg = alloc_page(GFP_KERNEL);
	return 0;
}

/* Each CPU has its own lists: a page freed on CPU 1 is CPU 1's to reuse. */
static void pcp_page_freed_on_another_cpu_waits_on_its_list(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	unsigned int other = ktest_other_cpu(test);
	struct per_cpu_pages *theirs =
		per_cpu_ptr(zone->per_cpu_pageset, other);
	struct page *page = alloc_page(GFP_KERNEL), *mine, *again = NULL;

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_ASSERT_EQ(test, theirs->count, 0);
	KTEST_EXPECT_EQ(test,
			smp_call_on_cpu(other, free_page_here, page, false),
			(int)other);
	KTEST_EXPECT_EQ(test, theirs->count, 1);
	KTEST_EXPECT_EQ(test, my_pcp(zone)->count, 0);
	/* This CPU's list is empty: it gets another page, from the buddies. */
	mine = alloc_page(GFP_KERNEL);
	KTEST_EXPECT_PTR_NE(test, mine, page);
	/* The other CPU takes its own page back. */
	smp_call_on_cpu(other, alloc_page_here, &again, false);
	KTEST_EXPECT_PTR_EQ(test, again, page);
	KTEST_EXPECT_EQ(test, theirs->count, 0);
	if (mine)
		__free_page(mine);
	if (again)
		__free_page(again);
}

/* drain_all_pages() empties every CPU's lists, from this one. */
static void pcp_drain_empties_every_cpus_lists(struct ktest *test)
{
	struct zone *zone = pcp_zone(test);
	struct page *page[NR_CPUS];
	unsigned int cpu, n = 0;
	unsigned long free = zone->free_pages;

	/* All first: a page freed on this CPU would be the next allocated. */
	for_each_online_cpu(cpu) {
		page[cpu] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT_NOT_NULL(test, page[cpu]);
	}
	for_each_online_cpu(cpu) {
		smp_call_on_cpu(cpu, free_page_here, page[cpu], false);
		n++;
	}
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test,
				per_cpu_ptr(zone->per_cpu_pageset, cpu)->count,
				1);
	KTEST_EXPECT_EQ(test, zone->free_pages, free - n);
	KTEST_EXPECT_EQ(test, drain_all_pages(), n);
	for_each_online_cpu(cpu)
		KTEST_EXPECT_EQ(test,
				per_cpu_ptr(zone->per_cpu_pageset, cpu)->count,
				0);
	KTEST_EXPECT_EQ(test, zone->free_pages, free);
}

static const struct ktest_case pcp_cases[] = {
	KTEST_CASE(pcp_freed_page_is_the_next_one_allocated),
	KTEST_CASE(pcp_keeps_each_order_on_its_own_list),
	KTEST_CASE(pcp_gives_a_batch_back_above_high),
	KTEST_CASE(pcp_drain_gives_every_page_back),
	KTEST_CASE(pcp_second_free_is_a_double_free),
	KTEST_CASE(pcp_exhausted_zone_drains_its_list_and_succeeds),
	KTEST_CASE(pcp_page_freed_on_another_cpu_waits_on_its_list),
	KTEST_CASE(pcp_drain_empties_every_cpus_lists),
	{}
};
KTEST_SUITE(pcp, pcp_cases);
