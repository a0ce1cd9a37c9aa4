// SPDX-License-Identifier: GPL-2.0
/*
 * zones_demo.c - `demo zones`: why physical memory is cut in zones, and
 * where this boot cut it.
 *
 * A zone is a range of page frames that the same hardware limits apply
 * to: ZONE_DMA is what an ISA device's 24 address lines reach (16 MB);
 * ZONE_NORMAL is the rest of what the kernel's direct map covers (up to
 * 896 MB: 1 GB of kernel space less the vmalloc reserve); ZONE_HIGHMEM is
 * everything above, reachable only through kmap.  DMA32 and Movable exist
 * and are empty on i386.  Each zone is a page allocator of its own, with
 * its own free lists, watermarks and per-CPU list.
 *
 * Every number is this boot's, read from the zones, so the demo tells the
 * truth at -m 128M as at -m 3G.  The sections hold nothing across pauses:
 * the one that allocates gives its pages back before it ends.
 */
#include <demo.h>
#include <highmem.h>
#include <kernel.h>
#include <mm.h>
#include <percpu.h>
#include <printk.h>

static void zd_ranges(void)
{
	struct zone *zone;

	kprintf("  %-8s %-21s %9s %9s  %s\n", "zone", "physical", "MB",
		"managed", "pfns");
	for_each_zone(zone) {
		if (!zone->spanned_pages) {
			kprintf("  %-8s %-21s %9s %9s  (empty on i386)\n",
				zone->name, "-", "0", "0");
			continue;
		}
		kprintf("  %-8s %#010llx-%#010llx %9lu %9lu  %#lx-%#lx\n",
			zone->name, (u64)zone->zone_start_pfn << PAGE_SHIFT,
			((u64)zone_end_pfn(zone) << PAGE_SHIFT) - 1,
			zone->spanned_pages >> 8, zone->managed_pages,
			zone->zone_start_pfn, zone_end_pfn(zone) - 1);
	}
	kprintf("  managed: the pages the buddy allocator owns (the rest hold the\n"
		"  kernel, mem_map, the BIOS's areas).  The boot log's \"Zone ranges\"\n"
		"  and /proc/zoneinfo say the same.\n");
}

static void zd_why(void)
{
	kprintf("  DMA    < %lu MB: an ISA DMA controller drives 24 address lines, so\n"
		"         it reaches the first 16 MB only.  GFP_DMA asks for it.\n",
		MAX_DMA_ADDRESS >> 20);
	kprintf("  Normal < %lu MB: the direct map, where virtual = physical +\n"
		"         %#lx; it gets the kernel's 1 GB less the vmalloc reserve\n"
		"         (%lu MB): MAXMEM = %lu MB.  max_low_pfn = %#lx here.\n",
		max_low_pfn >> 8, PAGE_OFFSET, __VMALLOC_RESERVE >> 20,
		MAXMEM >> 20, max_low_pfn);
	if (totalhigh_pages())
		kprintf("  HighMem: the %lu MB above: no permanent kernel address; kmap or\n"
			"         kmap_local lends one for a while (demo highmem).\n",
			(max_pfn - max_low_pfn) >> 8);
	else
		kprintf("  HighMem: empty in this boot: all %lu MB of RAM fit under\n"
			"         MAXMEM.  Boot with -m 2G, or highmem=64M, to have one.\n",
			max_pfn >> 8);
	kprintf("  DMA32 (below 4 GB, for 32-bit devices) is empty: on i386 all of\n"
		"  lowmem is below 4 GB already.  Movable is empty: nothing migrates.\n");
}

static void zd_one_page(gfp_t gfp, const char *name)
{
	struct page *page = alloc_page(gfp | __GFP_NOWARN);
	void *addr;

	if (!page) {
		kprintf("  %-12s -> NULL\n", name);
		return;
	}
	addr = page_address(page);
	kprintf("  %-12s -> pfn %#7lx, physical %#010llx, %-7s ", name,
		page_to_pfn(page), page_to_phys(page), page_zone(page)->name);
	if (addr)
		kprintf("at %p\n", addr);
	else
		kprintf("no address\n");
	__free_page(page);
}

static void zd_pages(void)
{
	kprintf("  One page with each zone modifier, and its kernel address:\n");
	zd_one_page(GFP_DMA, "GFP_DMA");
	zd_one_page(GFP_KERNEL, "GFP_KERNEL");
	zd_one_page(GFP_HIGHMEM, "GFP_HIGHMEM");
	kprintf("  A lowmem page's address is arithmetic (__va: + %#lx); a\n"
		"  highmem page has none until kmap.  GFP_HIGHMEM only allows\n"
		"  highmem: without a HighMem zone it gets Normal.\n",
		PAGE_OFFSET);
}

static void zd_allocators(void)
{
	struct zone *zone;

	kprintf("  %-8s %9s %6s %6s %6s %8s %6s\n", "zone", "free", "min",
		"low", "high", "pcp high", "batch");
	for_each_populated_zone(zone) {
		/* high and batch are the same on every CPU: this one's. */
		const struct per_cpu_pages *pcp =
			this_cpu_ptr(zone->per_cpu_pageset);

		kprintf("  %-8s %9lu %6lu %6lu %6lu %8d %6d\n", zone->name,
			zone->free_pages, min_wmark_pages(zone),
			low_wmark_pages(zone), high_wmark_pages(zone),
			pcp->high, pcp->batch);
	}
	kprintf("  Each zone has its own free lists (a row of /proc/buddyinfo), its\n"
		"  watermarks, a list per CPU and its lowmem_reserve: an allocation\n"
		"  takes from one zone, never from two (demo buddy, demo gfp).\n");
}

static const struct demo_section zones_sections[] = {
	{ "The zones of this machine", zd_ranges },
	{ "Why the lines are where they are", zd_why },
	{ "A page from each zone", zd_pages },
	{ "Each zone is an allocator of its own", zd_allocators },
};
DEMO(zones, "DMA, Normal, HighMem: where this boot's zones lie and why",
     zones_sections, NULL);
