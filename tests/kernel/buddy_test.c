// SPDX-License-Identifier: GPL-2.0
/*
 * buddy_test.c - verifies that the buddy allocator behaves as its theory of
 * operation says: the free lists are consistent; an allocation splits the
 * smallest block big enough exactly as predicted and freeing merges it back
 * (buddy = pfn ^ 2^order) until every per-order count is restored; blocks
 * are aligned to their order; GFP flags choose the zone and fall back along
 * the zonelist; running a zone dry returns NULL cleanly, stopping at the
 * min watermark plus lowmem_reserve, while GFP_ATOMIC may dip into the
 * reserve and GFP_NOFAIL may take it all; GFP_ZERO and get_zeroed_page
 * return zeroed memory, highmem included; and every misuse (order > 10,
 * double free, a free page, a reserved page, a tail page, the wrong order,
 * an address or pointer that is not a page, GFP_DMA|GFP_HIGHMEM) is
 * reported in Linux's words and survived with the counts intact.
 *
 * Expectations are computed from the zones' own counts and watermarks, so
 * the cases hold at every memory size.  Cases that hold many blocks chain
 * them through page->buddy_list, which an allocated block does not use (as
 * Linux callers use page->lru), so that holding all of RAM costs nothing.
 */
#include <asm/memlayout.h>
#include <bug.h>
#include <highmem.h>
#include <kernel.h>
#include <ktest.h>
#include <mm.h>
#include <printk.h>
#include <sprintf.h>
#include <string.h>
#include <vmstat.h>

#include "mm_test_helpers.h"

extern char _text[];

/* The free pages a zone keeps from a request whose highest zone is `idx`. */
static unsigned long zone_floor(const struct zone *zone, enum zone_type idx)
{
	return min_wmark_pages(zone) + zone->lowmem_reserve[idx];
}

/* A zone run dry stops at its floor (or stays put if it started below). */
static void expect_drained_to(struct ktest *test, const struct zone *zone,
			      unsigned long before, unsigned long floor)
{
	unsigned long want = min(before, floor);

	if (zone->free_pages != want)
		ktest_fail(
			test,
			"zone %s: %lu pages free after running dry, expected %lu (started with %lu, floor %lu)",
			zone->name, zone->free_pages, want, before, floor);
}

/* --- structure ---------------------------------------------------------- */

/* A block on free_area[order] of `zone`: its head, aligned, not mergeable. */
static void check_free_block(struct ktest *test, const struct zone *zone,
			     const struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	unsigned long buddy_pfn = pfn ^ (1UL << order);
	const struct page *buddy = pfn_to_page(buddy_pfn);

	KTEST_EXPECT_TRUE(test, PageBuddy(page));
	KTEST_EXPECT_EQ(test, page->private, order);
	KTEST_EXPECT_EQ(test, pfn & ((1UL << order) - 1), 0);
	KTEST_EXPECT_TRUE(test, zone_spans_pfn(zone, pfn));
	KTEST_EXPECT_TRUE(test, zone_spans_pfn(zone, pfn + (1UL << order) - 1));
	KTEST_EXPECT_PTR_EQ(test, page_zone(page), zone);
	/* Two free buddies of the same order would have been merged. */
	if (order < MAX_ORDER - 1 && zone_spans_pfn(zone, buddy_pfn))
		KTEST_EXPECT_FALSE(test,
				   PageBuddy(buddy) && buddy->private == order);
}

static void buddy_free_lists_are_consistent(struct ktest *test)
{
	unsigned long total = 0;
	const struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long pages = 0;

		for (unsigned int o = 0; o < MAX_ORDER; o++) {
			const struct free_area *area = &zone->free_area[o];
			const struct page *page;
			unsigned long n = 0;

			list_for_each_entry(page, &area->free_list,
					    buddy_list) {
				check_free_block(test, zone, page, o);
				n++;
			}
			KTEST_EXPECT_EQ(test, n, area->nr_free);
			pages += n << o;
		}
		KTEST_EXPECT_EQ(test, pages, zone->free_pages);
		total += pages;
	}
	KTEST_EXPECT_EQ(test, nr_free_pages(), total);
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

/*
 * After an order-k request split an order-o block: the order-o block is
 * gone and each order from k to o-1 gained one free upper half.
 */
static void expect_split(struct ktest *test, const struct zone *zone,
			 const unsigned long *before, unsigned int k,
			 unsigned int o, const struct page *page)
{
	for (unsigned int j = 0; j < MAX_ORDER; j++) {
		unsigned long want = before[j] - (j == o) + (j >= k && j < o);

		if (zone->free_area[j].nr_free != want)
			ktest_fail(
				test,
				"zone %s: after an order-%u split of an order-%u block, order %u has %lu blocks, expected %lu",
				zone->name, k, o, j, zone->free_area[j].nr_free,
				want);
	}
	for (unsigned int j = k; j < o; j++) {
		const struct page *half = page + (1UL << j);

		KTEST_EXPECT_TRUE(test, PageBuddy(half) && half->private == j);
	}
}

/* Allocate order k from `zone`: the split must be the predicted one. */
static bool split_merge_one(struct ktest *test, struct zone *zone,
			    unsigned int k)
{
	unsigned long before[MAX_ORDER], free = zone->free_pages;
	struct page *page, *want;
	unsigned int o = k;

	for (unsigned int j = 0; j < MAX_ORDER; j++)
		before[j] = zone->free_area[j].nr_free;
	/* Nothing big enough, or too close to the watermarks to insist. */
	if (!test_zone_has_block(zone, k) ||
	    free <= high_wmark_pages(zone) + (1UL << k))
		return false;
	while (!before[o])
		o++;
	want = list_first_entry(&zone->free_area[o].free_list, struct page,
				buddy_list);

	page = alloc_pages(test_zone_gfp(zone) | __GFP_NOWARN, k);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_PTR_EQ(test, page, want);
	KTEST_EXPECT_PTR_EQ(test, page_zone(page), zone);
	KTEST_EXPECT_EQ(test, zone->free_pages, free - (1UL << k));
	expect_split(test, zone, before, k, o, page);

	__free_pages(page, k);
	drain_zone_pages(zone); /* a small block waits on the per-CPU list */
	KTEST_EXPECT_EQ(test, zone->free_pages, free);
	for (unsigned int j = 0; j < MAX_ORDER; j++)
		if (zone->free_area[j].nr_free != before[j])
			ktest_fail(
				test,
				"zone %s: order-%u alloc+free left order %u at %lu blocks, was %lu",
				zone->name, k, j, zone->free_area[j].nr_free,
				before[j]);
	/* Merged back: the block is whole and free at its old order again. */
	KTEST_EXPECT_TRUE(test, PageBuddy(want) && want->private == o);
	return true;
}

static void buddy_split_then_merge_restores_free_counts(struct ktest *test)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned int done = 0;

		for (unsigned int k = 0; k < MAX_ORDER; k++)
			done += split_merge_one(test, zone, k);
		if (!done)
			ktest_fail(test, "zone %s: no order could be split",
				   zone->name);
	}
}

/*
 * Allocate two single pages that are buddies, a (even pfn) and b = a ^ 1:
 * with the loose single pages of the zone held in `h`, the next page must
 * come from a split, which leaves its buddy as the only free single page.
 * `drained` gets the counts from just before the split.
 */
static void buddy_freed_buddies_merge_into_the_order_above(struct ktest *test)
{
	struct zone *zone = test_kernel_zone();
	struct free_counts start, drained;
	unsigned long order1;
	struct page *a, *b;
	struct hoard h;

	free_counts_snapshot(&start);
	hoard_init(&h);
	if (!alloc_buddy_pair(test, zone, &h, &drained, &a, &b))
		goto out;
	KTEST_EXPECT_EQ(test, page_to_pfn(a) & 1, 0);
	KTEST_EXPECT_EQ(test, page_to_pfn(b), page_to_pfn(a) ^ 1);
	KTEST_EXPECT_EQ(test, zone->free_area[0].nr_free, 0);
	order1 = zone->free_area[1].nr_free;

	/* One half alone cannot merge (once the per-CPU list lets it go)... */
	__free_pages(a, 0);
	drain_zone_pages(zone);
	KTEST_EXPECT_EQ(test, zone->free_area[0].nr_free, 1);
	KTEST_EXPECT_EQ(test, zone->free_area[1].nr_free, order1);
	KTEST_EXPECT_TRUE(test, PageBuddy(a) && a->private == 0);
	/* ... both halves become the order-1 block, and merge on up. */
	__free_pages(b, 0);
	drain_zone_pages(zone);
	KTEST_EXPECT_EQ(test, zone->free_area[0].nr_free, 0);
	KTEST_EXPECT_EQ(test, zone->free_area[1].nr_free,
			drained.nr_free[zone->type][1]);
	KTEST_EXPECT_TRUE(test, PageBuddy(a) && a->private >= 1);
	KTEST_EXPECT_FALSE(test, PageBuddy(b));
	free_counts_expect(test, &drained, "after freeing both buddies");
out:
	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
}

/* Take three order-k blocks from `zone`: each is an aligned, owned head. */
static void check_aligned_blocks(struct ktest *test, struct zone *zone,
				 unsigned int k)
{
	struct page *page[3];
	int n;

	for (n = 0; n < 3; n++) {
		page[n] = alloc_pages(test_zone_gfp(zone) | __GFP_NOWARN, k);
		if (!page[n])
			break;
		KTEST_EXPECT_EQ(test, page_to_pfn(page[n]) & ((1UL << k) - 1),
				0);
		KTEST_EXPECT_TRUE(test, PageHead(page[n]));
		KTEST_EXPECT_FALSE(test, PageBuddy(page[n]));
		KTEST_EXPECT_EQ(test, page[n]->private, k);
		KTEST_EXPECT_EQ(test, page_count(page[n]), 1);
	}
	KTEST_EXPECT_EQ(test, n, 3);
	while (n--)
		__free_pages(page[n], k);
}

static void buddy_blocks_are_aligned_to_their_order(struct ktest *test)
{
	struct zone *zone;

	for_each_populated_zone(zone) {
		for (unsigned int k = 0; k < MAX_ORDER; k++) {
			/* Only where three blocks fit above the watermarks. */
			if (zone->free_pages >=
			    high_wmark_pages(zone) + (4UL << k))
				check_aligned_blocks(test, zone, k);
		}
	}
}

static void buddy_alloc_and_free_move_the_zone_counters(struct ktest *test)
{
	struct zone *zone = test_kernel_zone();
	/* pgalloc_<zone> and pgfree: per-CPU events, summed (vmstat.h). */
	enum vm_event_item pgalloc = PGALLOC_DMA + zone->type;
	unsigned long alloc = sum_vm_event(pgalloc);
	unsigned long freed = sum_vm_event(PGFREE);
	unsigned long free = zone->free_pages;
	struct page *page = alloc_pages(GFP_KERNEL, 3);

	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_PTR_EQ(test, page_zone(page), zone);
	KTEST_EXPECT_EQ(test, sum_vm_event(pgalloc), alloc + 8);
	KTEST_EXPECT_EQ(test, zone->free_pages, free - 8);
	__free_pages(page, 3);
	KTEST_EXPECT_EQ(test, sum_vm_event(PGFREE), freed + 8);
	drain_zone_pages(zone); /* the block was on the per-CPU list */
	KTEST_EXPECT_EQ(test, zone->free_pages, free);
}

/* --- zone selection ----------------------------------------------------- */

static void buddy_gfp_zone_maps_flags_to_zones(struct ktest *test)
{
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_KERNEL), ZONE_NORMAL);
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_ATOMIC), ZONE_NORMAL);
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_USER), ZONE_NORMAL);
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_KERNEL | GFP_ZERO | GFP_NOFAIL),
			ZONE_NORMAL);
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_DMA), ZONE_DMA);
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_DMA | GFP_ATOMIC), ZONE_DMA);
	/* i386 has no ZONE_DMA32: all of lowmem is below 4 GB. */
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_DMA32), ZONE_NORMAL);
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_HIGHMEM), ZONE_HIGHMEM);
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_HIGHUSER), ZONE_HIGHMEM);
	KTEST_EXPECT_EQ(test, gfp_zone(GFP_HIGHMEM | GFP_ZERO), ZONE_HIGHMEM);
}

/* Allocate order 0 and 3 with `gfp`; both must come from `want`. */
static void expect_served_from(struct ktest *test, gfp_t gfp,
			       const struct zone *want)
{
	for (unsigned int order = 0; order <= 3; order += 3) {
		struct page *page = alloc_pages(gfp, order);
		unsigned long last;

		KTEST_ASSERT_NOT_NULL(test, page);
		if (page_zone(page) != want)
			ktest_fail(
				test,
				"gfp %#x order %u: served from %s, expected %s",
				gfp, order, page_zone(page)->name, want->name);
		last = page_to_pfn(page) + (1UL << order) - 1;
		KTEST_EXPECT_TRUE(test,
				  zone_spans_pfn(want, page_to_pfn(page)));
		KTEST_EXPECT_TRUE(test, zone_spans_pfn(want, last));
		__free_pages(page, order);
	}
}

static void buddy_gfp_dma_is_served_from_zone_dma(struct ktest *test)
{
	struct page *page;

	expect_served_from(test, GFP_DMA, &zones[ZONE_DMA]);
	page = alloc_pages(GFP_DMA, 0);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_LT(test, page_to_phys(page), MAX_DMA_ADDRESS);
	__free_pages(page, 0);
}

static void buddy_gfp_kernel_is_served_from_zone_normal(struct ktest *test)
{
	/* At 16 MB there is no ZONE_NORMAL: GFP_KERNEL falls back to DMA. */
	expect_served_from(test, GFP_KERNEL, test_kernel_zone());
	expect_served_from(test, GFP_ATOMIC, test_kernel_zone());
}

static void buddy_gfp_highmem_prefers_zone_highmem(struct ktest *test)
{
	/* Without highmem, GFP_HIGHMEM is served from lowmem. */
	expect_served_from(test, GFP_HIGHMEM, test_highmem_zone());
	expect_served_from(test, GFP_HIGHUSER, test_highmem_zone());
}

static void buddy_gfp_dma32_is_served_from_lowmem(struct ktest *test)
{
	struct page *page;

	expect_served_from(test, GFP_DMA32, test_kernel_zone());
	page = alloc_pages(GFP_DMA32, 0);
	KTEST_ASSERT_NOT_NULL(test, page);
	KTEST_EXPECT_FALSE(test, PageHighMem(page));
	KTEST_EXPECT_LT(test, page_to_pfn(page), max_low_pfn);
	__free_pages(page, 0);
}

/* --- running dry: watermarks and lowmem_reserve ------------------------- */

static void buddy_exhausting_zone_dma_returns_null_cleanly(struct ktest *test)
{
	struct zone *dma = &zones[ZONE_DMA];
	printk_mark_t mark = printk_mark();
	struct free_counts start;
	struct hoard h;

	free_counts_snapshot(&start);
	hoard_init(&h);
	KTEST_EXPECT_GT(test, hoard_fill(&h, GFP_DMA), 0);
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_DMA | __GFP_NOWARN, 0));
	/* Only DMA gave pages, down to its min watermark exactly. */
	KTEST_EXPECT_EQ(test, h.pages[ZONE_DMA],
			start.free_pages[ZONE_DMA] - dma->free_pages);
	expect_drained_to(test, dma, start.free_pages[ZONE_DMA],
			  zone_floor(dma, ZONE_DMA));
	for (int z = ZONE_DMA + 1; z < MAX_NR_ZONES; z++)
		KTEST_EXPECT_EQ(test, zones[z].free_pages, start.free_pages[z]);
	KTEST_EXPECT_NO_LOG(test, mark, "page allocation failure");

	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void
buddy_exhausting_memory_leaves_each_zone_its_floor(struct ktest *test)
{
	printk_mark_t mark = printk_mark();
	struct free_counts start;
	const struct zone *zone;
	struct hoard h;

	free_counts_snapshot(&start);
	hoard_init(&h);
	/* GFP_HIGHMEM may use every zone: HighMem, then Normal, then DMA. */
	KTEST_EXPECT_GT(test, hoard_fill(&h, GFP_HIGHMEM), 0);
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_HIGHMEM | __GFP_NOWARN, 0));
	for_each_populated_zone(zone) {
		expect_drained_to(test, zone, start.free_pages[zone->type],
				  zone_floor(zone, ZONE_HIGHMEM));
		KTEST_EXPECT_EQ(test, h.pages[zone->type],
				start.free_pages[zone->type] -
					zone->free_pages);
	}
	KTEST_EXPECT_NO_LOG(test, mark, "page allocation failure");

	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
	KTEST_EXPECT_TRUE(test, buddy_self_check());
}

static void buddy_gfp_kernel_leaves_dma_its_lowmem_reserve(struct ktest *test)
{
	struct zone *dma = &zones[ZONE_DMA], *normal = &zones[ZONE_NORMAL];
	unsigned long reserve;
	struct free_counts start;
	struct page *page;
	struct hoard h;

	if (!populated_zone(normal))
		ktest_skip(test, "no ZONE_NORMAL: DMA is all of lowmem");
	/* What DMA keeps back from requests that could use Normal. */
	reserve = (zones[ZONE_DMA32].managed_pages + normal->managed_pages) /
		  (unsigned long)lowmem_reserve_ratio[ZONE_DMA];
	KTEST_EXPECT_EQ(test, dma->lowmem_reserve[ZONE_NORMAL], reserve);

	free_counts_snapshot(&start);
	hoard_init(&h);
	KTEST_EXPECT_GT(test, hoard_fill(&h, GFP_KERNEL), 0);
	expect_drained_to(test, normal, start.free_pages[ZONE_NORMAL],
			  min_wmark_pages(normal));
	expect_drained_to(test, dma, start.free_pages[ZONE_DMA],
			  min_wmark_pages(dma) + reserve);
	KTEST_EXPECT_EQ(test, h.pages[ZONE_HIGHMEM], 0);
	/* The reserve is still there for those who need DMA. */
	if (dma->free_pages > min_wmark_pages(dma)) {
		page = alloc_pages(GFP_DMA | __GFP_NOWARN, 0);
		KTEST_EXPECT_NOT_NULL(test, page);
		if (page)
			__free_pages(page, 0);
	}
	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
}

/* The floor for an atomic request: min less Linux's two fractions. */
static unsigned long atomic_floor(const struct zone *zone)
{
	unsigned long min = min_wmark_pages(zone);

	min -= min / 2; /* ALLOC_HIGH */
	min -= min / 4; /* ALLOC_HARDER */
	return min;
}

static void
buddy_atomic_request_dips_below_the_min_watermark(struct ktest *test)
{
	struct zone *dma = &zones[ZONE_DMA];
	unsigned long min = min_wmark_pages(dma), floor = atomic_floor(dma);
	unsigned long atomic = 0, drained;
	struct free_counts start;
	struct page *page;
	struct hoard h;

	free_counts_snapshot(&start);
	hoard_init(&h);
	hoard_fill(&h, GFP_DMA);
	expect_drained_to(test, dma, start.free_pages[ZONE_DMA], min);
	drained = dma->free_pages;
	/* An ordinary request may not take the zone below min... */
	KTEST_EXPECT_NULL(test, alloc_pages(GFP_DMA | __GFP_NOWARN, 0));
	KTEST_EXPECT_FALSE(test, zone_watermark_ok(dma, 0, min, ZONE_DMA,
						   GFP_KERNEL));
	KTEST_EXPECT_EQ(test,
			zone_watermark_ok(dma, 0, min, ZONE_DMA, GFP_ATOMIC),
			dma->free_pages > floor);
	/* ... an atomic one may, down to its own floor. */
	while ((page = alloc_pages(GFP_DMA | GFP_ATOMIC | __GFP_NOWARN, 0))) {
		KTEST_EXPECT_EQ(test, page_zonenum(page), ZONE_DMA);
		hoard_add(&h, page, 0);
		atomic++;
	}
	expect_drained_to(test, dma, drained, floor);
	KTEST_EXPECT_EQ(test, atomic, drained - dma->free_pages);
	if (drained > floor)
		KTEST_EXPECT_GT(test, atomic, 0);
	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
}

static void buddy_nofail_request_takes_the_last_reserve(struct ktest *test)
{
	struct zone *dma = &zones[ZONE_DMA];
	unsigned long floor = atomic_floor(dma), drained;
	struct free_counts start;
	printk_mark_t mark;
	struct page *page;
	struct hoard h;

	free_counts_snapshot(&start);
	hoard_init(&h);
	hoard_fill(&h, GFP_DMA | GFP_ATOMIC);
	expect_drained_to(test, dma, start.free_pages[ZONE_DMA], floor);
	drained = dma->free_pages;
	KTEST_EXPECT_NULL(test,
			  alloc_pages(GFP_DMA | GFP_ATOMIC | __GFP_NOWARN, 0));

	/* Below every watermark, GFP_NOFAIL still gets its page. */
	mark = printk_mark();
	page = drained ? alloc_pages(GFP_DMA | GFP_NOFAIL, 0) : NULL;
	KTEST_EXPECT_NOT_NULL(test, page);
	if (page) {
		KTEST_EXPECT_EQ(test, page_zonenum(page), ZONE_DMA);
		KTEST_EXPECT_EQ(test, dma->free_pages, drained - 1);
		hoard_add(&h, page, 0);
	}
	/* If a block of two pages is left, NOFAIL may take that too. */
	if (test_zone_has_block(dma, 1)) {
		page = alloc_pages(GFP_DMA | GFP_NOFAIL, 1);
		KTEST_EXPECT_NOT_NULL(test, page);
		if (page)
			hoard_add(&h, page, 1);
	}
	KTEST_EXPECT_NO_LOG(test, mark, "page allocation failure");

	hoard_release(&h);
	free_counts_expect(test, &start, "after freeing everything");
}

/* --- zeroed pages ------------------------------------------------------- */

static bool highpage_is_zero(struct page *page)
{
	void *addr = kmap_local_page(page);
	bool zero = addr && !memchr_inv(addr, 0, PAGE_SIZE);

	if (addr)
		kunmap_local(addr);
	return zero;
}

/* Fill a highmem block with a pattern through kmap_local. */
static bool dirty_highpages(struct page *page, unsigned int nr)
{
	for (unsigned int i = 0; i < nr; i++) {
		void *addr = kmap_local_page(page + i);

		if (!addr)
			return false;
		memset(addr, 0xa5, PAGE_SIZE);
		kunmap_local(addr);
	}
	return true;
}

static void buddy_gfp_zero_highmem_page_reads_zero(struct ktest *test)
{
	struct page *page, *again;
	unsigned long pfn;

	if (!populated_zone(&zones[ZONE_HIGHMEM]))
		ktest_skip(test, "no highmem in this boot");
	/* Dirty a highmem block, then give it back. */
	page = alloc_pages(GFP_HIGHMEM, 2);
	KTEST_ASSERT_NOT_NULL(test, page);
	pfn = page_to_pfn(page);
	KTEST_EXPECT_TRUE(test, PageHighMem(page));
	KTEST_EXPECT_TRUE(test, dirty_highpages(page, 4));
	__free_pages(page, 2);

	/* Nothing moved in between: the same block is handed out again. */
	again = alloc_pages(GFP_HIGHMEM | GFP_ZERO, 2);
	KTEST_ASSERT_NOT_NULL(test, again);
	KTEST_EXPECT_EQ(test, page_to_pfn(again), pfn);
	for (int i = 0; i < 4; i++)
		KTEST_EXPECT_TRUE(test, highpage_is_zero(again + i));
	__free_pages(again, 2);

	again = alloc_pages(GFP_HIGHMEM | GFP_ZERO, 0);
	KTEST_ASSERT_NOT_NULL(test, again);
	KTEST_EXPECT_TRUE(test, PageHighMem(again));
	KTEST_EXPECT_TRUE(test, highpage_is_zero(again));
	__free_pages(again, 0);
}

static void buddy_get_zeroed_page_is_zeroed(struct ktest *test)
{
	unsigned long addr = __get_free_page(GFP_KERNEL), zeroed;

	KTEST_ASSERT_NE(test, addr, 0);
	memset((void *)addr, 0x5a, PAGE_SIZE);
	free_page(addr);

	zeroed = get_zeroed_page(GFP_KERNEL);
	KTEST_ASSERT_NE(test, zeroed, 0);
	KTEST_EXPECT_EQ(test, zeroed, addr); /* the dirty page came back */
	KTEST_EXPECT_NULL(test, memchr_inv((void *)zeroed, 0, PAGE_SIZE));
	free_page(zeroed);
}

static void
buddy_get_free_pages_with_gfp_highmem_returns_lowmem(struct ktest *test)
{
	for (unsigned int order = 0; order <= 3; order += 3) {
		unsigned long addr = __get_free_pages(GFP_HIGHMEM, order);

		KTEST_ASSERT_NE(test, addr, 0);
		KTEST_ASSERT_TRUE(test, virt_addr_valid((void *)addr));
		KTEST_ASSERT_LE(test, addr + (PAGE_SIZE << order),
				(unsigned long)high_memory);
		KTEST_EXPECT_TRUE(test, IS_ALIGNED(addr, PAGE_SIZE << order));
		KTEST_EXPECT_FALSE(test,
				   PageHighMem(virt_to_page((void *)addr)));
		memset((void *)addr, 0, PAGE_SIZE << order);
		free_pages(addr, order);
	}
}

static const struct ktest_case buddy_cases[] = {
	KTEST_CASE(buddy_free_lists_are_consistent),
	KTEST_CASE(buddy_split_then_merge_restores_free_counts),
	KTEST_CASE(buddy_freed_buddies_merge_into_the_order_above),
	KTEST_CASE(buddy_blocks_are_aligned_to_their_order),
	KTEST_CASE(buddy_alloc_and_free_move_the_zone_counters),
	KTEST_CASE(buddy_gfp_zone_maps_flags_to_zones),
	KTEST_CASE(buddy_gfp_dma_is_served_from_zone_dma),
	KTEST_CASE(buddy_gfp_kernel_is_served_from_zone_normal),
	KTEST_CASE(buddy_gfp_highmem_prefers_zone_highmem),
	KTEST_CASE(buddy_gfp_dma32_is_served_from_lowmem),
	KTEST_CASE(buddy_exhausting_zone_dma_returns_null_cleanly),
	KTEST_CASE(buddy_exhausting_memory_leaves_each_zone_its_floor),
	KTEST_CASE(buddy_gfp_kernel_leaves_dma_its_lowmem_reserve),
	KTEST_CASE(buddy_atomic_request_dips_below_the_min_watermark),
	KTEST_CASE(buddy_nofail_request_takes_the_last_reserve),
	KTEST_CASE(buddy_gfp_zero_highmem_page_reads_zero),
	KTEST_CASE(buddy_get_zeroed_page_is_zeroed),
	KTEST_CASE(buddy_get_free_pages_with_gfp_highmem_returns_lowmem),
	{}
};
KTEST_SUITE(buddy, buddy_cases);
