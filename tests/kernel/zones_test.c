// SPDX-License-Identifier: GPL-2.0
/*
 * zones_test.c - verifies that physical memory is split into zones as
 * Linux i386 splits it, for whatever memory size and options the kernel was
 * booted with: ZONE_DMA up to 16 MB (or the end of lowmem), ZONE_NORMAL up
 * to max_low_pfn, ZONE_HIGHMEM up to max_pfn, DMA32 and Movable empty; the
 * limits follow the e820 map, `highmem=` and `mem=`; each zone's page counts
 * are consistent (spanned >= present >= managed, present from memblock,
 * managed = its pages that are not reserved); every page carries its zone;
 * and the watermarks and lowmem_reserve are the ones min_free_kbytes and
 * lowmem_reserve_ratio give.
 */
#include <asm/e820.h>
#include <asm/memlayout.h>
#include <asm/setup.h>
#include <kernel.h>
#include <ktest.h>
#include <memblock.h>
#include <mm.h>
#include <string.h>

#define MAX_DMA_PFN (MAX_DMA_ADDRESS >> PAGE_SHIFT)
#define SAMPLES 4096 /* pages whose zone a walk checks */

/* The first pfn past the usable RAM below 4 GB, from the e820 map. */
static unsigned long e820_ram_end_pfn(void)
{
	u64 end = 0;

	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM && e->addr < (1ULL << 32))
			end = max(end, min(e->addr + e->size, 1ULL << 32));
	}
	return (unsigned long)(end >> PAGE_SHIFT);
}

/* Pages of [start, end) in memblock.memory. */
static unsigned long memblock_pages_in(unsigned long start, unsigned long end)
{
	unsigned long pages = 0;

	for (unsigned long i = 0; i < memblock.memory.cnt; i++) {
		const struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long rs = (unsigned long)(r->base >> PAGE_SHIFT);
		unsigned long re =
			(unsigned long)((r->base + r->size) >> PAGE_SHIFT);

		if (max(rs, start) < min(re, end))
			pages += min(re, end) - max(rs, start);
	}
	return pages;
}

/* The zone whose span holds pfn, or NULL (pfn 0, past max_pfn). */
static const struct zone *zone_of_pfn(unsigned long pfn)
{
	const struct zone *zone;

	for_each_zone(zone)
		if (zone->spanned_pages && zone_spans_pfn(zone, pfn))
			return zone;
	return NULL;
}

static void expect_span(struct ktest *test, enum zone_type type,
			unsigned long start, unsigned long end)
{
	const struct zone *zone = &zones[type];

	KTEST_EXPECT_EQ(test, zone->type, type);
	if (start >= end) {
		KTEST_EXPECT_EQ(test, zone->spanned_pages, 0);
		KTEST_EXPECT_EQ(test, zone->present_pages, 0);
		return;
	}
	KTEST_EXPECT_EQ(test, zone->zone_start_pfn, start);
	KTEST_EXPECT_EQ(test, zone_end_pfn(zone), end);
}

static void zones_boundaries_follow_the_pfn_limits(struct ktest *test)
{
	unsigned long first =
		(unsigned long)(memblock.memory.regions[0].base >> PAGE_SHIFT);
	unsigned long dma_end = min(MAX_DMA_PFN, max_low_pfn);
	/* Without highmem=, RAM alone decides where lowmem ends. */
	if (!mem_options.highmem_given) {
		KTEST_EXPECT_EQ(test, max_pfn, e820_ram_end_pfn());
		KTEST_EXPECT_EQ(test, max_low_pfn, min(max_pfn, MAXMEM_PFN));
	}
	expect_span(test, ZONE_DMA, first, dma_end);
	expect_span(test, ZONE_NORMAL, dma_end, max_low_pfn);
	expect_span(test, ZONE_HIGHMEM, max_low_pfn, max_pfn);
	KTEST_EXPECT_STREQ(test, zones[ZONE_DMA].name, "DMA");
	KTEST_EXPECT_STREQ(test, zones[ZONE_NORMAL].name, "Normal");
	KTEST_EXPECT_STREQ(test, zones[ZONE_HIGHMEM].name, "HighMem");
	KTEST_EXPECT_TRUE(test, populated_zone(&zones[ZONE_DMA]));
	KTEST_EXPECT_EQ(test, populated_zone(&zones[ZONE_HIGHMEM]),
			max_pfn > max_low_pfn);
}

static void zones_dma32_and_movable_are_empty(struct ktest *test)
{
	static const enum zone_type empty[] = { ZONE_DMA32, ZONE_MOVABLE };

	for (unsigned int i = 0; i < ARRAY_SIZE(empty); i++) {
		const struct zone *zone = &zones[empty[i]];

		KTEST_EXPECT_EQ(test, zone->type, empty[i]);
		KTEST_EXPECT_EQ(test, zone->spanned_pages, 0);
		KTEST_EXPECT_EQ(test, zone->present_pages, 0);
		KTEST_EXPECT_EQ(test, zone->managed_pages, 0);
		KTEST_EXPECT_EQ(test, zone->free_pages, 0);
		for (int o = 0; o < MAX_ORDER; o++)
			KTEST_EXPECT_EQ(test, zone->free_area[o].nr_free, 0);
	}
	KTEST_EXPECT_STREQ(test, zones[ZONE_DMA32].name, "DMA32");
	KTEST_EXPECT_STREQ(test, zones[ZONE_MOVABLE].name, "Movable");
}

static void zones_highmem_option_sets_the_highmem_size(struct ktest *test)
{
	unsigned long ram = e820_ram_end_pfn(), pages, low, end;
	bool applied;

	if (!mem_options.highmem_given)
		ktest_skip(test, "boot with highmem=SIZE to check");
	pages = (unsigned long)min(mem_options.highmem_size >> PAGE_SHIFT,
				   (u64)MAX_NONPAE_PFN);
	if (ram <= MAXMEM_PFN) {
		/* RAM fits in lowmem: highmem= takes the top of it... */
		applied = pages < ram &&
			  ram - pages >= (MIN_LOWMEM_SIZE >> PAGE_SHIFT);
		low = ram - (applied ? pages : 0);
		end = ram;
	} else {
		/* ... else it can only make highmem smaller than RAM allows. */
		applied = MAXMEM_PFN + pages <= ram;
		low = MAXMEM_PFN;
		end = applied ? MAXMEM_PFN + pages : ram;
	}
	KTEST_EXPECT_EQ(test, max_low_pfn, low);
	KTEST_EXPECT_EQ(test, max_pfn, end);
	KTEST_EXPECT_EQ(test, zones[ZONE_HIGHMEM].spanned_pages, end - low);
	if (applied)
		KTEST_EXPECT_EQ(test, zones[ZONE_HIGHMEM].spanned_pages, pages);
	/* Lowmem is what RAM leaves. */
	KTEST_EXPECT_EQ(test, max_low_pfn + zones[ZONE_HIGHMEM].spanned_pages,
			max_pfn);
}

static void zones_mem_option_caps_ram(struct ktest *test)
{
	u64 size = mem_options.mem_limit;

	/* mem=0 or a malformed size is refused, as Linux does: no limit. */
	if (!size)
		ktest_skip(test, "boot with mem=SIZE to check");
	KTEST_EXPECT_LE(test, (u64)max_pfn << PAGE_SHIFT, size);
	KTEST_EXPECT_LE(test, memblock_phys_mem_size(), size);
	KTEST_EXPECT_LE(test, (u64)totalram_pages() << PAGE_SHIFT, size);
	for (u32 i = 0; i < e820_table.nr_entries; i++) {
		const struct e820_entry *e = &e820_table.entries[i];

		if (e->type == E820_TYPE_RAM)
			KTEST_EXPECT_LE(test, e->addr + e->size, size);
	}
}

static void zones_page_counts_are_consistent(struct ktest *test)
{
	unsigned long present = 0;
	const struct zone *zone;

	for_each_zone(zone) {
		KTEST_EXPECT_GE(test, zone->spanned_pages, zone->present_pages);
		KTEST_EXPECT_GE(test, zone->present_pages, zone->managed_pages);
		KTEST_EXPECT_GE(test, zone->managed_pages, zone->free_pages);
		if (!zone->spanned_pages)
			continue;
		KTEST_EXPECT_EQ(test, zone->present_pages,
				memblock_pages_in(zone->zone_start_pfn,
						  zone_end_pfn(zone)));
		present += zone->present_pages;
	}
	/* The zones together hold all of RAM. */
	KTEST_EXPECT_EQ(test, present, memblock_phys_mem_size() >> PAGE_SHIFT);
}

static void zones_managed_pages_are_the_unreserved_pages(struct ktest *test)
{
	unsigned long managed = 0, high = 0, free = 0;
	const struct zone *zone;

	for_each_populated_zone(zone) {
		unsigned long owned = 0;

		for (unsigned long pfn = zone->zone_start_pfn;
		     pfn < zone_end_pfn(zone); pfn++)
			if (!PageReserved(pfn_to_page(pfn)))
				owned++;
		KTEST_EXPECT_EQ(test, zone->managed_pages, owned);
		managed += zone->managed_pages;
		free += zone->free_pages;
		if (is_highmem(zone))
			high += zone->managed_pages;
	}
	KTEST_EXPECT_EQ(test, totalram_pages(), managed);
	KTEST_EXPECT_EQ(test, totalhigh_pages(), high);
	KTEST_EXPECT_EQ(test, nr_free_pages(), free);
	KTEST_EXPECT_EQ(test, nr_free_highpages(),
			zones[ZONE_HIGHMEM].free_pages);
}

static void check_page_zone(struct ktest *test, unsigned long pfn)
{
	const struct zone *zone = zone_of_pfn(pfn);
	const struct page *page = pfn_to_page(pfn);

	if (!zone)
		return;
	KTEST_EXPECT_EQ(test, page_zonenum(page), zone->type);
	KTEST_EXPECT_PTR_EQ(test, page_zone(page), zone);
}

static void zones_every_page_carries_its_zone(struct ktest *test)
{
	unsigned long stride = max(max_pfn / SAMPLES, 1UL);
	const struct zone *zone;

	for (unsigned long pfn = 0; pfn < max_pfn; pfn += stride)
		check_page_zone(test, pfn);
	/* The pages on either side of every boundary. */
	for_each_populated_zone(zone) {
		check_page_zone(test, zone->zone_start_pfn);
		check_page_zone(test, zone_end_pfn(zone) - 1);
	}
	KTEST_EXPECT_PTR_EQ(test, zone_of_pfn(max_pfn), NULL);
	KTEST_EXPECT_PTR_EQ(test, zone_of_pfn(max_pfn - 1),
			    max_pfn > max_low_pfn ? &zones[ZONE_HIGHMEM] :
			    max_pfn > MAX_DMA_PFN ? &zones[ZONE_NORMAL] :
						    &zones[ZONE_DMA]);
}

static void check_highmem(struct ktest *test, unsigned long pfn)
{
	KTEST_EXPECT_EQ(test, PageHighMem(pfn_to_page(pfn)),
			pfn >= max_low_pfn);
}

static void zones_pagehighmem_exactly_from_max_low_pfn(struct ktest *test)
{
	unsigned long stride = max(max_pfn / SAMPLES, 1UL);

	for (unsigned long pfn = 1; pfn < max_pfn; pfn += stride)
		check_highmem(test, pfn);
	check_highmem(test, max_low_pfn - 1);
	check_highmem(test, max_pfn - 1);
	if (max_pfn > max_low_pfn)
		check_highmem(test, max_low_pfn);
	KTEST_EXPECT_FALSE(test, is_highmem(&zones[ZONE_NORMAL]));
	KTEST_EXPECT_FALSE(test, is_highmem(&zones[ZONE_DMA]));
	KTEST_EXPECT_TRUE(test, is_highmem(&zones[ZONE_HIGHMEM]));
}

static void zones_watermarks_are_ordered(struct ktest *test)
{
	unsigned long pages_min = (unsigned long)min_free_kbytes >>
				  (PAGE_SHIFT - 10);
	unsigned long lowmem_min = 0, lowmem_zones = 0;
	const struct zone *zone;

	KTEST_EXPECT_GE(test, min_free_kbytes, 128);
	for_each_populated_zone(zone) {
		KTEST_EXPECT_LT(test, min_wmark_pages(zone),
				low_wmark_pages(zone));
		KTEST_EXPECT_LT(test, low_wmark_pages(zone),
				high_wmark_pages(zone));
		KTEST_EXPECT_LT(test, high_wmark_pages(zone),
				zone->managed_pages);
		if (is_highmem(zone)) {
			/* Linux: managed/1024, between 32 and 128 pages. */
			KTEST_EXPECT_GE(test, min_wmark_pages(zone), 32);
			KTEST_EXPECT_LE(test, min_wmark_pages(zone), 128);
			continue;
		}
		lowmem_min += min_wmark_pages(zone);
		lowmem_zones++;
	}
	/* min_free_kbytes is shared out over lowmem, rounding down. */
	KTEST_EXPECT_LE(test, lowmem_min, pages_min);
	KTEST_EXPECT_GT(test, lowmem_min + lowmem_zones, pages_min);
}

static void zones_lowmem_reserve_follows_the_ratios(struct ktest *test)
{
	for (int i = 0; i < MAX_NR_ZONES; i++) {
		unsigned long upper = 0;

		if (!populated_zone(&zones[i]))
			continue; /* an empty zone's reserve is never used */

		for (int j = 0; j < MAX_NR_ZONES; j++) {
			unsigned long want = 0;

			if (j > i) {
				upper += zones[j].managed_pages;
				if (lowmem_reserve_ratio[i])
					want = upper /
					       (unsigned long)
						       lowmem_reserve_ratio[i];
			}
			if (zones[i].lowmem_reserve[j] != want)
				ktest_fail(
					test,
					"zone %s lowmem_reserve[%s] is %lu, expected %lu",
					zones[i].name, zones[j].name,
					zones[i].lowmem_reserve[j], want);
		}
	}
	/* Zones with nothing above them keep nothing back. */
	for (int j = 0; j < MAX_NR_ZONES; j++)
		KTEST_EXPECT_EQ(test, zones[ZONE_HIGHMEM].lowmem_reserve[j], 0);
}

static const struct ktest_case zones_cases[] = {
	KTEST_CASE(zones_boundaries_follow_the_pfn_limits),
	KTEST_CASE(zones_dma32_and_movable_are_empty),
	KTEST_CASE(zones_highmem_option_sets_the_highmem_size),
	KTEST_CASE(zones_mem_option_caps_ram),
	KTEST_CASE(zones_page_counts_are_consistent),
	KTEST_CASE(zones_managed_pages_are_the_unreserved_pages),
	KTEST_CASE(zones_every_page_carries_its_zone),
	KTEST_CASE(zones_pagehighmem_exactly_from_max_low_pfn),
	KTEST_CASE(zones_watermarks_are_ordered),
	KTEST_CASE(zones_lowmem_reserve_follows_the_ratios),
	{}
};
KTEST_SUITE(zones, zones_cases);
